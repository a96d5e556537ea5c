"""The bundle screen: prepare deduce once, review per person or thing, confirm open findings,
write; the name list with nicknames."""

from __future__ import annotations

import pytest

import datetime as dt
import base64
import re
import shutil
import threading

from textual.widgets import Button, DataTable, Input, ProgressBar, Select, Static, Tree

from reflectiejournaal.bundle import lexicon
from reflectiejournaal.bundle.html import open_sealed_html
from reflectiejournaal.clients import Client, ClientList
from reflectiejournaal.journal import Journal
from reflectiejournaal.model import Entry
from reflectiejournaal.screens.bundle import BundleScreen
from reflectiejournaal.screens.clients import ClientsScreen
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.vault.files import ITEMS_DIR
from reflectiejournaal.widgets.confirm import ConfirmDialog
from reflectiejournaal.widgets.notice import NoticeDialog
from tests.conftest import install_tables
from tests.helpers import PASSPHRASE
from tests.ui.conftest import SIZE, settle, unlock, until

TZ = dt.timezone(dt.timedelta(hours=1))


async def scanned(pilot, app, screen, earlier) -> None:
    """Wait for the scan a press started to come back: a new review on the screen. (A press is
    a message: waiting for workers right after it can find none started yet.)"""
    await until(pilot, lambda: screen.review is not None and screen.review is not earlier
                and not screen.query_one("#scan", Button).disabled, "the scan came back", seconds=30)
    await settle(pilot, app)


def prepare(paths) -> str:
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    trajectory = journal.save_trajectory(
        Trajectory.plan("0000000000000a01", "supervisie", "Supervisie bij Marieke", dt.date(2026, 1, 7)))
    moment = dt.datetime(2026, 2, 1, 20, tzinfo=TZ)
    journal.save(Entry("00000000000000c1", "case", "Casus", moment, moment,
                       "Jan belde vanaf 06-12345678 en mailde jan@example.nl. Later belde jan "
                       "weer, en Jantjes moeder ook.\n",
                       trajectory=trajectory.id, meeting=2))
    journal.save_clients(ClientList([Client("Jan", "Kees")]))
    journal.vault.release_lock()
    return trajectory.id


async def open_bundle(pilot, app) -> BundleScreen:
    await unlock(pilot, app)
    await pilot.press("b")
    await settle(pilot, app)
    assert isinstance(app.screen, BundleScreen)
    return app.screen


