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
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import Build

# Keep Chromium off every host but 127.0.0.1 (it otherwise looks up Google's).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


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


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # keep test output readable
        pass


@pytest.fixture(scope="session")
def base_url(site: Build) -> Iterator[str]:
    """The built site, served at the address it was built for (its site_url).

    Serving at the site_url matters: navigation.instant only takes over links
    that sitemap.xml lists, and the sitemap holds absolute URLs.
    """
    handler = functools.partial(QuietHandler, directory=str(site.site))
    server = ThreadingHTTPServer(("127.0.0.1", site.port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield site.url.rstrip("/")
    server.shutdown()
