"""The towns, suburbs and villages of English-speaking practice by name (``places_en.txt``,
GeoNames through ``tools/make_places.py``): read by the gazetteer, which finds them, and by the
search for names no list knows, which leaves them to it."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def places() -> frozenset[str]:
    text = (resources.files(__package__) / "places_en.txt").read_text("utf-8")
    return frozenset(line for line in text.splitlines() if line and not line.startswith("#"))


def is_town(name: str) -> bool:
    """Is ``name`` (as written, or capitalised) a town of the list?"""
    return name in places() or name.capitalize() in places()
