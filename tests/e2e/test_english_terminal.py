"""The installed app in a real terminal with an English locale: a first case presentation from
an empty machine, in English from the first screen to the saved entry."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reflectiejournaal.prompts import load_library
from tests.e2e.tmux import Terminal
from tests.helpers import PASSPHRASE

COMMAND = str(Path(sys.executable).parent / "reflectiejournaal")


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path, width=80, height=24)  # a small laptop terminal
    yield term
    term.close()


def english() -> dict[str, str]:
    keep = ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "REFLECTIEJOURNAAL_LOCK_HOME",
            "TMPDIR")
    # The tmux server carries the test run's own environment (Dutch): cleared here, as a
    # British user's shell would not have them.
    return {k: os.environ[k] for k in keep if k in os.environ} | {
        "LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8",
        "TERM": "xterm-256color"}


def test_a_first_case_presentation_in_english(terminal, tmp_path):
    vault = tmp_path / "vault"
    terminal.start([COMMAND, "--vault", str(vault)], english())
    terminal.wait_for("New vault")
    terminal.send(PASSPHRASE, literal=True)
    terminal.wait_for("Strength: (strong|very strong)")
    terminal.press_and_wait_for_change("Tab")
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Your recovery code")
    code = terminal.wait_for(r"(([0-9A-Z]{4}-){7}[0-9A-Z]{4})").group(1)
    terminal.send(code, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Overview", timeout=60)  # the real, calibrated key derivation
    terminal.send("c")
    terminal.wait_for("What are you going to write")
    terminal.send("Enter")
    prompts = load_library(language="en").sets["casusinbreng"].prompts
    for number, prompt in enumerate(prompts, start=1):
        terminal.wait_for(f"Prompt {number} of {len(prompts)}")
        if prompt.optional:
            terminal.press_and_wait_for_change("C-o")
            continue
        terminal.send(f"Answer {number} about one client.", literal=True)
        terminal.wait_for(f"Answer {number} about")
        terminal.press_and_wait_for_change("C-n")
    terminal.wait_for("Preview")
    terminal.send("C-s")
    terminal.wait_for("Saved: Case presentation")
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")

    passphrase_file = tmp_path / "pw"
    passphrase_file.write_text(PASSPHRASE + "\n")
    passphrase_file.chmod(0o600)  # private: readable by others, it gets a warning
    base = [COMMAND, "--vault", str(vault), "--passphrase-file", str(passphrase_file)]
    listed = subprocess.run([*base, "list", "--json"], capture_output=True, text=True,
                            check=True, env=english())
    [entry_id] = [line.split('"')[3] for line in listed.stdout.splitlines() if '"id"' in line]
    shown = subprocess.run([*base, "show", entry_id], capture_output=True, text=True,
                           check=True, env=english()).stdout
    assert "## Situation and context\n\nAnswer 1 about one client.\n" in shown
    assert "## My question for the session\n" in shown and "Situatie" not in shown


def test_the_settings_language_is_the_apps_from_the_next_start(terminal, tmp_path):
    """A Dutch computer, English chosen in the settings (as this device last saw them): the
    app opens in English, the lock screen too, before the vault is unlocked."""
    from reflectiejournaal.journal import Journal
    from reflectiejournaal.settings import Settings
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import cheap_kdf

    made, _ = Vault.create(tmp_path / "vault", PASSPHRASE, kdf=cheap_kdf())
    Journal(made, None).save_settings(Settings(language="en"))
    made.release_lock()
    dutch = english() | {"LANG": "nl_NL.UTF-8"}
    terminal.start([COMMAND, "--vault", str(made.path)], dutch)
    terminal.wait_for("Kluis openen")  # nothing remembered yet: the computer's language
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Overzicht")
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")
    terminal.close()
    terminal.start([COMMAND, "--vault", str(made.path)], dutch)
    terminal.wait_for("Open vault")
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Overview")
