"""Reading back in the app: search while typing and open a result, the timeline, themes."""

from __future__ import annotations

import pytest

from textual.widgets import DataTable, Input, Markdown, OptionList, Select, Static, Tree

from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.screens.review import ReviewScreen
from reflectiejournaal.screens.search import SearchScreen
from reflectiejournaal.screens.timeline import TimelineScreen
from tests.ui.conftest import SIZE, settle, type_text, unlock


async def wait_for_results(pilot, app, expected: int, selector: str = "#results") -> DataTable:
    table = app.screen.query_one(selector, DataTable)
    for _ in range(60):  # results arrive from a worker after a typing pause
        await settle(pilot, app)
        if table.row_count == expected:
            break
        await pilot.pause(0.05)
    return table


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_search_while_typing_with_filters_and_open_a_result(make_app, filled_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "GRENS")
        table = await wait_for_results(pilot, app, 1)
        assert table.row_count == 1  # "Hoe stel ik een grens?" — accents and case ignored
        snippet = table.get_cell_at((0, 3))
        assert "grens" in str(snippet) and snippet.spans  # the match is highlighted
        app.screen.query_one("#query", Input).value = "een"
        table = await wait_for_results(pilot, app, 1)
        app.screen.query_one("#kind", Select).value = "note"
        table = await wait_for_results(pilot, app, 0)
        assert "0 gevonden" in str(app.screen.query_one("#search-count", Static).render())
        app.screen.query_one("#kind", Select).value = Select.NULL
        app.screen.query_one("#query", Input).value = "opluchting"
        table = await wait_for_results(pilot, app, 1)
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert "opluchting" in app.screen.query_one("#entry-body", Markdown).source


async def test_timeline_by_year_and_by_trajectory(make_app, filled_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        tree = app.screen.query_one("#timeline", Tree)
        [year] = tree.root.children
        assert str(year.label) == "2026 (3)"
        [october] = year.children
        labels = [str(leaf.label) for leaf in october.children]
        assert labels[0].startswith("15-10 notitie Losse gedachte — Over het team.")
        assert "casusinbreng, bijeenkomst 4" in labels[2]
        await pilot.press("g")
        await pilot.pause()
        assert [str(n.label) for n in tree.root.children] == ["Zonder traject"]
        leaf = tree.root.children[0].children[0]
        tree.select_node(leaf)
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)


@pytest.mark.slow  # a long walk: the full suite only
async def test_themes_as_threads_oldest_first(make_app, filled_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        themes = app.screen.query_one("#theme-list", OptionList)
        assert str(themes.get_option_at_index(0).prompt) == "#grenzen (2)"
        themes.focus()
        themes.highlighted = 0
        await pilot.press("enter")
        await pilot.pause()
        thread = app.screen.query_one("#thread", DataTable)
        assert [str(thread.get_cell_at((r, 0))) for r in range(thread.row_count)] == [
            "2026-10-02", "2026-10-09"]
        app.screen.query_one("#theme", Input).value = "het team"
        app.screen.query_one("#theme", Input).focus()
        await pilot.press("enter")
        await pilot.pause()
        assert thread.row_count == 1


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_a_terugblik_shows_the_period_and_links_what_it_looked_back_on(make_app, filled_vault, paths):
    from textual.widgets import Button

    from reflectiejournaal.journal import Journal
    from reflectiejournaal.screens.write import WriteScreen
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_review()
        await pilot.pause()
        app.screen.query_one("#tb-from", Input).value = "1-10-2026"
        app.screen.query_one("#tb-to", Input).value = "10-10-2026"
        app.screen.query_one("#terugblik", Button).press()
        await pilot.pause()
        writer = app.screen
        assert isinstance(writer, WriteScreen) and writer.prompt_set.id == "terugblik"
        side = writer.query_one("#gathered Markdown", Markdown).source
        assert "Hoe stel ik een grens?" in side  # the case's question, a key passage
        assert "Losse gedachte" not in side and "Over het team" not in side  # outside the period
        await type_text(pilot, "Ik stel nu eerder grenzen.")
        await pilot.press("ctrl+e")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    [review] = [s for s in journal.summaries() if s.prompt_set == "terugblik"]
    body = journal.get(review.id).body
    assert body.startswith("## Wat is er veranderd\n\nIk stel nu eerder grenzen.")
    assert "## Teruggekeken op\n\nPeriode: 01-10-2026 tot en met 10-10-2026." in body
    assert "- 2026-10-02 casusinbreng: De moeder die niet kwam" in body
    assert "Losse gedachte" not in body and "`" not in body.split("Teruggekeken op")[1]


@pytest.mark.slow  # a long walk: the full suite only
async def test_down_or_enter_from_the_theme_field_goes_into_the_themes(make_app, filled_vault):
    """The first theme is highlighted before the list has focus: Down (or Enter on an empty
    field) moves there, so Enter then opens its thread."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_review()
        await settle(pilot, app)
        app.screen.query_one("#theme", Input).focus()
        await pilot.press("down")
        assert app.focused is app.screen.query_one("#theme-list", OptionList)
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen.query_one("#thread", DataTable).row_count == 2  # #grenzen, twice
        app.screen.query_one("#theme", Input).focus()
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#theme-list", OptionList)
