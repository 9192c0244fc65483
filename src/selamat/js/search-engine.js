/* Selamat's search engine: how a query is read and how pages are ranked, over the prebuilt index that
   src/selamat/search_index.py writes. The browser runs it in the search worker (search-worker.js);
   tests/test_search.py runs this same file under Node against the Python twin
   (src/selamat/search_query.py + search_index.py) and demands the same top five on every query.

   The index is sharded by term: each term lives in the shard named by its first two characters (three,
   for the busy pairs the manifest lists as split), so a query fetches only the shards of its own words.
   A shard holds, for each term, its idf and its postings (document, weight); the weight already holds
   the field boosts (a title counts more than body text) and the page kind's boost.

   Query side, for each word typed:
   - the word itself, exactly;
   - a word of three letters or more that the index does not hold as typed is the start of a word:
     it matches the longer words it begins (a lower weight), as the reader is still typing;
     short words (one or two letters: "ex", "di") match whole words only;
   - its stem (the Malay stemmer for Malay, Porter for English; none for a language without one);
   - a word of five letters or more that no page holds: words one edit away (a letter added, dropped,
     changed or two swapped, after the first two letters), at a low weight;
   - the words an alias gives it (data/search-aliases.yml) and their stems.
   A document's score adds, for each of these clauses, the clause's weight times the best idf x weight
   among the terms it matched. Each section also gets a share of what the rest of its page matched, then
   Material's own re-ranking applies: pages over sections, and more of the words typed found. */
