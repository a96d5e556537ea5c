"""The client list is no single point of failure: two devices, conflict copies, imports."""

from __future__ import annotations

import pytest

from reflectiejournaal.clients import Client, ClientList
from reflectiejournaal.errors import InvalidEntry
from reflectiejournaal.journal import CLIENTS, Journal
from reflectiejournaal.transfer.importer import import_directory
from reflectiejournaal.vault.files import ITEMS_DIR, new_item_id


def names(journal: Journal) -> list[str]:
    return sorted(c.name for c in journal.clients().clients)


def test_lists_started_on_two_devices_are_both_kept(journal, vault, cache_path):
    journal.save_clients(ClientList([Client("Noor Bakker", nicknames=("Noortje",))]))
    # The other device's list arrives through the sync tool, with an id of its own.
    other = ClientList([Client("Sanne de Vries"), Client("noor bakker", "Cliënt N", ("Noor",))])
    vault.write(new_item_id(), CLIENTS, other.to_bytes())
    reopened = Journal(vault, cache_path)
    merged = reopened.clients()
    assert names(reopened) == ["Noor Bakker", "Sanne de Vries"]
    noor = next(c for c in merged.clients if c.name == "Noor Bakker")
    assert set(noor.nicknames) == {"Noortje", "Noor"} and noor.pseudonym == "Cliënt N"
    reopened.save_clients(merged)
    assert [r.item_type for r in reopened._records.values()].count(CLIENTS) == 1
    assert names(Journal(vault, cache_path)) == ["Noor Bakker", "Sanne de Vries"]


def test_a_conflict_copy_of_the_list_is_merged_and_resolvable(journal, vault, cache_path):
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    [list_id] = [i for i, r in journal._records.items() if r.item_type == CLIENTS]
    items = vault.path / ITEMS_DIR
    copy_path = items / f"{list_id}.sync-conflict-20261122-101010-ABC.rj"
    copy_path.write_bytes((items / f"{list_id}.rj").read_bytes())  # the laptop's version
    journal.save_clients(ClientList([Client("Kevin Smit")]))  # the phone dropped Noor
    reopened = Journal(vault, cache_path)
    assert names(reopened) == ["Kevin Smit", "Noor Bakker"]  # only the user removes a name
    [copy] = reopened.conflicts
    assert reopened.resolve_conflict(copy, "copy") is None  # failed before: not an entry
    assert not copy_path.exists() and reopened.conflicts == []
    assert names(Journal(vault, cache_path)) == ["Kevin Smit", "Noor Bakker"]


def test_an_import_with_the_lists_id_is_refused(journal, vault, cache_path, tmp_path):
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    [list_id] = [i for i, r in journal._records.items() if r.item_type == CLIENTS]
    folder = tmp_path / "import"
    folder.mkdir()
    (folder / "a.md").write_text(f"---\nid: {list_id}\nkind: note\ntitle: x\n---\nTekst\n")
    report = import_directory(journal, folder)
    assert [type(e) for _, e in report.failed] == [InvalidEntry] and report.new == 0
    assert names(journal) == ["Noor Bakker"]
    with pytest.raises(InvalidEntry):
        journal.save(journal.create("note", "x").edited(id=list_id))


def test_the_state_of_the_list_for_the_bundle_warning(journal, vault, cache_path):
    assert journal.clients_state() == "missing"
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    assert journal.clients_state() == "ok"
    [list_id] = [i for i, r in journal._records.items() if r.item_type == CLIENTS]
    path = vault.path / ITEMS_DIR / f"{list_id}.rj"
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF
    path.write_bytes(bytes(data))
    assert Journal(vault, cache_path).clients_state() == "damaged"


def test_a_copy_of_the_list_is_the_list_when_the_original_is_gone(journal, vault, cache_path):
    journal.save_clients(ClientList([Client("Noor Bakker")]))
    [list_id] = [i for i, r in journal._records.items() if r.item_type == CLIENTS]
    items = vault.path / ITEMS_DIR
    (items / f"{list_id}.rj").rename(items / f"{list_id}.sync-conflict-20261122-101010-ABC.rj")
    reopened = Journal(vault, cache_path)
    assert names(reopened) == ["Noor Bakker"]
    [copy] = reopened.conflicts
    reopened.resolve_conflict(copy, "current")  # deleted the only list before
    assert names(Journal(vault, cache_path)) == ["Noor Bakker"]


