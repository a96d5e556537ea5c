"""Looking back: statistics, activity and the balance of reflection as charts, themes as threads."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.validation import ValidationResult, Validator
from textual.widgets import Button, DataTable, Footer, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from ..review import balance
from ..review import periods
from ..review import stats
from ..index import Filters
from ..journal import Journal
from ..locale import describe_bucket, describe_period, t, tn
from ..review.themes import learning_questions, question_thread
from ..trajectory import parse_date
from ..widgets.charts import BarChart
from ..widgets.field import labelled
from ..widgets.hit_table import HitTable
from .search import TYPING_PAUSE

ALL = "all"  # the trajectory choice for every entry, and the period choice for every date
CUSTOM = "custom"
MIN_YEAR, MAX_YEAR = 1950, 2150  # outside: a typing slip (1-1-1026), not a period to chart


class DateText(Validator):
    """Empty (an open end) or a date as the app reads it."""

    def validate(self, value: str) -> ValidationResult:
        try:
            day = parse_date(value) if value.strip() else None
        except ValueError:
            return self.failure(t("period.bad_date", text=value.strip()))
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
            return self.failure(t("period.bad_year", text=value.strip()))
        return self.success()


class ReviewScreen(Screen[None]):
    AUTO_FOCUS = "#tb-trajectory"  # the first field, not the pane around it
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="review.back")]

    def __init__(self) -> None:
        super().__init__()
        self._numbers_timer: Timer | None = None
        self._scope: str | None = None  # the trajectory the numbers were counted for
        self.questions: list[str] = []

    def compose(self) -> ComposeResult:
        journal = self.app.journal  # type: ignore[attr-defined]
        scopes = [(Text(t("review.all_trajectories")), ALL)] + [  # titles as text, not markup
            (Text(tr.title), tr.id) for tr in journal.trajectories()]
        choices = [(t(f"period.{p}"), p) for p in periods.PRESETS] + [(t("period.custom"), CUSTOM)]
        yield Header()
        with Horizontal(id="review-panes"):
            with VerticalScroll(id="numbers"):
                yield Static(t("terugblik.start"), classes="section-title")
                yield labelled(t("review.label.trajectory"),
                               Select(scopes, value=ALL, allow_blank=False, id="tb-trajectory"))
                yield labelled(t("review.label.period"),
                               Select(choices, value=ALL, allow_blank=False, id="tb-period"))
                for name, placeholder in (("from", "hours.from"), ("to", "hours.to")):
                    yield labelled(t(f"label.{name}"),
                                   Input(placeholder=t(placeholder), id=f"tb-{name}",
                                         validators=[DateText()]))
                yield Static(describe_period(None, None), id="period-note", markup=False)
                yield Button(t("terugblik.button"), id="terugblik")
                yield Static("", id="stats", markup=False)
                yield BarChart(id="activity")
                yield Static("", id="meetings-held", markup=False)
                yield Static(t("review.balance"), id="balance-title", classes="section-title")
                for name in balance.FRAMEWORKS:
                    yield BarChart(id=f"balance-{name}", classes="balance")
                    yield Static("", id=f"balance-{name}-note", markup=False, classes="muted")
            with Vertical(id="themes"):
                yield Static(t("review.themes"), classes="section-title")
                yield Input(placeholder=t("review.own_theme"), id="theme")
                yield OptionList(id="theme-list")
                yield Static(t("review.themes.none"), id="themes-none", markup=False,
                             classes="muted")
                yield HitTable(id="thread")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("review.title")

    def on_screen_resume(self) -> None:
        """On opening and on coming back, say after saving a terugblik: the numbers are new."""
        if self.app.journal is None:  # type: ignore[attr-defined]
            return  # resumed on the way out while the app locks
        self.show_numbers()
        self.show_themes()

    # -- the period ----------------------------------------------------------------------------
    def period(self) -> tuple[dt.date | None, dt.date | None]:
        """The typed dates (None: open); ValueError with a message when they cannot be used."""
        found = []
        for name in ("from", "to"):
            field = self.query_one(f"#tb-{name}", Input)
            result = field.validate(field.value)
            if result is not None and not result.is_valid:
                raise ValueError(result.failure_descriptions[0])
            found.append(parse_date(field.value) if field.value.strip() else None)
        start, end = found
        if start and end and start > end:
            raise ValueError(t("period.backwards"))
        return start, end

    def trajectory(self) -> str | None:
        value = self.query_one("#tb-trajectory", Select).value
        return None if value == ALL else str(value)

    @on(Select.Changed, "#tb-period")
    def period_chosen(self, event: Select.Changed) -> None:
        if event.value == CUSTOM:
            self.query_one("#tb-from", Input).focus()
            return
        start, end = periods.bounds(str(event.value), self.app.today())  # type: ignore[attr-defined]
        for name, day in (("from", start), ("to", end)):
            self.query_one(f"#tb-{name}", Input).value = (
                f"{day.day}-{day.month}-{day.year}" if day else "")

    @on(Select.Changed, "#tb-trajectory")
    def trajectory_chosen(self) -> None:
        if self.trajectory() != self._scope:  # not the Select's own report of its first value
            self.show_numbers()

    @on(Input.Changed, "#tb-from")
    @on(Input.Changed, "#tb-to")
    def period_changed(self) -> None:
        try:
            start, end = self.period()
        except ValueError as problem:
            self.query_one("#period-note", Static).update(str(problem))
            self.query_one("#period-note").add_class("error")
            return
        self.query_one("#period-note", Static).update(describe_period(start, end))
        self.query_one("#period-note").remove_class("error")
        chosen = self.query_one("#tb-period", Select)
        choice = periods.preset_of(start, end, self.app.today(), prefer=str(chosen.value))  # type: ignore[attr-defined]
        with self.prevent(Select.Changed):
            chosen.value = choice or CUSTOM
        # The balance decrypts every NIP/SKJ entry: wait for a pause in typing, not each key.
        if self._numbers_timer is not None:
            self._numbers_timer.stop()
        self._numbers_timer = self.set_timer(TYPING_PAUSE, self.show_numbers)

    @on(Input.Submitted, "#tb-from")
    @on(Input.Submitted, "#tb-to")
    def period_submitted(self) -> None:
        if self._numbers_timer is not None:
            self._numbers_timer.stop()
        self.show_numbers()

    # -- the numbers ---------------------------------------------------------------------------
    def show_numbers(self) -> None:
        """Statistics, activity and balance for the period and trajectory chosen above."""
        try:
            start, end = self.period()
        except ValueError:
            return  # the note under the dates says why; the last good numbers stay
        self._scope = self.trajectory()
        self.count(self.app.journal, start, end, self._scope)  # type: ignore[attr-defined]

    # The balance decrypts every NIP/SKJ entry (0.1 s at 10,000 entries): off the UI thread.
    # A lock while counting closes the journal under it: that count is simply not shown.
    @work(thread=True, exclusive=True, exit_on_error=False, group="numbers", description="numbers")
    def count(self, journal: Journal, start: dt.date | None, end: dt.date | None,
              trajectory: str | None) -> None:
        today = self.app.today()  # type: ignore[attr-defined]
        summaries = journal.summaries(filters=Filters(start=start, end=end, trajectory=trajectory))
        trajectories = [tr for tr in journal.trajectories() if trajectory in (None, tr.id)]
        numbers = stats.compute(summaries, trajectories, today)
        buckets = stats.activity(summaries, start, end, today)
        bodies = journal.bodies([s for s in summaries
                                 if s.prompt_set in balance.FRAMEWORKS.values()])
        balances = {name: balance.compute(name, bodies, self.app.library)  # type: ignore[attr-defined]
                    for name in balance.FRAMEWORKS}
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.draw, numbers, buckets, balances)

    def draw(self, numbers: stats.Stats, buckets: list[stats.Bucket],
             balances: dict[str, balance.Balance]) -> None:
        self.query_one("#stats", Static).update(
            t("stats.summary", entries=tn("count.entries", numbers.entries),
              words=tn("count.words", numbers.words),
              longest=tn("count.weeks", numbers.longest_streak_weeks),
              current=numbers.current_streak_weeks))
        self.show_activity(buckets)
        self.query_one("#meetings-held", Static).update("\n".join(
            tn("stats.meetings", planned, title=title, held=held, planned=planned)
            for title, held, planned in numbers.meetings.values()))
        for name, result in balances.items():
            self.show_balance(name, result)

    def show_activity(self, buckets: list[stats.Bucket]) -> None:
        chart = self.query_one("#activity", BarChart)
        chart.display = any(b.entries for b in buckets)
        if not chart.display:
            self.query_one("#stats", Static).update(t("review.activity.none"))
            return
        size = buckets[0].size
        title = t(f"review.activity.{size}", first=describe_bucket(buckets[0].start, size, long=True),
                  last=describe_bucket(buckets[-1].start, size, long=True))
        chart.show(title, [(describe_bucket(b.start, size), b.entries) for b in buckets])

    def show_balance(self, name: str, result: balance.Balance) -> None:
        chart = self.query_one(f"#balance-{name}", BarChart)
        note = self.query_one(f"#balance-{name}-note", Static)
        chart.display = result.entries > 0
        if not chart.display:
            prompt_set = self.app.library.sets.get(balance.FRAMEWORKS[name])  # type: ignore[attr-defined]
            note.update(t("review.balance.none", set=prompt_set.title if prompt_set else name))
            return
        chart.show(tn(f"review.balance.{name}", result.entries, entries=result.entries),
                   [(f"{a.label} {result.counts[a.prompt_id]}", result.counts[a.prompt_id])
                    for a in result.aspects])
        note.update("\n".join(tn("stats.untouched", missing, aspect=a.title)
                              for a, missing in result.untouched()))

    # -- themes --------------------------------------------------------------------------------
    def show_themes(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        counts: dict[str, int] = {}
        for s in journal.summaries():
            for tag in s.tags:
                counts[tag] = counts.get(tag, 0) + 1
        themes = self.query_one("#theme-list", OptionList)
        highlighted = themes.highlighted
        themes.clear_options()
        self.questions = learning_questions(journal, library=self.app.library)  # type: ignore[attr-defined]
        for index, question in enumerate(self.questions):
            themes.add_option(Option(Text(f"? {question}"), id=f"?{index}"))
        for tag, count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            themes.add_option(Option(Text(f"#{tag} ({count})"), id=f"#{tag}"))
        if themes.option_count:
            themes.highlighted = min(highlighted or 0, themes.option_count - 1)
        themes.display = bool(themes.option_count)
        self.query_one("#themes-none").display = not themes.option_count

    @on(Button.Pressed, "#terugblik")
    def start_terugblik(self) -> None:
        from ..drafts import Draft

        try:
            start, end = self.period()
        except ValueError as problem:
            self.notify(str(problem), severity="error")
            return
        journal = self.app.journal  # type: ignore[attr-defined]
        period = {"start": start.isoformat() if start else None,
                  "end": end.isoformat() if end else None}
        self.app.write(Draft(journal.new_draft_id(), "evaluation", "terugblik",  # type: ignore[attr-defined]
                             trajectory=self.trajectory(), looks_back=period))

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
        else:
            self.to_themes()

    def on_key(self, event: events.Key) -> None:
        """Down from the theme field goes into the list below it, as from the search field."""
        if event.key == "down" and self.focused is self.query_one("#theme"):
            event.stop()
            self.to_themes()

    def to_themes(self) -> None:
        themes = self.query_one("#theme-list", OptionList)
        if themes.option_count:
            themes.focus()

    def show_thread(self, hits) -> None:
        """Every entry touching the theme, oldest first: a thread through the years."""
        self.query_one("#thread", HitTable).show(sorted(hits, key=lambda h: h.summary.sort_key))

    @on(DataTable.RowSelected, "#thread")
    def open_entry(self, event: DataTable.RowSelected) -> None:

        self.app.open_entry(str(event.row_key.value))  # type: ignore[attr-defined]

    def action_back(self) -> None:
        self.app.pop_screen()
