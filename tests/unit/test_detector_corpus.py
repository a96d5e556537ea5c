"""The detector measured on the annotated corpus, with the targets of issue 9 as its floor.

benchmarks/bench_detector.py prints the whole table (recorded in docs/performance.md); this
test fails when a change makes the detector miss more or cry wolf more than the targets allow.
"""

from __future__ import annotations

from benchmarks.bench_detector import (
    CLEAN_FALSE_POSITIVE_TARGET, TARGETS, TODAY, evaluate, load_corpus, table,
)
from reflectiejournaal.bundle.detector import Detector
from reflectiejournaal.clients import ClientList


def test_the_corpus_is_big_and_varied_enough():
    fragments, clients = load_corpus()
    assert len(fragments) >= 150
    assert sum(not f.annotations for f in fragments) >= 40  # clean but tricky texts
    assert sum(f.variant == "be" for f in fragments) >= 25  # Flemish
    assert len(clients.clients) >= 5


def test_recall_and_false_positives_meet_the_targets(language):
    fragments, clients = load_corpus()
    empty = evaluate(fragments, Detector(ClientList(), TODAY, language), clients)
    listed = evaluate(fragments, Detector(clients, TODAY, language), clients)
    shown = table(empty, listed)
    for group, floor in TARGETS.items():
        assert empty.recall(group) >= floor, shown
        assert listed.recall(group) >= floor, shown
    assert listed.recall("person (on the list)") >= 0.98, shown
    assert empty.clean_false_positive_rate <= CLEAN_FALSE_POSITIVE_TARGET, shown
    assert listed.clean_false_positive_rate <= CLEAN_FALSE_POSITIVE_TARGET, shown
