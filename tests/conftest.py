"""Shared fixtures: a cheap key derivation for domain tests, private folders for every test.

The cheap KDF goes through the domain API (``Vault.create(kdf=...)``); the command line never
offers one, and its own ``init`` is tested with the real, calibrated derivation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reflectiejournaal.journal import Journal
from reflectiejournaal.vault import Vault
from tests.helpers import PASSPHRASE, cheap_kdf


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, cache and temp folders (and never the user's)."""
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "TMPDIR"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("REFLECTIEJOURNAAL_VAULT", raising=False)
    return tmp_path


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    return tmp_path / "kluis"


@pytest.fixture
def made_vault(vault_path: Path) -> tuple[Vault, str]:
    vault, code = Vault.create(vault_path, PASSPHRASE, kdf=cheap_kdf())
    yield vault, code
    vault.release_lock()


@pytest.fixture
def vault(made_vault: tuple[Vault, str]) -> Vault:
    return made_vault[0]


@pytest.fixture
def cache_path(tmp_path: Path) -> Path:
    return tmp_path / "xdg_cache_home" / "reflectiejournaal"


@pytest.fixture
def journal(vault: Vault, cache_path: Path) -> Journal:
    journal = Journal(vault, cache_path)
    yield journal
    journal.flush()
