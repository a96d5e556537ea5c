"""An encrypted bundle opened in a real browser (headless Chromium, driven by Playwright).

The supervisor has nothing but a browser: the page must open from file:// with the right code,
say clearly when the code is wrong or the file damaged, run nothing from the entries, and
make no network request at all.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reflectiejournaal.bundle.html import format_bundle_code, new_bundle_key, render_html, seal_html
from reflectiejournaal.bundle.markdown import without_links

HOSTILE = """# Casus

Een regel met <script>window.pwned = 1</script> erin, een [link](javascript:window.pwned=2),
<img src=http://example.com/x.png onerror="window.pwned=3"> en ![foto](http://example.com/y.png).

Eén gewone zin die de supervisor moet lezen.
"""


@pytest.fixture
def sealed(tmp_path) -> tuple[Path, str]:
    key = new_bundle_key()
    path = tmp_path / "bundel.html"
    path.write_text(seal_html(render_html(HOSTILE, "Bundel"), key), "utf-8")
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


@pytest.fixture
def server():
    """A local web server that records every request that reaches it."""
    seen: list[str] = []

    class Recorder(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
            seen.append(self.path)
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"reached")

        def log_message(self, *args) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}", seen
    httpd.shutdown()
    httpd.server_close()


def test_links_reach_nothing_however_they_are_clicked(browser, server, tmp_path):
    base, seen = server
    markdown = (f"# Casus\n\nLees [de site van de school]({base}/link) of <{base}/auto> of "
                f"{base}/bare.\n")
    # What the app writes has no links left; a link that slipped through is text as well.
    page_html = render_html(without_links(markdown) + f"\n[glipte erdoor]({base}/slipped)\n", "Bundel")
    key = new_bundle_key()
    path = tmp_path / "bundel.html"
    path.write_text(seal_html(page_html, key), "utf-8")
    page, requests = open_page(browser, path)
    page.fill("#code", format_bundle_code(key))
    page.click("button")
    frame = page.frame_locator("iframe")
    frame.locator("text=de site van de school").wait_for(timeout=30_000)
    assert frame.locator("a").count() == 0
    shown = frame.locator("main").inner_text()
    assert f"{base}/link" in shown and f"{base}/slipped" in shown  # the address, as text
    pages_before = len(page.context.pages)
    for text in ("de site van de school", f"{base}/auto", "glipte erdoor"):
        target = frame.locator(f"text={text}").first
        target.click(modifiers=["Control"])
        target.click(modifiers=["Shift"])
        target.click(button="middle")
        target.click()
    page.wait_for_timeout(500)  # a navigation would have started by now; none may
    assert seen == []
    assert [u for u in requests if not u.startswith(("file:", "data:", "about:"))] == []
    assert len(page.context.pages) == pages_before
    assert page.frame_locator("iframe").locator("text=de site van de school").count() == 1
