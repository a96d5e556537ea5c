"""Text from outside never drives the user's terminal (issue 24): an entry with escape
sequences, shown with the installed command on a real terminal (a pty), prints them as
visible escapes."""

from __future__ import annotations

import os
import pty
import select
import subprocess

from reflectiejournaal.controls import visible_controls
from tests.cli.conftest import COMMAND

# OSC 52 writes the clipboard; CSI 2J clears the screen; a carriage return draws a fake line;
# U+202E turns what follows around.
HOSTILE = "Gesprek\x1b]52;c;Z2VoZWlt\x07 en\x1b[2J\rnep regel \u202egnilleb"


def test_control_characters_become_visible_escapes():
    assert visible_controls(HOSTILE) == (
        "Gesprek\\x1b]52;c;Z2VoZWlt\\x07 en\\x1b[2J\\x0dnep regel \\u202egnilleb")
    assert visible_controls("regel één\n\tingesprongen") == "regel één\n\tingesprongen"


def run_on_a_terminal(cli, *args: str) -> bytes:
    """The installed command with a pty as its standard output and error."""
    main, child = pty.openpty()
    try:
        process = subprocess.Popen(
            [str(COMMAND), "--vault", str(cli.vault), "--passphrase-file", str(cli.passphrase_file),
             *args], stdin=subprocess.DEVNULL, stdout=child, stderr=child)
        os.close(child)
        output = bytearray()
        while True:
            ready, _, _ = select.select([main], [], [], 30)
            if not ready:
                break
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the other end closed: the command is done
                break
            if not chunk:
                break
            output += chunk
        assert process.wait(timeout=30) == 0, bytes(output)
        return bytes(output)
    finally:
        os.close(main)


def test_an_entry_from_outside_never_drives_the_terminal(cli):
    entry_id = cli.ok("new", "--kind", "note", "--title", "Uit een import", stdin=HOSTILE).strip()
    shown = run_on_a_terminal(cli, "show", entry_id)
    assert b"\x1b]52" not in shown and b"\x1b[2J" not in shown and "\u202e".encode() not in shown
    # The entry keeps no escape at all (model.Entry); its carriage return, which it does
    # keep, reaches the terminal as a visible escape.
    assert b"Gesprek]52;c;Z2VoZWlt en[2J\\x0dnep regel gnilleb" in shown
    listed = run_on_a_terminal(cli, "search", "gesprek")
    assert b"\x1b]52" not in listed and b"\x07" not in listed
