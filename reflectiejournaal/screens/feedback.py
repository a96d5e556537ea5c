"""The bundles sent, and the supervisor's feedback: imported from a file, read per bundle."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Static

from ..bundle.feedback_file import SUFFIX, import_feedback, read_file
from ..errors import JournalError
from ..feedback import SentBundle, words_of
from ..locale import describe, t
from ..locale.describe import describe_bundle_state, describe_import, describe_where


def newest_download(bundles: list[SentBundle], folder: Path | None = None) -> Path | None:
    """The newest feedback file in the Downloads folder for one of these bundles, if any:
    where a browser puts what the supervisor's page saved, once it reached this computer."""
    folder = folder or Path.home() / "Downloads"
    prefixes = tuple(f"feedback-{b.id[:8]}" for b in bundles if b.key)
    try:
        found = [p for p in folder.iterdir()
                 if p.name.startswith(prefixes) and p.name.endswith(SUFFIX) and p.is_file()]
    except OSError:
        return None
    return max(found, key=lambda p: p.stat().st_mtime, default=None) if prefixes else None


def _short(path: Path) -> str:
    """``~/Downloads/…`` rather than the whole home folder's path: shorter, and it says where."""
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except ValueError:
        return str(path)


class FeedbackScreen(Screen[None]):
    BINDINGS = [Binding("escape", "back", t("app.binding.back"), id="feedback.back")]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="feedback-screen"):
            yield Static(t("feedback.intro"), classes="muted")
            with Horizontal(classes="import-row"):
                yield Input(placeholder=t("feedback.path_placeholder"), id="feedback-path")
                yield Button(t("feedback.import"), id="import", variant="primary")
            yield Static(t("feedback.bundles_title"), classes="section-title")
            yield DataTable(id="bundles", cursor_type="row", zebra_stripes=True)
            yield Static(t("feedback.words_title"), classes="section-title")
            yield Static("", id="words", classes="supervisor-feedback", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("feedback.title")
        table = self.query_one("#bundles", DataTable)
        for key in ("date", "title", "state"):
            table.add_column(t(f"feedback.col.{key}"), key=key)
        self.load()
        found = newest_download(self.bundles)
        if found is not None:
            self.query_one("#feedback-path", Input).value = _short(found)
        self.query_one("#feedback-path", Input).focus()

    def load(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        self.bundles = journal.sent_bundles()
        self.titles = {s.id: s.title for s in journal.summaries()}
        table = self.query_one("#bundles", DataTable)
        table.clear()
        for b in self.bundles:
            table.add_row(f"{b.created:%d-%m-%Y}", Text(b.title), describe_bundle_state(b),
                          key=b.id)
        if not self.bundles:
            self.query_one("#words", Static).update(t("feedback.no_bundles"))
        else:
            self.show_words(self.bundles[0])

    @on(DataTable.RowHighlighted, "#bundles")
    def highlighted(self, event: DataTable.RowHighlighted) -> None:
        chosen = next((b for b in self.bundles if b.id == event.row_key.value), None)
        if chosen is not None:
            self.show_words(chosen)

    def show_words(self, bundle: SentBundle) -> None:
        lines = []
        for w in words_of(bundle):
            lines.append(describe_where(w, self.titles))
            if w.passage is not None:
                lines.append(f"  > {' '.join(w.passage.quote.split())}")
            lines += [f"  {line}" for line in w.text.splitlines() or [""]]
        self.query_one("#words", Static).update(
            "\n".join(lines) if lines else t("feedback.state_waiting").capitalize())

    @on(Input.Submitted, "#feedback-path")
    @on(Button.Pressed, "#import")
    def import_file(self) -> None:
        text = self.query_one("#feedback-path", Input).value.strip()
        if not text:
            self.notify(t("feedback.path_needed"), severity="warning")
            return
        path = Path(text).expanduser()
        try:
            data = read_file(path)
            done = import_feedback(self.app.journal, data)  # type: ignore[attr-defined]
        except FileNotFoundError:
            self.notify(t("cli.feedback_missing", path=path), severity="error", markup=False)
            return
        except OSError:
            self.notify(t("cli.feedback_unreadable", path=path), severity="error", markup=False)
            return
        except JournalError as problem:  # FeedbackProblem among them
            self.notify(describe(problem), severity="error", markup=False, timeout=10)
            return
        self.notify(describe_import(done.outcome, done.bundle, done.feedback, done.kept),
                    severity="information" if done.outcome in ("new", "updated") else "warning",
                    markup=False, timeout=8)
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()
