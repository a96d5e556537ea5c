"""Command-line commands for reading back: statistics and the balance of reflection."""

from __future__ import annotations

import argparse
from collections.abc import Callable
import datetime as dt

from ..review import balance
from ..review import stats
from .common import opened, parse_date, print_json, prompt_library
from ..index import Filters
from ..locale import t, tn


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    statistics = commands.add_parser("stats", parents=[common], help=t("cli.cmd.stats"),
                                     description=t("cli.cmd.stats"))
    statistics.add_argument("--from", dest="start", type=parse_date, help=t("cli.opt.from"))
    statistics.add_argument("--to", dest="end", type=parse_date, help=t("cli.opt.to"))
    statistics.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    statistics.add_argument("--json", action="store_true", help=t("cli.opt.json"))


def cmd_stats(args: argparse.Namespace) -> int:
    library = prompt_library()
    with opened(args) as journal:
        trajectory = journal.get_trajectory(args.trajectory).id if args.trajectory else None
        summaries = journal.summaries(filters=Filters(start=args.start, end=args.end,
                                                      trajectory=trajectory))
        trajectories = [tr for tr in journal.trajectories() if trajectory in (None, tr.id)]
        numbers = stats.compute(summaries, trajectories, dt.date.today())
        relevant = [s for s in summaries if s.prompt_set in balance.FRAMEWORKS.values()]
        bodies = journal.bodies(relevant)
    balances = {name: balance.compute(name, bodies, library) for name in balance.FRAMEWORKS}
    if args.json:
        print_json({
            "entries": numbers.entries, "words": numbers.words,
            "per_month": {m: {"entries": e, "words": w} for m, (e, w) in numbers.per_month.items()},
            "longest_streak_weeks": numbers.longest_streak_weeks,
            "current_streak_weeks": numbers.current_streak_weeks,
            "meetings": {id_: {"title": title, "held": h, "planned": p}
                         for id_, (title, h, p) in numbers.meetings.items()},
            "balance": {name: {"entries": b.entries, "answered": b.counts,
                               "missing_in_latest": b.missing_in_latest}
                        for name, b in balances.items()},
        })
        return 0
    print(t("stats.summary", entries=tn("count.entries", numbers.entries),
            words=tn("count.words", numbers.words),
            longest=tn("count.weeks", numbers.longest_streak_weeks),
            current=numbers.current_streak_weeks))
    for month, (entries, words) in list(numbers.per_month.items())[-12:]:
        print(f"  {month}  {entries:>4} {t('stats.entries')}  {words:>7} {t('stats.words')}")
    for title, held, planned in numbers.meetings.values():
        print(tn("stats.meetings", planned, title=title, held=held, planned=planned))
    for name, result in balances.items():
        print(describe_balance(name, result))
    return 0


def describe_balance(name: str, result: balance.Balance, label: int = 44, width: int = 24) -> str:
    """The balance as a small chart in text, and what was left untouched lately."""
    lines = [tn(f"stats.framework.{name}", result.entries, entries=result.entries)]
    most = max(result.counts.values(), default=0)
    for aspect in result.aspects:
        count = result.counts[aspect.prompt_id]
        title = aspect.title if len(aspect.title) <= label else aspect.title[: label - 1] + "…"
        lines.append(f"  {title:<{label}} {balance.bar(count, most, width):<{width}} {count}")
    for aspect, missing in result.untouched():
        lines.append("  " + tn("stats.untouched", missing, aspect=aspect.title.lower()))
    return "\n".join(lines)


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "stats": cmd_stats,
}
