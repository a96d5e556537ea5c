"""Replacing the vault key from the app: offered after a passphrase change, resumable."""

from __future__ import annotations

import pytest

import shutil

from textual.widgets import Input

from reflectiejournaal.errors import DamagedItem
from reflectiejournaal.vault.header import HEADER_FILE
from reflectiejournaal.journal import Journal
from reflectiejournaal.vault.recovery import new_recovery_key
from reflectiejournaal.screens.rekey import RekeyScreen
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.widgets.confirm import ConfirmDialog
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, settle, unlock
from tests.ui.test_app import NEW_PASSPHRASE, text_of


async def open_from_settings(pilot, app, button: str) -> None:
    await pilot.press("s")
    await pilot.pause()
    app.screen.query_one(button).press()
    await pilot.pause()


async def change_passphrase(pilot, app) -> None:
    await pilot.press("s")
    await pilot.pause()
    for field, value in (("#current", PASSPHRASE), ("#new", NEW_PASSPHRASE),
                         ("#repeat", NEW_PASSPHRASE)):
        app.screen.query_one(field, Input).value = value
    await pilot.click("#change")
    await settle(pilot, app)


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_after_a_passphrase_change_the_app_offers_a_new_key(make_app, filled_vault, paths,
                                                                  tmp_path):
    old_header = (paths["vault"] / HEADER_FILE).read_bytes()
    findings = paths["cache"] / f"{Vault.read_header(paths['vault']).vault_id}.findings"
    findings.parent.mkdir(parents=True, exist_ok=True)
    findings.write_bytes(b"sealed under the old key")  # what a bundle's review found
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await change_passphrase(pilot, app)
        assert isinstance(app.screen, ConfirmDialog)
        assert "én je oude wachtwoordzin" in text_of(app, "Static")
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, RekeyScreen)
        await pilot.press(*"niet de goede zin")
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Heb je hem net gewijzigd, typ dan de nieuwe" in text_of(app, "#error")
        await pilot.press(*NEW_PASSPHRASE)
        await pilot.press("enter")
        await settle(pilot, app)
        code = text_of(app, "#code")
        assert app.screen.query_one("#code").display
        await pilot.press(*"AAAA-BBBB", "enter")
        await pilot.pause()
        assert "niet dezelfde code" in text_of(app, "#error")
        app.screen.query_one("#retype", Input).value = code
        await pilot.press("enter")
        await settle(pilot, app)
        assert "De sleutel is vervangen: 3 versleutelde bestanden" in text_of(app, "#status")
        assert not findings.exists()  # under the old key: removed
        assert not app.screen.query_one("#intro").display
        # The journal goes on under the new key.
        entry = app.journal.create("note", "na de wissel")
        await pilot.click("#go")
        await pilot.pause()
    stolen = tmp_path / "oude-kopie"
    shutil.copytree(paths["vault"], stolen)
    (stolen / HEADER_FILE).write_bytes(old_header)
    old = Vault.unlock(stolen, PASSPHRASE)
    for item in old.scan().items.values():
        try:
            old.read_file(item)
            raise AssertionError("an old header still opens an item")
        except DamagedItem:
            pass
    reopened = Journal(Vault.recover(paths["vault"], code), None)
    assert len(reopened.summaries()) == 4 and reopened.get(entry.id).body == "na de wissel"


@pytest.mark.slow  # a long walk: the full suite only
async def test_a_new_herstelcode_alone_from_settings(make_app, filled_vault, paths):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await open_from_settings(pilot, app, "#recovery-code")
        await pilot.press(*PASSPHRASE, "enter")
        await settle(pilot, app)
        code = text_of(app, "#code")
        app.screen.query_one("#retype", Input).value = code
        await pilot.press("enter")
        await settle(pilot, app)
        assert "nieuwe herstelcode is ingesteld" in text_of(app, "#status")
    recovered = Journal(Vault.recover(paths["vault"], code), None)  # the new code opens it
    assert len(recovered.summaries()) == 3


@pytest.mark.slow  # a long walk: the full suite only
async def test_an_interrupted_rekey_is_finished_from_settings(make_app, filled_vault, paths):
    vault = Vault.unlock(paths["vault"], PASSPHRASE)
    vault.acquire_lock()
    vault.begin_rekey(PASSPHRASE, new_recovery_key())  # then "killed"
    vault.release_lock()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await open_from_settings(pilot, app, "#rekey")
        assert "werd onderbroken" in text_of(app, "#intro")
        assert not app.screen.query_one("#passphrase").display
        await pilot.click("#go")
        await settle(pilot, app)
        assert "De sleutel is vervangen" in text_of(app, "#status")
    done = Vault.unlock(paths["vault"], PASSPHRASE)
    assert not done.rekey_pending
    assert not any(done.open_file(i).old_key for i in done.scan().items.values())


async def test_the_idle_lock_waits_for_a_rekey_at_work(make_app, filled_vault, clock):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.push_screen(RekeyScreen("rekey"))
        await pilot.pause()
        app.screen.busy = True  # re-encrypting: the keys are needed until it is done
        clock.now += 3600
        app.lock_when_idle()
        assert app.journal is not None
        app.screen.busy = False
        app.lock_when_idle()
        await pilot.pause()
        assert app.journal is None


async def test_a_key_changed_on_another_device_locks_this_session(make_app, filled_vault, paths):
    """It went on writing under the old key what the other device then could not tell from
    a forgery, and read every re-encrypted item as damaged (a second review)."""
    from reflectiejournaal.screens.unlock import UnlockScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.lock_when_idle()
        assert app.journal is not None  # nothing changed: nothing happens
        other = Vault.unlock(paths["vault"], PASSPHRASE)
        other._lock = app.journal.vault._lock  # the other device, in this one process
        other.rekey(PASSPHRASE, new_recovery_key())
        app.lock_when_idle()
        await pilot.pause()
        assert app.journal is None and isinstance(app.screen, UnlockScreen)


async def test_no_rekey_over_items_under_an_old_key_until_decided(make_app, filled_vault, paths):
    vault = Vault.unlock(paths["vault"], PASSPHRASE)
    old = Vault.unlock(paths["vault"], PASSPHRASE)
    vault.acquire_lock()
    vault.rekey(PASSPHRASE, new_recovery_key())
    old._lock = vault._lock
    old.write("00000000000000e3", "deleted", b"", 1000)
    vault.release_lock()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.push_screen(RekeyScreen("rekey"))
        await pilot.pause()
        assert "Bekijk eerst wat onder ‘Let op’" in text_of(app, "#intro")
        assert not app.screen.query_one("#passphrase").display
