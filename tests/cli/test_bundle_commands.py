"""Bundles and the client list through the installed command."""

from __future__ import annotations

import hashlib
import json
import re

from reflectiejournaal.bundle_html import open_sealed_html

CASE = "## Situatie\n\nJan belde vanaf 06-12345678 over zijn zus.\n"


def setup(cli) -> str:
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--title", "Supervisie bij Anna",
                        "--start", "2026-01-07").strip()
    cli.ok("clients", "add", "Jan", "--pseudonym", "Kees")
    cli.ok("new", "--kind", "case", "--title", "Casus", "--trajectory", trajectory, "--meeting", "2",
           stdin=CASE)
    cli.ok("new", "--kind", "note", "--title", "Los", stdin="Geen cliënt hier.")
    return trajectory


def test_client_list_is_kept_in_the_vault(cli):
    cli.ok("clients", "add", "Fatima El Amrani")
    cli.ok("clients", "add", "Jan", "--pseudonym", "Kees")
    assert json.loads(cli.ok("clients", "list", "--json")) == [
        {"name": "Fatima El Amrani", "pseudonym": "F.E.A."}, {"name": "Jan", "pseudonym": "Kees"}]
    cli.ok("clients", "remove", "Jan")
    assert "Jan" not in cli.ok("clients", "list")


def test_check_lists_findings_and_exits_non_zero(cli):
    trajectory = setup(cli)
    result = cli("bundle", "--trajectory", trajectory, "--check")
    assert result.code == 9
    assert "naam in" in result.out and "[Jan]" in result.out and "→ Kees" in result.out
    assert "telefoonnummer" in result.out
    clean = cli("bundle", "--trajectory", trajectory, "--meetings", "5-9", "--check")
    assert clean.code == 2  # nothing selected: said so, nothing written


def test_open_findings_need_an_explicit_choice(cli, tmp_path):
    trajectory = setup(cli)
    out = tmp_path / "bundel.md"
    refused = cli("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(out))
    assert refused.code == 9 and "--replace-all" in refused.err and not out.exists()
    kept = cli("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(out),
               "--keep-findings")
    assert kept.code == 0 and "Jan belde" in out.read_text()
    assert "kept: 2" in out.read_text()


def test_markdown_html_and_sealed_bundles(cli, tmp_path):
    trajectory = setup(cli)
    md = tmp_path / "b.md"
    cli.ok("bundle", "--trajectory", trajectory, "--format", "md", "--out", str(md), "--replace-all",
           "--supervisant", "Sam", "--supervisor", "Anna de Vries")
    text = md.read_text()
    assert "Kees belde vanaf [telefoon]" in text and "Jan" not in text
    assert "supervisant: Sam" in text and "replaced: 2" in text
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


def test_bundle_by_entry_and_by_dates(cli, tmp_path):
    setup(cli)
    [note] = [e for e in json.loads(cli.ok("list", "--json")) if e["title"] == "Los"]
    out = tmp_path / "los.md"
    cli.ok("bundle", "--entry", note["id"][:6], "--format", "md", "--out", str(out))
    assert "Geen cliënt hier." in out.read_text() and "Casus" not in out.read_text().split("## Inhoud")[1]
    by_date = cli("bundle", "--from", "2000-01-01", "--to", "2000-12-31", "--check")
    assert by_date.code == 2
