"""The command line: parses arguments, calls the domain, prints. Starts the app without a command.

Exit codes (also in the README): 0 done; 1 unexpected error; 2 usage or invalid input;
3 wrong passphrase or herstelcode; 4 vault or entry not found; 5 damaged items (``check``);
6 vault in use by another instance; 7 a write failed (old version intact); 8 conflict copies
waiting (``check``); 9 client data found (``bundle``); 10 items went back to an older version,
returned after deletion or vanished (``check``); 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import sys
import traceback
from pathlib import Path

from .. import errors
from ..locale import describe, remembered_language, t, use_language
from ..vault import hardening
from . import argparse_words as cli_words
from . import bundle, checks, entries, feedback, keys, review, trajectories, transfer
from . import terminal as cli_input
from .exit_codes import exit_code
from .paths import APP_NAME, cache_dir, config_dir, default_vault, state_dir
from .terminal import InputProblem

# Each group adds its commands and names their handlers in its COMMANDS table; the order is
# that of --help.
GROUPS = (keys, entries, checks, transfer, trajectories, bundle, feedback, review)
HANDLERS = {name: handler for group in GROUPS for name, handler in group.COMMANDS.items()}

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
    commands = parser.add_subparsers(dest="command", metavar=t("cli.metavar.command"))
    for group in GROUPS:
        group.add_parsers(commands, common)
    return parser


class _ShowVersion(argparse.Action):
    """``--version``, looked up only when asked (importlib.metadata costs every command 60 ms)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version(APP_NAME)
        except PackageNotFoundError:  # run from a source tree without installing
            from .. import __version__ as number
        print(f"{APP_NAME} {number}")
        parser.exit()


_NOT_UTF8 = re.compile("[\udc80-\udcff]")  # how Python keeps bytes that are no UTF-8


def _undecodable_option(args: argparse.Namespace, argv: list[str]) -> str | None:
    """Where a text given on the command line has bytes that are no UTF-8 ("--note", or "the
    3rd argument"); a file name is a path and may have them. Said plainly, before any of it
    reaches an entry or a bundle."""
    texts = [item for value in vars(args).values()
             for item in (value if isinstance(value, list) else [value]) if isinstance(item, str)]
    if not any(_NOT_UTF8.search(text) for text in texts):
        return None
    for index, word in enumerate(argv):
        if _NOT_UTF8.search(word):
            if word.startswith("--") and "=" in word:
                return word.split("=", 1)[0]
            if index > 0 and argv[index - 1].startswith("-"):
                return argv[index - 1]
            return t("cli.argument_number", number=index + 1)
    return None


def main(argv: list[str] | None = None) -> int:
    hardening.no_core_dumps()
    gc.freeze()  # the modules just loaded live as long as the command: never walk them again
    use_language(remembered_language(state_dir()))  # before any word is made, help included
    parser = build_parser()
    _suggest_command(parser, sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if (undecodable := _undecodable_option(args, sys.argv[1:] if argv is None else argv)) is not None:
        print(t("cli.not_utf8", option=undecodable), file=sys.stderr)
        return 2
    args.vault = getattr(args, "vault", None) or default_vault()
    args.passphrase_file = getattr(args, "passphrase_file", None)
    args.passphrase_fd = getattr(args, "passphrase_fd", None)
    if args.command is None:
        return start_app(args)
    cli_input.guard_terminal()  # text from the vault never drives the terminal
    try:
        cli_input.fill_in_asked(args)
    except InputProblem as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        return HANDLERS[args.command](args)
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
        return _unexpected(exc)
    except BaseException as exc:  # a dependency's panic (pyo3's PanicException) is one too
        if isinstance(exc, (SystemExit, GeneratorExit)):
            raise
        return _unexpected(exc)


def _unexpected(exc: BaseException) -> int:
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


def start_app(args: argparse.Namespace) -> int:
    """The Textual app; the passphrase is asked inside it, never on the command line."""
    if args.passphrase_file is not None or args.passphrase_fd is not None:
        print(t("cli.app_no_passphrase_options"), file=sys.stderr)
        return 2
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        print(t("cli.app_needs_terminal"), file=sys.stderr)
        return 2
    hardening.without_debugging_variables()  # before Textual reads them at import
    from ..app import ReflectieApp

    app = ReflectieApp(args.vault, cache_dir(), config_dir(), state_dir=state_dir())
    app.run()
    return app.return_code or 0  # 1 after an unexpected error


def main_entry() -> None:
    """Console-script entry point."""
    sys.exit(main())
