"""All entries, newest first, filtered by kind and tag."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Select, Static

from ..locale import kind_name, t, tn
from ..model import KINDS
from ..widgets.entry_table import EntryTable


class EntriesScreen(Screen[None]):
    # The list, from the first moment: Enter typed right after `a` opens a text, never the
    # kind filter (focusing it in on_mount raced Textual's own first focus).
    AUTO_FOCUS = "#entries"
    BINDINGS = [
        Binding("space", "mark", t("entries.binding.mark"), id="entries.mark"),
        Binding("b", "bundle", t("entries.binding.bundle"), id="entries.bundle"),
        Binding("escape", "back", t("app.binding.back"), id="entries.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.marked: list[str] = []  # hand-picked for a bundle, in the order picked

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

    def on_screen_resume(self) -> None:
        self.refresh_list()

    def show_changes(self) -> None:
        """Something was written beside the app (see ``App.pick_up_changes``)."""
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
        self.query_one("#entries", EntryTable).show(summaries, marked=set(self.marked))
        count = tn("entries.count", len(summaries))
        if self.marked:
            count += " · " + t("entries.marked", count=len(self.marked))
        self.query_one("#count", Static).update(count)

    def _current(self) -> str | None:
        table = self.query_one("#entries", EntryTable)
        if not table.row_count:
            return None
        return str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def action_mark(self) -> None:
        current = self._current()
        if current is None:
            return
        if current in self.marked:
            self.marked.remove(current)
        else:
            self.marked.append(current)
        table = self.query_one("#entries", EntryTable)
        row = table.cursor_row
        self.refresh_list()
        table.move_cursor(row=min(row + 1, table.row_count - 1))

    def action_bundle(self) -> None:
        from .bundle import BundleScreen

        chosen = self.marked or [c for c in [self._current()] if c]
        if chosen:
            self.app.push_screen(BundleScreen(entry_ids=list(chosen)))

    @on(DataTable.RowSelected, "#entries")
    def open_entry(self, event: DataTable.RowSelected) -> None:

        self.app.open_entry(str(event.row_key.value))  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()
