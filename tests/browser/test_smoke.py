"""The home page loads in Chromium from 127.0.0.1 and asks no other host for anything."""

from __future__ import annotations

from urllib.parse import urlparse

from playwright.sync_api import Page, expect


def test_home_page_loads_without_errors_or_foreign_requests(page: Page, base_url: str) -> None:
    requests, problems = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.goto(base_url + "/", wait_until="networkidle")
    expect(page.locator("h1")).to_contain_text("Flask vs Django")
    hosts = {urlparse(url).hostname for url in requests if url.startswith("http")}
    assert hosts == {"127.0.0.1"}
    assert not problems
