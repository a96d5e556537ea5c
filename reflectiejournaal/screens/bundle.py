"""A bundle for the supervisor: choose entries, review every finding, preview, write.

Nothing leaves the vault before the review: each finding is replaced or kept (one by one, or
all of a kind), writing with findings still open asks for confirmation, and the vault entries
themselves are never changed.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Markdown, Select, Static

from ..bundle import BundleInfo, Review, Selection, to_markdown
from ..bundle_html import FORMATS, write_bundle
from ..errors import WriteFailed
from ..messages import describe, t
from ..trajectory import parse_date
from ..widgets.confirm import ConfirmDialog

ALL = "__alle__"
SUFFIX = {"html-encrypted": ".html", "html": ".html", "md": ".md"}


class BundleScreen(Screen[None]):
    BINDINGS = [
        Binding("v", "decide(True, False)", t("bundle.binding.replace"), id="bundle.replace"),
        Binding("l", "decide(False, False)", t("bundle.binding.keep"), id="bundle.keep"),
        Binding("w", "other_replacement", t("bundle.binding.other"), id="bundle.other"),
        Binding("V", "decide(True, True)", t("bundle.binding.replace_kind"), id="bundle.replace_kind"),
        Binding("L", "decide(False, True)", t("bundle.binding.keep_kind"), id="bundle.keep_kind"),
        Binding("ctrl+n", "app.clients", t("bundle.binding.clients"), id="bundle.clients"),
        Binding("escape", "back", t("app.binding.back"), id="bundle.back"),
    ]

    def __init__(self, entry_ids: list[str] | None = None) -> None:
        super().__init__()
        self.entry_ids = entry_ids or []  # hand-picked in the list of entries
        self.review: Review | None = None
        self.entries: list = []
        self.rows: list[tuple[str, int]] = []  # (entry id, finding index) per table row

    def compose(self) -> ComposeResult:
        journal = self.app.journal  # type: ignore[attr-defined]
        trajectories = [(tr.title, tr.id) for tr in journal.trajectories()]
        yield Header()
        with VerticalScroll(id="bundle"):
            yield Static(t("bundle.step.choose"), classes="section-title")
            yield Static(t("bundle.picked", count=len(self.entry_ids)), id="picked", classes="muted")
            with Horizontal(classes="fields", id="choice"):
                yield Select([(t("bundle.all"), ALL), *trajectories], value=ALL,
                             allow_blank=False, id="trajectory")
                yield Input(placeholder=t("bundle.meetings"), id="meetings")
                yield Input(placeholder=t("hours.from"), id="from")
                yield Input(placeholder=t("hours.to"), id="to")
            with Horizontal(classes="fields"):
                yield Input(placeholder=t("bundle.supervisant"), id="supervisant")
                yield Input(placeholder=t("bundle.supervisor"), id="supervisor")
            yield Input(placeholder=t("bundle.note"), id="note")
            yield Button(t("bundle.scan"), variant="primary", id="scan")
            with Vertical(id="review-step"):
                yield Static("", id="review-title", classes="section-title")
                yield Static(t("bundle.review_help"), classes="muted")
                yield DataTable(id="findings", cursor_type="row", zebra_stripes=True)
                with Horizontal(classes="buttons"):
                    yield Button(t("bundle.replace_all"), id="replace-all")
                    yield Button(t("bundle.keep_all"), id="keep-all")
                yield Static(t("bundle.preview"), classes="section-title")
                yield Markdown(id="preview")
                yield Static(t("bundle.step.write"), classes="section-title")
                with Horizontal(classes="fields"):
                    yield Select([(t(f"bundle.format.{f}"), f) for f in FORMATS],
                                 value="html-encrypted", allow_blank=False, id="format")
                    yield Input(str(Path.home() / "bundel"), id="path")
                yield Button(t("bundle.write"), variant="primary", id="write")
                yield Static("", id="result", classes="result")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("bundle.screen_title")
        self.query_one("#review-step").display = False
        self.query_one("#picked").display = bool(self.entry_ids)
        self.query_one("#choice").display = not self.entry_ids
        table = self.query_one("#findings", DataTable)
        for key in ("kind", "context", "replacement", "decision"):
            table.add_column(t(f"bundle.col.{key}"), key=key)

    # -- step 1: choose ---------------------------------------------------------------------------
    @on(Button.Pressed, "#scan")
    def scan(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        try:
            selection = self._selection()
        except ValueError:
            self.notify(t("bundle.bad_choice"), severity="error")
            return
        self.entries = selection.entries(journal)
        if not self.entries:
            self.notify(t("cli.bundle_empty"), severity="warning")
            return
        self.review = Review.of(self.entries, journal.clients(), self.app.today())  # type: ignore[attr-defined]
        self.rows = [(e.id, i) for e in self.entries for i in range(len(self.review.findings[e.id]))]
        self.query_one("#review-step").display = True
        self.query_one("#result", Static).update("")
        self.show_review()
        self.query_one("#findings").focus()

    def _selection(self) -> Selection:
        if self.entry_ids:
            return Selection(entry_ids=self.entry_ids)
        trajectory = self.query_one("#trajectory", Select).value
        meetings_text = self.query_one("#meetings", Input).value.strip()
        meetings = None
        if meetings_text:
            first, _, last = meetings_text.partition("-")
            meetings = (int(first), int(last or first))
        dates = [self.query_one(f"#{name}", Input).value.strip() for name in ("from", "to")]
        start, end = (parse_date(d) if d else None for d in dates)
        return Selection(trajectory=None if trajectory == ALL else str(trajectory),
                         meetings=meetings, start=start, end=end)

    # -- step 2: review -----------------------------------------------------------------------------
    def show_review(self) -> None:
        review = self.review
        if review is None:
            return
        table = self.query_one("#findings", DataTable)
        cursor = table.cursor_row
        table.clear()
        texts = {e.id: f"{e.title}\n{e.body}" for e in self.entries}
        for entry_id, index in self.rows:
            finding = review.findings[entry_id][index]
            before, match, after = finding.context(texts[entry_id], width=30)
            context = Text("…" + before)
            context.append(match, style="bold reverse")
            context.append(after + "…")
            decision = ("replaced" if index in review.replace.get(entry_id, set()) else
                        "kept" if index in review.kept.get(entry_id, set()) else "open")
            table.add_row(t(f"finding.{finding.kind}"), context,
                          Text(review.replacement(entry_id, index)),
                          t(f"bundle.decision.{decision}"))
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        self.query_one("#review-title", Static).update(t(
            "bundle.review_title", total=review.total, open=review.open, replaced=review.replaced))
        self.query_one("#preview", Markdown).update(to_markdown(self.entries, review, self.info()))

    def action_decide(self, replace: bool, whole_kind: bool) -> None:
        if self.review is None or not self.rows:
            return
        entry_id, index = self.rows[self.query_one("#findings", DataTable).cursor_row]
        if whole_kind:
            self.review.decide_all(self.review.findings[entry_id][index].kind, replace)
        else:
            self.review.decide(entry_id, index, replace)
        self.show_review()

    def action_other_replacement(self) -> None:
        if self.review is None or not self.rows:
            return
        entry_id, index = self.rows[self.query_one("#findings", DataTable).cursor_row]
        self.review.next_replacement(entry_id, index)
        self.show_review()

    @on(Button.Pressed, "#replace-all")
    def replace_all(self) -> None:
        if self.review is not None:
            self.review.decide_all(None, True)
            self.show_review()

    @on(Button.Pressed, "#keep-all")
    def keep_all(self) -> None:
        if self.review is not None:
            self.review.decide_all(None, False)
            self.show_review()

    # -- step 3: write ------------------------------------------------------------------------------
    def info(self) -> BundleInfo:
        value = self.query_one("#trajectory", Select).value
        title = next((tr.title for tr in self.app.journal.trajectories() if tr.id == value), "")  # type: ignore[attr-defined]
        return BundleInfo(*(self.query_one(f"#{n}", Input).value.strip()
                            for n in ("supervisant", "supervisor", "note")), title)

    @on(Button.Pressed, "#write")
    def write(self) -> None:
        review = self.review
        if review is None:
            return
        if review.open:
            def confirmed(yes: bool | None) -> None:
                if yes:
                    self._write()

            self.app.push_screen(ConfirmDialog(t("bundle.confirm_open", count=review.open)),
                                 confirmed)
        else:
            self._write()

    def _write(self) -> None:
        review, info = self.review, self.info()
        assert review is not None
        fmt = str(self.query_one("#format", Select).value)
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        if path.suffix.lower() not in (".html", ".md"):
            path = path.with_suffix(SUFFIX[fmt])
        title = t("bundle.title") + (f": {info.trajectory_title}" if info.trajectory_title else "")
        try:
            digest, code = write_bundle(path, to_markdown(self.entries, review, info), fmt, title)
        except WriteFailed as error:
            self.notify(describe(error), severity="error")
            return
        lines = [t("cli.bundle_written", path=path, count=len(self.entries)),
                 t("cli.bundle_sha256", digest=digest)]
        if code:
            lines += [t("cli.bundle_code", code=code), t("cli.bundle_code_hint")]
        self.query_one("#result", Static).update("\n".join(lines))

    def action_back(self) -> None:
        self.app.pop_screen()
