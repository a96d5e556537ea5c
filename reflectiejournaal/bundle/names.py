"""The user's client list, matched as a person would mean it.

A client called "Pietje de Vries" with the nickname "Piet" is found as *Pietje de Vries*,
*Pietje*, *pietje*, *PIETJE*, *Pietjes*, *Pietje's*, *de Vries*, *De Vries'*, *Vries* (a
surname core only when written with a capital), *Piet*, *Pietjes*… and inside hyphenated
compounds (*Jansen-de Vries*). Case and accents do not matter (a decomposed "Zoë" pasted from
macOS is composed first). A particle alone ("de", "van", "El") is never a finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..clients import Client, ClientList
from ..search import fold, prepare

# Particles of Dutch, Flemish, Arabic, French and German surnames.
PARTICLES = frozenset(
    "van de der den het 't te ten ter op in onder over uit aan bij la le du da di del della "
    "des dos das el al ben bin ibn abu von zu vd v.d. d' l' mac mc o' st. sint".split())
TITLES = frozenset(
    "mevrouw mevr mevr. mw mw. meneer mnr mnr. dhr dhr. heer de juf juffrouw meester dokter "
    "dr dr. drs drs. mr mr. ir ir. prof prof. zuster broeder oom tante opa oma".split())
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_DIMINUTIVE_ENDINGS = ("tje", "je", "pje", "etje", "ke", "ie", "ien", "y")
_POSSESSIVE_ENDINGS = ("s", "'s", "’s", "'", "’")


@dataclass(frozen=True)
class NameMatch:
    client: int  # index in the client list
    start: int
    end: int
    text: str
    form: str  # "name" (whole), "given", "surname", "nickname"


def particle(word: str) -> bool:
    return fold(word).strip(".") in PARTICLES or fold(word) in PARTICLES


def words_of(text: str) -> list[str]:
    """The words of a person's name without titles and possessive endings, folded."""
    words = [w for w in re.split(r"[\s.]+", fold(text)) if w]
    while words and words[0].strip(".") in TITLES | {"de", "het"} and len(words) > 1:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1])
    return words


def split_name(name: str) -> tuple[list[str], list[str]]:
    """``(given names, surname words)``: the surname starts at the first particle after a
    given name, else it is the last word. "Fatima El Amrani" → (Fatima), (El, Amrani)."""
    words = name.split()
    if len(words) < 2:
        return words, []
    for index in range(1, len(words)):
        if particle(words[index]):
            return words[:index], words[index:]
    return words[:-1], words[-1:]


def variants(word: str) -> set[str]:
    """A given name or nickname as Dutch writes it: possessive and diminutive forms."""
    forms = {word, *(word + e for e in _POSSESSIVE_ENDINGS)}
    forms |= {word + e for e in _DIMINUTIVE_ENDINGS}
    if word[-1:].lower() in "aeiouy":
        forms |= {word + "'tje", word + "’tje", word + "tjes"}
    elif len(word) >= 2 and word[-2].lower() in "aeiou":
        forms |= {word + word[-1] + "etje", word + word[-1] + "ie"}  # Jan → Jannetje, Jannie
    if word[-1:].lower() == "e" and len(word) > 3:
        stem = word[:-1]
        stem = stem[:-1] if stem[-1] == stem[-2] else stem  # Lotte → Lot
        forms |= {stem + "je", stem + "tje", stem + "je's", stem + "jes"}
    forms |= {f + "s" for f in list(forms) if f.endswith(("tje", "je"))}  # Noortjes boek
    return forms


# Dutch words that are also given names, and months: as a name only with a capital ("de roos",
# "12 mei", "28 jan"). deduce's list of common words adds to these when it is loaded.
COMMON_WORDS = frozenset(
    "roos lieve hoop bloem zon maan ster sterre storm merel linde hazel lente zomer winter "
    "herfst april mei juni juli augustus bas mark wil ben jade iris lelie amber jasmijn mees "
    "job fleur nova luna sky bo vos jan feb mrt apr jun jul aug sep sept okt nov dec maart "
    "dag nacht hemel engel liefje schat pop".split())
_ABBREVIATED_PARTICLES = {"van der": ("v.d.", "vd", "v/d", "v. d."), "van den": ("v.d.", "vd", "v/d"),
                          "van de": ("v.d.", "vd", "v/d")}


@dataclass(frozen=True)
class Form:
    """One way of writing a client: what part of the name it is, and whether it only counts
    with a capital (surnames always; given names that are also ordinary words)."""

    client: int
    kind: str  # name, given, surname, nickname
    capital: bool


def forms_of(client: Client, common: Callable[[str], bool] = lambda word: False) -> dict[str, tuple[str, bool]]:
    """The folded forms that mean this client: ``form → (kind, needs a capital)``."""
    forms: dict[str, tuple[str, bool]] = {}

    def add(text: str, kind: str, capital: bool) -> None:
        folded = fold(text.strip())
        if len(folded) >= 2 and not all(particle(w) for w in folded.split()):
            forms.setdefault(folded, (kind, capital))

    name = prepare(client.name)
    given, surname = split_name(name)
    add(name, "name", False)
    for word in given:  # "Jan-Willem" stays one given name: "Jan" alone is someone else
        for form in variants(word):
            add(form, "given", _common(word, common))
    if surname:
        whole = " ".join(surname)
        spellings = [whole, *(re.sub(rf"\b{full}\b", short, whole, flags=re.IGNORECASE)
                              for full, shorts in _ABBREVIATED_PARTICLES.items()
                              if re.search(rf"\b{full}\b", whole, re.IGNORECASE) for short in shorts)]
        for part in {*spellings, *whole.split("-")}:
            # Surnames are ordinary words too (de bakker, de visser, de boer): with a capital.
            for form in (part, part + "'s", part + "s", part + "'"):
                add(form, "surname", True)
            core = [w for w in part.split() if not particle(w)]
            if core:  # "de Vries" also as "Vries"
                add(" ".join(core), "surname", True)
    for nickname in client.nicknames:
        for form in variants(prepare(nickname)):
            add(form, "nickname", _common(nickname, common))
    return forms


def _common(word: str, common: Callable[[str], bool]) -> bool:
    folded = fold(word)
    return folded in COMMON_WORDS or common(folded)


class ClientNames:
    """Every client of the list, compiled into one search over folded text."""

    def __init__(self, clients: ClientList, common: Callable[[str], bool] = lambda word: False) -> None:
        self.clients = clients.clients
        self._forms: dict[str, Form] = {}
        for index, client in enumerate(self.clients):
            for form, (kind, capital) in forms_of(client, common).items():
                self._forms.setdefault(form, Form(index, kind, capital))
        everything = sorted(self._forms, key=len, reverse=True)
        # A name ends where letters end: "noor_b2010" and "Noor2010" hold the name Noor.
        self._pattern = (re.compile(r"(?<![^\W\d_])(?:" + "|".join(map(re.escape, everything))
                                    + r")(?![^\W\d_])") if everything else None)

    def find(self, text: str) -> list[NameMatch]:
        """Every mention of a client in ``text`` (normalised), longest forms first."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(fold(text)):
            form = self._forms[match.group()]
            original = text[match.start():match.end()]
            if form.capital and not any(w[:1].isupper() for w in original.split() if not particle(w)):
                continue
            found.append(NameMatch(form.client, match.start(), match.end(), original, form.kind))
        return found
