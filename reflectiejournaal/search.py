"""Full-text search: case- and accent-insensitive matching on folded text.

Folding keeps the length of the (NFC) text, so an offset found in the folded text is the same
offset in the original: snippets and highlights need no second search.
"""

from __future__ import annotations

import re
import shlex
from array import array
from bisect import bisect_left
from collections.abc import Callable
import unicodedata
from dataclasses import dataclass


_APOSTROPHES = "\u2019\u2018\u02bc\u00b4\u0060\u2032"
_DASHES = "\u2010\u2011\u2012\u2013\u2212"


def _fold_char(char: str) -> str:
    """One character folded; always one character, so folding keeps the length."""
    if char in "\t\n\r\v\f\u00a0":
        return " "
    # One apostrophe and one hyphen however they were typed or pasted: D’Hondt is D'Hondt,
    # Jan‑Willem (a non-breaking hyphen) is Jan-Willem; the Turkish dotless ı is an i.
    if char in _APOSTROPHES:
        return "'"
    if char in _DASHES:
        return "-"
    if char == "\u0131":
        return "i"
    if char in _NO_DECOMPOSITION:  # ø, ł, đ: one letter each, as people type them without
        return _NO_DECOMPOSITION[char]
    if not 0x80 <= ord(char) < 0x2500:
        return char
    base = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    ).lower()
    # Only one-to-one replacements (İ becomes i here, before str.lower makes two of it).
    return base if len(base) == 1 else char


_NO_DECOMPOSITION = {"ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ħ": "h",
                     "Ħ": "h", "ŧ": "t", "Ŧ": "t"}


class _FoldTable(dict):
    """A translation table filled in as characters are met: most commands fold a few words,
    and working out all 9,000 characters up front would cost more than their search."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()
_SPACES = re.compile(r"\s+")
# Between the words of a phrase: spaces, and emphasis or code marks around a word.
# Possessive (no backtracking): a long run of blank lines must not make a phrase search slow.
_BETWEEN_WORDS = r"[*_`~]*+\s[\s*_`~]*+"


def fold(text: str) -> str:
    """Lower case without accents, whitespace as spaces; same length as ``text``."""
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

    def _find(self, term: str, folded: str, start: int = 0) -> tuple[int, int]:
        phrase = self._phrases.get(term)  # type: ignore[attr-defined]
        if phrase is None:
            return folded.find(term, start), len(term)
        found = phrase.search(folded, start)
        return (found.start(), found.end() - found.start()) if found else (-1, 0)

    def matches(self, folded: str) -> bool:
        return all(self._find(term, folded)[0] >= 0 for term in self.terms)

    def first_match(self, folded: str, start: int = 0) -> tuple[int, int] | None:
        """``(offset, length)`` of the earliest term occurrence in ``folded[start:]`` (the
        offset counted in ``folded``: no copy of a long text is made to search its end)."""
        found = [self._find(t, folded, start) for t in self.terms]
        found = [f for f in found if f[0] >= 0]
        return min(found) if found else None


def snippet(original: str | AsWritten, match: tuple[int, int], width: int = 60,
            before_match: int = 20, text_at: int = 0) -> tuple[str, int, int]:
    """``(text, start, end)``: context around ``match`` (``(offset, length)`` from
    :meth:`Query.first_match`), with the match's span in it; ``original`` before
    ``text_at`` is not part of the text (an entry's title and tags before its body).

    Little context before the match, more after: in a narrow column (80 columns) the match
    is still in view. Markdown's marks (headings, emphasis, code, an entry's id) are left out:
    the snippet reads as text."""
    offset, length = match
    begin = max(text_at, offset - before_match)
    end = min(len(original), offset + length + width)
    cut_before, cut_after = begin > text_at, end < len(original)
    window = original[begin:end]  # the one piece read: an AsWritten rebuilds only this
    at, stop = offset - begin, offset - begin + length
    first, last = 0, len(window)
    # Cut at word boundaries, not mid-word.
    if cut_before and (space := window.find(" ", 0, at)) >= 0:
        first = space + 1
    if cut_after and (space := window.rfind(" ", stop, last)) >= 0:
        last = space
    before = _SPACES.sub(" ", _plain(window[first:at])).lstrip()
    found = _SPACES.sub(" ", _plain(window[at:stop]))
    after = _SPACES.sub(" ", _plain(window[stop:last])).rstrip()
    prefix = "…" if cut_before else ""
    suffix = "…" if cut_after else ""
    start = len(prefix) + len(before)
    return f"{prefix}{before}{found}{after}{suffix}", start, start + len(found)


# Where a text as written can differ from its folded form: capitals, whitespace other than a
# space, the backquote, and anything outside ASCII.
_MAY_DIFFER = re.compile(r"[A-Z\t\n\r\x0b\x0c`]|[^\x00-\x7f]")


class AsWritten:
    """A text as written, kept as its folded form and the characters where the two differ.

    Those are a few in a hundred (capitals, accents, line breaks), so this costs far less
    memory than a second copy of every text; slicing gives back the text as written. The
    differences may be given as a function that makes them when first needed: a search of
    thousands of cached texts builds them only for the hits it shows.
    """

    __slots__ = ("folded", "_positions", "_chars", "_make")

    def __init__(self, folded: str, positions: array | None = None, chars: str = "",
                 make: Callable[[], tuple[array, str]] | None = None) -> None:
        self.folded = folded
        self._positions = positions if positions is not None else array("I")
        self._chars = chars
        self._make = make

    @classmethod
    def of(cls, written: str, folded: str) -> AsWritten:
        """``folded`` is ``fold(written)``."""
        positions, chars = array("I"), []
        for candidate in _MAY_DIFFER.finditer(written):
            at = candidate.start()
            if folded[at] != written[at]:
                positions.append(at)
                chars.append(written[at])
        return cls(folded, positions, "".join(chars))

    @property
    def positions(self) -> array:
        """Ascending offsets into ``folded`` where the text as written differs."""
        self._made()
        return self._positions

    @property
    def chars(self) -> str:
        """The character as written at each of :attr:`positions`."""
        self._made()
        return self._chars

    def _made(self) -> None:
        if self._make is not None:
            self._positions, self._chars = self._make()
            self._make = None

    def __len__(self) -> int:
        return len(self.folded)

    def __getitem__(self, span: slice) -> str:
        start, stop, _ = span.indices(len(self.folded))
        positions, chars = self.positions, self.chars
        low = bisect_left(positions, start)
        high = bisect_left(positions, stop, low)
        if low == high:
            return self.folded[start:stop]
        piece = list(self.folded[start:stop])
        for k in range(low, high):
            piece[positions[k] - start] = chars[k]
        return "".join(piece)

    def __str__(self) -> str:
        return self[:]


# An entry's id in a terugblik's list, code marks, emphasis, and heading or quote marks.
_MARKS = re.compile(r"\s?\(`[0-9a-f]{16}`\)|`|\*\*|__|(?:^|(?<=\s))(?:#{1,6}|>)(?=\s)")


_MARK_SIGNS = re.compile(r"[`*_#>]")  # quick to rule out: most text has no marks at all


def _plain(text: str) -> str:
    return _MARKS.sub("", text) if _MARK_SIGNS.search(text) else text
