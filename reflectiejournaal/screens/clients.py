"""The private list of client names, nicknames and pseudonyms, used by the bundle review."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Button, DataTable, Footer, Header, Input, Static

from ..errors import JournalError
from ..locale import describe, t
from ..clients import Client


class ClientsScreen(Screen[None]):
    BINDINGS = [
        Binding("delete", "remove", t("clients.remove"), id="clients.remove"),
        Binding("escape", "back", t("app.binding.back"), id="clients.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("clients.intro"), classes="muted", id="clients-intro")
        with Horizontal(classes="fields"):
            yield Input(placeholder=t("clients.name"), id="name")
            yield Input(placeholder=t("clients.nicknames"), id="nicknames")
            yield Input(placeholder=t("clients.pseudonym"), id="pseudonym")
            yield Button(t("clients.add"), variant="primary", id="add")
        yield DataTable(id="clients", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = t("clients.title")
        table = self.query_one("#clients", DataTable)
        table.add_column(t("clients.name"), key="name")
        table.add_column(t("clients.nicknames"), key="nicknames")
        table.add_column(t("clients.replacement"), key="replacement")
        self.show()
        self.query_one("#name", Input).focus()

    def show(self) -> None:
        self.clients = self.app.journal.clients()  # type: ignore[attr-defined]
        table = self.query_one("#clients", DataTable)
        table.clear()
        for client in self.clients.clients:
            table.add_row(Text(client.name), Text(", ".join(client.nicknames)),
                          Text(client.pseudonym or t("clients.generated")))

    @on(Button.Pressed, "#add")
    @on(Input.Submitted)
    def add(self) -> None:
        name = " ".join(self.query_one("#name", Input).value.split())
        if not name:
            return
        pseudonym = self.query_one("#pseudonym", Input).value
        nicknames = tuple(self.query_one("#nicknames", Input).value.split(","))
        self.clients.add(Client(name, pseudonym, nicknames))
        self._save()
        for field in ("#name", "#nicknames", "#pseudonym"):
            self.query_one(field, Input).value = ""
        self.query_one("#name", Input).focus()

    def action_remove(self) -> None:
        """Asks first: a name off the list is no longer recognised in bundles."""
        from ..widgets.confirm import ConfirmDialog

        table = self.query_one("#clients", DataTable)
        if not self.clients.clients:
            return
        client = self.clients.clients[table.cursor_row]

        def remove(sure: bool | None) -> None:
            if sure:
                self.clients.remove(client.name)
                self._save()

        self.app.push_screen(ConfirmDialog(t("clients.confirm_remove", name=client.name)), remove)

    def _save(self) -> None:
        journal = self.app.journal  # type: ignore[attr-defined]
        try:
            journal.save_clients(self.clients)
        except JournalError as error:
            self.notify(describe(error), severity="error")
            self.clients = journal.clients()  # as it is now: with the other writer's names
        self.show()

    def show_changes(self) -> None:
        """Something was written beside the app (see ``App.pick_up_changes``)."""
        self.clients = self.app.journal.clients()  # type: ignore[attr-defined]
        self.show()

    def action_back(self) -> None:
        self.app.pop_screen()
