"""Rollback, resurrection and vanishing: what the folder did that this device's work does not
explain is reported, and the user decides."""

from __future__ import annotations

import shutil

import pytest

from reflectiejournaal.journal import Journal
from reflectiejournaal.vault.recovery import new_recovery_key
from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE


@pytest.fixture
def state(tmp_path):
    return tmp_path / "state"


def reopen(vault_path, cache_path, state) -> Journal:
    vault = Vault.unlock(vault_path, PASSPHRASE)
    vault.acquire_lock()
    return Journal(vault, cache_path, state)


def kinds(journal: Journal) -> dict[str, str]:
    return {a.item_id: a.kind for a in journal.anomalies}


def item_file(journal: Journal, item_id: str):
    return journal.vault.scan().items[item_id].path


def edited_keeping_the_first(journal: Journal, tmp_path, first: str, second: str):
    """A note saved, its file copied aside (an authentic older version), then edited."""
    entry = journal.create("note", first)
    old = tmp_path / "oud.rj"
    shutil.copy(item_file(journal, entry.id), old)
    journal.save(entry.edited(body=second))
    return entry, old


def test_an_older_version_put_back_is_reported_until_the_user_keeps_it(vault, vault_path,
                                                                     cache_path, state, tmp_path):
    journal = Journal(vault, cache_path, state)
    entry, old = edited_keeping_the_first(journal, tmp_path, "eerste versie", "tweede versie, met wat ik later begreep")
    journal.close()

    shutil.copy(old, vault_path / "items" / f"{entry.id}.rj")  # authentic, only older
    again = reopen(vault_path, cache_path, state)
    [anomaly] = again.anomalies
    assert (anomaly.kind, anomaly.item_id, anomaly.version, anomaly.seen) == (
        "rollback", entry.id, 1, 2)
    assert anomaly.title == "eerste versie"
    again.close()
    still = reopen(vault_path, cache_path, state)  # not forgotten by looking at it
    assert kinds(still) == {entry.id: "rollback"}
    still.accept(entry.id)
    assert not still.anomalies
    still.close()
    kept = reopen(vault_path, cache_path, state)
    assert not kept.anomalies and kept.get(entry.id).body == "eerste versie"
    kept.close()


def test_a_deleted_entry_whose_file_returns_is_reported(vault, vault_path, cache_path, state,
                                                        tmp_path):
    journal = Journal(vault, cache_path, state)
    entry = journal.create("case", "over een cliënt die ik wilde wissen")
    old = tmp_path / "oud.rj"
    shutil.copy(item_file(journal, entry.id), old)
    journal.delete(entry.id)
    assert not journal.summaries()
    journal.close()

    shutil.copy(old, vault_path / "items" / f"{entry.id}.rj")
    again = reopen(vault_path, cache_path, state)
    assert kinds(again) == {entry.id: "resurrected"}
    again.discard(entry.id)  # delete it again
    again.close()
    gone = reopen(vault_path, cache_path, state)
    assert not gone.anomalies and not gone.summaries()
    gone.close()


def test_a_returned_entry_can_be_kept(vault, vault_path, cache_path, state, tmp_path):
    journal = Journal(vault, cache_path, state)
    entry = journal.create("note", "toch bewaren")
    old = tmp_path / "oud.rj"
    shutil.copy(item_file(journal, entry.id), old)
    journal.delete(entry.id)
    journal.close()
    shutil.copy(old, vault_path / "items" / f"{entry.id}.rj")
    again = reopen(vault_path, cache_path, state)
    again.accept(entry.id)
    again.close()
    kept = reopen(vault_path, cache_path, state)
    assert not kept.anomalies and [s.id for s in kept.summaries()] == [entry.id]
    kept.close()


def test_an_item_removed_without_being_deleted_is_reported(vault, vault_path, cache_path, state):
    journal = Journal(vault, cache_path, state)
    entry = journal.create("note", "verdwijnt")
    journal.close()
    (vault_path / "items" / f"{entry.id}.rj").unlink()
    again = reopen(vault_path, cache_path, state)
    [anomaly] = again.anomalies
    assert (anomaly.kind, anomaly.item_id, anomaly.seen) == ("vanished", entry.id, 1)
    again.accept(entry.id)  # gone for good: forget it
    again.close()
    assert not reopen(vault_path, cache_path, state).anomalies


