"""The user's client list, matched as a person would mean it.

A client called "Pietje de Vries" with the nickname "Piet" is found as *Pietje de Vries*,
*Pietje*, *pietje*, *PIETJE*, *Pietjes*, *Pietje's*, *de Vries*, *De Vries'*, *Vries* (a
surname core only when written with a capital), *Piet*, *Pietjes*… and inside hyphenated
compounds (*Jansen-de Vries*). Case and accents do not matter (a decomposed "Zoë" pasted from
macOS is composed first). A particle alone ("de", "van", "El") is never a finding.

A surname is found however it was typed: in lower case (*vries*, *#dekker*), with or without
the apostrophe, hyphen or space where names join (*D'Souza*, *DSouza*, *D Souza*; *Mac Leod*,
*MacLeod*; *O'Neill*, *ONeill*), with ß as ss (*Weiß*, *Weiss*), and run together with the
given name as in a handle (*noorbakker*). Only a surname that is also an ordinary word (*Bakker*,
*Visser*, *de Boer*) needs a capital in running text, and not as a tag, a handle, in a
compound (*gezin-bakker*) or after a word for a family or a title (*fam. bakker*).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..clients import Client, ClientList
from ..search import fold, prepare
from .text import compose

# Particles of Dutch, Flemish, Arabic, French and German surnames.
PARTICLES = frozenset(
    "van de der den het 't te ten ter op in onder over uit aan bij la le du da di del della "
    "des dos das el al ben bin ibn abu von zu vd v.d. d' l' mac mc o' st. sint "
    # Irish: "Ó Súilleabháin", "Ní Bhriain", "Nic Dhonnchadha", "Mhic", "Uí"
    "o ni nic ua ui mhic".split())
TITLES = frozenset(
    "mevrouw mevr mevr. mw mw. meneer mnr mnr. dhr dhr. heer de juf juffrouw meester dokter "
    "dr dr. drs drs. mr mr. ir ir. prof prof. zuster broeder oom tante opa oma".split())
# English titles before a name ("Mr Okafor", "Ms Brennan").
ENGLISH_TITLES = frozenset("mr mrs ms miss mx dr sir lady prof".split())
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
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
        words[-1] = POSSESSIVE.sub("", words[-1])
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
    "dag nacht hemel engel liefje schat pop art arts noors lotje ton tonnetje beer keesje "
    "will hope grace joy dawn may drew miles bill bills rose frank max".split())
_ABBREVIATED_PARTICLES = {"van der": ("v.d.", "vd", "v/d", "v. d."), "van den": ("v.d.", "vd", "v/d"),
                          "van de": ("v.d.", "vd", "v/d")}


@dataclass(frozen=True)
class Form:
    """One way of writing a client: what part of the name it is, and whether it needs a
    capital or a name context (surnames always; given names that are also words)."""

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
    words = name.split()
    while len(words) > 1 and fold(words[0]).strip(".") in {t.strip(".") for t in TITLES}:
        words = words[1:]  # "Mevr. Pietersen" is Pietersen: "Mevr." is nobody's given name
    name = " ".join(words)
    given, surname = split_name(name)
    add(name, "name", False)
    for word in given:  # "Jan-Willem" stays one given name: "Jan" alone is someone else
        for form in variants(word):  # Art → arts, Noor → Noors, Lot → lotje: words too
            add(form, "given", _common(word, common) or _common(form, common))
    if surname:
        whole = " ".join(surname)
        spellings = [whole, *(re.sub(rf"\b{full}\b", short, whole, flags=re.IGNORECASE)
                              for full, shorts in _ABBREVIATED_PARTICLES.items()
                              if re.search(rf"\b{full}\b", whole, re.IGNORECASE) for short in shorts)]
        for part in {*spellings, *whole.split("-")}:
            core = [w for w in part.split() if not particle(w)]
            # Lower case, a surname alone is too often a word (de bakker, the post, dus for
            # Du): it counts with a capital or where a name is meant (see _written_as_a_name).
            for form in (part, part + "'s", part + "s", part + "'"):
                add(form, "surname", True)
            if core:  # "de Vries" also as "Vries"
                add(" ".join(core), "surname", True)
        core = "".join(w for w in surname if not particle(w)) or "".join(surname)
        for word in given[:1]:  # run together, as in a handle or an address
            for handle in (word + "".join(surname), word + core, core + word,  # noorbakker
                           word + core[0], word[0] + core, word[0] + "." + core):  # noorb, jdekker
                add(handle, "name", False)
    for nickname in client.nicknames:
        for form in variants(prepare(nickname)):
            add(form, "nickname", _common(nickname, common) or _common(form, common))
    return forms


def _common(word: str, common: Callable[[str], bool]) -> bool:
    """A word of the language, or a particle ("Ben", "Al", "Van" as given names): a name only
    with a capital."""
    folded = fold(word)
    return folded in COMMON_WORDS or common(folded) or particle(folded)


# Where a name part may be joined to the next with an apostrophe, a hyphen, a space or
# nothing: D'Souza, Mac Leod, O'Neill, FitzGerald, De Smet (however the list spells them).
_JOINING_PREFIXES = ("fitz", "mac", "mc", "van", "von", "de", "di", "da", "du", "le", "la",
                     "st", "o", "d", "l")
_JOIN = "['\\- ]{0,2}"  # as a regex: up to two joining characters ("Huize  Avondrood")
_JOINERS = re.compile(r"['\- ]")
# Before a lower-case surname that is also a word: it means the family or the person.
_FAMILY_WORDS = frozenset("fam fam. familie gezin gezinnen huize heet heten genaamd family "
                          "named called mr mr. mrs mrs. ms ms. miss".split()) | (TITLES - {"de"})


def skeleton(folded: str) -> str:
    """A folded name without its joining characters, ß as ss: what spellings have in common."""
    return _JOINERS.sub("", folded).replace("ß", "ss")


def _spelling_pattern(form: str, kind: str) -> str:
    """A regex for the folded ``form`` that also matches it joined otherwise (see above)."""
    def letters(piece: str) -> str:
        return re.escape(piece).replace("ss", "(?:ss|ß)").replace("ß", "(?:ss|ß)")

    pieces = [p for p in _JOINERS.split(form) if p]
    if kind in ("surname", "name"):
        split = []
        for piece in pieces:
            prefix = next((p for p in _JOINING_PREFIXES
                           if piece.startswith(p) and len(piece) >= len(p) + 3), None)
            split += [prefix, piece[len(prefix):]] if prefix else [piece]
        pieces = split
    return _JOIN.join(letters(p) for p in pieces)


class ClientNames:
    """Every client of the list, compiled into one search over folded text."""

    def __init__(self, clients: ClientList, common: Callable[[str], bool] = lambda word: False) -> None:
        self.clients = clients.clients
        self._forms: dict[str, Form] = {}
        patterns: dict[str, int] = {}
        for index, client in enumerate(self.clients):
            for form, (kind, capital) in {**forms_of(_transliterated(client), common),
                                          **forms_of(client, common)}.items():
                self._forms.setdefault(skeleton(form), Form(index, kind, capital))
                patterns.setdefault(_spelling_pattern(form, kind), len(skeleton(form)))
        everything = sorted(patterns, key=lambda p: (-patterns[p], p))  # longest names first
        # A name ends where letters end: "noor_b2010" and "Noor2010" hold the name Noor.
        self._pattern = (re.compile(r"(?<![^\W\d_])(?:" + "|".join(everything)
                                    + r")(?![^\W\d_])") if everything else None)

    def find(self, text: str) -> list[NameMatch]:
        """Every mention of a client in ``text`` (normalised), longest forms first."""
        if self._pattern is None:
            return []
        found, doubtful = [], []
        for match in self._pattern.finditer(fold(text)):
            form = self._forms.get(skeleton(match.group()))
            if form is None:
                continue
            named = NameMatch(form.client, match.start(), match.end(),
                              text[match.start():match.end()], form.kind)
            if form.capital and not _written_as_a_name(text, match.start(), match.end()):
                doubtful.append(named)
            else:
                found.append(named)
        # "jorien dekker", "dekker, jorien", "jorien.dekker": beside the client's other name,
        # the lower-case surname is the client's too.
        for named in doubtful:
            if any(m.client == named.client and _beside(text, m, named) for m in found):
                found.append(named)
        return sorted(found, key=lambda m: m.start)


_TRANSLITERATION = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe",
                                  "Ü": "Ue", "ø": "oe", "Ø": "Oe", "æ": "ae", "Æ": "Ae",
                                  "þ": "th", "Þ": "Th", "å": "aa", "Å": "Aa"})


def _transliterated(client: Client) -> Client:
    """The client as written without the letters a keyboard may lack (Müller → Mueller)."""
    return Client(client.name.translate(_TRANSLITERATION), client.pseudonym,
                  tuple(n.translate(_TRANSLITERATION) for n in client.nicknames))


_BETWEEN_NAMES = re.compile(r"[\s*_.,'’-]{1,4}")


def _beside(text: str, one: NameMatch, other: NameMatch) -> bool:
    """Are two names next to each other, with at most spaces, emphasis or a dot between?"""
    first, second = (one, other) if one.start < other.start else (other, one)
    return bool(_BETWEEN_NAMES.fullmatch(text[first.end:second.start]))


def _written_as_a_name(text: str, start: int, end: int) -> bool:
    """A word that is also an ordinary word counts as a name here: with a capital, as a tag
    or handle, inside a compound, alone on its line (a tag) or after a family word or title.
    (Beside the client's other name it counts too: see :meth:`ClientNames.find`.)"""
    original = text[start:end]
    words = [w for w in original.split() if not particle(w)] or original.split()  # Ben, Al
    if any(w[:1].isupper() for w in words):
        return True
    before, after = text[start - 1:start], text[end:end + 1]
    if before in ("#", "@", "-", "_", "/") or after in ("-", "_") or after.isdigit():
        return True  # a tag, a handle (visser85), a compound
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    if not text[line_start:start].strip() and not text[end:line_end if line_end >= 0 else None].strip():
        return True
    previous = text[max(0, start - 12):start].split()
    return bool(previous) and fold(previous[-1]) in _FAMILY_WORDS


_AROUND_A_MARK = " \t\"'“”‘’„«»()[]{}<>#@,.;:!?*_`"


def clean_mark(text: str) -> str:
    """A marked word as it would be written in the text: composed like the bundle's text
    (ligatures, full-width letters, invisible characters), without quotes, brackets or
    punctuation around it and without a possessive ending ("Lindenhof's" is Lindenhof)."""
    word = " ".join(compose(text).split()).strip(_AROUND_A_MARK)
    return POSSESSIVE.sub("", word) if len(word) > 3 else word


class MarkedWords:
    """What the user marked in one bundle (a word the detectors missed): found everywhere in
    it, in any case, possessive and however its parts are joined; one of five letters or more
    also at the start of a longer word with a capital (Lindenhoflaan), replaced whole."""

    def __init__(self, marked: tuple[str, ...]) -> None:
        self.keys: dict[str, str] = {}  # skeleton → the marked text, as the user typed it
        self.unusable: list[str] = []  # too short, a particle alone, or no letters or digits
        patterns = []
        for text in marked:
            word = clean_mark(text)
            folded = fold(word)
            letters = re.sub(r"[\W_]", "", folded)
            if len(letters) < 2 or all(particle(w) for w in folded.split()):
                self.unusable.append(text)
                continue
            self.keys.setdefault(skeleton(folded), word)
            spelled = _spelling_pattern(folded, "name")
            longer = r"\w*" if len(letters) >= 5 and not letters.isdigit() else ""
            number = len(patterns)
            patterns.append(rf"(?<!\w)(?P<m{number}>{spelled})(?P<x{number}>{longer})"
                            r"(?:'s|’s|s|')?(?!\w)")
        self._pattern = re.compile("|".join(sorted(patterns, key=len, reverse=True))) \
            if patterns else None

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, key)`` of each marked word in ``text`` (normalised)."""
        if self._pattern is None:
            return []
        found = []
        for match in self._pattern.finditer(fold(text)):
            group = next(g for g, value in match.groupdict().items()
                         if value is not None and g.startswith("m"))
            key = skeleton(match.group(group))
            longer = match.group("x" + group[1:])
            # The start of a longer word only as a name's compound (Lindenhoflaan), written
            # with its capital: "bellen" is no Ellen, "healing" no Ealing.
            if key in self.keys and (not longer or text[match.start()].isupper()):
                found.append((match.start(), match.end(), key))
        return found

    def missing(self, texts: list[str]) -> list[str]:
        """The marked words found in none of ``texts``: said, never silently ignored."""
        seen = {key for text in texts for _, _, key in self.find(text)}
        return [word for key, word in self.keys.items() if key not in seen]
