"""Trajectories: schedules and roles, what is due at fixed clocks, hours, and intentions."""

from __future__ import annotations

import datetime as dt

import pytest

from reflectiejournaal.drafts import Draft
from reflectiejournaal.supervision.due import due_items, meeting_to_write_for, proposed_set
from reflectiejournaal.errors import InvalidEntry
from reflectiejournaal.supervision.hours import hours_rows, to_csv, to_markdown, totals
from reflectiejournaal.index import EntrySummary
from reflectiejournaal.supervision.intentions import REVIEW_HEADINGS, collect_intentions, open_intention, review_section
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.prompts import compose_body, load_library
from reflectiejournaal.trajectory import Trajectory, default_roles

START = dt.date(2026, 1, 7)  # a Wednesday
TZ = dt.timezone(dt.timedelta(hours=1))


def supervision(count: int = 10) -> Trajectory:
    return Trajectory.plan("0000000000000a01", "supervisie", "Supervisie bij Anna", START,
                           supervisor="Anna de Vries", meetings=count)


# -- schedules and roles -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "count, tussen",
    [(10, 6), (11, 6), (12, 7)],
)
def test_supervision_roles_follow_the_usual_structure(count, tussen):
    roles = default_roles("supervisie", count)
    assert len(roles) == count
    assert roles[0] == "kennismaking" and roles[2] == "klik"
    assert roles[tussen - 1] == "tussenevaluatie" and roles[-1] == "eindevaluatie"
    assert roles.count("regulier") == count - 4


def test_intervision_starts_and_ends_and_is_otherwise_regular():
    assert default_roles("intervisie", 5) == ["kennismaking", "regulier", "regulier", "regulier",
                                              "eindevaluatie"]
    assert default_roles("intervisie", 3) == ["kennismaking", "regulier", "eindevaluatie"]


def test_schedule_is_proposed_from_start_and_interval():
    t = supervision(12)
    assert [m.number for m in t.meetings] == list(range(1, 13))
    assert t.meetings[0].date == START and t.meetings[1].date == START + dt.timedelta(weeks=3)
    assert t.meetings[-1].date == START + dt.timedelta(weeks=33)
    assert {m.duration_minutes for m in t.meetings} == {90}
    intervision = Trajectory.plan("0000000000000b01", "intervisie", "Intervisiegroep", START)
    assert len(intervision.meetings) == 5 and intervision.meetings[1].date == START + dt.timedelta(weeks=6)
    assert intervision.meetings[0].duration_minutes == 120


def test_meetings_can_be_moved_re_roled_and_marked():
    t = supervision()
    t.update_meeting(2, date=dt.date(2026, 2, 2), time="19:30", status="attended")
    t.update_meeting(5, role="tussenevaluatie")
    assert (t.meeting(2).date, t.meeting(2).time, t.meeting(2).status) == (dt.date(2026, 2, 2), "19:30", "attended")
    with pytest.raises(InvalidEntry):
        t.update_meeting(3, role="feest")
    with pytest.raises(InvalidEntry):
        t.update_meeting(99, status="attended")
    assert t.add_meeting(dt.date(2026, 9, 1)).number == 11


def test_trajectory_round_trips_as_bytes():
    t = supervision()
    t.update_meeting(4, status="cancelled")
    assert Trajectory.from_bytes(t.to_bytes()) == t


# -- what is due ---------------------------------------------------------------------------------
def summary(kind: str, meeting: int, trajectory: str = "0000000000000a01") -> EntrySummary:
    moment = dt.datetime(2026, 1, 1, tzinfo=TZ)
    return EntrySummary(f"{meeting:014d}{len(kind):02d}", kind, "", moment, moment, trajectory,
                        meeting, None, (), 10)


def test_before_the_first_meeting_the_leervragen_are_due():
    [item] = due_items(supervision(), [], [], START - dt.timedelta(days=3))
    assert (item.kind, item.prompt_set, item.meeting, item.before, item.days_left) == (
        "learning_goals", "leervragen", 1, True, 3)


def test_on_the_meeting_day_the_meeting_is_still_ahead():
    second = START + dt.timedelta(weeks=3)
    items = due_items(supervision(), [summary("learning_goals", 1)], [], second)
    assert [(i.kind, i.meeting, i.before, i.days_left) for i in items] == [
        ("reflection", 1, False, 21), ("case", 2, True, 0)]


def test_after_a_meeting_its_reflection_then_the_next_casus():
    day_after = START + dt.timedelta(weeks=3, days=1)
    items = due_items(supervision(), [summary("reflection", 1)], [], day_after)
    assert [(i.kind, i.meeting, i.before, i.prompt_set) for i in items] == [
        ("reflection", 2, False, "reflectieverslag"), ("case", 3, True, "casusinbreng"),
        ("evaluation", 3, True, "klikbijeenkomst")]


def test_written_and_started_items():
    day_after = START + dt.timedelta(weeks=3, days=1)
    draft = Draft("d" * 16, "case", "casusinbreng", trajectory="0000000000000a01", meeting=3)
    items = due_items(supervision(), [summary("reflection", 2)], [draft], day_after)
    assert [(i.kind, i.draft_id) for i in items] == [("case", "d" * 16), ("evaluation", None)]


def test_cancelled_meetings_are_skipped():
    t = supervision()
    t.update_meeting(2, status="cancelled")
    day_after = START + dt.timedelta(weeks=3, days=1)
    items = due_items(t, [summary("reflection", 1)], [], day_after)
    # Meeting 2 did not happen: no reflection on it; meeting 1's reflection is written.
    assert [(i.kind, i.meeting) for i in items] == [("case", 3), ("evaluation", 3)]


