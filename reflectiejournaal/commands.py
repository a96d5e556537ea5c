"""One function per command-line command. Each returns the exit code."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import cli_input, hardening
from .cli import EXIT_ANOMALIES, EXIT_CONFLICTS, EXIT_DAMAGED, cache_dir, config_dir, state_dir
from .errors import (
    DamagedItem,
    InvalidEntry,
    MistypedRecoveryCode,
    SourceMissing,
    UnfinishedRekey,
    WrongPassphrase,
)
from .index import EntrySummary, Filters
from .journal import Journal
from .messages import describe, describe_prompt_problem, item_name, kind_name, reason, t
from .model import KINDS, Entry, clean_tags, normalise_kind
from .prompts import load_library
from .recovery import format_recovery_code, new_recovery_key, parse_recovery_code
from .agent import MAX_MINUTES, AgentUnavailable, start_agent, stop_agent, vault_from_agent
from .drafts import Draft
from .vault import Vault


def _say(key: str, **values: object) -> None:
    print(t(key, **values), file=sys.stderr)


def _passphrase(args: argparse.Namespace) -> str | None:
    """The passphrase from a file or descriptor; ``None`` means: ask on the terminal."""
    if args.passphrase_file is not None:
        return cli_input.read_secret_file(args.passphrase_file)
    if args.passphrase_fd is not None:
        return cli_input.read_secret_fd(args.passphrase_fd)
    return None


def unlock(args: argparse.Namespace, agent: bool = True) -> Vault:
    """The unlocked vault: from the agent of ``reflectiejournaal unlock`` when one holds its
    keys (no key derivation), else with the passphrase. What changes the passphrase or the
    keys asks for the passphrase itself (``agent=False``)."""
    if agent:
        try:
            return vault_from_agent(args.vault)
        except AgentUnavailable:
            pass
    return unlock_with_passphrase(args)[0]


def unlock_with_passphrase(args: argparse.Namespace, path: Path | None = None
                           ) -> tuple[Vault, str]:
    path = path or args.vault
    Vault.read_header(path)  # a missing or foreign vault is reported before asking
    given = _passphrase(args)
    if given is not None:
        return Vault.unlock(path, given), given
    attempts_left = cli_input.TERMINAL_ATTEMPTS
    while True:
        passphrase = cli_input.ask_secret("cli.prompt.passphrase")
        if sys.stderr.isatty():
            _say("cli.unlocking")
        try:
            return Vault.unlock(path, passphrase), passphrase
        except WrongPassphrase as wrong:
            attempts_left -= 1
            if not attempts_left:
                raise
            print(describe(wrong), file=sys.stderr)


@contextmanager
def opened(args: argparse.Namespace, write: bool = False) -> Iterator[Journal]:
    """An unlocked journal. Each write takes the writer lock for that write only, so a
    command works beside the open app; ``write`` says the command means to write."""
    vault = unlock(args)
    journal = Journal(vault, cache_dir(), state_dir())
    try:
        if journal.damaged:
            _say("cli.warn_damaged", count=len(journal.damaged))
        if journal.conflicts:
            _say("cli.warn_conflicts", count=len(journal.conflicts))
        if journal.anomalies:
            _say("cli.warn_anomalies", count=len(journal.anomalies))
        yield journal
    finally:
        if not journal.flush():
            _say("cli.warn_cache")
        if journal.seen_unsaved:
            _say("cli.warn_seen", path=state_dir())
        journal.close()


def _print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _kind(value: str) -> str:
    kind = normalise_kind(value)
    if kind not in KINDS:
        raise InvalidEntry("kind", field="kind")
    return kind


def check_prompt_set(prompt_set: str) -> None:
    """A known prompt set; for one of the user's own that could not be read, why not."""
    library = load_library(config_dir() / "vragensets")
    if prompt_set in library.sets:
        return
    for problem in library.problems:
        if problem.path.stem == prompt_set:
            raise cli_input.InputProblem(describe_prompt_problem(problem))
    raise InvalidEntry("prompt_set", field="prompt_set", value=prompt_set)


@functools.cache
def _kind_column(kind: str) -> str:  # once per kind: `list` prints thousands of lines
    return f"{kind_name(kind):<13}"


