"""The journal's conflict copies: what each holds, and keeping one or both."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..drafts import Draft
from ..feedback import SentBundle
from ..trajectory import Trajectory
from ..errors import (
    DamagedItem,
    InvalidEntry,
    ItemNotFound,
)
from ..model import Entry
from ..vault.files import ItemFile, new_item_id, read_regular
from .core import BUNDLE, CLIENTS, DRAFT, ENTRY, TRAJECTORY, parse_entry


@dataclass(frozen=True)
class Conflict:
    """A sync tool's conflict copy beside the current version of the same entry."""

    copy: ItemFile
    current: Entry | None
    theirs: Entry | None


class Conflicts:
    """Conflict copies a sync tool (or a write beside ours) left: shown and settled."""

    # -- sync conflicts ----------------------------------------------------------------------
    def conflict(self, copy: ItemFile) -> Conflict:
        """Both versions of a conflicted entry, each ``None`` if it cannot be read."""
        try:
            current = self.get(copy.item_id)
        except (ItemNotFound, DamagedItem):
            current = None
        try:
            _, _, body = self.vault.open_item_bytes(read_regular(copy.path), copy.path.name)
            theirs = parse_entry(body, copy.path.name)
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
        (``both`` keeps a trajectory or draft as a new one; settings exist once). A bundle's
        record keeps the newer feedback whatever ``keep`` says, as importing both files would."""
        if item_type == BUNDLE:
            theirs = SentBundle.from_bytes(body)
            mine = self.sent_bundle(copy.item_id)
            if mine is None or theirs.feedback is not None and (
                    mine.feedback is None or theirs.feedback.saved > mine.feedback.saved):
                self._write_item(copy.item_id, BUNDLE, body)
        elif keep == "copy":
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
