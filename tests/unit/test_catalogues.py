"""The message catalogues (gettext, Dutch and English): complete, consistent, and the only place
the user's words live."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from reflectiejournaal import errors
from reflectiejournaal.locale import catalogue
from reflectiejournaal.model import KINDS

ROOT = Path(__file__).parents[2]
PACKAGE = ROOT / "reflectiejournaal"
sys.path.insert(0, str(ROOT / "tools"))
import catalogues  # noqa: E402  (tools/catalogues.py: Babel's extraction and compilation)

LANGUAGES = catalogue.LANGUAGES


def keys(language: str) -> set[str]:
    return {m.id[0] if isinstance(m.id, tuple) else m.id
            for m in catalogues.read(language) if m.id}


def in_language(language: str):  # type: ignore[no-untyped-def]
    """The compiled catalogue of ``language``, as the program reads it."""
    return catalogue._load(language)  # noqa: SLF001


def test_both_catalogues_are_complete_consistent_and_compiled():
    """Every message in both languages, with the same placeholders and plural forms, and the
    .mo the program reads made from the .po as it is now."""
    assert catalogues.problems() == []


def test_extraction_finds_what_the_code_asks_for():
    used = catalogues.used_keys()
    assert len(used) > 400 and used["write.words"] is True and used["write.saved"] is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_computed_key_family_is_complete(language):
    """Keys made at run time (``t(f"kind.{kind}")``), which extraction cannot see."""
    from reflectiejournaal.bundle.entities import SEQUENCE_KINDS
    from reflectiejournaal.bundle.findings import KINDS as FINDING_KINDS
    from reflectiejournaal.cli.main import build_parser
    from reflectiejournaal.trajectory import FORMS, MEETING_STATUSES, ROLES, TRAJECTORY_STATUSES

    have = keys(language)
    families = [
        *(f"kind.{k}" for k in KINDS), *(f"kind.short.{k}" for k in KINDS),
        *(f"create.strength.{score}" for score in range(5)),
        *(f"meeting.status.{s}" for s in (*MEETING_STATUSES, "past")),
        *(f"trajectory.status.{s}" for s in TRAJECTORY_STATUSES),
        *(f"form.{f}" for f in FORMS), *(f"role.{r}" for r in ROLES if r != "regulier"),
        *(f"weekday.{d}" for d in range(7)), *(f"month.long.{m}" for m in range(1, 13)),
        *(f"month.short.{m}" for m in range(1, 13)), *(f"language.{c}" for c in LANGUAGES),
        *(f"bundle.placeholder.{k}" for k in FINDING_KINDS), *(f"finding.{k}" for k in FINDING_KINDS),
        *(f"bundle.sequence.{k}" for k in SEQUENCE_KINDS),
    ]
    commands = build_parser()._subparsers._group_actions[0].choices  # noqa: SLF001
    families += [f"cli.cmd.{name}" for name in commands]
    families += [cls.key for cls in vars(errors).values()
                 if isinstance(cls, type) and issubclass(cls, errors.JournalError)]
    assert sorted(k for k in families if k not in have) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reason_code_the_domain_raises_has_words(language):
    codes = set()
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text("utf-8")
        codes |= set(re.findall(
            r"""(?:DamagedItem|NotAVault|VaultExists|InvalidEntry|WriteFailed)\([^)]*?(?<!=)["']([a-z_]+)["']\)""",
            text))
        codes |= set(re.findall(r"""InvalidEntry\(\s*["']([a-z_]+)["']""", text))
    assert codes
    have = keys(language)
    assert sorted(c for c in codes if f"reason.{c}" not in have) == []


def test_plural_forms_come_from_each_catalogue():
    dutch, english = in_language("nl"), in_language("en")
    assert [dutch.ngettext("write.words", "write.words", n) for n in (1, 0, 2)] == [
        "{count} woord", "{count} woorden", "{count} woorden"]
    assert [english.ngettext("write.words", "write.words", n) for n in (1, 0, 2)] == [
        "{count} word", "{count} words", "{count} words"]
    from reflectiejournaal.locale import t, tn

    assert tn("cli.check_ok", 1) == "Het ene bestand is in orde."
    assert tn("write.words", 0) == "0 woorden"
    assert t("stats.summary", entries=tn("count.entries", 1), words=tn("count.words", 2),
             longest=tn("count.weeks", 1), current=1) == (
        "1 tekst, 2 woorden; langste reeks 1 week op rij, nu 1.")


