"""The domain never imports the UI: importing it (and the command line) loads no textual or rich."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "crypto", "header", "recovery", "vault", "fsutil", "model", "index", "search",
    "journal", "transfer", "errors", "messages", "clients", "bundle.selection", "bundle.detector",
    "bundle.language", "bundle.lexicon", "bundle.review", "bundle.markdown", "bundle.html",
    "bundle_commands",
]


def test_domain_and_cli_import_no_textual_or_rich():
    imports = "; ".join(f"import reflectiejournaal.{m}" for m in [*DOMAIN, "cli", "commands"])
    code = f"{imports}; import sys; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_journal_never_imports_a_feature_folder():
    """Item models and the journal sit below bundle/; the bundle uses them, never the reverse."""
    code = ("import reflectiejournaal.journal, sys; "
            "print(sorted(m for m in sys.modules if m.startswith('reflectiejournaal.bundle')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
