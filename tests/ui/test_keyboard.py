"""Keyboard first: from the search field into the results, and a key that cannot act says why."""

from __future__ import annotations

import pytest
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.widgets.hit_table import HitTable
from tests.ui.conftest import SIZE, settle, start_writing, type_text, unlock


@pytest.mark.slow  # a long walk: the full suite only
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


@pytest.mark.slow  # a long walk: the full suite only
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


@pytest.mark.slow  # a long walk: the full suite only
async def test_keys_typed_right_after_tab_land_in_the_next_field(make_app, filled_vault):
    """Tab and a date in one burst (a fast typist, keys over a slow connection): the date is
    in the field Tab went to, replacing what it held, not lost in the field it left."""
    from textual import events
    from textual.widgets import Input, Select

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_review()
        await settle(pilot, app)
        app.screen.query_one("#tb-from", Input).value = "1-1-2025"
        app.screen.query_one("#tb-period", Select).focus()
        await settle(pilot, app)
        for key, char in [("tab", None), *[("minus" if c == "-" else c, c) for c in "7-1-2026"]]:
            app.post_message(events.Key(key, char))
        await settle(pilot, app)
        assert app.screen.query_one("#tb-from", Input).value == "7-1-2026"
