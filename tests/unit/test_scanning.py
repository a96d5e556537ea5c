"""A bundle's parts scanned on every core give what one process gives, in the same order."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest

from reflectiejournaal.bundle import scanning
from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.bundle.findings import Finding
from reflectiejournaal.clients import Client, ClientList

TEXTS = [
    "Semhar Tesfamariam belde op 06-12345678 over haar zoon Yonas.",
    "Kayleigh's nan rang the office again from Rhyl.",
    "Geen namen vandaag, alleen over mijn eigen vermoeidheid.",
    "Pietje woont aan de Beijerlandselaan 12, 3074 EK Rotterdam.",
    "Intake: Kauri, DOB 9 Dec 2010. Referred by the school nurse.",
]


@pytest.fixture
def detector(language):
    return Detector(ClientList([Client("Pietje de Vries")]), dt.date(2026, 12, 7), language)


def _texts(count: int) -> dict[str, str]:
    return {f"entry:{n:04d}:body": TEXTS[n % len(TEXTS)] + f" ({n})" for n in range(count)}


class WhereScanned(Detector):
    """A detector that says which process scanned each text, in a last finding."""

    def scan(self, text: str) -> list[Finding]:
        return [*super().scan(text), Finding("marked", 0, 0, "", "high", str(os.getpid()))]


def test_two_processes_find_what_one_finds(language):
    detector = WhereScanned(ClientList([Client("Pietje de Vries")]), dt.date(2026, 12, 7), language)
    texts = _texts(60)
    alone = {key: detector.scan(text)[:-1] for key, text in texts.items()}
    shared = scanning.scan_all(detector, texts, processes=2)
    assert list(shared) == list(texts)
    assert {found[-1].detector for found in shared.values()} - {str(os.getpid())} != set()
    assert len({found[-1].detector for found in shared.values()}) == 2  # two children
    assert {key: found[:-1] for key, found in shared.items()} == alone
    assert sum(len(found) - 1 for found in shared.values()) > 60


def test_a_process_with_threads_scans_alone(detector, monkeypatch):
    """The app scans in a worker thread: forking there could copy a held lock."""
    def no_pool(*args, **kwargs):
        raise AssertionError("no pool in a process with threads")

    monkeypatch.setattr(scanning, "ProcessPoolExecutor", no_pool)
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        found = scanning.scan_all(detector, _texts(60), processes=2)
    finally:
        release.set()
        other.join()
    assert len(found) == 60


def test_few_parts_are_scanned_without_a_pool(detector, monkeypatch):
    monkeypatch.setattr(scanning, "ProcessPoolExecutor", None)
    assert len(scanning.scan_all(detector, _texts(5), processes=2)) == 5
