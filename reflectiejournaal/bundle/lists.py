"""deduce's lookup lists, loaders and tokenizer, imported without deduce's side effects.

Importing deduce configures the root logger to print DEBUG lines on stdout and turns on every
warning for the whole program. A null handler in place makes the first call do nothing (and
nothing is ever logged), and the warning filters are restored after the import.
"""

from __future__ import annotations

import itertools
import logging
import re
import warnings
from pathlib import Path

logging.getLogger().addHandler(logging.NullHandler())
with warnings.catch_warnings():
    import deduce.annotator  # noqa: F401 — loaded by name from deduce's configuration
    import docdeid as dd
    from deduce import lookup_struct_loader as loaders
    from deduce.deduce import _LOOKUP_LIST_PATH, _DeduceProcessorLoader
    from deduce.tokenizer import DeduceTokenizer
    from deduce.utils import optional_load_items, optional_load_json, str_variations

__all__ = ["QuickTokenizer", "dd", "loaders", "processor_loader", "raw_lists", "tokenizer_from"]


def raw_lists(paths: list[str]) -> dict[str, set[str]]:
    """deduce's lists (``names/lst_surname`` → ``surname``), its exceptions and variants applied.

    The same sets as deduce's ``load_raw_itemsets`` (a test compares them), made in a fifth of
    the time: see :func:`_with_variants`.
    """
    return {path.split("/")[-1].removeprefix("lst_"): _raw_itemset(_LOOKUP_LIST_PATH / "src" / path)
            for path in paths}


def _raw_itemset(path: Path) -> set[str]:
    """deduce's ``load_raw_itemset``: items less exceptions, sub-lists, then variants."""
    items = optional_load_items(path / "items.txt") or set()
    items -= optional_load_items(path / "exceptions.txt") or set()
    for sub_list in sorted(path.glob("lst_*")):
        items |= _raw_itemset(sub_list)
    config = optional_load_json(path / "transform.json")
    return items if config is None else _with_variants(items, config)


def _with_variants(items: set[str], config: dict) -> set[str]:
    """deduce's ``apply_transform``, which tries each of ~150 patterns on each of 700,000
    street names (a minute). One alternation of a transform's patterns finds the few items
    any of them touches first; only those get deduce's own ``str_variations`` (the rest would
    come back unchanged)."""
    for transform in config.get("transforms", {}).values():
        touched = re.compile("|".join(f"(?:{pattern})" for pattern in transform))
        variants: list[str] = []
        for item in items:
            if touched.search(item):
                variants += str_variations(item, transform)
        items.update(variants)
    return {item.strip() for item in items} if config.get("strip_lines", True) else items


def tokenizer_from(raw: dict[str, set[str]]) -> DeduceTokenizer:
    """deduce's tokenizer, which keeps "van der" and "dr." as one token."""
    prefix, interfix = loaders.load_prefix_lookup(raw), loaders.load_interfix_lookup(raw)
    return DeduceTokenizer(merge_terms=itertools.chain(prefix.items(), interfix.items()))


def processor_loader() -> _DeduceProcessorLoader:
    """deduce's loader of annotators and post-processing from a configuration (not public API:
    deduce is pinned below 3.1, and tests fail at once if it changes)."""
    return _DeduceProcessorLoader()


class _Token(str):
    """A token's text, as the loaders read it (``token.text``), without docdeid's Token."""

    __slots__ = ()

    @property
    def text(self) -> str:
        return str(self)


class QuickTokenizer:
    """deduce's tokenizer for building the tables only: the same token texts (a test compares
    them on every list), without the Token objects that made it 60% of a minute's build.
    Reads the tokenizer's pattern and merge terms (deduce is pinned below 3.1)."""

    def __init__(self, tokenizer: DeduceTokenizer) -> None:
        self._pattern = tokenizer._pattern  # noqa: SLF001
        self._merges = tokenizer._trie  # noqa: SLF001
        self._starts = tokenizer._start_words  # noqa: SLF001

    def tokenize(self, text: str) -> list[_Token]:
        spans = [match.span() for match in self._pattern.finditer(text)]
        words = [text[start:end] for start, end in spans]
        tokens, index = [], 0
        while index < len(words):
            merged = (self._merges.longest_matching_prefix(words, start_i=index)
                      if self._merges is not None and words[index] in self._starts else None)
            if merged:
                last = index + len(merged) - 1
                tokens.append(_Token(text[spans[index][0]:spans[last][1]]))
                index = last + 1
            else:
                tokens.append(_Token(words[index]))
                index += 1
        return tokens
