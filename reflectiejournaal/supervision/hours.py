"""Contact hours for (re)registration: attended meetings only, per form, trajectory and period."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass

from ..trajectory import Trajectory


@dataclass(frozen=True)
class HoursRow:
    """One meeting that took place."""

    date: dt.date
    form: str
    trajectory_id: str
    trajectory: str
    supervisor: str
    meeting: int
    minutes: int


def hours_rows(
    trajectories: list[Trajectory], today: dt.date, start: dt.date | None = None,
    end: dt.date | None = None,
) -> list[HoursRow]:
    """Every meeting held between ``start`` and ``end`` (inclusive), oldest first.

    Cancelled meetings never count; a planned meeting counts once its date has passed (it is
    taken to have happened unless marked cancelled), a future one never.
    """
    rows = [
        HoursRow(m.date, t.form, t.id, t.title, t.supervisor, m.number, m.duration_minutes)
        for t in trajectories
        for m in t.meetings
        if m.held(today) and (start is None or m.date >= start) and (end is None or m.date <= end)
    ]
    return sorted(rows, key=lambda r: (r.date, r.trajectory, r.meeting))


def totals(rows: list[HoursRow], key: str) -> dict[str, int]:
    """Minutes per ``form``, ``trajectory`` or ``year``."""
    result: dict[str, int] = defaultdict(int)
    for row in rows:
        name = str(row.date.year) if key == "year" else getattr(row, key)
        result[name] += row.minutes
    return dict(sorted(result.items()))


def as_hours(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def to_csv(rows: list[HoursRow]) -> str:
    """Semicolon-separated with decimal commas: what Dutch spreadsheets open directly."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["datum", "vorm", "traject", "begeleider", "bijeenkomst", "minuten", "uren"])
    for r in rows:
        writer.writerow([r.date.isoformat(), r.form, r.trajectory, r.supervisor, r.meeting,
                         r.minutes, f"{r.minutes / 60:.2f}".replace(".", ",")])
    return out.getvalue()


def to_markdown(rows: list[HoursRow], title: str) -> str:
    """A readable table for a registration portfolio, with totals per form and trajectory."""
    lines = [f"# {title}", "", "| datum | vorm | traject | begeleider | bijeenkomst | uren |",
             "|---|---|---|---|---:|---:|"]
    for r in rows:
        lines.append(f"| {r.date:%d-%m-%Y} | {r.form} | {_cell(r.trajectory)} | "
                     f"{_cell(r.supervisor)} | {r.meeting} | {as_hours(r.minutes)} |")
    lines += ["", "| vorm | uren |", "|---|---:|"]
    lines += [f"| {form} | {as_hours(m)} |" for form, m in totals(rows, "form").items()]
    total = sum(r.minutes for r in rows)
    lines += [f"| **totaal** | **{as_hours(total)}** |", ""]
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")
