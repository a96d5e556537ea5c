"""Bundles sent to the supervisor, and the feedback that came back on them.

The vault keeps a record of every bundle it made (one encrypted item each, JSON): which entries
went out, when, to whom, and for a sealed bundle its key, so the supervisor's feedback file can
be opened without asking for the code again. Once feedback is imported it lives in the same
record: the newest file the supervisor saved replaces an older one.

The supervisor's words are kept apart from the user's own: never merged into an entry, shown
beside it, always as plain text.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import asdict, dataclass, field, replace

from .model import one_line
from .vault.files import ITEM_ID

# What a person writes in a comment; more is a damaged or hostile file.
MAX_COMMENT = 20_000
MAX_QUOTE = 2_000
MAX_PASSAGES = 200


@dataclass(frozen=True)
class Passage:
    """A comment on a passage the supervisor selected: the passage as they saw it (with the
    bundle's pseudonyms), where it began in the entry's text as shown, and the comment."""

    quote: str
    comment: str
    at: int = 0


@dataclass(frozen=True)
class EntryFeedback:
    comment: str = ""
    passages: tuple[Passage, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.comment.strip() or self.passages)


@dataclass(frozen=True)
class Feedback:
    """One feedback file's content, as imported."""

    saved: dt.datetime  # when the supervisor saved it (their clock): newer replaces older
    nonce: str  # the file's own, so the same file imported twice is recognised
    general: str = ""
    entries: dict[str, EntryFeedback] = field(default_factory=dict)
    imported: dt.datetime | None = None

    def comment_count(self) -> int:
        return (bool(self.general.strip())
                + sum(bool(e.comment.strip()) + len(e.passages) for e in self.entries.values()))

    def to_json(self) -> dict:
        return {
            "saved": self.saved.isoformat(), "nonce": self.nonce, "general": self.general,
            "imported": self.imported.isoformat() if self.imported else None,
            "entries": {i: {"comment": e.comment, "passages": [asdict(p) for p in e.passages]}
                        for i, e in self.entries.items()},
        }

    @classmethod
    def from_json(cls, raw: dict) -> Feedback:
        return cls(
            saved=dt.datetime.fromisoformat(raw["saved"]), nonce=str(raw["nonce"]),
            general=str(raw.get("general", "")),
            imported=dt.datetime.fromisoformat(raw["imported"]) if raw.get("imported") else None,
            entries={str(i): EntryFeedback(str(e.get("comment", "")), tuple(
                Passage(str(p["quote"]), str(p["comment"]), int(p.get("at", 0)))
                for p in e.get("passages", [])))
                for i, e in raw.get("entries", {}).items()},
        )


@dataclass
class SentBundle:
    """A bundle this vault made. ``key`` (hex) only for a sealed bundle."""

    id: str
    created: dt.datetime
    format: str  # as bundle.formats: "html-encrypted" (sealed), "html" or "md"
    entries: list[str]
    title: str = ""  # as the supervisor sees it (pseudonymised)
    supervisor: str = ""
    trajectory: str | None = None
    key: str | None = None
    sha256: str = ""
    feedback: Feedback | None = None

    def to_bytes(self) -> bytes:
        data = {
            "id": self.id, "created": self.created.isoformat(), "format": self.format,
            "entries": self.entries, "title": self.title, "supervisor": self.supervisor,
            "trajectory": self.trajectory, "key": self.key, "sha256": self.sha256,
            "feedback": self.feedback.to_json() if self.feedback else None,
        }
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes) -> SentBundle:
        raw = json.loads(data.decode("utf-8"))
        return cls(
            id=str(raw["id"]), created=dt.datetime.fromisoformat(raw["created"]),
            format=str(raw["format"]), entries=[str(i) for i in raw["entries"]],
            title=str(raw.get("title", "")), supervisor=str(raw.get("supervisor", "")),
            trajectory=raw.get("trajectory"), key=raw.get("key"), sha256=str(raw.get("sha256", "")),
            feedback=Feedback.from_json(raw["feedback"]) if raw.get("feedback") else None,
        )


# Control characters could move a terminal's cursor or hide text, and direction overrides
# could show words in another order than written: only line breaks and tabs stay.
_DROPPED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CLOCKS_DIFFER = dt.timedelta(days=2)  # between the user's computer and the supervisor's
MAX_AT = 10_000_000


