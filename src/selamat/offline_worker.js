/* Selamat's offline copy. This service worker exists only after the reader chose "Save for offline
   reading" (assets/javascripts/offline.js registers it then, and removes it and its caches in one tap).
   The build writes in, for each language, the files to save and a version (a hash of their contents).
   - On the reader's request (a message {save: "en"|"ms"}) it saves that language's files in one cache,
     selamat-offline-<lang>-<version>; all or nothing.
   - When a new deploy changes the files (this script then differs), the new worker saves the new
     version of every language already saved, and then deletes the old caches.
   - It answers only for the files in its list, and only from its own cache of a language that lists
     the file (opened by name: never from another cache on this origin, which another script could
     have filled); anything else goes to the network as if there were no worker. It never caches
     anything else.
   - On activation it deletes every cache with its prefix but the current ones (an old copy, or one
     made by someone else to look like ours), and leaves other caches alone. */
"use strict";
var OFFLINE = /*MANIFEST*/{};
var PREFIX = OFFLINE.prefix;
var ROOT = self.registration.scope;

function cacheName(lang) { return PREFIX + lang + "-" + OFFLINE.languages[lang].version; }

/* The languages the reader saved with an earlier version: a cache named as this worker names them
   (another name with our prefix is not a saved copy; activation deletes it). */
function savedLanguages() {
  return caches.keys().then(function (names) {
    return Object.keys(OFFLINE.languages).filter(function (lang) {
      return names.some(function (name) {
        return name.indexOf(PREFIX + lang + "-") === 0 && /^[0-9a-f]{16}$/.test(name.slice((PREFIX + lang + "-").length));
      });
    });
  });
}

function save(lang) {
  var name = cacheName(lang);
  var requests = OFFLINE.languages[lang].files.map(function (file) {
    return new Request(ROOT + file, { cache: "reload", credentials: "omit" });
  });
  return caches.open(name).then(function (cache) { return cache.addAll(requests); })
    .catch(function (error) { return caches.delete(name).then(function () { throw error; }); });
}

function saveIfMissing(lang) {
  return caches.has(cacheName(lang)).then(function (has) { return has ? null : save(lang); });
}

self.addEventListener("install", function (event) {
  event.waitUntil(savedLanguages().then(function (langs) {
    return Promise.all(langs.map(saveIfMissing));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  var keep = Object.keys(OFFLINE.languages).map(cacheName);
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && keep.indexOf(name) === -1;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var lang = event.data && event.data.save;
  var port = event.ports && event.ports[0];
  function reply(ok) { if (port) port.postMessage({ ok: ok }); }
  if (!OFFLINE.languages[lang]) { reply(false); return; }
  event.waitUntil(saveIfMissing(lang).then(function () { reply(true); }, function () { reply(false); }));
});

/* Each listed URL, and the languages whose copy holds it (the assets are in both). */
var LISTED = {};
Object.keys(OFFLINE.languages).forEach(function (lang) {
  OFFLINE.languages[lang].files.forEach(function (file) {
    var url = new URL(file, ROOT).href;
    (LISTED[url] = LISTED[url] || []).push(lang);
  });
});

/* The first hit in our own caches of those languages, or undefined. caches.open would create a cache
   that is missing, so only saved ones are opened. */
function fromOwnCaches(request, langs) {
  return langs.reduce(function (found, lang) {
    return found.then(function (hit) {
      if (hit) return hit;
      var name = cacheName(lang);
      return caches.has(name).then(function (has) {
        return has ? caches.open(name).then(function (cache) { return cache.match(request); }) : undefined;
      });
    });
  }, Promise.resolve(undefined));
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var langs = request.method === "GET" && LISTED[request.url.split("#")[0]];
  if (!langs) return;  // not ours to answer: the browser fetches it as usual
  event.respondWith(fromOwnCaches(request, langs).then(function (hit) { return hit || fetch(request); }));
});
