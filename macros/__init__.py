"""mkdocs-macros entry point.

A thin layer: `define_env` loads and validates the data files once, then
registers plain, unit-tested functions from the modules beside this file.
Keeping logic out of this file means a later move to another static-site
engine only has to replace these few lines.
"""

from pathlib import Path

from macros import render
from macros.comparison_data import load_site_data


def define_env(env):
    """Register the page macros (called by mkdocs-macros at config time).

    A bad data file raises DataError here, so `mkdocs build` stops with one
    ERROR line and `mkdocs serve` reports it on rebuild without exiting.
    """
    root = Path(env.conf.config_file_path).parent
    data = load_site_data(root / "data", Path(env.conf.docs_dir))
    use_directory_urls = env.conf.use_directory_urls
    # Pages may loop over the categories (guide/comparison.md does); escape with `| e`.
    env.variables["categories"] = list(data.categories.values())

    def links() -> dict:
        """Where the page being rendered lives, so guide links can be relative."""
        return {"from_url": env.page.url, "use_directory_urls": use_directory_urls}

    @env.macro
    def version(framework: str, which: str = "current") -> str:
        return render.version(data, framework, which)

    @env.macro
    def fact(id: str) -> str:
        return render.fact(data, id)

    @env.macro
    def comparison_table(category: str | None = None, ids: list[str] | None = None) -> str:
        return render.comparison_table(data, category=category, ids=ids, **links())

    @env.macro
    def pros_cons(framework: str, kind: str) -> str:
        return render.pros_cons(data, framework, kind, **links())

    @env.macro
    def when_to_choose(framework: str) -> str:
        return render.when_to_choose(data, framework, **links())

    @env.macro
    def corrected_claims() -> str:
        return render.corrected_claims(data, **links())
