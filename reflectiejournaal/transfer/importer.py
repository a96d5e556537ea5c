"""Everything back in: an export folder (see :mod:`transfer`), or any folder of Markdown files.

Ids in the front matter are kept, so importing the same folder twice adds nothing; a file
without a usable id gets one derived from its content, for the same reason, and the report
says so. Nothing is lost silently: a file that cannot be read, a symlink (never followed: a
link to ``/etc/passwd`` must not become a note), and an older version of a text are each
named in the report.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..clients import ClientList
from ..drafts import Draft
from ..errors import InvalidEntry, ItemNotFound, JournalError, SourceMissing
from ..feedback import SentBundle, checked_bundle
from ..journal import Journal
from ..model import Entry, entry_from_parts, split_front_matter, title_from_body
from ..settings import Settings
from ..trajectory import Trajectory
from .export import BUNDLES_DIR, CLIENTS_FILE, DRAFTS_DIR, SETTINGS_FILE, TRAJECTORIES_DIR
from ..vault.files import ITEM_ID, read_regular

MAX_FILE_BYTES = 16 * 1024 * 1024  # far above any text; a stray disk image is not read


@dataclass
class ImportReport:
    new: int = 0
    updated: int = 0
    same: int = 0
    older: list[Path] = field(default_factory=list)  # a newer version is in the vault already
    new_ids: list[Path] = field(default_factory=list)  # files whose id was missing or unusable
    failed: list[tuple[Path, JournalError]] = field(default_factory=list)
    trajectories_new: int = 0
    kept_ours: list[Path] = field(default_factory=list)  # differs from the vault's: not taken
    drafts_new: int = 0
    bundles_new: int = 0
    settings_restored: bool = False
    clients_added: int = 0


def import_directory(journal: Journal, directory: Path) -> ImportReport:
    """Read an export (or any Markdown folder) into the vault; see the module docstring."""
    directory = Path(directory)
    if not directory.is_dir():
        raise SourceMissing(directory)
    report = ImportReport()
    texts, others = _files(directory, report)
    entries: list[tuple[Path, Entry]] = []
    for path in texts:
        try:
            entries.append((path, _read_entry(path, report)))
        except InvalidEntry as problem:
            report.failed.append((path, problem))
    # The newest version of a text first, so a second file with an older one is reported.
    entries.sort(key=lambda pe: (pe[1].updated, pe[0].name), reverse=True)
    for path, entry in entries:
        try:
            _import_entry(journal, path, entry, report)
        except InvalidEntry as problem:
            report.failed.append((path, problem))
    for path in others:
        try:
            _import_other(journal, directory, path, report)
        except InvalidEntry as problem:
            report.failed.append((path, problem))
        except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError):
            report.failed.append((path, InvalidEntry("content")))
    return report


def _files(directory: Path, report: ImportReport) -> tuple[list[Path], list[Path]]:
    """Markdown files anywhere below ``directory``, and the export's structured files."""
    texts: list[Path] = []
    others: list[Path] = []
    for folder, subfolders, names in os.walk(directory):  # never into a linked folder
        subfolders.sort()
        here = Path(folder)
        for name in subfolders:
            if (here / name).is_symlink():  # not followed, and said
                report.failed.append((here / name, InvalidEntry("symlink")))
        for name in sorted(names):
            path = here / name
            if path.is_symlink():
                if name.endswith((".md", ".json")):
                    report.failed.append((path, InvalidEntry("symlink")))
                continue
            if name.endswith(".md"):
                texts.append(path)
            elif _structured(directory, path):
                others.append(path)
    return texts, others


def _structured(directory: Path, path: Path) -> bool:
    relative = path.relative_to(directory)
    if relative.suffix != ".json":
        return False
    if len(relative.parts) == 1:
        return relative.name in (SETTINGS_FILE, CLIENTS_FILE)
    return len(relative.parts) == 2 and relative.parts[0] in (TRAJECTORIES_DIR, DRAFTS_DIR,
                                                              BUNDLES_DIR)


