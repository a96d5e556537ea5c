"""All entries, newest first, filtered by kind and tag."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from ..messages import kind_name, t
from ..model import KINDS
from ..widgets.entry_table import EntryTable


class EntriesScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="entries.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(classes="fields"):
            yield Select([(kind_name(k).capitalize(), k) for k in KINDS],
                         prompt=t("entries.all_kinds"), id="kind")
            yield Input(placeholder=t("entries.tag"), id="tag")
        yield Static("", id="count", classes="muted")
        yield EntryTable(id="entries")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("entries.title")
        self.refresh_list()
        self.query_one("#entries").focus()

    def on_screen_resume(self) -> None:
        self.refresh_list()

    @on(Select.Changed, "#kind")
    @on(Input.Changed, "#tag")
    def refresh_list(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        if journal is None:
            return
        kind = self.query_one("#kind", Select).value
        tag = self.query_one("#tag", Input).value.strip()
        summaries = journal.summaries(kind=None if kind is Select.NULL else str(kind),
                                      tag=tag or None)
        self.query_one("#entries", EntryTable).show(summaries)
        self.query_one("#count", Static).update(t("entries.count", count=len(summaries)))

    @on(DataTable.RowSelected, "#entries")
    def open_entry(self, event: DataTable.RowSelected) -> None:
        from .entry import EntryScreen

        self.app.push_screen(EntryScreen(str(event.row_key.value)))

    def action_back(self) -> None:
        self.app.pop_screen()
