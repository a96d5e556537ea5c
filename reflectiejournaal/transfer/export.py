"""Everything out: the user's own readable copy of the journal, in open formats.

Export is the only place this program writes plaintext, and only on request. The folder holds
(documented in ``docs/export-format.md``)::

    reflectiejournaal-export.json   what this is, when, and how many of each
    2026-11-22-casus-<id>.md        every entry exactly as stored: Markdown with front matter
    trajecten/<id>.json             trajectories with their meetings, roles, attendance, hours
    concepten/<id>.json             drafts: writing not saved as an entry yet
    bundels/<id>.json               bundles made, with the supervisor's feedback (and a sealed
                                    bundle's key, so feedback can still be imported later)
    instellingen.json               the settings
    clienten.json                   the client list, only when asked for (``--with-clients``)

Learning questions and terugblikken are entries; intentions and their state are read from the
entries, so they come back with them. :mod:`importer` is the inverse.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DamagedItem, ItemNotFound, TargetNotEmpty, WriteFailed
from ..vault.fsutil import fsync_dir, holds_anything, make_private_dir, os_reason, write_private
from ..journal import Journal
from ..search import fold

MANIFEST = "reflectiejournaal-export.json"
FORMAT = "reflectiejournaal-export"
FORMAT_VERSION = 1
TRAJECTORIES_DIR = "trajecten"
DRAFTS_DIR = "concepten"
BUNDLES_DIR = "bundels"
SETTINGS_FILE = "instellingen.json"
CLIENTS_FILE = "clienten.json"


def export_filename(created: dt.datetime, title: str, entry_id: str) -> str:
    """``2026-11-22-casus-over-grenzen-<id>.md``: sortable, readable, unique."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title)).strip("-")[:50].rstrip("-")
    return f"{created:%Y-%m-%d}-{slug + '-' if slug else ''}{entry_id}.md"


@dataclass
class ExportReport:
    entries: list[Path] = field(default_factory=list)
    trajectories: int = 0
    drafts: int = 0
    bundles: int = 0
    clients: int = 0
    damaged: list[str] = field(default_factory=list)  # file names that could not be read


def export_all(journal: Journal, out_dir: Path, with_clients: bool = False) -> ExportReport:
    """Write the whole journal to ``out_dir`` (a new or empty folder, made 0700; files 0600)."""
    out_dir = Path(out_dir)
    if holds_anything(out_dir):
        raise TargetNotEmpty(out_dir)
    try:
        make_private_dir(out_dir)
    except OSError as exc:
        raise WriteFailed(out_dir, os_reason(exc)) from exc
    report = ExportReport(damaged=[d.details["name"] for d in journal.damaged])
    for summary in journal.summaries():
        try:
            _, body = journal.vault.read(summary.id)  # the stored bytes are the Markdown
        except (ItemNotFound, DamagedItem):
            report.damaged.append(summary.id)
            continue
        path = out_dir / export_filename(summary.created, summary.title, summary.id)
        write_private(path, body)
        report.entries.append(path)
    for trajectory in journal.trajectories():
        _write_json(out_dir / TRAJECTORIES_DIR, f"{trajectory.id}.json",
                    json.loads(trajectory.to_bytes()))
        report.trajectories += 1
    for draft in journal.drafts():
        _write_json(out_dir / DRAFTS_DIR, f"{draft.id}.json", json.loads(draft.to_json()))
        report.drafts += 1
    for bundle in journal.sent_bundles():
        _write_json(out_dir / BUNDLES_DIR, f"{bundle.id}.json", json.loads(bundle.to_bytes()))
        report.bundles += 1
    _write_json(out_dir, SETTINGS_FILE, json.loads(journal.settings().to_bytes()))
    if with_clients:
        clients = journal.clients()
        _write_json(out_dir, CLIENTS_FILE, json.loads(clients.to_bytes()))
        report.clients = len(clients.clients)
    _write_json(out_dir, MANIFEST, {
        "format": FORMAT, "version": FORMAT_VERSION,
        "exported": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "entries": len(report.entries), "trajectories": report.trajectories,
        "drafts": report.drafts, "bundles": report.bundles, "settings": True, "clients": with_clients,
        "unreadable": report.damaged,
    })
    fsync_dir(out_dir)
    return report


def _write_json(folder: Path, name: str, data: object) -> None:
    if not folder.is_dir():
        try:
            make_private_dir(folder)
        except OSError as exc:
            raise WriteFailed(folder, os_reason(exc)) from exc
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    write_private(folder / name, text.encode("utf-8"))
