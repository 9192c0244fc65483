/* Selamat's search worker: speaks Material's search worker protocol (setup, ready, query, result) with
   the engine in search-engine.js, so Material's search dialog and its result markup stay as they are.
   - Setup: Material sends the language's manifest (search/search_index.json, or ms/search/...; from
     file://, search/search_index.js), which names the shards; nothing else is fetched yet.
   - Query: the shards of the query's words are fetched (once each, in parallel), the pages ranked,
     then the details of the best pages (title, address, a short extract of each section) fetched and
     the result sent: the first few at once, then, once the reader stops typing, the rest of the first
     MAX_PAGES.
   - While the reader types an alias ("ugut sebar gam" -> "ugut sebar gambar"), the engine fetches the
     shards of what it means, and the worker the details of the best pages it would find.
   - Queries are answered newest first: a query overtaken by a newer one while it waited is dropped.
   Files are fetched over http(s); from file:// (the offline edition, where the worker runs in the
   iframe-worker shim) each is a script that hands its data to SelamatSearchData. */
(function () {
  "use strict";
  if (typeof importScripts !== "function" || typeof postMessage !== "function") return;  // under Node: engine only
  var FIRST = 6;       // pages sent at once (one round of requests on an HTTP/1.1 connection pool)
  var MAX_PAGES = 20;  // pages listed
  var PAUSE = 400;     // ms without a newer query before the rest of the list is fetched
  var AHEAD = 2;       // queries an alias being typed may become, whose best pages are fetched ahead

  var framed = typeof document !== "undefined";  // inside the iframe-worker shim (file://)
  var here = framed ? document.querySelector("script[src]").src : self.location.href;
  var root = here.replace(/assets\/javascripts\/workers\/[^\/]*$/, "");
  var engine = null, latest = null, folder = "";
  var received = {};

  self.SelamatSearchData = function (kind, file, data) { received[kind + "/" + file] = data; };

  function load(kind, file) {
    var url = root + folder + kind + "/" + file + ".js";
    if (framed || location.protocol === "file:") {
      return Promise.resolve(importScripts(url)).then(function () {
        var data = received[kind + "/" + file];
        delete received[kind + "/" + file];
        return data;
      });
    }
    return fetch(url, { credentials: "omit" }).then(function (r) {
      if (!r.ok) throw new Error("search: " + url + " " + r.status);
      return r.text();
    }).then(function (text) {
      return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
    });
  }

  function escape(s) {
    return s.replace(/[&<>"']/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }

  /* The text, escaped, with the words that start like a word typed (or its stem) marked. */
  function highlight(text, typed) {
    var lang = engine.lang, starts = [];
    typed.forEach(function (w) { starts.push(w); var s = lang.stem(w); if (s !== w) starts.push(s); });
    return text.split(/([\p{L}\p{M}\p{N}]+)/u).map(function (piece, i) {
      if (i % 2 === 0) return escape(piece);
      var low = piece.toLowerCase();
      var hit = starts.some(function (w) { return w.length < 3 ? low === w : low.slice(0, w.length) === w; });
      return hit ? "<mark data-md-highlight>" + escape(piece) + "</mark>" : escape(piece);
    }).join("");
  }

  /* Material's result: for each page, its documents (page first among equals) as Material's own
     worker gives them. */
  function items(ranked, details) {
    var sections = engine.manifest.sections;
    return ranked.pages.map(function (group, g) {
      var page = details[g], byNumber = {};
      page.d.forEach(function (d) { byNumber[d[0]] = d; });
      var out = group.docs.filter(function (doc) { return byNumber[doc.id % sections]; }).map(function (doc) {
        var d = byNumber[doc.id % sections];
        return { location: page.l + (d[3] ? "#" + d[3] : ""), title: highlight(d[1], ranked.typed),
                 text: "<p>" + highlight(d[2], ranked.typed) + "</p>", score: doc.score, terms: doc.terms };
      });
      if (!group.docs.some(function (doc) { return doc.id % sections === 0; })) {
        var top = byNumber[0];
        out.push({ location: page.l, title: escape(top[1]), text: "", score: 0, terms: {} });
      }
      return out;
    });
  }

  function suggest(ranked, details) {
    var typed = ranked.typed, last = typed[typed.length - 1];
    if (!last || !details.length) return [];
    var titleWords = SelamatSearch.words(details[0].d[0][1]);
    var longer = titleWords.filter(function (w) { return w.length > last.length && w.slice(0, last.length) === last; });
    return longer.length ? [longer[0]] : [];
  }

  /* The best pages' details for a query the reader may be about to finish (an alias being typed), so
     that finishing it waits for no round trip. */
  function prepare(query) {
    engine.search(query).then(function (ranked) {
      ranked.pages.slice(0, FIRST).forEach(function (g) { engine.page(g.page).catch(function () {}); });
    }).catch(function () {});
  }

  function answer(query) {
    return engine.search(query).then(function (ranked) {
      if (query !== latest) return;
      ranked.completions.slice(0, AHEAD).forEach(prepare);
      var pages = ranked.pages.slice(0, MAX_PAGES);
      function send(n) {
        return Promise.all(pages.slice(0, n).map(function (g) { return engine.page(g.page); })).then(function (details) {
          if (query !== latest) return false;
          var part = { typed: ranked.typed, pages: pages.slice(0, n) };
          postMessage({ type: 3, data: { items: items(part, details), suggest: suggest(part, details) } });
          return true;
        });
      }
      // the rest of the list only once the reader has stopped typing: while they type, it would only
      // take the line from the next query's first results
      return send(Math.min(FIRST, pages.length)).then(function (sent) {
        if (!sent || pages.length <= FIRST) return;
        return new Promise(function (resolve) { setTimeout(resolve, PAUSE); }).then(function () {
          if (query === latest) return send(pages.length);
        });
      });
    });
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (message.type === 0) {
      var manifest = message.data.config.selamat;
      folder = manifest.folder;
      engine = new SelamatSearch.Engine(manifest, load);
      postMessage({ type: 1 });
    } else if (message.type === 2) {
      latest = message.data;
      answer(message.data).catch(function (error) {
        console.warn("search:", error);
        if (message.data === latest) postMessage({ type: 3, data: { items: [] } });
      });
    }
  });
})();
