"""The installed app in a real terminal (tmux): a first casus from an empty machine to
``reflectiejournaal show``, and a draft that survives ``kill -9``."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reflectiejournaal.journal import Journal
from reflectiejournaal.prompts import load_library
from reflectiejournaal.vault.store import Vault
from tests.e2e.tmux import Terminal
from tests.helpers import PASSPHRASE, cheap_kdf

COMMAND = str(Path(sys.executable).parent / "reflectiejournaal")


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path, width=110, height=34)
    yield term
    term.close()


def env() -> dict[str, str]:
    keep = ("PATH", "HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "TMPDIR",
            "REFLECTIEJOURNAAL_LOCK_HOME")
    return {k: os.environ[k] for k in keep if k in os.environ} | {"LANG": "C.UTF-8",
                                                                  "TERM": "xterm-256color"}


def test_first_guided_casus_from_an_empty_machine(terminal, tmp_path):
    vault = tmp_path / "kluis"
    terminal.start([COMMAND, "--vault", str(vault)], env())
    terminal.wait_for("Nieuwe kluis")
    terminal.send(PASSPHRASE, literal=True)
    terminal.wait_for("Sterkte: (sterk|zeer sterk)")
    terminal.press_and_wait_for_change("Tab")
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    code = terminal.wait_for(r"(([0-9A-Z]{4}-){7}[0-9A-Z]{4})").group(1)
    terminal.send(code, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Overzicht", timeout=60)  # the real, calibrated key derivation
    terminal.send("c")
    terminal.wait_for("Wat ga je schrijven")
    terminal.send("Enter")
    prompts = load_library().sets["casusinbreng"].prompts
    for number, prompt in enumerate(prompts, start=1):
        terminal.wait_for(f"Vraag {number} van {len(prompts)}")
        if prompt.optional:
            terminal.press_and_wait_for_change("C-o")
            continue
        answer = f"Antwoord {number} over [grenzen] en één cliënt."
        terminal.send(answer, literal=True)
        terminal.wait_for(f"Antwoord {number} over")
        terminal.press_and_wait_for_change("C-n")
    terminal.wait_for("Voorbeeld")  # the whole entry with its live preview
    terminal.send("C-s")
    terminal.wait_for("Casusinbreng \\d{4}-\\d{2}-\\d{2}")
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")

    passphrase_file = tmp_path / "pw"
    passphrase_file.write_text(PASSPHRASE + "\n")
    passphrase_file.chmod(0o600)  # private: readable by others, it gets a warning
    base = [COMMAND, "--vault", str(vault), "--passphrase-file", str(passphrase_file)]
    listed = subprocess.run([*base, "list", "--json"], capture_output=True, text=True, check=True)
    [entry_id] = [line.split('"')[3] for line in listed.stdout.splitlines() if '"id"' in line]
    shown = subprocess.run([*base, "show", entry_id], capture_output=True, text=True, check=True)
    assert "prompt_set: casusinbreng" in shown.stdout
    for number, prompt in enumerate(prompts, start=1):
        expected = f"## {prompt.title}\n\nAntwoord {number} over [grenzen] en één cliënt.\n"
        assert (expected in shown.stdout) != prompt.optional


def test_a_draft_survives_kill_9(terminal, tmp_path):
    made = writing_a_casus(terminal, tmp_path)
    command = [COMMAND, "--vault", str(made.path)]
    terminal.send("Dit mag niet verloren gaan", literal=True)
    terminal.wait_for("concept bewaard")  # the autosave, within a few seconds
    os.kill(_child_of(terminal.pane_pid()), signal.SIGKILL)
    terminal.wait_for("EXIT=137")

    drafts = Journal(Vault.unlock(made.path, PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["Dit mag niet verloren gaan"]
    terminal.close()
    start_and_unlock(terminal, command, "Concepten — verder schrijven")
    terminal.send("Enter")
    terminal.wait_for("Vraag 1 van")
    terminal.wait_for("Dit mag niet verloren gaan")


def writing_a_casus(terminal: Terminal, tmp_path: Path, program: list[str] | None = None) -> Vault:
    """A new vault, the app (or ``program``) unlocked on it, at the first question of a casus."""
    made, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    made.release_lock()
    start_and_unlock(terminal, [*(program or [COMMAND]), "--vault", str(made.path)], "Overzicht")
    terminal.send("c")
    terminal.wait_for("Wat ga je schrijven")
    terminal.send("Enter")
    terminal.wait_for("Vraag 1 van")
    return made


def start_and_unlock(terminal: Terminal, command: list[str], expect: str) -> None:
    terminal.start(command, env())
    terminal.wait_for("Kluis openen")
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for(expect)


def _child_of(pid: int) -> int:
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    assert children, "the app is not running"
    return int(children[0])


def test_a_reviewed_sealed_bundle_at_80_by_24(tmp_path, detector_tables):
    """On a small laptop terminal: bundle a casus, replace a client in every form, write the
    sealed page; what the supervisor opens names nobody."""
    from reflectiejournaal.bundle.html import open_sealed_html
    from reflectiejournaal.clients import Client, ClientList
    from reflectiejournaal.model import Entry
    from tests.conftest import install_tables

    import datetime as dt

    made, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    journal = Journal(made, None)
    moment = dt.datetime(2026, 11, 2, 20, tzinfo=dt.timezone.utc)
    journal.save(Entry("00000000000000b1", "case", "Casus", moment, moment,
                       "noor belde; NOORS moeder ook. Noortje huilde.\n"))
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    made.release_lock()
    install_tables(detector_tables, Path(os.environ["XDG_CACHE_HOME"]) / "reflectiejournaal")
    home = tmp_path / "home"
    home.mkdir()
    terminal = Terminal(tmp_path, width=80, height=24)
    try:
        terminal.start([COMMAND, "--vault", str(made.path)], env() | {"HOME": str(home)})
        terminal.wait_for("Kluis openen")
        terminal.send(PASSPHRASE, literal=True)
        terminal.send("Enter")
        terminal.wait_for("Overzicht")
        terminal.send("b")
        terminal.wait_for("Wat gaat erin")
        terminal.send("C-r")
        terminal.wait_for(r"open +Noor Bakker → Cliënt A")
        terminal.send("v")
        terminal.wait_for(r"vervangen +Noor Bakker → Cliënt A")
        terminal.send("C-s")
        terminal.wait_for("Bundel geschreven")  # the code in a dialog, whatever the size
        code = terminal.wait_for(r"Bundelcode: (([0-9A-Z]{4}-){7}[0-9A-Z]{4})").group(1)
        terminal.press_and_wait_for_change("Enter")  # "Ik heb het genoteerd"
        terminal.send("C-q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()
    # The proposed name carries the day and the form (the app's clock: any day).
    [written] = home.glob("bundel-*-verzegeld.html")
    page = open_sealed_html(written.read_text(), code)
    assert "Cliënt A belde; Cliënt A moeder ook. Cliënt A huilde." in page
    assert "noor" not in page.lower()


# An unexpected error, injected where it would hurt most, in the installed app.
CRASH_AFTER_UNLOCK = """
import sys
import time
from reflectiejournaal.vault import store as vault
unlock = vault.Vault.unlock.__func__
def failing_unlock(cls, path, passphrase):
    opened = unlock(cls, path, passphrase)  # the passphrase and the keys are locals here
    raise RuntimeError("a bug after key derivation")
