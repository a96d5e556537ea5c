"""The README's test command on a machine that lacks a program the tests drive: it stops
before the first test and names the Debian package to install (never a skip)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_a_missing_browser_is_named_by_its_package_before_any_test_runs(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "tests/browser/test_webkit.py", "tests/browser/test_firefox.py"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PATH": str(tmp_path)})  # nothing on it
    assert done.returncode == 4, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert "sudo apt-get install chromium firefox-esr webkit2gtk-driver xvfb" in said
