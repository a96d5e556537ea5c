"""The supervisor's feedback in the app: imported from a file by path, shown beside the entry
with its passage bracketed in the text, on the trajectory's meeting and in search; always as
text. Snapshots at 80×24 and 120×40 (look at them: what you should see is said below)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reflectiejournaal.bundle.feedback_file import seal_feedback
from reflectiejournaal.bundle.html import new_bundle_key
from reflectiejournaal.feedback import SentBundle
from reflectiejournaal.journal import Journal
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.screens.feedback import FeedbackScreen
from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, TZ, settle, type_text, unlock

CASE, REFLECTION = "00000000000000e1", "00000000000000e2"
BUNDLE = "00000000000000b1"
HOSTILE = "[bold red]geen opmaak[/bold red] en **ook geen Markdown**"


@pytest.fixture
def feedback_file(filled_vault, tmp_path) -> Path:
    """A sealed bundle of the two meeting-4 entries, recorded in the vault, and the file the
    supervisor's page saved for it."""
    journal = Journal(Vault.unlock(filled_vault, PASSPHRASE), None)
    bundle = SentBundle(BUNDLE, dt.datetime(2026, 10, 10, 12, tzinfo=TZ), "html-encrypted",
                        [CASE, REFLECTION], title="Bundel: Supervisie bij [naam]",
                        supervisor="Anna de Vries", key=new_bundle_key().hex())
    journal.record_bundle(bundle)
    journal.vault.release_lock()
    path = tmp_path / "Downloads" / "feedback-00000000.rjfb"
    path.parent.mkdir()
    path.write_bytes(seal_feedback(bundle, "Je durft steeds meer te benoemen.", {
        CASE: {"comment": "Wat maakte dat je bleef wachten?", "passages": [
            {"quote": "Hoe stel ik een grens?", "at": 0, "comment": "Welke grens precies?"}]},
        REFLECTION: {"comment": HOSTILE, "passages": []},
    }, saved=dt.datetime(2026, 10, 12, 9, 30, tzinfo=dt.timezone.utc)))
    return path


def last_notice(app) -> str:
    return str(list(app._notifications)[-1].message)


async def import_file(pilot, app, path: Path) -> None:
    await pilot.press("f")
    await settle(pilot, app)
    assert isinstance(app.screen, FeedbackScreen)
    field = app.screen.query_one("#feedback-path")
    field.value = ""
    await pilot.click("#feedback-path")
    await type_text(pilot, str(path))
    await pilot.press("enter")
    await settle(pilot, app)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_a_feedback_file_is_imported_and_shown_beside_the_entry(make_app, feedback_file):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await import_file(pilot, app, feedback_file)
        assert any("4 opmerkingen" in str(n.message) for n in app._notifications)
        words = str(app.screen.query_one("#words").render())
        assert "Je durft steeds meer te benoemen." in words
        app.push_screen(EntryScreen(CASE))
        await settle(pilot, app)
        shown = str(app.screen.query_one("#feedback").render())
        assert "Wat maakte dat je bleef wachten?" in shown
        assert "⟦1⟧ ‘Hoe stel ik een grens?’" in shown and "Welke grens precies?" in shown
        body = app.screen.query_one("#entry-body")
        assert "⟦1 Hoe stel ik een grens? ⟧" in body.source
        assert app.journal.get(CASE).body.count("⟦") == 0  # shown so, never saved so
        app.push_screen(EntryScreen(REFLECTION))
        await settle(pilot, app)
        assert HOSTILE in str(app.screen.query_one("#feedback").render())  # as text


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_importing_twice_and_a_damaged_file_say_what_happened(make_app, feedback_file,
                                                                    tmp_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await import_file(pilot, app, feedback_file)
        app.pop_screen()
        await import_file(pilot, app, feedback_file)
        assert "was al ingelezen" in last_notice(app)
        damaged = tmp_path / "kapot.rjfb"
        damaged.write_text(feedback_file.read_text().replace('"ciphertext": "', '"ciphertext": "AAAA'))
        app.pop_screen()
        await import_file(pilot, app, damaged)
        assert "veranderd of beschadigd" in last_notice(app)
        app.pop_screen()
        await import_file(pilot, app, tmp_path / "bestaat-niet.rjfb")
        assert "bestaat niet" in last_notice(app)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_the_supervisors_words_are_found_apart_from_the_entries(make_app, feedback_file):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await import_file(pilot, app, feedback_file)
        app.pop_screen()
        app.action_search()
        await settle(pilot, app)
        await type_text(pilot, "wachten")
        found = app.screen.query_one("#supervisor-results")
        for _ in range(200):  # the search runs after a pause in typing: until it shows
            await pilot.pause(0.05)
            if found.display:
                break
        assert "Wat maakte dat je bleef wachten?" in str(found.render())
        assert app.screen.query_one("#results").row_count == 0  # not among the entries


SIZES = {"80x24": (80, 24), "120x40": (120, 40)}


@pytest.mark.parametrize("size", SIZES)
def test_snapshots(snap_compare, make_app, feedback_file, monkeypatch, size):
    """The feedback screen: the path of the file in Downloads filled in, the bundle with '4
    opmerkingen', the supervisor's words below it. Then the entry: the text with
    '⟦1 Hoe stel ik een grens? ⟧', and under it 'Feedback van je supervisor' with the comment
    and the numbered passage."""
    monkeypatch.setenv("HOME", str(feedback_file.parents[1]))
    app = make_app()

    async def run_before(pilot) -> None:
        await unlock(pilot, app)
        await pilot.press("f")
        await settle(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        app.clear_notifications()
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_snapshot_of_the_entry(snap_compare, make_app, feedback_file, monkeypatch, size):
    monkeypatch.setenv("HOME", str(feedback_file.parents[1]))
    app = make_app()

    async def run_before(pilot) -> None:
        await unlock(pilot, app)
        await import_file(pilot, app, feedback_file)
        app.clear_notifications()
        app.push_screen(EntryScreen(CASE))
        await settle(pilot, app)
        app.screen.query_one("#reader").scroll_end(animate=False)
        await settle(pilot, app)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
