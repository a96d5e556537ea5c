"""The vault folder: creating and unlocking it, and reading and writing encrypted items.

An item is one file ``items/<id>.rj``. Its small clear header names the item id so that a copy
made by a sync tool under another name (a *conflict copy*) is still recognised — and because the
id, vault id and format version are bound into the AEAD associated data, a file copied over
another item or into another vault does not decrypt. See ``docs/vault-format.md``.
"""

from __future__ import annotations

import datetime as dt
import errno
import functools
import glob
import os
import re
import secrets
import stat as stat_module
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from . import crypto
from .bulk import collector_paused
from .errors import (
    JournalError,
    UnfinishedRekey,
    VaultChangedElsewhere,
    WrongPassphrase,
    AmbiguousId,
    DamagedItem,
    DecryptionFailed,
    ItemNotFound,
    NotAVault,
    RestoreInterrupted,
    VaultExists,
    VaultNotFound,
    WriteFailed,
)
from .fsutil import (
    WriterLock,
    atomic_write,
    fsync_dir,
    holds_anything,
    make_private_dir,
    os_reason,
    remove_stale_temp_files,
)
from .header import (
    HEADER_FILE,
    MAX_HEADER_BYTES,
    Header,
    Keyring,
    PendingRekey,
    open_retired,
    seal_retired,
)
from .recovery import format_recovery_code, new_recovery_key, parse_recovery_code

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
class RekeyReport:
    reencrypted: int
    unreadable: list[str]  # files no key opens: left as they are, reported by ``check``
    left_old: list[str]  # under a key older than the current one: the user decides first


@dataclass(frozen=True)
class Scan:
    """What the items folder holds: regular items, conflict copies, and unreadable strays."""

    items: dict[str, ItemFile]
    conflicts: list[ItemFile]
    strays: list[Path]


def _with_write_lock(method: Callable[..., T]) -> Callable[..., T]:
    """The method runs holding the writer lock (see :meth:`Vault.write_lock`)."""

    @functools.wraps(method)
    def locked(self: Vault, *args: object, **kwargs: object) -> T:
        with self.write_lock():
            return method(self, *args, **kwargs)

    return locked