vault.Vault.unlock = classmethod(failing_unlock)
from reflectiejournaal.cli.main import main_entry
sys.argv = ["reflectiejournaal", *sys.argv[1:]]
main_entry()
"""

CRASH_ON_HELP = """
import sys
import time
from reflectiejournaal.screens import help
def failing_compose(self):
    raise RuntimeError("a bug in the help screen")
help.HelpScreen.compose = failing_compose
from reflectiejournaal.cli.main import main_entry
sys.argv = ["reflectiejournaal", *sys.argv[1:]]
main_entry()
"""


def test_a_crash_shows_no_secret_and_exits_non_zero(terminal, tmp_path):
    """Textual prints a traceback with every local: the passphrase and the keys, in the
    scrollback, and exits 0. The app says what kind of error it was, nothing more."""
    made, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    made.release_lock()
    start_and_unlock(terminal, [sys.executable, "-c", CRASH_AFTER_UNLOCK, "--vault",
                                str(made.path)], "EXIT=1")
    shown = terminal.history()
    assert "onverwachte fout (RuntimeError)" in shown
    assert PASSPHRASE not in shown
    assert "Traceback" not in shown and "passphrase" not in shown


def test_a_crash_while_writing_keeps_the_text_as_a_draft(terminal, tmp_path):
    made = writing_a_casus(terminal, tmp_path, [sys.executable, "-c", CRASH_ON_HELP])
    terminal.send("Vlak voor de fout getypt", literal=True)
    terminal.wait_for("Vlak voor de fout getypt")
    terminal.send("F1")  # the help screen fails: before any autosave
    terminal.wait_for("EXIT=1")
    assert "Vlak voor de fout getypt" not in terminal.history().split("EXIT=1")[0].splitlines()[-1]
    drafts = Journal(Vault.unlock(made.path, PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["Vlak voor de fout getypt"]


def test_debugging_variables_write_nothing_and_no_core_dumps(terminal, tmp_path):
    """TEXTUAL_LOG logged every key of the passphrase field; TEXTUAL_SCREENSHOT saves the
    screen; a core dump holds the keys. The installed app switches all of it off."""
    made, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    made.release_lock()
    traces = tmp_path / "traces"
    traces.mkdir()
    debugging = {"TEXTUAL": "devtools,debug", "TEXTUAL_LOG": str(traces / "textual.log"),
                 "TEXTUAL_SCREENSHOT": "1", "TEXTUAL_SCREENSHOT_LOCATION": str(traces)}
    terminal.start([COMMAND, "--vault", str(made.path)], env() | debugging)
    terminal.wait_for("Kluis openen")
    limits = Path(f"/proc/{_child_of(terminal.pane_pid())}/limits").read_text()
    assert re.search(r"Max core file size\s+0\s+0", limits)
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Overzicht")
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")
    assert list(traces.iterdir()) == []


@pytest.mark.parametrize("sig", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT],
                         ids=["closed terminal", "terminate", "interrupt"])
def test_the_last_words_survive_a_closed_terminal_or_a_signal(terminal, tmp_path, sig):
    """Typed and on screen, not yet autosaved: a signal keeps them as an encrypted draft."""
    made = writing_a_casus(terminal, tmp_path)
    terminal.send("Net getypt, nog niet bewaard", literal=True)
    terminal.wait_for("Net getypt, nog niet bewaard")  # on screen: the user saw it
    os.kill(_child_of(terminal.pane_pid()), sig)
    terminal.wait_for(r"EXIT=\d+")
    drafts = Journal(Vault.unlock(made.path, PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["Net getypt, nog niet bewaard"]
    assert "Traceback" not in terminal.screen()


def test_the_last_words_survive_closing_the_terminal_window(terminal, tmp_path):
    """The window really goes: the terminal is gone when the app learns of it."""
    made = writing_a_casus(terminal, tmp_path)
    terminal.send("Venster dicht", literal=True)
    terminal.wait_for("Venster dicht")
    app = _child_of(terminal.pane_pid())
    terminal.close()  # the tmux server and its terminals are gone
    # Textual's shutdown can block on the dead terminal (1 run in 5): the app ends anyway
    # within its grace period (app.safety.SHUTDOWN_GRACE_SECONDS), its drafts already saved.
    deadline = time.monotonic() + 10
    while Path(f"/proc/{app}").exists() and "zombie" not in _state(app):
        assert time.monotonic() < deadline, "the app outlived its terminal"
        time.sleep(0.05)
    drafts = Journal(Vault.unlock(made.path, PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["Venster dicht"]


def _state(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "zombie"
    return "zombie" if "\nState:\tZ" in status else "running"


def test_a_byte_that_is_not_utf8_is_no_end_of_the_session(terminal, tmp_path):
    """Textual decodes terminal input strictly: one stray byte killed its input thread with a
    traceback, exit 0 and the words since the last autosave gone."""
    made = writing_a_casus(terminal, tmp_path)
    terminal.send("Voor", literal=True)
    terminal.wait_for("Voor")
    terminal._tmux("send-keys", "-H", "ff")  # a raw 0xFF byte, as a Latin-1 paste sends
    terminal.send(" en na", literal=True)
    terminal.wait_for("Voor.? en na")
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")
    drafts = Journal(Vault.unlock(made.path, PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["Voor\ufffd en na"]


CRASH_IN_INPUT = """
import sys
from textual import _xterm_parser
feed = _xterm_parser.XTermParser.feed
def failing_feed(self, data):
    if "§" in data:
        raise RuntimeError("a bug in reading the terminal")
    return feed(self, data)
