"""Choosing what to write: the kind, and the prompt set proposed for it (changeable)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static

from ..locale import kind_name, t
from ..model import KINDS

FREE = "__vrij__"


class ChooseScreen(ModalScreen[tuple[str, str | None] | None]):
    """Dismisses with ``(kind, prompt set id or None)``, or None when cancelled.

    ``proposed`` is the set that suits the meeting the writing is for (listed first and
    chosen); ``context`` says what that meeting is."""

    BINDINGS = [Binding("escape", "cancel", t("choose.cancel"), id="choose.cancel")]

    def __init__(self, kind: str = "", proposed: str | None = None,
                 context: str | None = None) -> None:
        super().__init__()
        self.kind = kind if kind in KINDS else "case"
        self.proposed = proposed
        self.context = context

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(t("choose.title"), classes="dialog-title")
            if self.context:
                yield Static(t("choose.for", link=self.context), id="for", markup=False)
            yield Static(t("choose.kind"), classes="label")
            yield Select([(kind_name(k).capitalize(), k) for k in KINDS], value=self.kind,
                         allow_blank=False, id="kind")
            yield Static(t("choose.set"), classes="label")
            options = self.set_options(self.kind)
            yield Select(options, value=options[0][1], allow_blank=False, id="set")
            yield Static("", id="description", classes="muted", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("choose.cancel"), id="cancel")
                yield Button(t("choose.start"), variant="primary", id="start")

    def on_mount(self) -> None:
        self.query_one("#start", Button).focus()

    def set_options(self, kind: str) -> list[tuple[Text, str]]:
        """The sets that suit ``kind``, the proposed one first, then free writing. Titles as
        plain Text: a set someone shared may hold "[/]" or "[@click=…]", never markup."""
        sets = self.app.library.for_kind(kind)  # type: ignore[attr-defined]
        sets.sort(key=lambda s: s.id != self.proposed)  # stable: the rest keep their order
        return [(Text(s.title), s.id) for s in sets] + [(Text(t("choose.free")), FREE)]

    def fill_sets(self, kind: str) -> None:
        options = self.set_options(kind)
        select = self.query_one("#set", Select)
        select.set_options(options)
        select.value = options[0][1]

    @on(Select.Changed, "#kind")
    def kind_changed(self, event: Select.Changed) -> None:
        self.fill_sets(str(event.value))

    @on(Select.Changed, "#set")
    def set_changed(self, event: Select.Changed) -> None:
        prompt_set = self.app.library.sets.get(str(event.value))  # type: ignore[attr-defined]
        self.query_one("#description", Static).update(
            prompt_set.description if prompt_set else "")

    @on(Button.Pressed, "#start")
    def start(self) -> None:
        kind = str(self.query_one("#kind", Select).value)
        set_id = str(self.query_one("#set", Select).value)
        self.dismiss((kind, None if set_id == FREE else set_id))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
