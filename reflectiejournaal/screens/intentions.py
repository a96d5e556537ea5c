"""All voornemens and gedragsexperimenten over time: open and looked back on."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from ..supervision.intentions import collect_intentions
from ..locale import t, tn


class IntentionsScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="intentions.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="intentions-count", classes="muted")
        yield DataTable(id="intentions", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("intentions.title")
        journal = self.app.journal  # type: ignore[attr-defined]
        titles = {tr.id: tr.title for tr in journal.trajectories()}
        found = collect_intentions(journal.trajectory_entries(), self.app.library)  # type: ignore[attr-defined]
        table = self.query_one("#intentions", DataTable)
        for key in ("date", "trajectory", "state", "text", "review"):
            table.add_column(t(f"intentions.col.{key}"), key=key)
        for i in reversed(found):  # newest first
            table.add_row(
                i.created.strftime("%d-%m-%Y"), Text(titles.get(i.trajectory, "?")),
                t("intention.reviewed") if i.reviewed else t("intention.open"),
                Text(" ".join(i.text.split())), Text(" ".join(i.review_text.split())),
            )
        open_count = sum(not i.reviewed for i in found)
        self.query_one("#intentions-count", Static).update(
            tn("intentions.count", len(found), open=open_count))

    def action_back(self) -> None:
        self.app.pop_screen()
