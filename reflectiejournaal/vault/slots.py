"""What wraps the vault key: the passphrase and recovery slots, the key ring of a vault that
was rekeyed (older keys kept sealed, a rekey under way), and base64 for the header's bytes."""

from __future__ import annotations

import base64
from dataclasses import dataclass

from . import crypto


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class PassphraseSlot:
    kdf: crypto.KdfParams
    wrapped_key: bytes

    def associated_data(self, vault_id: str) -> bytes:
        k = self.kdf
        return (
            f"rj-slot-v1|passphrase|{vault_id}|argon2id|"
            f"{k.memory_kib}|{k.iterations}|{k.lanes}|{b64(k.salt)}"
        ).encode("ascii")


@dataclass(frozen=True)
class RecoverySlot:
    salt: bytes
    wrapped_key: bytes

    def associated_data(self, vault_id: str) -> bytes:
        return f"rj-slot-v1|recovery|{vault_id}|hkdf-sha256|{b64(self.salt)}".encode("ascii")


def recovery_kek(recovery_key: bytes, salt: bytes, vault_id: str) -> bytes:
    """The herstelcode has 128 bits of entropy, so HKDF suffices where a passphrase needs Argon2id."""
    return crypto.hkdf(recovery_key, salt, f"rj-recovery-v1|{vault_id}".encode("ascii"))


def _subkey(key: bytes, purpose: str) -> bytes:
    return crypto.hkdf(key, b"", f"rj-{purpose}-v1".encode("ascii"))


def seal_retired(key: bytes, vault_id: str, keys: list[bytes]) -> bytes:
    """Older vault keys, newest first, sealed under ``key``: items a rekey has not reached
    yet (or that another device wrote before it learnt of the rekey) stay readable."""
    return crypto.seal(_subkey(key, "retired-keys"), b"".join(keys),
                       f"rj-retired-v1|{vault_id}".encode("ascii"))


def open_retired(key: bytes, vault_id: str, sealed: bytes) -> list[bytes]:
    if not sealed:
        return []
    joined = crypto.open_sealed(_subkey(key, "retired-keys"), sealed,
                                f"rj-retired-v1|{vault_id}".encode("ascii"))
    return [joined[i : i + crypto.KEY_BYTES] for i in range(0, len(joined), crypto.KEY_BYTES)]


@dataclass(frozen=True)
class PendingRekey:
    """A rekey under way: the header it will become.

    Written before the first item is re-encrypted, so an interrupted rekey can be resumed
    with the passphrase or the new herstelcode. Nothing in it opens with the old key: an old
    header, the old passphrase or the old herstelcode never lead to the new key.
    """

    passphrase_slot: PassphraseSlot  # the new key under the passphrase (the current slot's KDF)
    recovery_slot: RecoverySlot  # the new key under the new herstelcode
    retired: bytes  # the current key and those before it, sealed under the new key


@dataclass(frozen=True)
class Keyring:
    """The keys an unlocked vault holds: writes use ``write_key``, reads try every key."""

    current: bytes  # the key the header's slots wrap
    next: bytes | None  # the new key of a rekey under way
    retired: tuple[bytes, ...]  # older keys, newest first
    # The header holds a rekey these secrets do not open: another passphrase's, or the user
    # holds only the old herstelcode. It is never resumed nor overwritten without asking.
    unopened_rekey: bool = False

    @property
    def write_key(self) -> bytes:
        return self.next or self.current

    @property
    def live(self) -> int:
        """How many of ``read_keys`` new items may be under: the write key, and during a
        rekey the current key too. An item under any other is old."""
        return 2 if self.next is not None else 1

    @property
    def first(self) -> bytes:
        """The vault's first key (kept through rekeys): for ids that must never change."""
        return self.retired[-1] if self.retired else self.current

    @property
    def read_keys(self) -> list[bytes]:
        keys = [self.write_key, self.current, *self.retired]
        return list(dict.fromkeys(keys))  # in order, each once
