"""The browser enforces the built pages' Content-Security-Policy, and the site runs under it.

Every browser test reports a violation as a failure (tests/browser/conftest.py),
so each page (test_pages.py), search, tabs and the palette (test_reader.py,
test_keyboard.py) and the decision helper (test_decide.py) are checked under
the policy there. This shows the policy is in force: Material's own inline
scripts ran (they are allowed by hash); a script injected into the page does not.
"""

from __future__ import annotations

from tests.browser.helpers import SCREENS


def test_hashed_scripts_run_and_an_injected_script_is_blocked(open_tab, base_url: str) -> None:
    visit = open_tab(next(iter(SCREENS)))
    page = visit.page
    page.goto(base_url + "/", wait_until="networkidle")
    assert page.evaluate("typeof __md_scope") == "object"  # Material's hashed head script
    # The violation is reported after the append returns: wait for its console line.
    with page.expect_console_message(lambda message: "CSP violation" in message.text) as report:
        ran = page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.head.append(script);
            return window.injected === true;
        }""")
    assert not ran
    assert report.value.text.startswith("CSP violation: script-src-elem inline"), report.value.text
