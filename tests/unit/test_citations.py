"""Books, talks and shows the professional read or watched, and their authors, are no clients;
a client's own file, number or statement read out is still the client's."""

from __future__ import annotations

import datetime as dt

import pytest

from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.clients import Client, ClientList


def found(text, language, clients=ClientList()):
    return [(f.kind, f.text) for f in Detector(clients, dt.date(2026, 12, 7), language).scan(text)]


@pytest.mark.parametrize("text", [
    "Reading The Deepest Well by Nadine Burke Harris. ACEs framing is useful.",
    "Read Bryan Stevenson's Just Mercy years ago.",
    "Rereading Irvin Yalom's Love's Executioner. Snowing hard.",
    "Watched a Dan Siegel talk on the window of tolerance.",
    "Reading In the Realm of Hungry Ghosts by Gabor Maté for the third time.",
])
def test_a_work_and_its_author_are_no_client(text, language):
    assert found(text, language) == []


@pytest.mark.parametrize(("text", "name"), [
    ("I had to read Dot's NHS number out loud.", "Dot"),
    ("The intake worker read Marisol Reyes's Social Security number out loud.", "Marisol Reyes"),
    ("I read Jake's file before the visit.", "Jake"),
    ("Watched Tyler Brown play football with his dad.", "Tyler Brown"),
    ("He was assaulted by Jake Smith outside the book shop.", "Jake Smith"),
])
def test_what_a_client_has_read_out_or_does_stays_the_clients(text, name, language):
    assert ("person", name) in found(text, language)


def test_a_listed_client_is_found_even_inside_a_title(language):
    clients = ClientList([Client("Mercy", "Kees")])
    assert ("name", "Mercy") in found("Read Bryan Stevenson's Just Mercy years ago.", language, clients)


@pytest.mark.parametrize("text", ["Canada Day long weekend coming.", "Sorry Day at school.",
                                  "Labor Day weekend, finally.", "Dublin lost, whole staffroom in mourning.",
                                  "Footy Saturday, Swans v Pies.", "Booked my own therapy for Nov 14, first time.",
                                  "Annual leave 21 July - 4 Aug, booked.",
                                  "Rained every day of the June bank holiday.", "Mam doesn't trust services."])
def test_days_teams_months_and_contractions_are_no_one(text, language):
    assert [k for k, _ in found(text, language) if k in ("person", "place")] == []


@pytest.mark.parametrize(("text", "name"), [("Jack Day came in.", "Jack Day"),
                                            ("Then Chelsea lost her phone again.", "Chelsea"),
                                            ("De moeder van Jan belde.", "Jan")])
def test_a_person_named_like_a_day_a_team_or_a_month_stays_a_person(text, name, language):
    assert ("person", name) in found(text, language)


@pytest.mark.parametrize(("text", "name"), [
    ("Reading Mia's Care Plan again before the review.", "Mia"),
    ("Reading Jayden's EHCP tonight.", "Jayden"),
    ("Read Kayla Brown the letter from court.", "Kayla Brown"),
    ("Watched Tyler Brown's TikTok video with him.", "Tyler Brown"),
])
def test_a_clients_own_plan_or_video_read_or_watched_stays_the_clients(text, name, language):
    assert ("person", name) in found(text, language)
