"""Looking back: statistics, the balance of reflection as a chart, and themes as threads."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, DataTable, Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from .. import balance, stats
from ..index import Filters
from ..messages import describe_balance, t
from ..themes import learning_questions, question_thread
from ..widgets.field import labelled
from ..widgets.hit_table import HitTable
from .search import TYPING_PAUSE


class ReviewScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="review.back")]

    def __init__(self) -> None:
        super().__init__()
        self._numbers_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-panes"):
            with VerticalScroll(id="numbers"):
                yield Static(t("terugblik.start"), classes="section-title")
                yield labelled(t("label.from"), Input(placeholder=t("hours.from"), id="tb-from"))
                yield labelled(t("label.to"), Input(placeholder=t("hours.to"), id="tb-to"))
                yield Button(t("terugblik.button"), id="terugblik")
                yield Static("", id="stats", markup=False)
                yield Static("", id="balance", markup=False, classes="chart")
            with Vertical(id="themes"):
                yield Static(t("review.themes"), classes="section-title")
                yield Input(placeholder=t("review.own_theme"), id="theme")
                yield OptionList(id="theme-list")
                yield HitTable(id="thread")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("review.title")
        self.show_numbers()
        self.show_themes()

    def period(self) -> tuple:
        from ..trajectory import parse_date

        found = []
        for name in ("from", "to"):
            text = self.query_one(f"#tb-{name}", Input).value.strip()
            try:
                found.append(parse_date(text) if text else None)
            except ValueError:
                found.append(None)
        return tuple(found)

    @on(Input.Changed, "#tb-from")
    @on(Input.Changed, "#tb-to")
    def period_changed(self) -> None:
        # The balance decrypts every NIP/SKJ entry: wait for a pause in typing, not each key.
        if self._numbers_timer is not None:
            self._numbers_timer.stop()
        self._numbers_timer = self.set_timer(TYPING_PAUSE, self.show_numbers)

    def show_numbers(self) -> None:
        """Statistics and the balance, for the period typed above (or everything)."""
        journal = self.app.journal  # type: ignore[attr-defined]
        start, end = self.period()
        summaries = journal.summaries(filters=Filters(start=start, end=end))
        numbers = stats.compute(summaries, journal.trajectories(), self.app.today())  # type: ignore[attr-defined]
        lines = [t("stats.summary", entries=numbers.entries, words=numbers.words,
                   longest=numbers.longest_streak_weeks, current=numbers.current_streak_weeks)]
        most = max((e for e, _ in numbers.per_month.values()), default=0)
        for month, (entries, words) in list(numbers.per_month.items())[-12:]:
            lines.append(f"  {month}  {balance.bar(entries, most, 14):<14} {entries:>3} · "
                         f"{words} {t('stats.words')}")
        lines += [t("stats.meetings", title=title, held=h, planned=p)
                  for title, (h, p) in numbers.meetings.items()]
        self.query_one("#stats", Static).update("\n".join(lines))
        relevant = [s for s in summaries if s.prompt_set in balance.FRAMEWORKS.values()]
        bodies = journal.bodies(relevant)
        library = self.app.library  # type: ignore[attr-defined]
        charts = [describe_balance(name, balance.compute(name, bodies, library), label=30,
                                   width=14) for name in balance.FRAMEWORKS]
        self.query_one("#balance", Static).update("\n\n".join(charts))

    def show_themes(self) -> None:
        summaries = self.app.journal.summaries()  # type: ignore[attr-defined]
        counts: dict[str, int] = {}
        for s in summaries:
            for tag in s.tags:
                counts[tag] = counts.get(tag, 0) + 1
        themes = self.query_one("#theme-list", OptionList)
        self.questions = learning_questions(self.app.journal)  # type: ignore[attr-defined]
        for index, question in enumerate(self.questions):
            themes.add_option(Option(Text(f"? {question}"), id=f"?{index}"))
        for tag, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            themes.add_option(Option(Text(f"#{tag} ({count})"), id=f"#{tag}"))

    @on(Button.Pressed, "#terugblik")
    def start_terugblik(self) -> None:
        from ..drafts import Draft
        from ..trajectory import parse_date
        from .write import WriteScreen

        try:
            start, end = (parse_date(v) if (v := self.query_one(f"#tb-{n}", Input).value.strip())
                          else None for n in ("from", "to"))
        except ValueError:
            self.notify(t("trajectory.bad_date"), severity="error")
            return
        journal = self.app.journal  # type: ignore[attr-defined]
        period = {"start": start.isoformat() if start else None,
                  "end": end.isoformat() if end else None}
        self.app.push_screen(WriteScreen(Draft(journal.new_draft_id(), "evaluation", "terugblik",
                                               looks_back=period)))

    @on(OptionList.OptionSelected, "#theme-list")
    def theme_thread(self, event: OptionList.OptionSelected) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        theme = str(event.option.id)
        if theme.startswith("?"):
            self.show_thread(question_thread(journal, self.questions[int(theme[1:])]))
        else:
            self.show_thread(journal.search("", Filters(tag=theme[1:])))

    @on(Input.Submitted, "#theme")
    def phrase_thread(self, event: Input.Submitted) -> None:
        phrase = event.value.strip().replace('"', "")
        if phrase:
            self.show_thread(self.app.journal.search(f'"{phrase}"'))  # type: ignore[attr-defined]

    def show_thread(self, hits) -> None:
        """Every entry touching the theme, oldest first: a thread through the years."""
        self.query_one("#thread", HitTable).show(sorted(hits, key=lambda h: h.summary.sort_key))

    @on(DataTable.RowSelected, "#thread")
    def open_entry(self, event: DataTable.RowSelected) -> None:
        from .entry import EntryScreen

        self.app.push_screen(EntryScreen(str(event.row_key.value)))

    def action_back(self) -> None:
        self.app.pop_screen()
