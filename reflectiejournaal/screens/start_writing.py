"""Starting a piece of writing: the meeting it is for, its prompt set, then the writer.

The dashboard's keys, the due list and the trajectory all start writing here, so a casus or
reflection knows its trajectory and meeting (and its voornemens are followed up).
"""

from __future__ import annotations

from textual.app import App

from ..drafts import Draft
from ..supervision.due import meeting_to_write_for, proposed_set
from ..locale import describe_writing, short_date, t
from ..trajectory import Meeting, Trajectory


def write_next(app: App, kind: str) -> None:
    """A casus for the next meeting, a reflection on the last one: in the one open trajectory
    that has it, asked when several do, said when none does."""
    from ..widgets.pick_meeting import UNLINKED, PickMeeting

    journal = app.journal  # type: ignore[attr-defined]
    today = app.today()  # type: ignore[attr-defined]
    links = [(tr, meeting) for tr in journal.trajectories(include_closed=False)
             if (meeting := meeting_to_write_for(tr, kind, today)) is not None]
    if not links:
        app.notify(t(f"write.no_meeting.{kind}"), timeout=10)
        choose_and_write(app, kind)
    elif len(links) == 1:
        write_for(app, kind, *links[0])
    else:
        def picked(index: int | None) -> None:
            if index == UNLINKED:
                choose_and_write(app, kind)
            elif index is not None:
                write_for(app, kind, *links[index])

        app.push_screen(PickMeeting(kind, links), picked)


def write_for(app: App, kind: str, trajectory: Trajectory, meeting: Meeting,
              drafts: list[Draft] | None = None) -> None:
    """Writing of ``kind`` for one meeting: its draft if one was started, else a new one
    (a casus for a meeting already held is asked about first). Pass ``drafts`` if already
    read (they decrypt)."""
    from ..widgets.confirm import ConfirmDialog

    drafts = app.journal.drafts() if drafts is None else drafts  # type: ignore[attr-defined]
    started = next((d for d in drafts if d.trajectory == trajectory.id
                    and d.meeting == meeting.number and d.kind == kind and d.entry_id is None),
                   None)
    if started is not None:
        app.write(started)  # type: ignore[attr-defined]
        return
    if kind == "case" and meeting.date < app.today():  # type: ignore[attr-defined]
        def answered(yes: bool | None) -> None:
            if yes:
                choose_and_write(app, kind, trajectory, meeting)

        question = t("write.past_case", number=meeting.number, date=short_date(meeting.date))
        app.push_screen(ConfirmDialog(question, yes=t("write.past_case.yes"),
                                      no=t("write.past_case.no")), answered)
        return
    choose_and_write(app, kind, trajectory, meeting)


def choose_and_write(app: App, kind: str, trajectory: Trajectory | None = None,
                     meeting: Meeting | None = None) -> None:
    """Offer the prompt sets (the one that suits the meeting proposed), then write."""
    from .choose import ChooseScreen

    proposal = proposed_set(trajectory, kind, meeting) if trajectory and meeting else None
    context = (describe_writing(kind, trajectory.title, meeting.number, meeting.date)
               if trajectory and meeting else None)

    def chosen(choice: tuple[str, str | None] | None) -> None:
        journal = app.journal  # type: ignore[attr-defined]
        if choice is None or journal is None:
            return
        chosen_kind, set_id = choice
        app.write(Draft(  # type: ignore[attr-defined]
            journal.new_draft_id(), chosen_kind, set_id, stage="guided" if set_id else "edit",
            trajectory=trajectory.id if trajectory else None,
            meeting=meeting.number if meeting else None))

    app.push_screen(ChooseScreen(kind, proposal, context), chosen)
