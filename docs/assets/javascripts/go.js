/* Short links (/go/<slug>/): open the page in the reader's language (the first of the browser's
   preferred languages that the site has, otherwise the site's default, listed first), replacing this
   page in the history. The languages are the page's own links: nothing here names one. Without this
   script the page shows every link. */
(function () {
  "use strict";
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-lang]"));
  if (!links.length) return;
  var wanted = (navigator.languages || [navigator.language || ""]).map(function (l) { return String(l).toLowerCase(); });
  var chosen = null;
  for (var i = 0; i < wanted.length && !chosen; i++) {
    var base = wanted[i].split("-")[0];
    chosen = links.filter(function (a) { return a.getAttribute("data-lang") === base; })[0] || null;
  }
  window.location.replace((chosen || links[0]).href);
})();
