"""Backup and restore: the encrypted vault as one verified file, restored only when whole."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import tarfile

import pytest

from reflectiejournaal.vault.backup import (
    MANIFEST,
    DamagedBackup,
    read_backup,
    restore_backup,
    write_backup,
)
from reflectiejournaal.errors import SourceMissing, TargetNotEmpty, VaultLocked, WrongPassphrase
from reflectiejournaal.journal import Journal
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.vault.files import ITEMS_DIR, new_item_id
from tests.helpers import PASSPHRASE

SECRET = "Mevrouw Jansen belde over haar zoon"


def unlock(path):
    return Vault.unlock(path, PASSPHRASE)


@pytest.fixture
def filled(journal, tmp_path):
    entries = [journal.create("case", f"{SECRET} ({i})") for i in range(3)]
    journal.save_trajectory(Trajectory.plan(new_item_id(), "supervisie", "Supervisie",
                                            entries[0].created.date()))
    return journal, entries


def test_a_backup_holds_every_file_encrypted_and_restores_equal(filled, tmp_path):
    journal, entries = filled
    out = tmp_path / "kluis.rjbackup"
    report = write_backup(journal.vault, out)
    assert report.files == 5 and not report.unreadable  # header, three texts, a trajectory
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert SECRET.encode() not in out.read_bytes()  # ciphertext only
    restored = restore_backup(read_backup(out), tmp_path / "nieuw", unlock)
    assert restored.unreadable == [] and restored.moved_aside is None
    again = Journal(Vault.unlock(tmp_path / "nieuw", PASSPHRASE), None)
    assert [again.get(e.id).to_markdown() for e in entries] == [e.to_markdown() for e in entries]
    assert [t.to_bytes() for t in again.trajectories()] == \
        [t.to_bytes() for t in journal.trajectories()]
    for name in os.listdir(journal.vault.path / ITEMS_DIR):
        assert (tmp_path / "nieuw" / ITEMS_DIR / name).read_bytes() == \
            (journal.vault.path / ITEMS_DIR / name).read_bytes()


def _negative_size(manifest: bytes) -> bytes:
    document = json.loads(manifest)
    document["files"][0]["size"] = -10**12
    return json.dumps(document).encode()


def rewrite(archive_path, change):
    """The archive with ``change(name, data) -> (name, data) | None`` applied to each member."""
    with tarfile.open(archive_path) as archive:
        members = [(m, archive.extractfile(m).read()) for m in archive.getmembers()]
    with tarfile.open(archive_path, "w") as archive:
        for member, data in members:
            changed = change(member.name, data)
            if changed is None:
                continue
            info = tarfile.TarInfo(changed[0])
            info.size = len(changed[1])
            archive.addfile(info, io.BytesIO(changed[1]))


@pytest.mark.parametrize("change, reason", [
    (lambda n, d: (n, d[:-1] + bytes([d[-1] ^ 1])) if n.startswith("items/") else (n, d), "changed"),
    (lambda n, d: None if n.startswith("items/") else (n, d), "incomplete"),
    (lambda n, d: ("../../etc/cron.d/x" if n.startswith("items/") else n, d), "incomplete"),
    (lambda n, d: (n, b"{" if n == MANIFEST else d), "manifest"),
    # JSON nested 200,000 deep ended the command in a RecursionError (issue 24's review)
    (lambda n, d: (n, b"[" * 200_000 + b"]" * 200_000 if n == MANIFEST else d), "manifest"),
    # a negative size slipped past the cap on the archive's total
    (lambda n, d: (n, _negative_size(d) if n == MANIFEST else d), "manifest"),
])
def test_a_changed_or_hostile_backup_is_refused_before_anything_is_written(
        filled, tmp_path, change, reason):
    journal, _ = filled
    out = tmp_path / "kluis.rjbackup"
    write_backup(journal.vault, out)
    rewrite(out, change)
    with pytest.raises(DamagedBackup) as refused:
        read_backup(out)
    assert refused.value.details["reason"] == reason
    assert not (tmp_path / "etc").exists()


def test_a_link_in_the_archive_is_refused(filled, tmp_path):
    journal, _ = filled
    out = tmp_path / "kluis.rjbackup"
    write_backup(journal.vault, out)
    with tarfile.open(out, "a") as archive:
        link = tarfile.TarInfo("items/link.rj")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)
    with pytest.raises(DamagedBackup):
        read_backup(out)


def test_not_a_backup(tmp_path):
    with pytest.raises(SourceMissing):
        read_backup(tmp_path / "weg.rjbackup")
    other = tmp_path / "foto.jpg"
    other.write_bytes(b"\xff\xd8\xff" * 100)
    with pytest.raises(DamagedBackup):
        read_backup(other)


def test_restore_never_replaces_without_asking_and_then_moves_aside(filled, tmp_path):
    journal, entries = filled
    out = tmp_path / "kluis.rjbackup"
    write_backup(journal.vault, out)
    journal.create("note", "na de back-up geschreven")
    target = journal.vault.path
    before = sorted(os.listdir(target / ITEMS_DIR))
    with pytest.raises(TargetNotEmpty):
        restore_backup(read_backup(out), target, unlock)
    assert sorted(os.listdir(target / ITEMS_DIR)) == before
    with pytest.raises(VaultLocked):  # this journal is the writer (the app, open on it)
        restore_backup(read_backup(out), target, unlock, replace=True)
    assert sorted(os.listdir(target / ITEMS_DIR)) == before
    journal.vault.release_lock()
    app = Vault.unlock(target, PASSPHRASE)
    app.acquire_session()  # the app open on it: it holds no writer lock between writes
    with pytest.raises(VaultLocked):
        restore_backup(read_backup(out), target, unlock, replace=True)
    app.release_lock()
    report = restore_backup(read_backup(out), target, unlock, replace=True)
    assert sorted(os.listdir(report.moved_aside / ITEMS_DIR)) == before  # nothing deleted
    assert len(os.listdir(target / ITEMS_DIR)) == len(before) - 1
    assert not [p for p in tmp_path.iterdir() if ".herstel-" in p.name]


def test_a_wrong_passphrase_restores_nothing(filled, tmp_path):
    journal, _ = filled
    out = tmp_path / "kluis.rjbackup"
    write_backup(journal.vault, out)
    with pytest.raises(WrongPassphrase):
        restore_backup(read_backup(out), tmp_path / "nieuw",
                       lambda path: Vault.unlock(path, "niet de goede"))
    assert not (tmp_path / "nieuw").exists()
    assert not [p for p in tmp_path.iterdir() if ".herstel-" in p.name]


def test_a_damaged_item_is_kept_and_named(filled, tmp_path):
    journal, entries = filled
    (journal.vault.path / ITEMS_DIR / f"{entries[0].id}.rj").write_bytes(b"kapot")
    report = write_backup(journal.vault, tmp_path / "kluis.rjbackup")
    assert report.unreadable == [f"items/{entries[0].id}.rj"] and report.files == 5
    manifest = json.loads(tarfile.open(tmp_path / "kluis.rjbackup").extractfile(MANIFEST).read())
    assert manifest["vault_id"] == journal.vault.vault_id


@pytest.mark.parametrize("name, kind", [("../../etc/cron.d/x", tarfile.REGTYPE),
                                        ("/etc/x", tarfile.REGTYPE),
                                        ("items/link.rj", tarfile.SYMTYPE)])
def test_a_hostile_name_or_link_is_refused_even_when_the_manifest_lists_it(
        filled, tmp_path, name, kind):
    journal, _ = filled
    out = tmp_path / "kluis.rjbackup"
    write_backup(journal.vault, out)
    with tarfile.open(out) as archive:
        members = [(m, archive.extractfile(m).read()) for m in archive.getmembers()]
    manifest = json.loads(members[0][1])
    manifest["files"].append({"name": name, "size": 0, "sha256": hashlib.sha256(b"").hexdigest()})
    with tarfile.open(out, "w") as archive:
        for member, data in [(members[0][0], json.dumps(manifest).encode()), *members[1:]]:
            info = tarfile.TarInfo(member.name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        hostile = tarfile.TarInfo(name)
        hostile.type = kind
        hostile.linkname = "/etc/passwd" if kind == tarfile.SYMTYPE else ""
        archive.addfile(hostile, io.BytesIO(b""))
    with pytest.raises(DamagedBackup) as refused:
        read_backup(out)
    assert refused.value.details["reason"] == "foreign"
    assert not (tmp_path / "etc").exists()


def test_a_manifest_naming_another_vault_is_refused(filled, tmp_path):
    """The manifest has no MAC: restore once deleted what this device knew of the vault it
    named (its rollback memory), whatever the archive held."""
    journal, _ = filled
    out = tmp_path / "kluis.rjbackup"
    write_backup(journal.vault, out)
    rewrite(out, lambda n, d: (n, d.replace(journal.vault.vault_id.encode(), b"0" * 32))
            if n == MANIFEST else (n, d))
    with pytest.raises(DamagedBackup):
        read_backup(out)


def test_restore_leaves_a_shared_parent_as_it_was_and_replaces_only_a_vault(filled, tmp_path):
    journal, _ = filled
    out = tmp_path / "kluis.rjbackup"
    write_backup(journal.vault, out)
    shared = tmp_path / "gedeeld"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o1777)
    restore_backup(read_backup(out), shared / "kluis", unlock)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    documents = tmp_path / "documenten"
    documents.mkdir()
    (documents / "scriptie.txt").write_text("mijn scriptie")
    with pytest.raises(TargetNotEmpty):
        restore_backup(read_backup(out), documents, unlock, replace=True)
    assert os.listdir(documents) == ["scriptie.txt"]
