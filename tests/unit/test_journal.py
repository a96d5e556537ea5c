"""The journal: entries through the cache, search, damaged items and sync conflicts."""

from __future__ import annotations

import datetime as dt

import pytest

from reflectiejournaal.journal import entries as entries_module
from reflectiejournaal.errors import AmbiguousId, ItemNotFound
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.vault.files import ITEMS_DIR
from tests.helpers import PASSPHRASE


def write_some(journal: Journal) -> list:
    return [
        journal.create("case", "# Grenzen\n\nDe cliënt belde om één uur 's nachts.", tags=("grenzen",)),
        journal.create("reflection", "Ik merkte dat ik **boos** werd.\n", title="Na bijeenkomst 2"),
        journal.create("note", "Iets over het team.", tags=("team", "grenzen")),
    ]


def test_list_is_newest_first(journal):
    base = dt.datetime(2020, 5, 1, 12, 0, tzinfo=dt.timezone.utc)
    days = [3, 0, 7, 1]
    for n, day in enumerate(days):
        moment = base + dt.timedelta(days=day)
        journal.save(Entry(f"{n:016x}", "note", f"dag {day}", moment, moment, "x"))
    assert [s.title for s in journal.summaries()] == ["dag 7", "dag 3", "dag 1", "dag 0"]


def test_create_and_get(journal):
    made = write_some(journal)
    assert journal.get(made[0].id).body == made[0].body
    assert journal.get(made[1].id[:6]).title == "Na bijeenkomst 2"
    assert made[0].title == "Grenzen"  # from the first heading


def test_filters_by_kind_and_tag(journal):
    case, reflection, note = write_some(journal)
    assert [s.id for s in journal.summaries(kind="reflection")] == [reflection.id]
    assert {s.id for s in journal.summaries(tag="#Grenzen")} == {case.id, note.id}
    assert journal.summaries(tag="onbekend") == []


def test_search_ignores_case_and_accents_and_finds_title_and_tags(journal):
    case, reflection, note = write_some(journal)
    assert [h.summary.id for h in journal.search("EEN UUR")] == [case.id]
    hit = journal.search("cliënt")[0]
    assert hit.snippet[hit.span[0] : hit.span[1]] == "cliënt"
    assert [h.summary.id for h in journal.search("bijeenkomst")] == [reflection.id]
    assert {h.summary.id for h in journal.search("grenzen")} == {case.id, note.id}
    assert journal.search("grenzen team") and len(journal.search("grenzen team")) == 1
    assert journal.search("nergens") == []
    assert journal.search("   ") == []


def test_edit_keeps_id_and_created_and_updates_search(journal):
    case, _, _ = write_some(journal)
    journal.save(journal.get(case.id).edited(body="Helemaal nieuw verhaal"))
    again = journal.get(case.id)
    assert (again.id, again.created) == (case.id, case.created)
    assert journal.search("uur") == [] and len(journal.search("verhaal")) == 1


def test_delete_and_unknown_ids(journal):
    case, _, _ = write_some(journal)
    journal.delete(case.id)
    with pytest.raises(ItemNotFound):
        journal.get(case.id)
    assert case.id not in {s.id for s in journal.summaries()}
    with pytest.raises(ItemNotFound):
        journal.get("ffffffffffffffff")


def test_ambiguous_prefix(journal, monkeypatch):
    ids = iter(["abcd000000000001", "abcd000000000002"])
    monkeypatch.setattr(entries_module, "new_item_id", lambda: next(ids))
    journal.create("note", "een")
    journal.create("note", "twee")
    with pytest.raises(AmbiguousId):
        journal.get("abcd")
    assert journal.get("abcd000000000002").body == "twee"


def test_cache_is_reused_and_only_changed_files_are_read(vault, cache_path, monkeypatch):
    first = Journal(vault, cache_path)
    made = write_some(first)
    first.flush()
    reads = []
    original = Journal._read_record
    monkeypatch.setattr(Journal, "_read_record", lambda self, item: reads.append(item.item_id) or original(self, item))
    second = Journal(vault, cache_path)
    assert reads == [] and len(second.summaries()) == 3
    # Another device changes one entry behind our back (as a sync tool would).
    other = Vault.unlock(vault.path, PASSPHRASE)
    vault.release_lock()
    Journal(other, None).save(second.get(made[1].id).edited(body="van de telefoon"))
    reads.clear()
    third = Journal(vault, cache_path)
    assert reads == [made[1].id]
    assert [h.summary.id for h in third.search("telefoon")] == [made[1].id]


def test_damaged_cache_is_rebuilt(vault, cache_path):
    first = Journal(vault, cache_path)
    write_some(first)
    first.flush()
    cache_file = next(cache_path.iterdir())
    cache_file.write_bytes(b"rommel")
    assert len(Journal(vault, cache_path).summaries()) == 3