def test_a_stale_copy_does_not_bring_back_a_cleared_pseudonym(journal, vault, cache_path):
    """A pseudonym of initials the user cleared would have gone into bundles again."""
    journal.save_clients(ClientList([Client("Pieter de Vries", "P.d.V.")]))
    [list_id] = [i for i, r in journal._records.items() if r.item_type == CLIENTS]
    items = vault.path / ITEMS_DIR
    laptop = (items / f"{list_id}.rj").read_bytes()
    journal.save_clients(ClientList([Client("Pieter de Vries")]))  # cleared on the phone
    (items / f"{list_id}.sync-conflict-20261122-101010-ABC.rj").write_bytes(laptop)  # arrives
    reopened = Journal(vault, cache_path)
    assert len(reopened.conflicts) == 1
    [pieter] = reopened.clients().clients
    assert pieter.pseudonym == ""



def test_a_copy_adds_its_nicknames_and_its_capitals_to_a_name_the_list_has(journal, vault,
                                                                         cache_path):
    """Issue 24: a copy that added the nickname "Nono", or spelt the name with capitals, was
    merged keeping neither; the next bundle did not know "Nono" as her."""
    journal.save_clients(ClientList([Client("noor van der meulen", "", ("Noor",))]))
    [list_id] = [i for i, r in journal._records.items() if r.item_type == CLIENTS]
    items = vault.path / ITEMS_DIR
    journal.save_clients(ClientList([Client("Noor van der Meulen", "", ("Noor", "Nono"))]))
    laptop = (items / f"{list_id}.rj").read_bytes()  # the laptop added a nickname
    journal.save_clients(ClientList([Client("noor van der meulen", "", ("Noor",))]))
    (items / f"{list_id}.sync-conflict-20261122-101010-ABC.rj").write_bytes(laptop)
    [noor] = Journal(vault, cache_path).clients().clients
    assert (noor.name, noor.nicknames) == ("Noor van der Meulen", ("Noor", "Nono"))


def test_two_devices_that_each_start_a_list_write_the_same_item(vault, tmp_path):
    """Both write the one id every device derives, so the sync tool makes a conflict copy,
    which is merged; before, each had an id of its own and one list could win silently."""
    import shutil

    from reflectiejournaal.vault.store import Vault
    from tests.helpers import PASSPHRASE

    offline = tmp_path / "telefoon"
    shutil.copytree(vault.path, offline)
    here = Journal(vault, None)
    here.save_clients(ClientList([Client("Noor Bakker")]))
    phone_vault = Vault.unlock(offline, PASSPHRASE)
    phone_vault._lock = vault._lock  # another device: its own lock
    phone = Journal(phone_vault, None)
    phone.save_clients(ClientList([Client("Kevin Smit")]))
    list_id = here.singleton_id(CLIENTS)
    assert phone.singleton_id(CLIENTS) == list_id
    assert {i for i, r in here._records.items() if r.item_type == CLIENTS} == {list_id}
    # The sync tool keeps one file and renames the other.
    theirs = offline / ITEMS_DIR / f"{list_id}.rj"
    shutil.copy(theirs, vault.path / ITEMS_DIR / f"{list_id}.sync-conflict-20261123-1.rj")
    assert names(Journal(vault, None)) == ["Kevin Smit", "Noor Bakker"]
    with pytest.raises(InvalidEntry):  # an entry can never take the id, even before a list
        Journal(phone_vault, None).save(here.create("note", "x").edited(
            id=here.singleton_id("settings")))


def test_a_conflict_copy_of_the_settings_can_be_kept(journal, vault, cache_path):
    from reflectiejournaal.settings import Settings

    journal.save_settings(Settings(idle_minutes=5))
    settings_id = journal.singleton_id("settings")
    items = vault.path / ITEMS_DIR
    copy_path = items / f"{settings_id}.sync-conflict-1.rj"
    copy_path.write_bytes((items / f"{settings_id}.rj").read_bytes())  # the other device: 5
    journal.save_settings(Settings(idle_minutes=30))
    reopened = Journal(vault, cache_path)
    [copy] = reopened.conflicts
    with pytest.raises(InvalidEntry):
        reopened.resolve_conflict(copy, "both")
    reopened.resolve_conflict(copy, "copy")  # failed before: only discardable
    assert not copy_path.exists() and Journal(vault, cache_path).settings().idle_minutes == 5
