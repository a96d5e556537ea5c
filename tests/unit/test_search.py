"""Search folding and query semantics."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reflectiejournaal.search import Query, fold, prepare, snippet


@given(st.text())
def test_folding_keeps_length_so_offsets_map_back(text):
    original = prepare(text)
    assert len(fold(original)) == len(original)


def test_folding_ignores_case_and_accents():
    assert fold("Één Cliënt ÇA İstanbul") == "een client ca istanbul"
    assert fold("regel\neen\ttwee") == "regel een twee"


def test_query_terms_and_phrases():
    q = Query.parse('Één "grenzen  stellen" cliënt')
    assert q.terms == ("een", "grenzen stellen", "client")
    assert q.matches(fold("de client wilde één ding: grenzen stellen"))
    assert not q.matches(fold("de client wilde één ding: stellen van grenzen"))


def test_unbalanced_quotes_do_not_crash():
    assert Query.parse('"grenzen stellen').terms == ("grenzen", "stellen")
    assert not Query.parse('  ""  ')


def test_snippet_marks_the_match_in_the_original_text():
    text = prepare("Vandaag sprak ik met de cliënt over haar moeder en over Één afspraak.")
    query = Query.parse("een")
    shown, start, end = snippet(text, query.first_match(fold(text)), width=10, before_match=10)
    assert shown[start:end] == "Één"
    assert shown == "…en over Één afspraak."
    shown, start, end = snippet(text, Query.parse("cliënt").first_match(fold(text)), width=12,
                                before_match=12)
    assert shown == "…ik met de cliënt over haar…"  # whole words only
    assert shown[start:end] == "cliënt"


def test_the_match_is_near_the_start_of_the_snippet_and_markdown_marks_are_left_out():
    text = prepare("## Situatie\n\nHet was een lange dag op de groep, en **toen** kwam "
                   "de moeder van J. binnen en vroeg naar `grenzen`.\n\n## Teruggekeken op\n\n"
                   "- 2026-02-01 reflectie: Tekst 2 (`0000000000000002`)\n")
    shown, start, end = snippet(text, Query.parse("moeder").first_match(fold(text)))
    assert shown[start:end] == "moeder" and start <= 24  # in view in a narrow column
    assert "**" not in shown and "`" not in shown and "##" not in shown
    assert "0000000000000002" not in shown


def test_a_phrase_across_a_long_run_of_blank_lines_is_answered_at_once():
    """The pattern between a phrase's words backtracked: 2,000 blank lines took 17 s."""
    from reflectiejournaal.search import Query, fold

    text = fold(("x" + "\n" * 2000) * 3)
    assert Query.parse('"x x y"').first_match(text) is None
    assert Query.parse('"x x"').first_match(text) == (0, 2002)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200),
       st.integers(0, 220), st.integers(0, 220))
def test_a_text_as_written_comes_back_from_its_folded_form(text, start, stop):
    """Snippets show the text as written from the folded text and the few characters where
    the two differ: every slice of it must be exactly what was written."""
    from reflectiejournaal.search import AsWritten

    written = prepare(text)
    kept = AsWritten.of(written, fold(written))
    assert str(kept) == written
    assert kept[start:stop] == written[start:stop]
    assert len(kept.chars) <= len(written)
