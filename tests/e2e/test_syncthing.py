"""Two real Syncthing instances on loopback share one vault: the journal survives real sync.

Proven here, with Debian's ``syncthing`` and the installed command, each side its own
"device" (own Syncthing home, own HOME and XDG cache/state/config folders):

- a vault made on device A arrives on device B and opens there with the same entries;
- entries written on both devices arrive on the other one;
- one entry edited differently on both devices while they are apart becomes a Syncthing
  ``.sync-conflict-`` copy; the journal lists it on both devices (``conflicts``, ``check``
  exit 8), ``resolve --keep both`` keeps both texts, the settlement syncs back, and ``check``
  ends at 0 on both devices with no entry lost.

Nothing leaves 127.0.0.1: discovery, relays, local announce, NAT, usage and crash reporting
are all off, and each instance knows the other's device id and static address.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE, cheap_kdf

COMMAND = Path(sys.executable).parent / "reflectiejournaal"
FOLDER_ID = "kluis"
CONFLICT_NAME = re.compile(r"^[0-9a-f]{16}\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}\.rj$")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def set_text(parent: ET.Element, tag: str, text: str) -> None:
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    node.text = text


@dataclass
class Syncthing:
    """One Syncthing instance with its own home, driven through its REST API."""

    name: str
    home: Path
    gui_port: int = field(default_factory=free_port)
    sync_port: int = field(default_factory=free_port)
    api_key: str = field(default_factory=lambda: os.urandom(16).hex())
    # Two Syncthing 1.19 instances that dial each other at the same moment sometimes both
    # sit 20 s in a Hello timeout (seen here on (re)connecting; dialling from its listening
    # port, two such dials can even meet as one TCP connection). So one side redials every
    # second and the other once an hour; that one is started first, so its dial at startup
    # finds no one listening.
    redial_seconds: int = 1
    device_id: str = ""
    process: subprocess.Popen | None = None

    @property
    def address(self) -> str:
        return f"tcp://127.0.0.1:{self.sync_port}"

    @property
    def config(self) -> Path:
        return self.home / "config.xml"

    @property
    def log(self) -> Path:
        return self.home / "syncthing.log"

    def generate(self, binary: str) -> None:
        subprocess.run([binary, "generate", f"--home={self.home}", "--no-default-folder",
                        "--skip-port-probing"], env=syncthing_env(self.home), check=True,
                       capture_output=True, timeout=60)
        root = ET.parse(self.config).getroot()
        self.device_id = root.find("device").get("id")  # the only device: this one

    def configure(self, peer: Syncthing, folder: Path) -> None:
        """Loopback only, the peer at a static address, the vault folder shared with it."""
        tree = ET.parse(self.config)
        root = tree.getroot()
        gui = root.find("gui")
        set_text(gui, "address", f"127.0.0.1:{self.gui_port}")
        set_text(gui, "apikey", self.api_key)
        options = root.find("options")
        for tag, value in {
            "listenAddress": self.address,
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",  # usage reporting declined, and never asked
            "crashReportingEnabled": "false",
            "startBrowser": "false",
            "autoUpgradeIntervalH": "0",
            "reconnectionIntervalS": str(self.redial_seconds),
            "setLowPriority": "false",
        }.items():
            set_text(options, tag, value)
        for stun in options.findall("stunServer"):
            options.remove(stun)
        me = root.find("device")
        me.set("name", self.name)
        set_text(me, "address", "dynamic")  # its own entry: not dialled
        other = ET.SubElement(root, "device", id=peer.device_id, name=peer.name,
                              compression="metadata", introducer="false")
        set_text(other, "address", peer.address)
        # A new folder starts from Syncthing's defaults, as one added in its GUI does: a
        # folder element written from scratch gets maxConflicts 0, i.e. no conflict copies.
        shared = copy.deepcopy(root.find("defaults/folder"))
        for name, value in {"id": FOLDER_ID, "label": FOLDER_ID, "path": str(folder),
                            "type": "sendreceive", "rescanIntervalS": "5",
                            "fsWatcherEnabled": "true", "fsWatcherDelayS": "1"}.items():
            shared.set(name, value)
        for device in shared.findall("device"):
            shared.remove(device)
        for device in (self.device_id, peer.device_id):
            ET.SubElement(shared, "device", id=device, introducedBy="")
        assert int(shared.findtext("maxConflicts")) > 0  # conflict copies are kept
        root.insert(0, shared)
        tree.write(self.config)
        # Syncthing refuses a folder without its marker: made here, as its GUI would.
        (folder / ".stfolder").mkdir(exist_ok=True)

    def start(self, binary: str) -> None:
        self.process = subprocess.Popen(
            [binary, "serve", f"--home={self.home}", "--no-browser", "--no-restart",
             "--no-upgrade", f"--logfile={self.log}", "--log-max-old-files=0"],
            env=syncthing_env(self.home), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    # -- REST ------------------------------------------------------------------------------
    def rest(self, method: str, path: str, timeout: float = 30, body: object = None) -> object:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}", method=method,
            data=None if body is None else json.dumps(body).encode(),
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer = response.read()
        return json.loads(answer) if answer.strip() else None

    def alive(self) -> bool:
        assert self.process is not None and self.process.poll() is None, (
            f"syncthing {self.name} exited ({self.process and self.process.returncode});"
            f" log:\n{self.log_tail()}")
        try:
            return self.rest("GET", "/rest/system/ping", timeout=2) == {"ping": "pong"}
        except (OSError, urllib.error.URLError):
            return False

    def connected_to(self, peer: Syncthing) -> bool:
        connections = self.rest("GET", "/rest/system/connections")["connections"]
        return connections.get(peer.device_id, {}).get("connected", False)

    def scan(self) -> None:
        """Rescan now instead of waiting for the watcher (returns once the scan is done)."""
        self.rest("POST", f"/rest/db/scan?folder={FOLDER_ID}", timeout=60)

    def pause(self, peer: Syncthing) -> None:
        self.rest("POST", f"/rest/system/pause?device={peer.device_id}")

    def resume(self, peer: Syncthing) -> None:
        self.rest("POST", f"/rest/system/resume?device={peer.device_id}")

    def status(self) -> str:
        try:
            status = self.rest("GET", f"/rest/db/status?folder={FOLDER_ID}", timeout=5)
        except (OSError, urllib.error.URLError) as exc:
            return f"{self.name}: no status ({exc})"
        keep = ("state", "error", "needFiles", "needDeletes", "pullErrors", "localFiles",
                "globalFiles", "inSyncFiles", "sequence")
        return f"{self.name}: " + json.dumps({k: status.get(k) for k in keep})

    def log_tail(self, lines: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def syncthing_env(home: Path) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
            "STNODEFAULTFOLDER": "1", "STNOUPGRADE": "1", "STNORESTART": "1",
            "LANG": "C.UTF-8"}


@dataclass
class Device:
    """One device: a Syncthing instance and the journal command with its own user folders."""

    name: str
    root: Path
    vault: Path
    passphrase_file: Path
    syncthing: Syncthing

    def env(self) -> dict[str, str]:
        home = self.root / "home"
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home),
                "XDG_CACHE_HOME": str(home / ".cache"), "XDG_STATE_HOME": str(home / "state"),
                "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"),
                "TMPDIR": str(self.root), "LANG": "C.UTF-8",
                "REFLECTIEJOURNAAL_LOCK_HOME": str(home)}

    def run(self, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [str(COMMAND), "--vault", str(self.vault), "--passphrase-file",
             str(self.passphrase_file), *args],
            input=stdin, capture_output=True, text=True, env=self.env(), timeout=60,
            start_new_session=True,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return done

    def ok(self, *args: str, stdin: str = "") -> str:
        done = self.run(*args, stdin=stdin)
        assert done.returncode == 0, f"{self.name}: {args} exited {done.returncode}: {done.stderr}"
        return done.stdout

    def json(self, *args: str) -> object:
        return json.loads(self.ok(*args, "--json"))

    def bodies(self) -> dict[str, str]:
        """Every entry's body by id, through the command as a user would read them."""
        return {s["id"]: self.json("show", s["id"])["body"] for s in self.json("list")}