def _read(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:  # before it is read into memory
            raise InvalidEntry("file_too_large")
        data = read_regular(path)
    except OSError:
        raise InvalidEntry("unreadable") from None
    except JournalError:  # a FIFO or a file this user may not read
        raise InvalidEntry("unreadable") from None
    if len(data) > MAX_FILE_BYTES:
        raise InvalidEntry("file_too_large")
    return data


def _read_entry(path: Path, report: ImportReport) -> Entry:
    raw = _read(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidEntry("not_utf8") from None
    matter, body = split_front_matter(text)
    matter = dict(matter or {})
    given = matter.get("id")
    if not (isinstance(given, str) and ITEM_ID.fullmatch(given)):
        if given is not None:
            report.new_ids.append(path)  # an id like "xyz": kept apart, and said
        matter["id"] = hashlib.sha256(raw).hexdigest()[:16]
    matter.setdefault("kind", "note")
    matter.setdefault("title", title_from_body(body) or path.stem)
    modified = dt.datetime.fromtimestamp(path.stat().st_mtime).astimezone().replace(microsecond=0)
    matter.setdefault("created", modified)
    return entry_from_parts(matter, body)


def _import_entry(journal: Journal, path: Path, entry: Entry, report: ImportReport) -> None:
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
    elif entry.updated == existing.updated:  # two texts, neither older: both are kept
        digest = hashlib.sha256(entry.to_markdown().encode("utf-8")).hexdigest()[:16]
        _import_entry(journal, path, entry.edited(id=digest, updated=entry.updated), report)
        report.new_ids.append(path)
    else:
        report.older.append(path)


def _import_other(journal: Journal, directory: Path, path: Path, report: ImportReport) -> None:
    try:
        data = json.loads(_read(path).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise InvalidEntry("content") from None
    relative = path.relative_to(directory)
    encoded = json.dumps(data, ensure_ascii=False).encode("utf-8")
    if relative.parts[0] == TRAJECTORIES_DIR:
        _import_trajectory(journal, path, Trajectory.from_bytes(encoded), report)
    elif relative.parts[0] == DRAFTS_DIR:
        draft = Draft.from_bytes(encoded)
        if not ITEM_ID.fullmatch(str(draft.id)):
            raise InvalidEntry("content")
        if draft.id not in {d.id for d in journal.drafts()}:
            journal.restore_draft(draft)
            report.drafts_new += 1
    elif relative.parts[0] == BUNDLES_DIR:
        _import_bundle(journal, path, SentBundle.from_bytes(encoded), report)
    elif relative.name == SETTINGS_FILE:
        settings = Settings.from_bytes(encoded)
        if journal.has_settings():
            if settings != journal.settings():
                report.kept_ours.append(path)
        else:
            journal.save_settings(settings)
            report.settings_restored = True
    elif relative.name == CLIENTS_FILE:
        current = journal.clients()
        merged = ClientList.merged([current, ClientList.from_bytes(encoded)])
        added = len(merged.clients) - len(current.clients)
        if merged.to_bytes() != current.to_bytes():
            journal.save_clients(merged)
        report.clients_added += added


def _import_bundle(journal: Journal, path: Path, bundle: SentBundle,
                   report: ImportReport) -> None:
    """A bundle made, with its feedback: new, or its newer feedback taken (never an older).
    Checked like a feedback file's content: the folder is input like any file."""
    try:
        bundle = checked_bundle(bundle)
    except (ValueError, TypeError, OverflowError):
        raise InvalidEntry("content") from None
    existing = journal.sent_bundle(bundle.id)
    if existing is None:
        journal.record_bundle(bundle)
        report.bundles_new += 1
    elif bundle.feedback is not None:
        journal.accept_feedback(existing, bundle.feedback)


def _import_trajectory(journal: Journal, path: Path, trajectory: Trajectory,
                       report: ImportReport) -> None:
    if not ITEM_ID.fullmatch(trajectory.id):
        raise InvalidEntry("content")
    trajectory.check()  # the limits the app and the command line hold to
    try:
        existing = journal.get_trajectory(trajectory.id)
    except ItemNotFound:
        journal.save_trajectory(trajectory)
        report.trajectories_new += 1
        return
    if existing.to_bytes() != trajectory.to_bytes():
        report.kept_ours.append(path)  # no times to tell which is newer: the vault's stays
