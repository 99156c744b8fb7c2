"""The decision helper in Chromium: the real script, the real data, desktop and phone widths."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.data import load_site_data
from tests.browser.helpers import axe_violations
from tests.conftest import ROOT

DATA = load_site_data(ROOT / "data", ROOT / "docs").decision
LABELS = {a["id"]: a["label"] for q in DATA["questions"] for a in q["answers"]}
QUESTION_OF = {a["id"]: q["id"] for q in DATA["questions"] for a in q["answers"]}
PATH = "/guide/decide/"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}
SMALL_API_TEAM = ["small", "little-data", "services", "json-api"]
CONTENT_SITE = ["large", "admin-needed", "relational", "accounts", "html-pages"]
BALANCED = ["admin-needed", "own-parts", "json-api", "knows-neither"]


@pytest.fixture
def problems(page: Page) -> list[str]:
    """Console errors, page errors and failed requests seen during the test."""
    seen: list[str] = []
    page.on("pageerror", lambda error: seen.append(f"page error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and seen.append(msg.text))
    page.on("requestfailed", lambda request: seen.append(f"failed: {request.url}"))
    return seen


@pytest.fixture(params=list(VIEWPORTS))
def sized_page(request: pytest.FixtureRequest, page: Page) -> Page:
    page.set_viewport_size(VIEWPORTS[request.param])
    return page


def query(answers: list[str]) -> str:
    return "?" + urlencode({QUESTION_OF[answer]: answer for answer in answers})


def choose(page: Page, answers: list[str]) -> None:
    for answer in answers:
        page.get_by_label(LABELS[answer], exact=True).check()


def verdict(page: Page):
    return page.get_by_role("status")


def reason_labels(page: Page) -> list[str]:
    return page.locator("#decide-reasons li strong").all_text_contents()


@pytest.mark.parametrize("case", DATA["cases"], ids=[case["id"] for case in DATA["cases"]])
def test_script_scores_every_case_in_the_data_file(
    page: Page, base_url: str, case: dict, problems: list[str]
) -> None:
    page.goto(base_url + PATH)
    result = page.evaluate(
        "answers => decideScore("
        "JSON.parse(document.getElementById('decide-form').dataset.weights), answers)",
        case["answers"],
    )
    assert result["verdict"] == case["verdict"]
    assert [reason["answer"]["id"] for reason in result["reasons"]] == case["reasons"]
    assert not problems


def test_small_api_team_gets_flask(sized_page: Page, base_url: str, problems: list[str]) -> None:
    sized_page.goto(base_url + PATH)
    expect(verdict(sized_page)).to_have_text("Answer any question to see which framework fits.")
    choose(sized_page, SMALL_API_TEAM)
    expect(verdict(sized_page)).to_have_text(
        "Flask fits your answers better. Flask 5 points, Django 0 points."
    )
    assert reason_labels(sized_page)[0] == LABELS["json-api"]
    links = sized_page.locator("#decide-reasons a")
    expect(links.first).to_have_attribute("href", re.compile(r"side-by-side/json-apis/"))
    assert not problems


def test_content_site_with_admin_gets_django(
    sized_page: Page, base_url: str, problems: list[str]
) -> None:
    sized_page.goto(base_url + PATH)
    choose(sized_page, CONTENT_SITE)
    expect(verdict(sized_page)).to_contain_text("Django fits your answers better.")
    assert reason_labels(sized_page) == [LABELS[a] for a in ["admin-needed", "large", "accounts"]]
    assert not problems


def test_balanced_answers_say_either_fits(
    sized_page: Page, base_url: str, problems: list[str]
) -> None:
    sized_page.goto(base_url + PATH)
    choose(sized_page, BALANCED)
    expect(verdict(sized_page)).to_contain_text("Either fits; these are the trade-offs.")
    assert reason_labels(sized_page) == [
        f"For Flask: {LABELS['own-parts']}",
        f"For Flask: {LABELS['json-api']}",
        f"For Django: {LABELS['admin-needed']}",
    ]
    assert not problems


def test_answers_that_favour_neither_say_so(page: Page, base_url: str) -> None:
    page.goto(base_url + PATH)
    choose(page, ["size-unsure", "knows-neither", "sync"])
    expect(verdict(page)).to_have_text(
        "Either fits: none of your answers favours one framework. Flask 0 points, Django 0 points."
    )
    expect(page.locator("#decide-reasons li")).to_have_count(0)


def test_shared_url_restores_answers_and_verdict_and_survives_reload(
    sized_page: Page, base_url: str, problems: list[str]
) -> None:
    sized_page.goto(base_url + PATH)
    choose(sized_page, CONTENT_SITE)
    shared = sized_page.url
    assert shared.endswith(query(CONTENT_SITE))

    other = sized_page.context.new_page()
    other.goto(shared)
    for answer in CONTENT_SITE:
        expect(other.get_by_label(LABELS[answer], exact=True)).to_be_checked()
    expect(verdict(other)).to_contain_text("Django fits your answers better.")

    other.get_by_label(LABELS["knows-flask"], exact=True).check()
    other.reload()
    expect(other.get_by_label(LABELS["knows-flask"], exact=True)).to_be_checked()
    expect(other).to_have_url(re.compile(r"team=knows-flask"))
    assert not problems


def test_clear_button_empties_answers_and_url(page: Page, base_url: str) -> None:
    page.goto(base_url + PATH + query(CONTENT_SITE))
    page.get_by_role("button", name="Clear my answers").click()
    expect(verdict(page)).to_have_text("Answer any question to see which framework fits.")
    expect(page).to_have_url(base_url + PATH)
    expect(page.locator("#decide-form input:checked")).to_have_count(0)


def test_keyboard_only(page: Page, base_url: str, problems: list[str]) -> None:
    page.goto(base_url + PATH)
    for _ in range(80):  # Tab from the top of the page to the first question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "size":
            break
    else:
        pytest.fail("Tab never reached the first question")
    page.keyboard.press("ArrowDown")  # moves to and selects the second answer
    expect(page.get_by_label(LABELS["large"], exact=True)).to_be_checked()
    page.keyboard.press("Tab")  # next group
    page.keyboard.press("Space")
    expect(page.get_by_label(LABELS["admin-needed"], exact=True)).to_be_checked()
    expect(verdict(page)).to_contain_text("Django fits your answers better.")
    for _ in range(20):  # on to the clear button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "reset":
            break
    page.keyboard.press("Enter")
    expect(verdict(page)).to_have_text("Answer any question to see which framework fits.")
    assert not problems


def test_works_after_instant_navigation_and_back(
    page: Page, base_url: str, problems: list[str]
) -> None:
    page.goto(base_url + "/guide/choose/")
    page.evaluate("window.__noReload = true")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Decision helper").click()
    expect(page).to_have_url(base_url + PATH)
    expect(page.locator("#decide-form")).to_be_visible()
    assert page.evaluate("window.__noReload"), "the page was reloaded, not swapped in"
    choose(page, SMALL_API_TEAM)
    expect(verdict(page)).to_contain_text("Flask fits")

    page.locator(".md-sidebar--primary").get_by_role("link", name="Which to choose").click()
    expect(page).to_have_url(base_url + "/guide/choose/")
    page.go_back()
    expect(page).to_have_url(base_url + PATH + query(SMALL_API_TEAM))
    expect(verdict(page)).to_contain_text("Flask fits")
    expect(page.get_by_label(LABELS["json-api"], exact=True)).to_be_checked()
    assert page.evaluate("window.__noReload")
    assert not problems


def test_table_of_contents_link_keeps_the_answers(page: Page, base_url: str) -> None:
    page.goto(base_url + PATH)
    choose(page, ["admin-needed"])
    page.locator(".md-sidebar--secondary").get_by_role("link", name="How the score works").click()
    expect(page).to_have_url(re.compile(r"\?admin=admin-needed#how-the-score-works$"))
    page.reload()
    expect(page.get_by_label(LABELS["admin-needed"], exact=True)).to_be_checked()


def test_without_javascript_the_table_gives_the_advice(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PATH + query(CONTENT_SITE))
    # Playwright's text matching skips <noscript>, so find the note by its class.
    expect(page.locator(".decide-noscript")).to_contain_text("needs JavaScript")
    expect(page.locator("#decide-form")).to_be_hidden()
    expect(page.locator("#decide-result")).to_be_hidden()
    table = page.locator("#decide-table")
    expect(table).to_be_visible()
    row = table.locator("tr", has_text=LABELS["admin-needed"])
    expect(row).to_contain_text("Django (3 points)")
    expect(row.get_by_role("link")).to_have_attribute("href", re.compile("auth-admin"))
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("state", ["empty", "answered"])
def test_axe_finds_nothing_on_the_page(page: Page, base_url: str, state: str, scheme: str) -> None:
    """The whole page, theme included, before and after answering, in both palettes."""
    answers = BALANCED if state == "answered" else []
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + PATH + (query(answers) if answers else ""))
    expect(page.locator("#decide-form")).to_be_visible()
    assert axe_violations(page) == []
