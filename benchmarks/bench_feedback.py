"""How long placing a supervisor's passage in an entry takes, at its worst.

    .venv/bin/python benchmarks/bench_feedback.py [--runs 5]

The entry view places every passage each time an entry is opened (``feedback.locate_passage``),
so its time must stay small whatever a file holds: a 200 KB entry, 2,000-character quotes that
are nowhere, that nearly match, or that repeat one letter. Target: each case under 50 ms.
Results are printed as a Markdown table for docs/performance.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from reflectiejournaal.feedback import locate_passage, mark_passages


def cases() -> dict[str, tuple[str, str]]:
    random.seed(14)
    words = ("ik merkte dat de cliënt boos werd en ik te snel een oplossing gaf waarna het "
             "gesprek stokte").split()
    body = " ".join(random.choice(words) for _ in range(40_000))  # about 200 KB
    return {
        "found as it is": (body, body[90_000:92_000]),
        "names pseudonymised": (body, body[90_000:92_000].replace("cliënt", "[persoon]")),
        "same words, other order (nowhere)": (body, " ".join(random.choice(words)
                                                             for _ in range(300))[:2_000]),
        "one letter repeated (worst case for difflib)": ("a" * 200_000, "a" * 1_999 + "b"),
        "not in the text at all": (body, "x" * 2_000),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print("| case (200 KB entry, 2,000-character quote) | median | target |")
    print("|---|---:|---|")
    for name, (body, quote) in cases().items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            locate_passage(body, quote)
            times.append(time.perf_counter() - start)
        median = statistics.median(times) * 1000
        print(f"| {name} | {median:.1f} ms | < 50 ms {'✓' if median < 50 else '✗'} |")
    # An entry view: every passage of every file on the entry, 200 of them (one file's limit).
    body, quote = cases()["same words, other order (nowhere)"]
    times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        mark_passages(body, [quote] * 200)
        times.append(time.perf_counter() - start)
    median = statistics.median(times) * 1000
    print(f"| opening the entry with 200 such passages | {median:.0f} ms | < 300 ms "
          f"{'✓' if median < 300 else '✗'} |")


if __name__ == "__main__":
    main()
