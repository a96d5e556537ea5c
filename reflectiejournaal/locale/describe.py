"""Domain values in words: errors, dates, periods, meetings, what a piece of writing is for."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..errors import JournalError
from .catalogue import has, t, tn

if TYPE_CHECKING:
    from ..feedback import Feedback, SentBundle, SupervisorWords
    from ..prompts import PromptSetProblem


def reason(code: object) -> str:
    """A reason code from the domain in words, or the code as is."""
    return _known(f"reason.{code}", str(code))


def _known(key: str, otherwise: str, **values: object) -> str:
    """The message for a key made from a code, or ``otherwise`` for a code without one."""
    return t(key, **values) if has(key) else otherwise


def describe(error: JournalError) -> str:
    """The clear message for a domain error, with the field and line where they are known."""
    values = dict(error.details)
    if "reason" in values:  # a reason may name the details too ("kies van 1 tot en met 50")
        code = values["reason"]
        values["reason"] = _known(f"reason.{code}", str(code), **values)
    text = t(error.key, **values)
    if values.get("field"):  # the field by the name people know it by, where there is one
        values["field"] = _known(f"field.{values['field']}", str(values["field"]))
    where = [t(f"error.detail.{k}", **{k: values[k]}) for k in ("field", "line") if values.get(k)]
    if error.key == "error.invalid_entry" and where:
        text = f"{text.rstrip('.')} ({', '.join(where)})."
    return text


def describe_prompt_problem(problem: PromptSetProblem) -> str:
    """A prompt set left out at load, with file, line and field where they are known."""
    where = []
    if problem.line is not None:
        where.append(t("prompts.where.line", line=problem.line))
    if problem.field:
        where.append(t("prompts.where.field", field=problem.field))
    text = t(f"prompts.problem.{problem.problem}", detail=problem.detail)
    return t("prompts.problem", path=problem.path,
             where=f" ({', '.join(where)})" if where else "", problem=text)


def describe_part(key: str, titles: dict[str, str]) -> str:
    """Where in a bundle a finding is: ‘tekst van ‘Casus’’, ‘begeleidende notitie’."""
    source, _, rest = key.partition(":")
    if source == "entry":
        entry_id, _, part = rest.partition(":")
        return t(f"part.{part}", title=titles.get(entry_id, entry_id))
    return t(f"part.{rest}")


def describe_attention(kind: str, value: object) -> str:
    """One line of the dashboard's "Let op" list."""
    if kind == "anomaly":
        anomaly = value
        what = item_name(anomaly.item_type, anomaly.title)  # type: ignore[attr-defined]
        if anomaly.title is None:  # type: ignore[attr-defined]
            what += f" {anomaly.item_id}"  # type: ignore[attr-defined]
        return t(f"attention.{anomaly.kind}", what=what)  # type: ignore[attr-defined]
    if isinstance(value, int):  # how many damaged files or conflict copies
        return tn(f"attention.{kind}", value)
    return t(f"attention.{kind}")


def item_name(item_type: str | None, title: str | None) -> str:
    """How to recognise an item: an entry's title, else what kind of item it is."""
    if title:
        return f"‘{title}’"
    if item_type is None:
        return t("item.unknown")
    return _known(f"item.{item_type}", item_type)


def role_name(role: str) -> str:
    """A meeting's role in a list; a regular meeting has none to show."""
    return "" if role == "regulier" else t(f"role.{role}")


def kind_name(kind: str) -> str:
    return t(f"kind.{kind}")


def short_date(day: dt.date) -> str:
    """‘do 30-11’: the weekday and the day, the way a meeting is named in a diary."""
    return f"{t(f'weekday.{day.weekday()}')} {day:%d-%m}"


def long_date(day: dt.date) -> str:
    """‘7 januari 2026’."""
    return f"{day.day} {t(f'month.long.{day.month}')} {day.year}"


def describe_period(start: dt.date | None, end: dt.date | None) -> str:
    """‘Van 1 januari 2026 tot en met 31 december 2026.’: how the typed dates were read."""
    if start and end:
        return t("period.range", start=long_date(start), end=long_date(end))
    if start:
        return t("period.since", start=long_date(start))
    if end:
        return t("period.until", end=long_date(end))
    return t("period.everything")


def describe_bucket(start: dt.date, size: str, long: bool = False) -> str:
    """A bar of the activity chart: ‘nov’ (or ‘nov 2026’), ‘K3 ’25’, ‘2024’."""
    if size == "year":
        return str(start.year)
    if size == "quarter":
        return t("review.quarter", quarter=(start.month - 1) // 3 + 1, year=f"{start.year % 100:02}")
    month = t(f"month.short.{start.month}")
    return f"{month} {start.year}" if long else month


def describe_meeting(trajectory_title: str, number: int, day: dt.date) -> str:
    """‘bijeenkomst 4 · Supervisie bij Marieke · do 30-11’."""
    return " · ".join((t("link.meeting", number=number), trajectory_title, short_date(day)))


def describe_writing(kind: str, trajectory_title: str | None = None, number: int | None = None,
                     day: dt.date | None = None) -> str:
    """What a piece of writing is for: ‘Casus · bijeenkomst 4 · Supervisie bij Marieke · do 30-11’."""
    parts = [t(f"kind.short.{kind}")]
    if trajectory_title is not None and number is not None and day is not None:
        parts.append(describe_meeting(trajectory_title, number, day))
    elif trajectory_title is not None:
        parts.append(trajectory_title)
    return " · ".join(parts)


def describe_bundle_state(bundle: SentBundle) -> str:
    """Whether feedback came back on a bundle: how many comments and when, or why not."""
    if bundle.feedback is not None:
        return tn("feedback.state_comments", bundle.feedback.comment_count(),
                  saved=f"{bundle.feedback.saved.astimezone():%d-%m-%Y}")
    return t("feedback.state_waiting") if bundle.key else t("feedback.state_not_sealed")


def describe_where(words: SupervisorWords, titles: dict[str, str]) -> str:
    """Where something the supervisor wrote belongs: the bundle, an entry, a passage of one."""
    if words.entry is None:
        return t("feedback.where_general")
    title = titles.get(words.entry, words.entry)
    if words.passage is not None:
        return t("feedback.where_passage", title=title)
    return t("feedback.where_entry", title=title)


def describe_import(outcome: str, bundle: SentBundle, feedback: Feedback,
                    kept: Feedback | None) -> str:
    """What importing a feedback file did: new, newer than what was kept, the same, older."""
    def when(moment: dt.datetime) -> str:
        return f"{moment.astimezone():%d-%m-%Y %H:%M}"

    return t(f"cli.feedback_{outcome}", title=bundle.title,
             supervisor=bundle.supervisor or t("feedback.supervisor"),
             comments=tn("count.comments", feedback.comment_count()),
             saved=when(feedback.saved), kept=when(kept.saved) if kept else "")
