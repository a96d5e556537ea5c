"""The findings cache: sealed, for one day and one detector, and nothing but time if it fails."""

from __future__ import annotations

import datetime as dt
import os

from reflectiejournaal.bundle import findings_cache
from reflectiejournaal.bundle.findings import Finding
from reflectiejournaal.bundle.findings_cache import FindingsCache

TODAY = dt.date(2026, 12, 7)
KEY = bytes(range(32))
TEXT = "Semhar Tesfamariam belde over haar zoon."
FOUND = [Finding("person", 0, 18, "Semhar Tesfamariam", "high", "deduce")]


def _saved(tmp_path):
    path = tmp_path / "cache" / "kluis.findings"
    cache = FindingsCache(TODAY, path, KEY)
    cache.put(TEXT, FOUND)
    cache.save()
    return path


def test_what_was_saved_comes_back_the_same_day(tmp_path):
    path = _saved(tmp_path)
    assert FindingsCache(TODAY, path, KEY).get(TEXT) == FOUND
    assert FindingsCache(TODAY, path, KEY).get(TEXT + " ") is None


def test_the_file_is_sealed_and_private(tmp_path):
    path = _saved(tmp_path)
    data = path.read_bytes()
    assert b"Tesfamariam" not in data and b"Semhar" not in data
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


def test_another_day_another_key_or_another_detector_is_an_empty_cache(tmp_path, monkeypatch):
    path = _saved(tmp_path)
    assert len(FindingsCache(TODAY + dt.timedelta(days=1), path, KEY)) == 0
    assert len(FindingsCache(TODAY, path, bytes(32))) == 0
    monkeypatch.setattr(findings_cache, "fingerprint", lambda: "another detector")
    assert len(FindingsCache(TODAY, path, KEY)) == 0


def test_a_damaged_or_unwritable_file_costs_only_time(tmp_path):
    path = _saved(tmp_path)
    data = bytearray(path.read_bytes())
    data[40] ^= 1
    path.write_bytes(bytes(data))
    assert len(FindingsCache(TODAY, path, KEY)) == 0
    blocked = tmp_path / "a file" / "kluis.findings"
    (tmp_path / "a file").write_text("not a folder")
    cache = FindingsCache(TODAY, blocked, KEY)
    cache.put(TEXT, FOUND)
    cache.save()  # no error: the next scan is slower, nothing else
    assert not os.path.isdir(tmp_path / "a file")


def test_the_fingerprint_follows_the_detectors_files():
    assert findings_cache.fingerprint() == findings_cache.fingerprint()
    assert len(findings_cache.fingerprint()) == 64


def test_a_stale_file_is_removed_with_what_it_held(tmp_path):
    path = _saved(tmp_path)
    assert len(FindingsCache(TODAY + dt.timedelta(days=1), path, KEY)) == 0
    assert not path.exists()


def test_no_fifo_link_or_huge_file_is_read(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir()
    fifo = folder / "fifo.findings"
    os.mkfifo(fifo)
    assert len(FindingsCache(TODAY, fifo, KEY)) == 0  # returns at once: no writer is waited for
    target = _saved(tmp_path)
    link = folder / "link.findings"
    link.symlink_to(target)
    assert len(FindingsCache(TODAY, link, KEY)) == 0
    assert target.exists() and fifo.exists()  # not ours to remove
    huge = folder / "huge.findings"
    with huge.open("wb") as file:
        file.truncate(findings_cache._MAX_BYTES + 1)
    assert len(FindingsCache(TODAY, huge, KEY)) == 0


def test_a_scan_may_add_while_another_saves(tmp_path):
    import threading

    cache = FindingsCache(TODAY, tmp_path / "cache" / "kluis.findings", KEY)
    for n in range(200):
        cache.put(f"{TEXT} {n}", FOUND)

    def put_more() -> None:
        for n in range(200, 2200):
            cache.put(f"{TEXT} {n}", FOUND)

    other = threading.Thread(target=put_more)
    other.start()
    try:
        while other.is_alive():
            cache.save()  # no "dictionary changed size during iteration"
    finally:
        other.join()
    cache.save()
    assert len(FindingsCache(TODAY, cache.path, KEY)) == 2200
