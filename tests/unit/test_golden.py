"""The golden vault in tests/data: a real vault of format version 1 must stay readable forever,
by this program and by the stand-alone script that documents the format."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reflectiejournaal.journal import Journal
from reflectiejournaal.vault.store import Vault

DATA = Path(__file__).parents[1] / "data"
ROOT = Path(__file__).parents[2]
PASSPHRASE = (DATA / "golden-passphrase.txt").read_text().strip()
EXPECTED = {p.stem: p.read_bytes().decode("utf-8") for p in (DATA / "golden-expected").glob("*.md")}


@pytest.fixture
def golden(tmp_path) -> Path:
    copy = tmp_path / "golden-vault"
    shutil.copytree(DATA / "golden-vault", copy)
    return copy


def test_golden_vault_opens_with_its_passphrase(golden, tmp_path):
    journal = Journal(Vault.unlock(golden, PASSPHRASE), tmp_path / "cache")
    assert journal.damaged == [] and journal.conflicts == []
    assert {s.id for s in journal.summaries()} == set(EXPECTED)
    for entry_id, text in EXPECTED.items():
        assert journal.get(entry_id).to_markdown() == text
    assert [h.summary.id for h in journal.search("een grens")] == ["5eed0000000000c1"]


def test_golden_vault_opens_with_its_herstelcode(golden):
    code = (DATA / "golden-herstelcode.txt").read_text()
    assert Vault.recover(golden, code).read("5eed0000000000c2")[0] == "entry"


def test_standalone_script_decrypts_with_cryptography_alone(golden, tmp_path):
    out = tmp_path / "out"
    result = subprocess.run(
        [sys.executable, "-I", str(ROOT / "docs" / "decrypt_vault.py"), str(golden), str(out)],
        input=PASSPHRASE + "\n", capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert {p.stem: p.read_bytes().decode("utf-8") for p in out.glob("*.md")} == EXPECTED


def test_script_imports_nothing_of_this_program():
    source = (ROOT / "docs" / "decrypt_vault.py").read_text()
    assert "reflectiejournaal." not in source.replace("reflectiejournaal-vault", "")
    assert "import reflectiejournaal" not in source


def test_script_decrypts_items_and_cache_of_a_new_vault(journal, vault, cache_path, tmp_path):
    """Every item and the whole cache, as this version writes them, read back by the script."""
    from reflectiejournaal.clients import Client, ClientList
    from reflectiejournaal.drafts import Draft
    from reflectiejournaal.index import EntrySummary, Record
    from reflectiejournaal.settings import Settings
    from reflectiejournaal.trajectory import Trajectory
    from tests.helpers import PASSPHRASE

    trajectory = Trajectory.plan("7a0000000000000f", "supervisie", "Supervisie één",
                                 dt.date(2026, 1, 7))
    journal.save_trajectory(trajectory)
    kept = [
        journal.create("case", "# Situatie\n\nÉén moeder, D’Hondt — ĳs 🌱 İstanbul.\n",
                       title="Casus: één grens", tags=("grenzen", "ouders"),
                       trajectory=trajectory.id, meeting=2),
        journal.create("note", "Korte notitie\r\nmet een tweede regel\n"),
    ]
    gone = journal.create("reflection", "Wordt gewist.")
    journal.delete(gone.id)
    journal.save_draft(Draft(journal.new_draft_id(), "reflection", body="half af ✍", title="Concept"))
    journal.save_settings(Settings(idle_minutes=5, theme="textual-light"))
    journal.save_clients(ClientList([Client("Fatima El Amrani", "Cliënt A", ("Fa",))]))
    assert journal.flush()
    cache_file = cache_path / f"{vault.vault_id}.cache"
    assert cache_file.is_file()

    out = tmp_path / "out"
    result = subprocess.run(  # --cache without a file: the default place ($XDG_CACHE_HOME here)
        [sys.executable, "-I", str(ROOT / "docs" / "decrypt_vault.py"), str(vault.path), str(out),
         "--cache"],
        input=PASSPHRASE + "\n", capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr

    scan = vault.scan()
    items = {p.name.split(".")[0]: p for p in out.iterdir() if p.name != "cache.json"}
    assert set(items) == set(scan.items)
    assert items[gone.id].name == f"{gone.id}.deleted" and items[gone.id].read_bytes() == b""
    for item_id, path in items.items():
        item_type, body = vault.read(item_id)
        assert path.name == item_id + (".md" if item_type == "entry" else f".{item_type}")
        assert path.read_bytes() == body
    assert {vault.read(i)[0] for i in items} == {"entry", "draft", "settings", "clients",
                                                "trajectory", "deleted"}

    cache = json.loads((out / "cache.json").read_text("utf-8"))
    assert cache["version"] == 6 and len(cache["generation"]) == 16
    assert {i: r["item_version"] for i, r in cache["records"].items()} == {
        i: vault.read_opened(i).version for i in scan.items}
    assert cache["records"][gone.id]["item_version"] == 2  # written, then its deletion
    assert set(cache["records"]) == set(scan.items)
    for item_id, record in cache["records"].items():
        size, mtime_ns, inode = scan.items[item_id].signature
        assert record["signature"] == {"size": size, "mtime_ns": mtime_ns, "inode": inode}
        assert record["type"] == vault.read(item_id)[0]
        if record["type"] != "entry":
            assert (record["summary"], record["body_at"], record["text"],
                    record["text_as_written"]) == (None, 0, "", "")
            continue
        entry = journal.get(item_id)
        expected = Record.for_entry(scan.items[item_id].signature, entry, 1)
        assert record["summary"] == EntrySummary.of(entry).to_json()
        assert (record["body_at"], record["text"], record["text_as_written"]) == (
            expected.body_at, expected.folded, str(expected.text))
    assert {i for i, r in cache["records"].items() if r["summary"]} == {e.id for e in kept}
    assert "een moeder, d'hondt — ĳs 🌱 istanbul" in cache["records"][kept[0].id]["text"]
    assert "Één moeder, D’Hondt — ĳs 🌱 İstanbul" in cache["records"][kept[0].id]["text_as_written"]


def test_script_decrypts_a_vault_during_and_after_a_rekey(made_vault, vault_path, tmp_path):
    """Items under the new key, under the old one (a rekey under way, or another device that
    wrote before it knew), all read back by the script with the passphrase alone."""
    from reflectiejournaal.vault.recovery import new_recovery_key
    from reflectiejournaal.vault.files import new_item_id
    from tests.helpers import PASSPHRASE

    vault, _ = made_vault
    old, new = new_item_id(), new_item_id()
    vault.write(old, "entry", b"onder de oude sleutel")
    vault.begin_rekey(PASSPHRASE, new_recovery_key())
    vault.write(new, "entry", b"onder de nieuwe sleutel")
    for stage in ("under way", "done"):
        out = tmp_path / stage
        result = subprocess.run(
            [sys.executable, "-I", str(ROOT / "docs" / "decrypt_vault.py"), str(vault_path),
             str(out)], input=PASSPHRASE + "\n", capture_output=True, text=True)
        assert result.returncode == 0, (stage, result.stderr)
        assert (out / f"{old}.md").read_bytes() == b"onder de oude sleutel"
        assert (out / f"{new}.md").read_bytes() == b"onder de nieuwe sleutel"
        vault.finish_rekey()  # without re-encrypting: the old item stays under the old key
