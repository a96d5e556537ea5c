"""What is already at a bundle's place, said before it is replaced (issue 24)."""

from __future__ import annotations

import datetime as dt
import os

from reflectiejournaal.bundle.formats import OTHER, SEALED, default_name, form_of


def test_what_a_file_at_a_bundles_place_holds(tmp_path):
    assert form_of(tmp_path / "nothing.html") is None
    sealed = tmp_path / "a.html"
    sealed.write_text('<html><pre id="header" hidden>x</pre><pre id="payload" hidden>y</pre></html>')
    readable = tmp_path / "b.html"
    readable.write_text("<!doctype html><HTML><body>Kees belde</body></HTML>")
    markdown = tmp_path / "c.md"
    markdown.write_text("# Bundel\n")
    letter = tmp_path / "d.html"
    letter.write_text("just some text")
    os.utime(sealed, (0, dt.datetime(2026, 12, 3, 12).timestamp()))
    assert form_of(sealed) == (SEALED, dt.date(2026, 12, 3))
    assert form_of(readable)[0] == "html"
    assert form_of(markdown)[0] == "md"
    assert form_of(letter)[0] == OTHER


def test_a_fifo_or_a_folder_is_never_opened(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)  # opening it for reading would wait for a writer for ever
    assert form_of(fifo)[0] == OTHER
    assert form_of(tmp_path)[0] == OTHER


def test_the_proposed_name_carries_the_day_and_the_form():
    assert default_name("~/bundel", SEALED, dt.date(2026, 12, 8), "verzegeld") == \
        "~/bundel-2026-12-08-verzegeld.html"
    assert default_name("~/bundle", "md", dt.date(2026, 12, 8), "markdown") == \
        "~/bundle-2026-12-08-markdown.md"
