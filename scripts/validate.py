"""Check the data files without building the site: `python -m scripts.validate [ROOT]`.

It runs the loaders the build runs (`define_env`), so a problem gets the same one
line naming the file, the entry, the field and what was expected. `make lint`
and the pre-commit hook call it; exit status 1 means a problem was found.
"""

from __future__ import annotations

import sys
from pathlib import Path

from macros.data import load_site_data
from macros.datafile import DataError


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path()
    try:
        data = load_site_data(root / "data", root / "docs")
    except DataError as error:
        print(f"ERROR: {error}", file=sys.stderr)
        return 1
    print(
        f"data/ is valid: {len(data.dimensions)} dimensions, {len(data.facts)} facts, "
        f"{len(data.claims)} claims, {len(data.decision['questions'])} decision questions, "
        f"{len(data.benchmarks['throughput'])} benchmark results"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
