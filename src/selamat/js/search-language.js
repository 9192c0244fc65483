/* Selamat's search language for lunr, run inside Material's search worker. Material loads it as
   assets/javascripts/lunr/min/lunr.<code>.min.js because the language's search index names <code>
   ("ms" or "en-my") in its config. hooks/search_language_files.py writes that file: the Malay
   stemmer, this file, and the language's data (stop words, stemmer lists, aliases) from data/.

   Index side: every word is kept as written (so Material's prefix matching and highlighting keep
   working) and its stem is indexed alongside it, at the same position.
   Query side: Material appends `*` to each query word, and lunr then skips the search pipeline, so
   stems never reach the query. lunr.Index#search is therefore replaced by one that expands each word
   itself: the word as a prefix; its stem; a one-edit typo variant (lower weight); and the words an
   alias in data/search-aliases.yml gives it. src/selamat/search_query.py is the same expansion in
   Python, for `selamat search` and the tests; tests/test_search.py proves they rank alike. */
(function (global) {
  "use strict";
  var TYPO_MIN = 5;        // words this long or longer also match one-edit variants
  var ALIAS_PREFIX_MIN = 4;
  var PAGE_SHARE = 0.5;      // how much of the rest of its page's score a section gets  // an aliased word this long still matches longer words, at a low weight
  var BOOST = { word: 1, stem: 0.8, typo: 0.3, alias: 0.9, aliasStem: 0.7 };

  function words(text) {
    // Material's query syntax out (* + ~1 ^2 field:), then lunr's separator and trimmer.
    return String(text).toLowerCase()
      .replace(/[~^]\d*|[*+:]/g, " ")
      .split(/[\s\-]+/)
      .map(function (w) { return w.replace(/^\W+/, "").replace(/\W+$/, ""); })
      .filter(function (w) { return w.length > 0; });
  }

  function withinOneEdit(a, b) {
    // Damerau–Levenshtein distance <= 1 (as lunr's editDistance 1: insert, delete, change, swap).
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

  /* The plan for one query: the clauses to run, and for each word typed, the index terms that count
     as finding it (so Material does not list it as "missing" on a result that matched its stem). */
  function expand(query, language, inIndex) {
    var typed = words(query), units = [], i = 0, n, key;
    while (i < typed.length) {
      for (n = Math.min(language.longestAlias, typed.length - i); n >= 1; n--) {
        key = typed.slice(i, i + n).join(" ");
        if (Object.prototype.hasOwnProperty.call(language.aliases, key)) break;
      }
      if (n >= 1) {
        units.push({ words: typed.slice(i, i + n), means: language.aliases[key] });
        i += n;
      } else {
        units.push({ words: [typed[i]], means: [] });
        i += 1;
      }
    }
    var clauses = [], byKey = {}, found = [];
    function add(term, boost, wildcard, editDistance) {
      var id = term + "|" + wildcard + "|" + editDistance;
      if (byKey[id]) { byKey[id].boost = Math.max(byKey[id].boost, boost); return; }
      byKey[id] = { term: term, boost: boost, wildcard: wildcard, editDistance: editDistance };
      clauses.push(byKey[id]);
    }
    units.forEach(function (unit) {
      var also = new Set();
      unit.means.forEach(function (m) {
        if (language.isStopWord(m)) return;
        var s = language.stem(m);
        add(m, BOOST.alias, "none", 0);
        also.add(m);
        if (s !== m) { add(s, BOOST.aliasStem, "none", 0); also.add(s); }
      });
      var aliased = unit.means.length > 0;
      unit.words.forEach(function (w) {
        if (language.isStopWord(w)) { found.push({ word: w, stop: true }); return; }
        var s = language.stem(w), terms = new Set(also);
        if (aliased) {
          // A word the alias file knows is a whole word, not the start of one, and not a typo.
          add(w, BOOST.word, "none", 0);
          if (w.length >= ALIAS_PREFIX_MIN) add(w, BOOST.typo, "trailing", 0);
        } else {
          add(w, BOOST.word, w.length >= 2 ? "trailing" : "none", 0);
          // A word found in the index as typed is not a typo; only unknown words get one-edit variants.
          if (w.length >= TYPO_MIN && !inIndex(w)) add(w, BOOST.typo, "none", 1);
        }
        if (s !== w) { add(s, BOOST.stem, "none", 0); terms.add(s); }
        found.push({ word: w, stop: false, terms: terms, typo: !aliased });
      });
    });
    return { clauses: clauses, found: found };
  }

  function counts(key, entry) {
    return entry.stop || key.indexOf(entry.word) === 0 || entry.terms.has(key) ||
      (entry.typo && entry.word.length >= TYPO_MIN && withinOneEdit(key, entry.word));
  }

  function markFound(results, found) {
    results.forEach(function (result) {
      var metadata = result.matchData.metadata, keys = Object.keys(metadata);
      found.forEach(function (entry) {
        if (metadata[entry.word]) return;
        if (keys.some(function (key) { return counts(key, entry); })) metadata[entry.word] = {};
      });
    });
    return results;
  }

  /* Material ranks a page by its best-matching section alone, so a page that mentions the query
     in one heading ties with the page that is about it. Each section also gets a share of what the
     rest of its page matched. */
  function withPageEvidence(results) {
    var pages = {};
    results.forEach(function (r) { var p = r.ref.split("#")[0]; pages[p] = (pages[p] || 0) + r.score; });
    results.forEach(function (r) { r.score += PAGE_SHARE * (pages[r.ref.split("#")[0]] - r.score); });
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  function install(lunr, data) {
    var malay = data.code === "ms";
    var stemUncached = malay
      ? global.SelamatMalayStemmer(data.stemmer.roots_that_look_affixed, data.stemmer.known_roots)
      : function (w) { return lunr.stemmer(new lunr.Token(w)).toString(); };
    var stems = new Map();  // words repeat: building the index stems each distinct word once
    function stemWord(w) {
      var root = stems.get(w);
      if (root === undefined) { root = stemUncached(w); stems.set(w, root); }
      return root;
    }
    var stopWordFilter = malay ? lunr.generateStopWordFilter(data.stopWords) : lunr.stopWordFilter;
    var aliases = {}, longest = 1;
    Object.keys(data.aliases).forEach(function (typed) {
      var key = words(typed).join(" ");
      aliases[key] = [].concat.apply([], data.aliases[typed].map(words));
      longest = Math.max(longest, key.split(" ").length);
    });
    var language = {
      stem: stemWord,
      isStopWord: function (w) { return !stopWordFilter(new lunr.Token(w)); },
      aliases: aliases,
      longestAlias: longest
    };

    function stemAlongside(token) {
      var word = token.toString(), root = stemWord(word);
      return root && root !== word ? [token, token.clone(function () { return root; })] : token;
    }
    lunr.Pipeline.registerFunction(stemAlongside, "stemAlongside-" + data.code);
    if (malay) lunr.Pipeline.registerFunction(stopWordFilter, "stopWordFilter-" + data.code);

    var plugin = function () {
      this.pipeline.reset();
      this.pipeline.add(lunr.trimmer, stopWordFilter, stemAlongside);
      this.searchPipeline.reset();  // query words are expanded by hand, below
    };
    plugin.trimmer = lunr.trimmer;
    plugin.stopWordFilter = stopWordFilter;
    plugin.stemmer = stemAlongside;
    lunr[data.code] = plugin;

    var WILDCARD = { none: lunr.Query.wildcard.NONE, trailing: lunr.Query.wildcard.TRAILING };
    lunr.Index.prototype.search = function (queryString) {
      var inverted = this.invertedIndex;
      var plan = expand(queryString, language, function (w) { return Object.prototype.hasOwnProperty.call(inverted, w); });
      if (!plan.clauses.length) return [];
      var results = this.query(function (query) {
        plan.clauses.forEach(function (c) {
          var options = { boost: c.boost, wildcard: WILDCARD[c.wildcard], usePipeline: false };
          if (c.editDistance) options.editDistance = c.editDistance;  // present at all, lunr ignores `*`
          query.term(c.term, options);
        });
      });
      return markFound(withPageEvidence(results), plan.found);
    };
    return language;
  }

  global.SelamatSearchLanguage = { install: install, expand: expand, words: words, withinOneEdit: withinOneEdit };
})(typeof self !== "undefined" ? self : this);
