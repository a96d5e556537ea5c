"""Exit codes (also in the README): 0 done; 1 unexpected error; 2 usage or invalid input;
3 wrong passphrase or herstelcode; 4 vault or entry not found; 5 damaged items (``check``);
6 vault in use by another instance; 7 a write failed (old version intact); 8 conflict copies
waiting (``check``); 9 client data found (``bundle``); 10 items went back to an older version,
returned after deletion or vanished (``check``); 130 interrupted.
"""

from __future__ import annotations

from .. import errors
from .terminal import InputProblem

EXIT_CODES: list[tuple[type[BaseException], int]] = [
    (InputProblem, 2),
    (errors.InvalidEntry, 2),
    (errors.AmbiguousId, 2),
    (errors.WrongPassphrase, 3),
    (errors.WrongRecoveryCode, 3),
    (errors.MistypedRecoveryCode, 3),
    (errors.VaultNotFound, 4),
    (errors.NotAVault, 4),
    (errors.VaultExists, 2),
    (errors.TargetNotEmpty, 2),
    (errors.SourceMissing, 4),
    (errors.ItemNotFound, 4),
    (errors.DamagedItem, 5),
    (errors.HostileKdfParameters, 5),
    (errors.VaultLocked, 6),
    (errors.VaultChangedElsewhere, 6),
    (errors.UnfinishedRekey, 2),
    (errors.WriteFailed, 7),
    (errors.ChangedElsewhere, 8),
    (errors.DetectorUnavailable, 7),
]
EXIT_DAMAGED = 5
EXIT_CONFLICTS = 8
EXIT_ANOMALIES = 10
EXIT_FINDINGS = 9


def exit_code(exc: BaseException) -> int:
    for kind, code in EXIT_CODES:
        if isinstance(exc, kind):
            return code
    return 1
