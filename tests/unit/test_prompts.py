"""Prompt sets: every shipped set is valid; a malformed one is left out with file, line and field."""

from __future__ import annotations


import pytest

from reflectiejournaal.locale import describe_prompt_problem
from reflectiejournaal.prompts import (
    SHIPPED,
    PromptSet,
    answered,
    compose_body,
    load_file,
    load_library,
)

GOOD = """\
id = "mijn-set"
title = "Van mijn supervisor"
source = "Supervisor X, 2026"
kinds = ["case"]

[[prompts]]
id = "een"
title = "Eén"
question = "Vraag één?"

[[prompts]]
id = "twee"
title = "Twee"
question = "Vraag twee?"
optional = true
"""


def test_every_shipped_set_is_valid():
    library = load_library()
    assert library.problems == []
    assert len(library.sets) == len(list(SHIPPED.glob("*.toml"))) >= 13
    for prompt_set in library.sets.values():
        assert prompt_set.source and prompt_set.kinds and prompt_set.prompts


def test_the_required_sets_are_there():
    ids = set(load_library().sets)
    assert {"nip-vier-aspecten", "skj-reflectiedimensies", "casusinbreng", "reflectieverslag",
            "korthagen-alact", "starr", "gibbs", "incidentmethode", "gedragsexperiment",
            "leervragen", "klikbijeenkomst", "tussenevaluatie", "eindevaluatie"} <= ids
    alact = load_library().sets["korthagen-alact"]
    questions = " ".join(p.question for p in alact.prompts)
    for phrase in ("Wat wilde jij", "Wat dacht jij", "Wat voelde jij", "Wat deed jij",
                   "Wat wilde de ander", "Wat dacht de ander", "Wat voelde de ander",
                   "Wat deed de ander"):
        assert phrase in questions


def test_the_right_set_is_proposed():
    library = load_library()
    assert library.propose("case").id == "casusinbreng"
    assert library.propose("reflection").id == "reflectieverslag"
    assert library.propose("learning_goals").id == "leervragen"
    assert library.propose("evaluation", "klik").id == "klikbijeenkomst"
    assert library.propose("evaluation", "tussenevaluatie").id == "tussenevaluatie"
    assert library.propose("evaluation", "eindevaluatie").id == "eindevaluatie"
    assert library.propose("note") is None


def test_user_sets_are_added_and_may_replace_shipped_ones(tmp_path):
    (tmp_path / "mijn.toml").write_text(GOOD)
    (tmp_path / "casus.toml").write_text(GOOD.replace('"mijn-set"', '"casusinbreng"'))
    library = load_library(tmp_path)
    assert library.sets["mijn-set"].prompts[1].optional
    assert library.sets["casusinbreng"].title == "Van mijn supervisor"


@pytest.mark.parametrize(
    "change, line, field, problem",
    [
        (lambda t: t.replace('source = "Supervisor X, 2026"\n', ""), None, "source", "missing"),
        (lambda t: t.replace('question = "Vraag twee?"', "question = 2"), 14, "prompts[2].question", "not_text"),
        (lambda t: t.replace("optional = true", 'optional = "ja"'), 15, "prompts[2].optional", "not_bool"),
        (lambda t: t.replace('kinds = ["case"]', 'kinds = ["roman"]'), 4, "kinds", "unknown_names"),
        (lambda t: t.replace('id = "twee"', 'id = "een"'), 12, "prompts[2].id", "duplicate_id"),
        (lambda t: t.replace('title = "Twee"\n', ""), 11, "prompts[2].title", "missing"),
        (lambda t: t.replace('id = "mijn-set"', 'id = "Mijn Set"'), 1, "id", "bad_id"),
        (lambda t: t.split("[[prompts]]")[0], None, "prompts", "no_prompts"),
        (lambda t: t.replace('title = "Eén"', 'title = "Eén'), 8, None, "toml"),
    ],
)
def test_malformed_sets_name_file_line_and_field(tmp_path, change, line, field, problem):
    path = tmp_path / "kapot.toml"
    path.write_text(change(GOOD))
    result = load_file(path)
    assert (result.line, result.field, result.problem) == (line, field, problem)
    message = describe_prompt_problem(result)
    assert str(path) in message
    if line:
        assert f"regel {line}" in message
    if field:
        assert f"veld {field}" in message


