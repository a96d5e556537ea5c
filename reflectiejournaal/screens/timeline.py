"""Every entry on a timeline, by year and month or by trajectory; opening one reads it."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Header, Tree

from ..locale import kind_name, t

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


class TimelineScreen(Screen[None]):
    BINDINGS = [
        Binding("g", "toggle_grouping", t("timeline.binding.grouping"), id="timeline.grouping"),
        Binding("escape", "back", t("app.binding.back"), id="timeline.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.by_trajectory = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Tree(t("timeline.root"), id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("timeline.title")
        self.build()
        self.query_one("#timeline").focus()

    def build(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        summaries = journal.summaries()
        tree = self.query_one("#timeline", Tree)
        tree.clear()
        tree.root.expand()
        if self.by_trajectory:
            titles = {tr.id: tr.title for tr in journal.trajectories()}
            ordered = sorted(summaries, key=lambda s: (titles.get(s.trajectory or "", "~"),
                                                       s.meeting or 0, s.sort_key))
            for key, group in groupby(ordered, key=lambda s: titles.get(s.trajectory or "", "")):
                branch = tree.root.add(Text(key or t("timeline.no_trajectory")), expand=True)
                for s in group:
                    branch.add_leaf(self.label(s), data=s.id)
            return
        # Years are filled in when opened: ten years of entries need not all be nodes at once.
        self.years = {year: list(group) for year, group in
                      groupby(summaries, key=lambda s: s.created.year)}
        for index, (year, in_year) in enumerate(self.years.items()):
            node = tree.root.add(t("timeline.year", year=year, count=len(in_year)),
                                 data=("year", year), allow_expand=True)
            if index == 0:
                self.fill_year(node)
                node.expand()

    def fill_year(self, node) -> None:
        _, year = node.data
        node.data = ("filled", year)
        for month, in_month in groupby(self.years[year], key=lambda s: s.created.month):
            month_node = node.add(MONTHS[month - 1], expand=True)
            for s in in_month:
                month_node.add_leaf(self.label(s), data=s.id)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded) -> None:
        data = event.node.data
        if isinstance(data, tuple) and data[0] == "year":
            self.fill_year(event.node)

    @staticmethod
    def label(s) -> Text:
        meeting = t("timeline.meeting", number=s.meeting) if s.meeting else ""
        label = Text(f"{s.created:%d-%m} ")
        label.append(f"{kind_name(s.kind)}{meeting} ", style="bold")
        label.append(s.title)
        if s.first_line:
            label.append(f" — {s.first_line}", style="dim")
        return label

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:

        if isinstance(event.node.data, str):
            self.app.open_entry(event.node.data)  # type: ignore[attr-defined]

    def action_toggle_grouping(self) -> None:
        self.by_trajectory = not self.by_trajectory
        self.build()

    def action_back(self) -> None:
        self.app.pop_screen()
