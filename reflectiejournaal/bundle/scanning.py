"""The parts of a bundle scanned on every core, and what was scanned before taken from the cache.

Each part is scanned on its own (:meth:`Detector.scan`), so the parts can be shared out over
processes. A forked child has the loaded detector (tables, deduce, the word lists) at no cost,
and the texts are already in its memory: only the findings travel back, over a pipe. Forking is
safe only from a process with one thread and on Linux (macOS's system libraries are not
fork-safe), so the command line scans in parallel and the app, whose scan runs in a worker
thread, scans one part after another. A child inherits the parent's hardening (no core dumps).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from .detector import Detector
from .findings import Finding
from .findings_cache import FindingsCache

# Below this many parts a pool costs more than it saves (about 10 ms a part).
_WORTH_A_POOL = 40
_shared: tuple[Detector, list[str]] | None = None  # what the forked children read


def scan_all(detector: Detector, texts: dict[str, str], cache: FindingsCache | None = None,
             processes: int | None = None) -> dict[str, list[Finding]]:
    """The findings of every text, by its key, in the order of ``texts``. What ``cache``
    holds is not scanned again; what is scanned goes into it."""
    if detector.language is None:
        cache = None  # a scan without deduce is a poorer one: never kept, never served
    bases: dict[str, list[Finding]] = {}
    todo: dict[str, str] = {}
    for key, text in texts.items():
        known = cache.get(key, text) if cache is not None else None
        if known is None:
            todo[key] = text
        else:
            bases[key] = known
    bases.update(_bases(detector, todo, processes or _cores()))
    if cache is not None:
        for key, text in todo.items():
            cache.put(key, text, bases[key])
    return {key: detector.finish(text, bases[key]) for key, text in texts.items()}


def warm(detector: Detector, texts: dict[str, str], cache: FindingsCache,
         go_on: Callable[[], bool] = lambda: True) -> None:
    """Put into ``cache`` what each text holds that it does not hold yet, one text after
    another while ``go_on()``: the app does this while the user is still choosing, so that
    the review that follows finds it done."""
    if detector.language is None:
        return  # never kept (see scan_all)
    for key, text in texts.items():
        if not go_on():
            return
        if cache.get(key, text) is None:
            cache.put(key, text, detector.base(text))


def _bases(detector: Detector, texts: dict[str, str], count: int) -> dict[str, list[Finding]]:
    keys = list(texts)
    if count <= 1 or len(keys) < _WORTH_A_POOL or not _may_fork():
        return {key: detector.base(texts[key]) for key in keys}
    from . import english_numbers, numbers  # noqa: F401 — loaded once, before the children fork

    global _shared
    _shared = (detector, [texts[key] for key in keys])
    # Longest first, dealt round: each child gets about as many words (a title and its entry
    # side by side would put every title in one child and every entry in the other).
    order = sorted(range(len(keys)), key=lambda i: -len(texts[keys[i]]))
    # A child that dies breaks the pool with an error (multiprocessing.Pool would wait for its
    # share forever). Each child is a copy of the unlocked process: it must never outlive the
    # parent, so it dies with it, and on Ctrl+C or any error the parent kills it at once
    # instead of waiting for its share.
    pool = ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"),
                               initializer=_child_starts, initargs=(os.getpid(),))
    try:
        shares = list(pool.map(_scan_share, [order[start::count] for start in range(count)]))
    except BaseException:
        for child in list(getattr(pool, "_processes", {}).values()):  # no public way to them
            child.kill()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    else:
        pool.shutdown()
    finally:
        _shared = None
    found: dict[int, list[Finding]] = {}
    for share in shares:
        found.update(share)
    return {key: found[i] for i, key in enumerate(keys)}


def _child_starts(parent: int) -> None:
    """In each child: Ctrl+C is the parent's to handle; the child dies with its parent."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: _may_fork never forks there
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _scan_share(indices: list[int]) -> dict[int, list[Finding]]:
    assert _shared is not None, "only in a child forked by scan_all"
    detector, texts = _shared
    return {i: detector.base(texts[i]) for i in indices}


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def _may_fork() -> bool:
    return sys.platform == "linux" and threading.active_count() == 1
