"""The review: everything that goes into a bundle, scanned, and the user's decision per finding.

Every text of the bundle is a *part*: each entry's title, text and tags, the trajectory's
title, the supervisant, the supervisor and the cover note. A title made from an entry's first
words is not scanned apart but made again from the reviewed text, so a name cut in half by
the title's length cannot slip through. The vault entries are never changed: applying the
decisions gives pseudonymised copies.
"""

from __future__ import annotations

import re

import datetime as dt
from dataclasses import dataclass, field, replace

from ..model import Entry, title_from_body
from .detector import Detector
from .findings_cache import FindingsCache
from .scanning import scan_all
from .text import compose
from .entities import Entity, group
from .findings import Finding, apply
from .links import links_as_text
from .names import POSSESSIVE, words_of

INFO_FIELDS = ("trajectory_title", "supervisant", "supervisor", "note")


@dataclass
class BundleInfo:
    supervisant: str = ""
    supervisor: str = ""
    note: str = ""
    trajectory_title: str = ""
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())


def entry_parts(entries: list[Entry]) -> dict[str, str]:
    """The texts of the entries a review scans, by part ("entry:<id>:body"), as it scans them."""
    texts: dict[str, str] = {}
    for entry in entries:
        if entry.title != title_from_body(entry.body):
            texts[f"entry:{entry.id}:title"] = compose(entry.title)
        # Links as text first (as every format shows them): a name in a link's text is then
        # replaced in plain text, never inside "[…](…)" where "[instelling]" broke it.
        texts[f"entry:{entry.id}:body"] = compose(links_as_text(entry.body))
        if entry.tags:
            # Written as tags, so a tag is read as one ("#elamrani" is a name, "elamrani" alone
            # is a lower-case word like any other).
            texts[f"entry:{entry.id}:tags"] = compose("\n".join(f"#{tag}" for tag in entry.tags))
    return texts


