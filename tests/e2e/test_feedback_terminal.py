"""The supervisor's feedback in the installed app on a small laptop terminal (tmux, 80×24):
the file the page saved is in Downloads, `f` offers it, Enter imports it, and the words are
there beside the entry — and a hostile comment moves no cursor and paints nothing."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal.bundle.feedback_file import seal_feedback
from reflectiejournaal.bundle.html import new_bundle_key
from reflectiejournaal.feedback import SentBundle
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.vault.store import Vault
from tests.e2e.test_app_terminal import COMMAND, env
from tests.e2e.tmux import Terminal
from tests.helpers import PASSPHRASE, cheap_kdf

ENTRY = "00000000000000c1"


def test_feedback_from_downloads_at_80_by_24(tmp_path):
    made, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    journal = Journal(made, None)
    moment = dt.datetime(2026, 11, 2, 20, tzinfo=dt.timezone.utc)
    journal.save(Entry(ENTRY, "case", "Casus over grenzen", moment, moment,
                       "Ik merkte dat ik te snel een oplossing gaf.\n"))
    bundle = SentBundle("00000000000000b1", moment, "html-encrypted", [ENTRY],
                        title="Bundel", supervisor="Anna de Vries", key=new_bundle_key().hex())
    journal.record_bundle(bundle)
    made.release_lock()
    home = tmp_path / "home"
    (home / "Downloads").mkdir(parents=True)
    (home / "Downloads" / "feedback-00000000.rjfb").write_bytes(seal_feedback(
        bundle, "Mooi\x1b[2J\x1b[31m rood?", {ENTRY: {"comment": "Herken je dit patroon?",
                                                    "passages": [{"quote": "te snel een oplossing",
                                                                  "at": 0, "comment": "Waarom?"}]}}))
    terminal = Terminal(tmp_path, width=80, height=24)
    try:
        terminal.start([COMMAND, "--vault", str(made.path)], env() | {"HOME": str(home)})
        terminal.wait_for("Kluis openen")
        terminal.send(PASSPHRASE, literal=True)
        terminal.send("Enter")
        terminal.wait_for("Overzicht")
        terminal.send("f")
        terminal.wait_for("~/Downloads/feedback-00000000.rjfb")
        terminal.send("Enter")
        terminal.wait_for("3 opmerkingen")
        screen = terminal.screen(colours=True)
        assert "Herken je dit patroon?" in screen and "Mooi[2J[31m rood?" in screen
        assert "\x1b[2J" not in screen  # the escape was dropped at import: the screen stands
        terminal.send("Escape")
        terminal.wait_for("Overzicht")
        terminal.send("a")
        terminal.wait_for("Casus over grenzen")
        terminal.send("Enter")
        terminal.wait_for(r"⟦1 te snel een oplossing ⟧")
        terminal.wait_for("Feedback van je supervisor")
        terminal.send("C-q")
        terminal.wait_for("EXIT=0")
    finally:
        terminal.close()
