"""What a date in a text is: a date of birth, an event in a client's life, or the supervision's own.

A date next to a birth word is a date of birth, and so is a full date more than four years
back (unless it follows "sinds", "vanaf" and the like): meetings and most events written
about are of the last few years (a fall in 2024 is an event, not a birthday). Any other
day is an event in someone's life ("op 12 juni uit huis geplaatst", "on the 5th of June she
told her teacher") unless the sentence is about the supervision itself ("in de intervisie van
14 maart", "at our session on 3 October"): those dates are the supervisant's, not a client's.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator

from .dates import full_dates, mentions
from .matches import PatternMatch

_BIRTH_WORDS = re.compile(
    r"geboren|geb\.|\bgeb\b|geboortedatum|geboortedag|verjaardag|jarig|°|\bdob\b|\bd\.o\.b\b|"
    r"\bborn\b|date of birth|birthday", re.IGNORECASE)
# "the King's Birthday" is a public holiday, nobody's date of birth.
_HOLIDAY = re.compile(r"(?:King|Queen)['’]s Birthday", re.IGNORECASE)
# A date after these words is when something began or ended, not a birthday.
_EVENT_WORDS = re.compile(r"\b(?:sinds|sedert|vanaf|per|tot|tussen|na|gestart|begonnen|"
                          r"opgenomen|aangemeld|ingeschreven|uitgeschreven|in zorg|ontslagen|"
                          r"since|from|until|admitted|discharged|on|moved to)\W*$",
                          re.IGNORECASE)
# The supervision's own calendar: a date in a sentence about these is the supervisant's.
_OWN_CALENDAR = re.compile(
    r"supervisie|intervisie|werkbegeleiding|bijeenkomst|sessie|supervisor|supervisant|"
    r"leergroep|teamoverleg|training|cursus|workshop|opleiding|scholing|deadline|inleveren|"
    r"evaluatie|registratie|portfolio|supervision|intervision|\bmeeting|\bsession|peer group|"
    r"reflective practice|\bCPD\b|revalidation|\bdue\b|appraisal|\bles\b|college|consultation|"
    r"\bpeer\b|casusinbreng|reflectie|terugblik|notitie|case presentation|reflection|review|"
    r"jaargesprek|themadag|studiedag|vakantie|verslag|audit|vergadering|holiday|annual leave|"
    r"away day|portfolio|deadline|\bsup\b|\bsupervisie\b", re.IGNORECASE)
# What happens in a client's life, named right before its date, makes the date the client's
# whatever calendar word comes before it.
_CLIENT_EVENT = re.compile(r"\b(?:arrest|overdose|OD|death|died|funeral|hearing|court|admission|"
                           r"admitted|discharge|discharged|incident|birth|born|placement|removal|"
                           r"remanded|sentencing|trial|uithuisplaatsing|opname|opgenomen|overleden|"
                           r"begrafenis|zitting|rechtszaak|arrestatie|aanhouding)\b", re.IGNORECASE)
# A sentence in the first person, or about the supervision, and about no one else is the
# professional's own calendar
# ("Op 4 februari lever ik mijn verslag in", "I'm off from 28 July"); one that names or
# points to someone else is not ("Ik zag haar op 12 juni", "she told her teacher").
_FIRST_PERSON = re.compile(r"\b(?:ik|we|wij|mijn|onze?|me|mij|I|I'm|I've|I'll|my|our|us)\b")
SOMEONE_ELSE = re.compile(
    r"\b(?:hij|zij|ze|hem|haar|zijn|hun|hen|he|she|they|him|her|his|their|them|moeder|vader|"
    r"mama|papa|mum|mom|dad|cliënt|client|jongen|meisje|kind|gezin|family|boy|girl|child|"
    r"whānau|kids|children)\b", re.IGNORECASE)
# The second date of a range is what the first is: "12 januari tot 23 februari".
_RANGE = re.compile(r"\s*(?:tot(?: en met)?|t/m|to|until|till|-|–|and|en)\s*", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)")


def birth_dates(text: str, today: dt.date) -> Iterator[PatternMatch]:
    """The dates of birth and of events in ``text``, as ``birth_date`` and ``date`` matches."""
    found = sorted(mentions(text, today), key=lambda m: m.start)
    ends = sorted(m.end for m in found)
    own_before: tuple[int, bool] = (-1, False)  # where the last date ended, and whether it was own
    for mention in found:
        before = _HOLIDAY.sub("", text[max(0, mention.start - 40):mention.start])
        day = mention.day
        if _BIRTH_WORDS.search(before):
            if day is None or (day < today and day.year >= 1900):
                yield PatternMatch("birth_date", mention.start, mention.end, mention.text,
                                   "high" if mention.complete else "medium")
                continue
        if (day is not None and day < today and (today - day).days > 4 * 365
                and day.year >= 1900 and not _EVENT_WORDS.search(before)
                and re.search(r"\d{4}", mention.text)):
            yield PatternMatch("birth_date", mention.start, mention.end, mention.text, "medium")
        elif (mention.complete and day is None) or not mention.has_day:
            continue  # 31-02-2015 (a version number?), "maart 2012" (no day of anyone's)
        else:
            in_range = own_before[1] and _RANGE.fullmatch(text, own_before[0], mention.start)
            own = bool(in_range) or _own_calendar(text, mention.start, mention.end, ends)
            own_before = (mention.end, own)
            if not own:
                yield PatternMatch("date", mention.start, mention.end, mention.text, "medium")


def _own_calendar(text: str, start: int, end: int, date_ends: list[int]) -> bool:
    """Is the date at ``start:end`` the supervision's own (``date_ends`` sorted): a word of its calendar right before
    it in the same sentence ("in de supervisie van 10 oktober", "at our session on Thursday,
    3 October", with no other date in between) or right after it ("14 maart: intervisie")?"""
    ends_before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 300), start)]
    sentence_start = max([max(0, start - 300), *ends_before])
    at = bisect.bisect_right(date_ends, start)  # the last date that ends before this one
    window_start = max([max(0, start - 45), sentence_start, *date_ends[max(0, at - 1):at]])
    after = _SENTENCE_END.search(text, end, end + 300)
    sentence_end = min(end + 300, after.start() if after else len(text))
    window_end = min(end + 20, sentence_end)
    sentence = text[sentence_start:sentence_end]
    if _CLIENT_EVENT.search(text, window_start, start):
        return False  # "Reflection – paediatric arrest Sat 9th March": the event's day
    return (_OWN_CALENDAR.search(text, window_start, start) is not None
            or _OWN_CALENDAR.search(text, end, window_end) is not None
            or ((_FIRST_PERSON.search(sentence) is not None or _OWN_CALENDAR.search(sentence) is not None)
                and SOMEONE_ELSE.search(sentence) is None))


def steady_until(text: str, today: dt.date) -> dt.date | None:
    """The first day on which :func:`birth_dates` may read ``text`` otherwise than ``today``
    (None: never): the day after a written date passes, the day it is four years back, and the
    first of January (a year in two digits is read by the year it is read in). Only a date
    with its year depends on the day it is read."""
    turns: list[dt.date] = []
    for mention in full_dates(text, today):
        turns.append(dt.date(today.year + 1, 1, 1))
        if mention.day is not None:
            turns += [turn for turn in (mention.day + dt.timedelta(days=1),
                                        mention.day + dt.timedelta(days=4 * 365 + 1)) if turn > today]
    return min(turns, default=None)

