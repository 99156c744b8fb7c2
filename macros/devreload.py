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
# Functions mkdocs-macros reads from the package object after define_env returns.
_PAGE_HOOKS = ("on_pre_page_macros", "on_post_page_macros", "on_post_build")


def _stamp() -> frozenset[tuple[str, int]]:
    return frozenset((path.name, path.stat().st_mtime_ns) for path in _FOLDER.glob("*.py"))


_IMPORTED = _stamp()


def fresh_package() -> ModuleType | None:
    """The package imported anew if its files changed since it was imported, else None.

    The caller runs the fresh define_env. The old package object, which
    mkdocs-macros holds for this build, is given the fresh page hooks.
    """
    if _stamp() == _IMPORTED:
        return None
    stale = sys.modules.get(_PACKAGE)
    for name in [n for n in sys.modules if n == _PACKAGE or n.startswith(_PACKAGE + ".")]:
        del sys.modules[name]
    fresh = importlib.import_module(_PACKAGE)
    for hook in _PAGE_HOOKS:
        if hasattr(fresh, hook):
            setattr(stale, hook, getattr(fresh, hook))
        elif hasattr(stale, hook):
            delattr(stale, hook)
    return fresh
