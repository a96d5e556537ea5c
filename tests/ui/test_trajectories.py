"""Trajectories in the app: create one, see what is due, write the casus for the next meeting,
mark and move meetings, and carry an intention to the next entry."""

from __future__ import annotations

import pytest

import datetime as dt

from textual.widgets import DataTable, Input, OptionList, Select, Static, TextArea

from reflectiejournaal.journal import Journal
from reflectiejournaal.prompts import compose_body, load_library
from reflectiejournaal.screens.choose import ChooseScreen
from reflectiejournaal.screens.dashboard import DashboardScreen
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.screens.trajectory import TrajectoryScreen
from reflectiejournaal.screens.write import WriteScreen
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE, cheap_kdf
from tests.ui.conftest import SIZE, settle, type_text, unlock

TODAY = dt.date(2026, 1, 29)  # the day after meeting 2 of a trajectory starting on 7 January


def journal_of(paths) -> Journal:
    return Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_create_a_trajectory_and_write_the_casus_for_its_next_meeting(paths, clock, empty_vault):
    from reflectiejournaal.app import ReflectieApp

    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        screen.query_one("#form", Select).value = "supervisie"
        screen.query_one("#title", Input).value = "Supervisie bij Anna"
        screen.query_one("#supervisor", Input).value = "Anna de Vries"
        screen.query_one("#start", Input).value = "7-1-2026"
        screen.query_one("#time", Input).value = "19:30"
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, TrajectoryScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert table.row_count == 10
        assert str(table.get_cell_at((0, 3))) == "kennismaking"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        due = app.screen.query_one("#due", OptionList)
        labels = [str(due.get_option_at_index(i).prompt) for i in range(due.option_count)]
        assert labels == [
            "Reflectie op bijeenkomst 2 van Supervisie bij Anna: gisteren",
            "Casusinbreng voor bijeenkomst 3 van Supervisie bij Anna: over 20 dagen",
            "Evaluatie voor bijeenkomst 3 van Supervisie bij Anna: over 20 dagen",
        ]
        due.highlighted = 1
        due.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChooseScreen)  # the suitable set proposed: Enter takes it
        await pilot.press("enter")
        await pilot.pause()
        writer = app.screen
        assert isinstance(writer, WriteScreen) and writer.prompt_set.id == "casusinbreng"
        assert (writer.draft.trajectory, writer.draft.meeting) != (None, None)
        await type_text(pilot, "Op de groep")
        await pilot.press("ctrl+e")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("escape")
        await pilot.pause()
        labels = [str(o.prompt) for o in app.screen.query_one("#due", OptionList)._options]
        assert not any("Casusinbreng voor bijeenkomst 3" in label for label in labels)
    journal = journal_of(paths)
    [trajectory] = journal.trajectories()
    [summary] = journal.summaries()
    assert (summary.kind, summary.trajectory, summary.meeting, summary.prompt_set) == (
        "case", trajectory.id, 3, "casusinbreng")
    assert trajectory.meetings[0].time == "19:30"


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_meetings_are_marked_and_moved_in_the_trajectory_view(paths, clock, empty_vault):
    from reflectiejournaal.app import ReflectieApp

    journal = journal_of(paths)
    trajectory = journal.save_trajectory(
        Trajectory.plan("0000000000000a01", "supervisie", "S", dt.date(2026, 1, 7)))
    journal.vault.release_lock()
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.push_screen(TrajectoryScreen(trajectory.id))
        await pilot.pause()
        table = app.screen.query_one("#meetings", DataTable)
        table.move_cursor(row=3)
        await pilot.press("x")
        await pilot.pause()
        assert str(table.get_cell_at((3, 4))) == "afgezegd"
        table.move_cursor(row=4)
        await pilot.press("d")
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "1-4-2026"
        app.screen.query_one("#time", Input).value = "9:15"
        await pilot.click("#ok")
        await pilot.pause()
        assert str(table.get_cell_at((4, 1))) == "01-04-2026"
        await pilot.press("o")
        await pilot.pause()
        roles = app.screen.query_one("#roles", OptionList)
        roles.highlighted = 2  # tussenevaluatie
        await pilot.press("enter")
        await pilot.pause()
        assert str(table.get_cell_at((4, 3))) == "tussenevaluatie"
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#date", Input).value = "2-9-2026"
        await pilot.click("#ok")
        await pilot.pause()
        assert table.row_count == 11 and str(table.get_cell_at((10, 1))) == "02-09-2026"
    saved = journal_of(paths).get_trajectory(trajectory.id)
    assert saved.meeting(4).status == "cancelled"
    assert (saved.meeting(5).date, saved.meeting(5).time) == (dt.date(2026, 4, 1), "09:15")
    assert saved.meeting(5).role == "tussenevaluatie"


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_the_next_entry_asks_how_the_intention_went(paths, clock, empty_vault):
    from reflectiejournaal.app import ReflectieApp

    journal = journal_of(paths)
    trajectory = journal.save_trajectory(
        Trajectory.plan("0000000000000a01", "supervisie", "S", dt.date(2026, 1, 7)))
    reflectie = load_library().sets["reflectieverslag"]
    journal.create("reflection", compose_body(reflectie, {"voornemen": "Eerst doorvragen."}),
                   trajectory=trajectory.id, meeting=2, prompt_set="reflectieverslag")
    journal.vault.release_lock()
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        due = app.screen.query_one("#due", OptionList)
        assert "Casusinbreng voor bijeenkomst 3" in str(due.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the proposed prompt set
        await pilot.pause()
        writer = app.screen
        assert "Eerst doorvragen." in str(writer.query_one("#intention", Static).render())
        assert "Hoe ging het met je voornemen" in str(writer.query_one("#question", Static).render())
        await type_text(pilot, "Lukte twee keer.")
        await pilot.press("ctrl+e")
        await pilot.pause()
        body = writer.query_one("#body", TextArea).text
        assert body.startswith("## Terugblik op mijn voornemen\n\n> Eerst doorvragen.\n\nLukte twee keer.")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    from reflectiejournaal.supervision.intentions import collect_intentions

    [intention] = collect_intentions(journal_of(paths).trajectory_entries(), load_library())
    assert intention.reviewed and intention.review_text == "Lukte twee keer."
