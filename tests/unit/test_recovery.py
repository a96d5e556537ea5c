"""The herstelcode: readable groups, a checksum that catches typos before any key work."""

from __future__ import annotations

import re

import pytest

from reflectiejournaal.errors import MistypedRecoveryCode
from reflectiejournaal.vault.recovery import (
    ALPHABET,
    format_recovery_code,
    new_recovery_key,
    parse_recovery_code,
)


def test_format_is_eight_groups_of_four():
    code = format_recovery_code(new_recovery_key())
    assert re.fullmatch(r"([0-9A-Z]{4}-){7}[0-9A-Z]{4}", code)
    assert not set(code) & set("ILOU")


def test_round_trip_tolerates_case_spaces_and_lookalikes():
    key = new_recovery_key()
    code = format_recovery_code(key)
    assert parse_recovery_code(code) == key
    sloppy = code.lower().replace("-", " ").replace("1", "l").replace("0", "o")
    assert parse_recovery_code("  " + sloppy + "\n") == key


def test_every_single_character_typo_is_caught():
    key = new_recovery_key()
    code = format_recovery_code(key).replace("-", "")
    for position, char in enumerate(code):
        for other in ALPHABET:
            if other == char:
                continue
            typo = code[:position] + other + code[position + 1 :]
            with pytest.raises(MistypedRecoveryCode):
                parse_recovery_code(typo)


@pytest.mark.parametrize("text", ["", "ABCD", "!" * 32, "A" * 33])
def test_malformed_codes_are_refused(text):
    with pytest.raises(MistypedRecoveryCode):
        parse_recovery_code(text)


def test_swapped_neighbours_are_caught():
    code = format_recovery_code(new_recovery_key()).replace("-", "")
    for i in range(len(code) - 1):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            with pytest.raises(MistypedRecoveryCode):
                parse_recovery_code(swapped)
