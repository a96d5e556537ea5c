"""Numbers that identify a person, checked by the libraries made for them.

Phone numbers by Google's ``phonenumbers`` (its matcher for Dutch, Belgian, British, Irish,
North-American and Australian numbers, valid
ranges only, so "om 12:30", a date or an amount is not a phone number); BSN, IBAN and the
Belgian rijksregisternummer by ``python-stdnum`` (checksums: the elfproef, mod 97). Candidates
are found by patterns that allow the ways people write them ("1112-22-333", "85.07.30-033.28").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import phonenumbers
from stdnum import iban
from stdnum.be import nn
from stdnum.nl import bsn

# Where the users work: the Low Countries, and English-speaking practice. US also finds
# Canada's numbers (one numbering plan, each checked against its own country's ranges), so
# scanning as CA too would only do that work twice on every part of a bundle.
REGIONS = ("NL", "BE", "GB", "IE", "US", "AU")


@dataclass(frozen=True)
class NumberMatch:
    kind: str  # phone, bsn, rrn, iban
    start: int
    end: int
    text: str


# Not inside a longer number: a separator may touch a number only where it follows a letter
# ("BSN nr.111222333", "bsn/111222333" are numbers; "1.111222333" is not).
_EDGE = r"(?<!\w)(?<!\d[.,-])"
_END = r"(?![\w]|[.,-]\d)"  # "111222333/123456782": two numbers
_BSN = re.compile(_EDGE + r"(?:\d{9}|\d{4}[ .-]\d{2}[ .-]\d{3}|\d{3}[ .-]\d{3}[ .-]\d{3}"
                  r"|\d{2}[ .-]\d{3}[ .-]\d{2}[ .-]\d{2})" + _END)
_RRN = re.compile(_EDGE + r"(?:\d{11}|\d{2}[ .]?\d{2}[ .]?\d{2}[ .-]?\d{3}[ .-]?\d{2})" + _END)
# Any case, spaces or hyphens; after the bank code every group holds a digit, so the word
# after an IBAN is never taken for its last group.
_GROUP = r"[ -]?(?=[A-Za-z]*\d)[A-Za-z0-9]"
_IBAN = re.compile(r"(?<!\w)[A-Za-z]{2}[ -]?\d{2}[ -]?[A-Za-z0-9]{4}(?:" + _GROUP + r"{4}){1,6}"
                   r"(?:" + _GROUP + r"{1,3})?(?!\w)")


def find(text: str) -> list[NumberMatch]:
    """Every valid phone number, BSN, IBAN and rijksregisternummer in ``text`` (the numbers
    of English-speaking practice: ``english_numbers``)."""
    return [*_phones(text), *_checked(text, _BSN, "bsn", bsn.is_valid),
            *_checked(text, _RRN, "rrn", nn.is_valid), *_checked(text, _IBAN, "iban", _iban_valid)]


def _iban_valid(number: str) -> bool:
    """Valid, or laid out exactly as its country's IBANs are (length, letters and digits in
    their places) with check digits that fail: a slip in copying it is no less the client's
    account ("NL44 RABO 0312 6745 19"). The country's own bank-code registry is left out."""
    number = iban.compact(number.replace("-", ""))
    if iban.is_valid(number, check_country=False):
        return True
    try:
        corrected = number[:2] + iban.calc_check_digits(number) + number[4:]
    except ValueError:
        return False
    return iban.is_valid(corrected, check_country=False)


# Seven digits or more, however grouped: the shortest phone number of the regions. A text
# without one has no phone number, and phonenumbers' matcher (the slowest detector) is skipped.
_PHONE_LIKE = re.compile(r"\d(?:[\s().\-/+]{0,3}\d){6}")


_SERVICE = frozenset({phonenumbers.PhoneNumberType.TOLL_FREE, phonenumbers.PhoneNumberType.PREMIUM_RATE,
                      phonenumbers.PhoneNumberType.SHARED_COST, phonenumbers.PhoneNumberType.UAN})


