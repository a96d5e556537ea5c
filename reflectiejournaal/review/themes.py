"""Themes as threads through the years: a tag, a phrase, or one of the user's learning questions.

A learning question ("Hoe stel ik grenzen zonder het contact te verliezen?") is followed by its
significant words: an entry belongs to the thread when it contains at least two of them (or
the only one), whatever its trajectory.
"""

from __future__ import annotations

from ..supervision.intentions import sections
from ..journal import Journal, SearchHit
from ..prompts import PromptLibrary, load_library
from ..search import fold

# Common Dutch and English words that say nothing about a theme.
STOP_WORDS = set("""
aan achter alle alleen altijd andere been bij binnen daar daarom dan dat deze die dit doen door
een eens elke want geen goed haar heeft hebben heel hier hoe hun iets ik in is je jij jou kan kun
kunnen laat maar meer mijn misschien moet moeten na naar niet niets nog nu of om omdat ons onze
ook op over steeds te tegen toch tot tussen uit van veel voor waar wat wanneer welke werd wie wil
willen word worden zal zich zijn zo zonder zou zouden
about after again also always another because before being between could doing does during
every going having other should still their there these they thing things those through
under until very what when where which while would your yours without
""".split())


def learning_questions(journal: Journal, trajectory: str | None = None,
                       library: PromptLibrary | None = None) -> list[str]:
    """The lines under "Mijn leervragen" (in any language) in every leervragen entry, or its
    whole text."""
    library = library or load_library()
    prompt_set = library.sets.get("leervragen")
    heading = next((p for p in prompt_set.prompts if p.id == "leervragen"), None) \
        if prompt_set else None
    found: list[str] = []
    chosen = [s for s in journal.summaries(kind="learning_goals")
              if trajectory is None or s.trajectory == trajectory]
    for _, body in journal.bodies(chosen):
        text = (heading.answer_in(sections(body)) if heading else "") or body
        found += [line.strip("-*• ").strip() for line in text.splitlines() if line.strip()]
    return list(dict.fromkeys(found))


def key_words(question: str) -> list[str]:
    words = [w.strip(".,;:!?()\"'“”‘’") for w in fold(question).split()]
    return list(dict.fromkeys(w for w in words if len(w) >= 5 and w not in STOP_WORDS))


def question_thread(journal: Journal, question: str) -> list[SearchHit]:
    """Entries touching a learning question, oldest first (the leervragen themselves aside)."""
    words = key_words(question)
    if not words:
        return []
    needed = min(2, len(words))
    hits: dict[str, tuple[int, SearchHit]] = {}
    for word in words:
        for hit in journal.search(word):
            count, first = hits.get(hit.summary.id, (0, hit))
            hits[hit.summary.id] = (count + 1, first)
    chosen = [hit for count, hit in hits.values()
              if count >= needed and hit.summary.kind != "learning_goals"]
    return sorted(chosen, key=lambda h: h.summary.sort_key)
