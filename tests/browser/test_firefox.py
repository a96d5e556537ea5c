"""The sealed bundle and the supervisor's feedback in Firefox too (Debian's ESR): opened from
file:// with the code, a comment on the whole and on a selected passage, saved as a file that
``reflectiejournaal feedback import`` takes; nothing stored, nothing from the entry run."""

from __future__ import annotations

import json

import pytest

from tests.browser.firefox import Firefox
from tests.browser.test_feedback_page import bundled, tables  # noqa: F401 — shared fixtures


@pytest.fixture
def firefox(tmp_path):
    browser = Firefox(tmp_path / "profiel", tmp_path / "downloads")
    yield browser
    browser.close()


def test_feedback_written_in_firefox_reaches_the_journal(firefox, bundled, cli, tmp_path):  # noqa: F811
    path, code, ids = bundled
    firefox.open(path.as_uri())
    firefox.js(f"document.getElementById('code').value = {json.dumps(code)};"
               "document.querySelector('button').click(); 1")
    firefox.wait_for("!!document.getElementById('feedback')")
    firefox.js("""(() => { const g = document.getElementById('general');
        g.value = 'Gelezen in Firefox.'; g.dispatchEvent(new Event('input', {bubbles: true}));
        const f = document.querySelector('iframe'), d = f.contentDocument;
        const w = d.createTreeWalker(d.body, NodeFilter.SHOW_TEXT);
        for (let n = w.nextNode(); n; n = w.nextNode()) {
            const i = n.data.indexOf('te snel');
            if (i < 0) continue;
            const r = d.createRange(); r.setStart(n, i); r.setEnd(n, i + 'te snel een oplossing'.length);
            f.contentWindow.getSelection().removeAllRanges(); f.contentWindow.getSelection().addRange(r);
        }
        return 1; })()""")
    firefox.js(f"document.querySelector(\"section.card[data-entry='{ids['case']}'] button.add\").click(); 1")
    assert firefox.js("document.querySelector('iframe').contentDocument"
                      ".querySelector('mark.rj-passage').textContent") == "te snel een oplossing"
    firefox.js("""(() => { const p = document.getElementById('passage-1');
        p.value = 'Waarom zo snel?'; p.dispatchEvent(new Event('input', {bubbles: true}));
        document.getElementById('save').click(); return 1; })()""")
    firefox.wait_for("document.getElementById('status').textContent.includes('Opgeslagen')")
    downloads = tmp_path / "downloads"
    found: list = []
    for _ in range(600):  # the download lands a moment after the click: until it is there
        found = [p for p in downloads.glob("*.rjfb") if p.stat().st_size]
        if found:
            break
        firefox.js("new Promise(r => setTimeout(() => r(1), 50))")
    [saved] = found
    assert firefox.js("localStorage.length + sessionStorage.length") == 0
    assert firefox.js("String(window.pwned)") == "undefined"
    result = cli("feedback", "import", str(saved))
    assert result.code == 0 and "2 opmerkingen" in result.err, result.err
    words = json.loads(cli.ok("show", ids["case"], "--json"))["supervisor_feedback"]
    assert [(w["comment"], w["passage"]["quote"]) for w in words] == [
        ("Waarom zo snel?", "te snel een oplossing")]
