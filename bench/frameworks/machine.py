"""Where and with what the benchmark ran: machine, system, versions. All read, never typed."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _field(path: str, key: str, separator: str) -> str:
    for line in Path(path).read_text().splitlines():
        name, _, value = line.partition(separator)
        if name.strip() == key:
            return value.strip().strip('"')
    return "unknown"


def describe() -> dict:
    memory_kib = int(_field("/proc/meminfo", "MemTotal", ":").split()[0])
    flags = _field("/proc/cpuinfo", "flags", ":").split()
    return {
        "cpu": _field("/proc/cpuinfo", "model name", ":"),
        "virtual_machine": "hypervisor" in flags,
        "cores": len(os.sched_getaffinity(0)),
        "memory_gib": round(memory_kib / 2**20, 1),
        "os": _field("/etc/os-release", "PRETTY_NAME", "="),
        "kernel": platform.release(),
    }


def load_average() -> list[float]:
    return [round(value, 2) for value in os.getloadavg()]
