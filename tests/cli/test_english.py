"""The command line in English: from the locale (``LANG=en_GB.UTF-8``), or from the settings
as this device last saw them, with help, results and errors all in English."""

from __future__ import annotations

import os
from pathlib import Path

from reflectiejournaal.journal import Journal
from reflectiejournaal.settings import Settings
from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE

# What a British user's shell says; nothing else may decide the language.
ENGLISH = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}
DUTCH_MACHINE = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "nl_NL.UTF-8"}


def test_help_results_and_errors_follow_an_english_locale(cli, tmp_path):
    helped = cli.raw("--help", env=ENGLISH)
    assert helped.code == 0
    assert "usage: reflectiejournaal" in helped.out and "create a new vault" in helped.out
    assert "COMMAND" in helped.out and "gebruik" not in helped.out

    assert cli("list", env=ENGLISH).err.strip() == "No entries yet."
    cli.ok("new", "--kind", "note", "--title", "First", stdin="One line.\n", env=ENGLISH)
    listed = cli.ok("list", env=ENGLISH)
    assert "note" in listed and "First" in listed and "notitie" not in listed

    missing = cli.raw("--vault", str(tmp_path / "nowhere"), "list", env=ENGLISH)
    assert missing.code == 4 and missing.err.startswith("No vault found in")
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n")
    wrong.chmod(0o600)
    refused = cli.raw("--vault", str(cli.vault), "--passphrase-file", str(wrong), "list",
                      env=ENGLISH)
    assert refused.code == 3 and refused.err.startswith("Wrong passphrase")
    bad = cli("traject", "new", "--form", "supervisie", "--title", "X", "--start", "soon",
              env=ENGLISH)
    assert bad.code == 2 and "not a valid date: soon" in bad.err
    typo = cli.raw("lsit", env=ENGLISH)
    assert "Did you mean ‘list’?" in typo.err and "invalid choice" not in typo.err


def test_counts_take_the_english_plural(cli):
    cli.ok("new", "--kind", "note", "--title", "One", stdin="Text.\n", env=ENGLISH)
    assert cli("check", env=ENGLISH).out.strip() == "The one file is in order."
    cli.ok("new", "--kind", "note", "--title", "Two", stdin="Text.\n", env=ENGLISH)
    assert cli("check", env=ENGLISH).out.strip() == "All 2 files are in order."


def test_the_settings_language_wins_from_the_next_command_on(cli):
    """Chosen in the app's settings on any device: this device's commands follow it once it
    has seen the settings, whatever the machine's locale says."""
    vault = Vault.unlock(cli.vault, PASSPHRASE)
    Journal(vault, None).save_settings(Settings(language="en"))
    vault.release_lock()

    first = cli("list", env=DUTCH_MACHINE)  # this command began in Dutch; it learns the choice
    assert first.err.strip() == "Nog geen teksten."
    remembered = Path(os.environ["XDG_STATE_HOME"]) / "reflectiejournaal" / "taal"
    assert remembered.read_text() == "en" and remembered.stat().st_mode & 0o077 == 0
    assert cli("list", env=DUTCH_MACHINE).err.strip() == "No entries yet."

    vault = Vault.unlock(cli.vault, PASSPHRASE)
    Journal(vault, None).save_settings(Settings(language=None))  # the computer's again
    vault.release_lock()
    cli("list", env=DUTCH_MACHINE)
    assert not remembered.exists()
    assert cli("list", env=DUTCH_MACHINE).err.strip() == "Nog geen teksten."


def test_an_english_bundle_carries_english_labels_only(cli, tmp_path, user_tables):
    cli.ok("clients", "add", "Siobhan O'Neill")
    cli.ok("new", "--kind", "case", "--title", "Home visit", env=ENGLISH,
           stdin="Siobhan's mum called from 06-12345678. Sanne de Vries came too; "
                 "she lives in Utrecht. I marked Lindenhof.\n")
    out = tmp_path / "bundle.md"
    cli.ok("bundle", "--from", "2000-01-01", "--format", "md", "--out", str(out),
           "--replace-all", "--mark", "Lindenhof", env=ENGLISH)
    written = out.read_text()
    assert "Client A's mum" in written and "[phone]" in written and "[removed]" in written
    assert "Person A" in written and "[place]" in written
    for dutch in ("Cliënt", "Persoon", "[telefoon]", "[plaats]", "[weggelaten]", "[naam]"):
        assert dutch not in written, dutch
