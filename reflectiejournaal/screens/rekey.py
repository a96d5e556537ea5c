"""A new vault key with a new herstelcode, or only a new herstelcode; finishes an interrupted
rekey. Steps: the passphrase (checked), the new code shown and retyped, then the work."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, ProgressBar, Static

from ..errors import JournalError, MistypedRecoveryCode, WrongPassphrase
from ..locale import describe, t, tn
from ..vault.recovery import format_recovery_code, new_recovery_key, parse_recovery_code
from ..vault.store import Vault
from ..widgets.secret import SecretInput


class RekeyScreen(Screen[None]):
    """``mode`` is ``rekey`` (new key and code) or ``code`` (a new herstelcode only)."""

    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="rekey.back")]

    def __init__(self, mode: str = "rekey") -> None:
        super().__init__()
        self.mode = mode
        self.step = "passphrase"
        self.busy = False  # the app does not lock in the middle of the work
        self._key = new_recovery_key()
        self._passphrase = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Static(t(f"rekey.title.{self.mode}"), classes="dialog-title")
            yield Static(t(f"rekey.intro.{self.mode}"), id="intro")
            yield SecretInput(placeholder=t("rekey.passphrase"), id="passphrase")
            yield Static(t("recovery.intro"), id="code-intro")
            yield Static(format_recovery_code(self._key), id="code", classes="recovery-code")
            yield Input(placeholder=t("recovery.retype"), id="retype")
            yield Static("", id="error", classes="error")
            yield ProgressBar(id="progress", show_eta=False)
            yield Static("", id="status", classes="muted")
            yield Button(t("rekey.next"), variant="primary", id="go")
        yield Footer()

    def on_mount(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        vault = journal.vault
        if self.mode == "rekey" and any(a.kind == "old_key" for a in journal.anomalies):
            self.query_one("#intro", Static).update(t("rekey.old_key_first"))
            self.show_step("notice")
        elif self.mode == "rekey" and vault.rekey_pending:  # the code was shown the first time
            self.query_one("#intro", Static).update(t("rekey.intro.resume"))
            self.show_step("resume")
        elif self.mode == "rekey" and vault.rekey_unopened:  # not ours to finish or replace here
            self.query_one("#intro", Static).update(t("attention.unopened_rekey_help"))
            self.show_step("notice")
        else:
            self.show_step("passphrase")

    def show_step(self, step: str) -> None:
        self.step = step
        shown = {"passphrase": {"#passphrase"}, "code": {"#code-intro", "#code", "#retype"},
                 "resume": set(), "busy": {"#progress", "#status"}, "done": {"#status"},
                 "notice": set()}[step]
        for widget in ("#passphrase", "#code-intro", "#code", "#retype", "#progress", "#status"):
            self.query_one(widget).display = widget in shown
        # Room for the code on a small screen; once at work, what it does, not what to type.
        self.query_one("#intro").display = step in ("passphrase", "resume", "notice")
        button = self.query_one("#go", Button)
        button.label = {"resume": t("rekey.finish"), "done": t("rekey.close"),
                        "notice": t("rekey.close")}.get(step) or t("rekey.next")
        button.disabled = step == "busy"
        self.busy = step == "busy"
        focus = {"passphrase": "#passphrase", "code": "#retype"}.get(step, "#go")
        self.query_one(focus).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#go")
    def go(self) -> None:
        error = self.query_one("#error", Static)
        error.update("")
        if self.step == "passphrase":
            passphrase = self.query_one("#passphrase", Input).value
            if passphrase:
                self.query_one("#go", Button).disabled = True
                self.query_one("#status", Static).update(t("rekey.checking"))
                self.query_one("#status").display = True
                self.check_passphrase(passphrase)
        elif self.step == "code":
            try:
                typed = parse_recovery_code(self.query_one("#retype", Input).value)
            except MistypedRecoveryCode:
                typed = None
            if typed != self._key:
                error.update(t("recovery.mismatch"))
                return
            self.start()
        elif self.step == "resume":
            self.start()
        elif self.step in ("done", "notice"):
            self.app.pop_screen()

    # Workers are named without their arguments: those are passphrases.
    @work(thread=True, exclusive=True, group="rekey", description="check passphrase")
    def check_passphrase(self, passphrase: str) -> None:
        try:
            Vault.unlock(self.app.vault_path, passphrase)  # type: ignore[attr-defined]
        except WrongPassphrase:
            self.app.call_from_thread(self.passphrase_refused, t("rekey.wrong_passphrase"))
            return
        except JournalError as error:
            self.app.call_from_thread(self.passphrase_refused, describe(error))
            return
        self.app.call_from_thread(self.passphrase_accepted, passphrase)

    def passphrase_refused(self, message: str) -> None:
        self.query_one("#error", Static).update(message)
        self.query_one("#passphrase", Input).value = ""
        self.show_step("passphrase")

    def passphrase_accepted(self, passphrase: str) -> None:
        self._passphrase = passphrase
        self.query_one("#passphrase", Input).value = ""
        self.show_step("code")

    def start(self) -> None:
        self.query_one("#status", Static).update(t(f"rekey.busy.{self.mode}"))
        self.show_step("busy")
        self.run_rekey()

    @work(thread=True, exclusive=True, group="rekey", description="rekey")
    def run_rekey(self) -> None:
        app = self.app
        journal = app.journal  # type: ignore[attr-defined]
        vault = journal.vault
        try:
            if self.mode == "code":
                vault.replace_recovery_code(self._key)
                count = 0
            else:
                vault.begin_rekey(self._passphrase, self._key)
                report = vault.reencrypt_items(
                    lambda done, total: app.call_from_thread(self.show_progress, done, total))
                from ..bundle.findings_cache import forget

                # The bundle review's findings are sealed under the old key: forgotten, with
                # no idle scan saving them again in between (it saves under this lock).
                with app.idle_scan.lock:  # type: ignore[attr-defined]
                    vault.finish_rekey()
                    journal.rekeyed()
                    forget(app.cache_dir, vault.vault_id)  # type: ignore[attr-defined]
                count = report.reencrypted
        except JournalError as error:
            app.call_from_thread(self.failed, describe(error))
            return
        finally:
            self._passphrase = ""
        app.call_from_thread(self.finished, count)

    def show_progress(self, done: int, total: int) -> None:
        self.query_one("#progress", ProgressBar).update(total=total, progress=done)
        self.app.last_activity = self.app.clock()  # type: ignore[attr-defined]

    def failed(self, message: str) -> None:
        self.query_one("#error", Static).update(message)
        self.show_step("resume" if self.mode == "rekey" else "passphrase")

    def finished(self, count: int) -> None:
        done = tn("rekey.done.rekey", count) if self.mode == "rekey" else t("rekey.done.code")
        self.query_one("#status", Static).update(done)
        self.show_step("done")

    def action_back(self) -> None:
        if not self.busy:
            self.app.pop_screen()
