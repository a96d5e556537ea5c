"""Cryptographic primitives of the vault: pure functions over bytes.

Nothing here touches files, prompts for input or knows about entries. The byte layouts are
documented in ``docs/vault-format.md``; change them only together with that document.
"""

from __future__ import annotations

import os
import time
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from .errors import DecryptionFailed, HostileKdfParameters

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
TAG_BYTES = 16

# The floor for a user's vault (DESIGN §3) and the target time of one derivation.
FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_ITERATIONS = 3
LANES = 4
TARGET_SECONDS = 0.5
CALIBRATION_MEMORY_KIB = 256 * 1024

# Caps applied when *reading* a header: a hostile file must not make us hang or exhaust memory.
MAX_MEMORY_KIB = 1024 * 1024
MAX_ITERATIONS = 16
MAX_LANES = 16
MAX_WORK_KIB_ITERATIONS = 4 * 1024 * 1024  # memory x iterations: about four seconds here

# Padding: every plaintext is at least this long once padded.
MIN_PADDED_BYTES = 512


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters of the passphrase slot (memory in KiB)."""

    memory_kib: int
    iterations: int
    lanes: int
    salt: bytes

    def check_caps(self) -> None:
        """Refuse parameters no honest vault has, before any key work is done."""
        if not (1 <= self.lanes <= MAX_LANES):
            raise HostileKdfParameters("lanes", self.lanes)
        if not (1 <= self.iterations <= MAX_ITERATIONS):
            raise HostileKdfParameters("iterations", self.iterations)
        if not (8 * self.lanes <= self.memory_kib <= MAX_MEMORY_KIB):
            raise HostileKdfParameters("memory_kib", self.memory_kib)
        if self.memory_kib * self.iterations > MAX_WORK_KIB_ITERATIONS:
            raise HostileKdfParameters("memory_kib*iterations", self.memory_kib * self.iterations)
        if not (SALT_BYTES <= len(self.salt) <= 64):
            raise HostileKdfParameters("salt", len(self.salt))


def derive_passphrase_key(passphrase: str, params: KdfParams) -> bytes:
    """Argon2id over the NFC-normalised UTF-8 passphrase; parameters are capped first.

    NFC because "één" arrives composed from one keyboard and decomposed from another (or
    from a file written on macOS): the same typed passphrase must open the same vault.
    """
    params.check_caps()
    kdf = Argon2id(
        salt=params.salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


def calibrate_kdf(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Choose Argon2id parameters that take about ``target_seconds`` here, never below the floor.

    Memory grows first (it is what makes guessing expensive on GPUs), then iterations, and
    the result always stays within the caps a reader enforces.
    """
    memory, iterations = FLOOR_MEMORY_KIB, FLOOR_ITERATIONS
    while True:
        params = KdfParams(memory, iterations, LANES, os.urandom(SALT_BYTES))
        started = time.perf_counter()
        derive_passphrase_key("calibration", params)
        elapsed = time.perf_counter() - started
        if elapsed >= target_seconds:
            return params
        if memory < CALIBRATION_MEMORY_KIB:
            memory *= 2
        elif (iterations + 1) * memory <= MAX_WORK_KIB_ITERATIONS and iterations < MAX_ITERATIONS:
            iterations += 1
        else:
            return params


def hkdf(key: bytes, salt: bytes, info: bytes, length: int = KEY_BYTES) -> bytes:
    """HKDF-SHA256: derives a purpose-bound subkey from a high-entropy key."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(key)


def seal(key: bytes, plaintext: bytes, associated_data: bytes) -> bytes:
    """AES-256-GCM with a fresh random nonce; returns ``nonce || ciphertext || tag``."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, associated_data)


def open_sealed(key: bytes, sealed: bytes, associated_data: bytes) -> bytes:
    """Inverse of :func:`seal`; any change to key, data or associated data raises."""
    if len(sealed) < NONCE_BYTES + TAG_BYTES:
        raise DecryptionFailed("too short")
    view = memoryview(sealed)  # slicing a view copies nothing: caches run to tens of MB
    nonce, body = bytes(view[:NONCE_BYTES]), view[NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, body, associated_data)
    except InvalidTag:
        raise DecryptionFailed("authentication failed") from None


def seal_stream(key: bytes, chunks: Iterable[bytes], associated_data: bytes) -> Iterator[bytes]:
    """:func:`seal` over a stream: yields ``nonce``, ciphertext pieces, then the tag.

    The bytes are exactly those :func:`seal` would give, without ever holding all of them.
    """
    nonce = os.urandom(NONCE_BYTES)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(associated_data)
    yield nonce
    for chunk in chunks:
        yield encryptor.update(chunk)
    yield encryptor.finalize() + encryptor.tag


def open_stream(
    key: bytes, source: BinaryIO, length: int, associated_data: bytes, chunk_size: int = 1 << 20
) -> Iterator[bytes]:
    """Decrypt ``length`` sealed bytes read from ``source``, yielding plaintext pieces.

    The pieces are not yet authenticated: the generator raises :class:`DecryptionFailed` at
    its end if the tag does not verify, and the caller must then discard everything it got.
    """
    if length < NONCE_BYTES + TAG_BYTES:
        raise DecryptionFailed("too short")
    nonce = source.read(NONCE_BYTES)
    remaining = length - NONCE_BYTES - TAG_BYTES
    decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).decryptor()
    decryptor.authenticate_additional_data(associated_data)
    while remaining > 0:
        chunk = source.read(min(chunk_size, remaining))
        if not chunk:
            raise DecryptionFailed("truncated")
        remaining -= len(chunk)
        yield decryptor.update(chunk)
    tag = source.read(TAG_BYTES)
    try:
        decryptor.finalize_with_tag(tag)
    except (InvalidTag, ValueError):
        raise DecryptionFailed("authentication failed") from None


def padme_length(length: int) -> int:
    """Padmé: round up so that at most O(log log L) bits of the length leak."""
    if length < 2:
        return length
    exponent = length.bit_length() - 1
    size_bits = exponent.bit_length()
    last_bits = exponent - size_bits
    mask = (1 << last_bits) - 1
    return (length + mask) & ~mask


def pad(data: bytes) -> bytes:
    """ISO/IEC 7816-4 padding (0x80 then zeros) up to the Padmé length, at least 512 bytes."""
    target = max(MIN_PADDED_BYTES, padme_length(len(data) + 1))
    return data + b"\x80" + b"\x00" * (target - len(data) - 1)


def unpad(padded: bytes) -> bytes:
    """Inverse of :func:`pad`."""
    end = padded.rfind(b"\x80")
    if end < 0 or padded[end + 1 :].strip(b"\x00"):
        raise DecryptionFailed("bad padding")
    return padded[:end]
