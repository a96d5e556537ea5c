"""The process switches off core dumps and Textual's debugging aids before it holds a secret."""

from __future__ import annotations

import json
import os
import subprocess
import sys

PROBE = """
import ctypes, json, os, resource
from reflectiejournaal.vault.hardening import no_core_dumps, without_debugging_variables
no_core_dumps()
removed = without_debugging_variables()
print(json.dumps({"removed": removed, "core": resource.getrlimit(resource.RLIMIT_CORE),
                  "dumpable": ctypes.CDLL(None).prctl(3, 0, 0, 0, 0),  # PR_GET_DUMPABLE
                  "theme": os.environ.get("TEXTUAL_THEME")}))
"""


def test_no_core_dumps_no_ptrace_and_no_debugging_variables():
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")} | {"TEXTUAL": "devtools", "TEXTUAL_LOG": "/tmp/x.log", "TEXTUAL_PRESS": "q",
                        "TEXTUAL_SCREENSHOT": "1", "TEXTUAL_THEME": "nord"}
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True,
                          check=True)
    state = json.loads(done.stdout)
    assert state == {"removed": ["TEXTUAL", "TEXTUAL_LOG", "TEXTUAL_PRESS", "TEXTUAL_SCREENSHOT"],
                     "core": [0, 0], "dumpable": 0, "theme": "nord"}
