"""The command line: parses arguments, calls the domain, prints. Starts the app without a command.

Exit codes (also in the README): 0 done; 1 unexpected error; 2 usage or invalid input;
3 wrong passphrase or herstelcode; 4 vault or entry not found; 5 damaged items (``check``);
6 vault in use by another instance; 7 a write failed (old version intact); 8 conflict copies
waiting (``check``); 9 client data found (``bundle``); 10 items went back to an older version,
returned after deletion or vanished (``check``); 130 interrupted.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

import platformdirs

from . import cli_input, cli_words, errors, hardening
from .cli_input import InputProblem
from .messages import describe, t

APP_NAME = "reflectiejournaal"

EXIT_CODES: list[tuple[type[BaseException], int]] = [
    (InputProblem, 2),
    (errors.InvalidEntry, 2),
    (errors.AmbiguousId, 2),
    (errors.WrongPassphrase, 3),
    (errors.WrongRecoveryCode, 3),
    (errors.MistypedRecoveryCode, 3),
    (errors.VaultNotFound, 4),
    (errors.NotAVault, 4),
    (errors.VaultExists, 2),
    (errors.TargetNotEmpty, 2),
    (errors.SourceMissing, 4),
    (errors.ItemNotFound, 4),
    (errors.DamagedItem, 5),
    (errors.HostileKdfParameters, 5),
    (errors.VaultLocked, 6),
    (errors.VaultChangedElsewhere, 6),
    (errors.UnfinishedRekey, 2),
    (errors.WriteFailed, 7),
    (errors.ChangedElsewhere, 8),
    (errors.DetectorUnavailable, 7),
]
EXIT_DAMAGED = 5
EXIT_CONFLICTS = 8
EXIT_ANOMALIES = 10


def default_vault() -> Path:
    configured = os.environ.get("REFLECTIEJOURNAAL_VAULT")
    if configured:
        return Path(configured).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME)) / "kluis"


def cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def state_dir() -> Path:
    """What this device remembers of each vault (kept, unlike the cache: see seen.py)."""
    return Path(platformdirs.user_state_dir(APP_NAME))


def build_parser() -> argparse.ArgumentParser:
    cli_words.install()
    # Global options are accepted before and after the command: people type both.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--vault", type=Path, default=argparse.SUPPRESS,
        help=t("cli.opt.vault", default=default_vault()),
    )
    source = common.add_mutually_exclusive_group()
    source.add_argument(
        "--passphrase-file", type=Path, default=argparse.SUPPRESS,
        help=t("cli.opt.passphrase_file"),
    )
    source.add_argument(
        "--passphrase-fd", type=int, default=argparse.SUPPRESS, help=t("cli.opt.passphrase_fd")
    )

    parser = argparse.ArgumentParser(
        prog=APP_NAME, description=t("cli.description"), epilog=t("cli.epilog"),
        parents=[common],
    )
    parser.add_argument("--version", action=_ShowVersion, nargs=0, help=t("argparse.version"))
    commands = parser.add_subparsers(dest="command", metavar="COMMANDO")

    def command(name: str) -> argparse.ArgumentParser:
        return commands.add_parser(name, parents=[common], help=t(f"cli.cmd.{name}"),
                                   description=t(f"cli.cmd.{name}"))

    def json_flag(p: argparse.ArgumentParser) -> None:
        p.add_argument("--json", action="store_true", help=t("cli.opt.json"))

    command("init")
    new = command("new")
    new.add_argument("--kind", required=True, help=t("cli.opt.kind"))
    new.add_argument("--title", default="", help=t("cli.opt.title"))
    new.add_argument("--tag", action="append", default=[], help=t("cli.opt.tag"))
    new.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    new.add_argument("--meeting", type=int, help=t("cli.opt.meeting"))
    new.add_argument("--prompt-set", help=t("cli.opt.prompt_set"))
    listing = command("list")
    listing.add_argument("--kind", help=t("cli.opt.kind"))
    listing.add_argument("--tag", action="append", help=t("cli.opt.tags_all"))
    listing.add_argument("--from", dest="start", help=t("cli.opt.from"))
    listing.add_argument("--to", dest="end", help=t("cli.opt.to"))
    listing.add_argument("--on", help=t("cli.opt.on"))
    listing.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    listing.add_argument("-n", "--limit", type=cli_input.positive_number, metavar="N",
                         help=t("cli.opt.limit"))
    json_flag(listing)
    show = command("show")
    show.add_argument("id", help=t("cli.arg.id"))
    json_flag(show)
    edit = command("edit")
    edit.add_argument("id", help=t("cli.arg.id"))
    edit.add_argument("--title", help=t("cli.opt.title"))
    edit.add_argument("--tag", action="append", help=t("cli.opt.tag"))
    delete = command("delete")
    delete.add_argument("id", help=t("cli.arg.id"))
    delete.add_argument("--yes", action="store_true", help=t("cli.opt.yes"))
    search = command("search")
    search.add_argument("query", nargs="*", help=t("cli.arg.query"))
    search.add_argument("--kind", help=t("cli.opt.kind"))
    search.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    search.add_argument("--tag", action="append", help=t("cli.opt.tags_all"))
    search.add_argument("--from", dest="start", help=t("cli.opt.from"))
    search.add_argument("--to", dest="end", help=t("cli.opt.to"))
    search.add_argument("--prompt-set", help=t("cli.opt.prompt_set"))
    json_flag(search)
    for name in ("passwd", "recover"):
        command(name).add_argument(
            "--new-passphrase-file", type=Path, help=t("cli.opt.new_passphrase_file")
        )
    command("rekey").add_argument("--replace-unfinished", action="store_true",
                                  help=t("cli.opt.replace_unfinished"))
    command("recovery-code")
    command("check").add_argument("--accept", action="append", default=[], metavar="ID",
                                  help=t("cli.opt.accept"))
    json_flag(command("conflicts"))
    json_flag(command("tags"))
    command("unlock").add_argument(
        "--minutes", type=cli_input.positive_number, default=30, metavar="N",
        help=t("cli.opt.minutes"))
    command("lock")
    resolve = command("resolve")
    resolve.add_argument("copy", help=t("cli.arg.copy"))
    resolve.add_argument("--keep", required=True, choices=("current", "copy", "both"),
                         help=t("cli.opt.keep"))
    export = command("export")
    export.add_argument("--out", required=True, help=t("cli.opt.export_out"))  # "" is no "."
    export.add_argument("--with-clients", action="store_true", help=t("cli.opt.with_clients"))
    command("import").add_argument("dir", type=Path, help=t("cli.arg.dir"))
    backup = command("backup")
    backup.add_argument("--out", required=True, help=t("cli.opt.backup_out"))
    backup.add_argument("--overwrite", action="store_true", help=t("cli.opt.overwrite"))
    restore = command("restore")
    restore.add_argument("file", help=t("cli.arg.backup_file"))
    restore.add_argument("--replace", action="store_true", help=t("cli.opt.replace"))
    from . import bundle_commands, review_commands, trajectory_commands

    for module in (trajectory_commands, bundle_commands, review_commands):
        module.add_parsers(commands, common)
    return parser


class _ShowVersion(argparse.Action):
    """``--version``, looked up only when asked (importlib.metadata costs every command 60 ms)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version(APP_NAME)
        except PackageNotFoundError:  # run from a source tree without installing
            from . import __version__ as number
        print(f"{APP_NAME} {number}")
        parser.exit()


