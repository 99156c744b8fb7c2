"""`make bench`: build time, page weight and Lighthouse scores, written to bench/REPORT.md.

Not a test: numbers depend on the machine. Run it on a quiet machine, then commit the report.
1. Full strict build, median of 5, against the same docs/ built with plain Material
   (no plugins, no Markdown extensions, no overrides): the ratio is what our stack costs.
   Wall time and CPU time (user + system, the build's own subprocesses included); the
   budget reads CPU time, which a busy neighbour on a shared machine does not inflate.
2. Every page's first visit in Chromium (empty cache), served like GitHub Pages (gzip,
   max-age=600; see server.py): gzipped bytes by kind and request count, as sent.
3. Lighthouse 12.8.2 (bench/package.json) on the home page, the heaviest page and the page
   with the most elements (what Material's scripts restyle and measure while a phone loads
   the page), mobile and desktop, median of 3 runs: four category scores and transfer bytes.
"""

from __future__ import annotations

import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

from bench.server import serve
from tests.support import CHROMIUM_ARGS, free_port

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
REPORT = BENCH / "REPORT.md"
RUNS = 5
WALL, CPU = 0, 1  # the two measures of one timed build
BUILDS = {
    "ours": "this site: `mkdocs build --strict`",
    "no_macros": "the same without the macros plugin (not strict)",
    "plain": "same docs/, plain Material, no plugins or extensions",
}
LIGHTHOUSE_RUNS = 3
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "chromium"
# The budgets the report checks; its table's targets are written from these.
BUDGET = {
    "performance_mobile": 98,
    "other_categories": 100,
    "home_first_visit_bytes": 80 * 1024,
    "build_ratio": 1.5,
}
PLAIN_CONFIG = """\
site_name: Plain Material
site_url: {site_url}
docs_dir: {docs}
theme:
  name: material
  font: false
plugins: []
"""
# This site minus the macros plugin (macro calls stay as text): shows what macros cost.
NO_MACROS_CONFIG = """\
INHERIT: {root}/mkdocs.yml
docs_dir: {root}/docs
theme:
  custom_dir: {root}/overrides
hooks:  # relative paths would resolve next to this file; pages.py checks macro calls
  - {root}/hooks/social_cards.py
  - {root}/hooks/minify_css.py
  - {root}/hooks/csp.py
watch: []
strict: false  # macro calls left as text can look like broken links
plugins:
  - search
"""


# Everything below this line in REPORT.md is written by hand (what the numbers mean,
# why a budget is missed) and kept when `make bench` rewrites the measured part.
NOTES_MARKER = "<!-- Notes below are edited by hand; make bench keeps them. -->"


def kept_notes() -> str:
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    _, marker, notes = text.partition(NOTES_MARKER)
    return marker + notes if marker else f"{NOTES_MARKER}\n"


