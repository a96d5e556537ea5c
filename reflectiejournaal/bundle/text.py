"""The text of a bundle as the supervisor will see it, before anything is scanned.

Whatever renders the same must be found the same. A name can be written so that a plain
search misses it while a browser or Markdown viewer shows it whole: as character references
(``&#78;oor``), with invisible characters pasted from a word processor (a soft hyphen or a
zero-width space inside ``No\\u00adortje``), in full-width or ligature letters (``Ｎｏｏｒ``,
``Soﬁe``), decomposed (``Zoe\\u0308`` from macOS), or with emphasis inside the word
(``**No**or``). The review scans — and the bundle is built from — this normalised copy, so no
offsets need mapping back; what the supervisor gets is what was scanned.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_INNER_STARS = re.compile(r"(?<=[^\W\d_])[*`]+(?=[^\W\d_])")  # emphasis or code inside a word
_JOINER_IN_WORD = re.compile(r"(?<=[^\W\d_])[\u200d\u034f\ufe00-\ufe0f]+(?=[^\W\d_])")
_BROKEN_WORD = re.compile(r"(?<=[^\W\d_])-[ \t]*\r?\n[ \t]*(?=[^\W\d_])")
_INVISIBLE = "\u00ad\u200b\u200c\u2060\ufeff\u180e"  # soft hyphen, zero-width (non-)joiners …


def compose(text: str) -> str:
    """The normalised text: references to letters decoded, invisible characters out,
    compatibility letters and digits plain, composed Unicode, no emphasis inside a word."""
    text = _REFERENCE.sub(_letter_reference, text)
    text = unicodedata.normalize("NFC", text).translate(_table())
    text = _JOINER_IN_WORD.sub("", text)  # a zero-width joiner between emoji stays
    text = _BROKEN_WORD.sub("", text)  # "Jo-\nrien", pasted from a page that hyphenated it
    return _INNER_STARS.sub("", text)


def _letter_reference(match: re.Match[str]) -> str:
    """``&#78;`` → ``N``, ``&eacute;`` → ``é`` and ``&shy;`` → (nothing, as it shows);
    ``&amp;`` and ``&lt;`` stay as written."""
    decoded = html.unescape(match.group())
    if len(decoded) == 1 and unicodedata.category(decoded) == "Cf" and decoded != "\u200d":
        return ""
    return decoded if len(decoded) == 1 and (decoded.isalnum() or decoded == "\u200d") \
        else match.group()


class _PlainLetters(dict[int, "str | None"]):
    """What ``str.translate`` reads: each character looked up once, when first met (every
    letter of the Basic Multilingual Plane up front took 70 ms of every bundle process)."""

    def __missing__(self, code: int) -> str | None:
        self[code] = plain = _plain(code)
        return plain


def _plain(code: int) -> str | None:
    """Full-width and ligature letters and digits as plain ones; invisible characters removed.
    Only letters and decimal digits are changed: ``…`` and ``²`` keep their form."""
    char = chr(code)
    if char in _INVISIBLE or 0x200E <= code < 0x2010 or 0x202A <= code < 0x202F \
            or 0x2061 <= code < 0x2070 or 0xE0000 <= code < 0xE0080:
        # Every other format character (direction marks and isolates, invisible operators,
        # tag characters) shows nothing either; the zero-width joiner stays for emoji.
        return None
    if code < 0xA0 or code >= 0x10000 or (unicodedata.category(char)[0] != "L"
                                          and unicodedata.category(char) != "Nd"):
        return char
    plain = unicodedata.normalize("NFKC", char)
    return plain if plain != char and plain.isalnum() else char


@cache
def _table() -> _PlainLetters:
    return _PlainLetters()
