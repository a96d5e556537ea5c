"""All detectors together: one scan of a text gives its findings, overlaps merged.

The client list (``names.py``), numbers checked by ``phonenumbers`` and ``python-stdnum``
(``numbers.py``), the app's own patterns (``patterns.py``) and deduce's persons, places and
institutions (``language.py``). deduce needs its tables prepared once (``lexicon.py``); until
they are, or if they cannot be, the other detectors still run and the review says so.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache
from pathlib import Path

from ..clients import ClientList
from ..errors import DetectorUnavailable
from . import (citations, english_patterns, gazetteer, lexicon, patterns, tidy, unknown_names,
               vocabulary)
from .findings import Finding, merge_overlaps
from .names import ENGLISH_TITLES, TITLES, ClientNames, MarkedWords, NameMatch, particle, split_name, words_of

LANGUAGE_KINDS = ("person", "place", "institution")


def tables_folder(cache_dir: Path) -> Path:
    return cache_dir / "detector"


def load_language(cache_dir: Path):  # type: ignore[no-untyped-def]
    """deduce on prepared tables (the package's own, else the user's cache), or ``None`` when
    they are not (yet) there."""
    tables = lexicon.load_shipped() or lexicon.load(tables_folder(cache_dir))
    if tables is None:
        return None
    from .language import Language  # deduce loads only when it has tables to run on

    return Language(tables)


def prepare_language(cache_dir: Path, progress: lexicon.Progress = lambda share: None):  # type: ignore[no-untyped-def]
    """deduce ready to run: the tables loaded, built first (in a child process) if needed.

    Raises ``DetectorUnavailable`` when they cannot be built.
    """
    language = load_language(cache_dir)
    if language is None:
        lexicon.build_in_child(tables_folder(cache_dir), progress)
        language = load_language(cache_dir)
    if language is None:
        raise DetectorUnavailable("unreadable_tables")
    return language


def _in_field(text: str):  # type: ignore[no-untyped-def]
    # Looked up on the first question: a text with no client's name in it never asks.
    fields = cache(lambda: patterns.field_spans(text))

    def in_field(start: int, end: int, strictly: bool = False) -> bool:
        """Inside one of the field's own names (Korthagen, de Roos van Leary)?"""
        return any(s <= start and end <= e and (not strictly or e - s > end - start)
                   for s, e in fields())

    return in_field


# Four or five digits right after a town are its postcode ("Penrith 2750", "Stockton, 95202");
# not a year ("Leeds 2019").
_POSTCODE_AFTER = re.compile(r",? (?P<n>(?!19\d\d\b|20\d\d\b)\d{4,5})(?![\w-]|[.,]\d| ?%)")


def _postcodes_after_places(found: list[Finding], text: str) -> list[Finding]:
    taken = {(f.start, f.end) for f in found if f.kind == "postcode"}
    return [Finding("postcode", m.start("n"), m.end("n"), m.group("n"), "medium", "patterns")
            for f in found if f.kind == "place" and (m := _POSTCODE_AFTER.match(text, f.end))
            and (m.start("n"), m.end("n")) not in taken]


_HYPHEN_TAIL = re.compile(r"-[a-z]+\b")
_A_BILL = re.compile(r"Bill\s+(?:[A-Z]-)?\d")
_I_AND_A_WORD = re.compile(r"I\.\s+(?:Then|So|But|And|Now|Still|Also|Maybe|Not|Felt|Went|Was|Did|Do|"
                           r"Had|Have|Will|Just|Only|Even|Yet)")
# The name of a model, a programme or a scale, of which a person's or a place's name is a part.
_NAMED_MODEL_AFTER = re.compile(r"(?:\s+[A-Z][\w'’-]*){0,3}\s+(?:Model|Framework|Approach|Programme|"
                                r"Program|Method|Scale|Inventory|Questionnaire|Toolkit|Curriculum|"
                                r"Pathway|Protocol|Initiative)\b")


def _in_a_hyphenated_word(text: str, start: int, end: int) -> bool:
    """Is the name the head of a hyphenated word of the language ("Well-being", "Self-care")?"""
    tail = _HYPHEN_TAIL.match(text, end)
    return tail is not None and vocabulary.known((text[start:end] + tail.group()).lower())


