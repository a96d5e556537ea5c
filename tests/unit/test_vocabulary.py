"""The shipped table of Dutch and English words: what tools/make_words.py makes from simplemma,
and it answers as simplemma would."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from reflectiejournaal.bundle import vocabulary

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_the_shipped_words_are_what_the_tool_makes(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import make_words
    finally:
        sys.path.remove(str(ROOT / "tools"))
    shipped = (ROOT / "reflectiejournaal" / "bundle" / "tables" / "words.npz").read_bytes()
    assert make_words.build() == shipped, "run tools/make_words.py with the pinned simplemma"


def _dictionary(language: str) -> dict[str, str]:
    from simplemma.lemmatizer import _LOOKUP_DEFAULT

    return dict(_LOOKUP_DEFAULT._dictionary_factory.get_dictionary(language).items())


@pytest.mark.parametrize("language", vocabulary.LANGUAGES)
def test_the_words_of_each_language_are_simplemmas_common_words(language):
    """A key in lower case with a lemma in lower case is a word; a string in no dictionary is
    none."""
    dictionary = _dictionary(language)
    pick = random.Random(7)
    sample = pick.sample(sorted(dictionary), 3000)
    common = [key for key in sample if key == key.lower() and dictionary[key] == dictionary[key].lower()]
    assert [key for key in common if not vocabulary._known_in(key, language)] == []
    made_up = [key.lower() + "qx" for key in sample[:1000]]
    assert [word for word in made_up if word not in dictionary
            and vocabulary._known_in(word, language)] == []


def test_english_proper_nouns_are_names_unless_dutch_has_the_word():
    english, dutch = _dictionary("en"), _dictionary("nl")
    pick = random.Random(7)
    proper = [key for key in pick.sample(sorted(english), 20000)
              if key == key.capitalize() and key != key.lower() and key.lower() not in english]
    assert len(proper) > 100
    for key in proper:
        in_dutch = dutch.get(key.lower(), "X").islower()  # a Dutch word in lower case
        assert vocabulary._known_in(key.lower(), "en_proper") is not in_dutch, key


@pytest.mark.parametrize("word, is_word, is_english_name", [
    ("hope", True, False), ("grace", True, False), ("Jordan", True, False),
    ("Brooke", False, True), ("dylan", False, True), ("Hughes", False, True),
    ("January", True, False), ("Monday", True, False), ("Mrs", True, False),
    ("Eritrese", True, False), ("Tesfamariam", False, False),
])
def test_words_and_english_names(word, is_word, is_english_name):
    assert vocabulary.ordinary(word) is is_word
    assert vocabulary.english_name(word) is is_english_name


def test_the_bundle_process_never_loads_simplemma():
    code = ("import sys; from reflectiejournaal.bundle import vocabulary; "
            "assert vocabulary.ordinary('morgen') and not vocabulary.ordinary('Tesfamariam'); "
            "print('simplemma' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    assert done.stdout.strip() == "False"
