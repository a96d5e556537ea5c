"""Books, talks and shows the professional read or watched, and their authors: no clients.

"Reading In the Realm of Hungry Ghosts by Gabor Maté", "Rereading Irvin Yalom's Love's
Executioner", "Watched a Dan Siegel talk". After a verb of reading, the run of capitalised words
that follows is a work and its author only when it reads as one: a title's first word, an
author's "by", or an author of two names before the title (:func:`_a_work`); one name with a
possessive ("Mia's Care Plan"), a bare name, or what of a person's own is read ("Dot's NHS
number") stays the person's. After watching or listening, a run counts only before a word for
a show or a talk, and never a person's own video. After "by", the author of a title in a
sentence about reading.
"""

from __future__ import annotations

import re

from .letters import CAPITAL

_WORD = CAPITAL + r"[\w'’.-]*[?!]?"
_SMALL = r"(?:of|the|a|an|to|in|and|&|for|with|on|who|was|as|by|at|from|you|is)"
# A title's run: capitalised words with the small words between them.
_RUN = re.compile(_WORD + r"(?:\s+(?:" + _SMALL + r"\s+)*" + _WORD + r"){0,8}")
_READING = re.compile(r"\b(?:read|reading|reread|rereading|re-reading|ordered|bought|borrowed|"
                      r"finished|recommended)(?:\s+|:\s*)(?:(?:a|an|the|her|his|my)\s+)?",
                      re.IGNORECASE)
_WATCHING = re.compile(r"\b(?:watched|watching|watch|listened to|listening to|streaming|binged)\s+"
                       r"(?:(?:a|an|the|her|his|my|some)\s+)?", re.IGNORECASE)
_SHOW_AFTER = re.compile(r"\s+(?:talk|talks|podcast|episode|episodes|special|series|documentary|"
                         r"film|movie|show|video|lecture|webinar|TED talk)\b")
# "The Deepest Well by Nadine Burke Harris", "Burnout by Emily and Amelia Nagoski": an author
# after "by", in a sentence about reading.
_BY = re.compile(r"(?<=[\w?!'’\"”]) by\s+(" + _WORD + r"(?:\s+(?:(?:and|&)\s+)?" + _WORD + r"){0,4})")
_WORK_WORDS = re.compile(r"\b(?:read|reading|reread|rereading|book|novel|memoir|podcast|article|"
                         r"chapter)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]*")


def spans(text: str) -> list[tuple[int, int]]:
    """Where works and their authors are named in ``text``."""
    found = []
    for verb in _READING.finditer(text):
        run = _RUN.match(text, verb.end())
        if run and _a_work(text, run):
            found.append(run.span())
    for verb in _WATCHING.finditer(text):
        run = _RUN.match(text, verb.end())
        if run and _SHOW_AFTER.match(text, run.end()) and not _own_paper(text, run):
            found.append(run.span())
    for by in _BY.finditer(text):
        sentence_start = text.rfind(".", 0, by.start()) + 1
        title = re.search(_WORD + r"$", text[sentence_start:by.start()])  # a title before "by"
        if title and _WORK_WORDS.search(text, sentence_start, by.start()):
            found.append(by.span(1))
    return found


# A title's first word ("The Deepest Well", "In the Realm of Hungry Ghosts", "What Happened to
# You?"); a name never begins so.
_TITLE_OPENING = re.compile(r"(?:The|A|An|In|On|What|How|Why|When|Where|Who|This|My|Our|Your)\s")


# An author read on a subject: "on" and a word of it, not a day, a device or an article ("read
# Jake on the phone the rules").
_ON_A_SUBJECT = re.compile(r"\s+on\s+(?!(?:the|a|an|my|her|his|their|our|your|it|this|that|"
                           r"speaker|loudspeaker|mondays?|tuesdays?|wednesdays?|thursdays?|"
                           r"fridays?|saturdays?|sundays?)\b)[a-z]")


def _a_work(text: str, run: re.Match[str]) -> bool:
    """Is what follows a verb of reading a work: a title by its first word or before its
    author's "by", or an author of two names or more and the title after the possessive
    ("Bryan Stevenson's Just Mercy")? One name's possessive ("Mia's Care Plan") and a bare
    name ("read Kayla Brown the letter") are the person's."""
    if _TITLE_OPENING.match(run.group()) or re.search(r"\sby\s", run.group()):
        return True  # "In the Realm of …", "Deepest Well by Nadine Burke Harris"
    if _ON_A_SUBJECT.match(text, run.end()):
        return True  # "read Ferguson on home visits": an author on a subject
    if (possessive := re.search(r"['’]s?\s+", run.group())) and \
            _TITLE_OPENING.match(run.group(), possessive.end()):
        return True  # "Perry's The Boy Who Was Raised as a Dog": an author's title
    possessive = re.search(r"['’]s?(?=\s)", run.group())
    if possessive is None or _own_paper(text, run):
        return False
    author = run.group()[:possessive.start()].split()
    return len(author) >= 2


# What of a person's own is read or watched: "Jake's file", "Dot's NHS number", "Marisol
# Reyes's Social Security number", "Mia's Care Plan", "Tyler's TikTok video".
_PAPER = re.compile(r"['’]s?\s+(?:[A-Z][\w-]*\s+){0,2}(?:number|no\b|file|notes|report|letter|"
                    r"statement|records?|card|form|plan|history|texts|messages|diary|details|"
                    r"address|passport|licen[cs]e|paperwork|results|referral|assessment|email|"
                    r"post|profile|chart|obs|meds|prescription|video|story|stories|page|"
                    r"account|journal|ehcp|iep)\b", re.IGNORECASE)


def _own_paper(text: str, run: re.Match[str]) -> bool:
    """A name and a possessive before what is the person's own, not a work's title."""
    possessive = re.search(r"['’]s?(?=\s|$)", run.group())
    if possessive is None:
        return False
    if _PAPER.match(text, run.start() + possessive.start()):
        return True
    words = run.group().split()  # "Jake's file": one name before a lower-case word
    return len(words) <= 2 and re.search(r"['’]s$", words[-1]) is not None and \
        re.match(r"\s+[a-z]", text[run.end():]) is not None
