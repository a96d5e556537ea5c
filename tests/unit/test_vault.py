"""The vault: keys, slots, items on disk, tampering, durability and the writer lock."""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path

import pytest

from reflectiejournaal.vault import crypto
from reflectiejournaal.vault import fsutil
from reflectiejournaal.vault.fsutil import lock_folder
from reflectiejournaal.errors import (
    DamagedItem,
    HostileKdfParameters,
    ItemNotFound,
    MistypedRecoveryCode,
    NotAVault,
    VaultExists,
    VaultLocked,
    VaultNotFound,
    WriteFailed,
    WrongPassphrase,
    WrongRecoveryCode,
)
from reflectiejournaal.vault.header import HEADER_FILE
from reflectiejournaal.journal import Journal
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.vault.files import ITEMS_DIR, new_item_id
from tests.helpers import PASSPHRASE, cheap_kdf

SECRET = "Cliënt J. vertelde over zijn vader; ik voelde me machteloos.".encode()


def item_files(vault: Vault) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((vault.path / ITEMS_DIR).iterdir())}


# -- creating and unlocking ------------------------------------------------------------------
def test_unlock_with_passphrase_reads_what_was_written(made_vault, vault_path):
    vault, _ = made_vault
    item_id = new_item_id()
    vault.write(item_id, "entry", SECRET)
    again = Vault.unlock(vault_path, PASSPHRASE)
    assert again.read(item_id) == ("entry", SECRET)


def test_wrong_passphrase_is_refused(made_vault, vault_path):
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, PASSPHRASE + " ")


def test_composed_and_decomposed_passphrases_are_the_same(tmp_path):
    composed = "één reflectie per week"
    decomposed = "e\u0301e\u0301n reflectie per week"
    Vault.create(tmp_path / "v", composed, kdf=cheap_kdf())[0].release_lock()
    assert Vault.unlock(tmp_path / "v", decomposed).vault_id


def test_herstelcode_unlocks_and_a_wrong_one_does_not(made_vault, vault_path, tmp_path):
    vault, code = made_vault
    item_id = new_item_id()
    vault.write(item_id, "entry", SECRET)
    assert Vault.recover(vault_path, code).read(item_id) == ("entry", SECRET)
    _, other_code = Vault.create(tmp_path / "andere", PASSPHRASE, kdf=cheap_kdf())
    with pytest.raises(WrongRecoveryCode):
        Vault.recover(vault_path, other_code)


def test_mistyped_herstelcode_is_caught_before_key_work(made_vault, vault_path, monkeypatch):
    _, code = made_vault
    monkeypatch.setattr(crypto, "hkdf", lambda *a, **k: pytest.fail("no key work on a typo"))
    typo = ("A" if code[0] != "A" else "B") + code[1:]
    with pytest.raises(MistypedRecoveryCode):
        Vault.recover(vault_path, typo)


def test_missing_and_foreign_vaults(tmp_path):
    with pytest.raises(VaultNotFound):
        Vault.unlock(tmp_path / "nergens", PASSPHRASE)
    foreign = tmp_path / "vreemd"
    foreign.mkdir()
    (foreign / "notities.txt").write_text("hallo")
    with pytest.raises(NotAVault):
        Vault.unlock(foreign, PASSPHRASE)
    (foreign / HEADER_FILE).write_text(json.dumps({"format": "iets-anders", "version": 1}))
    with pytest.raises(NotAVault):
        Vault.unlock(foreign, PASSPHRASE)


def test_create_refuses_an_existing_vault_or_a_full_folder(made_vault, vault_path, tmp_path):
    with pytest.raises(VaultExists):
        Vault.create(vault_path, PASSPHRASE, kdf=cheap_kdf())
    full = tmp_path / "vol"
    full.mkdir()
    (full / "iets").write_text("x")
    with pytest.raises(VaultExists):
        Vault.create(full, PASSPHRASE, kdf=cheap_kdf())


def test_header_and_items_reveal_no_plaintext(made_vault, vault_path):
    vault, _ = made_vault
    item_id = new_item_id()
    vault.write(item_id, "entry", SECRET)
    for path in vault_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert b"machteloos" not in data and b"entry" not in data


