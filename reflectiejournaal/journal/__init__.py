"""The journal: entries in an unlocked vault, listed and searched through the cache.

This is the one domain API the command line and the app use. It never parses Markdown or YAML
of entries it does not have to: lists and search come from the cache. One class in parts, a
module each, by what they look after; the parts share the core's records and its writes:

- ``core``: the records kept in step with the folder and the cache; every write, versioned,
  under the writer lock and never over another writer's change; drafts written in the
  background; closing.
- ``entries``: list, search with snippets, read, create, save, delete.
- ``items``: drafts and trajectories.
- ``singles``: the settings and the client list.
- ``conflicts``: conflict copies, shown and settled.
- ``decisions``: what the user decided about a rollback, a return or a vanished item.
- ``sent``: bundles sent to the supervisor and the feedback that came back.
"""

from .conflicts import Conflict, Conflicts
from .core import BUNDLE, CLIENTS, DRAFT, ENTRY, SETTINGS, TRAJECTORY, JournalCore
from .decisions import AnomalyDecisions
from .entries import Entries, SearchHit
from .items import DraftsAndTrajectories
from .sent import SentBundles
from .singles import SettingsAndClients


class Journal(Conflicts, AnomalyDecisions, SentBundles, SettingsAndClients, DraftsAndTrajectories,
              Entries, JournalCore):
    """Entries of one unlocked vault. Call :meth:`close` to persist the cache and unlock."""


__all__ = ["BUNDLE", "CLIENTS", "DRAFT", "ENTRY", "SETTINGS", "TRAJECTORY", "Conflict", "Journal",
           "SearchHit"]
