"""What a finding is not, and where it ends: the rules applied to what the detectors found.

Each is about a way text fools a detector: a shouted name deduce's lists (written with a
capital) would miss, a month read as a first name, a bracket or a particle taken into a name,
a name that begins inside a date, a phone number inside a case reference, a number whose own
name stands before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from . import vocabulary
from .birth_dates import SOMEONE_ELSE
from .dates import FULL_MONTH_NAMES, MONTHS
from .findings import Finding
from .letters import CAPITAL
from .names import ENGLISH_TITLES, POSSESSIVE, TITLES, particle
from .patterns import field_name, relation_word
from .towns import is_town


SHOUTED = re.compile(r"(?<![\w-])[^\W\d_]{3,}(?![\w-])")
# Three capitals alone are an acronym ("PIP", "CLB"); beside another shouted word, a name.
_SHORT_SHOUT = re.compile(r"[^\W\d_]{3}")
_SHOUTED_NEIGHBOUR = re.compile(r"(?<![\w-])[^\W\d_a-zß-ÿ]{2,}\s+$|^\s+[^\W\d_a-zß-ÿ]{2,}(?![\w-])")


def shouted_as_names(text: str) -> str:
    """"KEVIN ŞAHIN" as "Kevin Şahin", so deduce's lists (written with a capital) know it;
    acronyms such as "MDO" or "CLB" are no names either way. Offsets must hold: a word whose
    lower case has another length ("İ") stays as it is."""
    def spoken(m: re.Match[str]) -> str:
        word = m.group()
        if not word.isupper():
            return word
        if _SHORT_SHOUT.fullmatch(word) and not (
                _SHOUTED_NEIGHBOUR.search(text[max(0, m.start() - 30):m.start()])
                or _SHOUTED_NEIGHBOUR.search(text[m.end():m.end() + 30])):
            return word
        quieter = word.capitalize()
        return quieter if len(quieter) == len(word) else word
    return SHOUTED.sub(spoken, text)


_MONTH_BEFORE = re.compile(r"(?:\d{1,2}(?:st|nd|rd|th|e|de)?|\b(?:in|on|since|until|by|early|late|mid|"
                           r"end of|before|after|till|through|during|start of|begin|eind|half|sinds|"
                           r"tot|vanaf|per|next|last|this|of))\s+$",
                           re.IGNORECASE)


def trimmed(finding: Finding, text: str) -> Finding:
    """Without what is no part of it: an opening bracket it never closes ("(06-12345678"),
    spaces and particles at its end ("Albert Heijn aan de ")."""
    start, end = finding.start, finding.end
    if text[start] in "([" and not any(c in ")]" for c in text[start:end]):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if finding.kind in ("person", "institution", "place"):
        words = text[start:end].split(" ")
        while len(words) > 1 and particle(words[-1]):
            words.pop()
            end = start + len(" ".join(words))
    if (start, end) == (finding.start, finding.end):
        return finding
    return replace(finding, start=start, end=end, text=text[start:end])


def outside_dates(found: list[Finding], text: str) -> list[Finding]:
    """A name that begins inside a date begins after it: "the 5th of June Aisha" is a date
    and Aisha (deduce read "June Aisha" as two first names)."""
    dates = sorted((f.start, f.end) for f in found if f.kind in ("date", "birth_date"))
    starts = [start for start, _ in dates]
    out = []
    for f in found:
        if f.kind in ("person", "place"):
            # Dates do not overlap: only the last one that begins at or before the name can
            # hold its beginning.
            at = bisect.bisect_right(starts, f.start) - 1
            if at >= 0 and f.start < dates[at][1] < f.end:
                rest = text[dates[at][1]:f.end]
                start = dates[at][1] + len(rest) - len(rest.lstrip(" ,"))
                f = replace(f, start=start, text=text[start:f.end])
        out.append(f)
    return out


# A month cut short ("Jan", "Dec") is the month only after a word of time: "since Jan", "by
# Dec" (never "the mother of Jan").
_SHORT_MONTH_BEFORE = re.compile(r"\b(?:since|until|till|before|after|from|by|end of|mid|early|"
                                 r"late|start of|sinds|tot|vanaf|eind|begin)\s+$", re.IGNORECASE)


# "the June bank holiday", "May half-term": the month before what happens in it; "from May
# through to summer": a month before the end of a stretch of time.
_MONTH_NOUN_AFTER = re.compile(r"\s+(?:bank holiday|holidays?|half[- ]term|exams?|term|break|"
                               r"long weekend|school holidays|intake|deadline|"
                               r"(?:through|until|till|to|tot|t/m)\s+(?:to\s+)?(?:the\s+)?"
                               r"(?:end of\s+)?(?:" + "|".join(sorted(FULL_MONTH_NAMES)) +
                               r"|summer|winter|spring|autumn|fall|christmas|easter|zomer|kerst)\b)",
                               re.IGNORECASE)


def a_month(text: str, start: int, end: int) -> bool:
    """Is this first name ("June", "May", "April", "Jan") the month here: after a day or "in",
    "since", or before a day or year?"""
    word = text[start:end].lower()
    before = text[max(0, start - 12):start]
    day_after = re.match(r"\s+\d", text[end:]) is not None
    if word in MONTHS and word not in FULL_MONTH_NAMES:  # "since Jan", "4 Aug", "Nov 14"
        return (_SHORT_MONTH_BEFORE.search(before) is not None
                or re.search(r"\d\s+$", before) is not None
                or (before.endswith("(") and text[end:end + 1] == ")")  # "supervision (Feb)"
                or re.match(r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s+(?:jaar|years?|yrs?|jr)\b)", text[end:]) is not None)
    return (word in FULL_MONTH_NAMES
            and (_MONTH_BEFORE.search(before) is not None or day_after
                 or _MONTH_NOUN_AFTER.match(text, end) is not None))


def by_their_names(found: list[Finding], text: str) -> list[Finding]:
    """A number right after its own name is that number only ("SIN 273 819 409" also passes
    the BSN check)."""
    from . import english_numbers  # only a scan asks (a cached review never loads stdnum)

    named = [f for f in found if f.kind in english_numbers.NAMED_BEFORE and re.search(
        english_numbers.NAMED_BEFORE[f.kind] + "$", text[max(0, f.start - 30):f.start])]
    return [f for f in found if not any(
        n is not f and n.start <= f.start and f.end <= n.end for n in named)]


def phones_in_references(found: list[Finding]) -> list[Finding]:
    """A phone number inside a case reference is the reference ("SC-2024-118742")."""
    references = [f for f in found if f.kind == "dossier" and re.search(r"[A-Za-z]", f.text)]
    return [f for f in found if not (f.kind == "phone" and any(
        r.start <= f.start and f.end <= r.end for r in references))]


# "Clare's Law", "Jordan's Principle", "Megan's Law", "Don't": no one's name here.
_NOT_A_NAME_AFTER = re.compile(r"(?:['’]s (?:Law|Principle|Act|Rule|Syndrome|Disease|Day|Birthday)\b|"
                               r"['’]t\b)")


_LAW_WORDS = frozenset({"Law", "Principle", "Act", "Rule", "Day", "Birthday"})
_TITLE_WORDS = {title.strip(".") for title in TITLES} | ENGLISH_TITLES


# "the Grenfell inquiry", "the Uvalde report": a place in the news, nobody's whereabouts.
_NEWS_AFTER = re.compile(r"\s+(?:inquiry|inquest|report|shooting|fire|tragedy|disaster|bombing|attack|"
                         r"massacre|floods?|earthquake|riots?|verdict|case review)\b", re.IGNORECASE)


def only_a_title(finding: Finding) -> bool:
    """ "Mr" alone (its name found apart: "Mr O" trimmed of its particle): no one."""
    return finding.kind == "person" and all(
        word.lower().strip(".") in _TITLE_WORDS for word in finding.text.split())


# "Dublin lost, …", "Leafs lost again", "Swans v Pies" (not "Jordan lost his job").
_TEAM_AFTER = re.compile(r"\s+(?:(?:lost|won|drew)(?=[,.;!]|\s+(?:again|at home|away|to|the final|"
                         r"the match|the game|\d))|(?:v|vs\.?)\s+" + CAPITAL + ")")


def _a_team(finding: Finding, text: str) -> bool:
    """A town's team by what follows it ("Dublin lost", "Leeds v Spurs")."""
    return (_TEAM_AFTER.match(text, finding.end) is not None
            and (is_town(finding.text) or vocabulary.world_name(finding.text)))