def test_file_modes_are_private(made_vault, vault_path):
    vault, _ = made_vault
    vault.write(new_item_id(), "entry", SECRET)
    for path in [vault_path, *vault_path.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path


# -- the header --------------------------------------------------------------------------------
def _edit_header(vault_path: Path, change) -> None:
    header = vault_path / HEADER_FILE
    document = json.loads(header.read_text())
    change(document)
    header.write_text(json.dumps(document))


@pytest.mark.parametrize(
    "field, value",
    [("iterations", 2), ("memory_kib", 128), ("lanes", 2), ("salt", "AAAAAAAAAAAAAAAAAAAAAA==")],
)
def test_tampered_kdf_parameters_make_unlocking_fail(made_vault, vault_path, field, value):
    _edit_header(vault_path, lambda d: d["passphrase_slot"].__setitem__(field, value))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, PASSPHRASE)


def test_tampered_vault_id_makes_both_slots_fail(made_vault, vault_path):
    _, code = made_vault
    _edit_header(vault_path, lambda d: d.__setitem__("vault_id", "0" * 32))
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, PASSPHRASE)
    with pytest.raises(WrongRecoveryCode):
        Vault.recover(vault_path, code)


@pytest.mark.parametrize(
    "field, value", [("memory_kib", 2**40), ("iterations", 10**9), ("lanes", 10**6)]
)
def test_absurd_kdf_parameters_are_refused_at_once(made_vault, vault_path, monkeypatch, field, value):
    monkeypatch.setattr(crypto, "Argon2id", lambda **k: pytest.fail("no derivation"))
    _edit_header(vault_path, lambda d: d["passphrase_slot"].__setitem__(field, value))
    with pytest.raises(HostileKdfParameters):
        Vault.unlock(vault_path, PASSPHRASE)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.__setitem__("version", 99),
        lambda d: d["passphrase_slot"].__setitem__("memory_kib", "veel"),
        lambda d: d["passphrase_slot"].__setitem__("salt", "@@@"),
        lambda d: d.pop("recovery_slot"),
        lambda d: d.__setitem__("vault_id", "\u0660" * 32),  # Arabic-Indic digits: int() takes them
        lambda d: d.__setitem__("vault_id", "ABCDEF" + "0" * 26),  # not the lowercase we write
        lambda d: d.__setitem__("version", True),  # True == 1 in Python, not in JSON
        lambda d: d["passphrase_slot"].__setitem__("lanes", 1.0),
        lambda d: d.__setitem__("vault_id", ["0" * 32]),
        lambda d: d["recovery_slot"].__setitem__("salt", ""),  # an empty salt was accepted
    ],
)
def test_malformed_headers_are_not_a_vault(made_vault, vault_path, change):
    _edit_header(vault_path, change)
    with pytest.raises(NotAVault):
        Vault.unlock(vault_path, PASSPHRASE)


@pytest.mark.parametrize("document", [b"[" * 60_000, b"[]", b"null", b'"x"', b"\xff\xfe"],
                         ids=["deep", "list", "null", "string", "not-utf8"])
def test_a_header_that_is_no_object_or_too_deep_is_damaged_not_a_crash(made_vault, vault_path,
                                                                        monkeypatch, document):
    monkeypatch.setattr(crypto, "Argon2id", lambda **k: pytest.fail("no derivation"))
    (vault_path / HEADER_FILE).write_bytes(document)
    with pytest.raises(NotAVault):
        Vault.unlock(vault_path, PASSPHRASE)


def test_huge_header_is_refused_without_reading_it_all(made_vault, vault_path):
    (vault_path / HEADER_FILE).write_bytes(b" " * (10 * 1024 * 1024))
    with pytest.raises(NotAVault):
        Vault.unlock(vault_path, PASSPHRASE)


def test_passphrase_change_keeps_items_byte_identical(made_vault, vault_path):
    vault, code = made_vault
    for _ in range(3):
        vault.write(new_item_id(), "entry", SECRET)
    before = item_files(vault)
    vault.change_passphrase("een heel nieuwe zin", kdf=cheap_kdf())
    assert item_files(vault) == before
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, PASSPHRASE)
    reopened = Vault.unlock(vault_path, "een heel nieuwe zin")
    assert {reopened.read(i[:-3])[1] for i in before} == {SECRET}
    assert Vault.recover(vault_path, code).vault_id == vault.vault_id  # herstelcode still works


