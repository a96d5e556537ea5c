"""The domain never imports the UI: importing it (and the command line) loads no textual or rich."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "crypto", "header", "recovery", "vault", "fsutil", "model", "index", "search",
    "journal", "transfer", "errors", "messages",
]


def test_domain_and_cli_import_no_textual_or_rich():
    imports = "; ".join(f"import reflectiejournaal.{m}" for m in [*DOMAIN, "cli", "commands"])
    code = f"{imports}; import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
