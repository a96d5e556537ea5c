"""Entries: Markdown with YAML front matter, exactly as stored and as exported."""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field, replace
from types import ModuleType

from .controls import BIDI_OVERRIDES, without_controls
from .errors import InvalidEntry

# Kind names in code; their Dutch names live in the message catalogue.
KINDS = ("case", "reflection", "learning_goals", "evaluation", "note")
# Dutch names are accepted wherever a kind is read (command line, imported files).
KIND_ALIASES = {
    "casusinbreng": "case",
    "casus": "case",
    "reflectie": "reflection",
    "leervragen": "learning_goals",
    "evaluatie": "evaluation",
    "notitie": "note",
}
FRONT_MATTER_KEYS = (
    "id",
    "kind",
    "title",
    "created",
    "updated",
    "trajectory",
    "meeting",
    "prompt_set",
    "tags",
)

# An entry's text (title and body) is at most this long: a book's worth (about 150,000 words),
# far above any reflection, and far below what makes the app slow to open it or an item file
# reach the format's 64 MB.
MAX_ENTRY_CHARS = 1_000_000



@functools.cache
def _yaml() -> tuple[ModuleType, type, type]:
    """PyYAML, its loader and our dumper, imported when front matter is first read or
    written: a list or a search from the cache never does, and the import costs 9 ms."""
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        """Plain front matter: no ``&id001`` anchors when created and updated are equal."""

        def ignore_aliases(self, data: object) -> bool:
            return True

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader), Dumper

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)


def now() -> dt.datetime:
    """Local time with its offset, to the second: what ``created`` and ``updated`` hold."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


@dataclass(frozen=True)
class Entry:
    """One written piece: a casusinbreng, a reflection, leervragen, an evaluation or a note."""

    id: str
    kind: str
    title: str
    created: dt.datetime
    updated: dt.datetime
    body: str = ""
    trajectory: str | None = None
    meeting: int | None = None
    prompt_set: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise InvalidEntry("kind", value=self.kind)
        if self.meeting is not None and (type(self.meeting) is not int or self.meeting < 1):
            raise InvalidEntry("meeting", value=self.meeting)
        if self.created.tzinfo is None or self.updated.tzinfo is None:
            raise InvalidEntry("timezone")
        object.__setattr__(self, "title", clean_title(self.title))
        object.__setattr__(self, "tags", clean_tags(self.tags))
        # An escape sequence in an imported or synced body would drive the terminal the app
        # draws it on (OSC 52 writes the clipboard): an entry never holds one.
        object.__setattr__(self, "body", without_controls(self.body))

    @property
    def words(self) -> int:
        return len(self.body.split())

    def front_matter(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "created": self.created,
            "updated": self.updated,
            "trajectory": self.trajectory,
            "meeting": self.meeting,
            "prompt_set": self.prompt_set,
            "tags": list(self.tags),
        }

    def to_markdown(self) -> str:
        """The stored and exported form: ``---`` YAML ``---`` then the body, untouched."""
        yaml, _, dumper = _yaml()
        matter = yaml.dump(
            self.front_matter(),
            Dumper=dumper,
            allow_unicode=True,
            sort_keys=False,
            width=1_000_000,  # never fold a long title over lines
        )
        return f"---\n{matter}---\n{self.body}"

    def edited(self, **changes: object) -> Entry:
        """A copy with ``changes`` and a fresh ``updated``; ``id`` and ``created`` stay."""
        changes.setdefault("updated", max(now(), self.created))
        return replace(self, **changes)  # type: ignore[arg-type]


def normalise_kind(value: object) -> str:
    text = str(value).strip().lower()
    return KIND_ALIASES.get(text, text)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f" + BIDI_OVERRIDES + "]")


def one_line(text: object) -> str:
    """A title, tag or name: one line, single spaces, no control characters. An escape
    sequence in a title would restyle the terminal it is shown or printed on."""
    visible = _CONTROL.sub(lambda m: " " if m.group().isspace() else "", str(text or ""))
    return " ".join(visible.split())


def clean_title(title: object) -> str:
    return one_line(title)


def clean_tags(tags: object) -> tuple[str, ...]:
    if isinstance(tags, str):
        tags = [t for t in tags.split(",")]
    if not isinstance(tags, (list, tuple)):
        raise InvalidEntry("tags", value=tags)
    seen: dict[str, None] = {}
    for tag in tags:
        # Leading "#" and spaces in any mix go: "# #grenzen" and "#\r0" clean the same twice.
        text = one_line(tag).lstrip("# ")
        if text:
            seen.setdefault(text, None)
    return tuple(seen)


def title_from_body(body: str, limit: int = 80) -> str:
    """A title for an entry written without one: its first heading, else its first line."""
    heading = _HEADING.search(body)
    line = heading.group(1) if heading else next((l for l in body.splitlines() if l.strip()), "")
    line = clean_title(line)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def body_of(text: str) -> str:
    """The body after the front matter, without parsing the YAML (cheap: for snippets)."""
    match = _FRONT_MATTER.match(text)
    return text[match.end() :] if match else text


def split_front_matter(text: str) -> tuple[dict[str, object] | None, str]:
    """``(front matter, body)``; ``None`` when the text has no front matter block."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, text
    yaml, loader, _ = _yaml()
    try:
        matter = yaml.load(match.group(1), Loader=loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else None
        raise InvalidEntry("yaml", line=line) from None
    if matter is None:
        matter = {}
    if not isinstance(matter, dict):
        raise InvalidEntry("yaml")
    return matter, text[match.end() :]


def to_datetime(value: object, name: str) -> dt.datetime:
    """Accept what YAML gives for a time (datetime, date or ISO text); naive means local."""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise InvalidEntry("time", field=name, value=value) from None
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).astimezone()
    raise InvalidEntry("time", field=name, value=value)


def entry_from_markdown(text: str) -> Entry:
    """Parse a stored or exported entry; every field must be present and valid."""
    matter, body = split_front_matter(text)
    if matter is None:
        raise InvalidEntry("no_front_matter")
    return entry_from_parts(matter, body)


def entry_from_parts(matter: dict[str, object], body: str) -> Entry:
    for name in ("id", "kind", "title", "trajectory", "prompt_set", "meeting"):
        if isinstance(matter.get(name), (list, dict, set, tuple)):
            raise InvalidEntry("not_one_value", field=name)  # an alias bomb is a list of lists
    tags = matter.get("tags")
    if isinstance(tags, (list, tuple)) and any(isinstance(t, (list, dict, set, tuple)) for t in tags):
        raise InvalidEntry("not_one_value", field="tags")
    try:
        entry_id = str(matter["id"])
        kind = normalise_kind(matter["kind"])
        created = to_datetime(matter["created"], "created")
    except KeyError as exc:
        raise InvalidEntry("missing", field=exc.args[0]) from None
    meeting = matter.get("meeting")
    trajectory = matter.get("trajectory")
    prompt_set = matter.get("prompt_set")
    return Entry(
        id=entry_id,
        kind=kind,
        title=str(matter.get("title") or ""),
        created=created,
        updated=to_datetime(matter.get("updated") or created, "updated"),
        body=body,
        trajectory=None if trajectory is None else str(trajectory),
        meeting=meeting if meeting is None else _meeting_number(meeting),
        prompt_set=None if prompt_set is None else str(prompt_set),
        tags=clean_tags(matter.get("tags") or ()),
    )


def _meeting_number(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    if type(value) is int:
        return value
    raise InvalidEntry("meeting", value=value)
