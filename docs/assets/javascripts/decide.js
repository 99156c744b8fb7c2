/* Decision helper for guide/decide/: scores the questionnaire and explains the result.
 *
 * The questions and weights come from the form's data-weights attribute, which the
 * macros render from data/decision.yml (the single source). This file is
 * included by the page itself, inside the content: Material's instant
 * navigation re-runs such scripts after every page swap, so `init` runs on each
 * visit. The one listener it leaves on the document (same-page links, below) does
 * nothing on other pages.
 */
(() => {
  "use strict";
  const NAMES = { flask: "Flask", django: "Django" };
  const TOP_REASONS = 3; // reasons shown for a clear winner
  const PER_SIDE = 2; // reasons shown for each side when balanced

  // Score a list of chosen answer ids. Pure: tests call it through window.decideScore.
  function score(data, chosen) {
    const totals = { flask: 0, django: 0 };
    const picked = [];
    for (const question of data.questions) {
      for (const answer of question.answers) {
        if (chosen.includes(answer.id)) {
          totals.flask += answer.flask;
          totals.django += answer.django;
          picked.push(answer);
        }
      }
    }
    const gap = totals.django - totals.flask;
    let verdict = gap > 0 ? "django" : "flask";
    if (!picked.length) verdict = "none";
    else if (Math.abs(gap) <= data.threshold) verdict = "balanced";

    // The answers that pull towards `side`, strongest first; ties keep question order.
    const pulls = (side, count) => {
      const other = side === "flask" ? "django" : "flask";
      return picked
        .filter((answer) => answer[side] > answer[other])
        .map((answer) => ({ answer, side, pull: answer[side] - answer[other] }))
        .sort((a, b) => b.pull - a.pull)
        .slice(0, count);
    };
    let reasons = [];
    if (verdict === "balanced") reasons = pulls("flask", PER_SIDE).concat(pulls("django", PER_SIDE));
    else if (verdict !== "none") reasons = pulls(verdict, TOP_REASONS);
    // Other frameworks worth a look for these answers; they score no points.
    const alternatives = (data.alternatives || []).filter(
      (alt) => alt.when.every((id) => chosen.includes(id)) && !alt.unless.some((id) => chosen.includes(id)),
    );
    return { verdict, flask: totals.flask, django: totals.django, reasons, alternatives };
  }

  // The verdict, as one sentence a screen reader announces: a big name, a line, the points.
  function renderVerdict(result, threshold) {
    const verdict = document.getElementById("decide-verdict");
    verdict.dataset.verdict = result.verdict;
    const count = (n) => `${n} point${n === 1 ? "" : "s"}`;
    const part = (className, text, tag = "span") => {
      const element = document.createElement(tag);
      element.className = className;
      element.textContent = text;
      return element;
    };
    if (result.verdict === "none") {
      verdict.replaceChildren("Answer any question to see which framework fits.");
      return;
    }
    let name = "Either fits";
    let line = `The scores are ${threshold} points apart or less: weigh the trade-offs below.`;
    if (result.verdict === "balanced" && !result.reasons.length) {
      line = "None of your answers favours one framework.";
    } else if (result.verdict !== "balanced") {
      name = NAMES[result.verdict];
      line = "fits your answers better.";
    }
    const points = document.createElement("span");
    points.className = "decide-points";
    points.append(
      part("fvd-flask", `Flask ${count(result.flask)}`),
      ", ",
      part("fvd-django", `Django ${count(result.django)}`),
      ".",
    );
    // "Either fits" is a sentence of its own; the full stop is for screen readers only.
    const stop = result.verdict === "balanced" ? [part("sr-only", ".")] : [];
    const heading = part("decide-name", name, "strong");
    verdict.replaceChildren(heading, ...stop, " ", part("decide-line", line), " ", points);
  }

  // Two segments, Flask's share and Django's share of all points given.
  function renderBar(result) {
    const bar = document.getElementById("decide-bar");
    bar.hidden = result.flask + result.django === 0;
    bar.querySelector(".decide-bar-flask").style.flexGrow = result.flask;
    bar.querySelector(".decide-bar-django").style.flexGrow = result.django;
  }

  // Text with `code` spans, built as nodes so nothing from the data is parsed as HTML.
  // An unpaired backtick is just a character, as in macros/render.py inline().
  function withCode(parent, text) {
    const pieces = text.split("`");
    if (pieces.length % 2 === 0) return parent.append(text);
    pieces.forEach((piece, index) => {
      const node = index % 2 ? document.createElement("code") : document.createTextNode(piece);
      if (index % 2) node.textContent = piece;
      parent.append(node);
    });
  }

  function reasonItem(reason) {
    const item = document.createElement("li");
    const label = document.createElement("strong");
    label.textContent = `${reason.answer.label}.`;
    item.append(label, " ");
    withCode(item, reason.answer.reason);
    const link = document.createElement("a");
    link.href = reason.answer.href;
    link.textContent = `More in “${reason.answer.page}”`;
    item.append(" ", link);
    return item;
  }

  // The reasons, under a title per side: one side for a clear winner, both when balanced.
  function renderReasons(result) {
    const box = document.getElementById("decide-reasons");
    box.replaceChildren();
    document.getElementById("decide-why").hidden = !result.reasons.length;
    for (const side of ["flask", "django"]) {
      const reasons = result.reasons.filter((reason) => reason.side === side);
      if (!reasons.length) continue;
      const group = document.createElement("div");
      group.dataset.side = side;
      const title = document.createElement("p");
      title.className = `decide-reasons-title fvd-${side}`;
      title.textContent = `${result.verdict === "balanced" ? "For" : "Why"} ${NAMES[side]}`;
      const list = document.createElement("ul");
      list.append(...reasons.map(reasonItem));
      group.append(title, list);
      box.append(group);
    }
  }

  // "Also consider FastAPI", with the reason and the page that explains it.
  function renderAlternatives(result) {
    const box = document.getElementById("decide-alternatives");
    box.hidden = !result.alternatives.length;
    box.replaceChildren(
      ...result.alternatives.map((alt) => {
        const item = document.createElement("p");
        const name = document.createElement("strong");
        name.textContent = `Also consider ${alt.name}.`;
        item.append(name, " ");
        withCode(item, alt.reason);
        const link = document.createElement("a");
        link.href = alt.href;
        link.textContent = `More in “${alt.page}”`;
        item.append(" ", link);
        return item;
      }),
    );
  }

  function render(result, data) {
    renderVerdict(result, data.threshold);
    renderBar(result);
    renderReasons(result);
    renderAlternatives(result);
  }

  // Keep the answers in the query string (?question=answer), so a link restores them.
  function saveToUrl(form, data) {
    const url = new URL(location.href);
    for (const question of data.questions) url.searchParams.delete(question.id);
    for (const input of form.querySelectorAll("input:checked")) {
      url.searchParams.set(input.name, input.value);
    }
    history.replaceState(history.state, "", url);
    // Same-page links (permalinks, "Why?") carry the answers too, for a reader who
    // copies one or opens it in a new tab.
    for (const link of document.querySelectorAll("a[href*='#']")) {
      const target = new URL(link.href);
      if (target.origin === url.origin && target.pathname === url.pathname) {
        target.search = url.search;
        link.href = target;
      }
    }
  }

  function init() {
    const form = document.getElementById("decide-form");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    const data = JSON.parse(form.dataset.weights);
    const params = new URLSearchParams(location.search);
    for (const input of form.querySelectorAll("input[type=radio]")) {
      input.checked = params.get(input.name) === input.value;
    }
    const update = () => {
      const chosen = [...form.querySelectorAll("input:checked")].map((input) => input.value);
      render(score(data, chosen), data);
      saveToUrl(form, data);
    };
    form.addEventListener("change", update);
    form.addEventListener("reset", () => setTimeout(update)); // after the inputs are cleared
    form.addEventListener("submit", (event) => event.preventDefault());
    form.hidden = false;
    // The table of every answer is the fallback without this script: fold it away. On a
    // first load this script runs before the parser reaches the table.
    const fold = () => {
      for (const glance of document.querySelectorAll("details.decide-glance")) glance.open = false;
    };
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fold);
    else fold();
    update();
  }

  // Same-page links (permalinks, "Why?" on the phone's pinned bar) jump here, in the page.
  // Material's instant navigation does not see the answers enter the address
  // (history.replaceState), so it takes such a link, or the browser's own jump to an
  // anchor, for a move to another page and swaps this one in again, losing the anchor.
  function jumpWithinPage(event) {
    const link = event.target.closest?.("a[href*='#']");
    if (!link || !document.getElementById("decide-form")) return;
    const url = new URL(link.href);
    const target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (url.origin !== location.origin || url.pathname !== location.pathname || !target) return;
    event.preventDefault();
    event.stopPropagation();
    url.search = location.search;
    history.replaceState(history.state, "", url);
    target.scrollIntoView();
    if (target.hasAttribute("tabindex")) target.focus({ preventScroll: true });
  }

  window.decideScore = score;
  if (!window.decideJumps) {
    window.decideJumps = true;
    document.addEventListener("click", jumpWithinPage, { capture: true });
  }
  init();
})();
