"""What is due: per open trajectory, what to write before the next meeting and after the last.

Pure functions of a trajectory, the entries and drafts linked to it, and today's date, so that
they can be tested at any fixed clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..drafts import Draft
from ..index import EntrySummary
from ..journal import Journal
from ..locale import kind_name, t, tn
from ..trajectory import Meeting, Trajectory

# Which prompt set fits which piece of writing, per form of trajectory.
CASE_SET = {"intervisie": "incidentmethode"}
REFLECTION_SET = {"intervisie": "gedragsexperiment"}
ROLE_WRITING = {  # before a meeting with this role: (kind, prompt set) pairs to write
    "kennismaking": [("learning_goals", "leervragen")],
    "klik": [("case", None), ("evaluation", "klikbijeenkomst")],
    "tussenevaluatie": [("evaluation", "tussenevaluatie"), ("case", None)],
    "eindevaluatie": [("evaluation", "eindevaluatie")],
    "regulier": [("case", None)],
}


@dataclass(frozen=True)
class DueItem:
    trajectory_id: str
    trajectory_title: str
    kind: str
    prompt_set: str
    meeting: int
    meeting_date: dt.date
    before: bool  # True: write before the meeting; False: reflect after it
    days_left: int  # until the meeting (before) or since it (after)
    draft_id: str | None  # a draft already started for it


def prompt_set_for(trajectory: Trajectory, kind: str, role_set: str | None) -> str:
    if role_set:
        return role_set
    if kind == "case":
        return CASE_SET.get(trajectory.form, "casusinbreng")
    return REFLECTION_SET.get(trajectory.form, "reflectieverslag")


def meeting_to_write_for(trajectory: Trajectory, kind: str, today: dt.date) -> Meeting | None:
    """The meeting a casus is for (the next one) or a reflection looks back on (the last held),
    in an open trajectory; None for other kinds or when there is no such meeting."""
    if trajectory.status != "open":
        return None
    if kind == "case":
        return trajectory.next_meeting(today)
    if kind == "reflection":
        return trajectory.last_held(today)
    return None


def proposed_set(trajectory: Trajectory, kind: str, meeting: Meeting) -> str | None:
    """The prompt set that suits writing of ``kind`` for ``meeting`` (the user may choose
    another); None for a note, which has no questions."""
    role_sets = dict(ROLE_WRITING[meeting.role])
    if kind == "evaluation":
        return role_sets.get("evaluation") or "tussenevaluatie"
    if kind == "learning_goals":
        return "leervragen"
    if kind in ("case", "reflection"):
        return prompt_set_for(trajectory, kind, role_sets.get(kind))
    return None


def due_items(
    trajectory: Trajectory, entries: list[EntrySummary], drafts: list[Draft], today: dt.date
) -> list[DueItem]:
    """What to write now for one trajectory: the reflection on the last meeting first."""
    if trajectory.status != "open":
        return []
    written = {(e.kind, e.meeting) for e in entries if e.trajectory == trajectory.id}
    started = {(d.kind, d.meeting): d.id for d in drafts
               if d.trajectory == trajectory.id and d.entry_id is None}
    items = []

    def add(kind: str, role_set: str | None, meeting: Meeting, before: bool) -> None:
        if (kind, meeting.number) in written:
            return
        days = (meeting.date - today).days if before else (today - meeting.date).days
        items.append(DueItem(trajectory.id, trajectory.title, kind,
                             prompt_set_for(trajectory, kind, role_set), meeting.number,
                             meeting.date, before, days, started.get((kind, meeting.number))))

    last = trajectory.last_held(today)
    if last is not None:
        add("reflection", None, last, before=False)
    upcoming = trajectory.next_meeting(today)
    if upcoming is not None:
        for kind, role_set in ROLE_WRITING[upcoming.role]:
            add(kind, role_set, upcoming, before=True)
    return items


def all_due(journal: Journal, today: dt.date, drafts: list[Draft] | None = None) -> list[DueItem]:
    """What is due over every open trajectory; pass ``drafts`` if already read (they decrypt)."""
    summaries = journal.summaries()
    drafts = journal.drafts() if drafts is None else drafts
    return [item for trajectory in journal.trajectories(include_closed=False)
            for item in due_items(trajectory, summaries, drafts, today)]


def describe_due(item: DueItem) -> str:
    """‘Casusinbreng voor bijeenkomst 4 van Supervisie bij Anna: 3 dagen’."""
    key = "due.before" if item.before else "due.after"
    when = t("due.today") if item.days_left == 0 else tn(f"{key}_days", item.days_left,
                                                         days=item.days_left)
    started = t("due.started") if item.draft_id else ""
    return t(key, kind=kind_name(item.kind).capitalize(), meeting=item.meeting,
             title=item.trajectory_title, when=when) + started
