"""Finding what could identify a client, before anything leaves the vault.

Detectors for the user's own list of client names (with possessive and diminutive forms),
BSN numbers (elfproef), dates that look like dates of birth, Dutch and Belgian phone numbers,
e-mail addresses, postcodes, street addresses and IBANs (mod 97). The user decides per finding;
replacing produces a copy of the text — the entries in the vault are never changed.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field

KINDS = ("name", "bsn", "birth_date", "phone", "email", "postcode", "address", "iban")
PLACEHOLDER = {  # what a finding becomes when replaced without a pseudonym of its own
    "name": "[naam]", "bsn": "[bsn]", "birth_date": "[geboortedatum]", "phone": "[telefoon]",
    "email": "[e-mail]", "postcode": "[postcode]", "address": "[adres]", "iban": "[iban]",
}


@dataclass
class Client:
    """A name (or other identifier) from the user's private list, with its replacement."""

    name: str
    pseudonym: str = ""  # empty: the initials are used

    @property
    def replacement(self) -> str:
        if self.pseudonym.strip():
            return self.pseudonym.strip()
        return "".join(f"{part[0].upper()}." for part in self.name.split() if part)


@dataclass
class ClientList:
    clients: list[Client] = field(default_factory=list)

    def to_bytes(self) -> bytes:
        return json.dumps([asdict(c) for c in self.clients], ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> ClientList:
        return cls([Client(str(c["name"]), str(c.get("pseudonym", ""))) for c in json.loads(data)])


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    text: str
    replacement: str  # the proposed replacement

    @property
    def alternatives(self) -> list[str]:
        """What the user may pick instead: the proposal, initials (names), the placeholder."""
        options = [self.replacement]
        if self.kind == "name":
            options.append("".join(f"{p[0].upper()}." for p in self.text.split() if p))
        options.append(PLACEHOLDER[self.kind])
        return list(dict.fromkeys(options))

    def context(self, source: str, width: int = 40) -> tuple[str, str, str]:
        """``(before, match, after)`` around the finding, on one line."""
        before = re.sub(r"\s+", " ", source[max(0, self.start - width):self.start]).lstrip()
        after = re.sub(r"\s+", " ", source[self.end:self.end + width]).rstrip()
        return before, self.text, after


# -- detectors ------------------------------------------------------------------------------------
_WORD = r"(?<![\w@.])"  # not inside a word, an e-mail address or a number
_END = r"(?![\w@])"
_BSN = re.compile(_WORD + r"(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .]\d{3}[ .]\d{3})" + _END)
# A dot right after the address ends the sentence; only a dot followed by more name continues it.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?!\w|\.\w)")
_POSTCODE = re.compile(_WORD + r"[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}" + _END)
_IBAN = re.compile(_WORD + r"[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?" + _END)
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)31[ -]?(?:\(0\))?[ -]?[1-9](?:[ -]?\d){8}"  # +31 6 12345678, 0031 20 123 4567
    r"|0[1-9](?:[ -]?\d){8}"  # 06-12345678, 020 123 4567, 0612345678
    r"|(?:\+|00)32[ -]?[1-9](?:[ ./-]?\d){7,8}"  # +32 470 12 34 56, +32 2 123 45 67
    r"|0[1-9]\d{0,2}[ /.]?\d{2,3}[ .]?\d{2}[ .]?\d{2}"  # 0470 12 34 56, 02/123.45.67
    r")(?![\w])"
)
_STREET = (r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|dreef|steeg|markt|park|"
           r"baan|lei|dreef|veld|burg|dam|wal|poort|kaai|steenweg)")
_ADDRESS = re.compile(
    r"\b(?:[A-Z][a-zé'-]+ )?[A-Z][a-zé'-]*" + _STREET + r" \d{1,4}(?: ?[a-zA-Z]\b|-\d{1,3}\b|\b)"
)
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")
_DATE = re.compile(
    _WORD + r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})" + _END
    + r"|" + _WORD + r"(\d{1,2}) (" + "|".join(_MONTHS) + r") (\d{4})" + _END,
    re.IGNORECASE,
)
_BIRTH_WORDS = re.compile(r"geboren|geb\.|geboortedatum|verjaardag|jarig", re.IGNORECASE)


