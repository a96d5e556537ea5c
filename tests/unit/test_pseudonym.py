"""Detectors for client data: what must be found, and what must not."""

from __future__ import annotations

import datetime as dt

import pytest

from reflectiejournaal.pseudonym import Client, ClientList, apply, elfproef, find, iban_valid

TODAY = dt.date(2026, 11, 22)
CLIENTS = ClientList([Client("Jan", "Kees"), Client("Fatima El Amrani", ""), Client("Anna")])


def kinds(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in find(text, CLIENTS, TODAY)]


@pytest.mark.parametrize("text", ["Jan", "Jans", "Jan's", "Jantje", "Jannetje", "Anna'tje"])
def test_client_names_in_their_dutch_forms(text):
    assert kinds(f"Gisteren zei {text} iets.")[0] == ("name", text)


@pytest.mark.parametrize("text", ["januari", "Bajan", "Janssen", "Annabel", "JANUS", "Hanna"])
def test_names_inside_other_words_do_not_match(text):
    assert kinds(f"Gisteren: {text}.") == []


def test_full_names_and_their_parts_and_replacements():
    text = "Fatima El Amrani kwam; later belde Fatima. Jans moeder ook."
    findings = find(text, CLIENTS, TODAY)
    assert [(f.text, f.replacement) for f in findings] == [
        ("Fatima El Amrani", "F.E.A."), ("Fatima", "F.E.A."), ("Jans", "Kees")]
    assert apply(text, findings, {0, 2}) == "F.E.A. kwam; later belde Fatima. Kees moeder ook."


@pytest.mark.parametrize("bsn, valid", [
    ("111222333", True), ("123456782", True), ("111222334", False), ("123456789", False),
    ("000000000", False)])
def test_elfproef(bsn, valid):
    assert elfproef(bsn) is valid


def test_bsn_found_only_when_it_passes_the_elfproef():
    assert kinds("BSN 111222333 en 1112.22.333 staan erin") == [("bsn", "111222333"), ("bsn", "1112.22.333")]
    assert kinds("Dossiernummer 123456789 en telefoon 12345678") == []


@pytest.mark.parametrize("text", ["geboren op 3-4-2012", "geb. 03/04/2012", "(12 maart 2015)",
                                  "op 1-1-1990 kwam", "geboortedatum 14.02.2019"])
def test_dates_of_birth(text):
    assert [k for k, _ in kinds(text)] == ["birth_date"]


@pytest.mark.parametrize("text", ["de bijeenkomst op 3-11-2026", "afspraak 12 maart 2026",
                                  "op 31-02-2010", "in 2012", "12 maart", "op 1-1-2030"])
def test_dates_that_are_not_dates_of_birth(text):
    assert kinds(text) == []


@pytest.mark.parametrize("phone", ["06-12345678", "0612345678", "06 1234 5678", "+31 6 12345678",
                                   "+31612345678", "0031 20 123 4567", "020-1234567",
                                   "+32 470 12 34 56", "0470 12 34 56", "02/123.45.67"])
def test_dutch_and_belgian_phone_numbers(phone):
    assert kinds(f"Bel {phone} morgen.") == [("phone", phone)]


@pytest.mark.parametrize("text", ["om 12:30 uur", "2026-11-22", "kamer 123", "€ 1.234.567"])
def test_not_phone_numbers(text):
    assert [k for k, _ in kinds(text) if k == "phone"] == []


def test_email_postcode_address_and_iban():
    text = ("Mail j.de.vries+school@example.nl, post naar Kerkstraat 12a, 1234 AB Utrecht "
            "of Lange Nieuwstraat 3; IBAN NL91 ABNA 0417 1643 00.")
    assert kinds(text) == [
        ("email", "j.de.vries+school@example.nl"), ("address", "Kerkstraat 12a"),
        ("postcode", "1234 AB"), ("address", "Lange Nieuwstraat 3"), ("iban", "NL91 ABNA 0417 1643 00")]
    assert iban_valid("NL91ABNA0417164300") and not iban_valid("NL91ABNA0417164301")
    assert kinds("postcode 1234 SS en 0123 AB en 1234 ab, en de weg was lang") == []
    assert kinds("op 03.04.2026 en 12.11.2026") == []  # meeting dates, not phone numbers
    assert kinds("Hij mailde jan@example.nl.") == [("email", "jan@example.nl")]


def test_apply_never_touches_what_was_kept():
    text = "Jan woont op Kerkstraat 1."
    findings = find(text, CLIENTS, TODAY)
    assert apply(text, findings, set()) == text
    assert apply(text, findings, {0, 1}) == "Kees woont op [adres]."
