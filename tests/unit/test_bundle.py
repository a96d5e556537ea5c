"""Bundles from a fixture vault: selection, review, every format, and the vault untouched."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal.bundle import BundleInfo, Review, Selection, to_markdown
from reflectiejournaal.bundle_html import (
    format_bundle_code,
    new_bundle_key,
    open_sealed_html,
    render_html,
    seal_html,
)
from reflectiejournaal.model import Entry
from reflectiejournaal.pseudonym import Client, ClientList
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault import ITEMS_DIR

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 22)


def fill(journal) -> Trajectory:
    trajectory = journal.save_trajectory(Trajectory.plan("0000000000000a01", "supervisie",
                                                         "Supervisie bij Anna", dt.date(2026, 1, 7)))
    at = lambda day: dt.datetime(2026, 2, day, 20, tzinfo=TZ)  # noqa: E731
    journal.save(Entry("00000000000000c1", "case", "Casus over Jan", at(1), at(1),
                       "## Situatie\n\nJan (geboren 3-4-2012) belde 06-12345678.\n",
                       trajectory=trajectory.id, meeting=2))
    journal.save(Entry("00000000000000c2", "reflection", "Reflectie", at(3), at(3),
                       "## Wat deed het met mij\n\nJantje bleef in mijn hoofd.\n",
                       trajectory=trajectory.id, meeting=2))
    journal.save(Entry("00000000000000c3", "case", "Casus 4", at(20), at(20), "Niets bijzonders.\n",
                       trajectory=trajectory.id, meeting=4))
    journal.save(Entry("00000000000000c4", "note", "Los", at(21), at(21), "Een notitie.\n"))
    journal.save_clients(ClientList([Client("Jan", "Kees")]))
    return trajectory


def test_selection_by_trajectory_meetings_dates_and_ids(journal):
    trajectory = fill(journal)
    ids = lambda sel: [e.id for e in sel.entries(journal)]  # noqa: E731
    assert ids(Selection(trajectory=trajectory.id)) == ["00000000000000c1", "00000000000000c2", "00000000000000c3"]
    assert ids(Selection(trajectory=trajectory.id, meetings=(1, 3))) == ["00000000000000c1", "00000000000000c2"]
    assert ids(Selection(start=dt.date(2026, 2, 20), end=dt.date(2026, 2, 28))) == ["00000000000000c3", "00000000000000c4"]
    assert ids(Selection(entry_ids=["00000000000000c4"])) == ["00000000000000c4"]


def test_review_replaces_in_the_copy_and_never_in_the_vault(journal, vault):
    trajectory = fill(journal)
    before = {p.name: p.read_bytes() for p in (vault.path / ITEMS_DIR).iterdir()}
    entries = Selection(trajectory=trajectory.id, meetings=(2, 2)).entries(journal)
    review = Review.of(entries, journal.clients(), TODAY)
    kinds = [f.kind for e in entries for f in review.findings[e.id]]
    assert sorted(kinds) == ["birth_date", "name", "name", "name", "phone"]
    review.decide_all("name", replace=True)
    assert review.open == 2
    review.decide_all(None, replace=True)
    assert review.open == 0 and review.replaced == 5
    copy = review.apply(entries[0])
    assert copy.title == "Casus over Kees"
    assert copy.body == "## Situatie\n\nKees (geboren [geboortedatum]) belde [telefoon].\n"
    assert review.apply(entries[1]).body == (
        "## Wat deed het met mij\n\nKees bleef in mijn hoofd.\n")
    assert journal.get("00000000000000c1").body.startswith("## Situatie\n\nJan (geboren 3-4-2012)")
    assert {p.name: p.read_bytes() for p in (vault.path / ITEMS_DIR).iterdir()} == before


def test_every_format_from_the_fixture_vault(journal):
    trajectory = fill(journal)
    entries = Selection(trajectory=trajectory.id).entries(journal)
    review = Review.of(entries, journal.clients(), TODAY)
    review.decide_all(None, replace=True)
    info = BundleInfo("Sam de Wit", "Anna de Vries", "Voor bijeenkomst 5.", trajectory.title)
    markdown = to_markdown(entries, review, info)
    assert markdown.startswith("---\nbundle: Bundel\nsupervisant: Sam de Wit\n")
    assert "pseudonymisation_review:\n  done: true\n  findings: 5\n  replaced: 5\n  kept: 0" in markdown
    assert "## Inhoud" in markdown and "- [Bijeenkomst 2](#bijeenkomst-2)" in markdown
    assert "### Casusinbreng: Casus over Kees" in markdown
    assert "#### Situatie" in markdown  # the entry's own headings sit below the bundle's
    assert "Jan" not in markdown and "06-12345678" not in markdown
    page = render_html(markdown, "Bundel")
    assert "<h3>Casusinbreng: Casus over Kees</h3>" in page and "pseudonymisation_review" not in page
    assert "Content-Security-Policy" in page and "<script" not in page
    key = new_bundle_key()
    sealed = seal_html(page, key, "Bundel")
    assert "Kees" not in sealed and "Situatie" not in sealed
    assert open_sealed_html(sealed, format_bundle_code(key)) == page


def test_the_user_picks_pseudonym_initials_or_placeholder(journal):
    trajectory = fill(journal)
    entries = Selection(trajectory=trajectory.id, meetings=(2, 2)).entries(journal)
    review = Review.of(entries, journal.clients(), TODAY)
    first = review.findings[entries[0].id].index(
        next(f for f in review.findings[entries[0].id] if f.kind == "name"))
    assert review.replacement(entries[0].id, first) == "Kees"
    assert review.next_replacement(entries[0].id, first) == "J."
    assert review.next_replacement(entries[0].id, first) == "[naam]"
    assert review.next_replacement(entries[0].id, first) == "Kees"
    review.next_replacement(entries[0].id, first)
    assert review.apply(entries[0]).title == "Casus over J."
