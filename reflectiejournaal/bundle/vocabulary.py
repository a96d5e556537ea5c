"""Which words are ordinary words of Dutch or English, by simplemma's dictionaries.

A name the lists do not know is found by what it is not: "Tesfamariam", "Okonkwo" or "kayleigh"
is in no dictionary of the language, "morgen", "hope" or "boom" is. simplemma's lemma tables
know inflected forms too ("liep", "rang"). They know some names as words ("Tim", "Jordan"), so
the signal misses more than it invents: a word it knows is never taken for a name by this
signal alone. The package ships the words as sorted hashes (``tables/words.npz``, made by
``tools/make_words.py``): 4 MB read in milliseconds, where simplemma's own dictionaries took
0.9 s and 70 MB in every bundle process.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from importlib import resources

import numpy as np
from babel import Locale

from .dates import FULL_MONTH_NAMES, WEEKDAYS
from .lexicon import phrase_hash

LANGUAGES = ("nl", "en")


def word_hash(word: str) -> int:
    """The lexicon's hash of a word in lower case (NFC, as simplemma's dictionaries are)."""
    return phrase_hash((unicodedata.normalize("NFC", word.lower()),))


TABLES = (*LANGUAGES, "en_proper")


@cache
def _words() -> dict[str, np.ndarray]:
    with resources.files(__package__).joinpath("tables", "words.npz").open("rb") as file:
        with np.load(file, allow_pickle=False) as tables:
            return {name: tables[name] for name in TABLES}


def _known_in(word: str, table_name: str) -> bool:
    table = _words()[table_name]
    key = np.uint64(word_hash(word))
    at = int(np.searchsorted(table, key))
    return bool(at < len(table) and table[at] == key)


@lru_cache(maxsize=65536)
def ordinary(word: str) -> bool:
    """Is ``word`` (in any case) a word of Dutch or English? An English word only ever written
    with a capital ("Dylan", "Hughes") is none: see :func:`english_name`."""
    lower = word.lower()
    return lower in MISSING_WORDS or lower in _CALENDAR or any(
        _known_in(lower, language) for language in LANGUAGES)


@lru_cache(maxsize=65536)
def english_name(word: str) -> bool:
    """Is ``word`` one English only ever writes with a capital, and no word of Dutch or English
    otherwise: a name, a place or a people ("Brooke", "Chen", "Lahore")?"""
    return not ordinary(word) and _known_in(word.lower(), "en_proper")


@cache
def _english_first_names() -> frozenset[str]:
    lines = resources.files(__package__).joinpath("first_names_en.txt").read_text("utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def english_first_name(word: str) -> bool:
    """Is ``word`` among the first names most used in the UK, Ireland, the US and Canada
    (``first_names_en.txt``, from names-dataset): "sione", "agnieszka", "bazza"? Many are
    words too ("grace", "will"): the caller asks only of words that are no word."""
    return word.lower() in _english_first_names()


_WORDS = re.compile(r"[^\W\d_]{2,}")


def english_text(text: str) -> bool:
    """Is ``text`` (a sentence) English rather than Dutch: more of its words are English only
    than Dutch only?"""
    english = dutch = 0
    for word in _WORDS.findall(text.lower()):
        in_english, in_dutch = _known_in(word, "en"), _known_in(word, "nl")
        english += in_english and not in_dutch
        dutch += in_dutch and not in_english
    return english > dutch


# Months, days and feasts English writes with a capital: words of the calendar, no one's name.
_CALENDAR = FULL_MONTH_NAMES | WEEKDAYS | frozenset("""
    christmas easter xmas halloween thanksgiving ramadan eid diwali hanukkah passover lent advent
    pentecost whitsun sept
