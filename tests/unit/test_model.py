"""Entries as Markdown with YAML front matter: what is stored is what is exported."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflectiejournaal.errors import InvalidEntry
from reflectiejournaal.controls import without_controls
from reflectiejournaal.model import (
    KINDS,
    Entry,
    entry_from_markdown,
    split_front_matter,
    title_from_body,
)

MOMENT = dt.datetime(2026, 11, 22, 20, 15, tzinfo=dt.timezone(dt.timedelta(hours=1)))

times = st.datetimes(
    min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1),
    timezones=st.sampled_from([dt.timezone.utc, dt.timezone(dt.timedelta(hours=2))]),
).map(lambda t: t.replace(microsecond=0))

entries = st.builds(
    Entry,
    id=st.from_regex(r"[0-9a-f]{16}", fullmatch=True),
    kind=st.sampled_from(KINDS),
    title=st.text(),
    created=times,
    updated=times,
    body=st.text(),
    trajectory=st.none() | st.from_regex(r"[0-9a-f]{16}", fullmatch=True),
    meeting=st.none() | st.integers(min_value=1, max_value=40),
    prompt_set=st.none() | st.text(min_size=1),
    tags=st.lists(st.text()).map(tuple),
)


@settings(max_examples=300)
@given(entries)
def test_any_entry_survives_markdown_round_trip(entry):
    text = entry.to_markdown()
    again = entry_from_markdown(text)
    assert again == entry
    assert again.body == entry.body  # byte for byte, whatever Unicode the body holds
    assert again.to_markdown() == text


@given(st.text())
def test_body_is_never_touched_but_for_control_characters(body):
    """Every word is kept as written; only characters that drive a terminal go (issue 24)."""
    entry = Entry("0123456789abcdef", "note", "t", MOMENT, MOMENT, body=body)
    assert entry.body == without_controls(body)
    assert entry_from_markdown(entry.to_markdown()).body == entry.body


def test_an_escape_sequence_in_a_body_from_outside_is_not_kept():
    """An imported body with OSC 52 wrote the user's clipboard when the app showed it."""
    hostile = "alleen tekst \x1b]52;c;SGVsbG8=\x07 verder\r\nregel \u202etwee\tklaar"
    entry = Entry("0123456789abcdef", "note", "t", MOMENT, MOMENT, body=hostile)
    assert entry.body == "alleen tekst ]52;c;SGVsbG8= verder\r\nregel twee\tklaar"


def test_a_front_matter_field_must_be_one_value():
    """A YAML alias bomb in a title (a list of lists of lists) took a gigabyte to print."""
    bomb = "\n".join(["---", "id: 0123456789abcdef", "kind: note", "created: 2026-12-02 10:00:00+01:00",
                      "a: &a [x, x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a]",
                      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]", "title: *c", "---", "tekst", ""])
    with pytest.raises(InvalidEntry) as caught:
        entry_from_markdown(bomb)
    assert caught.value.details["reason"] == "not_one_value"


def test_front_matter_has_every_field_in_a_fixed_order():
    entry = Entry("0123456789abcdef", "case", "Grenzen", MOMENT, MOMENT, "# Casus\n",
                  tags=("grenzen", "team"))
    head = entry.to_markdown().split("---\n")[1]
    assert [line.split(":")[0] for line in head.splitlines() if not line.startswith("-")] == [
        "id", "kind", "title", "created", "updated", "trajectory", "meeting", "prompt_set", "tags",
    ]
    assert "&id" not in head and "*id" not in head  # no YAML anchors for equal times


def test_titles_and_tags_are_single_clean_lines():
    entry = Entry("0123456789abcdef", "note", "een\ntitel\n---\n", MOMENT, MOMENT,
                  tags=("#team", " team ", "", "grenzen\nstellen"))
    assert entry.title == "een titel ---"
    assert entry.tags == ("team", "grenzen stellen")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("geen kopgegevens", "no_front_matter"),
        ("---\nid: [unclosed\n---\nbody", "yaml"),
        ("---\n- a list\n---\nbody", "yaml"),
        ("---\nkind: note\ncreated: 2026-01-01\n---\n", "missing"),
        ("---\nid: x\nkind: roman\ncreated: 2026-01-01\n---\n", "kind"),
        ("---\nid: x\nkind: note\ncreated: gisteren\n---\n", "time"),
        ("---\nid: x\nkind: note\ncreated: 2026-01-01\nmeeting: -1\n---\n", "meeting"),
    ],
)
def test_invalid_front_matter_names_the_problem(text, reason):
    with pytest.raises(InvalidEntry) as caught:
        entry_from_markdown(text)
    assert caught.value.details["reason"] == reason


