"""Unlock once per sitting: the vault's keys kept by a small background process of this user.

Like ``ssh-agent`` or ``gpg-agent``: ``reflectiejournaal unlock`` derives the key once and
leaves it with an agent that listens on a Unix socket only this user can reach (a private
folder, the socket 0600, and the peer's user id checked on every connection), ends after
``minutes`` without a request, or at ``reflectiejournaal lock``. Commands ask it for the
keyring instead of deriving the key again; nothing of it touches the disk. The agent may not be
dumped or attached to (see :mod:`hardening`). The trade-off is in ``docs/threat-model.md``.

The protocol is one JSON line each way: ``{"op": "keys"}`` gets the keyring and the SHA-256
of the header it belongs to (a header changed since, by ``passwd`` or a rekey anywhere, is not
served: the command asks again); ``{"op": "stop"}`` ends the agent.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import signal
import socket
import stat
import struct
import sys
import time
from pathlib import Path

from .fsutil import lock_home
from .header import HEADER_FILE, Header
from .slots import Keyring
from .store import Vault

DEFAULT_MINUTES = 30
MAX_MINUTES = 24 * 60
MAX_REQUEST = 1024


class AgentUnavailable(Exception):
    """No agent for this vault, or not one to trust: the caller asks for the passphrase."""


def agent_folder() -> Path:
    """The user's runtime folder (``/run/user/<uid>``, memory only) when the system has one,
    else a folder in the home from the password database; private, or refused."""
    runtime = Path(f"/run/user/{os.getuid()}")
    base = runtime if _private_dir(runtime) else lock_home() / ".cache" / "reflectiejournaal"
    folder = base / "reflectiejournaal-agent" if base == runtime else base / "agent"
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not _private_dir(folder):
        raise AgentUnavailable("folder")
    return folder


def _private_dir(path: Path) -> bool:
    try:
        info = os.lstat(path)
    except OSError:
        return False
    return (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & 0o077)


def socket_path(vault_id: str) -> Path:
    return agent_folder() / f"{vault_id}.sock"


def header_digest(vault_path: Path) -> str:
    return hashlib.sha256((Path(vault_path) / HEADER_FILE).read_bytes()).hexdigest()


# -- the client side ----------------------------------------------------------------------------
def _ask(vault_id: str, request: dict[str, object], timeout: float = 2.0) -> dict[str, object]:
    path = socket_path(vault_id)
    try:
        info = os.lstat(path)
    except OSError:
        raise AgentUnavailable("none") from None
    if not stat.S_ISSOCK(info.st_mode) or info.st_uid != os.getuid():
        raise AgentUnavailable("foreign")
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        try:
            conn.connect(str(path))
            if _peer_uid(conn) != os.getuid():  # the one listening must be us too
                raise AgentUnavailable("foreign")
            conn.sendall(json.dumps(request).encode() + b"\n")
            answer = _read_line(conn, 64 * 1024)
        except OSError:
            raise AgentUnavailable("gone") from None
    try:
        return json.loads(answer)
    except ValueError:
        raise AgentUnavailable("answer") from None


def vault_from_agent(vault_path: Path) -> Vault:
    """The unlocked vault, with the keys the agent holds; :class:`AgentUnavailable` if none."""
    header = Vault.read_header(vault_path)
    answer = _ask(header.vault_id, {"op": "keys"})
    if answer.get("header") != header_digest(vault_path):
        raise AgentUnavailable("header")  # a new passphrase or key since the unlock
    try:
        keys = answer["keys"]
        keyring = Keyring(_b(keys["current"]), _b(keys["next"]) if keys["next"] else None,
                          tuple(_b(k) for k in keys["retired"]), bool(keys["unopened_rekey"]))
    except (KeyError, TypeError, ValueError):
        raise AgentUnavailable("answer") from None
    return Vault(Path(vault_path), header, keyring)


def stop_agent(vault_id: str) -> bool:
    """True when an agent was running and has stopped."""
    try:
        return _ask(vault_id, {"op": "stop"}).get("stopped") is True
    except AgentUnavailable:
        return False


def _b(text: str) -> bytes:
    return base64.b64decode(text, validate=True)


# -- the agent ----------------------------------------------------------------------------------
def start_agent(vault: Vault, minutes: float) -> int:
    """Fork the agent for ``vault``; returns its pid once it listens."""
    # The header the keys were derived from, and no other: one changed meanwhile (a rekey
    # begun elsewhere) must not be served with these keys.
    header_bytes = (vault.path / HEADER_FILE).read_bytes()
    if Header.from_bytes(header_bytes, vault.path) != vault.header:
        raise AgentUnavailable("header")
    digest = hashlib.sha256(header_bytes).hexdigest()
    path = socket_path(vault.vault_id)
    stop_agent(vault.vault_id)  # a newer unlock replaces an older agent
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISSOCK(os.lstat(path).st_mode):
            path.unlink()
    ready_read, ready_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the agent
        os.close(ready_read)
        try:
            _become_agent(vault, digest, minutes, path, ready_write)
        finally:
            os._exit(0)
    os.close(ready_write)
    with os.fdopen(ready_read, "rb") as ready:
        if ready.read(1) != b"1":
            raise AgentUnavailable("start")
    return pid


def _become_agent(vault: Vault, digest: str, minutes: float, path: Path, ready: int) -> None:
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.closerange(3, ready)  # nothing of the command that started it stays open
    os.closerange(ready + 1, 1024)
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    keys = vault.keys
    served = json.dumps({
        "header": digest,
        "keys": {"current": _text(keys.current), "next": _text(keys.next) if keys.next else None,
                 "retired": [_text(k) for k in keys.retired],
                 "unopened_rekey": keys.unopened_rekey},
    }).encode() + b"\n"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_umask = os.umask(0o177)  # the socket is born 0600
    try:
        server.bind(str(path))
    finally:
        os.umask(old_umask)
    server.listen(8)
    os.write(ready, b"1")
    os.close(ready)
    idle = minutes * 60
    deadline = time.monotonic() + idle
    try:
        while (left := deadline - time.monotonic()) > 0:
            server.settimeout(left)
            try:
                conn, _ = server.accept()
            except TimeoutError:
                break
            with conn:
                answer = _serve(conn, served)
            if answer == "stop":
                break
            if answer == "served":  # only a real request counts as use
                deadline = time.monotonic() + idle
    finally:
        with contextlib.suppress(OSError):
            path.unlink()
        server.close()


def _serve(conn: socket.socket, served: bytes) -> str:
    """Answer one request: ``served``, ``stop``, or ``ignored``."""
    try:
        if _peer_uid(conn) != os.getuid():
            return "ignored"  # another user reached the socket: nothing for them
        request = json.loads(_read_line(conn, MAX_REQUEST, time.monotonic() + 2.0))
        if request.get("op") == "stop":
            conn.sendall(b'{"stopped": true}\n')
            return "stop"
        if request.get("op") == "keys":
            conn.sendall(served)
            return "served"
    except (OSError, ValueError, AttributeError):
        pass
    return "ignored"


def _peer_uid(conn: socket.socket) -> int:
    """The user id of the process at the other end (Linux ``SO_PEERCRED``, BSD and macOS
    ``LOCAL_PEERCRED`` through getpeereid)."""
    if hasattr(socket, "SO_PEERCRED"):
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
        return struct.unpack("3i", creds)[1]
    if sys.platform == "darwin":  # pragma: no cover - tested on Linux
        import ctypes

        uid, gid = ctypes.c_uint32(), ctypes.c_uint32()
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.getpeereid(conn.fileno(), ctypes.byref(uid), ctypes.byref(gid)) == 0:
            return uid.value
    return -1


def _read_line(conn: socket.socket, limit: int, deadline: float | None = None) -> bytes:
    """One line, within ``deadline`` altogether (a caller sending a byte a second must not
    keep the agent from everyone else)."""
    data = b""
    while not data.endswith(b"\n"):
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("too slow")
            conn.settimeout(left)
        chunk = conn.recv(4096)
        if not chunk:
            break
        data += chunk
        if len(data) > limit:
            raise ValueError("too long")
    return data


def _text(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")
