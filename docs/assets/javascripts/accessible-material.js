/* Fills gaps in Material's markup and behaviour, using labels Material already wrote in the page's
   language (no text of our own here):
   - the search dialog has no accessible name (axe-core): it takes the search field's label;
   - a wide table's scroll container cannot be reached by keyboard (axe-core): it becomes focusable and
     is named after the table's first header row;
   - Material 9.8 searches when a key is released, so words that arrive without one (pasted with a long
     press, dictated, or typed with a keyboard that composes them, as for Tamil) were never searched:
     each change of the field is passed on as a key release. */
(function () {
  "use strict";
  function fix() {
    var search = document.querySelector(".md-search[role=dialog]");
    var field = document.querySelector(".md-search__input");
    if (search && field && !search.hasAttribute("aria-label")) {
      search.setAttribute("aria-label", field.getAttribute("aria-label") || field.placeholder);
    }
    if (field && !field.hasAttribute("data-selamat-input")) {
      field.setAttribute("data-selamat-input", "");
      field.addEventListener("input", function (event) {
        // not while an input method composes a word: its own key events come then, marked as composing
        if (!event.isComposing) field.dispatchEvent(new KeyboardEvent("keyup"));
      });
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
