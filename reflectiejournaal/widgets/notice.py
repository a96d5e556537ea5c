"""Something to read once and acknowledge, as a modal dialog (the bundle code)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..locale import t


class NoticeDialog(ModalScreen[None]):
    """A title, lines of text (never markup), and one button that closes it."""

    BINDINGS = [Binding("escape", "close", t("notice.close"), id="notice.close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.text, id="notice-text", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("notice.close"), variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(None)