_xterm_parser.XTermParser.feed = failing_feed
from reflectiejournaal.cli.main import main_entry
sys.argv = ["reflectiejournaal", *sys.argv[1:]]
main_entry()
"""


def test_when_textual_reading_the_terminal_fails_the_words_are_kept(terminal, tmp_path):
    """Textual's last resort (panic) printed a traceback and exited 0 without a draft."""
    made = writing_a_casus(terminal, tmp_path, [sys.executable, "-c", CRASH_IN_INPUT])
    terminal.send("Net voor het einde", literal=True)
    terminal.wait_for("Net voor het einde")
    terminal.send("§", literal=True)
    terminal.wait_for("EXIT=1")
    shown = terminal.history()
    assert "onverwachte fout (RuntimeError)" in shown and "Traceback" not in shown
    drafts = Journal(Vault.unlock(made.path, PASSPHRASE), None).drafts()
    assert [d.answers.get("situatie") for d in drafts] == ["Net voor het einde"]


def _quit(terminal: Terminal) -> None:
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")


def _hang_up(terminal: Terminal) -> None:
    os.kill(_child_of(terminal.pane_pid()), signal.SIGHUP)
    terminal.wait_for(r"EXIT=\d+")


def _kill_after_the_pause(terminal: Terminal) -> None:
    terminal.wait_for("concept bewaard")  # the pause in typing wrote it (well under a second)
    os.kill(_child_of(terminal.pane_pid()), signal.SIGKILL)
    terminal.wait_for("EXIT=137")


