"""argparse's own words (usage, errors, help headings) in the user's language.

argparse looks its texts up through ``gettext`` in module globals at call time; pointing those
at the catalogue is the standard hook (its placeholders stay ``%(name)s``).
"""

from __future__ import annotations

import argparse

from ..locale import t

# argparse's message id → catalogue key.
WORDS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "show program's version number and exit": "argparse.version",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one_required",
    "not allowed with argument %s": "argparse.not_allowed_with",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "expected %s argument": "argparse.expected_n",
    "expected %s arguments": "argparse.expected_n",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "ignored explicit argument %r": "argparse.ignored_explicit",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
}


def translated(message: str) -> str:
    key = WORDS.get(message)
    return t(key) if key else message


def translated_plural(singular: str, plural: str, count: int) -> str:
    return translated(singular if count == 1 else plural)


def install() -> None:
    argparse._ = translated  # type: ignore[attr-defined]
    argparse.ngettext = translated_plural  # type: ignore[attr-defined]
