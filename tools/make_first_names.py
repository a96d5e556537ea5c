"""Write reflectiejournaal/bundle/first_names_en.txt: the first names most used in the
countries whose practice the app knows in English (the UK, Ireland, the US, Canada; the
dataset has no Australia or New Zealand) and in the countries many of their clients' families
come from, from ``names-dataset`` (MIT; Facebook profiles, so every culture of those
countries' people: "Agnieszka", "Oluwaseun", "Bazza").

    pip install 'names-dataset==3.3.1' && python tools/make_first_names.py

The dataset takes ~2 GB and ten seconds to load, so the app never loads it: it reads the
list this writes (one name per line, lower case, sorted). Only names that are no ordinary
word are of use (a lower-case "grace" is the word), and the app checks that where it asks.
``tests/unit/test_first_names.py`` checks that the shipped list is what this makes.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "reflectiejournaal" / "bundle" / "first_names_en.txt"
# The countries of English-speaking practice (4,000 names per gender), and those many of its
# clients' families come from (1,000): Poland, Nigeria, Ghana, India, the Philippines, Jamaica
# and Fiji (for the Pacific peoples of New Zealand and Australia).
COUNTRIES = {"GB": 4000, "IE": 4000, "US": 4000, "CA": 4000, "AU": 4000, "NZ": 4000,
             "PL": 1000, "NG": 1000, "GH": 1000, "IN": 1000, "PH": 1000, "JM": 1000, "FJ": 1000}
HEADER = ("# The most used first names of the UK, Ireland, the US and Canada, and of the countries\n"
          "# many of their clients' families come from\n"
          "# (names-dataset 3.3.1, MIT), in lower case: written by tools/make_first_names.py.\n")


def names() -> list[str]:
    from names_dataset import NameDataset

    dataset = NameDataset()
    found: set[str] = set()
    for country, count in COUNTRIES.items():  # beyond these, more typing errors than names
        top = dataset.get_top_names(n=count, country_alpha2=country)
        for by_gender in top.get(country, {}).values():  # Australia and New Zealand are not in it
            found.update(name.lower() for name in by_gender
                         if name.isalpha() and len(name) >= 3)
    return sorted(found)


def main() -> int:
    TARGET.write_text(HEADER + "".join(f"{name}\n" for name in names()), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
