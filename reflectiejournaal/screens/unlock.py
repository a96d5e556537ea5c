"""Unlocking the vault: the passphrase, a key derivation in a worker, a clear wrong-passphrase."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, LoadingIndicator, Static
from textual.worker import get_current_worker

from ..errors import JournalError
from ..widgets.secret import SecretInput
from ..locale import describe, t
from ..vault.store import Vault


class UnlockScreen(Screen[None]):
    """Ask the passphrase; the key derivation (deliberately slow) runs in a thread."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("unlock.title"), classes="dialog-title")
            yield Static(t("unlock.intro"))
            yield SecretInput(placeholder=t("unlock.placeholder"), id="passphrase")
            yield Static("", id="error", classes="error")
            yield LoadingIndicator(id="busy")
            yield Static(t("unlock.busy"), id="busy-text", classes="muted")
            yield Button(t("unlock.button"), variant="primary", id="unlock")
            yield Static(t("unlock.recover_hint"), classes="muted")
        yield Footer()

    def on_mount(self) -> None:
        self.set_busy(False)
        self.query_one("#passphrase", Input).focus()

    def set_busy(self, busy: bool) -> None:
        self.query_one("#busy").display = busy
        self.query_one("#busy-text").display = busy
        self.query_one("#unlock", Button).disabled = busy
        self.query_one("#passphrase", Input).disabled = busy

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#unlock")
    def submit(self) -> None:
        passphrase = self.query_one("#passphrase", Input).value
        if not passphrase:
            return
        self.query_one("#error", Static).update("")
        self.set_busy(True)
        self.unlock(passphrase)

    # A worker's name shows its arguments by default: not the passphrase.
    @work(thread=True, exclusive=True, group="unlock", description="unlock")
    def unlock(self, passphrase: str) -> None:
        try:
            vault = Vault.unlock(self.app.vault_path, passphrase)  # type: ignore[attr-defined]
        except JournalError as error:
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self.failed, describe(error))
            return
        self.app.call_from_thread(self.succeeded, vault)

    def failed(self, message: str) -> None:
        self.set_busy(False)
        self.query_one("#error", Static).update(message)
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.focus()

    def succeeded(self, vault: Vault) -> None:
        try:
            self.app.unlocked(vault)  # type: ignore[attr-defined]
        except JournalError as error:  # e.g. the vault is open in another instance
            self.failed(describe(error))
