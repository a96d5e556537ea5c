"""The vault header: format, vault id and the two key slots that wrap the vault key.

Stored as ``reflectiejournaal-vault.json``. Every field that matters is bound into the
associated data of the slot that uses it, so a changed KDF parameter, salt or vault id makes
unwrapping fail instead of silently weakening anything. See ``docs/vault-format.md``.
"""

from __future__ import annotations

import base64
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import crypto
from .errors import DecryptionFailed, NotAVault, WrongPassphrase, WrongRecoveryCode

FORMAT_NAME = "reflectiejournaal-vault"
FORMAT_VERSION = 1
HEADER_FILE = "reflectiejournaal-vault.json"
MAX_HEADER_BYTES = 64 * 1024
VAULT_ID = re.compile(r"[0-9a-f]{32}")  # ASCII only: "٠" is a digit to int(), not to AES-GCM


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


@dataclass(frozen=True)
class Header:
    vault_id: str
    passphrase_slot: PassphraseSlot
    recovery_slot: RecoverySlot

    # -- building -----------------------------------------------------------------------
    @staticmethod
    def wrap_passphrase(
        vault_id: str, vault_key: bytes, passphrase: str, kdf: crypto.KdfParams
    ) -> PassphraseSlot:
        unsealed = PassphraseSlot(kdf, b"")
        kek = crypto.derive_passphrase_key(passphrase, kdf)
        wrapped = crypto.seal(kek, vault_key, unsealed.associated_data(vault_id))
        return PassphraseSlot(kdf, wrapped)

    @staticmethod
    def wrap_recovery(vault_id: str, vault_key: bytes, recovery_key: bytes) -> RecoverySlot:
        salt = os.urandom(crypto.SALT_BYTES)
        unsealed = RecoverySlot(salt, b"")
        kek = recovery_kek(recovery_key, salt, vault_id)
        wrapped = crypto.seal(kek, vault_key, unsealed.associated_data(vault_id))
        return RecoverySlot(salt, wrapped)

    # -- unwrapping ---------------------------------------------------------------------
    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        slot = self.passphrase_slot
        kek = crypto.derive_passphrase_key(passphrase, slot.kdf)  # caps checked inside
        try:
            return crypto.open_sealed(kek, slot.wrapped_key, slot.associated_data(self.vault_id))
        except DecryptionFailed:
            raise WrongPassphrase() from None

    def unwrap_with_recovery(self, recovery_key: bytes) -> bytes:
        slot = self.recovery_slot
        kek = recovery_kek(recovery_key, slot.salt, self.vault_id)
        try:
            return crypto.open_sealed(kek, slot.wrapped_key, slot.associated_data(self.vault_id))
        except DecryptionFailed:
            raise WrongRecoveryCode() from None

    # -- serialisation ------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        p, r = self.passphrase_slot, self.recovery_slot
        document = {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "vault_id": self.vault_id,
            "passphrase_slot": {
                "kdf": "argon2id",
                "memory_kib": p.kdf.memory_kib,
                "iterations": p.kdf.iterations,
                "lanes": p.kdf.lanes,
                "salt": b64(p.kdf.salt),
                "wrapped_key": b64(p.wrapped_key),
            },
            "recovery_slot": {
                "kdf": "hkdf-sha256",
                "salt": b64(r.salt),
                "wrapped_key": b64(r.wrapped_key),
            },
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
            p, r = document["passphrase_slot"], document["recovery_slot"]
            if p["kdf"] != "argon2id" or r["kdf"] != "hkdf-sha256":
                raise NotAVault(path, "kdf")
            kdf = crypto.KdfParams(
                memory_kib=_int(p["memory_kib"]),
                iterations=_int(p["iterations"]),
                lanes=_int(p["lanes"]),
                salt=unb64(p["salt"]),
            )
            recovery_salt = unb64(r["salt"])
            if not (crypto.SALT_BYTES <= len(recovery_salt) <= 64):  # as for the passphrase salt
                raise NotAVault(path, "malformed")
            header = cls(
                vault_id,
                PassphraseSlot(kdf, unb64(p["wrapped_key"])),
                RecoverySlot(recovery_salt, unb64(r["wrapped_key"])),
            )
        except NotAVault:
            raise
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            raise NotAVault(path, "malformed") from exc
        kdf.check_caps()
        return header


def _int(value: object) -> int:
    if type(value) is not int:
        raise TypeError("integer expected")
    return value
