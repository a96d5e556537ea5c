"""The encrypted metadata and search cache, kept in the user's cache folder (never synced).

Listing and searching ten thousand entries must not decrypt and parse each one every time, so
each entry's front matter and folded text is cached under a key derived from the vault key,
together with the size, time and inode of the file it came from. A missing, foreign or damaged
cache is simply rebuilt; a changed file is re-read. Nothing in it is readable without the key.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from . import crypto
from .errors import DecryptionFailed, WriteFailed
from .fsutil import atomic_write, make_private_dir
from .model import Entry
from .search import fold, prepare

CACHE_VERSION = 1


@dataclass(frozen=True)
class EntrySummary:
    """What lists and search results show, without decrypting the entry."""

    id: str
    kind: str
    title: str
    created: dt.datetime
    updated: dt.datetime
    trajectory: str | None
    meeting: int | None
    prompt_set: str | None
    tags: tuple[str, ...]
    words: int

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "created": self.created.isoformat(),
            "updated": self.updated.isoformat(),
            "trajectory": self.trajectory,
            "meeting": self.meeting,
            "prompt_set": self.prompt_set,
            "tags": list(self.tags),
            "words": self.words,
        }


@dataclass
class Record:
    """One item as cached: the file signature it was read from, and what was derived."""

    signature: tuple[int, ...]
    item_type: str
    meta: dict[str, object] | None = None  # EntrySummary.to_json() for entries
    folded: str = ""  # folded title, tags and body, for search
    body_at: int = 0  # where the body starts in ``folded``
    _summary: EntrySummary | None = None

    @classmethod
    def for_entry(cls, signature: tuple[int, ...], entry: Entry) -> Record:
        head = fold(prepare(entry.title)) + "\n" + fold(" ".join(entry.tags)) + "\n"
        summary = EntrySummary(
            entry.id, entry.kind, entry.title, entry.created, entry.updated, entry.trajectory,
            entry.meeting, entry.prompt_set, entry.tags, entry.words,
        )
        return cls(
            signature, "entry", summary.to_json(), head + fold(prepare(entry.body)), len(head),
            summary,
        )

    @property
    def summary(self) -> EntrySummary:
        if self._summary is None:
            m = self.meta or {}
            self._summary = EntrySummary(
                id=str(m["id"]),
                kind=str(m["kind"]),
                title=str(m["title"]),
                created=dt.datetime.fromisoformat(str(m["created"])),
                updated=dt.datetime.fromisoformat(str(m["updated"])),
                trajectory=m["trajectory"],  # type: ignore[arg-type]
                meeting=m["meeting"],  # type: ignore[arg-type]
                prompt_set=m["prompt_set"],  # type: ignore[arg-type]
                tags=tuple(m["tags"]),  # type: ignore[arg-type]
                words=int(m["words"]),  # type: ignore[call-overload]
            )
        return self._summary

    def to_json(self) -> list[object]:
        return [list(self.signature), self.item_type, self.meta, self.folded, self.body_at]

    @classmethod
    def from_json(cls, data: list[object]) -> Record:
        signature, item_type, meta, folded, body_at = data
        return cls(tuple(signature), item_type, meta, folded, body_at)  # type: ignore[arg-type]


def _associated_data(vault_id: str) -> bytes:
    return f"rj-cache-v{CACHE_VERSION}|{vault_id}".encode("ascii")


def load_cache(path: Path, key: bytes, vault_id: str) -> dict[str, Record]:
    """The cached records, or an empty cache when there is none that fits this vault."""
    try:
        sealed = path.read_bytes()
        document = json.loads(crypto.open_sealed(key, sealed, _associated_data(vault_id)))
        if document.get("version") != CACHE_VERSION:
            return {}
        return {item_id: Record.from_json(r) for item_id, r in document["records"].items()}
    except (OSError, DecryptionFailed, ValueError, KeyError, TypeError):
        return {}


def save_cache(path: Path, key: bytes, vault_id: str, records: dict[str, Record]) -> bool:
    """Write the cache; returns False when that failed, which costs only a rebuild later."""
    document = {
        "version": CACHE_VERSION,
        "records": {item_id: r.to_json() for item_id, r in records.items()},
    }
    plaintext = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    try:
        make_private_dir(path.parent)
        atomic_write(path, crypto.seal(key, plaintext, _associated_data(vault_id)))
    except (OSError, WriteFailed):
        return False
    return True