# Days of the calendars of English-speaking practice, named like a person ("Day" is a surname).
_HOLIDAY_DAY = re.compile(
    r"(?:Labou?r|Sorry|Canada|Australia|Anzac|Waitangi|Boxing|Memorial|Independence|Remembrance|"
    r"Armistice|Thanksgiving|Mother['’]s|Father['’]s|Valentine['’]s|(?:St\.? )?Patrick['’]s|"
    r"(?:St\.? )?Stephen['’]s|National|International|"
    r"Matariki|Harmony|Reconciliation|Victoria|Family|Orange Shirt|Pink Shirt|Veterans['’]?|"
    r"Presidents['’]?|Martin Luther King|MLK|Pancake|Sports|Census|Polling|Results|Open|"
    r"Induction|Training|INSET|Inset|Wellbeing|World Mental Health|Red Nose|Comic Relief|"
    r"Pyjama|Jersey|Odd Socks|Wear It Purple|R U OK\??) Day\b")


def _a_holiday(finding: Finding, text: str) -> bool:
    """ "Labor Day", "Sorry Day": a day of the calendar, found as a person (or its half)."""
    return any(m.start() < finding.end and finding.start < m.end()
               for m in _HOLIDAY_DAY.finditer(text, max(0, finding.start - 30),
                                              min(len(text), finding.end + 30)))


