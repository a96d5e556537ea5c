"""Set or change the trajectory and meeting a piece of writing belongs to."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static

from ..locale import role_name, short_date, t
from ..trajectory import Trajectory

NONE = "__geen__"


class LinkDialog(ModalScreen[tuple[str | None, int | None] | None]):
    """Dismisses with ``(trajectory id, meeting number)``, ``(None, None)`` for no link, or
    None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", t("link.cancel"), id="link.cancel")]

    def __init__(self, trajectories: list[Trajectory], trajectory: str | None,
                 meeting: int | None) -> None:
        super().__init__()
        self.trajectories = {tr.id: tr for tr in trajectories}
        self.trajectory = trajectory if trajectory in self.trajectories else None
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        choices = [(Text(tr.title), tr.id) for tr in self.trajectories.values()]
        with Vertical(classes="dialog"):
            yield Static(t("link.title"), classes="dialog-title")
            yield Static(t("link.trajectory"), classes="label")
            yield Select([*choices, (Text(t("link.none")), NONE)], value=self.trajectory or NONE,
                         allow_blank=False, id="trajectory")
            yield Static(t("link.meeting_label"), classes="label")
            yield Select(self.meeting_options(self.trajectory), id="meeting", allow_blank=True,
                         prompt="–")
            with Horizontal(classes="buttons"):
                yield Button(t("link.cancel"), id="cancel")
                yield Button(t("link.ok"), variant="primary", id="ok")

    def on_mount(self) -> None:
        self.show_meetings(self.trajectory, self.meeting)
        self.query_one("#trajectory", Select).focus()

    def meeting_options(self, trajectory_id: str | None) -> list[tuple[Text, int]]:
        trajectory = self.trajectories.get(trajectory_id or "")
        if trajectory is None:
            return []
        return [(Text(f"{m.number} · {short_date(m.date)} · {role_name(m.role)}".rstrip(" ·")),
                 m.number) for m in trajectory.meetings]

    def show_meetings(self, trajectory_id: str | None, meeting: int | None) -> None:
        select = self.query_one("#meeting", Select)
        options = self.meeting_options(trajectory_id)
        select.set_options(options)
        select.disabled = not options
        if meeting in {number for _, number in options}:
            select.value = meeting

    @on(Select.Changed, "#trajectory")
    def trajectory_changed(self, event: Select.Changed) -> None:
        chosen = None if event.value == NONE else str(event.value)
        if chosen != self.trajectory:
            self.trajectory = chosen
            self.show_meetings(chosen, None)

    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        if self.trajectory is None:
            self.dismiss((None, None))
            return
        value = self.query_one("#meeting", Select).value
        self.dismiss((self.trajectory, value if isinstance(value, int) else None))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
