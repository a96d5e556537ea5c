"""The journal's single items: the settings and the client list."""

from __future__ import annotations


from ..vault import crypto
from ..clients import ClientList
from ..settings import Settings
from ..errors import (
    DamagedItem,
    ItemNotFound,
)
from ..vault.files import ItemFile, read_regular
from .core import CLIENTS, SETTINGS, version_read


class SettingsAndClients:
    """The items a vault has one of: the settings and the private client list; the
    versions of them that two devices wrote are merged or kept, never lost."""

    # -- settings ---------------------------------------------------------------------------
    def settings(self) -> Settings:
        body, version = self._read_single(SETTINGS)
        try:
            settings = Settings.from_bytes(body) if body else Settings()
        except ValueError:
            settings = Settings()
        settings.read_version = version  # type: ignore[attr-defined]
        return settings

    def has_settings(self) -> bool:
        return any(r.item_type == SETTINGS for r in self._records.values())

    def save_settings(self, settings: Settings) -> None:
        settings.read_version = self._save_single(  # type: ignore[attr-defined]
            SETTINGS, settings.to_bytes(), version_read(settings))

    def clients(self) -> ClientList:
        """The private list of client names and their pseudonyms (never leaves the vault).

        Lists started on two devices are merged, and a sync tool's conflict copies of the
        list add what they alone hold: no name and no nickname is lost (a nickname not on the
        list is one a bundle does not find), and the spelling with more capitals wins. Only
        a copy's pseudonym for a name the list has is not taken: a pseudonym the user cleared
        (initials, say) stays cleared.
        """
        bodies, copies, version = self._bodies_of(CLIENTS)
        current, older = ClientList.merged(self._lists(bodies)), ClientList.merged(self._lists(copies))
        pseudonyms = {c.name.casefold(): c.pseudonym for c in current.clients}
        current = ClientList.merged([current, older])
        for client in current.clients:
            if client.name.casefold() in pseudonyms:
                client.pseudonym = pseudonyms[client.name.casefold()]
        current.read_version = version  # type: ignore[attr-defined]
        return current

    @staticmethod
    def _lists(bodies: list[bytes]) -> list[ClientList]:
        lists = []
        for body in bodies:
            try:
                lists.append(ClientList.from_bytes(body))
            except (ValueError, KeyError, TypeError):
                continue
        return lists

    def clients_state(self) -> str:
        """``ok``, ``missing`` (no list yet) or ``damaged``: a list that cannot be read, or no
        list beside damaged items (whose type cannot be known: the list may be among them)."""
        ids = [i for i, r in self._records.items() if r.item_type == CLIENTS]
        if not ids:
            return "damaged" if self.damaged else "missing"
        try:
            for item_id in ids:
                ClientList.from_bytes(self.vault.read(item_id)[1])
        except (ItemNotFound, DamagedItem, ValueError, KeyError, TypeError):
            return "damaged"
        return "ok"

    def save_clients(self, clients: ClientList) -> None:
        """Write the list as the one list item; other copies, merged into it, are removed."""
        clients.read_version = self._save_single(  # type: ignore[attr-defined]
            CLIENTS, clients.to_bytes(), version_read(clients))
        kept = next(i for i, r in self._records.items() if r.item_type == CLIENTS)
        for item_id in [i for i, r in self._records.items() if r.item_type == CLIENTS and i != kept]:
            self._tombstone(item_id)
        for copy, _ in self._copies_of(CLIENTS):
            self.vault.remove_file(copy.path)
            self.conflicts = [c for c in self.conflicts if c.path != copy.path]

    def _bodies_of(self, item_type: str) -> tuple[list[bytes], list[bytes], int | None]:
        """The readable bodies of the items of ``item_type``, those of their conflict copies,
        and the version of the first item (the one :meth:`_save_single` writes; see
        :meth:`_read_single` for 0 and None), each item decrypted once."""
        items, version = [], None
        ids = [i for i, r in self._records.items() if r.item_type == item_type]
        for item_id in ids:
            try:
                opened = self.vault.read_opened(item_id)
            except (ItemNotFound, DamagedItem):
                continue
            items.append(opened.body)
            if item_id == ids[0]:
                version = opened.version
        return items, [body for _, body in self._copies_of(item_type)], version if ids else 0

    def _copies_of(self, item_type: str) -> list[tuple[ItemFile, bytes]]:
        """Conflict copies of items of ``item_type`` with their bodies, by their own
        (encrypted) type: also when the item they are a copy of is gone. Decrypted once."""
        found = []
        for copy in self.conflicts:
            try:
                _, kind, body = self.vault.open_item_bytes(read_regular(copy.path), copy.path.name)
            except (DamagedItem, OSError):
                continue
            if kind == item_type:
                found.append((copy, body))
        return found

    def _read_single(self, item_type: str) -> tuple[bytes | None, int | None]:
        """The body and version of the one item of this type (settings, client list), if
        readable; the version 0 when there is none yet (a base: "nothing was there")."""
        item_id = next((i for i, r in self._records.items() if r.item_type == item_type), None)
        if item_id is None:
            return None, 0
        try:
            opened = self.vault.read_opened(item_id)
        except (ItemNotFound, DamagedItem):
            return None, None
        return opened.body, opened.version

    def singleton_id(self, item_type: str) -> str:
        """The id every device gives a new settings item or client list: two devices that
        each start one write the same file, which the sync tool turns into a conflict copy
        that is merged, not two lists of which one is silently used. Derived from the
        vault's first key, so it says nothing to whoever sees the folder, and survives a
        rekey; entries can never take it (see :meth:`save`)."""
        return crypto.hkdf(self.vault.keys.first, b"",
                           f"rj-singleton-id-v1|{item_type}".encode("ascii"), 8).hex()

    def _save_single(self, item_type: str, body: bytes, base_version: int | None = None) -> int:
        """Items of which a vault has one (settings, the client list): reuse its id."""
        item_id = next((i for i, r in self._records.items() if r.item_type == item_type), None)
        return self._write_item(item_id or self.singleton_id(item_type), item_type, body,
                                base_version)
