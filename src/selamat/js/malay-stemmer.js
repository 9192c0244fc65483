/* The Malay stemmer for search, in JavaScript: the same rules as src/selamat/stemmer.py, word for
   word, so a page is found the same way in the browser and by `selamat search`. tests/test_stemmer.py
   proves they agree on every word of the site. The word lists come from data/malay-stemmer.yml.
   Usage: var stem = SelamatMalayStemmer(rootsThatLookAffixed, knownRoots); stem("menipu") === "tipu" */
(function (global) {
  "use strict";
  var VOWEL = "aeiou";
  var TAILS = ["lah", "kah", "tah", "pun", "nya", "ku", "mu"];  // particles, then possessives
  var SUFFIXES = ["kan", "an", "i"];
  var NOUN_SUFFIXES = ["an", "kan", "i"];
  var NEVER = { "di an": 1, "ke i": 1, "ke kan": 1, "ber i": 1, "ter an": 1, "ter i": 1, "me an": 1 };
  var MIN_ROOT = 3;

  function isVowel(c) { return c !== "" && c !== undefined && VOWEL.indexOf(c) !== -1; }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  function starts(w, s) { return w.slice(0, s.length) === s; }
  function vowels(w) { var n = 0; for (var i = 0; i < w.length; i++) if (isVowel(w[i])) n++; return n; }
  function rootLike(r) { return r.length >= MIN_ROOT && vowels(r) >= 2; }

  function SelamatMalayStemmer(keepList, knownList) {
    var keep = new Set(keepList), known = new Set(knownList);
    var kKnown = knownList.filter(function (r) { return r[0] === "k"; });
    var vowelKnown = knownList.filter(function (r) { return isVowel(r[0]); });

    function rootlike(r) { return rootLike(r) || known.has(r) || keep.has(r); }
    function cuts(w, suffix, prefixed) {
      var root = w.slice(0, w.length - suffix.length);
      return rootlike(root) && (prefixed || !(suffix === "i" && ends(root, "a")));
    }
    function spellings(root, suffix) {
      if (suffix === "an" && ends(root, "p") && known.has(root.slice(0, -1) + "b")) return [root.slice(0, -1) + "b", root];
      return [root];
    }

    function prefixes(w) {
      var out = [], rest, k;
      ["memper", "diper"].forEach(function (head) {
        if (starts(w, head)) out.push([head, [w.slice(head.length), "per" + w.slice(head.length)]]);
      });
      ["meng", "peng"].forEach(function (head) {
        if (!starts(w, head)) return;
        rest = w.slice(head.length);
        if (isVowel(rest.slice(0, 1))) {
          k = "k" + rest;
          var kFirst = kKnown.some(function (r) { return starts(k, r); });
          out.push([head, kFirst ? [k, rest] : [rest, k]]);
        } else {
          out.push([head, [rest]]);
        }
      });
      [["meny", "s"], ["peny", "s"]].forEach(function (pair) {
        if (starts(w, pair[0])) out.push([pair[0], [pair[1] + w.slice(pair[0].length)]]);
      });
      ["men", "pen"].forEach(function (head) {
        if (starts(w, head) && !starts(w, head + "g") && !starts(w, head + "y")) {
          rest = w.slice(head.length);
          out.push([head, isVowel(rest.slice(0, 1)) ? ["t" + rest] : [rest]]);
        }
      });
      ["mem", "pem"].forEach(function (head) {
        if (starts(w, head)) {
          rest = w.slice(head.length);
          out.push([head, isVowel(rest.slice(0, 1)) ? ["p" + rest, rest, "f" + rest] : [rest]]);
        }
      });
      ["ber", "ter", "per"].forEach(function (head) {
        if (starts(w, head)) {
          rest = w.slice(3);
          out.push([head, isVowel(rest.slice(0, 1)) && head !== "ter" ? [rest, "r" + rest] : [rest]]);
        }
      });
      ["me", "pe"].forEach(function (head) {
        if (starts(w, head) && w.slice(2, 3) !== "" && "lrwymn".indexOf(w.slice(2, 3)) !== -1) out.push([head, [w.slice(2)]]);
      });
      ["be", "pe"].forEach(function (head) {
        rest = w.slice(2);
        if (starts(w, head) && !starts(w, head + "r") && rest.slice(1, 3) === "er") out.push([head, [rest]]);
      });
      ["di", "ke"].forEach(function (head) {
        if (starts(w, head)) out.push([head, [w.slice(2)]]);
      });
      ["bel", "pel"].forEach(function (head) {
        if (starts(w, head) && vowelKnown.some(function (r) { return starts(w.slice(3), r); })) out.push([head, [w.slice(3)]]);
      });
      var inner = [];
      out.forEach(function (entry) {
        if (entry[0] !== "meng" && entry[0] !== "di") return;
        entry[1].forEach(function (r) {
          var core = r.slice(2, r.length - 1);
          if (starts(r, "ke") && ends(r, "i") && rootLike(core)) inner.push(core);
        });
      });
      if (inner.length) out.unshift(["ke-i", inner]);
      return out.map(function (entry) {
        return [entry[0], entry[1].filter(function (r) { return r.length >= MIN_ROOT; })];
      });
    }

    function analyses(w) {
      var seen = [];
      if (w.slice(0, 5) === "menge" || w.slice(0, 5) === "penge") {
        // meN-/peN- become menge-/penge- before a one-syllable root (a short, listed class)
        var rest = w.slice(5), endings = ["kan", "an", "i", ""];
        for (var e = 0; e < endings.length; e++) {
          var r = rest.slice(0, rest.length - endings[e].length);
          if (ends(rest, endings[e]) && known.has(r) && vowels(r) === 1) {
            seen.push(r);
            break;
          }
        }
      }
      prefixes(w).forEach(function (entry) {
        var prefix = entry[0], roots = entry[1];
        if (prefix === "ke-i") { roots.forEach(function (r) { seen.push(r); }); return; }
        var order = (prefix.slice(0, 2) === "pe" || prefix.slice(0, 2) === "ke") ? NOUN_SUFFIXES : SUFFIXES;
        order.forEach(function (suffix) {
          var kind = starts(prefix, "me") ? "me" : starts(prefix, "pe") ? "pe" : prefix;
          if (NEVER[kind + " " + suffix]) return;
          roots.forEach(function (root) {
            if (ends(root, suffix) && cuts(root, suffix, true)) {
              spellings(root.slice(0, root.length - suffix.length), suffix).forEach(function (s) { seen.push(s); });
            }
          });
        });
        roots.forEach(function (r) { if (rootlike(r)) seen.push(r); });
      });
      SUFFIXES.forEach(function (suffix) {
        if (ends(w, suffix) && cuts(w, suffix, false)) {
          spellings(w.slice(0, w.length - suffix.length), suffix).forEach(function (s) { seen.push(s); });
        }
      });
      seen.push(w);
      var unique = [], had = new Set();
      seen.forEach(function (r) {
        if (had.has(r)) return;
        had.add(r);
        if (/[aeiou]/.test(r)) unique.push(r);
      });
      return unique;
    }

    return function stem(word) {
      var w = String(word).toLowerCase(), i, tail, root;
      if (keep.has(w) || w.length <= MIN_ROOT + 1 || !/^[a-z]+$/.test(w)) return w;
      for (i = 0; i < TAILS.length; i++) {
        tail = TAILS[i];
        if (ends(w, tail) && rootlike(w.slice(0, w.length - tail.length))) {
          var belongs = false;
          keep.forEach(function (r) { if (ends(r, tail) && ends(w, r)) belongs = true; });
          if (belongs) break;
          w = w.slice(0, w.length - tail.length);
          if (keep.has(w) || known.has(w)) return w;
          // se-...-nya makes adverbs: sepenuhnya, sebenarnya, sewajarnya
          if (tail === "nya" && starts(w, "se") && rootLike(w.slice(2))) w = w.slice(2);
          break;
        }
      }
      var candidates = analyses(w);
      for (i = 0; i < candidates.length; i++) {
        root = candidates[i];
        if (keep.has(root) || known.has(root)) return root;
      }
      return candidates.length ? candidates[0] : w;
    };
  }

  global.SelamatMalayStemmer = SelamatMalayStemmer;
})(typeof self !== "undefined" ? self : globalThis);
