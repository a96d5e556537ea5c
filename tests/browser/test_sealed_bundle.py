"""An encrypted bundle opened in a real browser (headless Chromium, driven by Playwright).

The supervisor has nothing but a browser: the page must open from file:// with the right code,
say clearly when the code is wrong or the file damaged, run nothing from the entries, and
make no network request at all.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reflectiejournaal.bundle_html import format_bundle_code, new_bundle_key, render_html, seal_html

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
HOSTILE = """# Casus

Een regel met <script>window.pwned = 1</script> erin, een [link](javascript:window.pwned=2),
<img src=http://example.com/x.png onerror="window.pwned=3"> en ![foto](http://example.com/y.png).

Eén gewone zin die de supervisor moet lezen.
"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is required (.ci/run installs it)"
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield browser
        browser.close()


@pytest.fixture
def sealed(tmp_path) -> tuple[Path, str]:
    key = new_bundle_key()
    path = tmp_path / "bundel.html"
    path.write_text(seal_html(render_html(HOSTILE, "Bundel"), key, "Bundel voor Anna"), "utf-8")
    return path, format_bundle_code(key)


def open_page(browser, path: Path):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    return page, requests


def test_the_right_code_shows_the_text_and_runs_nothing(browser, sealed):
    path, code = sealed
    page, requests = open_page(browser, path)
    page.fill("#code", code.lower().replace("-", " "))  # sloppy typing still works
    page.click("button")
    frame = page.frame_locator("iframe")
    frame.locator("text=Eén gewone zin die de supervisor moet lezen.").wait_for(timeout=30_000)
    shown = frame.locator("main").inner_text()
    assert "<script>window.pwned = 1</script>" in shown  # shown as text, never run
    assert "[afbeelding: foto]" in shown
    assert page.evaluate("window.pwned") is None
    assert frame.locator("a[href^='javascript']").count() == 0
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert page.evaluate("document.cookie") == ""


def test_a_mistyped_and_a_wrong_code_are_explained(browser, sealed):
    path, code = sealed
    page, _ = open_page(browser, path)
    typo = ("A" if code[0] != "A" else "B") + code[1:]
    page.fill("#code", typo)
    page.click("button")
    page.locator("#message").filter(has_text="tikfout").wait_for()
    other = format_bundle_code(new_bundle_key())
    page.fill("#code", other)
    page.click("button")
    page.locator("#message").filter(has_text="hoort niet bij dit bestand").wait_for(timeout=30_000)
    assert page.locator("iframe").count() == 0


def test_a_tampered_file_is_refused(browser, sealed):
    path, code = sealed
    text = path.read_text()
    start = text.index('<pre id="payload" hidden>') + len('<pre id="payload" hidden>') + 40
    flipped = "A" if text[start] != "A" else "B"
    path.write_text(text[:start] + flipped + text[start + 1:])
    page, _ = open_page(browser, path)
    page.fill("#code", code)
    page.click("button")
    page.locator("#message").filter(has_text="hoort niet bij dit bestand").wait_for(timeout=30_000)
    assert page.locator("iframe").count() == 0


def test_a_damaged_header_is_refused_without_key_work(browser, sealed):
    path, code = sealed
    text = path.read_text()
    start = text.index('<pre id="header" hidden>') + len('<pre id="header" hidden>')
    path.write_text(text[:start] + "!!" + text[start + 2:])
    page, _ = open_page(browser, path)
    page.fill("#code", code)
    page.click("button")
    page.locator("#message").filter(has_text="beschadigd").wait_for()
