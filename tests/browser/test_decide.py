"""The decision helper in Chromium: the real script and the real data, on a phone and a
desktop. Expected verdicts, points and reasons come from data/decision.yml."""

from __future__ import annotations

import re
from urllib.parse import urlencode, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from macros.data import load_site_data
from tests.browser.helpers import SCREENS, axe_violations
from tests.support import ROOT, Build

DATA = load_site_data(ROOT / "data", ROOT / "docs").decision
ANSWERS = {a["id"]: a for q in DATA["questions"] for a in q["answers"]}
QUESTION_OF = {a["id"]: q["id"] for q in DATA["questions"] for a in q["answers"]}
CASES = {case["id"]: case for case in DATA["cases"]}
ALTERNATIVES = {alt["id"]: alt for alt in DATA.get("alternatives", [])}
PATH = "/guide/decide/"
NAMES = {"flask": "Flask", "django": "Django", "balanced": "Either fits"}
HINT = "Answer any question to see which framework fits."
# Cases with a clear winner and with a balanced verdict that still has reasons.
WINNER = next(c for c in DATA["cases"] if c["verdict"] in ("flask", "django"))
BALANCED = next(c for c in DATA["cases"] if c["verdict"] == "balanced" and len(c["reasons"]) > 1)
NEUTRAL = next(c for c in DATA["cases"] if c["verdict"] == "balanced" and not c["reasons"])


def query(answers: list[str]) -> str:
    return "?" + urlencode({QUESTION_OF[answer]: answer for answer in answers})


def points(answers: list[str], side: str) -> int:
    return sum(ANSWERS[answer]["weights"][side] for answer in answers)


def choose(page: Page, answers: list[str]) -> None:
    for answer in answers:
        page.get_by_label(ANSWERS[answer]["label"], exact=True).check()


def verdict(page: Page):
    return page.get_by_role("status")


def reasons_by_side(page: Page) -> list[tuple[str, str]]:
    """(side, answer label) for each reason shown, in order."""
    return page.locator("#decide-reasons [data-side] li").evaluate_all(
        """items => items.map((li) => [
             li.closest('[data-side]').dataset.side,
             li.querySelector('strong').textContent.replace(/\\.$/, ''),
           ])"""
    )


def in_viewport(page: Page, selector: str) -> bool:
    """Wholly on screen and not under the fixed header."""
    box = page.locator(selector).bounding_box()
    top = page.locator(".md-header").bounding_box()["height"]
    size = page.viewport_size
    return box is not None and box["y"] >= top and box["y"] + box["height"] <= size["height"]


@pytest.mark.parametrize("case", DATA["cases"], ids=list(CASES))
def test_script_scores_every_case_in_the_data_file(open_tab, base_url: str, case: dict) -> None:
    visit = open_tab()
    visit.page.goto(base_url + PATH)
    result = visit.page.evaluate(
        "answers => decideScore("
        "JSON.parse(document.getElementById('decide-form').dataset.weights), answers)",
        case["answers"],
    )
    assert result["verdict"] == case["verdict"]
    assert [reason["answer"]["id"] for reason in result["reasons"]] == case["reasons"]
    assert [alt["id"] for alt in result["alternatives"]] == case.get("alternatives", [])
    visit.assert_clean()


@pytest.mark.parametrize("case", DATA["cases"], ids=list(CASES))
def test_every_case_shows_its_verdict_points_and_reasons(
    open_tab, base_url: str, site: Build, case: dict
) -> None:
    visit = open_tab()
    page = visit.page
    page.goto(base_url + PATH)
    expect(verdict(page)).to_have_text(HINT)
    choose(page, case["answers"])
    if case["verdict"] == "none":
        expect(verdict(page)).to_have_text(HINT)
        expect(page.locator("#decide-bar")).to_be_hidden()
    else:
        flask, django = points(case["answers"], "flask"), points(case["answers"], "django")
        expect(page.locator(".decide-name")).to_have_text(NAMES[case["verdict"]])
        expect(page.locator(".decide-points")).to_have_text(
            f"Flask {flask} point{'s' * (flask != 1)}, Django {django} point{'s' * (django != 1)}."
        )
        expect(page.locator("#decide-bar")).to_be_visible(visible=flask + django > 0)
    shown = reasons_by_side(page)
    expected_sides = {answer: ANSWERS[answer]["weights"] for answer in case["reasons"]}
    assert [label for _, label in shown] == [ANSWERS[a]["label"] for a in case["reasons"]]
    for (side, _), answer in zip(shown, case["reasons"], strict=True):
        weights = expected_sides[answer]
        assert weights[side] > weights["django" if side == "flask" else "flask"], answer
    alternatives = page.locator("#decide-alternatives")
    named = [ALTERNATIVES[alt]["name"] for alt in case.get("alternatives", [])]
    expect(alternatives).to_be_visible(visible=bool(named))
    if named:
        expect(alternatives.locator("strong")).to_have_text([f"Also consider {n}." for n in named])
    # Each reason and alternative links to the guide page it names ("More in “Title”").
    for link in page.locator("#decide-reasons li a, #decide-alternatives a").all():
        title = re.fullmatch(r"More in “(.*)”", link.text_content() or "").group(1)
        path = urlparse(link.evaluate("a => a.href")).path
        assert site.page(path.lstrip("/")).title.get_text().startswith(f"{title} - "), path
    visit.assert_clean()


