"""Persons, places, institutions and web addresses, found by deduce on lean tables.

``deduce`` (UMC Utrecht) recognises names in Dutch clinical text by its lookup lists and its
patterns around them ("mevrouw X", "J. de Boer", a first name followed by a surname, a street
followed by a house number). Its own pipeline runs here unchanged, with two differences: the
lookups on big lists read the hashed tables of ``lexicon.py`` instead of deduce's tries, and
only the parts that serve a bundle run. Dates, ages, phone numbers and identifiers are left to
the app's own detectors, which know a meeting date from a date of birth.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np
from frozendict import frozendict

from .lexicon import SEPARATOR, Lexicon, PhraseTable, phrase_hash
from .lists import dd, loaders, processor_loader, raw_lists, tokenizer_from

# The groups of deduce's base configuration that serve a bundle (names, locations,
# institutions, URLs); the postcode pattern is the app's own (it knows which letter pairs are
# never issued, and Belgian postcodes).
GROUPS = ("names", "locations", "institutions", "urls")
LEFT_OUT = ("patient_name", "postal_code")
SMALL_LISTS = ["names/lst_prefix", "names/lst_interfix", "names/lst_initial",
               "names/lst_interfix_surname", "names/lst_surname", "whitelist/lst_common_word",
               "whitelist/lst_medical_term", "whitelist/lst_stop_word"]


class PhraseAnnotator(dd.process.Annotator):
    """deduce's multi-token lookup (the longest phrase of a list at each token), on hashes."""

    def __init__(self, lookup_values: str, ds: dd.ds.DsCollection, tag: str,
                 priority: int = 0, overlapping: bool = False) -> None:
        self.table: PhraseTable = ds[lookup_values]
        self.overlapping = overlapping
        super().__init__(tag=tag, priority=priority)

    def annotate(self, doc: dd.Document) -> list[dd.Annotation]:
        tokens = doc.get_tokens()
        keys = [t.text.lower() if self.table.lowercase else t.text for t in tokens]
        longest = _longest_phrases(self.table, keys)
        annotations, skip_to = [], 0
        for start in sorted(longest):
            if start < skip_to:
                continue
            first, last = tokens[start], tokens[start + longest[start] - 1]
            annotations.append(dd.Annotation(
                text=doc.text[first.start_char:last.end_char], start_char=first.start_char,
                end_char=last.end_char, start_token=first, end_token=last, tag=self.tag,
                priority=self.priority))
            if not self.overlapping:
                skip_to = start + longest[start]
        return annotations


def _longest_phrases(table: PhraseTable, keys: list[str]) -> dict[int, int]:
    """For each token index where a phrase starts, the length of the longest one.

    All starts are extended together, one token per round, and each round asks the sorted
    hash arrays once for all of them; most starts drop out in the first round.
    """
    paths = {i: key for i, key in enumerate(keys)}
    longest: dict[int, int] = {}
    length = 1
    while paths:
        starts = list(paths)
        hashes = np.fromiter((phrase_hash((paths[i],)) for i in starts), np.uint64, len(starts))
        prefix, whole = table.has_prefix(hashes), table.has_phrase(hashes)
        extended = {}
        for i, is_prefix, is_whole in zip(starts, prefix, whole):
            if is_whole:
                longest[i] = length
            if is_prefix and i + length < len(keys):
                extended[i] = paths[i] + SEPARATOR + keys[i + length]
        paths, length = extended, length + 1
    return longest


@dataclass(frozen=True)
class Annotation:
    """What deduce found: ``person``, ``place`` (a street with number is an ``address``),
    ``institution`` or ``url``, with how sure the pattern that found it is."""

    kind: str
    start: int
    end: int
    text: str
    confidence: str


class Language:
    """deduce's recognisers for persons, places, institutions and URLs, ready to run."""

    def __init__(self, lexicon: Lexicon) -> None:
        raw = raw_lists(SMALL_LISTS)
        tokenizer = tokenizer_from(raw)
        structures = dd.ds.DsCollection()
        structures["prefix"] = loaders.load_prefix_lookup(raw)
        structures["interfix"] = loaders.load_interfix_lookup(raw)
        structures["whitelist"] = loaders.load_whitelist_lookup(raw)
        for name in ("initial", "interfix_surname"):
            words = dd.ds.LookupSet()
            words.add_items_from_iterable(raw[name])
            structures[name] = words
        for name, table in lexicon.tables.items():
            structures[name] = table
        self._common = structures["whitelist"]
        self._first_names: PhraseTable = structures["first_name"]
        self._surnames: PhraseTable = structures["surname"]
        self.deid = dd.DocDeid()
        self.deid.tokenizers["default"] = tokenizer
        self.deid.processors = processor_loader().load(
            config=_config(), extras={"tokenizer": tokenizer, "ds": structures})

    def is_common(self, word: str) -> bool:
        """Is ``word`` an ordinary Dutch word (deduce's common words, stop words and medical
        terms), so that as a name it needs a capital?"""
        return word in self._common

    def is_first_name(self, word: str) -> bool:
        return _listed(self._first_names, word)

    def is_surname(self, word: str) -> bool:
        """On deduce's list of surnames (one word: "Dekker", "Kaya")."""
        return _listed(self._surnames, word)

    def is_place(self, word: str) -> bool:
        """On deduce's own list of Dutch places, before it took out the words of the language
        ("Leiden", "Hoorn", "Delft": deduce never finds them)."""
        return word in _places_with_words()

    def annotate(self, text: str) -> list[Annotation]:
        doc = self.deid.deidentify(text, disabled={"redactor"})
        found = []
        for a in sorted(doc.annotations, key=lambda a: a.start_char):
            kind, confidence = _kind_of(a.tag, a.text)
            if kind == "address" and _numbered_thing(a.text):
                continue  # "Bijeenkomst 5", "Blok 3": deduce's streets, but here a numbering
            if (kind == "person" and _numbered_thing(text[a.start_char:a.end_char + 2])
                    and (not self.is_first_name(a.text) or a.text.lower() in NUMBERED_NAMES)):
                continue  # "Stap 3 van de meldcode": the surname Stap, but a numbering
            end = a.end_char
            if kind in ("place", "institution") and (district := DISTRICT.match(text, end)):
                end = district.end()  # "Rotterdam-Zuid": deduce's tokens stop at the hyphen
            if kind == "address" and (box := _BOX.match(text, end)):
                end = box.end()  # "Vijfwegenstraat 112 bus 3": the Belgian letterbox
            if kind:
                found.append(Annotation(kind, a.start_char, end, text[a.start_char:end], confidence))
        return found


