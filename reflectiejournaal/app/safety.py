"""What the app does so that nothing is lost and nothing leaks: on a signal, a crash, a
screenshot or the clipboard."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable

from rich.text import Text
from textual.worker import WorkerFailed

from ..locale import t

# A closed terminal, a shutdown, an interrupt from outside (Ctrl+C is a key in the app).
ENDING_SIGNALS = (signal.SIGHUP, signal.SIGTERM, signal.SIGINT)
SHUTDOWN_GRACE_SECONDS = 2.0


class Safety:
    """Part of :class:`ReflectieApp`: drafts kept on every way out, no screenshots, the
    clipboard cleared, an unexpected error told without the journal's text."""

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
