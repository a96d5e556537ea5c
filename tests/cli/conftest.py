"""Run the installed ``reflectiejournaal`` command as a user or a script would."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from reflectiejournaal.vault.store import Vault
from tests.helpers import PASSPHRASE, cheap_kdf

COMMAND = Path(sys.executable).parent / "reflectiejournaal"


@dataclass
class Result:
    code: int
    out: str
    err: str


class Cli:
    def __init__(self, vault: Path, passphrase_file: Path) -> None:
        self.vault = vault
        self.passphrase_file = passphrase_file

    def raw(self, *args: str, stdin: str = "", max_file_bytes: int | None = None,
            env: dict[str, str] | None = None, pass_fds: tuple[int, ...] = ()) -> Result:
        assert COMMAND.exists(), f"the installed command is missing: {COMMAND}"

        def limit() -> None:
            if max_file_bytes is not None:
                resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

        done = subprocess.run(
            [str(COMMAND), *args], input=stdin, capture_output=True, text=True,
            env={**os.environ, **(env or {})}, timeout=60,
            start_new_session=True,  # no controlling terminal, as in CI or cron
            preexec_fn=limit, pass_fds=pass_fds,
        )
        assert "Traceback" not in done.stderr, done.stderr
        return Result(done.returncode, done.stdout, done.stderr)

    def __call__(self, *args: str, **kwargs) -> Result:
        return self.raw("--vault", str(self.vault), "--passphrase-file", str(self.passphrase_file),
                        *args, **kwargs)

    def ok(self, *args: str, **kwargs) -> str:
        result = self(*args, **kwargs)
        assert result.code == 0, result.err
        return result.out


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "wachtwoordzin.txt"
    path.write_text(PASSPHRASE + "\n")
    path.chmod(0o600)  # private: readable by others, it gets a warning
    return path


@pytest.fixture
def cli(tmp_path: Path, passphrase_file: Path) -> Cli:
    """A vault made with a cheap KDF through the domain API, driven through the real command."""
    vault, code = Vault.create(tmp_path / "kluis", PASSPHRASE, kdf=cheap_kdf())
    vault.release_lock()
    runner = Cli(tmp_path / "kluis", passphrase_file)
    runner.recovery_code = code  # type: ignore[attr-defined]
    return runner
