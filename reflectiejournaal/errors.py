"""Domain errors, and the vault's (re-exported): everything the user can be told about.

Each error carries a ``key`` into the message catalogue and the values the message needs, so
the domain stays free of UI text and every interface shows the same clear message.
"""

from __future__ import annotations

from .vault.errors import (  # the vault's errors are part of the domain's API
    JournalError,
    DecryptionFailed,
    HostileKdfParameters,
    VaultNotFound,
    VaultExists,
    NotAVault,
    WrongPassphrase,
    WrongRecoveryCode,
    MistypedRecoveryCode,
    VaultChangedElsewhere,
    UnfinishedRekey,
    VaultLocked,
    ItemNotFound,
    AmbiguousId,
    DamagedItem,
    WriteFailed,
    TargetNotEmpty,
    SourceMissing,
    RestoreInterrupted,
)

__all__ = [
    "JournalError",
    "DecryptionFailed",
    "HostileKdfParameters",
    "VaultNotFound",
    "VaultExists",
    "NotAVault",
    "WrongPassphrase",
    "WrongRecoveryCode",
    "MistypedRecoveryCode",
    "VaultChangedElsewhere",
    "UnfinishedRekey",
    "VaultLocked",
    "ItemNotFound",
    "AmbiguousId",
    "DamagedItem",
    "WriteFailed",
    "TargetNotEmpty",
    "SourceMissing",
    "RestoreInterrupted",
    "TrajectoryNotFound",
    "DetectorUnavailable",
    "InvalidEntry",
    "ChangedElsewhere",
    "NotDeletedChangedElsewhere",
]


class TrajectoryNotFound(ItemNotFound):
    key = "error.trajectory_not_found"


class DetectorUnavailable(JournalError):
    """deduce's tables for the bundle review could not be prepared (so nothing is written)."""

    key = "error.detector_unavailable"

    def __init__(self, reason: str) -> None:
        super().__init__(reason, reason=reason)


class InvalidEntry(JournalError):
    """Front matter or fields that do not describe a valid entry."""

    key = "error.invalid_entry"

    def __init__(self, reason: str, **details: object) -> None:
        super().__init__(reason, reason=reason, **details)


class ChangedElsewhere(JournalError):
    """The item was changed by another writer since it was read; nothing was overwritten:
    the version being saved is kept beside it as a conflict copy (``copy``), or, for a
    deletion, not done."""

    key = "error.changed_elsewhere"

    def __init__(self, item_id: str, copy: str | None) -> None:
        super().__init__(item_id, copy, item_id=item_id, copy=copy)


class NotDeletedChangedElsewhere(ChangedElsewhere):
    key = "error.changed_elsewhere_not_deleted"
