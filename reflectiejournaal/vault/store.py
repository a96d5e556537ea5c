"""The vault folder: creating and unlocking it, and reading and writing encrypted items.

An item is one file ``items/<id>.rj``. Its small clear header names the item id so that a copy
made by a sync tool under another name (a *conflict copy*) is still recognised — and because the
id, vault id and format version are bound into the AEAD associated data, a file copied over
another item or into another vault does not decrypt. See ``docs/vault-format.md``.
"""

from __future__ import annotations

import glob
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from collections.abc import Callable
from pathlib import Path

from . import crypto
from .errors import (
    VaultChangedElsewhere,
    DecryptionFailed,
    NotAVault,
    RestoreInterrupted,
    VaultExists,
    VaultNotFound,
    WriteFailed,
)
from .files import ITEMS_DIR, LOCK_WAIT_SECONDS, STALE_TEMP_SECONDS, items_folder
from .fsutil import (
    WriterLock,
    atomic_write,
    holds_anything,
    make_private_dir,
    os_reason,
    remove_stale_temp_files,
)
from .header import HEADER_FILE, MAX_HEADER_BYTES, Header
from .slots import Keyring
from .recovery import format_recovery_code, new_recovery_key, parse_recovery_code
from .item_store import ItemStore, with_write_lock
from .rekey import KeyChanges

class Vault(KeyChanges, ItemStore):
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

    @with_write_lock
    def _write_header(self, header: Header, keyring: Keyring) -> None:
        """Replace the header, unless another device changed it since this one was read."""
        if self.header_changed():
            raise VaultChangedElsewhere()
        atomic_write(self.path / HEADER_FILE, header.to_bytes())
        self._use(header, keyring)

    def _remove_stale_temp_files(self) -> None:
        for folder in (self.path, items_folder(self.path)):  # never in a folder a link points to
            remove_stale_temp_files(folder, STALE_TEMP_SECONDS)

    # -- passphrase ---------------------------------------------------------------------


    # -- rekey: a new vault key, every item re-encrypted ------------------------------------


    # -- items --------------------------------------------------------------------------


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


