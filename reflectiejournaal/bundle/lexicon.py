"""Deduce's lookup lists as lean phrase tables in a private cache folder.

``deduce`` keeps its lists (first names, surnames, places, streets, care institutions) as
tries of Python dicts: about 1.1 GB in memory and 7–9 s to unpickle, from a pickle it writes
inside site-packages. Here every list is built once by deduce's own loaders, then kept as two
sorted arrays of 64-bit hashes: one of every token sequence that begins a phrase of the list,
one of the whole phrases. Looking up the longest phrase at a token walks the prefixes, as the
trie would; the tables take about 30 MB and load in a fraction of a second.

The package ships the tables for the deduce version it pins (``tables/``): a fresh install
reviews its first bundle at once. Only with another deduce are they built, in a child process
(``python -m reflectiejournaal.bundle.lexicon``), so the app stays responsive and its memory
small; progress comes back as lines on stdout. They are written 0600 into a 0700 folder in
the user cache folder, with a manifest that names the
deduce version and the SHA-256 of the tables. Tables that are missing, written by another
version, not the user's own, writable by others or altered are not used: they are rebuilt.
Hashes are not secrets; the lists are public data.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from ..errors import DetectorUnavailable, WriteFailed
from ..vault.fsutil import atomic_write, make_private_dir

FORMAT = 1
MANIFEST = "manifest.json"
TABLES_FILE = "tables.npz"
SEPARATOR = "\x1f"  # between the tokens of a phrase, before hashing
# The lists deduce turns into tries, with the loader in deduce.lookup_struct_loader that
# builds each, and the share of the build time each takes (for an honest progress bar).
TABLES = {
    "first_name": ("load_first_name_lookup", 2),
    "surname": ("load_surname_lookup", 2),
    "placename": ("load_placename_lookup", 2),
    "hospital": ("load_hospital_lookup", 1),
    "healthcare_institution": ("load_institution_lookup", 18),
    "street": ("load_street_lookup", 30),
    "eponymous_disease": ("load_eponymous_disease_lookup", 2),
}
RAW_LISTS = {  # deduce's raw lists: what the tables and the small word sets are made from
    "institutions/lst_healthcare_institution": 2, "institutions/lst_hospital": 1,
    "institutions/lst_hospital_abbr": 0, "locations/lst_placename": 1,
    "locations/lst_street": 40, "names/lst_first_name": 0, "names/lst_initial": 0,
    "names/lst_interfix": 0, "names/lst_interfix_surname": 0, "names/lst_prefix": 0,
    "names/lst_surname": 0, "whitelist/lst_common_word": 0, "whitelist/lst_eponymous_disease": 1,
    "whitelist/lst_medical_term": 0, "whitelist/lst_stop_word": 0,
}
Progress = Callable[[float], None]
# The child's interpreter. -P: the working folder is not put on the import path (a numpy.py
# or a reflectiejournaal/ folder where the user happens to be must never run); it also runs
# in the private folder itself.
PYTHON = (sys.executable, "-P")


def deduce_version() -> str:
    return metadata.version("deduce")


def phrase_hash(tokens: list[str] | tuple[str, ...]) -> int:
    """A stable 64-bit hash of a token sequence (Python's own ``hash`` changes per process)."""
    return _text_hash(SEPARATOR.join(tokens))


@lru_cache(maxsize=1 << 16)
def _text_hash(joined: str) -> int:
    # The same words come back in every text of a bundle: hashed once per process.
    digest = hashlib.blake2b(joined.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass(frozen=True)
class PhraseTable:
    """The phrases of one list: their prefixes and the whole phrases, as sorted hashes."""

    prefixes: np.ndarray
    phrases: np.ndarray
    lowercase: bool  # deduce matches this list case-insensitively

    def has_prefix(self, hashes: np.ndarray) -> np.ndarray:
        return _members(self.prefixes, hashes)

    def has_phrase(self, hashes: np.ndarray) -> np.ndarray:
        return _members(self.phrases, hashes)

    def longest(self, tokens: list[str], start: int) -> int:
        """Length of the longest phrase at ``tokens[start:]`` (0: none)."""
        best, path = 0, []
        for position in range(start, len(tokens)):
            path.append(tokens[position].lower() if self.lowercase else tokens[position])
            key = np.array([phrase_hash(path)], dtype=np.uint64)
            if not self.has_prefix(key)[0]:
                break
            if self.has_phrase(key)[0]:
                best = len(path)
        return best


def _members(table: np.ndarray, keys: np.ndarray) -> np.ndarray:
    where = np.searchsorted(table, keys)
    found = where < len(table)
    found[found] = table[where[found]] == keys[found]
    return found


@dataclass(frozen=True)
class Lexicon:
    tables: dict[str, PhraseTable]
    deduce: str


# -- loading ---------------------------------------------------------------------------------
def shipped_folder() -> Path:
    """The tables that come with the package (``tables/``, made by this module's ``main`` for
    the deduce version the package pins): a fresh install needs no build."""
    return Path(str(resources.files(__package__) / "tables"))


def load_shipped() -> Lexicon | None:
    """The package's own tables, or ``None`` when they do not fit the installed deduce."""
    return load(shipped_folder(), own=False)


def load(folder: Path, own: bool = True) -> Lexicon | None:
    """The tables in ``folder``, or ``None`` when they are missing or cannot be trusted.

    Anything unexpected in them (a manifest that is no object, arrays of the wrong shape,
    unsorted, a file that is not an archive) means: build them again, never a crash.
    ``own``: the folder is the user's cache, so its files must be the user's own (the
    package's tables belong to whoever installed it, like its code).
    """
    try:
        manifest = json.loads(_read_file(folder / MANIFEST, 64 * 1024, own))
        data = _read_file(folder / TABLES_FILE, 512 * 1024 * 1024, own)
        if (not isinstance(manifest, dict) or manifest.get("format") != FORMAT
                or manifest.get("deduce") != deduce_version()
                or manifest.get("sha256") != hashlib.sha256(data).hexdigest()
                or not isinstance(manifest.get("lowercase"), dict)):
            return None
        arrays = np.load(io.BytesIO(data), allow_pickle=False)
        tables = {}
        for name in TABLES:
            prefixes, phrases = arrays[f"{name}.prefixes"], arrays[f"{name}.phrases"]
            if not all(_sorted_hashes(a) for a in (prefixes, phrases)):
                return None
            tables[name] = PhraseTable(prefixes, phrases, manifest["lowercase"].get(name) is True)
        return Lexicon(tables, manifest["deduce"])
    except Exception:  # noqa: BLE001 — whatever is wrong with a cache, it is rebuilt
        return None


def _sorted_hashes(array: np.ndarray) -> bool:
    return (array.dtype == np.uint64 and array.ndim == 1
            and bool(np.all(array[1:] > array[:-1])))


def _read_file(path: Path, limit: int, own: bool) -> bytes:
    """The bytes of a regular file (a FIFO or a device would block or never end: refused
    before reading); when ``own``, one of this user's that nobody else may write."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if (not stat.S_ISREG(info.st_mode) or info.st_size > limit
                or (own and (info.st_uid != os.getuid() or info.st_mode & 0o022))):
            raise ValueError("foreign file")
        with os.fdopen(os.dup(fd), "rb") as handle:
            return handle.read(limit + 1)
    finally:
        os.close(fd)


# -- building -------------------------------------------------------------------------------
def build(folder: Path, progress: Progress = lambda share: None) -> None:
    """Build the tables from deduce's lists into ``folder`` (slow: half a minute).

    The street table (the largest) is built in a second process while this one builds the
    others: on two cores the wait is that of the streets alone.
    """
    from concurrent.futures import ProcessPoolExecutor

    total = sum(RAW_LISTS.values()) + sum(weight for _, weight in TABLES.values())
    done = 0

    def report(weight: int) -> None:
        nonlocal done
        done += weight
        progress(done / total)

    with ProcessPoolExecutor(max_workers=1) as pool:
        streets = pool.submit(_build_tables, [n for n in TABLES if n in _ALONE], _ALONE_LISTS)
        others = [n for n in TABLES if n not in _ALONE]
        built = _build_tables(others, [p for p in RAW_LISTS if p not in _ALONE_ONLY], report)
        built.update(streets.result())
    report(total - done)
    arrays: dict[str, np.ndarray] = {}
    lowercase: dict[str, bool] = {}
    for name in TABLES:
        arrays[f"{name}.prefixes"], arrays[f"{name}.phrases"], lowercase[name] = built[name]
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    data = buffer.getvalue()
    manifest = {"format": FORMAT, "deduce": deduce_version(), "lowercase": lowercase,
                "sha256": hashlib.sha256(data).hexdigest()}
    make_private_dir(folder)
    atomic_write(folder / TABLES_FILE, data)
    atomic_write(folder / MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))


# The street table, built in a process of its own, from the lists it needs alone.
_ALONE = ("street",)
_ALONE_ONLY = ("locations/lst_street",)
_ALONE_LISTS = ["locations/lst_street", "names/lst_prefix", "names/lst_interfix"]


def _build_tables(names: list[str], lists: list[str],
                  report: Callable[[int], None] = lambda weight: None,
                  ) -> dict[str, tuple[np.ndarray, np.ndarray, bool]]:
    """``name → (prefix hashes, phrase hashes, lower case)`` for the tables ``names``."""
    from .lists import QuickTokenizer, loaders, raw_lists, tokenizer_from

    raw: dict[str, set[str]] = {}
    for path in lists:
        raw.update(raw_lists([path]))
        report(RAW_LISTS[path])
    tokenizer = QuickTokenizer(tokenizer_from(raw))
    built = {}
    for name in names:
        loader, weight = TABLES[name]
        trie = getattr(loaders, loader)(raw, tokenizer)
        built[name] = (*_hashes(trie), bool(trie.matching_pipeline))
        del trie
        report(weight)
    return built


def _hashes(trie) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """Every path of a deduce trie as a prefix hash; the paths that end a phrase apart.

    Tries hold matching-pipeline output as keys (lower case for hospitals), so the hashes do.
    """
    prefixes: list[int] = []
    phrases: list[int] = []
    for path, terminal in _walk(trie, []):
        key = phrase_hash(path)
        prefixes.append(key)
        if terminal:
            phrases.append(key)
    return (np.unique(np.array(prefixes, dtype=np.uint64)),
            np.unique(np.array(phrases, dtype=np.uint64)))


def _walk(node, path: list[str]) -> Iterator[tuple[list[str], bool]]:  # type: ignore[no-untyped-def]
    stack = [(node, path)]
    while stack:
        current, prefix = stack.pop()
        for token, child in current.children.items():
            child_path = [*prefix, token]
            yield child_path, child.is_terminal
            stack.append((child, child_path))


# -- the child process ------------------------------------------------------------------------
def build_in_child(folder: Path, progress: Progress = lambda share: None) -> None:
    """Build in a separate Python process, reporting its progress; raises DetectorUnavailable."""
    command = [*PYTHON, "-m", "reflectiejournaal.bundle.lexicon", str(folder)]
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    try:
        make_private_dir(folder)
        child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 stdin=subprocess.DEVNULL, env=env, text=True, cwd=folder)
    except (OSError, WriteFailed) as exc:
        raise DetectorUnavailable(getattr(exc, "details", {}).get("reason") or type(exc).__name__) from exc
    assert child.stdout is not None
    problem = ""
    for line in child.stdout:
        try:
            progress(float(line))
        except ValueError:
            problem = line.strip()  # "error WriteFailed": the child's reason, by type only
    if child.wait() != 0 or load(folder) is None:
        raise DetectorUnavailable(problem.removeprefix("error ") or f"exit {child.returncode}")


def main(argv: list[str]) -> int:
    folder = Path(argv[0])

    def report(share: float) -> None:
        print(f"{share:.3f}", flush=True)

    try:
        build(folder, report)
    except Exception as exc:  # noqa: BLE001 — reported by type or reason only, as everywhere
        print(f"error {getattr(exc, 'details', {}).get('reason') or type(exc).__name__}", flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
