/* Decision helper for guide/decide/: scores the questionnaire and explains the result.
 *
 * The questions and weights come from the form's data-weights attribute, which the
 * macros render from data/decision.yml (the single source). This file is
 * included by the page itself, inside the content: Material's instant
 * navigation re-runs such scripts after every page swap, so `init` runs on each
 * visit and nothing is left listening on other pages.
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
    return { verdict, flask: totals.flask, django: totals.django, reasons };
  }

  function verdictText(result, threshold) {
    const count = (n) => `${n} point${n === 1 ? "" : "s"}`;
    const points = `Flask ${count(result.flask)}, Django ${count(result.django)}.`;
    if (result.verdict === "none") return "Answer any question to see which framework fits.";
    if (result.verdict === "balanced" && !result.reasons.length) {
      return `Either fits: none of your answers favours one framework. ${points}`;
    }
    if (result.verdict === "balanced") {
      return `Either fits; these are the trade-offs. ${points} A gap of ${threshold} or less counts as balanced.`;
    }
    return `${NAMES[result.verdict]} fits your answers better. ${points}`;
  }

  // Text with `code` spans, built as nodes so nothing from the data is parsed as HTML.
  function withCode(parent, text) {
    text.split("`").forEach((piece, index) => {
      const node = index % 2 ? document.createElement("code") : document.createTextNode(piece);
      if (index % 2) node.textContent = piece;
      parent.append(node);
    });
  }

  function reasonItem(reason, balanced) {
    const item = document.createElement("li");
    const label = document.createElement("strong");
    label.textContent = (balanced ? `For ${NAMES[reason.side]}: ` : "") + reason.answer.label;
    item.append(label, ". ");
    withCode(item, reason.answer.reason);
    const link = document.createElement("a");
    link.href = reason.answer.href;
    link.textContent = `More in “${reason.answer.page}”`;
    item.append(" ", link);
    return item;
  }

  function render(result, data) {
    document.getElementById("decide-verdict").textContent = verdictText(result, data.threshold);
    const box = document.getElementById("decide-reasons");
    box.replaceChildren();
    if (!result.reasons.length) return;
    const intro = document.createElement("p");
    intro.textContent =
      result.verdict === "balanced" ? "What pulls each way:" : "The strongest reasons:";
    const list = document.createElement("ul");
    for (const reason of result.reasons) {
      list.append(reasonItem(reason, result.verdict === "balanced"));
    }
    box.append(intro, list);
  }

  // Keep the answers in the query string (?question=answer), so a link restores them.
  function saveToUrl(form, data) {
    const url = new URL(location.href);
    for (const question of data.questions) url.searchParams.delete(question.id);
    for (const input of form.querySelectorAll("input:checked")) {
      url.searchParams.set(input.name, input.value);
    }
    history.replaceState(history.state, "", url);
    // Same-page links (table of contents, permalinks) carry the answers too:
    // instant navigation pushes their full URL when they are followed.
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
    document.getElementById("decide-result").hidden = false;
    update();
  }

  window.decideScore = score;
  init();
})();
