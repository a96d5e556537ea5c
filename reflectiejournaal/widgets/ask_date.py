"""Ask a date (and time) in a small dialog: moving a meeting."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from ..locale import t
from ..trajectory import parse_date, parse_time


class AskDate(ModalScreen[tuple[dt.date, str] | None]):
    BINDINGS = [Binding("escape", "cancel", t("choose.cancel"), id="ask_date.cancel")]

    def __init__(self, question: str, date: dt.date, time: str = "") -> None:
        super().__init__()
        self.question, self.date, self.time = question, date, time

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question)
            with Horizontal(classes="fields"):
                yield Input(self.date.strftime("%d-%m-%Y"), placeholder=t("trajectory.start"),
                            id="date")
                yield Input(self.time, placeholder=t("trajectory.time"), id="time")
            yield Static("", id="error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(t("choose.cancel"), id="cancel")
                yield Button(t("trajectory.save"), variant="primary", id="ok")

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def ok(self) -> None:
        try:
            date = parse_date(self.query_one("#date", Input).value)
            text = self.query_one("#time", Input).value.strip()
            time = parse_time(text) if text else ""
        except ValueError:
            self.query_one("#error", Static).update(t("trajectory.bad_date"))
            return
        self.dismiss((date, time))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