def test_one_damaged_item_does_not_hide_the_others(journal, vault, cache_path):
    case, reflection, note = write_some(journal)
    path = vault.path / ITEMS_DIR / f"{reflection.id}.rj"
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF
    path.write_bytes(bytes(data))
    reopened = Journal(vault, cache_path)
    assert {s.id for s in reopened.summaries()} == {case.id, note.id}
    assert [d.details["name"] for d in reopened.damaged] == [path.name]


def test_conflict_copy_offers_both_versions_and_loses_nothing(journal, vault, cache_path):
    case, _, _ = write_some(journal)
    items = vault.path / ITEMS_DIR
    copy_path = items / f"{case.id}.sync-conflict-20261122-101010-ABC.rj"
    copy_path.write_bytes((items / f"{case.id}.rj").read_bytes())  # the laptop's version
    journal.save(journal.get(case.id).edited(body="versie van de telefoon"))
    reopened = Journal(vault, cache_path)
    [copy] = reopened.conflicts
    conflict = reopened.conflict(copy)
    assert conflict.current.body == "versie van de telefoon"
    assert conflict.theirs.body == case.body
    kept = reopened.resolve_conflict(copy, "both")
    assert kept.id != case.id and kept.body == case.body
    assert reopened.get(case.id).body == "versie van de telefoon"
    assert not copy_path.exists() and reopened.conflicts == []


def test_resolving_by_keeping_the_copy(journal, vault, cache_path):
    case, _, _ = write_some(journal)
    items = vault.path / ITEMS_DIR
    copy_path = items / f"{case.id} (conflicted copy).rj"
    copy_path.write_bytes((items / f"{case.id}.rj").read_bytes())
    journal.save(journal.get(case.id).edited(body="nieuwer"))
    reopened = Journal(vault, cache_path)
    reopened.resolve_conflict(reopened.conflicts[0], "copy")
    assert reopened.get(case.id).body == case.body
    assert not copy_path.exists()


def test_damaged_text_section_of_the_cache_falls_back_to_the_entries(vault, cache_path):
    first = Journal(vault, cache_path)
    case, _, _ = write_some(first)
    first.flush()
    cache_file = next(cache_path.iterdir())
    data = bytearray(cache_file.read_bytes())
    data[-3] ^= 0xFF  # the texts are the last section; the metadata stays intact
    cache_file.write_bytes(bytes(data))
    reopened = Journal(vault, cache_path)
    assert len(reopened.summaries()) == 3
    assert [h.summary.id for h in reopened.search("uur")] == [case.id]


def test_list_needs_no_texts_from_the_cache(vault, cache_path):
    first = Journal(vault, cache_path)
    write_some(first)
    first.flush()
    reopened = Journal(vault, cache_path)
    assert len(reopened.summaries()) == 3
    assert all(r.folded is None for r in reopened._records.values())  # loaded lazily
    reopened.search("grenzen")
    assert all(r.folded for r in reopened._records.values())


def test_search_from_the_cache_decrypts_no_entry_and_shows_text_as_written(vault, cache_path,
                                                                          monkeypatch):
    """Ten thousand hits must not mean ten thousand decryptions: snippets come from the cache."""
    first = Journal(vault, cache_path)
    case = first.create("case", "# Grenzen\n\nDe Cliënt belde om Één uur 's nachts.\n")
    first.flush()
    opened = []
    original = Vault.open_item
    monkeypatch.setattr(Vault, "open_item",
                        lambda self, *a, **k: opened.append(a) or original(self, *a, **k))
    [hit] = Journal(vault, cache_path).search('"een uur"')
    assert opened == []
    assert hit.summary.id == case.id
    assert hit.snippet[hit.span[0] : hit.span[1]] == "Één uur"
    assert hit.snippet.startswith("…Cliënt belde")  # as written, capitals and accents


def test_drafts_are_encrypted_items_listed_newest_first(journal, vault, cache_path):
    from reflectiejournaal.drafts import Draft

    first = Draft(journal.new_draft_id(), "case", "casusinbreng", {"situatie": "Op de groep"}, step=1)
    journal.save_draft(first)
    second = Draft(journal.new_draft_id(), "reflection", body="Vrij geschreven", stage="edit")
    journal.save_draft(second)
    reopened = Journal(vault, cache_path)
    drafts = reopened.drafts()
    assert {d.id for d in drafts} == {first.id, second.id}
    again = next(d for d in drafts if d.id == first.id)
    assert (again.answers, again.step, again.prompt_set) == ({"situatie": "Op de groep"}, 1, "casusinbreng")
    assert reopened.summaries() == []  # drafts are not entries
    assert reopened.search("groep") == []
    reopened.delete_draft(first.id)
    assert [d.id for d in Journal(vault, cache_path).drafts()] == [second.id]


def test_settings_round_trip(journal, vault, cache_path):
    from reflectiejournaal.settings import Settings

    assert journal.settings() == Settings()
    journal.save_settings(Settings(idle_minutes=3, theme="nord"))
    journal.save_settings(Settings(idle_minutes=5, theme="nord"))
    assert Journal(vault, cache_path).settings() == Settings(5, "nord")


