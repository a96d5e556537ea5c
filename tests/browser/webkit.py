"""WebKit, the engine of Safari, as Debian ships it (WebKitGTK's MiniBrowser), driven through
WebKitWebDriver (W3C WebDriver over HTTP, spoken here with the standard library) on a virtual
screen (xvfb-run). Just enough to open a page, run script in it and wait.
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WAIT_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class WebKit:
    def __init__(self) -> None:
        assert Path(MINIBROWSER).exists(), "webkit2gtk-driver brings WebKitGTK's MiniBrowser"
        self.port = _free_port()
        self.driver = subprocess.Popen(
            ["xvfb-run", "-a", "WebKitWebDriver", f"--port={self.port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            try:
                self._request("GET", "/status")
                break
            except (OSError, urllib.error.URLError):
                assert time.monotonic() < deadline, "WebKitWebDriver did not start"
                time.sleep(0.05)
        session = self._request("POST", "/session", {"capabilities": {"alwaysMatch": {
            "webkitgtk:browserOptions": {"binary": MINIBROWSER, "args": ["--automation"]}}}})
        self.session = session["sessionId"]

    def _request(self, method: str, path: str, body: dict | None = None) -> object:
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=data,
                                         method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return json.loads(response.read())["value"]

    def open(self, url: str) -> None:
        self._request("POST", f"/session/{self.session}/url", {"url": url})

    def js(self, script: str) -> object:
        """Run ``script`` (a function body: ``return`` gives its value) in the page."""
        return self._request("POST", f"/session/{self.session}/execute/sync",
                             {"script": script, "args": []})

    def wait_for(self, script: str) -> object:
        """Poll until ``script`` returns something truthy (a condition with a deadline)."""
        deadline = time.monotonic() + WAIT_SECONDS
        while not (value := self.js(script)):
            assert time.monotonic() < deadline, f"never true in WebKit: {script}"
            time.sleep(0.05)
        return value

    def close(self) -> None:
        import os
        import signal

        try:
            self._request("DELETE", f"/session/{self.session}")
        finally:
            os.killpg(self.driver.pid, signal.SIGTERM)  # xvfb-run, the driver and the screen
            self.driver.wait(timeout=30)
