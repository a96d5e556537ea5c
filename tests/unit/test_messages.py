"""The message catalogue: every key the code asks for exists, so no user sees a raw key."""

from __future__ import annotations

import re
from pathlib import Path

from reflectiejournaal import errors
from reflectiejournaal.messages import NL
from reflectiejournaal.model import KINDS

PACKAGE = Path(__file__).parents[2] / "reflectiejournaal"
LITERAL_KEY = re.compile(r"""\bt\(\s*["']([a-z_][\w.]*)["']""")


def test_every_literal_key_exists():
    used = set()
    for path in PACKAGE.rglob("*.py"):
        used |= set(LITERAL_KEY.findall(path.read_text("utf-8")))
    assert used, "the scan found no keys at all"
    assert sorted(k for k in used if k not in NL) == []


def test_every_computed_key_family_is_complete():
    from reflectiejournaal.cli import build_parser

    assert all(f"kind.{k}" in NL for k in KINDS)
    assert all(f"create.strength.{score}" in NL for score in range(5))
    from reflectiejournaal.trajectory import MEETING_STATUSES

    assert all(f"meeting.status.{s}" in NL for s in (*MEETING_STATUSES, "past"))
    commands = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    assert all(f"cli.cmd.{name}" in NL for name in commands)
    error_keys = {cls.key for cls in vars(errors).values()
                  if isinstance(cls, type) and issubclass(cls, errors.JournalError)}
    assert all(k in NL for k in error_keys)


def test_every_reason_code_the_domain_raises_has_words():
    codes = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        codes |= set(re.findall(
            r"""(?:DamagedItem|NotAVault|VaultExists|InvalidEntry|WriteFailed)\([^)]*?(?<!=)["']([a-z_]+)["']\)""",
            text))
        codes |= set(re.findall(r"""InvalidEntry\(\s*["']([a-z_]+)["']""", text))
    assert codes
    assert sorted(c for c in codes if f"reason.{c}" not in NL) == []


def test_terminal_control_characters_in_values_are_shown_not_obeyed():
    """A file name planted in a synced folder carried OSC 52 (fill the clipboard) to `check`."""
    from reflectiejournaal.messages import t

    shown = t("error.not_a_vault", path="items/y\x1b]52;c;cm0gLXJmIH4=\x07.rj", reason="x")
    assert "\x1b" not in shown and "\x07" not in shown and "\\x1b]52" in shown


def test_counts_take_the_singular_for_one_and_the_plural_otherwise():
    from reflectiejournaal.messages import t

    assert t("write.words", count=1) == "1 woord"
    assert t("write.words", count=0) == "0 woorden"
    assert t("intentions.count", count=1, open=1) == "1 voornemen, waarvan 1 nog open"
    assert t("app.locked", minutes=1).startswith("De kluis is vergrendeld na 1 minuut ")
    assert t("stats.summary", entries=1, words=2, longest=1, current=1) == (
        "1 tekst, 2 woorden; langste reeks 1 week op rij, nu 1.")
    assert t("cli.check_ok", count=1) == "Het ene bestand is in orde."


def test_what_is_due_says_whether_it_is_until_or_since():
    import datetime as dt

    from reflectiejournaal.due import DueItem
    from reflectiejournaal.messages import describe_due

    def due(before: bool, days: int) -> str:
        return describe_due(DueItem("t", "Supervisie", "reflection", "reflectieverslag", 2,
                                    dt.date(2026, 1, 1), before, days, None)).split(": ")[1]

    assert [due(True, 0), due(True, 1), due(True, 7)] == ["vandaag", "morgen", "over 7 dagen"]
    assert [due(False, 1), due(False, 20)] == ["gisteren", "20 dagen geleden"]
