"""Every command of the command line, as a subprocess: output, exit codes and Dutch messages."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
import shutil
import subprocess
import sys

import pytest

from reflectiejournaal.vault.crypto import FLOOR_ITERATIONS, FLOOR_MEMORY_KIB
from reflectiejournaal.errors import WrongRecoveryCode
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.vault.files import ITEMS_DIR
from tests.cli.conftest import Cli
from tests.helpers import PASSPHRASE, cheap_kdf

CASE = "# Casus: de moeder die niet kwam\n\nZij belde om één uur. Ik voelde [boosheid].\n"


def item_bytes(vault) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (vault / ITEMS_DIR).iterdir()}


# -- starting ----------------------------------------------------------------------------------
def test_without_command_the_app_needs_a_terminal_and_asks_its_own_passphrase(cli):
    result = cli.raw()  # no terminal here, as in cron or CI
    assert result.code == 2 and "heeft een terminal nodig" in result.err
    with_file = cli()
    assert with_file.code == 2 and "vraagt de wachtwoordzin zelf" in with_file.err


def test_help_is_dutch_and_lists_every_command(cli):
    out = cli.raw("--help").out
    assert "versleuteld reflectiejournaal" in out
    for command in ("init", "new", "list", "show", "edit", "delete", "search", "passwd",
                    "recover", "check", "conflicts", "resolve", "export", "import"):
        assert command in out


def test_module_entry_point_is_the_same_command(cli):
    done = subprocess.run([sys.executable, "-m", "reflectiejournaal", "--help"],
                          capture_output=True, text=True)
    assert done.returncode == 0 and "reflectiejournaal" in done.stdout


# -- init ----------------------------------------------------------------------------------------
def test_init_creates_a_calibrated_vault_and_prints_the_herstelcode_once(tmp_path, passphrase_file):
    cli = Cli(tmp_path / "nieuw", passphrase_file)
    result = cli("init")
    assert result.code == 0, result.err
    code = result.out.strip()
    assert re.fullmatch(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", code)
    assert "maar één keer getoond" in result.err
    header = json.loads((tmp_path / "nieuw" / "reflectiejournaal-vault.json").read_text())
    assert header["passphrase_slot"]["memory_kib"] >= FLOOR_MEMORY_KIB
    assert header["passphrase_slot"]["iterations"] >= FLOOR_ITERATIONS
    assert Vault.recover(tmp_path / "nieuw", code).vault_id == header["vault_id"]
    again = cli("init")
    assert again.code == 2 and "bevat al iets" in again.err and not again.out  # no herstelcode


def test_init_shows_no_herstelcode_for_a_vault_it_could_not_write(tmp_path, passphrase_file):
    """Issue 24: the code was shown, then the header could not be written (exit 7): a code
    for no vault. Now the header is on disk first."""
    result = Cli(Path("/proc/reflectiejournaal-nieuw"), passphrase_file)("init")
    assert result.code != 0
    assert not re.search(r"[0-9A-Z]{4}-[0-9A-Z]{4}", result.out + result.err)
    assert "maar één keer getoond" not in result.err


def test_init_refuses_a_weak_passphrase_and_a_missing_terminal(tmp_path):
    """The app's bar (zxcvbn ≥ 2): "wachtwoord1" is long enough but guessed at once."""
    short = tmp_path / "kort"
    for weak in ("kort", "wachtwoord1", "welkom123"):
        short.write_text(weak + "\n")
        result = Cli(tmp_path / "k1", short)("init")
        assert result.code == 2 and "te makkelijk te raden" in result.err
    no_source = Cli(tmp_path / "k2", short).raw("--vault", str(tmp_path / "k2"), "init")
    assert no_source.code == 2 and "--passphrase-file" in no_source.err
    assert not (tmp_path / "k1").exists() and not (tmp_path / "k2").exists()


