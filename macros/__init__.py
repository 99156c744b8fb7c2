"""mkdocs-macros entry point.

A thin layer: `define_env` loads and validates the data files once, then
registers plain, unit-tested functions from the modules beside this file.
Keeping logic out of this file means a later move to another static-site
engine only has to replace these few lines.
"""

import functools
from pathlib import Path

from macros import benchmarks, decision, devreload, render
from macros.comparison_data import load_site_data
from macros.datafile import DataError


def define_env(env):
    """Register the page macros (called by mkdocs-macros at config time).

    A bad data file raises DataError here, so `mkdocs build` stops with one
    ERROR line and `mkdocs serve` reports it on rebuild without exiting.
    """
    if edited := devreload.fresh_package():  # `mkdocs serve` after an edit to macros/
        return edited.define_env(env)
    root = Path(env.conf.config_file_path).parent
    data = load_site_data(root / "data", Path(env.conf.docs_dir))
    use_directory_urls = env.conf.use_directory_urls
    # Pages may loop over the categories (guide/comparison.md does); escape with `| e`.
    env.variables["categories"] = list(data.categories.values())

    def links() -> dict:
        """Where the page being rendered lives, so guide links can be relative."""
        return {"from_url": env.page.url, "use_directory_urls": use_directory_urls}

    # mkdocs-macros answers an exception inside a page with a multi-line report
    # and sys.exit, which also ends `mkdocs serve`. A bad call is noted instead
    # and raised after the page as one DataError line; serve keeps running.
    failed_calls: list[str] = []

    def page_macro(function):
        @functools.wraps(function)
        def call(*args, **kwargs):
            try:
                return function(*args, **kwargs)
            except render.MacroError as error:
                failed_calls.append(str(error))
                return ""

        return env.macro(call)

    def report_failed_call(env) -> None:
        if failed_calls:
            first = failed_calls[0]
            failed_calls.clear()
            raise DataError(f"{Path(env.conf.docs_dir).name}/{env.page.file.src_uri}: {first}")

    env.post_macro_functions.append(report_failed_call)

    @page_macro
    def version(framework: str, which: str = "current") -> str:
        return render.version(data, framework, which)

    @page_macro
    def fact(id: str) -> str:
        return render.fact(data, id)

    @page_macro
    def comparison_table(category: str | None = None, ids: list[str] | None = None) -> str:
        return render.comparison_table(data, category=category, ids=ids, **links())

    @page_macro
    def pros_cons(framework: str, kind: str) -> str:
        return render.pros_cons(data, framework, kind, **links())

    @page_macro
    def when_to_choose(framework: str) -> str:
        return render.when_to_choose(data, framework, **links())

    @page_macro
    def corrected_claims() -> str:
        return render.corrected_claims(data, **links())

    # --- Decision helper (issue 7): data/decision.yml -> docs/guide/decide.md ---
    # Loaded and checked once per build, so a bad entry stops the build early.
    decision_data = decision.load_decision(root, Path(env.conf.docs_dir))

    @env.macro
    def decision_helper() -> str:
        return decision.render_helper(
            decision_data, decision.page_linker(env), decision.script_href(env)
        )

    @env.macro
    def decision_table() -> str:
        return decision.render_table(decision_data, decision.page_linker(env))

    # --- Performance page: data/benchmarks.yml (written by `make bench-frameworks`) ---
    bench = benchmarks.load_benchmarks(root / "data" / "benchmarks.yml")
    for name, function in benchmarks.PAGE_MACROS.items():
        macro = functools.partial(function, bench)
        macro.__name__ = name  # what pages call it: benchmark_ratios() and so on
        page_macro(macro)
