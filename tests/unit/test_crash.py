"""Crash safety: a writer killed with SIGKILL at any moment leaves every item old or new."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import textwrap

from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE

WRITER = textwrap.dedent(
    """
    import sys
    from reflectiejournaal.vault.store import Vault
    vault = Vault.unlock(sys.argv[1], sys.argv[2])
    vault.acquire_lock()
    ids = sys.argv[3:]
    n = 0
    print("ready", flush=True)
    while True:
        n += 1
        for item_id in ids:
            # Sizes vary so that a torn write would show as a wrong length too.
            vault.write(item_id, "entry", f"{item_id} versie {n} ".encode() * (1 + n % 97))
        print(n, flush=True)
    """
)


def test_sigkill_during_writes_never_tears_an_item(made_vault, vault_path):
    vault, _ = made_vault
    ids = ["00000000000000a1", "00000000000000b2", "00000000000000c3"]
    for item_id in ids:
        vault.write(item_id, "entry", f"{item_id} versie 0 ".encode())
    vault.release_lock()
    rng = random.Random(20261122)
    for _ in range(25):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(vault_path), PASSPHRASE, *ids],
            stdout=subprocess.PIPE, text=True,
        )
        assert writer.stdout.readline().strip() == "ready"
        for _ in range(rng.randint(0, 6)):  # let it finish a few rounds, then kill mid-round
            writer.stdout.readline()
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()

        reopened = Vault.unlock(vault_path, PASSPHRASE)
        scan = reopened.scan()
        assert sorted(scan.items) == ids and not scan.conflicts and not scan.strays
        for item_id in ids:
            _, body = reopened.read(item_id)
            text = body.decode()
            version = int(text.split(" versie ")[1].split()[0])
            assert body == f"{item_id} versie {version} ".encode() * (1 + version % 97 if version else 1)
        reopened.acquire_lock()  # the killed writer's lock died with it
        reopened.release_lock()
