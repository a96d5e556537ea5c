"""The encrypted metadata and search cache, kept in the user's cache folder (never synced).

Listing and searching ten thousand entries must not decrypt and parse each one every time, so
each entry's front matter and text (folded for matching, with what a snippet needs to show it
as written) is cached under a key derived from the vault key, together with the size, time and
inode of the file it came from. A missing, foreign or damaged
cache is simply rebuilt; a changed file is re-read. Nothing in it is readable without the key.

The file has two sealed sections: the metadata (small; all a list needs) and the texts (large;
loaded only on the first search). With each folded text come the characters where the text
as written differs from it (see :class:`search.AsWritten`): a snippet then needs no decryption
of its entry, and no second copy of every text is held. The text section is bound to its
metadata section by a random generation id in its associated data, and read through the file
handle opened with the metadata, so a cache replaced in between by another process cannot be
mixed in.
"""

from __future__ import annotations

import itertools
import json
import os
import secrets
import sys
from array import array
from functools import partial
from pathlib import Path
from typing import BinaryIO

from .vault import crypto
from .vault.bulk import collector_paused
from .errors import DecryptionFailed, WriteFailed
from .vault.fsutil import atomic_write, make_private_dir, remove_stale_temp_files
from .index import EntrySummary, Record
from .search import AsWritten

CACHE_VERSION = 6  # 4: apostrophes and hyphens folded to one form; 5: item versions; 6: as written
_LENGTH_BYTES = 8


def _utf8_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8"))


def _text_lengths(record: Record) -> list[int]:
    """Bytes of the folded text, bytes of the characters as written, how many there are."""
    if record.text is None:
        return [0, 0, 0]
    return [_utf8_length(record.folded or ""), _utf8_length(record.text.chars),
            len(record.text.positions)]


def _text_bytes(record: Record) -> bytes:
    """A record's part of the text section: the folded text, then the characters as written,
    then their offsets (4 bytes each, little-endian), so a reader can split it by its lengths."""
    if record.text is None:
        return b""
    positions = array("I", record.text.positions)
    if sys.byteorder == "big":
        positions.byteswap()
    return ((record.folded or "").encode("utf-8") + record.text.chars.encode("utf-8")
            + positions.tobytes())


def _from_text_bytes(data: bytes, folded_size: int, chars_size: int) -> tuple[str, AsWritten]:
    """The folded text now; the characters as written when a snippet first needs them (only
    their few bytes are kept until then, not a second copy of the text)."""
    view = memoryview(data)
    folded = str(view[:folded_size], "utf-8")
    differences = bytes(view[folded_size:])
    return folded, AsWritten(folded, make=partial(_differences, differences, chars_size))


def _differences(data: bytes, chars_size: int) -> tuple[array, str]:
    view = memoryview(data)
    chars = str(view[:chars_size], "utf-8")
    positions = array("I")
    positions.frombytes(view[chars_size:])
    if sys.byteorder == "big":
        positions.byteswap()
    if len(chars) != len(positions):  # authenticated: only a bug gets here; show it folded
        return array("I"), ""
    return positions, chars


def _ad(vault_id: str, section: str) -> bytes:
    return f"rj-cache-v{CACHE_VERSION}|{vault_id}|{section}".encode("ascii")


