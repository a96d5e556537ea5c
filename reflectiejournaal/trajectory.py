"""Trajectories and their meetings: the rhythm of supervision and intervision.

A supervision trajectory has 10–12 meetings two to four weeks apart: meeting 1 is the
kennismaking, 3 the klikbijeenkomst, around 6–7 a tussenevaluatie and the last an
eindevaluatie. Intervision has 3–6 meetings. A trajectory is one encrypted vault item (JSON)
holding its meetings.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace

from .errors import InvalidEntry
from .model import one_line

FORMS = ("supervisie", "intervisie", "werkbegeleiding", "coaching", "anders")
ROLES = ("kennismaking", "klik", "tussenevaluatie", "eindevaluatie", "regulier")
MEETING_STATUSES = ("planned", "attended", "cancelled")
TRAJECTORY_STATUSES = ("open", "closed", "archived")


@dataclass(frozen=True)
class FormDefaults:
    meetings: int
    interval_weeks: int
    duration_minutes: int


# From the sources in shared/seeds: supervision 10–12 meetings every 2–4 weeks of 1.5–2 hours;
# intervision 3–6 meetings of two hours, every six to eight weeks.
DEFAULTS = {
    "supervisie": FormDefaults(10, 3, 90),
    "intervisie": FormDefaults(5, 6, 120),
    "werkbegeleiding": FormDefaults(10, 2, 60),
    "coaching": FormDefaults(6, 3, 60),
    "anders": FormDefaults(6, 3, 60),
}


# What a person could mean: beyond these a typo (``--meetings 100000``, ``--duration -60``)
# would make a huge item, dates running backwards or hours subtracted from the total.
LIMITS = {
    "meetings": (1, 50),
    "interval_weeks": (1, 52),
    "duration_minutes": (10, 600),
    "group_size": (1, 100),
}


def check_number(name: str, value: int | None) -> None:
    """Refuse a count or length outside :data:`LIMITS` (``None`` is "not given")."""
    low, high = LIMITS[name]
    if value is not None and not low <= value <= high:
        raise InvalidEntry("range", field=name, value=value, low=low, high=high)


YEARS = (1950, 2150)  # a meeting in 1900 or 2300 is a typo, and would count in the hours


def check_date(day: dt.date) -> None:
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise InvalidEntry("meeting_date", field="date", value=f"{day:%d-%m-%Y}",
                           low=YEARS[0], high=YEARS[1])


def check_title(title: str) -> str:
    title = one_line(title)
    if not title:
        raise InvalidEntry("empty_title", field="title")
    return title


@dataclass
class Meeting:
    number: int
    date: dt.date
    role: str = "regulier"
    time: str = ""  # "HH:MM", or empty when not yet known
    duration_minutes: int = 90
    status: str = "planned"  # planned, attended or cancelled

    def held(self, today: dt.date) -> bool:
        """Counted as having taken place: marked attended, or planned and already past."""
        return self.status == "attended" or (self.status == "planned" and self.date < today)

    def upcoming(self, today: dt.date) -> bool:
        return self.status == "planned" and self.date >= today

    def shown_status(self, today: dt.date) -> str:
        """``past`` for a planned meeting whose date has gone by (taken to have happened)."""
        return "past" if self.status == "planned" and self.date < today else self.status


# Days said in words, as people type them at a prompt (Dutch, and English for English users).
RELATIVE_DAYS = {"vandaag": 0, "today": 0, "gisteren": -1, "yesterday": -1, "eergisteren": -2,
                 "morgen": 1, "tomorrow": 1}


def parse_date(text: str, today: dt.date | None = None) -> dt.date:
    """ISO (2026-01-07), the Dutch way (7-1-2026 or 7/1/2026), or a word such as "gisteren";
    ValueError otherwise."""
    text = text.strip()
    if text.casefold() in RELATIVE_DAYS:
        return (today or dt.date.today()) + dt.timedelta(days=RELATIVE_DAYS[text.casefold()])
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_time(text: str) -> str:
    """``HH:MM`` normalised (9:5 → 09:05); ValueError otherwise."""
    return dt.datetime.strptime(text.strip(), "%H:%M").strftime("%H:%M")


def default_roles(form: str, count: int) -> list[str]:
    """Roles for meetings 1..count: supervision's structure, intervision's start and end."""
    roles = ["regulier"] * count
    if count == 0:
        return roles
    if form == "supervisie":
        roles[0] = "kennismaking"
        if count >= 4:
            roles[2] = "klik"
        if count >= 8:
            roles[int(count * 0.55 + 0.5) - 1] = "tussenevaluatie"  # 10, 11 → 6; 12 → 7
    elif form == "intervisie":
        roles[0] = "kennismaking"  # the start-up phase: choosing the cases
    if count >= 2:
        roles[-1] = "eindevaluatie"
    return roles


def propose_schedule(
    form: str, start: dt.date, count: int, interval_weeks: int, duration_minutes: int,
    time: str = "",
) -> list[Meeting]:
    """Meetings from ``start`` every ``interval_weeks``, with the form's usual roles."""
    roles = default_roles(form, count)
    return [
        Meeting(n + 1, start + dt.timedelta(weeks=interval_weeks * n), roles[n], time,
                duration_minutes)
        for n in range(count)
    ]


