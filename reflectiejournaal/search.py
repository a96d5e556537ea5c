"""Full-text search: case- and accent-insensitive matching on folded text.

Folding keeps the length of the (NFC) text, so an offset found in the folded text is the same
offset in the original: snippets and highlights need no second search.
"""

from __future__ import annotations

import re
import shlex
import unicodedata
from dataclasses import dataclass


def _build_fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x80, 0x2500):
        char = chr(code)
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        ).lower()
        # Only one-to-one replacements, so folding keeps the length (İ becomes i here,
        # before str.lower would make two characters of it).
        if len(base) == 1 and base != char:
            table[code] = base
    for space in "\t\n\r\v\f\u00a0":
        table[ord(space)] = " "
    # One apostrophe and one hyphen however they were typed or pasted: D’Hondt is D'Hondt,
    # Jan‑Willem (a non-breaking hyphen) is Jan-Willem; the Turkish dotless ı is an i.
    for apostrophe in "\u2019\u2018\u02bc\u00b4\u0060\u2032":
        table[ord(apostrophe)] = "'"
    for dash in "\u2010\u2011\u2012\u2013\u2212":
        table[ord(dash)] = "-"
    table[ord("\u0131")] = "i"
    return table


_FOLD: dict[int, str] = {}  # built on first use: a command that only lists never needs it
_SPACES = re.compile(r"\s+")
# Between the words of a phrase: spaces, and emphasis or code marks around a word.
# Possessive (no backtracking): a long run of blank lines must not make a phrase search slow.
_BETWEEN_WORDS = r"[*_`~]*+\s[\s*_`~]*+"


def fold(text: str) -> str:
    """Lower case without accents, whitespace as spaces; same length as ``text``."""
    if not _FOLD:
        _FOLD.update(_build_fold_table())
    if text.isascii():
        return text.lower().translate(_FOLD)
    return text.translate(_FOLD).lower()


def prepare(text: str) -> str:
    """The original form that :func:`fold` offsets refer to (composed Unicode)."""
    return unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Query:
    """Every term must occur; a quoted term is a phrase."""

    terms: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> Query:
        try:
            parts = shlex.split(text)
        except ValueError:  # an unbalanced quote: treat the text as plain words
            parts = text.replace('"', " ").split()
        terms = (_SPACES.sub(" ", fold(prepare(p))).strip() for p in parts)
        return cls(tuple(dict.fromkeys(t for t in terms if t)))

    def __post_init__(self) -> None:
        # A phrase also matches across Markdown emphasis and line breaks: "van grenzen
        # stellen" finds "van **grenzen** stellen".
        phrases = {t: re.compile(_BETWEEN_WORDS.join(
                       re.escape(word.strip("*_`~")) for word in t.split(" ")))
                   for t in self.terms if " " in t}
        object.__setattr__(self, "_phrases", phrases)

    def __bool__(self) -> bool:
        return bool(self.terms)

    def _find(self, term: str, folded: str) -> tuple[int, int]:
        phrase = self._phrases.get(term)  # type: ignore[attr-defined]
        if phrase is None:
            return folded.find(term), len(term)
        found = phrase.search(folded)
        return (found.start(), found.end() - found.start()) if found else (-1, 0)

    def matches(self, folded: str) -> bool:
        return all(self._find(term, folded)[0] >= 0 for term in self.terms)

    def first_match(self, folded: str) -> tuple[int, int] | None:
        """``(offset, length)`` of the earliest term occurrence in ``folded``."""
        found = [self._find(t, folded) for t in self.terms]
        found = [f for f in found if f[0] >= 0]
        return min(found) if found else None


def snippet(original: str, folded: str, query: Query, width: int = 60,
            before_match: int = 20) -> tuple[str, int, int]:
    """``(text, start, end)``: context around the first match, with the match's span in it.

    Little context before the match, more after: in a narrow column (80 columns) the match
    is still in view. Markdown's marks (headings, emphasis, code, an entry's id) are left out:
    the snippet reads as text."""
    hit = query.first_match(folded)
    if hit is None:
        text = _SPACES.sub(" ", _plain(original[: 2 * width])).strip()
        return text, 0, 0
    offset, length = hit
    begin = max(0, offset - before_match)
    end = min(len(original), offset + length + width)
    # Cut at word boundaries, not mid-word.
    if begin > 0 and (space := original.find(" ", begin, offset)) >= 0:
        begin = space + 1
    if end < len(original) and (space := original.rfind(" ", offset + length, end)) >= 0:
        end = space
    before = _SPACES.sub(" ", _plain(original[begin:offset])).lstrip()
    match = _SPACES.sub(" ", _plain(original[offset : offset + length]))
    after = _SPACES.sub(" ", _plain(original[offset + length : end])).rstrip()
    prefix = "…" if begin > 0 else ""
    suffix = "…" if end < len(original) else ""
    text = f"{prefix}{before}{match}{after}{suffix}"
    start = len(prefix) + len(before)
    return text, start, start + len(match)


# An entry's id in a terugblik's list, code marks, emphasis, and heading or quote marks.
_MARKS = re.compile(r"\s?\(`[0-9a-f]{16}`\)|`|\*\*|__|(?:^|(?<=\s))(?:#{1,6}|>)(?=\s)")


def _plain(text: str) -> str:
    return _MARKS.sub("", text)
