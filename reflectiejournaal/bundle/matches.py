"""A piece of text one of the app's own patterns found (see :mod:`patterns`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PatternMatch:
    kind: str
    start: int
    end: int
    text: str
    confidence: str