# -- new, list, show -------------------------------------------------------------------------------
def test_new_list_show_round_trip(cli):
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--title", "S",
                        "--start", "2026-01-07").strip()
    case_id = cli.ok("new", "--kind", "casusinbreng", "--tag", "grenzen", "--tag", "ouders",
                     "--meeting", "4", "--trajectory", trajectory[:6], stdin=CASE).strip()
    note_id = cli.ok("new", "--kind", "note", "--title", "Los", stdin="Iets kleins.").strip()
    assert re.fullmatch(r"[0-9a-f]{16}", case_id)

    listed = cli.ok("list")
    assert "casusinbreng" in listed and "#grenzen" in listed and note_id in listed

    data = json.loads(cli.ok("list", "--json"))
    assert {d["id"] for d in data} == {note_id, case_id}
    assert [d["created"] for d in data] == sorted((d["created"] for d in data), reverse=True)
    case = next(d for d in data if d["id"] == case_id)
    assert set(case) == {"id", "kind", "title", "created", "updated", "trajectory", "meeting",
                         "prompt_set", "tags", "words", "first_line"}
    assert case["first_line"] == "Zij belde om één uur. Ik voelde [boosheid]."
    assert (case["kind"], case["title"], case["meeting"], case["trajectory"], case["tags"]) == (
        "case", "Casus: de moeder die niet kwam", 4, trajectory, ["grenzen", "ouders"])

    assert [d["id"] for d in json.loads(cli.ok("list", "--kind", "case", "--json"))] == [case_id]
    assert [d["id"] for d in json.loads(cli.ok("list", "--tag", "ouders", "--json"))] == [case_id]
    assert json.loads(cli.ok("list", "-n", "1", "--json")) == data[:1]

    shown = cli.ok("show", case_id[:6])
    assert shown.startswith(f"---\nid: {case_id}\nkind: case\n") and shown.endswith(CASE)
    as_json = json.loads(cli.ok("show", case_id, "--json"))
    assert as_json["body"] == CASE and as_json["words"] == len(CASE.split())


def test_options_after_the_command_and_vault_from_the_environment(cli):
    entry_id = cli.raw("new", "--kind", "note", "--vault", str(cli.vault), "--passphrase-file",
                       str(cli.passphrase_file), stdin="x").out.strip()
    listed = cli.raw("list", "--passphrase-file", str(cli.passphrase_file),
                     env={"REFLECTIEJOURNAAL_VAULT": str(cli.vault)})
    assert listed.code == 0 and entry_id in listed.out


def test_passphrase_from_a_file_descriptor(cli):
    read, write = os.pipe()
    os.write(write, (PASSPHRASE + "\n").encode())
    os.close(write)
    result = cli.raw("--vault", str(cli.vault), "--passphrase-fd", str(read), "list",
                     pass_fds=(read,))
    os.close(read)
    assert result.code == 0 and "Nog geen teksten" in result.err


def test_new_refuses_empty_input_and_unknown_kinds(cli):
    empty = cli("new", "--kind", "note", stdin="  \n\n")
    assert empty.code == 2 and "Lege invoer" in empty.err
    unknown = cli("new", "--kind", "roman", stdin="tekst")
    assert unknown.code == 2 and "onbekende soort" in unknown.err
    assert json.loads(cli.ok("list", "--json")) == []


def test_show_unknown_short_and_ambiguous_ids(cli, tmp_path):
    missing = cli("show", "ffffffffffffffff")
    assert missing.code == 4 and "Geen tekst met id" in missing.err
    folder = tmp_path / "twee"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"{n}.md").write_text(
            f"---\nid: abcd00000000000{n}\nkind: note\ncreated: 2025-01-0{n}\n---\nTekst {n}\n")
    cli.ok("import", str(folder))
    ambiguous = cli("show", "abcd")
    assert ambiguous.code == 2 and "meerdere teksten" in ambiguous.err
    assert cli("show", "abc").code == 4  # under four characters is never a prefix
    assert "Tekst 2" in cli.ok("show", "abcd000000000002")


