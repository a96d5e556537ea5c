"""The journal's entries: list, search with snippets, read, create, save, delete."""

from __future__ import annotations

from dataclasses import dataclass

from ..vault.bulk import collector_paused
from ..errors import (
    DamagedItem,
    InvalidEntry,
    ItemNotFound,
)
from ..index import EntrySummary, Filters, Record
from ..model import MAX_ENTRY_CHARS, Entry, body_of, now, title_from_body
from ..search import Query, snippet
from ..anomalies import DELETED
from ..vault.files import ITEM_ID, ITEM_SUFFIX, ITEMS_DIR, new_item_id
from .core import CLIENTS, ENTRY, SETTINGS, parse_entry


@dataclass(frozen=True)
class SearchHit:
    summary: EntrySummary
    snippet: str
    span: tuple[int, int]  # the match inside ``snippet``


class Entries:
    """Entries: listed and searched from the cache, read, written and deleted."""

    # -- reading ---------------------------------------------------------------------------
    def summaries(
        self, kind: str | None = None, tag: str | None = None, filters: Filters | None = None
    ) -> list[EntrySummary]:
        """Entries newest first, optionally of one kind, carrying one tag, or ``filters``."""
        filters = filters or Filters(kind=kind or None, tag=tag or None)
        found = [r.summary for r in self._records.values()
                 if r.summary is not None and filters.matches(r.summary)]
        return sorted(found, key=lambda s: s.sort_key, reverse=True)

    def resolve(self, id_or_prefix: str) -> str:
        entry_ids = {i for i, r in self._records.items() if r.item_type == ENTRY}
        return self.vault.resolve_id(id_or_prefix, entry_ids)

    def get(self, id_or_prefix: str) -> Entry:
        return self.get_versioned(id_or_prefix)[0]

    def get_versioned(self, id_or_prefix: str) -> tuple[Entry, int]:
        """The entry as it is on disk now, and its version: what an editor starts from."""
        entry_id = self.resolve(id_or_prefix)
        opened = self.vault.read_opened(entry_id)
        if opened.item_type != ENTRY:
            raise ItemNotFound(entry_id)
        return parse_entry(opened.body, entry_id), opened.version

    def search(self, text: str, filters: Filters | None = None) -> list[SearchHit]:
        """Entries containing every term (case and accents ignored), newest first.

        With ``filters`` and no terms, every entry that passes the filters is a hit.
        """
        query = Query.parse(text)
        if not query and filters is None:
            return []
        filters = filters or Filters()
        self._ensure_texts()
        hits = []
        for item_id, record in self._records.items():
            summary = record.summary
            if summary is not None and filters.matches(summary) and (
                not query or query.matches(record.folded or "")
            ):
                hits.append((summary, item_id, record))
        hits.sort(key=lambda h: h[0].sort_key, reverse=True)
        with collector_paused():  # thousands of hits, each a few new objects
            return [self._hit(summary, record, query) for summary, _, record in hits]

    def _hit(self, summary: EntrySummary, record: Record, query: Query) -> SearchHit:
        if not query:
            return SearchHit(summary, summary.first_line, (0, 0))
        match = query.first_match(record.folded or "", record.body_at)
        if match is None:  # matched in title or tags only
            return SearchHit(summary, summary.title, (0, 0))
        text, start, end = snippet(record.text or "", match, text_at=record.body_at)
        return SearchHit(summary, text, (start, end))

    # -- writing ---------------------------------------------------------------------------
    def create(
        self,
        kind: str,
        body: str,
        title: str = "",
        tags: tuple[str, ...] = (),
        trajectory: str | None = None,
        meeting: int | None = None,
        prompt_set: str | None = None,
    ) -> Entry:
        moment = now()
        entry = Entry(
            id=new_item_id(),
            kind=kind,
            title=title or title_from_body(body),
            created=moment,
            updated=moment,
            body=body,
            trajectory=trajectory,
            meeting=meeting,
            prompt_set=prompt_set,
            tags=tags,
        )
        return self.save(entry)

    def save(self, entry: Entry, base_version: int | None = None) -> Entry:
        """Encrypt and durably write ``entry``; the cache follows in memory.

        Refused when the id is another item's (an imported file naming the client list's id
        would have replaced the list).
        """
        if len(entry.body) + len(entry.title) > MAX_ENTRY_CHARS:
            raise InvalidEntry("too_long")  # a 60 MB body was saved, and froze the app opening it
        record = self._records.get(entry.id)
        if (record is not None and record.item_type not in (ENTRY, DELETED)) or entry.id in (
                self.singleton_id(SETTINGS), self.singleton_id(CLIENTS)):
            raise InvalidEntry("id_taken")
        item, version = self._write(entry.id, ENTRY, entry.to_markdown().encode("utf-8"),
                                    base_version)
        self._records[entry.id] = Record.for_entry(item.signature, entry, version)
        return entry

    def delete(self, id_or_prefix: str, base_version: int | None = None) -> str:
        """Delete an entry; with ``base_version`` (the version the user was shown), not when
        it was changed since (see :class:`NotDeletedChangedElsewhere`)."""
        entry_id = self.resolve(id_or_prefix)
        self._tombstone(entry_id, base_version)
        return entry_id

    def damaged_file(self, name_or_prefix: str) -> str | None:
        """The name of the one damaged file that ``name_or_prefix`` names (an id, an id's
        first characters or a file name), or None."""
        wanted = name_or_prefix.strip().lower().removesuffix(ITEM_SUFFIX)
        names = [d.details["name"] for d in self.damaged]
        matches = [n for n in names if n.lower().removesuffix(ITEM_SUFFIX) == wanted]
        if not matches and len(wanted) >= 4:
            matches = [n for n in names if n.lower().startswith(wanted)]
        return matches[0] if len(matches) == 1 else None

    def remove_damaged(self, name: str) -> None:
        """Remove a file that cannot be read: an item's is deleted as any item is (so a sync
        tool bringing it back shows), anything else is removed."""
        item_id = name.removesuffix(ITEM_SUFFIX)
        if name.endswith(ITEM_SUFFIX) and ITEM_ID.fullmatch(item_id):
            self._tombstone(item_id)
        else:
            self.vault.remove_file(self.vault.path / ITEMS_DIR / name)
        self.damaged = [d for d in self.damaged if d.details["name"] != name]

    def bodies(self, summaries: list[EntrySummary]) -> list[tuple[EntrySummary, str]]:
        """(summary, body) pairs, decrypted without parsing YAML: cheap for many entries."""
        found = []
        for summary in summaries:
            try:
                found.append((summary, body_of(self.vault.read(summary.id)[1].decode("utf-8"))))
            except (ItemNotFound, DamagedItem, UnicodeDecodeError):
                continue
        return found

    def entries_of(self, trajectory_id: str) -> list[Entry]:
        """Every entry linked to a trajectory, decrypted (a trajectory has tens, not thousands)."""
        return [self.get(s.id) for s in self.summaries() if s.trajectory == trajectory_id]

    def trajectory_entries(self) -> list[Entry]:
        return [self.get(s.id) for s in self.summaries() if s.trajectory]
