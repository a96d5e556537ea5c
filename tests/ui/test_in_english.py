"""The app in English (tests/english), run in a process of its own with an English locale:
a language is chosen once per process, before the screens are loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_app_in_english():
    env = {**os.environ, "REFLECTIEJOURNAAL_TEST_LANGUAGE": "en", "LANGUAGE": "", "LC_ALL": "",
           "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:randomly",
                           str(ROOT / "tests" / "english")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout
