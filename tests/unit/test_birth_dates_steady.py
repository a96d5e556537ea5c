"""A date's reading depends on the day it is read: the cache keeps a text's findings only until
that day comes (birth_dates.steady_until)."""

from __future__ import annotations

import datetime as dt

import pytest

from reflectiejournaal.bundle.birth_dates import birth_dates, steady_until

TEXTS = [
    "Op 12-03-2023 werd hij opgenomen, geboren 4-5-2011.",
    "She was discharged on 3 December 2022 and told her mum.",
    "Her court date is 14/12/2026, her brother was born 02/01/99.",
    "Het gesprek op 08-12-2026 ging over haar vader.",
    "No date at all, only the 3rd of May.",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("today", [dt.date(2026, 12, 7), dt.date(2026, 12, 31), dt.date(2027, 3, 12)])
def test_the_reading_holds_every_day_until_the_day_it_may_change(text, today):
    first = list(birth_dates(text, today))
    until = steady_until(text, today)
    last = (until or today + dt.timedelta(days=3000)) - dt.timedelta(days=1)
    day = today
    while day <= last:  # every day up to it reads the same
        assert list(birth_dates(text, day)) == first, day
        day += dt.timedelta(days=1)


def test_a_text_without_a_full_date_holds_for_good():
    assert steady_until("No date at all, only the 3rd of May.", dt.date(2026, 12, 7)) is None
    assert steady_until("Op 12-03-2023 werd hij opgenomen.", dt.date(2026, 12, 7)) == dt.date(2027, 1, 1)
    assert steady_until("Op 12-03-2023 werd hij opgenomen.", dt.date(2027, 1, 1)) == dt.date(2027, 3, 12)


def test_the_reading_does_change_on_that_day():
    """Not a bound that never bites: four years on, the event reads as a date of birth."""
    text, today = "Op 12-03-2023 werd hij opgenomen.", dt.date(2027, 1, 1)
    until = steady_until(text, today)
    assert [m.kind for m in birth_dates(text, until - dt.timedelta(days=1))] == ["date"]
    assert [m.kind for m in birth_dates(text, until)] == ["birth_date"]
