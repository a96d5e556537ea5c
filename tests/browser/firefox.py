"""Debian's Firefox (ESR), driven over WebDriver BiDi: the protocol Firefox itself speaks, so
no geckodriver and no patched browser. Just enough to open a page, run script in it and wait.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import shutil
import socket
import subprocess
import time
from pathlib import Path

FIREFOX = shutil.which("firefox-esr") or shutil.which("firefox") or "/usr/bin/firefox-esr"
WAIT_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Firefox:
    """A headless Firefox with a profile of its own."""

    def __init__(self, profile: Path) -> None:
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "user.js").write_text("\n".join(f'user_pref("{k}", {json.dumps(v)});' for k, v in {
            "browser.shell.checkDefaultBrowser": False,
            "datareporting.policy.dataSubmissionEnabled": False,
            "network.proxy.type": 0, "browser.safebrowsing.malware.enabled": False,
            "browser.safebrowsing.phishing.enabled": False,
            "app.update.enabled": False, "extensions.update.enabled": False,
        }.items()) + "\n")
        self.port = _free_port()
        self.process = subprocess.Popen(
            [FIREFOX, "--headless", "--no-remote", "--profile", str(profile),
             "--remote-debugging-port", str(self.port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.loop = asyncio.new_event_loop()
        self.ids = itertools.count(1)
        self.socket = self.loop.run_until_complete(self._connect())
        self.call("session.new", {"capabilities": {}})
        self.context = self.call("browsingContext.getTree", {})["contexts"][0]["context"]

    async def _connect(self):  # type: ignore[no-untyped-def]
        import websockets

        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                return await websockets.connect(f"ws://127.0.0.1:{self.port}/session",
                                                max_size=None)
            except OSError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.1)

    def call(self, method: str, params: dict) -> dict:
        return self.loop.run_until_complete(self._call(method, params))

    async def _call(self, method: str, params: dict) -> dict:
        number = next(self.ids)
        await self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(await self.socket.recv())
            if message.get("id") == number:
                assert message.get("type") != "error", message
                return message["result"]

    def open(self, url: str) -> None:
        self.call("browsingContext.navigate", {"context": self.context, "url": url,
                                               "wait": "complete"})

    def js(self, script: str) -> object:
        """Run ``script`` (a function body: ``return`` gives its value) in the page."""
        result = self.call("script.evaluate", {"expression": f"(() => {{ {script} }})()",
                                               "awaitPromise": True,
                                               "target": {"context": self.context}})
        assert result.get("type") != "exception", result
        return result["result"].get("value")

    def wait_for(self, script: str) -> object:
        """Poll until ``script`` returns something truthy (a condition with a deadline)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not (value := self.js(script)):
            assert time.monotonic() < deadline, f"never true in Firefox: {script}"
            time.sleep(0.05)
        return value

    def close(self) -> None:
        try:
            self.loop.run_until_complete(self.socket.close())
        finally:
            self.loop.close()
            self.process.terminate()
            self.process.wait(timeout=30)
