"""What no library knows: the app's own patterns for client data in Dutch and Flemish text.

E-mail addresses and web links, Dutch and Belgian postcodes, dossier numbers, license plates,
schools and other named organisations ("basisschool De Regenboog", "op De Regenboog in Zeist"),
and Flemish places (deduce's lists are Dutch); dates of birth versus meeting dates are in
:mod:`birth_dates`. Each pattern says how sure it is: ``high`` or ``medium``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import resources

from .birth_dates import birth_dates
from .letters import CAPITAL
from .matches import PatternMatch
from .vocabulary import english_first_name, ordinary, world_name


def find(text: str, today: dt.date) -> list[PatternMatch]:
    """Every match of the app's own patterns in ``text``."""
    return [*_emails(text), *_urls(text), *_postcodes(text), *birth_dates(text, today),
            *_dossiers(text), *_plates(text), *_schools(text), *_care(text), *_named(text),
            *_flemish_places(text), *_handles(text), *_relatives(text)]


def _matches(pattern: re.Pattern[str], text: str, kind: str, confidence: str,
             group: int | str = 0) -> Iterator[PatternMatch]:
    for m in pattern.finditer(text):
        if m.group(group):
            yield PatternMatch(kind, m.start(group), m.end(group), m.group(group), confidence)


# -- e-mail and links ---------------------------------------------------------------------------
# A dot right after the address ends the sentence; only a dot followed by more name continues it.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?!\w|\.\w)")
_URL = re.compile(r"(?<![\w@/])(?:https?://|www\.|(?<![.\w])(?=[a-z0-9-]+\.(?:com|nl|be|org|net|me|tv|eu|info)/))"
                  r"[^\s<>()\[\]`]+[^\s<>()\[\].,;:!?'\"`]", re.IGNORECASE)


_HANDLE = re.compile(r"(?<![\w@./])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{1,28}[A-Za-z0-9_])(?![\w@])")


def _handles(text: str) -> Iterator[PatternMatch]:
    """An account on social media: @roos_visser2011."""
    return _matches(_HANDLE, text, "handle", "high")


def _emails(text: str) -> Iterator[PatternMatch]:
    return _matches(_EMAIL, text, "email", "high")


def _urls(text: str) -> Iterator[PatternMatch]:
    return _matches(_URL, text, "url", "high")


# -- postcodes ----------------------------------------------------------------------------------
# SA, SD and SS are never issued; a space before the letters needs capitals ("1000 km" is a
# distance), and units written against the number are not postcodes.
_POSTCODE_NL = re.compile(
    r"(?<![\w.,-])[1-9]\d{3}(?: (?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss|SA|SD|SS|mg|ml|km|kg|cm|mm|gr|jr|uur)"
    r"[A-Za-z]{2})(?!\w)")
_POSTCODE_BE = re.compile(r"(?<![\w.,:/-])(?:B-)?(?P<code>[1-9]\d{3}) (?P<place>[A-Z][a-zà-ÿ]+"
                          r"(?:-[A-Z]?[a-zà-ÿ]+)*(?: [A-Z][a-zà-ÿ]+)?)")


def _postcodes(text: str) -> Iterator[PatternMatch]:
    yield from _matches(_POSTCODE_NL, text, "postcode", "high")
    for m in _POSTCODE_BE.finditer(text):
        # Four digits before a capital are a Belgian postcode when a Belgian place follows, or
        # an address or the word "postcode" comes before ("in 2019 Marieke" is a year).
        before = text[max(0, m.start() - 40):m.start()].rstrip()  # not the whole text each time
        after_address = bool(re.search(r"(\d\w?,|postcode:?)$", before, re.IGNORECASE))
        place = m.group("place")
        known = place in _word_list("places_be.txt") or place.split()[0] in _word_list("places_be.txt")
        if not (known or after_address or m.group().startswith("B-")):
            continue
        if not known:
            place = place.split()[0]
        yield PatternMatch("postcode", m.start("code"), m.end("code"), m.group("code"), "medium")
        yield PatternMatch("place", m.start("place"), m.start("place") + len(place), place, "medium")


