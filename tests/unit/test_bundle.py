"""Bundles from a fixture vault: selection, the review over everything that goes in, entities
and their pseudonyms, every format, links as text, and the vault untouched."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.bundle.html import (
    format_bundle_code,
    new_bundle_key,
    open_sealed_html,
    render_html,
    seal_html,
)
from reflectiejournaal.bundle.markdown import title_of, to_markdown, without_links
from reflectiejournaal.bundle.review import BundleInfo, Review
from reflectiejournaal.bundle.selection import Selection
from reflectiejournaal.clients import Client, ClientList
from reflectiejournaal.model import Entry
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.files import ITEMS_DIR

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 22)


def at(day: int) -> dt.datetime:
    return dt.datetime(2026, 2, day, 20, tzinfo=TZ)


def fill(journal) -> Trajectory:
    trajectory = journal.save_trajectory(Trajectory.plan("0000000000000a01", "supervisie",
                                                         "Supervisie bij Anna", dt.date(2026, 1, 7)))
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


def review_of(journal, entries, info=None, language=None) -> Review:
    return Review.of(entries, info or BundleInfo(), Detector(journal.clients(), TODAY, language))


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
    review = review_of(journal, entries)
    assert sorted(f.kind for _, _, f in review.all()) == ["birth_date", "name", "name", "name", "phone"]
    assert [e.label for e in review.entities.values() if e.kind == "name"] == ["Jan"]
    review.decide_all("name", replace_it=True)
    assert review.open == 2
    review.decide_all(None, replace_it=True)
    assert review.open == 0 and review.replaced == 5
    copy = review.apply_entry(entries[0])
    assert copy.title == "Casus over Kees"
    assert copy.body == "## Situatie\n\nKees (geboren [geboortedatum]) belde [telefoon].\n"
    assert review.apply_entry(entries[1]).body == "## Wat deed het met mij\n\nKees bleef in mijn hoofd.\n"
    assert journal.get("00000000000000c1").body.startswith("## Situatie\n\nJan (geboren 3-4-2012)")
    assert {p.name: p.read_bytes() for p in (vault.path / ITEMS_DIR).iterdir()} == before


def test_every_form_of_a_client_is_one_entity_with_one_generated_pseudonym(journal):
    journal.save_clients(ClientList([Client("Noor Bakker", nicknames=("Noortje",)), Client("Daan")]))
    entry = Entry("00000000000000d1", "case", "Casus", at(1), at(1),
                  "Noor kwam. noortje lachte; NOORS moeder belde mevrouw Bakker. Daan ook.\n")
    review = review_of(journal, [entry])
    noor = next(e for e in review.entities.values() if e.label == "Noor Bakker")
    assert noor.forms == ["Noor", "noortje", "NOORS", "Bakker"] and noor.proposal == "Cliënt A"
    assert noor.options == ["Cliënt A", "N.B.", "[naam]"]  # initials only when picked
    assert review.entities["client:1"].proposal == "Cliënt B"
    review.decide_entity(noor.key, True)  # every form of this person at once
    assert review.apply_entry(entry).body == (
        "Cliënt A kwam. Cliënt A lachte; Cliënt A moeder belde mevrouw Cliënt A. Daan ook.\n")
    assert review.open == 1


def test_a_particle_never_mangles_a_sentence(journal):
    journal.save_clients(ClientList([Client("Pietje de Vries")]))
    entry = Entry("00000000000000d2", "case", "Casus", at(1), at(1),
                  "Ik sprak met de moeder van de jongen over Pietje.\n")
    review = review_of(journal, [entry])
    review.decide_all(None, True)
    assert review.apply_entry(entry).body == "Ik sprak met de moeder van de jongen over Cliënt A.\n"


def test_everything_that_goes_in_is_scanned(journal, language):
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    entry = Entry("00000000000000d3", "case", "Over noor", at(1), at(1), "Tekst.\n", tags=("noor", "grenzen"))
    info = BundleInfo("Sam de Wit", "Marieke de Boer", "Vooral over Noor en haar broer Daan.",
                      "Supervisie – casus Noor Bakker (Urk)")
    review = review_of(journal, [entry], info, language)
    where = {part for part, _, _ in review.all()}
    assert where == {"entry:00000000000000d3:title", "entry:00000000000000d3:tags",
                     "info:note", "info:trajectory_title", "info:supervisant", "info:supervisor"}
    # The supervisant's and the supervisor's own names are shown, proposed as kept.
    assert {review.decision(p, i) for p, i, _ in review.all() if p.startswith("info:super")} == {"kept"}
    review.decide_open(True)
    shown = review.apply_info(info)
    assert shown.trajectory_title == "Supervisie – casus Cliënt A ([plaats])"
    assert shown.note == "Vooral over Cliënt A en haar broer Persoon A."
    assert (shown.supervisant, shown.supervisor) == ("Sam de Wit", "Marieke de Boer")
    assert review.apply_entry(entry).tags == ("Cliënt-A", "grenzen")  # a tag stays one word
    assert review.apply_entry(entry).title == "Over Cliënt A"
    assert title_of(review, info) == "Bundel: Supervisie – casus Cliënt A ([plaats])"


def test_a_title_made_from_the_first_words_is_made_again_from_the_reviewed_text(journal):
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    body = "Gesprek met Noor Bakker over " + "heel veel dingen " * 6 + "\n"
    entry = journal.create("case", body)
    assert entry.title.endswith("…")  # cut at 80 characters
    review = review_of(journal, [entry])
    review.decide_all(None, True)
    assert review.apply_entry(entry).title.startswith("Gesprek met Cliënt A over heel")


def test_people_found_by_deduce_are_grouped_across_the_bundle(journal, language):
    journal.save_clients(ClientList())
    first = Entry("00000000000000d5", "case", "Casus", at(1), at(1), "Sanne de Vries belde.\n")
    second = Entry("00000000000000d6", "reflection", "Reflectie", at(2), at(2),
                   "Ik dacht aan Sanne en aan Sannes vader, Joost.\n")
    review = review_of(journal, [first, second], language=language)
    people = [(e.label, e.forms, e.proposal) for e in review.entities.values()]
    assert people == [("Sanne de Vries", ["Sanne de Vries", "Sanne", "Sannes"], "Persoon A"),
                      ("Joost", ["Joost"], "Persoon B")]


def test_every_format_from_the_fixture_vault(journal):
    trajectory = fill(journal)
    entries = Selection(trajectory=trajectory.id).entries(journal)
    info = BundleInfo("Sam de Wit", "Anna de Vries", "Voor bijeenkomst 5.", trajectory.title)
    review = review_of(journal, entries, info)
    review.decide_all(None, replace_it=True)
    markdown = to_markdown(entries, review, info)
    assert markdown.startswith("---\nbundle: Bundel\nsupervisant: Sam de Wit\n")
    assert "pseudonymisation_review:\n  done: true\n  findings: 5\n  replaced: 5\n  kept: 0" in markdown
    assert "## Inhoud" in markdown and "- Bijeenkomst 2\n" in markdown
    assert "### Casusinbreng: Casus over Kees" in markdown
    assert "#### Situatie" in markdown  # the entry's own headings sit below the bundle's
    assert "Jan" not in markdown and "06-12345678" not in markdown
    page = render_html(markdown, "Bundel")
    assert "<h3>Casusinbreng: Casus over Kees</h3>" in page and "pseudonymisation_review" not in page
    assert "Content-Security-Policy" in page and "<script" not in page
    key = new_bundle_key()
    sealed = seal_html(page, key)
    assert "Kees" not in sealed and "Situatie" not in sealed and "Anna" not in sealed
    assert "<title>Bundel voor supervisie</title>" in sealed
    assert open_sealed_html(sealed, format_bundle_code(key)) == page


def test_links_are_text_in_every_format():
    text = ("Zie [de site](https://example.com/a \"titel\"), <https://example.com/b>, "
            "www.example.com/c en ![foto](http://example.com/d.png).\n\n[ref]: https://example.com/e\n"
            "`[code](https://x)` blijft code.\n```\n[fence](https://y)\n```\n")
    plain = without_links(text)
    assert plain == ("Zie de site (`https://example.com/a`), `https://example.com/b`, "
                     "`www.example.com/c` en [afbeelding: foto].\n\nref: `https://example.com/e`\n"
                     "`[code](https://x)` blijft code.\n```\n[fence](https://y)\n```\n")
    page = render_html(plain + "\n[slipped](https://example.com/f)\n", "Bundel")
    assert "<a " not in page and "href" not in page
    assert '<span class="link">slipped</span> (<code>https://example.com/f</code>)' in page


HOSTILE_MARKDOWN = """> [r2]: //evil.example/track.png
[hier][r2] ![x][r2]
![a [b]](//evil.example/nested.png)
<img src="//evil.example/raw.png"> <a href="https&#58;//evil">x</a> <svg><image href=//e/x.svg></svg>
<div style="background:url(//evil/x)">y</div>
~~~
code
```
~~~
[klik](/ergens) ![b](/p.png) mail jan@example.nl, zie evil.example/x en example.com.
- [r3]: https://evil.example/r3
[r3] <https://evil.example/auto> HTTPS://EVIL.EXAMPLE/CAPS
"""


def test_no_viewer_finds_a_link_image_or_tag_in_the_markdown_format():
    """Rendered by a permissive viewer (raw HTML on, bare addresses linked), nothing is live."""
    from markdown_it import MarkdownIt

    def tokens(items):
        for token in items:
            yield token
            yield from tokens(token.children or [])

    parsed = MarkdownIt("gfm-like", {"html": True}).parse(without_links(HOSTILE_MARKDOWN))
    live = [t.type for t in tokens(parsed) if t.type in ("link_open", "image", "html_inline", "html_block")]
    assert live == []
    assert "[afbeelding: b]" in without_links(HOSTILE_MARKDOWN)


def test_the_user_picks_pseudonym_initials_or_placeholder(journal):
    trajectory = fill(journal)
    entries = Selection(trajectory=trajectory.id, meetings=(2, 2)).entries(journal)
    review = review_of(journal, entries)
    assert review.replacement("client:0") == "Kees"
    assert review.next_replacement("client:0") == "J."
    assert review.next_replacement("client:0") == "[naam]"
    assert review.next_replacement("client:0") == "Kees"
    review.next_replacement("client:0")
    assert review.apply_entry(entries[0]).title == "Casus over J."
    assert review.apply_entry(entries[1]).body.endswith("J. bleef in mijn hoofd.\n")


def test_a_name_deduce_found_once_is_found_everywhere(journal, language):
    journal.save_clients(ClientList())
    first = Entry("00000000000000e1", "case", "Casus", at(1), at(1), "Dhr. Kowalski belde. Kowalski was boos.\n")
    second = Entry("00000000000000e2", "reflection", "Over Kowalski", at(2), at(2),
                   "Volgens Kowalski ging het goed.\n")
    review = review_of(journal, [first, second], language=language)
    review.decide_open(True)
    assert review.apply_entry(first).body == "Persoon A belde. Persoon A was boos.\n"
    assert review.apply_entry(second).title == "Over Persoon A"
    assert review.apply_entry(second).body == "Volgens Persoon A ging het goed.\n"


def test_the_supervisors_name_is_shown_as_kept_and_never_hides_someone_else(journal, language):
    journal.save_clients(ClientList())
    entry = Entry("00000000000000e3", "case", "Casus", at(1), at(1),
                  "Marieke Jansen vond het goed. De vader, meneer Jansen, belde. Ook Marieke, de zus.\n")
    info = BundleInfo("Sam de Wit", "Marieke Jansen")
    review = review_of(journal, [entry], info, language)
    states = {f.text: review.decision(p, i) for p, i, f in review.all() if p.endswith(":body")}
    assert states["Marieke Jansen"] == "kept"
    assert states["meneer Jansen"] == "open" and states["Marieke"] == "open"
    review.decide_open(True)
    assert review.apply_entry(entry).body == (  # others of that name: no letter, but hidden
        "Marieke Jansen vond het goed. De vader, [naam], belde. Ook [naam], de zus.\n")
    assert review.apply_info(info).supervisor == "Marieke Jansen"


def test_generated_labels_never_collide_with_what_the_user_wrote(journal):
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    entry = Entry("00000000000000e4", "case", "Casus", at(1), at(1),
                  "Cliënt A, de moeder, belde. Later kwam Noor.\n")
    review = review_of(journal, [entry])
    assert review.entities["client:0"].proposal == "Cliënt B"


def test_replacing_what_is_open_keeps_what_was_decided(journal):
    trajectory = fill(journal)
    entries = Selection(trajectory=trajectory.id, meetings=(2, 2)).entries(journal)
    review = review_of(journal, entries)
    phone = next((p, i) for p, i, f in review.all() if f.kind == "phone")
    review.decide(*phone, False)
    review.decide_open(True)
    assert review.decision(*phone) == "kept" and review.open == 0
    assert "06-12345678" in review.apply_entry(entries[0]).body


def test_a_name_in_a_hashtag_or_a_tag_is_replaced_as_one_word(journal, language):
    entry = Entry(id="00000000000000d1", kind="reflection", title="Notitie",
                  created=at(3), updated=at(3),
                  body="Gesprek over #elamrani en #gezin-kovalenko vandaag.\n",
                  tags=("elamrani", "ouders"))
    review = review_of(journal, [entry], language=language)
    review.decide_all(None, replace_it=True)
    copy = review.apply_entry(entry)
    assert "#Persoon-A" in copy.body and "#gezin-Persoon-B" in copy.body
    assert copy.tags == ("Persoon-A", "ouders")


def test_a_name_in_a_links_text_is_replaced_in_plain_text(journal, language):
    entry = Entry(id="00000000000000d2", kind="reflection", title="Notitie",
                  created=at(3), updated=at(3),
                  body="**Rose** is at [St Peter's](https://stpeters.wigan.sch.uk) now.\n")
    review = review_of(journal, [entry], language=language)
    review.decide_all(None, replace_it=True)
    body = review.apply_entry(entry).body
    assert "St Peter" not in body and "stpeters" not in body
    assert "](" not in body and "[[" not in body  # no link syntax left to break
    assert body.endswith("is at [instelling] (`[link]`) now.\n")
