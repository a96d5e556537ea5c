"""The bundle screen: choose, review each finding, confirm open ones, write; the name list."""

from __future__ import annotations

import datetime as dt
import re

from textual.widgets import Button, DataTable, Input, Select, Static

from reflectiejournaal.bundle_html import open_sealed_html
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.pseudonym import Client, ClientList
from reflectiejournaal.screens.bundle import BundleScreen
from reflectiejournaal.screens.clients import ClientsScreen
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault import ITEMS_DIR, Vault
from reflectiejournaal.widgets.confirm import ConfirmDialog
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, unlock

TZ = dt.timezone(dt.timedelta(hours=1))


def prepare(paths) -> str:
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    trajectory = journal.save_trajectory(
        Trajectory.plan("0000000000000a01", "supervisie", "Supervisie bij Anna", dt.date(2026, 1, 7)))
    moment = dt.datetime(2026, 2, 1, 20, tzinfo=TZ)
    journal.save(Entry("00000000000000c1", "case", "Casus", moment, moment,
                       "Jan belde vanaf 06-12345678 en mailde jan@example.nl.\n",
                       trajectory=trajectory.id, meeting=2))
    journal.save_clients(ClientList([Client("Jan", "Kees")]))
    journal.vault.release_lock()
    return trajectory.id


async def test_review_every_finding_then_write_a_sealed_bundle(make_app, empty_vault, paths, tmp_path):
    trajectory_id = prepare(paths)
    before = {p.name: p.read_bytes() for p in (paths["vault"] / ITEMS_DIR).iterdir()}
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BundleScreen)
        screen.query_one("#trajectory", Select).value = trajectory_id
        screen.query_one("#supervisant", Input).value = "Sam"
        screen.query_one("#scan", Button).press()
        await pilot.pause()
        table = screen.query_one("#findings", DataTable)
        assert table.row_count == 3
        assert "3 vondsten — 3 open" in str(screen.query_one("#review-title", Static).render())
        table.focus()
        await pilot.press("v")  # replace the name
        await pilot.pause()
        assert str(table.get_cell_at((0, 3))) == "vervangen"
        table.move_cursor(row=1)
        await pilot.press("l")  # keep the phone number, deliberately
        await pilot.pause()
        assert str(table.get_cell_at((1, 3))) == "laten staan"
        preview = screen.query_one("#preview").source
        assert "Kees belde vanaf 06-12345678" in preview
        screen.query_one("#path", Input).value = str(tmp_path / "bundel")
        screen.query_one("#write", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # one finding (the e-mail) is still open
        await pilot.click("#no")
        await pilot.pause()
        assert not (tmp_path / "bundel.html").exists()
        table.move_cursor(row=2)
        await pilot.press("V")
        await pilot.pause()
        screen.query_one("#write", Button).press()
        await pilot.pause()
        result = str(screen.query_one("#result", Static).render())
        code = re.search(r"Bundelcode: (\S+)", result).group(1)
        assert re.search(r"SHA-256: [0-9a-f]{64}", result)
    page = open_sealed_html((tmp_path / "bundel.html").read_text(), code)
    assert "Kees belde vanaf 06-12345678 en mailde [e-mail]." in page
    assert "Jan" not in page
    assert {p.name: p.read_bytes() for p in (paths["vault"] / ITEMS_DIR).iterdir()} == before


async def test_the_name_list(make_app, empty_vault, paths):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_clients()
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        for name, pseudonym in (("Fatima El Amrani", ""), ("Jan", "Kees")):
            app.screen.query_one("#name", Input).value = name
            app.screen.query_one("#pseudonym", Input).value = pseudonym
            await pilot.click("#add")
            await pilot.pause()
        table = app.screen.query_one("#clients", DataTable)
        assert [str(table.get_cell_at((r, 1))) for r in range(table.row_count)] == ["F.E.A.", "Kees"]
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await pilot.pause()
    clients = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).clients()
    assert [(c.name, c.replacement) for c in clients.clients] == [("Jan", "Kees")]


async def test_hand_picked_entries_from_the_list(make_app, filled_vault, paths, tmp_path):
    from reflectiejournaal.screens.entries import EntriesScreen

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_entries()
        await pilot.pause()
        assert isinstance(app.screen, EntriesScreen)
        app.screen.query_one("#entries").focus()
        await pilot.press("space")  # the newest: "Losse gedachte"
        await pilot.press("down")
        await pilot.press("space")  # the oldest: "De moeder die niet kwam"
        await pilot.pause()
        assert "2 gekozen voor een bundel" in str(app.screen.query_one("#count", Static).render())
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BundleScreen) and len(screen.entry_ids) == 2
        screen.query_one("#scan", Button).press()
        await pilot.pause()
        assert [e.title for e in screen.entries] == ["De moeder die niet kwam", "Losse gedachte"]
