"""The app open and the real command line at the same time (issue 12): the command line
writes while the app is open, the app picks its texts up, and an entry changed under the
app's open editor is kept twice, never overwritten."""

from __future__ import annotations

import pytest

import json

from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.widgets.entry_table import EntryTable
from tests.cli.conftest import Cli
from tests.ui.conftest import SIZE, settle, type_text, unlock


def command_line(paths, tmp_path) -> Cli:
    passphrase_file = tmp_path / "wachtwoordzin.txt"
    from tests.helpers import PASSPHRASE

    passphrase_file.write_text(PASSPHRASE + "\n")
    passphrase_file.chmod(0o600)  # private: readable by others, it gets a warning
    return Cli(paths["vault"], passphrase_file)


async def test_the_command_line_writes_while_the_app_is_open_and_the_app_shows_it(
        make_app, filled_vault, paths, tmp_path):
    cli = command_line(paths, tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        written = cli("new", "--kind", "note", "--title", "Vanaf de opdrachtregel",
                      stdin="Geschreven terwijl de app open stond.")
        assert written.code == 0, written.err  # was: exit 6, the app held the vault
        app.pick_up_changes()  # what the app's timer does every few seconds
        await settle(pilot, app)
        table = app.screen.query_one("#recent", EntryTable)
        assert written.out.strip() in [str(key.value) for key in table.rows]


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_an_entry_changed_under_the_open_editor_is_kept_twice(
        make_app, filled_vault, paths, tmp_path):
    cli = command_line(paths, tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.push_screen(EntryScreen("00000000000000e3"))
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
        await type_text(pilot, " Aangevuld in de app.")
        edited = cli("edit", "00000000000000e3", stdin="Intussen herschreven op de opdrachtregel.\n")
        assert edited.code == 0, edited.err
        app.pick_up_changes()
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)  # showing what is there now: theirs
        assert any("conflictkopie" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
    [conflict] = json.loads(cli.ok("conflicts", "--json"))
    assert conflict["current"]["body"] == "Intussen herschreven op de opdrachtregel.\n"
    ours = conflict["copy"]["body"]
    assert "Aangevuld in de app." in ours and "Over het team." in ours
    cli.ok("resolve", conflict["file"], "--keep", "both")
    bodies = [json.loads(cli.ok("show", e["id"], "--json"))["body"]
              for e in json.loads(cli.ok("list", "--json"))]
    assert conflict["current"]["body"] in bodies and ours in bodies


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_an_edit_of_a_text_deleted_elsewhere_is_saved_as_a_new_text(
        make_app, filled_vault, paths, tmp_path):
    cli = command_line(paths, tmp_path)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.push_screen(EntryScreen("00000000000000e3"))
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
        await type_text(pilot, "Nog bewerkt. ")
        assert cli("delete", "00000000000000e3", "--yes").code == 0
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert any("als nieuwe tekst" in n.message for n in app._notifications)
        assert app.journal.drafts() == []  # saved, not a draft stuck for ever
        await pilot.press("ctrl+q")
        await pilot.pause()
    [kept] = [e for e in json.loads(cli.ok("list", "--json")) if e["title"] == "Losse gedachte"]
    assert kept["id"] != "00000000000000e3"
    assert json.loads(cli.ok("show", kept["id"], "--json"))["body"].startswith("Nog bewerkt. ")


@pytest.mark.slow  # a long walk: the full suite only
async def test_the_writer_opened_from_the_command_line_says_when_it_kept_both(
        filled_vault, paths, tmp_path):
    from reflectiejournaal.app import ReflectieApp
    from reflectiejournaal.drafts import Draft
    from reflectiejournaal.journal import Journal
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE, cheap_kdf

    cli = command_line(paths, tmp_path)
    app_open = Vault.unlock(filled_vault, PASSPHRASE)
    app_open.acquire_session()  # the app is open too: `edit` at a terminal writes beside it
    vault = Vault.unlock(filled_vault, PASSPHRASE)
    entry, version = Journal(vault, None).get_versioned("00000000000000e3")
    draft = Draft("0123456789abcdef", entry.kind, None, stage="edit", body=entry.body,
                  title=entry.title, entry_id=entry.id, base_version=version)
    app = ReflectieApp(filled_vault, paths["cache"], paths["config"], kdf=cheap_kdf,
                       state_dir=paths["state"], writing=(vault, draft))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot, app)
            await type_text(pilot, "In de schrijfomgeving. ")
            assert cli("edit", entry.id, stdin="Intussen op de opdrachtregel.\n").code == 0
            await pilot.press("ctrl+s")
            await settle(pilot, app)
    finally:
        app_open.release_lock()
    assert app.saved_id == entry.id and "conflictkopie" in app.changed_elsewhere
