"""Command-line commands for the supervisor's feedback: import a file, list bundles, show."""

from __future__ import annotations

import argparse
from collections.abc import Callable
import sys
from pathlib import Path

from ..feedback import SentBundle, SupervisorWords
from ..locale import t, tn
from ..locale.describe import describe_bundle_state, describe_import, describe_where
from .common import add_command, json_flag, opened, print_json, say
from .exit_codes import EXIT_DAMAGED

# Why a file was refused → exit code: not found (4), damaged or changed (5), else input (2).
_EXIT = {"feedback_unknown_bundle": 4, "feedback_tampered": EXIT_DAMAGED,
         "feedback_content": EXIT_DAMAGED}


def add_parsers(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    feedback = add_command(commands, common, "feedback")
    actions = feedback.add_subparsers(dest="action", metavar=t("cli.metavar.action"), required=True)
    add_command(actions, common, "import", "cli.feedback.import").add_argument(
        "file", type=Path, help=t("cli.arg.feedback_file"))
    json_flag(add_command(actions, common, "list", "cli.feedback.list"))
    show = add_command(actions, common, "show", "cli.feedback.show")
    show.add_argument("--entry", help=t("cli.opt.feedback_entry"))
    json_flag(show)
    search = add_command(actions, common, "search", "cli.feedback.search")
    search.add_argument("query", nargs="+", help=t("cli.arg.query"))
    json_flag(search)


def cmd_feedback(args: argparse.Namespace) -> int:
    return {"import": _import, "list": _list, "show": _show, "search": _search}[args.action](args)


def _import(args: argparse.Namespace) -> int:
    from ..bundle.feedback_file import FeedbackProblem, import_feedback, read_file

    try:  # before the passphrase is asked
        data = read_file(args.file)
    except FileNotFoundError:
        say("cli.feedback_missing", path=args.file)
        return 4
    except OSError:
        say("cli.feedback_unreadable", path=args.file)
        return 2
    with opened(args, write=True) as journal:
        try:
            done = import_feedback(journal, data)
        except FeedbackProblem as problem:
            say(f"reason.{problem.details['reason']}")
            return _EXIT.get(str(problem.details["reason"]), 2)
    print(describe_import(done.outcome, done.bundle, done.feedback, done.kept), file=sys.stderr)
    return 0


def _list(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        bundles = journal.sent_bundles()
    if args.json:
        print_json([_bundle_json(b) for b in bundles])
        return 0
    if not bundles:
        say("cli.feedback_no_bundles")
        return 0
    for b in bundles:
        print(t("cli.feedback_bundle", id=b.id, date=f"{b.created:%d-%m-%Y}", title=b.title,
                entries=tn("count.entries", len(b.entries)), state=describe_bundle_state(b)))
    return 0


def _show(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        entry_id = journal.resolve(args.entry) if args.entry else None
        words = journal.supervisor_words(entry_id)
        titles = {s.id: s.title for s in journal.summaries()}
    if args.json:
        print_json([words_json(w) for w in words])
        return 0
    if not words:
        say("cli.feedback_none")
        return 0
    print(describe_words(words, titles))
    return 0


def _search(args: argparse.Namespace) -> int:
    with opened(args) as journal:
        hits = journal.search_supervisor(" ".join(args.query))
        titles = {s.id: s.title for s in journal.summaries()}
    if args.json:
        print_json([{**words_json(w), "snippet": snippet, "match": list(span)}
                    for w, snippet, span in hits])
        return 0
    if not hits:
        say("cli.no_results", query=" ".join(args.query))
        return 0
    print(describe_supervisor_hits(hits, titles))
    return 0


def describe_supervisor_hits(hits: list, titles: dict[str, str]) -> str:
    """The supervisor's words that matched a search, under their own heading."""
    lines = [t("cli.search_supervisor_heading")]
    for words, snippet, _ in hits:
        lines.append(f"  {describe_where(words, titles)}\n    {snippet}")
    return "\n".join(lines)


def describe_words(words: list[SupervisorWords], titles: dict[str, str]) -> str:
    """Everything the supervisor wrote, per bundle, each under where it belongs."""
    lines: list[str] = []
    bundle: SentBundle | None = None
    for w in words:
        if w.bundle is not bundle:
            bundle = w.bundle
            if lines:
                lines.append("")
            lines.append(t("cli.feedback_heading", title=bundle.title, saved=_when(w.saved),
                           supervisor=bundle.supervisor or t("feedback.supervisor")))
        lines.append(f"  {describe_where(w, titles)}")
        if w.passage is not None:
            lines.append(f"    > {' '.join(w.passage.quote.split())}")  # one line, always indented
        lines += [f"    {line}" for line in w.text.splitlines() or [""]]
    return "\n".join(lines)


def words_json(words: SupervisorWords) -> dict[str, object]:
    return {
        "bundle": words.bundle.id, "saved": words.saved.isoformat(), "entry": words.entry,
        "comment": words.text,
        "passage": ({"quote": words.passage.quote, "at": words.passage.at}
                    if words.passage else None),
    }


def _bundle_json(bundle: SentBundle) -> dict[str, object]:
    feedback = bundle.feedback
    return {
        "id": bundle.id, "created": bundle.created.isoformat(), "format": bundle.format,
        "title": bundle.title, "supervisor": bundle.supervisor, "trajectory": bundle.trajectory,
        "entries": bundle.entries, "sha256": bundle.sha256,
        "feedback": ({"saved": feedback.saved.isoformat(), "comments": feedback.comment_count()}
                     if feedback else None),
    }


def _when(moment) -> str:  # type: ignore[no-untyped-def]
    return f"{moment.astimezone():%d-%m-%Y %H:%M}"


# The commands this group adds, by name: main.py dispatches through these tables.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "feedback": cmd_feedback,
}
