/* Material downloads the whole search index (both languages, about 100 KB compressed) on every page
   view. A first visit should cost nothing for search, so this holds that one request until the reader
   opens or focuses the search field; Material shows "search is loading" meanwhile. Every other request
   is left alone. Loaded before Material's script, which makes the request. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var wanted = false;
  var held = [];
  function want() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (release) { release(); });
  }
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.selamatHold = INDEX.test(String(url));
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