# -- dossier numbers and license plates ----------------------------------------------------------
_DOSSIER = re.compile(
    r"(?:dossier(?:nummer|nr)?|cli[eë]nt(?:nummer|nr)|pati[eë]nt(?:nummer|nr)|zaak(?:nummer|nr)|"
    r"registratie(?:nummer|nr)|casus(?:nummer|nr)|kenmerk|referentie|ref|volgnummer|"
    r"(?:cli[eë]nt|dossier|pati[eë]nt)-?id)\.?\s*(?::|#|nr\.?|nummer)?\s*"
    r"(?P<code>[A-Z0-9](?:[A-Z0-9./-]*\d)[A-Z0-9]*)", re.IGNORECASE)
_CODE = re.compile(r"(?<![\w-])[A-Z]{1,4}-\d{2,4}[-/]\d{2,6}(?![\w-])")  # CAW-23/1187
_LONG_NUMBER = re.compile(r"(?<![\w.,/-])\d{7,}(?!\w|[.,/-]\d)")  # deduce's identifier pattern


def _dossiers(text: str) -> Iterator[PatternMatch]:
    yield from _matches(_DOSSIER, text, "dossier", "high", "code")
    yield from _matches(_CODE, text, "dossier", "medium")
    yield from _matches(_LONG_NUMBER, text, "dossier", "medium")


_L, _D = "[A-Z]", r"\d"
_SIDECODES = ["LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL",
              "DD-LLL-D", "D-LLL-DD", "LL-DDD-L", "L-DDD-LL", "LLL-DD-L", "L-DD-LLL",
              "D-LL-DDD", "DDD-LL-D", "D-LLL-DDD"]  # Dutch side codes 1–14, Belgian 1-ABC-123
_PLATE = re.compile(r"(?<![\w-])(?:" + "|".join(
    code.replace("L", _L).replace("D", _D) for code in _SIDECODES) + r")(?![\w-])")
# Every plate mixes letters and digits ("het kenteken genoteerd" is no plate).
# The plate begins a word ("plates NDK-4829" is no plate "s NDK").
_PLATE_WORDS = re.compile(r"(?:kenteken|nummerplaat|\brego|\bregistration|\breg\.?|number plate|"
                          r"licen[cs]e plate|plates?)\s*(?:number|no\.?|is|was)?\s*:?\s*(?<!\w)(?P<plate>"
                          r"(?=[A-Z- ]{0,8}\d)(?=[0-9- ]{0,8}[A-Z])[A-Z0-9]{1,3}[- ]?[A-Z0-9]{2,4}"
                          r"(?:-[A-Z0-9]{1,3}|(?-i: ?[A-Z0-9]{1,3}))?)(?!\w)", re.IGNORECASE)


def _plates(text: str) -> Iterator[PatternMatch]:
    yield from _matches(_PLATE, text, "license_plate", "medium")
    yield from _matches(_PLATE_WORDS, text, "license_plate", "high", "plate")


# -- schools and named organisations ----------------------------------------------------------
# One way to read each hyphen ("-[A-Z]?[\w]+" could read "-Abc" two ways: on a long
# hyphenated run the search backtracked exponentially).
_PROPER = r"[A-Z][\w'’]*(?:-[\w'’]+)*"
_ARTICLE = r"(?:De |Het |'t |Sint[- ]|St\. |O\.?L\.?V\.? )"
_NAME = _ARTICLE + "?" + _PROPER + r"(?: (?:van |aan |op |de |der |den )?" + _PROPER + "){0,3}"
_SCHOOL_WORDS = (r"(?:basisschool|kindcentrum|IKC|OBS|CBS|PCBS|RKBS|SBO|VSO|kleuterschool|"
                 r"VBS|GBS|SBS|KTA|BuSO|BuBaO|GO! (?:atheneum|basisschool|school)|"
                 r"lagere school|middelbare school|scholengemeenschap|school|lyceum|gymnasium|"
                 r"college|atheneum|athenee|instituut|academie|praktijkschool|vakschool|"
                 r"kinderdagverblijf|peuterspeelzaal|BSO|kinderopvang|vrije school)")
_SCHOOL = re.compile(r"(?<!\w)(?:[A-Z]\w+ )?(?i:" + _SCHOOL_WORDS + r") (?P<name>" + _NAME + ")")
# At most four words of a name: an unbounded run of capitalised words made every search
# quadratic ("Abc Abc Abc …": three minutes for a 20,000-word text).
_SCHOOL_AFTER = re.compile(r"(?<![\w'’.-])(?:" + _ARTICLE + r"?" + _PROPER + r" ){1,4}(?:College|Lyceum|"
                           r"Gymnasium|Academie|Scholengemeenschap|Atheneum|Instituut)(?!\w)")
