"""mkdocs-macros entry point.

A thin layer: `define_env` registers plain, unit-tested functions from the
modules beside this file. Keeping logic out of this file means a later move to
another static-site engine only has to replace these few lines.

TEMPORARY: the functions below are placeholders with the final signatures, so
pages can call them while the data layer (issue 3) is written. They are
replaced by real implementations in macros/ before issue 3 is resolved.
"""

from macros import devreload


def define_env(env):
    """Register variables, macros and filters for the pages (called by mkdocs-macros)."""
    if edited := devreload.fresh_package():  # `mkdocs serve` after an edit to macros/
        return edited.define_env(env)

    @env.macro
    def version(framework: str, which: str = "current") -> str:
        return f"({framework} {which} version)"

    @env.macro
    def fact(id: str) -> str:  # noqa: A002 - the name authors use
        return f"({id})"

    @env.macro
    def comparison_table(category: str | None = None, ids: list[str] | None = None) -> str:
        return f"(comparison table: {category or ids or 'all'})"

    @env.macro
    def pros_cons(framework: str, kind: str) -> str:
        return f"({framework} {kind} list)"

    @env.macro
    def when_to_choose(framework: str) -> str:
        return f"(when to choose {framework})"

    @env.macro
    def corrected_claims() -> str:
        return "(corrected claims table)"
