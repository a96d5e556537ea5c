"""Searching years of entries: accents, case, phrases, filters, no matches, first lines."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal.index import Filters, first_text_line
from reflectiejournaal.model import Entry

TZ = dt.timezone(dt.timedelta(hours=1))


def fill(journal) -> None:
    def add(n: int, kind: str, year: int, body: str, **extra) -> None:
        moment = dt.datetime(year, 3, n, 20, tzinfo=TZ)
        journal.save(Entry(f"{n:016x}", kind, f"Tekst {n}", moment, moment, body, **extra))

    add(1, "case", 2021, "## Situatie\n\nGrenzen stellen bij één moeder.", tags=("grenzen",),
        trajectory="000000000000000a", meeting=2, prompt_set="casusinbreng")
    add(2, "reflection", 2022, "Ik leerde grenzen te stellen zonder boos te worden.",
        tags=("grenzen", "boosheid"), trajectory="000000000000000a", prompt_set="reflectieverslag")
    add(3, "reflection", 2024, "Over het team en stellen van grenzen.", tags=("team",),
        trajectory="000000000000000b", prompt_set="nip-vier-aspecten")
    add(4, "note", 2025, "Een EEN-op-één gesprek.")


def ids(hits) -> list[int]:
    return [int(h.summary.id, 16) for h in hits]


def test_accents_case_and_phrases(journal):
    fill(journal)
    assert ids(journal.search("een")) == [4, 1]  # één, EEN, een: all the same
    assert ids(journal.search('"grenzen stellen"')) == [1]
    assert ids(journal.search("grenzen stellen")) == [3, 2, 1]  # both words, any order
    assert journal.search("nergens") == []


def test_filters_alone_and_combined(journal):
    fill(journal)
    assert ids(journal.search("grenzen", Filters(kind="reflection"))) == [3, 2]
    assert ids(journal.search("grenzen", Filters(trajectory="000000000000000a"))) == [2, 1]
    assert ids(journal.search("", Filters(tag="#Grenzen"))) == [2, 1]
    assert ids(journal.search("grenzen", Filters(start=dt.date(2022, 1, 1), end=dt.date(2024, 12, 31)))) == [3, 2]
    assert ids(journal.search("grenzen", Filters(prompt_set="nip-vier-aspecten"))) == [3]
    assert journal.search("grenzen", Filters(kind="note")) == []
    hit = journal.search("", Filters(kind="note"))[0]
    assert hit.snippet == "Een EEN-op-één gesprek." and hit.span == (0, 0)


def test_highlight_span_points_at_the_match_in_the_original_text(journal):
    fill(journal)
    [hit] = journal.search("ÉÉN moeder")
    assert hit.snippet[hit.span[0]:hit.span[1]] in ("één", "moeder")


def test_first_line_skips_headings_rules_and_quotes():
    assert first_text_line("## Situatie\n\n---\n> Een citaat\nDaarna") == "Een citaat"
    assert first_text_line("") == ""
    assert first_text_line("x" * 200).endswith("…")
