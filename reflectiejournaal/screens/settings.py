"""Settings: change the passphrase, the idle lock, the theme and the language."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, LoadingIndicator, Select, Static

from ..errors import JournalError
from ..widgets.confirm import ConfirmDialog
from ..widgets.secret import SecretInput
from ..widgets.strength import StrengthLabel
from ..locale import (
    LANGUAGES,
    current_language,
    describe,
    has,
    language_from_environment,
    t,
)
from ..settings import Settings
from ..vault.store import Vault
from ..vault.strength import MIN_SCORE, strength


class SettingsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="settings.back")]

    def compose(self) -> ComposeResult:
        settings: Settings = self.app.settings  # type: ignore[attr-defined]
        yield Header()
        with VerticalScroll(id="settings"):
            yield Static(t("settings.passphrase"), classes="section-title")
            yield SecretInput(placeholder=t("settings.current"), id="current")
            yield SecretInput(placeholder=t("settings.new"), id="new")
            yield StrengthLabel()
            yield SecretInput(placeholder=t("settings.repeat"), id="repeat")
            yield Static("", id="passphrase-message")
            yield LoadingIndicator(id="busy")
            yield Button(t("settings.change"), id="change")
            yield Static(t("settings.idle"), classes="section-title")
            yield Input(str(settings.idle_minutes), id="idle", type="integer")
            yield Static(t("settings.theme"), classes="section-title")
            yield Select(theme_choices(self.app.available_themes), value=self.app.theme,
                         allow_blank=False, id="theme")
            yield Static(t("settings.language"), classes="section-title")
            yield Select(language_choices(), value=settings.language or AUTOMATIC,
                         allow_blank=False, id="language")
            with Horizontal(classes="buttons"):
                yield Button(t("settings.save"), variant="primary", id="save")
            yield Static(t("settings.keys"), classes="section-title")
            yield Static(t("settings.keys_intro"), classes="muted")
            with Horizontal(classes="buttons"):
                yield Button(t("settings.rekey"), id="rekey")
                yield Button(t("settings.recovery_code"), id="recovery-code")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("settings.title")
        self.query_one("#busy").display = False
        self.query_one("#current", Input).focus()  # typing at once goes somewhere

    @on(Input.Changed, "#new")
    def show_strength(self, event: Input.Changed) -> None:
        self.query_one(StrengthLabel).show(event.value)

    @on(Input.Submitted, "#current")
    @on(Input.Submitted, "#new")
    def next_field(self, event: Input.Submitted) -> None:
        self.focus_next()

    @on(Select.Changed, "#theme")
    def preview_theme(self, event: Select.Changed) -> None:
        self.app.theme = str(event.value)

    @on(Button.Pressed, "#save")
    def save(self) -> None:
        text = self.query_one("#idle", Input).value.strip()
        if not text.isdigit() or int(text) > 24 * 60:
            self.notify(t("settings.idle_invalid"), severity="error")
            return
        chosen = self.query_one("#language", Select).value
        settings = Settings(idle_minutes=int(text), theme=self.app.theme,
                            language=None if chosen == AUTOMATIC else str(chosen))
        # Read at unlock: a change another device made since is kept, not overwritten.
        settings.read_version = getattr(self.app.settings, "read_version", None)  # type: ignore[attr-defined]
        try:
            self.app.journal.save_settings(settings)  # type: ignore[attr-defined]
        except JournalError as error:
            self.notify(describe(error), severity="error")
            return
        self.app.settings = settings  # type: ignore[attr-defined]
        self.app.remember_language()  # type: ignore[attr-defined]
        self.notify(t("settings.saved"))
        if (settings.language or language_from_environment()) != current_language():
            self.notify(t("settings.language_next_start"), timeout=15)

    @on(Input.Submitted, "#repeat")
    @on(Button.Pressed, "#change")
    def change(self) -> None:
        current = self.query_one("#current", Input).value
        new = self.query_one("#new", Input).value
        message = self.query_one("#passphrase-message", Static)
        if strength(new) < MIN_SCORE:
            message.update(t("create.too_weak"))
        elif new != self.query_one("#repeat", Input).value:
            message.update(t("create.mismatch"))
        elif current:
            message.update(t("settings.busy"))
            self.query_one("#busy").display = True
            self.query_one("#change", Button).disabled = True
            self.change_passphrase(current, new)

    # A worker's name shows its arguments by default: not the passphrases.
    @work(thread=True, exclusive=True, group="passphrase", description="passphrase")
    def change_passphrase(self, current: str, new: str) -> None:
        app = self.app
        try:
            Vault.unlock(app.vault_path, current)  # type: ignore[attr-defined]
            kdf = app.kdf() if app.kdf else None  # type: ignore[attr-defined]
            app.journal.vault.change_passphrase(new, kdf=kdf)  # type: ignore[attr-defined]
        except JournalError as error:
            app.call_from_thread(self.passphrase_done, describe(error))
            return
        app.call_from_thread(self.passphrase_done, t("settings.changed"), True)

    def passphrase_done(self, message: str, changed: bool = False) -> None:
        self.query_one("#busy").display = False
        self.query_one("#change", Button).disabled = False
        self.query_one("#passphrase-message", Static).update(message)
        for field in ("#current", "#new", "#repeat"):
            self.query_one(field, Input).value = ""
        if changed:  # an old header still opens the old key with the old passphrase
            self.app.push_screen(ConfirmDialog(t("settings.offer_rekey"), yes=t("settings.rekey"),
                                               no=t("settings.no_rekey")), self.offer_rekey)

    def offer_rekey(self, wanted: bool | None) -> None:
        if wanted:
            self.open_rekey("rekey")

    @on(Button.Pressed, "#rekey")
    def rekey(self) -> None:
        self.open_rekey("rekey")

    @on(Button.Pressed, "#recovery-code")
    def recovery_code(self) -> None:
        self.open_rekey("code")

    def open_rekey(self, mode: str) -> None:
        from .rekey import RekeyScreen

        self.app.push_screen(RekeyScreen(mode))

    def action_back(self) -> None:
        self.app.pop_screen()


AUTOMATIC = "auto"


def language_choices() -> list[tuple[str, str]]:
    """Each language by its own name, after "the computer's language"."""
    return [(t("settings.language.auto"), AUTOMATIC),
            *((t(f"language.{code}"), code) for code in LANGUAGES)]


def theme_choices(available: dict[str, object]) -> list[tuple[str, str]]:
    """The themes a person understands first ("Donker", "Licht" …), by their names in the
    user's language;
    the rest after them, by their own names."""
    dutch = {name: t(f"theme.{name}") for name in available if has(f"theme.{name}")}
    first = {name: index for index, name in enumerate(THEMES_FIRST)}
    named = sorted(dutch, key=lambda name: (first.get(name, len(first)), dutch[name]))
    others = sorted(name for name in available if name not in dutch)
    return [(dutch[name], name) for name in named] + [(name, name) for name in others]


THEMES_FIRST = ("textual-dark", "textual-light", "ansi-dark", "ansi-light")
