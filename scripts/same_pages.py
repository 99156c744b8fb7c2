"""Two builds of the site have the same pages: `python -m scripts.same_pages A B`.

`make properdocs` builds the site with MkDocs and with ProperDocs (the community
continuation of MkDocs 1.x, our fallback engine) and runs this on the two output
folders. It prints one line and exits 1 when a page exists in only one of them.
"""

from __future__ import annotations

import sys
from pathlib import Path


def pages(site: Path) -> set[str]:
    return {str(path.relative_to(site)) for path in site.rglob("*.html")}


def main(argv: list[str]) -> int:
    first, second = (Path(arg) for arg in argv)
    only_first, only_second = pages(first) - pages(second), pages(second) - pages(first)
    if not pages(first):
        print(f"ERROR: {first} has no pages", file=sys.stderr)
        return 1
    if only_first or only_second:
        found = f"only in {first}: {sorted(only_first)}; only in {second}: {sorted(only_second)}"
        print(f"ERROR: {found}", file=sys.stderr)
        return 1
    print(f"{len(pages(first))} pages, the same in {first} and {second}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
