"""Item files: their names, what a scan of the folder finds, reading one safely."""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat as stat_module
from collections.abc import Iterator
from typing import TypeVar
from dataclasses import dataclass
from pathlib import Path

from .errors import (
    DamagedItem,
    NotAVault,
)

ITEMS_DIR = "items"
LOCK_WAIT_SECONDS = 10.0  # another process's write takes milliseconds; a rekey longer
T = TypeVar("T")
ITEM_SUFFIX = ".rj"
ITEM_MAGIC = b"RJIT"
ITEM_VERSION = 1
ITEM_ID = re.compile(r"[0-9a-f]{16}")
STALE_TEMP_SECONDS = 3600
MAX_KEPT_KEYS = 64  # older keys a header keeps (one per rekey)
MAX_VERSION_DIGITS = 13  # an item's version; more is damage (and would slow int() down)
MAX_VERSION = 10**12  # no one saves an item a trillion times: above is damage, never written
# No item the app writes comes near this (an entry's text is capped far below it): a bigger file
# in items/ is damage, named, never read whole (a planted 2 GiB sparse file cost 7 GB and a
# crash of every command that listed the vault).
MAX_ITEM_BYTES = 64 * 1024 * 1024


def new_item_id() -> str:
    """A random 64-bit id: names files without revealing dates, titles or order."""
    return secrets.token_hex(8)


@dataclass(frozen=True, slots=True)
class ItemFile:
    """One item file on disk, with what is needed to notice that it changed."""

    item_id: str
    folder: Path
    name: str
    signature: tuple[int, int, int]  # size, mtime and inode: inodes change on every replace

    @property
    def path(self) -> Path:
        # Built on demand: making 10,000 Path objects on every scan costs more than the scan.
        return self.folder / self.name

    @classmethod
    def from_stat(cls, item_id: str, folder: Path, name: str, stat: os.stat_result) -> ItemFile:
        return cls(item_id, folder, name, (stat.st_size, stat.st_mtime_ns, stat.st_ino))


@dataclass(frozen=True)
class OpenedItem:
    """A decrypted item: what it is, which version, and whether it needs re-encrypting."""

    item_id: str
    item_type: str
    version: int  # 0 for items written before versions existed
    body: bytes
    key_rank: int  # 0: the key new writes use; 1: the current key of a rekey under way; 2: older

    @property
    def old_key(self) -> bool:
        """Not under the key new writes use (a rekey re-encrypts it)."""
        return self.key_rank > 0


@dataclass(frozen=True)
class Scan:
    """What the items folder holds: regular items, conflict copies, and unreadable strays."""

    items: dict[str, ItemFile]
    conflicts: list[ItemFile]
    strays: list[Path]


def clear_item_id(data: bytes) -> str | None:
    head = len(ITEM_MAGIC)
    if data[:head] != ITEM_MAGIC or data[head : head + 1] != bytes([ITEM_VERSION]):
        return None
    raw = data[head + 1 : head + 17]
    try:
        item_id = raw.decode("ascii")
    except UnicodeDecodeError:
        return None
    return item_id if ITEM_ID.fullmatch(item_id) else None


def read_regular(path: Path) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most :data:`MAX_ITEM_BYTES`; a
    symlink, a FIFO or a file too big put in its place is damage, never followed, waited on or
    read whole."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except OSError as exc:  # a symlink (ELOOP), a file this user may not read (mode 000)
        reason = "header" if exc.errno == errno.ELOOP else "unreadable"
        raise DamagedItem(path.name, reason) from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if not stat_module.S_ISREG(info.st_mode):
            raise DamagedItem(path.name, "header")
        if info.st_size > MAX_ITEM_BYTES:
            raise DamagedItem(path.name, "item_too_large")
        try:
            return handle.read(MAX_ITEM_BYTES + 1)
        except OSError:
            raise DamagedItem(path.name, "unreadable") from None


def items_folder(vault: Path) -> Path:
    """``vault``'s items folder, if it is a real one. A link put in its place (a sync peer
    can) is never followed: entries would be written into the folder it points to, and that
    folder's files cleaned up, reported as damage and deleted on the app's advice."""
    folder = vault / ITEMS_DIR
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        raise NotAVault(vault, "no_items") from None
    if not stat_module.S_ISDIR(mode):
        raise NotAVault(vault, "items_not_a_folder")
    return folder


def listed_files(path: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(path) as entries:
            yield from entries
    except FileNotFoundError:
        raise NotAVault(path.parent, "no_items") from None
