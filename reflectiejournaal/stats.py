"""Statistics a person can look at: entries and words per month, streaks, meetings held."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from .index import EntrySummary
from .trajectory import Trajectory


@dataclass(frozen=True)
class Stats:
    entries: int
    words: int
    per_month: dict[str, tuple[int, int]]  # "2026-03" → (entries, words), oldest first
    longest_streak_weeks: int  # consecutive weeks with at least one entry
    current_streak_weeks: int  # the run that includes this week or last week
    meetings: dict[str, tuple[int, int]]  # trajectory title → (held, planned in all)


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
    meetings = {t.title: (sum(m.held(today) for m in t.meetings), len(t.meetings))
                for t in trajectories}
    return Stats(len(summaries), sum(s.words for s in summaries),
                 {k: (v[0], v[1]) for k, v in sorted(per_month.items())}, longest, current,
                 meetings)
