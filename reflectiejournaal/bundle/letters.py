"""The capital letters of the Latin alphabets, for patterns that look for a name's capital.

Python's ``re`` has no ``\\p{Lu}``; ``[A-ZÀ-Þ]`` stops at the Latin-1 letters and misses the
capitals of Polish, Romanian, Czech, Turkish or Lithuanian names ("Łukasz", "Ștefan", "Žaneta",
"Şükrü"), which a caseload in any of the app's countries has.
"""

from __future__ import annotations

CAPITAL = "[A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper()) + "]"
