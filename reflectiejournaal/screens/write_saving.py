"""The writer's saving: drafts after a pause and every few seconds, the entry itself, and
leaving without losing a word."""

from __future__ import annotations

from textual.widgets import Input, Markdown, Static, TextArea

from ..errors import ChangedElsewhere, ItemNotFound, JournalError
from ..locale import describe, kind_name, t, tn
from ..model import clean_tags, now


class Saving:
    """Part of :class:`WriteScreen`: nothing typed is lost, on save, discard or leave."""

    def autosave(self) -> None:
        if self._changed:
            self.save_draft_soon()

    def save_draft_soon(self) -> None:
        """Hand the draft as it is now to the journal's background writer: typing goes on."""
        journal = self.app.journal  # type: ignore[attr-defined]
        if not self.worth_a_draft(journal):
            return
        self._changed = False
        self.run_worker(self._saved(journal.save_draft_soon(self.draft)), group="draft")

    def save_draft_now(self) -> None:
        """Write the draft now (also called by the app before it locks or quits). A saved
        entry opened for editing and left as it was leaves no draft behind."""
        journal = self.app.journal  # type: ignore[attr-defined]
        if not self.worth_a_draft(journal):
            return
        try:
            journal.save_draft(self.draft)
        except JournalError as error:
            self.notify(describe(error), severity="error", timeout=15)
            return
        self._changed = False
        self.update_status(saved=now().strftime("%H:%M:%S"))

    def worth_a_draft(self, journal) -> bool:
        """What is on screen, copied into the draft, is worth writing: not nothing, and not a
        saved entry exactly as it was (a draft of an undone change is removed then)."""
        if journal is None:
            return False
        self.collect()
        if self.unchanged_entry():
            journal.delete_draft(self.draft.id)
            return False
        return not self.draft.is_empty()

    def snapshot(self) -> tuple:
        """What is written, and what it is linked to, as it stands on screen."""
        self.collect()
        d = self.draft
        return (dict(d.answers), d.body if d.stage == "edit" else "", d.title, tuple(d.tags),
                d.trajectory, d.meeting)

    def touched(self) -> bool:
        """Something was written or changed since the writer opened."""
        return self._at_open is not None and self.snapshot() != self._at_open

    def unchanged_entry(self) -> bool:
        """A saved entry opened for editing, still exactly as saved."""
        if not self.draft.entry_id:
            return False
        if self._saved_entry is None:
            try:
                self._saved_entry = self.app.journal.get(self.draft.entry_id)  # type: ignore[attr-defined]
            except JournalError:
                return False
        entry, d = self._saved_entry, self.draft
        return (d.body, d.title, tuple(d.tags), d.trajectory, d.meeting) == (
            entry.body, entry.title, entry.tags, entry.trajectory, entry.meeting)

    def save_entry(self) -> None:
        """Ctrl+S, from any stage: the answers composed into one entry, saved."""
        if self.draft.stage == "guided":
            self.to_whole_entry()
        self.collect()
        if not self.draft.body.strip():
            self.notify(t("write.empty"), severity="warning")
            return
        journal = self.app.journal  # type: ignore[attr-defined]
        title = self.draft.title or f"{kind_name(self.draft.kind).capitalize()} {now():%Y-%m-%d}"
        d = self.draft
        try:
            if d.entry_id and not self._deleted_elsewhere(journal, d.entry_id, title):
                entry = journal.save(journal.get(d.entry_id).edited(
                    body=d.body, title=title, tags=tuple(d.tags), trajectory=d.trajectory,
                    meeting=d.meeting), base_version=d.base_version)
            else:
                entry = journal.create(d.kind, d.body, title=title, tags=tuple(d.tags),
                                       prompt_set=d.prompt_set, trajectory=d.trajectory,
                                       meeting=d.meeting)
            journal.delete_draft(d.id)
        except ChangedElsewhere as changed:
            # Both versions are kept (ours as a conflict copy): the draft has done its work.
            journal.delete_draft(d.id)
            self._changed = False
            self.saved_id = changed.details["item_id"]
            self.changed_elsewhere = describe(changed)
            self.notify(self.changed_elsewhere, severity="warning", timeout=30)
            self.app.open_entry(changed.details["item_id"], instead=True)  # type: ignore[attr-defined]
            return
        except JournalError as error:
            self.save_draft_now()  # nothing is lost: the draft stays
            self.notify(describe(error), severity="error", timeout=15)
            return
        self._changed = False
        self.saved_id = entry.id
        self.notify(t("write.saved", title=entry.title))
        self.app.open_entry(entry.id, instead=True)  # type: ignore[attr-defined]

    def _deleted_elsewhere(self, journal, entry_id: str, title: str) -> bool:  # type: ignore[no-untyped-def]
        """The entry being edited was deleted meanwhile (the command line, another device):
        the edit is saved as a new text, not refused for ever."""
        try:
            journal.get(entry_id)
        except ItemNotFound:
            self.notify(t("write.saved_as_new", title=title), severity="warning", timeout=15)
            return True
        return False

    def discard(self) -> None:
        self.app.journal.delete_draft(self.draft.id)  # type: ignore[attr-defined]
        self._changed = False
        self.draft.answers, self.draft.body = {}, ""
        if self.draft.entry_id:
            self.notify(t("write.changes_discarded"))
        self.app.pop_screen()

    def leave(self) -> None:
        """Esc: back at once when nothing new was written (or an entry is as it was saved);
        else asked: keep it as a draft (proposed), save it, or throw it away."""
        from ..widgets.leave import DISCARD, KEEP, SAVE, LeaveDialog

        self.collect()
        if self.unchanged_entry():
            self.save_draft_now()  # removes a draft of an undone change
            self.app.pop_screen()
            return
        if self.draft.is_empty() or not self.touched():
            self.app.pop_screen()  # nothing new: a draft on disk stays as it was
            return

        def chosen(choice: str | None) -> None:
            if choice == KEEP:
                self.save_draft_now()
                self.notify(t("write.kept_as_draft"))
                self.app.pop_screen()
            elif choice == SAVE:
                self.save_entry()
            elif choice == DISCARD:
                self.discard()

        self.app.push_screen(LeaveDialog(editing=bool(self.draft.entry_id)), chosen)

    def save_after_a_pause(self) -> None:
        """The draft is written once typing pauses (the interval is only a backstop): what a
        kill takes is at most the words of the last moment."""
        if self._pause_timer is not None:
            self._pause_timer.stop()
        self._pause_timer = self.set_timer(self.app.pause_save_seconds,  # type: ignore[attr-defined]
                                           self.autosave)

    def update_preview(self) -> None:
        self.query_one("#preview", Markdown).update(self.query_one("#body", TextArea).text)

    def update_status(self, saved: str | None = None) -> None:
        area = self.query_one("#answer" if self.draft.stage == "guided" else "#body", TextArea)
        words = len(area.text.split())
        if self.draft.stage == "guided":
            words += sum(len(a.split()) for k, a in self.draft.answers.items()
                         if k != self.prompts[self.draft.step].id)
        self._words = words
        parts = [tn("write.words", words)]
        # The last draft's time stays in view while typing goes on (a keystroke handled after
        # the draft was written no longer wipes it: the line is the same in either order).
        self._draft_saved_at = saved or self._draft_saved_at
        if self._draft_saved_at:
            parts.append(t("write.saved_draft", time=self._draft_saved_at))
        self.query_one("#status", Static).update(" · ".join(parts))

    def collect(self) -> None:
        """Copy what is on screen into the draft."""
        self.keep_answer()
        if self.draft.stage == "edit":
            self.draft.body = self.query_one("#body", TextArea).text
        self.draft.title = self.query_one("#title", Input).value.strip()
        self.draft.tags = list(clean_tags(self.query_one("#tags", Input).value))