# -- items: tampering --------------------------------------------------------------------------
@pytest.fixture
def sample(vault):
    item_id = new_item_id()
    vault.write(item_id, "entry", SECRET)
    path = vault.path / ITEMS_DIR / f"{item_id}.rj"
    return item_id, path, path.read_bytes()


def test_every_flipped_bit_position_and_truncation_gives_a_defined_error(vault, sample):
    item_id, path, original = sample
    outcomes = set()
    for offset in range(len(original)):
        for damaged in (
            original[:offset] + bytes([original[offset] ^ 0x01]) + original[offset + 1 :],
            original[:offset],
        ):
            path.write_bytes(damaged)
            with pytest.raises((DamagedItem, ItemNotFound)) as caught:
                vault.read(item_id)
            outcomes.add(type(caught.value))
    assert outcomes == {DamagedItem}
    path.write_bytes(original)
    assert vault.read(item_id) == ("entry", SECRET)


def test_swapped_items_are_detected(vault):
    a, b = new_item_id(), new_item_id()
    vault.write(a, "entry", b"A")
    vault.write(b, "entry", b"B")
    items = vault.path / ITEMS_DIR
    (items / f"{b}.rj").write_bytes((items / f"{a}.rj").read_bytes())
    assert vault.read(a) == ("entry", b"A")
    with pytest.raises(DamagedItem) as caught:
        vault.read(b)
    assert caught.value.details["reason"] == "swapped"


def test_swapped_item_with_rewritten_clear_id_fails_authentication(vault):
    a, b = new_item_id(), new_item_id()
    vault.write(a, "entry", b"A")
    vault.write(b, "entry", b"B")
    items = vault.path / ITEMS_DIR
    forged = (items / f"{a}.rj").read_bytes().replace(a.encode(), b.encode(), 1)
    (items / f"{b}.rj").write_bytes(forged)
    with pytest.raises(DamagedItem) as caught:
        vault.read(b)
    assert caught.value.details["reason"] == "authentication"


def test_item_from_another_vault_is_rejected(vault, tmp_path):
    other, _ = Vault.create(tmp_path / "andere", PASSPHRASE, kdf=cheap_kdf())
    item_id = new_item_id()
    other.write(item_id, "entry", SECRET)
    source = other.path / ITEMS_DIR / f"{item_id}.rj"
    (vault.path / ITEMS_DIR / f"{item_id}.rj").write_bytes(source.read_bytes())
    with pytest.raises(DamagedItem):
        vault.read(item_id)


def test_unknown_or_invalid_ids_are_not_found(vault):
    with pytest.raises(ItemNotFound):
        vault.read("0123456789abcdef")
    with pytest.raises(ItemNotFound):
        vault.read("../../etc/passwd")


# -- scanning, conflicts and strays ----------------------------------------------------------
def test_conflict_copies_are_recognised_by_their_header(vault):
    item_id = new_item_id()
    vault.write(item_id, "entry", b"versie op laptop")
    items = vault.path / ITEMS_DIR
    mine = (items / f"{item_id}.rj").read_bytes()
    vault.write(item_id, "entry", b"versie op telefoon")
    names = [
        f"{item_id}.sync-conflict-20261122-101010-ABCDEFG.rj",  # Syncthing
        f"{item_id} (conflicted copy 2026-11-22).rj",  # Dropbox
        f"{item_id} (conflict 2026-11-22 101010).rj",  # Nextcloud
    ]
    for name in names:
        (items / name).write_bytes(mine)
    (items / "desktop.ini").write_bytes(b"[.ShellClassInfo]")
    (items / f".syncthing.{item_id}.rj.tmp").write_bytes(b"half a file")  # a sync in progress
    (items / ".DS_Store").write_bytes(b"\x00")
    scan = vault.scan()
    assert list(scan.items) == [item_id]
    assert sorted(c.path.name for c in scan.conflicts) == sorted(names)
    assert {c.item_id for c in scan.conflicts} == {item_id}
    assert [p.name for p in scan.strays] == ["desktop.ini"]
    copy = scan.conflicts[0]
    assert vault.open_item_bytes(copy.path.read_bytes(), copy.path.name)[2] == b"versie op laptop"