# -- edit and delete ---------------------------------------------------------------------------
def test_edit_keeps_id_and_created(cli):
    entry_id = cli.ok("new", "--kind", "reflectie", stdin="Eerste versie").strip()
    before = json.loads(cli.ok("show", entry_id, "--json"))
    assert cli.ok("edit", entry_id, "--title", "Herzien", "--tag", "nieuw", stdin="Tweede versie").strip() == entry_id
    after = json.loads(cli.ok("show", entry_id, "--json"))
    assert (after["id"], after["created"]) == (before["id"], before["created"])
    assert (after["body"], after["title"], after["tags"]) == ("Tweede versie", "Herzien", ["nieuw"])
    assert after["updated"] >= before["updated"]
    assert cli("edit", entry_id, stdin="").code == 2
    assert json.loads(cli.ok("show", entry_id, "--json"))["body"] == "Tweede versie"


def test_delete_needs_confirmation_in_scripts(cli):
    entry_id = cli.ok("new", "--kind", "note", stdin="weg ermee").strip()
    refused = cli("delete", entry_id)
    assert refused.code == 2 and "--yes" in refused.err
    assert entry_id in cli.ok("list")
    cli.ok("delete", entry_id, "--yes")
    assert entry_id not in cli.ok("list")
    assert cli("delete", entry_id, "--yes").code == 4


# -- search ------------------------------------------------------------------------------------
def test_search_ignores_case_and_accents(cli):
    case_id = cli.ok("new", "--kind", "case", stdin=CASE).strip()
    cli.ok("new", "--kind", "note", stdin="Over iets anders.")
    assert case_id in cli.ok("search", "EEN", "uur")
    hits = json.loads(cli.ok("search", "boosheid", "--json"))
    assert [h["id"] for h in hits] == [case_id]
    start, end = hits[0]["match"]
    assert hits[0]["snippet"][start:end] == "boosheid"
    none = cli("search", "nergens")
    assert none.code == 0 and "Niets gevonden" in none.err and none.out == ""


# -- passphrase and herstelcode ----------------------------------------------------------------
@pytest.mark.slow  # seconds of real work: the full suite only
def test_passwd_rewraps_only_the_key(cli, tmp_path):
    cli.ok("new", "--kind", "note", stdin="blijft gelijk")
    before = item_bytes(cli.vault)
    new = tmp_path / "nieuw.txt"
    new.write_text("een nieuwe lange zin\n")
    cli.ok("passwd", "--new-passphrase-file", str(new))
    assert item_bytes(cli.vault) == before
    old = cli("list")
    assert old.code == 3 and "Onjuiste wachtwoordzin" in old.err
    assert "blijft gelijk" in Cli(cli.vault, new).ok("search", "blijft")


def test_passwd_and_recover_refuse_a_weak_new_passphrase(cli, tmp_path):
    weak = tmp_path / "zwak.txt"
    weak.write_text("wachtwoord1\n")
    weak.chmod(0o600)
    changed = cli("passwd", "--new-passphrase-file", str(weak))
    assert changed.code == 2 and "te makkelijk te raden" in changed.err
    recovered = cli.raw("--vault", str(cli.vault), "recover", "--new-passphrase-file", str(weak),
                        stdin=cli.recovery_code + "\n")
    assert recovered.code == 2 and "te makkelijk te raden" in recovered.err
    assert cli("list").code == 0  # the old passphrase still opens it


