// Material wraps every table in a box that scrolls sideways on narrow screens. Keyboard
// users can only scroll a box they can focus (axe scrollable-region-focusable), so each
// wrapper becomes a focusable region, named after the table's caption or its number and
// section heading (region names must be unique on a page). document$ fires on every page,
// instant navigation included.
document$.subscribe(() => {
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
});
