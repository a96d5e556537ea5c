"""Rekey: a new vault key that an old header, old passphrase or old herstelcode cannot open."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import textwrap

import pytest

from reflectiejournaal.errors import DamagedItem, NotAVault, WrongPassphrase, WrongRecoveryCode
from reflectiejournaal.vault.header import HEADER_FILE
from reflectiejournaal.vault.recovery import format_recovery_code, new_recovery_key
from reflectiejournaal.vault.store import Vault
from reflectiejournaal.vault.files import new_item_id
from tests.helpers import PASSPHRASE, cheap_kdf

NEW_PASSPHRASE = "een heel andere zin voor later"


def _nothing_opens(vault_path, tmp_path, old_header: bytes, **unlock) -> None:
    """A copy of the vault with an old header: its old secret opens the header, no item."""
    stolen = tmp_path / "gestolen"
    shutil.copytree(vault_path, stolen)
    (stolen / HEADER_FILE).write_bytes(old_header)
    vault = (Vault.unlock(stolen, unlock["passphrase"]) if "passphrase" in unlock
             else Vault.recover(stolen, unlock["code"]))
    scan = vault.scan()
    assert scan.items
    for item in scan.items.values():
        with pytest.raises(DamagedItem):
            vault.read_file(item)


def test_after_rekey_an_old_header_with_the_old_secrets_opens_nothing(made_vault, vault_path,
                                                                      tmp_path):
    vault, old_code = made_vault
    before = new_item_id()
    vault.write(before, "entry", b"geschreven voor de wissel")
    old_header = (vault_path / HEADER_FILE).read_bytes()

    vault.change_passphrase(NEW_PASSPHRASE, kdf=cheap_kdf())
    written_after_passwd = new_item_id()
    vault.write(written_after_passwd, "entry", b"na passwd, voor rekey")
    # passwd alone rewraps the key: the old header still opens what is written after it.
    copy = tmp_path / "na-passwd"
    shutil.copytree(vault_path, copy)
    (copy / HEADER_FILE).write_bytes(old_header)
    assert Vault.unlock(copy, PASSPHRASE).read(written_after_passwd)[1] == b"na passwd, voor rekey"

    new_key = new_recovery_key()
    report = vault.rekey(NEW_PASSPHRASE, new_key)
    assert report.reencrypted == 2 and not report.unreadable
    after = new_item_id()
    vault.write(after, "entry", b"na de wissel")

    _nothing_opens(vault_path, tmp_path, old_header, passphrase=PASSPHRASE)
    shutil.rmtree(tmp_path / "gestolen")
    _nothing_opens(vault_path, tmp_path, old_header, code=old_code)

    # The new header: the new passphrase and the new code open everything, the old code nothing.
    for opened in (Vault.unlock(vault_path, NEW_PASSPHRASE),
                   Vault.recover(vault_path, format_recovery_code(new_key))):
        assert opened.read(before)[1] == b"geschreven voor de wissel"
        assert opened.read(after)[1] == b"na de wissel"
    with pytest.raises(WrongRecoveryCode):
        Vault.recover(vault_path, old_code)
    with pytest.raises(WrongPassphrase):
        Vault.unlock(vault_path, PASSPHRASE)
    assert "rekey" not in json.loads((vault_path / HEADER_FILE).read_bytes())


def test_a_copy_of_the_header_of_a_rekey_under_way_gives_the_old_secrets_nothing_new(
        made_vault, vault_path, tmp_path):
    """It held the new key sealed under the old one: old header + old passphrase, or the old
    herstelcode, led to the new key (an adversarial review)."""
    vault, old_code = made_vault
    old_header = (vault_path / HEADER_FILE).read_bytes()
    vault.change_passphrase(NEW_PASSPHRASE, kdf=cheap_kdf())
    vault.begin_rekey(NEW_PASSPHRASE, new_recovery_key())  # then interrupted
    after = new_item_id()
    vault.write(after, "entry", b"geheim na de wissel")
    pending_header = (vault_path / HEADER_FILE).read_bytes()
    assert b"rekey" in pending_header
    for header, secret in ((old_header, {"passphrase": PASSPHRASE}),
                           (pending_header, {"code": old_code})):
        stolen = tmp_path / "gestolen"
        shutil.rmtree(stolen, ignore_errors=True)
        shutil.copytree(vault_path, stolen)
        (stolen / HEADER_FILE).write_bytes(header)
        opened = (Vault.unlock(stolen, secret["passphrase"]) if "passphrase" in secret
                  else Vault.recover(stolen, secret["code"]))
        assert opened.keys.next is None
        with pytest.raises(DamagedItem):
            opened.read(after)
    assert Vault.unlock(vault_path, NEW_PASSPHRASE).read(after)[1] == b"geheim na de wissel"


def test_a_rekey_the_passphrase_does_not_open_is_neither_resumed_nor_replaced_unasked(
        made_vault, vault_path):
    """Someone who knew the old key wrote a rekey of their own into the header: the user's
    writes went under their key, and 'rekey' finished it for them."""
    from dataclasses import replace

    from reflectiejournaal.errors import UnfinishedRekey
    from reflectiejournaal.vault.header import Header
    from reflectiejournaal.vault.slots import PendingRekey, seal_retired

    vault, _ = made_vault
    theirs = b"\x07" * 32
    planted = PendingRekey(
        Header.wrap_passphrase(vault.vault_id, theirs, "hun eigen wachtwoordzin", cheap_kdf()),
        Header.wrap_recovery(vault.vault_id, theirs, new_recovery_key()),
        seal_retired(theirs, vault.vault_id, [vault.keys.current]))
    (vault_path / HEADER_FILE).write_bytes(replace(vault.header, rekey=planted).to_bytes())
    mine = Vault.unlock(vault_path, PASSPHRASE)
    assert mine.rekey_unopened and not mine.rekey_pending
    assert mine.keys.write_key == vault.keys.current  # never the planted key
    mine._lock = vault._lock
    with pytest.raises(UnfinishedRekey):
        mine.begin_rekey(PASSPHRASE, new_recovery_key())
    mine.rekey(PASSPHRASE, new_recovery_key(), replace_unfinished=True)
    assert Vault.unlock(vault_path, PASSPHRASE).keys.write_key not in (theirs, vault.keys.current)


def test_a_device_unlocked_before_another_rekeyed_cannot_undo_it(made_vault, vault_path):
    """B stayed unlocked while A rekeyed; B's passphrase change wrote its stale header back,
    and every item A re-encrypted became unreadable (an adversarial review)."""
    from reflectiejournaal.errors import VaultChangedElsewhere

    vault, _ = made_vault
    item = new_item_id()
    vault.write(item, "entry", b"tekst")
    other = Vault.unlock(vault_path, PASSPHRASE)
    other._lock = vault._lock
    vault.rekey(PASSPHRASE, new_recovery_key())
    for change in (lambda: other.change_passphrase(NEW_PASSPHRASE, kdf=cheap_kdf()),
                   lambda: other.replace_recovery_code(new_recovery_key()),
                   lambda: other.rekey(PASSPHRASE, new_recovery_key())):
        with pytest.raises(VaultChangedElsewhere):
            change()
    assert Vault.unlock(vault_path, PASSPHRASE).read(item)[1] == b"tekst"


def test_rekey_asks_the_current_passphrase(vault):
    with pytest.raises(WrongPassphrase):
        vault.begin_rekey("niet de wachtwoordzin", new_recovery_key())
    assert not vault.rekey_pending


def test_an_item_another_device_sealed_under_the_old_key_stays_readable(made_vault, vault_path):
    vault, _ = made_vault
    laggard = Vault.unlock(vault_path, PASSPHRASE)  # unlocked before the rekey, elsewhere
    vault.rekey(PASSPHRASE, new_recovery_key())
    late = new_item_id()
    laggard._lock = vault._lock  # the same process stands in for the other device
    laggard.write(late, "entry", b"nog met de oude sleutel")
    reopened = Vault.unlock(vault_path, PASSPHRASE)
    opened = reopened.read_opened(late)
    assert opened.body == b"nog met de oude sleutel" and opened.old_key
    assert opened.key_rank == 2
    # A rekey does not launder it (it may be a forgery): the user decides on it first.
    reopened._lock = vault._lock
    report = reopened.rekey(PASSPHRASE, new_recovery_key())
    assert report.left_old == [f"{late}.rj"] and reopened.read_opened(late).key_rank == 2


def test_a_new_herstelcode_alone_replaces_the_old_one(made_vault, vault_path):
    vault, old_code = made_vault
    key = new_recovery_key()
    vault.replace_recovery_code(key)
    with pytest.raises(WrongRecoveryCode):
        Vault.recover(vault_path, old_code)
    assert Vault.recover(vault_path, format_recovery_code(key)).keys.current == vault.keys.current


def test_a_header_with_a_damaged_key_list_is_refused(made_vault, vault_path):
    vault, _ = made_vault
    vault.rekey(PASSPHRASE, new_recovery_key())
    document = json.loads((vault_path / HEADER_FILE).read_bytes())
    for value in ("AAAA", "x" * 7, 5, ""):
        document["retired_keys"] = value
        (vault_path / HEADER_FILE).write_text(json.dumps(document))
        with pytest.raises(NotAVault):
            Vault.unlock(vault_path, PASSPHRASE)


REKEYER = textwrap.dedent(
    """
    import sys
    import reflectiejournaal.vault.store as v
    from reflectiejournaal.vault import item_store, rekey
    from reflectiejournaal.vault.recovery import parse_recovery_code
    from tests.helpers import cheap_kdf

    def traced(path, data, _write=v.atomic_write):  # every durable write: header and items
        _write(path, data)
        print("wrote", flush=True)

    for module in (v, item_store, rekey):  # the modules that write
        if hasattr(module, "atomic_write"):
            module.atomic_write = traced
    vault = v.Vault.unlock(sys.argv[1], sys.argv[2])
    vault.acquire_lock()
    print("ready", flush=True)
    vault.rekey(sys.argv[2], parse_recovery_code(sys.argv[3]))
    print("done", flush=True)
    """
)


def test_a_rekey_killed_again_and_again_resumes_and_loses_nothing(made_vault, vault_path,
                                                                    tmp_path):
    vault, old_code = made_vault
    bodies = {new_item_id(): f"item {n} ".encode() * (1 + n * 7) for n in range(40)}
    for item_id, body in bodies.items():
        vault.write(item_id, "entry", body)
    vault.release_lock()
    old_header = (vault_path / HEADER_FILE).read_bytes()
    old_key = Vault.unlock(vault_path, PASSPHRASE).keys.current
    new_code = format_recovery_code(new_recovery_key())
    rng = random.Random(20261123)
    for round_ in range(200):
        child = subprocess.Popen(
            [sys.executable, "-c", REKEYER, str(vault_path), PASSPHRASE, new_code],
            stdout=subprocess.PIPE, text=True,
        )
        assert child.stdout.readline().strip() == "ready"
        last = ""
        for _ in range(rng.randint(0, 6)):  # killed after a few writes, or mid-write
            last = child.stdout.readline().strip()
            if last in ("done", ""):
                break
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        if last == "done":
            break
        # Between kills: everything reads, with the passphrase and with either code.
        reopened = Vault.unlock(vault_path, PASSPHRASE)
        for item_id, body in bodies.items():
            assert reopened.read(item_id)[1] == body
        if reopened.rekey_pending:  # the new code reads everything; the old one never the new key
            with_new_code = Vault.recover(vault_path, new_code)
            assert {i: with_new_code.read(i)[1] for i in bodies} == bodies
            assert Vault.recover(vault_path, old_code).rekey_unopened
        elif reopened.keys.current != old_key:
            break  # killed after its last write, before it said "done": a next run would rekey again
    else:
        pytest.fail("the rekey never finished")
    assert round_ > 3  # it was really interrupted, and resumed
    done = Vault.unlock(vault_path, PASSPHRASE)
    assert not done.rekey_pending
    assert {i: done.read_opened(i).body for i in bodies} == bodies
    assert not any(done.read_opened(i).old_key for i in bodies)
    _nothing_opens(vault_path, tmp_path, old_header, passphrase=PASSPHRASE)