@pytest.mark.slow  # a long walk through the app: the full suite only
async def test_review_per_person_then_write_a_sealed_bundle(make_app, empty_vault, paths, tmp_path,
                                                            detector_tables):
    install_tables(detector_tables, paths["cache"])
    trajectory_id = prepare(paths)
    before = {p.name: p.read_bytes() for p in (paths["vault"] / ITEMS_DIR).iterdir()}
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bundle(pilot, app)
        assert not screen.query_one("#scan", Button).disabled  # tables ready: no progress bar
        assert not screen.query_one("#preparing").display
        screen.query_one("#trajectory", Select).value = trajectory_id
        screen.query_one("#supervisor", Input).value = "Marieke"
        earlier = screen.review
        screen.query_one("#scan", Button).press()
        await scanned(pilot, app, screen, earlier)
        tree = screen.query_one("#findings", Tree)
        # The scan's worker is done; its findings reach the tree a message later.
        await until(pilot, lambda: len(tree.root.children) == 4, "the review shows its findings")
        people = [str(node.label) for node in tree.root.children]
        assert people[0] == "open        Jan → Kees  naam van je lijst · zekerheid hoog · 3×"
        assert [p[:38] for p in people[1:]] == [
            "open        06-12345678 → [telefoon]  ",
            "open        jan@example.nl → [e-mail] ",
            "laten staan Marieke → [naam]  persoon "]  # the supervisor, shown, proposed as kept
        assert "7 vondsten over 4 personen of gegevens — 5 open" in str(
            screen.query_one("#review-title", Static).render())
        tree.focus()
        tree.move_cursor(tree.root.children[0])
        await pilot.press("v")  # every form of Jan at once
        await pilot.pause()
        assert str(tree.root.children[0].label).startswith("vervangen   Jan → Kees")
        tree.root.children[1].expand()
        await pilot.pause()
        tree.move_cursor(tree.root.children[1].children[0])
        await pilot.press("l")  # keep the phone number, deliberately
        await pilot.pause()
        assert str(tree.root.children[1].children[0].label).startswith("laten staan …")
        preview = screen.query_one("#preview").source
        assert "Kees belde vanaf 06-12345678" in preview and "Later belde Kees" in preview
        assert "Kees moeder ook" in preview
        screen.query_one("#path", Input).value = str(tmp_path / "bundel")
        screen.query_one("#write", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)  # the e-mail is still open
        await pilot.click("#no")
        await pilot.pause()
        assert not (tmp_path / "bundel.html").exists()
        tree.move_cursor(tree.root.children[2])
        await pilot.press("V")  # every finding of this kind
        await pilot.pause()
        screen.query_one("#write", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, NoticeDialog)  # shown once, where it cannot be missed
        result = str(app.screen.query_one("#notice-text", Static).render())
        code = re.search(r"Bundelcode: (\S+)", result).group(1)
        assert re.search(r"SHA-256: [0-9a-f]{64}", result)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and code in str(screen.query_one("#result", Static).render())
        # Writing again to the same file: the bundle the supervisor has the code for is not
        # replaced unasked.
        first = (tmp_path / "bundel.html").read_bytes()
        screen.query_one("#write", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        question = str(app.screen.query_one(Static).render())
        # What is there, from when, and what would take its place (issue 24).
        assert "bundel.html" in question and "een verzegelde bundel van" in question
        assert "(Versleutelde webpagina" in question
        await pilot.press("escape")  # no (a click right after the dialog opened missed it once)
        await until(pilot, lambda: app.screen is screen, "the question was answered")
        assert (tmp_path / "bundel.html").read_bytes() == first
    page = open_sealed_html((tmp_path / "bundel.html").read_text(), code)
    assert "Kees belde vanaf 06-12345678 en mailde [e-mail]." in page
    assert "Jan" not in page and "jan" not in page
    after = {p.name: p.read_bytes() for p in (paths["vault"] / ITEMS_DIR).iterdir()}
    assert {name: after[name] for name in before} == before  # no entry is ever changed
    # One item more: the vault's record of this bundle, under the id the page carries.
    [record] = set(after) - set(before)
    assert f'"bundle":"{record.removesuffix(".rj")}"' in base64.b64decode(re.search(
        r'<pre id="header" hidden>([^<]+)<', (tmp_path / "bundel.html").read_text()).group(1)).decode()


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_the_proposed_file_name_carries_the_day_and_follows_the_form(make_app, empty_vault,
                                                                           paths):
    """A sealed and a readable bundle of one day never take each other's place unasked."""
    prepare(paths)
    app = make_app()
    app.today = lambda: dt.date(2026, 12, 8)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bundle(pilot, app)
        path = screen.query_one("#path", Input)
        assert path.value == "~/bundel-2026-12-08-verzegeld.html"
        screen.query_one("#format", Select).value = "html"
        await pilot.pause()
        assert path.value == "~/bundel-2026-12-08-leesbaar.html"
        path.value = "~/mijn-eigen-naam"
        screen.query_one("#format", Select).value = "md"
        await pilot.pause()
        assert path.value == "~/mijn-eigen-naam"  # a name the user typed stays


async def test_fields_changed_after_the_scan_are_scanned_again_before_writing(
        make_app, empty_vault, paths, tmp_path, detector_tables):
    install_tables(detector_tables, paths["cache"])
    prepare(paths)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bundle(pilot, app)
        earlier = screen.review
        screen.query_one("#scan", Button).press()
        await scanned(pilot, app, screen, earlier)
        screen.query_one("#replace-all", Button).press()
        screen.query_one("#note", Input).value = "Over Jan"  # typed after the review
        screen.query_one("#path", Input).value = str(tmp_path / "bundel")
        screen.query_one("#write", Button).press()
        await pilot.pause()
        assert not (tmp_path / "bundel.html").exists()
        earlier = screen.review
        screen.query_one("#scan", Button).press()
        await scanned(pilot, app, screen, earlier)
        assert screen.review.texts["info:note"] == "Over Jan"


@pytest.mark.slow  # a long walk: the full suite only
async def test_the_first_time_the_word_lists_are_prepared_with_a_progress_bar(
        make_app, empty_vault, paths, detector_tables, monkeypatch):
    prepare(paths)
    halfway, go_on = threading.Event(), threading.Event()

    def build_in_child(folder, progress):  # the real build is tested with the session tables
        progress(0.5)
        halfway.set()
        go_on.wait(30)
        shutil.copytree(detector_tables, folder)
        progress(1.0)

    monkeypatch.setattr(lexicon, "build_in_child", build_in_child)
    monkeypatch.setattr(lexicon, "load_shipped", lambda: None)  # a deduce the package has none for
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("b")
        assert halfway.wait(30)
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#preparing").display
        assert screen.query_one("#prepare-bar", ProgressBar).percentage == 0.5
        assert screen.query_one("#scan", Button).disabled
        assert "eenmalig klaargezet" in str(screen.query_one("#prepare-status", Static).render())
        go_on.set()
        await settle(pilot, app)
        assert not screen.query_one("#scan", Button).disabled
        assert not screen.query_one("#preparing").display


async def test_when_the_word_lists_cannot_be_prepared_nothing_can_be_written(
        make_app, empty_vault, paths, monkeypatch):
    from reflectiejournaal.errors import DetectorUnavailable

    def build_in_child(folder, progress):
        raise DetectorUnavailable("disk_full")

    monkeypatch.setattr(lexicon, "build_in_child", build_in_child)
    monkeypatch.setattr(lexicon, "load_shipped", lambda: None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bundle(pilot, app)
        assert screen.query_one("#scan", Button).disabled
        status = str(screen.query_one("#prepare-status", Static).render())
        assert "de schijf is vol" in status and "schrijft de app geen bundel" in status


async def test_the_name_list(make_app, empty_vault, paths):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        app.action_clients()
        await pilot.pause()
        assert isinstance(app.screen, ClientsScreen)
        # The button once, then Enter: a button ignores a second click while it still shows
        # the first (Textual's active effect, 0.2 s), and the test clicks quicker than that.
        # "Mohammed" a second time, with nothing more: what the list knew stays (issue 24).
        for name, nicknames, pseudonym, add in (("Fatima El Amrani", "", "", "click"),
                                                ("Mohammed", "Mo, Momo", "", "enter"),
                                                ("Jan", "", "Kees", "enter"),
                                                ("mohammed", "", "", "enter")):
            app.screen.query_one("#name", Input).value = name
            app.screen.query_one("#nicknames", Input).value = nicknames
            app.screen.query_one("#pseudonym", Input).value = pseudonym
            if add == "click":
                await pilot.click("#add")
            else:
                assert app.focused is app.screen.query_one("#name", Input)
                await pilot.press("enter")
            await pilot.pause()
        table = app.screen.query_one("#clients", DataTable)
        assert [[str(c) for c in table.get_row_at(r)] for r in range(table.row_count)] == [
            ["Fatima El Amrani", "", "Cliënt A, B …"], ["Mohammed", "Mo, Momo", "Cliënt A, B …"],
            ["Jan", "", "Kees"]]
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await pilot.pause()
        assert "niet meer als cliëntnaam herkend" in str(
            app.screen.query_one("Static").render())
        await pilot.press("escape")  # no: the name stays
        await pilot.pause()
        assert table.row_count == 3
        await pilot.press("delete")
        await pilot.pause()
        await pilot.click("#yes")
        await pilot.pause()
    clients = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).clients()
    assert [(c.name, c.nicknames, c.pseudonym) for c in clients.clients] == [
        ("Mohammed", ("Mo", "Momo"), ""), ("Jan", (), "Kees")]


@pytest.mark.slow  # seconds of real work: the full suite only
async def test_hand_picked_entries_from_the_list(make_app, filled_vault, paths, detector_tables):
    from reflectiejournaal.screens.entries import EntriesScreen

    install_tables(detector_tables, paths["cache"])
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
        await settle(pilot, app)
        screen = app.screen
        assert isinstance(screen, BundleScreen) and len(screen.entry_ids) == 2
        earlier = screen.review
        screen.query_one("#scan", Button).press()
        await scanned(pilot, app, screen, earlier)
        assert [e.title for e in screen.entries] == ["De moeder die niet kwam", "Losse gedachte"]


@pytest.mark.slow  # a long walk: the full suite only
async def test_a_word_the_review_missed_is_marked_and_replaced_everywhere(
        make_app, empty_vault, paths, detector_tables):
    """The user completes the review in the app: a word typed in 'Gemist?' is found in every
    spelling and replaced in the preview; what was decided before stays decided; 'Ook op de
    cliëntenlijst' keeps the name for every later bundle."""
    install_tables(detector_tables, paths["cache"])
    prepare(paths)
    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    moment = dt.datetime(2026, 2, 2, 20, tzinfo=TZ)
    journal.save(Entry("00000000000000c2", "note", "Bij de Lindenhof", moment, moment,
                       "In de lindenhof at oma truus alleen. De LINDENHOF belde.\n"))
    journal.vault.release_lock()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bundle(pilot, app)
        earlier = screen.review
        screen.query_one("#scan", Button).press()
        await scanned(pilot, app, screen, earlier)
        tree = screen.query_one("#findings", Tree)
        tree.focus()
        tree.move_cursor(tree.root.children[0])
        await pilot.press("v")  # Jan → Kees, decided before the mark
        screen.query_one("#mark", Input).value = "Lindenhof"
        earlier = screen.review
        screen.query_one("#mark-word", Button).press()
        await scanned(pilot, app, screen, earlier)
        preview = screen.query_one("#preview").source
        assert "indenhof" not in preview.lower() and "Notitie: Bij de [weggelaten]" in preview
        assert "In de [weggelaten] at oma truus alleen. De [weggelaten] belde." in preview
        labels = [str(node.label) for node in tree.root.children]
        assert labels[0].startswith("vervangen   Jan → Kees")  # still decided
        assert any("Lindenhof → [weggelaten]" in label and label.startswith("vervangen")
                   for label in labels), labels
        said = [n.message for n in app._notifications]
        assert any("‘Lindenhof’" in m and "vervangen" in m for m in said), said
        screen.query_one("#mark", Input).value = "+447700900456"  # not in the bundle
        earlier = screen.review
        screen.query_one("#mark-word", Button).press()
        await scanned(pilot, app, screen, earlier)
        about = [n.message for n in app._notifications if "+447700900456" in n.message]
        assert len(about) == 1 and "vervangen" not in about[0], about  # only: not found
        screen.query_one("#mark", Input).value = "Truus"
        earlier = screen.review
        screen.query_one("#mark-client", Button).press()
        await scanned(pilot, app, screen, earlier)
        assert "truus" not in screen.query_one("#preview").source.lower()
    assert [c.name for c in Journal(Vault.unlock(paths["vault"], PASSPHRASE), None).clients().clients] \
        == ["Jan", "Truus"]


async def test_the_entries_chosen_are_scanned_while_the_form_is_filled_in(
        make_app, empty_vault, paths, detector_tables, monkeypatch):
    """Once deduce is ready, the entries the form chooses are scanned in the background: the
    review the user then asks for comes from the cache at once."""
    from reflectiejournaal.bundle.detector import Detector

    install_tables(detector_tables, paths["cache"])
    prepare(paths)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_bundle(pilot, app)
        await until(pilot, lambda: screen.warmed, "the warm-up finished", seconds=30)
        assert (paths["cache"] / f"{app.journal.vault.vault_id}.findings").exists()

        def scanned_again(self, text):
            raise AssertionError("scanned again")

        monkeypatch.setattr(Detector, "base", scanned_again)
        earlier = screen.review
        screen.query_one("#scan", Button).press()
        await scanned(pilot, app, screen, earlier)
        assert [e.label for e in screen.review.entities.values()] != []
