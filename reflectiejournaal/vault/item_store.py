"""The vault's items: sealed and opened, written and read, scanned, found by a prefix."""

from __future__ import annotations

import datetime as dt
import functools
import secrets
import threading
from collections.abc import Callable
from pathlib import Path

from . import crypto
from .bulk import collector_paused
from .errors import (
    AmbiguousId,
    DamagedItem,
    DecryptionFailed,
    ItemNotFound,
    NotAVault,
    WriteFailed,
)
from .files import ITEM_ID, items_folder, ITEM_MAGIC, ITEM_SUFFIX, ITEM_VERSION, ItemFile, MAX_VERSION, MAX_VERSION_DIGITS, OpenedItem, Scan, T, clear_item_id, listed_files, read_regular
from .slots import Keyring
from .fsutil import (
    atomic_write,
    fsync_dir,
    os_reason,
)


def with_write_lock(method: Callable[..., T]) -> Callable[..., T]:
    """The method runs holding the writer lock (see :meth:`Vault.write_lock`)."""

    @functools.wraps(method)
    def locked(self, *args: object, **kwargs: object) -> T:  # type: ignore[no-untyped-def]
        with self.write_lock():
            return method(self, *args, **kwargs)

    return locked


class ItemStore:
    """Encrypted items in ``items/``; part of :class:`Vault` (uses its keys and locks)."""

    # The vault's state this part uses, set by Vault (declared here so that types check).
    path: Path
    vault_id: str
    keys: Keyring
    _item_keys: list[bytes]
    _writing: threading.RLock

    def _item_path(self, item_id: str) -> Path:
        if not ITEM_ID.fullmatch(item_id):
            raise ItemNotFound(item_id)
        return items_folder(self.path) / f"{item_id}{ITEM_SUFFIX}"

    def _associated_data(self, item_id: str) -> bytes:
        return f"rj-item-v{ITEM_VERSION}|{self.vault_id}|{item_id}".encode("ascii")

    def seal_item(self, item_id: str, item_type: str, body: bytes, version: int = 1) -> bytes:
        """The exact bytes of an item file (the version travels inside the ciphertext)."""
        first_line = f"{item_type} {version}" if version else item_type
        return self._seal(item_id, crypto.pad(first_line.encode("ascii") + b"\n" + body))

    def _seal(self, item_id: str, padded: bytes) -> bytes:
        clear = ITEM_MAGIC + bytes([ITEM_VERSION]) + item_id.encode("ascii")
        return clear + crypto.seal(self._item_keys[0], padded, self._associated_data(item_id))

    def _open(self, data: bytes, name: str) -> tuple[str, bytes, int]:
        """``(item_id, padded plaintext, index of the key that opened it)``."""
        item_id = clear_item_id(data)
        if item_id is None:
            raise DamagedItem(name, "header")
        sealed = data[len(ITEM_MAGIC) + 1 + 16 :]
        for index, key in enumerate(self._item_keys):
            try:
                return item_id, crypto.open_sealed(key, sealed, self._associated_data(item_id)), index
            except DecryptionFailed:
                continue
        raise DamagedItem(name, "authentication")

    def open_item(self, data: bytes, name: str) -> OpenedItem:
        """Decrypt the bytes of an item file."""
        item_id, padded, key_index = self._open(data, name)
        try:
            plaintext = crypto.unpad(padded)
        except DecryptionFailed:
            raise DamagedItem(name, "layout") from None
        first_line, newline, body = plaintext.partition(b"\n")
        item_type, _, version = first_line.decode("ascii", "replace").partition(" ")
        if not newline or not (version == "" or (
                version.isascii() and version.isdigit() and len(version) <= MAX_VERSION_DIGITS
            and int(version) <= MAX_VERSION)):
            raise DamagedItem(name, "layout")
        rank = 0 if key_index == 0 else 1 if key_index < self.keys.live else 2
        return OpenedItem(item_id, item_type, int(version or 0), body, rank)

    def open_item_bytes(self, data: bytes, name: str) -> tuple[str, str, bytes]:
        """Decrypt the bytes of an item file: ``(item_id, item_type, body)``."""
        opened = self.open_item(data, name)
        return opened.item_id, opened.item_type, opened.body

    @with_write_lock
    def write(self, item_id: str, item_type: str, body: bytes, version: int | None = None) -> ItemFile:
        """Encrypt and durably replace one item; on failure the old version is intact.

        ``version`` defaults to one more than the version on disk.
        """
        path = self._item_path(item_id)
        with self._writing:
            if version is None:
                try:
                    version = self.read_opened(item_id).version + 1
                except (ItemNotFound, DamagedItem):
                    version = 1
            if version > MAX_VERSION:  # only after someone with a key wrote a huge one
                raise DamagedItem(path.name, "layout")
            atomic_write(path, self.seal_item(item_id, item_type, body, version))
            return ItemFile.from_stat(item_id, path.parent, path.name, path.stat())

    @with_write_lock
    def write_copy(self, item_id: str, item_type: str, body: bytes, version: int) -> ItemFile:
        """Keep a version beside the item instead of over it: a conflict copy, as a sync tool
        makes one, for a write that found the item changed by another writer meanwhile."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{item_id}.conflict-{stamp}-{secrets.token_hex(3)}{ITEM_SUFFIX}"
        path = items_folder(self.path) / name
        atomic_write(path, self.seal_item(item_id, item_type, body, version))
        return ItemFile.from_stat(item_id, path.parent, name, path.stat())

    def read_opened(self, item_id: str) -> OpenedItem:
        path = self._item_path(item_id)
        try:
            data = read_regular(path)
        except FileNotFoundError:
            raise ItemNotFound(item_id) from None
        return self.open_file(ItemFile(item_id, path.parent, path.name, (0, 0, 0)), data)

    def open_file(self, item: ItemFile, data: bytes | None = None) -> OpenedItem:
        """Decrypt one scanned file, checking that it really is the item its name says."""
        data = read_regular(item.path) if data is None else data
        opened = self.open_item(data, item.name)
        if opened.item_id != item.item_id:
            raise DamagedItem(item.name, "swapped")
        return opened

    def read(self, item_id: str) -> tuple[str, bytes]:
        """``(item_type, body)`` of one item."""
        opened = self.read_opened(item_id)
        return opened.item_type, opened.body

    def read_file(self, item: ItemFile, data: bytes | None = None) -> tuple[str, bytes]:
        """``(item_type, body)`` of one scanned file."""
        opened = self.open_file(item, data)
        return opened.item_type, opened.body

    @with_write_lock
    def delete(self, item_id: str) -> None:
        path = self._item_path(item_id)
        try:
            path.unlink()
        except FileNotFoundError:
            raise ItemNotFound(item_id) from None
        except OSError as exc:
            raise WriteFailed(path, os_reason(exc)) from exc
        fsync_dir(path.parent)

    @with_write_lock
    def remove_file(self, path: Path) -> None:
        """Remove a conflict copy the user has dealt with: only ever a file in the vault's own
        items folder (a link there is removed as a link, never followed)."""
        if path.parent != items_folder(self.path):
            raise NotAVault(self.path, "items_not_a_folder")
        path.unlink()
        fsync_dir(path.parent)

    def scan(self) -> Scan:
        """List the items folder without decrypting: only names, sizes and times."""
        with collector_paused():
            return self._scan()

    def _scan(self) -> Scan:
        items: dict[str, ItemFile] = {}
        conflicts: list[ItemFile] = []
        strays: list[Path] = []
        folder = items_folder(self.path)
        for entry in listed_files(folder):
            name = entry.name
            # Hidden files are our own writes in progress or a sync tool's (.syncthing.*.tmp,
            # .~lock*, .DS_Store): never items, and not damage either.
            # A symlink is never ours: one planted in a synced folder is not followed.
            if name.startswith(".") or not entry.is_file(follow_symlinks=False):
                continue
            stat = entry.stat()
            stem = name[: -len(ITEM_SUFFIX)] if name.endswith(ITEM_SUFFIX) else None
            if stem is not None and ITEM_ID.fullmatch(stem):
                items[stem] = ItemFile.from_stat(stem, folder, name, stat)
                continue
            # Another name: a sync tool's conflict copy if its clear header names an item.
            try:
                with open(entry.path, "rb") as handle:
                    item_id = clear_item_id(handle.read(64))
            except OSError:  # unreadable (mode 000): reported, never in the way of the rest
                item_id = None
            if item_id is None:
                strays.append(Path(entry.path))
            else:
                conflicts.append(ItemFile.from_stat(item_id, folder, name, stat))
        return Scan(items, sorted(conflicts, key=lambda c: c.name), sorted(strays))

    def scan_one(self, item_id: str) -> ItemFile:
        path = self._item_path(item_id)
        try:
            return ItemFile.from_stat(item_id, path.parent, path.name, path.stat())
        except FileNotFoundError:
            raise ItemNotFound(item_id) from None

    def resolve_id(self, prefix: str, known: set[str] | None = None) -> str:
        """Full id for an id or unique prefix of at least four characters."""
        known = set(self.scan().items) if known is None else known
        prefix = prefix.strip().lower()
        if prefix in known:
            return prefix
        matches = sorted(i for i in known if i.startswith(prefix)) if len(prefix) >= 4 else []
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            raise AmbiguousId(prefix, matches)
        raise ItemNotFound(prefix)
