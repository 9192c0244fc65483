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
  var NEVER = { "di an": 1, "ke i": 1, "ke kan": 1, "ber i": 1, "ter an": 1, "me an": 1 };
  var MIN_ROOT = 3;

  function isVowel(c) { return VOWEL.indexOf(c) !== -1; }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }
  function starts(w, s) { return w.slice(0, s.length) === s; }

  function SelamatMalayStemmer(keepList, knownList) {
    var keep = new Set(keepList), known = new Set(knownList);
    var kKnown = knownList.filter(function (r) { return r[0] === "k"; });

    function prefixes(w) {
      var out = [], rest, k, i;
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
          out.push([head, isVowel(rest.slice(0, 1)) ? ["p" + rest, rest] : [rest]]);
        }
      });
      ["ber", "ter", "per"].forEach(function (head) {
        if (starts(w, head)) out.push([head, [w.slice(3)]]);
      });
      ["me", "pe"].forEach(function (head) {
        if (starts(w, head) && "lrwymn".indexOf(w.slice(2, 3)) !== -1) out.push([head, [w.slice(2)]]);
      });
      ["be", "te", "pe"].forEach(function (head) {
        if (starts(w, head) && !starts(w, head + "r")) out.push([head, [w.slice(2)]]);
      });
      ["di", "ke"].forEach(function (head) {
        if (starts(w, head)) out.push([head, [w.slice(2)]]);
      });
      for (i = 0; i < out.length; i++) {
        out[i][1] = out[i][1].filter(function (r) { return r.length >= MIN_ROOT; });
      }
      return out;
    }

    function analyses(w) {
      var seen = [];
      if (w.slice(0, 5) === "menge" || w.slice(0, 5) === "penge") {
        // meN-/peN- become menge-/penge- before a one-syllable root: mengesahkan, pengehadan
        var rest = w.slice(5), endings = ["kan", "an", "i", ""];
        for (var e = 0; e < endings.length; e++) {
          var r = rest.slice(0, rest.length - endings[e].length);
          if (ends(rest, endings[e]) && r.length >= MIN_ROOT && r.split("").filter(isVowel).length === 1) {
            seen.push(r);
            break;
          }
        }
      }
      prefixes(w).forEach(function (entry) {
        var prefix = entry[0], roots = entry[1];
        var order = (prefix.slice(0, 2) === "pe" || prefix.slice(0, 2) === "ke") ? NOUN_SUFFIXES : SUFFIXES;
        order.forEach(function (suffix) {
          var kind = starts(prefix, "me") ? "me" : starts(prefix, "pe") ? "pe" : prefix;
          if (NEVER[kind + " " + suffix]) return;
          roots.forEach(function (root) {
            if (ends(root, suffix) && root.length - suffix.length >= MIN_ROOT) seen.push(root.slice(0, root.length - suffix.length));
          });
        });
        roots.forEach(function (r) { if (r.length >= MIN_ROOT) seen.push(r); });
      });
      SUFFIXES.forEach(function (suffix) {
        var root = w.slice(0, w.length - suffix.length);
        if (ends(w, suffix) && (root.length >= MIN_ROOT + 1 || (root.length === MIN_ROOT && isVowel(root[root.length - 1])))) seen.push(root);
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
        if (ends(w, tail) && w.length - tail.length >= MIN_ROOT + 1) {
          var belongs = false;
          keep.forEach(function (r) { if (ends(r, tail) && ends(w, r)) belongs = true; });
          if (belongs) break;
          w = w.slice(0, w.length - tail.length);
          if (keep.has(w)) return w;
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
})(typeof self !== "undefined" ? self : this);
