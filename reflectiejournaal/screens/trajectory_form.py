"""Creating a trajectory (with a proposed schedule) or editing one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Select, Static

from ..errors import JournalError
from ..locale import describe, t
from ..trajectory import (
    DEFAULTS,
    FORMS,
    TRAJECTORY_STATUSES,
    Trajectory,
    check_number,
    parse_date,
    parse_time,
)
from ..vault.files import new_item_id
from ..widgets.field import labelled


class TrajectoryFormScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="trajectory_form.back")]

    def __init__(self, trajectory: Trajectory | None = None) -> None:
        super().__init__()
        self.trajectory = trajectory

    def compose(self) -> ComposeResult:
        tr = self.trajectory
        defaults = DEFAULTS["supervisie"]
        yield Header()
        with VerticalScroll(id="trajectory-form"):
            yield labelled(t("trajectory.form"), Select(
                [(t(f"form.{f}"), f) for f in FORMS], value=tr.form if tr else "supervisie",
                allow_blank=False, id="form", disabled=tr is not None))
            yield labelled(t("trajectory.label.title"), Input(
                tr.title if tr else "", placeholder=t("trajectory.title"), id="title"))
            yield labelled(t("trajectory.label.supervisor"), Input(
                tr.supervisor if tr else "", placeholder=t("trajectory.supervisor"),
                id="supervisor"))
            yield labelled(t("trajectory.label.group_size"), Input(
                str(tr.group_size if tr else 1), type="integer", id="group-size"))
            if tr is None:
                yield labelled(t("trajectory.label.start"), Input(
                    self.app.today().isoformat(), placeholder=t("trajectory.start"),  # type: ignore[attr-defined]
                    id="start"))
                yield labelled(t("trajectory.label.time"), Input(
                    "", placeholder=t("trajectory.time"), id="time"))
                yield labelled(t("trajectory.label.meetings"), Input(
                    str(defaults.meetings), type="integer", id="meetings"))
                yield labelled(t("trajectory.label.interval"), Input(
                    str(defaults.interval_weeks), type="integer", id="interval"))
                yield labelled(t("trajectory.label.duration"), Input(
                    str(defaults.duration_minutes), type="integer", id="duration"))
                yield Static(t("trajectory.schedule_hint"), classes="muted")
            else:
                yield labelled(t("trajectory.label.status"), Select(
                    [(t(f"trajectory.status.{s}"), s) for s in TRAJECTORY_STATUSES],
                    value=tr.status, allow_blank=False, id="status"))
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("trajectory.save"), variant="primary", id="save")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("trajectory.edit") if self.trajectory else t("trajectory.new")
        self.query_one("#title", Input).focus()

    @on(Select.Changed, "#form")
    def form_changed(self, event: Select.Changed) -> None:
        if self.trajectory is None:
            defaults = DEFAULTS[str(event.value)]
            self.query_one("#meetings", Input).value = str(defaults.meetings)
            self.query_one("#interval", Input).value = str(defaults.interval_weeks)
            self.query_one("#duration", Input).value = str(defaults.duration_minutes)

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def save(self) -> None:
        error = self.query_one("#error", Static)
        title = self.query_one("#title", Input).value.strip()
        if not title:
            error.update(t("trajectory.need_title"))
            return
        try:
            trajectory = self._build(title)
        except ValueError:
            error.update(t("trajectory.bad_numbers"))
            return
        except JournalError as exc:  # a number the domain refuses (a group of 0)
            error.update(describe(exc))
            return
        journal = self.app.journal  # type: ignore[attr-defined]
        try:
            journal.save_trajectory(trajectory)
        except JournalError as exc:
            error.update(describe(exc))
            return
        if self.trajectory is not None:
            self.app.pop_screen()  # back to the trajectory, which reloads
        else:
            self.app.open_trajectory(trajectory.id, instead=True)  # type: ignore[attr-defined]

    def _build(self, title: str) -> Trajectory:
        supervisor = self.query_one("#supervisor", Input).value.strip()
        group_size = int(self.query_one("#group-size", Input).value or 1)
        if self.trajectory is not None:
            tr = self.trajectory
            check_number("group_size", group_size)
            tr.title, tr.supervisor, tr.group_size = title, supervisor, group_size
            tr.status = str(self.query_one("#status", Select).value)
            return tr
        start = parse_date(self.query_one("#start", Input).value)
        time = self.query_one("#time", Input).value.strip()
        time = parse_time(time) if time else ""
        numbers = [int(self.query_one(f"#{name}", Input).value)
                   for name in ("meetings", "interval", "duration")]
        if not (1 <= numbers[0] <= 50 and 1 <= numbers[1] <= 52 and 10 <= numbers[2] <= 600):
            raise ValueError("range")
        return Trajectory.plan(new_item_id(), str(self.query_one("#form", Select).value), title,
                               start, supervisor, group_size, *numbers, time=time)

    def action_back(self) -> None:
        self.app.pop_screen()
