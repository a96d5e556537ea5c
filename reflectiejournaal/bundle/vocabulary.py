"""Which words are ordinary words of Dutch or English, by simplemma's dictionaries.

A name the lists do not know is found by what it is not: "Tesfamariam", "Okonkwo" or "kayleigh"
is in no dictionary of the language, "morgen", "hope" or "boom" is. simplemma's lemma tables
(Dutch and English, about 70 MB in memory, loaded on first use) know inflected forms too
("liep", "rang"). They know some names as words ("Tim", "Jordan"), so the signal misses more
than it invents: a word it knows is never taken for a name by this signal alone.
"""

from __future__ import annotations

from functools import cache, lru_cache

import simplemma
from babel import Locale

LANGUAGES = ("nl", "en")


@lru_cache(maxsize=65536)
def ordinary(word: str) -> bool:
    """Is ``word`` (in any case) a word of Dutch or English?"""
    lower = word.lower()
    return lower in MISSING_WORDS or any(simplemma.is_known(lower, lang=language)
                                         for language in LANGUAGES)


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
# their city: Utrecht, Groningen, Antwerpen, Victoria stay places). A region identifies no
# one ("the NHS in England", "in Vlaanderen is de wachtlijst lang").
REGIONS = frozenset("""
    england scotland wales vlaanderen flanders wallonië wallonia randstad friesland fryslân
    drenthe overijssel flevoland gelderland noord-holland zuid-holland zeeland noord-brabant
    limburg oost-vlaanderen west-vlaanderen vlaams-brabant henegouwen ontario alberta manitoba
    saskatchewan yukon nunavut queensland tasmania
    blackfoot cree ojibwe ojibway mohawk inuit métis metis haida dene anishinaabe mi'kmaq
    māori maori pasifika aboriginal
""".split())
# Words of the language that simplemma's dictionaries lack, found opening sentences of
# journals: without them each would be taken for an unknown name. Contractions typed without
# the apostrophe ("Didnt say anything"), weekdays shortened ("Fri"), and the words of te reo
# Māori that New Zealand practice writes in English ("whānau", "Whanaungatanga").
MISSING_WORDS = frozenset("""
    achteraf allez sowieso überhaupt alsnog goesting plezant plezantste ambetant arvo
    didnt dont cant wont isnt wasnt werent couldnt shouldnt wouldnt doesnt arent havent hasnt
    hadnt ive youre theyre thats mon tue tues wed thu thur thurs fri
    whānau whanau hapū hapu iwi marae hui kaupapa tikanga whanaungatanga manaakitanga
    kaitiakitanga mokopuna tamariki rangatahi kaumātua kaumatua wairua karakia pōwhiri
    powhiri tangihanga tangi mahi whenua koha mātauranga matauranga pākehā pakeha palagi hauora
    hinengaro tinana taha kōrero korero mihi whakapapa
""".split())

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
    return simplemma.is_known(word, lang="nl")


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


def known(word: str) -> bool:
    """An ordinary word, a compound of them, a country or language, or a word misspelt."""
    return ordinary(word) or world_name(word) or compound(word) or misspelt(word)
