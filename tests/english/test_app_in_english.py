"""The app in English: what a British supervisee sees, from the lock screen to a saved entry
counted in the balance, and snapshots of the dashboard and the writer at two sizes."""

from __future__ import annotations

from textual.widgets import Button, Footer, Static

from reflectiejournaal.locale import current_language
from tests.ui.conftest import SIZE, settle, start_writing, type_text, unlock

SMALL = (80, 24)


def footer_words(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [key.description for key in app.screen.query_one(Footer).query("FooterKey")]


def test_this_process_speaks_english():
    assert current_language() == "en"


async def test_from_the_lock_screen_to_a_saved_reflection(make_app, empty_vault, paths):
    from reflectiejournaal.journal import Journal
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#unlock", Button).label.plain == "Open"
        assert "Quit" in footer_words(app)
        await unlock(pilot, app)
        assert app.screen.sub_title == "Overview"
        assert {"Case", "Reflection", "Search"} <= set(footer_words(app))
        app.action_write("reflection")
        await pilot.pause()
        assert str(app.screen.query_one(".dialog-title", Static).render()) == \
            "What are you going to write?"
        await pilot.click("#start")
        await settle(pilot, app)
        assert "Prompt 1 of 4" in str(app.screen.query_one("#progress", Static).render())
        await type_text(pilot, "We discussed my case.")
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        notices = [n.message for n in app._notifications]
        assert any(n.startswith("Saved:") for n in notices), notices
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    [saved] = journal.summaries()
    body = journal.get(saved.id).body
    assert body.startswith("## What we did\n\nWe discussed my case.")


def test_dashboard_in_english(snap_compare, make_app, filled_vault):
    """You should see the overview in English: its title, the write actions for the next
    session, the recent entries (their own Dutch titles), and English keys in the footer."""

    async def run_before(pilot):
        await unlock(pilot, pilot.app)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_dashboard_in_english_small(snap_compare, make_app, filled_vault):
    """The same at 80×24: nothing of the English words cut off where the Dutch fitted."""

    async def run_before(pilot):
        await unlock(pilot, pilot.app)

    assert snap_compare(make_app(), terminal_size=SMALL, run_before=run_before)


def _writer(make_app):  # type: ignore[no-untyped-def]
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600  # no "draft kept" time in the picture

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        await start_writing(pilot, pilot.app, "case")
        await type_text(pilot, "On the ward, J. refused to eat.")
        await settle(pilot, pilot.app)

    return app, run_before


def test_writer_in_english(snap_compare, make_app, filled_vault):
    """You should see prompt 1 of 7 of the case presentation in English with its help text,
    the English prompts on the left, the answer being typed, and the word count in English."""
    app, run_before = _writer(make_app)
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_writer_in_english_small(snap_compare, make_app, filled_vault):
    """The writer at 80×24 in English."""
    app, run_before = _writer(make_app)
    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)
