"""Commands that take everything out and back: export, import, backup and restore."""

from __future__ import annotations

import argparse
from collections.abc import Callable
import datetime as dt
import sys
from pathlib import Path

from . import terminal as cli_input
from .exit_codes import EXIT_DAMAGED
from .paths import cache_dir, state_dir
from ..errors import (
    SourceMissing,
)
from ..locale import describe, t, tn
from ..vault.store import Vault
from .common import add_command, opened, say, say_n, unlock, unlock_with_passphrase


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    export = add_command(commands, common, "export")
    export.add_argument("--out", required=True, help=t("cli.opt.export_out"))  # "" is no "."
    export.add_argument("--with-clients", action="store_true", help=t("cli.opt.with_clients"))
    add_command(commands, common, "import").add_argument("dir", type=Path, help=t("cli.arg.dir"))
    backup = add_command(commands, common, "backup")
    backup.add_argument("--out", required=True, help=t("cli.opt.backup_out"))
    backup.add_argument("--overwrite", action="store_true", help=t("cli.opt.overwrite"))
    restore = add_command(commands, common, "restore")
    restore.add_argument("file", help=t("cli.arg.backup_file"))
    restore.add_argument("--replace", action="store_true", help=t("cli.opt.replace"))


# The next four commands import their module when they run: every other command starts
# without them (start-up time is what a search of 10,000 entries spends most on).
def cmd_export(args: argparse.Namespace) -> int:
    from ..transfer.export import export_all

    if args.out == "-":
        return _export_to_stdout(args)
    if not args.out.strip():
        raise cli_input.InputProblem(t("cli.export_needs_out"))
    out = Path(args.out).expanduser()
    if args.with_clients:
        say("cli.export_clients_warning")
    with opened(args) as journal:
        report = export_all(journal, out, with_clients=args.with_clients)
    say("cli.exported", entries=tn("count.entries", len(report.entries)),
        trajectories=tn("count.trajectories", report.trajectories),
        drafts=tn("count.drafts", report.drafts), path=out)
    if report.bundles:
        say_n("cli.exported_bundles", report.bundles)
    if args.with_clients:
        say_n("cli.exported_clients", report.clients)
    say("cli.export_warning")
    for name in report.damaged:
        say("cli.export_skipped_damaged", name=name)
    return EXIT_DAMAGED if report.damaged else 0


def _export_to_stdout(args: argparse.Namespace) -> int:
    """Every entry, oldest first, as one Markdown stream (``export --out - | less``)."""
    with opened(args) as journal:
        summaries = sorted(journal.summaries(), key=lambda s: s.sort_key)
        for summary in summaries:
            sys.stdout.write(journal.get(summary.id).to_markdown().rstrip("\n") + "\n\n")
        damaged = [d.details["name"] for d in journal.damaged]
    for name in damaged:
        say("cli.export_skipped_damaged", name=name)
    return EXIT_DAMAGED if damaged else 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..transfer.importer import import_directory

    if not args.dir.is_dir():  # before the passphrase is asked
        raise SourceMissing(args.dir)
    with opened(args, write=True) as journal:
        report = import_directory(journal, args.dir)
    for path, error in report.failed:
        say("cli.import_failed", name=path, reason=describe(error))
    for path in report.older:
        say("cli.import_older", name=path)
    for path in report.new_ids:
        say("cli.import_new_id", name=path)
    for path in report.kept_ours:
        say("cli.import_kept_ours", name=path)
    say("cli.imported", new=report.new, updated=report.updated, same=report.same,
         older=len(report.older))
    if report.bundles_new:
        say_n("cli.imported_bundles", report.bundles_new)
    if report.trajectories_new or report.drafts_new or report.settings_restored \
            or report.clients_added:
        say("cli.imported_more", trajectories=tn("count.trajectories", report.trajectories_new),
            drafts=tn("count.drafts", report.drafts_new),
            names=tn("count.names", report.clients_added),
             settings=t("cli.imported_settings") if report.settings_restored else "")
    return 2 if report.failed else 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..vault.backup import write_backup

    out = Path(args.out).expanduser()
    cli_input.check_may_write(out, args.overwrite)
    report = write_backup(unlock(args), out)
    say("cli.backup_written", path=out, files=report.files, size=_size(report.size))
    print(t("cli.bundle_sha256", digest=report.sha256))
    for name in report.unreadable:
        say("cli.backup_unreadable", name=name)
    return EXIT_DAMAGED if report.unreadable else 0


def cmd_restore(args: argparse.Namespace) -> int:
    from ..vault.backup import may_restore_into, read_backup, restore_backup

    backup = read_backup(Path(args.file).expanduser())  # checked before anything is asked
    target = Path(args.vault)
    if not may_restore_into(target, args.replace):  # before the passphrase is asked
        raise cli_input.InputProblem(t("cli.restore_target_taken", path=target))
    created = dt.datetime.fromisoformat(backup.created)
    say("cli.restore_checked", files=len(backup.files), created=f"{created:%d-%m-%Y %H:%M}")
    report = restore_backup(backup, args.vault,
                            lambda staging: unlock_with_passphrase(args, staging)[0],
                            replace=args.replace)
    # A deliberate return to an earlier state: this device's memory of later versions would
    # report every restored item as rolled back.
    restored = Vault.read_header(args.vault).vault_id  # of the header checked and restored
    for stale in (state_dir() / f"{restored}.seen", cache_dir() / f"{restored}.cache"):
        stale.unlink(missing_ok=True)
    if report.moved_aside:
        say("cli.restore_moved_aside", path=report.moved_aside)
    for name in report.unreadable:
        say("cli.backup_unreadable", name=name)
    say("cli.restored", path=args.vault, files=report.files)
    if not report.moved_aside:
        say("cli.restored_same_id")
    return EXIT_DAMAGED if report.unreadable else 0


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "export": cmd_export,
    "import": cmd_import,
    "backup": cmd_backup,
    "restore": cmd_restore,
}
