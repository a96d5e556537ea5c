"""What a supervisor does in the sealed page, the same in every browser driver that can run a
script in the page (``js``: a function body, ``return`` gives its value; ``wait_for``)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Cli

# Select a sentence in the entry with the mouse, as it were, and add it as a passage.
SELECT_AND_ADD = """
    const f = document.querySelector('iframe'), d = f.contentDocument;
    const w = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
    for (let n = w.nextNode(); n; n = w.nextNode()) {
        const i = n.data.indexOf('te snel');
        if (i < 0) continue;
        const r = d.createRange(); r.setStart(n, i); r.setEnd(n, i + 'te snel een oplossing'.length);
        f.contentWindow.getSelection().removeAllRanges(); f.contentWindow.getSelection().addRange(r);
    }
    document.querySelector("section.card[data-entry='%s'] button.add").click();
    return Array.from(d.querySelectorAll('mark.rj-passage'), m => m.textContent).join('');
"""

# What the page hands to the download, taken as it is made: the file the supervisor gets.
CATCH_AND_SAVE = """
    window.made = null; const make = URL.createObjectURL;
    URL.createObjectURL = (blob) => { blob.text().then(t => { window.made = t; }); return make(blob); };
    document.getElementById('save').click();
"""


def type_into(browser, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
    browser.js(f"const f = document.getElementById({json.dumps(field)}); f.value = {json.dumps(text)};"
               "f.dispatchEvent(new Event('input', {bubbles: true}));")


def write_feedback(browser, page: Path, code: str, entry: str) -> str:  # type: ignore[no-untyped-def]
    """Open ``page`` with ``code``, comment on the whole and on a passage of ``entry``, save;
    the feedback file's text."""
    browser.open(page.as_uri())
    type_into(browser, "code", code)
    browser.js("document.querySelector('button').click();")
    browser.wait_for("return !!document.getElementById('feedback')")
    type_into(browser, "general", "Gelezen in een andere browser.")
    assert browser.js(SELECT_AND_ADD % entry) == "te snel een oplossing"
    type_into(browser, "passage-1", "Waarom zo snel?")
    browser.js(CATCH_AND_SAVE)
    made = browser.wait_for("return window.made")
    assert "Opgeslagen" in browser.js("return document.getElementById('status').textContent")
    assert browser.js("return localStorage.length + sessionStorage.length") == 0
    assert browser.js("return String(window.pwned)") == "undefined"
    return str(made)


def reaches_the_journal(cli: Cli, saved: Path, entry: str) -> None:
    result = cli("feedback", "import", str(saved))
    assert result.code == 0 and "2 opmerkingen" in result.err, result.err
    words = json.loads(cli.ok("show", entry, "--json"))["supervisor_feedback"]
    assert [(w["comment"], w["passage"]["quote"]) for w in words] == [
        ("Waarom zo snel?", "te snel een oplossing")]


def open_hostile_page(browser, page: Path, code: str) -> str:  # type: ignore[no-untyped-def]
    """Open a sealed page whose entry tries to run script; the text the frame shows."""
    browser.open(page.as_uri())
    type_into(browser, "code", code)
    browser.js("document.querySelector('button').click();")
    shown = browser.wait_for("const f = document.querySelector('iframe');"
                             "return f && f.contentDocument && f.contentDocument.body"
                             " && f.contentDocument.body.innerText.includes('gewone zin')"
                             " && f.contentDocument.body.innerText;")
    assert browser.js("return String(window.pwned)") == "undefined"
    assert browser.js("return String(document.querySelector('iframe').contentWindow.pwned)") \
        == "undefined"
    assert browser.js("return document.querySelector('iframe').contentDocument"
                      ".querySelectorAll('a[href], script, img[src^=http]').length") == 0
    return str(shown)
