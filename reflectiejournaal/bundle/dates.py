"""Calendar dates as Dutch, Flemish and English text writes them, with the day they name.

Numeric ("12-03-2015", "14/03/2025", US month-first "07/22/2009" when the day shows it,
"2015-03-12"), in words ("3 maart 2015", "3rd March 2025", "March 3, 2012", "the 14th of
February") and without a year ("14 maart", "March 3rd", "de 14e"). What a date *is* (a birth,
an event in a client's life, a supervision meeting) is decided in :mod:`birth_dates`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
          "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
          "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
          "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
          "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
          "august": 8, "october": 10}
FULL_MONTH_NAMES = frozenset("""januari februari maart april mei juni juli augustus september oktober
    november december january february march may june july august october""".split())
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(?:ste|de|e|st|nd|rd|th)"
_SEP = r"\s?[-/.‐‑‒–]\s?"
WEEKDAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday maandag dinsdag
    woensdag donderdag vrijdag zaterdag zondag""".split())
# A weekday written out or cut short ("Tues 14th Nov", "di 3 maart").
_WEEKDAY_NAME = r"(?:" + "|".join(sorted(WEEKDAYS)) + r"|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|ma|di|wo|do|vr|za|zo)\.?"
_WEEKDAY = r"(?:" + _WEEKDAY_NAME + r",? )?"
_FULL = re.compile(
    r"(?<![\w/.-])" + _WEEKDAY + r"(?:"
    r"(?P<d1>\d{1,2})(?P<s>" + _SEP + r")(?P<m1>\d{1,2})(?P=s)(?P<y1>\d{4}|'?\d{2})"  # 12-03-2015
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"  # 2015-03-12
    r"|(?:the )?(?P<d3>\d{1,2})" + _ORDINAL + r"?(?: of)? (?P<m3>" + _MONTH + r"),? "
    r"(?P<y3>\d{4}|'\d{2})"  # 3de mrt. '15, 3rd March 2025, the 3rd of March 2025
    r"|(?P<m4>" + _MONTH + r") (?:the )?(?P<d4>\d{1,2})" + _ORDINAL + r"?,? (?P<y4>\d{4})"  # March 3, 2012
    r")(?![\w]|[-/.]\d)", re.IGNORECASE)
# Month names are capitalised in English and need no capital in Dutch; "May" alone is a verb as
# often as a month, so a date without a year needs its day.
_DAY_MONTH = re.compile(
    r"(?<![\w/.-])" + _WEEKDAY + r"(?:(?:the )?(?P<day>\d{1,2})" + _ORDINAL + r"?(?: of)? (?P<month>" + _MONTH + r")"
    r"|(?P<month2>" + _MONTH + r") (?:the )?(?P<day2>\d{1,2})" + _ORDINAL + r"?)"
    r"(?![\w]|\.?\d|\.? ?'\d)", re.IGNORECASE)  # "funeral Feb 5. 92 yrs": no year after it
# The day in words: "the twelfth of March", "March the fifth" (an ordinal alone is too often
# no day: "the second session").
_ORDINAL_WORD = (r"(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|"
                 r"eighth|ninth)|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|"
                 r"seventeenth|eighteenth|nineteenth|twentieth|thirtieth")
_ORDINAL_STEMS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                  "ninth", "tenth", "eleventh", "twelfth", "teenth", "tieth")
_DAY_IN_WORDS = re.compile(
    r"(?<![\w-])(?:(?:the )?(?:" + _ORDINAL_WORD + r") of (?P<month>" + _MONTH + r")"
    r"|(?P<month2>" + _MONTH + r") the (?:" + _ORDINAL_WORD + r"))(?![\w-])", re.IGNORECASE)
_MONTH_YEAR = re.compile(r"(?<![\w/.-])(?P<month>" + _MONTH + r") (?P<year>(?:19|20)\d{2})(?!\w)",
                         re.IGNORECASE)
# A day alone, as an ordinal after an article: "de 14e", "op de 3de", "on the 3rd". Only where
# no noun follows ("de 2e keer", "the 3rd session" are no dates).
_DAY_ALONE = re.compile(
    r"(?<!\w)(?:(?:de|op de|on the|the) (?P<day>\d{1,2})(?:ste|de|e|st|nd|rd|th)"
    r"(?=\s*(?:[,.;:!?)]|$|(?:uit|in|op|naar|is|was|werd|zijn|heeft|had|hij|zij|ze|toen|"
    r"he|she|they|was|were|when|and|en|at|om|after|before|na|met|with)\b))"
    # after its weekday a day is one whatever follows: "zaterdag de 12e met spoed opgenomen",
    # "last Tuesday the 8th"
    r"|(?:(?:last|next|this|afgelopen|vorige|volgende|komende) )?" + _WEEKDAY_NAME + r",?(?: the| de)? (?P<day2>\d{1,2})(?:ste|de|e|st|nd|rd|th)(?!\w))",
    re.IGNORECASE)
