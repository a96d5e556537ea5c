"""The quick choices of a period to look back over."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal.review import periods

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


def test_on_31_december_the_chosen_one_of_two_equal_choices_stays():
    new_years_eve = dt.date(2026, 12, 31)
    this_year = periods.bounds("this_year", new_years_eve)
    assert periods.bounds("last_12_months", new_years_eve) == this_year
    assert periods.preset_of(*this_year, new_years_eve, prefer="last_12_months") == "last_12_months"
    assert periods.preset_of(*this_year, new_years_eve, prefer="custom") == "this_year"