def clean_text(value: object, limit: int) -> str:
    """Text from outside (a feedback file, an import): a string of at most ``limit``
    characters, without the characters that could act on a terminal."""
    if not isinstance(value, str) or len(value) > limit:
        raise ValueError("not a comment")
    return _DROPPED.sub("", value)


def checked_feedback(feedback: Feedback, bundle: SentBundle,
                     now: dt.datetime | None = None) -> Feedback:
    """``feedback`` as it may be kept on ``bundle``, or ValueError: every text cleaned and
    within its limit, only the bundle's entries, and a saving time between the bundle's making
    and now (give or take the clocks' difference): a date far off would make every later file
    look older, and cannot be shown in every time zone."""
    now = now or dt.datetime.now(dt.timezone.utc)
    saved = feedback.saved
    if saved.tzinfo is None or not (bundle.created - _CLOCKS_DIFFER <= saved
                                    <= now + _CLOCKS_DIFFER):
        raise ValueError("saving time")
    if len(feedback.entries) > len(bundle.entries) or any(
            i not in bundle.entries for i in feedback.entries):
        raise ValueError("entries")
    entries = {}
    for entry_id, on_entry in feedback.entries.items():
        if len(on_entry.passages) > MAX_PASSAGES:
            raise ValueError("passages")
        passages = []
        for p in on_entry.passages:
            if not isinstance(p.at, int) or isinstance(p.at, bool) or not 0 <= p.at <= MAX_AT:
                raise ValueError("position")
            passages.append(Passage(clean_text(p.quote, MAX_QUOTE),
                                    clean_text(p.comment, MAX_COMMENT), p.at))
        checked = EntryFeedback(clean_text(on_entry.comment, MAX_COMMENT), tuple(passages))
        if checked:
            entries[entry_id] = checked
    return Feedback(saved=saved, nonce=clean_text(feedback.nonce, 64),
                    general=clean_text(feedback.general, MAX_COMMENT), entries=entries,
                    imported=feedback.imported)


def checked_bundle(bundle: SentBundle) -> SentBundle:
    """A bundle's record from outside (an import), or ValueError: ids, times with a zone, a
    key of 16 bytes, one-line texts, and its feedback checked like a file's."""
    if not ITEM_ID.fullmatch(bundle.id) or not all(ITEM_ID.fullmatch(i) for i in bundle.entries):
        raise ValueError("ids")
    if bundle.created.tzinfo is None or bundle.created.year < 1950:
        raise ValueError("time")
    if bundle.key is not None and len(bytes.fromhex(bundle.key)) != 16:
        raise ValueError("key")
    if bundle.trajectory is not None and not ITEM_ID.fullmatch(str(bundle.trajectory)):
        raise ValueError("trajectory")
    return replace(bundle, title=one_line(clean_text(bundle.title, 1000)),
                   supervisor=one_line(clean_text(bundle.supervisor, 1000)),
                   feedback=checked_feedback(bundle.feedback, bundle)
                   if bundle.feedback else None)


@dataclass(frozen=True)
class SupervisorWords:
    """One thing the supervisor wrote, where it belongs: for an entry (``entry``), on a
    passage of it (``passage``), or on the whole bundle (``entry`` is None)."""

    bundle: SentBundle
    text: str
    entry: str | None = None
    passage: Passage | None = None

    @property
    def saved(self) -> dt.datetime:
        assert self.bundle.feedback is not None
        return self.bundle.feedback.saved


def words_of(bundle: SentBundle) -> list[SupervisorWords]:
    """Everything the supervisor wrote on ``bundle``: the general note first, then per entry
    in the bundle's order its comment and its passages."""
    feedback = bundle.feedback
    if feedback is None:
        return []
    found = [SupervisorWords(bundle, feedback.general)] if feedback.general.strip() else []
    for entry_id in bundle.entries:
        on_entry = feedback.entries.get(entry_id)
        if on_entry is None:
            continue
        if on_entry.comment.strip():
            found.append(SupervisorWords(bundle, on_entry.comment, entry_id))
        found += [SupervisorWords(bundle, p.comment, entry_id, p) for p in on_entry.passages]
    return found


