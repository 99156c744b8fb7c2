"""The cost of batteries, measured: what `pip install` pulls in, and how long an app takes to load.

Install footprints come from the installed packages' metadata: the dependency closure of a
requirement at the versions installed here, and the size on disk of every file each
distribution's RECORD lists. That is what `pip install` puts into an empty environment at
those versions, without downloading anything.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from importlib import metadata

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# Each snippet imports the framework and builds an app ready to serve, in a fresh process.
LOAD_APP = {
    "flask": "from examples.flask.bench.app import create_app\ncreate_app()",
    "django": (
        "from django.core.wsgi import get_wsgi_application\n"
        "get_wsgi_application()\n"
        "import benchmark.urls"
    ),
}
TIMED = (
    "import time\nstart = time.perf_counter()\n{code}\nprint((time.perf_counter() - start) * 1000)"
)


def closure(requirements: tuple[str, ...]) -> dict[str, metadata.Distribution]:
    """Every installed distribution the requirements pull in, by canonical name."""
    found: dict[str, metadata.Distribution] = {}
    pending = [(Requirement(text), "") for text in requirements]
    while pending:
        requirement, extra = pending.pop()
        if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        dist = found.get(name) or metadata.distribution(requirement.name)
        found[name] = dist
        for wanted in ("", *requirement.extras):
            pending += [(Requirement(text), wanted) for text in dist.requires or []]
    return found


def _size_bytes(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or []:
        path = dist.locate_file(file)
        if path.is_file():
            total += path.stat().st_size
    return total


def footprint(requirements: tuple[str, ...]) -> dict:
    dists = closure(requirements)
    return {
        "distributions": len(dists),
        "size_mib": round(sum(_size_bytes(dist) for dist in dists.values()) / 2**20, 1),
        "packages": sorted(f"{name}=={dist.version}" for name, dist in dists.items()),
    }


def load_app_ms(framework: str, env: dict[str, str], repeats: int, cwd: str) -> list[float]:
    """Import the framework and build the app, each time in a fresh interpreter."""
    code = TIMED.format(code=LOAD_APP[framework])
    samples = []
    for _ in range(repeats):
        result = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            cwd=cwd,
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(round(float(result.stdout.strip()), 1))
    return samples


def median(values: list[float]) -> float:
    return statistics.median(values)
