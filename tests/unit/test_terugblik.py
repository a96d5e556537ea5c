"""Gathering a period for a terugblik: intentions, learning questions, key passages, links."""

from __future__ import annotations

import datetime as dt

from reflectiejournaal.model import Entry
from reflectiejournaal.prompts import compose_body, load_library
from reflectiejournaal.review.terugblik import gather

TZ = dt.timezone(dt.timedelta(hours=1))
LIB = load_library()


def add(journal, n: int, month: int, kind: str, prompt_set: str, answers: dict) -> None:
    moment = dt.datetime(2026, month, 1, 20, tzinfo=TZ)
    body = compose_body(LIB.sets[prompt_set], answers)
    journal.save(Entry(f"{n:016x}", kind, f"Tekst {n}", moment, moment, body,
                       trajectory="000000000000000a", meeting=n, prompt_set=prompt_set))


def test_gathering_a_period(journal):
    add(journal, 1, 1, "learning_goals", "leervragen", {"leervragen": "- Grenzen stellen\n- Doorvragen"})
    add(journal, 2, 2, "reflection", "reflectieverslag",
        {"gedaan-met-mij": "Ik schrok van mijn eigen boosheid.", "voornemen": "Eerst doorvragen."})
    add(journal, 3, 3, "case", "casusinbreng", {"vraag": "Hoe blijf ik rustig?"})
    add(journal, 4, 9, "reflection", "reflectieverslag", {"voornemen": "Buiten de periode."})
    gathered = gather(journal, LIB, dt.date(2026, 2, 1), dt.date(2026, 6, 30))
    assert [s.id[-1] for s in gathered.entries] == ["2", "3"]
    assert [i.text for i in gathered.intentions] == ["Eerst doorvragen."]
    assert gathered.learning_questions == ["Grenzen stellen", "Doorvragen"]
    assert [p for _, p in gathered.passages] == ["Ik schrok van mijn eigen boosheid.", "Hoe blijf ik rustig?"]
    side = gathered.as_markdown()
    assert "Eerst doorvragen." in side and "Grenzen stellen" in side and "Hoe blijf ik rustig?" in side
    links = gathered.links_section()
    assert links.startswith("## Teruggekeken op\n\nPeriode: 01-02-2026 tot en met 30-06-2026.")
    assert "- 2026-02-01 reflectie: Tekst 2\n" in links and "Tekst 4" not in links
    assert "`" not in links and "000000" not in links  # titles, not raw ids


def test_a_learning_question_is_followed_across_trajectories(journal):
    from reflectiejournaal.review.themes import key_words, learning_questions, question_thread

    add(journal, 1, 1, "learning_goals", "leervragen",
        {"leervragen": "- Hoe stel ik grenzen zonder het contact te verliezen?"})
    moment = lambda m: dt.datetime(2026, m, 2, 20, tzinfo=TZ)  # noqa: E731
    journal.save(Entry("00000000000000a2", "case", "A", moment(2), moment(2),
                       "Ik durfde geen grenzen te stellen; het contact leek belangrijker.",
                       trajectory="000000000000000b"))
    journal.save(Entry("00000000000000a3", "note", "B", moment(3), moment(3), "Alleen grenzen."))
    journal.save(Entry("00000000000000a4", "reflection", "C", moment(4), moment(4),
                       "Grenzen stellen en toch contact houden lukte."))
    [question] = learning_questions(journal)
    assert key_words(question) == ["grenzen", "contact", "verliezen"]
    assert [h.summary.id for h in question_thread(journal, question)] == [
        "00000000000000a2", "00000000000000a4"]  # two of its words at least, oldest first


def test_the_supervisors_words_are_gathered_as_text(journal):
    from reflectiejournaal.bundle.feedback_file import open_feedback, seal_feedback
    from reflectiejournaal.bundle.html import new_bundle_key
    from reflectiejournaal.feedback import SentBundle

    add(journal, 2, 2, "reflection", "reflectieverslag", {"voornemen": "Eerst doorvragen."})
    add(journal, 4, 9, "reflection", "reflectieverslag", {"voornemen": "Buiten de periode."})
    moment = dt.datetime(2026, 3, 1, 12, tzinfo=TZ)
    bundle = SentBundle("00000000000000b1", moment, "html-encrypted",
                        [f"{2:016x}", f"{4:016x}"], key=new_bundle_key().hex())
    journal.record_bundle(bundle)
    data = seal_feedback(bundle, "Over alles.", {
        f"{2:016x}": {"comment": "Goed dat je [doorvroeg](http://x) **echt**."},
        f"{4:016x}": {"comment": "Later in het jaar."}})
    journal.accept_feedback(*open_feedback(data, journal.sent_bundles()))
    side = gather(journal, LIB, dt.date(2026, 2, 1), dt.date(2026, 6, 30)).as_markdown()
    assert "### Wat je supervisor terugschreef" in side
    assert "Tekst 2: Goed dat je \\[doorvroeg\\]\\(http\\:\\/\\/x\\) \\*\\*echt\\*\\*\\." in side
    assert "Over alles\\." in side  # the bundle's general comment: its entries are in the period
    assert "Later in het jaar" not in side  # on an entry outside the period
