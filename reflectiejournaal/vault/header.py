"""The vault header: format, vault id and the two key slots that wrap the vault key.

Stored as ``reflectiejournaal-vault.json``. Every field that matters is bound into the
associated data of the slot that uses it, so a changed KDF parameter, salt or vault id makes
unwrapping fail instead of silently weakening anything. See ``docs/vault-format.md``.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import crypto
from .errors import DecryptionFailed, NotAVault, WrongPassphrase, WrongRecoveryCode
from .slots import (
    b64,
    unb64,
    PassphraseSlot,
    RecoverySlot,
    recovery_kek,
    open_retired,
    PendingRekey,
    Keyring,
)

FORMAT_NAME = "reflectiejournaal-vault"
FORMAT_VERSION = 1
HEADER_FILE = "reflectiejournaal-vault.json"
MAX_HEADER_BYTES = 64 * 1024
VAULT_ID = re.compile(r"[0-9a-f]{32}")  # ASCII only: "٠" is a digit to int(), not to AES-GCM


MAX_RETIRED_KEYS = 64


@dataclass(frozen=True)
class Header:
    vault_id: str
    passphrase_slot: PassphraseSlot
    recovery_slot: RecoverySlot
    retired: bytes = b""  # see seal_retired; empty before the first rekey
    rekey: PendingRekey | None = None

    # -- building -----------------------------------------------------------------------
    @staticmethod
    def wrap_passphrase(
        vault_id: str, vault_key: bytes, passphrase: str, kdf: crypto.KdfParams
    ) -> PassphraseSlot:
        kek = crypto.derive_passphrase_key(passphrase, kdf)
        return Header.wrap_with_kek(vault_id, kek, kdf, vault_key)

    @staticmethod
    def wrap_recovery(vault_id: str, vault_key: bytes, recovery_key: bytes) -> RecoverySlot:
        salt = os.urandom(crypto.SALT_BYTES)
        unsealed = RecoverySlot(salt, b"")
        kek = recovery_kek(recovery_key, salt, vault_id)
        wrapped = crypto.seal(kek, vault_key, unsealed.associated_data(vault_id))
        return RecoverySlot(salt, wrapped)

    @staticmethod
    def wrap_with_kek(vault_id: str, kek: bytes, kdf: crypto.KdfParams, key: bytes) -> PassphraseSlot:
        """A passphrase slot for ``key`` under an already derived ``kek`` (one derivation
        serves the current slot and a rekey's slot, which share their KDF parameters)."""
        return PassphraseSlot(kdf, crypto.seal(kek, key, PassphraseSlot(kdf, b"").associated_data(vault_id)))

    # -- unwrapping ---------------------------------------------------------------------
    def _open_slot(self, kek: bytes, slot: PassphraseSlot) -> bytes | None:
        try:
            return crypto.open_sealed(kek, slot.wrapped_key, slot.associated_data(self.vault_id))
        except DecryptionFailed:
            return None

    def unwrap_with_passphrase(self, passphrase: str) -> tuple[bytes, bytes]:
        """The current slot's key, and the key-encryption key that opened it (a rekey wraps
        its new key under the same one); checks a passphrase without reading the key lists."""
        kek = crypto.derive_passphrase_key(passphrase, self.passphrase_slot.kdf)  # caps checked
        key = self._open_slot(kek, self.passphrase_slot)
        if key is None:
            raise WrongPassphrase()
        return key, kek

    def open_with_passphrase(self, passphrase: str) -> Keyring:
        """Every key the passphrase gives; raises :class:`DecryptionFailed` on a header whose
        key lists were tampered with."""
        slot = self.passphrase_slot
        kek = crypto.derive_passphrase_key(passphrase, slot.kdf)  # caps checked inside
        current = self._open_slot(kek, slot)
        pending = self.rekey
        new_key = None
        if pending is not None:
            pending_slot = pending.passphrase_slot
            pending_kek = (kek if pending_slot.kdf == slot.kdf
                           else crypto.derive_passphrase_key(passphrase, pending_slot.kdf))
            new_key = self._open_slot(pending_kek, pending_slot)
        keyring = self._pending_keyring(new_key) if new_key is not None else None
        if keyring is not None and (current is None or keyring.current == current):
            return keyring
        if current is None:
            raise WrongPassphrase()
        return self._keyring(current)

    def open_with_recovery(self, recovery_key: bytes) -> Keyring:
        """Every key the herstelcode gives: the current code opens the current key, the new
        code of a rekey under way the new key (and through it the old ones)."""
        if self.rekey is not None:
            new_key = self._open_recovery(self.rekey.recovery_slot, recovery_key)
            keyring = self._pending_keyring(new_key) if new_key is not None else None
            if keyring is not None:
                return keyring
        current = self._open_recovery(self.recovery_slot, recovery_key)
        if current is None:
            raise WrongRecoveryCode()
        return self._keyring(current)

    def _open_recovery(self, slot: RecoverySlot, recovery_key: bytes) -> bytes | None:
        kek = recovery_kek(recovery_key, slot.salt, self.vault_id)
        try:
            return crypto.open_sealed(kek, slot.wrapped_key, slot.associated_data(self.vault_id))
        except DecryptionFailed:
            return None

    def _keyring(self, current: bytes) -> Keyring:
        older = tuple(open_retired(current, self.vault_id, self.retired))
        return Keyring(current, None, older, unopened_rekey=self.rekey is not None)

    def _pending_keyring(self, new_key: bytes) -> Keyring | None:
        """The keys of a rekey under way; None for one that is no rekey at all (its "new" key
        is the current or an older one: a slot copied in by someone who knows the old key)."""
        assert self.rekey is not None
        older = open_retired(new_key, self.vault_id, self.rekey.retired)
        if not older:
            raise DecryptionFailed("no current key")
        if new_key in older:
            return None
        return Keyring(older[0], new_key, tuple(older[1:]))

    def promoted(self) -> Header:
        """The header once the rekey under way is done."""
        assert self.rekey is not None
        p = self.rekey
        return Header(self.vault_id, p.passphrase_slot, p.recovery_slot, p.retired, None)

    # -- serialisation ------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        document: dict[str, object] = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "passphrase_slot": _passphrase_json(self.passphrase_slot),
            "recovery_slot": _recovery_json(self.recovery_slot),
        }
        if self.retired:
            document["retired_keys"] = b64(self.retired)
        if self.rekey is not None:
            document["rekey"] = {
                "passphrase_slot": _passphrase_json(self.rekey.passphrase_slot),
                "recovery_slot": _recovery_json(self.rekey.recovery_slot),
                "retired_keys": b64(self.rekey.retired),
            }
        return (json.dumps(document, indent=2) + "\n").encode("ascii")

    @classmethod
    def from_bytes(cls, data: bytes, path: Path) -> Header:
        """Parse and validate; caps on KDF parameters are enforced here, before any key work."""
        if len(data) > MAX_HEADER_BYTES:
            raise NotAVault(path, "too_large")
        try:
            document = json.loads(data)  # 64 KiB at most; too deep raises RecursionError
            if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
                raise NotAVault(path, "foreign")
            if _int(document.get("version")) != FORMAT_VERSION:
                raise NotAVault(path, "version")
            vault_id = document["vault_id"]
            if not (isinstance(vault_id, str) and VAULT_ID.fullmatch(vault_id)):
                raise NotAVault(path, "vault_id")
            passphrase_slot = _passphrase_slot(document["passphrase_slot"], path)
            recovery_slot = _recovery_slot(document["recovery_slot"], path)
            retired = _key_list(document.get("retired_keys"))
            pending = document.get("rekey")
            rekey = None
            if pending is not None:
                rekey = PendingRekey(
                    _passphrase_slot(pending["passphrase_slot"], path),
                    _recovery_slot(pending["recovery_slot"], path),
                    _key_list(pending["retired_keys"]),
                )
                if not rekey.retired:
                    raise ValueError("a rekey keeps the current key")
            header = cls(vault_id, passphrase_slot, recovery_slot, retired, rekey)
        except NotAVault:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise NotAVault(path, "malformed") from exc
        passphrase_slot.kdf.check_caps()
        if rekey is not None:
            rekey.passphrase_slot.kdf.check_caps()
        return header