# -- durability --------------------------------------------------------------------------------
@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_failed_write_leaves_the_old_version_and_no_temp_file(vault, monkeypatch, failing):
    item_id = new_item_id()
    vault.write(item_id, "entry", b"oud")

    def fail(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil.os, failing, fail)
    with pytest.raises(WriteFailed) as caught:
        vault.write(item_id, "entry", b"nieuw")
    monkeypatch.undo()
    assert caught.value.details["reason"] == "disk_full"
    assert vault.read(item_id) == ("entry", b"oud")
    assert [p.name for p in (vault.path / ITEMS_DIR).iterdir()] == [f"{item_id}.rj"]


def test_stale_temp_files_are_cleaned_when_the_writer_lock_is_taken(made_vault, vault_path):
    vault, _ = made_vault
    vault.release_lock()
    stale = vault_path / ITEMS_DIR / ".tmp-0123456789abcdef"
    stale.write_bytes(b"ciphertext left by a crash")
    os.utime(stale, (1, 1))
    fresh = vault_path / ITEMS_DIR / ".tmp-fedcba9876543210"
    fresh.write_bytes(b"a write in progress elsewhere")
    vault.acquire_lock()
    assert not stale.exists() and fresh.exists()


# -- the writer lock ---------------------------------------------------------------------------
def test_second_writer_is_refused_with_the_holder_named(made_vault, vault_path):
    other = Vault.unlock(vault_path, PASSPHRASE)
    other.lock_wait = 0.2  # not the ten seconds a write of another process may take
    with pytest.raises(VaultLocked) as caught:
        other.acquire_lock()
    assert f"pid {os.getpid()}" in caught.value.details["holder"]
    with pytest.raises(VaultLocked):
        other.write(new_item_id(), "entry", b"x")
    made_vault[0].release_lock()
    other.acquire_lock()
    other.write(new_item_id(), "entry", b"x")
    other.release_lock()


def test_the_lock_lives_on_this_machine_not_in_the_synced_vault(made_vault, vault_path, tmp_path):
    vault, _ = made_vault
    assert vault.writable
    assert [p.name for p in vault_path.iterdir() if "lock" in p.name] == []
    held = lock_folder() / f"{vault.vault_id}.lock"
    assert held.is_file() and (held.stat().st_mode & 0o777) == 0o600


def test_every_process_of_the_user_finds_the_same_lock(made_vault, vault_path, monkeypatch):
    """A writer started from cron or ssh (another XDG_RUNTIME_DIR, HOME, XDG_CACHE_HOME) got a
    lock of its own and wrote beside the app."""
    for name in ("XDG_RUNTIME_DIR", "XDG_CACHE_HOME", "HOME"):
        monkeypatch.setenv(name, "/elders")
    with pytest.raises(VaultLocked):
        Vault.unlock(vault_path, PASSPHRASE).acquire_lock()


def test_a_planted_symlink_never_overwrites_a_file(made_vault, vault_path, tmp_path):
    """The old lock in the vault folder was opened through symlinks and truncated: a symlink
    planted in the synced folder turned a 13 KB document into 16 bytes."""
    vault, _ = made_vault
    vault.release_lock()
    victim = tmp_path / "scriptie.docx"
    victim.write_bytes(b"x" * 13_000)
    (vault_path / ".reflectiejournaal.lock").symlink_to(victim)  # the old place
    held = lock_folder() / f"{vault.vault_id}.lock"
    held.unlink()
    held.symlink_to(victim)  # and the new one, by a process of the same user
    with pytest.raises(WriteFailed):
        vault.acquire_lock()
    assert victim.read_bytes() == b"x" * 13_000
    held.unlink()
    vault.acquire_lock()
    vault.write(new_item_id(), "entry", b"x")
    assert victim.read_bytes() == b"x" * 13_000


def test_a_lock_folder_open_to_others_is_refused(made_vault, tmp_path, monkeypatch):
    vault, _ = made_vault
    vault.release_lock()
    monkeypatch.setattr(fsutil, "lock_home", lambda: tmp_path / "home")  # not the real one
    lock_folder()
    os.chmod(tmp_path / "home" / ".cache" / "reflectiejournaal" / "locks", 0o777)
    with pytest.raises(WriteFailed):
        vault.acquire_lock()


