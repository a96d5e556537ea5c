"""Names no list knows, found by what they are not: ordinary words of Dutch or English.

deduce knows the names of the Dutch registers; a caseload has clients from everywhere
("Semhar Tesfamariam", "Adaeze Okonkwo", "Viliami"), writes first names in lower case in a
hurried note ("ff voor mezelf: mila en sem") and lives in neighbourhoods no list holds
("Feijenoord", "Tallaght"). Three signals, each weighed against texts about theory and
practice (the field's own names never count, see :func:`patterns.field_term`):

- a capitalised word that is in no dictionary of either language (:mod:`vocabulary`), with the
  capitalised words beside it that are first names or unknown too, as one name;
- a lower-case word that deduce knows as a first name and no dictionary knows as a word
  ("kayleigh", "samira"; not "mark", "hope" or "roos");
- a word after a relation ("zus kimberley", "uncle Viliami", "nonkel dirk") that is no
  ordinary word;
- a tag or family name in lower case ("#dekker", "gezin-kaya", "fam. dekker") that is on
  deduce's lists of surnames or first names, or no word at all.

After a word for where ("in", "uit", "from", "near") it is a place, otherwise a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from .letters import CAPITAL
from .matches import PatternMatch
from .patterns import THEORY_AFTER, field_term, relation_word
from .towns import is_town
from .vocabulary import english_first_name, english_name, english_text, known, ordinary, world_name

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PLACE_BEFORE = frozenset(
    "in uit te vanuit richting nabij from near outside around towards".split())
# Dutch neighbourhoods are compounds of ordinary words: a capitalised one with one of these
# heads is a place ("Schilderswijk", "Kanaleneiland", "Transvaalbuurt").
_PLACE_HEADS = ("wijk", "buurt", "eiland", "dorp", "kwartier", "polder", "haven", "veld",
                "hoek", "kerke", "kerk", "broek", "dijk", "meer", "rode", "donk", "hout", "plein")
_CAPITAL = re.compile(CAPITAL)
# A sentence, a line, an item, a quote or a Markdown heading ("## My part") begins here.
_OPENING = re.compile(r"(?:^|[.!?]\s+|\n\s*|[-–•*]\s+|[(\"“‘'«]\s*|(?:^|\n)#{1,6}\s+)$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*|[-–•*]\s+|[(\"“‘'«]\s*|(?:^|\n)#{1,6}\s+)$")


# Ordinary words first and given names second: opening a sentence they are the word ("Hope is
# a strange thing", "Mark this as a learning point", "Peer, appel en een boterham").
WORD_NAMES = frozenset("""
    hope grace joy faith summer may june april august autumn dawn rose lily daisy ivy holly
    amber sky mark frank will bill art bob pat rob sue peer my done zomer lente
