"""Command-line commands for trajectories, what is due, intentions and contact hours."""

from __future__ import annotations

import argparse
from collections.abc import Callable
import datetime as dt
from pathlib import Path

from . import terminal as cli_input
from .. import trajectory
from .common import add_command, opened, parse_date, parse_time, print_json, prompt_library, say, say_n
from ..supervision.due import all_due
from ..vault.fsutil import write_private
from ..supervision.hours import as_hours, hours_rows, to_csv, to_markdown, totals
from ..supervision.intentions import Intention, collect_intentions
from ..locale import kind_name, t
from ..supervision.due import describe_due
from ..trajectory import FORMS, MEETING_STATUSES, ROLES, TRAJECTORY_STATUSES, Trajectory
from ..vault.files import new_item_id


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    """The ``traject``, ``due``, ``intentions`` and ``hours`` commands."""

    traject = add_command(commands, common, "traject")
    actions = traject.add_subparsers(dest="action", metavar=t("cli.metavar.action"), required=True)
    new = add_command(actions, common, "new", "cli.traject.new")
    new.add_argument("--form", required=True, choices=FORMS, help=t("cli.opt.form"))
    new.add_argument("--title", required=True, help=t("cli.opt.title"))
    new.add_argument("--supervisor", default="", help=t("cli.opt.supervisor"))
    new.add_argument("--group-size", type=int, default=1, help=t("cli.opt.group_size"))
    new.add_argument("--start", type=parse_date, required=True, help=t("cli.opt.start"))
    new.add_argument("--meetings", type=int, help=t("cli.opt.meetings"))
    new.add_argument("--interval-weeks", type=int, help=t("cli.opt.interval"))
    new.add_argument("--duration", type=int, help=t("cli.opt.duration"))
    new.add_argument("--time", type=parse_time, help=t("cli.opt.time"))
    listing = add_command(actions, common, "list", "cli.traject.list")
    listing.add_argument("--all", action="store_true", help=t("cli.opt.all"))
    listing.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    show = add_command(actions, common, "show", "cli.traject.show")
    show.add_argument("id", help=t("cli.arg.trajectory"))
    show.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    edit = add_command(actions, common, "edit", "cli.traject.edit")
    edit.add_argument("id", help=t("cli.arg.trajectory"))
    edit.add_argument("--title", help=t("cli.opt.title"))
    edit.add_argument("--supervisor", help=t("cli.opt.supervisor"))
    edit.add_argument("--group-size", type=int, help=t("cli.opt.group_size"))
    edit.add_argument("--status", choices=TRAJECTORY_STATUSES, help=t("cli.opt.status"))
    meeting = add_command(actions, common, "meeting", "cli.traject.meeting")
    meeting.add_argument("id", help=t("cli.arg.trajectory"))
    meeting.add_argument("number", type=int, help=t("cli.opt.meeting"))
    meeting.add_argument("--date", type=parse_date, help=t("cli.opt.meeting_date"))
    meeting.add_argument("--time", type=parse_time, help=t("cli.opt.time"))
    meeting.add_argument("--duration", type=int, help=t("cli.opt.duration"))
    meeting.add_argument("--role", choices=ROLES, help=t("cli.opt.role"))
    meeting.add_argument("--status", choices=MEETING_STATUSES, help=t("cli.opt.meeting_status"))

    extend = add_command(actions, common, "add-meeting", "cli.traject.add_meeting")
    extend.add_argument("id", help=t("cli.arg.trajectory"))
    extend.add_argument("date", type=parse_date, help=t("cli.opt.meeting_date"))

    due = add_command(commands, common, "due")
    due.add_argument("--today", type=parse_date, help=t("cli.opt.today"))
    due.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    intentions = add_command(commands, common, "intentions")
    intentions.add_argument("--open", action="store_true", help=t("cli.opt.open"))
    intentions.add_argument("--json", action="store_true", help=t("cli.opt.json"))
    hours = add_command(commands, common, "hours")
    hours.add_argument("--from", dest="start", type=parse_date, help=t("cli.opt.from"))
    hours.add_argument("--to", dest="end", type=parse_date, help=t("cli.opt.to"))
    formats = hours.add_mutually_exclusive_group()
    formats.add_argument("--csv", type=Path, metavar="FILE", help=t("cli.opt.csv"))
    formats.add_argument("--markdown", type=Path, metavar="FILE", help=t("cli.opt.markdown"))
    hours.add_argument("--overwrite", action="store_true", help=t("cli.opt.overwrite"))


# -- traject ---------------------------------------------------------------------------------
def cmd_traject(args: argparse.Namespace) -> int:
    return ACTIONS[args.action](args)


def _new(args: argparse.Namespace) -> int:
    with opened(args, write=True) as journal:
        trajectory = Trajectory.plan(
            new_item_id(), args.form, args.title, args.start, args.supervisor, args.group_size,
            args.meetings, args.interval_weeks, args.duration, args.time or "")
        journal.save_trajectory(trajectory)
    print(trajectory.id)
    return 0


def _list(args: argparse.Namespace) -> int:
    today = dt.date.today()
    with opened(args) as journal:
        trajectories = journal.trajectories(include_closed=args.all)
    if args.json:
        print_json([trajectory_json(tr, []) for tr in trajectories])
        return 0
    if not trajectories:
        say("cli.no_trajectories")
    for tr in trajectories:
        upcoming = tr.next_meeting(today)
        nxt = t("cli.next_meeting", number=upcoming.number, date=f"{upcoming.date:%d-%m-%Y}") \
            if upcoming else ""
        print(f"{tr.id}  {tr.form:<15} {tr.title}  ({tr.supervisor or '-'}, {tr.status}){nxt}")
    return 0


