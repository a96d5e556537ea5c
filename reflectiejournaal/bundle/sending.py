"""Writing a reviewed bundle and keeping its record in the vault (for the feedback to come)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import JournalError
from ..feedback import SentBundle
from ..journal import Journal
from ..model import Entry
from ..vault.files import new_item_id
from .formats import SEALED
from .html import new_bundle_key, write_bundle
from .markdown import title_of, to_document
from .review import BundleInfo, Review


@dataclass(frozen=True)
class Sent:
    digest: str
    code: str | None  # the bundle code, shown once (sealed bundles)
    bundle: SentBundle
    recorded: bool  # False: the file is written but the vault could not keep its record


def send(journal: Journal, path: Path, entries: list[Entry], review: Review, info: BundleInfo,
         fmt: str, trajectory: str | None = None) -> Sent:
    """Write the bundle to ``path`` and record it: which entries, when, for whom, and for a
    sealed bundle its key, so the supervisor's feedback file opens without the code.

    The file comes first: a record that cannot be written costs only the feedback's
    convenience (``recorded`` is False and the interface says so), never the bundle.
    """
    document = to_document(entries, review, info)
    bundle_id = new_item_id()
    key = new_bundle_key() if fmt == SEALED else None
    title = title_of(review, info)
    digest, code = write_bundle(path, document, fmt, title, key=key, bundle_id=bundle_id)
    bundle = SentBundle(
        id=bundle_id, created=info.created, format=fmt,
        entries=[entry_id for _, group in document.meetings for entry_id, _ in group],
        title=title, supervisor=info.supervisor, trajectory=trajectory,
        key=key.hex() if key else None, sha256=digest,
    )
    try:
        journal.record_bundle(bundle)
        recorded = True
    except (JournalError, OSError):
        recorded = False
    return Sent(digest, code, bundle, recorded)