def tree(folder: Path) -> dict[str, str]:
    """What a side holds: path → sha256, without hidden files (Syncthing's and ours in
    progress, its folder marker)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file():
            continue
        try:
            found[str(relative)] = hashlib.sha256(path.read_bytes()).hexdigest()
        except FileNotFoundError:  # replaced under our feet: the next poll sees the new one
            continue
    return found


def conflict_copies(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / "items").glob("*.sync-conflict-*"))


@pytest.fixture
def devices(tmp_path: Path) -> Iterator[tuple[Device, Device]]:
    binary = shutil.which("syncthing")
    if binary is None:
        pytest.fail("syncthing is not installed: install Debian's package (apt-get install "
                    "syncthing), as .ci/run does in CI")
    passphrase_file = tmp_path / "wachtwoordzin.txt"
    passphrase_file.write_text(PASSPHRASE + "\n")
    passphrase_file.chmod(0o600)  # private: readable by others, it gets a warning
    # The vault is made on A only; B starts with an empty folder that Syncthing fills.
    vault_a, vault_b = tmp_path / "a" / "kluis", tmp_path / "b" / "kluis"
    made, _ = Vault.create(vault_a, PASSPHRASE, kdf=cheap_kdf())
    made.release_lock()
    vault_b.mkdir(parents=True, mode=0o700)
    a = Device("A", tmp_path / "a", vault_a, passphrase_file,
               Syncthing("A", tmp_path / "a" / "syncthing"))
    b = Device("B", tmp_path / "b", vault_b, passphrase_file,
               Syncthing("B", tmp_path / "b" / "syncthing", redial_seconds=3600))
    instances = (a.syncthing, b.syncthing)
    try:
        for one in instances:
            one.generate(binary)
        a.syncthing.configure(b.syncthing, vault_a)
        b.syncthing.configure(a.syncthing, vault_b)
        for one in (b.syncthing, a.syncthing):  # B, which seldom dials, first: see above
            one.start(binary)
            wait_until(one.alive, f"the REST API of {one.name} to answer", instances)
        wait_until(lambda: a.syncthing.connected_to(b.syncthing)
                   and b.syncthing.connected_to(a.syncthing), "A and B connected", instances)
        yield a, b
    finally:
        for one in instances:
            one.stop()


def wait_until(predicate: Callable[[], object], what: str, instances: tuple[Syncthing, ...],
               timeout: float = 60) -> None:
    """Poll ``predicate`` every 0.2 s; fail saying what was awaited and where sync stands."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    states = "\n".join(one.status() for one in instances)
    logs = "\n".join(f"--- {one.name} log\n{one.log_tail()}" for one in instances)
    pytest.fail(f"waited {timeout:.0f} s for: {what}\n{states}\n{logs}")


