"""Every piece of writing knows its meeting: c/r on the dashboard, the due list and the
trajectory link it, the prompt set is proposed and can be changed, the link can be set in
the writer (issue 11)."""

from __future__ import annotations

import pytest

import datetime as dt

from textual.widgets import DataTable, OptionList, Select, Static

from reflectiejournaal.app import ReflectieApp
from reflectiejournaal.journal import Journal
from reflectiejournaal.screens.choose import ChooseScreen
from reflectiejournaal.screens.dashboard import DashboardScreen
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.screens.trajectory import TrajectoryScreen
from reflectiejournaal.screens.write import WriteScreen
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.widgets.confirm import ConfirmDialog
from reflectiejournaal.widgets.link import LinkDialog
from reflectiejournaal.widgets.pick_meeting import PickMeeting
from tests.helpers import PASSPHRASE, cheap_kdf
from tests.ui.conftest import SIZE, settle, type_text, unlock

TODAY = dt.date(2026, 1, 29)  # the day after meeting 2 (wo 28-01); meeting 3 is on wo 18-02
ANNA = "0000000000000a01"


def journal_of(paths) -> Journal:
    return Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)


def with_trajectories(paths, *titles: str) -> list[Trajectory]:
    journal = journal_of(paths)
    made = [journal.save_trajectory(Trajectory.plan(f"{index:016x}", "supervisie", title,
                                                    dt.date(2026, 1, 7)))
            for index, title in enumerate(titles, start=0xa01)]
    journal.close()
    return made


def app_on(paths, clock) -> ReflectieApp:
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: TODAY)
    app.autosave_seconds = app.pause_save_seconds = 3600
    return app


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_c_on_the_dashboard_writes_the_casus_for_the_next_meeting(paths, clock, empty_vault):
    with_trajectories(paths, "Supervisie bij Anna")
    app = app_on(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.screen.focus_next()  # not on a list, where Enter would pick the item
        await pilot.press("c")
        await settle(pilot, app)
        assert isinstance(app.screen, ChooseScreen)
        assert str(app.screen.query_one("#for", Static).render()) == (
            "Voor: Casus · bijeenkomst 3 · Supervisie bij Anna · wo 18-02")
        assert app.screen.query_one("#set", Select).value == "casusinbreng"
        await pilot.press("enter")
        await settle(pilot, app)
        writer = app.screen
        assert isinstance(writer, WriteScreen)
        assert writer.title == "Casus · bijeenkomst 3 · Supervisie bij Anna · wo 18-02"
        await type_text(pilot, "Op de groep")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)  # Ctrl+S saves from the questions too
    [entry] = journal_of(paths).summaries()
    assert (entry.kind, entry.trajectory, entry.meeting) == ("case", ANNA, 3)


