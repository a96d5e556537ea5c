"""Command-line commands for bundles and the private client list."""

from __future__ import annotations

import argparse
from collections.abc import Callable
import datetime as dt
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from . import terminal as cli_input
from ..bundle.formats import FORMATS
from .paths import cache_dir
from ..clients import Client, clean_name
from .common import opened, parse_date, print_json, say, say_n
from .exit_codes import EXIT_FINDINGS
from ..errors import InvalidEntry
from ..locale import describe_part, t, tn

if TYPE_CHECKING:
    from ..bundle.findings_cache import FindingsCache
    from ..bundle.review import Review
    from ..journal import Journal

# The bundle's modules (deduce's word lists, numpy, phonenumbers) are imported by the bundle
# command only: every other command starts a quarter of a second faster without them.


def meeting_range(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    try:
        low, high = int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(t("cli.bad_range", value=text)) from None
    return (low, high) if low <= high else (high, low)


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    bundle = commands.add_parser("bundle", parents=[common], help=t("cli.cmd.bundle"),
                                 description=t("cli.cmd.bundle"))
    which = bundle.add_mutually_exclusive_group(required=True)
    which.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    which.add_argument("--from", dest="start", type=parse_date, help=t("cli.opt.from"))
    which.add_argument("--entry", action="append", help=t("cli.opt.entry"))
    bundle.add_argument("--meetings", type=meeting_range, metavar="1-4", help=t("cli.opt.meetings_range"))
    bundle.add_argument("--to", dest="end", type=parse_date, help=t("cli.opt.to"))
    bundle.add_argument("--format", choices=FORMATS, default="html-encrypted",
                        help=t("cli.opt.bundle_format"))
    bundle.add_argument("--out", type=Path, help=t("cli.opt.bundle_out"))
    bundle.add_argument("--overwrite", action="store_true", help=t("cli.opt.overwrite"))
    bundle.add_argument("--check", action="store_true", help=t("cli.opt.check"))
    decide = bundle.add_mutually_exclusive_group()
    decide.add_argument("--replace-all", action="store_true", help=t("cli.opt.replace_all"))
    decide.add_argument("--keep-findings", action="store_true", help=t("cli.opt.keep_findings"))
    bundle.add_argument("--mark", action="append", default=[], metavar=t("cli.metavar.text"),
                        help=t("cli.opt.mark"))
    bundle.add_argument("--supervisant", default="", help=t("cli.opt.supervisant"))
    bundle.add_argument("--supervisor", default="", help=t("cli.opt.supervisor"))
    bundle.add_argument("--note", default="", help=t("cli.opt.note"))

    clients = commands.add_parser("clients", parents=[common], help=t("cli.cmd.clients"),
                                  description=t("cli.cmd.clients"))
    actions = clients.add_subparsers(dest="action", metavar=t("cli.metavar.action"), required=True)
    actions.add_parser("list", parents=[common], help=t("cli.clients.list")).add_argument(
        "--json", action="store_true", help=t("cli.opt.json"))
    add = actions.add_parser("add", parents=[common], help=t("cli.clients.add"))
    add.add_argument("name", help=t("cli.arg.client_name"))
    add.add_argument("--pseudonym", default="", help=t("cli.opt.pseudonym"))
    add.add_argument("--nickname", action="append", default=[], help=t("cli.opt.nickname"))
    remove = actions.add_parser("remove", parents=[common], help=t("cli.clients.remove"))
    remove.add_argument("name", help=t("cli.arg.client_name"))
    remove.add_argument("--yes", action="store_true", help=t("cli.opt.yes"))


def _removal_confirmed(args: argparse.Namespace) -> bool:
    """A name off the list is no longer recognised in bundles: asked, or ``--yes``."""
    if args.yes:
        return True
    if not cli_input.has_terminal():
        raise cli_input.InputProblem(t("cli.needs_yes"))
    return cli_input.confirm(t("cli.prompt.confirm_remove_client", name=args.name))


def cmd_bundle(args: argparse.Namespace) -> int:
    from ..bundle.findings_cache import FindingsCache, entry_versions

    if not args.check and args.out is None:
        raise InvalidEntry("out", field="--out")
    if not args.check:
        cli_input.check_may_write(args.out, args.overwrite)
    with opened(args, write=not args.check) as journal:
        # What this vault's entries held on an earlier scan is not scanned again; what the
        # vault no longer holds (an entry deleted or changed since) leaves the cache, however
        # this command ends.
        findings = FindingsCache.of_vault(dt.date.today(), cache_dir(), journal.vault.vault_id,
                                          journal.vault.cache_key)
        try:
            return _bundle(args, journal, findings)
        finally:
            findings.save(entry_versions(journal.summaries()))


def _bundle(args: argparse.Namespace, journal: Journal, findings: FindingsCache) -> int:
    from ..bundle.detector import Detector
    from ..bundle.names import clean_mark
    from ..bundle.review import BundleInfo, Review
    from ..bundle.selection import Selection

    trajectory = journal.get_trajectory(args.trajectory) if args.trajectory else None
    selection = Selection(trajectory=trajectory.id if trajectory else None,
                          meetings=args.meetings, start=args.start, end=args.end,
                          entry_ids=[journal.resolve(i) for i in args.entry or []])
    entries = selection.entries(journal)
    clients, list_state = journal.clients(), journal.clients_state()
    if not entries:
        say("cli.bundle_empty")
        return 2
    if list_state != "ok":  # a missing or damaged list silently weakens the review
        say(f"bundle.clients.{list_state}")
    info = BundleInfo(args.supervisant, args.supervisor, args.note,
                      trajectory.title if trajectory else "")
    detector = Detector(clients, findings.today, _language(), tuple(args.mark))
    if detector.marked.unusable:  # a mark that cannot work is said, never dropped silently
        for number, word in enumerate(args.mark, 1):  # by number: logs hold no client text
            if word in detector.marked.unusable:
                say("cli.mark_unusable", number=number)
        return 2
    review = Review.of(entries, info, detector, findings)
    missing = detector.marked.missing(list(review.texts.values()))
    for number, word in enumerate(args.mark, 1):
        if clean_mark(word) in missing:
            say("cli.mark_missing", number=number)
    if args.check or not (args.replace_all or args.keep_findings):
        # The findings in context only when asked for, or when a decision is missing: a
        # scripted run that writes keeps client names out of its logs.
        _print_review(review, {e.id: e.title for e in entries})
    if args.check:
        say("cli.findings_count", findings=tn("count.findings", review.total),
            entities=tn("count.entities", len(review.entities)))
        return EXIT_FINDINGS if review.total else 0
    if args.replace_all or args.keep_findings:
        review.decide_open(replace_it=args.replace_all)  # the supervisor's name stays kept
    elif review.total:
        say_n("cli.findings_open", review.total)
        return EXIT_FINDINGS
    return _send(journal, args, entries, review, info, trajectory.id if trajectory else None)


def _send(journal, args, entries, review, info, trajectory) -> int:  # type: ignore[no-untyped-def]
    from ..bundle.sending import send

    sent = send(journal, args.out, entries, review, info, args.format, trajectory)
    say_n("cli.bundle_written", len(entries), path=args.out)
    print(t("cli.bundle_sha256", digest=sent.digest))
    if sent.code:
        print(t("cli.bundle_code", code=sent.code))
        say("cli.bundle_code_hint")
        if sent.recorded:
            say("cli.bundle_feedback_hint")
    if not sent.recorded:
        say("cli.bundle_not_recorded")
    return 0


def _language():  # type: ignore[no-untyped-def]
    """deduce on its tables; the first time, prepared with the progress on the terminal."""
    from ..bundle.detector import load_language, prepare_language

    language = load_language(cache_dir())
    if language is not None:
        return language
    say("cli.preparing")
    shown = sys.stderr.isatty()

    def progress(share: float) -> None:
        if shown:
            print(t("cli.preparing_progress", percent=int(share * 100)), end="",
                  file=cli_input.unguarded(sys.stderr), flush=True)  # its own \r, no vault text

    language = prepare_language(cache_dir(), progress)
    if shown:
        print(file=sys.stderr)
    say("cli.prepared")
    return language


def _print_review(review: "Review", titles: dict[str, str]) -> None:
    """Per person or thing: what it becomes, and every place it was found, in context."""
    for key, entity in review.entities.items():
        found = review.of_entity(key)
        print(t("cli.entity", label=entity.label, replacement=entity.proposal,
                kind=t(f"finding.{entity.kind}"), confidence=t(f"confidence.{entity.confidence}"),
                count=len(found)))
        for part, _, finding in found:
            before, match, after = finding.context(review.texts[part])
            print(t("cli.entity_finding", where=describe_part(part, titles),
                    context=f"…{before}[{match}]{after}…"))


def cmd_clients(args: argparse.Namespace) -> int:
    with opened(args, write=args.action != "list") as journal:
        clients = journal.clients()
        if args.action == "list":
            if args.json:
                print_json([{"name": c.name, "pseudonym": c.pseudonym or None,
                              "nicknames": list(c.nicknames)} for c in clients.clients])
                return 0
            for c in clients.clients:
                nicknames = f" ({', '.join(c.nicknames)})" if c.nicknames else ""
                print(f"{c.name}{nicknames} → {c.pseudonym or t('clients.generated')}")
            return 0
        if args.action == "add":
            if not clean_name(args.name):
                raise InvalidEntry("empty_name", field="NAME")
            clients.add(Client(args.name, args.pseudonym, tuple(args.nickname)))
        elif not _removal_confirmed(args):
            say("cli.not_removed")
            return 0
        else:
            clients.remove(args.name)
        journal.save_clients(clients)
    return 0


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "bundle": cmd_bundle,
    "clients": cmd_clients,
}
