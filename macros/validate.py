"""Check the data files without building the site: `python -m macros.validate [ROOT]`.

It runs the loaders the build runs (`define_env`), so a problem gets the same one
line naming the file, the entry, the field and what was expected. `make lint`
and the pre-commit hook call it; exit status 1 means a problem was found.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.benchmarks import load_benchmarks
from macros.comparison_data import load_site_data
from macros.datafile import DataError
from macros.decision import load_decision


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path()
    try:
        data = load_site_data(root / "data", root / "docs")
        decision = load_decision(root, root / "docs")
        bench = load_benchmarks(root / "data" / "benchmarks.yml")
    except DataError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    print(
        f"data/ is valid: {len(data.dimensions)} dimensions, {len(data.facts)} facts, "
        f"{len(data.claims)} claims, {len(decision['questions'])} decision questions, "
        f"{len(bench.data['throughput'])} benchmark results"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
