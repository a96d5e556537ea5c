"""Write reflectiejournaal/bundle/tables/words.npz: which words are words of Dutch and of
English, and which English words are names, from simplemma's lemma dictionaries (MIT), as
sorted 64-bit hashes.

    pip install 'simplemma==2.0.0' && python tools/make_words.py

simplemma's dictionaries come from Wiktionary, which lists common words in lower case and
proper nouns capitalised: "hope" and "grace" are keys, "Dylan", "Hughes" and "Brooke" are only
keys with a capital. So three tables: ``nl``, the Dutch words (with those only Dutch
capitalises, its adjectives of peoples: "Eritrese", "Japanse"); ``en``, the English words in
lower case; ``en_proper``, the English words only ever capitalised (names, places, peoples,
months), in lower case. The app reads the 4 MB of hashes in milliseconds; simplemma itself took about
0.9 s and 70 MB to load its dictionaries in every bundle process.
``tests/unit/test_vocabulary.py`` checks that the shipped table is what this makes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reflectiejournaal.bundle.vocabulary import word_hash  # noqa: E402

TARGET = ROOT / "reflectiejournaal" / "bundle" / "tables" / "words.npz"


def keys(language: str) -> tuple[set[str], set[str]]:
    """simplemma's dictionary for ``language`` split in two, in lower case: its words, and the
    proper nouns (keys only ever capitalised, or lower-case forms of a capitalised lemma:
    Dutch has "dylan" → "Dylan")."""
    from simplemma.lemmatizer import _LOOKUP_DEFAULT  # the dictionaries is_known reads

    dictionary = _LOOKUP_DEFAULT._dictionary_factory.get_dictionary(language)
    words, proper = set(), set()
    for key, lemma in dictionary.items():
        if key == key.lower():
            (words if lemma == lemma.lower() else proper).add(key)
        elif key == key.capitalize():
            proper.add(key.lower())
    return words, proper - words


def tables() -> dict[str, set[str]]:
    nl_words, nl_proper = keys("nl")
    en_words, en_proper = keys("en")
    # Capitalised in Dutch alone: an adjective or a noun of a people ("Eritrese"), a word;
    # capitalised in both: a name or a place ("Dylan", "Willem").
    return {"nl": nl_words | (nl_proper - en_proper), "en": en_words,
            "en_proper": en_proper - nl_words}


def build() -> bytes:
    arrays = {name: np.unique(np.fromiter(map(word_hash, words), np.uint64))
              for name, words in tables().items()}
    out = io.BytesIO()
    np.savez(out, **arrays)  # uncompressed: hashes do not compress, and loading stays quick
    return out.getvalue()


def main() -> None:
    TARGET.write_bytes(build())
    print(f"{TARGET} written ({TARGET.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
