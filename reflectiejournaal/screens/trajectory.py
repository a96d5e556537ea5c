"""One trajectory: its learning questions on top, its meetings as a timeline with, for each,
the casus, reflection and evaluation (written, draft, missing)."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Markdown, Static

from ..errors import JournalError
from ..locale import describe, role_name, t, tn
from ..trajectory import Trajectory

COLUMNS = ("case", "reflection", "evaluation")


class TrajectoryScreen(Screen[None]):
    BINDINGS = [
        Binding("k", "write('case')", t("trajectory.binding.case"), id="trajectory.case"),
        Binding("r", "write('reflection')", t("trajectory.binding.reflection"),
                id="trajectory.reflection"),
        Binding("v", "write('evaluation')", t("trajectory.binding.evaluation"),
                id="trajectory.evaluation"),
        Binding("l", "write('learning_goals')", t("trajectory.binding.learning_goals"),
                id="trajectory.learning_goals"),
        Binding("g", "mark('attended')", t("trajectory.binding.attended"), id="trajectory.attended"),
        Binding("x", "mark('cancelled')", t("trajectory.binding.cancelled"),
                id="trajectory.cancelled"),
        Binding("p", "mark('planned')", t("trajectory.binding.planned"), id="trajectory.planned"),
        Binding("d", "move", t("trajectory.binding.move"), id="trajectory.move"),
        Binding("o", "role", t("trajectory.binding.role"), id="trajectory.role"),
        Binding("n", "add_meeting", t("trajectory.binding.add"), id="trajectory.add"),
        Binding("e", "edit", t("trajectory.binding.edit"), id="trajectory.edit"),
        Binding("escape", "back", t("app.binding.back"), id="trajectory.back"),
    ]

    def __init__(self, trajectory_id: str) -> None:
        super().__init__()
        self.trajectory_id = trajectory_id
        self.trajectory: Trajectory | None = None
        self._placed = False  # the cursor starts on the next meeting, then stays where put

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="trajectory"):
            yield Static("", id="trajectory-title", classes="entry-title", markup=False)
            yield Static("", id="trajectory-meta", classes="muted", markup=False)
            yield Static(t("trajectory.learning_goals"), classes="section-title")
            yield Markdown(id="learning-goals")
            yield Static(t("trajectory.meetings_title"), classes="section-title")
            yield DataTable(id="meetings", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#meetings", DataTable)
        for key in ("number", "date", "time", "role", "status", *COLUMNS):
            table.add_column(t(f"trajectory.col.{key}"), key=key)
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        self.load()

    def show_changes(self) -> None:
        """Something was written beside the app (see ``App.pick_up_changes``)."""
        self.load()

    def load(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        if journal is None:
            return
        try:
            tr = self.trajectory = journal.get_trajectory(self.trajectory_id)
        except JournalError as error:
            self.notify(describe(error), severity="error")
            return
        today = self.app.today()  # type: ignore[attr-defined]
        self.sub_title = tr.title
        self.query_one("#trajectory-title", Static).update(tr.title)
        self.query_one("#trajectory-meta", Static).update(tn("trajectory.meta", len(tr.meetings), form=t(f"form.{tr.form}"), supervisor=tr.supervisor or "–", status=t(f"trajectory.status.{tr.status}")))
        linked = [s for s in journal.summaries() if s.trajectory == tr.id]
        goals = [journal.get(s.id).body for s in linked if s.kind == "learning_goals"]
        self.query_one("#learning-goals", Markdown).update(
            "\n\n---\n\n".join(goals) if goals else t("trajectory.no_learning_goals"))
        written = {(s.kind, s.meeting) for s in linked}
        drafted = {(d.kind, d.meeting) for d in journal.drafts() if d.trajectory == tr.id}
        feedback = self._feedback_per_meeting(journal, {s.id: s.meeting for s in linked})
        table = self.query_one("#meetings", DataTable)
        if feedback and "feedback" not in table.columns:  # only once there is any
            table.add_column(t("trajectory.col.feedback"), key="feedback")
        cursor = table.cursor_row
        table.clear()
        next_meeting = tr.next_meeting(today)
        for m in tr.meetings:
            marks = []
            for kind in COLUMNS:
                if (kind, m.number) in written:
                    marks.append(Text(t("trajectory.written"), style="green"))
                elif (kind, m.number) in drafted:
                    marks.append(Text(t("trajectory.draft"), style="yellow"))
                else:
                    marks.append(Text(t("trajectory.missing"), style="dim"))
            number = f"▸ {m.number}" if next_meeting and m.number == next_meeting.number else str(m.number)
            if "feedback" in table.columns:
                count = feedback.get(m.number, 0)
                marks.append(Text(tn("count.comments", count), style="bold") if count else "")
            table.add_row(number, m.date.strftime("%d-%m-%Y"), m.time or "",
                          role_name(m.role), t(f"meeting.status.{m.shown_status(today)}"),
                          *marks, key=str(m.number))
        if tr.meetings and not self._placed and next_meeting is not None:
            cursor = tr.meetings.index(next_meeting)
        self._placed = True
        if tr.meetings:
            table.move_cursor(row=min(cursor, len(tr.meetings) - 1))

    @staticmethod
    def _feedback_per_meeting(journal, meeting_of: dict[str, int | None]) -> dict[int, int]:  # type: ignore[no-untyped-def]
        """How many comments the supervisor wrote on each meeting's entries."""
        counts: dict[int, int] = {}
        for words in journal.supervisor_words():
            meeting = meeting_of.get(words.entry or "")
            if meeting:
                counts[meeting] = counts.get(meeting, 0) + 1
        return counts

    @property
    def selected(self) -> int | None:
        table = self.query_one("#meetings", DataTable)
        if self.trajectory is None or not self.trajectory.meetings:
            return None
        return self.trajectory.meetings[table.cursor_row].number

    def action_write(self, kind: str) -> None:
        from .start_writing import write_for

        number = self.selected
        if number is not None and self.trajectory is not None:
            write_for(self.app, kind, self.trajectory, self.trajectory.meeting(number))

    def action_mark(self, status: str) -> None:
        self._update(status=status)

    def _update(self, **changes: object) -> None:
        number = self.selected
        if number is not None:
            self._save_meeting(number, **changes)

    def _save_meeting(self, number: int, **changes: object) -> None:
        if self.trajectory is None:
            return
        try:
            self.trajectory.update_meeting(number, **changes)
            self.app.journal.save_trajectory(self.trajectory)  # type: ignore[attr-defined]
        except JournalError as error:
            self.notify(describe(error), severity="error")
        self.load()

    def action_move(self) -> None:
        from ..widgets.ask_date import AskDate

        number = self.selected
        if number is None or self.trajectory is None:
            return
        current = self.trajectory.meeting(number)

        def moved(result: tuple[dt.date, str] | None) -> None:
            if result is not None:
                self._update(date=result[0], time=result[1])

        self.app.push_screen(AskDate(t("trajectory.move_question", number=number), current.date,
                                     current.time), moved)

    def action_add_meeting(self) -> None:
        from ..widgets.ask_date import AskDate

        tr = self.trajectory
        if tr is None:
            return
        last = tr.meetings[-1] if tr.meetings else None
        proposal = (last.date + dt.timedelta(weeks=tr.interval_weeks)) if last else self.app.today()  # type: ignore[attr-defined]

        def added(result: tuple[dt.date, str] | None) -> None:
            if result is None:
                return
            meeting = tr.add_meeting(result[0])
            self._save_meeting(meeting.number, time=result[1] or meeting.time)

        self.app.push_screen(AskDate(t("trajectory.add_question"), proposal,
                                     last.time if last else ""), added)

    def action_role(self) -> None:
        from ..widgets.choose_role import ChooseRole

        number = self.selected
        if number is None or self.trajectory is None:
            return

        def chosen(role: str | None) -> None:
            if role is not None:
                self._update(role=role)

        self.app.push_screen(ChooseRole(t("trajectory.role_question", number=number),
                                        self.trajectory.meeting(number).role), chosen)

    def action_edit(self) -> None:
        if self.trajectory is not None:
            self.app.edit_trajectory(self.trajectory)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()
