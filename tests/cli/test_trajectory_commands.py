"""Trajectories, due items, intentions and hours through the installed command."""

from __future__ import annotations

import datetime as dt
import json

from reflectiejournaal.prompts import compose_body, load_library


def new_trajectory(cli, *extra: str) -> str:
    return cli.ok("traject", "new", "--form", "supervisie", "--title", "Supervisie bij Anna",
                  "--supervisor", "Anna de Vries", "--start", "7-1-2026", "--time", "19:30",
                  *extra).strip()


def test_create_list_show_and_edit_a_trajectory(cli):
    trajectory = new_trajectory(cli, "--meetings", "12")
    [listed] = json.loads(cli.ok("traject", "list", "--json"))
    assert (listed["id"], listed["form"], listed["supervisor"], listed["start"]) == (
        trajectory, "supervisie", "Anna de Vries", "2026-01-07")
    roles = [m["role"] for m in listed["meetings"]]
    assert len(roles) == 12 and roles[0] == "kennismaking" and roles[2] == "klik"
    assert roles[6] == "tussenevaluatie" and roles[-1] == "eindevaluatie"
    assert listed["meetings"][1]["date"] == "2026-01-28" and listed["meetings"][0]["time"] == "19:30"
    shown = cli.ok("traject", "show", trajectory[:5])
    assert "Supervisie bij Anna" in shown and "kennismaking" in shown

    cli.ok("traject", "edit", trajectory, "--title", "Supervisie (Anna)", "--status", "closed")
    assert json.loads(cli.ok("traject", "list", "--json")) == []  # closed ones only with --all
    [closed] = json.loads(cli.ok("traject", "list", "--all", "--json"))
    assert (closed["title"], closed["status"]) == ("Supervisie (Anna)", "closed")


def test_meetings_are_moved_and_marked_and_bad_input_is_explained(cli):
    trajectory = new_trajectory(cli)
    cli.ok("traject", "meeting", trajectory, "2", "--date", "2026-02-02", "--status", "attended",
           "--role", "klik", "--duration", "120")
    meeting = json.loads(cli.ok("traject", "show", trajectory, "--json"))["meetings"][1]
    assert (meeting["date"], meeting["status"], meeting["role"], meeting["duration_minutes"]) == (
        "2026-02-02", "attended", "klik", 120)
    missing = cli("traject", "meeting", trajectory, "42", "--status", "attended")
    assert missing.code == 2 and "bestaat niet" in missing.err
    bad_date = cli("traject", "meeting", trajectory, "3", "--date", "32-13-2026")
    assert bad_date.code == 2 and "geen geldige datum" in bad_date.err
    unknown = cli("traject", "show", "ffffffffffffffff")
    assert unknown.code == 4
    assert cli.ok("traject", "add-meeting", trajectory, "2026-09-02").strip() == "11"
    extra = json.loads(cli.ok("traject", "show", trajectory, "--json"))["meetings"][-1]
    assert (extra["number"], extra["date"], extra["role"], extra["time"]) == (11, "2026-09-02", "regulier", "19:30")


def test_due_follows_the_rhythm(cli):
    trajectory = new_trajectory(cli)
    before = json.loads(cli.ok("due", "--today", "2026-01-05", "--json"))
    assert [(d["kind"], d["prompt_set"], d["meeting"], d["days"]) for d in before] == [
        ("learning_goals", "leervragen", 1, 2)]
    cli.ok("new", "--kind", "leervragen", "--trajectory", trajectory, "--meeting", "1", stdin="Grenzen.")
    assert "leervragen" in cli.ok("traject", "show", trajectory).splitlines()[1]  # what was written
    after = json.loads(cli.ok("due", "--today", "2026-01-08", "--json"))
    assert [(d["kind"], d["meeting"], d["before"]) for d in after] == [
        ("reflection", 1, False), ("case", 2, True)]
    assert "Reflectie op bijeenkomst 1 van Supervisie bij Anna: gisteren" in cli.ok("due", "--today", "2026-01-08")


def test_entry_links_must_exist(cli):
    trajectory = new_trajectory(cli)
    assert cli("new", "--kind", "case", "--trajectory", "ffffffffffffffff", stdin="x").code == 4
    assert cli("new", "--kind", "case", "--trajectory", trajectory, "--meeting", "50", stdin="x").code == 2


