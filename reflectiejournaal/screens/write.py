"""Guided writing: one prompt at a time, then the whole entry with a live preview.

Everything typed lives in a :class:`Draft` that is autosaved (encrypted) every few seconds and
on every step, so a killed terminal loses seconds at most; the draft is offered back on the
next start. Saving turns it into one Markdown entry with a heading per answered prompt.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Callable
from concurrent.futures import Future

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Input, Markdown, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from ..drafts import Draft
from ..errors import ChangedElsewhere, ItemNotFound, JournalError
from ..locale import current_language, describe, describe_writing, kind_name, t, tn
from ..model import Entry, clean_tags, now
from ..supervision.intentions import REVIEW_HEADINGS, Intention, collect_intentions, open_intention, review_section
from ..prompts import Prompt, PromptSet, compose_body
from ..review.terugblik import Gathered, gather

PREVIEW_DELAY = 0.4
REVIEW_PROMPT = "terugblik-voornemen"
# Rendering the preview of 5,000 words costs about a quarter second (docs/performance.md):
# wait for a real pause in typing before spending that on a long text.
LONG_TEXT_WORDS = 1500
LONG_PREVIEW_DELAY = 1.5


class WriteScreen(Screen[None]):
    BINDINGS = [
        Binding("ctrl+n", "next", t("write.binding.next"), id="write.next", priority=True),
        Binding("ctrl+b", "previous", t("write.binding.previous"), id="write.previous",
                priority=True),
        Binding("ctrl+o", "skip", t("write.binding.skip"), id="write.skip", priority=True),
        Binding("ctrl+e", "review", t("write.binding.review"), id="write.review", priority=True),
        Binding("ctrl+s", "save", t("write.binding.save"), id="write.save", priority=True),
        Binding("ctrl+t", "link", t("write.binding.link"), id="write.link", priority=True),
        Binding("escape", "leave", t("app.binding.back"), id="write.back"),
    ]
    GUIDED_ONLY = {"next", "skip", "review"}

    def __init__(self, draft: Draft) -> None:
        super().__init__()
        self.draft = draft
        library = self.app.library  # type: ignore[attr-defined]
        self.prompt_set: PromptSet | None = library.sets.get(draft.prompt_set or "")
        if self.prompt_set is None:
            self.draft.stage = "edit"
        self.intention = self._open_intention()
        self.gathered = self._gathered()
        if self.intention and self.prompt_set is None and not self.draft.body:
            self.draft.body = review_section(self.intention.text, "", current_language())
        self._changed = False
        self.saved_id: str | None = None  # the entry, once saved
        self.changed_elsewhere: str | None = None  # kept beside another writer's: the message
        self._at_open: tuple | None = None  # what the writing was when opened (see touched)
        self._saved_entry: Entry | None = None  # the entry being edited, as saved
        self._words = 0
        self._preview_timer: Timer | None = None
        self._pause_timer: Timer | None = None

    def _open_intention(self) -> Intention | None:
        """The trajectory's last voornemen not yet looked back on: this entry asks about it."""
        if not self.draft.trajectory or self.draft.entry_id:
            return None
        journal = self.app.journal  # type: ignore[attr-defined]
        library = self.app.library  # type: ignore[attr-defined]
        intentions = collect_intentions(journal.entries_of(self.draft.trajectory), library)
        return open_intention(intentions, self.draft.trajectory)

    def _gathered(self) -> Gathered | None:
        """For a terugblik: the period's intentions, learning questions and key passages."""
        period = self.draft.looks_back
        if not period:
            return None
        dates = [dt.date.fromisoformat(period[k]) if period.get(k) else None
                 for k in ("start", "end")]
        return gather(self.app.journal, self.app.library, dates[0], dates[1],  # type: ignore[attr-defined]
                      self.draft.trajectory)

    # -- layout --------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="intention", classes="intention", markup=False)
        with Vertical(id="guided"):
            with Horizontal():
                with Vertical(id="overview"):
                    yield Static("", id="progress", classes="section-title")
                    yield OptionList(id="prompts")
                    yield Static("", id="source", classes="muted", markup=False)
                with Vertical(id="main"):
                    yield Static("", id="progress-line", markup=False)
                    yield Static("", id="question", classes="question", markup=False)
                    yield Static("", id="help", classes="muted", markup=False)
                    yield TextArea(id="answer", soft_wrap=True, tab_behavior="focus")
                    with Horizontal(classes="buttons"):
                        yield Button(t("write.previous"), id="previous")
                        yield Button(t("write.skip"), id="skip")
                        yield Button(t("write.next"), id="next", variant="primary")
                        yield Button(t("write.review"), id="review")
                if self.gathered is not None:
                    with VerticalScroll(id="gathered"):
                        yield Static(t("terugblik.gathered"), classes="section-title")
                        yield Markdown(self.gathered.as_markdown())
        with Vertical(id="edit"):
            with Horizontal(classes="fields"):
                yield Input(placeholder=t("write.entry_title"), id="title")
                yield Input(placeholder=t("write.tags"), id="tags")
            with Horizontal():
                yield TextArea(id="body", soft_wrap=True, tab_behavior="focus")
                with Vertical(id="preview-pane"):
                    yield Static(t("write.preview"), classes="section-title")
                    yield Markdown(id="preview")
            with Horizontal(classes="buttons"):
                yield Button(t("write.save"), id="save", variant="primary")
                yield Button(t("write.back_to_questions"), id="back-to-questions")
                yield Button(t("write.discard_changes") if self.draft.entry_id
                             else t("write.discard"), id="discard", variant="error")
        yield Static("", id="status", classes="status")
        yield Footer()

    def on_mount(self) -> None:
        self.show_purpose()
        self.query_one("#title", Input).value = self.draft.title
        self.query_one("#tags", Input).value = ", ".join(self.draft.tags)
        if self.prompt_set is not None:
            self.query_one("#source", Static).update(t("write.source", source=self.prompt_set.source))
        banner = self.query_one("#intention", Static)
        banner.display = self.intention is not None
        if self.intention is not None:
            banner.update(t("write.intention", meeting=self.intention.meeting or "?",
                            text=" ".join(self.intention.text.split())))
        self.show_stage()
        self._at_open = self.snapshot()
        self.set_interval(self.app.autosave_seconds, self.autosave)  # type: ignore[attr-defined]

    def on_unmount(self) -> None:
        closed = getattr(self.app, "writer_closed", None)
        if callable(closed):
            closed(self.draft, self.saved_id, self.changed_elsewhere)

    def show_purpose(self) -> None:
        """The header says what this is for: ‘Casus · bijeenkomst 4 · Supervisie bij Marieke ·
        do 30-11’."""
        journal = self.app.journal  # type: ignore[attr-defined]
        trajectory = meeting = None
        if self.draft.trajectory and journal is not None:
            try:
                trajectory = journal.get_trajectory(self.draft.trajectory)
                meeting = trajectory.meeting(self.draft.meeting) if self.draft.meeting else None
            except JournalError:  # gone since: the writing is still worth keeping
                trajectory = None
        # As the screen's title, in place of the app's name: at 80 columns all of it shows.
        if trajectory is None:
            self.title = t("write.title", kind=kind_name(self.draft.kind).capitalize())
        elif meeting is None:
            self.title = describe_writing(self.draft.kind, trajectory.title)
        else:
            self.title = describe_writing(self.draft.kind, trajectory.title, meeting.number,
                                          meeting.date)

    def show_stage(self) -> None:
        guided = self.draft.stage == "guided"
        self.query_one("#guided").display = guided
        self.query_one("#edit").display = not guided
        self.query_one("#back-to-questions").display = self.can_go_back_to_questions
        self.refresh_bindings()  # the footer shows the keys of this stage only
        if guided:
            self.show_prompt()
        else:
            body = self.query_one("#body", TextArea)
            body.load_text(self.draft.body)
            self.query_one("#preview", Markdown).update(self.draft.body)
            body.focus()
        self.update_status()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing in this stage are not offered."""
        if action in self.GUIDED_ONLY:
            return self.draft.stage == "guided"
        if action == "previous":
            return self.draft.step > 0 if self.draft.stage == "guided" \
                else self.can_go_back_to_questions
        return True

    @property
    def can_go_back_to_questions(self) -> bool:
        return self.prompt_set is not None and self.draft.entry_id is None

    # -- guided: one prompt at a time ------------------------------------------------------------
    @property
    def prompts(self) -> tuple[Prompt, ...]:
        own = self.prompt_set.prompts if self.prompt_set else ()
        if self.intention is None:
            return own
        review = Prompt(REVIEW_PROMPT, REVIEW_HEADINGS[current_language()],
                        t("write.intention_question"), self.intention.text, optional=True)
        return (review, *own)

    def show_prompt(self) -> None:
        step = min(max(self.draft.step, 0), len(self.prompts) - 1)
        self.draft.step = step
        prompt = self.prompts[step]
        progress = t("write.progress", number=step + 1, total=len(self.prompts))
        self.query_one("#progress", Static).update(progress)
        self.query_one("#progress-line", Static).update(f"{progress} · {prompt.title}")
        question = prompt.question + (f"  {t('write.optional')}" if prompt.optional else "")
        self.query_one("#question", Static).update(question)
        self.query_one("#help", Static).update(prompt.help)
        self.query_one("#skip", Button).disabled = not prompt.optional
        self.query_one("#previous", Button).disabled = step == 0
        answer = self.query_one("#answer", TextArea)
        answer.load_text(self.draft.answers.get(prompt.id, ""))
        answer.move_cursor(answer.document.end)
        answer.focus()
        self.refresh_overview()
        self.refresh_bindings()

    def refresh_overview(self) -> None:
        options = self.query_one("#prompts", OptionList)
        options.clear_options()
        for index, prompt in enumerate(self.prompts):
            if self.draft.answers.get(prompt.id, "").strip():
                mark = t("write.answered")
            elif prompt.id in self.draft.skipped:
                mark = t("write.skipped")
            else:
                mark = t("write.unanswered")
            options.add_option(Option(Text(f"{mark} {prompt.title}"), id=str(index)))
        options.highlighted = self.draft.step

    def keep_answer(self) -> None:
        if self.draft.stage == "guided" and self.prompts:
            prompt = self.prompts[self.draft.step]
            self.draft.answers[prompt.id] = self.query_one("#answer", TextArea).text

    def go_to(self, step: int) -> None:
        self.keep_answer()
        self.draft.step = step
        self.show_prompt()  # the editor now holds the new prompt's answer…
        self.save_draft_soon()  # …so saving reads back exactly what the draft holds

    def after_typed_keys(self, action: Callable[[], None]) -> None:
        """The step waits for the keys typed before its shortcut (see the app's)."""
        self.app.after_typed_keys(action)  # type: ignore[attr-defined]

    def action_next(self) -> None:
        self.after_typed_keys(self.next_step)

    def action_previous(self) -> None:
        self.after_typed_keys(self.previous_step)

    def action_skip(self) -> None:
        self.after_typed_keys(self.skip_step)

    def action_review(self) -> None:
        self.after_typed_keys(self.review_stage)

    def action_save(self) -> None:
        self.after_typed_keys(self.save_entry)

    def action_leave(self) -> None:
        self.after_typed_keys(self.leave)

    def next_step(self) -> None:
        if self.draft.stage != "guided":
            return
        if self.draft.step + 1 >= len(self.prompts):
            self.review_stage()
        else:
            self.go_to(self.draft.step + 1)

    def previous_step(self) -> None:
        if self.draft.stage == "guided":
            if self.draft.step > 0:
                self.go_to(self.draft.step - 1)
        elif self.can_go_back_to_questions:
            self.back_to_questions()

    def back_to_questions(self) -> None:
        """From the whole entry back to the questions; asked first when the whole text was
        changed (the answers are what the questions show)."""
        from ..widgets.confirm import ConfirmDialog

        def back(yes: bool | None) -> None:
            if yes:
                self.draft.stage = "guided"
                self.draft.step = len(self.prompts) - 1
                self.draft.body = ""
                self.show_stage()
                self.save_draft_soon()

        edited = self.query_one("#body", TextArea).text.strip() != self.composed_body().strip()
        if edited:
            self.app.push_screen(ConfirmDialog(t("write.confirm_back"),
                                               yes=t("write.confirm_back.yes")), back)
        else:
            back(True)

    def skip_step(self) -> None:
        if self.draft.stage != "guided":
            return
        prompt = self.prompts[self.draft.step]
        if not prompt.optional:  # say why, rather than do nothing
            self.notify(t("write.not_optional", set=self.prompt_set.title if self.prompt_set
                          else ""), timeout=10)
            return
        self.query_one("#answer", TextArea).load_text("")
        if prompt.id not in self.draft.skipped:
            self.draft.skipped.append(prompt.id)
        self.next_step()

    def review_stage(self) -> None:
        """From the prompts to the whole entry, composed with a heading per answer."""
        if self.draft.stage != "guided":
            return
        self.to_whole_entry()
        self.save_draft_soon()

    def to_whole_entry(self) -> None:
        self.keep_answer()
        self.draft.body = self.composed_body()
        self.draft.stage = "edit"
        self.show_stage()

    def composed_body(self) -> str:
        """The answers as one entry, a heading per answer."""
        body = compose_body(self.prompt_set, self.draft.answers)  # type: ignore[arg-type]
        review = self.draft.answers.get(REVIEW_PROMPT, "").strip()
        if self.intention is not None and review:
            body = review_section(self.intention.text, review, current_language()) + "\n" + body
        if self.gathered is not None:
            body = body + "\n" + self.gathered.links_section()
        return body

    @on(OptionList.OptionSelected, "#prompts")
    def jump(self, event: OptionList.OptionSelected) -> None:
        self.go_to(int(event.option.id or 0))

    @on(Button.Pressed, "#next")
    def next_pressed(self) -> None:
        self.action_next()

    @on(Button.Pressed, "#previous")
    def previous_pressed(self) -> None:
        self.action_previous()

    @on(Button.Pressed, "#skip")
    def skip_pressed(self) -> None:
        self.action_skip()

    @on(Button.Pressed, "#review")
    def review_pressed(self) -> None:
        self.action_review()

    @on(Button.Pressed, "#back-to-questions")
    def back_pressed(self) -> None:
        self.back_to_questions()

    # -- editing the whole entry -----------------------------------------------------------------
    @on(TextArea.Changed)
    def text_changed(self, event: TextArea.Changed) -> None:
        self._changed = True
        self.save_after_a_pause()
        self.update_status()
        if event.text_area.id == "body":
            if self._preview_timer is not None:
                self._preview_timer.stop()
            delay = PREVIEW_DELAY if self._words < LONG_TEXT_WORDS else LONG_PREVIEW_DELAY
            self._preview_timer = self.set_timer(delay, self.update_preview)

    @on(Input.Changed)
    def field_changed(self) -> None:
        self._changed = True
        self.save_after_a_pause()

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
        if saved:
            parts.append(t("write.saved_draft", time=saved))
        self.query_one("#status", Static).update(" · ".join(parts))

    def collect(self) -> None:
        """Copy what is on screen into the draft."""
        self.keep_answer()
        if self.draft.stage == "edit":
            self.draft.body = self.query_one("#body", TextArea).text
        self.draft.title = self.query_one("#title", Input).value.strip()
        self.draft.tags = list(clean_tags(self.query_one("#tags", Input).value))

    # -- saving ------------------------------------------------------------------------------------
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

    async def _saved(self, written: Future[None]) -> None:
        try:
            await asyncio.wrap_future(written)
        except JournalError as error:
            self._changed = True  # the next pause or step tries again
            self.notify(describe(error), severity="error", timeout=15)
            return
        if self.is_mounted:
            self.update_status(saved=now().strftime("%H:%M:%S"))

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

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#discard")
    def discard_pressed(self) -> None:
        from ..widgets.confirm import ConfirmDialog

        def discard(yes: bool | None) -> None:
            if yes:
                self.discard()

        question = "write.confirm_discard_changes" if self.draft.entry_id else "write.confirm_discard"
        self.app.push_screen(ConfirmDialog(t(question)), discard)

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

    # -- what the writing belongs to ---------------------------------------------------------------
    def action_link(self) -> None:
        """Ctrl+T: set or change the trajectory and meeting this writing is for."""
        from ..widgets.link import LinkDialog

        journal = self.app.journal  # type: ignore[attr-defined]
        if journal is None:
            return

        def linked(choice: tuple[str | None, int | None] | None) -> None:
            if choice is None:
                return
            self.draft.trajectory, self.draft.meeting = choice
            self._changed = True
            self.show_purpose()
            self.save_draft_soon()
            self.notify(t("write.linked", link=self.title) if choice[0]
                        else t("write.unlinked"))

        self.app.push_screen(LinkDialog(journal.trajectories(), self.draft.trajectory,
                                        self.draft.meeting), linked)