# "De Regenboog" in the middle of a sentence is a name: of a school, a care farm, a team.
_NAMED = re.compile(r"(?<=[a-zà-ÿ,;)] )(?:De|Het|'t) " + _PROPER + r"(?: " + _PROPER + "){0,2}")
_SCHOOL_CONTEXT = re.compile(r"school|klas|juf|meester|leerling|groep \d|zit op|gaat naar|"
                             r"kleuter|leerkracht|mentor|intern begeleider|\bIB\b", re.IGNORECASE)


_SCHOOL_COMPOUND = re.compile(r"(?<![\w'’-])[A-Z][\w'’]*-[A-Z]?[\w'’]*(?:college|school|lyceum|"
                              r"atheneum|instituut)(?![\w-])")  # Sint-Jozefcollege


# Belgian care: algemeen/universitair ziekenhuis, psychiatrisch centrum/ziekenhuis,
# woonzorgcentrum, centrum geestelijke gezondheidszorg ("AZ Sint-Lucas", "PC Dr. Guislain").
_CARE = re.compile(r"(?<!\w)(?:AZ|UZ|PC|PZ|ZNA|GZA|WZC|CGG|MPC|OLV)\s+(?:Dr\.\s*)?" + _NAME)


def _care(text: str) -> Iterator[PatternMatch]:
    return _matches(_CARE, text, "institution", "high")


def _schools(text: str) -> Iterator[PatternMatch]:
    for m in _SCHOOL.finditer(text):
        yield PatternMatch("school", m.start(), m.end(), m.group(), "high")
    yield from _matches(_SCHOOL_AFTER, text, "school", "high")
    yield from _matches(_SCHOOL_COMPOUND, text, "school", "high")


_BEFORE_A_SURNAME = re.compile(r"(?:\b(?i:meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|mr\.?|mrs\.?|ms\.?|"
                               r"dr\.?|juf|meester)|\b" + CAPITAL + r"[a-zà-ÿ]+) $")


def _named(text: str) -> Iterator[PatternMatch]:
    for m in _NAMED.finditer(text):
        if field_term(m.group()):
            continue
        if _BEFORE_A_SURNAME.search(text[max(0, m.start() - 12):m.start()]):
            continue  # "Meneer De Boer", "Jessica De Smet": a person (deduce finds them)
        around = text[max(0, m.start() - 60):m.start()]
        kind = "school" if _SCHOOL_CONTEXT.search(around) else "institution"
        yield PatternMatch(kind, m.start(), m.end(), m.group(), "medium")


# -- Flemish places and the field's own names -------------------------------------------------------
@cache
def _word_list(name: str) -> frozenset[str]:
    text = (resources.files(__package__) / name).read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@cache
def _flemish_pattern() -> re.Pattern[str]:
    places = sorted(_word_list("places_be.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, places)) + r")(?![\w-])")


def flemish_place(name: str) -> bool:
    """Is ``name`` (as written) one of the Belgian places of ``places_be.txt``?"""
    return name in _word_list("places_be.txt")


def _flemish_places(text: str) -> Iterator[PatternMatch]:
    return _matches(_flemish_pattern(), text, "place", "medium")


def _field_lists() -> tuple[list[str], list[str]]:
    """The field's names that always count, and those that count only next to theory."""
    always, with_theory = [], []
    for term in _word_list("field_terms.txt"):
        (with_theory if term.startswith("?") else always).append(term.lstrip("?"))
    return always, with_theory


@cache
def _field_pattern(theory_only: bool) -> re.Pattern[str]:
    terms = sorted(_field_lists()[theory_only], key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, terms)) + r")(?:'s|s|')?(?!\w)",
                      re.IGNORECASE)


_THEORY = re.compile(
    r"(?:volgens|using|used|use|reading|read|did|doing|drawing on|according to|denken van|closer to|"
    r"model|modellen|cyclus|methode|methodiek|theorie|theorieën|kwadrant|kwadranten|"
    r"piramide|driehoek|taxonomie|fasen|fases|stadia|niveaus|reflectiecyclus|literatuur|boek|"
    r"auteur|onderzoek|zoals|à la|gebaseerd op|beschrijft|beschreef|noemt|noemde|benadering|aanpak|"
    r"gedachtegoed|hoofdstuk|chapter|approach|stuff|quoted|quoting|cited|citing|per|"
    r"signs per)\b[^.!?\n]{0,25}$",
    re.IGNORECASE)