def converged(a: Device, b: Device, extra: Callable[[dict[str, str]], bool]) -> Callable[[], bool]:
    """Both folders hold the same files, and those files pass ``extra``."""
    def check() -> bool:
        held = tree(a.vault)
        return held == tree(b.vault) and extra(held)
    return check


def test_two_syncthing_devices_share_a_vault_and_settle_a_conflict(devices):
    a, b = devices
    pair = (a.syncthing, b.syncthing)

    def sync(what: str, extra: Callable[[dict[str, str]], bool]) -> None:
        for one in pair:
            one.scan()  # changes are seen now, not at the watcher's next look
        wait_until(converged(a, b, extra), what, pair)

    # 1. The vault made on A arrives on B: header, items and an entry written before.
    first = a.ok("new", "--kind", "note", "--title", "Gedeeld", stdin="Oorspronkelijke tekst.\n")
    first = first.strip()
    sync("the vault header and the first item on B",
         lambda held: "reflectiejournaal-vault.json" in held and f"items/{first}.rj" in held)
    assert b.bodies() == {first: "Oorspronkelijke tekst.\n"}

    # 2. Entries written on both devices arrive on the other one.
    from_a = a.ok("new", "--kind", "note", "--title", "Van A", stdin="Geschreven op A.\n").strip()
    from_b = b.ok("new", "--kind", "note", "--title", "Van B", stdin="Geschreven op B.\n").strip()
    sync("the entries of A and B on both sides",
         lambda held: {f"items/{i}.rj" for i in (first, from_a, from_b)} <= set(held))
    expected = {first: "Oorspronkelijke tekst.\n", from_a: "Geschreven op A.\n",
                from_b: "Geschreven op B.\n"}
    assert a.bodies() == expected and b.bodies() == expected

    # 3. Apart, both devices edit the same entry differently. Only A pauses B (B's
    # connection is refused until A resumes): had both paused, both would redial at once.
    a.syncthing.pause(b.syncthing)
    wait_until(lambda: not a.syncthing.connected_to(b.syncthing)
               and not b.syncthing.connected_to(a.syncthing), "A and B apart", pair)
    a.ok("edit", first, stdin="Versie van A.\n")
    b.ok("edit", first, stdin="Versie van B.\n")
    for one in pair:
        one.scan()  # each side has indexed its own edit before they meet
    a.syncthing.resume(b.syncthing)
    sync("a .sync-conflict- copy of the shared entry on both sides",
         lambda held: len(conflict_copies(a.vault)) == 1)

    [conflict_file] = conflict_copies(a.vault)
    assert CONFLICT_NAME.match(conflict_file) and conflict_file.startswith(first), conflict_file
    for device in (a, b):
        listed = device.json("conflicts")
        assert [(c["file"], c["id"]) for c in listed] == [(conflict_file, first)], device.name
        texts = {listed[0]["current"]["body"], listed[0]["copy"]["body"]}
        assert texts == {"Versie van A.\n", "Versie van B.\n"}, device.name
        checked = device.run("check")
        assert checked.returncode == 8, (device.name, checked.stdout, checked.stderr)
        assert conflict_file in checked.stdout

    # 4. A keeps both versions; the settlement travels to B.
    a.ok("resolve", conflict_file, "--keep", "both")
    assert conflict_copies(a.vault) == []
    after = a.bodies()
    assert len(after) == 4 and {first, from_a, from_b} <= set(after)  # nothing lost, one more
    assert sorted(after.values()) == sorted(["Versie van A.\n", "Versie van B.\n",
                                             "Geschreven op A.\n", "Geschreven op B.\n"])
    sync("the settled conflict on B (copy gone, both versions as entries)",
         lambda held: not any("sync-conflict" in name for name in held)
         and len([n for n in held if n.startswith("items/")]) == 4)
    assert b.bodies() == after
    assert b.json("conflicts") == []
    for device in (a, b):
        checked = device.run("check")
        assert checked.returncode == 0, (device.name, checked.stdout, checked.stderr)
        # No warning of damage, conflicts or rollbacks left on either device.
        assert device.run("list").stderr == "", device.name
        # Nothing of a device (writer lock, cache, what it saw) or of a write in progress
        # is in the synced folder: only the header, the items and Syncthing's marker.
        assert sorted(p.name for p in device.vault.iterdir()) == [
            ".stfolder", "items", "reflectiejournaal-vault.json"], device.name
        assert not [p.name for p in (device.vault / "items").iterdir()
                    if p.name.startswith(".")], device.name
