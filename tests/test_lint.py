"""Static checks that catch real bugs: an undefined name only fails when its line runs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_no_undefined_names_or_unused_imports():
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "reflectiejournaal", "tests",
         "benchmarks", "docs", "tools"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_benchmark_still_starts():
    """A benchmark that no longer imports after a module moved is only found when someone
    next measures: each one is started with --help."""
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        done = subprocess.run([sys.executable, str(script), "--help"], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, f"{script.name}: {done.stderr[-2000:]}"
