"""Links, images and autolinks of Markdown as text: their text with the address beside it in
code (``tekst (`https://…`)``), outside code. Done before the review scans an entry, so a name
in a link's text is replaced in plain text; and again for the bundle, where what could still
open a link in some viewer is escaped too (:func:`markdown.without_links`).
"""

from __future__ import annotations

import re

from ..locale import t

IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
LINK = re.compile(r"\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"\n]*\")?\s*\)")
AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>", re.IGNORECASE)
FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE = re.compile(r"(`+[^`]*`+)")


def links_as_text(markdown: str, line_as_text=None) -> str:  # type: ignore[no-untyped-def]
    """``markdown`` with every link, image and autolink outside code as text (each line outside
    fences through ``line_as_text`` when given, which does more). Fences are tracked as
    CommonMark does (same character, at least as long as the opener)."""
    out, fence = [], ""
    for line in markdown.split("\n"):
        opener = FENCE_LINE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence) \
                    and not line.strip().strip(fence[0]):
                fence = ""
        elif opener:
            fence = opener.group(1)
        else:
            line = (line_as_text or _line_links_as_text)(line)
        out.append(line)
    return "\n".join(out)


def outside_code(line: str, change) -> str:  # type: ignore[no-untyped-def]
    """``line`` with ``change`` applied to every part outside inline code."""
    parts = _CODE.split(line)
    for index in range(0, len(parts), 2):
        parts[index] = change(parts[index])
    return "".join(parts)


def part_links_as_text(part: str) -> str:
    part = IMAGE.sub(lambda m: f"[{t('bundle.image')}: {m.group(1) or m.group(2)}]", part)
    part = LINK.sub(lambda m: f"{m.group(1)} (`{m.group(2)}`)" if m.group(2) else m.group(1), part)
    return AUTOLINK.sub(lambda m: f"`{m.group(1)}`", part)


def _line_links_as_text(line: str) -> str:
    return outside_code(line, part_links_as_text)
