"""The supervisor writes back (issue 14), in real headless Chromium and the installed command.

A sealed bundle made by ``reflectiejournaal bundle`` is opened with its code; the supervisor
comments on an entry, on a selected passage and on the whole, saves, and the download is
imported with ``reflectiejournaal feedback import``: the words are in ``show --json``. No
request leaves the page and nothing is stored in the browser during the whole session.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import pytest

from tests.cli.conftest import Cli

CASE = ("## Situatie\n\nJan belde vanaf 06-12345678 over zijn zus. Ik merkte dat ik te snel "
        "een oplossing gaf.\n")
HOSTILE_COMMENT = "<img src=x onerror=window.pwned=1> **geen opmaak** [link](http://x)"


@pytest.fixture(autouse=True)
def tables(user_tables):
    return user_tables


@pytest.fixture
def bundled(cli: Cli, tmp_path: Path) -> tuple[Path, str, dict[str, str]]:
    trajectory = cli.ok("traject", "new", "--form", "supervisie", "--title", "Supervisie",
                        "--start", "2026-01-07").strip()
    cli.ok("clients", "add", "Jan", "--pseudonym", "Kees")
    ids = {
        "case": cli.ok("new", "--kind", "case", "--title", "Casus", "--trajectory", trajectory,
                       "--meeting", "2", stdin=CASE).strip(),
        "reflection": cli.ok("new", "--kind", "reflection", "--title", "Reflectie",
                             "--trajectory", trajectory, "--meeting", "2",
                             stdin="Ik was onrustig tijdens het gesprek.").strip(),
    }
    path = tmp_path / "bundel.html"
    out = cli.ok("bundle", "--trajectory", trajectory, "--format", "html-encrypted",
                 "--out", str(path), "--replace-all", "--supervisor", "Anna de Vries")
    return path, re.search(r"Bundelcode: (\S+)", out).group(1), ids


def open_bundle(browser, path: Path, code: str):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    page.fill("#code", code)
    page.click("button")
    page.locator("#feedback").wait_for(timeout=30_000)
    return page, requests


def select_in_frame(page, text: str) -> None:
    """What a supervisor does with the mouse: select ``text`` in the entry."""
    page.frames[1].evaluate("""(text) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            const range = document.createRange();
            range.setStart(node, at); range.setEnd(node, at + text.length);
            getSelection().removeAllRanges(); getSelection().addRange(range);
            return;
        }
        throw new Error("not on the page: " + text);
    }""", text)


def save(page, folder: Path) -> Path:
    with page.expect_download() as download:
        page.click("#save")
    target = folder / download.value.suggested_filename
    download.value.save_as(target)
    return target


def test_comments_go_from_the_page_into_the_journal(browser, bundled, cli, tmp_path):
    path, code, ids = bundled
    page, requests = open_bundle(browser, path, code)
    page.fill("#general", "Mooie ontwikkeling sinds de vorige keer.")
    page.fill(f"#comment-{ids['case']}", HOSTILE_COMMENT)
    select_in_frame(page, "te snel een oplossing gaf")
    page.locator(f"section.card[data-entry='{ids['case']}'] button.add").click()
    page.fill("#passage-1", "Herken je dit patroon?")
    assert page.frames[1].locator("mark.rj-passage").inner_text() == "te snel een oplossing gaf"
    assert "Niet opgeslagen" in page.locator("#status").inner_text()
    saved = save(page, tmp_path)
    assert saved.name.startswith("feedback-") and saved.suffix == ".rjfb"
    assert "Opgeslagen als" in page.locator("#status").inner_text()
    # In the file nothing is readable but the header's ids and time.
    raw = saved.read_text()
    for words in ("Mooie", "Herken", "te snel", "onerror"):
        assert words not in raw and words not in base64.b64decode(json.loads(raw)["header"]).decode()
    assert page.evaluate("window.pwned") is None
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:", "blob:"))] == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("indexedDB.databases().then(d => d.length)") == 0

    result = cli("feedback", "import", str(saved))
    assert result.code == 0 and "3 opmerkingen" in result.err, result.err
    shown = json.loads(cli.ok("show", ids["case"], "--json"))
    words = shown["supervisor_feedback"]
    assert [w["comment"] for w in words] == [HOSTILE_COMMENT, "Herken je dit patroon?"]
    assert words[1]["passage"]["quote"] == "te snel een oplossing gaf"
    assert "Herken" not in shown["body"]  # beside the entry, never in it
    assert cli("feedback", "import", str(saved)).err.startswith("Deze feedback")  # twice: same


def test_going_on_later_saving_again_and_a_replay(browser, bundled, cli, tmp_path):
    path, code, ids = bundled
    page, _ = open_bundle(browser, path, code)
    page.fill(f"#comment-{ids['reflection']}", "Eerste gedachte.")
    first = save(page, tmp_path / "eerste")
    page.close()
    # A day later, in a fresh page: the earlier file opened again, and one more comment.
    page, requests = open_bundle(browser, path, code)
    page.set_input_files("#continue", str(first))
    page.locator("#status").filter(has_text="is geopend").wait_for()
    assert page.input_value(f"#comment-{ids['reflection']}") == "Eerste gedachte."
    page.fill("#general", "Tweede keer gelezen.")
    second = save(page, tmp_path / "tweede")
    assert cli("feedback", "import", str(second)).code == 0
    replay = cli("feedback", "import", str(first))
    assert replay.code == 0 and "ouder" in replay.err  # nothing changed
    listed = json.loads(cli.ok("feedback", "show", "--json"))
    assert {w["comment"] for w in listed} == {"Eerste gedachte.", "Tweede keer gelezen."}
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:", "blob:"))] == []


def test_another_bundles_or_a_changed_file_gets_the_right_message(browser, bundled, cli, tmp_path):
    path, code, ids = bundled
    page, _ = open_bundle(browser, path, code)
    page.fill(f"#comment-{ids['case']}", "Goed verwoord.")
    saved = save(page, tmp_path)
    outer = json.loads(saved.read_text())
    sealed = bytearray(base64.b64decode(outer["ciphertext"]))
    sealed[3] ^= 0x20
    changed = tmp_path / "veranderd.rjfb"
    changed.write_text(json.dumps({**outer, "ciphertext": base64.b64encode(bytes(sealed)).decode()}))
    result = cli("feedback", "import", str(changed))
    assert result.code == 5 and "veranderd of beschadigd" in result.err
    # The same file in a page opened for another bundle is refused there too.
    other = tmp_path / "ander.html"
    out = cli.ok("bundle", "--entry", ids["reflection"], "--format", "html-encrypted",
                 "--out", str(other), "--replace-all")
    page, _ = open_bundle(browser, other, re.search(r"Bundelcode: (\S+)", out).group(1))
    page.set_input_files("#continue", str(saved))
    page.locator("#status").filter(has_text="geen feedback op deze bundel").wait_for()
    # And a vault that never made the bundle does not take it.
    stranger = Cli(tmp_path / "andere-kluis", cli.passphrase_file)
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE, cheap_kdf

    Vault.create(stranger.vault, PASSPHRASE, kdf=cheap_kdf())[0].release_lock()
    result = stranger("feedback", "import", str(saved))
    assert result.code == 4 and "niet in deze kluis" in result.err


def test_leaving_with_unsaved_comments_asks_first(browser, bundled, tmp_path):
    path, code, ids = bundled
    page, _ = open_bundle(browser, path, code)
    page.fill(f"#comment-{ids['case']}", "Nog niet opgeslagen.")
    with page.expect_event("dialog") as asked:
        page.close(run_before_unload=True)
    assert asked.value.type == "beforeunload"
    asked.value.dismiss()  # "stay on the page": the comment is still there
    assert page.input_value(f"#comment-{ids['case']}") == "Nog niet opgeslagen."
    save(page, tmp_path)
    with page.expect_event("close"):  # saved: leaving asks nothing
        page.close(run_before_unload=True)


def test_the_page_prints_with_the_comments(browser, bundled, tmp_path):
    path, code, ids = bundled
    page, _ = open_bundle(browser, path, code)
    page.fill(f"#comment-{ids['case']}", "Wat deed dit met je?")
    page.emulate_media(media="print")
    frame = page.frames[1]
    block = frame.locator(f"article[data-entry='{ids['case']}'] .rj-feedback")
    assert block.is_visible() and "Wat deed dit met je?" in block.inner_text()
    assert not page.locator("#feedback").is_visible()  # the panel is not printed
    page.emulate_media(media="screen")
    assert not block.is_visible()  # on screen the panel beside the text says it


def test_ctrl_p_prints_the_frame_with_its_own_pages(browser, bundled):
    """The page around the frame would print the text cut at the frame's height: Ctrl+P prints
    the frame itself, from the panel and from the text alike."""
    path, code, ids = bundled
    page, _ = open_bundle(browser, path, code)
    page.fill(f"#comment-{ids['case']}", "Afgedrukt?")
    page.evaluate("() => { window.printed = 0;"
                  " document.querySelector('iframe').contentWindow.print ="
                  " () => { window.printed += 1; }; }")
    page.keyboard.press("Control+p")  # the focus in the panel's comment
    page.frames[1].locator("article").first.click()  # and in the text
    page.keyboard.press("Control+p")
    assert page.evaluate("window.printed") == 2
    assert "Afgedrukt?" in page.frames[1].locator(".rj-feedback").first.inner_text()
