"""Keyboard first: from the search field into the results, and a key that cannot act says why."""

from __future__ import annotations

from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.widgets.hit_table import HitTable
from tests.ui.conftest import SIZE, settle, start_writing, type_text, unlock


async def test_enter_or_down_in_the_search_field_goes_into_the_results(make_app, filled_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_search()
        await settle(pilot, app)
        await type_text(pilot, "grens")
        results = app.screen.query_one("#results", HitTable)
        for _ in range(100):  # the search runs after a pause in typing
            await pilot.pause(0.05)
            if results.row_count:
                break
        await pilot.press("down")
        assert app.focused is results and results.cursor_row == 0
        app.screen.query_one("#query").focus()
        await pilot.press("enter")
        assert app.focused is results
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)


async def test_ctrl_o_on_a_question_that_is_not_optional_says_why(make_app, empty_vault):
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        await pilot.press("ctrl+o")
        await settle(pilot, app)
        assert app.screen.draft.step == 0  # still at the first question
        assert any("sla je niet over" in n.message for n in app._notifications)
