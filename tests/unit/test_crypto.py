"""Crypto primitives: sealing, padding, and the caps that protect a reader from a hostile header."""

from __future__ import annotations

import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reflectiejournaal.vault import crypto
from reflectiejournaal.errors import DecryptionFailed, HostileKdfParameters

KEY = bytes(range(32))


def test_seal_round_trip_and_fresh_nonce():
    a = crypto.seal(KEY, b"tekst", b"ad")
    b = crypto.seal(KEY, b"tekst", b"ad")
    assert a != b  # a fresh nonce every time
    assert crypto.open_sealed(KEY, a, b"ad") == b"tekst"


@pytest.mark.parametrize(
    "key, ad", [(bytes(32), b"ad"), (KEY, b"other"), (KEY, b"")]
)
def test_open_refuses_other_key_or_associated_data(key, ad):
    sealed = crypto.seal(KEY, b"tekst", b"ad")
    with pytest.raises(DecryptionFailed):
        crypto.open_sealed(key, sealed, ad)


@given(st.binary(max_size=5000))
def test_pad_round_trip(data):
    padded = crypto.pad(data)
    assert len(padded) >= crypto.MIN_PADDED_BYTES
    assert crypto.unpad(padded) == data


def test_padding_hides_exact_lengths():
    # Lengths in one Padmé bucket give identical padded sizes.
    sizes = {len(crypto.pad(b"x" * n)) for n in range(2000, 2040)}
    assert len(sizes) <= 2
    assert all(len(crypto.pad(b"x" * n)) == 512 for n in range(0, 400))


def test_padme_overhead_is_small():
    for length in (1000, 10_000, 100_000, 1_000_000):
        assert length <= crypto.padme_length(length) <= length * 1.12


def test_unpad_refuses_garbage():
    with pytest.raises(DecryptionFailed):
        crypto.unpad(b"\x00" * 16)
    with pytest.raises(DecryptionFailed):
        crypto.unpad(b"abc\x80\x00\x01")


@pytest.mark.parametrize(
    "memory, iterations, lanes, salt_len",
    [
        (2**40, 3, 4, 16),  # a terabyte of memory
        (64 * 1024, 10**9, 4, 16),  # a billion passes
        (64 * 1024, 3, 1000, 16),  # absurd parallelism
        (1024 * 1024, 16, 4, 16),  # each within caps, together far too slow
        (64 * 1024, 0, 4, 16),
        (64 * 1024, 3, 4, 4),  # a salt too short to be one
    ],
)
def test_hostile_kdf_parameters_refused_before_any_work(monkeypatch, memory, iterations, lanes, salt_len):
    def boom(*args, **kwargs):
        raise AssertionError("Argon2id must not run on hostile parameters")

    monkeypatch.setattr(crypto, "Argon2id", boom)
    params = crypto.KdfParams(memory, iterations, lanes, os.urandom(salt_len))
    with pytest.raises(HostileKdfParameters):
        crypto.derive_passphrase_key("x", params)


def test_calibration_never_goes_below_the_floor_and_stays_within_caps():
    params = crypto.calibrate_kdf(target_seconds=0.0)
    assert params.memory_kib >= crypto.FLOOR_MEMORY_KIB
    assert params.iterations >= crypto.FLOOR_ITERATIONS
    params.check_caps()


def test_calibration_grows_memory_then_iterations(monkeypatch):
    """Memory doubles up to 256 MiB first, then passes are added until the target is met."""
    durations = iter([0.1, 0.2, 0.3, 0.4, 0.6])  # what each trial derivation "takes"
    clock = {"now": 0.0}
    seen = []

    def fake_derive(passphrase, params):
        seen.append((params.memory_kib, params.iterations))
        clock["now"] += next(durations)
        return b""

    monkeypatch.setattr(crypto.time, "perf_counter", lambda: clock["now"])
    monkeypatch.setattr(crypto, "derive_passphrase_key", fake_derive)
    params = crypto.calibrate_kdf(target_seconds=0.5)
    assert seen == [(65536, 3), (131072, 3), (262144, 3), (262144, 4), (262144, 5)]
    assert (params.memory_kib, params.iterations) == (262144, 5)


def test_streamed_sealing_gives_what_seal_opens_and_back():
    import io

    chunks = [b"een ", b"twee " * 1000, b"", "drie één".encode()]
    sealed = b"".join(crypto.seal_stream(KEY, chunks, b"ad"))
    assert crypto.open_sealed(KEY, sealed, b"ad") == b"".join(chunks)
    plain = crypto.open_stream(KEY, io.BytesIO(sealed), len(sealed), b"ad", chunk_size=7)
    assert b"".join(plain) == b"".join(chunks)


@pytest.mark.parametrize("damage", ["flip", "truncate", "ad"])
def test_streamed_opening_fails_at_the_end_on_any_damage(damage):
    import io

    sealed = bytearray(crypto.seal(KEY, b"x" * 5000, b"ad"))
    ad = b"ad"
    if damage == "flip":
        sealed[100] ^= 1
    elif damage == "truncate":
        sealed = sealed[:-1]
    else:
        ad = b"other"
    with pytest.raises(DecryptionFailed):
        for _ in crypto.open_stream(KEY, io.BytesIO(bytes(sealed)), len(sealed), ad, chunk_size=64):
            pass