@pytest.mark.slow  # seconds of real work: the full suite only
def test_recover_with_the_herstelcode_from_standard_input(cli, tmp_path):
    new = tmp_path / "nieuw.txt"
    new.write_text("na herstel gekozen\n")
    code = cli.recovery_code
    typo = ("X" if code[0] != "X" else "Y") + code[1:]
    wrong = cli.raw("--vault", str(cli.vault), "recover", "--new-passphrase-file", str(new),
                    stdin=typo + "\n")
    assert wrong.code == 3 and "tikfout" in wrong.err
    done = cli.raw("--vault", str(cli.vault), "recover", "--new-passphrase-file", str(new),
                   stdin=code.lower() + "\n")
    assert done.code == 0, done.err
    assert Cli(cli.vault, new)("list").code == 0
    assert cli("list").code == 3


CODE = re.compile(r"^[0-9A-Z]{4}(?:-[0-9A-Z]{4}){7}$", re.M)


def test_rekey_leaves_old_copies_of_the_vault_nothing_new_to_open(cli, tmp_path):
    from reflectiejournaal.vault.header import HEADER_FILE
    from reflectiejournaal.cache_file import CacheFile

    cli.ok("new", "--kind", "note", stdin="voor de wissel")
    old_header = (cli.vault / HEADER_FILE).read_bytes()
    old_cache_key = Vault.unlock(cli.vault, PASSPHRASE).cache_key
    done = cli("rekey")
    assert done.code == 0, done.err
    new_code = CODE.search(done.out).group(0)
    assert "Sleutel vervangen; 1 bestand opnieuw versleuteld" in done.err
    after = cli.ok("new", "--kind", "note", stdin="na de wissel").strip()

    stolen = tmp_path / "oude-kopie"
    shutil.copytree(cli.vault, stolen)
    (stolen / HEADER_FILE).write_bytes(old_header)
    old = Cli(stolen, cli.passphrase_file)("show", after)
    assert old.code != 0 and "na de wissel" not in old.out + old.err
    old_code = cli.raw("--vault", str(cli.vault), "recover", "--new-passphrase-file",
                       str(cli.passphrase_file), stdin=cli.recovery_code + "\n")
    assert old_code.code == 3
    assert "na de wissel" in Vault.recover(cli.vault, new_code).read(after)[1].decode()
    assert cli.ok("search", "wissel").count("\n") >= 2 and cli.ok("check")
    # The cache on this machine was rewritten under the new key.
    cache = tmp_path / "xdg_cache_home" / "reflectiejournaal" / f"{Vault.read_header(cli.vault).vault_id}.cache"
    assert CacheFile(cache, old_cache_key, Vault.read_header(cli.vault).vault_id).load() == {}


def test_a_new_herstelcode_alone(cli):
    done = cli("recovery-code")
    assert done.code == 0, done.err
    assert "oude opent deze kluis niet meer" in done.err
    new_code = CODE.search(done.out).group(0)
    with pytest.raises(WrongRecoveryCode):
        Vault.recover(cli.vault, cli.recovery_code)
    assert Vault.recover(cli.vault, new_code)
    assert "rekey" in cli.ok("--help") and "recovery-code" in cli.ok("--help")


# -- bad input ---------------------------------------------------------------------------------
def test_missing_vault_and_wrong_passphrase(cli, tmp_path):
    missing = cli.raw("--vault", str(tmp_path / "nergens"), "--passphrase-file",
                      str(cli.passphrase_file), "list")
    assert missing.code == 4 and "Geen kluis gevonden" in missing.err
    wrong = tmp_path / "fout"
    wrong.write_text("niet de goede zin\n")
    wrong.chmod(0o600)
    result = cli.raw("--vault", str(cli.vault), "--passphrase-file", str(wrong), "list")
    assert result.code == 3 and "Onjuiste wachtwoordzin" in result.err
    foreign = tmp_path / "documenten"
    foreign.mkdir()
    (foreign / "brief.txt").write_text("geen kluis")
    not_vault = cli.raw("--vault", str(foreign), "--passphrase-file", str(cli.passphrase_file), "list")
    assert not_vault.code == 4 and "geen kluis van reflectiejournaal" in not_vault.err
    unreadable = cli.raw("--vault", str(cli.vault), "--passphrase-file", str(tmp_path / "geen"), "list")
    assert unreadable.code == 2 and "Kan de wachtwoordzin niet lezen" in unreadable.err


