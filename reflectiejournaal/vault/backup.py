"""A backup: the encrypted vault as one verified file, and getting it back on a new machine.

The archive is a plain (POSIX) tar: a manifest first (``reflectiejournaal-backup.json``: the
vault id, when, and each file's size and SHA-256), then the header and every item file, still
encrypted: the backup holds no plaintext and is as safe to keep on a USB stick or in the cloud
as the vault itself. Ciphertext does not compress, so the tar is not compressed.

Written to a temporary file beside the target, read back and checked against the manifest,
then renamed into place. Restoring checks everything (names, sizes, hashes, and that the
passphrase opens the header and every item authenticates) in a folder of its own before
anything is replaced, and never deletes: a vault it replaces is moved aside.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import secrets
import shutil
import tarfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import (
    DamagedItem,
    JournalError,
    NotAVault,
    SourceMissing,
    TargetNotEmpty,
    WriteFailed,
)
from .fsutil import FILE_MODE, WriterLock, fsync_dir, holds_anything, make_private_dir, os_reason
from .header import HEADER_FILE, MAX_HEADER_BYTES, Header
from .store import Vault
from .files import ITEMS_DIR, MAX_ITEM_BYTES, read_regular

MANIFEST = "reflectiejournaal-backup.json"
FORMAT = "reflectiejournaal-backup"
FORMAT_VERSION = 1
MAX_FILES = 1_000_000
MAX_TOTAL_BYTES = 16 * 1024**3


class DamagedBackup(NotAVault):
    """Not a backup of this program, or changed since it was written."""

    key = "error.damaged_backup"


@dataclass
class BackupReport:
    files: int
    size: int
    sha256: str
    unreadable: list[str] = field(default_factory=list)  # kept in the backup, as they are


def _vault_files(vault: Vault) -> list[str]:
    """The header and every item file (conflict copies and damaged ones too: nothing is
    left behind), as archive names; hidden files are writes in progress, never items."""
    names = [HEADER_FILE]
    scan = vault.scan()
    files = [*scan.items.values(), *scan.conflicts]
    names += sorted(f"{ITEMS_DIR}/{f.name}" for f in files)
    names += sorted(f"{ITEMS_DIR}/{p.name}" for p in scan.strays)
    return names


def write_backup(vault: Vault, out: Path) -> BackupReport:
    """Write the vault to ``out`` as one archive; see the module docstring."""
    contents: dict[str, bytes] = {}
    unreadable = []
    for name in _vault_files(vault):
        try:
            data = read_regular(vault.path / name)
        except FileNotFoundError:
            continue  # removed while we read (a sync tool): not part of this moment
        except DamagedItem:
            unreadable.append(name)
            continue
        contents[name] = data
        if name.startswith(f"{ITEMS_DIR}/") and not _opens(vault, name, data):
            unreadable.append(name)
    manifest = {
        "format": FORMAT, "version": FORMAT_VERSION, "vault_id": vault.vault_id,
        "created": dt.datetime.now().astimezone().replace(microsecond=0).isoformat(),
        "files": [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest()}
                  for n, d in contents.items()],
    }
    temp = out.parent / f".{out.name}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            with tarfile.open(fileobj=handle, mode="w", format=tarfile.PAX_FORMAT) as archive:
                _add(archive, MANIFEST, json.dumps(manifest, indent=2).encode("utf-8"))
                for name, data in contents.items():
                    _add(archive, name, data)
            handle.flush()
            os.fsync(handle.fileno())
        read_backup(temp)  # what is on disk is what we meant to write
        os.replace(temp, out)
        fsync_dir(out.parent)
    except OSError as exc:
        raise WriteFailed(out, os_reason(exc)) from exc
    finally:
        temp.unlink(missing_ok=True)
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    return BackupReport(len(contents), out.stat().st_size, digest, unreadable)


def _opens(vault: Vault, name: str, data: bytes) -> bool:
    """The file authenticates under the vault's keys, as the item its name says (a conflict
    copy's name is the sync tool's, so only its contents count)."""
    file_name = PurePosixPath(name).name
    try:
        opened = vault.open_item(data, file_name)
    except DamagedItem:
        return False
    stem = file_name.removesuffix(".rj")
    return opened.item_id == stem or not stem.isalnum()


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = FILE_MODE
    info.mtime = int(dt.datetime.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


# -- reading and restoring --------------------------------------------------------------------
@dataclass
class Backup:
    vault_id: str
    created: str
    files: dict[str, bytes]


def read_backup(path: Path) -> Backup:
    """Every file of a backup, checked against its manifest; :class:`DamagedBackup` if a name,
    a size or a hash is not what the manifest says, or the archive is not ours."""
    path = Path(path)
    if not path.is_file():
        raise SourceMissing(path)
    try:
        with tarfile.open(path, mode="r:") as archive:
            members = archive.getmembers()
            if not members or members[0].name != MANIFEST or len(members) > MAX_FILES:
                raise DamagedBackup(path, "foreign")
            manifest = _manifest(archive, members[0], path)
            expected = {f["name"]: f for f in manifest["files"]}
            if sum(f["size"] for f in expected.values()) > MAX_TOTAL_BYTES:
                raise DamagedBackup(path, "manifest")
            files = {}
            for member in members[1:]:
                # Checked against the manifest before a byte of it is read (memory).
                if member.name not in expected or member.size != expected[member.name]["size"] \
                        or member.name in files:
                    raise DamagedBackup(path, "incomplete")
                files[member.name] = _member(archive, member, path)
    except (tarfile.TarError, EOFError):
        raise DamagedBackup(path, "foreign") from None
    except OSError as exc:
        raise WriteFailed(path, os_reason(exc)) from exc
    if set(expected) != set(files) or HEADER_FILE not in files:
        raise DamagedBackup(path, "incomplete")
    for name, data in files.items():
        if len(data) != expected[name]["size"] or \
                hashlib.sha256(data).hexdigest() != expected[name]["sha256"]:
            raise DamagedBackup(path, "changed")
    # The manifest carries no MAC: the vault id is the one of the header it holds, or nothing.
    try:
        vault_id = Header.from_bytes(files[HEADER_FILE], path).vault_id
    except JournalError:
        raise DamagedBackup(path, "changed") from None
    if manifest["vault_id"] != vault_id:
        raise DamagedBackup(path, "changed")
    return Backup(vault_id, manifest["created"], files)


def _manifest(archive: tarfile.TarFile, member: tarfile.TarInfo, path: Path) -> dict:
    try:
        manifest = json.loads(_member(archive, member, path, limit=64 * 1024 * 1024))
        if manifest["format"] != FORMAT or manifest["version"] != FORMAT_VERSION:
            raise DamagedBackup(path, "version")
        for entry in manifest["files"]:
            if not (isinstance(entry["name"], str) and isinstance(entry["size"], int)
                    and 0 <= entry["size"] <= MAX_ITEM_BYTES and isinstance(entry["sha256"], str)):
                raise DamagedBackup(path, "manifest")  # a negative size slipped past the total
        if not isinstance(manifest["vault_id"], str):
            raise DamagedBackup(path, "manifest")
        dt.datetime.fromisoformat(manifest["created"])
        return manifest
    except (ValueError, KeyError, TypeError, RecursionError):  # JSON nested 200,000 deep
        raise DamagedBackup(path, "manifest") from None


def _member(archive: tarfile.TarFile, member: tarfile.TarInfo, path: Path,
            limit: int = MAX_ITEM_BYTES) -> bytes:
    """A member's bytes, if it is a regular file with a name a vault can have."""
    name = PurePosixPath(member.name)
    allowed = member.name in (MANIFEST, HEADER_FILE) or (
        len(name.parts) == 2 and name.parts[0] == ITEMS_DIR and not name.name.startswith("."))
    if not member.isreg() or not allowed or member.size > limit or \
            (member.name == HEADER_FILE and member.size > MAX_HEADER_BYTES):
        raise DamagedBackup(path, "foreign")  # a link, a device, "../x", a huge file
    handle = archive.extractfile(member)
    assert handle is not None  # a regular file always has contents
    return handle.read()


