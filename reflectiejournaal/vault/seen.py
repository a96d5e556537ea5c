"""What this device has seen of a vault: each item's highest version, and the deleted ids.

Kept on this device only (the user's state folder, never synced), so that a synced folder
cannot rewrite it: an older authentic version of an item put back (a rollback), a deleted item
whose old file returns (a resurrection), an item that disappears without being deleted, and a
header from before a rekey can all be told apart from ordinary work. Sealed under a key derived
from the vault's first key, which every header of the vault gives (a header put back from
before a rekey must not make this device forget); a file that does not open is treated as new.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from . import crypto
from .errors import DecryptionFailed, WriteFailed
from .fsutil import atomic_write, make_private_dir


KEYS_ID = "sleutel"  # the anomaly of the header's key, not of an item


def key_mark(vault_key: bytes) -> str:
    """A short fingerprint of a vault key: which keys came after which, without the keys."""
    return crypto.hkdf(vault_key, b"", b"rj-key-mark-v1", 8).hex()


def _key(vault_key: bytes) -> bytes:
    return crypto.hkdf(vault_key, b"", b"rj-seen-key-v1")


def _ad(vault_id: str) -> bytes:
    return f"rj-seen-v1|{vault_id}".encode("ascii")


@dataclass
class SeenState:
    versions: dict[str, int] = field(default_factory=dict)  # item id -> highest version seen
    deleted: set[str] = field(default_factory=set)  # ids whose highest version was a deletion
    keys: list[str] = field(default_factory=list)  # marks of the header's keys, in order
    forgotten: set[str] = field(default_factory=set)  # this session's forgotten ids (not saved)

    @classmethod
    def load(cls, path: Path, vault_id: str, first_key: bytes) -> SeenState:
        try:
            sealed = path.read_bytes()
        except OSError:
            return cls()
        try:
            document = json.loads(crypto.open_sealed(_key(first_key), sealed, _ad(vault_id)))
            versions = {str(k): int(v) for k, v in document["versions"].items()}
            return cls(versions, {str(i) for i in document["deleted"]},
                       [str(m) for m in document["keys"]])
        except (DecryptionFailed, ValueError, KeyError, TypeError, AttributeError,
                OverflowError):  # "Infinity" is valid JSON and no int
            return cls()

    def merge(self, other: SeenState) -> None:
        """What another process of this device saw meanwhile (the command line beside the
        app): the higher version of each item wins, with its deletion. (Key marks change only
    under the session lock, by one process.)"""
        for item_id, version in other.versions.items():
            if item_id in self.forgotten:
                continue
            if version > self.versions.get(item_id, 0):
                self.versions[item_id] = version
                if item_id in other.deleted:
                    self.deleted.add(item_id)
                else:
                    self.deleted.discard(item_id)

    def forget(self, item_id: str) -> None:
        """The user accepted that the item is gone: not brought back by :meth:`merge`."""
        self.versions.pop(item_id, None)
        self.deleted.discard(item_id)
        self.forgotten.add(item_id)

    def save(self, path: Path, vault_id: str, key: bytes) -> bool:
        self.merge(SeenState.load(path, vault_id, key))
        document = {"versions": self.versions, "deleted": sorted(self.deleted), "keys": self.keys}
        sealed = crypto.seal(_key(key), json.dumps(document, separators=(",", ":")).encode(),
                             _ad(vault_id))
        try:
            make_private_dir(path.parent)
            atomic_write(path, sealed)
        except (OSError, WriteFailed):
            return False
        return True