""".split())
# First names on deduce's lists that open English sentences as words ("Said so", "Sunny day",
# "Harm reduction", "Job is his whole stability"); in a Dutch sentence they stay names.
ENGLISH_WORD_NAMES = frozenset("said ran sunny love lovely mine best dang harm job".split())
_THEORY_BEFORE = re.compile(r"(?:volgens|according to|zoals|model van|theorie van|cyclus van|"
                            r"denken van|werk van|visie van|theory of|model of|cycle of|work of|"
                            r"using|used|drawing on|gebruik|closer to|quoted|quoting|cited|citing|"
                            r"signs per|stuff again \(|stuff \()\s*$", re.IGNORECASE)


def opens_sentence(text: str, start: int, pattern: re.Pattern[str] | None = None) -> bool:
    """Does the word at ``start`` open a sentence (or a line, an item, a quote)? Looks back a
    few characters only (the patterns end in ``$``; their ``^`` is the text's start only when
    the window is): a text is long, and this is asked for many words."""
    return (pattern or _SENTENCE_START).search(text[max(0, start - 40):start]) is not None


def ordinary_opening(text: str, start: int, end: int, is_first_name: Callable[[str], bool],
                     alone: bool = True) -> bool:
    """Is ``text[start:end]`` one ordinary word that opens a sentence, where its capital says
    nothing: "Boom, bos, bloemen", "Summer is always harder", "Mom's cell"? A first name that
    is also a word ("Tim", "Eva") stays a name unless it is one of :data:`WORD_NAMES`.
    ``alone``: the word is all that was found, so a capitalised word after it makes it a name."""
    word = text[start:end]
    if (not re.fullmatch(r"[^\W\d_]+", word) or word.isupper()
            or not opens_sentence(text, start, _OPENING)):
        return False  # "KEVIN was er niet": shouted, a name on purpose; "Casus: Bakker" a label
    if re.match(r"\s*\d", text[end:]):
        return False  # "Bakker 15 jaar"
    if alone and re.match(r"\s+" + CAPITAL + r"[a-zà-ÿ]", text[end:]):
        return False  # "Mark Jansen belde" (but "May I be honest")
    if not (ordinary(word) or relation_word(word)):
        return False
    if not is_first_name(word) or word.lower() in WORD_NAMES:
        return True
    # A first name of deduce's Dutch lists that in English is a common word, opening an English
    # sentence: "Said so.", "Sunny day", "Ran the group" (but "Said belde gisteren").
    return (word.lower() in ENGLISH_WORD_NAMES
            and english_text(_sentence_from(text, start)))


_SENTENCE_AFTER = re.compile(r"[^.!?\n]{0,120}")


def _sentence_from(text: str, start: int) -> str:
    """Up to 120 characters of the sentence that begins at ``start``."""
    match = _SENTENCE_AFTER.match(text, start)
    return match.group() if match else ""


# A tag or a Dutch family word makes the word after it a name, in any case: "#dekker",
# "gezin-kaya", "fam. dekker" (English puts "family" after the name: "the family has moved").
_TAGGED = re.compile(r"(?:#|\b(?:gezin|familie|fam\.?|huize)[- ]\s*)$", re.IGNORECASE)


def find(text: str, is_first_name: Callable[[str], bool], is_common: Callable[[str], bool],
         is_surname: Callable[[str], bool] = lambda word: False) -> Iterator[PatternMatch]:
    """Persons and places in ``text`` that no list knows (see the module's docstring)."""
    words = list(_WORD.finditer(text))
    i = 0
    while i < len(words):
        word = words[i]
        if ((_unknown_capitalised(word.group(), is_common) or _place_compound(word, text)
             or _named_like_a_town(text, word) or _made_word_after_a_place_word(text, words, i))
                and not _theory(text, word) and not _a_thing(text, word)):
            j = i + 1
            while j < len(words):
                if _joins(text, words[j - 1], words[j], is_first_name, is_common):
                    j += 1
                elif _irish_surname(text, words, j):
                    j += 2  # "Caoimhe Ní Bhriain", "Seán Ó hÉalaighthe"
                else:
                    break
            while i > 0 and _adjacent(text, words[i - 1], words[i]) \
                    and _name_word(words[i - 1].group(), is_first_name, is_common):
                i -= 1  # "Callum McAllister": the first name before the unknown surname
            yield _match(text, words, i, j)
            i = j
            continue
        lower = word.group()
        if tagged := _tagged_name(text, word, is_first_name, is_surname):
            yield tagged
            i += 1
            continue
        lower = _POSSESSIVE_END.sub("", lower) if re.search(r"['’]s?$", lower) else lower
        if lower.islower() and len(lower) >= 3 and not is_common(lower):
            after_relation = (i > 0 and relation_word(words[i - 1].group())
                              and _adjacent(text, words[i - 1], word)
                              and not _CONTRACTION.search(lower))  # "Mam doesn't"
            if not known(lower) and (after_relation or is_first_name(lower.capitalize())
                                     or _english_name_in_lower_case(text, word, lower)
                                     or _english_first_name_in_lower_case(text, word, lower)):
                yield PatternMatch("person", word.start(), word.start() + len(lower), lower,
                                   "medium" if after_relation else "low")
        i += 1


# A capital inside a word after these is a name's ("McAllister", "DeShawn", "LaToya", "OBrien"); after
# anything else a product's ("WhatsApp", "TikTok", "YouTube").
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Da|Di|Du|La|Le|Van|Von|Fitz|O)(?=[A-Z][a-z])")


_JOINT = re.compile(r"['’-]")
_CONTRACTION = re.compile(r"['’](?:t|ll|ve|re|d|m)$")
_POSSESSIVE_END = re.compile(r"(?:['’]s|['’]|s)$")


def _unknown_capitalised(word: str, is_common: Callable[[str], bool]) -> bool:
    """A capitalised word that is no word of Dutch or English, the field, or a product; or a
    surname by its form ("O'Sullivan", "McAllister": Sullivan and Allister are towns too)."""
    if known(word.replace("'", "").replace("’", "").lower()):
        return False  # "McDonald's", "Barnardo's": a shop's or a service's (vocabulary.CHAINS)
    if _SURNAME_FORM.match(word) and not field_term(word):
        return True
    if not _CAPITAL.match(word) or not _no_word(word):
        return False
    stem = _POSSESSIVE_END.sub("", word)
    if stem != word and is_common(stem.lower()):
        return False
    return any(not is_common(p.lower()) for p in _JOINT.split(word) if len(p) >= 3)


