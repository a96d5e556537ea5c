"""Commands for the vault and its keys: init, passwd, recover, rekey, recovery-code, unlock, lock."""

from __future__ import annotations

import argparse
from collections.abc import Callable
import sys
from pathlib import Path

from . import terminal as cli_input
from .exit_codes import EXIT_DAMAGED
from .paths import cache_dir, state_dir
from ..errors import (
    MistypedRecoveryCode,
    UnfinishedRekey,
)
from ..journal import Journal
from ..locale import t
from ..vault.recovery import format_recovery_code, new_recovery_key, parse_recovery_code
from ..vault.agent import MAX_MINUTES, AgentUnavailable, start_agent, stop_agent
from ..vault.store import Vault
from .common import add_command, given_passphrase, say, say_n, unlock, unlock_with_passphrase


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add_command(commands, common, "init")
    for name in ("passwd", "recover"):
        add_command(commands, common, name).add_argument(
            "--new-passphrase-file", type=Path, help=t("cli.opt.new_passphrase_file"))
    add_command(commands, common, "rekey").add_argument(
        "--replace-unfinished", action="store_true", help=t("cli.opt.replace_unfinished"))
    add_command(commands, common, "recovery-code")
    add_command(commands, common, "unlock").add_argument(
        "--minutes", type=cli_input.positive_number, default=30, metavar="N",
        help=t("cli.opt.minutes"))
    add_command(commands, common, "lock")


# -- commands ------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    Vault.check_new_location(args.vault)  # before a passphrase or herstelcode is asked
    given = given_passphrase(args)
    passphrase = (
        cli_input.check_new_passphrase(given) if given is not None else cli_input.ask_new_passphrase()
    )
    recovery_key = new_recovery_key()
    say("cli.calibrating")
    # The header is on disk (written durably) before its herstelcode is shown: a code is
    # never shown for a vault that could not be made ("init --vault /proc/foo").
    vault, _ = Vault.create(args.vault, passphrase, recovery_key=recovery_key)
    vault.release_lock()
    _show_recovery_code(recovery_key)
    say("cli.created", path=args.vault)
    return 0


def _show_recovery_code(recovery_key: bytes) -> None:
    """The herstelcode of ``recovery_key``, shown once (and retyped where a person is at the
    screen)."""
    code = format_recovery_code(recovery_key)
    # By the terminal, not by stdin: a passphrase piped in (--passphrase-fd 0) still has a
    # person at the screen, whose scrollback must not keep the code.
    if sys.stdout.isatty() and cli_input.has_terminal():
        # On a screen of its own, gone once retyped: not left in the terminal's scrollback.
        with cli_input.passing_screen():
            say("cli.recovery_intro")
            print(code, flush=True)
            while _typed_key(cli_input.ask_secret("cli.prompt.retype_recovery")) != recovery_key:
                say("cli.recovery_retype_mismatch")
        say("cli.recovery_cleared")
    else:  # a script asked for it: the code goes where its output goes
        say("cli.recovery_intro")
        print(code, flush=True)


def _typed_key(text: str) -> bytes | None:
    try:
        return parse_recovery_code(text)
    except MistypedRecoveryCode:
        return None


def _new_passphrase(args: argparse.Namespace) -> str:
    if args.new_passphrase_file is not None:
        return cli_input.check_new_passphrase(cli_input.read_secret_file(args.new_passphrase_file))
    return cli_input.ask_new_passphrase()


def _set_new_passphrase(vault: Vault, args: argparse.Namespace) -> None:
    """Take the lock, ask the new passphrase, rewrap the vault key under it."""
    vault.acquire_lock()
    try:
        new = _new_passphrase(args)
        say("cli.calibrating")
        vault.change_passphrase(new)
    finally:
        vault.release_lock()


def cmd_passwd(args: argparse.Namespace) -> int:
    _set_new_passphrase(unlock(args, agent=False), args)
    say("cli.passphrase_changed")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    Vault.read_header(args.vault)
    code = cli_input.ask_or_read_stdin("cli.prompt.recovery_code")
    # A typo is caught here, before any key work.
    _set_new_passphrase(Vault.recover(args.vault, code), args)
    say("cli.recovered")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    """A new vault key: old headers, the old passphrase and the old herstelcode open nothing
    written from now on. Resumes a rekey that was interrupted."""
    vault, passphrase = unlock_with_passphrase(args)
    vault.acquire_lock()
    try:
        journal = Journal(vault, cache_dir(), state_dir())
        if any(a.kind == "old_key" for a in journal.anomalies):
            # Re-encrypting would make a forgery under an old key look like the user's own.
            raise cli_input.InputProblem(t("cli.rekey_old_key_first"))
        if vault.rekey_pending:
            say("cli.rekey_resuming")
        else:
            if vault.rekey_unopened and not args.replace_unfinished:
                raise UnfinishedRekey()
            say("cli.rekey_intro")
            # Shown and retyped before anything is written: a retype broken off changes
            # nothing (a rekey begun would finish later under a code never confirmed); a
            # write that then fails is said, and the old code still opens the vault.
            recovery_key = new_recovery_key()
            _show_recovery_code(recovery_key)
            vault.begin_rekey(passphrase, recovery_key, args.replace_unfinished)
        say("cli.rekey_busy")
        report = vault.reencrypt_items()
        vault.finish_rekey()
        journal.rekeyed()  # the cache and the device's memory too
        from ..bundle.findings_cache import forget

        forget(cache_dir(), vault.vault_id)  # the bundle review's findings, sealed under the old key
    finally:
        vault.release_lock()
    for name in report.unreadable:
        say("cli.rekey_unreadable", name=name)
    for name in report.left_old:
        say("cli.rekey_left_old", name=name)
    say_n("cli.rekeyed", report.reencrypted)
    return EXIT_DAMAGED if report.unreadable else 0


def cmd_recovery_code(args: argparse.Namespace) -> int:
    vault = unlock(args, agent=False)
    vault.acquire_lock()
    try:
        recovery_key = new_recovery_key()
        _show_recovery_code(recovery_key)  # confirmed first, as for rekey
        vault.replace_recovery_code(recovery_key)
    finally:
        vault.release_lock()
    say("cli.recovery_replaced")
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    if args.minutes > MAX_MINUTES:
        raise cli_input.InputProblem(t("cli.agent_too_long", most=MAX_MINUTES))
    vault = unlock(args, agent=False)
    try:
        start_agent(vault, args.minutes)
    except (AgentUnavailable, OSError):
        raise cli_input.InputProblem(t("cli.agent_failed")) from None
    say_n("cli.agent_started", args.minutes, minutes=args.minutes)
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    header = Vault.read_header(args.vault)
    say("cli.agent_stopped" if stop_agent(header.vault_id) else "cli.agent_none")
    return 0


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "passwd": cmd_passwd,
    "recover": cmd_recover,
    "rekey": cmd_rekey,
    "recovery-code": cmd_recovery_code,
    "unlock": cmd_unlock,
    "lock": cmd_lock,
}