@dataclass
class Trajectory:
    id: str
    form: str
    title: str
    start: dt.date
    supervisor: str = ""  # the supervisor, or the intervision group's name
    group_size: int = 1
    interval_weeks: int = 3
    status: str = "open"
    meetings: list[Meeting] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.title, self.supervisor = one_line(self.title), one_line(self.supervisor)
        if self.form not in FORMS:
            raise InvalidEntry("form", field="form", value=self.form)
        if self.status not in TRAJECTORY_STATUSES:
            raise InvalidEntry("status", field="status", value=self.status)
        for meeting in self.meetings:
            if meeting.role not in ROLES:
                raise InvalidEntry("role", field="role", value=meeting.role)
            if meeting.status not in MEETING_STATUSES:
                raise InvalidEntry("status", field="status", value=meeting.status)

    @classmethod
    def plan(
        cls, trajectory_id: str, form: str, title: str, start: dt.date, supervisor: str = "",
        group_size: int = 1, meetings: int | None = None, interval_weeks: int | None = None,
        duration_minutes: int | None = None, time: str = "",
    ) -> Trajectory:
        """A new trajectory with a proposed schedule; unset numbers take the form's defaults."""
        if form not in FORMS:
            raise InvalidEntry("form", field="form", value=form)
        for name, value in (("meetings", meetings), ("interval_weeks", interval_weeks),
                            ("duration_minutes", duration_minutes), ("group_size", group_size)):
            check_number(name, value)
        title = check_title(title)
        check_date(start)
        defaults = DEFAULTS[form]
        interval = interval_weeks or defaults.interval_weeks
        schedule = propose_schedule(form, start, meetings or defaults.meetings, interval,
                                    duration_minutes or defaults.duration_minutes, time)
        return cls(trajectory_id, form, title, start, supervisor.strip(), group_size,
                   interval, meetings=schedule)

    def check(self) -> None:
        """What :meth:`plan` and the forms refuse, for a trajectory from elsewhere (an import):
        reading stays lenient, so one stored by an older version still opens."""
        if not isinstance(self.group_size, int) or not isinstance(self.interval_weeks, int):
            raise InvalidEntry("range", field="group_size", value=self.group_size,
                               low=LIMITS["group_size"][0], high=LIMITS["group_size"][1])
        check_number("group_size", self.group_size)
        check_number("interval_weeks", self.interval_weeks)
        check_number("meetings", len(self.meetings) or 1)
        if len({m.number for m in self.meetings}) != len(self.meetings):
            raise InvalidEntry("no_meeting", field="meeting")
        for meeting in self.meetings:
            if not isinstance(meeting.duration_minutes, int) or not isinstance(meeting.number, int):
                raise InvalidEntry("content")
            check_number("duration_minutes", meeting.duration_minutes)
        check_title(self.title)

    # -- meetings --------------------------------------------------------------------------
    def meeting(self, number: int) -> Meeting:
        for meeting in self.meetings:
            if meeting.number == number:
                return meeting
        raise InvalidEntry("no_meeting", field="meeting", value=number)

    def update_meeting(self, number: int, **changes: object) -> Meeting:
        """Move, re-time, re-role or mark one meeting; invalid values are refused."""
        meeting = self.meeting(number)
        if "duration_minutes" in changes:
            check_number("duration_minutes", changes["duration_minutes"])  # type: ignore[arg-type]
        if "date" in changes:
            check_date(changes["date"])  # type: ignore[arg-type]
        updated = replace(meeting, **changes)  # type: ignore[arg-type]
        if updated.role not in ROLES:
            raise InvalidEntry("role", field="role", value=updated.role)
        if updated.status not in MEETING_STATUSES:
            raise InvalidEntry("status", field="status", value=updated.status)
        self.meetings[self.meetings.index(meeting)] = updated
        return updated

    def add_meeting(self, date: dt.date) -> Meeting:
        """One more meeting at the end (trajectories are sometimes extended)."""
        check_date(date)
        if len(self.meetings) >= LIMITS["meetings"][1]:
            raise InvalidEntry("range", field="meetings", value=len(self.meetings) + 1,
                               low=LIMITS["meetings"][0], high=LIMITS["meetings"][1])
        last = self.meetings[-1] if self.meetings else None
        meeting = Meeting(len(self.meetings) + 1, date, "regulier", last.time if last else "",
                          last.duration_minutes if last else DEFAULTS[self.form].duration_minutes)
        self.meetings.append(meeting)
        return meeting

    def next_meeting(self, today: dt.date) -> Meeting | None:
        upcoming = [m for m in self.meetings if m.upcoming(today)]
        return min(upcoming, key=lambda m: (m.date, m.number)) if upcoming else None

    def last_held(self, today: dt.date) -> Meeting | None:
        held = [m for m in self.meetings if m.held(today)]
        return max(held, key=lambda m: (m.date, m.number)) if held else None

    # -- storage ---------------------------------------------------------------------------
    def to_bytes(self) -> bytes:
        data = asdict(self)
        data["start"] = self.start.isoformat()
        for meeting in data["meetings"]:
            meeting["date"] = meeting["date"].isoformat()
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> Trajectory:
        raw = json.loads(data.decode("utf-8"))
        meetings = [
            Meeting(**{**m, "date": dt.date.fromisoformat(m["date"])}) for m in raw.pop("meetings")
        ]
        raw["start"] = dt.date.fromisoformat(raw["start"])
        return cls(**raw, meetings=meetings)
