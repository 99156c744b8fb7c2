"""The cost of batteries, measured: what `pip install` pulls in, and how long an app takes to load.

Install footprints come from the metadata of the apps' environment (.venv/bench): the
dependency closure of a requirement at the versions installed there, and the size on disk of
every file each distribution's RECORD lists. That is what `pip install` puts into an empty
environment at those versions, without downloading anything.
"""

from __future__ import annotations

import json
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
    "fastapi": "import examples.fastapi.bench.app",
}
TIMED = (
    "import time\nstart = time.perf_counter()\n{code}\nprint((time.perf_counter() - start) * 1000)"
)


class Environment:
    """The distributions installed for another Python, read without running it again."""

    def __init__(self, python: str) -> None:
        self.python = python
        code = (
            "import json, platform, site\n"
            "print(json.dumps([platform.python_version(), site.getsitepackages()]))"
        )
        output = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
        self.python_version, paths = json.loads(output.stdout)
        self.dists = {
            canonicalize_name(dist.metadata["Name"]): dist
            for dist in metadata.distributions(path=paths)
        }

    def version(self, name: str) -> str:
        return self.dists[canonicalize_name(name)].version

    def closure(self, requirements: tuple[str, ...]) -> dict[str, metadata.Distribution]:
        """Every distribution the requirements pull in, by canonical name."""
        found: dict[str, metadata.Distribution] = {}
        pending = [(Requirement(text), "") for text in requirements]
        while pending:
            requirement, extra = pending.pop()
            if requirement.marker and not requirement.marker.evaluate({"extra": extra}):
                continue
            name = canonicalize_name(requirement.name)
            if name not in self.dists:
                sys.exit(
                    f"bench-frameworks: {requirement.name} is not installed for {self.python}; "
                    "run `make .venv/bench/.deps`"
                )
            dist = found[name] = self.dists[name]
            for wanted in ("", *requirement.extras):
                pending += [(Requirement(text), wanted) for text in dist.requires or []]
        return found

    def needing(self, framework: str, names: list[str]) -> list[str]:
        """The distributions among `names` that depend on `framework`, in the given order."""
        wanted = canonicalize_name(framework)
        return [
            name
            for name in names
            if canonicalize_name(name) != wanted and wanted in self.closure((name,))
        ]

    def footprint(self, requirements: tuple[str, ...]) -> dict:
        dists = self.closure(requirements)
        return {
            "distributions": len(dists),
            "size_mib": round(sum(_size_bytes(dist) for dist in dists.values()) / 2**20, 1),
            "packages": sorted(f"{name}=={dist.version}" for name, dist in dists.items()),
        }


def _size_bytes(dist: metadata.Distribution) -> int:
    total = 0
    for file in dist.files or []:
        path = dist.locate_file(file)
        if path.is_file():
            total += path.stat().st_size
    return total


def load_app_ms(
    framework: str, python: str, env: dict[str, str], repeats: int, cwd: str
) -> list[float]:
    """Import the framework and build the app, each time in a fresh interpreter."""
    code = TIMED.format(code=LOAD_APP[framework])
    samples = []
    for _ in range(repeats):
        result = subprocess.run(
            [python, "-c", code], env=env, cwd=cwd, capture_output=True, text=True, check=True
        )
        samples.append(round(float(result.stdout.strip()), 1))
    return samples