@cache  # 0.2 s, asked only of a capitalised word after "in" or "uit" that is also a word
def _places_with_words() -> frozenset[str]:
    return frozenset(raw_lists(["locations/lst_placename"])["placename"])


def _listed(table: PhraseTable, word: str) -> bool:
    key = word.lower() if table.lowercase else word
    return bool(table.has_phrase(np.array([phrase_hash((key,))], np.uint64))[0])


_BOX = re.compile(r",? bus \d{1,4}[A-Za-z]?\b")
DISTRICT = re.compile(r"-(?:Noord|Oost|Zuid|West|Centrum|Noordoost|Noordwest|Zuidoost|Zuidwest|"
                      r"Noord-Oost|Noord-West|Zuid-Oost|Zuid-West)(?![\w-])")
# What supervisants number: deduce's street list holds every street name in the country,
# "Punt", "Blok" and "Deel" among them, and its street pattern ends in "st" ("Kerkst"), so
# "Bijeenkomst 5" was an address. These words with a number are a numbering, wherever they
# stand; any other word with a number ("Brink 12", "Kouter 3") stays an address.
NUMBERED_WORDS = frozenset("""
    bijeenkomst sessie gesprek supervisie intervisie werkbegeleiding vergadering overleg
    training cursus workshop les module blok periode semester kwartaal jaar leerjaar week dag
    stap fase punt deel hoofdstuk paragraaf pagina bladzijde bijlage figuur tabel versie
    casus vraag leervraag leerdoel doel thema ronde opdracht oefening toets niveau groep klas
    aspect dimensie competentie stelling artikel lid trede stadium kwadrant rol dienst
    lente zomer herfst winter tekst text entry note notitie verslag reflectie item nummer
    number session meeting bill act step chapter page level stage
""".split())


# First names that with a number are a numbering all the same ("Bill 124" is a bill).
NUMBERED_NAMES = frozenset({"bill"})


def _numbered_thing(found: str) -> bool:
    """One word of :data:`NUMBERED_WORDS` and a number ("Blok 3", "Stap 2")."""
    match = re.fullmatch(r"(\w+)\s+\d.*", found, re.DOTALL)
    return match is not None and match.group(1).lower() in NUMBERED_WORDS


def _kind_of(tag: str, text: str) -> tuple[str | None, str]:
    if tag in ("persoon", "patient"):
        # A first name alone is the weakest sign; a name with a first name, initial or
        # title around it is strong.
        return "person", "high" if len(text.split()) > 1 else "medium"
    if tag == "locatie":
        if any(c.isdigit() for c in text):
            return "address", "high"
        return "place", "medium"
    if tag in ("ziekenhuis", "zorginstelling"):
        return "institution", "medium"
    if tag == "url":
        return "url", "high"
    return None, ""


# Flemish street endings deduce's Dutch pattern lacks: Tiensevest, Kipdorpvest, Jordaenskaai,
# Frankrijklei, Zuidwal.
FLEMISH_STREET_ENDINGS = ("vest", "kaai", "lei", "wal")


def _with_flemish_endings(annotator: dict) -> dict:
    [step] = annotator["args"]["pattern"]
    head, endings, tail = re.fullmatch(r"(.*\()(.*)(\)\$)", step["re_match"]).groups()
    wider = "|".join([endings, *FLEMISH_STREET_ENDINGS])
    pattern = [{**step, "re_match": head + wider + tail}]
    return {**annotator, "args": {**annotator["args"], "pattern": pattern}}


SLACK = r"-? ?|\."


def _config() -> frozendict:
    """deduce's base configuration, narrowed to what serves a bundle, on hashed lookups."""
    base = json.loads((resources.files("deduce") / "base_config.json").read_text("utf-8"))
    annotators = {}
    for name, annotator in base["annotators"].items():
        if annotator.get("group") not in GROUPS or name in LEFT_OUT:
            continue
        if annotator["annotator_type"] == "docdeid.process.MultiTokenLookupAnnotator":
            annotator = {**annotator, "annotator_type": f"{__name__}.PhraseAnnotator"}
        if name == "street_pattern":
            annotator = _with_flemish_endings(annotator)
        annotators[name] = annotator
    # deduce joins neighbouring finds across ". " as well ("J. Jansen"); across a sentence end
    # that swallows the full stop: "Punt 3. Markt 12" became one address.
    return frozendict({**base, "annotators": annotators, "adjacent_annotations_slack": SLACK})
