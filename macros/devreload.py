"""Let `mkdocs serve` pick up edits to macros/ without a restart.

mkdocs-macros imports this package with importlib, which caches it in
sys.modules for the life of the process; every rebuild of `mkdocs serve` would
run the code as it was at startup. `fresh_package()` notices that a file of the
package changed since it was imported and imports the package again from disk.
A one-off `mkdocs build` (and a test run) never sees a change, so it never
re-imports.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

_PACKAGE = __name__.rpartition(".")[0]
_FOLDER = Path(__file__).parent


def _stamp() -> frozenset[tuple[str, int]]:
    return frozenset((path.name, path.stat().st_mtime_ns) for path in _FOLDER.glob("*.py"))


_IMPORTED = _stamp()


def fresh_package() -> ModuleType | None:
    """The package imported anew if its files changed since it was imported, else None."""
    if _stamp() == _IMPORTED:
        return None
    for name in [n for n in sys.modules if n == _PACKAGE or n.startswith(_PACKAGE + ".")]:
        del sys.modules[name]
    return importlib.import_module(_PACKAGE)