# What follows an author's name where theory is cited: "Egan (2010)", "Driscoll's model", "Rolfe
# et al.", "Rogers would say".
THEORY_AFTER = re.compile(
    r"(?:['’]s?)?\s*(?:\((?:19|20)\d\d|[-‐]?(?:\w+ )?\w*(?:model|cycle|cyclus|theory|theorie|"
    r"methode|method|framework|stages?|stadia|fasen|idea|concept|questions|vragen|competence|"
    r"guidelines|criteria)\b|et al\b|['’]s\s+['‘\"“]|(?<=['’]s )['‘\"“][A-Z]|(?:would|zou) "
    r"(?:say|ask|call|zeggen|vragen|noemen)\b|['’]s (?-i:[A-Z]{3,})\b)", re.IGNORECASE)


@lru_cache(maxsize=4096)  # asked of every name found, in every text
def field_name(text: str) -> bool:
    """Is ``text`` any of the field's names, also those that count only next to theory
    ("Rogers", "Gibbs")? A town of that name is not taken for a town by its name alone."""
    return any(_field_pattern(theory).fullmatch(text.strip()) for theory in (False, True))


def field_term(text: str) -> bool:
    """Is ``text`` on its own a name everyone in the field uses (Korthagen, de Roos van Leary)?"""
    return _field_pattern(False).fullmatch(text.strip()) is not None


# Two surnames joined by an ampersand are a book's or a model's authors ("Knott & Scragg",
# "Tervalon & Murray-García"); two first names so joined are people ("Jayden & Tyler").
_CO_AUTHORS = re.compile(r"(?P<a>" + CAPITAL + r"[\w'’-]+) & (?P<b>" + CAPITAL + r"[\w'’-]+)")


def field_spans(text: str) -> list[tuple[int, int]]:
    """Where the field's own names (authors, models, methods) occur in ``text``: always for
    the unmistakable ones, next to a word of theory for the rest."""
    spans = [(m.start(), m.end()) for m in _field_pattern(False).finditer(text)]
    spans += [(m.start(), m.end()) for m in _CO_AUTHORS.finditer(text)
              if not any(english_first_name(name) for name in (m.group("a"), m.group("b")))]
    maybe = [(m.start(), m.end()) for m in _field_pattern(True).finditer(text)]
    for start, end in maybe:
        if (_THEORY.search(text[max(0, start - 60):start]) or THEORY_AFTER.match(text, end)
                or _MODEL_BEFORE.search(text, max(0, start - 30), start)
                or _FIELD_NAME_AFTER.match(text, end) or _possessive_of_the_field(text, start, end)
                or any(-30 < start - e < 30 or -30 < s - end < 30  # named beside another:
                       for s, e in spans + maybe if (s, e) != (start, end))):  # "Bion, Klein"
            spans.append((start, end))
    return spans


# A relation word before a capitalised word names someone, whatever list the name is on:
# "haar vriendin Özlem", "broer Yonas", "juf Semhar".
_RELATION = (r"vriend|vriendin|vriendje|vriendinnetje|broer|broertje|zus|zusje|zoon|dochter|"
             r"vader|moeder|stiefvader|stiefmoeder|pleegvader|pleegmoeder|pleegzus|pleegbroer|"
             r"oom|tante|opa|oma|neef|nicht|buurman|buurvrouw|buurjongen|buurmeisje|juf|meester|"
             r"mentor|collega|klasgenoot|klasgenote|leerling|partner|vriendje|ex|baby|tweeling|"
             r"halfbroer|halfzus|stiefbroer|stiefzus|jongen|meisje|cliënt|client|cliënte|patiënt|"
             r"nonkel|oppas|meter|peter|bomma|bompa|mama|papa|moeke|vake|"
             # a pet's name is as much the family's: "haar hondje Bolletje"
             r"hond|hondje|kat|katje|poes|poesje|konijn|konijntje")
_RELATION_EN = (r"mum|mom|mam|mummy|mommy|dad|daddy|father|mother|brother|sister|son|daughter|"
                r"uncle|aunt|auntie|aunty|koro|kuia|nan|nana|nanna|gran|granny|grandma|grandpa|grandmother|"
                r"grandfather|cousin|husband|wife|boyfriend|girlfriend|friend|stepdad|stepmum|"
                r"stepmom|stepfather|stepmother|carer|neighbour|neighbor|nephew|niece|twin|"
                r"dog|puppy|cat|kitten")
