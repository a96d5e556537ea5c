"""Bundles and the client list through the installed command."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from reflectiejournaal.bundle.html import open_sealed_html

CASE = "## Situatie\n\nJan belde vanaf 06-12345678 over zijn zus.\n"


@pytest.fixture(autouse=True)
def tables(user_tables):
    """deduce's tables prepared in the user's cache folder, as after the first bundle."""
    return user_tables


def setup(cli) -> str:
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--title", "Supervisie bij Anna",
                        "--start", "2026-01-07").strip()
    cli.ok("clients", "add", "Jan", "--pseudonym", "Kees")
    cli.ok("new", "--kind", "case", "--title", "Casus", "--trajectory", trajectory, "--meeting", "2",
           stdin=CASE)
    cli.ok("new", "--kind", "note", "--title", "Los", stdin="Geen cliënt hier.")
    return trajectory


def test_client_list_with_nicknames_is_kept_in_the_vault(cli):
    cli.ok("clients", "add", "Fatima El Amrani")
    cli.ok("clients", "add", "Mohammed", "--nickname", "Mo", "--nickname", "Momo")
    cli.ok("clients", "add", "Jan", "--pseudonym", "Kees")
    assert json.loads(cli.ok("clients", "list", "--json")) == [
        {"name": "Fatima El Amrani", "pseudonym": None, "nicknames": []},
        {"name": "Mohammed", "pseudonym": None, "nicknames": ["Mo", "Momo"]},
        {"name": "Jan", "pseudonym": "Kees", "nicknames": []}]
    assert "Mohammed (Mo, Momo) → Cliënt A, B …" in cli.ok("clients", "list")
    assert cli("clients", "remove", "jan").code == 2  # asked first: no terminal here
    cli.ok("clients", "remove", "jan", "--yes")  # any case
    assert "Jan" not in cli.ok("clients", "list")
    assert cli("clients", "add", "  ").code == 2


def test_adding_a_client_again_changes_only_what_is_given(cli):
    """Issue 24: adding a name that is on the list again kept none of its nicknames and lost
    its pseudonym; the next bundle no longer knew "Noor" as that client."""
    cli.ok("clients", "add", "Noortje van der Meulen", "--nickname", "Noor", "--pseudonym", "Cliënt N")
    cli.ok("clients", "add", "noortje VAN DER Meulen")
    cli.ok("clients", "add", "Noortje van der Meulen", "--nickname", "Nono")
    assert json.loads(cli.ok("clients", "list", "--json")) == [
        {"name": "Noortje van der Meulen", "pseudonym": "Cliënt N", "nicknames": ["Noor", "Nono"]}]
    cli.ok("clients", "add", "Noortje van der Meulen", "--pseudonym", "Cliënt Q")
    assert json.loads(cli.ok("clients", "list", "--json"))[0]["pseudonym"] == "Cliënt Q"


def test_check_lists_findings_per_person_and_exits_non_zero(cli):
    trajectory = setup(cli)
    result = cli("bundle", "--trajectory", trajectory, "--check")
    assert result.code == 9
    lines = result.out.splitlines()
    assert "Jan → Kees  (naam van je lijst, zekerheid hoog, 1×)" in lines
    assert "    tekst van ‘Casus’: …## Situatie Jan belde vanaf [06-12345678] over zijn zus.…" in lines
    assert any(line.startswith("06-12345678 → [telefoon]  (telefoonnummer") for line in lines)
    assert "Anna → Persoon A  (persoon, zekerheid middel, 1×)" in lines  # the trajectory's title
    assert "    titel van het traject: …Supervisie bij [Anna]…" in lines
    assert "3 vondsten over 3 personen of gegevens." in result.err
    clean = cli("bundle", "--trajectory", trajectory, "--meetings", "5-9", "--check")
    assert clean.code == 2  # nothing selected: said so, nothing written


@pytest.mark.slow  # several bundle commands, each loading the detector
def test_a_missing_client_list_is_said_at_bundle_time(cli):
    """Without the list (never made, lost in a sync), the review cannot know the clients."""
    cli.ok("new", "--kind", "note", stdin="Een notitie zonder namen.")
    result = cli("bundle", "--from", "2000-01-01", "--check")
    assert result.code == 0 and "nog geen cliëntenlijst" in result.err
    cli.ok("clients", "add", "-", stdin="Noor Bakker\n")
    assert "cliëntenlijst" not in cli("bundle", "--from", "2000-01-01", "--check").err


@pytest.mark.slow  # several bundle commands, each loading the detector
def test_open_findings_need_an_explicit_choice(cli, tmp_path):
    trajectory = setup(cli)
    out = tmp_path / "bundel.md"
    refused = cli("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(out))
    assert refused.code == 9 and "--replace-all" in refused.err and not out.exists()
    kept = cli("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(out),
               "--keep-findings")
    assert kept.code == 0 and "Jan belde" in out.read_text()
    assert "kept: 3" in out.read_text()


@pytest.mark.slow  # several bundle commands, each loading the detector
def test_the_reported_leaks_are_closed(cli, tmp_path):
    """Issue 9: case, accents, particles, initials, unlisted names, everything scanned."""
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--start", "2026-01-07",
                        "--title", "Supervisie – casus Noor Bakker (Urk)").strip()
    for name in ("Noor Bakker", "Pietje de Vries", "Zoë Verhoeven"):
        cli.ok("clients", "add", name)
    body = ("noor en NOOR kwamen met Zoe\u0308. Ik sprak met de moeder van de jongen.\n"
            "Sanne vertelde dat haar broer op basisschool De Regenboog in Zeist zit; een "
            "7-jarig meisje uit Schiermonnikoog, geb. 12 mrt. 2015, Lange Voorhout 3, "
            "Grote Markt 12, 8321ab, 2015-03-12, +31 (0)6 - 1234 5678, BSN 1112-22-333, "
            "rijksregisternummer 85.07.30-033.28.\n")
    cli.ok("new", "--kind", "case", "--title", "Casus", "--tag", "noor", "--trajectory", trajectory,
           "--meeting", "1", stdin=body)
    check = cli("bundle", "--trajectory", trajectory, "--check", "--note", "Over Pietje")
    assert check.code == 9
    for shown in ("[noor]", "[NOOR]", "[Zoë]", "[Sanne]", "[basisschool De Regenboog]", "[Zeist]",
                  "[Schiermonnikoog]", "[12 mrt. 2015]", "[Lange Voorhout 3]", "[Grote Markt 12]",
                  "[8321ab]", "[2015-03-12]", "[+31 (0)6 - 1234 5678]", "[1112-22-333]",
                  "[85.07.30-033.28]", "[Noor Bakker]", "[Urk]", "[Pietje]"):
        assert shown in check.out, shown
    assert "[de]" not in check.out and "[van]" not in check.out
    out = tmp_path / "bundel.md"
    written = cli("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(out),
                  "--replace-all", "--note", "Over Pietje")
    assert written.code == 0
    assert "Noor" not in written.out + written.err  # a scripted run logs no client data
    text = out.read_text()
    assert "Cliënt A en Cliënt A kwamen met Cliënt B. Ik sprak met de moeder van de jongen." in text
    assert "Persoon A vertelde" in text and "#Cliënt-A" in text  # a tag stays one word
    assert "Supervisie – casus Cliënt A ([plaats])" in text and "Over Cliënt C" in text
    for name in ("Noor", "noor", "Zo", "Pietje", "Sanne", "Regenboog", "Zeist", "Urk", "N.B."):
        assert name not in text, name


def test_a_sealed_bundle_shows_nothing_but_a_generic_title_outside_its_ciphertext(cli, tmp_path):
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--start", "2026-01-07",
                        "--title", "Supervisie – casus Noor Bakker (Urk)").strip()
    cli.ok("clients", "add", "Noor Bakker")
    cli.ok("new", "--kind", "case", "--title", "Casus Noor", "--tag", "noor-bakker", "--trajectory",
           trajectory, "--meeting", "1", stdin="Noor belde.\n")
    sealed = tmp_path / "bundel.html"
    result = cli.ok("bundle", "--trajectory", trajectory, "--out", str(sealed), "--keep-findings",
                    "--supervisor", "Marieke de Boer", "--note", "Noor")
    page = sealed.read_text()
    # Base64 of random ciphertext spells "Urk" or "Noor" now and then: look outside it.
    outside = re.sub(r'(<pre id="(?:header|payload)" hidden>)[A-Za-z0-9+/=]*(</pre>)', r"\1\2",
                     page)
    assert '<pre id="payload" hidden></pre>' in outside  # the ciphertext, and only it, left out
    for leak in ("Noor", "noor", "Bakker", "Urk", "Supervisie –", "Marieke", "Casus"):
        assert leak not in outside, leak
    assert "<title>Bundel voor supervisie</title>" in page
    code = re.search(r"Bundelcode: (\S+)", result).group(1)
    inside = open_sealed_html(page, code)
    assert "Noor belde." in inside  # kept, deliberately: inside the ciphertext only


@pytest.mark.slow  # several bundle commands, each loading the detector
def test_markdown_html_and_sealed_bundles(cli, tmp_path):
    trajectory = setup(cli)
    md = tmp_path / "b.md"
    cli.ok("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(md), "--replace-all",
           "--supervisant", "Sam", "--supervisor", "Anna de Vries")
    text = md.read_text()
    assert "Kees belde vanaf [telefoon]" in text and "Jan" not in text
    assert "supervisant: Sam" in text and "replaced: 3" in text
    assert "trajectory: Supervisie bij [naam]" in text  # Anna: a form of the supervisor, open
    html_file = tmp_path / "b.html"
    cli.ok("bundle", "--trajectory", trajectory, "--format", "html", "--out", str(html_file),
           "--replace-all")
    assert "<h3>Casusinbreng: Casus</h3>" in html_file.read_text()
    sealed = tmp_path / "b-versleuteld.html"
    result = cli.ok("bundle", "--trajectory", trajectory, "--format", "html-encrypted",
                    "--out", str(sealed), "--replace-all")
    code = re.search(r"Bundelcode: (\S+)", result).group(1)
    digest = re.search(r"SHA-256: ([0-9a-f]{64})", result).group(1)
    assert hashlib.sha256(sealed.read_bytes()).hexdigest() == digest
    assert "Kees" not in sealed.read_text()
    assert "Kees belde vanaf [telefoon]" in open_sealed_html(sealed.read_text(), code)
    # The vault itself still says Jan.
    [entry] = [e for e in json.loads(cli.ok("list", "--json")) if e["title"] == "Casus"]
    assert "Jan belde" in json.loads(cli.ok("show", entry["id"], "--json"))["body"]


@pytest.mark.slow  # several bundle commands, each loading the detector
def test_bundle_by_entry_and_by_dates(cli, tmp_path):
    setup(cli)
    [note] = [e for e in json.loads(cli.ok("list", "--json")) if e["title"] == "Los"]
    out = tmp_path / "los.md"
    cli.ok("bundle", "--entry", note["id"][:6], "--format", "md", "--out", str(out))
    assert "Geen cliënt hier." in out.read_text() and "Casus" not in out.read_text().split("## Inhoud")[1]
    by_date = cli("bundle", "--from", "2000-01-01", "--to", "2000-12-31", "--check")
    assert by_date.code == 2


def test_replace_all_keeps_the_supervisors_name_and_hides_everyone_else(cli, tmp_path):
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--start", "2026-01-07",
                        "--title", "Supervisie").strip()
    cli.ok("new", "--kind", "case", "--title", "Casus", "--trajectory", trajectory, "--meeting", "1",
           stdin="Marieke Jansen vond het goed. De vader, meneer Jansen, belde.\n")
    out = tmp_path / "bundel.md"
    cli.ok("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(out),
           "--replace-all", "--supervisor", "Marieke Jansen")
    text = out.read_text()
    assert "supervisor: Marieke Jansen" in text and "Marieke Jansen vond het goed." in text
    assert "De vader, [naam], belde." in text
    assert text.count("Jansen") == 3  # front matter, the line under the title, her own sentence


def test_a_listed_client_tagged_in_lower_case_is_found_and_replaced_everywhere(cli, tmp_path):
    """The audit's case: a surname that is an ordinary word, written as a tag, in a title and in
    the text in lower case, is reported by --check and gone from the bundle."""
    cli.ok("clients", "add", "Jorien Dekker")
    cli.ok("new", "--kind", "case", "--title", "Gesprek fam. dekker", "--tag", "dekker",
           "--tag", "gezin-dekker", stdin="## Situatie\n\nMet jorien en mevrouw dekker gesproken.\n")
    check = cli("bundle", "--from", "2000-01-01", "--check")
    assert check.code == 9, check.out
    assert "dekker" in check.out.lower() and "naam van je lijst" in check.out
    out = tmp_path / "bundel.md"
    cli.ok("bundle", "--from", "2000-01-01", "--format", "md", "--out", str(out), "--replace-all")
    written = out.read_text()
    assert "dekker" not in written.lower() and "jorien" not in written.lower()


def test_a_word_the_review_missed_is_marked_and_replaced_everywhere(cli, tmp_path):
    """bundle --mark: the user completes the review; every spelling of the word goes, in the
    text, the title and the tags, and --check reports it."""
    cli.ok("new", "--kind", "case", "--title", "Over Opa Truus", "--tag", "truus",
           stdin="## Situatie\n\nTRUUS woont in de Lindenhof. Truus' kleinzoon belde.\n")
    check = cli("bundle", "--from", "2000-01-01", "--check", "--mark", "truus",
                "--mark", "Lindenhof")
    assert check.code == 9
    assert "door jou gemarkeerd" in check.out
    out = tmp_path / "bundel.md"
    cli.ok("bundle", "--from", "2000-01-01", "--format", "md", "--out", str(out), "--replace-all",
           "--mark", "truus", "--mark", "Lindenhof")
    written = out.read_text()
    assert "truus" not in written.lower() and "lindenhof" not in written.lower()
    assert "[weggelaten]" in written


def test_a_mark_that_cannot_work_or_is_found_nowhere_is_said_by_its_number(cli, tmp_path):
    """Said, never silently dropped; and by number, so a scripted run logs no client text."""
    cli.ok("new", "--kind", "note", "--title", "Notitie", stdin="Oma Truus belde.\n")
    refused = cli("bundle", "--from", "2000-01-01", "--check", "--mark", "Truus", "--mark", "de")
    assert refused.code == 2 and "--mark nr. 2" in refused.err
    nowhere = cli("bundle", "--from", "2000-01-01", "--check", "--mark", "Zonnehof")
    assert "--mark nr. 1 komt nergens" in nowhere.err and "Zonnehof" not in nowhere.err


@pytest.mark.slow  # a long walk: the full suite only
def test_what_each_entry_held_is_kept_sealed_and_what_is_gone_is_forgotten(cli, private_dirs):
    """A bundle's findings are kept sealed in the cache folder, by part; a deleted entry leaves
    the file at once, an edited one at the next bundle whatever it chooses (even nothing), and
    a rekey removes the file."""
    import datetime as dt

    from reflectiejournaal.bundle.findings_cache import FindingsCache
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE

    setup(cli)
    loose = cli.ok("new", "--kind", "note", "--title", "Nog een", stdin="Semhar belde vanuit Gent.").strip()
    edited = cli.ok("new", "--kind", "note", "--title", "Gesprek Tesfamariam", "--tag", "tesfamariam",
                    stdin="Yonas Tesfamariam belde.").strip()
    assert cli("bundle", "--from", "2000-01-01", "--check").code == 9
    vault = Vault.unlock(cli.vault, PASSPHRASE)
    vault.release_lock()
    folder = private_dirs / "xdg_cache_home" / "reflectiejournaal"
    path = folder / f"{vault.vault_id}.findings"

    def names() -> set[str]:
        cache = FindingsCache.of_vault(dt.date.today(), folder, vault.vault_id, vault.cache_key)
        return {f.text for kept in cache._parts.values() for f in kept.found}

    assert b"Semhar" not in path.read_bytes() and oct(path.stat().st_mode & 0o777) == "0o600"
    assert {"Semhar", "Yonas Tesfamariam", "Tesfamariam", "tesfamariam"} <= names()
    cli.ok("delete", loose, "--yes")
    assert "Semhar" not in names() and "Yonas Tesfamariam" in names()  # at once
    # An entry damaged since the bundle scanned it, deleted as a damaged file: the same.
    damaged = cli.ok("new", "--kind", "note", stdin="Zerihun belde vanuit Asmara.").strip()
    assert cli("bundle", "--from", "2000-01-01", "--check").code == 9 and "Zerihun" in names()
    item = cli.vault / "items" / f"{damaged}.rj"
    data = bytearray(item.read_bytes())
    data[-3] ^= 0xFF
    item.write_bytes(bytes(data))
    cli.ok("delete", damaged, "--yes")
    assert "Zerihun" not in names()
    cli.ok("edit", edited, "--title", "Gesprek", "--tag", "neutraal", stdin="Iemand belde.")
    assert cli("bundle", "--from", "2030-01-01", "--check").code == 2  # nothing chosen
    assert not {"Yonas Tesfamariam", "Tesfamariam", "tesfamariam"} & names()
    assert cli("rekey").code == 0
    assert not path.exists()  # sealed under a key the vault no longer has