def test_a_malformed_user_set_does_not_stop_the_others(tmp_path):
    (tmp_path / "goed.toml").write_text(GOOD)
    (tmp_path / "kapot.toml").write_text("id = [")
    library = load_library(tmp_path)
    assert "mijn-set" in library.sets and "casusinbreng" in library.sets
    assert [p.path.name for p in library.problems] == ["kapot.toml"]


def test_composed_body_has_a_heading_per_answered_prompt():
    prompt_set = load_file(SHIPPED / "reflectieverslag.toml")
    answers = {"gedaan": "We bespraken mijn casus.", "voornemen": "Ik vraag door.", "gedaan-met-mij": "  "}
    body = compose_body(prompt_set, answers)
    assert body == ("## Wat hebben we gedaan\n\nWe bespraken mijn casus.\n\n"
                    "## Wat ga ik ermee doen\n\nIk vraag door.\n")
    assert answered(prompt_set, answers) == ["gedaan", "voornemen"]


def test_every_shipped_set_exists_in_both_languages_with_the_same_ids():
    """Balance and themes count a prompt by its id: an entry written with the English set
    must count for the same aspect as one written with the Dutch."""
    from reflectiejournaal.prompts import LANGUAGES, SHIPPED_ROOT

    sets = {language: {p.name: load_file(p) for p in (SHIPPED_ROOT / language).glob("*.toml")}
            for language in LANGUAGES}
    assert set(sets["nl"]) == set(sets["en"]) and len(sets["en"]) >= 18
    for name, dutch in sets["nl"].items():
        english = sets["en"][name]
        assert isinstance(dutch, PromptSet) and isinstance(english, PromptSet), name
        shape = lambda s: (s.id, s.kinds, s.roles, s.default_for, s.intention,  # noqa: E731
                           [(p.id, p.optional) for p in s.prompts])
        assert shape(dutch) == shape(english), name
        assert dutch.description != english.description, f"{name} is not translated"
    for model in ("gibbs", "driscoll", "kolb", "johns", "proctor"):
        assert sets["en"][f"{model}.toml"].source  # each cites its source


def test_the_library_is_in_the_language_asked_and_knows_every_title():
    english, dutch = load_library(language="en"), load_library(language="nl")
    assert english.sets["reflectieverslag"].title == "Reflection report after the session"
    assert dutch.sets["reflectieverslag"].title == "Reflectieverslag na de bijeenkomst"
    voornemen = next(p for p in dutch.sets["reflectieverslag"].prompts if p.id == "voornemen")
    assert voornemen.titles == {"Wat ga ik ermee doen", "What I will do with it"}
    assert voornemen.answer_in({"What I will do with it": "Ask one more question."}) == (
        "Ask one more question.")


def test_an_answer_written_in_english_counts_in_the_dutch_balance():
    import datetime as dt

    from reflectiejournaal.index import EntrySummary
    from reflectiejournaal.prompts import compose_body
    from reflectiejournaal.review import balance

    english = load_library(language="en")
    body = compose_body(english.sets["nip-vier-aspecten"], {"beleving": "Unsure at first.",
                                                           "waarden": "Respect mattered."})
    moment = dt.datetime(2026, 3, 1, 20, tzinfo=dt.timezone.utc)
    summary = EntrySummary("00000000000000a1", "reflection", "Na 3", moment, moment, None, None,
                           "nip-vier-aspecten", (), 4)
    counted = balance.compute("nip", [(summary, body)], load_library(language="nl"))
    assert counted.counts == {"beleving": 1, "beroepsethiek": 0, "waarden": 1,
                              "emotioneel-proces": 0}


def test_a_hostile_prompt_set_file_is_a_problem_never_a_hang_or_a_crash(tmp_path):
    """Tables nested thousands deep, a FIFO named like a set, a huge file: each is said as a
    problem with the file, and the app starts."""
    import os

    deep = tmp_path / "diep.toml"
    deep.write_text("a = " + "[" * 3000 + "]" * 3000 + "\n")
    assert load_file(deep).problem == "toml"
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    assert load_file(fifo).problem == "unreadable"  # returns at once: no writer is waited for
    huge = tmp_path / "groot.toml"
    with huge.open("wb") as file:
        file.truncate(2 << 20)
    assert load_file(huge).problem == "unreadable"
    assert describe_prompt_problem(load_file(deep))
