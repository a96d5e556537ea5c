"""Bundles for the supervisor: chosen entries, pseudonymised, as one document.

Selecting, reviewing and assembling are separate steps so the app and the command line can
put the review (the user's decisions per finding) in between. The vault entries are never
changed: the bundle is built from pseudonymised copies.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

import yaml

from .journal import Journal
from .messages import kind_name, t
from .model import Entry
from .pseudonym import ClientList, Finding, apply, find

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,4})(\s)")


@dataclass
class Selection:
    """Which entries go in: a trajectory (and meeting range), a period, or hand-picked ids."""

    trajectory: str | None = None
    meetings: tuple[int, int] | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    entry_ids: list[str] = field(default_factory=list)

    def entries(self, journal: Journal) -> list[Entry]:
        if self.entry_ids:
            chosen = [journal.get(i) for i in self.entry_ids]
        else:
            chosen = []
            for s in journal.summaries():
                if self.trajectory and s.trajectory != self.trajectory:
                    continue
                if self.meetings and not (s.meeting and self.meetings[0] <= s.meeting <= self.meetings[1]):
                    continue
                day = s.created.date()
                if (self.start and day < self.start) or (self.end and day > self.end):
                    continue
                chosen.append(journal.get(s.id))
        # Meetings in order, each in time order; entries without a meeting last.
        return sorted(chosen, key=lambda e: (e.meeting is None, e.meeting or 0, e.created, e.id))


@dataclass
class Review:
    """The findings per entry and the user's decisions (indexes of findings to replace)."""

    findings: dict[str, list[Finding]]
    replace: dict[str, set[int]] = field(default_factory=dict)
    kept: dict[str, set[int]] = field(default_factory=dict)
    chosen: dict[str, dict[int, str]] = field(default_factory=dict)  # replacement per finding

    @classmethod
    def of(cls, entries: list[Entry], clients: ClientList, today: dt.date) -> Review:
        return cls({e.id: find(_searchable(e), clients, today) for e in entries})

    @property
    def total(self) -> int:
        return sum(len(f) for f in self.findings.values())

    @property
    def replaced(self) -> int:
        return sum(len(r) for r in self.replace.values())

    @property
    def open(self) -> int:
        return self.total - self.replaced - sum(len(k) for k in self.kept.values())

    def decide(self, entry_id: str, index: int, replace: bool) -> None:
        (self.replace if replace else self.kept).setdefault(entry_id, set()).add(index)
        (self.kept if replace else self.replace).get(entry_id, set()).discard(index)

    def replacement(self, entry_id: str, index: int) -> str:
        return self.chosen.get(entry_id, {}).get(index, self.findings[entry_id][index].replacement)

    def next_replacement(self, entry_id: str, index: int) -> str:
        """Cycle this finding's replacement (pseudonym → initials → [naam] …) and replace it."""
        options = self.findings[entry_id][index].alternatives
        current = self.replacement(entry_id, index)
        choice = options[(options.index(current) + 1) % len(options)] if current in options else options[0]
        self.chosen.setdefault(entry_id, {})[index] = choice
        self.decide(entry_id, index, True)
        return choice

    def decide_all(self, kind: str | None, replace: bool) -> None:
        """One decision for every finding (of one kind, or of every kind)."""
        for entry_id, findings in self.findings.items():
            for index, finding in enumerate(findings):
                if kind is None or finding.kind == kind:
                    self.decide(entry_id, index, replace)

    def apply(self, entry: Entry) -> Entry:
        """A pseudonymised copy of ``entry`` (title and body); the original is untouched."""
        text = apply(_searchable(entry), self.findings.get(entry.id, []),
                     self.replace.get(entry.id, set()), self.chosen.get(entry.id))
        title, _, body = text.partition("\n")
        return Entry(entry.id, entry.kind, title, entry.created, entry.updated, body,
                     entry.trajectory, entry.meeting, entry.prompt_set, entry.tags)


def _searchable(entry: Entry) -> str:
    """Title and body as one text, so a name in a title is found and replaced too."""
    return f"{entry.title}\n{entry.body}"


@dataclass
class BundleInfo:
    supervisant: str = ""
    supervisor: str = ""
    note: str = ""
    trajectory_title: str = ""
    created: dt.datetime = field(default_factory=lambda: dt.datetime.now().astimezone())


def to_markdown(entries: list[Entry], review: Review, info: BundleInfo) -> str:
    """One Markdown document: front matter, a table of contents, per meeting its entries."""
    copies = [review.apply(e) for e in entries]
    matter = {
        "bundle": t("bundle.title"),
        "supervisant": info.supervisant or None,
        "supervisor": info.supervisor or None,
        "trajectory": info.trajectory_title or None,
        "created": info.created.replace(microsecond=0).isoformat(),
        "entries": len(copies),
        "pseudonymisation_review": {
            "done": True, "findings": review.total, "replaced": review.replaced,
            "kept": review.total - review.replaced,
        },
    }
    lines = ["---", yaml.safe_dump(matter, allow_unicode=True, sort_keys=False).rstrip(), "---", ""]
    lines += [f"# {t('bundle.title')}{': ' + info.trajectory_title if info.trajectory_title else ''}", ""]
    who = " · ".join(x for x in (info.supervisant, info.supervisor) if x)
    if who:
        lines += [who, ""]
    if info.note.strip():
        lines += [info.note.strip(), ""]
    lines += [t("bundle.review_note", total=review.total, replaced=review.replaced), ""]
    groups = _by_meeting(copies)
    lines += [f"## {t('bundle.contents')}", ""]
    for heading, group in groups:
        lines.append(f"- [{heading}](#{_anchor(heading)})")
        lines += [f"  - {kind_name(e.kind).capitalize()}: {e.title}" for e in group]
    lines.append("")
    for heading, group in groups:
        lines += [f"## {heading}", ""]
        for e in group:
            lines += [f"### {kind_name(e.kind).capitalize()}: {e.title}", "",
                      f"*{e.created:%d-%m-%Y}*" + (f" · {' '.join('#' + x for x in e.tags)}" if e.tags else ""),
                      "", _shift_headings(e.body.strip()), ""]
    return "\n".join(lines).rstrip() + "\n"


def _by_meeting(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        heading = t("bundle.meeting", number=e.meeting) if e.meeting else t("bundle.other")
        groups.setdefault(heading, []).append(e)
    return list(groups.items())


def _anchor(heading: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", heading.lower()).strip("-")


def _shift_headings(body: str) -> str:
    """An entry's ``## Situatie`` becomes ``#### Situatie`` under the bundle's own headings."""
    out, fenced = [], False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        out.append(line if fenced else _HEADING.sub(lambda m: "##" + m.group(1) + m.group(2), line))
    return "\n".join(out)
