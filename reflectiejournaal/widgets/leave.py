"""Leaving the writer with text that is not saved as an entry: keep it, save it, or not."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..locale import t

KEEP, SAVE, DISCARD = "keep", "save", "discard"


class LeaveDialog(ModalScreen[str | None]):
    """Dismisses with ``KEEP`` (as a draft: the proposal), ``SAVE``, ``DISCARD``, or None to
    go on writing (escape). ``editing``: the text is a saved entry's, changed."""

    BINDINGS = [Binding("escape", "stay", t("leave.stay"), id="leave.stay")]

    def __init__(self, editing: bool) -> None:
        super().__init__()
        self.editing = editing

    def compose(self) -> ComposeResult:
        variant = "changes" if self.editing else "text"
        with Vertical(classes="dialog"):
            yield Static(t(f"leave.question.{variant}"), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("leave.stay"), id="stay")
                yield Button(t(f"leave.discard.{variant}"), variant="error", id="discard")
                yield Button(t("leave.save"), id="save")
                yield Button(t("leave.keep"), variant="primary", id="keep")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    @on(Button.Pressed)
    def chosen(self, event: Button.Pressed) -> None:
        self.dismiss(None if event.button.id == "stay" else event.button.id)

    def action_stay(self) -> None:
        self.dismiss(None)
