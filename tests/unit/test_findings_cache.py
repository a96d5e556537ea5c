"""The findings cache: sealed, per part of an entry, for one detector, until a date in the text
may read otherwise; forgets deleted entries; nothing but time if it fails."""

from __future__ import annotations

import datetime as dt
import os

from reflectiejournaal.bundle import findings_cache
from reflectiejournaal.bundle.findings import Finding
from reflectiejournaal.bundle.findings_cache import FindingsCache

TODAY = dt.date(2026, 12, 7)
KEY = bytes(range(32))
TEXT = "Semhar Tesfamariam belde over haar zoon."
PART = "entry:0a1b2c:body"
FOUND = [Finding("person", 0, 18, "Semhar Tesfamariam", "high", "deduce")]


def _saved(tmp_path):
    path = tmp_path / "cache" / "kluis.findings"
    cache = FindingsCache(TODAY, path, KEY)
    cache.put(PART, TEXT, FOUND)
    cache.save()
    return path


def test_what_was_saved_comes_back_while_the_text_is_the_same(tmp_path):
    path = _saved(tmp_path)
    assert FindingsCache(TODAY, path, KEY).get(PART, TEXT) == FOUND
    assert FindingsCache(TODAY + dt.timedelta(days=400), path, KEY).get(PART, TEXT) == FOUND
    assert FindingsCache(TODAY, path, KEY).get(PART, TEXT + " ") is None  # edited
    assert FindingsCache(TODAY, path, KEY).get("entry:other:body", TEXT) is None


def test_a_text_with_a_date_holds_until_the_date_may_read_otherwise(tmp_path):
    """ "12-03-2023" is an event today, and a date of birth once it is four years back."""
    path = tmp_path / "cache" / "kluis.findings"
    text = "Op 12-03-2023 werd hij opgenomen."
    cache = FindingsCache(TODAY, path, KEY)
    cache.put(PART, text, FOUND)
    cache.save()
    turn = dt.date(2027, 1, 1)  # the first of January comes first
    assert FindingsCache(turn - dt.timedelta(days=1), path, KEY).get(PART, text) == FOUND
    assert FindingsCache(turn, path, KEY).get(PART, text) is None


def test_the_bundles_own_fields_are_kept_in_memory_only(tmp_path):
    path = tmp_path / "cache" / "kluis.findings"
    cache = FindingsCache(TODAY, path, KEY)
    cache.put("info:note", TEXT, FOUND)
    cache.put(PART, TEXT, FOUND)
    assert cache.get("info:note", TEXT) == FOUND
    cache.save()
    again = FindingsCache(TODAY, path, KEY)
    assert again.get("info:note", TEXT) is None and again.get(PART, TEXT) == FOUND


def test_a_deleted_entry_leaves_the_file_at_the_next_save(tmp_path):
    path = _saved(tmp_path)
    cache = FindingsCache(TODAY, path, KEY)
    cache.put("entry:kept:body", TEXT, FOUND)
    cache.save({"kept": "v1"})  # 0a1b2c was deleted
    again = FindingsCache(TODAY, path, KEY)
    assert again.get(PART, TEXT) is None and again.get("entry:kept:body", TEXT) == FOUND
    FindingsCache(TODAY, path, KEY).save({})  # nothing new, only forgetting: still written
    assert len(FindingsCache(TODAY, path, KEY)) == 0


def test_an_entry_changed_since_its_scan_leaves_the_file_even_if_not_scanned_again(tmp_path):
    path = tmp_path / "cache" / "kluis.findings"
    cache = FindingsCache(TODAY, path, KEY)
    cache.put(PART, TEXT, FOUND)
    cache.save({"0a1b2c": "v1", "other": "v1"})
    FindingsCache(TODAY, path, KEY).save({"0a1b2c": "v1", "other": "v1"})  # the same: kept
    assert FindingsCache(TODAY, path, KEY).get(PART, TEXT) == FOUND
    FindingsCache(TODAY, path, KEY).save({"0a1b2c": "v2", "other": "v1"})  # edited since
    assert len(FindingsCache(TODAY, path, KEY)) == 0


def test_a_part_an_entry_no_longer_has_goes_when_the_entry_is_scanned(tmp_path):
    """The title made the body's first line, the tags taken off: those parts are not asked for
    again, and go."""
    path = tmp_path / "cache" / "kluis.findings"
    cache = FindingsCache(TODAY, path, KEY)
    for part in ("title", "body", "tags"):
        cache.put(f"entry:0a1b2c:{part}", TEXT, FOUND)
    cache.save({"0a1b2c": "v1"})
    again = FindingsCache(TODAY, path, KEY)
    again.put("entry:0a1b2c:body", TEXT + " bewerkt", FOUND)  # now only a body
    again.save({"0a1b2c": "v2"})
    last = FindingsCache(TODAY, path, KEY)
    assert len(last) == 1 and last.get("entry:0a1b2c:body", TEXT + " bewerkt") == FOUND


def test_a_clock_set_back_is_no_reason_to_serve_it(tmp_path):
    """Written on a later day, read on an earlier one (a wrong clock, a snapshot): a fresh scan."""
    path = _saved(tmp_path)
    assert FindingsCache(TODAY - dt.timedelta(days=1), path, KEY).get(PART, TEXT) is None


def test_removed_after_a_rekey(tmp_path):
    path = _saved(tmp_path)
    findings_cache.forget(path.parent, "kluis")
    assert not path.exists()
    findings_cache.forget(None, "kluis")  # no cache folder: nothing to do


def test_the_file_is_sealed_and_private(tmp_path):
    path = _saved(tmp_path)
    data = path.read_bytes()
    assert b"Tesfamariam" not in data and b"Semhar" not in data
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"


def test_another_key_or_another_detector_is_an_empty_cache(tmp_path, monkeypatch):
    path = _saved(tmp_path)
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
    cache.put(PART, TEXT, FOUND)
    cache.save()  # no error: the next scan is slower, nothing else
    assert not os.path.isdir(tmp_path / "a file")


def test_the_fingerprint_follows_the_detectors_files():
    assert findings_cache.fingerprint() == findings_cache.fingerprint()
    assert len(findings_cache.fingerprint()) == 64


def test_a_stale_file_is_removed_with_what_it_held(tmp_path, monkeypatch):
    path = _saved(tmp_path)
    monkeypatch.setattr(findings_cache, "fingerprint", lambda: "another detector")
    assert len(FindingsCache(TODAY, path, KEY)) == 0
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
        cache.put(f"entry:{n}:body", TEXT, FOUND)

    def put_more() -> None:
        for n in range(200, 2200):
            cache.put(f"entry:{n}:body", TEXT, FOUND)

    other = threading.Thread(target=put_more)
    other.start()
    try:
        while other.is_alive():
            cache.save()  # no "dictionary changed size during iteration"
    finally:
        other.join()
    cache.save()
    assert len(FindingsCache(TODAY, cache.path, KEY)) == 2200
