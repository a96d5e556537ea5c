"""The Textual app: screens, bindings, command palette, theme and the idle lock. Nothing else.

Everything that touches files or keys happens in the domain (``journal.py`` and below); the
screens call it, slow work (key derivation) runs in thread workers.
"""

from __future__ import annotations

import codecs
import datetime as dt
import time
from functools import partial
from collections.abc import Callable
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from ..vault.crypto import KdfParams
from ..drafts import Draft
from ..errors import JournalError
from ..journal import Journal
from ..locale import (current_language, describe_prompt_problem, remember_language,
                      remembered_language, t, tn)
from ..prompts import PromptLibrary, load_library
from ..settings import Settings
from ..vault.store import Vault
from ..widgets.textual_words import in_the_users_language
from .idle_scan import CHECK_SECONDS, IdleScan
from .navigation import Navigation
from .safety import Safety

IDLE_CHECK_SECONDS = 15
PICK_UP_SECONDS = 2.0  # how soon a text written beside the app shows in it
AUTOSAVE_SECONDS = 3.0
PAUSE_SAVE_SECONDS = 0.6  # a pause in typing this long writes the draft


def _tolerate_stray_bytes() -> None:
    """A byte that is not UTF-8 (a Latin-1 paste, a terminal's meta key) becomes one "�"
    instead of ending the session: Textual's terminal driver decodes its input strictly."""
    try:
        from textual.drivers import linux_driver
    except ImportError:  # not a POSIX terminal
        return

    def replacing(encoding: str) -> Callable[[], codecs.IncrementalDecoder]:
        return partial(codecs.getincrementaldecoder(encoding), errors="replace")

    linux_driver.getincrementaldecoder = replacing  # type: ignore[assignment]