@lru_cache(maxsize=65536)
def _no_word(word: str) -> bool:
    """Is the capitalised ``word`` in no dictionary, not the field's, no product, no relation
    ("Youssefs" and "Okonkwo's" without their possessive)?"""
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    if len(letters) < 3 or word.isupper() or field_term(word) or relation_word(word):
        return False
    parts = [p for p in _JOINT.split(word) if len(p) >= 3]
    if any(any(c.isupper() for c in _NAME_PREFIX.sub("", p)[1:]) for p in parts):
        return False  # a product
    if re.search(r"-[a-zà-ÿ]", word) and known(word.rsplit("-", 1)[1]):
        return False  # a compound noun: "Wmo-consulent", "Lidl-folders" (names join capitals)
    stem = _POSSESSIVE_END.sub("", word)
    if stem != word and _word_or_town(stem):
        return False
    return any(not _word_or_town(p) for p in parts)


def _english_name_in_lower_case(text: str, word: re.Match[str], lower: str) -> bool:
    """ "spoke to dylan", "liam chen's mom": a name English writes only with a capital, typed
    in lower case; not a town ("london"), a contraction ("i'd") or a thing ("the xbox")."""
    return (english_name(lower) and not is_town(lower) and lower.isalpha()
            and not _a_thing(text, word))


def _english_first_name_in_lower_case(text: str, word: re.Match[str], lower: str) -> bool:
    """ "sione turned up", "bazza came in": one of the first names most used in English-speaking
    countries, in an English sentence (Dutch words are names there: "anders", "ute")."""
    return (english_first_name(lower) and not is_town(lower) and lower.isalpha()
            and english_text(text[max(0, word.start() - 80):word.end() + 80])
            and not _a_thing(text, word))


def _named_like_a_town(text: str, word: re.Match[str]) -> bool:
    """ "Brooke sent me", "Everett's grandfather": a name English writes only with a capital
    that is also a town, standing alone. Beside another capitalised word it is a town's in a
    name ("Calgary Family Assessment Model", "Edinburgh Postnatal Depression Scale"), and
    after "in" or "from" the gazetteer's."""
    stem = _POSSESSIVE_END.sub("", word.group())
    if not (_CAPITAL.match(stem) and english_name(stem) and is_town(stem)
            and not known(stem) and not field_term(stem)
            and not known(word.group().replace("'", "").replace("’", "").lower())):
        return False  # nor a shop named so ("McDonald's")
    if re.match(r"\s+" + CAPITAL, text[word.end():]) and not re.match(r"\s+I\b", text[word.end():]):
        return False
    return not re.search(r"\b(?:in|from|near|to|at|outside|around)\s+$", text[max(0, word.start() - 10):word.start()])


def _word_or_town(word: str) -> bool:
    """A word, or a town English names in its dictionary ("Calgary"): the gazetteer's, which
    knows where a town is meant."""
    return known(word) or (english_name(word) and is_town(word))


_FAMILY_COMPOUND = re.compile(r"(?:gezin|familie|fam|family|huize)-(?P<name>[^\W\d_]{3,})", re.IGNORECASE)


def _tagged_name(text: str, word: re.Match[str], is_first_name: Callable[[str], bool],
                 is_surname: Callable[[str], bool]) -> PatternMatch | None:
    """The name in "#dekker", "fam. dekker" or "gezin-kaya", if it is on deduce's lists or
    no word at all."""
    start, name = word.start(), word.group()
    if compound := _FAMILY_COMPOUND.fullmatch(name):
        start, name = start + compound.start("name"), compound.group("name")
    elif not _TAGGED.search(text[max(0, start - 9):start]):
        return None
    if not name.islower() or len(name) < 3:
        return None
    if is_surname(name.capitalize()) or is_first_name(name.capitalize()) or not known(name):
        return PatternMatch("person", start, start + len(name), name, "medium")
    return None


# An article or a colour before a capitalised word makes it a thing: "a black Passat", "the
# Windrush paperwork", "een grijze Opel" — unless a word for a family follows ("the Tipene
# tamariki", "the Williams kids").
_THING_BEFORE = re.compile(r"\b(?:a|an|the|een|black|white|silver|grey|gray|red|blue|green|"
                           r"zwarte|witte|grijze|zilveren|rode|blauwe|groene)\s+$", re.IGNORECASE)
FAMILY_AFTER = re.compile(r"\s+(?:family|kids|children|boys|girls|twins|household|whānau|"
                          r"tamariki|gezin|kinderen|familie)\b", re.IGNORECASE)


# A surname by its form is nobody's thing: "the McDonaghs", "the O'Briens".
_SURNAME_FORM = re.compile(r"(?:Mc|Mac|O['’]|Fitz)" + CAPITAL)


