"""Input that used to corrupt data or mislead on the command line (issue 12), each refused or
answered with a clear Dutch message, nothing changed."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os

import pytest

from reflectiejournaal.cli.main import build_parser
from reflectiejournaal.vault.files import ITEMS_DIR
from tests.cli.conftest import Cli
from tests.cli.test_trajectory_commands import new_trajectory


# -- init --------------------------------------------------------------------------------------
def test_init_checks_the_folder_before_it_shows_a_herstelcode(cli, tmp_path, passphrase_file):
    again = cli("init")
    assert again.code == 2 and "bevat al iets" in again.err
    assert not again.out and "herstelcode" not in again.err  # no code for a vault never made
    a_file = tmp_path / "notities.txt"
    a_file.write_text("mijn notities")
    on_file = Cli(a_file, passphrase_file)("init")
    assert on_file.code == 2 and "is een bestand, geen map" in on_file.err and not on_file.out
    under_file = Cli(a_file / "kluis", passphrase_file)("init")
    assert under_file.code == 2 and "is een bestand, geen map" in under_file.err
    assert a_file.read_text() == "mijn notities"


# -- traject -----------------------------------------------------------------------------------
@pytest.mark.parametrize("extra, words", [
    (("--duration", "-60"), "duur in minuten"),
    (("--interval-weeks", "0"), "weken tussen bijeenkomsten"),
    (("--interval-weeks", "-1"), "weken tussen bijeenkomsten"),
    (("--group-size", "-2"), "groepsgrootte"),
    (("--meetings", "100000"), "aantal bijeenkomsten"),
    (("--meetings", "-3"), "aantal bijeenkomsten"),
    (("--meetings", "0"), "aantal bijeenkomsten"),
])
def test_a_trajectory_with_impossible_numbers_is_refused(cli, extra, words):
    result = cli("traject", "new", "--form", "supervisie", "--title", "S", "--start", "7-1-2026",
                 *extra)
    assert result.code == 2 and words in result.err and "kies van" in result.err
    assert json.loads(cli.ok("traject", "list", "--all", "--json")) == []


def test_a_trajectory_needs_a_title_and_sane_meetings(cli):
    empty = cli("traject", "new", "--form", "supervisie", "--title", " ", "--start", "7-1-2026")
    assert empty.code == 2 and "titel" in empty.err
    trajectory = new_trajectory(cli)
    assert cli("traject", "edit", trajectory, "--title", "").code == 2
    assert cli("traject", "edit", trajectory, "--group-size", "0").code == 2
    minus = cli("traject", "meeting", trajectory, "2", "--duration", "-60")
    assert minus.code == 2 and "duur in minuten" in minus.err
    shown = json.loads(cli.ok("traject", "show", trajectory, "--json"))
    assert shown["title"] == "Supervisie bij Anna"
    assert {m["duration_minutes"] for m in shown["meetings"]} == {90}
    hours = cli.ok("hours")
    assert "-" not in hours.split()[-1]  # no hours subtracted


def test_a_wrong_trajectory_id_names_a_trajectory(cli):
    result = cli("traject", "show", "ffffffffffffffff")
    assert result.code == 4 and "Geen traject met id" in result.err and "tekst" not in result.err


# -- files the user names ----------------------------------------------------------------------
def test_hours_and_bundle_do_not_overwrite_a_file_without_asking(cli, tmp_path):
    new_trajectory(cli)
    existing = tmp_path / "uren.csv"
    existing.write_text("mijn spreadsheet")
    refused = cli("hours", "--csv", str(existing))
    assert refused.code == 2 and "--overwrite" in refused.err
    assert existing.read_text() == "mijn spreadsheet"
    cli.ok("hours", "--csv", str(existing), "--overwrite")
    assert existing.read_text().startswith("datum;")
    cli.ok("new", "--kind", "note", stdin="Een gewone tekst.")
    bundle = tmp_path / "bundel.html"
    bundle.write_text("vorige bundel")
    again = cli("bundle", "--from", "2000-01-01", "--out", str(bundle), "--keep-findings")
    assert again.code == 2 and bundle.read_text() == "vorige bundel"
    folder = cli("hours", "--csv", str(tmp_path))
    assert folder.code == 2 and "is een map" in folder.err


# -- list and search ---------------------------------------------------------------------------
def test_list_says_when_nothing_matches_and_combines_tags(cli):
    cli.ok("new", "--kind", "note", "--tag", "grenzen", "--tag", "team", stdin="beide")
    cli.ok("new", "--kind", "note", "--tag", "grenzen", stdin="een")
    nothing = cli("list", "--tag", "onbekend")
    assert nothing.code == 0 and "Geen teksten die hierbij passen" in nothing.err
    assert "Nog geen teksten" not in nothing.err
    both = json.loads(cli.ok("list", "--tag", "grenzen", "--tag", "team", "--json"))
    assert [e["first_line"] for e in both] == ["beide"]
    for bad in ("0", "-1"):
        result = cli("list", "-n", bad)
        assert result.code == 2 and "1 of meer" in result.err


def test_list_by_day_in_the_ways_people_write_dates(cli):
    cli.ok("new", "--kind", "note", stdin="vandaag geschreven")
    today = dt.date.today()
    for day in ("vandaag", f"{today.day}/{today.month}/{today.year}", today.isoformat()):
        assert len(json.loads(cli.ok("list", "--on", day, "--json"))) == 1
    assert json.loads(cli.ok("list", "--on", "gisteren", "--json")) == []
    assert len(json.loads(cli.ok("list", "--from", "gisteren", "--to", "vandaag", "--json"))) == 1


def test_search_refuses_filters_that_cannot_match(cli):
    cli.ok("new", "--kind", "note", stdin="grenzen")
    backwards = cli("search", "grenzen", "--from", "2026-12-01", "--to", "2026-01-01")
    assert backwards.code == 2 and "ligt na" in backwards.err
    unknown = cli("search", "grenzen", "--prompt-set", "bestaat-niet")
    assert unknown.code == 2 and "onbekende vragenset" in unknown.err


def test_a_broken_prompt_set_of_ones_own_is_explained(cli, tmp_path):
    folder = tmp_path / "xdg_config_home" / "reflectiejournaal" / "vragensets"
    folder.mkdir(parents=True)
    (folder / "mijn-supervisor.toml").write_text('id = "mijn-supervisor"\ntitle = [\n')
    result = cli("new", "--kind", "note", "--prompt-set", "mijn-supervisor", stdin="x")
    assert result.code == 2 and "mijn-supervisor.toml" in result.err
    assert "onbekende vragenset" not in result.err


def test_show_json_has_the_first_line_and_a_phrase_is_found_through_emphasis(cli):
    entry = cli.ok("new", "--kind", "note", "--title", "Grenzen",
                   stdin="Het ging over van **grenzen** stellen.\n").strip()
    assert json.loads(cli.ok("show", entry, "--json"))["first_line"] == \
        json.loads(cli.ok("list", "--json"))[0]["first_line"]
    [hit] = json.loads(cli.ok("search", '"van grenzen stellen"', "--json"))
    assert hit["id"] == entry and "**" not in hit["snippet"]


def test_control_characters_in_a_title_never_reach_the_terminal(cli):
    cli.ok("new", "--kind", "note", "--title", "Rood\x1b[31m en\x07 weg", stdin="x")
    listed = cli.ok("list")
    assert "\x1b" not in listed and "\x07" not in listed and "Rood" in listed


# -- damaged items -----------------------------------------------------------------------------
def test_a_damaged_item_can_be_removed_and_check_says_how(cli):
    entry = cli.ok("new", "--kind", "note", stdin="tekst").strip()
    (cli.vault / ITEMS_DIR / f"{entry}.rj").write_bytes(b"kapot")
    check = cli("check")
    assert check.code == 5 and "reflectiejournaal delete" in check.err and "back-up" in check.err
    refused = cli("delete", entry[:6])  # no terminal: --yes is needed
    assert refused.code == 2
    removed = cli("delete", entry[:6], "--yes")
    assert removed.code == 0 and "Beschadigd bestand" in removed.err
    assert cli("check").code == 0
    assert json.loads(cli.ok("list", "--json")) == []


def test_new_in_a_vault_without_its_items_folder_explains(cli):
    os.rmdir(cli.vault / ITEMS_DIR)
    result = cli("new", "--kind", "note", stdin="x")
    assert result.code == 4 and "de map items ontbreekt" in result.err


# -- words -------------------------------------------------------------------------------------
def test_argparse_speaks_dutch(cli):
    wrong = cli("list", "--kind")
    assert wrong.code == 2 and "gebruik:" in wrong.err and "fout:" in wrong.err
    choice = cli("resolve", "x", "--keep", "alles")
    assert "onbekende keuze" in choice.err
    for english in ("usage:", "error:", "invalid choice", "expected one argument"):
        assert english not in wrong.err + choice.err
    help_text = cli.raw("list", "--help").out
    assert "opties:" in help_text and "toon deze hulp" in help_text


def test_every_option_has_help():
    missing = []

    def walk(parser: argparse.ArgumentParser, path: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    walk(sub, f"{path} {name}")
            elif not action.help:
                missing.append(f"{path} {action.dest}")

    walk(build_parser(), "reflectiejournaal")
    assert missing == []


def test_an_unreadable_passphrase_file_is_explained_in_dutch(cli, tmp_path):
    result = cli.raw("--vault", str(cli.vault), "--passphrase-file", str(tmp_path / "weg"), "list")
    assert result.code == 2 and "bestaat niet" in result.err and "No such file" not in result.err


def test_a_voornemen_written_by_hand_is_found(cli):
    trajectory = new_trajectory(cli)
    cli.ok("new", "--kind", "reflection", "--trajectory", trajectory, "--meeting", "1",
           stdin="# Na de bijeenkomst\n\nHet ging goed.\n\n## Voornemen:\n\nEerst luisteren.\n")
    [found] = json.loads(cli.ok("intentions", "--json"))
    assert found["text"] == "Eerst luisteren."


@pytest.mark.slow  # a long walk: the full suite only
def test_a_folder_a_sync_tool_already_shares_takes_a_new_vault(tmp_path, passphrase_file):
    """Syncthing marks a shared folder with .stfolder before the vault is made in it."""
    shared = tmp_path / "gedeeld"
    (shared / ".stfolder").mkdir(parents=True)
    cli = Cli(shared, passphrase_file)
    assert "Geen kluis gevonden" in cli("list").err
    made = cli("init")
    assert made.code == 0, made.err
    assert (shared / ".stfolder").is_dir()
    synced_export = tmp_path / "export"
    (synced_export / ".stfolder").mkdir(parents=True)
    assert cli("export", "--out", str(synced_export)).code == 0  # a marker is not content


def test_meeting_dates_far_outside_a_career_and_empty_titles_are_refused(cli):
    trajectory = new_trajectory(cli)
    for day in ("1-1-1900", "1-1-2300"):
        refused = cli("traject", "add-meeting", trajectory, day)
        assert refused.code == 2 and "1950" in refused.err
    assert cli("traject", "meeting", trajectory, "2", "--date", "1-1-1900").code == 2
    assert len(json.loads(cli.ok("traject", "show", trajectory, "--json"))["meetings"]) == 10
    entry = cli.ok("new", "--kind", "note", "--title", "Titel", stdin="x").strip()
    blank = cli("edit", entry, "--title", " ")
    assert blank.code == 2 and "titel" in blank.err
    assert json.loads(cli.ok("show", entry, "--json"))["title"] == "Titel"


def test_a_mistyped_command_is_named(cli):
    result = cli("lsit")
    assert result.code == 2 and "Bedoel je ‘list’?" in result.err


def test_text_that_is_no_utf8_is_refused_by_name(cli):
    """Bytes a shell passes on that are no UTF-8 (kept by Python as lone surrogates) crashed
    deduce in a bundle's note; now the option is named and nothing is done."""
    cli.ok("new", "--kind", "reflection", "--title", "Casus", stdin="Een tekst.\n")
    note = cli("bundle", "--from", "2000-01-01", "--check", "--note", "a\udcffb")
    assert note.code == 2 and "--note" in note.err and "UTF-8" in note.err
    title = cli("new", "--kind", "reflection", "--title=x\udcffy", stdin="Tekst.\n")
    assert title.code == 2 and "--title" in title.err
    name = cli("clients", "add", "x\udcffy")
    assert name.code == 2 and "argument" in name.err
    assert cli.ok("list").count("\n") == 1  # only the first entry


def test_a_passphrase_file_others_can_read_is_used_with_a_word_about_it(cli, passphrase_file):
    passphrase_file.chmod(0o644)
    done = cli("list")
    assert done.code == 0 and "chmod 600" in done.err and str(passphrase_file) in done.err
    passphrase_file.chmod(0o600)
    assert "chmod 600" not in cli("list").err


def test_length_alone_makes_no_passphrase_strong(cli, tmp_path):
    weak = tmp_path / "zwak.txt"
    weak.write_text("a" * 73 + "\n")
    weak.chmod(0o600)
    done = cli.raw("init", "--vault", str(tmp_path / "nieuw"), "--passphrase-file", str(weak))
    assert done.code == 2 and not (tmp_path / "nieuw").exists()
