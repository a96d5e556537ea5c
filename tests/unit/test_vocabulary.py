"""The shipped table of Dutch and English words: what tools/make_words.py makes from simplemma,
and it answers as simplemma would."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest
import simplemma

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


@pytest.mark.parametrize("language", vocabulary.LANGUAGES)
def test_a_word_is_known_exactly_when_simplemma_knows_it(language):
    from simplemma.lemmatizer import _LOOKUP_DEFAULT

    keys = sorted(_LOOKUP_DEFAULT._dictionary_factory.get_dictionary(language).keys())
    pick = random.Random(7)
    sample = pick.sample(keys, 2000) + [key + "qx" for key in pick.sample(keys, 1000)]
    sample += ["morgen", "liep", "hope", "Maandag", "English", "tesfamariam", "kayleigh", "naïef"]
    differ = [word for word in sample
              if vocabulary._known_in(word.lower(), language)
              != simplemma.is_known(word.lower(), lang=language)]
    assert differ == []


def test_the_bundle_process_never_loads_simplemma():
    code = ("import sys; from reflectiejournaal.bundle import vocabulary; "
            "assert vocabulary.ordinary('morgen') and not vocabulary.ordinary('Tesfamariam'); "
            "print('simplemma' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    assert done.stdout.strip() == "False"
