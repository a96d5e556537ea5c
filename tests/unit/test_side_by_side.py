"""Two writers on one vault (the app and the command line): each write takes the lock for that
write only, a change made meanwhile is never overwritten, and each sees the other's texts."""

from __future__ import annotations

import datetime as dt

import pytest

from reflectiejournaal.errors import ChangedElsewhere, NotDeletedChangedElsewhere, VaultLocked
from reflectiejournaal.journal import Journal
from reflectiejournaal.trajectory import Trajectory
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.vault.files import new_item_id
from tests.helpers import PASSPHRASE


@pytest.fixture
def app_and_cli(made_vault, vault_path, tmp_path):
    vault, _ = made_vault
    vault.release_lock()
    app_vault = Vault.unlock(vault_path, PASSPHRASE)
    app_vault.acquire_session()  # what the open app holds
    app = Journal(app_vault, tmp_path / "app-cache", tmp_path / "state")
    cli = Journal(Vault.unlock(vault_path, PASSPHRASE), tmp_path / "cli-cache", tmp_path / "state")
    yield app, cli
    app.close()
    cli.close()


def test_each_sees_what_the_other_wrote(app_and_cli):
    app, cli = app_and_cli
    assert not app.folder_changed()
    written = cli.create("note", "Geschreven op de opdrachtregel.")
    assert app.folder_changed()
    assert app.refresh() is True
    assert [s.id for s in app.summaries()] == [written.id]
    own = app.create("note", "In de app.")
    assert not app.folder_changed()  # its own write is no news
    cli.refresh()
    assert {s.id for s in cli.summaries()} == {written.id, own.id}


def test_an_edit_of_a_text_changed_meanwhile_keeps_both(app_and_cli):
    app, cli = app_and_cli
    entry = app.create("reflection", "Eerste versie.")
    opened, version = app.get_versioned(entry.id)  # the editor opens it
    cli.refresh()
    cli.save(cli.get(entry.id).edited(body="Op de opdrachtregel aangevuld."))
    app.refresh()  # the app picked the change up while the editor was open
    with pytest.raises(ChangedElsewhere) as kept:
        app.save(opened.edited(body="In de app herschreven."), base_version=version)
    assert app.get(entry.id).body == "Op de opdrachtregel aangevuld."  # theirs stays
    [copy] = app.conflicts
    assert copy.path.name == kept.value.details["copy"]
    assert app.conflict(copy).theirs.body == "In de app herschreven."  # ours beside it
    kept_both = app.resolve_conflict(copy, "both")
    bodies = {app.get(s.id).body for s in app.summaries()}
    assert bodies == {"Op de opdrachtregel aangevuld.", "In de app herschreven."}
    assert kept_both is not None and app.conflicts == []


def test_without_a_base_a_write_over_an_unseen_change_keeps_both(app_and_cli):
    app, cli = app_and_cli
    trajectory = Trajectory.plan(new_item_id(), "supervisie", "Supervisie", dt.date(2026, 1, 7))
    app.save_trajectory(trajectory)
    cli.refresh()
    theirs = cli.get_trajectory(trajectory.id)
    theirs.update_meeting(2, status="cancelled")
    cli.save_trajectory(theirs)
    trajectory.update_meeting(3, status="attended")  # the app's form, not refreshed
    with pytest.raises(ChangedElsewhere):
        app.save_trajectory(trajectory)
    assert app.get_trajectory(trajectory.id).meetings[1].status == "cancelled"
    assert len(app.conflicts) == 1


def test_a_text_changed_meanwhile_is_not_deleted(app_and_cli):
    app, cli = app_and_cli
    entry = app.create("note", "Tekst.")
    cli.refresh()
    cli.save(cli.get(entry.id).edited(body="Net nog aangevuld."))
    with pytest.raises(NotDeletedChangedElsewhere):
        app.delete(entry.id)
    assert app.get(entry.id).body == "Net nog aangevuld."


def test_the_app_holds_no_writer_lock_between_writes(app_and_cli):
    app, cli = app_and_cli
    app.create("note", "een")
    assert not app.vault.writable
    cli.vault.lock_wait = 0.1
    cli.create("note", "twee")  # would have been VaultLocked while the app was open
    second_app = Vault.unlock(app.vault.path, PASSPHRASE)
    with pytest.raises(VaultLocked):
        second_app.acquire_session()  # still one app at a time


def test_what_a_screen_read_is_its_base_also_after_the_app_picked_up_a_change(app_and_cli):
    """The app refreshes every few seconds: a screen holding the client list, a trajectory or
    an entry shown before that must not write over the change it picked up."""
    from reflectiejournaal.clients import Client, ClientList

    app, cli = app_and_cli
    app.save_clients(ClientList([Client("Anna de Vries")]))
    trajectory = Trajectory.plan(new_item_id(), "supervisie", "Supervisie", dt.date(2026, 1, 7))
    app.save_trajectory(trajectory)
    entry = app.create("note", "Tekst.")
    on_screen = (app.clients(), app.get_trajectory(trajectory.id), app.get_versioned(entry.id))
    cli.refresh()
    theirs = cli.clients()
    theirs.add(Client("Bram Jansen"))
    cli.save_clients(theirs)
    extended = cli.get_trajectory(trajectory.id)
    extended.add_meeting(dt.date(2026, 9, 1))
    cli.save_trajectory(extended)
    cli.save(cli.get(entry.id).edited(body="Aangevuld."))
    assert app.refresh()  # the app picks it all up while the screens are open

    clients, shown_trajectory, (_, shown_version) = on_screen
    clients.add(Client("Carla Smit"))
    with pytest.raises(ChangedElsewhere):
        app.save_clients(clients)
    assert {c.name for c in app.clients().clients} == {"Anna de Vries", "Bram Jansen", "Carla Smit"}
    shown_trajectory.update_meeting(1, status="attended")
    with pytest.raises(ChangedElsewhere):
        app.save_trajectory(shown_trajectory)
    assert len(app.get_trajectory(trajectory.id).meetings) == 11  # the added meeting stays
    with pytest.raises(NotDeletedChangedElsewhere):
        app.delete(entry.id, base_version=shown_version)
    assert app.get(entry.id).body == "Aangevuld."
    again = app.get_trajectory(trajectory.id)  # read again: saved without a conflict
    again.update_meeting(1, status="attended")
    app.save_trajectory(again)
    again.update_meeting(2, status="attended")
    app.save_trajectory(again)  # its own earlier save is no conflict
