"""A form field with its label beside it: a pre-filled value always says what it is."""

from __future__ import annotations

from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Label


def labelled(label: str, field: Widget) -> Horizontal:
    """``field`` (an Input or Select) with ``label`` to its left; the label names the field
    for screen readers and for clicks (it focuses the field)."""
    return Horizontal(FieldLabel(label, field), field, classes="field")


class FieldLabel(Label):
    def __init__(self, text: str, field: Widget) -> None:
        super().__init__(text, classes="field-label", markup=False)
        self.field = field

    def on_click(self) -> None:
        self.field.focus()
