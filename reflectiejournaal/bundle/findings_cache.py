"""What the bundle review found in each entry, kept between scans, sealed.

A scan of 250 entries costs seconds, and a bundle is scanned again and again: after a word is
marked, when the command is run once more, at the next meeting with many of the same entries.
The costly part of a scan (:meth:`Detector.base`: numbers, patterns, deduce, towns, names no
list knows) depends only on the text, the day and the detector, so it is kept for each part of
each entry with its text's hash: in memory for the life of a review, and in the user's cache
folder (never synced), sealed with a key derived from the vault's cache key like the search
cache. The client list and the marks are applied afresh on every scan (:meth:`Detector.finish`).

A part holds while its text is the same, for the detector that made it (a fingerprint of its
code and lists), and until a date in the text could be read otherwise
(:func:`birth_dates.steady_until`: a date more than four years back reads as a date of birth).
An entry that is gone from the vault is gone from the file at the next save; the bundle's own
fields (the note, the names) are kept in memory only. Anything else, and a file that does not
open, is an empty cache. It only ever saves time.
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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import DecryptionFailed, WriteFailed
from ..index import EntrySummary
from ..vault import crypto
from ..vault.fsutil import atomic_write, make_private_dir
from .birth_dates import steady_until
from .findings import Finding

_FORMAT = 3
_INFO = b"rj-findings-cache-v1"
_ENTRY = "entry:"  # the parts kept in the file: "entry:<id>:title", "…:body", "…:tags"


@dataclass(frozen=True)
class _Part:
    text_hash: str
    made: dt.date  # a clock set back is no reason to serve it: it holds from this day
    until: dt.date | None  # the first day a date in the text may read otherwise; None: never
    found: list[Finding]


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
    """The base findings of the parts of a bundle, by the part's key, for one detector."""

    def __init__(self, today: dt.date, path: Path | None = None, key: bytes | None = None) -> None:
        self.today = today
        self.path = path
        self._key = crypto.hkdf(key, b"", _INFO) if key is not None else None
        self._parts: dict[str, _Part] = {}
        self._versions: dict[str, str] = {}  # entry id → its version when its parts were scanned
        self._seen: set[str] = set()  # the parts asked for or scanned in this process
        self._changed = False
        self._lock = threading.Lock()
        if path is not None and self._key is not None:
            self._parts, self._versions = self._read(path, self._key)

    @classmethod
    def of_vault(cls, today: dt.date, cache_dir: Path | None, vault_id: str,
                 cache_key: bytes) -> FindingsCache:
        """The cache of one vault, in the user's cache folder (in memory without one)."""
        return cls(today, path_of(cache_dir, vault_id) if cache_dir is not None else None, cache_key)

    def get(self, part: str, text: str) -> list[Finding] | None:
        """What ``part`` held when its text was ``text``, if that still holds today."""
        with self._lock:
            kept = self._parts.get(part)
            if kept is None or kept.text_hash != _hash(text) or not self._holds(kept):
                return None
            self._seen.add(part)
            return kept.found

    def put(self, part: str, text: str, base: list[Finding]) -> None:
        kept = _Part(_hash(text), self.today, steady_until(text, self.today), base)
        with self._lock:  # the app may start a scan while a cancelled one still runs
            self._parts[part] = kept
            self._seen.add(part)
            self._changed = True

    def __len__(self) -> int:
        return len(self._parts)

    def entries(self) -> set[str]:
        """The entries some part of which is kept."""
        with self._lock:
            return {_entry_id(part) for part in self._parts if part.startswith(_ENTRY)}

    def waiting(self, entries: Mapping[str, str]) -> list[str]:
        """The entries (id → version, as :func:`entry_versions` gives them) not scanned at
        their version now, the latest written first."""
        with self._lock:
            return sorted((entry_id for entry_id, version in entries.items()
                           if self._versions.get(entry_id) != version),
                          key=entries.__getitem__, reverse=True)

    def save(self, entries: Mapping[str, str] | None = None) -> None:
        """Write the entries' parts, if there is a file and anything new. With ``entries`` (the
        vault's entries now, each with its version) what no longer is goes: the parts of an
        entry deleted or changed since it was scanned, and the parts an entry scanned now no
        longer has (a title made the body's first line, the tags taken off). A failure costs
        only time."""
        if self.path is None or self._key is None:
            return
        with self._lock:
            if entries is not None:
                self._forget_what_is_gone(entries)
            if not self._changed:
                return
            parts = {part: [kept.text_hash, kept.made.isoformat(),
                            kept.until.isoformat() if kept.until else None,
                            [[f.kind, f.start, f.end, f.text, f.confidence, f.detector, f.entity]
                             for f in kept.found]]
                     for part, kept in self._parts.items() if part.startswith(_ENTRY)}
            versions = dict(self._versions)
            self._changed = False
        try:
            document = {"format": _FORMAT, "detector": fingerprint(), "parts": parts,
                        "versions": versions}
            plain = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            make_private_dir(self.path.parent)
            atomic_write(self.path, crypto.seal(self._key, crypto.pad(plain), _INFO))
        except (OSError, WriteFailed):
            return

    def _forget_what_is_gone(self, entries: Mapping[str, str]) -> None:
        scanned = {_entry_id(part) for part in self._seen if part.startswith(_ENTRY)}
        for entry_id in scanned & entries.keys():
            self._versions[entry_id] = entries[entry_id]
        gone = [part for part in self._parts if part.startswith(_ENTRY) and (
            (entry_id := _entry_id(part)) not in entries
            or (part not in self._seen if entry_id in scanned
                else self._versions.get(entry_id) != entries[entry_id]))]
        for part in gone:
            del self._parts[part]
        kept_entries = {_entry_id(part) for part in self._parts if part.startswith(_ENTRY)}
        versions = {i: v for i, v in self._versions.items() if i in kept_entries}
        self._changed = self._changed or bool(gone) or versions != self._versions
        self._versions = versions

    def _holds(self, kept: _Part) -> bool:
        return kept.made <= self.today and (kept.until is None or self.today < kept.until)

    def _read(self, path: Path, key: bytes) -> tuple[dict[str, _Part], dict[str, str]]:
        """The file's parts that hold today, and the entries' versions; an empty cache, and
        the file removed, when it is of another detector or key, damaged, or no regular file
        of a sane size (a FIFO would hang)."""
        try:
            sealed = _read_regular(path)
        except FileNotFoundError:
            return {}, {}
        except OSError:
            return {}, {}  # not ours to remove: a FIFO, a folder, a link, too big
        try:
            document = json.loads(crypto.unpad(crypto.open_sealed(key, sealed, _INFO)))
            if document.get("format") == _FORMAT and document.get("detector") == fingerprint():
                parts = {part: _Part(text_hash, dt.date.fromisoformat(made),
                                     dt.date.fromisoformat(until) if until else None,
                                     [Finding(*values) for values in found])
                         for part, (text_hash, made, until, found) in document["parts"].items()}
                held = {part: kept for part, kept in parts.items() if self._holds(kept)}
                self._changed = len(held) < len(parts)  # what no longer holds leaves the file
                versions = {str(i): str(v) for i, v in dict(document["versions"]).items()}
                return held, versions
        except (OSError, ValueError, TypeError, KeyError, AttributeError, DecryptionFailed):
            pass
        # Another detector, a rekey, damaged: what it held of deleted entries goes too.
        path.unlink(missing_ok=True)
        return {}, {}


def path_of(cache_dir: Path, vault_id: str) -> Path:
    """Where a vault's findings are kept (``forget`` removes the file: after a rekey)."""
    return cache_dir / f"{vault_id}.findings"


def forget(cache_dir: Path | None, vault_id: str) -> None:
    """Remove the vault's findings file: sealed under a key the vault no longer has."""
    if cache_dir is not None:
        path_of(cache_dir, vault_id).unlink(missing_ok=True)


def forget_deleted(today: dt.date, cache_dir: Path | None, vault_id: str, cache_key: bytes,
                   entries: Mapping[str, str]) -> None:
    """Right after a delete: what the vault no longer holds leaves the file (if there is one)."""
    if cache_dir is not None and path_of(cache_dir, vault_id).exists():
        FindingsCache.of_vault(today, cache_dir, vault_id, cache_key).save(entries)


def entry_versions(summaries: Iterable[EntrySummary]) -> dict[str, str]:
    """The vault's entries with their versions, as :meth:`FindingsCache.save` takes them."""
    return {summary.id: summary.updated.isoformat() for summary in summaries}


def _entry_id(part: str) -> str:
    return part.removeprefix(_ENTRY).split(":", 1)[0]


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
