"""mkdocs-macros entry point.

A thin layer: `define_env` loads and checks the data files once, then
registers plain, unit-tested functions from the modules beside this file, all
the same way. Keeping logic out of this file means a later move to another
static-site engine only has to replace these few lines and `links.py`.
"""

import functools
import inspect
from pathlib import Path

from macros import benchmarks, devreload, faq, helper, links, migration, pagecheck, render, usage
from macros.data import check_guide_anchors, load_site_data
from macros.datafile import DataError


def define_env(env):
    """Register the page macros (called by mkdocs-macros at config time).

    A bad data file raises DataError here, so `mkdocs build` stops with one
    ERROR line and `mkdocs serve` reports it on rebuild without exiting.
    """
    if edited := devreload.fresh_package():  # `mkdocs serve` after an edit to macros/
        return edited.define_env(env)
    docs_dir = Path(env.conf.docs_dir)
    data = load_site_data(Path(env.conf.config_file_path).parent / "data", docs_dir)
    # Pages may loop over the categories (guide/comparison.md does). Data text goes
    # through `| plain`: escaped, Markdown shown as written, `code` in backticks.
    env.variables["categories"] = list(data.categories.values())
    env.filter(render.inline, "plain")

    def link() -> links.Linker:
        """Links relative to the page being rendered."""
        return links.page_linker(env.variables["files"], env.page.file)

    # mkdocs-macros answers an exception inside a page with a multi-line report
    # and sys.exit, which also ends `mkdocs serve`. A bad call is noted instead
    # and raised after the page as one DataError line; serve keeps running.
    failed_calls: list[str] = []
    page_macros: set[str] = set()

    def page_macro(function):
        signature = inspect.signature(function)
        page_macros.add(function.__name__)

        @functools.wraps(function)
        def call(*args, **kwargs):
            try:
                signature.bind(*args, **kwargs)  # a missing or unknown argument
                return function(*args, **kwargs)
            except (TypeError, render.MacroError) as error:
                shown = [repr(arg) for arg in args]
                shown += [f"{key}={value!r}" for key, value in kwargs.items()]
                failed_calls.append(f"{function.__name__}({', '.join(shown)}): {error}")
                return ""

        return env.macro(call)

    def check_page(env) -> None:
        """Stop on a syntax error or an unknown name, as one line, before rendering."""
        source = env.page.file.content_string
        found = pagecheck.problem(
            env.env,
            env.markdown,
            known=set(env.variables) | set(env.env.globals) | set(env.page.meta),
            macros=page_macros,
        )
        if found:
            line = found[0] + pagecheck.front_matter_lines(source, env.markdown)
            raise DataError(f"{docs_dir.name}/{env.page.file.src_uri}: line {line}: {found[1]}")

    env.pre_macro_functions.append(check_page)

    def check_anchors(env) -> None:
        """`guide:` links name anchors that the built pages have."""
        check_guide_anchors(data, links.anchors_on(env.variables["files"]))

    env.post_build_functions.append(check_anchors)

    def report_failed_call(env) -> None:
        if failed_calls:
            first = failed_calls[0]
            failed_calls.clear()
            raise DataError(f"{docs_dir.name}/{env.page.file.src_uri}: {first}")

    env.post_macro_functions.append(report_failed_call)

    @page_macro
    def version(framework: str, which: str = "current") -> str:
        return render.version(data, framework, which)

    @page_macro
    def fact(id: str) -> str:
        return render.fact(data, id)

    @page_macro
    def comparison_table(
        category: str | None = None,
        ids: list[str] | None = None,
        sources: bool = True,
        fastapi: bool = False,
    ) -> str:
        return render.comparison_table(
            data, category=category, ids=ids, link=link(), sources=sources, fastapi=fastapi
        )

    @page_macro
    def pros_cons(framework: str, kind: str) -> str:
        return render.pros_cons(data, framework, kind, link=link())

    @page_macro
    def when_to_choose(framework: str) -> str:
        return render.when_to_choose(data, framework, link=link())

    @page_macro
    def corrected_claims() -> str:
        return render.corrected_claims(data, link=link())

    @page_macro
    def tutorial_steps(framework: str) -> str:
        return render.tutorial_steps(data, framework)

    @page_macro
    def citation_counts() -> str:
        return render.citation_counts(data)

    @page_macro
    def secondary_sources() -> str:
        return render.secondary_sources(data)

    @page_macro
    def decision_helper() -> str:
        return helper.render_helper(data.decision, link())

    @page_macro
    def decision_table() -> str:
        return helper.render_table(data.decision, link())

    @page_macro
    def concept_map() -> str:
        return migration.concept_map(data, link=link())

    @page_macro
    def faq_answer(id: str) -> str:
        # overrides/main.html writes this into <head> as FAQPage JSON-LD.
        env.page.meta["faq_structured_data"] = faq.structured_data(data)
        return faq.answer(data, id, link=link())

    @page_macro
    def usage_numbers(id: str) -> str:
        return usage.usage(data, id)

    # The Performance page and How the benchmark was run: data/benchmarks.yml.
    bench = benchmarks.Benchmarks(data.benchmarks)

    @page_macro
    def benchmark_lead() -> str:
        return benchmarks.lead(bench)

    @page_macro
    def benchmark_ratios(framework: str = "flask") -> str:
        return benchmarks.ratios(bench, framework)

    @page_macro
    def benchmark_throughput_chart(framework: str = "flask") -> str:
        return benchmarks.throughput_chart(bench, framework)

    @page_macro
    def benchmark_io_chart() -> str:
        return benchmarks.io_chart(bench)

    @page_macro
    def benchmark_table() -> str:
        return benchmarks.absolute(bench)

    @page_macro
    def benchmark_batteries() -> str:
        return benchmarks.batteries(bench)

    @page_macro
    def benchmark_conditions() -> str:
        return benchmarks.conditions(bench)

    @page_macro
    def benchmark_fact(name: str) -> str:
        return benchmarks.fact(bench, name)
