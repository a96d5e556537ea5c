"""Who or what each finding is about, across the whole bundle, and what replaces it.

All forms of one person become one entity: "Sanne de Vries", "Sanne", "Sannes" and
"mevrouw De Vries" in one bundle are the same person; a client from the list is one entity in
every form of their name. Each entity gets a replacement that is not personal data: the
client's own pseudonym, else "Cliënt A", "Cliënt B"… for clients and "Persoon A"… for other
people, in order of appearance; a placeholder ("[plaats]") for everything else. Initials only
when the user picks them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..clients import ClientList, initials
from ..search import fold
from ..locale import t
from .findings import PERSON_KINDS, Finding, placeholder
from .names import TITLES, particle, words_of

_DIMINUTIVE = ("etje", "tje", "pje", "je", "ke", "ie", "s")
# Kinds replaced by a letter in sequence: "bundle.sequence.<kind>" ("Cliënt A", "Client A").
SEQUENCE_KINDS = ("name", "person", "place", "institution", "school")


@dataclass
class Entity:
    """One person or thing the findings are about."""

    key: str
    kind: str
    label: str  # how the review names it: the client's name, or the longest form found
    forms: list[str] = field(default_factory=list)
    confidence: str = "medium"
    options: list[str] = field(default_factory=list)  # replacements to choose from; first: proposed
    client: int | None = None

    @property
    def proposal(self) -> str:
        return self.options[0]


def group(texts: dict[str, str], parts: dict[str, list[Finding]], clients: ClientList,
          is_common: Callable[[str], bool] = lambda word: False,
          known: frozenset[str] = frozenset(),
          ) -> tuple[dict[str, list[Finding]], dict[str, Entity]]:
    """Every finding with its entity key, and the entities in order of appearance.

    ``known`` are the people the bundle may name (the supervisant, the supervisor, as
    :func:`words_of` gives them): they use up no letter.

    A person deduce found once is looked for everywhere: "Dhr. Kowalski" in one entry makes
    "Kowalski" a finding in every part, since deduce alone knows him only by his title.
    """
    people: dict[str, list[str]] = {}  # key of a person found by deduce → its words
    keyed: dict[str, list[Finding]] = {}
    for part, findings in parts.items():
        keyed[part] = []
        for finding in findings:
            if finding.kind == "person":
                words = words_of(finding.text)
                if not words:
                    continue
                key = _person_key(words, people)
            elif finding.kind in ("name", "marked"):
                key = finding.entity  # a client, or a word the user marked: every form one
            else:
                key = f"{finding.kind}:{_normal(finding)}"
            keyed[part].append(replace(finding, entity=key))
    keyed = _join_single_names(keyed, people)
    keyed = _spread(texts, keyed, is_common)
    return keyed, _entities(texts, keyed, clients, known)


def _spread(texts: dict[str, str], parts: dict[str, list[Finding]],
            is_common: Callable[[str], bool]) -> dict[str, list[Finding]]:
    """Each word of a person's name found anywhere, wherever else it is written with a capital."""
    owners: dict[str, set[str]] = {}
    sure: dict[str, str] = {}
    for findings in parts.values():
        for f in findings:
            if f.kind != "person":
                continue
            sure[f.entity] = f.confidence
            for word in re.findall(r"[^\W\d_][\w'’-]*", f.text):
                if (len(word) > 2 and word[0].isupper() and not particle(word)
                        and fold(word) not in TITLES and not is_common(fold(word))):
                    owners.setdefault(word, set()).add(f.entity)
    if not owners:
        return parts
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(owners, key=len, reverse=True)))
                         + r")(?:'s|’s|s|')?(?![\w-])")
    spread: dict[str, list[Finding]] = {}
    for part, findings in parts.items():
        extra = []
        for m in pattern.finditer(texts[part]):
            if any(f.start < m.end() and m.start() < f.end for f in findings):
                continue
            entities = owners[m.group(1)]
            # A word two people share ("Vries" of two De Vrieses) becomes someone of its own.
            entity = next(iter(entities)) if len(entities) == 1 else f"person:{fold(m.group(1))}"
            extra.append(Finding("person", m.start(), m.end(), m.group(), sure.get(entity, "medium"),
                                 "review", entity))
        spread[part] = sorted([*findings, *extra], key=lambda f: f.start)
    return spread


