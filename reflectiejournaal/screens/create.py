"""First run: choose a passphrase (with strength feedback), confirm the herstelcode, create."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, LoadingIndicator, Static

from ..errors import JournalError, MistypedRecoveryCode
from ..widgets.secret import SecretInput
from ..widgets.strength import StrengthLabel
from ..locale import describe, t
from ..vault.strength import MIN_SCORE, strength
from ..vault.recovery import format_recovery_code, new_recovery_key, parse_recovery_code
from ..vault.store import Vault

class CreateScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("create.title"), classes="dialog-title")
            yield Static(t("create.intro", path=self.app.vault_path), markup=False)  # type: ignore[attr-defined]
            yield SecretInput(placeholder=t("create.passphrase"), id="first")
            yield StrengthLabel()
            yield SecretInput(placeholder=t("create.repeat"), id="second")
            yield Static("", id="error", classes="error")
            yield Button(t("create.button"), variant="primary", id="create")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#first", Input).focus()

    @on(Input.Changed, "#first")
    def show_strength(self, event: Input.Changed) -> None:
        self.query_one(StrengthLabel).show(event.value)

    @on(Input.Submitted, "#first")
    def next_field(self) -> None:
        self.query_one("#second", Input).focus()

    @on(Input.Submitted, "#second")
    @on(Button.Pressed, "#create")
    def submit(self) -> None:
        first = self.query_one("#first", Input).value
        second = self.query_one("#second", Input).value
        error = self.query_one("#error", Static)
        if strength(first) < MIN_SCORE:
            error.update(t("create.too_weak"))
        elif first != second:
            error.update(t("create.mismatch"))
        else:
            error.update("")
            self.app.push_screen(RecoveryScreen(first))


class RecoveryScreen(Screen[None]):
    """Show the herstelcode once and have it retyped; only then is the vault written."""

    def __init__(self, passphrase: str) -> None:
        super().__init__()
        self._passphrase = passphrase
        self._key = new_recovery_key()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("recovery.title"), classes="dialog-title")
            yield Static(t("recovery.intro"))
            yield Static(format_recovery_code(self._key), id="code", classes="recovery-code")
            yield Input(placeholder=t("recovery.retype"), id="retype")
            yield Static("", id="error", classes="error")
            yield LoadingIndicator(id="busy")
            yield Static(t("create.busy"), id="busy-text", classes="muted")
            yield Button(t("recovery.button"), variant="primary", id="confirm")
        yield Footer()

    def on_mount(self) -> None:
        self.set_busy(False)
        self.query_one("#retype", Input).focus()

    def set_busy(self, busy: bool) -> None:
        self.query_one("#busy").display = busy
        self.query_one("#busy-text").display = busy
        self.query_one("#confirm", Button).disabled = busy

    @on(Input.Submitted, "#retype")
    @on(Button.Pressed, "#confirm")
    def confirm(self) -> None:
        try:
            typed = parse_recovery_code(self.query_one("#retype", Input).value)
        except MistypedRecoveryCode:
            typed = None
        if typed != self._key:
            self.query_one("#error", Static).update(t("recovery.mismatch"))
            return
        self.set_busy(True)
        self.create()

    @work(thread=True, exclusive=True, group="create")
    def create(self) -> None:
        try:
            kdf = self.app.kdf() if self.app.kdf else None  # type: ignore[attr-defined]
            vault, _ = Vault.create(self.app.vault_path, self._passphrase,  # type: ignore[attr-defined]
                                    kdf=kdf, recovery_key=self._key)
        except JournalError as error:
            self.app.call_from_thread(self.failed, describe(error))
            return
        vault.release_lock()
        self.app.call_from_thread(self.app.unlocked, vault)  # type: ignore[attr-defined]

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.query_one("#error", Static).update(message)
