"""Control characters in text that came from outside: taken out of what is kept, and made
visible wherever text is printed.

An imported entry, a client list from elsewhere or a synced peer's text can hold terminal
escape sequences: printed raw, OSC 52 writes the user's clipboard, others clear the screen or
draw fake lines. Bidi controls reorder what is shown. Every such character is written as a
visible escape instead (``\\x1b``, ``\\u202e``); a line break and a tab stay.
"""

from __future__ import annotations

import re

# The bidi overrides, embeddings and isolates, which reorder what is shown.
BIDI_OVERRIDES = "\u202a-\u202e\u2066-\u2069"
# C0 and C1 controls but the line break and the tab, DEL, the bidi overrides and the plain
# direction marks.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f" + BIDI_OVERRIDES + "]")


def visible_controls(text: str) -> str:
    """``text`` with every control character but a line break and a tab escaped."""
    return _CONTROLS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# What a text keeps of them: the line break, the carriage return of a Windows line end and the
# tab. Bidi overrides, embeddings and isolates go (they reorder what is shown); the plain
# direction marks stay (a name in Arabic or Hebrew may need them).
_NOT_KEPT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + BIDI_OVERRIDES + "]")


def without_controls(text: str) -> str:
    """``text`` without the control characters that could drive a terminal (an escape
    sequence's ESC, a bell, C1 controls) or reorder it."""
    return _NOT_KEPT.sub("", text)
