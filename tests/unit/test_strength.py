"""A new passphrase's strength: zxcvbn's bar, and length alone is no strength."""

from __future__ import annotations

from reflectiejournaal.vault.strength import strength, strong_enough


def test_a_long_run_of_one_letter_is_weak_however_long():
    assert not strong_enough("a" * 73) and not strong_enough("a" * 500)
    assert not strong_enough("ab" * 60)


def test_a_long_passphrase_counts_by_its_strongest_stretch():
    words = "paarse olifant drinkt koffie op de veluwe tijdens storm "
    assert strong_enough(words * 3)  # 165 characters of words
    assert strong_enough("a" * 72 + "Xk9#mP2$qL vlinder")  # the strength after the 72nd
    assert strength("") == 0