class ReflectieApp(Safety, Navigation, App[None]):
    """reflectiejournaal in the terminal."""

    CSS_PATH = "app.tcss"
    TITLE = t("app.title")
    # A small laptop terminal (80×24) gets one-line fields and buttons and stacked panes; the
    # stylesheet keys on these classes (set on every screen by Textual).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        Binding("f1", "help", t("app.binding.help"), id="help"),
        Binding("ctrl+l", "lock", t("app.binding.lock"), id="lock"),
        Binding("ctrl+q", "quit", t("app.binding.quit"), id="quit", priority=True),
        Binding("ctrl+p", "command_palette", t("app.binding.palette"), id="palette",
                show=False, priority=True),
        # Textual lets Tab travel through the focused field's queue, and every key after it
        # is handed to that same (old) field: typed fast after Tab ("Tab 7-1-2026", a paste),
        # they were lost. Moving the focus at once sends them to the new field.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    def __init__(
        self,
        vault_path: Path,
        cache_dir: Path | None,
        config_dir: Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        kdf: Callable[[], KdfParams] | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        state_dir: Path | None = None,
        writing: tuple[Vault, Draft] | None = None,
    ) -> None:
        """``clock`` and ``kdf`` exist for tests (a fake clock, a cheap key derivation); the
        command line never passes a ``kdf``, so a user's vault is always calibrated.

        ``writing``: ``reflectiejournaal new`` or ``edit`` in a terminal, unlocked already:
        the app opens on that draft in its writer and ends when the writer closes, with the
        saved entry's id as its result (never a plaintext temporary file for ``$EDITOR``)."""
        super().__init__()
        self.writing = writing
        self.saved_id: str | None = None
        self.changed_elsewhere: str | None = None  # why the text was kept beside another
        self.draft_kept = False
        _tolerate_stray_bytes()
        in_the_users_language()
        self.kdf = kdf
        self.copied = False  # something went to the clipboard since the last lock
        self.today = today
        self.autosave_seconds = AUTOSAVE_SECONDS
        self.pause_save_seconds = PAUSE_SAVE_SECONDS
        self.vault_path = vault_path
        self.cache_dir = cache_dir
        self.state_dir = state_dir  # what this device saw of the vault (see seen.py)
        self.config_dir = config_dir
        self.clock = clock
        self.journal: Journal | None = None
        self.writing_when_locked: str | None = None  # the draft to return to after unlock
        self.settings = Settings()
        self.library: PromptLibrary = load_library(
            config_dir / "vragensets" if config_dir else None, current_language())
        self.last_activity = clock()
        self.idle_scan = IdleScan(self)  # the bundle review's scan, done while nobody types

    # -- start and lock ---------------------------------------------------------------------
    def on_mount(self) -> None:
        self._catch_ending_signals()
        self._apply_keymap()
        for problem in self.library.problems:
            self.notify(t("app.prompt_problem", problem=describe_prompt_problem(problem)),
                        severity="warning", timeout=15, markup=False)
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_when_idle)
        self.set_interval(PICK_UP_SECONDS, self.pick_up_changes)
        self.set_interval(CHECK_SECONDS, self.idle_scan.check)
        if self.writing is not None:
            vault, draft = self.writing
            self.push_screen(self._lock_screen())
            self.unlocked(vault)
            self.write(draft)
            return
        self.push_screen(self._lock_screen())

    def _lock_screen(self) -> Screen:
        from ..screens.create import CreateScreen
        from ..screens.unlock import UnlockScreen

        return UnlockScreen() if Vault.exists(self.vault_path) else CreateScreen()

    def unlocked(self, vault: Vault) -> None:
        """Called by the unlock and create screens once the vault key is in hand."""
        from ..screens.dashboard import DashboardScreen

        if self.writing is None:  # one app at a time; commands (and `new` at a terminal)
            vault.acquire_session()  # write beside it
        self.journal = Journal(vault, self.cache_dir, self.state_dir)
        self.settings = self.journal.settings()
        self.remember_language()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        self.last_activity = self.clock()
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(DashboardScreen())
        self.refresh_bindings()  # Ctrl+L is offered now
        self._back_to_writing()

    def remember_language(self) -> None:
        """The settings' language, kept on this device for the next start: Textual fixes the
        words of a screen's keys when the screen is first loaded, so it is chosen before."""
        if self.state_dir is not None and self.settings is not None \
                and self.settings.language != remembered_language(self.state_dir):
            try:
                remember_language(self.state_dir, self.settings.language)
            except (OSError, JournalError):
                pass  # the next start follows the computer's language: nothing is lost

    def _back_to_writing(self) -> None:
        """After the idle lock, the user is back in the text they were writing."""
        draft_id, self.writing_when_locked = self.writing_when_locked, None
        draft = next((d for d in self.journal.drafts() if d.id == draft_id), None)  # type: ignore[union-attr]
        if draft is not None:
            self.write(draft)

    def action_lock(self) -> None:
        self.lock()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Locking is offered only while the vault is open."""
        return self.journal is not None if action == "lock" else True

    def lock(self) -> bool:
        """Drop the keys and go back to the lock screen; unsaved text is kept as a draft.

        False when there was nothing to lock, or a rekey is re-encrypting (it needs the keys
        until it is done; the idle lock tries again later)."""
        if self.journal is None:
            return False
        if self.busy():
            return False
        writers = self._writers()
        for screen in writers:
            screen.save_draft_now()
        # Only its id: the text stays in the vault.
        self.writing_when_locked = writers[0].draft.id if writers else None
        journal, self.journal = self.journal, None
        journal.close()
        self._clear_clipboard()  # what was copied from an entry does not outlast the lock
        while len(self.screen_stack) > 2:
            self.pop_screen()
        self.switch_screen(self._lock_screen())
        self.refresh_bindings()
        return True

    def busy(self) -> bool:
        """A screen at work with the keys (a rekey re-encrypting): no lock, no idle scan."""
        return any(getattr(screen, "busy", False) is True for screen in self.screen_stack)

    def lock_when_idle(self) -> None:
        if self.journal is not None and self.journal.vault.header_changed():
            # Another device changed the passphrase or the key: this session's keys write
            # what the others cannot read (or read under the old key). Drafts are kept.
            if self.lock():
                self.notify(t("app.header_changed"), severity="warning", timeout=30)
            return
        minutes = self.settings.idle_minutes
        if self.journal is not None and minutes and self.clock() - self.last_activity >= minutes * 60:
            if self.lock():
                self.notify(tn("app.locked", minutes, minutes=minutes), timeout=30)

    def writer_closed(self, draft: Draft, saved_id: str | None,
                      changed_elsewhere: str | None = None) -> None:
        """The writer screen is gone (saved, kept as a draft, thrown away); the app opened
        for one piece of writing from the command line ends with it, and says which."""
        if self.writing is not None and draft.id == self.writing[1].id:
            self.saved_id = saved_id
            self.changed_elsewhere = changed_elsewhere
            journal = self.journal
            self.draft_kept = journal is not None and any(
                d.id == draft.id for d in journal.drafts())
            self.exit()

    def pick_up_changes(self) -> None:
        """Entries written beside the app (the command line, a sync tool) appear without a
        restart: the screen shown is told, if it shows what the journal holds."""
        journal = self.journal
        if journal is None or not journal.folder_changed():
            return
        if journal.refresh():
            show = getattr(self.screen, "show_changes", None)
            if callable(show):
                show()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown,
                              events.MouseScrollUp, events.Paste)):
            self.last_activity = self.clock()
        await super().on_event(event)

    async def action_quit(self) -> None:
        """Ctrl+Q: what was typed since the last autosave is kept as a draft first (by the
        time the app unmounts, its screens and their text are gone)."""
        self.after_typed_keys(self._quit_keeping_drafts)

    # -- navigation (also the command palette) -------------------------------------------------

    # -- moving between screens: they never import each other, the app knows them all -----

    # -- remappable keys -----------------------------------------------------------------------
