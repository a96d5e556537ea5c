"""What the process does before it holds a passphrase: no core dumps, no debugging aids.

A core dump of this process holds the passphrase, the keys and the text on screen, and lands
wherever the system puts crash files; Textual's logging, devtools and timed screenshots are
switched on by environment variables and write what the screen shows (every key of the
passphrase field) to files. All of this is switched off at start, before Textual is imported.
"""

from __future__ import annotations

import ctypes
import os
import resource
import sys

PR_SET_DUMPABLE = 4
# Textual's settings that only change how the app looks or responds; every other TEXTUAL*
# variable (TEXTUAL, TEXTUAL_LOG, TEXTUAL_DEVTOOLS_*, TEXTUAL_SCREENSHOT*, TEXTUAL_PRESS, …)
# is removed.
HARMLESS = frozenset({"TEXTUAL_ANIMATIONS", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_FPS", "TEXTUAL_THEME",
                      "TEXTUAL_DIM_FACTOR", "TEXTUAL_SMOOTH_SCROLL", "TEXTUAL_DISABLE_KITTY_KEY"})


def no_core_dumps() -> None:
    """No core file, and no other process of the user may attach (ptrace) or dump this one."""
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass  # a platform without the limit: nothing to lower
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
        except (OSError, AttributeError):
            pass


def without_debugging_variables() -> list[str]:
    """Remove Textual's debugging variables (call before Textual is imported); returns them."""
    removed = sorted(name for name in os.environ
                     if name.startswith("TEXTUAL") and name not in HARMLESS)
    for name in removed:
        del os.environ[name]
    return removed