def test_intentions_are_listed_open_and_then_reviewed(cli):
    from reflectiejournaal.supervision.intentions import review_section

    trajectory = new_trajectory(cli)
    reflectie = load_library().sets["reflectieverslag"]
    body = compose_body(reflectie, {"gedaan": "Casus.", "voornemen": "Eerst doorvragen."})
    source = cli.ok("new", "--kind", "reflection", "--trajectory", trajectory, "--meeting", "1",
                    "--prompt-set", "reflectieverslag", stdin=body).strip()
    [opened] = json.loads(cli.ok("intentions", "--json"))
    assert (opened["entry"], opened["text"], opened["reviewed"]) == (source, "Eerst doorvragen.", False)
    assert "open" in cli.ok("intentions")
    cli.ok("new", "--kind", "case", "--trajectory", trajectory, "--meeting", "2",
           stdin=review_section("Eerst doorvragen.", "Het lukte twee keer."))
    [reviewed] = json.loads(cli.ok("intentions", "--json"))
    assert (reviewed["reviewed"], reviewed["review"]) == (True, "Het lukte twee keer.")
    assert json.loads(cli.ok("intentions", "--open", "--json")) == []
    assert cli("new", "--kind", "note", "--prompt-set", "bestaat-niet", stdin="x").code == 2


def test_hours_exports(cli, tmp_path):
    trajectory = new_trajectory(cli, "--meetings", "3", "--interval-weeks", "2")
    cli.ok("traject", "meeting", trajectory, "2", "--status", "cancelled")
    text = cli.ok("hours", "--from", "2026-01-01", "--to", "2026-12-31")
    assert "supervisie" in text and "3:00" in text  # meetings 1 and 3, 90 minutes each
    csv_file = tmp_path / "uren.csv"
    cli.ok("hours", "--csv", str(csv_file))
    lines = csv_file.read_text().splitlines()
    assert lines[0].startswith("datum;vorm;traject") and len(lines) == 3
    md_file = tmp_path / "uren.md"
    cli.ok("hours", "--markdown", str(md_file))
    assert "| **totaal** | **3:00** |" in md_file.read_text()
    assert dt.date.today() > dt.date(2026, 2, 4)  # all three meeting dates have passed


def test_stats_with_the_balance_of_reflection(cli):
    nip = load_library().sets["nip-vier-aspecten"]
    for _ in range(3):
        cli.ok("new", "--kind", "reflection", "--prompt-set", "nip-vier-aspecten",
               stdin=compose_body(nip, {"beleving": "Onzeker.", "waarden": "Eerlijkheid."}))
    data = json.loads(cli.ok("stats", "--json"))
    assert data["entries"] == 3 and data["current_streak_weeks"] == 1
    assert data["balance"]["nip"]["answered"] == {"beleving": 3, "beroepsethiek": 0, "waarden": 3,
                                                  "emotioneel-proces": 0}
    text = cli.ok("stats")
    assert "beroepsethische aspecten van de beroepsuitoefening kwam in de laatste 3 teksten" not in text
    assert "beroepsethische aspecten kwam in de laatste 3 teksten niet aan bod." in text
    assert "█" in text


def test_stats_per_period_and_trajectory(cli):
    trajectory = new_trajectory(cli)
    cli.ok("new", "--kind", "case", "--trajectory", trajectory, "--meeting", "1", stdin="In het traject.")
    cli.ok("new", "--kind", "note", stdin="Daarbuiten.")
    assert json.loads(cli.ok("stats", "--json"))["entries"] == 2
    only = json.loads(cli.ok("stats", "--trajectory", trajectory, "--json"))
    assert only["entries"] == 1
    assert list(only["meetings"]) == [trajectory]
    assert only["meetings"][trajectory]["title"] == "Supervisie bij Anna"
    assert json.loads(cli.ok("stats", "--from", "2000-01-01", "--to", "2000-12-31", "--json"))["entries"] == 0


def test_stats_keeps_two_trajectories_with_the_same_title_apart(cli):
    first, second = new_trajectory(cli), new_trajectory(cli)
    meetings = json.loads(cli.ok("stats", "--json"))["meetings"]
    assert set(meetings) == {first, second}
    assert cli.ok("stats").count("Supervisie bij Anna: ") == 2
