// Material wraps every table in a box that scrolls sideways on narrow screens. Keyboard
// users can only scroll a box they can focus (axe scrollable-region-focusable), so each
// wrapper becomes a focusable, named region. document$ fires on every page, instant
// navigation included.
document$.subscribe(() => {
  for (const box of document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])")) {
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "Table");
  }
});