def _a_shop(finding: Finding, text: str) -> bool:
    """ "Tim Hortons", "Coles": a shop's name, unless a title makes it a person's ("Mrs Coles")."""
    words = finding.text.split()
    if not words or POSSESSIVE.sub("", words[-1]).lower() not in vocabulary.CHAINS:
        return False
    before = re.search(r"(\w+)\.?\s+$", text[max(0, finding.start - 8):finding.start])
    return not any(w.lower().strip(".") in _TITLE_WORDS
                   for w in [*words[:-1], *(before.groups() if before else ())])


def not_a_name(finding: Finding, text: str) -> bool:
    """Is this person a law, a rule, a holiday or a contraction, or this place in the news, by
    what follows it?"""
    if finding.kind in ("place", "person") and _a_team(finding, text):
        return True  # "Dublin lost", "Swans v Pies": a team
    if finding.kind == "place":
        return _NEWS_AFTER.match(text, finding.end) is not None
    if finding.kind != "person":
        return False
    if _a_holiday(finding, text):
        return True  # "Labor Day", "Sorry Day", "Canada Day"
    return (_NOT_A_NAME_AFTER.match(text, finding.end) is not None or _a_shop(finding, text)
            or (finding.text in _LAW_WORDS and text[max(0, finding.start - 3):finding.start] in ("'s ", "’s ")))


# A sentence about the professional's own training or conference, naming no one else, tells
# where the professional was ("Training day in Birmingham", "back from Galway after the
# conference"): no client's town.
_OWN_EVENT = re.compile(r"\b(?:training|conference|course|workshop|away day|refresher|seminar|cpd|"
                        r"symposium|study day|congres|cursus|"
                        r"studiedag|opleidingsdag|vorming|scholing)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?\n]|$)")


def own_whereabouts(finding: Finding, text: str) -> bool:
    """Is this place where the professional went for their own training or conference?"""
    if finding.kind != "place":
        return False
    for sentence in _SENTENCE.finditer(text, max(0, finding.start - 300)):
        if sentence.start() <= finding.start < sentence.end():
            words = sentence.group()
            return bool(_OWN_EVENT.search(words)) and not SOMEONE_ELSE.search(words)
    return False


def no_url_fragment(finding: Finding) -> bool:
    """ ".co.uk" alone is half an address the writer corrected, nobody's."""
    return finding.kind == "url" and finding.text.startswith(".")


_NAME_WORD = re.compile(CAPITAL + r"[^\W\d_]{2,}")
_WHOLE_NAME_WORD = re.compile(r"(?<![\w'’-])" + CAPITAL + r"[^\W\d_]{2,}(?![\w-])")


def everywhere(found: list[Finding], text: str) -> list[Finding]:
    """A person's name found once is found wherever it is written again with its capital:
    "Jordan Reyes, DOB … Jordan looked at the floor", "Brooke sent me … told Brooke I would"
    (the second alone would open a sentence, or be a word)."""
    names = {w.group() for f in found if f.kind == "person" for w in _NAME_WORD.finditer(f.text)
             if not (particle(w.group()) or w.group().lower() in TITLES or relation_word(w.group())
                     or field_name(w.group()))}  # a theorist taken for a name once stays one
    if not names:
        return found
    starts, ends = _merged([(f.start, f.end) for f in found])
    more = []
    for m in _WHOLE_NAME_WORD.finditer(text):  # one pattern for every text: none compiled per text
        if m.group() not in names:
            continue
        at = bisect.bisect_right(starts, m.start()) - 1
        if at < 0 or ends[at] < m.end():
            more.append(Finding("person", m.start(), m.end(), m.group(), "medium", "propagated"))
    return found + more


def _merged(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The spans joined where they overlap, as sorted starts and their ends."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if starts and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends
