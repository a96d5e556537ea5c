"""Builds tests/data/golden-vault (run once; the result is committed and must never change).

The golden vault uses the real floor parameters (Argon2id, 64 MiB, 3 passes) so that a test
proves a real vault written by this version stays readable, by the app and by the
stand-alone script in docs/decrypt_vault.py.
"""

import datetime as dt
import shutil
from pathlib import Path

from reflectiejournaal.vault.crypto import FLOOR_ITERATIONS, FLOOR_MEMORY_KIB, LANES, KdfParams
from reflectiejournaal.model import Entry
from reflectiejournaal.vault.store import Vault

HERE = Path(__file__).parent
TZ = dt.timezone(dt.timedelta(hours=1))
ENTRIES = [
    Entry("5eed0000000000c1", "case", "Casus: de moeder die niet kwam", dt.datetime(2024, 1, 9, 20, 30, tzinfo=TZ),
          dt.datetime(2024, 1, 9, 21, 5, tzinfo=TZ),
          "# Situatie en context\n\nEen moeder kwam voor de derde keer niet op de afspraak.\n\n"
          "# Mijn vraag\n\nHoe stel ik een grens zonder het contact te verliezen? — één vraag.\n",
          meeting=4, tags=("grenzen", "ouders")),
    Entry("5eed0000000000c2", "reflection", "Reflectie op bijeenkomst 4", dt.datetime(2024, 1, 24, 17, 0, tzinfo=TZ),
          dt.datetime(2024, 1, 24, 17, 45, tzinfo=TZ),
          "Wat heeft het mij gedaan? Ik merkte **opluchting** en [iets] van schaamte.\n",
          meeting=4, tags=("grenzen",)),
    Entry("5eed0000000000c3", "note", "Unicode: ĳs, ß, 日本語, emoji 🌱", dt.datetime(2024, 2, 1, 8, 0, tzinfo=TZ),
          dt.datetime(2024, 2, 1, 8, 0, tzinfo=TZ), "Regel één\r\nregel twee\n\n<script>alert(1)</script>\n"),
]


def main() -> None:
    target = HERE / "golden-vault"
    shutil.rmtree(target, ignore_errors=True)
    kdf = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, LANES, bytes(range(16)))
    vault, code = Vault.create(target, (HERE / "golden-passphrase.txt").read_text().strip(), kdf=kdf)
    expected = HERE / "golden-expected"
    shutil.rmtree(expected, ignore_errors=True)
    expected.mkdir()
    for entry in ENTRIES:
        vault.write(entry.id, "entry", entry.to_markdown().encode())
        (expected / f"{entry.id}.md").write_bytes(entry.to_markdown().encode())
    vault.release_lock()
    (HERE / "golden-herstelcode.txt").write_text(code + "\n")


if __name__ == "__main__":
    main()
