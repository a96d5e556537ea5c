"""Typing in the editor of a 5,000-word entry must not lag.

    .venv/bin/python benchmarks/bench_typing.py [--words 5000] [--keys 200]

Runs the real app headless (Textual's Pilot), opens a draft of the given length in the
whole-entry editor and in a guided answer, types keys at the end and in the middle, and reports
the CPU time each key costs: handling it, the word count, and rendering the screen (median and
95th percentile), plus one live-preview render (which runs only after a pause in typing).

CPU time, not wall time: Pilot waits after each key until the process has been idle for a
while, so the wall time per key (~100 ms) measures Pilot's wait, not the app. All work a key
triggers finishes inside that wait, so the process's CPU time over it is the key's real cost.
A key costing well under a frame (16 ms) cannot lag.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reflectiejournaal.app import ReflectieApp  # noqa: E402
from reflectiejournaal.vault.crypto import KdfParams  # noqa: E402
from reflectiejournaal.drafts import Draft  # noqa: E402
from reflectiejournaal.screens.write import WriteScreen  # noqa: E402
from reflectiejournaal.vault.store import Vault  # noqa: E402
from benchmarks.locks import private_locks  # noqa: E402
from benchmarks.bench_vault import synthetic_entries  # noqa: E402

PASSPHRASE = "benchmark wachtwoordzin"


def long_text(words: int) -> str:
    paragraphs = []
    source = iter(synthetic_entries(words // 300 + 3))
    while sum(len(p.split()) for p in paragraphs) < words:
        paragraphs.append(next(source).body)
    return "\n\n".join(paragraphs)


async def measure(words: int, keys: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp())
    vault, _ = Vault.create(folder / "kluis", PASSPHRASE, kdf=KdfParams(64, 1, 1, b"0" * 16))
    vault.release_lock()
    app = ReflectieApp(folder / "kluis", folder / "cache", None)
    body = long_text(words)
    results: dict[str, float] = {"words": len(body.split())}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.click("#passphrase")
        await pilot.press(*PASSPHRASE, "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()

        async def typing(label: str) -> None:
            samples = []
            for n in range(keys):
                started = time.process_time()
                await pilot.press("x" if n % 7 else "space")
                samples.append(time.process_time() - started)
            samples.sort()
            results[f"{label}: CPU per key, median (ms)"] = statistics.median(samples) * 1000
            results[f"{label}: CPU per key, 95th percentile (ms)"] = (
                samples[int(len(samples) * 0.95)] * 1000)

        draft = Draft(app.journal.new_draft_id(), "note", stage="edit", body=body)
        app.push_screen(WriteScreen(draft))
        await pilot.pause()
        editor = app.screen.query_one("#body")
        editor.move_cursor(editor.document.end)
        await typing("whole-entry editor, at the end")
        editor.move_cursor((editor.document.line_count // 2, 0))
        await typing("whole-entry editor, in the middle")
        started = time.process_time()
        app.screen.update_preview()
        await pilot.pause()
        results["one live-preview render, CPU (ms)"] = (time.process_time() - started) * 1000
        started = time.perf_counter()
        app.screen.save_draft_now()
        results["draft written at once (quit, lock), wall (ms)"] = (
            (time.perf_counter() - started) * 1000)
        samples = []
        for _ in range(20):  # a pause in typing: the UI thread only hands the draft over
            started = time.perf_counter()
            app.screen.save_draft_soon()
            samples.append(time.perf_counter() - started)
            app.journal.wait_for_writes()
        results["draft after a pause, UI thread, wall, median (ms)"] = (
            statistics.median(samples) * 1000)

        app.pop_screen()
        guided = Draft(app.journal.new_draft_id(), "case", "casusinbreng",
                       answers={"situatie": body})
        app.push_screen(WriteScreen(guided))
        await pilot.pause()
        answer = app.screen.query_one("#answer")
        answer.move_cursor(answer.document.end)
        await typing("guided answer")
    return results


def main() -> None:
    private_locks()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=5000)
    parser.add_argument("--keys", type=int, default=200)
    args = parser.parse_args()
    results = asyncio.run(measure(args.words, args.keys))
    print("| measurement | value |\n|---|---:|")
    for name, value in results.items():
        print(f"| {name} | {value:,.1f} |")


if __name__ == "__main__":
    main()
