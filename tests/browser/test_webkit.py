"""The sealed bundle and the supervisor's feedback in WebKit, the engine of Safari (Debian's
WebKitGTK): opened from file:// with the code, a comment on the whole and on a selected
passage, saved; the file the page made is what ``reflectiejournaal feedback import`` takes.
Safari itself runs only on Apple's systems; this is its engine, WebCrypto included."""

from __future__ import annotations

import pytest

from tests.browser.supervisor import open_hostile_page, reaches_the_journal, write_feedback
from tests.browser.test_feedback_page import bundled, tables  # noqa: F401 — shared fixtures
from tests.browser.test_sealed_bundle import sealed  # noqa: F401 — a page with a hostile entry
from tests.browser.webkit import WebKit


@pytest.fixture
def webkit():
    browser = WebKit()
    yield browser
    browser.close()


def test_feedback_written_in_webkit_reaches_the_journal(webkit, bundled, cli, tmp_path):  # noqa: F811
    page, code, ids = bundled
    saved = tmp_path / "feedback-webkit.rjfb"
    saved.write_text(write_feedback(webkit, page, code, ids["case"]))
    reaches_the_journal(cli, saved, ids["case"])


def test_a_hostile_entry_runs_nothing_in_webkit(webkit, sealed):  # noqa: F811
    page, code = sealed
    shown = open_hostile_page(webkit, page, code)
    assert "<script>window.pwned = 1</script>" in shown  # shown as text, never run