def _passphrase_json(slot: PassphraseSlot) -> dict[str, object]:
    return {
        "kdf": "argon2id",
        "memory_kib": slot.kdf.memory_kib,
        "iterations": slot.kdf.iterations,
        "lanes": slot.kdf.lanes,
        "salt": b64(slot.kdf.salt),
        "wrapped_key": b64(slot.wrapped_key),
    }


def _recovery_json(slot: RecoverySlot) -> dict[str, object]:
    return {"kdf": "hkdf-sha256", "salt": b64(slot.salt), "wrapped_key": b64(slot.wrapped_key)}


def _passphrase_slot(p: dict, path: Path) -> PassphraseSlot:
    if p["kdf"] != "argon2id":
        raise NotAVault(path, "kdf")
    kdf = crypto.KdfParams(
        memory_kib=_int(p["memory_kib"]),
        iterations=_int(p["iterations"]),
        lanes=_int(p["lanes"]),
        salt=unb64(p["salt"]),
    )
    return PassphraseSlot(kdf, _sealed_key(p["wrapped_key"]))


def _recovery_slot(r: dict, path: Path) -> RecoverySlot:
    if r["kdf"] != "hkdf-sha256":
        raise NotAVault(path, "kdf")
    salt = unb64(r["salt"])
    if not (crypto.SALT_BYTES <= len(salt) <= 64):  # as for the passphrase salt
        raise ValueError("recovery salt")
    return RecoverySlot(salt, _sealed_key(r["wrapped_key"]))


_SEALED_KEY_BYTES = crypto.NONCE_BYTES + crypto.KEY_BYTES + crypto.TAG_BYTES


def _sealed_key(text: object) -> bytes:
    """One vault key sealed by :func:`crypto.seal`: exactly 60 bytes."""
    if not isinstance(text, str) or len(data := unb64(text)) != _SEALED_KEY_BYTES:
        raise ValueError("sealed key")
    return data


def _key_list(text: object) -> bytes:
    """A sealed list of whole keys, at most MAX_RETIRED_KEYS; absent is empty."""
    if text is None:
        return b""
    if not isinstance(text, str):
        raise TypeError("key list")
    data = unb64(text)
    keys, rest = divmod(len(data) - crypto.NONCE_BYTES - crypto.TAG_BYTES, crypto.KEY_BYTES)
    if rest or not (1 <= keys <= MAX_RETIRED_KEYS):
        raise ValueError("key list")
    return data


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError("integer expected")
    return value
