"""The sealed bundle and the supervisor's feedback in Firefox too (Debian's ESR): opened from
file:// with the code, a comment on the whole and on a selected passage, saved as a file that
``reflectiejournaal feedback import`` takes; nothing stored, nothing from the entry run."""

from __future__ import annotations

import pytest

from tests.browser.firefox import Firefox
from tests.browser.supervisor import open_hostile_page, reaches_the_journal, write_feedback
from tests.browser.test_feedback_page import bundled, tables  # noqa: F401 — shared fixtures
from tests.browser.test_sealed_bundle import sealed  # noqa: F401 — a page with a hostile entry


@pytest.fixture
def firefox(tmp_path):
    browser = Firefox(tmp_path / "profiel")
    yield browser
    browser.close()


def test_feedback_written_in_firefox_reaches_the_journal(firefox, bundled, cli, tmp_path):  # noqa: F811
    page, code, ids = bundled
    saved = tmp_path / "feedback-firefox.rjfb"
    saved.write_text(write_feedback(firefox, page, code, ids["case"]))
    reaches_the_journal(cli, saved, ids["case"])


def test_a_hostile_entry_runs_nothing_in_firefox(firefox, sealed):  # noqa: F811
    page, code = sealed
    shown = open_hostile_page(firefox, page, code)
    assert "<script>window.pwned = 1</script>" in shown  # shown as text, never run
