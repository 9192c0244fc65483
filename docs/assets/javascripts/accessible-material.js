/* Fills two gaps axe-core finds in Material's markup, using labels Material already wrote in the
   page's language (no text of our own here):
   - the search dialog has no accessible name: it takes the search field's label;
   - a wide table's scroll container cannot be reached by keyboard: it becomes focusable and is
     named after the table's first header row. */
(function () {
  "use strict";
  function fix() {
    var search = document.querySelector(".md-search[role=dialog]");
    var field = document.querySelector(".md-search__input");
    if (search && field && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
    }
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.hasAttribute("tabindex")) return;
      var header = wrap.querySelector("thead tr");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      if (header) wrap.setAttribute("aria-label", header.textContent.replace(/\s+/g, " ").trim());
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(fix);
  else document.addEventListener("DOMContentLoaded", fix);
})();