@pytest.mark.slow  # a long walk: the full suite only
async def test_r_reflects_on_the_last_meeting_and_asks_which_when_there_are_several(
        paths, clock, empty_vault):
    anna, bert = with_trajectories(paths, "Supervisie bij Anna", "Intervisie team")
    app = app_on(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_write("reflection")
        await settle(pilot, app)
        assert isinstance(app.screen, PickMeeting)
        listing = app.screen.query_one("#meetings", OptionList)
        shown = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert sorted(shown[:2]) == ["bijeenkomst 2 · Intervisie team · wo 28-01",
                                     "bijeenkomst 2 · Supervisie bij Anna · wo 28-01"]
        assert shown[2] == "Los, bij geen traject"
        chosen = shown.index("bijeenkomst 2 · Intervisie team · wo 28-01")
        listing.highlighted = chosen
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen.query_one("#set", Select).value == "reflectieverslag"
        await pilot.press("enter")
        await settle(pilot, app)
        draft = app.screen.draft
        assert (draft.kind, draft.trajectory, draft.meeting) == ("reflection", bert.id, 2)


async def test_without_a_meeting_the_writing_is_unlinked_and_the_user_is_told(paths, clock,
                                                                               empty_vault):
    app = app_on(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_write("case")
        await settle(pilot, app)
        assert any("Geen open traject met een komende bijeenkomst" in n.message
                   for n in app._notifications)
        assert isinstance(app.screen, ChooseScreen) and not app.screen.query("#for")


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_a_reflection_on_meeting_3_with_the_nip_aspects(paths, clock, empty_vault):
    with_trajectories(paths, "Supervisie bij Anna")
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: dt.date(2026, 2, 19))  # the day after meeting 3
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.screen.query_one("#trajectories", OptionList).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, TrajectoryScreen)
        table = app.screen.query_one("#meetings", DataTable)
        assert table.cursor_row == 3  # the next meeting (4) first
        table.move_cursor(row=2)
        await pilot.press("r")
        await settle(pilot, app)
        choose = app.screen
        assert choose.query_one("#set", Select).value == "reflectieverslag"  # proposed
        choose.query_one("#set", Select).value = "nip-vier-aspecten"
        await pilot.click("#start")
        await settle(pilot, app)
        assert app.screen.prompt_set.id == "nip-vier-aspecten"
        await type_text(pilot, "Ik voelde me onzeker.")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    [entry] = journal_of(paths).summaries()
    assert (entry.kind, entry.prompt_set, entry.meeting) == ("reflection", "nip-vier-aspecten", 3)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_leervragen_from_the_trajectory_count_as_its_learning_questions(paths, clock,
                                                                              empty_vault):
    with_trajectories(paths, "Supervisie bij Anna")
    app = app_on(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.screen.query_one("#trajectories", OptionList).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        await pilot.press("l")
        await settle(pilot, app)
        assert app.screen.query_one("#set", Select).value == "leervragen"
        await pilot.press("enter")
        await settle(pilot, app)
        await type_text(pilot, "Waarom stel ik zo laat grenzen?")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, TrajectoryScreen)
        goals = app.screen.query_one("#learning-goals")
        assert "Waarom stel ik zo laat grenzen?" in goals._markdown
    [entry] = journal_of(paths).summaries()
    assert (entry.kind, entry.trajectory) == ("learning_goals", ANNA)


@pytest.mark.slow  # a long walk: the full suite only
async def test_a_casus_for_a_meeting_already_held_is_asked_first(paths, clock, empty_vault):
    with_trajectories(paths, "Supervisie bij Anna")
    app = app_on(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.screen.query_one("#trajectories", OptionList).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        app.screen.query_one("#meetings", DataTable).move_cursor(row=1)
        await pilot.press("k")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)
        assert "Bijeenkomst 2 was op wo 28-01" in app.screen.question
        await pilot.press("enter")  # "Nee" is proposed
        await settle(pilot, app)
        assert isinstance(app.screen, TrajectoryScreen)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_the_link_can_be_set_in_the_review_step_and_changed_when_editing(paths, clock,
                                                                               empty_vault):
    with_trajectories(paths, "Supervisie bij Anna")
    app = app_on(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_write("note")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        await type_text(pilot, "Een losse gedachte")
        await pilot.press("ctrl+t")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, LinkDialog)
        dialog.query_one("#trajectory", Select).value = ANNA
        await settle(pilot, app)
        dialog.query_one("#meeting", Select).value = 2
        await pilot.click("#ok")
        await settle(pilot, app)
        assert app.screen.title == "Notitie · bijeenkomst 2 · Supervisie bij Anna · wo 28-01"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("e")
        await settle(pilot, app)
        await pilot.press("ctrl+t")
        await settle(pilot, app)
        app.screen.query_one("#meeting", Select).value = 3
        await pilot.click("#ok")
        await settle(pilot, app)
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    journal = journal_of(paths)
    [entry] = journal.summaries()
    assert (entry.trajectory, entry.meeting) == (ANNA, 3)
    assert journal.drafts() == []


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_the_due_list_offers_the_prompt_sets_and_continues_a_started_draft(
        paths, clock, empty_vault):
    with_trajectories(paths, "Supervisie bij Anna")
    app = app_on(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert isinstance(app.screen, DashboardScreen)
        await pilot.press("enter")  # the first due item: the reflection on meeting 2
        await settle(pilot, app)
        assert isinstance(app.screen, ChooseScreen)
        await pilot.press("enter")
        await settle(pilot, app)
        await type_text(pilot, "Half af")
        await pilot.press("escape")
        await settle(pilot, app)
        await pilot.press("enter")  # keep it as a draft
        await settle(pilot, app)
        app.screen.query_one("#due", OptionList).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, WriteScreen)  # straight back into the draft
        assert "Half af" in str(app.screen.draft.answers)
