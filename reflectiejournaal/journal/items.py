"""The journal's drafts and trajectories."""

from __future__ import annotations


from ..drafts import Draft
from ..trajectory import Trajectory
from ..errors import (
    DamagedItem,
    InvalidEntry,
    ItemNotFound,
    TrajectoryNotFound,
)
from ..anomalies import DELETED
from ..vault.files import new_item_id
from .core import DRAFT, TRAJECTORY, version_read


class DraftsAndTrajectories:
    """Drafts (text being written) and trajectories (meetings, roles, attendance)."""

    # -- drafts -----------------------------------------------------------------------------
    def save_draft(self, draft: Draft) -> None:
        """Encrypted like everything else and written durably before this returns (on quit,
        lock, a signal: after every draft still being written in the background)."""
        self._write_item(draft.id, DRAFT, draft.to_bytes())

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
            trajectory.id, TRAJECTORY, trajectory.to_bytes(), version_read(trajectory))
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
