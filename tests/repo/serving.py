"""Run `mkdocs serve` on a project copy for a test, with bounded waits and a sure stop."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.support import free_port

STARTUP_SECONDS = 60
REBUILD_SECONDS = 60  # generous: the machine running the tests may be busy


def wait_until(condition: Callable[[], object], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(f"gave up after {seconds}s waiting for {what}")


class DevServer:
    """A running `mkdocs serve`; its terminal output goes to a file the test reads."""

    def __init__(self, project: Path, port: int, log: Path) -> None:
        self.url = f"http://127.0.0.1:{port}/"
        self.log_path = log
        self._log = log.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )

    @property
    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def get(self, path: str = "", timeout: float = 5) -> tuple[int, str]:
        """Status and body of a page; (0, reason) when nothing answers."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as response:  # noqa: S310
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""
        except OSError as error:
            return 0, str(error)

    def builds_finished(self) -> int:
        """How many builds have ended, good or bad."""
        return self.log.count("Documentation built in") + self.log.count(
            "An error happened during the rebuild"
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self._log.close()


@contextmanager
def dev_server(project: Path) -> Iterator[DevServer]:
    """Start `mkdocs serve`, wait until it serves the home page, always stop it."""
    server = DevServer(project, free_port(), project.parent / "serve.log")
    try:
        wait_until(
            lambda: server.process.poll() is not None or server.get()[0] == 200,
            STARTUP_SECONDS,
            "mkdocs serve to answer",
        )
        assert server.process.poll() is None, server.log
        yield server
    finally:
        server.stop()
