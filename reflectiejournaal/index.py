"""What the journal knows of each item without decrypting it: summaries, filters, records.

The encrypted file that keeps them between runs is :mod:`cache_file`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .model import Entry
from .search import AsWritten, fold, prepare


def first_text_line(body: str, limit: int = 100) -> str:
    """The first line that is text, not a heading or a rule: what a timeline shows."""
    for line in body.splitlines():
        text = line.strip().lstrip(">").strip()
        if text and not text.startswith("#") and text.strip("-*_ ") != "":
            return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return ""


@dataclass(frozen=True, slots=True)
class EntrySummary:
    """What lists and search results show, without decrypting the entry."""

    id: str
    kind: str
    title: str
    created: dt.datetime
    updated: dt.datetime
    trajectory: str | None
    meeting: int | None
    prompt_set: str | None
    tags: tuple[str, ...]
    words: int
    first_line: str = ""  # the first line of text, for timelines

    @classmethod
    def of(cls, entry: Entry) -> EntrySummary:
        return cls(entry.id, entry.kind, entry.title, entry.created, entry.updated,
                   entry.trajectory, entry.meeting, entry.prompt_set, entry.tags, entry.words,
                   first_text_line(entry.body))

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "created": self.created.isoformat(),
            "updated": self.updated.isoformat(),
            "trajectory": self.trajectory,
            "meeting": self.meeting,
            "prompt_set": self.prompt_set,
            "tags": list(self.tags),
            "words": self.words,
            "first_line": self.first_line,
        }

    def to_row(self) -> list[object]:
        """Compact form for the cache: a list decodes much faster than a dict."""
        return [self.id, self.kind, self.title, self.created.isoformat(),
                self.updated.isoformat(), self.trajectory, self.meeting, self.prompt_set,
                list(self.tags), self.words, self.first_line]

    @classmethod
    def from_row(cls, row: list) -> EntrySummary:
        (id_, kind, title, created, updated, trajectory, meeting, prompt_set, tags, words,
         first_line) = row
        return cls(id_, kind, title, dt.datetime.fromisoformat(created),
                   dt.datetime.fromisoformat(updated), trajectory, meeting, prompt_set,
                   tuple(tags), words, first_line)

    @property
    def sort_key(self) -> tuple[float, str]:
        """Newest first sorts on this; comparing aware datetimes directly is slow."""
        return (self.created.timestamp(), self.id)


@dataclass(frozen=True)
class Filters:
    """Narrowing a list or a search: every given field must match."""

    kind: str | None = None
    trajectory: str | None = None
    tag: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    prompt_set: str | None = None
    tags: tuple[str, ...] = ()  # every one of these too

    def matches(self, s: EntrySummary) -> bool:
        day = s.created.date()
        wanted = (self.tag, *self.tags) if self.tag else self.tags
        have = {t.casefold() for t in s.tags}
        return (
            (self.kind is None or s.kind == self.kind)
            and (self.trajectory is None or s.trajectory == self.trajectory)
            and all(w.lstrip("#").casefold() in have for w in wanted)
            and (self.start is None or day >= self.start)
            and (self.end is None or day <= self.end)
            and (self.prompt_set is None or s.prompt_set == self.prompt_set)
        )


@dataclass(slots=True)
class Record:
    """One item as cached: the file signature it was read from, and what was derived."""

    signature: tuple[int, ...]
    item_type: str
    summary: EntrySummary | None = None
    folded: str | None = None  # folded title, tags and body; None until texts are loaded
    body_at: int = 0  # where the body starts in ``folded`` and ``text``
    version: int = 0  # the item's version, from inside its ciphertext
    key_rank: int = 0  # 0: under the key new writes use; 1: a rekey's current key; 2: older
    text: AsWritten | None = None  # ``folded`` as written: what a snippet shows

    @classmethod
    def for_entry(cls, signature: tuple[int, ...], entry: Entry, version: int = 0) -> Record:
        head = prepare(entry.title) + "\n" + prepare(" ".join(entry.tags)) + "\n"
        written = head + prepare(entry.body)
        folded = fold(written)
        return cls(signature, "entry", EntrySummary.of(entry), folded, len(head), version,
                   text=AsWritten.of(written, folded))
