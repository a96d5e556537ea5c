"""Balance of reflection and statistics on a fixture vault with known answers."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal.review import balance
from reflectiejournaal.review import stats
from reflectiejournaal.model import Entry
from reflectiejournaal.prompts import compose_body, load_library
from reflectiejournaal.trajectory import Trajectory

TZ = dt.timezone(dt.timedelta(hours=1))
LIBRARY = load_library()
NIP = LIBRARY.sets["nip-vier-aspecten"]


def nip_entry(n: int, answered: list[str]) -> Entry:
    moment = dt.datetime(2026, 1, 1, 20, tzinfo=TZ) + dt.timedelta(weeks=n)
    body = compose_body(NIP, {p: f"Antwoord {p}" for p in answered})
    return Entry(f"{n:016x}", "reflection", f"R{n}", moment, moment, body,
                 prompt_set="nip-vier-aspecten")


def test_balance_counts_answered_prompts_and_points_out_what_was_left(journal):
    everything = ["beleving", "beroepsethiek", "waarden", "emotioneel-proces"]
    journal.save(nip_entry(1, everything))
    journal.save(nip_entry(2, ["beleving", "waarden", "emotioneel-proces", "beroepsethiek"]))
    for n in range(3, 7):  # four recent reflections without beroepsethiek
        journal.save(nip_entry(n, ["beleving", "emotioneel-proces"] + (["waarden"] if n == 6 else [])))
    journal.save(Entry("00000000000000ff", "note", "x", nip_entry(7, []).created,
                       nip_entry(7, []).created, "## Beroepsethische aspecten\n\nNiet van de set."))
    result = balance.compute("nip", journal.bodies(journal.summaries()), LIBRARY)
    assert result.entries == 6
    assert result.counts == {"beleving": 6, "beroepsethiek": 2, "waarden": 3, "emotioneel-proces": 6}
    assert result.missing_in_latest == {"beleving": 0, "beroepsethiek": 4, "waarden": 0,
                                        "emotioneel-proces": 0}
    assert [(a.prompt_id, n) for a, n in result.untouched()] == [("beroepsethiek", 4)]


def test_bars():
    assert balance.bar(0, 10) == "·"
    assert balance.bar(10, 10, width=4) == "████"
    assert balance.bar(5, 10, width=4) == "██"
    assert balance.bar(1, 8, width=1) == "▏"


def test_statistics_per_month_streaks_and_meetings(journal):
    def add(n: int, day: dt.date, words: int) -> None:
        moment = dt.datetime(day.year, day.month, day.day, 20, tzinfo=TZ)
        journal.save(Entry(f"{n:016x}", "note", "t", moment, moment, "woord " * words))

    # Three weeks in a row over the turn of the year, a gap, then this week and last week.
    for n, day in enumerate([dt.date(2025, 12, 22), dt.date(2025, 12, 30), dt.date(2026, 1, 6),
                             dt.date(2026, 2, 2), dt.date(2026, 2, 10)]):
        add(n, day, 10 * (n + 1))
    trajectory = Trajectory.plan("0000000000000a01", "supervisie", "S", dt.date(2026, 1, 7), meetings=4)
    trajectory.update_meeting(2, status="cancelled")
    result = stats.compute(journal.summaries(), [trajectory], dt.date(2026, 2, 12))
    assert (result.entries, result.words) == (5, 150)
    assert result.per_month == {"2025-12": (2, 30), "2026-01": (1, 30), "2026-02": (2, 90)}
    assert (result.longest_streak_weeks, result.current_streak_weeks) == (3, 2)
    assert result.meetings == {"0000000000000a01": ("S", 1, 4)}  # 7 Jan held; 28 Jan cancelled; 18 Feb ahead


def _summaries(journal, days: list[dt.date], words: int = 10):
    for n, day in enumerate(days):
        moment = dt.datetime(day.year, day.month, day.day, 20, tzinfo=TZ)
        journal.save(Entry(f"{n + 0x100:016x}", "note", "t", moment, moment, "woord " * words))
    return journal.summaries()


def test_activity_keeps_the_empty_months_so_a_quiet_spell_shows(journal):
    summaries = _summaries(journal, [dt.date(2026, 1, 5), dt.date(2026, 1, 20), dt.date(2026, 4, 2)])
    buckets = stats.activity(summaries, None, None, dt.date(2026, 5, 10))
    assert [(b.start, b.size, b.entries, b.words) for b in buckets] == [
        (dt.date(2026, 1, 1), "month", 2, 20), (dt.date(2026, 2, 1), "month", 0, 0),
        (dt.date(2026, 3, 1), "month", 0, 0), (dt.date(2026, 4, 1), "month", 1, 10),
        (dt.date(2026, 5, 1), "month", 0, 0)]  # up to this month: the gap since April shows


def test_activity_over_years_goes_by_quarter_then_by_year(journal):
    summaries = _summaries(journal, [dt.date(2024, 2, 1), dt.date(2024, 3, 31), dt.date(2026, 11, 1)])
    by_quarter = stats.activity(summaries, None, None, dt.date(2026, 11, 23))
    assert len(by_quarter) == 12 and {b.size for b in by_quarter} == {"quarter"}
    assert (by_quarter[0].start, by_quarter[0].entries) == (dt.date(2024, 1, 1), 2)
    assert (by_quarter[-1].start, by_quarter[-1].entries) == (dt.date(2026, 10, 1), 1)
    by_year = stats.activity(summaries, dt.date(2021, 1, 1), None, dt.date(2026, 11, 23))
    assert [(b.start.year, b.size, b.entries) for b in by_year] == [
        (2021, "year", 0), (2022, "year", 0), (2023, "year", 0), (2024, "year", 2),
        (2025, "year", 0), (2026, "year", 1)]


def test_activity_of_a_period_stops_at_today_and_at_its_end(journal):
    summaries = _summaries(journal, [dt.date(2026, 3, 3)])
    this_year = stats.activity(summaries, dt.date(2026, 1, 1), dt.date(2026, 12, 31), dt.date(2026, 4, 9))
    assert [b.start.month for b in this_year] == [1, 2, 3, 4]  # no empty future months
    assert stats.activity(summaries, dt.date(2026, 5, 1), dt.date(2026, 4, 1), dt.date(2026, 6, 1)) == []
    assert stats.activity([], None, None, dt.date(2026, 6, 1)) == []


def test_activity_never_draws_more_than_twelve_bars(journal):
    # 36 months that start mid-quarter cover 13 calendar quarters: by year then.
    summaries = _summaries(journal, [dt.date(2023, 3, 5), dt.date(2026, 2, 20)])
    across = stats.activity(summaries, dt.date(2023, 3, 1), dt.date(2026, 2, 28), dt.date(2026, 3, 1))
    assert len(across) <= stats.MAX_BUCKETS and across[0].size == "year"
    # A start decades before the first entry: the bars begin at the first entry.
    early = stats.activity(summaries, dt.date(1950, 1, 1), None, dt.date(2026, 3, 1))
    assert [b.start.year for b in early] == [2023, 2024, 2025, 2026]
