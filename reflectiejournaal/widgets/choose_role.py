"""Choose the role of a meeting (kennismaking, klikbijeenkomst, …) in a small dialog."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..locale import role_name, t
from ..trajectory import ROLES


class ChooseRole(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "cancel", t("choose.cancel"), id="choose_role.cancel")]

    def __init__(self, question: str, current: str) -> None:
        super().__init__()
        self.question, self.current = question, current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question)
            yield OptionList(*[Option(role_name(r) or t("role.none"), id=r) for r in ROLES],
                             id="roles")

    def on_mount(self) -> None:
        roles = self.query_one("#roles", OptionList)
        roles.highlighted = ROLES.index(self.current)
        roles.focus()

    @on(OptionList.OptionSelected, "#roles")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