def test_hostile_header_is_refused_at_once(cli):
    header = cli.vault / "reflectiejournaal-vault.json"
    document = json.loads(header.read_text())
    document["passphrase_slot"]["memory_kib"] = 2**40
    header.write_text(json.dumps(document))
    result = cli("list")
    assert result.code == 5 and "onredelijke sleutelparameters" in result.err


@pytest.mark.slow  # seconds of real work: the full suite only
def test_a_writer_holding_the_vault_for_long_is_named_before_the_text_is_typed(cli):
    holder = Vault.unlock(cli.vault, PASSPHRASE)
    holder.acquire_lock()  # as a rekey does, for as long as it runs
    try:
        result = cli("new", "--kind", "note", stdin="tekst")
        assert result.code == 6 and "bezet door een ander programma" in result.err
        assert cli("list").code == 0  # reading stays possible
    finally:
        holder.release_lock()
    assert cli("new", "--kind", "note", stdin="tekst").code == 0


def test_the_command_line_writes_beside_the_open_app(cli):
    app = Vault.unlock(cli.vault, PASSPHRASE)
    app.acquire_session()  # what the app holds while it is open
    try:
        assert cli("new", "--kind", "note", stdin="tekst").code == 0
        passwd = cli("passwd", "--new-passphrase-file", str(cli.passphrase_file))
        assert passwd.code == 6  # the header is not changed under the open app
    finally:
        app.release_lock()


def test_failed_write_keeps_the_old_version(cli):
    entry_id = cli.ok("new", "--kind", "note", stdin="oude tekst").strip()
    before = item_bytes(cli.vault)
    result = cli("edit", entry_id, stdin="nieuwe tekst " * 100, max_file_bytes=300)
    assert result.code == 7 and "vorige versie is onaangetast" in result.err
    assert item_bytes(cli.vault) == before
    assert json.loads(cli.ok("show", entry_id, "--json"))["body"] == "oude tekst"


# -- check, conflicts ---------------------------------------------------------------------------
def test_check_names_each_damaged_item_and_the_rest_still_loads(cli):
    good = cli.ok("new", "--kind", "note", stdin="heel").strip()
    bad = cli.ok("new", "--kind", "note", stdin="kapot").strip()
    assert "in orde" in cli.ok("check")
    path = cli.vault / ITEMS_DIR / f"{bad}.rj"
    data = bytearray(path.read_bytes())
    data[40] ^= 0x10
    path.write_bytes(bytes(data))
    result = cli("check")
    assert result.code == 5 and f"{bad}.rj" in result.out and good not in result.out
    listed = cli("list")
    assert listed.code == 0 and good in listed.out and bad not in listed.out
    assert "1 bestand kon niet worden gelezen; 'reflectiejournaal check' noemt het" in listed.err


def test_an_items_folder_replaced_by_a_link_stops_every_command_and_changes_nothing(cli, tmp_path):
    """Issue 24: a sync peer replaced items/ by a link; entries were written into the folder
    it points to, and 'delete NAME --yes' (the app's own advice) removed the user's file."""
    cli.ok("new", "--kind", "note", stdin="in de kluis")
    elsewhere = tmp_path / "mijn-documenten"
    elsewhere.mkdir()
    (elsewhere / "brief.txt").write_text("van de gebruiker")
    items = cli.vault / ITEMS_DIR
    items.rename(cli.vault / "items-weg")
    items.symlink_to(elsewhere, target_is_directory=True)
    for command, stdin in ((("list",), ""), (("check",), ""), (("new", "--kind", "note"), "nieuw"),
                           (("delete", "brief.txt", "--yes"), "")):
        result = cli(*command, stdin=stdin)
        assert result.code != 0 and "items/" in result.err, (command, result.err)
    assert sorted(p.name for p in elsewhere.iterdir()) == ["brief.txt"]