@dataclass
class RestoreReport:
    files: int
    unreadable: list[str]
    moved_aside: Path | None


def may_restore_into(target: Path, replace: bool) -> bool:
    """A new or empty folder; with ``replace``, also a vault (never another folder)."""
    return not holds_anything(target) or (replace and Vault.exists(target))


def restore_backup(backup: Backup, target: Path, unlock: Callable[[Path], Vault],
                   replace: bool = False) -> RestoreReport:
    """Put ``backup`` at ``target``: written and checked in a folder of its own (``unlock``
    must open it, and every item must authenticate), then moved into place. An existing
    vault at ``target`` is only replaced with ``replace``, and then moved aside, not deleted."""
    target = Path(target).absolute()
    if not may_restore_into(target, replace):
        raise TargetNotEmpty(target)
    occupied = holds_anything(target)
    target.parent.mkdir(parents=True, exist_ok=True)  # a shared parent keeps its mode
    staging = target.parent / f".{target.name}.herstel-{secrets.token_hex(4)}"
    try:
        _write_files(staging, backup.files)
        vault = unlock(staging)
        unreadable = [name for name, data in backup.files.items()
                      if name.startswith(f"{ITEMS_DIR}/")
                      and not _opens(vault, name, data)]
        vault.release_lock()
        moved_aside = None
        if occupied:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            moved_aside = target.with_name(f"{target.name}-voor-herstel-{stamp}")
            _move_aside(target, moved_aside)
        elif target.exists():
            _take_markers(target, staging)  # a folder a sync tool shares: its marker stays
            target.rmdir()
        os.replace(staging, target)
        fsync_dir(target.parent)
    except OSError as exc:
        raise WriteFailed(target, os_reason(exc)) from exc
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return RestoreReport(len(backup.files), unreadable, moved_aside)


def _take_markers(folder: Path, into: Path) -> None:
    for entry in folder.iterdir():
        os.replace(entry, into / entry.name)


def _move_aside(target: Path, aside: Path) -> None:
    """Move what is at ``target`` out of the way; a vault only while no one writes to it
    (the app open on it, a command running)."""
    vault_id = Vault.read_header(target).vault_id if Vault.exists(target) else None
    locks = [WriterLock(f"{vault_id}.session"), WriterLock(f"{vault_id}.lock")] if vault_id else []
    try:
        for lock in locks:
            lock.acquire()
        os.replace(target, aside)
    finally:
        for lock in locks:
            lock.release()


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    make_private_dir(folder)
    make_private_dir(folder / ITEMS_DIR)
    for name, data in files.items():
        path = folder / name
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    fsync_dir(folder / ITEMS_DIR)
    fsync_dir(folder)

