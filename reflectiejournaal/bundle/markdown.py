"""The bundle as one Markdown document: what was reviewed, per meeting its entries.

Links are written as text with the address beside them in code (``tekst (`https://…`)``), so no
viewer makes them clickable: a bundle never reaches the network, in any format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from ..locale import kind_name, t, tn
from ..model import Entry
from .links import links_as_text, outside_code, part_links_as_text
from .review import BundleInfo, Review

_FENCE = re.compile(r"^(```|~~~)")
_HEADING = re.compile(r"^(#{1,4})(\s)")
_REFERENCE = re.compile(r"^((?:\s*>)*\s*(?:[-*+]\s+|\d{1,9}[.)]\s+)?\s{0,3})\[([^\]\n]+)\]:\s*<?(\S+?)>?(?:\s+.*)?$")
_BARE = re.compile(  # what a viewer could make a link of: schemes, //host, www., domains, e-mail
    r"(?<![\w`/@.:])((?:(?:https?|ftp|mailto|xmpp|tel|file|javascript|data):(?://)?|//|www\.)"
    r"[^\s<>`]*[^\s<>`.,;:!?)'\"]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|(?:[a-z0-9-]+\.)+(?:com|net|org|nl|be|eu|info|de|fr|uk|io|me|tv|co|app|dev|example)"
    r"(?:/[^\s<>`]*[^\s<>`.,;:!?)'\"])?)(?![\w@])", re.IGNORECASE)


@dataclass
class BundleDocument:
    """The bundle in parts: its opening (front matter, title, contents) and per meeting the
    Markdown of each entry by its id, so a web page can give every entry its own place."""

    opening: str
    meetings: list[tuple[str, list[tuple[str, str]]]]

    def markdown(self) -> str:
        lines = [self.opening, ""]
        for heading, entries in self.meetings:
            lines += [f"## {heading}", ""]
            for _, text in entries:
                lines += [text, ""]
        return without_links("\n".join(lines).rstrip() + "\n")


def to_markdown(entries: list[Entry], review: Review, info: BundleInfo) -> str:
    """One Markdown document: front matter, contents, per meeting its pseudonymised entries."""
    return to_document(entries, review, info).markdown()


def to_document(entries: list[Entry], review: Review, info: BundleInfo) -> BundleDocument:
    copies = [review.apply_entry(e) for e in entries]
    shown = review.apply_info(info)
    matter = {
        "bundle": t("bundle.title"),
        "supervisant": shown.supervisant or None,
        "supervisor": shown.supervisor or None,
        "trajectory": shown.trajectory_title or None,
        "created": info.created.replace(microsecond=0).isoformat(),
        "entries": len(copies),
        "pseudonymisation_review": {
            "done": True, "findings": review.total, "replaced": review.replaced,
            "kept": review.total - review.replaced,
            "persons_places_institutions_checked": review.language_checked,
        },
    }
    title = t("bundle.title") + (f": {shown.trajectory_title}" if shown.trajectory_title else "")
    lines = ["---", yaml.safe_dump(matter, allow_unicode=True, sort_keys=False).rstrip(), "---", "",
             f"# {title}", ""]
    who = " · ".join(x for x in (shown.supervisant, shown.supervisor) if x)
    if who:
        lines += [who, ""]
    if shown.note.strip():
        lines += [shown.note.strip(), ""]
    lines += [tn("bundle.review_note", review.total, total=review.total, replaced=review.replaced), ""]
    groups = _by_meeting(copies)
    lines += [f"## {t('bundle.contents')}", ""]
    for heading, group in groups:
        lines.append(f"- {heading}")
        lines += [f"  - {kind_name(e.kind).capitalize()}: {e.title}" for e in group]
    meetings = [(heading, [(e.id, _entry_markdown(e)) for e in group]) for heading, group in groups]
    return BundleDocument("\n".join(lines), meetings)


def _entry_markdown(entry: Entry) -> str:
    tags = f" · {' '.join('#' + x for x in entry.tags)}" if entry.tags else ""
    return "\n".join([f"### {kind_name(entry.kind).capitalize()}: {entry.title}", "",
                      f"*{entry.created:%d-%m-%Y}*{tags}", "", _shift_headings(entry.body.strip())])


def title_of(review: Review, info: BundleInfo) -> str:
    """The bundle's title as the supervisor sees it inside the bundle (pseudonymised)."""
    shown = review.apply_info(info).trajectory_title
    return t("bundle.title") + (f": {shown}" if shown else "")


def without_links(markdown: str) -> str:
    """Every link, image and piece of raw HTML as text, outside code blocks.

    Links and images become their text with the address in code; then what could still open a
    link or a tag in some viewer is escaped: every ``<``, and a ``]`` before ``(`` or ``[``.
    Fences are tracked as CommonMark does (same character, at least as long as the opener).
    """
    return links_as_text(markdown, _as_text)


def _as_text(line: str) -> str:
    reference = _REFERENCE.match(line)
    if reference:  # also inside a quote or a list item: "> [r]: //example/x.png"
        return f"{reference.group(1)}{reference.group(2)}: `{reference.group(3)}`"
    def as_text(part: str) -> str:
        part = _BARE.sub(lambda m: f"`{m.group(1)}`", part_links_as_text(part))
        return re.sub(r"\](?=[(\[])", r"\\]", part.replace("<", "\\<"))

    return outside_code(line, as_text)


def _by_meeting(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        heading = t("bundle.meeting", number=e.meeting) if e.meeting else t("bundle.other")
        groups.setdefault(heading, []).append(e)
    return list(groups.items())


def _shift_headings(body: str) -> str:
    """An entry's ``## Situatie`` becomes ``#### Situatie`` under the bundle's own headings."""
    out, fenced = [], False
    for line in body.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        out.append(line if fenced else _HEADING.sub(lambda m: "##" + m.group(1) + m.group(2), line))
    return "\n".join(out)
