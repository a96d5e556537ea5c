"""Statistics a person can look at: entries and words per month, streaks, meetings held.

Also the activity over a period in at most a dozen bars (months, else quarters, else years),
with the empty ones kept, so a quiet spell shows as a gap.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..index import EntrySummary
from .periods import add_months
from ..trajectory import Trajectory


@dataclass(frozen=True)
class Stats:
    entries: int
    words: int
    per_month: dict[str, tuple[int, int]]  # "2026-03" → (entries, words), oldest first
    longest_streak_weeks: int  # consecutive weeks with at least one entry
    current_streak_weeks: int  # the run that includes this week or last week
    meetings: dict[str, tuple[str, int, int]]  # trajectory id → (title, held, planned in all)


@dataclass(frozen=True)
class Bucket:
    """One bar of the activity chart."""

    start: dt.date  # the first day of its month, quarter or year
    size: str  # "month", "quarter" or "year"
    entries: int
    words: int


MAX_BUCKETS = 12  # bars that still carry a readable label at 80 columns
_MONTHS = {"month": 1, "quarter": 3, "year": 12}


def _week(day: dt.date) -> int:
    """Weeks since a fixed Monday, so consecutive weeks differ by one across year ends."""
    return (day - dt.date(2000, 1, 3)).days // 7


def compute(summaries: list[EntrySummary], trajectories: list[Trajectory], today: dt.date) -> Stats:
    per_month: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    weeks = set()
    for s in summaries:
        month = per_month[f"{s.created:%Y-%m}"]
        month[0] += 1
        month[1] += s.words
        weeks.add(_week(s.created.date()))
    longest = run = 0
    previous = None
    for week in sorted(weeks):
        run = run + 1 if previous is not None and week == previous + 1 else 1
        longest = max(longest, run)
        previous = week
    current, week = 0, _week(today)
    if week not in weeks:
        week -= 1  # a streak is not broken before the week is over
    while week in weeks:
        current += 1
        week -= 1
    meetings = {t.id: (t.title, sum(m.held(today) for m in t.meetings), len(t.meetings))
                for t in trajectories}
    return Stats(len(summaries), sum(s.words for s in summaries),
                 {k: (v[0], v[1]) for k, v in sorted(per_month.items())}, longest, current,
                 meetings)


def activity(summaries: list[EntrySummary], start: dt.date | None, end: dt.date | None,
             today: dt.date) -> list[Bucket]:
    """Entries and words per month over the period, per quarter or year when that is long.

    An open start begins at the first entry; an open end (or one still ahead) stops at today
    or at the last entry, whichever is later. Nothing to show gives an empty list.
    """
    days = [s.created.date() for s in summaries]
    first = start or min(days, default=None)
    if first is None:
        return []
    latest = max([today, *days])
    last = min(end, latest) if end is not None else latest
    if last < first:
        return []
    size = _size(first, last)
    if _buckets(first, last, size) > MAX_BUCKETS and days:
        first, size = max(first, min(days)), _size(max(first, min(days)), last)  # no empty decades
    counts: dict[dt.date, list[int]] = {}
    bucket = _bucket_start(first, size)
    while bucket <= last:
        counts[bucket] = [0, 0]
        bucket = add_months(bucket, _MONTHS[size])
    for s in summaries:
        found = counts.get(_bucket_start(s.created.date(), size))
        if found is not None:
            found[0] += 1
            found[1] += s.words
    return [Bucket(day, size, entries, words) for day, (entries, words) in counts.items()]


def _size(first: dt.date, last: dt.date) -> str:
    """The finest bar (month, quarter, year) that fits the period in MAX_BUCKETS bars."""
    return next(size for size in _MONTHS
                if _buckets(first, last, size) <= MAX_BUCKETS or size == "year")


def _buckets(first: dt.date, last: dt.date, size: str) -> int:
    start, end = _bucket_start(first, size), _bucket_start(last, size)
    return ((end.year - start.year) * 12 + end.month - start.month) // _MONTHS[size] + 1


def _bucket_start(day: dt.date, size: str) -> dt.date:
    step = _MONTHS[size]
    return dt.date(day.year, (day.month - 1) // step * step + 1, 1)