""".split())


_LINKS = ("", "s", "e", "en", "-")  # what Dutch puts between the parts of a compound


@cache
def _world_names() -> frozenset[str]:
    """Countries and languages in Dutch and English (CLDR, by Babel): "Syrië", "Lingala"."""
    names: set[str] = set()
    for locale in map(Locale, LANGUAGES):
        for table in (locale.territories, locale.languages):
            names.update(name.lower() for name in table.values() if " " not in name)
    return frozenset(names)


# Regions CLDR does not name as territories, and peoples: the nations of the UK, the Belgian regions, the
# provinces and states of the countries whose practice the app knows (not those named like
# their city or a person: Utrecht, Groningen, Antwerpen, Victoria, Washington, Virginia,
# Carolina stay places or names). A region identifies no one ("the NHS in England", "in
# Vlaanderen is de wachtlijst lang").
REGIONS = frozenset("""
    england scotland wales vlaanderen flanders wallonië wallonia randstad friesland fryslân
    drenthe overijssel flevoland gelderland noord-holland zuid-holland zeeland noord-brabant
    limburg oost-vlaanderen west-vlaanderen vlaams-brabant henegouwen ontario alberta manitoba
    saskatchewan yukon nunavut queensland tasmania quebec québec
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania
    tennessee texas utah vermont wisconsin wyoming
    blackfoot cree ojibwe ojibway mohawk inuit métis metis haida dene anishinaabe mi'kmaq
    māori maori pasifika aboriginal hazara kreyòl creole torres roma sinti
""".split())
# Words of the language that simplemma's dictionaries lack, found opening sentences of
# journals: without them each would be taken for an unknown name. Contractions typed without
# the apostrophe ("Didnt say anything"), weekdays shortened ("Fri"), and the words of te reo
# Māori that New Zealand practice writes in English ("whānau", "Whanaungatanga"), and the
# platforms and games of every teenager's week ("on Facebook", "the xbox").
MISSING_WORDS = frozenset("""
    achteraf allez sowieso überhaupt alsnog goesting plezant plezantste ambetant arvo kerst
    zaaknr dossiernr ecogram genogram
    amai awel allee zenne seffens efkes wablieft
    didnt dont cant wont isnt wasnt werent couldnt shouldnt wouldnt doesnt arent havent hasnt
    hadnt ive youre theyre thats mon tue tues wed thu thur thurs fri mr mrs ms mx dr prof
    whānau whanau hapū hapu iwi marae hui kaupapa tikanga whanaungatanga manaakitanga
    whakawhanaungatanga kaitiakitanga mokopuna tamariki rangatahi kaumātua kaumatua wairua karakia pōwhiri
    powhiri tangihanga tangi mahi whenua koha mātauranga matauranga pākehā pakeha palagi hauora
    hinengaro tinana taha kōrero korero mihi whakapapa kāinga kainga tiriti kai kia kaha
    gaeilge sláintecare slaintecare
    facebook instagram insta snapchat tiktok youtube whatsapp twitter google uber netflix xbox
    playstation fortnite roblox minecraft discord reddit spotify zoom iphone ipad android
    mtg mtgs appt appts tmrw tmw resi ot pt hv sw nav med ish ute juvie footy arvo msg msgs
    feb mar apr jun jul aug sep sept oct nov
    talanoa fono aiga meitheal
""".split()) | frozenset("""
    ritalin concerta adderall vyvanse elvanse strattera equasym medikinet suboxone subutex
    methadone naloxone narcan buprenorphine sertraline zoloft fluoxetine prozac citalopram
    escitalopram lexapro cipralex paroxetine seroxat venlafaxine effexor mirtazapine duloxetine
    quetiapine seroquel olanzapine risperidone risperdal aripiprazole abilify clozapine lithium
    lamotrigine valproate depakote diazepam valium lorazepam ativan xanax alprazolam zopiclone
    melatonin propranolol pregabalin lyrica gabapentin tramadol oxycodone oxycontin fentanyl