def _phones(text: str) -> Iterator[NumberMatch]:
    """Phone numbers of every region, looked for only around the runs of seven digits or more
    (a window of the text each, as phonenumbers' matcher costs by the length it reads)."""
    seen: set[tuple[int, int]] = set()
    for low, high in _windows(text):
        window = text[low:high]
        for region in REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(window, region,
                                                         leniency=phonenumbers.Leniency.VALID):
                if phonenumbers.number_type(match.number) in _SERVICE:
                    continue  # 0800-2000, 1-800-668-6868: a helpline or a business, not a client
                span = (low + match.start, low + match.end)
                if span not in seen:
                    seen.add(span)
                    yield NumberMatch("phone", *span, match.raw_string)
        if _PHONE_WORD_ANYWHERE.search(window) or any(  # the matcher is slow: only for a
                not any(s < low + m.end() and low + m.start() < e for s, e in seen)  # number
                for m in _DIALLED.finditer(window)):  # written as a phone that it passed by
            yield from _named_phones(text, low, window, seen)


# A phone's own word right before a number ("new number is 07700 914382", "texted from"): a
# number of a possible length and form is the client's, even one no carrier has handed out
# yet (a typo, a number too new for the library's ranges). Written as one dials it: a trunk
# zero, a plus or an area code in brackets (a reference number is none of these).
_PHONE_WORDS = (r"(?i:\b(?:number|nummer|mobile|mob|cell|cellphone|phone|ph|tel|"
                r"telefoon|texted(?: from)?|rang(?: from)?|called from|whatsapp|sms|"
                r"ring|call|text|bel|app)"
                r"(?: (?:is|was|now|as|op|is nu|her|him|them|me|mum|dad|back|on|at))*[:.]?\s*)")
_PHONE_WORD = re.compile(_PHONE_WORDS + "$")  # right before the number
_PHONE_WORD_ANYWHERE = re.compile(_PHONE_WORDS)  # in the window: worth the slow matcher
# Written as only a phone number is, with no word before it: a plus and a country code, or a
# trunk zero and ten or eleven digits in groups ("+44 7700 900456", "07700 900123").
_DIALLED = re.compile(r"\+\d{1,3}[ .-]?(?:\(0\))?\d[\d .-]{6,16}\d|0\d{2,4}[ .-]\d{3,4}[ .-]?\d{3,4}")


def _named_phones(text: str, low: int, window: str,
                  seen: set[tuple[int, int]]) -> Iterator[NumberMatch]:
    found: dict[tuple[int, int], str] = {}
    service: set[tuple[int, int]] = set()  # a helpline in any region's reading is no client's
    for region in REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(window, region,
                                                     leniency=phonenumbers.Leniency.POSSIBLE):
            span = (low + match.start, low + match.end)
            if phonenumbers.number_type(match.number) in _SERVICE:
                service.add(span)
            elif (match.raw_string[0] in "0+(" and not any(s < span[1] and span[0] < e for s, e in seen)
                    and (_PHONE_WORD.search(text, max(0, span[0] - 30), span[0])
                         or _DIALLED.fullmatch(match.raw_string))):
                found.setdefault(span, match.raw_string)
    for span, raw in found.items():
        if span not in service:
            seen.add(span)
            yield NumberMatch("phone", *span, raw)


def _windows(text: str, margin: int = 24) -> list[tuple[int, int]]:
    """The stretches of ``text`` around its phone-like runs, merged where they touch; each
    starts and ends at a space (or the text's edge), so no number or word is cut."""
    windows: list[tuple[int, int]] = []
    for run in _PHONE_LIKE.finditer(text):
        low = text.rfind(" ", 0, max(0, run.start() - margin)) + 1
        high = text.find(" ", min(len(text), run.end() + margin))
        high = len(text) if high == -1 else high
        if windows and low <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(high, windows[-1][1]))
        else:
            windows.append((low, high))
    return windows


def _checked(text: str, pattern: re.Pattern[str], kind: str, valid) -> Iterator[NumberMatch]:  # type: ignore[no-untyped-def]
    for match in pattern.finditer(text):
        if valid(match.group()):
            yield NumberMatch(kind, match.start(), match.end(), match.group())