(function (global) {
  "use strict";
  var SHORT = 3;            // words shorter than this match whole words only
  var TYPO_MIN = 5;         // words this long or longer, not in the index, also match one-edit variants
  var ALIAS_PREFIX_MIN = 4; // an aliased word this long still matches longer words, at a low weight
  var PAGE_SHARE = 0.5;     // how much of the rest of its page's score a section gets
  var AHEAD_ALIASES = 4;    // an unfinished query fetches ahead the shards of the aliases it may become, when fewer
  var AHEAD_SHARDS = 2;     // than this many share its start, at most this many shards not fetched yet
  var BOOST = { word: 1, prefix: 0.5, stem: 0.8, typo: 0.3, alias: 0.9, aliasStem: 0.7, aliasPrefix: 0.3 };
  var WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

  function trim(w) {
    var chars = Array.from(w), i = 0, j = chars.length;
    while (i < j && !WORD_CHAR.test(chars[i])) i++;
    while (j > i && !WORD_CHAR.test(chars[j - 1])) j--;
    return chars.slice(i, j).join("");
  }

  function words(text) {
    // Material's query syntax out (* + ~1 ^2 field:), then split on spaces and hyphens, then
    // anything but letters, marks and digits trimmed from each end.
    return String(text).toLowerCase()
      .replace(/[~^]\d*|[*+:]/g, " ")
      .split(/[\s\-]+/)
      .map(trim)
      .filter(function (w) { return w.length > 0; });
  }

  function withinOneEdit(a, b) {
    // Damerau–Levenshtein distance <= 1: one letter added, dropped, changed, or two swapped.
    if (a === b) return true;
    var la = a.length, lb = b.length, i = 0;
    if (Math.abs(la - lb) > 1) return false;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* The shard a term lives in, and that shard's file name (letters and digits as they are, anything
     else as the hex of its UTF-8 bytes). */
  function shardKey(term, split) {
    var chars = Array.from(term);
    return chars.length >= 3 && split[chars.slice(0, 2).join("")] ? chars.slice(0, 3).join("") : chars.slice(0, 2).join("");
  }

  function shardFile(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    var bytes = new TextEncoder().encode(key), out = "x";
    for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
    return out;
  }

  /* A language from its data in the manifest: its stemmer, stop words and aliases. */
  function language(data) {
    var stem = function (w) { return w; };
    if (data.stemmer === "malay") stem = global.SelamatMalayStemmer(data.stemmerLists.roots_that_look_affixed, data.stemmerLists.known_roots);
    else if (data.stemmer === "porter") stem = global.SelamatPorterStemmer;
    var stems = new Map();
    var stop = new Set(data.stopWords || []);
    var aliases = {}, longest = 1;
    Object.keys(data.aliases || {}).forEach(function (typed) {
      var key = words(typed).join(" ");
      aliases[key] = [].concat.apply([], data.aliases[typed].map(words));
      longest = Math.max(longest, key.split(" ").length);
    });
    return {
      stem: function (w) {
        var root = stems.get(w);
        if (root === undefined) { root = stem(w); stems.set(w, root); }
        return root;
      },
      isStopWord: function (w) { return stop.has(w); },
      aliases: aliases,
      aliasKeys: Object.keys(aliases),
      longestAlias: longest
    };
  }

  /* The words typed, grouped where an alias of several words matches: [{words, means}]. */
  function units(query, lang) {
    var typed = words(query), out = [], i = 0, n, key;
    while (i < typed.length) {
      for (n = Math.min(lang.longestAlias, typed.length - i); n >= 1; n--) {
        key = typed.slice(i, i + n).join(" ");
        if (Object.prototype.hasOwnProperty.call(lang.aliases, key)) break;
      }
      if (n >= 1) { out.push({ words: typed.slice(i, i + n), means: lang.aliases[key] }); i += n; }
      else { out.push({ words: [typed[i]], means: [] }); i += 1; }
    }
    return out;
  }

  /* The terms whose shards a query needs. */
  function wanted(query, lang) {
    var terms = [];
    units(query, lang).forEach(function (unit) {
      unit.means.concat(unit.words).forEach(function (w) {
        if (lang.isStopWord(w)) return;
        terms.push(w);
        var s = lang.stem(w);
        if (s !== w) terms.push(s);
      });
    });
    return terms;
  }

  /* The aliases the query may be typing towards: those whose words start with the query's last words,
     the last of them still being typed ("ugut sebar gam" -> "ugut sebar gambar"), as groups of the
     terms they mean and the queries they would complete, the longest (most specific) start first; a start that AHEAD_ALIASES or more
     aliases share gives no group. The engine fetches their shards while the reader types, so that
     finishing the alias does not wait for them. */
  function ahead(query, lang) {
    var typed = words(query), groups = [];
    if (!typed.length || /\s$/.test(query) || Array.from(typed[typed.length - 1]).length < SHORT) return groups;
    for (var i = Math.min(typed.length, lang.longestAlias) - 1; i >= 0; i--) {
      var start = typed.slice(typed.length - 1 - i).join(" ");
      var found = lang.aliasKeys.filter(function (key) { return key.length > start.length && key.slice(0, start.length) === start; });
      if (!found.length || found.length >= AHEAD_ALIASES) continue;
      var terms = [], before = typed.slice(0, typed.length - 1 - i);
      found.forEach(function (key) {
        lang.aliases[key].forEach(function (m) {
          if (lang.isStopWord(m)) return;
          terms.push(m);
          var s = lang.stem(m);
          if (s !== m) terms.push(s);
        });
      });
      groups.push({ terms: terms, queries: found.map(function (key) { return before.concat([key]).join(" "); }) });
    }
    return groups;
  }

  function sortedKeys(object) { return Object.keys(object).sort(function (a, b) { return a < b ? -1 : a > b ? 1 : 0; }); }

  /* The plan of a query over its loaded shards (`lookup(term)` -> the term's entry or undefined;
     `shardOf(term)` -> the loaded shard holding it): the words that count, and the clauses
     {finds: indexes of the words it finds, boost, terms}. */
  function plan(query, lang, lookup, shardOf) {
    var typed = [], clauses = [];
    function add(finds, boost, terms) { if (terms.length) clauses.push({ finds: [].concat(finds), boost: boost, terms: terms }); }
    function exact(t) { return lookup(t) ? [t] : []; }
    function longer(w) {
      var shard = shardOf(w);
      return shard ? sortedKeys(shard).filter(function (t) { return t.length > w.length && t.slice(0, w.length) === w; }) : [];
    }
    function oneEdit(w) {
      var shard = shardOf(w);
      return shard ? sortedKeys(shard).filter(function (t) { return t !== w && t.slice(0, w.length) !== w && withinOneEdit(t, w); }) : [];
    }
    units(query, lang).forEach(function (unit) {
      var first = typed.length, aliased = unit.means.length > 0;
      unit.words.forEach(function (w) {
        if (lang.isStopWord(w)) return;
        var at = typed.length, s = lang.stem(w), known = !!lookup(w);
        typed.push(w);
        add(at, BOOST.word, exact(w));
        if (aliased) {
          if (w.length >= ALIAS_PREFIX_MIN && !known) add(at, BOOST.aliasPrefix, longer(w));
        } else {
          if (w.length >= SHORT && !known) add(at, BOOST.prefix, longer(w));
          if (w.length >= TYPO_MIN && !known) add(at, BOOST.typo, oneEdit(w));
        }
        if (s !== w) add(at, BOOST.stem, exact(s));
      });
      // an alias's words find every word of what was typed
      var all = [];
      for (var k = first; k < typed.length; k++) all.push(k);
      unit.means.forEach(function (m) {
        if (lang.isStopWord(m) || !all.length) return;
        var s = lang.stem(m);
        add(all, BOOST.alias, exact(m));
        if (s !== m) add(all, BOOST.aliasStem, exact(s));
      });
    });
    return { typed: typed, clauses: clauses };
  }

  /* Score every document the plan finds; the pages in order, best first, each with its documents.
     `sections`: a document's id is page * sections + its number on the page (0: the page itself). */
  function rank(p, lookup, sections) {
    var scores = new Map(), found = new Map();
    p.clauses.forEach(function (clause) {
      var best = new Map();
      clause.terms.forEach(function (t) {
        var entry = lookup(t), idf = entry[0], ids = entry[1], weights = entry[2], id = 0;
        for (var i = 0; i < ids.length; i++) {
          id += ids[i];
          var v = idf * weights[i], had = best.get(id);
          if (had === undefined || v > had) best.set(id, v);
        }
      });
      best.forEach(function (v, id) {
        scores.set(id, (scores.get(id) || 0) + clause.boost * v);
        var f = found.get(id);
        if (!f) { f = new Set(); found.set(id, f); }
        clause.finds.forEach(function (w) { f.add(w); });
      });
    });
    var ids = Array.from(scores.keys()).sort(function (a, b) { return a - b; });
    var pageSums = new Map();
    ids.forEach(function (id) {
      var page = Math.floor(id / sections);
      pageSums.set(page, (pageSums.get(page) || 0) + scores.get(id));
    });
    var count = p.typed.length;
    var docs = ids.map(function (id) {
      var page = Math.floor(id / sections), own = scores.get(id);
      var score = own + PAGE_SHARE * (pageSums.get(page) - own);
      var matched = found.get(id).size;
      var boost = (id % sections === 0 ? 1 : 0) + (count ? matched / count : 0);
      var terms = {};
      p.typed.forEach(function (w, i) { terms[w] = found.get(id).has(i); });
      return { id: id, page: page, score: score * (1 + boost * boost), terms: terms };
    });
    docs.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    var pages = [], byPage = new Map();
    docs.forEach(function (d) {
      var group = byPage.get(d.page);
      if (!group) { group = { page: d.page, score: d.score, docs: [] }; byPage.set(d.page, group); pages.push(group); }
      group.docs.push(d);
    });
    return pages;
  }

  /* An engine over one language's index. `manifest`: the language's search manifest (search_index.py);
     `load(kind, file)`: a Promise of a shard ("t") or a page's details ("d"). */
  function Engine(manifest, load) {
    this.manifest = manifest;
    this.load = load;
    this.lang = language(manifest.language);
    this.keys = new Set(manifest.keys);
    this.split = {};
    manifest.keys.forEach(function (k) { if (Array.from(k).length === 3) this.split[Array.from(k).slice(0, 2).join("")] = true; }, this);
    this.shards = new Map();
    this.details = new Map();
  }

  /* A file fetched once and kept, unless it failed (the connection dropped): the next query fetches it again. */
  function once(kept, key, fetch) {
    if (!kept.has(key)) kept.set(key, fetch().catch(function (error) { kept.delete(key); throw error; }));
    return kept.get(key);
  }

  Engine.prototype.shard = function (key) {
    if (!this.keys.has(key)) return Promise.resolve(null);
    var load = this.load;
    return once(this.shards, key, function () { return load("t", shardFile(key)).then(function (s) { return s.t; }); });
  };

  Engine.prototype.page = function (page) {
    var load = this.load;
    return once(this.details, page, function () { return load("d", String(page)); });
  };

  /* The ranked pages for a query: a Promise of {typed, pages: [{page, score, docs: [{id, score, terms}]}],
     completions: the aliases' queries it may be typing towards, whose shards are being fetched}. */
  Engine.prototype.search = function (query) {
    var self = this, lang = this.lang, split = this.split;
    var keys = [];
    wanted(query, lang).forEach(function (t) { var k = shardKey(t, split); if (keys.indexOf(k) === -1) keys.push(k); });
    // fetched now, waited for by a later query if the reader finishes the alias: the most specific
    // aliases first, at most AHEAD_SHARDS shards not fetched yet
    var budget = AHEAD_SHARDS, completions = [];
    ahead(query, lang).forEach(function (group) {
      var extra = [];
      group.terms.forEach(function (t) {
        var k = shardKey(t, split);
        if (keys.indexOf(k) === -1 && extra.indexOf(k) === -1 && self.keys.has(k) && !self.shards.has(k)) extra.push(k);
      });
      if (extra.length > budget) return;
      budget -= extra.length;
      extra.forEach(function (k) { self.shard(k).catch(function () {}); });
      group.queries.forEach(function (q) { if (completions.indexOf(q) === -1) completions.push(q); });
    });
    return Promise.all(keys.map(function (k) { return self.shard(k); })).then(function (loaded) {
      var shards = {};
      keys.forEach(function (k, i) { shards[k] = loaded[i]; });
      function shardOf(t) { return shards[shardKey(t, split)] || null; }
      function lookup(t) {
        var s = shardOf(t);
        return s && Object.prototype.hasOwnProperty.call(s, t) ? s[t] : undefined;
      }
      var p = plan(query, lang, lookup, shardOf);
      return { typed: p.typed, pages: p.clauses.length ? rank(p, lookup, self.manifest.sections) : [], completions: completions };
    });
  };

  var api = { Engine: Engine, words: words, withinOneEdit: withinOneEdit, shardKey: shardKey, shardFile: shardFile,
              language: language, wanted: wanted, ahead: ahead };
  global.SelamatSearch = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof self !== "undefined" ? self : globalThis);
