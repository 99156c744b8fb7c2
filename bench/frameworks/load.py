"""Drive one endpoint with wrk (Debian's package) from its own process on 127.0.0.1."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from bench.frameworks.plan import Budget

SCRIPT = Path(__file__).with_name("report.lua")


def wrk() -> str:
    found = shutil.which("wrk")
    if not found:
        sys.exit("bench-frameworks: wrk not found; install Debian's wrk package")
    return found


def wrk_version() -> str:
    # `wrk -v` prints its version line, then usage, and exits 1.
    result = subprocess.run([wrk(), "-v"], capture_output=True, text=True, check=False)
    return result.stdout.splitlines()[0].split(" [")[0]


def wrk_argv(url: str, connections: int, seconds: int) -> list[str]:
    return [
        wrk(),
        *("--threads", "1", "--connections", str(connections)),
        *("--duration", f"{seconds}s", "--timeout", "5s", "--script", str(SCRIPT)),
        url,
    ]


def run(url: str, budget: Budget, warmup: bool = False) -> dict:
    """One bounded run: stops at the time limit or the request budget, whichever comes first."""
    seconds = budget.warmup_s if warmup else budget.duration_s
    limit = budget.warmup_requests if warmup else budget.max_requests
    result = subprocess.run(
        wrk_argv(url, budget.connections, seconds),
        env={**os.environ, "BENCH_MAX_REQUESTS": str(limit)},
        capture_output=True,
        text=True,
        timeout=seconds + 60,
        check=True,
    )
    line = next(line for line in result.stdout.splitlines() if line.startswith("BENCH_JSON "))
    raw = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = raw["duration_us"] / 1e6
    return {
        "requests": raw["requests"],
        "requests_per_s": round(raw["requests"] / seconds_run, 1),
        "latency_p50_ms": round(raw["latency_p50_us"] / 1000, 2),
        "latency_p99_ms": round(raw["latency_p99_us"] / 1000, 2),
        "errors": raw["non_2xx_3xx"] + raw["socket_errors"],
    }
