/* Selamat's offline copy. This service worker exists only after the reader chose "Save for offline
   reading" (assets/javascripts/offline.js registers it then, and removes it and its caches in one tap).
   The build writes in, for each language, the files to save and a version (a hash of their contents).
   - On the reader's request (a message {save: "en"|"ms"}) it saves that language's files in one cache,
     selamat-offline-<lang>-<version>; all or nothing.
   - When a new deploy changes the files (this script then differs), the new worker saves the new
     version of every language already saved, and then deletes the old caches.
   - It answers from its caches first and otherwise from the network, and never caches anything else. */
"use strict";
var OFFLINE = /*MANIFEST*/{};
var PREFIX = OFFLINE.prefix;
var ROOT = self.registration.scope;

function cacheName(lang) { return PREFIX + lang + "-" + OFFLINE.languages[lang].version; }

function savedLanguages() {
  return caches.keys().then(function (names) {
    return Object.keys(OFFLINE.languages).filter(function (lang) {
      return names.some(function (name) { return name.indexOf(PREFIX + lang + "-") === 0; });
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

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  event.respondWith(caches.match(request).then(function (hit) { return hit || fetch(request); }));
});
