"""Towns of English-speaking practice by name: "moved from Surrey to Abbotsford", "in Mount
Druitt", "the flats in Footscray".

The list (``places_en.txt``, GeoNames through ``tools/make_places.py``) holds every place of at
least 1,000 people in the UK, Ireland, the US, Canada, Australia and New Zealand; deduce and
``places_be.txt`` know the Dutch and Belgian ones. Many of these names are also words or
first names (Reading, Bath, Hope, March, Victoria, Jordan): those count only after a word for
where ("in Reading", "from Bath"), never opening a sentence; the rest count wherever they are
capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from .dates import FULL_MONTH_NAMES, WEEKDAYS
from .letters import CAPITAL
from .matches import PatternMatch
from .patterns import field_name, flemish_place
from .unknown_names import opens_sentence
from .towns import places
from .vocabulary import english_name, known, ordinary, world_name

# Capitalised words, with the particles inside a town's name ("Portage la Prairie", "Newcastle
# upon Tyne", "Stratford-upon-Avon").
_CAPITALISED = re.compile(CAPITAL + r"[\w'’.-]*(?: (?:(?:la|le|de|du|des|upon|on|of|en|sur) )?"
                          + CAPITAL + r"[\w'’.-]*){0,3}")
_WHERE = re.compile(r"\b(?:in|from|near|outside|around|to|towards|out of|past|uit|naar|vanuit)\s+$",
                    re.IGNORECASE)
# US states, Canadian provinces and Australian states as written after a town.
_STATE_AFTER = re.compile(
    r",? (?:A[KLRZ]|C[AOT]|DE|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|"
    r"T[NX]|UT|V[AT]|W[AIVY]|BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU|NSW|VIC|QLD|WA|SA|TAS|ACT)\b")
# A street or a house number and a comma: the town comes next ("12 Ashgrove Court, Tallaght").
_AFTER_ADDRESS = re.compile(r"(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Court|Close|Crescent|Grove|"
                            r"Way|Place|Terrace|Parade|Highway|Hwy|\d)\.?,\s*$")

_CALENDAR_WORDS = FULL_MONTH_NAMES | WEEKDAYS  # "March" and "Sunday" are towns too


@cache
def _longest_name() -> int:
    return max(len(name.split()) for name in places())


def find(text: str, is_first_name: Callable[[str], bool]) -> Iterator[PatternMatch]:
    """The towns of :func:`places` in ``text``, the longest name at each place first."""
    known = places()
    for run in _CAPITALISED.finditer(text):
        words = run.group().split(" ")
        i = 0
        while i < len(words):
            for n in range(min(_longest_name(), len(words) - i), 0, -1):
                name = " ".join(words[i:i + n]).rstrip(".,'’")
                if name not in known:
                    continue
                start = run.start() + len(" ".join(words[:i])) + (1 if i else 0)
                if _counts(text, start, name, is_first_name):
                    end = start + len(name)
                    if suffix := _PART_OF_TOWN.match(text, end):
                        end = suffix.end()  # "Moss Side", "Broadwater Farm", "Kings Cross"
                    yield PatternMatch("place", start, end, text[start:end], "medium")
                i += n - 1
                break
            i += 1


# A word that names a part of a town after the town's or a landmark's name.
_PART_OF_TOWN = re.compile(r" (?:Side|End|Farm|Green|Heath|Cross|Vale|Park|Hill|Heights|Village|"
                           r"Town|Bridge|Common|Moor|Marsh|Wood|Fields|Gardens|Estate|North|South|"
                           r"East|West|Central|Junction|Harbour|Bay|Beach|Creek|Point|Springs)(?![\w'’-])")


def _counts(text: str, start: int, name: str, is_first_name: Callable[[str], bool]) -> bool:
    before = text[max(0, start - 12):start]
    if (opens_sentence(text, start) or name.lower() in _CALENDAR_WORDS
            or world_name(name) or field_name(name)):
        return False  # "Nederland" is a town in Texas too, "Rogers" in Arkansas
    if " " in name or _STATE_AFTER.match(text, start + len(name)) or _AFTER_ADDRESS.search(before):
        return True  # "Mount Druitt"; "Chicago, IL", "Penrith NSW"; "Sydney Road, Brunswick"
    # A town English also names in its dictionary ("Edinburgh", "Calgary") may be a scale's or a
    # model's name: like a town that is a word, it counts only where a town is meant.
    return bool(_WHERE.search(before)) or not (ordinary(name) or english_name(name)
                                               or is_first_name(name))


# A Dutch town that is also a word after a word for where: deduce drops its own places that are
# words ("woont in Leiden", "uit Hoorn", "naar Best"); not where a capital opens every word
# of a heading ("## Terug Naar Huis").
_DUTCH_WHERE = re.compile(r"\b(?:in|uit|naar|vanuit|te|nabij|richting|from|to)\s+(?P<name>"
                          + CAPITAL + r"[^\W\d_]{4,})(?![\w'’-])(?!\s+" + CAPITAL + ")")


def dutch_towns_that_are_words(text: str, is_place: Callable[[str], bool]) -> Iterator[PatternMatch]:
    for m in _DUTCH_WHERE.finditer(text):
        name = m.group("name")
        if (ordinary(name.lower()) and is_place(name) and not world_name(name)
                and not field_name(name) and not opens_sentence(text, m.start())
                and name.lower() not in _CALENDAR_WORDS):
            yield PatternMatch("place", m.start("name"), m.end("name"), name, "low")


# A town typed in lower case after a word for where ("bij zijn vader in almere", "the bridge in
# ennis"): only a name no dictionary knows as a word ("in reading", "naar huis" are words).
_LOWER_WHERE = re.compile(r"\b(?:in|uit|naar|vanuit|from|to|near|outside)\s+"
                          r"(?P<name>[a-zà-ÿ][a-zà-ÿ'’-]{2,})(?![\w'’-])")


def towns_in_lower_case(text: str, is_place: Callable[[str], bool]) -> Iterator[PatternMatch]:
    for m in _LOWER_WHERE.finditer(text):
        name = m.group("name")
        written = "-".join(part.capitalize() for part in name.split("-"))
        if not known(name) and (is_place(written) or written in places() or flemish_place(written)):
            yield PatternMatch("place", m.start("name"), m.end("name"), name, "low")