def main(argv: list[str] | None = None) -> int:
    hardening.no_core_dumps()
    parser = build_parser()
    _suggest_command(parser, sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    args.vault = getattr(args, "vault", None) or default_vault()
    args.passphrase_file = getattr(args, "passphrase_file", None)
    args.passphrase_fd = getattr(args, "passphrase_fd", None)
    if args.command is None:
        return start_app(args)
    try:
        cli_input.fill_in_asked(args)
    except InputProblem as exc:
        print(str(exc), file=sys.stderr)
        return 2
    # The domain is only imported when a command needs it.
    from . import bundle_commands, commands, review_commands, trajectory_commands

    try:
        modules = (commands, trajectory_commands, bundle_commands, review_commands)
        name = f"cmd_{args.command.replace('-', '_')}"
        handler = next(getattr(m, name) for m in modules if hasattr(m, name))
        return handler(args)
    except KeyboardInterrupt:
        print("\n" + t("cli.interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (``| head``): not an error
        return 0
    except (errors.JournalError, InputProblem) as exc:
        print(describe(exc) if isinstance(exc, errors.JournalError) else str(exc),
              file=sys.stderr)
        return exit_code(exc)
    except Exception as exc:  # a bug: say so without echoing anything of the journal
        if os.environ.get("REFLECTIEJOURNAAL_DEBUG"):
            traceback.print_exc()
        print(t("cli.unexpected", kind=type(exc).__name__), file=sys.stderr)
        return 1


def _suggest_command(parser: argparse.ArgumentParser, argv: list[str]) -> None:
    """A mistyped command ("lsit") gets the likely one named before argparse's list."""
    import difflib

    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    taking_values = {"--vault", "--passphrase-file", "--passphrase-fd"}
    for previous, word in zip(["", *argv], argv):
        if word.startswith("-") or previous in taking_values:
            continue
        if word not in commands.choices:
            close = difflib.get_close_matches(word, list(commands.choices), n=1)
            if close:
                print(t("cli.did_you_mean", name=close[0]), file=sys.stderr)
        return  # only the first word that is not an option's value is the command


def exit_code(exc: BaseException) -> int:
    for kind, code in EXIT_CODES:
        if isinstance(exc, kind):
            return code
    return 1


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME))


def start_app(args: argparse.Namespace) -> int:
    """The Textual app; the passphrase is asked inside it, never on the command line."""
    if args.passphrase_file is not None or args.passphrase_fd is not None:
        print(t("cli.app_no_passphrase_options"), file=sys.stderr)
        return 2
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(t("cli.app_needs_terminal"), file=sys.stderr)
        return 2
    hardening.without_debugging_variables()  # before Textual reads them at import
    from .app import ReflectieApp

    app = ReflectieApp(args.vault, cache_dir(), config_dir(), state_dir=state_dir())
    app.run()
    return app.return_code or 0  # 1 after an unexpected error


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