def test_a_planted_huge_file_is_named_and_the_rest_still_loads(cli):
    """Issue 24: a 2 GiB sparse file in items/ made list, check and delete die at ~7 GB."""
    good = cli.ok("new", "--kind", "note", stdin="heel").strip()
    huge = cli.vault / ITEMS_DIR / "00000000000000ff.rj"
    with open(huge, "wb") as planted:
        planted.truncate(2 * 1024**3)
    result = cli("check", max_file_bytes=None)
    assert result.code == 5 and huge.name in result.out and "64 MB" in result.out
    listed = cli("list")
    assert listed.code == 0 and good in listed.out


@pytest.mark.slow  # a long walk: the full suite only
def test_conflict_copies_are_reported_and_resolved(cli):
    entry_id = cli.ok("new", "--kind", "note", stdin="laptop").strip()
    items = cli.vault / ITEMS_DIR
    name = f"{entry_id}.sync-conflict-20261122-101010-ABCDEFG.rj"
    (items / name).write_bytes((items / f"{entry_id}.rj").read_bytes())
    cli.ok("edit", entry_id, stdin="telefoon")
    check = cli("check")
    assert check.code == 8 and name in check.out
    listing = json.loads(cli.ok("conflicts", "--json"))
    assert [(c["file"], c["current"]["body"], c["copy"]["body"]) for c in listing] == [
        (name, "telefoon", "laptop")]
    cli.ok("resolve", name, "--keep", "both")
    bodies = sorted(json.loads(cli.ok("show", d["id"], "--json"))["body"]
                    for d in json.loads(cli.ok("list", "--json")))
    assert bodies == ["laptop", "telefoon"]
    assert cli.ok("check") and cli("check").code == 0


# -- export and import --------------------------------------------------------------------------
def test_export_and_import(cli, tmp_path):
    first = cli.ok("new", "--kind", "case", "--tag", "grenzen", stdin=CASE).strip()
    cli.ok("new", "--kind", "note", stdin="tweede")
    out = tmp_path / "export"
    result = cli("export", "--out", str(out))
    assert result.code == 0 and "NIET versleuteld" in result.err
    [exported] = [f for f in out.glob("*.md") if f.name.endswith(f"-{first}.md")]
    assert exported.read_text() == cli.ok("show", first)
    assert len(list(out.glob("*.md"))) == 2

    other_vault = tmp_path / "ander"
    vault, _ = Vault.create(other_vault, PASSPHRASE, kdf=cheap_kdf())
    vault.release_lock()
    other = Cli(other_vault, cli.passphrase_file)
    imported = other("import", str(out))
    assert imported.code == 0 and "2 nieuw" in imported.err
    again = other("import", str(out))
    assert "0 nieuw" in again.err and "2 ongewijzigd" in again.err
    assert other.ok("list", "--json") == cli.ok("list", "--json")
    (out / "kapot.md").write_text("---\nkind: [\n---\n")
    partly = other("import", str(out))
    assert partly.code == 2 and "kapot.md" in partly.err


def test_search_filters_on_the_command_line(cli):
    cli.ok("new", "--kind", "case", "--tag", "grenzen", stdin="Grenzen bij de moeder.")
    cli.ok("new", "--kind", "reflection", "--tag", "team", stdin="Grenzen in het team.")
    kinds = [h["kind"] for h in json.loads(cli.ok("search", "grenzen", "--kind", "reflectie", "--json"))]
    assert kinds == ["reflection"]
    assert [h["kind"] for h in json.loads(cli.ok("search", "--tag", "grenzen", "--json"))] == ["case"]
    assert json.loads(cli.ok("search", "grenzen", "--from", "2000-01-01", "--to", "2000-12-31", "--json")) == []
    nothing = cli("search")
    assert nothing.code == 2 and "zoekwoorden" in nothing.err