def _line(s: EntrySummary) -> str:
    tags = "  " + " ".join(f"#{tag}" for tag in s.tags) if s.tags else ""
    return f"{s.id}  {s.created.date().isoformat()}  {_kind_column(s.kind)} {s.title}{tags}"


# -- commands ------------------------------------------------------------------------------
def cmd_init(args: argparse.Namespace) -> int:
    Vault.check_new_location(args.vault)  # before a passphrase or herstelcode is asked
    given = _passphrase(args)
    passphrase = (
        cli_input.check_new_passphrase(given) if given is not None else cli_input.ask_new_passphrase()
    )
    recovery_key = _show_new_recovery_code()
    _say("cli.calibrating")
    vault, _ = Vault.create(args.vault, passphrase, recovery_key=recovery_key)
    vault.release_lock()
    _say("cli.created", path=args.vault)
    return 0


def _show_new_recovery_code() -> bytes:
    """A new herstelcode, shown once (and retyped where a person is at the screen)."""
    recovery_key = new_recovery_key()
    code = format_recovery_code(recovery_key)
    # By the terminal, not by stdin: a passphrase piped in (--passphrase-fd 0) still has a
    # person at the screen, whose scrollback must not keep the code.
    if sys.stdout.isatty() and cli_input.has_terminal():
        # On a screen of its own, gone once retyped: not left in the terminal's scrollback.
        with cli_input.passing_screen():
            _say("cli.recovery_intro")
            print(code, flush=True)
            while _typed_key(cli_input.ask_secret("cli.prompt.retype_recovery")) != recovery_key:
                _say("cli.recovery_retype_mismatch")
        _say("cli.recovery_cleared")
    else:  # a script asked for it: the code goes where its output goes
        _say("cli.recovery_intro")
        print(code, flush=True)
    return recovery_key


def _typed_key(text: str) -> bytes | None:
    try:
        return parse_recovery_code(text)
    except MistypedRecoveryCode:
        return None


def _in_the_app(vault: Vault, draft: Draft) -> int:
    """``new`` or ``edit`` typed by a person at a terminal: the app's own writer on that
    text (its prompts, autosaved encrypted drafts), never a plaintext file for ``$EDITOR``."""
    hardening.without_debugging_variables()  # before Textual reads them at import
    from .app import ReflectieApp

    app = ReflectieApp(vault.path, cache_dir(), config_dir(), state_dir=state_dir(),
                       writing=(vault, draft))
    app.run()
    if app.saved_id is None:
        _say("cli.not_saved_kept_as_draft" if app.draft_kept else "cli.not_saved")
        return app.return_code or 0
    print(app.saved_id)
    if app.changed_elsewhere:  # kept beside another writer's version, as `edit` says
        print(app.changed_elsewhere, file=sys.stderr)
        return EXIT_CONFLICTS
    return app.return_code or 0


def _person_at_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def cmd_new(args: argparse.Namespace) -> int:
    kind = _kind(args.kind)
    # Unlocked and checked before the text is typed: a wrong passphrase or a busy vault
    # never costs what was just written.
    with opened(args, write=True) as journal:
        journal.vault.check_writable()
        trajectory = journal.get_trajectory(args.trajectory).id if args.trajectory else None
        if trajectory and args.meeting is not None:
            journal.get_trajectory(trajectory).meeting(args.meeting)  # it must exist
        if args.prompt_set:
            check_prompt_set(args.prompt_set)
        if _person_at_terminal():
            draft = Draft(journal.new_draft_id(), kind, args.prompt_set,
                          stage="guided" if args.prompt_set else "edit", title=args.title,
                          tags=list(clean_tags(args.tag)), trajectory=trajectory,
                          meeting=args.meeting)
        else:
            draft = None
            entry = journal.create(
                kind, cli_input.read_body(), title=args.title, tags=clean_tags(args.tag),
                trajectory=trajectory, meeting=args.meeting, prompt_set=args.prompt_set,
            )
    if draft is not None:
        return _in_the_app(journal.vault, draft)
    print(entry.id)
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        filters = _filters(args, journal)
        summaries = journal.summaries(filters=filters)
        empty_journal = filters is not None and not summaries and not journal.summaries()
    if args.limit is not None:
        summaries = summaries[: args.limit]
    if args.json:
        _print_json([s.to_json() for s in summaries])
    elif not summaries:
        _say("cli.no_entries" if filters is None or empty_journal else "cli.no_matching_entries")
    else:
        print("\n".join(_line(s) for s in summaries))
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    """Every tag with the number of texts carrying it, most used first."""
    with opened(args) as journal:
        counts = Counter(tag for s in journal.summaries() for tag in s.tags)
    ranked = sorted(counts.items(), key=lambda tc: (-tc[1], tc[0].casefold()))
    if args.json:
        _print_json([{"tag": tag, "count": count} for tag, count in ranked])
    elif not ranked:
        _say("cli.no_tags")
    else:
        width = max(len(tag) for tag, _ in ranked) + 1
        print("\n".join(f"#{tag:<{width}} {count:>5}" for tag, count in ranked))
    return 0


