"""Every screen at the classic 80×24 and at 120×40, from one fixture vault with fixed dates.

Look at each picture before accepting it (``--snapshot-update``): what you should see is
written beside each screen below. At 80×24 nothing the user needs may be cut off.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reflectiejournaal.app import ReflectieApp
from reflectiejournaal.drafts import Draft
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.prompts import compose_body, load_library
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.screens.trajectory import TrajectoryScreen
from reflectiejournaal.screens.write import WriteScreen
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.store import Vault
from tests.conftest import install_tables
from tests.helpers import PASSPHRASE, cheap_kdf
from tests.ui.conftest import TZ, settle, type_text, unlock, until

TODAY = dt.date(2026, 2, 19)  # the day after meeting 3 of Anna's supervision
ANNA, TEAM = "0000000000000a01", "0000000000000a02"
SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.fixture
def vault_with_a_trajectory(filled_vault, paths, detector_tables):
    install_tables(detector_tables, paths["cache"])  # the bundle screen prepares none then
    journal = Journal(Vault.unlock(filled_vault, PASSPHRASE), None)
    anna = Trajectory.plan(ANNA, "supervisie", "Supervisie bij Anna", dt.date(2026, 1, 7),
                           supervisor="Anna de Vries", time="19:30")
    journal.save_trajectory(anna)
    journal.save_trajectory(Trajectory.plan(TEAM, "intervisie", "Intervisie team",
                                            dt.date(2026, 1, 14)))
    moment = dt.datetime(2026, 1, 5, 20, tzinfo=TZ)
    journal.save(Entry("00000000000000f1", "learning_goals", "Leervragen", moment, moment,
                       "## Mijn leervragen\n\nHoe stel ik grenzen zonder het contact te "
                       "verliezen?\n", trajectory=ANNA, meeting=1, prompt_set="leervragen"))
    reflectie = load_library().sets["reflectieverslag"]
    moment = dt.datetime(2026, 1, 29, 21, tzinfo=TZ)
    journal.save(Entry("00000000000000f2", "reflection", "Na bijeenkomst 2", moment, moment,
                       compose_body(reflectie, {"gedaan": "Mijn casus besproken.",
                                                "voornemen": "Eerst doorvragen."}),
                       trajectory=ANNA, meeting=2, prompt_set="reflectieverslag"))
    journal.vault.release_lock()
    return filled_vault


async def _writer(pilot, review: bool = False) -> None:
    app = pilot.app
    app.push_screen(WriteScreen(Draft(app.journal.new_draft_id(), "case", "casusinbreng",
                                      trajectory=ANNA, meeting=4)))
    await settle(pilot, app)
    await type_text(pilot, "Op de groep weigerde J. te eten.")
    if review:
        await pilot.press("ctrl+e")  # to the whole entry: its draft is written at once
        status = app.screen.query_one("#status")
        await until(pilot, lambda: "concept bewaard" in str(status.render()))
    await settle(pilot, app)


async def _press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot, pilot.app)


async def _call(pilot, action: str, *args: object) -> None:
    getattr(pilot.app, action)(*args)
    await settle(pilot, pilot.app)


# What you should see, and how to get there after unlocking.
SCREENS = {
    "dashboard": ("the due list (reflection on meeting 3 first), the open trajectories, the "
                  "quick actions and recent entries, every action reachable", None),
    "choose": ("the kinds and the proposed prompt set with its description, Beginnen",
               lambda p: _call(p, "action_write", "note")),
    "pick_meeting": ("which meeting the casus is for: Anna's and the team's, and 'Los'",
                     lambda p: _call(p, "action_write", "case")),
    "writer": ("'Casus · bijeenkomst 4 · Supervisie bij Anna · wo 11-03' above the question, "
               "the typed answer and the word count; the question list (or at 80×24 a "
               "progress line)", lambda p: _writer(p)),
    "writer_review": ("the whole entry with title and labels, the preview beside or below it, "
                      "Opslaan / Terug naar de vragen / Concept weggooien",
                      lambda p: _writer(p, review=True)),
    "leave": ("the question what to do with unsaved text, 'Als concept bewaren' proposed",
              lambda p: _leave(p)),
    "link": ("the trajectory and meeting of this writing, to change",
             lambda p: _link(p)),
    "entry": ("the reflection rendered, with kind, date, meeting and labels",
              lambda p: _call(p, "push_screen", EntryScreen("00000000000000f2"))),
    "entries": ("every entry, newest first, with filters", lambda p: _call(p, "action_entries")),
    "search": ("the results for 'grens', the match visible in each snippet",
               lambda p: _search(p)),
    "timeline": ("the entries by month", lambda p: _call(p, "action_timeline")),
    "review": ("statistics, balance and themes", lambda p: _call(p, "action_review")),
    "trajectory": ("Anna's meetings, the cursor on meeting 4 (the next), learning questions",
                   lambda p: _call(p, "push_screen", TrajectoryScreen(ANNA))),
    "trajectory_form": ("a new trajectory's fields, each with a visible label",
                        lambda p: _call(p, "action_new_trajectory")),
    "intentions": ("the voornemen of meeting 2", lambda p: _call(p, "action_intentions")),
    "hours": ("contact hours per trajectory and year", lambda p: _call(p, "action_hours")),
    "bundle": ("choosing entries for a bundle", lambda p: _call(p, "action_bundle")),
    "clients": ("the client list, empty, with how to add a name",
                lambda p: _call(p, "action_clients")),
    "settings": ("the settings: idle lock, theme, passphrase and keys",
                 lambda p: _call(p, "action_settings")),
    "help": ("the keys and how to close the help", lambda p: _press(p, "f1")),
    "palette": ("the command palette in Dutch", lambda p: _press(p, "ctrl+p")),
}


async def _leave(pilot) -> None:
    await _writer(pilot)
    await _press(pilot, "escape")


async def _link(pilot) -> None:
    await _writer(pilot)
    await _press(pilot, "ctrl+t")


async def _search(pilot) -> None:
    await _call(pilot, "action_search")
    await type_text(pilot, "grens")
    # The search runs after a pause in typing; on a busy machine a pause inside the word
    # showed "gre" highlighted. The pause is over: the search for the whole word, then its
    # result (a timer still pending finds the same).
    pilot.app.screen.run_search()
    await settle(pilot, pilot.app)
    await until(pilot, lambda: pilot.app.screen.query_one("#results").row_count > 0)
    await settle(pilot, pilot.app)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_every_screen(snap_compare, paths, clock, vault_with_a_trajectory, screen, size,
                      monkeypatch):
    # A draft's status names the time it was written: the writer's clock, set.
    monkeypatch.setattr("reflectiejournaal.screens.write.now",
                        lambda: dt.datetime(2026, 2, 19, 20, 0, tzinfo=TZ))
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: TODAY)
    app.autosave_seconds = app.pause_save_seconds = 3600  # no time of day in the picture
    _, opener = SCREENS[screen]

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        if opener is not None:
            await opener(pilot)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_the_lock_screens(snap_compare, paths, clock, vault_with_a_trajectory, size):
    """The unlock screen: the passphrase field, Openen, the herstelcode hint."""
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf)
    assert snap_compare(app, terminal_size=SIZES[size])


@pytest.mark.parametrize("size", SIZES)
def test_the_first_start(snap_compare, tmp_path, clock, size, monkeypatch):
    """A new vault: where it will be, the passphrase twice, Verder in view."""
    monkeypatch.chdir(tmp_path)  # the path shown is the same on every run
    app = ReflectieApp(Path("nieuw"), tmp_path / "cache", None, clock=clock, kdf=cheap_kdf)
    assert snap_compare(app, terminal_size=SIZES[size])


@pytest.mark.slow  # a long walk through the app: the full suite only
@pytest.mark.parametrize("screen", [s for s in SCREENS if s not in ("palette",)])
async def test_every_screen_opens_with_the_keyboard_ready(paths, clock, vault_with_a_trajectory,
                                                          screen):
    """Something has focus, and a list with rows has its first row highlighted: Enter works
    at once, without a mouse."""
    from textual.widgets import DataTable, OptionList

    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: TODAY)
    app.autosave_seconds = app.pause_save_seconds = 3600
    _, opener = SCREENS[screen]
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot, app)
        if opener is not None:
            await opener(pilot)
        assert app.focused is not None, f"nothing has focus on {app.screen}"
        focused = app.focused
        if isinstance(focused, OptionList) and focused.option_count:
            assert focused.highlighted is not None
        if isinstance(focused, DataTable) and focused.row_count:
            assert focused.cursor_row == 0 or screen == "trajectory"