class Detector:
    """Finds everything in a text that could identify a client."""

    def __init__(self, clients: ClientList, today: dt.date, language=None,  # type: ignore[no-untyped-def]
                 marked: tuple[str, ...] = ()) -> None:
        self.clients = clients
        self.today = today
        self.language = language  # None: deduce's persons, places and institutions not checked
        self.names = ClientNames(clients, self.is_common)
        self.marked = MarkedWords(marked)  # what the user marked in this bundle

    def is_common(self, word: str) -> bool:
        """An ordinary Dutch word (by deduce's lists, once loaded), so as a name it needs a capital."""
        return self.language is not None and self.language.is_common(word)

    def scan(self, text: str) -> list[Finding]:
        """The findings in ``text`` (normalised by :func:`text.compose`), in order: numbers,
        patterns, deduce's names and places, towns and names no list knows (:meth:`base`),
        the client list and the user's marks; then tidied (:mod:`tidy`) and overlaps merged."""
        return self.finish(text, self.base(text))

    def base(self, text: str) -> list[Finding]:
        """What the text holds whoever the clients are and whatever the user marked: the
        costly part of a scan, which :mod:`findings_cache` keeps by the text's hash."""
        from . import english_numbers, numbers  # phonenumbers and stdnum: only when scanning

        in_field = _in_field(text)
        found = tidy.by_their_names([
            Finding(m.kind, m.start, m.end, m.text, "high",
                    "phonenumbers" if m.kind == "phone" else "stdnum")
            for m in [*numbers.find(text), *english_numbers.find(text)]], text)
        found += self._patterns(text, in_field)
        if self.language is not None:
            found += self._language(text, in_field)
            found += self._unlisted(text, in_field, found)
        return found + _postcodes_after_places(found, text)

    def finish(self, text: str, base: list[Finding]) -> list[Finding]:
        """The scan of ``text`` from its :meth:`base`: the clients and the marks added, tidied."""
        in_field = _in_field(text)
        persons = [f for f in base if f.kind == "person" and f.detector == "deduce"]
        found = [*base, *self._clients(text, in_field, persons)]
        found += [Finding("marked", start, end, text[start:end], "high", "user", f"marked:{key}")
                  for start, end, key in self.marked.find(text)]
        works = citations.spans(text)  # "Reading … by Gabor Maté": a book and its author
        trimmed = [tidy.trimmed(f, text) for f in found
                   if not (tidy.not_a_name(f, text) or tidy.no_url_fragment(f)
                           or tidy.own_whereabouts(f, text)
                           or (f.kind in LANGUAGE_KINDS  # never a client's name ("name")
                               and any(s <= f.start and f.end <= e for s, e in works)))]
        found = tidy.outside_dates([f for f in trimmed if not tidy.only_a_title(f)], text)
        return merge_overlaps(tidy.everywhere(tidy.phones_in_references(found), text), text)

    def _patterns(self, text: str, in_field) -> list[Finding]:  # type: ignore[no-untyped-def]
        found = []
        for m in [*patterns.find(text, self.today), *english_patterns.find(text)]:
            if m.kind == "person" and ((m.confidence != "high" and self.is_common(m.text.lower()))
                                       or in_field(m.start, m.end)):
                continue  # "haar moeder Hoop…" is no name ("Mr Baker" is); "collega Rogers" the model
            if (m.kind in ("person", "place") and m.confidence != "high"
                    and self._ordinary_opening(text, m.start, m.end)):
                continue  # "Geel, oranje, rood": the colour, not the town ("Grace's mum" is Grace)
            found.append(Finding(m.kind, m.start, m.end, m.text, m.confidence, "patterns"))
        return found

    def _language(self, text: str, in_field) -> list[Finding]:  # type: ignore[no-untyped-def]
        """deduce's persons, places, institutions and links, without what they are not here."""
        found = []
        for a in self.language.annotate(tidy.shouted_as_names(text)):
            if a.kind in LANGUAGE_KINDS and in_field(a.start, a.end):
                continue
            if a.kind == "person" and patterns.relation_word(a.text):
                continue  # "Buurman had het kenteken…": a surname, but here the neighbour
            if a.kind in LANGUAGE_KINDS and self._ordinary_opening(text, a.start, a.end):
                continue  # "Hope is a strange thing", "Boom, bos, bloemen", "Relief he's safe"
            if a.kind in ("person", "place") and _in_a_hyphenated_word(text, a.start, a.end):
                continue  # "Well-being": a word, not the village Well
            if a.kind in ("person", "place") and _NAMED_MODEL_AFTER.match(text, a.end):
                continue  # "Berry Street Education Model": a model's name
            if a.kind == "person" and (_A_BILL.match(text, a.start) or _I_AND_A_WORD.fullmatch(a.text)):
                continue  # "Bill C-7", "Bill 96": a law; "So did I. Then felt guilty": no initial
            if a.kind == "person" and tidy.a_month(text, a.start, a.end):
                continue  # "review in June", "my 6 May session"
            if a.kind in ("person", "place") and vocabulary.world_name(a.text):
                continue  # "In Vlaanderen is de wachtlijst lang": a region, no one's
            a = self._without_opening_word(text, a)
            if a is None or (a.kind in LANGUAGE_KINDS and in_field(a.start, a.end)):
                continue  # "Volgens Nagy": the opening word taken for a first name
            if vocabulary.world_name(a.text):
                continue  # "My French is okay": without its opening word, a language
            found.append(Finding(a.kind, a.start, a.end, text[a.start:a.end], a.confidence, "deduce"))
        return found

    def _unlisted(self, text: str, in_field, known: list[Finding]) -> list[Finding]:  # type: ignore[no-untyped-def]
        """Towns by name, then names no list knows, where nothing surer was found."""
        found: list[Finding] = []
        for source, matches in (
                ("geonames", lambda: gazetteer.find(text, self.language.is_first_name)),
                ("deduce", lambda: gazetteer.dutch_towns_that_are_words(text, self.language.is_place)),
                ("geonames", lambda: gazetteer.towns_in_lower_case(text, self.language.is_place)),
                ("vocabulary", lambda: unknown_names.find(text, self.language.is_first_name,
                                                          self.is_common, self.language.is_surname))):
            surer = [*known, *found]
            for m in matches():
                if m.kind == "person" and tidy.a_month(text, m.start, m.end):
                    continue  # "since Jan": a month, even where no list has the name
                if not in_field(m.start, m.end) and not any(
                        f.start <= m.start and m.end <= f.end for f in surer):
                    found.append(Finding(m.kind, m.start, m.end, m.text, m.confidence, source))
        return found

    def _clients(self, text: str, in_field, persons: list[Finding]) -> list[Finding]:  # type: ignore[no-untyped-def]
        found = []
        for m in self.names.find(text):
            if in_field(m.start, m.end, strictly=True):
                continue  # client Roos in "de Roos van Leary": the model, not the client
            if m.form == "surname" and any(self._relative(m, p) for p in persons):
                continue  # "Sanne de Vries" beside client Pietje de Vries: a relative
            found.append(Finding("name", m.start, m.end, m.text, "high", "clients",
                                 f"client:{m.client}"))
        return found

    def _without_opening_word(self, text: str, a):  # type: ignore[no-untyped-def]
        """deduce's person without an ordinary word that opens the sentence ("Volgens Nagy",
        "My CASW"); ``None`` when what is left is an acronym."""
        first = re.match(r"[^\W\d_]+", a.text)
        if (a.kind != "person" or first is None or first.end() == len(a.text)
                or first.group().lower() in TITLES | ENGLISH_TITLES
                or not self._ordinary_opening(text, a.start, a.start + first.end(), alone=False)):
            return a
        start = a.start + first.end() + (len(a.text[first.end():]) - len(a.text[first.end():].lstrip()))
        rest = text[start:a.end]
        if rest.isupper():
            return None
        return replace(a, start=start, text=rest)

    def _ordinary_opening(self, text: str, start: int, end: int, alone: bool = True) -> bool:
        is_first_name = self.language.is_first_name if self.language else (lambda word: False)
        return unknown_names.ordinary_opening(text, start, end, is_first_name, alone)

    def _relative(self, match: NameMatch, person: Finding) -> bool:
        """Is ``person`` (found by deduce around a client's surname) someone else of that name?

        It is when it has a given name that is not the client's (an initial of theirs counts
        as theirs: "P. de Vries" is Pietje).
        """
        if not (person.start <= match.start and match.end <= person.end):
            return False
        own = set(words_of(match.text))
        given = {w[:1] for w in words_of(" ".join(split_name(self.clients.clients[match.client].name)[0]))}
        extra = [w for w in words_of(person.text) if w not in own and not particle(w)]
        return any(len(w) > 1 or w not in given for w in extra)