@dataclass
class Review:
    """The findings of every part of the bundle, their entities, and the decisions."""

    texts: dict[str, str]  # part key → text as scanned ("entry:<id>:body", "info:note" …)
    findings: dict[str, list[Finding]]
    entities: dict[str, Entity]
    language_checked: bool = True  # False: deduce's tables were not available
    decisions: dict[tuple[str, int], bool] = field(default_factory=dict)  # True: replace
    chosen: dict[str, str] = field(default_factory=dict)  # entity → replacement picked

    @classmethod
    def of(cls, entries: list[Entry], info: BundleInfo, detector: Detector,
           cache: FindingsCache | None = None) -> Review:
        texts = entry_parts(entries)
        for name in INFO_FIELDS:
            if getattr(info, name).strip():
                texts[f"info:{name}"] = compose(getattr(info, name).strip())
        found = scan_all(detector, texts, cache)
        known = _known_people(info)
        keyed, entities = group(texts, found, detector.clients, detector.is_common, known)
        review = cls(texts, keyed, entities, detector.language is not None)
        # The supervisant and the supervisor may be named: where deduce finds exactly their
        # name, it is proposed as kept (shown, and changeable). A client is never kept.
        for part, index, finding in review.all():
            if finding.kind == "person" and " ".join(words_of(finding.text)) in known:
                review.decide(part, index, False)
            elif finding.kind == "marked":  # the user marked it to go
                review.decide(part, index, True)
        return review

    # -- counting -------------------------------------------------------------------------------
    def all(self) -> list[tuple[str, int, Finding]]:
        return [(part, i, f) for part, findings in self.findings.items()
                for i, f in enumerate(findings)]

    @property
    def total(self) -> int:
        return sum(len(f) for f in self.findings.values())

    @property
    def replaced(self) -> int:
        return sum(self.decisions.values())

    @property
    def kept(self) -> int:
        return len(self.decisions) - self.replaced

    @property
    def open(self) -> int:
        return self.total - len(self.decisions)

    def of_entity(self, key: str) -> list[tuple[str, int, Finding]]:
        return [(p, i, f) for p, i, f in self.all() if f.entity == key]

    def state(self, key: str) -> str:
        """``replaced``, ``kept``, ``open`` or ``mixed`` for all findings of an entity."""
        states = {self.decision(p, i) for p, i, _ in self.of_entity(key)}
        return states.pop() if len(states) == 1 else "open" if "open" in states else "mixed"

    def decision(self, part: str, index: int) -> str:
        value = self.decisions.get((part, index))
        return "open" if value is None else "replaced" if value else "kept"

    # -- deciding -------------------------------------------------------------------------------
    def decide(self, part: str, index: int, replace_it: bool) -> None:
        self.decisions[(part, index)] = replace_it

    def decide_entity(self, key: str, replace_it: bool) -> None:
        for part, index, _ in self.of_entity(key):
            self.decide(part, index, replace_it)

    def decide_all(self, kind: str | None, replace_it: bool) -> None:
        """One decision for every finding (of one kind, or of every kind)."""
        for part, index, finding in self.all():
            if kind is None or finding.kind == kind:
                self.decide(part, index, replace_it)

    def decide_open(self, replace_it: bool) -> None:
        """One decision for every finding still open; what was decided stays as it is."""
        for part, index, _ in self.all():
            self.decisions.setdefault((part, index), replace_it)

    def carry_over(self, earlier: Review) -> None:
        """The decisions and chosen replacements of an earlier scan of the same bundle, for
        the findings that are still there (the user marked a word and it was scanned again)."""
        where = {(part, f.start, f.end): index for part, index, f in self.all()}
        for (part, index), decided in earlier.decisions.items():
            finding = earlier.findings[part][index]
            now = where.get((part, finding.start, finding.end))
            # Only for the same kind: a word the user marked since is replaced, whatever an
            # earlier finding on it was decided.
            if now is not None and self.findings[part][now].kind == finding.kind:
                self.decisions[(part, now)] = decided
        self.chosen.update({k: v for k, v in earlier.chosen.items() if k in self.entities})

    def replacement(self, key: str) -> str:
        return self.chosen.get(key, self.entities[key].proposal)

    def next_replacement(self, key: str) -> str:
        """Cycle an entity's replacement (pseudonym → initials → [naam] …) and replace it."""
        options = self.entities[key].options
        current = self.replacement(key)
        choice = options[(options.index(current) + 1) % len(options)] if current in options else options[0]
        self.chosen[key] = choice
        self.decide_entity(key, True)
        return choice

    # -- applying -------------------------------------------------------------------------------
    def apply_part(self, part: str) -> str:
        """The part's text with the findings decided as replaced, replaced."""
        findings, text = self.findings.get(part, []), self.texts[part]
        return apply(text, findings, {
            i: _in_a_tag(text, f, _keeping_possessive(f, self.replacement(f.entity)))
            for i, f in enumerate(findings) if self.decisions.get((part, i))})

    def apply_entry(self, entry: Entry) -> Entry:
        """A pseudonymised copy of ``entry``: title, text and tags. The original is untouched."""
        body = self.apply_part(f"entry:{entry.id}:body")
        title_key, tags_key = f"entry:{entry.id}:title", f"entry:{entry.id}:tags"
        title = self.apply_part(title_key) if title_key in self.texts else title_from_body(body)
        # A tag stays one word: "gezin-Cliënt A" would show as the tag "gezin-Cliënt" and "A".
        tags = tuple(tag.removeprefix("#").replace(" ", "-")
                     for tag in self.apply_part(tags_key).split("\n")) if tags_key in self.texts else ()
        return replace(entry, title=title, body=body, tags=tags)

    def apply_info(self, info: BundleInfo) -> BundleInfo:
        values = {name: self.apply_part(f"info:{name}") if f"info:{name}" in self.texts else ""
                  for name in INFO_FIELDS}
        return replace(info, **values)


_TAG_BEFORE = re.compile(r"#[\w-]*$")


def _in_a_tag(text: str, finding: Finding, replacement: str) -> str:
    """In "#elamrani" or "#gezin-kovalenko" the replacement stays one word ("#Cliënt-A")."""
    if _TAG_BEFORE.search(text, max(0, finding.start - 40), finding.start):
        return replacement.replace(" ", "-")
    return replacement


def _keeping_possessive(finding: Finding, replacement: str) -> str:
    """"Siobhan's mum" becomes "Client A's mum", not "Client A mum": the sentence still reads."""
    ending = POSSESSIVE.search(finding.text) if finding.kind in ("name", "person", "marked") else None
    return replacement + ending.group() if ending and not replacement.endswith("]") else replacement


def _known_people(info: BundleInfo) -> frozenset[str]:
    """The full names of the supervisant and the supervisor, as :func:`words_of` gives them."""
    return frozenset(" ".join(words_of(compose(name)))
                     for name in (info.supervisant, info.supervisor) if name.strip())
