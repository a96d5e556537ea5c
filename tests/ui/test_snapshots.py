"""Snapshots at a fixed size, from a fixture vault with fixed dates.

Update only after looking at the report: ``pytest tests/ui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from reflectiejournaal.screens.entry import EntryScreen
from tests.ui.conftest import SIZE, settle, start_writing, type_text, unlock


def test_unlock_screen(snap_compare, make_app, filled_vault):
    """You should see the lock screen: a passphrase field, an Openen button, the herstelcode hint."""
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_dashboard(snap_compare, make_app, filled_vault):
    """You should see the two quick actions for the next meeting and three recent entries,
    newest first; the title with [vet] shown literally, not as markup."""

    async def run_before(pilot):
        await unlock(pilot, pilot.app)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_guided_writing(snap_compare, make_app, filled_vault):
    """You should see question 1 of 7 of the casusinbreng with its help text, the overview of
    prompts on the left (none answered yet), the answer being typed, and the word count."""
    app = make_app()
    app.autosave_seconds = 3600  # no "concept bewaard" time in the picture

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        await start_writing(pilot, pilot.app, "case")
        await type_text(pilot, "Op de groep weigerde J. te eten.")
        await settle(pilot, pilot.app)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_entry_view(snap_compare, make_app, filled_vault):
    """You should see the reflection rendered as Markdown: its heading, and
    "[bold red]boosheid[/bold red]" as literal text, with kind, date, meeting and tags above."""

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        pilot.app.push_screen(EntryScreen("00000000000000e2"))
        await settle(pilot, pilot.app)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)
