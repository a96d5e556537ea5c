"""The shipped list of first names of English-speaking practice: what tools/make_first_names.py
makes from names-dataset, and a lower-case name on it is found where no word is meant."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import datetime as dt

from reflectiejournaal.bundle import vocabulary
from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.clients import ClientList

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ROOT / "reflectiejournaal" / "bundle" / "first_names_en.txt"


@pytest.mark.slow
def test_the_shipped_names_are_what_the_tool_makes(tmp_path):
    """In a child process: the dataset takes about 2 GB while it is loaded."""
    script = (f"import sys; sys.path.insert(0, {str(ROOT / 'tools')!r}); import make_first_names as m; "
              f"m.TARGET = __import__('pathlib').Path({str(tmp_path / 'names.txt')!r}); m.main()")
    subprocess.run([sys.executable, "-c", script], check=True, timeout=300)
    assert (tmp_path / "names.txt").read_bytes() == SHIPPED.read_bytes(), \
        "run tools/make_first_names.py with the pinned names-dataset"


def test_the_list_holds_names_of_every_culture_and_is_sorted():
    names = [line for line in SHIPPED.read_text("utf-8").splitlines() if not line.startswith("#")]
    assert names == sorted(set(names)) and all(n == n.lower() and n.isalpha() for n in names)
    for name in ("agnieszka", "oluwaseun", "siobhan", "deshawn", "bazza", "caoimhe"):
        assert vocabulary.english_first_name(name), name


@pytest.mark.parametrize(("text", "name"), [
    ("bazza came into drop-in w/ a black eye, said he walked into a door.", "bazza"),
    ("spoke to agnieszka about the school run and she cried", "agnieszka"),
])
def test_a_first_name_typed_in_lower_case_in_english_is_found(text, name, language):
    found = [(f.kind, f.text) for f in Detector(ClientList(), dt.date(2026, 12, 7), language).scan(text)]
    assert ("person", name) in found


@pytest.mark.parametrize("text", ["het ging anders dan gedacht, zei ze", "He's sleeping in his ute again.",
                                  "Released from juvie last week, he says."])
def test_a_word_that_is_also_a_name_somewhere_stays_a_word(text, language):
    found = [f.text for f in Detector(ClientList(), dt.date(2026, 12, 7), language).scan(text)]
    assert not {"anders", "ute", "juvie"} & set(found)
