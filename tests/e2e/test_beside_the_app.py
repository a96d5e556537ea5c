"""The installed command in a real terminal beside the open app (issue 12): a text written on
the command line appears in the open app, and ``new`` or ``edit`` typed by a person opens the
app's own writer (never a plaintext temporary file for ``$EDITOR``)."""

from __future__ import annotations

import json
import subprocess

import pytest

from reflectiejournaal.vault.store import Vault
from tests.e2e.test_app_terminal import COMMAND, env
from tests.e2e.tmux import Terminal
from tests.helpers import PASSPHRASE, cheap_kdf


@pytest.fixture
def vault(tmp_path):
    made, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    made.release_lock()
    return made.path


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path, width=80, height=24)
    yield term
    term.close()


def run(vault, tmp_path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    secret = tmp_path / "wachtwoordzin.txt"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)  # private: readable by others, it gets a warning
    return subprocess.run([COMMAND, "--vault", str(vault), "--passphrase-file", str(secret), *args],
                          input=stdin, capture_output=True, text=True, env=env(), timeout=60,
                          start_new_session=True)


def unlock_app(terminal, vault) -> None:
    terminal.start([COMMAND, "--vault", str(vault)], env())
    terminal.wait_for("Wachtwoordzin")
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Overzicht")


def test_a_text_written_on_the_command_line_appears_in_the_open_app(terminal, vault, tmp_path):
    unlock_app(terminal, vault)
    written = run(vault, tmp_path, "new", "--kind", "note", "--title", "Vanaf de opdrachtregel",
                  stdin="Terwijl de app open stond.")
    assert written.returncode == 0, written.stderr  # was exit 6: the app held the vault
    terminal.wait_for("Vanaf de opdrachtregel", timeout=10)  # picked up, no restart
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")


def test_new_and_edit_at_a_terminal_open_the_apps_writer(terminal, vault, tmp_path):
    terminal.start([COMMAND, "--vault", str(vault), "new", "--kind", "note", "--title",
                    "Snel iets"], env())
    terminal.wait_for("Wachtwoordzin:")
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for(r"\^s Opslaan")  # the app's writer, with its keys in the footer
    terminal.send("Geschreven in de eigen editor.", literal=True)
    terminal.send("C-s")
    entry_id = terminal.wait_for(r"\b([0-9a-f]{16})\b").group(1)
    terminal.wait_for("EXIT=0")
    shown = json.loads(run(vault, tmp_path, "show", entry_id, "--json").stdout)
    assert (shown["title"], shown["body"].strip()) == ("Snel iets", "Geschreven in de eigen editor.")

    terminal.start([COMMAND, "--vault", str(vault), "edit", entry_id], env())
    terminal.wait_for("Wachtwoordzin:")
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Geschreven in de eigen editor")
    terminal.wait_for(r"\^s Opslaan")
    # The cursor starts at the top. (Textual runs a binding such as Ctrl+E after the keys
    # typed right behind it, so the test types where the cursor is.)
    terminal.send("Vooraf. ", literal=True)
    terminal.send("C-s")
    terminal.wait_for("EXIT=0")
    shown = json.loads(run(vault, tmp_path, "show", entry_id, "--json").stdout)
    assert shown["body"].strip() == "Vooraf. Geschreven in de eigen editor."
    assert not list(tmp_path.rglob("*.md"))  # no plaintext file anywhere


def test_new_at_a_terminal_while_the_app_is_open(terminal, vault, tmp_path):
    """The writer `new` opens is not a second app: it writes beside the open one (a
    newcomer got "onverwachte fout (VaultLocked)" here)."""
    unlock_app(terminal, vault)
    (tmp_path / "tweede").mkdir()
    second = Terminal(tmp_path / "tweede", width=80, height=24)  # a socket of its own
    try:
        second.start([COMMAND, "--vault", str(vault), "new", "--kind", "notitie", "--title",
                      "Naast de app"], env())
        second.wait_for("Wachtwoordzin:")
        second.send(PASSPHRASE, literal=True)
        second.send("Enter")
        second.wait_for(r"\^s Opslaan")
        second.send("Terwijl de app openstaat.", literal=True)
        second.send("C-s")
        second.wait_for("EXIT=0")
        assert "onverwacht" not in second.history()
    finally:
        second.close()
    terminal.wait_for("Naast de app", timeout=10)  # and the open app shows it
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")
