"""Browser fixtures: the built site served on 127.0.0.1, driven in Debian's Chromium.

Playwright never downloads a browser here. Tests use `chromium` from PATH (Debian's
package, installed by .ci/run), else Playwright's own build where one exists. In CI
(CI=true) a missing browser fails the run; elsewhere the browser tests skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser.helpers import SCREENS
from tests.support import CHROMIUM_ARGS, Build


def find_chromium() -> str | None:
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark browser tests; outside CI, skip them when there is no browser.

    In CI nothing is skipped: browser_type_launch_args fails each test instead.
    """
    here = Path(__file__).parent
    in_ci = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)
            if not find_chromium() and not in_ci:
                item.add_marker(pytest.mark.skip(reason="no chromium: apt-get install chromium"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    chromium = find_chromium()
    if chromium is None:
        pytest.fail("CI=true and no chromium on PATH: browser tests cannot run")
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


# Every page a test opens reports what the Content-Security-Policy blocks as a console
# error, which the tests already treat as a failure (Visit.assert_clean, `problems`).
REPORT_CSP_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) =>
  console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));"""


@pytest.fixture
def context(context: BrowserContext) -> BrowserContext:
    """pytest-playwright's context (for its `page`), reporting CSP violations."""
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    return context


class SiteHandler(SimpleHTTPRequestHandler):
    """Serves the built site; sitemap.xml names the pages at the address they are served from.

    navigation.instant only takes over links that sitemap.xml lists, matched by
    host and port. The Pages build lists https://<owner>.github.io/...; every
    other file is served exactly as built.
    """

    built_url = served_url = ""

    def do_GET(self) -> None:
        if (
            self.path.partition("?")[0].endswith("/sitemap.xml")
            and self.built_url != self.served_url
        ):
            sitemap = Path(self.translate_path(self.path)).read_text(encoding="utf-8")
            body = sitemap.replace(self.built_url, self.served_url).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def base_url(site: Build, web_root: Path) -> Iterator[str]:
    """The built site, served on 127.0.0.1 under the path of its site_url.

    A local build was made for a port of 127.0.0.1 and is served there, or on a
    free port when another worker serves it there already. The Pages build
    (https://<owner>.github.io/<repository>/) is served on a free port under
    /<repository>/, as GitHub Pages serves it.
    """
    address = urlparse(site.url)
    local = address.hostname == "127.0.0.1" and address.port
    handler = type("Handler", (SiteHandler,), {"built_url": site.url.rstrip("/")})
    serve = functools.partial(handler, directory=web_root)
    try:
        server = ThreadingHTTPServer(("127.0.0.1", address.port if local else 0), serve)
    except OSError:  # another pytest-xdist worker serves the same build at its port
        server = ThreadingHTTPServer(("127.0.0.1", 0), serve)
    served = f"http://127.0.0.1:{server.server_address[1]}{address.path}".rstrip("/")
    handler.served_url = served
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield served
    server.shutdown()


DOCS = Path(__file__).resolve().parents[2] / "docs"


def page_paths() -> list[str]:
    """URL paths of every built page, from docs/ (known at collection time), plus the 404.

    test_pages.py checks that this list matches the HTML files of the real build.
    """
    paths = []
    for source in sorted(DOCS.rglob("*.md")):
        parts = list(source.relative_to(DOCS).with_suffix("").parts)
        if parts[-1] in {"index", "README"}:
            parts.pop()
        paths.append("/" + "".join(part + "/" for part in parts))
    return [*paths, "/404.html"]


@dataclass
class Visit:
    """A browser tab on one screen, recording everything that should never happen."""

    page: Page
    requests: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def record(self) -> None:
        page = self.page
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", lambda r: self.problems.append(f"failed: {r.url} {r.failure}"))
        page.on(
            "response",
            lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"),
        )
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on(
            "console",
            lambda msg: (
                msg.type in {"error", "warning"}
                and self.problems.append(f"console {msg.type}: {msg.text}")
            ),
        )

    def foreign_requests(self) -> list[str]:
        """Requests to any host but 127.0.0.1 (inline data: URLs are not requests)."""
        return [
            url
            for url in self.requests
            if not url.startswith("data:") and urlparse(url).hostname != "127.0.0.1"
        ]

    def assert_clean(self) -> None:
        assert not self.problems, self.problems
        assert not self.foreign_requests(), self.foreign_requests()


@pytest.fixture
def open_tab(browser: Browser) -> Iterator[Callable[..., Visit]]:
    """Open a fresh tab (own context: empty storage) on a screen, in a system colour scheme."""
    contexts: list[BrowserContext] = []

    def open_(screen: str = "desktop", color_scheme: str = "light") -> Visit:
        context = browser.new_context(
            **SCREENS[screen],
            color_scheme=color_scheme,
            permissions=["clipboard-read", "clipboard-write"],
        )
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        contexts.append(context)
        visit = Visit(context.new_page())
        visit.record()
        return visit

    yield open_
    for context in contexts:
        context.close()
