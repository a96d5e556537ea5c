"""Rollback, resurrection and vanishing: what the folder did that this device's work does not
explain is reported, and the user decides."""

from __future__ import annotations

import shutil

import pytest

from reflectiejournaal.journal import Journal
from reflectiejournaal.recovery import new_recovery_key
from reflectiejournaal.vault import Vault
from tests.helpers import PASSPHRASE, cheap_kdf


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


def test_an_older_version_put_back_is_reported_until_the_user_keeps_it(vault, vault_path,
                                                                     cache_path, state, tmp_path):
    journal = Journal(vault, cache_path, state)
    entry = journal.create("note", "eerste versie")
    old = tmp_path / "oud.rj"
    shutil.copy(item_file(journal, entry.id), old)
    journal.save(entry.edited(body="tweede versie, met wat ik later begreep"))
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
    there.vault.rekey(PASSPHRASE, new_recovery_key(), kdf=cheap_kdf())
    there.rekeyed()
    there.close()
    back = reopen(vault_path, tmp_path / "cache-a", tmp_path / "state-a")
    assert not back.anomalies
    assert [s.id for s in back.summaries()] == [kept.id]
    back.close()


def test_a_sync_conflict_is_a_conflict_not_a_rollback(vault, vault_path, cache_path, state,
                                                      tmp_path):
    journal = Journal(vault, cache_path, state)
    entry = journal.create("note", "versie 1")
    old = tmp_path / "oud.rj"
    shutil.copy(item_file(journal, entry.id), old)
    journal.save(entry.edited(body="versie 2 hier"))
    journal.close()
    # The sync tool kept the other device's (older-numbered) file and renamed ours.
    items = vault_path / "items"
    (items / f"{entry.id}.rj").rename(items / f"{entry.id}.sync-conflict-20261123.rj")
    shutil.copy(old, items / f"{entry.id}.rj")
    again = reopen(vault_path, cache_path, state)
    assert not again.anomalies and len(again.conflicts) == 1
    again.close()