def _a_thing(text: str, word: re.Match[str]) -> bool:
    return (_THING_BEFORE.search(text[max(0, word.start() - 10):word.start()]) is not None
            and FAMILY_AFTER.match(text, word.end()) is None
            and _SURNAME_FORM.match(word.group()) is None)


def _theory(text: str, word: re.Match[str]) -> bool:
    """An author where theory is cited: "volgens Nagy", "Rosenberg (2003)"."""
    return bool(_THEORY_BEFORE.search(text[max(0, word.start() - 20):word.start()])
                or THEORY_AFTER.match(text, word.end()))


def _place_compound(word: re.Match[str], text: str) -> bool:
    w = word.group()
    return (bool(_CAPITAL.match(w)) and not w.isupper() and len(w) >= 8
            and w.lower().endswith(_PLACE_HEADS) and not opens_sentence(text, word.start()))


def _made_word_after_a_place_word(text: str, words: list[re.Match[str]], i: int) -> bool:
    """ "uit Kuringen", "in Overvecht", "in Winterslag": a capitalised word made of words (a
    compound, a derivation) right after "in" or "uit" is a place's name; Dutch writes its
    compounds in lower case."""
    w = words[i].group()
    return (i > 0 and words[i - 1].group().lower() in _PLACE_BEFORE
            and _adjacent(text, words[i - 1], words[i]) and len(w) >= 6
            and bool(_CAPITAL.match(w)) and not w.isupper() and "'" not in w and "’" not in w
            and not ordinary(w.lower()) and not world_name(w) and not field_term(w) and known(w)
            and not w.lower().endswith(_NO_PLACE_HEADS) and not opens_sentence(text, words[i - 1].start()))


# A law, a feast, a rule or a method is capitalised too ("in Jeugdwet artikel 2").
_NO_PLACE_HEADS = ("wet", "dag", "feest", "week", "besluit", "regeling", "code", "protocol",
                   "methode", "model", "plan", "programma", "training")


def _joins(text: str, left: re.Match[str], right: re.Match[str],
           is_first_name: Callable[[str], bool], is_common: Callable[[str], bool]) -> bool:
    """Does ``right`` belong to the same name as ``left`` ("Sione Tuilagi", "Callum McAllister")?"""
    return _adjacent(text, left, right) and _name_word(right.group(), is_first_name, is_common)


# An Irish surname's particle and the name after it, which may begin with a lower-case letter
# before its capital ("Ó hÉalaighthe", "Ní Mhurchú", "Mac Giolla").
_IRISH_PARTICLE = frozenset({"Ó", "O", "Ní", "Nic", "Mac", "Mhic", "Uí", "Ua"})
_IRISH_SURNAME = re.compile(r"(?:[hnt]-?)?" + CAPITAL + r"[^\W\d_]+")


def _irish_surname(text: str, words: list[re.Match[str]], j: int) -> bool:
    """Do ``words[j]`` and the word after it make an Irish surname after the name before?"""
    return (j + 1 < len(words) and words[j].group() in _IRISH_PARTICLE
            and _adjacent(text, words[j - 1], words[j]) and _adjacent(text, words[j], words[j + 1])
            and _IRISH_SURNAME.fullmatch(words[j + 1].group()) is not None)


def _name_word(w: str, is_first_name: Callable[[str], bool], is_common: Callable[[str], bool]) -> bool:
    if not _CAPITAL.match(w) or w.isupper():
        return False
    return _unknown_capitalised(w, is_common) or (is_first_name(w) and not is_common(w.lower()))


def _adjacent(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    return text[left.end():right.start()] in (" ", "-")


_TOWN_PREFIX = re.compile(r"(?<![\w'’-])(?:Mt\.?|Mount|Port|Fort|Lake|Glen|Cape|Kings|Upper|Lower) $")


def _match(text: str, words: list[re.Match[str]], i: int, j: int) -> PatternMatch:
    start, end = words[i].start(), words[j - 1].end()
    if possessive := re.search(r"['’]s?$", text[start:end]):
        end -= len(possessive.group())  # "Okonkwo's father": the name, the 's stays
    if prefix := _TOWN_PREFIX.search(text, max(0, start - 8), start):
        start = prefix.start()  # "Mt Druitt", "Port Talbot": the prefix is the town's
        return PatternMatch("place", start, end, text[start:end], "medium")
    before = words[i - 1].group().lower() if i > 0 and _adjacent(text, words[i - 1], words[i]) else ""
    place = before in _PLACE_BEFORE or _place_compound(words[i], text)
    confidence = "medium" if j - i > 1 else "low"
    return PatternMatch("place" if place else "person", start, end, text[start:end], confidence)
