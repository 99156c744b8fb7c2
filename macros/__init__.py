"""mkdocs-macros entry point.

A thin layer: `define_env` registers plain, unit-tested functions from the
modules beside this file. Keeping logic out of this file means a later move to
another static-site engine only has to replace these few lines.
"""


def define_env(env):
    """Register variables, macros and filters for the pages (called by mkdocs-macros)."""