# The case with the most answers: the longest list of reasons the panel has to hold.
LONGEST = max(DATA["cases"], key=lambda case: len(case["answers"]))


@pytest.mark.parametrize("order", ["top down", "bottom up"])
@pytest.mark.parametrize("screen", SCREENS)
def test_the_verdict_is_in_view_after_every_answer(
    open_tab, base_url: str, screen: str, order: str
) -> None:
    """From the first answer to the last, wherever on the page the reader clicked."""
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + PATH)
    answers = sorted(LONGEST["answers"], key=list(ANSWERS).index, reverse=order == "bottom up")
    for answer in answers:
        radio = page.get_by_label(ANSWERS[answer]["label"], exact=True)
        radio.scroll_into_view_if_needed()
        radio.check()
        expect(page.locator(".decide-name")).to_be_visible()
        assert in_viewport(page, ".decide-name"), (
            answer,
            page.locator(".decide-name").bounding_box(),
        )
        assert in_viewport(page, ".decide-points"), answer
    visit.assert_clean()


@pytest.mark.parametrize("screen", SCREENS)
def test_shared_url_restores_answers_and_verdict_and_survives_reload(
    open_tab, base_url: str, screen: str
) -> None:
    visit = open_tab(screen)
    page = visit.page
    page.goto(base_url + PATH)
    choose(page, WINNER["answers"])
    shared = page.url
    assert shared.endswith(query(WINNER["answers"]))

    other = page.context.new_page()
    other.goto(shared)
    for answer in WINNER["answers"]:
        expect(other.get_by_label(ANSWERS[answer]["label"], exact=True)).to_be_checked()
    expect(other.locator(".decide-name")).to_have_text(NAMES[WINNER["verdict"]])

    changed = next(a for a in DATA["questions"][0]["answers"] if a["id"] not in WINNER["answers"])
    other.get_by_label(changed["label"], exact=True).check()
    other.reload()
    expect(other.get_by_label(changed["label"], exact=True)).to_be_checked()
    expect(other).to_have_url(re.compile(rf"{QUESTION_OF[changed['id']]}={changed['id']}"))
    visit.assert_clean()


def test_clear_button_empties_answers_and_url(open_tab, base_url: str) -> None:
    visit = open_tab()
    page = visit.page
    page.goto(base_url + PATH + query(WINNER["answers"]))
    page.get_by_role("button", name="Clear my answers").click()
    expect(verdict(page)).to_have_text(HINT)
    expect(page).to_have_url(base_url + PATH)
    expect(page.locator("#decide-form input:checked")).to_have_count(0)
    expect(page.locator("#decide-reasons li")).to_have_count(0)
    visit.assert_clean()


def test_keyboard_only(open_tab, base_url: str) -> None:
    visit = open_tab()
    page = visit.page
    page.goto(base_url + PATH)
    first, second = DATA["questions"][:2]
    for _ in range(80):  # Tab from the top of the page to the first question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == first["id"]:
            break
    else:
        pytest.fail("Tab never reached the first question")
    page.keyboard.press("ArrowDown")  # moves to and selects the second answer
    expect(page.get_by_label(first["answers"][1]["label"], exact=True)).to_be_checked()
    page.keyboard.press("Tab")  # next group
    page.keyboard.press("Space")
    expect(page.get_by_label(second["answers"][0]["label"], exact=True)).to_be_checked()
    expect(page.locator(".decide-name")).to_be_visible()
    for _ in range(40):  # on to the clear button
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "reset":
            break
    page.keyboard.press("Enter")
    expect(verdict(page)).to_have_text(HINT)
    visit.assert_clean()


