"""F1: the keys, and the rhythm of supervision and intervision."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from ..locale import t


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", t("app.binding.back"), id="help.close"),
        Binding("f1", "close", t("app.binding.back"), id="help.close_f1"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Markdown(t("help.text"))

    def action_close(self) -> None:
        self.dismiss()
