"""The Textual app: screens, bindings, command palette, theme and the idle lock. Nothing else.

Everything that touches files or keys happens in the domain (``journal.py`` and below); the
screens call it, slow work (key derivation) runs in thread workers.
"""

from __future__ import annotations

import asyncio
import codecs
import datetime as dt
import os
import signal
import threading
import time
import tomllib
from functools import partial
from importlib import import_module
from collections.abc import Callable, Iterable
from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import WorkerFailed

from .vault.crypto import KdfParams
from .drafts import Draft
from .errors import JournalError
from .trajectory import Trajectory
from .journal import Journal
from .locale import current_language, describe_prompt_problem, remember_language, t, tn
from .prompts import PromptLibrary, load_library
from .settings import Settings
from .vault.store import Vault
from .widgets.textual_words import in_the_users_language

IDLE_CHECK_SECONDS = 15
PICK_UP_SECONDS = 2.0  # how soon a text written beside the app shows in it
AUTOSAVE_SECONDS = 3.0
PAUSE_SAVE_SECONDS = 0.6  # a pause in typing this long writes the draft
# A closed terminal, a shutdown, an interrupt from outside (Ctrl+C is a key in the app).
ENDING_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
SHUTDOWN_GRACE_SECONDS = 2.0


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


class ReflectieApp(App[None]):
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

    # -- start and lock ---------------------------------------------------------------------
    def on_mount(self) -> None:
        self._catch_ending_signals()
        self._apply_keymap()
        for problem in self.library.problems:
            self.notify(t("app.prompt_problem", problem=describe_prompt_problem(problem)),
                        severity="warning", timeout=15, markup=False)
        self.set_interval(IDLE_CHECK_SECONDS, self.lock_when_idle)
        self.set_interval(PICK_UP_SECONDS, self.pick_up_changes)
        if self.writing is not None:
            vault, draft = self.writing
            self.push_screen(self._lock_screen())
            self.unlocked(vault)
            self.write(draft)
            return
        self.push_screen(self._lock_screen())

    def _lock_screen(self) -> Screen:
        from .screens.create import CreateScreen
        from .screens.unlock import UnlockScreen

        return UnlockScreen() if Vault.exists(self.vault_path) else CreateScreen()

    def unlocked(self, vault: Vault) -> None:
        """Called by the unlock and create screens once the vault key is in hand."""
        from .screens.dashboard import DashboardScreen

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
        if self.state_dir is not None and self.settings is not None:
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
        if any(getattr(screen, "busy", False) is True for screen in self.screen_stack):
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

    def on_unmount(self) -> None:
        self._close_keeping_drafts()
        loop = asyncio.get_running_loop()
        for sig in ENDING_SIGNALS:
            loop.remove_signal_handler(sig)

    def _catch_ending_signals(self) -> None:
        """What is on screen and not yet autosaved is kept as an encrypted draft when the
        terminal is closed or the app is told to stop; by default those end it at once."""
        loop = asyncio.get_running_loop()
        for sig in ENDING_SIGNALS:
            try:
                loop.add_signal_handler(sig, self._ended_by_signal, sig)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread
                pass

    def _ended_by_signal(self, sig: int) -> None:
        self._close_keeping_drafts()
        if not self.is_headless:
            # The drafts are saved. Restoring a terminal that was closed can block for ever in
            # Textual's writer thread (seen: a full queue nobody empties): give the orderly
            # way out a moment, then end regardless.
            watchdog = threading.Timer(SHUTDOWN_GRACE_SECONDS, os._exit, args=(128 + sig,))
            watchdog.daemon = True
            watchdog.start()
        self.exit(return_code=128 + sig)

    def _close_keeping_drafts(self) -> None:
        if self.journal is not None:
            self._keep_drafts()
            self.journal.close()
            self.journal = None

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        pass

    def save_screenshot(self, filename: str | None = None, path: str | None = None,
                        time_format: str | None = None) -> str:
        raise PermissionError("reflectiejournaal writes no screenshots")

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        return None

    def notify(self, message: str, *, title: str = "", severity: str = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notification is plain text: it carries titles, names and paths the user
        typed ("[naam]", "[/]"), which Textual would read as markup (swallowed, or a crash)."""
        super().notify(message, title=title, severity=severity, timeout=timeout,  # type: ignore[arg-type]
                       markup=False)

    def copy_to_clipboard(self, text: str) -> None:
        self.copied = True
        super().copy_to_clipboard(text)

    def after_typed_keys(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the keys typed before a shortcut are in their field.

        Textual hands each key to the focused widget's own queue, while a priority shortcut
        (Ctrl+Q, the writer's Ctrl+N …) runs at once: after a burst (a paste, a fast typist)
        the last words were still queued, and were lost or landed in the next question.
        Queued behind them, the callback sees every word."""
        (self.focused or self.screen).call_later(callback)

    async def action_quit(self) -> None:
        """Ctrl+Q: what was typed since the last autosave is kept as a draft first (by the
        time the app unmounts, its screens and their text are gone)."""
        self.after_typed_keys(self._quit_keeping_drafts)

    def _quit_keeping_drafts(self) -> None:
        if self.journal is not None:
            self._keep_drafts()
        self._clear_clipboard()
        self.exit()

    def _clear_clipboard(self) -> None:
        """Overwrite what was copied from an entry (tmux ignores an empty copy: a space)."""
        if self.copied:
            super().copy_to_clipboard(" ")
            self.copied = False

    def _keep_drafts(self) -> None:
        """Save what is being written as encrypted drafts, each screen on its own: one that
        fails (the cause of a crash, say) does not keep the others from being saved."""
        for screen in self._writers():
            try:
                screen.save_draft_now()
            except Exception:  # noqa: BLE001 - a crash is already under way; keep going
                pass

    def _writers(self) -> list:
        """The screens holding text being written, the topmost first."""
        return [s for s in reversed(self.screen_stack) if hasattr(s, "save_draft_now")]

    def panic(self, *renderables: object) -> None:
        """Textual's last resort (its input thread died, say): like any unexpected error,
        drafts kept, the kind of error only (its traceback shows the code around it), exit 1."""
        from rich.traceback import Traceback

        trace = renderables[0].trace if renderables and isinstance(renderables[0], Traceback) else None
        self._end_unexpectedly(trace.stacks[-1].exc_type if trace and trace.stacks else "panic")

    def _handle_exception(self, error: Exception) -> None:
        """An unexpected error ends the app like the command line: the kind of error only.

        Textual's own handler prints the traceback with every local variable — the
        passphrase, the keys, the text of an entry — into the terminal's scrollback.
        """
        if self._exception is None:  # Pilot re-raises it in tests
            self._exception = error
            self._exception_event.set()
        self.bell()
        cause = error.error if isinstance(error, WorkerFailed) else error
        self._end_unexpectedly(type(cause).__name__)

    def _end_unexpectedly(self, kind: str) -> None:
        """Drafts kept, the kind of error shown and nothing else, exit 1."""
        self._return_code = 1
        if self.journal is not None:
            self._keep_drafts()
        self._exit_renderables.append(Text(t("app.unexpected", kind=kind)))
        self._close_messages_no_wait()

    # -- navigation (also the command palette) -------------------------------------------------
    def action_help(self) -> None:
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_write(self, kind: str) -> None:
        """A casus or reflection is for a meeting (the next, the last); other kinds ask."""
        from .screens.start_writing import choose_and_write, write_next

        if self.journal is None:
            return
        if kind in ("case", "reflection"):
            write_next(self, kind)
        else:
            choose_and_write(self, kind)

    def action_new_trajectory(self) -> None:
        self._open_when_unlocked("trajectory_form", "TrajectoryFormScreen")

    def action_entries(self) -> None:
        self._open_when_unlocked("entries", "EntriesScreen")

    def action_intentions(self) -> None:
        self._open_when_unlocked("intentions", "IntentionsScreen")

    def action_hours(self) -> None:
        self._open_when_unlocked("hours", "HoursScreen")

    def action_bundle(self) -> None:
        self._open_when_unlocked("bundle", "BundleScreen")

    def action_clients(self) -> None:
        self._open_when_unlocked("clients", "ClientsScreen")

    def action_search(self) -> None:
        self._open_when_unlocked("search", "SearchScreen")

    def action_timeline(self) -> None:
        self._open_when_unlocked("timeline", "TimelineScreen")

    def action_review(self) -> None:
        self._open_when_unlocked("review", "ReviewScreen")

    def action_settings(self) -> None:
        self._open_when_unlocked("settings", "SettingsScreen")

    # -- moving between screens: they never import each other, the app knows them all -----
    def open_entry(self, entry_id: str, instead: bool = False) -> None:
        """``instead``: in place of the current screen (the writer that saved it)."""
        from .screens.entry import EntryScreen

        (self.switch_screen if instead else self.push_screen)(EntryScreen(entry_id))

    def write(self, draft: Draft) -> None:
        from .screens.write import WriteScreen

        self.push_screen(WriteScreen(draft))

    def open_trajectory(self, trajectory_id: str, instead: bool = False) -> None:
        """``instead``: in place of the current screen (the form that made it)."""
        from .screens.trajectory import TrajectoryScreen

        (self.switch_screen if instead else self.push_screen)(TrajectoryScreen(trajectory_id))

    def edit_trajectory(self, trajectory: Trajectory) -> None:
        from .screens.trajectory_form import TrajectoryFormScreen

        self.push_screen(TrajectoryFormScreen(trajectory))

    def _open_when_unlocked(self, module: str, name: str) -> None:
        """Push ``screens.<module>.<name>()``; screens are imported on first use (fast start)."""
        if self.journal is not None:
            screen_class = getattr(import_module(f".screens.{module}", __package__), name)
            self.push_screen(screen_class())

    def action_command_palette(self) -> None:
        from textual.command import CommandPalette

        from .widgets.palette import Palette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(Palette())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every command once, in Dutch. Textual's own (Quit, Keys, Theme, Screenshot …) are
        not offered: quitting and the theme are here in Dutch, and Screenshot writes the screen,
        entry text and all, as a world-readable SVG to ~/Downloads (refused above too)."""
        keys = {}  # app action → the key of the current screen that runs it
        for key, active in screen.active_bindings.items():
            keys.setdefault(active.binding.action.removeprefix("app."), key)
        commands = [("help", t("app.cmd.help"), t("app.cmd.help.help"), self.action_help)]
        if self.journal is not None:
            commands += [(action, t(f"app.cmd.{name}"), t(f"app.cmd.{name}.help"), run)
                         for action, name, run in self._journal_commands()]
        commands += [
            ("settings", t("app.cmd.theme"), t("app.cmd.theme.help"), self.action_settings),
            ("quit", t("app.cmd.quit"), t("app.cmd.quit.help"), self.action_quit),
        ]
        offered = set()
        for action, title, help_text, run in commands:
            key = keys.get(action)
            offered.add(action)
            yield SystemCommand(title, f"{help_text} · {t('app.cmd.key', key=key)}" if key
                                else help_text, run)
        # The current screen's own keys (next question, save, edit, delete …) that are not
        # one of the commands above.
        seen = {title for _, title, _, _ in commands}
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not (active.enabled and binding.show and binding.description) or (
                binding.description in seen or active.node is self
                or binding.action.removeprefix("app.") in offered
            ):
                continue
            seen.add(binding.description)
            yield SystemCommand(binding.description, t("app.cmd.key", key=key),
                                partial(self._run_binding, active.node, binding.action))

    def _journal_commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(action as bound to keys, catalogue name, what runs) of what needs an open vault."""
        return [
            ("write('case')", "case", lambda: self.action_write("case")),
            ("write('reflection')", "reflection", lambda: self.action_write("reflection")),
            ("write('')", "new", lambda: self.action_write("")),
            ("entries", "entries", self.action_entries),
            ("new_trajectory", "trajectory", self.action_new_trajectory),
            ("intentions", "intentions", self.action_intentions),
            ("hours", "hours", self.action_hours),
            ("bundle", "bundle", self.action_bundle),
            ("search", "search", self.action_search),
            ("timeline", "timeline", self.action_timeline),
            ("review", "review", self.action_review),
            ("clients", "clients", self.action_clients),
            ("settings", "settings", self.action_settings),
            ("lock", "lock", self.lock),
        ]

    def _run_binding(self, node: object, action: str) -> None:
        self.call_later(self.run_action, action, node)

    # -- remappable keys -----------------------------------------------------------------------
    def _apply_keymap(self) -> None:
        """``<config>/toetsen.toml`` maps binding ids to keys, e.g. ``lock = "ctrl+k"``."""
        if self.config_dir is None:
            return
        path = self.config_dir / "toetsen.toml"
        if not path.is_file():
            return
        try:
            keymap = tomllib.loads(path.read_text("utf-8"))
            if not all(isinstance(v, str) for v in keymap.values()):
                raise ValueError("keys must be text")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, ValueError) as exc:
            self.notify(t("app.keymap_problem", path=path, problem=exc), severity="warning",
                        markup=False)
            return
        self.set_keymap(keymap)
