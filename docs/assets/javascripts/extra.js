// Fixes and small behaviours on top of Material. document$ fires on every page, instant
// navigation included, so each step runs once per page and skips what it already did.

// Material wraps every table in a box that scrolls sideways on narrow screens. Keyboard
// users can only scroll a box they can focus (axe scrollable-region-focusable), so each
// wrapper becomes a focusable region, named after the table's caption or its number and
// section heading (region names must be unique on a page).
function nameTableBoxes() {
  const boxes = document.querySelectorAll(".md-typeset__scrollwrap");
  boxes.forEach((box, index) => {
    if (box.hasAttribute("tabindex")) return;
    const caption = box.querySelector("caption");
    let heading = box.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    const section = heading ? `: ${heading.textContent.replace("¶", "").trim()}` : "";
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute(
      "aria-label",
      caption ? caption.textContent.trim() : `Table ${index + 1}${section}`,
    );
  });
}

// Code blocks. A block that scrolls sideways must take focus, which Material leaves out
// on touch screens (axe scrollable-region-focusable). A block in a hidden tab cannot be
// measured yet, so every block is made focusable.
function focusableCodeBlocks() {
  for (const code of document.querySelectorAll(".md-typeset pre > code:not([tabindex])")) {
    code.tabIndex = 0;
  }
}

// Material sets up a code block when it first comes into view (content.lazy), which can
// be just after the keyboard has focused it, and then:
// - drops its tabindex unless it scrolls and a mouse is at hand, which takes the focus
//   away: the tabindex is given back, and so is the focus;
// - adds its copy button in a <nav>: a dozen unnamed navigation landmarks per page (axe
//   landmark-unique), so each loses the landmark role (the buttons stay).
let focusedCode = null;
document.addEventListener("focusin", ({ target }) => {
  focusedCode = target.matches(".md-typeset pre > code") ? target : null;
});
new MutationObserver((changes) => {
  for (const { target, addedNodes } of changes) {
    if (target.matches(".md-typeset pre > code:not([tabindex])")) {
      target.tabIndex = 0;
      if (target === focusedCode && document.activeElement === document.body) {
        target.focus({ preventScroll: true });
      }
    }
    for (const node of addedNodes) {
      if (node instanceof Element && node.matches(".md-code__nav")) {
        node.setAttribute("role", "none");
      }
    }
  }
}).observe(document.body, {
  childList: true,
  subtree: true,
  attributes: true,
  attributeFilter: ["tabindex"],
});

// Links to other sites print their address (extra.css, print). Material makes every
// link absolute, so CSS alone cannot tell ours from theirs: mark theirs.
function markExternalLinks() {
  for (const link of document.querySelectorAll(".md-typeset a[href]:not(.fvd-external)")) {
    if (link.origin !== location.origin) link.classList.add("fvd-external");
  }
}

// Buttons marked data-fvd-search (the 404 page) open search, on phones too, where the
// header shows only an icon. They need this script, so they stay hidden without it.
function showSearchButtons() {
  for (const button of document.querySelectorAll("[data-fvd-search][hidden]")) {
    button.hidden = false;
    button.addEventListener("click", () => {
      const toggle = document.getElementById("__search");
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      document.querySelector(".md-search__input").focus();
    });
  }
}

// On phones and tablets the site navigation is a drawer, opened by a <label> in the
// header. The closed drawer takes no focus (extra.css, "Long pages"), so the label takes
// it, named as Material's section labels are (overrides/partials/nav-item.html), and
// Enter opens the drawer: Material clicks any focused label on Enter. Then the focus
// moves into the drawer; Escape, or the focus leaving it, closes it again.
function keyboardDrawer() {
  const label = document.querySelector(".md-header label[for='__drawer']");
  const toggle = document.getElementById("__drawer");
  const drawer = () => document.querySelector(".md-sidebar--primary");
  const name = document.createElement("span");
  name.className = "sr-only";
  name.textContent = "Site navigation";
  label.append(name);
  label.tabIndex = 0;
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement === label) {
      drawer().querySelector("a[href]").focus();
    }
  });
  document.addEventListener("keydown", ({ key }) => {
    if (key === "Escape" && toggle.checked && drawer().contains(document.activeElement)) {
      toggle.click();
      label.focus();
    }
  });
  document.addEventListener("focusout", ({ target, relatedTarget }) => {
    const inDrawer = (node) => node instanceof Element && drawer().contains(node);
    if (toggle.checked && inDrawer(target) && relatedTarget && !inDrawer(relatedTarget)) {
      toggle.click();
    }
  });
}

keyboardDrawer(); // once: the header outlives instant navigation

document$.subscribe(() => {
  nameTableBoxes();
  focusableCodeBlocks();
  markExternalLinks();
  showSearchButtons();
});
