"""Dates of birth in Dutch and Flemish text, told apart from the dates of meetings and events."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .matches import PatternMatch

MONTHS = {"januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3,
          "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
          "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
          "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_SEP = r"\s?[-/.‐‑‒–]\s?"
_DAY = r"(?P<{}>\d{{1,2}})(?:ste|de|e)?"
_YEAR = r"(?P<{}>\d{{4}}|'\d{{2}})"
_DATE = re.compile(
    r"(?<![\w/.-])(?:"
    r"(?P<d1>\d{1,2})(?P<s>" + _SEP + r")(?P<m1>\d{1,2})(?P=s)(?P<y1>\d{4}|'?\d{2})"  # 12-03-2015
    r"|(?P<y2>(?:19|20)\d{2})-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"  # 2015-03-12
    r"|" + _DAY.format("d3") + r" (?P<m3>" + _MONTH + r")\.?,? " + _YEAR.format("y3")  # 3de mrt. '15
    + r"|(?P<m4>" + _MONTH + r")\.? (?P<d4>\d{1,2}),? (?P<y4>\d{4})"  # maart 3, 2012
    r")(?![\w]|[-/.]\d)", re.IGNORECASE)
# Without the day or the year, a date counts only next to a birth word: "geboren in maart
# 2012", "verjaardag: 3 maart".
_PARTIAL_DATE = re.compile(
    r"(?<![\w/.-])(?:(?P<month>" + _MONTH + r")\.? (?P<year>(?:19|20)\d{2})|"
    + _DAY.format("day") + r" (?P<month2>" + _MONTH + r"))(?![\w]|\.? ?'?\d)", re.IGNORECASE)
_BIRTH_WORDS = re.compile(
    r"geboren|geb\.|\bgeb\b|geboortedatum|geboortedag|verjaardag|jarig|°|\bdob\b", re.IGNORECASE)
# A date after these words is when something began or ended, not a birthday.
_EVENT_WORDS = re.compile(r"\b(?:sinds|sedert|vanaf|per|tot|tussen|na|gestart|begonnen|"
                          r"opgenomen|aangemeld|ingeschreven|uitgeschreven|in zorg|ontslagen)\W*$",
                          re.IGNORECASE)


def birth_dates(text: str, today: dt.date) -> Iterator[PatternMatch]:
    """A real date in the past that is mentioned with a birth word, or lies years back.

    Meetings and events are this year or last; a full date years back next to a person is
    most often a date of birth (unless it follows "sinds", "vanaf" and the like).
    """
    taken: list[tuple[int, int]] = []
    for m in _DATE.finditer(text):
        date = _date_of(m, today)
        if date is None or date >= today or date.year < 1900:
            continue
        nearby = text[max(0, m.start() - 40):m.start()]
        taken.append((m.start(), m.end()))
        if _BIRTH_WORDS.search(nearby):
            yield PatternMatch("birth_date", m.start(), m.end(), m.group(), "high")
        elif ((today - date).days > 2 * 365 and len(m.group("y1") or "yyyy") == 4
              and not _EVENT_WORDS.search(nearby)):
            yield PatternMatch("birth_date", m.start(), m.end(), m.group(), "medium")
    for m in _PARTIAL_DATE.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if _BIRTH_WORDS.search(text[max(0, m.start() - 40):m.start()]):
            yield PatternMatch("birth_date", m.start(), m.end(), m.group(), "medium")


def _date_of(m: re.Match[str], today: dt.date) -> dt.date | None:
    if m.group("d1"):
        day, month, year_text = m.group("d1"), m.group("m1"), m.group("y1")
    elif m.group("y2"):
        day, month, year_text = m.group("d2"), m.group("m2"), m.group("y2")
    elif m.group("d3"):
        day, month, year_text = m.group("d3"), str(MONTHS[m.group("m3").lower()]), m.group("y3")
    else:
        day, month, year_text = m.group("d4"), str(MONTHS[m.group("m4").lower()]), m.group("y4")
    year_text = year_text.lstrip("'")
    year = int(year_text)
    if len(year_text) == 2:  # '15 → 2015, '89 → 1989
        year += 2000 if year <= today.year % 100 else 1900
    try:
        return dt.date(year, int(month), int(day))
    except ValueError:
        return None
