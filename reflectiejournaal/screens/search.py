"""Search everything while typing: results come from a worker, so typing never waits."""

from __future__ import annotations

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Header, Input, Select, Static
from textual.worker import get_current_worker

from ..index import Filters
from ..journal import SearchHit
from ..locale import kind_name, t, tn
from ..locale.describe import describe_where
from ..model import KINDS
from ..trajectory import parse_date
from ..widgets.hit_table import HitTable

TYPING_PAUSE = 0.25
MAX_SHOWN = 500


class SearchScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="search.back")]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.hits: list[SearchHit] = []
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        journal = self.app.journal  # type: ignore[attr-defined]
        # Titles as plain Text: "[/]" in a title is a title, never markup.
        trajectories = [(Text(tr.title), tr.id) for tr in journal.trajectories()]
        sets = sorted(((Text(s.title), s.id) for s in self.app.library.sets.values()),  # type: ignore[attr-defined]
                      key=lambda option: option[0].plain)
        yield Header()
        yield Input(self.initial, placeholder=t("search.placeholder"), id="query")
        with Horizontal(classes="fields"):
            yield Select([(kind_name(k).capitalize(), k) for k in KINDS], prompt=t("entries.all_kinds"), id="kind")
            yield Select(trajectories, prompt=t("search.all_trajectories"), id="trajectory")
            yield Select(sets, prompt=t("search.all_sets"), id="prompt-set")
        with Horizontal(classes="fields"):
            yield Input(placeholder=t("entries.tag"), id="tag")
            yield Input(placeholder=t("hours.from"), id="from")
            yield Input(placeholder=t("hours.to"), id="to")
        yield Static("", id="search-count", classes="muted")
        yield HitTable(id="results")
        # The supervisor's words that match: under their own heading, never among the entries.
        yield Static("", id="supervisor-results", classes="supervisor-feedback", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("search.title")
        self.query_one("#supervisor-results", Static).display = False
        self.query_one("#query", Input).focus()
        if self.initial:
            self.run_search()

    @on(Input.Changed)
    @on(Select.Changed)
    def changed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPING_PAUSE, self.run_search)

    def filters(self) -> Filters | None:
        def value(selector: str) -> str | None:
            chosen = self.query_one(selector, Select).value
            return None if chosen is Select.NULL else str(chosen)

        def date(selector: str):
            text = self.query_one(selector, Input).value.strip()
            try:
                return parse_date(text) if text else None
            except ValueError:
                return None

        values = dict(kind=value("#kind"), trajectory=value("#trajectory"),
                      prompt_set=value("#prompt-set"),
                      tag=self.query_one("#tag", Input).value.strip() or None,
                      start=date("#from"), end=date("#to"))
        return Filters(**values) if any(v is not None for v in values.values()) else None

    def run_search(self) -> None:
        self.search(self.query_one("#query", Input).value, self.filters())

    # A worker's name shows its arguments by default: not the search terms.
    @work(thread=True, exclusive=True, group="search", description="search")
    def search(self, text: str, filters: Filters | None) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        hits = journal.search(text, filters)
        theirs = journal.search_supervisor(text) if filters is None else []
        titles = {s.id: s.title for s in journal.summaries()} if theirs else {}
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, hits, theirs, titles)

    def show(self, hits: list[SearchHit], theirs: list | None = None,
             titles: dict[str, str] | None = None) -> None:
        self.hits = hits[:MAX_SHOWN]
        self.query_one("#results", HitTable).show(self.hits)
        self.query_one("#search-count", Static).update(t("search.count", count=len(hits)))
        found = self.query_one("#supervisor-results", Static)
        found.display = bool(theirs)
        lines = [tn("search.supervisor", len(theirs or []))]
        for words, snippet, _ in theirs or []:
            lines.append(f"{describe_where(words, titles or {})}: {snippet}")
        found.update("\n".join(lines))

    @on(Input.Submitted, "#query")
    def to_results(self) -> None:
        """Enter (or Down) in the search field: into the results, the first one chosen."""
        results = self.query_one("#results", HitTable)
        if results.row_count:
            results.move_cursor(row=0)
            results.focus()

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.focused is self.query_one("#query"):
            event.stop()
            self.to_results()

    @on(DataTable.RowSelected, "#results")
    def open_hit(self, event: DataTable.RowSelected) -> None:

        self.app.open_entry(str(event.row_key.value))  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()
