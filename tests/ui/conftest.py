"""Pilot helpers: an app on a private vault with a cheap KDF and a fake clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual import _wait

from reflectiejournaal.app import ReflectieApp
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE, cheap_kdf

# Pilot waits for the app to be idle after every key by sleeping in steps of 20 ms until the
# process stops using CPU: most of a typing test was those steps. 4 ms steps see the same
# idleness (under 1 ms of CPU per step) five times sooner.
_wait.SLEEP_GRANULARITY = 0.004

TZ = dt.timezone(dt.timedelta(hours=1))
SIZE = (110, 34)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fixture_entries() -> list[Entry]:
    """Known entries with fixed dates, for snapshots and for reading tests."""
    def at(day: int) -> dt.datetime:
        return dt.datetime(2026, 10, day, 20, 0, tzinfo=TZ)

    return [
        Entry("00000000000000e1", "case", "De moeder die niet kwam", at(2), at(2),
              "## Situatie en context\n\nEen moeder kwam voor de derde keer niet.\n\n"
              "## Mijn vraag voor de bijeenkomst\n\nHoe stel ik een grens?\n",
              meeting=4, prompt_set="casusinbreng", tags=("grenzen", "ouders")),
        Entry("00000000000000e2", "reflection", "Na bijeenkomst 4: [vet] is geen opmaak", at(9), at(9),
              "## Wat heeft het mij gedaan\n\nIk merkte [bold red]boosheid[/bold red] en opluchting.\n",
              meeting=4, prompt_set="reflectieverslag", tags=("grenzen",)),
        Entry("00000000000000e3", "note", "Losse gedachte", at(15), at(15), "Over het team.\n"),
    ]


@pytest.fixture
def paths(tmp_path: Path) -> dict[str, Path]:
    return {"vault": tmp_path / "kluis", "cache": tmp_path / "cache", "config": tmp_path / "config",
            "state": tmp_path / "state"}


@pytest.fixture
def filled_vault(paths) -> Path:
    vault, _ = Vault.create(paths["vault"], PASSPHRASE, kdf=cheap_kdf())
    journal = Journal(vault, None)
    for entry in fixture_entries():
        journal.save(entry)
    vault.release_lock()
    return paths["vault"]


@pytest.fixture
def empty_vault(paths) -> Path:
    vault, _ = Vault.create(paths["vault"], PASSPHRASE, kdf=cheap_kdf())
    vault.release_lock()
    return paths["vault"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_app(paths, clock):
    def make() -> ReflectieApp:
        return ReflectieApp(paths["vault"], paths["cache"], paths["config"], clock=clock,
                            kdf=cheap_kdf, state_dir=paths["state"])
    return make


async def settle(pilot, app) -> None:
    """Let workers finish and the screen catch up (a condition, not a guess)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def unlock(pilot, app, passphrase: str = PASSPHRASE) -> None:
    await pilot.click("#passphrase")
    await pilot.press(*passphrase)
    await pilot.press("enter")
    await settle(pilot, app)


async def until(pilot, condition, what: str = "", seconds: float = 10.0) -> None:
    """Let the app work until ``condition()`` holds (a message handled after a click, say):
    a condition, not a guess; fails with ``what`` after ``seconds``."""
    for _ in range(int(seconds / 0.02)):
        if condition():
            return
        await pilot.pause(0.02)
    assert condition(), what or "the app never got there"


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("enter" if char == "\n" else char)


async def start_writing(pilot, app, kind: str) -> None:
    """From the dashboard: choose ``kind``, accept the proposed prompt set, start."""
    app.action_write(kind)
    await pilot.pause()
    await pilot.click("#start")
    await pilot.pause()
