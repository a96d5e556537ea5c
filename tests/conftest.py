"""Shared fixtures: a cheap key derivation for domain tests, private folders for every test.

The cheap KDF goes through the domain API (``Vault.create(kdf=...)``); the command line never
offers one, and its own ``init`` is tested with the real, calibrated derivation.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
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


# What the quick tier leaves out, by folder or file: real programs (a terminal, browsers,
# Syncthing) and a second pytest in English. Snapshot tests are slow too (by their fixture).
SLOW = ("tests/e2e/", "tests/browser/", "tests/ui/test_in_english.py")


# The longest tests (half a minute to a minute each) start first: on every core beside the
# rest, not alone at the end of the run.
LONGEST_FIRST = ("tests/unit/test_lexicon.py::test_the_shipped_tables_are_what_the_build_makes",
                 "tests/unit/test_lexicon.py::test_the_quick_tokenizer_gives_deduces_tokens[True]",
                 "tests/unit/test_first_names.py::test_the_shipped_names_are_what_the_tool_makes",
                 "tests/ui/test_in_english.py", "tests/unit/test_vocabulary.py::test_the_shipped_words")


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config,
                                  items: list[pytest.Item]) -> None:
    import shutil

    root = Path(str(config.rootpath))
    for item in items:
        where = Path(str(item.path)).relative_to(root).as_posix()
        if where.startswith(SLOW) or "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))  # stable: the rest as before
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
def private_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own data, cache and temp folders (and never the user's)."""
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME",
                 "XDG_RUNTIME_DIR", "TMPDIR"):
        folder = tmp_path / name.lower()
        folder.mkdir()
        monkeypatch.setenv(name, str(folder))
    monkeypatch.delenv("REFLECTIEJOURNAAL_VAULT", raising=False)
    # A home of its own (Downloads, ~/bundel) and locks beside it: a user's locks are found
    # from the password database, these from the one variable every program the test starts
    # inherits, so the command line and the app of one test still meet there.
    # Short, under /tmp: the session agent's socket path must fit in 108 bytes.
    home = Path(tempfile.mkdtemp(prefix="rj-home-", dir="/tmp"))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("REFLECTIEJOURNAAL_LOCK_HOME", str(home))
    yield tmp_path
    shutil.rmtree(home, ignore_errors=True)


def _real_home() -> Path:
    import pwd

    return Path(pwd.getpwuid(os.getuid()).pw_dir)


# Programs the tests drive keep their own caches in the real home (browsers' font caches,
# Playwright's bookkeeping); anything else new there after a run is the suite's doing.
_OTHERS_IN_HOME = (".cache/fontconfig", ".cache/mesa_shader_cache", ".pki", ".mozilla",
                   ".cache/ms-playwright", ".cache/pip", ".local/share/pip", ".cache/mypy")


_SESSION_HOME = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    """Programs a whole session shares (the browsers) get a home of their own too: Chromium
    and WebKit keep settings and caches under ~/.config and ~/.cache."""
    home = Path(tempfile.mkdtemp(prefix="rj-session-", dir="/tmp"))
    config.stash[_SESSION_HOME] = home
    os.environ["HOME"] = str(home)
    for name, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                         ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")):
        os.environ[name] = str(home / folder)


def pytest_unconfigure(config: pytest.Config) -> None:
    home = config.stash.get(_SESSION_HOME, None)
    if home is not None:
        shutil.rmtree(home, ignore_errors=True)


def pytest_sessionstart(session: pytest.Session) -> None:
    import time

    session.config.stash[_STARTED] = time.time()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that left a file in the real home fails, naming it."""
    started = session.config.stash.get(_STARTED, None)
    home, root = _real_home(), Path(str(session.config.rootpath))
    if started is None or hasattr(session.config, "workerinput") or not home.is_dir():
        return
    left = []
    for folder, dirs, files in os.walk(home):
        here = Path(folder)
        deep = len(here.relative_to(home).parts) >= 6  # a developer's home can be large
        dirs[:] = [] if deep else [
            d for d in dirs if not (here / d).is_symlink() and (here / d) != root
            and (here / d).relative_to(home).as_posix() not in _OTHERS_IN_HOME]
        left += [here / f for f in files if _newer(here / f, started)]
    if left:
        print(f"\nDe tests lieten dit achter in de echte thuismap / left in the real home "
              f"(or a program run beside the tests did): {', '.join(str(p) for p in left[:10])}")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def _newer(path: Path, started: float) -> bool:
    try:
        return path.lstat().st_mtime >= started
    except OSError:
        return False


_STARTED = pytest.StashKey[float]()


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
def detector_tables() -> Path:
    """deduce's tables as the package ships them (that they are what the build makes is
    ``test_lexicon.test_the_shipped_tables_are_what_the_build_makes``)."""
    from reflectiejournaal.bundle import lexicon

    assert lexicon.load_shipped() is not None, "the package's tables fit the installed deduce"
    return lexicon.shipped_folder()


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
