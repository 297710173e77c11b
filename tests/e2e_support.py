"""Start the app on a free loopback port for browser and API tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """``python app.py`` in a subprocess; stopped by :meth:`stop`."""

    def __init__(self, workspace: Path, *extra: str, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = workspace.parent / f"app-{self.port}.log"
        full_env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, str(ROOT / "app.py"), "--workspace", str(workspace),
             "--port", str(self.port), *extra],
            stdout=self.log.open("w"), stderr=subprocess.STDOUT, cwd=ROOT, env=full_env)

    def wait(self, timeout: float = 180) -> AppServer:
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"app exited: {self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.5)
        raise TimeoutError(f"app did not start: {self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def ready(page) -> None:
    """Wait for the page and its load-time refresh (the lists filled from the store)."""
    page.wait_for_selector("#people-table", timeout=60_000)
    page.wait_for_function(
        "document.querySelectorAll('#people-table [role=gridcell]').length > 0", timeout=60_000)
    page.wait_for_timeout(2500)


def choose(page, elem_id: str, text: str | None = None) -> str:
    """Pick an option of a Gradio dropdown (the first one, or the one containing text)."""
    page.click(f"#{elem_id} input")
    options = page.locator("[role=option]")
    options.first.wait_for(timeout=10_000)
    option = options.filter(has_text=text).first if text else options.first
    label = option.inner_text()
    option.click()
    page.wait_for_timeout(400)
    return label


def options_of(page, elem_id: str) -> str:
    """The options a Gradio dropdown offers, joined by " | " (the list closed again)."""
    page.click(f"#{elem_id} input")
    page.locator("[role=option]").first.wait_for(timeout=10_000)
    text = " | ".join(page.locator("[role=option]").all_inner_texts())
    page.keyboard.press("Escape")
    page.wait_for_timeout(200)
    return text


class ClickTimer:
    """Seconds from a click to what it shows, per step: measured in the browser tests and
    reported (written as JSON beside the screenshots), never asserted on (machines vary)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def __call__(self, label: str, click, wait) -> None:
        start = time.perf_counter()
        click()
        wait()
        self.seconds[label] = round(time.perf_counter() - start, 2)

    def write(self, path: Path) -> None:
        import json

        path.parent.mkdir(exist_ok=True)
        path.write_text(json.dumps(self.seconds, indent=2, ensure_ascii=False), encoding="utf-8")
        slow = {k: v for k, v in self.seconds.items() if v >= 2}
        print(f"\n{path.name}: {len(self.seconds)} clicks, slowest "
              f"{max(self.seconds.values(), default=0):.2f} s; 2 s or more: {slow or 'none'}")
