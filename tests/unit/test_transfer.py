"""Export and import: the user's own readable copy, and getting it back in without duplicates."""

from __future__ import annotations

import datetime as dt
import os
import stat

from reflectiejournaal.journal import Journal
from reflectiejournaal.transfer.importer import import_directory
from reflectiejournaal.transfer.export import export_all, export_filename


def test_export_writes_exactly_what_is_stored(journal, tmp_path):
    entry = journal.create("case", "# Casus\n\nÉén [link](x) en <b>html</b>\n", tags=("team",))
    out = tmp_path / "export"
    [path] = export_all(journal, out).entries
    assert path.name == export_filename(entry.created, entry.title, entry.id)
    assert path.name.endswith(f"-casus-{entry.id}.md")
    assert path.read_text("utf-8") == entry.to_markdown()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.stat().st_mode) == 0o700


def test_export_then_import_into_a_new_vault_round_trips(journal, tmp_path, made_vault):
    made = [journal.create("note", f"tekst {i} — één", title=f"Titel {i}") for i in range(5)]
    export_all(journal, tmp_path / "export")
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE, cheap_kdf

    other, _ = Vault.create(tmp_path / "nieuw", PASSPHRASE, kdf=cheap_kdf())
    target = Journal(other, None)
    report = import_directory(target, tmp_path / "export")
    assert (report.new, report.updated, report.same, report.failed) == (5, 0, 0, [])
    assert report.settings_restored
    assert {target.get(e.id).to_markdown() for e in made} == {e.to_markdown() for e in made}
    again = import_directory(target, tmp_path / "export")
    assert (again.new, again.same) == (0, 5)
    assert len(target.summaries()) == 5


def test_import_updates_only_when_the_file_is_newer(journal, tmp_path):
    entry = journal.create("note", "oud")
    out = tmp_path / "export"
    [path] = export_all(journal, out).entries
    later = entry.updated + dt.timedelta(minutes=1)
    journal.save(entry.edited(body="nieuwer in de kluis", updated=later))
    assert import_directory(journal, out).older == [path]
    assert journal.get(entry.id).body == "nieuwer in de kluis"
    path.write_text(path.read_text().replace("updated: ", "updated: 2099-01-01 00:00:00+00:00\nx_old: "))
    assert import_directory(journal, out).updated == 1
    assert journal.get(entry.id).body == "oud"


def test_import_of_plain_markdown_without_front_matter(journal, tmp_path):
    folder = tmp_path / "los"
    folder.mkdir()
    (folder / "gedachte.md").write_text("# Een losse gedachte\n\nOver grenzen.")
    (folder / "leeg.md").write_text("Geen kop.")
    report = import_directory(journal, folder)
    assert report.new == 2
    titles = {s.title for s in journal.summaries()}
    assert titles == {"Een losse gedachte", "Geen kop."}
    assert import_directory(journal, folder).same == 2  # content-derived ids: no duplicates


def test_import_reports_bad_files_and_keeps_the_good_ones(journal, tmp_path):
    folder = tmp_path / "gemengd"
    folder.mkdir()
    (folder / "goed.md").write_text("---\nkind: reflectie\ncreated: 2025-01-05\n---\nGoed.")
    (folder / "kapot.md").write_text("---\nkind: [\n---\n")
    (folder / "binair.md").write_bytes(b"\xff\xfe\x00")
    (folder / "soort.md").write_text("---\nkind: roman\n---\nx")
    report = import_directory(journal, folder)
    assert report.new == 1
    assert sorted(p.name for p, _ in report.failed) == ["binair.md", "kapot.md", "soort.md"]
    [summary] = journal.summaries()
    assert summary.kind == "reflection" and summary.created.year == 2025
    assert os.listdir(folder)  # nothing is removed from the source folder


def test_import_refuses_trajectories_the_app_would_refuse_and_names_a_linked_folder(
        journal, tmp_path):
    import json

    from reflectiejournaal.trajectory import Trajectory
    from reflectiejournaal.vault.files import new_item_id

    out = tmp_path / "export"
    export_all(journal, out)
    bad = Trajectory.plan(new_item_id(), "supervisie", "Supervisie", dt.date(2026, 1, 7))
    data = json.loads(bad.to_bytes())
    data["meetings"][0]["duration_minutes"] = -600  # would subtract ten hours from the total
    (out / "trajecten").mkdir()
    (out / "trajecten" / f"{bad.id}.json").write_text(json.dumps(data))
    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    (elsewhere / "geheim.md").write_text("niet van de export")
    (out / "gekoppeld").symlink_to(elsewhere, target_is_directory=True)
    report = import_directory(journal, out)
    failed = {path.name: error.details["reason"] for path, error in report.failed}
    assert failed == {f"{bad.id}.json": "range", "gekoppeld": "symlink"}
    assert journal.trajectories() == [] and journal.summaries() == []


def test_a_restore_killed_half_way_says_where_the_vault_is(made_vault, vault_path):
    import pytest

    from reflectiejournaal.errors import RestoreInterrupted
    from reflectiejournaal.vault.store import Vault

    vault, _ = made_vault
    vault.release_lock()
    aside = vault_path.with_name(f"{vault_path.name}-voor-herstel-20261123-120000")
    vault_path.rename(aside)  # where a kill between the two renames leaves it
    with pytest.raises(RestoreInterrupted) as caught:
        Vault.read_header(vault_path)
    assert caught.value.details["aside"] == aside
    with pytest.raises(RestoreInterrupted):  # init (and the app) would make a second vault
        Vault.check_new_location(vault_path)
