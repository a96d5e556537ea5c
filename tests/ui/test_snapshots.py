"""Snapshots at a fixed size, from a fixture vault with fixed dates.

Update only after looking at the report: ``pytest tests/ui/test_snapshots.py --snapshot-update``.
"""

from __future__ import annotations

from reflectiejournaal.screens.entry import EntryScreen
from tests.ui.conftest import SIZE, settle, start_writing, type_text, unlock


def test_unlock_screen(snap_compare, make_app, filled_vault):
    """You should see the lock screen: a passphrase field, an Openen button, the herstelcode hint."""
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_dashboard(snap_compare, make_app, filled_vault):
    """You should see the two quick actions for the next meeting and three recent entries,
    newest first; the title with [vet] shown literally, not as markup."""

    async def run_before(pilot):
        await unlock(pilot, pilot.app)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_guided_writing(snap_compare, make_app, filled_vault):
    """You should see question 1 of 7 of the casusinbreng with its help text, the overview of
    prompts on the left (none answered yet), the answer being typed, and the word count."""
    app = make_app()
    app.autosave_seconds = app.pause_save_seconds = 3600  # no "concept bewaard" time in the picture

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        await start_writing(pilot, pilot.app, "case")
        await type_text(pilot, "Op de groep weigerde J. te eten.")
        await settle(pilot, pilot.app)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_entry_view(snap_compare, make_app, filled_vault):
    """You should see the reflection rendered as Markdown: its heading, and
    "[bold red]boosheid[/bold red]" as literal text, with kind, date, meeting and tags above."""

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        pilot.app.push_screen(EntryScreen("00000000000000e2"))
        await settle(pilot, pilot.app)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_trajectory_view(snap_compare, paths, clock, filled_vault):
    """You should see a supervision trajectory: its learning questions on top, then ten meetings
    with dates and roles (kennismaking, klikbijeenkomst, tussen- and eindevaluatie), meeting 2
    marked as cancelled, meeting 4 as the next one (▸), and for meetings 1–2 what was written."""
    import datetime as dt

    from reflectiejournaal.app import ReflectieApp
    from reflectiejournaal.journal import Journal
    from reflectiejournaal.model import Entry
    from reflectiejournaal.screens.trajectory import TrajectoryScreen
    from reflectiejournaal.trajectory import Trajectory
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE, cheap_kdf

    journal = Journal(Vault.unlock(filled_vault, PASSPHRASE), None)
    trajectory = Trajectory.plan("0000000000000a01", "supervisie", "Supervisie bij Anna",
                                 dt.date(2026, 1, 7), supervisor="Anna de Vries", time="19:30")
    trajectory.update_meeting(2, status="cancelled")
    journal.save_trajectory(trajectory)
    tz = dt.timezone(dt.timedelta(hours=1))
    moment = dt.datetime(2026, 1, 5, 20, tzinfo=tz)
    journal.save(Entry("00000000000000f1", "learning_goals", "Leervragen", moment, moment,
                       "## Mijn leervragen\n\nHoe stel ik grenzen zonder het contact te verliezen?\n",
                       trajectory=trajectory.id, meeting=1, prompt_set="leervragen"))
    journal.save(Entry("00000000000000f2", "reflection", "Reflectie 1", moment, moment, "x",
                       trajectory=trajectory.id, meeting=1))
    journal.vault.release_lock()
    app = ReflectieApp(paths["vault"], paths["cache"], None, clock=clock, kdf=cheap_kdf,
                       today=lambda: dt.date(2026, 2, 20))

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        pilot.app.push_screen(TrajectoryScreen(trajectory.id))
        await settle(pilot, pilot.app)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _bundle_review(paths, detector_tables):
    """A casus naming a client in three forms, a sibling and a phone number, reviewed."""
    import datetime as dt

    from reflectiejournaal.clients import Client, ClientList
    from reflectiejournaal.journal import Journal
    from reflectiejournaal.model import Entry
    from reflectiejournaal.vault.store import Vault
    from tests.conftest import install_tables
    from tests.helpers import PASSPHRASE

    journal = Journal(Vault.unlock(paths["vault"], PASSPHRASE), None)
    moment = dt.datetime(2026, 10, 20, 20, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    journal.save(Entry("00000000000000b1", "case", "Casus voor bijeenkomst 5", moment, moment,
                       "noor belde; NOORS moeder ook. Noortje huilde. Haar broer Daan belde "
                       "vanaf 06-12345678.\n", meeting=5))
    journal.save_clients(ClientList([Client("Noor Bakker", nicknames=("Noortje",))]))
    journal.vault.release_lock()
    install_tables(detector_tables, paths["cache"])

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        await pilot.press("b")
        await settle(pilot, pilot.app)
        await pilot.press("ctrl+r")
        await settle(pilot, pilot.app)
        scroll, title = (pilot.app.screen.query_one(q) for q in ("#bundle", "#review-title"))
        for _ in range(100):  # until the review has been brought to the top (after layouts)
            if title.region.y - title.styles.margin.top == scroll.content_region.y:
                break
            await pilot.pause()
        await pilot.press("v")  # every form of Noor
        await pilot.press("down", "enter")  # open Daan
        await settle(pilot, pilot.app)

    return run_before


def test_bundle_review_at_80_by_24(snap_compare, make_app, filled_vault, paths, detector_tables):
    """You should see, on a small laptop terminal, the review brought to the top: "vervangen"
    before Noor Bakker → Cliënt A (3×), Daan → Persoon A opened with its one finding in context,
    the phone number open, the footer with Controleren, Schrijven, Vervangen, Laten staan."""
    run_before = _bundle_review(paths, detector_tables)
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_bundle_review(snap_compare, make_app, filled_vault, paths, detector_tables):
    """You should see the same review at the larger size, with the start of the preview in
    which Noor is Cliënt A everywhere and Daan still Daan (open)."""
    run_before = _bundle_review(paths, detector_tables)
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def _rekey_code_step(monkeypatch):
    monkeypatch.setattr("reflectiejournaal.screens.rekey.new_recovery_key", lambda: bytes(range(16)))

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        await pilot.press("s")
        await pilot.pause()
        pilot.app.screen.query_one("#rekey").press()
        await pilot.pause()
        from tests.helpers import PASSPHRASE

        await pilot.press(*PASSPHRASE, "enter")
        await settle(pilot, pilot.app)

    return run_before


def test_rekey_code_step_at_80_by_24(snap_compare, make_app, filled_vault, monkeypatch):
    """You should see, on a small terminal, "Sleutel vervangen" with what it revokes and what
    not, the new herstelcode 0000-… in the middle, the field to retype it and Verder."""
    assert snap_compare(make_app(), terminal_size=(80, 24),
                        run_before=_rekey_code_step(monkeypatch))


def test_rekey_code_step(snap_compare, make_app, filled_vault, monkeypatch):
    """You should see the same step at the larger size, in a centred dialog."""
    assert snap_compare(make_app(), terminal_size=SIZE, run_before=_rekey_code_step(monkeypatch))


def _rolled_back(paths, tmp_path, open_dialog: bool):
    """The note put back to an older version after an edit on this device."""
    import shutil

    from reflectiejournaal.journal import Journal
    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE

    item = paths["vault"] / "items" / "00000000000000e3.rj"
    shutil.copy(item, tmp_path / "oud.rj")
    vault = Vault.unlock(paths["vault"], PASSPHRASE)
    vault.acquire_lock()
    journal = Journal(vault, None, paths["state"])
    journal.save(journal.get("00000000000000e3").edited(body="Nieuwer.\n"))
    journal.close()
    shutil.copy(tmp_path / "oud.rj", item)

    async def run_before(pilot):
        await unlock(pilot, pilot.app)
        if open_dialog:
            listing = pilot.app.screen.query_one("#attention")
            listing.focus()
            listing.highlighted = 0
            await pilot.press("enter")
            await pilot.pause()

    return run_before


def test_dashboard_with_attention(snap_compare, make_app, filled_vault, paths, tmp_path):
    """You should see "Let op" at the top of the dashboard with one line: Teruggezet naar een
    oudere versie: ‘Losse gedachte’, above the quick actions and the recent entries."""
    assert snap_compare(make_app(), terminal_size=SIZE,
                        run_before=_rolled_back(paths, tmp_path, open_dialog=False))


def test_rollback_dialog_at_80_by_24(snap_compare, make_app, filled_vault, paths, tmp_path):
    """You should see, on a small terminal, what happened to ‘Losse gedachte’ (version 1 now,
    version 2 seen here), that nothing was thrown away, and Later / Houden zoals het is."""
    assert snap_compare(make_app(), terminal_size=(80, 24),
                        run_before=_rolled_back(paths, tmp_path, open_dialog=True))
