"""The review screen: activity and balance as charts, a period that can be chosen or typed
(and says when it cannot be read), numbers that are new after a terugblik is saved."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from textual.widgets import Button, Input, Select, Static

from reflectiejournaal.app import ReflectieApp
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.prompts import compose_body, load_library
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.screens.review import ReviewScreen
from reflectiejournaal.screens.write import WriteScreen
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.widgets.charts import BarChart
from tests.conftest import install_tables
from tests.helpers import PASSPHRASE, cheap_kdf
from tests.ui.conftest import TZ, settle, type_text, unlock

TODAY = dt.date(2026, 11, 23)
MARIEKE = "0000000000000b01"
LIBRARY = load_library()
NIP, SKJ = LIBRARY.sets["nip-vier-aspecten"], LIBRARY.sets["skj-reflectiedimensies"]
# Reflections in 2026, month → aspects answered; nothing in May and June (a holiday).
NIP_MONTHS = {1: ["beleving", "beroepsethiek", "waarden", "emotioneel-proces"],
              2: ["beleving", "waarden"], 3: ["beleving", "emotioneel-proces"],
              4: ["beleving", "waarden", "emotioneel-proces"], 7: ["beleving"],
              8: ["beleving", "emotioneel-proces"], 9: ["beleving", "waarden"],
              10: ["beleving", "emotioneel-proces"]}


@pytest.fixture(autouse=True)
def on_the_day_the_app_is_told():
    """Entries saved here are stamped by the wall clock: it shows the app's TODAY (ticking)."""
    with time_machine.travel(dt.datetime(2026, 11, 23, 12, tzinfo=TZ), tick=True):
        yield


@pytest.fixture
def a_year_of_reflections(paths):
    vault, _ = Vault.create(paths["vault"], PASSPHRASE, kdf=cheap_kdf())
    journal = Journal(vault, None)
    journal.save_trajectory(Trajectory.plan(MARIEKE, "supervisie", "Supervisie bij Marieke",
                                            dt.date(2026, 1, 8), meetings=10, interval_weeks=4))
    for month, answered in NIP_MONTHS.items():
        moment = dt.datetime(2026, month, 12, 21, tzinfo=TZ)
        journal.save(Entry(f"{month:016x}", "reflection", f"Na bijeenkomst {month}", moment, moment,
                           compose_body(NIP, {p: f"Over {p}." for p in answered}),
                           trajectory=MARIEKE, meeting=month, prompt_set=NIP.id))
    for day in (3, 17):
        moment = dt.datetime(2026, 11, day, 21, tzinfo=TZ)
        journal.save(Entry(f"{0x100 + day:016x}", "reflection", f"Team {day}", moment, moment,
                           compose_body(SKJ, {"methoden": "Richtlijn.", "afwegingen": "Wie beslist?"}),
                           prompt_set=SKJ.id))
    vault.release_lock()
    return paths["vault"]


def add_trajectory(paths, title: str) -> None:
    """A second trajectory, 0000000000000b02, with ``title``."""
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    journal.save_trajectory(Trajectory.plan("0000000000000b02", "intervisie", title,
                                            dt.date(2026, 2, 1)))
    journal.vault.release_lock()


def make_app(paths, clock) -> ReflectieApp:
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: TODAY)
    app.autosave_seconds = app.pause_save_seconds = 3600  # no time of day in the picture
    return app


async def open_review(pilot) -> ReviewScreen:
    await unlock(pilot, pilot.app)
    await pilot.press("o")
    await settle(pilot, pilot.app)
    assert isinstance(pilot.app.screen, ReviewScreen)
    return pilot.app.screen


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def choose(pilot, selector: str, downs: int) -> None:
    """Open a Select from the keyboard and move ``downs`` options down from the current one."""
    pilot.app.screen.query_one(selector, Select).focus()
    await pilot.press("enter", *["down"] * downs, "enter")
    await settle(pilot, pilot.app)


async def type_date(pilot, selector: str, value: str) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    field.clear()
    await type_text(pilot, value)
    await pilot.press("enter")
    await settle(pilot, pilot.app)


