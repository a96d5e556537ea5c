"""The sealed bundle and the supervisor's feedback in WebKit, the engine of Safari (Debian's
WebKitGTK): opened from file:// with the code, a comment on the whole and on a selected
passage, saved; the file the page made is what ``reflectiejournaal feedback import`` takes.
Safari itself runs only on Apple's systems; this is its engine, WebCrypto included."""

from __future__ import annotations

import json

import pytest

from tests.browser.test_feedback_page import bundled, tables  # noqa: F401 — shared fixtures
from tests.browser.webkit import WebKit


@pytest.fixture
def webkit():
    browser = WebKit()
    yield browser
    browser.close()


def test_feedback_written_in_webkit_reaches_the_journal(webkit, bundled, cli, tmp_path):  # noqa: F811
    path, code, ids = bundled
    webkit.open(path.as_uri())
    webkit.js(f"document.getElementById('code').value = {json.dumps(code)};"
              "document.querySelector('button').click();")
    webkit.wait_for("return !!document.getElementById('feedback')")
    marks = webkit.js(f"""const g = document.getElementById('general');
        g.value = 'Gelezen in WebKit.'; g.dispatchEvent(new Event('input', {{bubbles: true}}));
        const f = document.querySelector('iframe'), d = f.contentDocument;
        const w = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
        for (let n = w.nextNode(); n; n = w.nextNode()) {{
            const i = n.data.indexOf('te snel');
            if (i < 0) continue;
            const r = d.createRange(); r.setStart(n, i); r.setEnd(n, i + 'te snel een oplossing'.length);
            f.contentWindow.getSelection().removeAllRanges(); f.contentWindow.getSelection().addRange(r);
        }}
        document.querySelector("section.card[data-entry='{ids['case']}'] button.add").click();
        return Array.from(d.querySelectorAll('mark.rj-passage'), m => m.textContent).join('');""")
    assert marks == "te snel een oplossing"
    # What the page hands to the download, taken as it is made (WebKitGTK's test browser
    # keeps downloads to itself).
    webkit.js("""window.made = null; const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { blob.text().then(t => { window.made = t; }); return make(blob); };
        const p = document.getElementById('passage-1');
        p.value = 'Waarom zo snel?'; p.dispatchEvent(new Event('input', {bubbles: true}));
        document.getElementById('save').click();""")
    saved = tmp_path / "feedback-webkit.rjfb"
    saved.write_text(webkit.wait_for("return window.made"))
    assert "Opgeslagen" in webkit.js("return document.getElementById('status').textContent")
    assert webkit.js("return localStorage.length + sessionStorage.length") == 0
    assert webkit.js("return String(window.pwned)") == "undefined"
    result = cli("feedback", "import", str(saved))
    assert result.code == 0 and "2 opmerkingen" in result.err, result.err
    words = json.loads(cli.ok("show", ids["case"], "--json"))["supervisor_feedback"]
    assert [(w["comment"], w["passage"]["quote"]) for w in words] == [
        ("Waarom zo snel?", "te snel een oplossing")]
