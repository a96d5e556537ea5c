"""Benchmark of the vault and journal on synthetic vaults of 1,000 and 10,000 entries.

    .venv/bin/python benchmarks/bench_vault.py [--sizes 1000 10000] [--runs 5]

Each entry is about 300 Dutch-looking words with tags, spread over ten years. Every size is
measured in a fresh child process, so peak memory (max RSS) is that of one person's session.
Times are medians of ``--runs`` runs and exclude the deliberate key-derivation time, which is
reported on its own line ("unlock"). Results are printed as a Markdown table for
docs/performance.md; raw numbers go to benchmarks/results/.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reflectiejournaal.vault.crypto import FLOOR_ITERATIONS, FLOOR_MEMORY_KIB, LANES, KdfParams  # noqa: E402
from reflectiejournaal.journal import Journal  # noqa: E402
from reflectiejournaal.model import Entry  # noqa: E402
from reflectiejournaal.transfer.export import export_all  # noqa: E402
from reflectiejournaal.vault.files import new_item_id  # noqa: E402
from reflectiejournaal.vault.store import Vault  # noqa: E402
from benchmarks.locks import private_locks  # noqa: E402

PASSPHRASE = "benchmark wachtwoordzin"
RARE_WORD = "zeldzaamheidje"
COMMON_WORD = "cliënt"
SYLLABLES = ["be", "ge", "ver", "ont", "ma", "lo", "ri", "sta", "ken", "den", "ning", "heid",
             "lijk", "zaam", "tie", "pro", "ces", "gel", "wer", "kin", "der", "oud", "ers", "één"]
TAGS = ["grenzen", "ouders", "team", "agressie", "twijfel", "methodiek", "ethiek", "zelfzorg",
        "samenwerking", "feedback", "rouw", "school"]


def synthetic_entries(count: int, seed: int = 7) -> list[Entry]:
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4)))
                  for _ in range(4000)]
    start = dt.datetime(2016, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    entries = []
    for n in range(count):
        words = rng.choices(vocabulary, k=300)
        if rng.random() < 0.6:
            words[rng.randrange(300)] = COMMON_WORD
        if n % max(count // 3, 1) == 1:
            words[rng.randrange(300)] = RARE_WORD
        paragraphs = [" ".join(words[i : i + 60]) + "." for i in range(0, 300, 60)]
        created = start + dt.timedelta(minutes=rng.randrange(10 * 365 * 24 * 60))
        entries.append(Entry(
            id=new_item_id(), kind=rng.choice(["case", "reflection", "note"]),
            title=" ".join(words[:5]).capitalize(), created=created, updated=created,
            body="# " + words[0] + "\n\n" + "\n\n".join(paragraphs) + "\n",
            meeting=rng.randint(1, 12), tags=tuple(rng.sample(TAGS, rng.randint(0, 3))),
        ))
    return entries


def build(folder: Path, count: int) -> tuple[float, str]:
    """The vault, with floor KDF parameters; returns build time and herstelcode."""
    kdf = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, LANES, os.urandom(16))
    vault, code = Vault.create(folder, PASSPHRASE, kdf=kdf)
    started = time.perf_counter()
    journal = Journal(vault, None)
    for entry in synthetic_entries(count):
        journal.save(entry)
    vault.release_lock()
    return time.perf_counter() - started, code


def peak_mb() -> float:
    """Peak resident memory of this process image.

    ``ru_maxrss`` survives ``execve`` on Linux, so a child would report its parent's peak;
    ``VmHWM`` belongs to the current address space only.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(runs: int, action) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def measure_unlock(folder: Path, runs: int) -> dict[str, float]:
    """Run in its own child: the deliberate key derivation, and the memory it takes."""
    seconds = timed(runs, lambda: Vault.unlock(folder, PASSPHRASE))
    return {"unlock (Argon2id, floor 64 MiB / 3 passes)": seconds,
            "peak memory of unlock (MB)": peak_mb()}