def timed_build(config: Path, site_dir: Path, site_url: str, strict: bool) -> tuple[float, float]:
    """Wall seconds and CPU seconds of one build process (and the processes it started)."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site_dir)]
    if strict:
        command.append("--strict")  # never -q or -v with --strict (see Makefile)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    # From the project root: snippets' base_path (examples/) is relative to it.
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        sys.exit(f"build failed ({config}):\n{result.stdout}{result.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def build_times(work: Path, site_url: str) -> dict[str, list[tuple[float, float]]]:
    plain = work / "plain"
    plain.mkdir()
    (plain / "mkdocs.yml").write_text(
        PLAIN_CONFIG.format(site_url=site_url, docs=ROOT / "docs"), encoding="utf-8"
    )
    (plain / "no-macros.yml").write_text(NO_MACROS_CONFIG.format(root=ROOT), encoding="utf-8")
    times: dict[str, list[tuple[float, float]]] = {"ours": [], "no_macros": [], "plain": []}
    for run in range(RUNS):  # interleaved, so a busy moment hits all alike
        print(f"build {run + 1}/{RUNS}", flush=True)
        times["ours"].append(timed_build(ROOT / "mkdocs.yml", work / "site", site_url, True))
        times["no_macros"].append(
            timed_build(plain / "no-macros.yml", plain / "site-nm", site_url, False)
        )
        times["plain"].append(timed_build(plain / "mkdocs.yml", plain / "site", site_url, False))
    return times


def page_paths(site: Path) -> list[str]:
    paths = []
    for html in sorted(site.rglob("index.html")):
        relative = html.parent.relative_to(site).as_posix()
        paths.append("/" if relative == "." else f"/{relative}/")
    return paths


def kind_of(content_type: str, url: str) -> str:
    if "html" in content_type:
        return "html"
    if "css" in content_type:
        return "css"
    if "javascript" in content_type:
        return "js"
    if "font" in content_type or url.endswith((".woff2", ".woff", ".ttf")):
        return "font"
    return "other"  # search index JSON, sitemap, images


def first_visits(server: ThreadingHTTPServer, base_url: str, paths: list[str]) -> dict:
    """Each page in a fresh context (empty cache), counted by what the server sent:
    gzipped bytes by kind (headers included), requests, and the page's elements. Hosts
    other than 127.0.0.1 cannot be reached (host resolver rule), so the browser reports those."""
    weights = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in paths:
            context = browser.new_context(viewport={"width": 375, "height": 812})
            page = context.new_page()
            foreign: set[str] = set()
            page.on("request", lambda request, seen=foreign: seen.add(hostname(request.url)))
            server.sent.clear()
            page.goto(base_url + path, wait_until="networkidle")
            # Anything a script starts late (a search worker or index that slipped past
            # the on-demand loading) starts once the main thread is idle: count it too.
            page.evaluate("() => new Promise(done => requestIdleCallback(done))")
            page.wait_for_load_state("networkidle")
            totals = dict.fromkeys(("html", "css", "js", "font", "other"), 0)
            for sent_path, content_type, size in server.sent:
                totals[kind_of(content_type, sent_path)] += size
            weights[path] = {
                **totals,
                "total": sum(totals.values()),
                "requests": len(server.sent),
                "elements": page.evaluate("document.getElementsByTagName('*').length"),
                "foreign_hosts": sorted(h for h in foreign if h not in {None, "127.0.0.1"}),
            }
            context.close()
        browser.close()
    return weights


def measured_pages(weights: dict) -> dict[str, str]:
    """The pages Lighthouse measures, each with why: a page chosen twice is measured once."""
    others = [path for path in weights if path != "/"]
    heaviest = max(others, key=lambda path: weights[path]["total"])
    largest = max(others, key=lambda path: weights[path]["elements"])
    measured = {"/": "home", heaviest: "most gzipped bytes on first visit"}
    if largest == heaviest:
        measured[heaviest] += " and most elements"
    else:
        measured[largest] = "most elements"
    return measured


def hostname(url: str) -> str | None:
    return urlparse(url).hostname if url.startswith("http") else None


def lighthouse(url: str, preset: str, out: Path) -> dict:
    command = [
        str(BENCH / "node_modules" / ".bin" / "lighthouse"),
        url,
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        f"--chrome-flags={' '.join(['--headless', *CHROMIUM_ARGS])}",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, env=env, check=True, capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
    items = report["audits"]["network-requests"]["details"]["items"]
    failing = sorted(
        audit_id
        for audit_id, audit in report["audits"].items()
        if audit.get("score") is not None
        and audit["score"] < 0.9
        and audit.get("scoreDisplayMode") in {"binary", "numeric", "metricSavings"}
    )
    metrics = report["audits"]["metrics"]["details"]["items"][0]
    return {
        **scores,
        "bytes": int(report["audits"]["total-byte-weight"]["numericValue"]),
        "requests": len(items),
        "third_party": sorted(
            {urlparse(i["url"]).hostname for i in items if i["url"].startswith("http")}
            - {"127.0.0.1"}
        ),
        "fcp": metrics["firstContentfulPaint"],
        "lcp": metrics["largestContentfulPaint"],
        "tbt": metrics["totalBlockingTime"],
        "failing": failing,
    }


def kib(value: float) -> str:
    return f"{value / 1024:.1f}"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def write_report(times: dict, weights: dict, scores: dict, measured: dict[str, str]) -> None:
    def median(build: str, measure: int) -> float:
        return statistics.median(run[measure] for run in times[build])

    ratio = median("ours", CPU) / median("plain", CPU)
    home = weights["/"]
    foreign = sorted({h for w in weights.values() for h in w["foreign_hosts"]})
    lines = [
        "# Benchmark report",
        "",
        f"Written by `make bench` (bench/run.py) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, "
        f"{platform.platform()}, {os.cpu_count()} cores (shared: numbers are noisy).",
        "Pages were served by bench/server.py the way GitHub Pages serves them: gzip "
        "(level 6) for text files, `Cache-Control: max-age=600`, 404.html for missing paths.",
        "",
        "## Budget",
        "",
        "| budget | target | measured | |",
        "|---|---|---|---|",
    ]
    worst_perf = min(s["performance"] for key, s in scores.items() if key[1] == "mobile")
    worst_other = min(
        s[c] for s in scores.values() for c in ("accessibility", "best-practices", "seo")
    )
    lines += [
        "| Lighthouse mobile Performance, every measured page "
        f"| >= {BUDGET['performance_mobile']} | {worst_perf} (lowest) "
        f"| {verdict(worst_perf >= BUDGET['performance_mobile'])} |",
        "| Accessibility, Best Practices, SEO, every run "
        f"| {BUDGET['other_categories']} | {worst_other} (lowest) "
        f"| {verdict(worst_other >= BUDGET['other_categories'])} |",
        "| Home page first visit, gzipped "
        f"| <= {kib(BUDGET['home_first_visit_bytes'])} KiB | {kib(home['total'])} KiB "
        f"| {verdict(home['total'] <= BUDGET['home_first_visit_bytes'])} |",
        f"| Third-party requests, all pages | 0 | {len(foreign)} {foreign or ''} "
        f"| {verdict(not foreign)} |",
        f"| Strict build vs plain Material, CPU time | <= {BUDGET['build_ratio']}x | {ratio:.2f}x "
        f"| {verdict(ratio <= BUDGET['build_ratio'])} |",
        "",
        f"## Build time (seconds, median of {RUNS})",
        "",
        "| build | wall | CPU | runs (wall / CPU) |",
        "|---|---|---|---|",
    ]
    for build, label in BUILDS.items():
        runs = ", ".join(f"{wall:.2f} / {cpu:.2f}" for wall, cpu in times[build])
        lines.append(f"| {label} | {median(build, WALL):.2f} | {median(build, CPU):.2f} | {runs} |")
    lines += [
        "",
        "Wall: the whole `mkdocs build` process, Python start-up included. CPU: user + system "
        "time of that process and the ones it started (git, the date plugin's workers).",
        "",
        "## Lighthouse 12.8.2",
        "",
        f"Median run (by Performance) of {LIGHTHOUSE_RUNS} per row. The per-page table "
        "below counts what the server sent.",
        "",
        "| page | form factor | Performance | Accessibility | Best Practices | SEO "
        "| transfer KiB | requests | FCP ms | LCP ms | TBT ms | audits below 0.9 |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for (path, preset), s in scores.items():
        lines.append(
            f"| `{path}` | {preset} | {s['performance']} | {s['accessibility']} "
            f"| {s['best-practices']} | {s['seo']} | {kib(s['bytes'])} | {s['requests']} "
            f"| {s['fcp']:.0f} | {s['lcp']:.0f} | {s['tbt']:.0f} "
            f"| {', '.join(s['failing']) or 'none'} |"
        )
    lines += [
        "",
        "Pages measured: " + "; ".join(f"`{path}` ({why})" for path, why in measured.items()) + ".",
        "",
        "## First visit, per page (KiB gzipped, headers included; 375 px viewport)",
        "",
        "| page | HTML | CSS | JS | fonts | other | total | requests | elements |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for path, w in weights.items():
        lines.append(
            f"| `{path}` | {kib(w['html'])} | {kib(w['css'])} | {kib(w['js'])} "
            f"| {kib(w['font'])} | {kib(w['other'])} | {kib(w['total'])} | {w['requests']} "
            f"| {w['elements']} |"
        )
    lines += [
        "",
        '"other" is sitemap.xml (instant navigation) and images. The search worker and '
        "its index (search/search_index.json) load only when the reader opens search, so "
        "they are not part of a first visit.",
        "",
    ]
    REPORT.write_text("\n".join(lines) + "\n" + kept_notes(), encoding="utf-8")


def main() -> None:
    if not (BENCH / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=BENCH, check=True)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        times = build_times(work, base_url + "/")
        site = work / "site"
        server = serve(site, port)
        try:
            print("first visits", flush=True)
            weights = first_visits(server, base_url, page_paths(site))
            measured = measured_pages(weights)
            scores = {}
            for path in measured:
                for preset in ("mobile", "desktop"):
                    print(f"lighthouse {preset} {path} x{LIGHTHOUSE_RUNS}", flush=True)
                    runs = [
                        lighthouse(base_url + path, preset, work / f"lh-{preset}-{run}.json")
                        for run in range(LIGHTHOUSE_RUNS)
                    ]
                    # The run with the median Performance score, as Lighthouse advises.
                    runs.sort(key=lambda result: result["performance"])
                    scores[path, preset] = runs[len(runs) // 2]
        finally:
            server.shutdown()
    write_report(times, weights, scores, measured)
    print(REPORT.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