def test_yaml_error_reports_the_line_in_the_file():
    with pytest.raises(InvalidEntry) as caught:
        entry_from_markdown("---\nid: a\nkind: note\ntitle: [oops\n---\n")
    assert caught.value.details["line"] is not None and caught.value.details["line"] >= 4


def test_hand_written_front_matter_is_accepted():
    text = "---\r\nid: abc\r\nkind: casusinbreng\r\ncreated: 2024-03-01\r\ntags: grenzen, team\r\n---\r\nTekst"
    entry = entry_from_markdown(text)
    assert entry.kind == "case"
    assert entry.created.date() == dt.date(2024, 3, 1) and entry.created.tzinfo is not None
    assert entry.updated == entry.created
    assert entry.tags == ("grenzen", "team")
    assert entry.body == "Tekst"


def test_split_without_front_matter_keeps_the_text():
    assert split_front_matter("# Titel\n\ntekst") == (None, "# Titel\n\ntekst")


@pytest.mark.parametrize(
    "body, title",
    [
        ("# Casus over grenzen\n\nTekst", "Casus over grenzen"),
        ("\n\nEerste regel\nTweede", "Eerste regel"),
        ("Intro\n## Kopje ##\n", "Kopje"),
        ("x" * 100, "x" * 79 + "…"),
        ("", ""),
    ],
)
def test_title_from_body(body, title):
    assert title_from_body(body) == title


def test_edited_keeps_id_and_created():
    entry = Entry("0123456789abcdef", "note", "t", MOMENT, MOMENT, "oud")
    edited = entry.edited(body="nieuw")
    assert (edited.id, edited.created, edited.body) == (entry.id, entry.created, "nieuw")
    assert edited.updated >= entry.updated


@given(st.lists(st.text()))
def test_cleaning_tags_twice_changes_nothing(tags):
    """A tag read back from an entry is the tag that was saved: "#\\r0" once gave " 0"."""
    from reflectiejournaal.model import clean_tags

    once = clean_tags(tags)
    assert clean_tags(list(once)) == once
    assert clean_tags(["#\r0"]) == ("0",) and clean_tags(["# #grenzen"]) == ("grenzen",)


def test_titles_tags_and_trajectory_names_hold_no_control_characters():
    """An escape sequence in a title restyled the terminal it was shown on (the review
    screen's themes, the trajectory lists, the writer's header)."""
    import datetime as dt

    from reflectiejournaal.model import Entry, clean_tags, clean_title
    from reflectiejournaal.trajectory import Trajectory

    assert clean_title("\x1b[31mROOD\x1b[0m\tnaam\x00\x9b") == "[31mROOD[0m naam"
    assert clean_tags(["\x1b[7minv"]) == ("[7minv",)
    moment = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    entry = Entry("00000000000000aa", "note", "a\x1b[2Jb", moment, moment, "", tags=("x\x07",))
    assert (entry.title, entry.tags) == ("a[2Jb", ("x",))
    trajectory = Trajectory.plan("0000000000000a01", "supervisie", "S\x1b[1m", dt.date(2026, 1, 7),
                                 supervisor="Anna\x1b]0;x\x07")
    assert (trajectory.title, trajectory.supervisor) == ("S[1m", "Anna]0;x")


def test_a_client_name_or_pseudonym_from_outside_holds_no_escape():
    """An imported client list set the terminal's title when the app showed it."""
    from reflectiejournaal.clients import Client

    client = Client("Noor\x1b]2;PWN\x07 Bakker", "\x1b]2;PSEUDO\x07Cliënt N", ("\u202eroon",))
    assert (client.name, client.pseudonym, client.nicknames) == (
        "Noor]2;PWN Bakker", "]2;PSEUDOCliënt N", ("roon",))