def measure(folder: Path, cache: Path, code: str, runs: int) -> dict[str, float]:
    """Run in a child process: every operation a user does, timed.

    The vault is opened with the herstelcode (HKDF, no Argon2id), so the peak memory measured
    here is that of the journal itself, not the deliberate memory cost of the KDF.
    """
    results: dict[str, float] = {}
    vault = Vault.recover(folder, code)

    def cold() -> None:
        shutil.rmtree(cache, ignore_errors=True)
        Journal(vault, cache).flush()

    results["first open, no cache (decrypt + parse all)"] = timed(max(1, runs // 2), cold)
    results["list (open with warm cache + sort)"] = timed(runs, lambda: Journal(vault, cache).summaries())
    journal = Journal(vault, cache)
    results[f"search rare word ({len(journal.search(RARE_WORD))} hits)"] = timed(
        runs, lambda: journal.search(RARE_WORD))
    results[f"search common word ({len(journal.search(COMMON_WORD))} hits, with snippets)"] = timed(
        runs, lambda: journal.search(COMMON_WORD))
    results["search rare word, cold (open with cache + search)"] = timed(
        runs, lambda: Journal(vault, cache).search(RARE_WORD))
    vault.acquire_lock()
    sample = synthetic_entries(runs, seed=99)
    saves = iter(sample)
    results["save one entry (encrypt + fsync)"] = timed(runs, lambda: journal.save(next(saves)))
    results["write cache after a save"] = timed(runs, lambda: (journal._dirty or True) and _force_flush(journal))
    vault.release_lock()
    out = Path(tempfile.mkdtemp())
    targets = iter(out / str(n) for n in range(runs))  # an export goes into a new folder
    results["export everything"] = timed(max(1, runs // 2), lambda: export_all(journal, next(targets)))
    shutil.rmtree(out)
    results["peak memory, all of the above (MB)"] = peak_mb()
    vault.acquire_lock()
    results["rekey: new key, every item re-encrypted (one floor Argon2id included)"] = timed(
        1, lambda: vault.rekey(PASSPHRASE, os.urandom(16)))
    vault.release_lock()
    results["peak memory after the rekey (MB)"] = peak_mb()
    return results


def _force_flush(journal: Journal) -> None:
    journal._dirty = True
    journal.flush()


def cli_wall_time(folder: Path, runs: int, *args: str, stdin: bytes = b"") -> float:
    """Median wall time of the installed command, start-up and key derivation included."""
    pw = folder.parent / "pw"
    pw.write_text(PASSPHRASE)
    command = [str(Path(sys.executable).parent / "reflectiejournaal"), "--vault", str(folder),
               "--passphrase-file", str(pw), *args]
    env = {**os.environ, "XDG_CACHE_HOME": str(folder.parent / "xdg-cache")}
    return timed(runs, lambda: subprocess.run(command, capture_output=True, check=True,
                                              input=stdin, env=env))


def jrnl_python(explicit: str | None) -> str | None:
    """An interpreter that can import jrnl: the one given, or this one, or none."""
    for candidate in ([explicit] if explicit else []) + [sys.executable]:
        probe = subprocess.run([candidate, "-c", "import jrnl"], capture_output=True)
        if probe.returncode == 0:
            return candidate
    return None


def jrnl_results(python: str, count: int, runs: int) -> dict[str, float]:
    """The same texts in an encrypted jrnl journal, through jrnl's own command line."""
    work = Path(tempfile.mkdtemp(prefix="rj-bench-jrnl-"))
    try:
        journal = work / "journal.txt"
        config = work / "jrnl.yaml"
        config.write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\n"
            "highlight: false\nindent_character: '|'\n"
            f"journals: {{default: {{journal: {journal}, encrypt: false}}}}\n"
            "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\n"
            "version: v4.6\n"
        )
        entries = sorted(synthetic_entries(count), key=lambda e: e.created)
        journal.write_text("".join(
            f"[{e.created:%Y-%m-%d %I:%M:%S %p}] {e.title}.\n{e.body}\n" for e in entries))
        env = {**os.environ, "JRNL_BENCH_PASSWORD": PASSPHRASE}
        driver = [python, str(Path(__file__).parent / "jrnl_driver.py"), "--config-file", str(config)]

        def jrnl(*args: str) -> None:
            subprocess.run([*driver, *args], capture_output=True, env=env, check=True, input=b"")

        jrnl("--encrypt")
        config.write_text(config.read_text().replace("encrypt: false", "encrypt: true"))
        out = work / "export.md"
        return {
            "list (all, titles)": timed(3, lambda: jrnl("--format", "short")),
            "list last 10": timed(3, lambda: jrnl("-n", "10", "--format", "short")),
            "search rare word": timed(3, lambda: jrnl("-contains", RARE_WORD, "--format", "short")),
            "search common word": timed(3, lambda: jrnl("-contains", COMMON_WORD, "--format", "short")),
            "save one entry": timed(3, lambda: jrnl("Een nieuwe notitie. Met wat tekst.")),
            "export all as Markdown": timed(1, lambda: jrnl("--format", "md", "--file", str(out))),
        }
    finally:
        shutil.rmtree(work, ignore_errors=True)


def ours_end_to_end(folder: Path, runs: int) -> dict[str, float]:
    """The same operations as :func:`jrnl_results`, through our own command line."""
    out = folder.parent / f"export-{time.monotonic_ns()}"  # a new folder each time
    return {
        "list (all, titles)": cli_wall_time(folder, runs, "list"),
        "list last 10": cli_wall_time(folder, runs, "list", "-n", "10"),
        "search rare word": cli_wall_time(folder, runs, "search", RARE_WORD),
        "search common word": cli_wall_time(folder, runs, "search", COMMON_WORD),
        "save one entry": cli_wall_time(folder, runs, "new", "--kind", "note",
                                        stdin=b"Een nieuwe notitie. Met wat tekst."),
        "export all as Markdown": cli_wall_time(folder, 1, "export", "--out", str(out)),
    }


def ours_unlocked(folder: Path, runs: int) -> dict[str, float]:
    """The same, in a sitting opened with ``reflectiejournaal unlock``: no key derivation."""
    pw = folder.parent / "pw"
    pw.write_text(PASSPHRASE)
    command = [str(Path(sys.executable).parent / "reflectiejournaal"), "--vault", str(folder)]
    env = {**os.environ, "XDG_CACHE_HOME": str(folder.parent / "xdg-cache")}
    subprocess.run([*command, "--passphrase-file", str(pw), "unlock"], check=True,
                   capture_output=True, env=env)
    try:
        return ours_end_to_end(folder, runs)
    finally:
        subprocess.run([*command, "lock"], capture_output=True, env=env)


def main() -> None:
    private_locks()
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=3, metavar=("VAULT", "CACHE", "CODE"))
    parser.add_argument("--unlock-child", metavar="VAULT")
    parser.add_argument("--jrnl-python", help="an interpreter with jrnl installed (optional)")
    args = parser.parse_args()
    # Compiled as `pip install` leaves it: without bytecode (PYTHONDONTWRITEBYTECODE, an
    # editable install) every command would compile the modules changed since the last run.
    compileall.compile_dir(ROOT / "reflectiejournaal", quiet=1)
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), Path(args.child[1]), args.child[2], args.runs)))
        return
    if args.unlock_child:
        print(json.dumps(measure_unlock(Path(args.unlock_child), args.runs)))
        return

    table: dict[int, dict[str, float]] = {}
    versus: dict[int, dict[str, dict[str, float]]] = {}
    jrnl = jrnl_python(args.jrnl_python)
    if not jrnl:
        print("jrnl not available: no comparison (pass --jrnl-python)", file=sys.stderr)
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"rj-bench-{size}-"))
        try:
            build_seconds, code = build(work / "kluis", size)
            results = {}
            for child_args in (["--unlock-child", str(work / "kluis")],
                               ["--child", str(work / "kluis"), str(work / "cache"), code]):
                child = subprocess.run(
                    [sys.executable, __file__, "--runs", str(args.runs), *child_args],
                    capture_output=True, text=True, check=True,
                )
                results.update(json.loads(child.stdout))
            results["building the vault (not a user operation)"] = build_seconds
            table[size] = results
            versus[size] = {"ours": ours_end_to_end(work / "kluis", 3),
                            "ours, unlocked": ours_unlocked(work / "kluis", 3)}
            if jrnl:
                versus[size]["jrnl"] = jrnl_results(jrnl, size, 3)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print(f"{size} entries done", file=sys.stderr)

    out_dir = ROOT / "benchmarks" / "results"
    out_dir.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    (out_dir / f"vault-{stamp}.json").write_text(json.dumps({"domain": table, "cli": versus}, indent=2))

    sizes = list(table)
    print("| operation | " + " | ".join(f"{s:,} entries" for s in sizes) + " |")
    print("|---|" + "---:|" * len(sizes))
    for name in table[sizes[0]]:
        cells = []
        for s in sizes:
            value = next((v for k, v in table[s].items() if k.split(" (")[0] == name.split(" (")[0]), None)
            if value is None:
                cells.append("–")
            elif "MB" in name:
                cells.append(f"{value:.0f} MB")
            elif value < 1:
                cells.append(f"{value * 1000:.1f} ms")
            else:
                cells.append(f"{value:.2f} s")
        print(f"| {name} | " + " | ".join(cells) + " |")

    print("\nEnd to end through each program's command line (start-up and key derivation "
          "included), median of 3:\n")
    header = ["operation"] + [f"{who} {s:,}" for s in sizes for who in versus[s]]
    ratio_sizes = [s for s in sizes if "jrnl" in versus[s]]
    header += [f"jrnl ÷ ours unlocked {s:,}" for s in ratio_sizes]
    print("| " + " | ".join(header) + " |")
    print("|---|" + "---:|" * (len(header) - 1))
    for name in versus[sizes[0]]["ours"]:
        cells = [_seconds(versus[s][who][name]) for s in sizes for who in versus[s]]
        cells += [f"{versus[s]['jrnl'][name] / versus[s]['ours, unlocked'][name]:.1f}×"
                  for s in ratio_sizes]
        print(f"| {name} | " + " | ".join(cells) + " |")


def _seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


if __name__ == "__main__":
    main()