# A feast and its year: "Christmas Eve 2021", "Kerstmis 2019" (a day in someone's life).
_FEAST_YEAR = re.compile(r"(?<!\w)(?:Christmas(?: Eve| Day)?|Boxing Day|New Year['’]s(?: Eve| Day)?|"
                         r"Easter(?: Sunday| Monday)?|Halloween|Thanksgiving|Eid|Diwali|Kerstmis|"
                         r"Kerst(?:avond)?|Oudejaarsavond|Nieuwjaarsdag|Pasen|Sinterklaas) "
                         r"(?:19|20)\d{2}(?!\w)")
# Day and month in figures, without a year, after a word that says a date comes: "on 22/6",
# "is 11/4" ("3/4 of the group" and "10/10" are no dates).
_FULL_MARKS = frozenset({"5/5", "10/10"})  # "is 10/10": a score
_OUT_OF = frozenset({20, 25, 30})  # "is 11/20": a score more often than the 20th of November
_DAY_SLASH = re.compile(r"\b(?:on|is|op|by|from|until|tot|vanaf|sinds|mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|"
                        r"court|hearing|arrest|admitted|discharged|funeral|died|born|zitting|"
                        r"monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?P<date>(?P<d>\d{1,2})/"
                        r"(?P<m>\d{1,2}))(?![\w/-]|[.,]\d)", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    day: dt.date | None  # None when the year is not written, or the day does not exist
    complete: bool  # day, month and year written
    has_day: bool = True  # False for "maart 2012"


def mentions(text: str, today: dt.date) -> Iterator[DateMention]:
    """Every date in ``text``, the longest form first, none inside another."""
    taken: list[tuple[int, int]] = []
    for mention in full_dates(text, today):
        taken.append((mention.start, mention.end))
        yield mention
    for mention in _partial(text, taken):
        yield _without_full_stop(mention)


_TWO_DIGITS = re.compile(r"\d\d")


def full_dates(text: str, today: dt.date) -> Iterator[DateMention]:
    """The dates in ``text`` written with their year (the only ones whose reading depends on
    the day they are read)."""
    if _TWO_DIGITS.search(text) is None:
        return  # every year is two digits or more: most texts end here
    for m in _FULL.finditer(text):
        yield DateMention(m.start(), m.end(), m.group(), _full_date(m, today), True)


def _without_full_stop(mention: DateMention) -> DateMention:
    """ "7 August." ends the sentence; "3 mrt." is abbreviated: only the abbreviation keeps it."""
    word = re.search(r"([^\W\d_]+)\.$", mention.text)
    if word and word.group(1).lower() in FULL_MONTH_NAMES:
        return DateMention(mention.start, mention.end - 1, mention.text[:-1], mention.day,
                           mention.complete, mention.has_day)
    return mention


def _partial(text: str, taken: list[tuple[int, int]]) -> Iterator[DateMention]:
    used = bytearray(len(text))  # 1 where a date was found: one look per match, not per date
    for s, e in taken:
        used[s:e] = b"\1" * (e - s)

    def free(start: int, end: int) -> bool:
        return not any(used[start:end])

    def take(start: int, end: int) -> None:
        used[start:end] = b"\1" * (end - start)

    for m in _DAY_SLASH.finditer(text):
        start, end = m.span("date")
        first, second = int(m.group("d")), int(m.group("m"))
        if (free(start, end) and (1 <= second <= 12 and 1 <= first <= 31  # 14/3
                                  or 1 <= first <= 12 and 12 < second <= 31  # US: "is 11/14"
                                  and second not in _OUT_OF)
                and m.group("date") not in _FULL_MARKS):
            take(start, end)
            yield DateMention(start, end, m.group("date"), None, False)
    in_words = any(word in text.lower() for word in _ORDINAL_STEMS)  # seldom: skip its search
    for pattern in (_DAY_MONTH, _DAY_IN_WORDS, _MONTH_YEAR, _DAY_ALONE, _FEAST_YEAR):
        if pattern is _DAY_IN_WORDS and not in_words:
            continue
        for m in pattern.finditer(text):
            if free(m.start(), m.end()):
                take(m.start(), m.end())
                yield DateMention(m.start(), m.end(), m.group(), None, False,
                                  pattern is not _MONTH_YEAR)


def _full_date(m: re.Match[str], today: dt.date) -> dt.date | None:
    if m.group("d1"):
        day, month, year_text = m.group("d1"), m.group("m1"), m.group("y1")
    elif m.group("y2"):
        day, month, year_text = m.group("d2"), m.group("m2"), m.group("y2")
    elif m.group("d3"):
        day, month, year_text = m.group("d3"), _month(m.group("m3")), m.group("y3")
    else:
        day, month, year_text = m.group("d4"), _month(m.group("m4")), m.group("y4")
    year_text = year_text.lstrip("'")
    year = int(year_text)
    if len(year_text) == 2:  # '15 → 2015, '89 → 1989
        year += 2000 if year <= today.year % 100 else 1900
    for d, mo in ((day, month), (month, day)):  # day first; month first only when it must be (US)
        try:
            return dt.date(year, int(mo), int(d))
        except ValueError:
            continue
    return None


def _month(name: str) -> str:
    return str(MONTHS[name.rstrip(".").lower()])
