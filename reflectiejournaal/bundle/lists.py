"""deduce's lookup lists, loaders and tokenizer, imported without deduce's side effects.

Importing deduce configures the root logger to print DEBUG lines on stdout and turns on every
warning for the whole program. A null handler in place makes the first call do nothing (and
nothing is ever logged), and the warning filters are restored after the import.
"""

from __future__ import annotations

import itertools
import logging
import warnings

logging.getLogger().addHandler(logging.NullHandler())
with warnings.catch_warnings():
    import deduce.annotator  # noqa: F401 — loaded by name from deduce's configuration
    import docdeid as dd
    from deduce import lookup_struct_loader as loaders
    from deduce.deduce import _LOOKUP_LIST_PATH, _DeduceProcessorLoader
    from deduce.lookup_structs import load_raw_itemsets
    from deduce.tokenizer import DeduceTokenizer

__all__ = ["dd", "loaders", "processor_loader", "raw_lists", "tokenizer_from"]


def raw_lists(paths: list[str]) -> dict[str, set[str]]:
    """deduce's lists (``names/lst_surname`` → ``surname``), its exceptions and variants applied."""
    return load_raw_itemsets(base_path=_LOOKUP_LIST_PATH, subdirs=paths)


def tokenizer_from(raw: dict[str, set[str]]) -> DeduceTokenizer:
    """deduce's tokenizer, which keeps "van der" and "dr." as one token."""
    prefix, interfix = loaders.load_prefix_lookup(raw), loaders.load_interfix_lookup(raw)
    return DeduceTokenizer(merge_terms=itertools.chain(prefix.items(), interfix.items()))


def processor_loader() -> _DeduceProcessorLoader:
    """deduce's loader of annotators and post-processing from a configuration (not public API:
    deduce is pinned below 3.1, and tests fail at once if it changes)."""
    return _DeduceProcessorLoader()
