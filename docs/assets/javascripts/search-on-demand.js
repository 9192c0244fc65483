/* Material downloads the search index on every page view, always from the site root. This script
   (loaded before Material's, which makes the request) changes two things and leaves every other
   request alone:
   - a first visit costs nothing for search: the request is held until the reader opens or focuses
     the search field; Material shows "search is loading" meanwhile;
   - each language searches its own pages: on the Malay site (/ms/...) the request goes to
     ms/search/search_index.json (src/selamat/steps/search_indexes.py writes one index per language). */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  // The page's language (<html lang>): every language but the default one lives in its own folder.
  var LANGUAGE = document.documentElement.getAttribute("lang") || "";

  function indexOfThisSite(url) {
    var root = String(new URL(String(url), location.href)).replace(/search\/search_index\.json.*$/, "");
    if (LANGUAGE && location.href.indexOf(root + LANGUAGE + "/") === 0) return root + LANGUAGE + "/search/search_index.json";
    return url;
  }
  var wanted = false;
  var held = [];
  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (release) { release(); });
    document.dispatchEvent(new Event("selamat:search-wanted"));  // workers-on-demand.js starts the worker
  }
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.selamatHold = INDEX.test(String(url));
    if (this.selamatHold) {
      var args = Array.prototype.slice.call(arguments);
      args[1] = indexOfThisSite(url);
      return open.apply(this, args);
    }
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.selamatHold && !wanted) {
      held.push(function () { send.apply(request, args); });
      return undefined;
    }
    return send.apply(request, args);
  };
  document.addEventListener("focusin", function (event) {
    if (event.target.classList && event.target.classList.contains("md-search__input")) want();
  });
  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest('label[for="__search"], .md-search')) want();
  }, true);
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) want();
  });
})();
