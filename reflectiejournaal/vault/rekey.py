"""Changing what opens the vault: the passphrase, the recovery code, the vault key itself."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import crypto
from .errors import (
    JournalError,
    UnfinishedRekey,
    WrongPassphrase,
    DamagedItem,
)
from .files import MAX_KEPT_KEYS, read_regular
from .fsutil import (
    atomic_write,
)
from .header import Header
from .slots import Keyring, PendingRekey, open_retired, seal_retired
from .item_store import with_write_lock


@dataclass(frozen=True)
class RekeyReport:
    reencrypted: int
    unreadable: list[str]  # files no key opens: left as they are, reported by ``check``
    left_old: list[str]  # under a key older than the current one: the user decides first


class KeyChanges:
    """The passphrase, the herstelcode and a rekey; part of :class:`Vault`."""

    @with_write_lock
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

    @with_write_lock
    def replace_recovery_code(self, recovery_key: bytes) -> None:
        """A new herstelcode for this header; the old one no longer opens it (but still
        opens old copies of the header, until :meth:`begin_rekey`)."""
        slot = Header.wrap_recovery(self.vault_id, self.keys.current, recovery_key)
        rekey = self.header.rekey
        if rekey is not None and self.keys.next is not None:
            rekey = replace(rekey, recovery_slot=Header.wrap_recovery(
                self.vault_id, self.keys.next, recovery_key))
        self._write_header(replace(self.header, recovery_slot=slot, rekey=rekey), self.keys)

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

    @with_write_lock
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

    @with_write_lock
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