@pytest.mark.slow  # a long walk: the full suite only
async def test_activity_per_month_with_the_quiet_spell_and_the_balance_per_aspect(paths, clock,
                                                                                  a_year_of_reflections):
    app = make_app(paths, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        assert text(screen, "#stats").startswith("10 teksten")
        activity = screen.query_one("#activity", BarChart)
        assert activity.display
        assert activity.bars == [("jan", 1), ("feb", 1), ("mrt", 1), ("apr", 1), ("mei", 0),
                                 ("jun", 0), ("jul", 1), ("aug", 1), ("sep", 1), ("okt", 1),
                                 ("nov", 2)]  # up to this month; May and June show as a gap
        nip = screen.query_one("#balance-nip", BarChart)
        assert nip.bars == [("Beleving 8", 8), ("Beroepsethiek 1", 1), ("Waarden 4", 4),
                            ("Emoties en relatie 5", 5)]
        assert "Beroepsethische aspecten kwam in de laatste 7 teksten niet aan bod." in text(
            screen, "#balance-nip-note")
        assert screen.query_one("#balance-skj", BarChart).bars == [
            ("Methoden 2", 2), ("Ethiek 2", 2), ("Past het bij mij 0", 0)]
        assert "Supervisie bij Marieke: " in text(screen, "#meetings-held")


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_a_quick_choice_fills_the_dates_and_redraws(paths, clock, a_year_of_reflections):
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await choose(pilot, "#tb-period", downs=2)  # alles → dit jaar → vorig jaar
        assert screen.query_one("#tb-period", Select).value == "last_year"
        assert (screen.query_one("#tb-from", Input).value,
                screen.query_one("#tb-to", Input).value) == ("1-1-2025", "31-12-2025")
        await pilot.press("tab")  # past the dates a pause would otherwise wait for
        await settle(pilot, app)
        assert text(screen, "#period-note") == "Van 1 januari 2025 tot en met 31 december 2025."
        await type_date(pilot, "#tb-to", "31-12-2025")  # Enter: at once, no waiting
        assert text(screen, "#stats") == "Geen teksten in deze periode."
        assert not screen.query_one("#activity", BarChart).display
        assert not screen.query_one("#balance-nip", BarChart).display
        assert "Nog geen teksten met de vragenset ‘Supervisie — vier aspecten (NIP)’" in text(
            screen, "#balance-nip-note")
        await choose(pilot, "#tb-period", downs=1)  # vorig jaar → de laatste 12 maanden
        await type_date(pilot, "#tb-from", "1-10-2026")
        assert screen.query_one("#tb-period", Select).value == "custom"
        assert text(screen, "#stats").startswith("3 teksten")
        assert screen.query_one("#activity", BarChart).bars == [("okt", 1), ("nov", 2)]


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_typing_the_dates_of_a_quick_choice_is_choosing_it(paths, clock, a_year_of_reflections):
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        await type_date(pilot, "#tb-to", "31-12-2026")
        assert screen.query_one("#tb-period", Select).value == "custom"
        assert app.focused is screen.query_one("#tb-to")  # the choice follows; the cursor stays
        await type_date(pilot, "#tb-from", "2026-01-01")
        await type_date(pilot, "#tb-to", "31-12-2026")
        assert screen.query_one("#tb-period", Select).value == "this_year"
        assert screen.query_one("#tb-from", Input).value == "2026-01-01"  # as typed, not rewritten


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_a_date_that_cannot_be_read_says_why_and_keeps_the_numbers(paths, clock,
                                                                        a_year_of_reflections):
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        before = text(screen, "#stats")
        await type_date(pilot, "#tb-from", "31-2-2026")
        assert text(screen, "#period-note") == ("‘31-2-2026’ is geen datum: schrijf bijv. "
                                                "7-1-2026 (dag-maand-jaar).")
        assert screen.query_one("#period-note").has_class("error")
        assert screen.query_one("#tb-from", Input).has_class("-invalid")
        assert text(screen, "#stats") == before
        screen.query_one("#terugblik", Button).press()
        await settle(pilot, app)
        assert isinstance(app.screen, ReviewScreen)  # no terugblik over a period nobody meant
        assert any("31-2-2026" in n.message for n in app._notifications)
        await type_date(pilot, "#tb-from", "1-12-2026")
        await type_date(pilot, "#tb-to", "1-11-2026")
        assert text(screen, "#period-note") == "‘Vanaf’ ligt na ‘Tot en met’: draai ze om."
        await type_date(pilot, "#tb-to", "")
        assert text(screen, "#period-note") == "Vanaf 1 december 2026."
        assert not screen.query_one("#period-note").has_class("error")


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_one_trajectory_and_a_terugblik_over_it(paths, clock, a_year_of_reflections):
    app = make_app(paths, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        await choose(pilot, "#tb-trajectory", downs=1)
        assert text(screen, "#stats").startswith("8 teksten")
        assert screen.query_one("#balance-skj", BarChart).display is False
        screen.query_one("#terugblik", Button).press()
        await settle(pilot, app)
        assert isinstance(app.screen, WriteScreen)
        assert app.screen.draft.trajectory == MARIEKE


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_the_numbers_are_new_after_a_terugblik_is_saved(paths, clock, a_year_of_reflections):
    app = make_app(paths, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        assert text(screen, "#stats").startswith("10 teksten")
        screen.query_one("#terugblik", Button).press()
        await settle(pilot, app)
        await type_text(pilot, "Ik ben gegroeid.")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)  # the saved terugblik, to read back
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen is screen
        assert text(screen, "#stats").startswith("11 teksten")
        assert screen.query_one("#activity", BarChart).bars[-1] == ("nov", 3)


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_charts_snapshot(snap_compare, paths, clock, a_year_of_reflections, size):
    """Look at it: activity per month (gap in May and June), then the NIP balance with
    Beroepsethiek low and the line saying it was left out lately; the SKJ balance."""
    async def run_before(pilot):
        screen = await open_review(pilot)
        if size[1] < 40:  # the charts are below the period at 80×24: scroll to them
            screen.query_one("#activity").scroll_visible(top=True, animate=False)
            await settle(pilot, pilot.app)

    assert snap_compare(make_app(paths, clock), terminal_size=size, run_before=run_before)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_tab_brings_each_chart_into_view_at_80_by_24(paths, clock, a_year_of_reflections):
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        for chart_id in ("activity", "balance-nip", "balance-skj"):
            for _ in range(12):
                if app.focused is not None and app.focused.id == chart_id:
                    break
                await pilot.press("tab")
                await settle(pilot, app)
            chart = screen.query_one(f"#{chart_id}", BarChart)
            assert app.focused is chart
            assert chart.region.height == chart.size.height  # wholly on screen, not cut off


@pytest.mark.slow  # a long walk: the full suite only
async def test_a_title_with_brackets_is_a_title_and_a_typo_in_the_year_is_said(paths, clock,
                                                                              a_year_of_reflections):
    add_trajectory(paths, "Intervisie [/] team")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(pilot)
        options = [value for _, value in screen.query_one("#tb-trajectory", Select)._options]
        await choose(pilot, "#tb-trajectory", downs=options.index("0000000000000b02"))
        assert screen.query_one("#tb-trajectory", Select).value == "0000000000000b02"
        assert str(screen.query_one("#tb-trajectory #label", Static).render()) == "Intervisie [/] team"
        await type_date(pilot, "#tb-from", "1-1-1026")
        assert text(screen, "#period-note") == "‘1-1-1026’: dat jaartal lijkt een tikfout."


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_locking_over_a_terugblik_from_the_review_screen(paths, clock, a_year_of_reflections):
    """The lock closes the writer and the review screen under it; nothing counts on a closed
    journal, and unlocking brings the writer back."""
    app = make_app(paths, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(pilot)
        screen.query_one("#terugblik", Button).press()
        await settle(pilot, app)
        await type_text(pilot, "Bijna klaar")
        assert app.lock()
        await settle(pilot, app)
        assert app.return_code is None and app.journal is None
        await unlock(pilot, app)
        assert isinstance(app.screen, WriteScreen)


@pytest.mark.parametrize("opener,select_id", [("action_search", "#trajectory"),
                                              ("action_bundle", "#trajectory")])
async def test_brackets_in_a_title_are_text_in_every_trajectory_choice(paths, clock,
                                                                       a_year_of_reflections,
                                                                       detector_tables,
                                                                       opener, select_id):
    install_tables(detector_tables, paths["cache"])  # the bundle screen needs no preparing
    add_trajectory(paths, "Team [/] [b]X")
    app = make_app(paths, clock)
    async with app.run_test(size=(120, 40)) as pilot:
        await unlock(pilot, app)
        getattr(app, opener)()
        await settle(pilot, app)
        select = app.screen.query_one(select_id, Select)
        select.value = "0000000000000b02"
        select.focus()
        await pilot.press("enter")  # the list of choices drawn, the title among them
        await settle(pilot, app)
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.return_code is None
        assert select.value == "0000000000000b02"
        assert str(select.query_one("#label", Static).render()) == "Team [/] [b]X"