def test_intervision_uses_its_own_sets_and_closed_trajectories_ask_nothing():
    t = Trajectory.plan("0000000000000b01", "intervisie", "Groep", START)
    day_after = START + dt.timedelta(weeks=6, days=1)
    items = due_items(t, [summary("learning_goals", 1, t.id)], [], day_after)
    assert {(i.kind, i.prompt_set) for i in items} == {("reflection", "gedragsexperiment"),
                                                      ("case", "incidentmethode")}
    t.status = "closed"
    assert due_items(t, [], [], day_after) == []


def test_a_casus_is_for_the_next_meeting_and_a_reflection_on_the_last_held():
    t = supervision()
    day_after_second = START + dt.timedelta(weeks=3, days=1)
    assert meeting_to_write_for(t, "case", day_after_second).number == 3
    assert meeting_to_write_for(t, "reflection", day_after_second).number == 2
    assert meeting_to_write_for(t, "reflection", START - dt.timedelta(days=1)) is None
    assert meeting_to_write_for(t, "note", day_after_second) is None
    t.status = "closed"
    assert meeting_to_write_for(t, "case", day_after_second) is None


def test_the_proposed_set_follows_the_form_the_kind_and_the_meeting_role():
    t, group = supervision(), Trajectory.plan("0000000000000b01", "intervisie", "Groep", START)
    assert proposed_set(t, "case", t.meeting(3)) == "casusinbreng"
    assert proposed_set(t, "evaluation", t.meeting(3)) == "klikbijeenkomst"
    assert proposed_set(t, "evaluation", t.meeting(2)) == "tussenevaluatie"
    assert proposed_set(t, "reflection", t.meeting(3)) == "reflectieverslag"
    assert proposed_set(t, "learning_goals", t.meeting(5)) == "leervragen"
    assert proposed_set(t, "note", t.meeting(5)) is None
    assert proposed_set(group, "reflection", group.meeting(2)) == "gedragsexperiment"


# -- hours -----------------------------------------------------------------------------------------
def test_hours_count_held_meetings_only_and_split_at_year_boundaries():
    t = Trajectory.plan("0000000000000a01", "supervisie", "S", dt.date(2025, 11, 12),
                        supervisor="Anna", meetings=4, interval_weeks=4)  # 12-11, 10-12, 7-1, 4-2
    t.update_meeting(2, status="cancelled")
    today = dt.date(2026, 1, 20)
    rows = hours_rows([t], today)
    assert [r.meeting for r in rows] == [1, 3]  # cancelled and future meetings do not count
    assert totals(rows, "year") == {"2025": 90, "2026": 90}
    assert totals(hours_rows([t], today, start=dt.date(2026, 1, 1)), "form") == {"supervisie": 90}
    assert hours_rows([t], today, end=dt.date(2025, 12, 31))[0].date == dt.date(2025, 11, 12)


def test_hours_export_as_csv_and_markdown():
    t = supervision(3)
    t.update_meeting(1, status="attended")
    rows = hours_rows([t], START + dt.timedelta(weeks=4))
    csv = to_csv(rows)
    assert csv.splitlines()[0] == "datum;vorm;traject;begeleider;bijeenkomst;minuten;uren"
    assert csv.splitlines()[1] == "2026-01-07;supervisie;Supervisie bij Anna;Anna de Vries;1;90;1,50"
    markdown = to_markdown(rows, "Uren")
    assert "| 07-01-2026 | supervisie | Supervisie bij Anna | Anna de Vries | 1 | 1:30 |" in markdown
    assert "| **totaal** | **3:00** |" in markdown


# -- intentions -------------------------------------------------------------------------------------
def entry(entry_id: str, day: int, prompt_set: str, body: str, meeting: int) -> Entry:
    moment = dt.datetime(2026, 2, day, 20, tzinfo=TZ)
    return Entry(entry_id, "reflection", "", moment, moment, body, trajectory="0000000000000a01",
                 meeting=meeting, prompt_set=prompt_set)


def test_an_intention_is_carried_to_the_next_entry_and_reviewed_there():
    library = load_library()
    reflectie = library.sets["reflectieverslag"]
    first = entry("0000000000000e01", 1, "reflectieverslag",
                  compose_body(reflectie, {"gedaan": "Casus besproken.",
                                           "voornemen": "Ik vraag door voor ik advies geef."}), 2)
    intentions = collect_intentions([first], library)
    assert [(i.text, i.reviewed) for i in intentions] == [("Ik vraag door voor ik advies geef.", False)]
    assert open_intention(intentions, "0000000000000a01").source_entry == first.id
    review = review_section("Ik vraag door voor ik advies geef.", "Twee keer gelukt.")
    assert review.startswith(f"## {REVIEW_HEADINGS['nl']}\n\n> Ik vraag door")
    second = entry("0000000000000e02", 15, "casusinbreng", review + "\n## Situatie en context\n\nX\n", 3)
    [intention] = collect_intentions([second, first], library)
    assert (intention.review_entry, intention.review_text) == (second.id, "Twee keer gelukt.")
    assert open_intention([intention], "0000000000000a01") is None


def test_trajectories_are_encrypted_vault_items(journal, vault, cache_path):
    t = journal.save_trajectory(supervision())
    again = Journal(vault, cache_path)
    assert again.trajectories() == [t]
    assert again.get_trajectory(t.id[:6]) == t
    assert again.summaries() == [] and again.drafts() == []
