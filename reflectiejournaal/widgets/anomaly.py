"""A rolled-back, returned or vanished item: what happened, and the user's choice."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from ..anomalies import Anomaly
from ..locale import item_name, t


ACCEPT = {"vanished": "anomaly.accept_vanished", "key_rollback": "anomaly.accept_key_rollback"}


class AnomalyDialog(ModalScreen[str | None]):
    """Dismisses with ``"<id>:accept"``, ``"<id>:discard"``, ``"<id>:view"`` or None (later,
    or escape)."""

    BINDINGS = [Binding("escape", "later", t("anomaly.later"), id="anomaly.later")]

    def __init__(self, anomaly: Anomaly) -> None:
        super().__init__()
        self.anomaly = anomaly

    def compose(self) -> ComposeResult:
        a = self.anomaly
        with Vertical(classes="dialog"):
            yield Static(t(f"anomaly.title.{a.kind}"), classes="dialog-title")
            yield Static(t(f"anomaly.{a.kind}", what=item_name(a.item_type, a.title),
                           version=a.version, seen=a.seen, id=a.item_id), markup=False)
            with Horizontal(classes="buttons"):
                yield Button(t("anomaly.later"), id="later")
                if a.item_type == "entry" and a.kind != "vanished":
                    yield Button(t("anomaly.view"), id="view")
                if a.kind in ("resurrected", "old_key") and a.item_type != "deleted":
                    label = "anomaly.discard" if a.kind == "resurrected" else "anomaly.delete"
                    yield Button(t(label), variant="error", id="discard")
                yield Button(t(ACCEPT.get(a.kind, "anomaly.accept")), variant="primary",
                             id="accept")

    def on_mount(self) -> None:
        self.query_one("#later", Button).focus()

    @on(Button.Pressed, "#accept")
    def accept(self) -> None:
        self.dismiss(f"{self.anomaly.item_id}:accept")

    @on(Button.Pressed, "#discard")
    def discard(self) -> None:
        self.dismiss(f"{self.anomaly.item_id}:discard")

    @on(Button.Pressed, "#view")
    def view(self) -> None:
        self.dismiss(f"{self.anomaly.item_id}:view")

    @on(Button.Pressed, "#later")
    def action_later(self) -> None:
        self.dismiss(None)