def test_ordinary_work_on_two_devices_reports_nothing(vault, vault_path, tmp_path):
    """Edits, deletions, drafts and a rekey on one device are ordinary to the other."""
    here = Journal(vault, tmp_path / "cache-a", tmp_path / "state-a")
    kept = here.create("note", "blijft")
    gone = here.create("note", "gaat weg")
    here.close()
    there = reopen(vault_path, tmp_path / "cache-b", tmp_path / "state-b")
    assert not there.anomalies
    there.save(there.get(kept.id).edited(body="blijft, bewerkt elders"))
    there.delete(gone.id)
    draft_id = there.new_draft_id()
    from reflectiejournaal.drafts import Draft

    there.save_draft(Draft(draft_id, "note", body="half"))
    there.delete_draft(draft_id)
    there.vault.rekey(PASSPHRASE, new_recovery_key())
    there.rekeyed()
    there.close()
    back = reopen(vault_path, tmp_path / "cache-a", tmp_path / "state-a")
    assert not back.anomalies
    assert [s.id for s in back.summaries()] == [kept.id]
    back.close()


def test_a_sync_conflict_is_a_conflict_not_a_rollback(vault, vault_path, cache_path, state,
                                                      tmp_path):
    journal = Journal(vault, cache_path, state)
    entry, old = edited_keeping_the_first(journal, tmp_path, "versie 1", "versie 2 hier")
    journal.close()
    # The sync tool kept the other device's (older-numbered) file and renamed ours.
    items = vault_path / "items"
    (items / f"{entry.id}.rj").rename(items / f"{entry.id}.sync-conflict-20261123.rj")
    shutil.copy(old, items / f"{entry.id}.rj")
    again = reopen(vault_path, cache_path, state)
    assert not again.anomalies and len(again.conflicts) == 1
    again.close()


def test_the_folder_put_back_to_before_a_rekey_is_reported(vault, vault_path, cache_path, state,
                                                           tmp_path):
    """The old header came back with it, and the old secrets opened the vault again; the
    device's memory, sealed under the newer key, was not opened and started afresh."""
    journal = Journal(vault, cache_path, state)
    journal.create("note", "voor de wissel")
    journal.close()
    before = tmp_path / "voor"
    shutil.copytree(vault_path, before)
    again = reopen(vault_path, cache_path, state)
    again.vault.rekey(PASSPHRASE, new_recovery_key())
    again.rekeyed()
    again.close()
    shutil.rmtree(vault_path)
    shutil.copytree(before, vault_path)
    rolled = reopen(vault_path, cache_path, state)
    assert [(a.kind, a.item_id) for a in rolled.anomalies] == [("key_rollback", "sleutel")]
    rolled.close()
    kept = reopen(vault_path, cache_path, state)
    assert kinds(kept) == {"sleutel": "key_rollback"}  # until the user decides
    kept.accept("sleutel")
    kept.close()
    assert not reopen(vault_path, cache_path, state).anomalies


def test_after_a_rekey_an_item_under_the_old_key_is_reported(vault, vault_path, cache_path,
                                                             state):
    """Whoever knows the old key could write a deletion of any entry at a high version, or a
    forged entry, and it was taken as a late write of another device."""
    journal = Journal(vault, cache_path, state)
    entry = journal.create("note", "blijft van mij")
    stale = Vault.unlock(vault_path, PASSPHRASE)  # the old key, as an attacker holds it
    stale._lock = vault._lock
    journal.vault.rekey(PASSPHRASE, new_recovery_key())
    journal.rekeyed()
    journal.close()
    stale.write(entry.id, "deleted", b"", 1000)
    stale.release_lock()
    again = reopen(vault_path, cache_path, state)
    assert kinds(again) == {entry.id: "old_key"}
    again.discard(entry.id)
    assert not again.anomalies
    again.close()
    after = reopen(vault_path, cache_path, state)
    assert not after.anomalies and not after.vault.read_opened(entry.id).old_key


def test_a_late_write_under_the_old_key_can_be_kept(vault, vault_path, cache_path, state):
    journal = Journal(vault, cache_path, state)
    laggard = Vault.unlock(vault_path, PASSPHRASE)
    laggard._lock = vault._lock
    journal.vault.rekey(PASSPHRASE, new_recovery_key())
    journal.rekeyed()
    journal.close()
    late = Journal(laggard, None)  # another device, still on the old key
    entry = late.create("note", "laat geschreven")
    laggard.release_lock()
    again = reopen(vault_path, cache_path, state)
    assert kinds(again) == {entry.id: "old_key"}
    again.accept(entry.id)  # sealed again under the current key
    again.close()
    kept = reopen(vault_path, cache_path, state)
    assert not kept.anomalies and kept.get(entry.id).body == "laat geschreven"
    assert not kept.vault.read_opened(entry.id).old_key


def test_a_fake_conflict_copy_neither_hides_a_rollback_nor_lowers_the_memory(
        vault, vault_path, cache_path, state, tmp_path):
    journal = Journal(vault, cache_path, state)
    entry, old = edited_keeping_the_first(journal, tmp_path, "versie 1", "versie 2")
    journal.close()
    items = vault_path / "items"
    shutil.copy(old, items / f"{entry.id}.rj")
    fake = items / f"{entry.id} (conflicted copy).rj"
    fake.write_bytes(b"RJIT\x01" + entry.id.encode())  # a header, nothing that authenticates
    again = reopen(vault_path, cache_path, state)
    assert kinds(again) == {entry.id: "rollback"}
    again.close()
    fake.unlink()
    assert kinds(reopen(vault_path, cache_path, state)) == {entry.id: "rollback"}


