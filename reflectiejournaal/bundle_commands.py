"""Command-line commands for bundles and the private client list."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .bundle import BundleInfo, Review, Selection, to_markdown
from .bundle_html import FORMATS, write_bundle
from .commands import _print_json, _say, opened
from .errors import InvalidEntry
from .messages import t
from .pseudonym import Client
from .trajectory_commands import parse_date

EXIT_FINDINGS = 9


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
    bundle.add_argument("--format", choices=FORMATS, default="html-encrypted")
    bundle.add_argument("--out", type=Path, help=t("cli.opt.bundle_out"))
    bundle.add_argument("--check", action="store_true", help=t("cli.opt.check"))
    decide = bundle.add_mutually_exclusive_group()
    decide.add_argument("--replace-all", action="store_true", help=t("cli.opt.replace_all"))
    decide.add_argument("--keep-findings", action="store_true", help=t("cli.opt.keep_findings"))
    bundle.add_argument("--supervisant", default="", help=t("cli.opt.supervisant"))
    bundle.add_argument("--supervisor", default="", help=t("cli.opt.supervisor"))
    bundle.add_argument("--note", default="", help=t("cli.opt.note"))

    clients = commands.add_parser("clients", parents=[common], help=t("cli.cmd.clients"),
                                  description=t("cli.cmd.clients"))
    actions = clients.add_subparsers(dest="action", metavar="ACTIE", required=True)
    actions.add_parser("list", parents=[common], help=t("cli.clients.list")).add_argument(
        "--json", action="store_true")
    add = actions.add_parser("add", parents=[common], help=t("cli.clients.add"))
    add.add_argument("name")
    add.add_argument("--pseudonym", default="")
    actions.add_parser("remove", parents=[common], help=t("cli.clients.remove")).add_argument("name")


def cmd_bundle(args: argparse.Namespace) -> int:
    if not args.check and args.out is None:
        raise InvalidEntry("out", field="--out")
    with opened(args) as journal:
        trajectory = journal.get_trajectory(args.trajectory) if args.trajectory else None
        selection = Selection(trajectory=trajectory.id if trajectory else None,
                              meetings=args.meetings, start=args.start, end=args.end,
                              entry_ids=[journal.resolve(i) for i in args.entry or []])
        entries = selection.entries(journal)
        review = Review.of(entries, journal.clients(), dt.date.today())
    if not entries:
        _say("cli.bundle_empty")
        return 2
    for entry in entries:
        source = f"{entry.title}\n{entry.body}"
        for finding in review.findings[entry.id]:
            before, match, after = finding.context(source)
            print(t("cli.finding", kind=t(f"finding.{finding.kind}"), entry=entry.id,
                    context=f"…{before}[{match}]{after}…", replacement=finding.replacement))
    if args.check:
        _say("cli.findings_count", count=review.total)
        return EXIT_FINDINGS if review.total else 0
    if args.replace_all:
        review.decide_all(None, replace=True)
    elif args.keep_findings:
        review.decide_all(None, replace=False)
    elif review.total:
        _say("cli.findings_open", count=review.total)
        return EXIT_FINDINGS
    info = BundleInfo(args.supervisant, args.supervisor, args.note,
                      trajectory.title if trajectory else "")
    title = t("bundle.title") + (f": {info.trajectory_title}" if info.trajectory_title else "")
    digest, code = write_bundle(args.out, to_markdown(entries, review, info), args.format, title)
    _say("cli.bundle_written", path=args.out, count=len(entries))
    print(t("cli.bundle_sha256", digest=digest))
    if code:
        print(t("cli.bundle_code", code=code))
        _say("cli.bundle_code_hint")
    return 0


def cmd_clients(args: argparse.Namespace) -> int:
    with opened(args, write=args.action != "list") as journal:
        clients = journal.clients()
        if args.action == "list":
            if args.json:
                _print_json([{"name": c.name, "pseudonym": c.replacement} for c in clients.clients])
            for c in clients.clients if not args.json else []:
                print(f"{c.name} → {c.replacement}")
            return 0
        name = " ".join(args.name.split())
        clients.clients = [c for c in clients.clients if c.name != name]
        if args.action == "add":
            clients.clients.append(Client(name, args.pseudonym.strip()))
        journal.save_clients(clients)
    return 0

