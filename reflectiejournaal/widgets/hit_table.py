"""Search hits in a table, the match highlighted in its snippet (search and themes share it)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ..journal import SearchHit
from ..locale import kind_name, t


class HitTable(DataTable):
    """Rows keyed by entry id; user text shown as plain text, never as markup."""

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        self._add_columns()

    def _add_columns(self) -> None:
        for key in ("date", "kind", "title", "snippet"):
            self.add_column(t(f"search.col.{key}"), key=key)

    def show(self, hits: list[SearchHit]) -> None:
        # The columns anew, so their widths fit these hits: kept from a broader search before
        # (typing paused inside a word), a long title pushed the match out of view.
        self.clear(columns=True)
        self._add_columns()
        for hit in hits:
            snippet = Text(hit.snippet)
            if hit.span != (0, 0):
                snippet.stylize("bold reverse", *hit.span)
            self.add_row(hit.summary.created.strftime("%Y-%m-%d"), kind_name(hit.summary.kind),
                         Text(hit.summary.title), snippet, key=hit.summary.id)
