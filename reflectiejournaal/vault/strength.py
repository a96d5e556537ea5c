"""How hard a new passphrase is to guess, by zxcvbn: the same bar in the app and the CLI."""

from __future__ import annotations

from zxcvbn import zxcvbn

ZXCVBN_MAX = 72
MIN_SCORE = 2  # zxcvbn's "somewhat guessable": about 10^8 guesses, each costing Argon2id


def strength(passphrase: str) -> int:
    """0 (very weak) to 4 (very strong), by zxcvbn. zxcvbn reads at most 72 characters, so a
    longer passphrase counts by its strongest stretch of 72: length alone is no strength
    ("a" × 73 is as weak as "a" × 72)."""
    if not passphrase:
        return 0
    return max(zxcvbn(passphrase[start:start + ZXCVBN_MAX])["score"]
               for start in range(0, len(passphrase), ZXCVBN_MAX))


def strong_enough(passphrase: str) -> bool:
    return strength(passphrase) >= MIN_SCORE
