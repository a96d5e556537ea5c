"""Voornemens and gedragsexperimenten, carried from one entry of a trajectory to the next.

A prompt set names the prompt that holds an intention (``intention = "voornemen"``). The next
entry written in the same trajectory opens by showing it and asking how it went; that answer
is stored in the entry under one of :data:`REVIEW_HEADINGS`. Intentions are derived from the entries
themselves, so they need no storage of their own and survive export and import.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Entry
from ..prompts import PromptLibrary

# Above the look back on an intention, written in the writer's language and found in any.
REVIEW_HEADINGS = {"nl": "Terugblik op mijn voornemen", "en": "Looking back on my intention"}
# Headings people write by hand over an intention (compared without case or a final colon).
HAND_HEADINGS = ("voornemen", "voornemens", "mijn voornemen", "mijn voornemens",
                 "gedragsexperiment", "mijn gedragsexperiment", "mijn nieuwe gedragsexperiment",
                 "actieplan", "experiment",
                 "intention", "intentions", "my intention", "my intentions",
                 "behavioural experiment", "my behavioural experiment", "action plan")
_HEADING = re.compile(r"^## +(.+?)\s*$", re.M)


@dataclass(frozen=True)
class Intention:
    trajectory: str
    source_entry: str
    meeting: int | None
    created: dt.datetime
    text: str
    review_entry: str | None = None
    review_text: str = ""

    @property
    def reviewed(self) -> bool:
        return self.review_entry is not None


def sections(body: str) -> dict[str, str]:
    """``## heading`` → text under it (the first of each heading)."""
    found: dict[str, str] = {}
    matches = list(_HEADING.finditer(body))
    for i, match in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(body)
        found.setdefault(match.group(1), body[match.end():end].strip())
    return found


def review_section(intention_text: str, answer: str, language: str = "nl") -> str:
    """The Markdown an entry opens with when it looks back on an intention."""
    quoted = "\n".join(f"> {line}" if line else ">" for line in intention_text.splitlines())
    return f"## {REVIEW_HEADINGS[language]}\n\n{quoted}\n\n{answer.strip()}\n"


def _review_text(body: str) -> str | None:
    """The look back on an intention in an entry, if it has one (in any language)."""
    found = sections(body)
    return next((found[h] for h in REVIEW_HEADINGS.values() if h in found), None)


def collect_intentions(entries: list[Entry], library: PromptLibrary) -> list[Intention]:
    """Every intention in trajectory entries, oldest first, each with its review if written."""
    ordered = sorted((e for e in entries if e.trajectory), key=lambda e: (e.created, e.id))
    found: list[Intention] = []
    for entry in ordered:
        text = _intention_text(entry, library)
        if not text:
            continue
        # Times are to the second, so "later" includes the same second (not the entry itself).
        review = next(
            (later for later in ordered
             if later.id != entry.id and later.created >= entry.created
             and later.trajectory == entry.trajectory and _review_text(later.body) is not None),
            None,
        )
        found.append(Intention(
            entry.trajectory or "", entry.id, entry.meeting, entry.created, text,
            review.id if review else None,
            _without_quote(_review_text(review.body) or "") if review else "",
        ))
    return found


def _intention_text(entry: Entry, library: PromptLibrary) -> str:
    """The voornemen under the prompt set's own heading, else under a heading written by hand
    (``## Voornemen``, ``## Mijn gedragsexperiment:``)."""
    found = {heading.casefold().rstrip(" :"): text for heading, text in sections(entry.body).items()}
    prompt_set = library.sets.get(entry.prompt_set or "")
    if prompt_set is not None and prompt_set.intention is not None:
        prompt = next(p for p in prompt_set.prompts if p.id == prompt_set.intention)
        for title in (prompt.title, *sorted(prompt.titles)):
            if found.get(title.casefold()):
                return found[title.casefold()]
    return next((found[h] for h in HAND_HEADINGS if found.get(h)), "")


def open_intention(intentions: list[Intention], trajectory_id: str) -> Intention | None:
    """The most recent intention of a trajectory that has not been looked back on yet."""
    candidates = [i for i in intentions if i.trajectory == trajectory_id and not i.reviewed]
    return candidates[-1] if candidates else None


def _without_quote(text: str) -> str:
    return "\n".join(l for l in text.splitlines() if not l.startswith(">")).strip()
