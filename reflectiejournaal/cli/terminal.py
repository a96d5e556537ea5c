"""Reading secrets and text for the command line: the terminal, a file, or a descriptor.

Passphrases never come from argv or the environment (both are visible to other processes and
end up in shell history). The terminal is read through ``getpass``, which opens ``/dev/tty``
so that standard input stays free for the entry body.
"""

from __future__ import annotations

import argparse
import getpass
import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..controls import visible_controls
from ..vault.fsutil import os_reason
from ..locale import reason, t

TERMINAL_ATTEMPTS = 3


class InputProblem(Exception):
    """Input that cannot be had; the message is ready to show."""


def positive_number(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(t("cli.bad_positive", value=text))
    return value


def has_terminal() -> bool:
    try:
        with open("/dev/tty", "rb"):
            return True
    except OSError:
        return False


def read_secret_file(path: Path) -> str:
    """The first line of a file, without its line ending. A file others on this computer may
    read is used, with a word about it (a script's setup is the user's to fix)."""
    try:
        text = Path(path).read_text("utf-8")
        mode = os.stat(path).st_mode
    except (OSError, UnicodeDecodeError) as exc:
        raise InputProblem(t("cli.bad_passphrase_source", source=path, reason=_why(exc))) from None
    if stat.S_ISREG(mode) and mode & 0o077:
        print(t("cli.passphrase_file_open", path=path), file=sys.stderr)
    return _first_line(text, str(path))


def read_secret_fd(fd: int) -> str:
    """The first line read from an open file descriptor (a pipe from a password manager)."""
    try:
        with os.fdopen(fd, "rb", closefd=False) as handle:
            text = handle.readline().decode("utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputProblem(t("cli.bad_passphrase_source", source=f"fd {fd}", reason=_why(exc))) from None
    return _first_line(text, f"fd {fd}")


def _why(exc: Exception) -> str:
    if isinstance(exc, OSError):
        return reason(os_reason(exc))
    return reason("not_utf8") if isinstance(exc, UnicodeDecodeError) else type(exc).__name__


def _first_line(text: str, source: str) -> str:
    line = text.split("\n", 1)[0].removesuffix("\r")
    if not line:
        raise InputProblem(t("cli.bad_passphrase_source", source=source, reason=reason("empty")))
    return line


class VisibleControls:
    """A stream to a terminal that writes the control characters in any text as visible
    escapes (:mod:`controls`): an entry or a client name from outside never moves the cursor,
    clears the screen or writes the clipboard. The program's own sequences go to the stream
    beneath (:func:`passing_screen`)."""

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.beneath = stream

    def write(self, text: str) -> int:
        return int(self.beneath.write(visible_controls(text)))

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.beneath, name)


def unguarded(stream):  # type: ignore[no-untyped-def]
    """The stream beneath :class:`VisibleControls`, for the program's own control characters
    (a progress line's carriage return), never for text from the vault."""
    return getattr(stream, "beneath", stream)


def guard_terminal() -> None:
    """Standard output and error, where they are a terminal, through :class:`VisibleControls`."""
    if sys.stdout.isatty():
        sys.stdout = VisibleControls(sys.stdout)  # type: ignore[assignment]
    if sys.stderr.isatty():
        sys.stderr = VisibleControls(sys.stderr)  # type: ignore[assignment]


@contextmanager
def passing_screen() -> Iterator[None]:
    """The terminal's alternate screen, as full-screen programs use: what is shown on it is
    not kept in the scrollback once it is left (also when interrupted)."""
    out = unguarded(sys.stdout)  # our own sequences, not escaped
    out.write("\x1b[?1049h\x1b[H")
    out.flush()
    try:
        yield
    finally:
        out.write("\x1b[2J\x1b[?1049l")
        out.flush()


ASK = "-"
# What may name a client, and so is better typed than given as an argument (which ``ps`` and
# the shell's history keep): the value "-" asks for it.
ASKABLE = ("title", "note", "name", "supervisor", "supervisant", "nickname", "query", "tag")  # a tag
# like "#bakker" names a client as well as a title does


def fill_in_asked(args: object) -> None:
    """Replace every "-" among the askable arguments by a line typed at a prompt."""
    for attribute in ASKABLE:
        label = t(f"cli.ask.{attribute}")
        value = getattr(args, attribute, None)
        if value == ASK:
            setattr(args, attribute, ask_line(label))
        elif isinstance(value, list) and ASK in value:
            typed = [ask_line(label) if v == ASK else v for v in value]
            setattr(args, attribute, " ".join(typed).split() if attribute == "query" else typed)


def ask_line(label: str) -> str:
    """A line typed at a prompt on the terminal; without one, the next line of standard input."""
    try:  # two handles: a terminal is not seekable, so Python refuses one text handle in "r+"
        with open("/dev/tty", "w", encoding="utf-8") as out, \
                open("/dev/tty", encoding="utf-8") as tty:
            out.write(t("cli.prompt.asked", what=label))
            out.flush()
            line = tty.readline()
    except OSError:  # no terminal; bytes, so that what follows stays for read_body
        line = sys.stdin.buffer.readline().decode("utf-8", "replace")
    text = line.strip()
    if not text:
        raise InputProblem(t("cli.empty_input"))
    return text


def ask_secret(prompt_key: str) -> str:
    if not has_terminal():
        raise InputProblem(t("cli.no_terminal"))
    return getpass.getpass(t(prompt_key))


def ask_new_passphrase() -> str:
    """A new passphrase typed twice on the terminal, long enough, identical both times."""
    from ..vault.strength import strong_enough  # zxcvbn's dictionaries: only when one is chosen

    for _ in range(TERMINAL_ATTEMPTS):
        first = ask_secret("cli.prompt.new_passphrase")
        if not strong_enough(first):
            print(t("cli.passphrase_too_weak"), file=sys.stderr)
            continue
        if ask_secret("cli.prompt.repeat_passphrase") == first:
            return first
        print(t("cli.passphrase_mismatch"), file=sys.stderr)
    raise InputProblem(t("cli.passphrase_mismatch"))


def check_new_passphrase(passphrase: str) -> str:
    """The app's bar (zxcvbn score ≥ 2), also for a passphrase read from a file."""
    from ..vault.strength import strong_enough

    if not strong_enough(passphrase):
        raise InputProblem(t("cli.passphrase_too_weak"))
    return passphrase


def read_body(optional: bool = False) -> str | None:
    """The entry text from standard input, with a hint when a person is typing it.

    ``optional``: None when there is none (a terminal, or empty input) instead of refusing."""
    if sys.stdin.isatty():
        if optional:
            return None
        print(t("cli.prompt.body"), file=sys.stderr)
    data = sys.stdin.buffer.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputProblem(t("error.invalid_entry", reason=t("reason.not_utf8"))) from None
    if not text.strip():
        if optional:
            return None
        raise InputProblem(t("cli.empty_input"))
    return text


def confirm(prompt: str) -> bool:
    """Ask a yes/no question on the terminal; anything but j/ja/y/yes is no."""
    # Two handles: a terminal is not seekable, so Python refuses one text handle in "r+".
    with open("/dev/tty", "w", encoding="utf-8") as out, open("/dev/tty", encoding="utf-8") as tty:
        out.write(prompt)
        out.flush()
        answer = tty.readline().strip().lower()
    return answer in ("j", "ja", "y", "yes")


def check_may_write(path: Path, overwrite: bool) -> None:
    """An output file the user named: never silently over an existing one. Asked on the
    terminal, or ``--overwrite``; checked before the passphrase is asked."""
    if path.is_dir():
        raise InputProblem(t("cli.out_is_folder", path=path))
    if not path.exists() or overwrite:
        return
    if sys.stdin.isatty() and has_terminal() and confirm(t("cli.prompt.overwrite", path=path)):
        return
    raise InputProblem(t("cli.out_exists", path=path))


def ask_or_read_stdin(prompt_key: str) -> str:
    """Asked on the terminal when a person is typing; else the first line of standard input."""
    if sys.stdin.isatty():
        return ask_secret(prompt_key)
    return sys.stdin.readline().strip()
