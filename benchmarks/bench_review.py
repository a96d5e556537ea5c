"""Reading back at scale: timeline, search (cold, warm, filtered) and the balance, at 10,000.

    .venv/bin/python benchmarks/bench_review.py [--size 10000] [--runs 5]

Builds a synthetic vault (a third of the entries written with the NIP prompt set), then times,
each the median of several runs: opening the timeline screen (headless app, until its tree is
built), a first search after unlock (the text section of the cache is read), a warm search,
a filtered search, and the balance computation.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.bench_vault import (  # noqa: E402
    COMMON_WORD, PASSPHRASE, build, synthetic_entries, timed,
)
from reflectiejournaal.review import balance  # noqa: E402
from reflectiejournaal.app import ReflectieApp  # noqa: E402
from reflectiejournaal.index import Filters  # noqa: E402
from reflectiejournaal.journal import Journal  # noqa: E402
from reflectiejournaal.prompts import compose_body, load_library  # noqa: E402
from reflectiejournaal.vault.store import Vault  # noqa: E402


def add_nip_entries(folder: Path, code: str, count: int) -> None:
    library = load_library()
    nip = library.sets["nip-vier-aspecten"]
    vault = Vault.recover(folder, code)
    journal = Journal(vault, None)
    for n, entry in enumerate(synthetic_entries(count, seed=3)):
        answers = {p.id: entry.body[:400] for i, p in enumerate(nip.prompts) if (n + i) % 4}
        journal.save(entry.edited(body=compose_body(nip, answers), prompt_set=nip.id,
                                  kind="reflection"))
    vault.release_lock()


async def screen_seconds(folder: Path, cache: Path, runs: int, make_screen,
                         settle: bool = False) -> float:
    """From pushing the screen to its first full layout: what the user waits for."""
    app = ReflectieApp(folder, cache, None)
    samples = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#passphrase")
        await pilot.press(*PASSPHRASE, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        for _ in range(runs):
            screen = make_screen()
            started = time.perf_counter()
            await app.push_screen(screen)  # mounted and built
            if settle:  # the review screen counts on resume, in a worker: until it has drawn
                await app.workers.wait_for_complete()
                await pilot.pause()
            samples.append(time.perf_counter() - started)
            app.pop_screen()
            await pilot.pause()
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rj-review-"))
    try:
        folder, cache = work / "kluis", work / "cache"
        _, code = build(folder, args.size - args.size // 3)
        add_nip_entries(folder, code, args.size // 3)
        vault = Vault.recover(folder, code)
        Journal(vault, cache).flush()  # the cache exists, as after any earlier session
        results = {}
        results["first search after unlock (reads the text section)"] = timed(
            args.runs, lambda: Journal(vault, cache).search(COMMON_WORD))
        journal = Journal(vault, cache)
        journal.search("x")
        results["search, warm"] = timed(args.runs, lambda: journal.search(COMMON_WORD))
        filters = Filters(kind="reflection", start=dt.date(2019, 1, 1), end=dt.date(2022, 12, 31))
        results["filtered search (kind + period)"] = timed(
            args.runs, lambda: journal.search(COMMON_WORD, filters))
        library = load_library()

        def compute_balance() -> None:
            relevant = [s for s in journal.summaries() if s.prompt_set in balance.FRAMEWORKS.values()]
            bodies = journal.bodies(relevant)
            for name in balance.FRAMEWORKS:
                balance.compute(name, bodies, library)

        results[f"balance ({args.size // 3:,} NIP entries decrypted and read)"] = timed(
            args.runs, compute_balance)
        from reflectiejournaal.screens.review import ReviewScreen
        from reflectiejournaal.screens.timeline import TimelineScreen

        results["timeline screen ready (headless app)"] = asyncio.run(
            screen_seconds(folder, cache, args.runs, TimelineScreen))
        results["review screen shown (its numbers still being counted)"] = asyncio.run(
            screen_seconds(folder, cache, args.runs, ReviewScreen))
        results["review screen with statistics, activity and balance charts drawn"] = asyncio.run(
            screen_seconds(folder, cache, args.runs, ReviewScreen, settle=True))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"| operation ({args.size:,} entries) | median |\n|---|---:|")
    for name, seconds in results.items():
        print(f"| {name} | {seconds * 1000:.0f} ms |")


if __name__ == "__main__":
    main()
