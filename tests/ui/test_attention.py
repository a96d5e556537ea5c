"""The dashboard's "Let op": rolled-back, returned and vanished items, an interrupted rekey."""

from __future__ import annotations

import pytest

import shutil

from textual.widgets import OptionList

from reflectiejournaal.journal import Journal
from reflectiejournaal.screens.dashboard import DashboardScreen
from reflectiejournaal.vault.recovery import new_recovery_key
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.widgets.anomaly import AnomalyDialog
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, settle, unlock


async def open_first_attention(pilot, app) -> None:
    listing = app.screen.query_one("#attention", OptionList)
    listing.focus()
    listing.highlighted = 0
    await pilot.press("enter")
    await pilot.pause()


def attention_lines(app) -> list[str]:
    listing = app.screen.query_one("#attention", OptionList)
    if not listing.display:
        return []
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_an_older_version_put_back_is_shown_and_kept_on_request(make_app, filled_vault,
                                                                     paths, tmp_path):
    app = make_app()
    item = paths["vault"] / "items" / "00000000000000e3.rj"
    old = tmp_path / "oud.rj"
    shutil.copy(item, old)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert attention_lines(app) == []
        entry = app.journal.get("00000000000000e3")
        app.journal.save(entry.edited(body="Nieuwer inzicht over het team.\n"))
        app.lock()
        await pilot.pause()
    shutil.copy(old, item)  # the sync service puts the old file back
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert attention_lines(app) == ["Teruggezet naar een oudere versie: ‘Losse gedachte’"]
        await open_first_attention(pilot, app)
        assert isinstance(app.screen, AnomalyDialog)
        await pilot.press("escape")  # later: still there
        await pilot.pause()
        assert len(attention_lines(app)) == 1
        await open_first_attention(pilot, app)
        await pilot.click("#accept")
        await settle(pilot, app)
        assert attention_lines(app) == []
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None, paths["state"])
    assert not journal.anomalies and journal.get("00000000000000e3").body == "Over het team.\n"


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_a_returned_entry_can_be_deleted_again(make_app, filled_vault, paths, tmp_path):
    item = paths["vault"] / "items" / "00000000000000e1.rj"
    old = tmp_path / "oud.rj"
    shutil.copy(item, old)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.journal.delete("00000000000000e1")
        app.lock()
        await pilot.pause()
        shutil.copy(old, item)
        await unlock(pilot, app)
        assert attention_lines(app) == ["Teruggekomen na verwijderen: ‘De moeder die niet kwam’"]
        await open_first_attention(pilot, app)
        await pilot.click("#discard")
        await settle(pilot, app)
        assert attention_lines(app) == []
        assert "00000000000000e1" not in [s.id for s in app.journal.summaries()]


@pytest.mark.slow  # a long walk: the full suite only
async def test_an_interrupted_rekey_is_offered_on_the_dashboard(make_app, filled_vault, paths):
    vault = Vault.unlock(paths["vault"], PASSPHRASE)
    vault.acquire_lock()
    vault.begin_rekey(PASSPHRASE, new_recovery_key())
    vault.release_lock()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert attention_lines(app) == [
            "Een sleutelwissel werd onderbroken: kies dit om hem af te maken"]
        await open_first_attention(pilot, app)
        await pilot.click("#go")
        await settle(pilot, app)
        # Klaar: pressed, not clicked (its place moves as the longer status text is laid out)
        app.screen.query_one("#go").press()
        for _ in range(100):  # until the dashboard is back (a condition, not a guess)
            if isinstance(app.screen, DashboardScreen):
                break
            await pilot.pause()
        assert attention_lines(app) == []
    assert not Vault.unlock(paths["vault"], PASSPHRASE).rekey_pending