def _entry_json(entry: Entry) -> dict[str, object]:
    data = {k: v for k, v in entry.front_matter().items()}
    data["created"] = entry.created.isoformat()
    data["updated"] = entry.updated.isoformat()
    data["words"] = entry.words
    data["first_line"] = EntrySummary.of(entry).first_line
    data["body"] = entry.body
    return data


def cmd_show(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        entry = journal.get(args.id)
    if args.json:
        _print_json(_entry_json(entry))
    else:
        sys.stdout.write(entry.to_markdown())
        if not entry.body.endswith("\n"):
            sys.stdout.write("\n")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    with opened(args, write=True) as journal:
        entry, base = journal.get_versioned(args.id)  # a change made meanwhile is kept
        journal.vault.check_writable()
        changes: dict[str, object] = {}
        if args.title is not None:
            if not args.title.strip():
                raise InvalidEntry("empty_title", field="title")
            changes["title"] = args.title
        if args.tag is not None:
            changes["tags"] = clean_tags(args.tag)
        draft = None
        if not changes and _person_at_terminal():
            draft = Draft(journal.new_draft_id(), entry.kind, entry.prompt_set, stage="edit",
                          body=entry.body, title=entry.title, tags=list(entry.tags),
                          entry_id=entry.id, base_version=base, trajectory=entry.trajectory,
                          meeting=entry.meeting)
        else:
            # Only a new title or tags: the text stays, unless a new one is piped in.
            body = cli_input.read_body(optional=bool(changes))
            if body is not None:
                changes["body"] = body
            journal.save(entry.edited(**changes), base_version=base)
    if draft is not None:
        return _in_the_app(journal.vault, draft)
    print(entry.id)
    return 0


def cmd_delete(args: argparse.Namespace) -> int:
    with opened(args, write=True) as journal:
        damaged = journal.damaged_file(args.id)
        if damaged is not None:
            return _delete_damaged(journal, damaged, args.yes)
        entry, shown = journal.get_versioned(args.id)
        if not args.yes:
            if not cli_input.has_terminal():
                raise cli_input.InputProblem(t("cli.needs_yes"))
            if not cli_input.confirm(t("cli.prompt.confirm_delete", title=entry.title, id=entry.id)):
                _say("cli.not_deleted")
                return 0
        journal.delete(entry.id, base_version=shown)  # not if changed while asked
    _say("cli.deleted", id=entry.id)
    return 0


def _delete_damaged(journal: Journal, name: str, yes: bool) -> int:
    if not yes:
        if not cli_input.has_terminal():
            raise cli_input.InputProblem(t("cli.needs_yes"))
        if not cli_input.confirm(t("cli.prompt.confirm_delete_damaged", name=name)):
            _say("cli.not_deleted")
            return 0
    journal.remove_damaged(name)
    _say("cli.deleted_damaged", name=name)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with opened(args) as journal:
        filters = _filters(args, journal)
        if not query.strip() and filters is None:
            raise cli_input.InputProblem(t("cli.search_needs_something"))
        hits = journal.search(query, filters)
    if args.json:
        _print_json([
            {**h.summary.to_json(), "snippet": h.snippet, "match": list(h.span)} for h in hits
        ])
    elif not hits:
        _say("cli.no_results", query=query)
    else:
        print("\n".join(f"{_line(hit.summary)}\n    {hit.snippet}" for hit in hits))
    return 0


def _filters(args: argparse.Namespace, journal: Journal) -> Filters | None:
    """The filters given on the command line (``list`` and ``search``), or None."""
    from .trajectory import parse_date

    def day(text: str | None) -> dt.date | None:
        try:
            return parse_date(text) if text else None
        except ValueError:
            raise cli_input.InputProblem(t("cli.bad_date", value=text)) from None

    start, end = day(args.start), day(args.end)
    if getattr(args, "on", None):
        start = end = day(args.on)
    if start and end and start > end:
        raise cli_input.InputProblem(t("cli.from_after_to", start=args.start, end=args.end))
    trajectory = getattr(args, "trajectory", None)
    trajectory = journal.get_trajectory(trajectory).id if trajectory else None
    prompt_set = getattr(args, "prompt_set", None)
    if prompt_set:
        check_prompt_set(prompt_set)
    values = dict(kind=_kind(args.kind) if args.kind else None, trajectory=trajectory,
                  tags=tuple(clean_tags(args.tag or [])), start=start, end=end,
                  prompt_set=prompt_set)
    return Filters(**values) if any(values.values()) else None


def _new_passphrase(args: argparse.Namespace) -> str:
    if args.new_passphrase_file is not None:
        return cli_input.check_new_passphrase(cli_input.read_secret_file(args.new_passphrase_file))
    return cli_input.ask_new_passphrase()


def _set_new_passphrase(vault: Vault, args: argparse.Namespace) -> None:
    """Take the lock, ask the new passphrase, rewrap the vault key under it."""
    vault.acquire_lock()
    try:
        new = _new_passphrase(args)
        _say("cli.calibrating")
        vault.change_passphrase(new)
    finally:
        vault.release_lock()


def cmd_passwd(args: argparse.Namespace) -> int:
    _set_new_passphrase(unlock(args, agent=False), args)
    _say("cli.passphrase_changed")
    return 0


def cmd_recover(args: argparse.Namespace) -> int:
    Vault.read_header(args.vault)
    code = cli_input.ask_or_read_stdin("cli.prompt.recovery_code")
    # A typo is caught here, before any key work.
    _set_new_passphrase(Vault.recover(args.vault, code), args)
    _say("cli.recovered")
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    """A new vault key: old headers, the old passphrase and the old herstelcode open nothing
    written from now on. Resumes a rekey that was interrupted."""
    vault, passphrase = unlock_with_passphrase(args)
    vault.acquire_lock()
    try:
        journal = Journal(vault, cache_dir(), state_dir())
        if any(a.kind == "old_key" for a in journal.anomalies):
            # Re-encrypting would make a forgery under an old key look like the user's own.
            raise cli_input.InputProblem(t("cli.rekey_old_key_first"))
        if vault.rekey_pending:
            _say("cli.rekey_resuming")
        else:
            if vault.rekey_unopened and not args.replace_unfinished:
                raise UnfinishedRekey()
            _say("cli.rekey_intro")
            recovery_key = _show_new_recovery_code()
            vault.begin_rekey(passphrase, recovery_key, args.replace_unfinished)
        _say("cli.rekey_busy")
        report = vault.reencrypt_items()
        vault.finish_rekey()
        journal.rekeyed()  # the cache and the device's memory too
    finally:
        vault.release_lock()
    for name in report.unreadable:
        _say("cli.rekey_unreadable", name=name)
    for name in report.left_old:
        _say("cli.rekey_left_old", name=name)
    _say("cli.rekeyed", count=report.reencrypted)
    return EXIT_DAMAGED if report.unreadable else 0


def cmd_recovery_code(args: argparse.Namespace) -> int:
    vault = unlock(args, agent=False)
    vault.acquire_lock()
    try:
        vault.replace_recovery_code(_show_new_recovery_code())
    finally:
        vault.release_lock()
    _say("cli.recovery_replaced")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    vault = unlock(args)
    if args.accept:
        return _accept(vault, args.accept)
    scan = vault.scan()
    damaged: list[DamagedItem] = [DamagedItem(p.name, "header") for p in scan.strays]
    for item in scan.items.values():
        try:
            vault.open_file(item)
        except DamagedItem as damage:
            damaged.append(damage)
    for damage in damaged:
        print(t("cli.check_damaged", name=damage.details["name"],
                reason=reason(damage.details["reason"])))
    journal = Journal(vault, cache_dir(), state_dir())
    try:
        for anomaly in journal.anomalies:
            print(t(f"cli.anomaly_{anomaly.kind}", id=anomaly.item_id, version=anomaly.version,
                    seen=anomaly.seen, what=item_name(anomaly.item_type, anomaly.title)))
        if vault.rekey_pending:
            print(t("cli.check_rekey_pending"))
        elif vault.rekey_unopened:
            print(describe(UnfinishedRekey()))
        count = len(scan.items) + len(scan.strays)
        if damaged:
            _say("cli.check_summary", damaged=len(damaged), count=count)
            _say("cli.check_damaged_hint")
            return EXIT_DAMAGED
        if journal.anomalies:
            _say("cli.check_anomaly_hint")
            return EXIT_ANOMALIES
        if scan.conflicts:
            _print_conflicts(journal)
            return EXIT_CONFLICTS
        print(t("cli.check_ok", count=count))
        return 0
    finally:
        journal.close()


def _accept(vault: Vault, wanted: list[str]) -> int:
    """``check --accept ID``: the user keeps what is there now."""
    vault.acquire_lock()
    journal = Journal(vault, cache_dir(), state_dir())
    try:
        for prefix in wanted:
            prefix = prefix.strip().lower()
            matches = [a.item_id for a in journal.anomalies
                       if a.item_id == prefix or (len(prefix) >= 4 and a.item_id.startswith(prefix))]
            if len(matches) != 1:
                raise cli_input.InputProblem(t("cli.check_no_anomaly", id=prefix))
            journal.accept(matches[0])
            _say("cli.check_accepted", id=matches[0])
    finally:
        journal.close()
    return 0


def _version(entry: Entry | None) -> str:
    if entry is None:
        return t("cli.missing_version")
    return f"‘{entry.title}’ {entry.updated:%Y-%m-%d %H:%M}, {entry.words} w."


def _print_conflicts(journal: Journal) -> None:
    for copy in journal.conflicts:
        conflict = journal.conflict(copy)
        print(t("cli.conflict_line", name=copy.path.name, id=copy.item_id,
                current=_version(conflict.current), theirs=_version(conflict.theirs)))
    _say("cli.conflict_hint")


def cmd_conflicts(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        if args.json:
            _print_json([
                {
                    "file": c.path.name,
                    "id": c.item_id,
                    "current": _entry_json(v.current) if (v := journal.conflict(c)).current else None,
                    "copy": _entry_json(v.theirs) if v.theirs else None,
                }
                for c in journal.conflicts
            ])
        elif journal.conflicts:
            _print_conflicts(journal)
        else:
            _say("cli.no_conflicts")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    with opened(args, write=True) as journal:
        matches = [c for c in journal.conflicts if c.path.name == Path(args.copy).name]
        if not matches:
            raise cli_input.InputProblem(t("cli.no_conflicts"))
        journal.resolve_conflict(matches[0], args.keep)
    _say("cli.resolved", name=matches[0].path.name)
    return 0


# The next four commands import their module when they run: every other command starts
# without them (start-up time is what a search of 10,000 entries spends most on).
def cmd_export(args: argparse.Namespace) -> int:
    from .transfer import export_all

    if args.out == "-":
        return _export_to_stdout(args)
    if not args.out.strip():
        raise cli_input.InputProblem(t("cli.export_needs_out"))
    out = Path(args.out).expanduser()
    if args.with_clients:
        _say("cli.export_clients_warning")
    with opened(args) as journal:
        report = export_all(journal, out, with_clients=args.with_clients)
    _say("cli.exported", count=len(report.entries), trajectories=report.trajectories,
         drafts=report.drafts, path=out)
    if args.with_clients:
        _say("cli.exported_clients", count=report.clients)
    _say("cli.export_warning")
    for name in report.damaged:
        _say("cli.export_skipped_damaged", name=name)
    return EXIT_DAMAGED if report.damaged else 0


def _export_to_stdout(args: argparse.Namespace) -> int:
    """Every entry, oldest first, as one Markdown stream (``export --out - | less``)."""
    with opened(args) as journal:
        summaries = sorted(journal.summaries(), key=lambda s: s.sort_key)
        for summary in summaries:
            sys.stdout.write(journal.get(summary.id).to_markdown().rstrip("\n") + "\n\n")
        damaged = [d.details["name"] for d in journal.damaged]
    for name in damaged:
        _say("cli.export_skipped_damaged", name=name)
    return EXIT_DAMAGED if damaged else 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importer import import_directory

    if not args.dir.is_dir():  # before the passphrase is asked
        raise SourceMissing(args.dir)
    with opened(args, write=True) as journal:
        report = import_directory(journal, args.dir)
    for path, error in report.failed:
        _say("cli.import_failed", name=path, reason=describe(error))
    for path in report.older:
        _say("cli.import_older", name=path)
    for path in report.new_ids:
        _say("cli.import_new_id", name=path)
    for path in report.kept_ours:
        _say("cli.import_kept_ours", name=path)
    _say("cli.imported", new=report.new, updated=report.updated, same=report.same,
         older=len(report.older))
    if report.trajectories_new or report.drafts_new or report.settings_restored \
            or report.clients_added:
        _say("cli.imported_more", trajectories=report.trajectories_new, drafts=report.drafts_new,
             clients=report.clients_added,
             settings=t("cli.imported_settings") if report.settings_restored else "")
    return 2 if report.failed else 0


def cmd_backup(args: argparse.Namespace) -> int:
    from .backup import write_backup

    out = Path(args.out).expanduser()
    cli_input.check_may_write(out, args.overwrite)
    report = write_backup(unlock(args), out)
    _say("cli.backup_written", path=out, files=report.files, size=_size(report.size))
    print(t("cli.bundle_sha256", digest=report.sha256))
    for name in report.unreadable:
        _say("cli.backup_unreadable", name=name)
    return EXIT_DAMAGED if report.unreadable else 0


def cmd_restore(args: argparse.Namespace) -> int:
    from .backup import may_restore_into, read_backup, restore_backup

    backup = read_backup(Path(args.file).expanduser())  # checked before anything is asked
    target = Path(args.vault)
    if not may_restore_into(target, args.replace):  # before the passphrase is asked
        raise cli_input.InputProblem(t("cli.restore_target_taken", path=target))
    created = dt.datetime.fromisoformat(backup.created)
    _say("cli.restore_checked", files=len(backup.files), created=f"{created:%d-%m-%Y %H:%M}")
    report = restore_backup(backup, args.vault,
                            lambda staging: unlock_with_passphrase(args, staging)[0],
                            replace=args.replace)
    # A deliberate return to an earlier state: this device's memory of later versions would
    # report every restored item as rolled back.
    restored = Vault.read_header(args.vault).vault_id  # of the header checked and restored
    for stale in (state_dir() / f"{restored}.seen", cache_dir() / f"{restored}.cache"):
        stale.unlink(missing_ok=True)
    if report.moved_aside:
        _say("cli.restore_moved_aside", path=report.moved_aside)
    for name in report.unreadable:
        _say("cli.backup_unreadable", name=name)
    _say("cli.restored", path=args.vault, files=report.files)
    if not report.moved_aside:
        _say("cli.restored_same_id")
    return EXIT_DAMAGED if report.unreadable else 0


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.0f} kB"


def cmd_unlock(args: argparse.Namespace) -> int:
    if args.minutes > MAX_MINUTES:
        raise cli_input.InputProblem(t("cli.agent_too_long", most=MAX_MINUTES))
    vault = unlock(args, agent=False)
    try:
        start_agent(vault, args.minutes)
    except (AgentUnavailable, OSError):
        raise cli_input.InputProblem(t("cli.agent_failed")) from None
    _say("cli.agent_started", minutes=args.minutes)
    return 0


def cmd_lock(args: argparse.Namespace) -> int:
    header = Vault.read_header(args.vault)
    _say("cli.agent_stopped" if stop_agent(header.vault_id) else "cli.agent_none")
    return 0