class Vault:
    """An unlocked vault. Create one with :meth:`create`, :meth:`unlock` or :meth:`recover`."""

    def __init__(self, path: Path, header: Header, keyring: Keyring) -> None:
        self.path = path
        self.vault_id = header.vault_id
        # On this machine, not in the vault: the writer lock, taken for each write (so the
        # app and the command line can work side by side), and the session lock, held by the
        # app while it is open and by commands that change the header (one at a time).
        self._lock = WriterLock(f"{header.vault_id}.lock")
        self._session = WriterLock(f"{header.vault_id}.session")
        self._cleaned = False
        self.lock_wait = LOCK_WAIT_SECONDS
        # One writer at a time within this process too: a rekey re-encrypting a file must not
        # put back its old content over an autosave that landed in between.
        self._writing = threading.RLock()
        self._use(header, keyring)

    def _use(self, header: Header, keyring: Keyring) -> None:
        self.header = header
        self.keys = keyring
        self._item_keys = [crypto.hkdf(k, b"", b"rj-item-key-v1") for k in keyring.read_keys]
        self.cache_key = crypto.hkdf(keyring.write_key, b"", b"rj-cache-key-v1")

    # -- opening ----------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        kdf: crypto.KdfParams | None = None,
        recovery_key: bytes | None = None,
    ) -> tuple[Vault, str]:
        """Make a new vault; returns it (write-locked) and the herstelcode to show once.

        ``recovery_key`` lets a caller show and confirm the herstelcode before anything is
        written; ``kdf`` defaults to parameters calibrated on this machine.
        """
        path = Path(path)
        cls.check_new_location(path)
        kdf = kdf or crypto.calibrate_kdf()
        vault_id = secrets.token_hex(16)
        vault_key = os.urandom(crypto.KEY_BYTES)
        recovery_key = recovery_key or new_recovery_key()
        header = Header(
            vault_id,
            Header.wrap_passphrase(vault_id, vault_key, passphrase, kdf),
            Header.wrap_recovery(vault_id, vault_key, recovery_key),
        )
        try:
            make_private_dir(path)
            make_private_dir(path / ITEMS_DIR)
        except OSError as exc:
            raise WriteFailed(path, os_reason(exc)) from exc
        vault = cls(path, header, Keyring(vault_key, None, ()))
        vault.acquire_lock()
        atomic_write(path / HEADER_FILE, header.to_bytes())
        return vault, format_recovery_code(recovery_key)

    @staticmethod
    def check_new_location(path: Path) -> None:
        """A new vault goes in a new or empty folder: checked before anything is asked, so
        no herstelcode is shown for a vault that cannot be made."""
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise VaultExists(path, "not_a_folder")
        if holds_anything(path):
            raise VaultExists(path)
        _check_no_restore_under_way(path)  # not a second vault beside the one moved aside
        parent = next((p for p in path.absolute().parents if p.exists()), None)
        if parent is not None and not parent.is_dir():
            raise VaultExists(parent, "not_a_folder")
        if parent is not None and not os.access(parent, os.W_OK | os.X_OK):
            raise WriteFailed(path, "permission")

    @staticmethod
    def exists(path: Path) -> bool:
        return (Path(path) / HEADER_FILE).is_file()

    @staticmethod
    def read_header(path: Path) -> Header:
        path = Path(path)
        header_path = path / HEADER_FILE
        if not header_path.is_file():
            if path.is_dir() and holds_anything(path):
                raise NotAVault(path, "no_header")
            _check_no_restore_under_way(path)
            raise VaultNotFound(path)
        with open(header_path, "rb") as handle:
            return Header.from_bytes(handle.read(MAX_HEADER_BYTES + 1), path)

    @classmethod
    def unlock(cls, path: Path, passphrase: str) -> Vault:
        path = Path(path)
        header = cls.read_header(path)
        return cls(path, header, _keyring(path, lambda: header.open_with_passphrase(passphrase)))

    @classmethod
    def recover(cls, path: Path, recovery_code: str) -> Vault:
        """Unlock with the herstelcode; a typo is reported before any key work."""
        recovery_key = parse_recovery_code(recovery_code)
        path = Path(path)
        header = cls.read_header(path)
        return cls(path, header, _keyring(path, lambda: header.open_with_recovery(recovery_key)))

    # -- locks --------------------------------------------------------------------------
    def acquire_session(self) -> None:
        """The app's hold on the vault while it is open: a second app, or a command that
        changes the header, gets :class:`VaultLocked`; commands that write entries do not."""
        if not self._session.held:
            self._session.acquire()

    def acquire_lock(self) -> None:
        """The session and the writer lock, held until released: for work that must not
        interleave with any other writer (a new passphrase, a rekey)."""
        self.acquire_session()
        if not self._lock.held:
            self._lock.acquire(wait=self.lock_wait)
            self._cleaned = False
            self._clean()

    def release_lock(self) -> None:
        self._lock.release()
        self._session.release()

    @property
    def writable(self) -> bool:
        """The writer lock is held (by :meth:`acquire_lock`), not only taken per write."""
        return self._lock.held

    @contextmanager
    def write_lock(self) -> Iterator[None]:
        """The writer lock for one write, or a check and the write it decides on; a no-op
        where it is held already (re-entrant)."""
        with self._writing:
            if self._lock.held:
                yield
                return
            self._lock.acquire(wait=self.lock_wait)
            try:
                self._clean()
                yield
            finally:
                self._lock.release()

    def check_writable(self) -> None:
        """:class:`VaultLocked` now if a writer holds the vault for long (a rekey), rather
        than after a person has typed a text."""
        with self.write_lock():
            pass

    def _clean(self) -> None:
        # With the writer lock no one is half-way through a write: a temporary file left is
        # a crashed writer's.
        if not self._cleaned:
            self._remove_stale_temp_files()
            self._cleaned = True

    @_with_write_lock
    def _write_header(self, header: Header, keyring: Keyring) -> None:
        """Replace the header, unless another device changed it since this one was read."""
        if self.header_changed():
            raise VaultChangedElsewhere()
        atomic_write(self.path / HEADER_FILE, header.to_bytes())
        self._use(header, keyring)

    def _remove_stale_temp_files(self) -> None:
        for folder in (self.path, self.path / ITEMS_DIR):
            remove_stale_temp_files(folder, STALE_TEMP_SECONDS)

    # -- passphrase ---------------------------------------------------------------------
    @_with_write_lock
    def change_passphrase(self, new_passphrase: str, kdf: crypto.KdfParams | None = None) -> None:
        """Rewrap the vault key only: every item file stays byte-identical.

        Revokes the old passphrase for this header only: a copy of the old header still opens
        the same key with it. :meth:`begin_rekey` is what revokes that.
        """
        kdf = kdf or crypto.calibrate_kdf()
        kek = crypto.derive_passphrase_key(new_passphrase, kdf)
        slot = Header.wrap_with_kek(self.vault_id, kek, kdf, self.keys.current)
        rekey = self.header.rekey
        if rekey is not None and self.keys.next is not None:  # the new key gets it too
            rekey = replace(rekey, passphrase_slot=Header.wrap_with_kek(
                self.vault_id, kek, kdf, self.keys.next))
        self._write_header(replace(self.header, passphrase_slot=slot, rekey=rekey), self.keys)

    @_with_write_lock
    def replace_recovery_code(self, recovery_key: bytes) -> None:
        """A new herstelcode for this header; the old one no longer opens it (but still
        opens old copies of the header, until :meth:`begin_rekey`)."""
        slot = Header.wrap_recovery(self.vault_id, self.keys.current, recovery_key)
        rekey = self.header.rekey
        if rekey is not None and self.keys.next is not None:
            rekey = replace(rekey, recovery_slot=Header.wrap_recovery(
                self.vault_id, self.keys.next, recovery_key))
        self._write_header(replace(self.header, recovery_slot=slot, rekey=rekey), self.keys)

    # -- rekey: a new vault key, every item re-encrypted ------------------------------------
    @property
    def rekey_pending(self) -> bool:
        """A rekey of ours is under way (these secrets opened it): it can be finished."""
        return self.header.rekey is not None and self.keys.next is not None

    def header_changed(self) -> bool:
        """Another device changed the passphrase, herstelcode or key since this unlocked."""
        try:
            return self.read_header(self.path) != self.header
        except JournalError:
            return True

    @property
    def rekey_unopened(self) -> bool:
        """The header holds a rekey these secrets do not open (see :class:`UnfinishedRekey`)."""
        return self.keys.unopened_rekey

    @_with_write_lock
    def begin_rekey(
        self, passphrase: str, recovery_key: bytes, replace_unfinished: bool = False
    ) -> None:
        """Write the header of a rekey under way: from here on new writes use the new key.

        The passphrase is checked against the header first (and stays the same: the new
        slot shares the current one's KDF, so unlocking costs one derivation); the new
        herstelcode must have been shown and retyped before this is called. Nothing written
        opens with the current key: an old header never leads to the new one.
        """
        if self.rekey_pending:
            return  # already under way: resume it with :meth:`reencrypt_items`
        if self.rekey_unopened and not replace_unfinished:
            raise UnfinishedRekey()
        slot = self.header.passphrase_slot
        key, kek = self.header.unwrap_with_passphrase(passphrase)
        if key != self.keys.current:
            raise WrongPassphrase()
        current, new_key = self.keys.current, os.urandom(crypto.KEY_BYTES)
        older = [current, *self.keys.retired]
        if len(older) > MAX_KEPT_KEYS:  # the first key stays: singleton ids derive from it
            older = older[: MAX_KEPT_KEYS - 1] + older[-1:]
        pending = PendingRekey(
            Header.wrap_with_kek(self.vault_id, kek, slot.kdf, new_key),
            Header.wrap_recovery(self.vault_id, new_key, recovery_key),
            seal_retired(new_key, self.vault_id, older),
        )
        self._write_header(replace(self.header, rekey=pending),
                           Keyring(current, new_key, tuple(older[1:])))

    @_with_write_lock
    def reencrypt_items(
        self, progress: Callable[[int, int], None] | None = None
    ) -> RekeyReport:
        """Seal every item and conflict copy under the newest key; each file is replaced
        atomically, so a kill at any point leaves every item readable and this resumable.

        Items under a key older than the current one are left: a late write of another
        device or a forgery by someone who knows an old key, which re-encrypting would
        launder; the user decides on each (``Journal.accept``)."""
        scan = self.scan()
        files = [*scan.items.values(), *scan.conflicts]
        done, unreadable, left_old = 0, [], []
        for number, item in enumerate(files, start=1):
            with self._writing:
                try:
                    data = read_regular(item.path)
                    item_id, plaintext, key_index = self._open(data, item.name)
                except FileNotFoundError:
                    continue
                except DamagedItem:
                    unreadable.append(item.name)
                    continue
                if key_index >= self.keys.live:
                    left_old.append(item.name)
                elif key_index:
                    atomic_write(item.path, self._seal(item_id, plaintext))
                    done += 1
            if progress is not None:
                progress(number, len(files))
        return RekeyReport(done, unreadable, left_old)

    def finish_rekey(self) -> None:
        """Make the new key the vault's: the old passphrase slot and herstelcode are gone."""
        if not self.rekey_pending:
            return
        header = self.header.promoted()
        older = open_retired(self.keys.next, self.vault_id, header.retired)
        self._write_header(header, Keyring(self.keys.next, None, tuple(older)))

    def rekey(
        self,
        passphrase: str,
        recovery_key: bytes,
        progress: Callable[[int, int], None] | None = None,
        replace_unfinished: bool = False,
    ) -> RekeyReport:
        """Begin (or resume) a rekey, re-encrypt everything, finish it."""
        self.begin_rekey(passphrase, recovery_key, replace_unfinished)
        report = self.reencrypt_items(progress)
        self.finish_rekey()
        return report

    # -- items --------------------------------------------------------------------------
    def _item_path(self, item_id: str) -> Path:
        if not ITEM_ID.fullmatch(item_id):
            raise ItemNotFound(item_id)
        return self.path / ITEMS_DIR / f"{item_id}{ITEM_SUFFIX}"

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
        item_id = _clear_item_id(data)
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

    @_with_write_lock
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

    @_with_write_lock
    def write_copy(self, item_id: str, item_type: str, body: bytes, version: int) -> ItemFile:
        """Keep a version beside the item instead of over it: a conflict copy, as a sync tool
        makes one, for a write that found the item changed by another writer meanwhile."""
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"{item_id}.conflict-{stamp}-{secrets.token_hex(3)}{ITEM_SUFFIX}"
        path = self.path / ITEMS_DIR / name
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

    @_with_write_lock
    def delete(self, item_id: str) -> None:
        path = self._item_path(item_id)
        try:
            path.unlink()
        except FileNotFoundError:
            raise ItemNotFound(item_id) from None
        except OSError as exc:
            raise WriteFailed(path, os_reason(exc)) from exc
        fsync_dir(path.parent)

    @_with_write_lock
    def remove_file(self, path: Path) -> None:
        """Remove a conflict copy the user has dealt with."""
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
        folder = self.path / ITEMS_DIR
        for entry in _scandir(folder):
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
                    item_id = _clear_item_id(handle.read(64))
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


