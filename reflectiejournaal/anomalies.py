"""What the folder did that this device's own work does not explain.

Pure: the records read from the folder are compared with what this device saw before
(:mod:`seen`); what is ordinary is remembered, what is not is reported and waits for the user.
"""

from __future__ import annotations

from dataclasses import dataclass

from .index import Record
from .vault.seen import KEYS_ID, SeenState
from .vault.files import ITEM_ID

DELETED = "deleted"  # the item type of a tombstone: a deletion is written, not a file removed


@dataclass(frozen=True)
class Anomaly:
    """``rollback``: an item is at an older version than this device saw; ``resurrected``: a
    deleted item is back; ``vanished``: an item is gone without having been deleted;
    ``old_key``: an item sealed under a key a finished rekey replaced (another device's late
    write, or someone who knows the old key); ``key_rollback``: the header is one from before
    a rekey this device saw. Each waits for the user (``Journal.accept``, ``discard``)."""

    kind: str
    item_id: str
    item_type: str | None  # None for a vanished item and the header
    title: str | None  # an entry's title, to recognise it by
    version: int | None  # the version there now
    seen: int  # the highest version this device saw

    @classmethod
    def of(cls, kind: str, item_id: str, record: Record, highest: int) -> Anomaly:
        title = record.summary.title if record.summary else None
        return cls(kind, item_id, record.item_type, title, record.version, highest)


@dataclass(frozen=True)
class Folder:
    """What is in the folder now, as far as the comparison needs it."""

    records: dict[str, Record]  # the readable items
    key_mark: str  # of the header's current key (during a rekey: the old one)
    copy_versions: dict[str, int]  # the highest authenticating conflict copy of each item
    unreadable: set[str]  # ids whose file is there but damaged


def observe(seen: SeenState, folder: Folder) -> tuple[list[Anomaly], bool]:
    """The anomalies, and whether ``seen`` changed (it learns what is ordinary)."""
    found: list[Anomaly] = []
    changed = False
    if folder.key_mark not in seen.keys:
        seen.keys.append(folder.key_mark)
        changed = True
    elif folder.key_mark != seen.keys[-1]:
        found.append(Anomaly("key_rollback", KEYS_ID, None, None,
                             seen.keys.index(folder.key_mark) + 1, len(seen.keys)))
    knew_folder = bool(seen.versions)  # a new device has nothing to compare with
    for item_id, record in folder.records.items():
        highest = seen.versions.get(item_id)
        if item_id in seen.deleted and record.item_type != DELETED and (
                highest is None or record.version <= highest):
            found.append(Anomaly.of("resurrected", item_id, record, highest or 0))
            continue
        if highest is not None and record.version < highest:
            # A sync conflict is shown as one while a copy holds the newer version.
            if folder.copy_versions.get(item_id, -1) < highest:
                found.append(Anomaly.of("rollback", item_id, record, highest))
            continue  # never forget the higher version seen
        if record.key_rank == 2 or (record.key_rank == 1 and knew_folder and (
                highest is None or record.version > highest)):
            # Under a key a rekey replaced, or new under the old key while one is under way:
            # another device's late write, or someone who knows the old key.
            found.append(Anomaly.of("old_key", item_id, record, highest or 0))
            continue
        if highest != record.version:
            seen.versions[item_id] = record.version
            changed = True
        if (record.item_type == DELETED) != (item_id in seen.deleted):
            # Deleted, or written again since: by the user's choice.
            (seen.deleted.add if record.item_type == DELETED else seen.deleted.discard)(item_id)
            changed = True
    for item_id in sorted(set(seen.versions) - set(folder.records) - folder.unreadable):
        if ITEM_ID.fullmatch(item_id):
            found.append(Anomaly("vanished", item_id, None, None, None, seen.versions[item_id]))
    return found, changed
