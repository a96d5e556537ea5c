"""Unlock once per sitting (issue 12): ``unlock`` leaves the keys with an agent of this user,
every command uses it, it ends at ``lock`` or when idle, nobody else gets the keys, and they
never touch the disk."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from reflectiejournaal.vault.agent import AgentUnavailable, agent_folder, socket_path, vault_from_agent
from reflectiejournaal.vault.store import Vault
from tests.cli.conftest import Cli
from tests.helpers import PASSPHRASE


@pytest.fixture
def session(cli):
    """An unlocked sitting; locked again whatever the test did."""
    assert cli("unlock", "--minutes", "5").code == 0
    yield cli
    cli.raw("--vault", str(cli.vault), "lock")


def without_passphrase(cli: Cli, *args: str, **kwargs):
    return cli.raw("--vault", str(cli.vault), *args, **kwargs)


def test_after_unlock_commands_need_no_passphrase_until_lock(session):
    cli = session
    written = without_passphrase(cli, "new", "--kind", "note", stdin="Zonder wachtwoordzin.")
    assert written.code == 0, written.err
    listed = without_passphrase(cli, "list", "--json")
    assert listed.code == 0 and json.loads(listed.out)[0]["id"] == written.out.strip()
    locked = without_passphrase(cli, "lock")
    assert locked.code == 0 and "Vergrendeld" in locked.err
    after = without_passphrase(cli, "list")
    assert after.code == 2 and "wachtwoordzin" in after.err  # asked again (no terminal here)
    assert not socket_path(Vault.read_header(cli.vault).vault_id).exists()


def test_changing_the_passphrase_needs_it_and_ends_what_the_agent_serves(session, tmp_path):
    cli = session
    refused = without_passphrase(cli, "passwd")
    assert refused.code == 2  # the agent's key does not stand in for the passphrase
    new = tmp_path / "nieuw.txt"
    new.write_text("een heel andere lange wachtzin voor de kluis\n")
    assert cli("passwd", "--new-passphrase-file", str(new)).code == 0
    stale = without_passphrase(cli, "list")
    assert stale.code == 2  # the header changed: the agent's keys are not used


def test_the_agent_ends_after_its_idle_minutes(cli):
    vault_id = Vault.read_header(cli.vault).vault_id
    # A real agent with a short idle time (the command line takes whole minutes).
    started = subprocess.run([sys.executable, "-c", (
        "import sys; from reflectiejournaal.vault.store import Vault; "
        "from reflectiejournaal.vault.agent import start_agent; "
        f"start_agent(Vault.unlock(sys.argv[1], {PASSPHRASE!r}), 0.02)"), str(cli.vault)],
        capture_output=True, text=True, timeout=30)
    assert started.returncode == 0, started.stderr
    assert vault_from_agent(cli.vault).vault_id == vault_id  # serving (and the idle time restarts)
    deadline = time.monotonic() + 10
    while socket_path(vault_id).exists():
        assert time.monotonic() < deadline, "the agent did not end after 1.2 s of idleness"
        time.sleep(0.05)
    with pytest.raises(AgentUnavailable):
        vault_from_agent(cli.vault)


def test_no_key_reaches_the_disk(session, tmp_path):
    cli = session
    without_passphrase(cli, "new", "--kind", "note", stdin="tekst")
    key = Vault.unlock(cli.vault, PASSPHRASE).keys.current
    forms = [key, base64.b64encode(key), key.hex().encode()]
    folders = [tmp_path, agent_folder(), Path.home() / ".cache" / "reflectiejournaal"]
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                assert not any(form in data for form in forms), path


def test_only_this_user_reaches_the_agent(session):
    vault_id = Vault.read_header(session.vault).vault_id
    path = socket_path(vault_id)
    folder = os.lstat(path.parent)
    assert folder.st_uid == os.getuid() and folder.st_mode & 0o777 == 0o700
    assert os.lstat(path).st_mode & 0o777 == 0o600


def test_another_user_gets_no_keys_even_through_an_opened_up_socket(cli):
    """The folder and socket modes stop other users; behind them, the agent checks who calls."""
    if os.getuid() != 0:
        pytest.fail("acting as another user needs root (CI runs the suite as root)")
    shared = Path(tempfile.mkdtemp(dir="/tmp", prefix="rj-agent-"))
    os.chmod(shared, 0o755)
    started = subprocess.run([sys.executable, "-c", (
        "import sys; from pathlib import Path; from reflectiejournaal.vault import agent; "
        "from reflectiejournaal.vault.store import Vault; "
        "agent.agent_folder = lambda: Path(sys.argv[2]); "
        f"agent.start_agent(Vault.unlock(sys.argv[1], {PASSPHRASE!r}), 1)"),
        str(cli.vault), str(shared)], capture_output=True, text=True, timeout=30)
    assert started.returncode == 0, started.stderr
    [sock] = shared.glob("*.sock")
    os.chmod(sock, 0o666)
    # The system's Python: the test's own lives where that user may not go.
    python = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
    ask = ("import socket, sys; s = socket.socket(socket.AF_UNIX); s.settimeout(5); "
           "s.connect(sys.argv[1])\n"
           "try:\n s.sendall(sys.argv[2].encode() + b'\\n'); print(repr(s.recv(65536)))\n"
           "except (BrokenPipeError, ConnectionResetError):\n print(repr(b''))")
    try:
        other = subprocess.run([python, "-c", ask, str(sock), '{"op": "keys"}'],
                               capture_output=True, text=True, timeout=30,
                               preexec_fn=lambda: os.setuid(65534))
        assert other.returncode == 0, other.stderr
        assert other.stdout.strip() == "b''"  # closed without an answer
        mine = subprocess.run([python, "-c", ask, str(sock), '{"op": "keys"}'],
                              capture_output=True, text=True, timeout=30)
        assert "current" in mine.stdout  # the same request from this user is served
    finally:
        subprocess.run([python, "-c", ask, str(sock), '{"op": "stop"}'], capture_output=True,
                       timeout=30)
