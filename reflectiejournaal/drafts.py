"""Drafts: text being written, autosaved encrypted so a killed terminal loses seconds at most.

A draft is a vault item of type ``draft`` holding JSON: the guided answers so far, the step,
and the free-edited body, title and tags. It becomes an entry when the user saves, and is
deleted then; a draft still there on the next start is offered back.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from .model import now


@dataclass
class Draft:
    id: str
    kind: str
    prompt_set: str | None = None
    answers: dict[str, str] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    step: int = 0
    stage: str = "guided"  # "guided" (one prompt at a time) or "edit" (the whole entry)
    body: str = ""
    title: str = ""
    tags: list[str] = field(default_factory=list)
    entry_id: str | None = None  # set when the draft edits an existing entry
    base_version: int | None = None  # the entry's version the edit started from
    trajectory: str | None = None
    meeting: int | None = None
    looks_back: dict[str, str | None] | None = None  # a terugblik: {"start", "end"} ISO dates
    updated: str = ""

    @property
    def updated_at(self) -> dt.datetime | None:
        return dt.datetime.fromisoformat(self.updated) if self.updated else None

    @property
    def words(self) -> int:
        text = self.body if self.stage == "edit" else " ".join(self.answers.values())
        return len(text.split())

    def is_empty(self) -> bool:
        return not (self.body.strip() or any(a.strip() for a in self.answers.values())
                    or self.title.strip())

    def to_bytes(self) -> bytes:
        self.updated = now().isoformat()
        return self.to_json().encode("utf-8")

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_bytes(cls, data: bytes) -> Draft:
        raw = json.loads(data.decode("utf-8"))
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in raw.items() if k in known})
