"""Helpers shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

import os

from reflectiejournaal.vault.crypto import KdfParams

PASSPHRASE = "correct paard batterij niet"


def cheap_kdf() -> KdfParams:
    """Argon2id at its cheapest: domain tests only; never offered to a user."""
    return KdfParams(memory_kib=64, iterations=1, lanes=1, salt=os.urandom(16))