# Only after one of the field's own names: a colon ("Gibbs: feelings", "Rolfe again: what?"),
# an idea of theirs ("Siegel's window of tolerance", "Perry's stuff"), a co-author ("Miller &
# Rollnick's"), or the stages of a reflection cycle soon after ("Gibbs on the home visit:
# description — rushed"). After any other name these say nothing ("Aziz: seemed low", "Sione
# and Losana's youngest"), nor after a theorist's name that is someone's ("Perry's mum").
_FIELD_NAME_AFTER = re.compile(
    r"\s*(?:again\s*)?:\s|\s*(?:&|and|en) [A-Z][a-z]+['’]s\b|"
    r"[^.!?\n]{0,40}\b(?:description|feelings|evaluation|so what|now what|beschrijving|portfolio)\b|"
    # the model's stages written out after it, in the next sentence too: "Gibbs again. Description:
    # ward was chaos", "Rolfe - what: a home visit"
    r"[^\n]{0,80}?\b(?:description|feelings|evaluation|analysis|conclusion|action plan|action|"
    r"what|so what|now what|beschrijving|gevoelens|evaluatie|analyse|conclusie|actieplan)\s*:",
    re.IGNORECASE)
# The model used as a thing: "a proper Gibbs", "do a quick Kolb", "my Gibbs".
# After a possessive, any word ("Egan's SOLER", "Siegel's flipping the lid") — but after a name
# people are also given, a word of theory only ("Perry's stuff", "Quinn's model"): "Ryan's
# death", "Gordon's hearing" are a person's.
_POSSESSIVE_THEN_WORD = re.compile(
    r"(?:['’]s|(?<=['’]s)) (?!(?:" + _RELATION_EN + r"|mobile|phone|number|family|ex|partner)\b)[a-z]",
    re.IGNORECASE)
_THEORY_NOUN = (r"window|stuff|work|ideas?|approach|lens|lenses|hierarchy|triangle|pyramid|"
                r"attachment|stages?|levels?|circle|drama|quadrants?|onion|reflection|reflective|"
                r"writing|book|paper|article|research|view|take|notion|terms|concepts?|core|"
                r"conditions|principles|steps|phases|tools?|wheel|matrix|grid|taxonomy|scheme|"
                r"schemas?|domains|dimensions|factors|needs|method|techniques?|language|classic|"
                r"seminal|famous|original|learning|experiential|iceberg|rules?|laws?|ladder|"
                r"spiral|loop|compass|talk|lectures?|podcast|quote|words|point|argument|critique|"
                r"thinking|perspective|insights?|definition|distinction|account|study|studies|"
                r"experiments?|findings|zones?|polyvagal|tripartite|basic|hygiene|motivation|"
                r"self|five|four|three|six|seven|eight|two|old|new|later|early")
_POSSESSIVE_THEN_THEORY = re.compile(r"(?:['’]s?|(?<=['’]s)) (?:" + _THEORY_NOUN + r")\b")


def _possessive_of_the_field(text: str, start: int, end: int) -> bool:
    name = re.sub(r"['’]s?$", "", text[start:end].split()[-1])
    after = _POSSESSIVE_THEN_THEORY if english_first_name(name) else _POSSESSIVE_THEN_WORD
    return after.match(text, end) is not None


_MODEL_BEFORE = re.compile(r"\b(?:a|an|another|my|do|did|doing|een|mijn)\s+"
                           r"(?:(?:proper|quick|full|brief|short|rough|snelle|korte)\s+)?$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:" + _RELATION + "|" + _RELATION_EN + r"),?\s+(?P<name>" + CAPITAL + r"[^\W\d_]{2,}"
                       r"(?:-" + CAPITAL + r"[^\W\d_]+)?)(?![\w-])")
_RELATION_WORD = re.compile(r"(?:" + _RELATION + "|" + _RELATION_EN + r"|(?:pleeg|stief|schoon|half)"
                            r"(?:moeder|vader|ouders?|zus|zussen|broer|broers|zoon|dochter|kind|"
                            r"kinderen|familie|gezin))", re.IGNORECASE)


def relation_word(word: str) -> bool:
    """Is ``word`` a relation or role ("Buurman", "Oma", "Schoonmoeder"), which alone is no name?"""
    return _RELATION_WORD.fullmatch(word) is not None


