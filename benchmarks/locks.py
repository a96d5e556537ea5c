"""Benchmarks make and open vaults: their locks go to a folder of their own, never the user's
real home (where the app finds its locks through the password database)."""

from __future__ import annotations

import os
import tempfile

from reflectiejournaal.vault.fsutil import LOCK_HOME_VARIABLE


def private_locks() -> None:
    """Every vault this process and its children open keeps its lock in a temporary folder."""
    os.environ.setdefault(LOCK_HOME_VARIABLE, tempfile.mkdtemp(prefix="rj-bench-locks-"))
