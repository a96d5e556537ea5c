"""The guided writer never loses a word: keys typed in a burst before a step land where they
were typed, and the draft is written in the background while typing goes on (issue 11)."""

from __future__ import annotations

import pytest

from textual import events
from textual.widgets import TextArea

from reflectiejournaal.journal import Journal
from reflectiejournaal.screens.dashboard import DashboardScreen
from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.widgets.confirm import ConfirmDialog
from reflectiejournaal.widgets.leave import LeaveDialog
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, settle, start_writing, type_text, unlock


def burst(app, text: str, then: str) -> None:
    """Keys as a fast typist or a paste sends them: all queued before the app handles one."""
    for char in text:
        app.post_message(events.Key("space" if char == " " else char, char))
    app.post_message(events.Key(then, None))


@pytest.mark.slow  # a long walk: the full suite only
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


@pytest.mark.slow  # a long walk through the app: the full suite only
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


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_a_burst_before_esc_is_in_the_kept_draft(make_app, empty_vault, paths):
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        burst(app, "weg met escape", then="escape")
        await settle(pilot, app)
        assert isinstance(app.screen, LeaveDialog)  # asked, with "keep as draft" proposed
        await pilot.press("enter")
        await settle(pilot, app)
        assert isinstance(app.screen, DashboardScreen)
    drafts = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["weg met escape"]


def footer_keys(screen) -> set[str]:
    return {key.description for key in screen.query("FooterKey")}


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_the_review_step_shows_its_own_keys_and_goes_back_to_the_questions(
        make_app, empty_vault):
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        assert {"Volgende", "Overslaan", "Alles bekijken"} <= footer_keys(app.screen)
        assert "Vorige" not in footer_keys(app.screen)  # at the first question
        await type_text(pilot, "Eerste antwoord")
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        keys = footer_keys(app.screen)
        assert not {"Volgende", "Overslaan", "Alles bekijken"} & keys
        assert {"Opslaan", "Vorige"} <= keys
        await pilot.press("ctrl+b")  # the whole text is as composed: straight back
        await settle(pilot, app)
        assert app.screen.draft.stage == "guided"
        assert app.screen.query_one("#answer", TextArea).text == ""  # at the last question
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        app.screen.query_one("#body", TextArea).insert("Met de hand erbij. ")
        await pilot.press("ctrl+b")
        await settle(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)  # the change would be lost: asked
        assert "gaat dan verloren" in app.screen.question


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_editing_a_saved_entry_and_leaving_unchanged_leaves_no_draft(make_app,
                                                                          filled_vault, paths):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.push_screen(EntryScreen("00000000000000e1"))
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
        writer = app.screen
        writer.autosave()  # a pause in typing, or the interval: nothing to write
        await settle(pilot, app)
        await pilot.press("escape")  # one Esc, no question: nothing changed
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("e")
        await settle(pilot, app)
        await type_text(pilot, " Erbij.")
        await pilot.press("escape")
        await settle(pilot, app)
        assert isinstance(app.screen, LeaveDialog)
        assert "wijzigingen" in str(app.screen.query_one("Static").render()).lower()
        assert str(app.screen.query_one("#discard").label) == "Wijzigingen weggooien"
        await pilot.click("#discard")
        await settle(pilot, app)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts() == []


@pytest.mark.slow  # a long walk: the full suite only
async def test_ctrl_q_while_editing_an_unchanged_entry_leaves_no_draft(make_app, filled_vault,
                                                                      paths):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.push_screen(EntryScreen("00000000000000e1"))
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts() == []


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_brackets_in_a_title_are_shown_as_typed_in_the_notification(make_app, empty_vault):
    """"[naam]" was swallowed as markup and "[/]" ended the session."""
    from textual.widgets import Input

    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        await type_text(pilot, "Tekst")
        await pilot.press("ctrl+e")
        await settle(pilot, app)
        app.screen.query_one("#title", Input).value = "Over [naam] en [/]"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert app.is_running and isinstance(app.screen, EntryScreen)
        [saved] = [n for n in app._notifications if "Opgeslagen" in n.message]
        assert saved.message == "Opgeslagen: Over [naam] en [/]" and not saved.markup


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_a_closed_terminal_keeps_the_last_typed_word_offered_on_the_next_start(
        make_app, empty_vault, paths):
    """SIGHUP right after typing (no pause, no autosave): the word is in the offered draft."""
    import os
    import signal

    from reflectiejournaal.screens.write import WriteScreen

    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        await type_text(pilot, "tot het laatste woord: vensterbank")
        os.kill(os.getpid(), signal.SIGHUP)  # the app's own handler, as from a closed terminal
        for _ in range(100):
            await pilot.pause(0.02)
            if app.return_code is not None:
                break
    assert app.return_code == 128 + signal.SIGHUP
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await unlock(pilot, again)
        await pilot.press("enter")  # the draft is offered first on the dashboard
        await settle(pilot, again)
        assert isinstance(again.screen, WriteScreen)
        assert again.screen.query_one("#answer", TextArea).text.endswith("vensterbank")


@pytest.mark.slow  # a long walk: the full suite only
async def test_a_burst_right_before_ctrl_q_is_in_the_kept_draft(make_app, empty_vault, paths):
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        burst(app, "geplakt en meteen weg", then="ctrl+q")
        await settle(pilot, app)
    drafts = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["geplakt en meteen weg"]
