"""Getting text out of the vault and back in: plain Markdown files with front matter.

Export is the user's own readable copy (and the only place this program writes plaintext, on
request). Import is its inverse: ids in the front matter are kept, so importing the same
folder twice adds nothing; a file without an id gets one derived from its content, for the
same reason.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InvalidEntry, ItemNotFound, JournalError, WriteFailed
from .fsutil import fsync_dir, make_private_dir, os_reason, write_private
from .journal import Journal
from .model import entry_from_parts, split_front_matter, title_from_body
from .search import fold
from .vault import ITEM_ID


def export_filename(created: dt.datetime, title: str, entry_id: str) -> str:
    """``2026-11-22-casus-over-grenzen-<id>.md``: sortable, readable, unique."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:50].rstrip("-")
    return f"{created:%Y-%m-%d}-{slug + '-' if slug else ''}{entry_id}.md"


def export_entries(journal: Journal, out_dir: Path) -> list[Path]:
    """Write every entry, exactly as stored, to ``out_dir`` (created 0700; files 0600)."""
    try:
        make_private_dir(out_dir)
    except OSError as exc:
        raise WriteFailed(out_dir, os_reason(exc)) from exc
    written = []
    for summary in journal.summaries():
        _, body = journal.vault.read(summary.id)  # the stored bytes are the Markdown
        path = out_dir / export_filename(summary.created, summary.title, summary.id)
        write_private(path, body)
        written.append(path)
    fsync_dir(out_dir)
    return written


@dataclass
class ImportReport:
    new: int = 0
    updated: int = 0
    same: int = 0
    older: int = 0
    failed: list[tuple[Path, JournalError]] = field(default_factory=list)


def import_directory(journal: Journal, directory: Path) -> ImportReport:
    """Read every ``*.md`` below ``directory`` into the vault; see the module docstring."""
    report = ImportReport()
    for path in sorted(directory.rglob("*.md")):
        try:
            _import_file(journal, path, report)
        except (InvalidEntry, OSError) as exc:
            error = exc if isinstance(exc, InvalidEntry) else InvalidEntry("unreadable")
            report.failed.append((path, error))
    return report


def _import_file(journal: Journal, path: Path, report: ImportReport) -> None:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidEntry("not_utf8") from None
    matter, body = split_front_matter(text)
    matter = dict(matter or {})
    if not (isinstance(matter.get("id"), str) and ITEM_ID.fullmatch(matter["id"])):
        matter["id"] = hashlib.sha256(raw).hexdigest()[:16]
    matter.setdefault("kind", "note")
    matter.setdefault("title", title_from_body(body) or path.stem)
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone().replace(microsecond=0)
    matter.setdefault("created", modified)
    entry = entry_from_parts(matter, body)
    try:
        existing = journal.get(entry.id)
    except ItemNotFound:
        journal.save(entry)
        report.new += 1
        return
    if existing.to_markdown() == entry.to_markdown():
        report.same += 1
    elif entry.updated > existing.updated:
        journal.save(entry)
        report.updated += 1
    else:
        report.older += 1
