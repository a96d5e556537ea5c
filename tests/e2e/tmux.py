"""Drive a program in a real terminal: tmux on a private socket, keys in, screen out."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path

WAIT_SECONDS = 30.0


class Terminal:
    def __init__(self, socket_dir: Path, width: int = 100, height: int = 30) -> None:
        assert shutil.which("tmux"), "tmux is required for the end-to-end tests (.ci/run installs it)"
        self.socket_dir = socket_dir
        self.starts = 0
        self.socket = ""
        self.size = (width, height)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True,
                              check=True)
        return done.stdout

    def start(self, command: list[str], env: dict[str, str]) -> None:
        # A fresh server per start: kill-server returns before the old one is gone.
        self.starts += 1
        self.socket = str(self.socket_dir / f"tmux-{self.starts}.sock")
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
        line = f"env {exports} {shlex.join(command)}; echo EXIT=$?; sleep 600"
        width, height = self.size
        self._tmux("new-session", "-d", "-x", str(width), "-y", str(height), "sh", "-c", line)

    def send(self, *keys: str, literal: bool = False) -> None:
        self._tmux("send-keys", *(["-l"] if literal else []), *keys)

    def type(self, text: str) -> None:
        self.send(text, literal=True)
        self.send("Enter")

    def screen(self, colours: bool = False) -> str:
        return self._tmux("capture-pane", "-p", "-J", *(["-e"] if colours else []))

    def history(self) -> str:
        """Everything the terminal shows and has scrolled away (what a user could scroll back to)."""
        return self._tmux("capture-pane", "-p", "-J", "-S", "-")

    def press_and_wait_for_change(self, *keys: str, timeout: float = WAIT_SECONDS) -> None:
        """Send keys and wait until the screen (colours included) shows they were handled.

        A focus move changes only colours; typing on before it lands would go to the old field.
        """
        before = self.screen(colours=True)
        self.send(*keys)
        deadline = time.monotonic() + timeout
        while self.screen(colours=True) == before:
            if time.monotonic() > deadline:
                raise AssertionError(f"{keys} changed nothing on screen:\n{self.screen()}")
            time.sleep(0.05)

    def pane_pid(self) -> int:
        return int(self._tmux("list-panes", "-F", "#{pane_pid}").split()[0])

    def wait_for(self, pattern: str, timeout: float = WAIT_SECONDS) -> re.Match[str]:
        """Poll the screen until ``pattern`` shows (a condition with a deadline, not a guess)."""
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(pattern, self.screen())
            if match:
                return match
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never appeared; screen:\n{self.screen()}")
            time.sleep(0.05)

    def close(self) -> None:
        if self.socket:
            subprocess.run(["tmux", "-S", self.socket, "kill-server"], capture_output=True)
