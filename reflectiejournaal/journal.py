"""The journal: entries in an unlocked vault, listed and searched through the cache.

This is the one domain API the command line and the app use for entries. It never parses
Markdown or YAML of entries it does not have to: lists and search come from the cache.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .vault import crypto
from .vault.bulk import collector_paused
from .drafts import Draft
from .clients import ClientList
from .settings import Settings
from .trajectory import Trajectory
from .errors import (
    ChangedElsewhere,
    DamagedItem,
    InvalidEntry,
    ItemNotFound,
    NotDeletedChangedElsewhere,
    TrajectoryNotFound,
)
from .index import CacheFile, EntrySummary, Filters, Record
from .model import Entry, body_of, entry_from_markdown, now, title_from_body
from .search import Query, snippet
from .anomalies import DELETED, Anomaly, Folder, observe
from .vault.seen import SeenState, key_mark
from .vault.store import ITEM_ID, ITEM_SUFFIX, ITEMS_DIR, ItemFile, Vault, new_item_id, read_regular

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

ENTRY = "entry"
DRAFT = "draft"
SETTINGS = "settings"
TRAJECTORY = "trajectory"
CLIENTS = "clients"


@dataclass(frozen=True)
class SearchHit:
    summary: EntrySummary
    snippet: str
    span: tuple[int, int]  # the match inside ``snippet``


@dataclass(frozen=True)
class Conflict:
    """A sync tool's conflict copy beside the current version of the same entry."""

    copy: ItemFile
    current: Entry | None
    theirs: Entry | None