def test_a_state_folder_that_cannot_be_written_is_said(vault, cache_path, tmp_path):
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar een map hoort")
    journal = Journal(vault, cache_path, blocked)
    journal.create("note", "iets")
    assert journal.seen_unsaved


def test_a_version_of_thousands_of_digits_is_damage_not_a_crash(vault, vault_path, cache_path):
    from reflectiejournaal.vault import crypto
    from reflectiejournaal.vault.files import new_item_id

    item_id = new_item_id()
    vault.write(item_id, "entry", b"x")
    hostile = vault._seal(item_id, crypto.pad(b"entry " + b"9" * 5000 + b"\n---\n"))
    (vault_path / "items" / f"{item_id}.rj").write_bytes(hostile)
    journal = Journal(vault, cache_path)
    assert [d.details["reason"] for d in journal.damaged] == ["layout"]


def test_a_copied_slot_is_no_rekey_to_resume(made_vault, vault_path):
    """Someone who knows the old key wrote a 'rekey' reusing the current slot: it was
    resumed and reported done while the key stayed the one they know (a second review)."""
    from dataclasses import replace

    from reflectiejournaal.vault.header import HEADER_FILE

    from reflectiejournaal.vault.slots import PendingRekey, seal_retired
    from reflectiejournaal.vault.header import Header

    vault, _ = made_vault
    current = vault.keys.current
    planted = PendingRekey(vault.header.passphrase_slot,
                           Header.wrap_recovery(vault.vault_id, current, new_recovery_key()),
                           seal_retired(current, vault.vault_id, [current]))
    (vault_path / HEADER_FILE).write_bytes(replace(vault.header, rekey=planted).to_bytes())
    opened = Vault.unlock(vault_path, PASSPHRASE)
    assert opened.rekey_unopened and not opened.rekey_pending


def test_the_header_of_a_rekey_under_way_put_back_after_it_finished_is_reported(
        vault, vault_path, cache_path, state, tmp_path):
    journal = Journal(vault, cache_path, state)
    entry = journal.create("note", "van mij")
    journal.vault.begin_rekey(PASSPHRASE, new_recovery_key())
    journal.refresh()
    halfway = (vault_path / "reflectiejournaal-vault.json").read_bytes()
    journal.vault.reencrypt_items()
    journal.vault.finish_rekey()
    journal.rekeyed()
    journal.close()
    (vault_path / "reflectiejournaal-vault.json").write_bytes(halfway)
    again = reopen(vault_path, cache_path, state)
    assert kinds(again) == {"sleutel": "key_rollback"}
    again.close()
    assert entry.id


def test_new_under_the_old_key_while_a_rekey_is_under_way_is_reported(vault, vault_path,
                                                                      cache_path, state):
    journal = Journal(vault, cache_path, state)
    entry = journal.create("note", "van mij")
    old = Vault.unlock(vault_path, PASSPHRASE)  # the old key, as someone may hold it
    journal.vault.begin_rekey(PASSPHRASE, new_recovery_key())
    journal.close()
    old._lock = vault._lock
    old.write(entry.id, "deleted", b"", 1000)
    old.release_lock()
    again = reopen(vault_path, cache_path, state)
    assert kinds(again) == {entry.id: "old_key"}
    again.close()


def test_an_old_version_from_before_a_rekey_is_a_rollback(vault, vault_path, cache_path, state,
                                                          tmp_path):
    journal = Journal(vault, cache_path, state)
    entry, old = edited_keeping_the_first(journal, tmp_path, "versie 1", "versie 2")
    journal.vault.rekey(PASSPHRASE, new_recovery_key())
    journal.rekeyed()
    journal.close()
    shutil.copy(old, vault_path / "items" / f"{entry.id}.rj")
    assert kinds(reopen(vault_path, cache_path, state)) == {entry.id: "rollback"}


def test_no_version_beyond_the_limit_is_read_or_written(vault, vault_path):
    from reflectiejournaal.errors import DamagedItem
    from reflectiejournaal.vault.files import MAX_VERSION, new_item_id

    item_id = new_item_id()
    vault.write(item_id, "entry", b"x", MAX_VERSION)
    assert vault.read_opened(item_id).version == MAX_VERSION
    with pytest.raises(DamagedItem):
        vault.write(item_id, "entry", b"y", MAX_VERSION + 1)
    assert vault.read(item_id)[1] == b"x"
