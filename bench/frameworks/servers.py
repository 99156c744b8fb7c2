"""Start the benchmark servers, wait for their first 200, read their workers' memory, stop them."""

from __future__ import annotations

import http.client
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.frameworks.plan import Setup
from tests.support import ROOT, free_port

START_TIMEOUT_S = 60


def server_env(database: dict[str, str]) -> dict[str, str]:
    """The environment every server and helper process runs in: production settings."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    return {
        **env,
        **database,
        # The repository (examples.flask..., bench.frameworks...) and the Django project.
        "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "examples" / "django")]),
        "DJANGO_SETTINGS_MODULE": "bench.frameworks.django_settings",
    }


@dataclass
class Response:
    status: int
    body: bytes


def get(port: int, path: str, timeout: float = 10) -> Response:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return Response(response.status, response.read())
    finally:
        connection.close()


@dataclass
class Server:
    setup: Setup
    port: int
    process: subprocess.Popen
    log: Path
    ready_ms: float  # from starting the process to its first 200 response

    def worker_rss_mib(self) -> list[float]:
        """Resident memory of each worker process (not the supervising parent)."""
        return [_rss_mib(pid) for pid in _workers(self.process.pid)]


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(child) for child in (task / "children").read_text().split()]
    return found


def _workers(pid: int) -> list[int]:
    # Uvicorn's multiprocessing also starts a resource tracker; it serves nothing.
    return [
        child
        for child in _children(pid)
        if b"resource_tracker" not in Path(f"/proc/{child}/cmdline").read_bytes()
    ]


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def _wait_for_200(process: subprocess.Popen, port: int, path: str, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}:\n{log.read_text()}")
        try:
            if get(port, path, timeout=5).status == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"no 200 from {path} within {START_TIMEOUT_S} s:\n{log.read_text()}")
        time.sleep(0.005)


@contextmanager
def serving(
    setup: Setup, python: str, env: dict[str, str], log: Path, path: str
) -> Iterator[Server]:
    """Run one server with the apps' Python until the block ends; it is ready when `path`
    answers 200."""
    port = free_port()
    start = time.perf_counter()
    with log.open("w") as output:
        process = subprocess.Popen(
            [python, "-m", *setup.argv(str(port))],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopping it stops its workers
        )
    try:
        _wait_for_200(process, port, path, log)
        yield Server(setup, port, process, log, (time.perf_counter() - start) * 1000)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
