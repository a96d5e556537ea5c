"""Nothing plaintext through Textual's side doors: screenshots, the clipboard, hostile headers."""

from __future__ import annotations

import pytest

import json

from textual.widgets import Input, TextArea

from reflectiejournaal.vault.header import HEADER_FILE
from reflectiejournaal.journal import Journal
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.screens.unlock import UnlockScreen
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, settle, start_writing, type_text, unlock


async def test_no_screenshot_however_it_is_asked_for(make_app, filled_vault, tmp_path,
                                                     monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))  # Textual's default: ~/Downloads
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        assert "Screenshot" not in titles and "Vergrendelen" in titles
        app.action_screenshot()
        assert app.deliver_screenshot() is None
        await pilot.pause()
    assert list(tmp_path.rglob("*.svg")) == []


async def test_the_passphrase_cannot_be_copied_or_cut(make_app, filled_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.click("#passphrase")
        await pilot.press(*PASSPHRASE)
        await pilot.press("ctrl+shift+a", "ctrl+c", "ctrl+shift+a", "ctrl+x")
        assert app.clipboard == ""
        assert app.screen.query_one("#passphrase", Input).value == PASSPHRASE


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_what_was_copied_does_not_outlast_the_lock(make_app, empty_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        await type_text(pilot, "Wat ik over de cliënt schreef")
        assert isinstance(app.focused, TextArea)
        app.focused.select_all()
        await pilot.press("ctrl+c")
        assert app.clipboard == "Wat ik over de cliënt schreef"
        await pilot.press("ctrl+l")
        await settle(pilot, app)
        assert isinstance(app.screen, UnlockScreen) and app.clipboard == " "  # tmux ignores ""


async def test_hostile_headers_are_a_damaged_vault_not_a_crash(make_app, filled_vault):
    """A vault_id of Arabic-Indic digits passed int() and crashed after key derivation; 60,000
    brackets overflowed the parser. Both printed the passphrase in a traceback."""
    header = json.loads((filled_vault / HEADER_FILE).read_text())
    for hostile in (json.dumps(header | {"vault_id": "\u0660" * 32}), "[" * 60_000):
        (filled_vault / HEADER_FILE).write_text(hostile)
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot, app)
            assert isinstance(app.screen, UnlockScreen)
            shown = str(app.screen.query_one("#error").render())
            assert "geen kluis van reflectiejournaal" in shown and PASSPHRASE not in shown
        assert app.return_code in (None, 0)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_ctrl_q_right_after_typing_keeps_the_words_as_a_draft(make_app, empty_vault, paths):
    """Within the autosave's three seconds, Ctrl+Q lost the last words: by the time the app
    unmounted, its screens and their text were gone."""
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600  # no autosave can save it first
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        await type_text(pilot, "Het laatste wat ik typte")
        await pilot.press("ctrl+q")
        await pilot.pause()
    drafts = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts()
    assert ["Het laatste wat ik typte" in str(d.answers) + d.body for d in drafts] == [True]


async def test_a_shared_prompt_set_with_brackets_is_text_not_markup(make_app, filled_vault, paths):
    """A set's title with "[/]" crashed the app when picked; "[@click=…]" ran an action."""
    from textual.widgets import Select

    from reflectiejournaal.screens.choose import ChooseScreen

    (paths["config"] / "vragensets").mkdir(parents=True)
    (paths["config"] / "vragensets" / "gedeeld.toml").write_text(
        'id = "gedeeld"\ntitle = "Van [/] mijn [@click=app.quit]supervisor"\n'
        'description = "Uitleg [b]vet[/b] en [/]"\nsource = "Gedeeld"\nkinds = ["case"]\n\n'
        '[[prompts]]\nid = "a"\ntitle = "A"\nquestion = "Wat?"\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("c")
        await settle(pilot, app)
        assert isinstance(app.screen, ChooseScreen)
        app.screen.query_one("#set", Select).value = "gedeeld"
        await settle(pilot, app)
        shown = str(app.screen.query_one("#description").render())
        assert shown == "Uitleg [b]vet[/b] en [/]" and app.is_running


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_a_pause_in_typing_writes_the_draft_within_a_second(make_app, empty_vault, paths):
    """Only the 3-second interval wrote it: a kill took the last seconds of typing."""
    import time

    app = make_app()
    app.autosave_seconds = 3600  # only the pause can save it
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        await type_text(pilot, "Na een korte pauze bewaard")
        typed = time.monotonic()
        while not Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts():
            assert time.monotonic() - typed < 20, "no draft after a pause in typing"
            await pilot.pause(0.05)
    drafts = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).drafts()
    assert ["Na een korte pauze bewaard" in str(d.answers) for d in drafts] == [True]


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_after_the_idle_lock_the_writer_is_back(make_app, empty_vault, clock):
    """Unlocking after the idle lock landed on the dashboard: the text was in a draft, but
    the user had to find it back (issue 11)."""
    from textual.widgets import TextArea

    from reflectiejournaal.screens.dashboard import DashboardScreen
    from reflectiejournaal.screens.write import WriteScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await start_writing(pilot, app, "c")
        await type_text(pilot, "Halverwege de casus")
        clock.now += 3600
        app.lock_when_idle()
        await pilot.pause()
        assert app.journal is None
        await unlock(pilot, app)
        assert isinstance(app.screen, WriteScreen)
        assert app.screen.query_one("#answer", TextArea).text == "Halverwege de casus"
        app.screen.action_leave()  # leaving it (the text stays a draft): the dashboard is next
        await pilot.pause()
        app.lock()
        await pilot.pause()
        await unlock(pilot, app)
        assert isinstance(app.screen, DashboardScreen)  # not writing when locked: no writer
