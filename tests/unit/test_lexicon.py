"""deduce's tables in the user cache: used only when they are the user's own and intact;
anything else is rebuilt, never run, never a crash; the build never imports from the folder
the user happens to be in."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from reflectiejournaal.bundle import lexicon


@pytest.fixture
def tables(detector_tables: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "detector"
    shutil.copytree(detector_tables, folder)
    return folder


def _rewrite(folder: Path, data: bytes, manifest: object | None = None) -> None:
    """Replace the tables by ``data`` with a manifest that vouches for it (as an attacker with
    the user's own write access could)."""
    (folder / lexicon.TABLES_FILE).write_bytes(data)
    if manifest is None:
        manifest = json.loads((folder / lexicon.MANIFEST).read_text())
        manifest["sha256"] = __import__("hashlib").sha256(data).hexdigest()
    (folder / lexicon.MANIFEST).write_text(json.dumps(manifest))
    for file in folder.iterdir():
        file.chmod(0o600)


@pytest.mark.slow
def test_the_shipped_tables_are_what_the_build_makes(tmp_path):
    """A fresh install reviews its first bundle on the package's tables: they must be exactly
    what the build makes from the installed deduce (remake them with
    ``python -m reflectiejournaal.bundle.lexicon reflectiejournaal/bundle/tables``)."""
    shares: list[float] = []
    lexicon.build_in_child(tmp_path / "built", shares.append)
    assert shares == sorted(shares) and shares[-1] == 1.0, "progress goes one way, to 100%"
    shipped = lexicon.shipped_folder()
    for name in (lexicon.TABLES_FILE, lexicon.MANIFEST):
        assert (tmp_path / "built" / name).read_bytes() == (shipped / name).read_bytes(), name


def test_the_package_tables_are_used_whoever_installed_them(monkeypatch):
    """Installed by root for everyone, the package's files are not the user's own: that is
    no reason to build (it is for the user's cache folder)."""
    monkeypatch.setattr(lexicon.os, "getuid", lambda: 12345)
    assert lexicon.load_shipped() is not None
    assert lexicon.load(lexicon.shipped_folder()) is None  # as a cache folder it would not do


def test_intact_tables_load(tables):
    assert lexicon.load(tables) is not None


@pytest.mark.parametrize("damage", ["symlink", "world_writable", "truncated", "other_version",
                                    "not_an_object", "fifo"])
def test_foreign_or_damaged_tables_are_not_used(tables, tmp_path, damage):
    manifest = tables / lexicon.MANIFEST
    if damage == "symlink":
        target = tmp_path / "elsewhere.json"
        manifest.rename(target)
        manifest.symlink_to(target)
    elif damage == "world_writable":
        (tables / lexicon.TABLES_FILE).chmod(0o666)
    elif damage == "truncated":
        data = (tables / lexicon.TABLES_FILE).read_bytes()
        (tables / lexicon.TABLES_FILE).write_bytes(data[: len(data) // 2])
    elif damage == "other_version":
        values = json.loads(manifest.read_text()) | {"deduce": "0.0.1"}
        manifest.write_text(json.dumps(values))
    elif damage == "not_an_object":
        manifest.write_text("[]")
    elif damage == "fifo":
        manifest.unlink()
        os.mkfifo(manifest, 0o600)  # would block a plain open() forever
    assert lexicon.load(tables) is None


def test_arrays_of_the_wrong_shape_or_a_pickle_are_refused(tables):
    buffer = io.BytesIO()
    np.savez(buffer, **{f"{n}.{k}": np.zeros((2, 2), dtype=np.uint64)
                        for n in lexicon.TABLES for k in ("prefixes", "phrases")})
    _rewrite(tables, buffer.getvalue())
    assert lexicon.load(tables) is None
    buffer = io.BytesIO()
    np.savez(buffer, **{f"{n}.{k}": np.array([object()]) for n in lexicon.TABLES
                        for k in ("prefixes", "phrases")})
    _rewrite(tables, buffer.getvalue())
    assert lexicon.load(tables) is None  # allow_pickle=False: nothing is ever unpickled


def test_the_build_never_imports_from_the_folder_it_runs_in(tmp_path):
    """The child's interpreter ignores a numpy.py beside it (it runs in the cache folder)."""
    (tmp_path / "numpy.py").write_text(f"open({str(tmp_path / 'RAN')!r}, 'w').write('x')\n")
    done = subprocess.run([*lexicon.PYTHON, "-c", "import numpy"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 0 and not (tmp_path / "RAN").exists()
    unsafe = subprocess.run([sys.executable, "-c", "import numpy"], cwd=tmp_path)
    assert unsafe.returncode == 0 and (tmp_path / "RAN").exists()  # what -P prevents


@pytest.mark.parametrize("path", [
    "institutions/lst_hospital", "locations/lst_placename", "whitelist/lst_eponymous_disease",
    "names/lst_surname",
    # deduce's own loader takes seconds on this one (the streets: see below)
    pytest.param("institutions/lst_healthcare_institution", marks=pytest.mark.slow),
])
def test_the_lists_are_deduces_own_with_every_variant(path):
    """The quicker loader gives exactly the sets deduce's own loader gives."""
    from deduce.deduce import _LOOKUP_LIST_PATH
    from deduce.lookup_structs import load_raw_itemsets

    from reflectiejournaal.bundle.lists import raw_lists

    assert raw_lists([path]) == load_raw_itemsets(_LOOKUP_LIST_PATH, [path])


@pytest.mark.slow
def test_the_street_variants_are_deduces_own(tmp_path):
    """The streets as deduce's own loader makes them, on every 16th street: its variants
    ("Burgemeester" → "Burg.") are made item by item, so a sample tests the same rule as
    all 153,000 (which take deduce's loader a minute and a half)."""
    from deduce.deduce import _LOOKUP_LIST_PATH
    from deduce.lookup_structs import load_raw_itemset

    from reflectiejournaal.bundle.lists import _raw_itemset

    source = _LOOKUP_LIST_PATH / "src" / "locations" / "lst_street"
    sample = tmp_path / "lst_street"
    sample.mkdir()
    streets = sorted((source / "items.txt").read_text("utf-8").splitlines())
    (sample / "items.txt").write_text("\n".join(streets[::16]) + "\n", "utf-8")
    for name in ("exceptions.txt", "transform.json"):
        shutil.copy(source / name, sample / name)
    assert not list(source.glob("lst_*")), "sub-lists: sample them too"
    ours = _raw_itemset(sample)
    assert len(ours) > len(streets) // 16, "the variants are in it"
    assert ours == load_raw_itemset(sample)


@pytest.mark.parametrize("every", [False, pytest.param(True, marks=pytest.mark.slow)])
def test_the_quick_tokenizer_gives_deduces_tokens(every):
    """The build's tokenizer splits and merges ("van der", "dr.") exactly as deduce's: on a
    sample of every list, and (slow) on every shape of every item of them.

    deduce splits by character class (``\\w+|[\\n\\r\\t]| {4,}|[^ ]``) and merges only runs of
    the words of its merge terms; so a word in no merge term can stand for any other, and two
    items alike but for such words are tokenized alike. Every distinct shape is compared: all
    that every item would test, at a fraction of deduce's time."""
    import re

    from reflectiejournaal.bundle.lists import QuickTokenizer, raw_lists, tokenizer_from

    lists = [p for p in lexicon.RAW_LISTS if every or "street" not in p]  # streets: slow
    raw = raw_lists(lists)
    real = tokenizer_from(raw)
    quick = QuickTokenizer(real)
    items = sorted({item for items in raw.values() for item in items})
    if every:
        merging = {token.text.lower() for term in [*raw["prefix"], *raw["interfix"]]
                   for token in real.tokenize(term)}
        sample = sorted({re.sub(r"\w+", lambda m: m.group() if m.group().lower() in merging else "x",
                                item) for item in items})
        assert 1000 < len(sample) < len(items)  # every shape, far fewer than the items
    else:
        sample = items[::211] + ["Van der Valk  dr. Jansen-de Vries", "", "   "]
    for item in sample:
        assert [t.text for t in quick.tokenize(item)] == [t.text for t in real.tokenize(item)], item