def test_a_conflict_copy_of_a_trajectory_can_be_kept_beside_it(journal, vault, cache_path):
    import dataclasses
    import datetime as dt

    from reflectiejournaal.trajectory import Trajectory
    from reflectiejournaal.vault.files import ITEMS_DIR

    plan = Trajectory.plan("7a0000000000000f", "supervisie", "Supervisie", dt.date(2026, 1, 7))
    journal.save_trajectory(plan)
    items = vault.path / ITEMS_DIR
    copy_path = items / f"{plan.id}.sync-conflict-1.rj"
    copy_path.write_bytes((items / f"{plan.id}.rj").read_bytes())
    journal.save_trajectory(dataclasses.replace(plan, title="Supervisie (hernoemd)"))
    reopened = Journal(vault, cache_path)
    [copy] = reopened.conflicts
    reopened.resolve_conflict(copy, "both")
    titles = sorted(t.title for t in Journal(vault, cache_path).trajectories())
    assert titles == ["Supervisie", "Supervisie (hernoemd)"] and not copy_path.exists()


def test_drafts_written_in_the_background_land_in_order_and_the_caller_never_waits(
        journal, vault, cache_path, monkeypatch):
    """A stuck disk (a flush that takes seconds) does not hold the caller; what lands is
    the newest text, and a save that must be durable now waits for the ones before it."""
    import threading

    from reflectiejournaal.vault import item_store as vault_module
    from reflectiejournaal.drafts import Draft

    draft = Draft(journal.new_draft_id(), "case", "casusinbreng", {"situatie": "eerste"})
    journal.save_draft_soon(draft).result()  # the first save is made at once
    disk_free = threading.Event()
    real_write = vault_module.atomic_write

    def slow_disk(path, data):
        assert threading.current_thread() is not threading.main_thread()
        assert disk_free.wait(10)
        real_write(path, data)

    monkeypatch.setattr(vault_module, "atomic_write", slow_disk)
    draft.answers["situatie"] = "tweede"
    second = journal.save_draft_soon(draft)
    draft.answers["situatie"] = "derde"
    third = journal.save_draft_soon(draft)
    draft.answers["situatie"] = "niet bewaard"  # changed after the save was asked for
    assert not second.done() and not third.done()  # returned while the disk is stuck
    disk_free.set()
    monkeypatch.setattr(vault_module, "atomic_write", real_write)
    draft.answers["situatie"] = "vierde"
    journal.save_draft(draft)  # durable now, after the two before it
    assert second.done() and third.done()
    [again] = Journal(vault, cache_path).drafts()
    assert again.answers["situatie"] == "vierde"
    assert vault.read_opened(draft.id).version == 4


def test_a_failed_background_write_is_told_to_the_caller(journal, vault, monkeypatch):
    from reflectiejournaal.vault import item_store as vault_module
    from reflectiejournaal.drafts import Draft
    from reflectiejournaal.errors import WriteFailed

    draft = Draft(journal.new_draft_id(), "note", body="een", stage="edit")
    journal.save_draft(draft)

    def full_disk(path, data):
        raise WriteFailed(path, "vol")

    monkeypatch.setattr(vault_module, "atomic_write", full_disk)
    draft.body = "twee"
    with pytest.raises(WriteFailed):
        journal.save_draft_soon(draft).result()
    monkeypatch.undo()
    journal.close()
    [kept] = Journal(Vault.unlock(vault.path, PASSPHRASE), None).drafts()
    assert kept.body == "een"


def test_a_deletion_leaves_none_of_the_text_in_the_cache(vault, cache_path):
    """Issue 24: an independent decryptor found a deleted entry's title and body still in the
    cache's texts, under its tombstone's record. Decrypted here to prove they are gone."""
    from reflectiejournaal.cache_file import CacheFile

    first = Journal(vault, cache_path)
    entry = first.create("note", "GEHEIMELIJF Fatima belde", title="GEHEIMETITEL")
    first.search("fatima")  # the texts are in the cache now
    first.close()
    second = Journal(vault, cache_path)
    second.delete(entry.id)
    second.close()
    cache = CacheFile(next(cache_path.iterdir()), vault.cache_key, vault.vault_id)
    records = cache.load()
    assert cache.load_texts(records)
    assert records[entry.id].item_type == "deleted" and records[entry.id].summary is None
    assert not records[entry.id].folded and not records[entry.id].text
    raw = next(cache_path.iterdir()).read_bytes()
    assert b"GEHEIM" not in raw  # and, sealed, nothing readable either


def test_an_entry_longer_than_the_cap_is_refused_with_a_reason(journal):
    """Issue 24: a 60 MB body was saved, and opening it froze the app for two minutes."""
    from reflectiejournaal.errors import InvalidEntry
    from reflectiejournaal.locale import describe
    from reflectiejournaal.model import MAX_ENTRY_CHARS

    with pytest.raises(InvalidEntry) as caught:
        journal.create("note", "x" * (MAX_ENTRY_CHARS + 1))
    assert "miljoen tekens" in describe(caught.value)
    assert journal.summaries() == []
    journal.create("note", "x" * (MAX_ENTRY_CHARS - 100))  # a very long one is kept
