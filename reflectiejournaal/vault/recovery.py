"""Codes a person copies by hand: the herstelcode, and (in another domain) the bundle code.

Layout: 16 random bytes followed by a 4-byte checksum (the first bytes of their SHA-256 with
the code's domain in front),
encoded as 32 characters of Crockford base32 in eight groups of four. The checksum catches a
mistyped code before any key work; Crockford's alphabet has no I, L, O or U, and reading
tolerates the look-alikes (I and L as 1, O as 0), lower case, spaces and missing dashes.
"""

from __future__ import annotations

import hashlib
import os

from .errors import MistypedRecoveryCode

RECOVERY_KEY_BYTES = 16
CHECKSUM_BYTES = 4
GROUP = 4
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_DECODE = {c: i for i, c in enumerate(ALPHABET)} | {"I": 1, "L": 1, "O": 0}
RECOVERY_DOMAIN = b"reflectiejournaal/herstelcode"


def new_recovery_key() -> bytes:
    """Fresh 128-bit recovery key."""
    return os.urandom(RECOVERY_KEY_BYTES)


def _checksum(key: bytes, domain: bytes) -> bytes:
    return hashlib.sha256(domain + key).digest()[:CHECKSUM_BYTES]


def format_code(key: bytes, domain: bytes) -> str:
    """``XXXX-XXXX-…`` (eight groups) for a 16-byte key and its checksum in ``domain``."""
    number = int.from_bytes(key + _checksum(key, domain), "big")
    text = "".join(ALPHABET[(number >> (5 * i)) & 31] for i in range(31, -1, -1))
    return "-".join(text[i : i + GROUP] for i in range(0, len(text), GROUP))


def parse_code(text: str, domain: bytes) -> bytes:
    """The key inside a typed code; raises :class:`MistypedRecoveryCode` on any typo."""
    cleaned = "".join(c for c in text.upper() if c not in " -\t\r\n")
    if len(cleaned) != 32 or any(c not in _DECODE for c in cleaned):
        raise MistypedRecoveryCode()
    number = 0
    for c in cleaned:
        number = (number << 5) | _DECODE[c]
    raw = number.to_bytes(RECOVERY_KEY_BYTES + CHECKSUM_BYTES, "big")
    key, checksum = raw[:RECOVERY_KEY_BYTES], raw[RECOVERY_KEY_BYTES:]
    if _checksum(key, domain) != checksum:
        raise MistypedRecoveryCode()
    return key


def format_recovery_code(key: bytes) -> str:
    return format_code(key, RECOVERY_DOMAIN)


def parse_recovery_code(text: str) -> bytes:
    return parse_code(text, RECOVERY_DOMAIN)
