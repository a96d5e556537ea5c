"""A bundle of 260 entries through the real command, as a fresh install makes its first one.

    .venv/bin/python benchmarks/bench_bundle.py [--entries 260] [--runs 3]

The vault holds entries of about 300 words written like the detector corpus (names, places,
numbers, dates among ordinary reflection), made with the floor key-derivation parameters.
``reflectiejournaal bundle --from … --replace-all --format md`` runs in a fresh process with an
empty cache folder (no prepared tables of its own: a fresh install), ``--runs`` times, each
followed by the same bundle again (its findings from the cache) and, with ``faketime``, the
same bundle a fortnight later (the next meeting: what still holds comes from the cache); the
key derivation alone is timed in its own process and reported apart. Peak memory is the
bundle process's own (VmHWM, read by a wrapper in the same process image), next to the key
derivation's. Last, with another fresh cache folder, the app is opened on the vault (Textual's
headless driver, as the tests drive it) and left idle until its idle scan has put every entry
into the cache (timed: idle time the user does not wait for), and then the first bundle.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from reflectiejournaal.journal import Journal  # noqa: E402
from reflectiejournaal.model import Entry  # noqa: E402
from reflectiejournaal.vault.crypto import FLOOR_ITERATIONS, FLOOR_MEMORY_KIB, LANES, KdfParams  # noqa: E402
from reflectiejournaal.vault.files import new_item_id  # noqa: E402
from reflectiejournaal.vault.store import Vault  # noqa: E402
from benchmarks.locks import private_locks  # noqa: E402

PASSPHRASE = "benchmark wachtwoordzin"
CORPUS = ROOT / "tests" / "data" / "detector-corpus.yaml"
# Runs the command's main in this process image and prints its peak memory last.
_WRAPPER = r"""
import sys, runpy
sys.argv = ["reflectiejournaal", *sys.argv[1:]]
try:
    from reflectiejournaal.cli.main import main_entry
    main_entry()
except SystemExit as exit:
    code = exit.code
else:
    code = 0
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print("PEAK", int(line.split()[1]) / 1024, file=sys.stderr)
sys.exit(code)
"""
# The app on the vault, unlocked and left idle until its idle scan holds every entry.
_IDLE_APP = r"""
import asyncio, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from reflectiejournaal.app import ReflectieApp
from reflectiejournaal.app.idle_scan import IDLE_SECONDS
from reflectiejournaal.bundle.findings_cache import FindingsCache, entry_versions
from reflectiejournaal.cli.paths import cache_dir, state_dir

async def main():
    now = [0.0]
    app = ReflectieApp(Path(sys.argv[1]), cache_dir(), None, clock=lambda: now[0],
                       state_dir=state_dir())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#passphrase")
        await pilot.press(*sys.argv[2])
        await pilot.press("enter")
        while app.journal is None:
            await pilot.pause(0.05)
        journal = app.journal
        versions = entry_versions(journal.summaries())
        now[0] += IDLE_SECONDS  # the user stops typing
        started = time.perf_counter()
        while True:
            await pilot.pause(0.2)
            cache = FindingsCache.of_vault(app.today(), app.cache_dir, journal.vault.vault_id,
                                           journal.vault.cache_key)
            if not cache.waiting(versions):
                break
        print(time.perf_counter() - started)

