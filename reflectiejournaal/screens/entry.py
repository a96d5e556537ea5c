"""Reading one entry, rendered as Markdown; editing it or deleting it (with confirmation)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown, Static

from ..drafts import Draft
from ..errors import JournalError
from ..locale import describe, kind_name, t, tn
from ..feedback import SupervisorWords, mark_passages
from ..model import Entry
from ..widgets.confirm import ConfirmDialog


def describe_feedback(words: list[SupervisorWords], placed: list[bool]) -> str:
    """What the supervisor wrote on this entry, per feedback file, with its passages numbered
    as they are bracketed in the text (``⟦1 … ⟧``)."""
    lines: list[str] = []
    bundle = None
    number = 0
    for w in words:
        if w.bundle is not bundle:
            bundle = w.bundle
            if lines:
                lines.append("")
            lines.append(t("entry.feedback_from", supervisor=bundle.supervisor
                           or t("feedback.supervisor"), saved=f"{w.saved.astimezone():%d-%m-%Y}"))
        if w.passage is not None:
            number += 1
            where = "" if placed[number - 1] else " " + t("entry.feedback_not_placed")
            lines.append(f"⟦{number}⟧ ‘{' '.join(w.passage.quote.split())}’{where}")
        lines += [f"    {line}" for line in w.text.splitlines() or [""]]
    return "\n".join(lines)


class EntryScreen(Screen[None]):
    BINDINGS = [
        Binding("e", "edit", t("entry.edit"), id="entry.edit"),
        Binding("d", "delete", t("entry.delete"), id="entry.delete"),
        Binding("escape", "back", t("app.binding.back"), id="entry.back"),
    ]

    def __init__(self, entry_id: str) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.entry: Entry | None = None
        self.version = 0  # of the entry as shown: where an edit starts from
        self._deleted = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="reader"):
            yield Static("", id="entry-title", classes="entry-title", markup=False)
            yield Static("", id="entry-meta", classes="muted", markup=False)
            yield Markdown(id="entry-body")
            # The supervisor's words: beside the entry, never in it, always as plain text.
            yield Static("", id="feedback-title", classes="section-title", markup=False)
            yield Static("", id="feedback", classes="supervisor-feedback", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        if not self._deleted:  # back from editing: show the new text
            self.load()

    def show_changes(self) -> None:
        """Something was written beside the app (see ``App.pick_up_changes``)."""
        self.on_screen_resume()

    def load(self) -> None:
        try:
            self.entry, self.version = self.app.journal.get_versioned(self.entry_id)  # type: ignore[attr-defined]
        except JournalError as error:
            self.notify(describe(error), severity="error")
            self.app.pop_screen()
            return
        entry = self.entry
        self.sub_title = kind_name(entry.kind).capitalize()
        self.query_one("#entry-title", Static).update(entry.title)
        meta = tn("entry.meta", entry.words, kind=kind_name(entry.kind), created=f"{entry.created:%Y-%m-%d %H:%M}", words=entry.words)
        if entry.meeting:
            meta += t("entry.meeting", meeting=entry.meeting)
        if entry.tags:
            meta += " · " + " ".join(f"#{tag}" for tag in entry.tags)
        self.query_one("#entry-meta", Static).update(meta)
        words = self.app.journal.supervisor_words(entry.id)  # type: ignore[attr-defined]
        quotes = [w.passage.quote for w in words if w.passage is not None]
        body, placed = mark_passages(entry.body, quotes)
        self.query_one("#entry-body", Markdown).update(body)
        title, panel = self.query_one("#feedback-title", Static), self.query_one("#feedback", Static)
        title.update(t("entry.feedback_title"))
        panel.update(describe_feedback(words, placed))
        title.display = panel.display = bool(words)

    def action_edit(self) -> None:
        if self.entry is None:
            return
        entry = self.entry
        draft = Draft(self.app.journal.new_draft_id(), entry.kind, entry.prompt_set,  # type: ignore[attr-defined]
                      stage="edit", body=entry.body, title=entry.title, tags=list(entry.tags),
                      entry_id=entry.id, base_version=self.version, trajectory=entry.trajectory,
                      meeting=entry.meeting)
        self.app.write(draft)  # type: ignore[attr-defined]

    def action_delete(self) -> None:
        if self.entry is None:
            return
        entry = self.entry

        def delete(yes: bool | None) -> None:
            if not yes:
                return
            try:
                # Not when it was changed since it was shown (the command line, a sync tool).
                journal = self.app.journal  # type: ignore[attr-defined]
                journal.delete(entry.id, base_version=self.version)
            except JournalError as error:
                self.notify(describe(error), severity="error")
                return
            # What a bundle's review found in it leaves the findings cache too.
            from ..bundle.findings_cache import entry_versions, forget_deleted

            forget_deleted(self.app.today(), self.app.cache_dir, journal.vault.vault_id,  # type: ignore[attr-defined]
                           journal.vault.cache_key, entry_versions(journal.summaries()))
            self._deleted = True
            self.notify(t("entry.deleted", title=entry.title))
            self.app.pop_screen()

        self.app.push_screen(ConfirmDialog(t("entry.confirm_delete", title=entry.title)), delete)

    def action_back(self) -> None:
        self.app.pop_screen()
