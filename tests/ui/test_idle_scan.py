"""While nobody types, the app scans the entries for the bundle review: the first bundle after
that scans nothing (issue 23: as quick from the first use as the second)."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest
from textual.widgets import Input

from reflectiejournaal.app.idle_scan import IDLE_SECONDS
from reflectiejournaal.bundle import findings_cache, scanning
from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.bundle.findings_cache import FindingsCache, entry_versions
from reflectiejournaal.bundle.review import BundleInfo, Review
from reflectiejournaal.clients import ClientList
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.errors import DecryptionFailed
from reflectiejournaal.screens.bundle import BundleScreen
from reflectiejournaal.screens.rekey import RekeyScreen
from reflectiejournaal.vault import crypto
from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, settle, unlock, until

TZ = dt.timezone(dt.timedelta(hours=1))
TODAY = dt.date(2026, 11, 2)
COUNT = 30  # more than one batch


@pytest.fixture
def many_entries(paths, empty_vault):
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    for n in range(COUNT):
        moment = dt.datetime(2026, 10, 1, 20, tzinfo=TZ) + dt.timedelta(hours=n)
        journal.save(Entry(f"{n:016x}", "case", f"Casus {n}", moment, moment,
                           f"Gesprek met Fatima Oukili uit Zaandam over haar zoon ({n}). Ze belde "
                           f"later vanaf 06-12345678.\n"))
    journal.vault.release_lock()


def cache_of(app) -> FindingsCache:
    return FindingsCache.of_vault(TODAY, app.cache_dir, app.journal.vault.vault_id,
                                  app.journal.vault.cache_key)


def all_in_cache(app) -> bool:
    return not cache_of(app).waiting(entry_versions(app.journal.summaries()))


async def never_scans(pilot, app, paths) -> None:
    """Three checks start no scan, and no cache file is written."""
    for _ in range(3):
        app.idle_scan.check()
        assert not idle_workers(app)
        await settle(pilot, app)
    assert not (paths["cache"] / f"{app.journal.vault.vault_id}.findings").exists()


async def test_while_nobody_types_every_entry_is_scanned_and_the_bundle_then_scans_nothing(
        make_app, many_entries, paths, clock, monkeypatch):
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert not all_in_cache(app)
        clock.now += IDLE_SECONDS  # the user stops typing
        await until(pilot, lambda: all_in_cache(app), "every entry scanned", seconds=60)
        await settle(pilot, app)
        entries = [app.journal.get(s.id) for s in app.journal.summaries()]
        cache = cache_of(app)

    def scanned_again(self, text):
        raise AssertionError("the bundle scanned an entry the idle app had scanned")

    language = app.idle_scan.language
    assert language is not None
    monkeypatch.setattr(Detector, "base", scanned_again)
    review = Review.of(entries, BundleInfo("", "", "", ""), Detector(ClientList(), TODAY, language),
                       cache)
    assert len(entries) == COUNT
    kinds = {f.kind for findings in review.findings.values() for f in findings}
    assert {"person", "place", "phone"} <= kinds  # what the idle scan found, as a scan finds it


def idle_workers(app) -> list:
    return [w for w in app.workers if w.description == "idle-scan"]


def sealed_under(path, cache_key):
    """The cache file's document, if it opens with ``cache_key``."""
    info = findings_cache._INFO
    try:
        return json.loads(crypto.unpad(crypto.open_sealed(crypto.hkdf(cache_key, b"", info),
                                                          path.read_bytes(), info)))
    except DecryptionFailed:
        return None


def held_up(monkeypatch):
    """Each entry's scan waits for the gate: a long entry under way."""
    gate, entered = threading.Event(), threading.Event()
    real_warm = scanning.warm

    def slow_warm(*args, **kwargs):
        entered.set()
        gate.wait(10)
        return real_warm(*args, **kwargs)

    monkeypatch.setattr(scanning, "warm", slow_warm)
    return gate, entered


async def test_nothing_is_scanned_while_the_user_is_active(make_app, many_entries, paths, clock):
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        clock.now += IDLE_SECONDS
        await pilot.press("down")  # a key: active again
        await never_scans(pilot, app, paths)


async def test_a_key_stops_the_scan_at_the_next_entry(make_app, many_entries, paths, clock):
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        clock.now += IDLE_SECONDS
        app.idle_scan.check()  # deduce loads first: meanwhile the user types
        await pilot.press("down")
        await settle(pilot, app)
        versions = entry_versions(app.journal.summaries())
        cache = cache_of(app)
        assert len(cache.waiting(versions)) >= COUNT - 1  # at most the entry under way


