"""Shared fixtures: a cheap key derivation for domain tests, private folders for every test.

The cheap KDF goes through the domain API (``Vault.create(kdf=...)``); the command line never
offers one, and its own ``init`` is tested with the real, calibrated derivation.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# The suite reads the Dutch words (the product's first language) whatever this machine's
# locale is, and so do the programs it starts; tests/english/ runs the English ones, in a
# process of its own (a language is chosen once per process: see locale/catalogue.py).
if os.environ.get("REFLECTIEJOURNAAL_TEST_LANGUAGE") != "en":
    os.environ["LANGUAGE"] = "nl"

from reflectiejournaal.locale import catalogue  # noqa: E402
from reflectiejournaal.journal import Journal  # noqa: E402
from reflectiejournaal.vault.store import Vault  # noqa: E402
from tests.helpers import PASSPHRASE, cheap_kdf  # noqa: E402

catalogue.strict = True  # a key missing from a catalogue fails the test that shows it


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """tests/english runs in a process of its own (tests/ui/test_in_english.py starts it)."""
    if collection_path.name == "english" and \
            os.environ.get("REFLECTIEJOURNAAL_TEST_LANGUAGE") != "en":
        return True
    return None


# The programs some tests drive for real, by the folder or file those tests are in, with the
# Debian package that has each. A missing one fails the run before any test starts, saying how
# to get it (never a skip).
NEEDED_PROGRAMS = {
    "tests/e2e/": [("tmux", "tmux")],
    "tests/browser/": [("chromium", "chromium")],
    "tests/browser/test_firefox.py": [("firefox-esr", "firefox-esr")],
    "tests/browser/test_webkit.py": [("WebKitWebDriver", "webkit2gtk-driver"),
                                     ("xvfb-run", "xvfb")],
    "tests/e2e/test_syncthing.py": [("syncthing", "syncthing")],
}


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    import shutil

    root = Path(str(config.rootpath))
    wanted = {needed for item in items for prefix, programs in NEEDED_PROGRAMS.items()
              if Path(str(item.path)).relative_to(root).as_posix().startswith(prefix)
              for needed in programs}
    missing = sorted({package for program, package in wanted if shutil.which(program) is None})
    if missing:
        names = " ".join(missing)
        pytest.exit(
            f"Voor deze tests ontbreekt: {names}. Installeer met: sudo apt-get install {names}"
            f" (of draai 'bash .ci/run', dat het installeert en dan deze tests draait).\n"
            f"These tests need: {names}. Install with: sudo apt-get install {names}"
            f" (or run 'bash .ci/run', which installs them and then runs these tests).",
            returncode=4)


@pytest.fixture(autouse=True)
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, cache and temp folders (and never the user's)."""
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
                 "XDG_RUNTIME_DIR", "TMPDIR"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("REFLECTIEJOURNAAL_VAULT", raising=False)
    # Locks are found from the password database, not the environment: they live in the
    # real ~/.cache/reflectiejournaal/locks (per vault id), shared with the command line the
    # tests start, as it is for a user.
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


@pytest.fixture(scope="session")
def detector_tables(request: pytest.FixtureRequest) -> Path:
    """deduce's tables, built once (for real, in a child process) and kept between runs in
    pytest's cache folder; rebuilt when deduce changes or the files were tampered with."""
    from reflectiejournaal.bundle import lexicon

    folder = Path(request.config.cache.mkdir("detector-tables"))
    if lexicon.load(folder) is None:
        shares: list[float] = []
        lexicon.build_in_child(folder, shares.append)
        assert shares == sorted(shares) and shares[-1] == 1.0, "progress goes one way, to 100%"
    return folder


@pytest.fixture(scope="session")
def language(detector_tables: Path):
    """deduce's recognisers on the prepared tables, shared by the domain tests."""
    from reflectiejournaal.bundle import lexicon
    from reflectiejournaal.bundle.language import Language

    return Language(lexicon.load(detector_tables))


def install_tables(tables: Path, cache_dir: Path) -> Path:
    """Put prepared tables where the app and the command line look for them."""
    import shutil

    from reflectiejournaal.bundle.detector import tables_folder

    target = tables_folder(cache_dir)
    target.mkdir(parents=True, exist_ok=True)
    for file in tables.iterdir():
        shutil.copy2(file, target / file.name)
    return target


@pytest.fixture
def user_tables(detector_tables: Path, private_dirs: Path) -> Path:
    """The tables in this test's user cache folder (for the installed command)."""
    return install_tables(detector_tables, private_dirs / "xdg_cache_home" / "reflectiejournaal")
