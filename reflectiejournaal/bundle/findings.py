"""Findings: pieces of text that could identify a client, and replacing them in a copy.

A finding knows its kind (``name`` for the user's client list, ``marked`` for what the user
marked in this bundle, ``person`` for a name found by deduce, ``bsn``, ``phone`` …), where it is, how sure its detector is, and which entity it
belongs to: all forms of one person ("Noor", "Noortje", "Bakker") share one entity, so they
are reviewed together and get the same pseudonym.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..locale import t

KINDS = ("name", "marked", "person", "place", "address", "postcode", "institution", "school", "phone",
         "email", "url", "handle", "bsn", "rrn", "iban", "nhs", "ni", "ppsn", "sin", "ssn", "medicare",
         "tfn", "phn", "birth_date", "date", "dossier", "license_plate")
PERSON_KINDS = ("name", "person")
# What a finding becomes when replaced by a placeholder (names get a pseudonym instead), in
# the bundle's language: "bundle.placeholder.<kind>" in the catalogue ("[plaats]", "[place]").
# When two findings overlap, the one of the surer kind gives the merged finding its kind (an
# e-mail address or link with a client's name in it is replaced as a whole).
PRIORITY = {kind: rank for rank, kind in enumerate(reversed((
    "email", "url", "handle", "name", "marked", "bsn", "rrn", "iban", "nhs", "ni", "ppsn", "sin",
    "ssn", "medicare", "tfn", "phn", "phone", "birth_date", "date", "address", "postcode",
    "dossier", "license_plate", "school", "institution", "person", "place")))}
CONFIDENCES = ("high", "medium", "low")


def placeholder(kind: str) -> str:
    """What replaces a finding of ``kind`` when it gets no pseudonym: "[plaats]", "[place]"."""
    return t(f"bundle.placeholder.{kind}")


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    confidence: str = "high"
    detector: str = ""  # clients, deduce, phonenumbers, stdnum, patterns
    entity: str = ""  # the same for every form of one person or thing

    def context(self, source: str, width: int = 40) -> tuple[str, str, str]:
        """``(before, match, after)`` around the finding, on one line."""
        before = re.sub(r"\s+", " ", source[max(0, self.start - width):self.start]).lstrip()
        after = re.sub(r"\s+", " ", source[self.end:self.end + width]).rstrip()
        return before, re.sub(r"\s+", " ", self.text), after


def merge_overlaps(found: list[Finding], text: str) -> list[Finding]:
    """One finding per stretch of overlapping findings, covering all of them.

    A client's name found as "Noor" inside a person "Noor Bakker" found by deduce becomes
    one finding "Noor Bakker" of the client: nothing of an overlapping finding is left
    behind. The kind, entity and confidence come from the surest kind in the stretch.
    """
    merged: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, -f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            best = max(last, finding, key=lambda f: (PRIORITY[f.kind], f.end - f.start))
            end = max(last.end, finding.end)
            merged[-1] = replace(best, start=last.start, end=end, text=text[last.start:end])
        else:
            merged.append(finding)
    return merged


def apply(text: str, findings: list[Finding], replacements: dict[int, str]) -> str:
    """A copy of ``text`` with finding ``i`` replaced by ``replacements[i]`` where given."""
    out, position = [], 0
    for index, finding in enumerate(findings):
        if index in replacements:
            out.append(text[position:finding.start])
            out.append(replacements[index])
            position = finding.end
    out.append(text[position:])
    return "".join(out)