async def test_no_idle_scan_while_a_bundle_screen_is_open(make_app, many_entries, paths, clock,
                                                         monkeypatch):
    monkeypatch.setattr(BundleScreen, "prepare", lambda self: None)  # no warm-up of its own
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("b")
        await settle(pilot, app)
        assert isinstance(app.screen, BundleScreen)
        clock.now += IDLE_SECONDS
        await never_scans(pilot, app, paths)


async def test_the_bundle_screen_scans_for_itself(make_app, many_entries, paths, clock):
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("b")
        await settle(pilot, app)
        assert isinstance(app.screen, BundleScreen)
        await until(pilot, lambda: app.screen.language is not None, "deduce ready", seconds=30)
        await settle(pilot, app)
        clock.now += IDLE_SECONDS
        app.idle_scan.check()
        # The screen's deduce is the app's: loaded once, scanned under one lock.
        assert app.idle_scan.language is app.screen.language
        assert not any(w.description == "idle-scan" for w in app.workers)


async def test_nothing_is_scanned_once_the_vault_is_locked(make_app, many_entries, paths, clock):
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        vault_id = app.journal.vault.vault_id
        app.lock()
        await settle(pilot, app)
        clock.now += IDLE_SECONDS
        app.idle_scan.check()
        await settle(pilot, app)
        assert not (paths["cache"] / f"{vault_id}.findings").exists()


async def test_a_lock_mid_scan_stops_it_and_writes_nothing(make_app, many_entries, paths, clock,
                                                          monkeypatch):
    gate, entered = held_up(monkeypatch)
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        path = findings_cache.path_of(paths["cache"], app.journal.vault.vault_id)
        clock.now += IDLE_SECONDS
        await until(pilot, entered.is_set, "the idle scan started an entry", seconds=30)
        assert app.lock() and app.journal is None
        gate.set()
        await settle(pilot, app)
        assert not path.exists()  # nothing after the lock, not even sealed


async def test_a_delete_beside_the_app_stays_deleted_in_the_cache(make_app, many_entries, paths,
                                                                   clock, monkeypatch):
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        clock.now += IDLE_SECONDS
        await until(pilot, lambda: all_in_cache(app), "every entry scanned", seconds=60)
        await settle(pilot, app)
        path = findings_cache.path_of(paths["cache"], app.journal.vault.vault_id)
        key = app.journal.vault.cache_key
        victim = f"{0:016x}"
        gate, entered = held_up(monkeypatch)
        app.journal.create("note", "Nieuw: Piet Pietersen uit Delft.")  # something to scan
        await until(pilot, entered.is_set, "the idle scan started the new entry", seconds=30)
        # Meanwhile, on the command line: `reflectiejournaal delete <victim> --yes`.
        beside = Journal(Vault.unlock(paths["vault"], PASSPHRASE), paths["cache"])
        beside.delete(victim)
        findings_cache.forget_deleted(TODAY, paths["cache"], beside.vault.vault_id,
                                      beside.vault.cache_key, entry_versions(beside.summaries()))
        beside.close()
        gate.set()
        await settle(pilot, app)
        app.pick_up_changes()  # the app sees the delete
        for _ in range(3):
            app.idle_scan.check()
            await settle(pilot, app)
        assert victim not in entry_versions(app.journal.summaries())
        assert not [p for p in sealed_under(path, key)["parts"] if p.startswith(f"entry:{victim}:")]


async def test_after_a_rekey_the_cache_is_sealed_under_the_new_key_only(make_app, many_entries,
                                                                       paths, clock):
    app = make_app()
    app.today = lambda: TODAY
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        clock.now += IDLE_SECONDS
        await until(pilot, lambda: all_in_cache(app), "every entry scanned", seconds=60)
        await settle(pilot, app)
        vault = app.journal.vault
        path = findings_cache.path_of(paths["cache"], vault.vault_id)
        old_key = vault.cache_key
        app.push_screen(RekeyScreen("rekey"))
        await pilot.pause()
        await pilot.press(*PASSPHRASE, "enter")
        await settle(pilot, app)
        app.screen.query_one("#retype", Input).value = str(app.screen.query_one("#code").render())
        await pilot.press("enter")
        await settle(pilot, app)
        assert app.screen.step == "done" and vault.cache_key != old_key
        await pilot.press("enter")
        await settle(pilot, app)
        app.journal.create("note", "Vandaag belde Jan Jansen uit Utrecht, 06-87654321.")
        clock.now += IDLE_SECONDS
        await until(pilot, lambda: path.exists(), "the idle scan wrote the cache again", seconds=30)
        await settle(pilot, app)
        assert sealed_under(path, old_key) is None
        assert sealed_under(path, vault.cache_key) is not None
