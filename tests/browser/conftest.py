"""Real headless Chromium (Debian's, driven by Playwright), and the installed command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.cli.conftest import cli, passphrase_file  # noqa: F401 — shared with the command-line tests

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


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
