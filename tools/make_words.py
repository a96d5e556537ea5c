"""Write reflectiejournaal/bundle/tables/words.npz: which words are words of Dutch and of
English, from simplemma's lemma dictionaries (MIT), as sorted 64-bit hashes.

    pip install 'simplemma==2.0.0' && python tools/make_words.py

A word counts when simplemma would know it in lower case: a lower-case key of the dictionary,
or a capitalised one ("Maandag", "English"). The app reads the 4 MB of hashes in milliseconds;
simplemma itself took about 0.9 s and 70 MB to load its dictionaries in every bundle process.
``tests/unit/test_vocabulary.py`` checks that the shipped table is what this makes.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reflectiejournaal.bundle.vocabulary import LANGUAGES, word_hash  # noqa: E402

TARGET = ROOT / "reflectiejournaal" / "bundle" / "tables" / "words.npz"


def words(language: str) -> set[str]:
    """The words simplemma knows in ``language``, in lower case."""
    from simplemma.lemmatizer import _LOOKUP_DEFAULT  # the dictionaries is_known reads

    dictionary = _LOOKUP_DEFAULT._dictionary_factory.get_dictionary(language)
    return {key.lower() for key in dictionary.keys()
            if key == key.lower() or key == key.capitalize()}


def build() -> bytes:
    arrays = {language: np.unique(np.fromiter(map(word_hash, words(language)), np.uint64))
              for language in LANGUAGES}
    out = io.BytesIO()
    np.savez(out, **arrays)  # uncompressed: hashes do not compress, and loading stays quick
    return out.getvalue()


def main() -> None:
    TARGET.write_bytes(build())
    print(f"{TARGET} written ({TARGET.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
