"""Static checks that catch real bugs: an undefined name only fails when its line runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_no_undefined_names_or_unused_imports():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "reflectiejournaal", "tests",
         "benchmarks", "docs"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
