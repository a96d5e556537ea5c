"""What the bundle review found in each text, kept between scans, sealed.

A scan of 250 entries costs seconds, and a bundle is scanned again and again: after a word is
marked, when the command is run once more, the next evening with most of the same entries.
The costly part of a scan (:meth:`Detector.base`: numbers, patterns, deduce, towns, names no
list knows) depends only on the text, the day and the detector, so it is kept by the text's
hash: in memory for the life of a review, and in the user's cache folder (never synced),
sealed with a key derived from the vault's cache key like the search cache. The client list
and the marks are applied afresh on every scan (:meth:`Detector.finish`).

A cache holds for the day it was made (a date more than four years back reads as a date of
birth) and for the detector that made it (a fingerprint of the detector's code and lists);
anything else, and a file that does not open, is an empty cache. It only ever saves time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
import threading
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from ..errors import DecryptionFailed, WriteFailed
from ..vault import crypto
from ..vault.fsutil import atomic_write, make_private_dir
from .findings import Finding

_FORMAT = 1
_INFO = b"rj-findings-cache-v1"


@cache
def fingerprint() -> str:
    """A hash of everything a scan's outcome depends on: the detector's code, its word lists,
    its tables' manifests and the versions of the libraries it runs."""
    digest = hashlib.sha256()
    root = resources.files(__package__)
    names = sorted(p.name for p in root.iterdir() if p.name.endswith((".py", ".txt")))
    for name in names:
        digest.update(name.encode() + b"\0" + root.joinpath(name).read_bytes())
    for name in ("manifest.json", "words.npz"):
        digest.update(root.joinpath("tables", name).read_bytes())
    for package in _LIBRARIES:  # an upgrade may find otherwise
        digest.update(f"{package}={metadata.version(package)}".encode())
    return digest.hexdigest()


_LIBRARIES = ("deduce", "docdeid", "phonenumbers", "python-stdnum", "babel")


class FindingsCache:
    """The base findings of texts by their hash, for one day and one detector."""

    def __init__(self, today: dt.date, path: Path | None = None, key: bytes | None = None) -> None:
        self.today = today
        self.path = path
        self._key = crypto.hkdf(key, b"", _INFO) if key is not None else None
        self._parts: dict[str, list[Finding]] = {}
        self._changed = False
        self._lock = threading.Lock()
        if path is not None and self._key is not None:
            self._parts = self._read(path, self._key)

    @classmethod
    def of_vault(cls, today: dt.date, cache_dir: Path | None, vault_id: str,
                 cache_key: bytes) -> FindingsCache:
        """The day's cache of one vault, in the user's cache folder (in memory without one)."""
        path = cache_dir / f"{vault_id}.findings" if cache_dir is not None else None
        return cls(today, path, cache_key)

    def get(self, text: str) -> list[Finding] | None:
        with self._lock:
            return self._parts.get(_hash(text))

    def put(self, text: str, base: list[Finding]) -> None:
        with self._lock:  # the app may start a scan while a cancelled one still runs
            self._parts[_hash(text)] = base
            self._changed = True

    def __len__(self) -> int:
        return len(self._parts)

    def save(self) -> None:
        """Write the cache, if it has a file and anything new; a failure costs only time."""
        if self.path is None or self._key is None or not self._changed:
            return
        with self._lock:
            parts = {h: [[f.kind, f.start, f.end, f.text, f.confidence, f.detector, f.entity]
                         for f in found] for h, found in self._parts.items()}
            self._changed = False
        try:
            document = {"format": _FORMAT, "today": self.today.isoformat(),
                        "detector": fingerprint(), "parts": parts}
            plain = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            make_private_dir(self.path.parent)
            atomic_write(self.path, crypto.seal(self._key, crypto.pad(plain), _INFO))
        except (OSError, WriteFailed):
            return

    def _read(self, path: Path, key: bytes) -> dict[str, list[Finding]]:
        """The file's parts; an empty cache, and the file removed, when it is of another day,
        detector or key, damaged, or no regular file of a sane size (a FIFO would hang)."""
        try:
            sealed = _read_regular(path)
        except FileNotFoundError:
            return {}
        except OSError:
            return {}  # not ours to remove: a FIFO, a folder, a link, too big
        try:
            document = json.loads(crypto.unpad(crypto.open_sealed(key, sealed, _INFO)))
            if (document.get("format") == _FORMAT and document.get("today") == self.today.isoformat()
                    and document.get("detector") == fingerprint()):
                return {h: [Finding(*values) for values in found]
                        for h, found in document["parts"].items()}
        except (OSError, ValueError, TypeError, KeyError, AttributeError, DecryptionFailed):
            pass
        # Stale (another day, a rekey) or damaged: what it held of deleted entries goes too.
        path.unlink(missing_ok=True)
        return {}


_MAX_BYTES = 64 << 20  # a day's findings of a lifetime's journal are a few MB


def _read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of the user's, not a link, not too big."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BYTES or info.st_uid != os.getuid():
            raise OSError("not a findings cache")
        return file.read(info.st_size)


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
