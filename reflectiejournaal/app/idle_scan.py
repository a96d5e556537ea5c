"""While nobody types, the entries are scanned for the bundle review ahead of time.

A bundle's first scan of a year's entries costs seconds of deduce (about 15 ms an entry on one
core); what was scanned is kept in the sealed findings cache (:mod:`bundle.findings_cache`),
and a bundle of what the cache holds takes about a second. So the app fills the cache while it
is idle: a few seconds after the last key or click, a few entries at a time, newest first, in a
worker thread. It gives way at the next key, at the lock and to a bundle screen, which scans
for itself with the same deduce under the same lock. Nothing but the cache file is written,
exactly as a bundle's own scan would leave it; the client list plays no part (the scan's base
is the same whoever the clients are).

The entries are read on the main thread, a batch per check (a few milliseconds): the journal
is the main thread's, and the vault may lock at any moment.
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


class IdleScan:
    """The app's deduce (loaded on the first idle scan, shared with the bundle screen) and the
    scan of what the findings cache does not hold yet."""

    def __init__(self, app: ReflectieApp) -> None:
        self.app = app
        self.lock = threading.Lock()  # one scan at a time: deduce is not shared between threads
        self.language = None  # deduce on its tables, once loaded (never built here)
        self._journal: Journal | None = None  # whose cache is open below
        self._findings: FindingsCache | None = None
        self._done: dict[str, str] | None = None  # the entries (id → version) all in the cache
        self._failed: set[tuple[str, str]] = set()  # entries that did not open: not again
        self._running = False
        self._given_up = False  # no tables to run deduce on: the bundle screen builds them

    def check(self) -> None:
        """On the main thread, every :data:`CHECK_SECONDS`: when the app is idle, the next
        entries the cache does not hold go to a worker."""
        from ..bundle.findings_cache import FindingsCache, entry_versions

        app, journal = self.app, self.app.journal
        if journal is not self._journal or self._bundle_open():
            self._findings, self._done, self._journal = None, None, journal  # read it anew
        if (self._running or self._given_up or journal is None or app.cache_dir is None
                or not self.idle() or self._bundle_open()):
            return
        versions = entry_versions(journal.summaries())
        if versions == self._done:
            return
        if self._findings is None or self._findings.today != app.today():
            self._findings = FindingsCache.of_vault(app.today(), app.cache_dir,
                                                    journal.vault.vault_id, journal.vault.cache_key)
        waiting = [entry_id for entry_id in self._findings.waiting(versions)
                   if (entry_id, versions[entry_id]) not in self._failed]
        if not waiting:
            self._done = versions
            return
        batch = []
        for entry_id in waiting[:BATCH]:
            try:
                batch.append(journal.get(entry_id))
            except JournalError:  # damaged or gone: the bundle says so when it is chosen
                self._failed.add((entry_id, versions[entry_id]))
        self._running = True
        findings = self._findings
        app.run_worker(lambda: self._scan(journal, findings, batch, versions), thread=True, group="idle-scan",
                       description="idle-scan", exit_on_error=False)

    def idle(self) -> bool:
        return self.app.clock() - self.app.last_activity >= IDLE_SECONDS

    def _bundle_open(self) -> bool:
        from ..screens.bundle import BundleScreen

        return any(isinstance(screen, BundleScreen) for screen in self.app.screen_stack)

    def _scan(self, journal: Journal, findings: FindingsCache, batch: list[Entry],
              versions: dict[str, str]) -> None:
        from ..bundle.detector import Detector, load_language
        from ..bundle.review import entry_parts
        from ..bundle.scanning import warm
        from ..clients import ClientList

        try:
            if self.language is None:
                self.language = load_language(self.app.cache_dir)  # type: ignore[arg-type]
                if self.language is None:
                    self._given_up = True
                    return
            detector = Detector(ClientList(), findings.today, self.language)

            def go_on() -> bool:
                return self.app.journal is journal and self.idle() and not self._bundle_open()

            for entry in batch:
                if not go_on():
                    break
                with self.lock:
                    warm(detector, entry_parts([entry]), findings)
            findings.save(versions)
        finally:
            self._running = False