def _check_no_restore_under_way(path: Path) -> None:
    """A restore killed between moving the old vault aside and putting the new one in place
    (see backup.py): say where the vault is, rather than "make a new one"."""
    if Vault.exists(path):
        return
    aside = sorted(path.absolute().parent.glob(f"{glob.escape(path.name)}-voor-herstel-*"))
    if aside and Vault.exists(aside[-1]):
        raise RestoreInterrupted(path, aside[-1])


def _keyring(path: Path, opening: Callable[[], Keyring]) -> Keyring:
    try:
        return opening()
    except DecryptionFailed:  # key lists that do not open: changed by someone else
        raise NotAVault(path, "malformed") from None


def _clear_item_id(data: bytes) -> str | None:
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
    """The bytes of ``path`` if it is a regular file; a symlink or a FIFO put in its place is
    damage, never followed or waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise
    except OSError as exc:  # a symlink (ELOOP), a file this user may not read (mode 000)
        reason = "header" if exc.errno == errno.ELOOP else "unreadable"
        raise DamagedItem(path.name, reason) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat_module.S_ISREG(os.fstat(fd).st_mode):
            raise DamagedItem(path.name, "header")
        try:
            return handle.read()
        except OSError:
            raise DamagedItem(path.name, "unreadable") from None


def _scandir(path: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(path) as entries:
            yield from entries
    except FileNotFoundError:
        raise NotAVault(path.parent, "no_items") from None
