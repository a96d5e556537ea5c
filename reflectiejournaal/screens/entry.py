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
from ..model import Entry
from ..widgets.confirm import ConfirmDialog


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
        self.query_one("#entry-body", Markdown).update(entry.body)

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
                self.app.journal.delete(entry.id, base_version=self.version)  # type: ignore[attr-defined]
            except JournalError as error:
                self.notify(describe(error), severity="error")
                return
            self._deleted = True
            self.notify(t("entry.deleted", title=entry.title))
            self.app.pop_screen()

        self.app.push_screen(ConfirmDialog(t("entry.confirm_delete", title=entry.title)), delete)

    def action_back(self) -> None:
        self.app.pop_screen()