asyncio.run(main())
"""
_KDF = r"""
import sys, time
sys.path.insert(0, sys.argv[2])
from reflectiejournaal.vault.store import Vault
start = time.perf_counter()
Vault.unlock(__import__("pathlib").Path(sys.argv[1]), "benchmark wachtwoordzin")
took = time.perf_counter() - start
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(took, int(line.split()[1]) / 1024)
"""


def entries(count: int) -> list[Entry]:
    rng = random.Random(11)
    texts = [str(f["text"]).replace("[[", "").replace("]]", "") for f in
             yaml.safe_load(CORPUS.read_text("utf-8"))["fragments"]]
    texts = [t.split(":", 1)[1] if ":" in t.split(" ", 1)[0] else t for t in texts]
    start = dt.datetime(2026, 1, 5, 20, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    made = []
    for n in range(count):
        body = "\n\n".join(" ".join(rng.sample(texts, 2)) for _ in range(3))
        created = start + dt.timedelta(hours=n * 7)
        made.append(Entry(id=new_item_id(), kind=rng.choice(["case", "reflection"]),
                          title=f"Tekst {n + 1}", created=created, updated=created,
                          body=body + "\n", meeting=n % 12 + 1))
    return made


def main() -> int:
    private_locks()
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=260)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "kluis"
        kdf = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, LANES, os.urandom(16))
        vault, _ = Vault.create(folder, PASSPHRASE, kdf=kdf)
        journal = Journal(vault, None)
        made = entries(args.entries)
        for entry in made:
            journal.save(entry)
        vault.release_lock()
        words = sum(len(e.body.split()) for e in made)
        secret = Path(tmp) / "pass"
        secret.write_text(PASSPHRASE + "\n")
        secret.chmod(0o600)
        kdf_s, kdf_mb = map(float, subprocess.run(
            [sys.executable, "-c", _KDF, str(folder), str(ROOT)], capture_output=True, text=True,
            check=True).stdout.split())
        # As pip installs it: the modules compiled once (some machines turn that off for all).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "reflectiejournaal")],
                       check=True, env={k: v for k, v in os.environ.items()
                                        if k != "PYTHONDONTWRITEBYTECODE"})
        totals, again, later, peaks = [], [], [], []
        fortnight = ["faketime", "-f", "+14d"] if shutil.which("faketime") else None
        for run in range(args.runs):
            home = Path(tmp) / f"home{run}"  # a fresh install: empty cache and config
            env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
                   "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
                   "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data")}
            runs = [(totals, []), (again, [])] + ([(later, fortnight)] if fortnight else [])
            for times, prefix in runs:  # the first bundle, the same one again, a fortnight on
                started = time.perf_counter()
                done = subprocess.run(
                    [*prefix, sys.executable, "-c", _WRAPPER, "bundle", "--vault", str(folder),
                     "--passphrase-file", str(secret), "--from", "2000-01-01", "--replace-all",
                     "--format", "md", "--overwrite", "--out", str(Path(tmp) / f"bundel{run}.md")],
                    capture_output=True, text=True, env=env, cwd=tmp)
                times.append(time.perf_counter() - started)
                if done.returncode != 0:
                    print(done.stderr, file=sys.stderr)
                    return 1
                peaks.append(float(done.stderr.rsplit("PEAK", 1)[1]))
        home = Path(tmp) / "home-idle"  # a fresh install, the app opened and left idle first
        env = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
               "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"),
               "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
               "XDG_STATE_HOME": str(home / "state")}
        idle_s = float(subprocess.run([sys.executable, "-c", _IDLE_APP, str(folder), PASSPHRASE,
                                       str(ROOT)], capture_output=True, text=True, env=env,
                                      cwd=tmp, check=True).stdout.split()[-1])
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", _WRAPPER, "bundle", "--vault", str(folder),
                        "--passphrase-file", str(secret), "--from", "2000-01-01", "--replace-all",
                        "--format", "md", "--overwrite", "--out", str(Path(tmp) / "bundel-idle.md")],
                       capture_output=True, text=True, env=env, cwd=tmp, check=True)
        after_idle = time.perf_counter() - started
        total = statistics.median(totals)
        print(json.dumps({"entries": args.entries, "words": words,
                          "bundle_s_median": round(total, 2),
                          "again_same_day_s_median": round(statistics.median(again), 2),
                          "again_minus_kdf_s": round(statistics.median(again) - kdf_s, 2),
                          "fortnight_later_minus_kdf_s": (round(statistics.median(later) - kdf_s, 2)
                                                          if later else None),
                          "app_idle_scan_s": round(idle_s, 2),
                          "first_after_app_idle_minus_kdf_s": round(after_idle - kdf_s, 2),
                          "key_derivation_s": round(kdf_s, 2),
                          "bundle_minus_kdf_s": round(total - kdf_s, 2),
                          "peak_mb": round(max(peaks)), "kdf_peak_mb": round(kdf_mb),
                          "peak_above_kdf_mb": round(max(peaks) - kdf_mb)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
