"""Which meeting a casus or reflection is for, when several open trajectories have one."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..locale import describe_meeting, t
from ..trajectory import Meeting, Trajectory

UNLINKED = -1


class PickMeeting(ModalScreen[int | None]):
    """Dismisses with the index of the chosen (trajectory, meeting), ``UNLINKED`` for writing
    that belongs to no meeting, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", t("pick.cancel"), id="pick_meeting.cancel")]

    def __init__(self, kind: str, links: list[tuple[Trajectory, Meeting]]) -> None:
        super().__init__()
        self.kind, self.links = kind, links

    def compose(self) -> ComposeResult:
        options = [Option(Text(describe_meeting(tr.title, m.number, m.date)), id=str(index))
                   for index, (tr, m) in enumerate(self.links)]
        with Vertical(classes="dialog"):
            yield Static(t(f"pick.title.{self.kind}"), classes="dialog-title")
            yield OptionList(*options, Option(t("link.none"), id=str(UNLINKED)), id="meetings")

    def on_mount(self) -> None:
        meetings = self.query_one("#meetings", OptionList)
        meetings.highlighted = 0
        meetings.focus()

    @on(OptionList.OptionSelected, "#meetings")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