def test_symlinks_and_fifos_in_the_items_folder_are_never_followed_or_waited_on(
        made_vault, vault_path, tmp_path):
    vault, _ = made_vault
    victim = tmp_path / "elders.txt"
    victim.write_bytes(b"niet van de kluis")
    planted = new_item_id()
    (vault_path / ITEMS_DIR / f"{planted}.rj").symlink_to(victim)
    os.mkfifo(vault_path / ITEMS_DIR / f"{new_item_id()}.rj")  # reading it would block forever
    (vault_path / ITEMS_DIR / "x.sync-conflict-1.rj").symlink_to(victim)
    scan = vault.scan()
    assert scan.items == {} and scan.conflicts == [] and scan.strays == []
    with pytest.raises(DamagedItem):
        vault.read(planted)


def test_an_items_folder_replaced_by_a_link_is_never_followed(made_vault, vault_path, tmp_path):
    """Issue 24: with items/ a link (a sync peer can make one), entries were written into the
    folder it points to, its old temp files deleted and its files reported as damage."""
    vault, _ = made_vault
    kept = new_item_id()
    vault.write(kept, "entry", b"in de kluis")
    elsewhere = tmp_path / "mijn-documenten"
    elsewhere.mkdir()
    (elsewhere / "brief.txt").write_text("van de gebruiker")
    old_temp = elsewhere / ".tmp-achtergelaten"
    old_temp.write_text("ook van de gebruiker")
    os.utime(old_temp, (0, 0))
    items = vault_path / ITEMS_DIR
    items.rename(vault_path / "items-weg")
    items.symlink_to(elsewhere, target_is_directory=True)
    before = sorted(p.name for p in elsewhere.iterdir())
    for attempt in (lambda: vault.scan(), lambda: vault.read(kept),
                    lambda: vault.write(new_item_id(), "entry", b"nieuw"),
                    lambda: vault.remove_file(items / "brief.txt"),
                    lambda: Journal(vault, None)):
        with pytest.raises(NotAVault) as caught:
            attempt()
        assert caught.value.details["reason"] == "items_not_a_folder"
    assert sorted(p.name for p in elsewhere.iterdir()) == before  # nothing written or removed


def test_a_huge_file_in_the_items_folder_is_damage_never_read_whole(made_vault, vault_path):
    """Issue 24: a 2 GiB sparse file (no disk to the one who planted it) made every command
    use 7 GB and die. Above the format's cap it is damage, named; the rest reads on."""
    vault, _ = made_vault
    kept = new_item_id()
    vault.write(kept, "entry", b"blijft leesbaar")
    planted = new_item_id()
    with open(vault_path / ITEMS_DIR / f"{planted}.rj", "wb") as huge:
        huge.truncate(2 * 1024**3)
    with pytest.raises(DamagedItem) as caught:
        vault.read(planted)
    assert caught.value.details["reason"] == "item_too_large"
    assert vault.read(kept)[1] == b"blijft leesbaar"


def test_a_file_this_user_may_not_read_is_damage_not_a_stop(made_vault, vault_path, monkeypatch):
    """Syncthing copies permission bits: one mode-000 file stopped list and the app. (Root
    reads any file, so the refusal is the kernel's answer, given here by hand.)"""
    vault, _ = made_vault
    kept = new_item_id()
    vault.write(kept, "entry", b"blijft leesbaar")
    locked = new_item_id()
    vault.write(locked, "entry", b"x")
    real_open = os.open

    def refusing_open(path, *args, **kwargs):
        if str(path).endswith(f"{locked}.rj"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(DamagedItem) as caught:
        vault.read(locked)
    assert caught.value.details["reason"] == "unreadable"
    assert vault.read(kept)[1] == b"blijft leesbaar"


def test_stale_temp_files_in_the_cache_folder_are_cleaned_when_it_is_written(journal, cache_path):
    """A killed writer's cache temp file (ciphertext, tens of MB) was never removed."""
    cache_path.mkdir(parents=True, exist_ok=True)
    stale = cache_path / ".tmp-0123456789abcdef"
    stale.write_bytes(b"ciphertext left by a kill")
    os.utime(stale, (1, 1))
    fresh = cache_path / ".tmp-fedcba9876543210"
    fresh.write_bytes(b"another process, writing now")
    journal.create("note", "iets")
    assert journal.flush()
    assert not stale.exists() and fresh.exists()