""".split())

# Shops, chains and services everyone names, which locate no one ("a meal deal from Tesco",
# "Tim Hortons between visits", "Barnardo's training", "on hold to Centrelink").
CHAINS = frozenset("""
    tesco asda aldi lidl sainsburys morrisons waitrose greggs primark iceland argos
    woolies woolworths coles countdown walmart costco kmart maccas mcdonalds timmies hortons
    starbucks subway dunnes supervalu penneys centra londis spar
    barnardo barnardos intreo netsafe centrelink tusla nspcc samaritans lifeline headspace
    heijn jumbo hema kruidvat colruyt delhaize
""".split())
MISSING_WORDS = MISSING_WORDS | CHAINS


def world_name(word: str) -> bool:
    """Is ``word`` the name of a country, a language or a region?"""
    lower = word.lower()
    return lower in _world_names() or lower in REGIONS


@lru_cache(maxsize=65536)
def compound(word: str) -> bool:
    """Is ``word`` two Dutch words run together ("Jeugdwet", "overdrachtsgesprek")? Dutch
    writes compounds as one word, and a law or a feast is capitalised; English does not, and
    English parts would make names of many ("Lach-lan", "Peck-ham")."""
    lower = word.lower()
    if len(lower) < 8:
        return False  # "Der-vla", "Sem-har": short words split into anything
    for cut in range(3, len(lower) - 2):
        head, tail = lower[:cut], lower[cut:]
        # A Dutch tail, or a longer English one ("Wandelcoaching"); the head may be a
        # compound itself ("Burgerservice-nummer").
        if not (_dutch(tail) or (len(tail) >= 7 and ordinary(tail))):
            continue
        for link in _LINKS:
            stem = head[:len(head) - len(link)] if link else head
            if head.endswith(link) and len(stem) >= 3 and (_dutch(stem) or compound(stem)):
                return True
    return False


def _dutch(word: str) -> bool:
    return word in MISSING_WORDS or _known_in(word, "nl")


@lru_cache(maxsize=65536)
def misspelt(word: str) -> bool:
    """Is ``word`` (8 letters or more) a word of the language with one letter too many or too
    few of a double, or two swapped ("Embarassing", "Recieved")? Names that long are rarely one
    slip away from a word."""
    lower = word.lower()
    if len(lower) < 8:
        return False
    candidates = {lower[:i] + lower[i + 1:] for i in range(len(lower))}
    candidates |= {lower[:i] + lower[i] + lower[i:] for i in range(len(lower))}
    candidates |= {lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:] for i in range(len(lower) - 1)}
    return any(ordinary(candidate) for candidate in candidates - {lower})


# English makes nouns of words with these; a name rarely ends in one after a word
# ("Parentification", "Mindfulness", "Safeguarding" aside, which are words already).
_DERIVING = ("ification", "isation", "ization", "ation", "ness", "ment", "ism", "ology")
# Dutch nouns made from an adjective or a verb ("Eenzaamheid", "Inbreng", "Verwaarlozing").
_DUTCH_DERIVING = ("heid", "heden", "ing", "ingen", "schap")


@lru_cache(maxsize=65536)
def derived(word: str) -> bool:
    """Is ``word`` a word made from another by an English ending ("Parentification"), a Dutch
    one ("Eenzaamheid"), or a Dutch verb's stem ("Inbreng", from "inbrengen")?"""
    lower = word.lower()
    return (any(lower.endswith(ending) and len(lower) - len(ending) >= 4
                and ordinary(lower[:len(lower) - len(ending)]) for ending in _DERIVING)
            or any(lower.endswith(ending) and len(lower) - len(ending) >= 5
                   and _dutch(lower[:len(lower) - len(ending)]) for ending in _DUTCH_DERIVING)
            or (len(lower) >= 7 and _dutch(lower + "en") and not _known_in(lower, "en_proper")))


def known(word: str) -> bool:
    """An ordinary word, a compound of them, a country or language, a word misspelt or made
    from another."""
    return ordinary(word) or world_name(word) or compound(word) or misspelt(word) or derived(word)
