"""Commands for entries: new, list, tags, show, edit, delete and search."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
import sys
from collections import Counter

from . import terminal as cli_input
from ..vault import hardening
from .exit_codes import EXIT_CONFLICTS
from .paths import cache_dir, config_dir, state_dir
from ..errors import (
    InvalidEntry,
)
from ..journal import Journal
from ..locale import t
from ..model import clean_tags
from ..drafts import Draft
from ..vault.store import Vault
from .feedback import describe_supervisor_hits, describe_words, words_json
from .common import add_command, check_prompt_set, entry_json, filters_from, json_flag, kind_of, opened, print_json, say, summary_line


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    new = add_command(commands, common, "new")
    new.add_argument("--kind", required=True, help=t("cli.opt.kind"))
    new.add_argument("--title", default="", help=t("cli.opt.title"))
    new.add_argument("--tag", action="append", default=[], help=t("cli.opt.tag"))
    new.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    new.add_argument("--meeting", type=int, help=t("cli.opt.meeting"))
    new.add_argument("--prompt-set", help=t("cli.opt.prompt_set"))
    listing = add_command(commands, common, "list")
    listing.add_argument("--kind", help=t("cli.opt.kind"))
    listing.add_argument("--tag", action="append", help=t("cli.opt.tags_all"))
    listing.add_argument("--from", dest="start", help=t("cli.opt.from"))
    listing.add_argument("--to", dest="end", help=t("cli.opt.to"))
    listing.add_argument("--on", help=t("cli.opt.on"))
    listing.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    listing.add_argument("-n", "--limit", type=cli_input.positive_number, metavar="N",
                         help=t("cli.opt.limit"))
    json_flag(listing)
    show = add_command(commands, common, "show")
    show.add_argument("id", help=t("cli.arg.id"))
    json_flag(show)
    edit = add_command(commands, common, "edit")
    edit.add_argument("id", help=t("cli.arg.id"))
    edit.add_argument("--title", help=t("cli.opt.title"))
    edit.add_argument("--tag", action="append", help=t("cli.opt.tag"))
    delete = add_command(commands, common, "delete")
    delete.add_argument("id", help=t("cli.arg.id"))
    delete.add_argument("--yes", action="store_true", help=t("cli.opt.yes"))
    search = add_command(commands, common, "search")
    search.add_argument("query", nargs="*", help=t("cli.arg.query"))
    search.add_argument("--kind", help=t("cli.opt.kind"))
    search.add_argument("--trajectory", help=t("cli.opt.trajectory"))
    search.add_argument("--tag", action="append", help=t("cli.opt.tags_all"))
    search.add_argument("--from", dest="start", help=t("cli.opt.from"))
    search.add_argument("--to", dest="end", help=t("cli.opt.to"))
    search.add_argument("--prompt-set", help=t("cli.opt.prompt_set"))
    json_flag(search)
    json_flag(add_command(commands, common, "tags"))


def cmd_new(args: argparse.Namespace) -> int:
    kind = kind_of(args.kind)
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


def _in_the_app(vault: Vault, draft: Draft) -> int:
    """``new`` or ``edit`` typed by a person at a terminal: the app's own writer on that
    text (its prompts, autosaved encrypted drafts), never a plaintext file for ``$EDITOR``."""
    hardening.without_debugging_variables()  # before Textual reads them at import
    from ..app import ReflectieApp

    app = ReflectieApp(vault.path, cache_dir(), config_dir(), state_dir=state_dir(),
                       writing=(vault, draft))
    app.run()
    if app.saved_id is None:
        say("cli.not_saved_kept_as_draft" if app.draft_kept else "cli.not_saved")
        return app.return_code or 0
    print(app.saved_id)
    if app.changed_elsewhere:  # kept beside another writer's version, as `edit` says
        print(app.changed_elsewhere, file=sys.stderr)
        return EXIT_CONFLICTS
    return app.return_code or 0


def _person_at_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def cmd_list(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        filters = filters_from(args, journal)
        summaries = journal.summaries(filters=filters)
        empty_journal = filters is not None and not summaries and not journal.summaries()
    if args.limit is not None:
        summaries = summaries[: args.limit]
    if args.json:
        print_json([s.to_json() for s in summaries])
    elif not summaries:
        say("cli.no_entries" if filters is None or empty_journal else "cli.no_matching_entries")
    else:
        print("\n".join(summary_line(s) for s in summaries))
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    """Every tag with the number of texts carrying it, most used first."""
    with opened(args) as journal:
        counts = Counter(tag for s in journal.summaries() for tag in s.tags)
    ranked = sorted(counts.items(), key=lambda tc: (-tc[1], tc[0].casefold()))
    if args.json:
        print_json([{"tag": tag, "count": count} for tag, count in ranked])
    elif not ranked:
        say("cli.no_tags")
    else:
        width = max(len(tag) for tag, _ in ranked) + 1
        print("\n".join(f"#{tag:<{width}} {count:>5}" for tag, count in ranked))
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        entry = journal.get(args.id)
        words = journal.supervisor_words(entry.id)
    if args.json:
        print_json({**entry_json(entry), "supervisor_feedback": [words_json(w) for w in words]})
        return 0
    sys.stdout.write(entry.to_markdown())
    if not entry.body.endswith("\n"):
        sys.stdout.write("\n")
    if words and sys.stdout.isatty():  # for the reader; piped, the entry stays just the entry
        print("\n" + describe_words(words, {entry.id: entry.title}))
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
                say("cli.not_deleted")
                return 0
        journal.delete(entry.id, base_version=shown)  # not if changed while asked
        _forget_findings(journal)
    say("cli.deleted", id=entry.id)
    return 0


def _forget_findings(journal: Journal) -> None:
    """What a bundle's review found in the entries deleted leaves its file at once."""
    from ..bundle.findings_cache import entry_versions, forget_deleted

    forget_deleted(dt.date.today(), cache_dir(), journal.vault.vault_id, journal.vault.cache_key,
                   entry_versions(journal.summaries()))


def _delete_damaged(journal: Journal, name: str, yes: bool) -> int:
    if not yes:
        if not cli_input.has_terminal():
            raise cli_input.InputProblem(t("cli.needs_yes"))
        if not cli_input.confirm(t("cli.prompt.confirm_delete_damaged", name=name)):
            say("cli.not_deleted")
            return 0
    journal.remove_damaged(name)
    _forget_findings(journal)  # a file damaged since a bundle scanned it: its findings too
    say("cli.deleted_damaged", name=name)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with opened(args) as journal:
        filters = filters_from(args, journal)
        if not query.strip() and filters is None:
            raise cli_input.InputProblem(t("cli.search_needs_something"))
        hits = journal.search(query, filters)
        # The supervisor's words in a section of their own, never among the user's texts
        # (``--json`` keeps its list of entries; ``feedback search`` has these as JSON).
        theirs = journal.search_supervisor(query) if not args.json and filters is None else []
        titles = {s.id: s.title for s in journal.summaries()} if theirs else {}
    if args.json:
        print_json([
            {**h.summary.to_json(), "snippet": h.snippet, "match": list(h.span)} for h in hits
        ])
        return 0
    if not hits and not theirs:
        say("cli.no_results", query=query)
    if hits:
        print("\n".join(f"{summary_line(hit.summary)}\n    {hit.snippet}" for hit in hits))
    if theirs:
        print(("\n" if hits else "") + describe_supervisor_hits(theirs, titles))
    return 0


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": cmd_new,
    "list": cmd_list,
    "show": cmd_show,
    "edit": cmd_edit,
    "delete": cmd_delete,
    "search": cmd_search,
    "tags": cmd_tags,
}
