"""The user's decisions on what the folder did unasked: keep what is there, or delete it again."""

from __future__ import annotations


from ..errors import (
    ItemNotFound,
)
from ..vault.seen import key_mark



class AnomalyDecisions:
    """A rolled-back, returned or vanished item, once the user has looked at it."""

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
