"""Periods to look back over: the quick choices offered beside the from and to dates."""

from __future__ import annotations

import datetime as dt

PRESETS = ("all", "this_year", "last_year", "last_12_months")


def bounds(preset: str, today: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day of a quick choice (None: open)."""
    if preset == "this_year":
        return dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    if preset == "last_year":
        return dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
    if preset == "last_12_months":
        return add_months(dt.date(today.year - 1, today.month, 1), 1), today
    return None, None


def preset_of(start: dt.date | None, end: dt.date | None, today: dt.date,
              prefer: str | None = None) -> str | None:
    """Which quick choice these dates are, if any: typing them is the same as choosing it.

    ``prefer`` wins when two agree (on 31 December this year is the last 12 months)."""
    matching = [p for p in PRESETS if bounds(p, today) == (start, end)]
    return prefer if prefer in matching else next(iter(matching), None)


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month ``months`` after the month of ``day``."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