_MARKS = "*_`#>~"


def locate_passage(body: str, quote: str) -> tuple[int, int] | None:
    """Where a passage the supervisor selected is in the entry as written: ``(start, end)``.

    The quote is the bundle's text (Markdown marks gone, names pseudonymised), so words are
    compared folded with marks and spacing left out; where a pseudonym differs, a piece of the
    quote that is in the text places it and the agreeing parts near there say how far it goes.
    None when it cannot be placed with confidence. Bounded work whatever the sizes: the
    entry view calls this on every open.
    """
    return _locate(_Comparable(body), quote)


class _Comparable:
    """An entry's text as passages are compared with it: folded, marks and spacing left out,
    with where each character was (made once for all the passages of one entry)."""

    def __init__(self, body: str) -> None:
        from .search import fold

        plain, self.where = _plain_with_offsets(body)
        self.text = fold(plain)


def _locate(body: _Comparable, quote: str) -> tuple[int, int] | None:
    from .search import fold

    text, where = body.text, body.where
    wanted = fold(_plain_with_offsets(quote)[0].strip())
    if not wanted or not text:
        return None
    found = text.find(wanted)
    if found >= 0:
        return where[found], where[found + len(wanted) - 1] + 1
    span = _near(text, wanted)
    return (where[span[0]], where[span[1] - 1] + 1) if span else None


_ANCHOR = 12  # characters of the quote looked for as they are
_HEAD = 240  # how much of a long quote places it


def _near(text: str, wanted: str) -> tuple[int, int] | None:
    """``(first, last)`` in ``text`` of a quote that differs from it here and there."""
    from difflib import SequenceMatcher

    head = wanted[:_HEAD]
    guess = next((text.find(piece) - k for k in range(0, max(1, len(head) - _ANCHOR + 1), 4)
                  if "[" not in (piece := head[k:k + _ANCHOR]) and piece in text), None)
    if guess is None:
        return None
    offset = max(0, guess - 40)
    window = text[offset:offset + len(head) + 80]
    blocks = [b for b in SequenceMatcher(None, window, head, autojunk=False).get_matching_blocks()
              if b.size >= 4]
    # What the bundle put in brackets ("[telefoon]", "[plaats]") was never in the entry.
    comparable = len(re.sub(r"\[[^\]]*\]", "", head))
    if not blocks or sum(b.size for b in blocks) < 0.6 * comparable:
        return None
    # Widen to what the quote has before the first and after the last agreeing part (a
    # pseudonym where the name was), then leave out spaces at the edges.
    first = offset + max(0, blocks[0].a - blocks[0].b)
    last = min(len(text), offset + blocks[-1].a + blocks[-1].size
               + len(wanted) - blocks[-1].b - blocks[-1].size)
    while first < last and text[first] == " ":
        first += 1
    while last > first and text[last - 1] == " ":
        last -= 1
    return (first, last) if first < last and last - first <= 2 * len(wanted) + 20 else None


def _plain_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` without Markdown marks and with single spaces, and where each character was."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char in _MARKS:
            continue
        if char.isspace():
            if not chars or chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        where.append(index)
    return "".join(chars), where


MAX_PLACED = 50  # passages bracketed in one entry; more are listed, not placed


def mark_passages(body: str, quotes: list[str]) -> tuple[str, list[bool]]:
    """The entry's text with each placed passage bracketed as ``⟦n … ⟧`` (n from 1, in the
    order given), for showing only; and per quote whether it was placed (at most
    :data:`MAX_PLACED`: opening an entry stays quick whatever came back)."""
    spans = []
    comparable = _Comparable(body)
    for number, quote in enumerate(quotes[:MAX_PLACED], start=1):
        span = _locate(comparable, quote)
        if span and "\n" not in body[span[0]:span[1]]:
            spans.append((span[0], span[1], number))
    placed = {n for _, _, n in spans}
    # From the end, so earlier offsets stay right; overlapping passages keep the first.
    out, limit = body, len(body) + 1
    for start, end, number in sorted(spans, reverse=True):
        if end > limit:
            continue
        out = f"{out[:start]}⟦{number} {out[start:end]} ⟧{out[end:]}"
        limit = start
    return out, [n in placed for n in range(1, len(quotes) + 1)]
