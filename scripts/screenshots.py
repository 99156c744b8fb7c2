"""`make screenshots`: look at the site before you merge.

Builds the site strictly into a temporary folder, serves it on 127.0.0.1 and writes
screenshots with Debian's Chromium into a folder outside the repository (the first argument,
else flask-vs-django-screenshots in the system's temporary folder): the home page, the
comparison, the corrections, the FAQ, the decision helper before and after answering, and
one side-by-side page, each on a 375x812 phone and a 1280x800 desktop, light and dark.
For every one there is the first screen (`*-screen.png`, what a reader sees before
scrolling) and the whole page (`*-full.png`), plus the whole page as printed
(`*-print.png`, light only).
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from macros.data import load_site_data
from tests.browser.helpers import RENDER_EVERY_BLOCK, SCREENS, scroll_through_code
from tests.support import CHROMIUM_ARGS, free_port

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = Path(tempfile.gettempdir(), "flask-vs-django-screenshots")
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
SCHEMES = ("light", "dark")
# An A4 sheet at 96 dpi, less Chromium's default margins: how wide print layout gets.
PRINT_WIDTH = 718
PAGES = {
    "home": "/",
    "comparison": "/guide/comparison/",
    "decide-start": "/guide/decide/",
    "decide": "/guide/decide/",
    "corrections": "/guide/corrections/",
    "side-by-side": "/side-by-side/models/",
    "faq": "/guide/faq/",
}
# Shot after answering the helper as a reader would ("decide-start" is before).
ANSWERED = {"decide"}
# Material has set up every code block on show (content.lazy): each has its buttons.
ALL_CODE_SET_UP = """() => [...document.querySelectorAll('.md-typeset .highlight')]
  .filter((block) => block.checkVisibility())
  .every((block) => block.querySelector('.md-code__nav'))"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def build(site: Path, url: str) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": url}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode:
        sys.exit(f"the build failed:\n{result.stdout}{result.stderr}")


def answer_the_helper(page: Page) -> None:
    """Click through the first test case of data/decision.yml, as a reader would."""
    case = load_site_data(ROOT / "data", ROOT / "docs").decision["cases"][0]
    for answer in case["answers"]:
        page.locator(f"#decide-form input[value='{answer}']").check()


def shoot(page: Page, name: str, path: str, prefix: str, scheme: str) -> None:
    page.emulate_media(color_scheme=scheme, media="screen")
    page.goto(path, wait_until="networkidle")
    if name in ANSWERED:
        answer_the_helper(page)
    else:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=OUT / f"{prefix}-screen.png", animations="disabled")
    # A whole-page shot is taken beyond the viewport, where blocks wait to be drawn and
    # code blocks to be set up (copy button): both happen as a reader scrolls to them.
    page.evaluate(RENDER_EVERY_BLOCK)
    scroll_through_code(page)
    page.wait_for_function(ALL_CODE_SET_UP)
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=OUT / f"{prefix}-full.png", full_page=True, animations="disabled")


def main() -> None:
    chromium = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")
    if not chromium:
        sys.exit("no chromium on PATH: apt-get install chromium")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        build(Path(work) / "site", url)
        handler = functools.partial(QuietHandler, directory=str(Path(work) / "site"))
        server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            for screen, options in SCREENS.items():
                for scheme in SCHEMES:
                    context = browser.new_context(**options, base_url=url, color_scheme=scheme)
                    page = context.new_page()
                    for name, path in PAGES.items():
                        shoot(page, name, path, f"{name}-{screen}-{scheme}", scheme)
                    context.close()
            context = browser.new_context(viewport={"width": PRINT_WIDTH, "height": 1000})
            page = context.new_page()
            for name, path in PAGES.items():
                page.emulate_media(media="screen")  # print hides the helper's questions
                page.goto(url.rstrip("/") + path, wait_until="networkidle")
                if name in ANSWERED:
                    answer_the_helper(page)
                page.emulate_media(media="print")
                page.screenshot(path=OUT / f"{name}-print.png", full_page=True)
            context.close()
        finally:
            browser.close()
            server.shutdown()
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