def _show(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        tr = journal.get_trajectory(args.id)
        linked = [s for s in journal.summaries() if s.trajectory == tr.id]
    written = [(s.kind, s.meeting) for s in linked]
    if args.json:
        print_json(trajectory_json(tr, written))
        return 0
    print(f"{tr.title}  [{tr.form}]  {tr.supervisor}  ({tr.status})")
    for m in tr.meetings:
        kinds = ", ".join(kind_name(k) for k, n in written if n == m.number)
        print(f"  {m.number:>2}. {m.date:%d-%m-%Y} {m.time or '     '}  {m.role:<15} "
              f"{t(f'meeting.status.{m.shown_status(dt.date.today())}'):<12} {kinds}")
    return 0


def trajectory_json(tr: Trajectory, written: list[tuple[str, int | None]]) -> dict[str, object]:
    return {
        "id": tr.id, "form": tr.form, "title": tr.title, "supervisor": tr.supervisor,
        "group_size": tr.group_size, "start": tr.start.isoformat(),
        "interval_weeks": tr.interval_weeks, "status": tr.status,
        "meetings": [
            {"number": m.number, "date": m.date.isoformat(), "time": m.time or None,
             "duration_minutes": m.duration_minutes, "role": m.role, "status": m.status,
             "written": sorted(k for k, n in written if n == m.number)}
            for m in tr.meetings
        ],
    }


def _edit(args: argparse.Namespace) -> int:
    with opened(args, write=True) as journal:
        tr = journal.get_trajectory(args.id)
        if args.title is not None:
            tr.title = trajectory.check_title(args.title)
        trajectory.check_number("group_size", args.group_size)
        for name in ("supervisor", "group_size", "status"):
            value = getattr(args, name)
            if value is not None:
                setattr(tr, name, value.strip() if isinstance(value, str) else value)
        journal.save_trajectory(tr)
    print(tr.id)
    return 0


def _meeting(args: argparse.Namespace) -> int:
    changes = {name: getattr(args, arg) for name, arg in (
        ("date", "date"), ("time", "time"), ("duration_minutes", "duration"), ("role", "role"),
        ("status", "status")) if getattr(args, arg) is not None}
    with opened(args, write=True) as journal:
        tr = journal.get_trajectory(args.id)
        tr.update_meeting(args.number, **changes)
        journal.save_trajectory(tr)
    print(tr.id)
    return 0


def _add_meeting(args: argparse.Namespace) -> int:
    with opened(args, write=True) as journal:
        tr = journal.get_trajectory(args.id)
        meeting = tr.add_meeting(args.date)
        journal.save_trajectory(tr)
    print(meeting.number)
    return 0


ACTIONS = {"new": _new, "list": _list, "show": _show, "edit": _edit, "meeting": _meeting,
           "add-meeting": _add_meeting}


# -- due, intentions, hours --------------------------------------------------------------------
def cmd_due(args: argparse.Namespace) -> int:
    today = args.today or dt.date.today()
    with opened(args) as journal:
        items = all_due(journal, today)
    if args.json:
        print_json([{
            "trajectory": i.trajectory_id, "trajectory_title": i.trajectory_title,
            "kind": i.kind, "prompt_set": i.prompt_set, "meeting": i.meeting,
            "meeting_date": i.meeting_date.isoformat(), "before": i.before,
            "days": i.days_left, "draft": i.draft_id} for i in items])
        return 0
    if not items:
        say("cli.nothing_due")
    for i in items:
        print(describe_due(i))
    return 0


def cmd_intentions(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        found = collect_intentions(journal.trajectory_entries(),
                                   prompt_library())
    if args.open:
        found = [i for i in found if not i.reviewed]
    if args.json:
        print_json([intention_json(i) for i in found])
        return 0
    if not found:
        say("cli.no_intentions")
    for i in found:
        state = t("intention.reviewed") if i.reviewed else t("intention.open")
        print(f"{i.created:%d-%m-%Y}  {state:<14} {' '.join(i.text.split())}")
        if i.reviewed:
            print(f"    → {' '.join(i.review_text.split())}")
    return 0


def intention_json(i: Intention) -> dict[str, object]:
    return {"trajectory": i.trajectory, "entry": i.source_entry, "meeting": i.meeting,
            "created": i.created.isoformat(), "text": i.text, "reviewed": i.reviewed,
            "review_entry": i.review_entry, "review": i.review_text or None}


def cmd_hours(args: argparse.Namespace) -> int:
    target = args.csv or args.markdown
    if target is not None:
        cli_input.check_may_write(target, args.overwrite)
    with opened(args) as journal:
        rows = hours_rows(journal.trajectories(), dt.date.today(), args.start, args.end)
    if target is not None:
        text = to_csv(rows) if args.csv else to_markdown(rows, t("hours.title"))
        write_private(target, text.encode("utf-8"))
        say_n("cli.hours_written", len(rows), path=target)
        return 0
    for form, minutes in totals(rows, "form").items():
        print(f"{form:<16} {as_hours(minutes):>7}")
    for year, minutes in totals(rows, "year").items():
        print(f"{year:<16} {as_hours(minutes):>7}")
    print(f"{t('hours.total'):<16} {as_hours(sum(r.minutes for r in rows)):>7}")
    return 0


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "traject": cmd_traject,
    "due": cmd_due,
    "intentions": cmd_intentions,
    "hours": cmd_hours,
}
