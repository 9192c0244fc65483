/* Short links (/go/<slug>/): open the page in the reader's language (Malay if the browser prefers
   it, otherwise English), replacing this page in the history. Without this script the page shows
   both links. */
(function () {
  "use strict";
  var wanted = (navigator.languages || [navigator.language || "en"]).map(function (l) { return String(l).toLowerCase(); });
  var malay = wanted.some(function (l) { return l === "ms" || l.indexOf("ms-") === 0; });
  var english = wanted.some(function (l) { return l === "en" || l.indexOf("en-") === 0; });
  var prefersMalay = malay && (!english || wanted.findIndex(function (l) { return l.indexOf("ms") === 0; }) <
                                             wanted.findIndex(function (l) { return l.indexOf("en") === 0; }));
  var link = document.querySelector('a[data-lang="' + (prefersMalay ? "ms" : "en") + '"]');
  if (link) window.location.replace(link.href);
})();
