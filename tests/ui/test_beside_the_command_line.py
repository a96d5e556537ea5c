"""The app open and the real command line at the same time (issue 12): the command line
writes while the app is open, the app picks its texts up, and an entry changed under the
app's open editor is kept twice, never overwritten."""

from __future__ import annotations

import json

from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.widgets.entry_table import EntryTable
from tests.cli.conftest import Cli
from tests.ui.conftest import SIZE, settle, type_text, unlock


def command_line(paths, tmp_path) -> Cli:
    passphrase_file = tmp_path / "wachtwoordzin.txt"
    from tests.helpers import PASSPHRASE

    passphrase_file.write_text(PASSPHRASE + "\n")
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