def test_works_after_instant_navigation_and_back(open_tab, base_url: str) -> None:
    visit = open_tab()
    page = visit.page
    page.goto(base_url + "/guide/choose/")
    page.evaluate("window.__noReload = true")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Decision helper").click()
    expect(page).to_have_url(base_url + PATH)
    expect(page.locator("#decide-form")).to_be_visible()
    assert page.evaluate("window.__noReload"), "the page was reloaded, not swapped in"
    choose(page, WINNER["answers"])
    expect(page.locator(".decide-name")).to_have_text(NAMES[WINNER["verdict"]])

    page.locator(".md-sidebar--primary").get_by_role("link", name="Which to choose").click()
    expect(page).to_have_url(base_url + "/guide/choose/")
    page.go_back()
    expect(page).to_have_url(base_url + PATH + query(WINNER["answers"]))
    expect(page.locator(".decide-name")).to_have_text(NAMES[WINNER["verdict"]])
    expect(page.get_by_label(ANSWERS[WINNER["answers"][0]]["label"], exact=True)).to_be_checked()
    assert page.evaluate("window.__noReload")
    visit.assert_clean()


def test_same_page_links_keep_the_answers(open_tab, base_url: str) -> None:
    visit = open_tab()
    page = visit.page
    page.goto(base_url + PATH)
    answer = WINNER["reasons"][0]
    choose(page, [answer])
    page.locator("h2:has-text('How the score works') a.headerlink").click()
    expect(page).to_have_url(re.compile(rf"\?{QUESTION_OF[answer]}={answer}#how-the-score-works$"))
    page.reload()
    expect(page.get_by_label(ANSWERS[answer]["label"], exact=True)).to_be_checked()
    visit.assert_clean()


def test_why_on_the_phone_bar_brings_the_reasons_into_view(open_tab, base_url: str) -> None:
    visit = open_tab("phone")
    page = visit.page
    page.goto(base_url + PATH)
    answer = WINNER["reasons"][0]
    choose(page, [answer])
    first_reason = page.locator("#decide-reasons li").first
    assert not in_viewport(page, "#decide-reasons li >> nth=0")
    page.get_by_role("link", name="Why?").click()
    expect(first_reason).to_be_in_viewport()
    expect(page.locator("#decide-reasons")).to_be_focused()
    # The answers stay in the address; the anchor after them is Material's to change: it
    # follows the section in view (navigation.tracking).
    expect(page).to_have_url(re.compile(rf"\?{QUESTION_OF[answer]}={answer}(#[\w-]*)?$"))
    visit.assert_clean()


def test_without_javascript_the_table_gives_the_advice(browser: Browser, base_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + PATH + query(WINNER["answers"]))
    # Playwright's text matching skips <noscript>, so find the note by its class.
    expect(page.locator(".decide-noscript")).to_contain_text("needs JavaScript")
    expect(page.locator("#decide-form")).to_be_hidden()
    table = page.locator("#decide-table")
    expect(table).to_be_visible()
    answer = ANSWERS[WINNER["reasons"][0]]
    gap = abs(answer["weights"]["flask"] - answer["weights"]["django"])
    row = table.locator("tr", has_text=answer["label"])
    expect(row).to_contain_text(f"{NAMES[WINNER['verdict']]} ({gap} point")
    context.close()


def test_with_javascript_the_table_is_folded_away(open_tab, base_url: str) -> None:
    visit = open_tab()
    visit.page.goto(base_url + PATH)
    expect(visit.page.locator("#decide-form")).to_be_visible()
    expect(visit.page.locator("#decide-table")).to_be_hidden()
    visit.page.get_by_text("Every answer, the framework it favours and why").click()
    expect(visit.page.locator("#decide-table")).to_be_visible()


def test_print_shows_the_verdict_and_reasons_not_the_questions(open_tab, base_url: str) -> None:
    visit = open_tab()
    page = visit.page
    page.goto(base_url + PATH + query(BALANCED["answers"]))
    page.emulate_media(media="print")
    expect(page.locator(".decide-questions")).to_be_hidden()
    expect(page.get_by_role("button", name="Clear my answers")).to_be_hidden()
    expect(page.locator(".decide-name")).to_have_text(NAMES["balanced"])
    expect(page.locator("#decide-reasons li")).to_have_count(len(BALANCED["reasons"]))


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("screen", SCREENS)
def test_axe_finds_nothing_on_the_answered_page(
    open_tab, base_url: str, screen: str, scheme: str
) -> None:
    """The verdict, score bar and reasons, in both palettes (the empty form is checked
    with every page in test_pages.py)."""
    visit = open_tab(screen, scheme)
    visit.page.goto(base_url + PATH + query(BALANCED["answers"]))
    expect(visit.page.locator("#decide-form")).to_be_visible()
    assert axe_violations(visit.page) == []


def test_neutral_answers_say_either_fits_with_no_reasons(open_tab, base_url: str) -> None:
    visit = open_tab()
    page = visit.page
    page.goto(base_url + PATH + query(NEUTRAL["answers"]))
    expect(verdict(page)).to_contain_text("None of your answers favours one framework.")
    expect(page.get_by_role("link", name="Why?")).to_be_hidden()
