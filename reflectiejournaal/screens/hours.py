"""Contact hours for (re)registration: totals, and exports as CSV or a Markdown table."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Markdown, Static

from ..errors import WriteFailed
from ..vault.fsutil import write_private
from ..supervision.hours import as_hours, hours_rows, to_csv, to_markdown, totals
from ..locale import describe, t, tn
from ..trajectory import parse_date


class HoursScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="hours.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="hours"):
            with Horizontal(classes="fields"):
                yield Input(placeholder=t("hours.from"), id="from")
                yield Input(placeholder=t("hours.to"), id="to")
            yield Markdown(id="totals")
            yield Static(t("hours.note"), classes="muted")
            yield Input("~/contacturen", placeholder=t("hours.path"), id="path")
            with Horizontal(classes="buttons"):
                yield Button(t("hours.csv"), id="csv")
                yield Button(t("hours.markdown"), id="markdown")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("hours.title")
        self.refresh_totals()

    def rows(self):
        start, end = (self._date(f"#{name}") for name in ("from", "to"))
        journal = self.app.journal  # type: ignore[attr-defined]
        return hours_rows(journal.trajectories(), self.app.today(), start, end)  # type: ignore[attr-defined]

    def _date(self, selector: str):
        text = self.query_one(selector, Input).value.strip()
        try:
            return parse_date(text) if text else None
        except ValueError:
            return None

    @on(Input.Changed, "#from")
    @on(Input.Changed, "#to")
    def refresh_totals(self) -> None:
        rows = self.rows()
        lines = [f"| {t('hours.per')} | {t('hours.title').lower()} |", "|---|---:|"]
        for key in ("form", "trajectory", "year"):
            lines += [f"| {name} | {as_hours(m)} |" for name, m in totals(rows, key).items()]
        lines.append(f"| **{t('hours.total')}** | **{as_hours(sum(r.minutes for r in rows))}** |")
        self.query_one("#totals", Markdown).update("\n".join(lines))

    @on(Button.Pressed, "#csv")
    @on(Button.Pressed, "#markdown")
    def export(self, event: Button.Pressed) -> None:
        csv = event.button.id == "csv"
        base = Path(self.query_one("#path", Input).value.strip()).expanduser()
        path = base.with_suffix(".csv" if csv else ".md")
        rows = self.rows()
        text = to_csv(rows) if csv else to_markdown(rows, t("hours.title"))
        try:
            write_private(path, text.encode("utf-8"))
        except WriteFailed as error:
            self.notify(describe(error), severity="error")
            return
        self.notify(tn("cli.hours_written", len(rows), path=path))

    def action_back(self) -> None:
        self.app.pop_screen()
