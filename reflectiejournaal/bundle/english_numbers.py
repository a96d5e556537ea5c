"""Numbers and postcodes of English-speaking practice: the UK, Ireland, the US, Canada and
Australia.

Checksummed numbers by ``python-stdnum`` where it has them (NHS number mod 11, Irish PPSN
mod 23, Canadian SIN Luhn, US SSN ranges); the UK National Insurance number by its published
format (no checksum exists); the Australian Medicare number by its check digit (stdnum has
none). Nine and ten plain digits are also a BSN, a SIN, an SSN, an NHS or a Medicare number by
chance: plain, an SSN or a SIN counts only after its name ("SSN 123456789"); written in its
own grouping ("123-45-6789", "046 454 286") it counts anywhere. Postcodes in the forms each
country writes: UK, Eircode and Canadian always (their letters and digits are distinctive), a
US ZIP and an Australian postcode only after a state ("NY 11215", "VIC 3073") or as ZIP+4.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from stdnum.au import tfn
from stdnum.ca import bc_phn, sin
from stdnum.gb import nhs
from stdnum.ie import pps
from stdnum.us import ssn

from .numbers import NumberMatch

_EDGE = r"(?<![\w-])(?<!\d[.,])"
_END = r"(?![\w]|[.,-]\d)"
_SEP = r"[ -]?"


def _medicare_valid(number: str) -> bool:
    """Australian Medicare: 10 digits (an 11th, the person's number, may follow); the ninth
    is the weighted sum of the first eight mod 10; the first is 2 to 6."""
    digits = re.sub(r"\D", "", number)
    if len(digits) not in (10, 11) or digits[0] not in "23456":
        return False
    weights = (1, 3, 7, 9, 1, 3, 7, 9)
    return sum(int(d) * w for d, w in zip(digits[:8], weights)) % 10 == int(digits[8])


def _ni_valid(number: str) -> bool:
    """UK National Insurance: two letters (not D F I Q U V; O not second; never BG GB KN NK
    NT TN ZZ), six digits, A to D."""
    compact = re.sub(r"\s", "", number).upper()
    return compact[:2] not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}


# kind → (patterns, is valid): each number only where it is written as it is written; the
# number itself is the group "n" (a name before it, "SSN: ", stays as it is).
_SSN_NAME = r"(?i:\bssn|\bsocial security(?: number| no\.?)?)[:#]? {0,2}"
_SIN_NAME = r"(?i:\bsin|\bsocial insurance(?: number| no\.?)?)[:#]? {0,2}"
_TFN_NAME = r"(?i:\btfn|\btax file number)(?: is| as)?[:#]? {0,2}"
_PHN_NAME = r"(?i:\bphn|\bpersonal health number|\bcare ?card(?: number)?)(?: is| as)?[:#]? {0,2}"
_CHECKED: dict[str, tuple[list[re.Pattern[str]], Callable[[str], bool]]] = {
    "nhs": ([re.compile(_EDGE + r"(?P<n>\d{3}" + _SEP + r"\d{3}" + _SEP + r"\d{4})" + _END)],
            lambda n: nhs.is_valid(re.sub(r"\D", "", n))),
    "ni": ([re.compile(r"(?<![\w])(?P<n>[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2}"
                       r" ?[A-D])(?!\w)")], _ni_valid),
    "ppsn": ([re.compile(r"(?<![\w])(?P<n>\d{7}[A-W][ABWHab]?)(?!\w)")], pps.is_valid),
    "ssn": ([re.compile(_EDGE + r"(?P<n>\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4})" + _END),
             re.compile(_SSN_NAME + r"(?P<n>\d{9})" + _END)],
            lambda n: ssn.is_valid(re.sub(r"\D", "", n))),
    "sin": ([re.compile(_EDGE + r"(?P<n>\d{3}[ -]\d{3}[ -]\d{3})" + _END),
             re.compile(_SIN_NAME + r"(?P<n>\d{9})" + _END)],
            lambda n: sin.is_valid(re.sub(r"\D", "", n))),
    "medicare": ([re.compile(_EDGE + r"(?P<n>\d{4} ?\d{5} ?\d(?: ?[-/]? ?\d)?)" + _END)],
                 _medicare_valid),
    # Nine plain digits are many things: an Australian tax file number and a British Columbia
    # personal health number count after their name ("TFN 458 127 366", "PHN 9762 314 582").
    "tfn": ([re.compile(_TFN_NAME + r"(?P<n>\d{3} ?\d{3} ?\d{2,3})" + _END)],
            lambda n: tfn.is_valid(re.sub(r"\D", "", n))),
    "phn": ([re.compile(_PHN_NAME + r"(?P<n>\d{4} ?\d{3} ?\d{3})" + _END)],
            lambda n: bc_phn.is_valid(re.sub(r"\D", "", n))),
}
# A number right after its own name is that number, whatever else its digits pass for
# ("SIN 273 819 409" also passes the Dutch BSN check).
NAMED_BEFORE = {"sin": _SIN_NAME, "ssn": _SSN_NAME, "tfn": _TFN_NAME, "phn": _PHN_NAME}


def _ssn_possible(number: str) -> bool:
    """An SSN by its form: area not 000, 666 or 9xx, group not 00, serial not 0000 (stdnum also
    refuses the numbers known to be misused; after its name such a number is still someone's)."""
    digits = re.sub(r"\D", "", number)
    return (len(digits) == 9 and digits[:3] not in ("000", "666") and digits[0] != "9"
            and digits[3:5] != "00" and digits[5:] != "0000")


# The last four digits of an SSN, named as such ("SSN ending in 4821", "last 4 of her SSN: 4821").
_SSN_LAST_FOUR = re.compile(r"(?i:\b(?:ssn|social security(?: number| no\.?)?)\b[^\n\d]{0,20}?"
                            r"(?:ending(?: in| with)?|last (?:4|four)(?: digits)?(?: are| is)?)[:# ]+)"
                            r"(?P<n>\d{4})(?![\w-])")


# A number its own name introduces is that number even where its check fails: the writer
# copied it with a typo, and a typo is no less the client's ("the NHS no. ... is 485 777 3456",
# "PPS no 7364192TA"). The name within a few words before; the number in its own shape (an
# SSN in a possible range: "000-12-3456" is none).
_NUMBER_NAMES = (
    ("nhs", r"\bnhs (?:no\b|number|num\b|#)", r"(?P<n>\d{3}[ -]?\d{3}[ -]?\d{4})"),
    ("ppsn", r"\bpps ?n?\b|\bpersonal public service", r"(?P<n>\d{7}[A-W][ABWH]?)"),
    ("sin", r"\bsin\b|\bsocial insurance", r"(?P<n>\d{3}[ -]?\d{3}[ -]?\d{3})"),
    ("medicare", r"\bmedicare\b", r"(?P<n>\d{4} ?\d{5} ?\d(?: ?[-/]? ?\d)?)"),
    ("ssn", r"\bssn\b|\bsocial security", r"(?P<n>\d{3}[ -]?\d{2}[ -]?\d{4})"),
)
_NAMED_SHAPES: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    kind: (re.compile(name + r"[^\n]{0,60}$", re.IGNORECASE), re.compile(_EDGE + shape + _END))
    for kind, name, shape in _NUMBER_NAMES}
_ANY_NUMBER_NAME = re.compile("|".join(name for _, name, _ in _NUMBER_NAMES), re.IGNORECASE)

_STATES = (r"AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE"
           r"|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY")
_AU_STATES = r"NSW|VIC|QLD|SA|WA|TAS|NT|ACT"
_POSTCODES = re.compile(
    r"(?<![\w])(?:"
    r"(?P<uk>[A-PR-UWYZ][A-HK-Y]?\d[A-HJKPSTUW\d]? ?\d[ABD-HJLNP-UW-Z]{2})"
    r"|(?P<ie>(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?[\dAC-FHKNPRTV-Y]{4})"
    r"|(?P<ca>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d)"
    r"|(?P<zip4>\d{5}-\d{4})"
    rf"|(?:{_STATES}),? (?P<zip>\d{{5}})"
    rf"|(?:{_AU_STATES}),? (?P<au>\d{{4}})"
    rf"|(?P<au_before>\d{{4}}),? (?:{_AU_STATES})\b"  # "2770 NSW"
    # A number after the word: "postcode 2770", "her zip as 60623", "post code: 4001"
    r"|(?i:post ?code|postal code|zip(?: ?code)?)(?: (?:is|was|as|of|now))?:? (?P<named>\d{4,5})(?! ?[A-Z]{2}\b|-\d)"
    # or a few words on in the same sentence: "postcode should be 0610", "the ZIP was wrong,
    # she is in 87313" (a year there is a year)
    r"|(?i:post ?code|postal code|zip(?: ?code)?)\b(?! lottery)(?:[^.!?\n\d]|(?<=\bM[rs])\.|(?<=Mrs)\.|(?<=\bDr)\.){1,40}?"
    r"(?<![\w$£€#])(?P<far>(?!19\d\d\b|20\d\d\b)\d{4,5})(?! ?[A-Za-z]{2}\b|-\d|[.,]\d| [a-z]+s\b)"
    r")(?![\w])")


_POSTCODE_GROUPS = ("uk", "ie", "ca", "zip4", "zip", "au", "au_before", "named", "far")


def find(text: str) -> Iterator[NumberMatch]:
    """Every English-speaking identity number and postcode in ``text``."""
    for kind, (patterns, valid) in _CHECKED.items():
        for pattern in patterns:
            for match in pattern.finditer(text):
                if valid(match.group("n")):
                    yield NumberMatch(kind, match.start("n"), match.end("n"), match.group("n"))
    named = _ANY_NUMBER_NAME.search(text) is not None  # seldom: skip the shapes' searches
    for kind, (name, shape) in _NAMED_SHAPES.items() if named else ():
        valid = _CHECKED[kind][1]
        for match in shape.finditer(text):
            number = match.group("n")
            if (not valid(number) and (kind != "ssn" or _ssn_possible(number))
                    and name.search(text, max(0, match.start() - 80), match.start())):
                yield NumberMatch(kind, match.start("n"), match.end("n"), number)
    for match in _SSN_LAST_FOUR.finditer(text) if named else ():
        yield NumberMatch("ssn", match.start("n"), match.end("n"), match.group("n"))
    for match in _POSTCODES.finditer(text):
        group = next(g for g in _POSTCODE_GROUPS if match.group(g))
        if any(c.isdigit() for c in match.group(group)):
            yield NumberMatch("postcode", match.start(group), match.end(group), match.group(group))
