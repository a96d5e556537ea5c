"""Commands that look after the vault: check, conflicts and resolve."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from . import terminal as cli_input
from .exit_codes import EXIT_ANOMALIES, EXIT_CONFLICTS, EXIT_DAMAGED
from .paths import cache_dir, state_dir
from ..errors import (
    DamagedItem,
    UnfinishedRekey,
)
from ..journal import Journal
from ..locale import describe, item_name, reason, t, tn
from ..model import Entry
from ..vault.store import Vault
from .common import add_command, entry_json, json_flag, opened, print_json, say, say_n, unlock


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    add_command(commands, common, "check").add_argument(
        "--accept", action="append", default=[], metavar="ID", help=t("cli.opt.accept"))
    json_flag(add_command(commands, common, "conflicts"))
    resolve = add_command(commands, common, "resolve")
    resolve.add_argument("copy", help=t("cli.arg.copy"))
    resolve.add_argument("--keep", required=True, choices=("current", "copy", "both"),
                         help=t("cli.opt.keep"))


def cmd_check(args: argparse.Namespace) -> int:
    vault = unlock(args)
    if args.accept:
        return _accept(vault, args.accept)
    scan = vault.scan()
    damaged: list[DamagedItem] = [DamagedItem(p.name, "header") for p in scan.strays]
    for item in scan.items.values():
        try:
            vault.open_file(item)
        except DamagedItem as damage:
            damaged.append(damage)
    for damage in damaged:
        print(t("cli.check_damaged", name=damage.details["name"],
                reason=reason(damage.details["reason"])))
    journal = Journal(vault, cache_dir(), state_dir())
    try:
        for anomaly in journal.anomalies:
            print(t(f"cli.anomaly_{anomaly.kind}", id=anomaly.item_id, version=anomaly.version,
                    seen=anomaly.seen, what=item_name(anomaly.item_type, anomaly.title)))
        if vault.rekey_pending:
            print(t("cli.check_rekey_pending"))
        elif vault.rekey_unopened:
            print(describe(UnfinishedRekey()))
        count = len(scan.items) + len(scan.strays)
        if damaged:
            say_n("cli.check_summary", len(damaged), damaged=len(damaged), count=count)
            say("cli.check_damaged_hint")
            return EXIT_DAMAGED
        if journal.anomalies:
            say("cli.check_anomaly_hint")
            return EXIT_ANOMALIES
        if scan.conflicts:
            _print_conflicts(journal)
            return EXIT_CONFLICTS
        print(tn("cli.check_ok", count))
        return 0
    finally:
        journal.close()


def _accept(vault: Vault, wanted: list[str]) -> int:
    """``check --accept ID``: the user keeps what is there now."""
    vault.acquire_lock()
    journal = Journal(vault, cache_dir(), state_dir())
    try:
        for prefix in wanted:
            prefix = prefix.strip().lower()
            matches = [a.item_id for a in journal.anomalies
                       if a.item_id == prefix or (len(prefix) >= 4 and a.item_id.startswith(prefix))]
            if len(matches) != 1:
                raise cli_input.InputProblem(t("cli.check_no_anomaly", id=prefix))
            journal.accept(matches[0])
            say("cli.check_accepted", id=matches[0])
    finally:
        journal.close()
    return 0


def _version(entry: Entry | None) -> str:
    if entry is None:
        return t("cli.missing_version")
    return f"‘{entry.title}’ {entry.updated:%Y-%m-%d %H:%M}, {entry.words} w."


def _print_conflicts(journal: Journal) -> None:
    for copy in journal.conflicts:
        conflict = journal.conflict(copy)
        print(t("cli.conflict_line", name=copy.path.name, id=copy.item_id,
                current=_version(conflict.current), theirs=_version(conflict.theirs)))
    say("cli.conflict_hint")


def cmd_conflicts(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        if args.json:
            print_json([
                {
                    "file": c.path.name,
                    "id": c.item_id,
                    "current": entry_json(v.current) if (v := journal.conflict(c)).current else None,
                    "copy": entry_json(v.theirs) if v.theirs else None,
                }
                for c in journal.conflicts
            ])
        elif journal.conflicts:
            _print_conflicts(journal)
        else:
            say("cli.no_conflicts")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with opened(args, write=True) as journal:
        matches = [c for c in journal.conflicts if c.path.name == Path(args.copy).name]
        if not matches:
            raise cli_input.InputProblem(t("cli.no_conflicts"))
        journal.resolve_conflict(matches[0], args.keep)
    say("cli.resolved", name=matches[0].path.name)
    return 0


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "conflicts": cmd_conflicts,
    "resolve": cmd_resolve,
}
