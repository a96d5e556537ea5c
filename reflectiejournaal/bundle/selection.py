"""Which entries go into a bundle: a trajectory (and meeting range), a period, or hand-picked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..journal import Journal
from ..model import Entry


@dataclass
class Selection:
    trajectory: str | None = None
    meetings: tuple[int, int] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    entry_ids: list[str] = field(default_factory=list)

    def entries(self, journal: Journal) -> list[Entry]:
        if self.entry_ids:
            chosen = [journal.get(i) for i in self.entry_ids]
        else:
            chosen = []
            for s in journal.summaries():
                if self.trajectory and s.trajectory != self.trajectory:
                    continue
                if self.meetings and not (s.meeting and self.meetings[0] <= s.meeting <= self.meetings[1]):
                    continue
                day = s.created.date()
                if (self.start and day < self.start) or (self.end and day > self.end):
                    continue
                chosen.append(journal.get(s.id))
        # Meetings in order, each in time order; entries without a meeting last.
        return sorted(chosen, key=lambda e: (e.meeting is None, e.meeting or 0, e.created, e.id))