def _person_key(words: list[str], people: dict[str, list[str]]) -> str:
    key = "person:" + " ".join(words)
    people.setdefault(key, words)
    return key


def _join_single_names(parts: dict[str, list[Finding]],
                       people: dict[str, list[str]]) -> dict[str, list[Finding]]:
    """"Sanne" (and "Sannes", "Sannetje") join "Sanne de Vries" when there is one such."""
    full = {k: w for k, w in people.items() if len(w) > 1}
    alias: dict[str, str] = {}
    for key, words in people.items():
        if len(words) != 1:
            continue
        word = words[0]
        stems = {word} | {word[:-len(e)] for e in _DIMINUTIVE if word.endswith(e) and len(word) > len(e) + 2}
        matches = [k for k, w in full.items()
                   if stems & {w[0], *(x for x in w[1:] if not particle(x))}]
        singles = [k for k, w in people.items() if len(w) == 1 and w[0] != word and w[0] in stems]
        if len(matches) == 1:
            alias[key] = matches[0]
        elif not matches and len(singles) == 1:
            alias[key] = singles[0]
    return {part: [replace(f, entity=alias.get(f.entity, f.entity)) for f in findings]
            for part, findings in parts.items()}


def _normal(finding: Finding) -> str:
    if finding.kind in ("phone", "bsn", "rrn", "iban", "nhs", "ni", "ppsn", "sin", "ssn", "medicare",
                        "postcode"):
        return re.sub(r"\W", "", finding.text).lower()
    return " ".join(fold(finding.text).split())


def _entities(texts: dict[str, str], parts: dict[str, list[Finding]],
              clients: ClientList, known: frozenset[str]) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    for findings in parts.values():
        for finding in findings:
            entity = entities.get(finding.entity)
            if entity is None:
                entity = entities[finding.entity] = Entity(finding.entity, finding.kind, finding.text)
                if finding.kind == "name":
                    entity.client = int(finding.entity.split(":")[1])
                    entity.label = clients.clients[entity.client].name
            if finding.text not in entity.forms:
                entity.forms.append(finding.text)
            if finding.kind == "person" and len(finding.text) > len(entity.label):
                entity.label = finding.text
            if _rank(finding.confidence) < _rank(entity.confidence):
                entity.confidence = finding.confidence
    _propose(entities, clients, texts, known)
    return entities


def _rank(confidence: str) -> int:
    return ("high", "medium", "low").index(confidence)


def _propose(entities: dict[str, Entity], clients: ClientList, texts: dict[str, str],
             known: frozenset[str]) -> None:
    """Replacements per entity: pseudonym (or a letter), then initials, then a placeholder.

    A letter is never one the bundle already uses: not a pseudonym on the list, and not a
    label the user wrote ("Cliënt A, de moeder, …" keeps meaning the one it meant).
    """
    taken = {c.pseudonym for c in clients.clients if c.pseudonym}
    written = "\n".join(texts.values())
    counters: dict[str, int] = {}

    def next_label(kind: str) -> str:
        while True:
            counters[kind] = counters.get(kind, 0) + 1
            label = t(f"bundle.sequence.{kind}", letter=_letters(counters[kind]))
            if label not in taken and (label not in written  # the quick test first: 2 MB of text
                                       or not re.search(rf"\b{re.escape(label)}\b", written)):
                return label

    for entity in entities.values():
        stand_in = placeholder(entity.kind)
        if entity.kind == "person" and " ".join(words_of(entity.label)) in known:
            entity.options = [stand_in, initials(" ".join(words_of(entity.label)))]
        elif entity.kind in PERSON_KINDS:
            own = clients.clients[entity.client].pseudonym if entity.client is not None else ""
            entity.options = [own or next_label(entity.kind),
                              initials(" ".join(words_of(entity.label))), stand_in]
        elif entity.kind in SEQUENCE_KINDS:
            entity.options = [stand_in, next_label(entity.kind)]
        else:
            entity.options = [stand_in]
        entity.options = list(dict.fromkeys(o for o in entity.options if o))


def _letters(number: int) -> str:
    """1 → A, 26 → Z, 27 → AA: letters for as many people as a bundle names."""
    out = ""
    while number:
        number, rest = divmod(number - 1, 26)
        out = chr(ord("A") + rest) + out
    return out
