"""A terugblik: looking back over a period, with what was written in it gathered alongside.

The review entry itself ends with a list of the entries it looked back on, so the link
survives export and import like the rest of the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..feedback import SupervisorWords
from ..index import EntrySummary, Filters
from ..supervision.intentions import Intention, collect_intentions, sections
from ..journal import Journal
from ..locale import kind_name, t
from ..prompts import PromptLibrary
from .themes import learning_questions


@dataclass(frozen=True)
class Gathered:
    start: dt.date | None
    end: dt.date | None
    entries: list[EntrySummary]  # oldest first
    intentions: list[Intention]
    learning_questions: list[str]
    passages: list[tuple[EntrySummary, str]]  # key passage per entry
    supervisor: list[SupervisorWords] = field(default_factory=list)  # on entries in the period

    def as_markdown(self) -> str:
        """The material shown beside the prompts."""
        lines = [f"### {t('terugblik.intentions')}", ""]
        lines += [f"- {i.created:%d-%m-%Y}: {' '.join(i.text.split())}"
                  + (f" — *{' '.join(i.review_text.split())}*" if i.reviewed else "")
                  for i in self.intentions] or [t("terugblik.none")]
        lines += ["", f"### {t('terugblik.learning_questions')}", ""]
        lines += [f"- {q}" for q in self.learning_questions] or [t("terugblik.none")]
        lines += ["", f"### {t('terugblik.passages')}", ""]
        lines += [f"- **{s.created:%d-%m-%Y} {kind_name(s.kind)}**: {passage}"
                  for s, passage in self.passages] or [t("terugblik.none")]
        if self.supervisor:
            titles = {s.id: s.title for s in self.entries}
            lines += ["", f"### {t('terugblik.supervisor')}", ""]
            # The supervisor's words as text, never as Markdown: every mark escaped.
            lines += [f"- **{w.saved.astimezone():%d-%m-%Y}** "
                      f"{literal(titles.get(w.entry or '', '') or t('feedback.where_general'))}: "
                      f"{literal(' '.join(w.text.split()))}" for w in self.supervisor]
        return "\n".join(lines)

    def links_section(self) -> str:
        """Appended to the review entry: what it looked back on."""
        period = t("terugblik.period", start=_date(self.start), end=_date(self.end))
        lines = [f"## {t('terugblik.looked_back')}", "", period, ""]
        lines += [f"- {s.created:%Y-%m-%d} {kind_name(s.kind)}: {s.title}" for s in self.entries]
        return "\n".join(lines) + "\n"


def gather(journal: Journal, library: PromptLibrary, start: dt.date | None, end: dt.date | None,
           trajectory: str | None = None) -> Gathered:
    filters = Filters(start=start, end=end, trajectory=trajectory)
    entries = sorted(journal.summaries(filters=filters), key=lambda s: s.sort_key)
    in_period = {s.id for s in entries}
    intentions = [i for i in collect_intentions(journal.trajectory_entries(), library)
                  if i.source_entry in in_period]
    questions = learning_questions(journal, trajectory, library)
    passages = [(s, passage) for s, body in journal.bodies(entries)
                if (passage := _key_passage(body, library)) and s.kind != "learning_goals"]
    in_bundles = [w for w in journal.supervisor_words()
                  if (w.entry in in_period) or (w.entry is None and in_period & set(w.bundle.entries))]
    return Gathered(start, end, entries, intentions, questions, passages, in_bundles)


def literal(text: str) -> str:
    """Text shown as it is in Markdown: every ASCII punctuation mark escaped (CommonMark)."""
    return "".join(f"\\{c}" if c in _PUNCTUATION else c for c in text)


_PUNCTUATION = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")


# The answers that carry the most of a reflection, in order of preference: (set, prompt).
KEY_PROMPTS = (("reflectieverslag", "gedaan-met-mij"), ("korthagen-alact", "bewustwording"),
               ("casusinbreng", "vraag"), ("gedragsexperiment", "geleerd"), ("starr", "reflectie"),
               ("gibbs", "conclusie"))


def _key_passage(body: str, library: PromptLibrary, limit: int = 160) -> str:
    found = sections(body)
    text = next((answer for set_id, prompt_id in KEY_PROMPTS
                 if (answer := _answer(library, set_id, prompt_id, found))), "")
    if not text:
        from ..index import first_text_line

        text = first_text_line(body, limit)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _answer(library: PromptLibrary, set_id: str, prompt_id: str, found: dict[str, str]) -> str:
    prompt_set = library.sets.get(set_id)
    prompt = next((p for p in prompt_set.prompts if p.id == prompt_id), None) if prompt_set else None
    return prompt.answer_in(found) if prompt else ""


def _date(day: dt.date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else "…"