@pytest.mark.parametrize("way_out", [_quit, _hang_up, _kill_after_the_pause],
                         ids=["ctrl+q", "sighup", "sigkill after the pause"])
def test_the_last_typed_word_is_in_the_draft_offered_on_the_next_start(terminal, tmp_path,
                                                                        way_out):
    made = writing_a_casus(terminal, tmp_path)
    terminal.send("Het allerlaatste woord: kamerplant", literal=True)
    terminal.wait_for("kamerplant")  # on screen: the user saw it
    way_out(terminal)
    terminal.close()
    start_and_unlock(terminal, [COMMAND, "--vault", str(made.path)], "Concepten — verder schrijven")
    terminal.send("Enter")  # the draft is offered first
    terminal.wait_for("Vraag 1 van")
    terminal.wait_for("Het allerlaatste woord: kamerplant")


def test_after_ctrl_l_and_unlocking_the_writer_is_back_with_the_last_word(terminal, tmp_path):
    writing_a_casus(terminal, tmp_path)
    terminal.send("Vlak voor het slot: vensterbank", literal=True)
    terminal.wait_for("vensterbank")
    terminal.send("C-l")
    terminal.wait_for("Kluis openen")
    assert "vensterbank" not in terminal.screen()
    terminal.send(PASSPHRASE, literal=True)
    terminal.send("Enter")
    terminal.wait_for("Vraag 1 van")
    terminal.wait_for("Vlak voor het slot: vensterbank")