class CacheFile:
    """Reading and writing the cache file; see the module docstring for its two sections."""

    def __init__(self, path: Path, key: bytes, vault_id: str) -> None:
        self.path = path
        self._key = key
        self._vault_id = vault_id
        self._handle: BinaryIO | None = None
        self._texts_at = 0
        self._generation = ""
        self._order: list[str] = []
        self._lengths: list[tuple[int, int, int]] = []  # see _text_bytes
        self._signatures: dict[str, tuple] = {}  # the file each cached text was read from

    def load(self) -> dict[str, Record]:
        """The cached records without their texts; empty when no cache fits this vault."""
        with collector_paused():
            return self._load()

    def _load(self) -> dict[str, Record]:
        self.close()
        try:
            handle = open(self.path, "rb")
        except OSError:
            return {}
        try:
            size = int.from_bytes(handle.read(_LENGTH_BYTES), "big")
            if size > os.fstat(handle.fileno()).st_size - _LENGTH_BYTES:
                raise ValueError("damaged length")  # never trust a length to allocate
            sealed = handle.read(size)
            document = json.loads(crypto.open_sealed(self._key, sealed, _ad(self._vault_id, "meta")))
            if document["version"] != CACHE_VERSION:
                raise ValueError("version")
            records = {}
            for item_id, row in document["records"].items():
                signature, item_type, meta, body_at, lengths, version, key_rank = row
                summary = EntrySummary.from_row(meta) if meta is not None else None
                records[item_id] = Record(tuple(signature), item_type, summary, None, body_at,
                                          version, key_rank)
                self._signatures[item_id] = tuple(signature)
                self._order.append(item_id)
                self._lengths.append(tuple(lengths))
            self._generation = document["generation"]
        except (OSError, DecryptionFailed, ValueError, KeyError, TypeError):
            handle.close()
            self._order, self._lengths, self._signatures = [], [], {}
            return {}
        self._handle, self._texts_at = handle, _LENGTH_BYTES + size
        return records

    def load_texts(self, records: dict[str, Record]) -> bool:
        """Fill in the texts of records still as cached; False if the texts are unreadable.

        Decrypted as a stream, record by record, so no second copy of all texts is ever held;
        if the section fails to authenticate at its end, every text taken from it is dropped.
        """
        if self._handle is None:
            return False
        with collector_paused():
            return self._load_texts(records)

    def _load_texts(self, records: dict[str, Record]) -> bool:
        filled: list[Record] = []
        try:
            self._handle.seek(0, os.SEEK_END)
            length = self._handle.tell() - self._texts_at
            self._handle.seek(self._texts_at)
            plain = crypto.open_stream(self._key, self._handle, length,
                                       _ad(self._vault_id, f"texts|{self._generation}"))
            buffer, start = bytearray(), 0
            for item_id, (folded_size, chars_size, count) in zip(self._order, self._lengths):
                size = folded_size + chars_size + 4 * count
                while len(buffer) - start < size:
                    del buffer[:start]  # compact only when more data is needed
                    start = 0
                    buffer += next(plain)
                record = records.get(item_id)
                # Only to the record of the very file the text was read from: an entry deleted
                # or changed since keeps none of its old text (a tombstone has none to keep).
                if (record is not None and record.folded is None
                        and record.signature == self._signatures.get(item_id)):
                    record.folded, record.text = _from_text_bytes(
                        bytes(buffer[start : start + size]), folded_size, chars_size)
                    filled.append(record)
                start += size
            for _ in plain:  # run to the end: that is where the tag is checked
                pass
        except (OSError, DecryptionFailed, ValueError, StopIteration):
            for record in filled:
                record.folded = record.text = None
            return False
        finally:
            self.close()
        return True

    def save(self, records: dict[str, Record]) -> bool:
        """Write the cache; False when that failed, which costs only a rebuild later.

        Texts are encoded and encrypted record by record as they are written.
        """
        order = list(records)
        generation = secrets.token_hex(8)
        meta = {
            "version": CACHE_VERSION,
            "generation": generation,
            "records": {
                i: [
                    list(records[i].signature), records[i].item_type,
                    records[i].summary.to_row() if records[i].summary else None,
                    records[i].body_at, _text_lengths(records[i]),
                    records[i].version, records[i].key_rank,
                ]
                for i in order
            },
        }
        sealed_meta = crypto.seal(
            self._key, json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
            _ad(self._vault_id, "meta"),
        )
        encoded = (_text_bytes(records[i]) for i in order)
        texts = crypto.seal_stream(self._key, encoded,
                                   _ad(self._vault_id, f"texts|{generation}"))
        try:
            make_private_dir(self.path.parent)
            remove_stale_temp_files(self.path.parent)  # a killed writer's (ciphertext only)
            atomic_write(self.path, itertools.chain(
                [len(sealed_meta).to_bytes(_LENGTH_BYTES, "big"), sealed_meta], texts))
        except (OSError, WriteFailed):
            return False
        return True

    def close(self) -> None:
        if self._handle is not None:
            self._handle.close()
            self._handle = None

