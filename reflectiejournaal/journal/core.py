"""The journal's core: records, refreshing from the folder, versioned writes, closing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from ..drafts import Draft
from ..errors import (
    ChangedElsewhere,
    DamagedItem,
    InvalidEntry,
    ItemNotFound,
    NotDeletedChangedElsewhere,
)
from ..cache_file import CacheFile
from ..index import Record
from ..model import Entry, entry_from_markdown
from ..anomalies import DELETED, Anomaly, Folder, observe
from ..vault.seen import SeenState, key_mark
from ..vault.store import Vault
from ..vault.files import ITEM_SUFFIX, ITEMS_DIR, ItemFile, read_regular

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor


ENTRY = "entry"
DRAFT = "draft"
SETTINGS = "settings"
TRAJECTORY = "trajectory"
CLIENTS = "clients"
BUNDLE = "bundle"  # a bundle sent, with the feedback on it (see feedback.py)


class JournalCore:
    """The records of an unlocked vault kept in step with its folder and the cache, and every
    write: versioned, under the writer lock, never over another writer's change."""

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
            record = Record.for_entry(item.signature, parse_entry(opened.body, item.name), opened.version)
        record.key_rank = opened.key_rank
        return record

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


def version_read(read: object) -> int | None:
    """The version an object was read at by this journal (None: not read, or not readable)."""
    return getattr(read, "read_version", None)


def parse_entry(body: bytes, name: str) -> Entry:
    try:
        return entry_from_markdown(body.decode("utf-8"))
    except (UnicodeDecodeError, InvalidEntry) as exc:
        raise DamagedItem(name, "content") from exc
