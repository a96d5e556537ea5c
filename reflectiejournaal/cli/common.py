"""What the command groups share: unlocking, the opened journal, filters and output."""

from __future__ import annotations

import argparse
import gc
import datetime as dt
import functools
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import terminal as cli_input
from .paths import cache_dir, config_dir, state_dir
from ..errors import (
    InvalidEntry,
    JournalError,
    WrongPassphrase,
)
from ..index import EntrySummary, Filters
from ..journal import Journal
from ..locale import (
    current_language,
    describe,
    describe_prompt_problem,
    kind_name,
    remember_language,
    remembered_language,
    t,
    tn,
)
from ..model import KINDS, Entry, clean_tags, normalise_kind
from ..prompts import PromptLibrary, load_library
from ..vault.agent import AgentUnavailable, vault_from_agent
from .. import trajectory
from ..vault.store import Vault


def add_command(commands: argparse._SubParsersAction, common: argparse.ArgumentParser,
                name: str, key: str = "") -> argparse.ArgumentParser:
    """A command (or a ``traject`` action) that takes the global options too: people type
    them before and after the command."""
    key = key or f"cli.cmd.{name}"
    return commands.add_parser(name, parents=[common], help=t(key), description=t(key))


def json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def say(key: str, **values: object) -> None:
    print(t(key, **values), file=sys.stderr)


def say_n(key: str, count: int, /, **values: object) -> None:
    """:func:`say` for a message with a plural form for ``count``."""
    print(tn(key, count, **values), file=sys.stderr)


def given_passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from a file or descriptor; ``None`` means: ask on the terminal."""
    if args.passphrase_file is not None:
        return cli_input.read_secret_file(args.passphrase_file)
    if args.passphrase_fd is not None:
        return cli_input.read_secret_fd(args.passphrase_fd)
    return None


def unlock(args: argparse.Namespace, agent: bool = True) -> Vault:
    """The unlocked vault: from the agent of ``reflectiejournaal unlock`` when one holds its
    keys (no key derivation), else with the passphrase. What changes the passphrase or the
    keys asks for the passphrase itself (``agent=False``)."""
    if agent:
        try:
            return vault_from_agent(args.vault)
        except AgentUnavailable:
            pass
    return unlock_with_passphrase(args)[0]


def unlock_with_passphrase(args: argparse.Namespace, path: Path | None = None
                           ) -> tuple[Vault, str]:
    path = path or args.vault
    Vault.read_header(path)  # a missing or foreign vault is reported before asking
    given = given_passphrase(args)
    if given is not None:
        return Vault.unlock(path, given), given
    attempts_left = cli_input.TERMINAL_ATTEMPTS
    while True:
        passphrase = cli_input.ask_secret("cli.prompt.passphrase")
        if sys.stderr.isatty():
            say("cli.unlocking")
        try:
            return Vault.unlock(path, passphrase), passphrase
        except WrongPassphrase as wrong:
            attempts_left -= 1
            if not attempts_left:
                raise
            print(describe(wrong), file=sys.stderr)


@contextmanager
def opened(args: argparse.Namespace, write: bool = False) -> Iterator[Journal]:
    """An unlocked journal. Each write takes the writer lock for that write only, so a
    command works beside the open app; ``write`` says the command means to write."""
    vault = unlock(args)
    journal = Journal(vault, cache_dir(), state_dir())
    # A command lives for a second: what it has loaded (10,000 records) is kept to the end and
    # holds no cycles, so the cycle collector need not walk it again and again.
    gc.freeze()
    try:
        if journal.damaged:
            say_n("cli.warn_damaged", len(journal.damaged))
        if journal.conflicts:
            say_n("cli.warn_conflicts", len(journal.conflicts))
        if journal.anomalies:
            say("cli.warn_anomalies", count=len(journal.anomalies))
        _remember_language(journal)
        yield journal
    finally:
        if not journal.flush():
            say("cli.warn_cache")
        if journal.seen_unsaved:
            say("cli.warn_seen", path=state_dir())
        journal.close()


def _remember_language(journal: Journal) -> None:
    """The settings' language for the next command (this one has begun in another)."""
    language = journal.settings().language
    if language != remembered_language(state_dir()):
        try:
            remember_language(state_dir(), language)
        except (OSError, JournalError):
            pass  # the next command follows the environment's language: nothing is lost


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def kind_of(value: str) -> str:
    kind = normalise_kind(value)
    if kind not in KINDS:
        raise InvalidEntry("kind", field="kind")
    return kind


def prompt_library() -> PromptLibrary:
    """The shipped sets in the language in use, and the user's own."""
    return load_library(config_dir() / "vragensets", current_language())


def check_prompt_set(prompt_set: str) -> None:
    """A known prompt set; for one of the user's own that could not be read, why not."""
    library = prompt_library()
    if prompt_set in library.sets:
        return
    for problem in library.problems:
        if problem.path.stem == prompt_set:
            raise cli_input.InputProblem(describe_prompt_problem(problem))
    raise InvalidEntry("prompt_set", field="prompt_set", value=prompt_set)


@functools.cache
def kind_column(kind: str) -> str:  # once per kind: `list` prints thousands of lines
    return f"{kind_name(kind):<13}"


def summary_line(s: EntrySummary) -> str:
    tags = "  " + " ".join(f"#{tag}" for tag in s.tags) if s.tags else ""
    return f"{s.id}  {s.created.date().isoformat()}  {kind_column(s.kind)} {s.title}{tags}"


def entry_json(entry: Entry) -> dict[str, object]:
    data = {k: v for k, v in entry.front_matter().items()}
    data["created"] = entry.created.isoformat()
    data["updated"] = entry.updated.isoformat()
    data["words"] = entry.words
    data["first_line"] = EntrySummary.of(entry).first_line
    data["body"] = entry.body
    return data


def filters_from(args: argparse.Namespace, journal: Journal) -> Filters | None:
    """The filters given on the command line (``list`` and ``search``), or None."""
    from ..trajectory import parse_date

    def day(text: str | None) -> dt.date | None:
        try:
            return parse_date(text) if text else None
        except ValueError:
            raise cli_input.InputProblem(t("cli.bad_date", value=text)) from None

    start, end = day(args.start), day(args.end)
    if getattr(args, "on", None):
        start = end = day(args.on)
    if start and end and start > end:
        raise cli_input.InputProblem(t("cli.from_after_to", start=args.start, end=args.end))
    trajectory = getattr(args, "trajectory", None)
    trajectory = journal.get_trajectory(trajectory).id if trajectory else None
    prompt_set = getattr(args, "prompt_set", None)
    if prompt_set:
        check_prompt_set(prompt_set)
    values = dict(kind=kind_of(args.kind) if args.kind else None, trajectory=trajectory,
                  tags=tuple(clean_tags(args.tag or [])), start=start, end=end,
                  prompt_set=prompt_set)
    return Filters(**values) if any(values.values()) else None


def parse_date(text: str) -> dt.date:
    try:
        return trajectory.parse_date(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_date", value=text)) from None


def parse_time(text: str) -> str:
    try:
        return trajectory.parse_time(text)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_time", value=text)) from None
