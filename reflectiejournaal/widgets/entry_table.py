"""A table of entries (dashboard and the full list): user text never read as markup."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ..index import EntrySummary
from ..locale import kind_name, t


class EntryTable(DataTable):
    """Rows keyed by entry id; titles and tags are shown as plain text."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self.add_column(t("dashboard.col.date"), key="date")
        self.add_column(t("dashboard.col.kind"), key="kind")
        self.add_column(t("dashboard.col.title"), key="title")
        self.add_column(t("dashboard.col.tags"), key="tags")
        self.add_column(t("dashboard.col.words"), key="words")

    def show(self, summaries: list[EntrySummary], marked: set[str] = frozenset()) -> None:  # type: ignore[assignment]
        self.clear()
        for s in summaries:
            self.add_row(
                ("✓ " if s.id in marked else "") + s.created.strftime("%Y-%m-%d"),
                kind_name(s.kind),
                Text(s.title or t("dashboard.untitled")),
                Text(" ".join(f"#{tag}" for tag in s.tags)),
                Text(str(s.words), justify="right"),
                key=s.id,
            )
