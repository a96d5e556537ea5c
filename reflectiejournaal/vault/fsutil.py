"""Durable file operations: atomic replace, private modes, and the single-writer lock."""

from __future__ import annotations

import errno
import fcntl
import os
import secrets
import time
import socket
import stat
from collections.abc import Iterable
from pathlib import Path

from .errors import VaultLocked, WriteFailed

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_PREFIX = ".tmp-"


def make_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) and make the folder itself 0700."""
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    os.chmod(path, DIR_MODE)


# What a sync tool or a file manager puts in a folder it shares or shows: a folder holding only
# these is empty to a person (Syncthing's marker is there before the vault is made in it).
FOLDER_MARKERS = frozenset({".stfolder", ".stignore", ".stversions", ".sync", ".dropbox",
                            ".dropbox.attr", ".DS_Store", "desktop.ini", "Thumbs.db"})


def holds_anything(path: Path) -> bool:
    """``path`` exists and holds something besides sync tools' markers (a file counts)."""
    path = Path(path)
    if not path.exists():
        return False
    if not path.is_dir():
        return True
    return any(entry.name not in FOLDER_MARKERS for entry in path.iterdir())


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, data: bytes | Iterable[bytes]) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file, never a mix.

    The temporary file lives in the same folder (so ``os.replace`` is atomic), is created 0600,
    flushed and fsynced before the rename, and the folder is fsynced after it. On any failure
    the temporary file is removed and the old version is left untouched. ``data`` may be an
    iterable of chunks, written in order (large files need never be whole in memory).
    """
    temp = path.parent / f"{TEMP_PREFIX}{secrets.token_hex(8)}"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            for chunk in [data] if isinstance(data, bytes) else data:
                view = memoryview(chunk)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        try:
            temp.unlink()
        except FileNotFoundError:
            pass
        raise WriteFailed(path, os_reason(exc)) from exc


def remove_stale_temp_files(folder: Path, older_than_seconds: float = 3600) -> None:
    """Temp files a crash left mid-write (ciphertext only); recent ones may be another
    process's write in progress.

    Old is measured by the folder's own clock as well as this process's: on a network or
    synced folder file times come from elsewhere, and a clock that jumped ahead must not
    make a write in progress look an hour old. The earlier of the two decides."""
    try:
        with os.scandir(folder) as scan:  # only temp files are looked at (10,000 items)
            entries = [(e, e.stat(follow_symlinks=False)) for e in scan
                       if e.name.startswith(TEMP_PREFIX) and not e.is_symlink()]
        # A file made or renamed here moves the folder's time: its clock, as of the last write.
        folder_now = max([os.stat(folder).st_mtime, *(info.st_mtime for _, info in entries)])
        cutoff = min(time.time(), folder_now) - older_than_seconds
        for entry, info in entries:
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)
    except OSError:
        pass  # a folder that cannot be read or cleaned is no reason to fail


def write_private(path: Path, data: bytes) -> None:
    """A file only its owner can read, for exports the user asked for (not the vault's own)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(path, FILE_MODE)  # an existing file keeps its mode through O_CREAT
    except OSError as exc:
        raise WriteFailed(path, os_reason(exc)) from exc


_REASONS = {
    errno.ENOSPC: "disk_full", errno.EDQUOT: "disk_full",
    errno.EACCES: "permission", errno.EPERM: "permission", errno.EROFS: "permission",
    errno.ENOENT: "no_such_path", errno.ENOTDIR: "no_such_path",
    errno.EISDIR: "is_a_folder", errno.ENAMETOOLONG: "name_too_long", errno.EEXIST: "exists",
    errno.ELOOP: "symlink", errno.EFBIG: "file_limit",
}


def os_reason(exc: OSError) -> str:
    """A reason code for the catalogue: the system's own words are English."""
    known = _REASONS.get(exc.errno or 0)
    if known:
        return known
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def lock_folder() -> Path:
    """Where writer locks live: one folder of this user on this machine, never the (synced)
    vault, and found the same way by every process of the user — not from environment
    variables, which differ between a login session, cron and ssh (two writers would each
    have had a lock of their own). Refused if it is a symlink, someone else's, or open to
    others.
    """
    folder = lock_home() / ".cache" / "reflectiejournaal" / "locks"
    folder.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    info = os.lstat(folder)
    if (stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode)
            or info.st_uid != os.getuid() or info.st_mode & 0o077):
        raise WriteFailed(folder, "permission")
    return folder


LOCK_HOME_VARIABLE = "REFLECTIEJOURNAAL_LOCK_HOME"


def lock_home() -> Path:
    """The user's home folder from the password database (not ``$HOME``).

    ``REFLECTIEJOURNAAL_LOCK_HOME`` replaces it for a setup whose every process has it, as
    the tests do so that no run writes into the real home; no user needs it.
    """
    import pwd

    configured = os.environ.get(LOCK_HOME_VARIABLE)
    if configured:
        return Path(configured)
    return Path(pwd.getpwuid(os.getuid()).pw_dir)


class WriterLock:
    """An exclusive ``flock`` on a file of this machine: one writing process per vault.

    The kernel drops the lock when the process dies, so a crash never leaves a stale lock.
    The file records who holds it, only to make the message to a second instance helpful. It
    lives outside the vault: in a synced folder a planted symlink would have had it overwrite
    any file of the user, and a sync tool replacing it would have let a second writer in.
    """

    def __init__(self, name: str) -> None:
        self.name = name
        self._fd: int | None = None

    def acquire(self, wait: float = 0.0) -> None:
        """Take the lock; with ``wait``, let another writer finish its write first (a write
        takes milliseconds) before :class:`VaultLocked`."""
        deadline = time.monotonic() + wait
        while True:
            try:
                return self._acquire()
            except VaultLocked:
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.02)

    def _acquire(self) -> None:
        self.path = lock_folder() / self.name
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC,
                         FILE_MODE)
        except OSError as exc:  # ELOOP: a symlink where the lock should be
            raise WriteFailed(self.path, os_reason(exc)) from exc
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise WriteFailed(self.path, "permission")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise VaultLocked(holder or "?") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} op {socket.gethostname()}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None
