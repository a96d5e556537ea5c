"""Textual's own words that reach the footer, in the user's language.

Textual's widgets carry English binding descriptions; two of them show in the footer: the open
list of a Select ("Dismiss menu") and the command palette. ``tests/ui/test_palette_and_help.py``
walks every Textual widget class for a shown binding with a description not from the catalogue.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets._select import SelectOverlay  # not exported; its bindings are all we touch

from ..locale import t


def in_the_users_language() -> None:
    """Replace the shown bindings of Textual's Select list (idempotent)."""
    SelectOverlay.BINDINGS = [Binding("escape", "dismiss", t("select.dismiss"))]
    SelectOverlay._merged_bindings = SelectOverlay._merge_bindings()
