"""Errors of the vault layer: what can go wrong with the folder, its keys and its files.

Each error carries a ``key`` into the message catalogue and the values the message needs, so
no layer holds UI text and every interface shows the same clear message. The domain's own
errors, and these again, are in ``reflectiejournaal.errors``.
"""

from __future__ import annotations


class JournalError(Exception):
    """Base of every error the user can be told about."""

    key = "error.generic"

    def __init__(self, *args: object, **details: object) -> None:
        super().__init__(*args)
        self.details = details


class DecryptionFailed(JournalError):
    """A sealed blob did not authenticate: wrong key, damaged, swapped or foreign."""

    key = "error.decryption"


class HostileKdfParameters(JournalError):
    """KDF parameters in a header exceed what any honest vault uses."""

    key = "error.hostile_kdf"

    def __init__(self, field: str, value: object) -> None:
        super().__init__(field, value, field=field, value=value)


class VaultNotFound(JournalError):
    key = "error.vault_not_found"

    def __init__(self, path: object) -> None:
        super().__init__(path, path=path)


class VaultExists(JournalError):
    """The folder for a new vault holds something already (or is a file)."""

    key = "error.vault_exists"

    def __init__(self, path: object, reason: str = "not_empty") -> None:
        super().__init__(path, reason, path=path, reason=reason)


class NotAVault(JournalError):
    """The header is missing pieces, of another program, or of an unknown version."""

    key = "error.not_a_vault"

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(path, reason, path=path, reason=reason)


class WrongPassphrase(JournalError):
    key = "error.wrong_passphrase"


class WrongRecoveryCode(JournalError):
    key = "error.wrong_recovery_code"


class MistypedRecoveryCode(JournalError):
    """The herstelcode's checksum fails: a typo, caught before any key work."""

    key = "error.mistyped_recovery_code"


class VaultChangedElsewhere(JournalError):
    """The header on disk is not the one this session unlocked (another device changed the
    passphrase, the herstelcode or the key): writing ours would undo theirs."""

    key = "error.vault_changed_elsewhere"


class UnfinishedRekey(JournalError):
    """The header holds a rekey that these secrets do not open."""

    key = "error.unfinished_rekey"


class VaultLocked(JournalError):
    """Another process holds the writer lock."""

    key = "error.vault_locked"

    def __init__(self, holder: str) -> None:
        super().__init__(holder, holder=holder)


class ItemNotFound(JournalError):
    key = "error.item_not_found"

    def __init__(self, item_id: str) -> None:
        super().__init__(item_id, item_id=item_id)


class AmbiguousId(JournalError):
    key = "error.ambiguous_id"

    def __init__(self, prefix: str, matches: list[str]) -> None:
        super().__init__(prefix, matches, prefix=prefix, matches=", ".join(matches))


class DamagedItem(JournalError):
    """An item file that does not decrypt or parse; the others still load."""

    key = "error.damaged_item"

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name, reason, name=name, reason=reason)


class WriteFailed(JournalError):
    """Saving failed (full disk, permissions); the previous version is intact."""

    key = "error.write_failed"

    def __init__(self, path: object, reason: str) -> None:
        super().__init__(path, reason, path=path, reason=reason)


class TargetNotEmpty(JournalError):
    """An export or a restore goes into a new or empty folder: never mixed with other files."""

    key = "error.target_not_empty"

    def __init__(self, path: object) -> None:
        super().__init__(path, path=path)


class SourceMissing(JournalError):
    """A folder or file to read in (an import, a backup to restore) that is not there."""

    key = "error.source_missing"

    def __init__(self, path: object) -> None:
        super().__init__(path, path=path)


class RestoreInterrupted(VaultNotFound):
    """No vault where one was, but the one a restore moved aside is beside it."""

    key = "error.restore_interrupted"

    def __init__(self, path: object, aside: object) -> None:
        JournalError.__init__(self, path, aside, path=path, aside=aside)
