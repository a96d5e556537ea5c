"""The formats a bundle is written in (light: the command line's parser needs the names only),
and what a file already at a bundle's place holds."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

FORMATS = ("html-encrypted", "html", "md")
SEALED = "html-encrypted"  # the only format the supervisor can write feedback in
SUFFIX = {"html-encrypted": ".html", "html": ".html", "md": ".md"}
OTHER = "other"  # a file that is no bundle of this app (or cannot be read)
_SEALED_MARK = b'<pre id="payload" hidden>'  # what only a sealed page holds (bundle/html.py)


def form_of(path: Path) -> tuple[str, dt.date] | None:
    """What the file at ``path`` is — one of :data:`FORMATS`, or :data:`OTHER` — and the day it
    was last written; ``None`` when nothing is there. Only a regular file is opened (a FIFO
    would hang), and only its first megabyte read."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError:
        return OTHER, dt.date.today()
    day = dt.date.fromtimestamp(info.st_mtime)
    if not stat.S_ISREG(info.st_mode):
        return OTHER, day
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            head = handle.read(1 << 20)
    except OSError:
        return OTHER, day
    if _SEALED_MARK in head:
        return SEALED, day
    if path.suffix.lower() == ".md":
        return "md", day
    return ("html" if b"<html" in head.lower() else OTHER), day


def default_name(stem: str, fmt: str, day: dt.date, form_word: str) -> str:
    """A bundle's proposed file name: the day and the form in it, so that a sealed and a
    readable bundle of one day never take each other's place ("~/bundel-2026-12-08-verzegeld.html")."""
    return f"{stem}-{day.isoformat()}-{form_word}{SUFFIX[fmt]}"
