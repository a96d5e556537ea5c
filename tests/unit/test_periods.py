"""The quick choices of a period to look back over."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal import periods

TODAY = dt.date(2026, 11, 23)


def test_quick_choices_are_whole_years_or_the_last_twelve_months():
    assert periods.bounds("all", TODAY) == (None, None)
    assert periods.bounds("this_year", TODAY) == (dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert periods.bounds("last_year", TODAY) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert periods.bounds("last_12_months", TODAY) == (dt.date(2025, 12, 1), TODAY)
    december = dt.date(2026, 12, 5)
    assert periods.bounds("last_12_months", december) == (dt.date(2026, 1, 1), december)


def test_typed_dates_that_match_a_quick_choice_are_that_choice():
    assert periods.preset_of(dt.date(2025, 1, 1), dt.date(2025, 12, 31), TODAY) == "last_year"
    assert periods.preset_of(None, None, TODAY) == "all"
    assert periods.preset_of(dt.date(2025, 1, 2), dt.date(2025, 12, 31), TODAY) is None
