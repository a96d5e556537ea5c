"""How hard a new passphrase is to guess, by zxcvbn: the same bar in the app and the CLI."""

from __future__ import annotations

from zxcvbn import zxcvbn

ZXCVBN_MAX = 72
MIN_SCORE = 2  # zxcvbn's "somewhat guessable": about 10^8 guesses, each costing Argon2id


def strength(passphrase: str) -> int:
    """0 (very weak) to 4 (very strong), by zxcvbn (which refuses more than 72 characters;
    a passphrase that long is strong by its length alone)."""
    if len(passphrase) > ZXCVBN_MAX:
        return 4
    return zxcvbn(passphrase)["score"] if passphrase else 0


def strong_enough(passphrase: str) -> bool:
    return strength(passphrase) >= MIN_SCORE
