"""No plaintext leaves the vault: a unique marker written through every path is found nowhere."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

from reflectiejournaal.vault.fsutil import lock_folder
from reflectiejournaal.journal import Journal
from tests.helpers import PASSPHRASE


def files_containing(root: Path, needles: list[bytes]) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes().lower()
            if any(n in data for n in needles):
                found.append(path)
    return found


def test_marker_is_nowhere_on_disk(made_vault, vault_path, tmp_path, cache_path, monkeypatch):
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)  # where Textual would put a screenshot
    monkeypatch.setenv("HOME", str(home))
    vault, _ = made_vault
    marker = f"KANARIE{uuid.uuid4().hex}"
    needles = [marker.lower().encode(), marker.lower().encode("utf-16-le")]
    journal = Journal(vault, cache_path)
    entry = journal.create("case", f"# {marker}\n\nCliënt {marker} zei iets.", tags=(marker,),
                           title=f"Titel {marker}")
    journal.save(entry.edited(body=f"Bewerkt: {marker} " * 50))
    journal.close()

    # And through the installed command: new, search, show, list, check.
    passphrase_file = tmp_path / "pw"
    passphrase_file.write_text(PASSPHRASE)
    passphrase_file.chmod(0o600)  # private: readable by others, it gets a warning
    base = [sys.executable, "-m", "reflectiejournaal", "--vault", str(vault_path),
            "--passphrase-file", str(passphrase_file)]
    run = lambda *args, stdin="": subprocess.run(  # noqa: E731
        [*base, *args], input=stdin, capture_output=True, text=True, env=os.environ, check=True
    )
    new_id = run("new", "--kind", "note", "--tag", marker, stdin=f"Ook via de opdrachtregel {marker}").stdout.strip()
    assert marker in run("show", new_id).stdout
    assert marker in run("search", marker.lower()).stdout
    run("list")
    run("check")
    passphrase_file.unlink()

    assert list(cache_path.iterdir()), "the cache was written"
    runtime = lock_folder()  # the locks' folder, outside the vault
    assert (runtime / f"{vault.vault_id}.lock").is_file(), "the lock was taken (on this machine)"
    assert [p for p in tmp_path.rglob("core*") if p.is_file()] == []  # no core dumps
    # tmp_path holds the vault, the data, cache, config and runtime folders and ~/Downloads.
    roots = [tmp_path, Path(os.environ["TMPDIR"]), runtime, home]
    for root in roots:
        assert files_containing(root, needles) == []
