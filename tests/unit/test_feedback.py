"""The supervisor's feedback: the vault's record of a bundle, the sealed feedback file, and
where the supervisor's words are shown (apart from the user's own, always as text)."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from reflectiejournaal.bundle.feedback_file import (
    MAX_FILE_BYTES,
    FeedbackProblem,
    open_feedback,
    seal_feedback,
)
from reflectiejournaal.bundle.html import new_bundle_key
from reflectiejournaal.feedback import SentBundle, locate_passage, mark_passages
from reflectiejournaal.journal import Journal
from reflectiejournaal.journal.sent import NEW, OLDER, SAME, UPDATED
from reflectiejournaal.model import Entry
from reflectiejournaal.review.terugblik import literal
from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE, cheap_kdf

UTC = dt.timezone.utc
MOMENT = dt.datetime(2026, 11, 2, 20, tzinfo=UTC)
CASE = Entry("00000000000000c1", "case", "Casus", MOMENT, MOMENT,
             "## Situatie\n\nJan belde vanaf 06-12345678. Ik merkte dat ik **te snel** een "
             "oplossing gaf.\n")
REFLECTION = Entry("00000000000000c2", "reflection", "Reflectie", MOMENT, MOMENT,
                   "Ik was onrustig tijdens het gesprek.\n")


@pytest.fixture
def journal(tmp_path) -> Journal:
    vault, _ = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    journal = Journal(vault, None)
    journal.save(CASE)
    journal.save(REFLECTION)
    return journal


def sent(journal: Journal, bundle_id: str = "00000000000000b1") -> SentBundle:
    bundle = SentBundle(bundle_id, MOMENT, "html-encrypted", [CASE.id, REFLECTION.id],
                        title="Bundel: Supervisie", supervisor="Anna de Vries",
                        key=new_bundle_key().hex())
    journal.record_bundle(bundle)
    return bundle


def at(minutes: int) -> dt.datetime:
    return dt.datetime(2026, 11, 20, 9, minutes, tzinfo=UTC)


def feedback_file(bundle: SentBundle, minutes: int = 0, **content) -> bytes:
    entries = content.pop("entries", {CASE.id: {"comment": "Wat deed dit met je?", "passages": [
        {"quote": "te snel een oplossing gaf", "at": 40, "comment": "Herken je dit?"}]}})
    return seal_feedback(bundle, content.pop("general", "Mooie ontwikkeling."), entries,
                         saved=at(minutes))


def test_the_vault_remembers_each_bundle_encrypted(journal, tmp_path):
    bundle = sent(journal)
    assert journal.sent_bundles() == [bundle]
    for item in (tmp_path / "kluis").rglob("*"):
        if item.is_file():
            assert bundle.key.encode() not in item.read_bytes()  # the key only encrypted
            assert b"Anna de Vries" not in item.read_bytes()


def test_a_feedback_file_is_imported_once_and_a_newer_one_replaces_it(journal):
    bundle = sent(journal)
    first = feedback_file(bundle, minutes=0)
    found, feedback = open_feedback(first, journal.sent_bundles())
    assert found.id == bundle.id
    assert journal.accept_feedback(found, feedback) == NEW
    again, same = open_feedback(first, journal.sent_bundles())
    assert journal.accept_feedback(again, same) == SAME
    newer = feedback_file(bundle, minutes=5, general="Na het gesprek: nog één punt.")
    found, feedback = open_feedback(newer, journal.sent_bundles())
    assert journal.accept_feedback(found, feedback) == UPDATED
    # A replay of the first file later on: older than what is kept, nothing changes.
    found, replayed = open_feedback(first, journal.sent_bundles())
    assert journal.accept_feedback(found, replayed) == OLDER
    kept = journal.sent_bundles()[0].feedback
    assert kept.general == "Na het gesprek: nog één punt."


def test_the_words_are_kept_apart_and_found_by_entry_and_by_search(journal):
    bundle = sent(journal)
    journal.accept_feedback(*open_feedback(feedback_file(bundle), journal.sent_bundles()))
    on_case = journal.supervisor_words(CASE.id)
    assert [(w.text, w.passage.quote if w.passage else None) for w in on_case] == [
        ("Wat deed dit met je?", None), ("Herken je dit?", "te snel een oplossing gaf")]
    assert journal.supervisor_words(REFLECTION.id) == []
    assert [w.entry for w in journal.supervisor_words()] == [None, CASE.id, CASE.id]
    # Search: the supervisor's words in their own list; the user's search is unchanged.
    assert journal.search("herken") == []
    [(words, snippet, span)] = journal.search_supervisor("herken")
    assert words.entry == CASE.id and snippet[span[0]:span[1]] == "Herken"
    assert journal.search_supervisor("onrustig") == []  # the user's text is not theirs


def test_another_vaults_bundle_a_changed_file_and_a_moved_file_are_refused(journal, tmp_path):
    bundle = sent(journal)
    other = SentBundle("00000000000000b9", MOMENT, "html-encrypted", bundle.entries,
                       key=new_bundle_key().hex())
    with pytest.raises(FeedbackProblem) as refused:
        open_feedback(feedback_file(other), journal.sent_bundles())
    assert refused.value.details["reason"] == "feedback_unknown_bundle"

    good = json.loads(feedback_file(bundle))
    sealed = bytearray(base64.b64decode(good["ciphertext"]))
    sealed[5] ^= 1
    changed = json.dumps({**good, "ciphertext": base64.b64encode(bytes(sealed)).decode()})
    header = json.loads(base64.b64decode(good["header"]))
    fewer = {**header, "entries": [CASE.id]}  # claims to be on other entries
    later = {**header, "saved": "2030-01-01T00:00:00.000Z"}  # claims to be newer
    second = sent(journal, "00000000000000b2")  # moved to another bundle of this vault
    moved = {**header, "bundle": second.id, "entries": second.entries}
    for tampered in [changed.encode()] + [json.dumps({
            **good, "header": base64.b64encode(json.dumps(h).encode()).decode()}).encode()
            for h in (fewer, later, moved)]:
        with pytest.raises(FeedbackProblem) as refused:
            open_feedback(tampered, journal.sent_bundles())
        assert refused.value.details["reason"] == "feedback_tampered"


def test_what_is_not_a_feedback_file_says_so(journal):
    bundle = sent(journal)
    for data, reason in [(b"hallo", "feedback_not_a_file"),
                         (b"{}", "feedback_not_a_file"),
                         (json.dumps({"header": "!!", "ciphertext": ""}).encode(),
                          "feedback_not_a_file"),
                         (b" " * (MAX_FILE_BYTES + 1), "feedback_too_large")]:
        with pytest.raises(FeedbackProblem) as refused:
            open_feedback(data, [bundle])
        assert refused.value.details["reason"] == reason


def test_the_supervisors_text_loses_control_characters_and_may_not_be_huge(journal):
    bundle = sent(journal)
    hostile = feedback_file(bundle, general="Goed\x1b[2J\x1b]0;titel\x07 gedaan\r\nregel 2\x00")
    _, feedback = open_feedback(hostile, [bundle])
    assert feedback.general == "Goed[2J]0;titel gedaan\nregel 2"
    with pytest.raises(FeedbackProblem) as refused:
        open_feedback(feedback_file(bundle, general="x" * 20_001), [bundle])
    assert refused.value.details["reason"] == "feedback_content"
    with pytest.raises(FeedbackProblem):  # a comment on an entry that was not in the bundle
        open_feedback(feedback_file(bundle, entries={"00000000000000ff": {"comment": "?"}}),
                      [bundle])


def test_a_passage_is_found_in_the_entry_as_written():
    body = CASE.body
    start, end = locate_passage(body, "te snel een oplossing gaf")
    assert body[start:end] == "te snel** een oplossing gaf"
    # The bundle said "Kees" and "[telefoon]" where the entry says Jan and the number.
    start, end = locate_passage(body, "Kees belde vanaf [telefoon].")
    assert body[start:end].startswith("Jan belde vanaf 06-12345678")
    assert locate_passage(body, "iets wat er helemaal niet staat") is None
    marked, placed = mark_passages(body, ["Ik merkte dat", "niet te vinden hier"])
    assert "⟦1 Ik merkte dat ⟧" in marked and placed == [True, False]


def test_the_supervisors_words_are_literal_in_markdown():
    assert literal("[klik](javascript:x) **vet** <b>") == (
        "\\[klik\\]\\(javascript\\:x\\) \\*\\*vet\\*\\* \\<b\\>")


def test_bundles_and_their_feedback_go_out_and_come_back(journal, tmp_path):
    from reflectiejournaal.transfer.export import export_all
    from reflectiejournaal.transfer.importer import import_directory

    bundle = sent(journal)
    journal.accept_feedback(*open_feedback(feedback_file(bundle), journal.sent_bundles()))
    report = export_all(journal, tmp_path / "export")
    assert report.bundles == 1
    vault, _ = Vault.create(tmp_path / "nieuw", PASSPHRASE, kdf=cheap_kdf())
    again = Journal(vault, None)
    assert import_directory(again, tmp_path / "export").bundles_new == 1
    assert [(w.entry, w.text) for w in again.supervisor_words()] == [
        (w.entry, w.text) for w in journal.supervisor_words()]
    # Feedback saved after the move still opens: the key came along.
    later = feedback_file(bundle, minutes=30, general="Later nog.")
    assert again.accept_feedback(*open_feedback(later, again.sent_bundles())) == UPDATED
    assert import_directory(again, tmp_path / "export").bundles_new == 0  # twice: nothing
    assert again.sent_bundles()[0].feedback.general == "Later nog."  # the older not taken


def test_a_file_nested_thousands_deep_or_reordering_text_is_handled(journal):
    bundle = sent(journal)
    with pytest.raises(FeedbackProblem) as refused:
        open_feedback(b"[" * 100_000 + b"]" * 100_000, [bundle])
    assert refused.value.details["reason"] == "feedback_not_a_file"
    _, feedback = open_feedback(feedback_file(bundle, general="goed \u202edaan\u202c!"), [bundle])
    assert feedback.general == "goed daan!"


@pytest.mark.parametrize("keep", ["current", "copy"])
@pytest.mark.parametrize("copy_is_newer", [True, False])
def test_two_devices_importing_feedback_keep_the_newer_whatever_is_chosen(journal, keep,
                                                                          copy_is_newer):
    """A sync tool's conflict copy of a bundle's record: the newer feedback stays."""
    from dataclasses import replace

    from reflectiejournaal.journal import BUNDLE
    from reflectiejournaal.vault.files import ITEMS_DIR

    bundle = sent(journal)
    old = open_feedback(feedback_file(bundle, minutes=1, general="Oud."), [bundle])[1]
    new = open_feedback(feedback_file(bundle, minutes=9, general="Nieuw."), [bundle])[1]
    first, second = (new, old) if copy_is_newer else (old, new)
    items = journal.vault.path / ITEMS_DIR
    journal._write_item(bundle.id, BUNDLE, replace(bundle, feedback=first).to_bytes())
    copy_path = items / f"{bundle.id}.sync-conflict-1.rj"
    copy_path.write_bytes((items / f"{bundle.id}.rj").read_bytes())  # the other device's
    journal._write_item(bundle.id, BUNDLE, replace(bundle, feedback=second).to_bytes())
    reopened = Journal(journal.vault, None)
    [copy] = reopened.conflicts
    reopened.resolve_conflict(copy, keep)
    assert Journal(journal.vault, None).sent_bundles()[0].feedback.general == "Nieuw."
    assert not copy_path.exists()


def test_a_saving_time_far_off_or_a_position_that_is_no_number_is_refused(journal):
    """Whoever has the code could otherwise date a file in year 9999: every real later file
    would look older, and the date cannot be shown east of UTC."""
    bundle = sent(journal)
    for saved in (dt.datetime(9999, 12, 31, 23, 59, tzinfo=UTC),
                  dt.datetime(2001, 1, 1, tzinfo=UTC)):  # before the bundle was made
        with pytest.raises(FeedbackProblem) as refused:
            open_feedback(seal_feedback(bundle, "Ver weg.", saved=saved), [bundle])
        assert refused.value.details["reason"] == "feedback_content"
    for at in (float("inf"), -5, "3", True):
        data = seal_feedback(bundle, "", {CASE.id: {"comment": "", "passages": [
            {"quote": "te snel", "at": at, "comment": "?"}]}}, saved=at_(1))
        with pytest.raises(FeedbackProblem) as refused:
            open_feedback(data, [bundle])
        assert refused.value.details["reason"] == "feedback_content"


def at_(minutes: int) -> dt.datetime:
    return dt.datetime.now(UTC) - dt.timedelta(minutes=minutes)


def test_bundles_from_an_import_folder_are_checked_like_a_file(journal, tmp_path):
    """An export folder is input too: its bundles' texts are cleaned, times need a zone and a
    sane range, and a folder nested deep is refused without stopping the rest."""
    from reflectiejournaal.transfer.importer import import_directory

    folder = tmp_path / "export" / "bundels"
    folder.mkdir(parents=True)
    hostile = json.loads(sent(journal, "00000000000000b5").to_bytes())
    hostile["id"] = "00000000000000b6"
    hostile["supervisor"] = "Anna\x1b]0;titel\x07"
    hostile["feedback"] = {"saved": at(3).isoformat(), "nonce": "eA==", "general": "Hoi\x1b[2J",
                           "entries": {CASE.id: {"comment": "\x1b]52;c;Z2Vr\x07kijk",
                                                 "passages": []}}}
    (folder / "00000000000000b6.json").write_text(json.dumps(hostile))
    naive = {**hostile, "id": "00000000000000b7", "created": "2026-11-02T20:00:00"}
    (folder / "00000000000000b7.json").write_text(json.dumps(naive))
    future = {**hostile, "id": "00000000000000b8",
              "feedback": {**hostile["feedback"], "saved": "9999-12-31T23:59:00+00:00"}}
    (folder / "00000000000000b8.json").write_text(json.dumps(future))
    (folder / "00000000000000b9.json").write_text("[" * 100_000 + "]" * 100_000)
    report = import_directory(journal, tmp_path / "export")
    assert report.bundles_new == 1
    assert sorted(p.name for p, _ in report.failed) == [
        "00000000000000b7.json", "00000000000000b8.json", "00000000000000b9.json"]
    kept = journal.sent_bundle("00000000000000b6")
    assert kept.supervisor == "Anna]0;titel"
    assert [w.text for w in journal.supervisor_words()] == ["Hoi[2J", "]52;c;Z2Vrkijk"]
