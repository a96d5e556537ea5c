"""The overview: drafts to continue, quick actions for the next meeting, recent entries."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from ..drafts import Draft
from ..supervision.due import all_due
from ..errors import JournalError
from ..locale import describe, describe_attention, kind_name, t, tn
from ..supervision.due import describe_due
from ..widgets.entry_table import EntryTable

RECENT = 12


class DashboardScreen(Screen[None]):
    BINDINGS = [
        Binding("c", "app.write('case')", t("dashboard.binding.case"), id="dashboard.case"),
        Binding("r", "app.write('reflection')", t("dashboard.binding.reflection"),
                id="dashboard.reflection"),
        Binding("n", "app.write('')", t("dashboard.binding.new"), id="dashboard.new"),
        Binding("a", "app.entries", t("dashboard.binding.entries"), id="dashboard.entries"),
        Binding("t", "app.new_trajectory", t("dashboard.binding.trajectory"),
                id="dashboard.trajectory"),
        Binding("v", "app.intentions", t("dashboard.binding.intentions"),
                id="dashboard.intentions"),
        Binding("u", "app.hours", t("dashboard.binding.hours"), id="dashboard.hours"),
        Binding("b", "app.bundle", t("dashboard.binding.bundle"), id="dashboard.bundle"),
        Binding("slash", "app.search", t("dashboard.binding.search"), id="dashboard.search"),
        Binding("l", "app.timeline", t("dashboard.binding.timeline"), id="dashboard.timeline"),
        Binding("o", "app.review", t("dashboard.binding.review"), id="dashboard.review"),
        Binding("s", "app.settings", t("dashboard.binding.settings"), id="dashboard.settings"),
        # Last: where the footer runs out of room, the help and the palette still name it.
        Binding("f", "app.feedback", t("dashboard.binding.feedback"), id="dashboard.feedback"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dashboard"):
            yield Static(t("dashboard.attention"), id="attention-title", classes="section-title")
            yield OptionList(id="attention")
            yield Static(t("dashboard.drafts"), id="drafts-title", classes="section-title")
            yield OptionList(id="drafts")
            yield Static(t("dashboard.due"), id="due-title", classes="section-title")
            yield OptionList(id="due")
            yield Static(t("dashboard.actions"), classes="section-title")
            with Horizontal(classes="actions"):
                yield Button(t("dashboard.case"), id="case", variant="primary")
                yield Button(t("dashboard.reflection"), id="reflection", variant="primary")
                yield Button(t("dashboard.new"), id="new")
                yield Button(t("dashboard.entries"), id="entries")
            yield Static(t("dashboard.trajectories"), id="trajectories-title",
                         classes="section-title")
            yield OptionList(id="trajectories")
            yield Static(t("dashboard.recent"), classes="section-title")
            yield Static(t("dashboard.empty"), id="empty", classes="muted")
            yield EntryTable(id="recent")
        yield Footer()

    seen_warned = False  # the state folder could not be written: said once per visit

    def on_mount(self) -> None:
        self.sub_title = t("dashboard.title")
        self.refresh_lists()
        if self.attention:
            self.notify(t("dashboard.attention_found"), severity="warning", timeout=12)
        elif self.drafts:
            self.notify(t("dashboard.draft_found"), timeout=8)

    def on_screen_resume(self) -> None:
        self.refresh_lists()

    def show_changes(self) -> None:
        """Something was written beside the app (see ``App.pick_up_changes``)."""
        self.refresh_lists()

    def refresh_lists(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        if journal is None:
            return
        self.show_attention(journal)
        if journal.seen_unsaved and not self.seen_warned:
            self.seen_warned = True
            self.notify(t("dashboard.seen_unsaved", path=self.app.state_dir),  # type: ignore[attr-defined]
                        severity="warning", timeout=15, markup=False)
        self.drafts: list[Draft] = journal.drafts()
        options = self.query_one("#drafts", OptionList)
        options.clear_options()
        for draft in self.drafts:
            options.add_option(Option(Text(self._draft_line(draft)), id=draft.id))
        options.display = bool(self.drafts)
        self.query_one("#drafts-title").display = bool(self.drafts)
        if self.drafts:  # a draft waiting is the first thing to offer: Enter continues it
            options.highlighted = 0
            options.focus()
        if self.attention:
            self.query_one("#attention", OptionList).focus()
        self.show_due(journal)
        if not self.drafts and self.due and not self.attention:  # else what is due comes first: Enter starts it
            self.query_one("#due", OptionList).focus()
        recent = journal.summaries()[:RECENT]
        self.query_one("#recent", EntryTable).show(recent)
        self.query_one("#recent").display = bool(recent)
        self.query_one("#empty").display = not recent

    def show_due(self, journal) -> None:
        self.due = all_due(journal, self.app.today(), self.drafts)  # type: ignore[attr-defined]
        due = self.query_one("#due", OptionList)
        due.clear_options()
        for index, item in enumerate(self.due):
            due.add_option(Option(Text(describe_due(item)), id=str(index)))
        due.highlighted = 0 if self.due else None  # Enter works at once
        due.display = self.query_one("#due-title").display = bool(self.due)
        self.open_trajectories = journal.trajectories(include_closed=False)
        listing = self.query_one("#trajectories", OptionList)
        listing.clear_options()
        for trajectory in self.open_trajectories:
            form = t(f"form.{trajectory.form}")
            listing.add_option(Option(Text(f"{trajectory.title} · {form}"), id=trajectory.id))
        listing.highlighted = 0 if self.open_trajectories else None
        listing.display = bool(self.open_trajectories)
        self.query_one("#trajectories-title").display = bool(self.open_trajectories)

    def show_attention(self, journal) -> None:
        """What the folder did that needs the user: never dropped, never decided silently."""
        self.attention: list[tuple[str, object]] = [
            ("anomaly", anomaly) for anomaly in journal.anomalies]
        if journal.vault.rekey_pending:
            self.attention.append(("rekey", None))
        elif journal.vault.rekey_unopened:
            self.attention.append(("unopened_rekey", None))
        if journal.damaged:
            self.attention.append(("damaged", len(journal.damaged)))
        if journal.conflicts:
            self.attention.append(("conflicts", len(journal.conflicts)))
        listing = self.query_one("#attention", OptionList)
        listing.clear_options()
        for index, (kind, value) in enumerate(self.attention):
            listing.add_option(Option(Text(describe_attention(kind, value)), id=str(index)))
        listing.display = self.query_one("#attention-title").display = bool(self.attention)
        if self.attention:  # what needs the user comes first: Enter opens it
            listing.highlighted = 0

    @on(OptionList.OptionSelected, "#attention")
    def open_attention(self, event: OptionList.OptionSelected) -> None:
        from ..widgets.anomaly import AnomalyDialog
        from ..widgets.notice import NoticeDialog
        from .rekey import RekeyScreen

        kind, value = self.attention[int(event.option.id or 0)]
        if kind == "rekey":
            self.app.push_screen(RekeyScreen("rekey"))
        elif kind == "anomaly":
            self.app.push_screen(AnomalyDialog(value), self.decided)  # type: ignore[arg-type]
        else:
            self.app.push_screen(NoticeDialog(t("dashboard.attention"), t(f"attention.{kind}_help")))

    def decided(self, choice: str | None) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        if journal is None or choice is None:
            return
        item_id, action = choice.split(":")
        if action == "view":

            self.app.open_entry(item_id)  # type: ignore[attr-defined]
            return
        try:
            journal.accept(item_id) if action == "accept" else journal.discard(item_id)
        except JournalError as error:
            self.notify(describe(error), severity="error")
        else:
            self.notify(t("anomaly.kept") if action == "accept" else t("anomaly.discarded"))
        self.refresh_lists()

    @on(OptionList.OptionSelected, "#due")
    def write_due(self, event: OptionList.OptionSelected) -> None:
        """Its draft if one was started; else the prompt sets, the suitable one proposed."""
        from .start_writing import write_for

        item = self.due[int(event.option.id or 0)]
        journal = self.app.journal  # type: ignore[attr-defined]
        try:
            trajectory = journal.get_trajectory(item.trajectory_id)
        except JournalError as error:
            self.notify(describe(error), severity="error")
            return
        write_for(self.app, item.kind, trajectory, trajectory.meeting(item.meeting), self.drafts)

    @on(OptionList.OptionSelected, "#trajectories")
    def open_trajectory(self, event: OptionList.OptionSelected) -> None:

        self.app.open_trajectory(str(event.option.id))  # type: ignore[attr-defined]

    def _draft_line(self, draft: Draft) -> str:
        first_answer = next((a for a in draft.answers.values() if a.strip()), draft.body)
        title = draft.title or " ".join(first_answer.split())[:50] or t("dashboard.untitled")
        when = draft.updated_at.strftime("%Y-%m-%d %H:%M") if draft.updated_at else ""
        return tn("dashboard.draft_line", draft.words, kind=kind_name(draft.kind), title=title, words=draft.words, when=when)

    @on(OptionList.OptionSelected, "#drafts")
    def continue_draft(self, event: OptionList.OptionSelected) -> None:

        draft = next(d for d in self.drafts if d.id == event.option.id)
        self.app.write(draft)  # type: ignore[attr-defined]

    @on(Button.Pressed, "#case")
    def case(self) -> None:
        self.app.action_write("case")  # type: ignore[attr-defined]

    @on(Button.Pressed, "#reflection")
    def reflection(self) -> None:
        self.app.action_write("reflection")  # type: ignore[attr-defined]

    @on(Button.Pressed, "#new")
    def new(self) -> None:
        self.app.action_write("")  # type: ignore[attr-defined]

    @on(Button.Pressed, "#entries")
    def entries(self) -> None:
        self.app.action_entries()  # type: ignore[attr-defined]

    @on(DataTable.RowSelected, "#recent")
    def open_entry(self, event: DataTable.RowSelected) -> None:

        self.app.open_entry(str(event.row_key.value))  # type: ignore[attr-defined]
