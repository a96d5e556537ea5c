"""The guided writer never loses a word: keys typed in a burst before a step land where they
were typed, and the draft is written in the background while typing goes on (issue 11)."""

from __future__ import annotations

from textual import events
from textual.widgets import TextArea

from reflectiejournaal.journal import Journal
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.vault import Vault
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, settle, start_writing, unlock


def burst(app, text: str, then: str) -> None:
    """Keys as a fast typist or a paste sends them: all queued before the app handles one."""
    for char in text:
        app.post_message(events.Key("space" if char == " " else char, char))
    app.post_message(events.Key(then, None))


async def test_a_burst_before_ctrl_n_stays_in_its_question(make_app, empty_vault):
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        burst(app, "snel getypt in de eerste vraag", then="ctrl+n")
        await settle(pilot, app)
        answers = app.screen.draft.answers
        assert answers["situatie"] == "snel getypt in de eerste vraag"
        assert app.screen.query_one("#answer", TextArea).text == ""  # the second is untouched
        burst(app, "en dan de tweede", then="ctrl+b")
        await settle(pilot, app)
        assert app.screen.draft.answers["gebeurtenis"] == "en dan de tweede"
        assert app.screen.query_one("#answer", TextArea).text == "snel getypt in de eerste vraag"


async def test_a_burst_before_ctrl_e_and_ctrl_s_is_in_the_saved_entry(make_app, empty_vault, paths):
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        burst(app, "tot het laatste woord", then="ctrl+e")
        await settle(pilot, app)
        assert "tot het laatste woord" in app.screen.query_one("#body", TextArea).text
        burst(app, " erbij", then="ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    [entry] = journal.summaries()
    assert "tot het laatste woord" in journal.get(entry.id).body
    assert " erbij" in journal.get(entry.id).body
    assert journal.drafts() == []


async def test_a_burst_before_esc_is_in_the_kept_draft(make_app, empty_vault, paths):
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        burst(app, "weg met escape", then="escape")
        await settle(pilot, app)
    drafts = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["weg met escape"]