class Journal:
    """Entries of one unlocked vault. Call :meth:`close` to persist the cache and unlock."""

    def __init__(self, vault: Vault, cache_dir: Path | None, state_dir: Path | None = None) -> None:
        """``state_dir`` holds what this device has seen (see :mod:`seen`); without it,
        rollbacks, resurrections and vanished items are not looked for."""
        self.vault = vault
        self._cache = (
            CacheFile(cache_dir / f"{vault.vault_id}.cache", vault.cache_key, vault.vault_id)
            if cache_dir
            else None
        )
        self._records: dict[str, Record] = self._cache.load() if self._cache else {}
        self._texts_loaded = not self._records  # records read from disk come with their text
        self._dirty = False
        self._seen_path = state_dir / f"{vault.vault_id}.seen" if state_dir else None
        self._seen = (SeenState.load(self._seen_path, vault.vault_id, vault.keys.first)
                      if self._seen_path else None)
        self._seen_dirty = False
        self.seen_unsaved = False  # the state folder could not be written: say so
        self.damaged: list[DamagedItem] = []
        self.conflicts: list[ItemFile] = []
        self.anomalies: list[Anomaly] = []
        self._background: ThreadPoolExecutor | None = None  # see save_draft_soon
        self._folder_mark = -1  # the items folder's time at the last refresh
        self._last_background: Future[None] | None = None
        self.refresh()

    # -- keeping the cache in step with the folder ---------------------------------------
    def refresh(self) -> bool:
        """Re-read only what changed on disk since the cache was written (or since the last
        refresh); True when anything did."""
        self.wait_for_writes()
        self._folder_mark = self._folder_time()
        before = ([c.name for c in self.conflicts], [d.details["name"] for d in self.damaged])
        scan = self.vault.scan()
        self.conflicts = scan.conflicts
        self.damaged = [DamagedItem(p.name, "header") for p in scan.strays]
        changed = False
        for item_id in set(self._records) - set(scan.items):
            del self._records[item_id]
            changed = True
        for item_id, item in scan.items.items():
            record = self._records.get(item_id)
            if record is not None and record.signature == item.signature:
                continue
            try:
                self._records[item_id] = self._read_record(item)
            except DamagedItem as damage:
                self._records.pop(item_id, None)
                self.damaged.append(damage)
            changed = True
        self._observe()
        self._dirty = self._dirty or changed
        after = ([c.name for c in self.conflicts], [d.details["name"] for d in self.damaged])
        return changed or before != after

    def folder_changed(self) -> bool:
        """Something was written beside this journal (the command line, a sync tool) since
        the last refresh: cheap (one stat), for an app that looks every few seconds."""
        return self._folder_time() != self._folder_mark

    def _folder_time(self) -> int:
        try:
            return os.stat(self.vault.path / ITEMS_DIR).st_mtime_ns
        except OSError:
            return -1

    def _observe(self) -> None:
        """Compare the folder with what this device saw; remember what is ordinary."""
        if self._seen is None:
            return
        folder = Folder(
            self._records, key_mark(self.vault.keys.current), self._copy_versions(),
            {d.details["name"].removesuffix(".rj") for d in self.damaged})
        self.anomalies, changed = observe(self._seen, folder)
        self._seen_dirty = self._seen_dirty or changed

    def _copy_versions(self) -> dict[str, int]:
        """The highest version among the conflict copies of each item that authenticate."""
        versions: dict[str, int] = {}
        for copy in self.conflicts:
            try:
                opened = self.vault.open_item(read_regular(copy.path), copy.path.name)
            except (DamagedItem, OSError):
                continue
            versions[copy.item_id] = max(versions.get(copy.item_id, -1), opened.version)
        return versions

    def accept(self, item_id: str) -> None:
        """Keep what is there now: a rolled-back or returned item becomes the newest version
        (so it is not reported again), a vanished one is forgotten."""
        anomaly = next((a for a in self.anomalies if a.item_id == item_id), None)
        if anomaly is None or self._seen is None:
            raise ItemNotFound(item_id)
        if anomaly.kind == "key_rollback":  # the user put back an old backup on purpose
            del self._seen.keys[self._seen.keys.index(key_mark(self.vault.keys.current)) + 1:]
        elif anomaly.kind == "vanished":
            self._seen.forget(item_id)
        else:
            opened = self.vault.read_opened(item_id)
            self._seen.deleted.discard(item_id)
            item, version = self._write(item_id, opened.item_type, opened.body)
            record = self._records[item_id]  # under the current key now, the newest version
            record.signature, record.version, record.key_rank = item.signature, version, 0
        self.anomalies = [a for a in self.anomalies if a.item_id != item_id]
        self._seen_dirty = True
        self._save_seen()

    def discard(self, item_id: str) -> None:
        """Delete a returned item again (its deletion becomes the newest version)."""
        if not any(a.item_id == item_id and a.kind in ("resurrected", "old_key")
                   for a in self.anomalies):
            raise ItemNotFound(item_id)
        self._tombstone(item_id)
        self.anomalies = [a for a in self.anomalies if a.item_id != item_id]
        self._save_seen()

    def _write(self, item_id: str, item_type: str, body: bytes,
               base_version: int | None = None) -> tuple[ItemFile, int]:
        """Every write goes here: one version above any this device has seen of the item,
        after the drafts still being written in the background (in the order they came)."""
        self.wait_for_writes()
        return self._write_now(item_id, item_type, body, base_version)

    def _write_now(self, item_id: str, item_type: str, body: bytes,
                   base_version: int | None = None) -> tuple[ItemFile, int]:
        with self.vault.write_lock():
            record = self._records.get(item_id)
            seen = self._seen.versions.get(item_id, 0) if self._seen is not None else 0
            version = max(record.version if record else 0, seen) + 1
            if item_type != DRAFT and self._changed_elsewhere(item_id, record, base_version):
                self._keep_beside(item_id, item_type, body, version)
            unseen = self._folder_time() != self._folder_mark
            item = self.vault.write(item_id, item_type, body, version)
            if not unseen:  # our own write is no news (no one else writes while we hold the lock)
                self._folder_mark = self._folder_time()
        if self._seen is not None:
            self._seen.versions[item_id] = version
            if item_type == DELETED:
                self._seen.deleted.add(item_id)
            else:
                self._seen.deleted.discard(item_id)
            self._seen_dirty = True
            if item_type != DRAFT:  # a kill must not forget what was saved (drafts: at close)
                self._save_seen()
        self._dirty = True
        return item, version

    def _changed_elsewhere(self, item_id: str, record: Record | None,
                           base_version: int | None) -> bool:
        """Another writer (the command line beside the app, another device through a sync
        tool) changed the item since this journal, or the editor, read it: writing would
        overwrite their version. A drafts' own is never checked: only its editor writes it."""
        try:
            on_disk = self.vault.scan_one(item_id)
        except ItemNotFound:
            return False  # nothing there to overwrite
        if base_version is not None:  # what the editor started from
            try:
                return self.vault.read_opened(item_id).version != base_version
            except DamagedItem:
                return True
        if record is None:  # a file this journal never read (a damaged one is replaced)
            return f"{item_id}{ITEM_SUFFIX}" not in {d.details["name"] for d in self.damaged}
        return on_disk.signature != record.signature

    def _keep_beside(self, item_id: str, item_type: str, body: bytes, version: int) -> None:
        """Our version as a conflict copy beside theirs, and theirs shown from now on."""
        copy = None
        if item_type != DELETED:  # a deletion that would drop their change is not done
            copy = self.vault.write_copy(item_id, item_type, body, version)
            self.conflicts = sorted([*self.conflicts, copy], key=lambda c: c.name)
        try:
            self._records[item_id] = self._read_record(self.vault.scan_one(item_id))
        except (ItemNotFound, DamagedItem):
            self._records.pop(item_id, None)
        self._dirty = True
        if copy is None:
            raise NotDeletedChangedElsewhere(item_id, None)
        raise ChangedElsewhere(item_id, copy.name)

    def _write_item(self, item_id: str, item_type: str, body: bytes,
                    base_version: int | None = None) -> int:
        """Write an item that is not an entry, and its record (only its type is cached);
        returns its new version."""
        self.wait_for_writes()
        return self._store(item_id, item_type, body, base_version)

    def _store(self, item_id: str, item_type: str, body: bytes,
               base_version: int | None = None) -> int:
        item, version = self._write_now(item_id, item_type, body, base_version)
        self._records[item_id] = Record(item.signature, item_type, version=version)
        return version

    def _tombstone(self, item_id: str, base_version: int | None = None) -> None:
        """Delete an item by writing its deletion: a later return of the old file shows."""
        self._write_item(item_id, DELETED, b"", base_version)

    def _save_seen(self) -> None:
        if self._seen is not None and self._seen_path is not None and self._seen_dirty:
            saved = self._seen.save(self._seen_path, self.vault.vault_id, self.vault.keys.first)
            self._seen_dirty = not saved
            self.seen_unsaved = not saved

    def _ensure_texts(self) -> None:
        """Load the folded texts (only search needs them); re-read any the cache lacks."""
        if self._texts_loaded:
            return
        if self._cache is not None:
            self._cache.load_texts(self._records)
        for item_id, record in list(self._records.items()):
            if record.item_type == ENTRY and record.folded is None:
                self._dirty = True
                try:
                    self._records[item_id] = self._read_record(self.vault.scan_one(item_id))
                except (ItemNotFound, DamagedItem):
                    del self._records[item_id]  # gone or damaged since the last refresh
        self._texts_loaded = True

    def _read_record(self, item: ItemFile) -> Record:
        opened = self.vault.open_file(item)
        if opened.item_type != ENTRY:
            record = Record(item.signature, opened.item_type, version=opened.version)
        else:
            record = Record.for_entry(item.signature, _parse(opened.body, item.name), opened.version)
        record.key_rank = opened.key_rank
        return record

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
        return _parse(opened.body, entry_id), opened.version

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

    # -- drafts -----------------------------------------------------------------------------
    def save_draft(self, draft: Draft) -> None:
        """Encrypted like everything else and written durably before this returns (on quit,
        lock, a signal: after every draft still being written in the background)."""
        self._write_item(draft.id, DRAFT, draft.to_bytes())

    def save_draft_soon(self, draft: Draft) -> Future[None]:
        """The draft as it is now, written by the journal's one background writer, in order:
        the disk's flush (milliseconds, a second on a busy disk) never stalls typing.

        A draft's first save is made at once: it adds the draft's record, and the background
        only ever replaces records, so a list being read meanwhile cannot change size."""
        # Imported here: only the app saves in the background, and commands start faster.
        from concurrent.futures import Future, ThreadPoolExecutor

        payload = draft.to_bytes()  # what the screen holds now, not when the writer gets to it
        if draft.id not in self._records:
            done: Future[None] = Future()
            try:
                self._write_item(draft.id, DRAFT, payload)
                done.set_result(None)
            except Exception as error:  # noqa: BLE001 - handed to the caller in the future
                done.set_exception(error)
            return done
        if self._background is None:
            self._background = ThreadPoolExecutor(1, thread_name_prefix="concepten")
        self._last_background = self._background.submit(self._store, draft.id, DRAFT, payload)
        return self._last_background

    def wait_for_writes(self) -> None:
        """Until the background writer is done (its errors went to whoever asked it)."""
        last, self._last_background = self._last_background, None
        if last is not None:
            last.exception()  # waits without raising

    def drafts(self) -> list[Draft]:
        """Every draft in the vault, most recently saved first (unreadable ones are skipped)."""
        found = []
        for item_id, record in self._records.items():
            if record.item_type != DRAFT:
                continue
            try:
                item_type, body = self.vault.read(item_id)
                found.append(Draft.from_bytes(body))
            except (ItemNotFound, DamagedItem, ValueError, TypeError):
                continue
        return sorted(found, key=lambda d: d.updated, reverse=True)

    def restore_draft(self, draft: Draft) -> None:
        """A draft from an export, with the time it was last written kept."""
        record = self._records.get(draft.id)
        if record is not None and record.item_type not in (DRAFT, DELETED):
            raise InvalidEntry("id_taken")
        self._write_item(draft.id, DRAFT, draft.to_json().encode("utf-8"))

    def delete_draft(self, draft_id: str) -> None:
        record = self._records.get(draft_id)
        if record is not None and record.item_type == DRAFT:
            self._tombstone(draft_id)

    def new_draft_id(self) -> str:
        return new_item_id()

    # -- trajectories -------------------------------------------------------------------------
    def save_trajectory(self, trajectory: Trajectory) -> Trajectory:
        record = self._records.get(trajectory.id)
        if record is not None and record.item_type not in (TRAJECTORY, DELETED):
            raise InvalidEntry("id_taken")
        # The version it was read at (see get_trajectory): a change made since by another
        # writer is kept, not overwritten, also after this journal picked that change up.
        trajectory.read_version = self._write_item(  # type: ignore[attr-defined]
            trajectory.id, TRAJECTORY, trajectory.to_bytes(), _read_version(trajectory))
        return trajectory

    def trajectories(self, include_closed: bool = True) -> list[Trajectory]:
        """Every trajectory, the most recently started first."""
        found = []
        for item_id, record in self._records.items():
            if record.item_type == TRAJECTORY:
                try:
                    found.append(self._trajectory(item_id))
                except (ItemNotFound, DamagedItem, ValueError, TypeError, KeyError, InvalidEntry):
                    continue
        if not include_closed:
            found = [t for t in found if t.status == "open"]
        return sorted(found, key=lambda t: (t.start, t.id), reverse=True)

    def get_trajectory(self, id_or_prefix: str) -> Trajectory:
        known = {i for i, r in self._records.items() if r.item_type == TRAJECTORY}
        try:
            trajectory_id = self.vault.resolve_id(id_or_prefix, known)
        except ItemNotFound as missing:
            raise TrajectoryNotFound(missing.details["item_id"]) from None
        try:
            return self._trajectory(trajectory_id)
        except (ValueError, TypeError, KeyError) as exc:
            raise DamagedItem(trajectory_id, "content") from exc

    def _trajectory(self, item_id: str) -> Trajectory:
        opened = self.vault.read_opened(item_id)
        trajectory = Trajectory.from_bytes(opened.body)
        trajectory.read_version = opened.version  # type: ignore[attr-defined]
        return trajectory

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

    # -- settings ---------------------------------------------------------------------------
    def settings(self) -> Settings:
        body, version = self._read_single(SETTINGS)
        try:
            settings = Settings.from_bytes(body) if body else Settings()
        except ValueError:
            settings = Settings()
        settings.read_version = version  # type: ignore[attr-defined]
        return settings

    def has_settings(self) -> bool:
        return any(r.item_type == SETTINGS for r in self._records.values())

    def save_settings(self, settings: Settings) -> None:
        settings.read_version = self._save_single(  # type: ignore[attr-defined]
            SETTINGS, settings.to_bytes(), _read_version(settings))

    def clients(self) -> ClientList:
        """The private list of client names and their pseudonyms (never leaves the vault).

        Lists started on two devices are merged, and a sync tool's conflict copies of the
        list add the names they alone hold: no name is lost. What a copy says of a name the
        list has is an older version and is not taken (a pseudonym the user cleared stays
        cleared).
        """
        bodies, copies, version = self._bodies_of(CLIENTS)
        current, older = ClientList.merged(self._lists(bodies)), ClientList.merged(self._lists(copies))
        known = {c.name.casefold() for c in current.clients}
        current.clients += [c for c in older.clients if c.name.casefold() not in known]
        current.read_version = version  # type: ignore[attr-defined]
        return current

    @staticmethod
    def _lists(bodies: list[bytes]) -> list[ClientList]:
        lists = []
        for body in bodies:
            try:
                lists.append(ClientList.from_bytes(body))
            except (ValueError, KeyError, TypeError):
                continue
        return lists

    def clients_state(self) -> str:
        """``ok``, ``missing`` (no list yet) or ``damaged``: a list that cannot be read, or no
        list beside damaged items (whose type cannot be known: the list may be among them)."""
        ids = [i for i, r in self._records.items() if r.item_type == CLIENTS]
        if not ids:
            return "damaged" if self.damaged else "missing"
        try:
            for item_id in ids:
                ClientList.from_bytes(self.vault.read(item_id)[1])
        except (ItemNotFound, DamagedItem, ValueError, KeyError, TypeError):
            return "damaged"
        return "ok"

    def save_clients(self, clients: ClientList) -> None:
        """Write the list as the one list item; other copies, merged into it, are removed."""
        clients.read_version = self._save_single(  # type: ignore[attr-defined]
            CLIENTS, clients.to_bytes(), _read_version(clients))
        kept = next(i for i, r in self._records.items() if r.item_type == CLIENTS)
        for item_id in [i for i, r in self._records.items() if r.item_type == CLIENTS and i != kept]:
            self._tombstone(item_id)
        for copy, _ in self._copies_of(CLIENTS):
            self.vault.remove_file(copy.path)
            self.conflicts = [c for c in self.conflicts if c.path != copy.path]

    def _bodies_of(self, item_type: str) -> tuple[list[bytes], list[bytes], int | None]:
        """The readable bodies of the items of ``item_type``, those of their conflict copies,
        and the version of the first item (the one :meth:`_save_single` writes; see
        :meth:`_read_single` for 0 and None), each item decrypted once."""
        items, version = [], None
        ids = [i for i, r in self._records.items() if r.item_type == item_type]
        for item_id in ids:
            try:
                opened = self.vault.read_opened(item_id)
            except (ItemNotFound, DamagedItem):
                continue
            items.append(opened.body)
            if item_id == ids[0]:
                version = opened.version
        return items, [body for _, body in self._copies_of(item_type)], version if ids else 0

    def _copies_of(self, item_type: str) -> list[tuple[ItemFile, bytes]]:
        """Conflict copies of items of ``item_type`` with their bodies, by their own
        (encrypted) type: also when the item they are a copy of is gone. Decrypted once."""
        found = []
        for copy in self.conflicts:
            try:
                _, kind, body = self.vault.open_item_bytes(read_regular(copy.path), copy.path.name)
            except (DamagedItem, OSError):
                continue
            if kind == item_type:
                found.append((copy, body))
        return found

    def _read_single(self, item_type: str) -> tuple[bytes | None, int | None]:
        """The body and version of the one item of this type (settings, client list), if
        readable; the version 0 when there is none yet (a base: "nothing was there")."""
        item_id = next((i for i, r in self._records.items() if r.item_type == item_type), None)
        if item_id is None:
            return None, 0
        try:
            opened = self.vault.read_opened(item_id)
        except (ItemNotFound, DamagedItem):
            return None, None
        return opened.body, opened.version

    def singleton_id(self, item_type: str) -> str:
        """The id every device gives a new settings item or client list: two devices that
        each start one write the same file, which the sync tool turns into a conflict copy
        that is merged, not two lists of which one is silently used. Derived from the
        vault's first key, so it says nothing to whoever sees the folder, and survives a
        rekey; entries can never take it (see :meth:`save`)."""
        return crypto.hkdf(self.vault.keys.first, b"",
                           f"rj-singleton-id-v1|{item_type}".encode("ascii"), 8).hex()

    def _save_single(self, item_type: str, body: bytes, base_version: int | None = None) -> int:
        """Items of which a vault has one (settings, the client list): reuse its id."""
        item_id = next((i for i, r in self._records.items() if r.item_type == item_type), None)
        return self._write_item(item_id or self.singleton_id(item_type), item_type, body,
                                base_version)

    # -- sync conflicts ----------------------------------------------------------------------
    def conflict(self, copy: ItemFile) -> Conflict:
        """Both versions of a conflicted entry, each ``None`` if it cannot be read."""
        try:
            current = self.get(copy.item_id)
        except (ItemNotFound, DamagedItem):
            current = None
        try:
            _, _, body = self.vault.open_item_bytes(read_regular(copy.path), copy.path.name)
            theirs = _parse(body, copy.path.name)
        except DamagedItem:
            theirs = None
        return Conflict(copy, current, theirs)

    def resolve_conflict(self, copy: ItemFile, keep: str) -> Entry | None:
        """``keep`` is ``current``, ``copy`` or ``both`` (the copy becomes a new entry).

        A conflict copy of the client list is merged whatever ``keep`` says: no name is lost.
        """
        if any(c == copy for c, _ in self._copies_of(CLIENTS)):
            self.save_clients(self.clients())
            return None
        opened = self.vault.open_item(read_regular(copy.path), copy.path.name)
        if opened.item_type != ENTRY:
            self._resolve_other(copy, opened.item_type, opened.body, keep)
            return None
        conflict = self.conflict(copy)
        kept: Entry | None = None
        if keep in ("copy", "both"):
            if conflict.theirs is None:
                raise DamagedItem(copy.path.name, "authentication")
            kept = conflict.theirs if keep == "copy" else conflict.theirs.edited(id=new_item_id())
            self.save(kept)
        self.vault.remove_file(copy.path)
        self.conflicts = [c for c in self.conflicts if c.path != copy.path]
        return kept

    def _resolve_other(self, copy: ItemFile, item_type: str, body: bytes, keep: str) -> None:
        """A copy of settings, a trajectory or a draft: the user's choice, as for entries
        (``both`` keeps a trajectory or draft as a new one; settings exist once)."""
        if keep == "copy":
            self._write_item(copy.item_id, item_type, body)
        elif keep == "both":
            if item_type not in (TRAJECTORY, DRAFT):
                raise InvalidEntry("keep_both")
            new_id = new_item_id()
            if item_type == TRAJECTORY:
                self.save_trajectory(replace(Trajectory.from_bytes(body), id=new_id))
            else:
                self.save_draft(replace(Draft.from_bytes(body), id=new_id))
        self.vault.remove_file(copy.path)
        self.conflicts = [c for c in self.conflicts if c.path != copy.path]

    def rekeyed(self) -> None:
        """After a rekey: every file changed, and the cache is written under the new key."""
        if self._cache is not None:
            self._cache.close()
            self._cache = CacheFile(self._cache.path, self.vault.cache_key, self.vault.vault_id)
        self.refresh()
        self._dirty = True
        self.flush()

    # -- closing ---------------------------------------------------------------------------
    def flush(self) -> bool:
        """Persist the cache (and what this device saw) if it changed; False if the cache
        could not be written."""
        self.wait_for_writes()
        self._save_seen()
        if not self._dirty or self._cache is None:
            return True
        self._ensure_texts()
        saved = self._cache.save(self._records)
        self._dirty = not saved
        return saved

    def close(self) -> None:
        self.flush()
        if self._background is not None:
            self._background.shutdown()
        if self._cache is not None:
            self._cache.close()
        self.vault.release_lock()


def _read_version(read: object) -> int | None:
    """The version an object was read at by this journal (None: not read, or not readable)."""
    return getattr(read, "read_version", None)


def _parse(body: bytes, name: str) -> Entry:
    try:
        return entry_from_markdown(body.decode("utf-8"))
    except (UnicodeDecodeError, InvalidEntry) as exc:
        raise DamagedItem(name, "content") from exc

