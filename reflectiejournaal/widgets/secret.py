"""A passphrase field: masked, and nothing in it can be copied or cut to a clipboard."""

from __future__ import annotations

from textual.widgets import Input


class SecretInput(Input):
    """``Input(password=True)`` lets ctrl+c copy the selected passphrase to the app's clipboard
    and, through the terminal, to the system's."""

    def __init__(self, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(password=True, **kwargs)

    def action_copy(self) -> None:
        pass

    def action_cut(self) -> None:
        pass