def test_a_paste_followed_at_once_by_ctrl_n_stays_in_its_question(terminal, tmp_path):
    """One write to the terminal: the text and the key arrive in the same read."""
    made = writing_a_casus(terminal, tmp_path)
    terminal.send("In één keer geplakt, meteen verder", literal=True)
    terminal.send("C-n")  # sent right behind, not after the screen showed the text
    terminal.wait_for("Vraag 2 van")
    terminal.send("C-q")
    terminal.wait_for("EXIT=0")
    [draft] = Journal(Vault.unlock(made.path, PASSPHRASE), None).drafts()
    assert draft.answers["situatie"] == "In één keer geplakt, meteen verder"
    assert not draft.answers.get("gebeurtenis")


def test_the_review_charts_and_period_at_80_by_24(tmp_path):
    """`o` in the installed app: the activity chart, Tab down to the NIP balance chart with its
    numbers, a quick choice of period, and a date it cannot read said in words."""
    import datetime as dt

    from reflectiejournaal.model import Entry
    from reflectiejournaal.prompts import compose_body

    made, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    nip = load_library().sets["nip-vier-aspecten"]
    journal = Journal(made, None)
    now = dt.datetime.now().astimezone()
    for n in range(3):
        moment = now - dt.timedelta(weeks=3 * n)
        answered = ["beleving", "waarden"] + (["beroepsethiek"] if n == 2 else [])
        journal.save(Entry(f"{n + 1:016x}", "reflection", f"Reflectie {n}", moment, moment,
                           compose_body(nip, {p: "Ja." for p in answered}), prompt_set=nip.id))
    made.release_lock()
    terminal = Terminal(tmp_path, width=80, height=24)
    try:
        start_and_unlock(terminal, [COMMAND, "--vault", str(made.path)], "Overzicht")
        terminal.send("o")
        terminal.wait_for("Teksten per maand")
        # Tab from the first field ("Teksten uit") over the period, its dates, the button and
        # the activity chart to the NIP balance chart, which scrolls into view. Counted, not
        # tabbed "until it shows": the scroll is animated, so a look between two presses could
        # miss it and tab past it.
        terminal.send(*["Tab"] * 6)
        terminal.wait_for(r"Vier aspecten \(NIP\): beantwoord in 3 teksten")
        terminal.wait_for(r"Beleving 3 +Beroepsethiek 1 +Waarden 3")
        terminal.wait_for("Het emotionele proces en het hanteren van de relatie kwam in de laatste 3")
        terminal.send("Escape")  # out and in again: the focus starts on the first field, "Uit"
        terminal.wait_for("Overzicht")
        terminal.send("o")
        terminal.wait_for("Teksten per maand")
        terminal.send("Tab", "Enter")  # to "Periode", and open its choices
        terminal.wait_for("esc Sluiten")  # the open list's key, in Dutch  # open the choices: alles, dit jaar, vorig jaar, …
        terminal.wait_for("vorig jaar")
        terminal.send("Down", "Down", "Enter")
        terminal.wait_for(f"Van 1 januari {now.year - 1} tot en met 31 december {now.year - 1}")
        terminal.wait_for("Geen teksten in deze periode", timeout=10)
        terminal.send("Tab")  # into Vanaf, its date selected: typing at once replaces it
        terminal.send("31-2-2026", literal=True)
        terminal.wait_for("‘31-2-2026’ is geen datum")
        terminal.send("C-q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()