# What only a person has, after a possessive, makes the word a name even where it is also a
# word opening a sentence: "Grace's family", "Hope's mum", "Ade's mobile". Not the calendar's
# ("Monday's school run") or everyone's.
_POSSESSOR = re.compile(
    r"(?<![\w'’-])(?P<name>(?!(?:Today|Tonight|Tomorrow|Yesterday|Everyone|Everybody|Someone|"
    r"Somebody|Anyone|Nobody|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|God)\b)"
    + CAPITAL + r"[^\W\d_]{2,})['’]s\s+(?:" + _RELATION_EN + r"|mobile|phone|number|ex|partner|"
    r"family|foster carers?|teacher|social worker|key worker|caseworker|birthday|DOB|in-laws|kids|"
    r"children)\b")
# A name right before a date of birth: "Intake: Kauri, DOB 9 Dec 2010", "Sanne (geb. 2011)".
_BORN = re.compile(r"(?<![\w'’-])(?P<name>(?!(?:His|Her|Their|My|Your|Our|Its|The|Client|Patient|"
                   r"Child|Baby|Zijn|Haar|Hun|Mijn|De|Het|Cliënt)\b)" + CAPITAL + r"[^\W\d_]{2,}"
                   r"(?: " + CAPITAL + r"[^\W\d_]{2,})?),?\s+\(?(?:DOB|D\.O\.B\.|dob|geb\.|geboren)\b")
# A title makes the word after it a name, whatever lists it is on or off, in lower case too:
# "Mr Baker", "Mrs Coles" (a shop, a word), "mr hughes", "mevr. de wit".
_TITLED = re.compile(r"\b(?:(?i:mr|mrs|ms|mx|dr|mevr|mvr|mw|dhr)\.?|Miss|Mevrouw|Meneer)\s+(?P<name>"
                     r"(?:(?:el|al|de|van|der|den|ter|ten|la|le|du|da|di|von|ben|bin|abu)\s+){0,2}"
                     r"(?!(?:and|or|the|"
                     r"her|him|his|them|you|me|it|us|"
                     r"said|says|was|is|has|had|who|will|would|can|to|of|in|on|at|came|rang|called|en|"
                     r"heeft|zei|belde)\b)(?:[a-z]|" + CAPITAL + r")[a-zà-ÿ'’-]{2,}"
                     r"(?: " + CAPITAL + r"[a-zà-ÿ'’-]{1,}(?=[\s,.;:!?)]|$))?)\b")
# The name someone goes by: "noemt zichzelf Pino", "calls himself Gaz", "known as 'Tadgie'".
_GOES_BY = re.compile(r"\b(?:noemt (?:zichzelf|zich|hem|haar)|wil (?:nu )?(?:liever )?[A-Z]?\w* genoemd worden|"
                      r"heet (?:eigenlijk |nu )?|bijnaam|roepnaam|(?:calls|called) (?:himself|herself|themselves|"
                      r"themself)|goes by|known as|nickname|likes to be called)\s+['\"“‘]?(?P<name>"
                      + CAPITAL + r"[^\W\d_]{1,}(?:[- ]" + CAPITAL + r"[^\W\d_]+)?)")
# Initials for a client after "with" or "w/": "session 6 w/ T. — still", "met J.K. besproken".
_INITIALS = re.compile(r"(?:\bw/|\bwith|\bmet|\bvoor|\bclient|\bcliënt)\s+(?P<name>[A-Z]\.(?:\s?[A-Z]\.)*)"
                       r"(?=\s*[-—–,(]|\s+[a-z])")


def _relatives(text: str) -> Iterator[PatternMatch]:
    at = 0
    while m := _RELATIVE.search(text, at):
        at = m.end()
        if relation_word(m.group("name")):
            at = m.start("name")  # "her carer Aunty Lisi": the name is after the second relation
        elif not (field_term(m.group("name")) or world_name(m.group("name"))):  # "dad Polish"
            yield PatternMatch("person", m.start("name"), m.end("name"), m.group("name"), "medium")
    for pattern in (_POSSESSOR, _BORN, _TITLED, _INITIALS, _GOES_BY):
        for m in pattern.finditer(text):
            name = m.group("name")
            if pattern is _TITLED and name.islower() and ordinary(name.split()[-1]):
                continue  # "Mevrouw meldt dat…": a verb after the title ("mw. el idrissi" is a name)
            if not (relation_word(name.split()[0]) or field_term(name)):
                yield PatternMatch("person", m.start("name"), m.end("name"), name, "high")
