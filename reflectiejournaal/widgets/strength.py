"""How guessable a new passphrase is, shown under its field as it is typed."""

from __future__ import annotations

from textual.widgets import Static

from ..locale import t
from ..vault.strength import strength


class StrengthLabel(Static):
    def __init__(self, id: str = "strength") -> None:  # noqa: A002 - Textual's own name
        super().__init__("", id=id, classes="muted")

    def show(self, passphrase: str) -> None:
        score = strength(passphrase)
        self.update(t("create.strength", label=t(f"create.strength.{score}")) if passphrase else "")
        self.set_classes(f"muted strength-{score}")
