"""A bundle's parts scanned on every core give what one process gives, in the same order."""

from __future__ import annotations

import datetime as dt
import os
import threading

import pytest

from reflectiejournaal.bundle import scanning
from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.bundle.findings import Finding
from reflectiejournaal.bundle.findings_cache import FindingsCache
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

    def base(self, text: str) -> list[Finding]:
        return [*super().base(text), Finding("marked", 0, 0, "", "high", str(os.getpid()))]


def test_two_processes_find_what_one_finds(language, detector):
    where = WhereScanned(ClientList([Client("Pietje de Vries")]), dt.date(2026, 12, 7), language)
    texts = _texts(60)
    shared = scanning._bases(where, texts, 2)
    assert list(shared) == list(texts)
    assert len({found[-1].detector for found in shared.values()} - {str(os.getpid())}) == 2
    assert {key: found[:-1] for key, found in shared.items()} == {
        key: detector.base(text) for key, text in texts.items()}
    alone = {key: detector.scan(text) for key, text in texts.items()}
    assert scanning.scan_all(detector, texts, processes=2) == alone
    assert sum(map(len, alone.values())) > 60


def test_what_the_cache_holds_is_not_scanned_again(detector, monkeypatch):
    texts = _texts(12)
    cache = FindingsCache(dt.date(2026, 12, 7))
    first = scanning.scan_all(detector, texts, cache)
    assert len(cache) == len(texts)
    monkeypatch.setattr(detector, "base", lambda text: pytest.fail("scanned again"))
    assert scanning.scan_all(detector, texts, cache) == first
    # The marks and the client list are applied afresh to what the cache holds
    marked = Detector(detector.clients, detector.today, detector.language, ("vermoeidheid",))
    monkeypatch.setattr(marked, "base", lambda text: pytest.fail("scanned again"))
    again = scanning.scan_all(marked, texts, cache)
    assert any(f.kind == "marked" for found in again.values() for f in found)


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


def test_a_scan_without_deduce_is_never_kept_nor_served(detector):
    texts = _texts(3)
    cache = FindingsCache(dt.date(2026, 12, 7))
    without = Detector(detector.clients, detector.today, None)
    scanning.scan_all(without, texts, cache)
    assert len(cache) == 0
    scanning.scan_all(detector, texts, cache)
    assert scanning.scan_all(without, texts, cache) == {
        key: without.scan(text) for key, text in texts.items()}


_PARENT = """
import datetime as dt, os, sys, time
from reflectiejournaal.bundle import scanning
from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.clients import ClientList

class Slow(Detector):
    def base(self, text):
        with open(sys.argv[1], "a") as file:
            file.write(f"{os.getpid()}\\n")
        time.sleep(120)
        return []

print("parent", os.getpid(), flush=True)
scanning.scan_all(Slow(ClientList(), dt.date(2026, 12, 7)), {str(n): "x" for n in range(60)},
                  processes=2)
"""


@pytest.mark.parametrize("stop", ["SIGKILL", "SIGINT"])
def test_the_children_die_with_the_parent(tmp_path, stop):
    """Each child is a copy of the unlocked process: the parent killed or interrupted (Ctrl+C
    stops the scan at once, not after every child's share), no child is left."""
    import signal
    import subprocess
    import sys
    import time

    pids = tmp_path / "children"
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, str(pids)], stdout=subprocess.PIPE,
                              text=True)
    try:
        deadline = time.monotonic() + 30
        while len(set(pids.read_text().split()) if pids.exists() else ()) < 2:
            assert time.monotonic() < deadline, "the children never started"
            time.sleep(0.05)
        children = [int(pid) for pid in set(pids.read_text().split())]
        parent.send_signal(getattr(signal, stop))
        parent.wait(10)  # raises if Ctrl+C waited for the children's two minutes
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in children):
            assert time.monotonic() < deadline, "a child outlived its parent"
            time.sleep(0.05)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as file:
            return file.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False
