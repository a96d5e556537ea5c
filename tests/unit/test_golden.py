"""The golden vault in tests/data: a real vault of format version 1 must stay readable forever,
by this program and by the stand-alone script that documents the format."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reflectiejournaal.journal import Journal
from reflectiejournaal.vault import Vault

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
