"""The balance of reflection: which supervision aspects and SKJ dimensions were written about.

Counted from answered prompts (a heading with text under it), not from prompts merely
offered, and pointing out gently what has been left untouched lately.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..index import EntrySummary
from ..supervision.intentions import sections
from ..prompts import PromptLibrary

FRAMEWORKS = {"nip": "nip-vier-aspecten", "skj": "skj-reflectiedimensies"}
UNTOUCHED_AFTER = 3  # say so once an aspect is missing from this many recent entries


@dataclass(frozen=True)
class Aspect:
    framework: str
    prompt_id: str
    title: str
    label: str  # short, for under a chart's bar
    titles: frozenset[str] = frozenset()  # the title in every language: what an answer is under


@dataclass(frozen=True)
class Balance:
    aspects: list[Aspect]
    counts: dict[str, int]  # prompt id → entries in which it was answered
    entries: int  # entries written with the framework's set
    missing_in_latest: dict[str, int]  # prompt id → latest entries in a row without it

    def untouched(self) -> list[tuple[Aspect, int]]:
        return [(a, self.missing_in_latest[a.prompt_id]) for a in self.aspects
                if self.missing_in_latest[a.prompt_id] >= UNTOUCHED_AFTER]


def aspects(library: PromptLibrary, framework: str) -> list[Aspect]:
    prompt_set = library.sets.get(FRAMEWORKS[framework])
    if prompt_set is None:
        return []
    return [Aspect(framework, p.id, p.title, p.short, p.titles | {p.title})
            for p in prompt_set.prompts]


def compute(framework: str, entries: list[tuple[EntrySummary, str]],
            library: PromptLibrary) -> Balance:
    """``entries`` are (summary, body) pairs; only those written with the framework count."""
    wanted = aspects(library, framework)
    relevant = sorted((pair for pair in entries if pair[0].prompt_set == FRAMEWORKS[framework]),
                      key=lambda pair: pair[0].sort_key, reverse=True)
    counts = {a.prompt_id: 0 for a in wanted}
    missing = {a.prompt_id: 0 for a in wanted}
    still_missing = {a.prompt_id: True for a in wanted}
    for summary, body in relevant:  # newest first
        answered = {title for title, text in sections(body).items() if text.strip()}
        for aspect in wanted:
            if aspect.titles & answered:
                counts[aspect.prompt_id] += 1
                still_missing[aspect.prompt_id] = False
            elif still_missing[aspect.prompt_id]:
                missing[aspect.prompt_id] += 1
    return Balance(wanted, counts, len(relevant), missing)


def bar(count: int, most: int, width: int = 24) -> str:
    """A bar of block characters for a terminal chart."""
    if most <= 0:
        return "·"
    eighths = round(count / most * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "") or "·"