def elfproef(digits: str) -> bool:
    """The BSN check: 9·d1 + 8·d2 + … + 2·d8 − d9 is divisible by 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits, range(9, 1, -1))) - int(digits[8])
    return total % 11 == 0


def iban_valid(text: str) -> bool:
    compact = text.replace(" ", "").upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(c, 36)) for c in rearranged)) % 97 == 1


def name_forms(name: str) -> list[str]:
    """``Jan`` → Jan, Jans, Jan's, Jantje, Jannetje …: the forms a Dutch text uses."""
    forms = {name, name + "s", name + "'s", name + "’s"}
    forms |= {name + ending for ending in ("tje", "je", "pje", "etje", "ke", "ie")}
    if name[-1:] in ("a", "e", "i", "o", "u", "y"):
        forms.add(name + "'tje")  # Anna → Anna'tje
    elif len(name) >= 2 and name[-2] in "aeiou":
        forms.add(name + name[-1] + "etje")  # Jan → Jannetje, Tim → Timmetje
    return sorted(forms, key=len, reverse=True)


def find(text: str, clients: ClientList, today: dt.date) -> list[Finding]:
    """Every finding in ``text``, in order, without overlaps (the longest wins)."""
    found: list[Finding] = []
    for client in clients.clients:
        for part in [client.name, *client.name.split()] if " " in client.name else [client.name]:
            if len(part) < 2:
                continue
            pattern = re.compile(r"(?<![\w])(?:" + "|".join(map(re.escape, name_forms(part)))
                                 + r")(?![\w])")
            for m in pattern.finditer(text):
                found.append(Finding("name", m.start(), m.end(), m.group(), client.replacement))
    for m in _BSN.finditer(text):
        if elfproef(re.sub(r"\D", "", m.group())):
            found.append(Finding("bsn", m.start(), m.end(), m.group(), PLACEHOLDER["bsn"]))
    for m in _DATE.finditer(text):
        if _looks_like_birth_date(m, text, today):
            found.append(Finding("birth_date", m.start(), m.end(), m.group(),
                                 PLACEHOLDER["birth_date"]))
    simple = (("email", _EMAIL), ("postcode", _POSTCODE), ("phone", _PHONE),
              ("address", _ADDRESS))
    for kind, pattern in simple:
        for m in pattern.finditer(text):
            if kind == "phone" and _DATE.fullmatch(m.group()):
                continue  # 03.04.2026 is a date, not a Belgian number
            found.append(Finding(kind, m.start(), m.end(), m.group(), PLACEHOLDER[kind]))
    for m in _IBAN.finditer(text):
        if iban_valid(m.group()):
            found.append(Finding("iban", m.start(), m.end(), m.group(), PLACEHOLDER["iban"]))
    return _without_overlaps(found)


def _looks_like_birth_date(match: re.Match[str], text: str, today: dt.date) -> bool:
    """A real date at least a year ago (or mentioned with 'geboren' and the like).

    Dates of meetings and events are this year or last; a date years back next to a person is
    most often a date of birth, and one mentioned with a birth word always is.
    """
    day, month, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) else (
        match.group(4), str(_MONTHS.index(match.group(5).lower()) + 1), match.group(6))
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    if date >= today or date.year < 1900:
        return False
    nearby = text[max(0, match.start() - 30):match.start()]
    return bool(_BIRTH_WORDS.search(nearby)) or (today - date).days > 2 * 365


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    result: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if result and finding.start < result[-1].end:
            continue
        result.append(finding)
    return result


def apply(text: str, findings: list[Finding], replace: set[int],
          chosen: dict[int, str] | None = None) -> str:
    """A copy of ``text`` with the findings whose index is in ``replace`` replaced (by the
    replacement ``chosen`` for that index, else the proposed one)."""
    out, position = [], 0
    for index, finding in enumerate(findings):
        if index in replace:
            out.append(text[position:finding.start])
            out.append((chosen or {}).get(index, finding.replacement))
            position = finding.end
    out.append(text[position:])
    return "".join(out)
