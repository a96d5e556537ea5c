"""While nobody types, the entries are scanned for the bundle review ahead of time.

A bundle's first scan of a year's entries costs seconds of deduce (about 15 ms an entry on one
core); what was scanned is kept in the sealed findings cache (:mod:`bundle.findings_cache`),
and a bundle of what the cache holds takes about a second. So the app fills the cache while it
is idle: a few seconds after the last key or click, a few entries at a time, newest first, in a
worker thread. It gives way at the next key, at the lock, to a bundle screen (which scans for
itself with the same deduce under the same lock) and to a rekey. Nothing but the cache file is
written, exactly as a bundle's own scan would leave it, sealed under the vault's cache key of
the moment: a save checks, under the lock a rekey holds while it forgets the old file, that
the vault is still open with that key. The client list plays no part (the scan's base is the
same whoever the clients are).

The entries are read on the main thread, a batch per check (a few milliseconds): the journal
is the main thread's, and the vault may lock at any moment. The cache file is opened in the
worker (a lifetime's file takes a fifth of a second to open).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from ..errors import JournalError

if TYPE_CHECKING:
    from ..bundle.findings_cache import FindingsCache
    from ..journal import Journal
    from ..model import Entry
    from . import ReflectieApp

IDLE_SECONDS = 3.0  # this long after the last key or click the app counts as idle
CHECK_SECONDS = 1.0  # how often the app looks for entries to scan
BATCH = 12  # entries read on the main thread per check (about half a millisecond each)
LONGEST = 20_000  # characters: a longer entry waits for the bundle (a scan cannot be stopped)


class IdleScan:
    """The app's deduce (loaded on the first idle scan, shared with the bundle screen) and the
    scan of what the findings cache does not hold yet."""

    def __init__(self, app: ReflectieApp) -> None:
        self.app = app
        self.lock = threading.Lock()  # one scan at a time: deduce is not shared between threads
        self.language = None  # deduce on its tables, once loaded (never built here)
        self._findings: FindingsCache | None = None  # the cache file, as the worker opened it
        self._opened_for: tuple[Journal, bytes] | None = None  # the journal and key it is for
        self._done: dict[str, str] | None = None  # the entries (id → version) all in the cache
        self._skipped: set[tuple[str, str]] = set()  # entries not to try again at this version
        self._running = False
        self._tried_language = False  # deduce loaded once, or found to have no tables yet

    def check(self) -> None:
        """On the main thread, every :data:`CHECK_SECONDS`: when the app is idle, open the
        cache, or send the next entries it does not hold to a worker."""
        from ..bundle.findings_cache import entry_versions

        app, journal = self.app, self.app.journal
        if journal is None or self._opened_for != (journal, journal.vault.cache_key) \
                or self._bundle_open():  # locked, rekeyed, or written by the bundle screen
            self._findings, self._opened_for, self._done = None, None, None
        if (self._running or journal is None or app.cache_dir is None or not self.idle()
                or self._bundle_open() or self.app.busy()):
            return
        if self.language is None and self._tried_language:
            return  # no tables to run deduce on: the bundle screen builds them
        versions = entry_versions(journal.summaries())
        if versions == self._done:
            return
        findings = self._findings
        if findings is None or findings.today != app.today():
            self._start(journal, versions, [])  # the worker opens the cache first
            return
        waiting = [entry_id for entry_id in findings.waiting(versions)
                   if (entry_id, versions[entry_id]) not in self._skipped]
        if not waiting:
            if findings.entries() - versions.keys():  # deleted beside the app meanwhile
                self._start(journal, versions, [])
            else:
                self._done = versions
            return
        batch = []
        for entry_id in waiting[:BATCH]:
            try:
                entry = journal.get(entry_id)
            except JournalError:  # damaged or gone: the bundle says so when it is chosen
                self._skipped.add((entry_id, versions[entry_id]))
                continue
            if len(entry.body) > LONGEST:
                self._skipped.add((entry_id, versions[entry_id]))
            else:
                batch.append(entry)
        self._start(journal, versions, batch)

    def idle(self) -> bool:
        return self.app.clock() - self.app.last_activity >= IDLE_SECONDS

    def _bundle_open(self) -> bool:
        from ..screens.bundle import BundleScreen

        return any(isinstance(screen, BundleScreen) for screen in self.app.screen_stack)

    def _start(self, journal: Journal, versions: dict[str, str], batch: list[Entry]) -> None:
        self._running = True
        key = journal.vault.cache_key
        self.app.run_worker(lambda: self._work(journal, key, versions, batch), thread=True,
                            group="idle-scan", description="idle-scan", exit_on_error=False)

    def _open_for(self, journal: Journal, key: bytes) -> bool:
        """Is the vault still open, with the key the cache is sealed under?"""
        return self.app.journal is journal and journal.vault.cache_key == key

    def _work(self, journal: Journal, key: bytes, versions: dict[str, str],
              batch: list[Entry]) -> None:
        from ..bundle.findings_cache import FindingsCache

        try:
            findings = self._findings
            if findings is None or findings.today != self.app.today():
                findings = FindingsCache.of_vault(self.app.today(), self.app.cache_dir,
                                                  journal.vault.vault_id, key)
            for entry in batch:
                if not self._go_on(journal, key):
                    break
                self._scan(findings, entry, versions)
            with self.lock:  # a rekey forgets the old file under this lock
                if self._open_for(journal, key):
                    findings.save(versions)
                    self._findings, self._opened_for = findings, (journal, key)
        finally:
            self._running = False

    def _go_on(self, journal: Journal, key: bytes) -> bool:
        return self._open_for(journal, key) and self.idle() and not self._bundle_open()

    def _scan(self, findings: FindingsCache, entry: Entry, versions: dict[str, str]) -> None:
        from ..bundle.detector import Detector, load_language
        from ..bundle.review import entry_parts
        from ..bundle.scanning import warm
        from ..clients import ClientList

        if self.language is None:
            self._tried_language = True
            self.language = load_language(self.app.cache_dir)  # type: ignore[arg-type]
            if self.language is None:
                return
        detector = Detector(ClientList(), findings.today, self.language)
        try:
            with self.lock:
                warm(detector, entry_parts([entry]), findings)
        except Exception:  # noqa: BLE001 — deduce failing on one text must not stop the rest
            self._skipped.add((entry.id, versions.get(entry.id, "")))
