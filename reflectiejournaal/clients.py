"""The user's private list of clients: names, nicknames and chosen pseudonyms.

It is an encrypted vault item like the settings, and never leaves the vault: the bundle review
uses it to find a client in any form of their name (see ``bundle/names.py``).
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field

from .controls import without_controls


def clean_name(text: object) -> str:
    """One line, single spaces, composed Unicode (a name pasted from macOS is decomposed), no
    control characters (a client list from elsewhere could hold escape sequences)."""
    return unicodedata.normalize("NFC", " ".join(without_controls(str(text or "")).split()))


@dataclass
class Client:
    """A client's name, the nicknames the user knows them by, and an optional pseudonym.

    Without a pseudonym a bundle calls the client ``Cliënt A``, ``Cliënt B``…: never their
    initials unless the user picks those in the review, since initials are personal data too.
    """

    name: str
    pseudonym: str = ""
    nicknames: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.name = clean_name(self.name)
        self.pseudonym = clean_name(self.pseudonym)
        self.nicknames = tuple(dict.fromkeys(n for n in map(clean_name, self.nicknames) if n))

    def initials(self) -> str:
        return initials(self.name)


def initials(name: str) -> str:
    """``Fatima El Amrani`` → ``F.E.A.``; only offered when the user asks for initials."""
    return "".join(f"{part[0].upper()}." for part in name.replace("-", " ").split() if part)


@dataclass
class ClientList:
    clients: list[Client] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        return json.dumps(
            [{"name": c.name, "pseudonym": c.pseudonym, "nicknames": list(c.nicknames)}
             for c in self.clients], ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> ClientList:
        items = json.loads(data)
        if not isinstance(items, list):
            raise ValueError("client list")
        return cls([Client(str(c["name"]), str(c.get("pseudonym") or ""),
                           tuple(str(n) for n in c.get("nicknames") or ()))
                    for c in items])

    def add(self, client: Client) -> None:
        """``client`` on the list; when one of that name is on it already, only what is given
        changes: its nicknames are added to, its pseudonym replaced only when one is given; the
        name stays as the list spells it. Adding never drops what the list knew (removing
        asks)."""
        key = client.name.casefold()
        for i, known in enumerate(self.clients):
            if known.name.casefold() == key:
                self.clients[i] = Client(known.name, client.pseudonym or known.pseudonym,
                                         known.nicknames + client.nicknames)
                return
        self.clients.append(client)

    def remove(self, name: str) -> bool:
        key = clean_name(name).casefold()
        before = len(self.clients)
        self.clients = [c for c in self.clients if c.name.casefold() != key]
        return len(self.clients) != before

    @classmethod
    def merged(cls, lists: list[ClientList]) -> ClientList:
        """Every client of every list (two devices, a sync tool's conflict copy): a union, so
        that merging never drops a name; only the user removes one. Nicknames are joined; the
        first pseudonym given is kept."""
        union: dict[str, Client] = {}
        for client in (c for listed in lists for c in listed.clients):
            key = client.name.casefold()
            known = union.get(key)
            if known is None:
                union[key] = client
                continue
            # The same client typed twice: the name as written with capitals wins.
            name = max((known.name, client.name), key=lambda n: sum(c.isupper() for c in n))
            union[key] = Client(name, known.pseudonym or client.pseudonym,
                                known.nicknames + client.nicknames)
        return cls(list(union.values()))


