"""Helpers shared by tests (fixtures live in conftest.py)."""

from __future__ import annotations

import os

from reflectiejournaal.vault.crypto import KdfParams

PASSPHRASE = "correct paard batterij niet"


def cheap_kdf() -> KdfParams:
    """Argon2id at its cheapest: domain tests only; never offered to a user."""
    return KdfParams(memory_kib=64, iterations=1, lanes=1, salt=os.urandom(16))


def catalogue_texts(language: str) -> set[str]:
    """Every text of a message catalogue (each plural form too), as the program shows it."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parents[1] / "tools"))
    import catalogues

    texts = set()
    for message in catalogues.read(language):
        if message.id:
            forms = message.string if isinstance(message.string, (tuple, list)) else [message.string]
            texts.update(forms)
    return texts