def test_what_may_name_a_client_can_be_typed_instead_of_given_as_an_argument(cli):
    """Arguments are visible in ps and kept in the shell's history; "-" asks for the value
    (at a prompt on the terminal, or here, without one, from standard input)."""
    cli.ok("clients", "add", "-", "--nickname", "-", stdin="Noor Bakker\nNoortje\n")
    listed = json.loads(cli.ok("clients", "list", "--json"))
    assert listed == [{"name": "Noor Bakker", "pseudonym": None, "nicknames": ["Noortje"]}]
    cli.ok("new", "--kind", "note", "--title", "-", "--tag", "-", stdin="Gesprek met Noor\nbakker\nNoor belde.\n")
    found = json.loads(cli.ok("search", "-", "--json", stdin="belde\n"))
    assert [hit["title"] for hit in found] == ["Gesprek met Noor"]
    assert found[0]["tags"] == ["bakker"]  # a tag that names a client, typed (issue 24: "-" was kept)
    empty = cli("clients", "add", "-", stdin="\n")
    assert empty.code == 2 and "Lege invoer" in empty.err
    assert "niet zichtbaar in ps" in " ".join(cli.ok("clients", "add", "--help").split())


@pytest.mark.slow  # a long walk: the full suite only
def test_check_reports_an_older_version_put_back_and_accept_keeps_it(cli, tmp_path):
    entry_id = cli.ok("new", "--kind", "note", "--title", "Mijn notitie", stdin="eerste").strip()
    item = cli.vault / "items" / f"{entry_id}.rj"
    old = item.read_bytes()
    cli.ok("edit", entry_id, stdin="tweede, nieuwer")
    assert cli.ok("check")
    item.write_bytes(old)  # a sync service or a restored backup puts the old file back
    listed = cli("list")
    assert listed.code == 0 and "1 keer iets teruggezet" in listed.err
    checked = cli("check")
    assert checked.code == 10
    assert f"Teruggezet naar een oudere versie: ‘Mijn notitie’ ({entry_id}): nu versie 1" in checked.out
    assert "check --accept ID" in checked.err
    again = cli("check")
    assert again.code == 10  # reported until the user decides
    assert cli("check", "--accept", "ffff").code == 2
    accepted = cli("check", "--accept", entry_id[:6])
    assert accepted.code == 0 and f"Bewaard zoals het nu is: {entry_id}" in accepted.err
    assert cli("check").code == 0
    assert "eerste" in cli.ok("show", entry_id)


@pytest.mark.slow  # a long walk: the full suite only
def test_check_reports_a_deleted_entry_that_returned_and_one_that_vanished(cli):
    gone = cli.ok("new", "--kind", "note", stdin="weg ermee").strip()
    kept = cli.ok("new", "--kind", "note", stdin="blijft").strip()
    old = (cli.vault / "items" / f"{gone}.rj").read_bytes()
    cli.ok("delete", gone, "--yes")
    assert cli.ok("check")
    (cli.vault / "items" / f"{gone}.rj").write_bytes(old)
    (cli.vault / "items" / f"{kept}.rj").unlink()
    checked = cli("check")
    assert checked.code == 10
    assert f"Teruggekomen na verwijderen: ‘weg ermee’ ({gone})" in checked.out
    assert f"Verdwenen zonder dat het verwijderd werd: {kept}" in checked.out
    cli.ok("delete", gone, "--yes")
    cli.ok("check", "--accept", kept)
    assert cli("check").code == 0
    assert cli.ok("list") == ""


def test_a_state_folder_that_cannot_be_written_is_said(cli, tmp_path):
    blocked = tmp_path / "geen-map"
    blocked.write_text("een bestand waar een map hoort")
    done = cli("new", "--kind", "note", stdin="iets", env={"XDG_STATE_HOME": str(blocked)})
    assert done.code == 0 and "kon niet worden bewaard" in done.err