def test_terminal_control_characters_in_values_are_shown_not_obeyed():
    """A file name planted in a synced folder carried OSC 52 (fill the clipboard) to `check`."""
    from reflectiejournaal.locale import t

    shown = t("error.not_a_vault", path="items/y\x1b]52;c;cm0gLXJmIH4=\x07.rj", reason="x")
    assert "\x1b" not in shown and "\x07" not in shown and "\\x1b]52" in shown


def test_an_unknown_key_fails_a_test_instead_of_showing_on_screen():
    from reflectiejournaal.locale import t

    with pytest.raises(KeyError):
        t("no.such.message")


@pytest.mark.parametrize(("environment", "language"), [
    ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANG": "nl_BE.UTF-8"}, "nl"),
    ({"LANG": "C.UTF-8"}, "nl"),  # a language we do not have: the product's own
    ({"LANG": "de_DE.UTF-8"}, "nl"),
    ({"LC_ALL": "en_US.UTF-8", "LANG": "nl_NL.UTF-8"}, "en"),  # LC_ALL overrides LANG
    ({"LANGUAGE": "fr:en_GB", "LANG": "nl_NL.UTF-8"}, "en"),  # the first of the list we have
    ({}, "nl"),
])
def test_the_language_follows_the_environment(environment, language):
    assert catalogue.language_from_environment(environment) == language


def test_the_settings_language_is_remembered_for_the_next_start(tmp_path):
    assert catalogue.remembered_language(tmp_path) is None
    catalogue.remember_language(tmp_path, "en")
    assert catalogue.remembered_language(tmp_path) == "en"
    assert (tmp_path / catalogue.REMEMBERED).stat().st_mode & 0o077 == 0
    catalogue.remember_language(tmp_path, None)  # "the computer's language" again
    assert catalogue.remembered_language(tmp_path) is None
    (tmp_path / catalogue.REMEMBERED).write_text("xx\n")
    assert catalogue.remembered_language(tmp_path) is None


# Words a sentence for the user almost always has, in either language.
_FUNCTION_WORDS = re.compile(
    r"\b(?:de|het|een|je|jouw|niet|naar|voor|met|van|is|zijn|the|you|your|not|with|for|of|to)\b",
    re.IGNORECASE)
# Where words are expected outside the catalogues, and why.
_ALLOWED = {
    "DEFAULT_CSS", "CSS",  # style sheets
    "STOP_WORDS",  # words that never make a theme: data for the text, not words for the user
    "WORDS",  # argparse's own English sentences, looked up to put ours in their place
}
_TAGS = re.compile(r"<[^>]*>")


def _user_words(path: Path) -> list[str]:
    """String constants with two or more words and a function word: a sentence in the code."""
    tree = ast.parse(path.read_text("utf-8"))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and \
                isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))  # a docstring
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id in _ALLOWED for target in node.targets):
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                node.func.attr == "compile":  # a regular expression
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.keyword) and node.arg == "style":  # Rich's "not bold"
            skip.add(id(node.value))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip:
            text = _TAGS.sub(" ", node.value)  # HTML's markup is not words
            if re.search(r"[^\W\d_]{2,}\s+[^\W\d_]{2,}", text) and _FUNCTION_WORDS.search(text):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:60]!r}")
    return found


def test_no_words_for_the_user_outside_the_catalogues():
    """The interfaces (the app, its screens and widgets, the command line) and what the
    supervisor reads (the bundle's page and Markdown) take every sentence from a catalogue."""
    places = [*PACKAGE.glob("app/*.py"), *PACKAGE.glob("screens/*.py"), *PACKAGE.glob("widgets/*.py"),
              *PACKAGE.glob("cli/*.py"), PACKAGE / "bundle" / "html.py",
              PACKAGE / "bundle" / "markdown.py", *PACKAGE.glob("review/*.py"),
              *PACKAGE.glob("supervision/*.py")]
    found = [line for path in places for line in _user_words(path)]
    assert found == []


def test_what_is_due_says_whether_it_is_until_or_since():
    import datetime as dt

    from reflectiejournaal.supervision.due import DueItem, describe_due

    def due(before: bool, days: int) -> str:
        return describe_due(DueItem("t", "Supervisie", "reflection", "reflectieverslag", 2,
                                    dt.date(2026, 1, 1), before, days, None)).split(": ")[1]

    assert [due(True, 0), due(True, 1), due(True, 7)] == ["vandaag", "morgen", "over 7 dagen"]
    assert [due(False, 1), due(False, 20)] == ["gisteren", "20 dagen geleden"]


def test_a_message_with_plural_forms_is_never_taken_as_one_form():
    """gettext gives a plural message's singular to a plain lookup: "morgen" for 20 days."""
    from reflectiejournaal.locale import t

    with pytest.raises(KeyError):
        t("due.before_days", days=20)
