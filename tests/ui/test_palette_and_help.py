"""The command palette and the help speak the user's language, list every command once, and
say how to close them (issue 11)."""

from __future__ import annotations

import pytest

from textual.command import CommandList, CommandPalette
from textual.widgets import Input

from reflectiejournaal.screens.entry import EntryScreen
from reflectiejournaal.screens.write import WriteScreen
from tests.ui.conftest import SIZE, settle, start_writing, unlock, until

# Textual's own words that must not reach a Dutch user.
ENGLISH = ("Search for commands", "No matches found", "Quit", "Keys", "Theme", "Screenshot",
           "Maximize", "Minimize", "Quit the application", "Change theme", "Show help",
           "palette")


def offered(app) -> list[tuple[str, str]]:
    return [(c.title, c.help) for c in app.get_system_commands(app.screen)]


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_every_command_once_and_in_dutch_on_every_kind_of_screen(make_app, filled_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        screens = []
        screens.append(offered(app))  # the dashboard
        app.push_screen(EntryScreen("00000000000000e3"))
        await settle(pilot, app)
        screens.append(offered(app))
        await start_writing(pilot, app, "c")
        assert isinstance(app.screen, WriteScreen)
        screens.append(offered(app))
        for commands in screens:
            titles = [title for title, _ in commands]
            assert len(titles) == len(set(titles)), titles
            assert not any(word in f"{title} {help}" for title, help in commands
                           for word in ENGLISH), commands
        dashboard = dict(screens[0])
        assert dashboard["Alle teksten"].endswith("toets a")  # the command names its key
        assert "Casus" not in dashboard  # the key "c" is the casus command, not a second one


@pytest.mark.slow  # a long walk: the full suite only
async def test_the_palette_is_dutch_and_afsluiten_finds_quit(make_app, filled_vault):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("ctrl+p")
        await settle(pilot, app)
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        assert palette.query_one(Input).placeholder == "Zoek een opdracht…"
        await pilot.press(*"afsluiten")
        await settle(pilot, app)
        await pilot.pause(0.3)
        found = palette.query_one(CommandList)
        prompts = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("Afsluiten" in p for p in prompts), prompts
        await pilot.press(*"qqxz")

        def prompts_now() -> list[str]:
            return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]

        # The "no matches" line comes after a short countdown, in place of the earlier list.
        await until(pilot, lambda: any("Niets gevonden" in p for p in prompts_now()),
                    str(prompts_now()))


def test_no_textual_widget_shows_an_english_key_in_the_footer(make_app):
    """Every binding a Textual widget (or its palette or Select list) would show in the footer
    has a description from the Dutch catalogue."""
    import textual.widgets
    from textual.widgets._select import SelectOverlay

    from reflectiejournaal.widgets.palette import Palette
    from tests.helpers import catalogue_texts

    make_app()  # the app puts Textual's words in the user's language when it starts
    classes = [c for c in vars(textual.widgets).values() if isinstance(c, type)]
    shown = {(c.__name__, b.description) for c in [*classes, SelectOverlay, Palette]
             for bindings in c._merge_bindings().key_to_bindings.values() for b in bindings
             if b.show and b.description}
    dutch = catalogue_texts("nl")
    assert shown and all(description in dutch for _, description in shown), shown


@pytest.mark.slow  # a long walk: the full suite only
async def test_an_open_select_list_says_sluiten_in_the_footer(make_app, filled_vault):
    from textual.widgets import Footer, Select

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_review()
        await settle(pilot, app)
        app.screen.query_one("#tb-period", Select).focus()
        await pilot.press("enter")
        await settle(pilot, app)
        keys = [(k.key_display or k.key, k.description)
                for k in app.screen.query_one(Footer).query("FooterKey")]
        assert ("esc", "Sluiten") in keys and not any("Dismiss" in d for _, d in keys), keys
