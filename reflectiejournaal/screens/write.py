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

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Button, Footer, Header, Input, Markdown, OptionList, Static, TextArea

from ..drafts import Draft
from ..errors import JournalError
from ..locale import current_language, describe, describe_writing, kind_name, t
from ..model import Entry, now
from ..supervision.intentions import Intention, collect_intentions, open_intention, review_section
from ..prompts import PromptSet
from ..review.terugblik import Gathered, gather
from .write_saving import Saving
from .write_steps import GuidedSteps

PREVIEW_DELAY = 0.4
# Rendering the preview of 5,000 words costs about a quarter second (docs/performance.md):
# wait for a real pause in typing before spending that on a long text.
LONG_TEXT_WORDS = 1500
LONG_PREVIEW_DELAY = 1.5

class WriteScreen(GuidedSteps, Saving, Screen[None]):
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
        self._draft_saved_at: str | None = None  # shown until the next save: "concept bewaard 20:14"
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
    def still_open(self) -> bool:
        """On the app's screen stack (perhaps under a dialog), its fields all there: a closed
        writer is taken off the stack before its fields are removed."""
        return self.is_attached and self in self.app.screen_stack

    def after_typed_keys(self, action: Callable[[], None]) -> None:
        """The step waits for the keys typed before its shortcut (see the app's), and is
        dropped if the writer closed meanwhile (a save or Esc queued ahead of it): its
        fields are gone then, and what they held was kept by whatever closed it."""
        def while_open() -> None:
            if self.still_open:
                action()

        self.app.after_typed_keys(while_open)  # type: ignore[attr-defined]

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

    # -- saving ------------------------------------------------------------------------------------

    async def _saved(self, written: Future[None]) -> None:
        try:
            await asyncio.wrap_future(written)
        except JournalError as error:
            self._changed = True  # the next pause or step tries again
            self.notify(describe(error), severity="error", timeout=15)
            return
        if self.still_open:  # the writer may have closed while the draft was written
            self.update_status(saved=now().strftime("%H:%M:%S"))

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
