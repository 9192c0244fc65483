/* "Save for offline reading", only when the reader chooses it. Nothing is registered or stored until
   the Save button is pressed. The state shown is read from the service worker and the caches
   themselves (this site writes nothing to cookies or web storage): "saved" when this language's copy
   is in a cache of ours. Save registers offline-worker.js (at the site's root) and asks it to save this
   language; Remove unregisters it and deletes every cache, in one tap. Without service workers the
   control says it cannot work here; from file:// it says the copy already works offline. */
(function () {
  "use strict";
  var controls = document.querySelectorAll("[data-selamat-offline]");
  var script = document.currentScript;
  if (!controls.length || !script) return;
  var PREFIX = "selamat-offline-";
  var root = new URL("../../", script.src).href;  // this script is at assets/javascripts/
  var lang = controls[0].getAttribute("data-lang") || document.documentElement.lang;
  var supported = "serviceWorker" in navigator && "caches" in window && window.isSecureContext;

  function show(state) {
    controls.forEach(function (control) {
      control.setAttribute("data-offline-state", state);
      control.querySelectorAll("[data-offline-when]").forEach(function (part) {
        part.hidden = part.getAttribute("data-offline-when").split(" ").indexOf(state) === -1;
      });
    });
  }

  function ourCaches() {
    return caches.keys().then(function (names) {
      return names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
    });
  }

  function hasEntries(name) {
    return caches.open(name).then(function (cache) { return cache.keys(); })
      .then(function (keys) { return keys.length > 0; });
  }

  function current() {
    return navigator.serviceWorker.getRegistration(root).then(function (registration) {
      return ourCaches().then(function (names) {
        var mine = names.filter(function (name) { return name.indexOf(PREFIX + lang + "-") === 0; });
        if (!registration) return "off";
        if (!mine.length) return names.length ? "other" : "off";
        return hasEntries(mine[0]).then(function (full) {
          if (full) registration.update().catch(function () {});  // a new deploy replaces the copy
          return full ? "saved" : (names.length > 1 ? "other" : "off");
        });
      });
    });
  }

  function ask(worker, message) {
    return new Promise(function (resolve) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) { resolve(event.data && event.data.ok); };
      worker.postMessage(message, [channel.port2]);
    });
  }

  function remove() {
    return navigator.serviceWorker.getRegistrations().then(function (registrations) {
      return Promise.all(registrations.map(function (registration) { return registration.unregister(); }));
    }).then(function () { return caches.keys(); }).then(function (names) {
      return Promise.all(names.map(function (name) { return caches.delete(name); }));
    });
  }

  function save() {
    var before;
    show("saving");
    return current().then(function (state) {
      before = state;
      return navigator.serviceWorker.register(root + "offline-worker.js", { scope: root, updateViaCache: "none" });
    }).then(function () { return navigator.serviceWorker.ready; })
      .then(function (registration) { return ask(registration.active, { save: lang }); })
      .then(function (ok) { if (!ok) throw new Error("not saved"); show("saved"); })
      .catch(function () {
        // Nothing half-done stays behind: if nothing was saved before, remove what this attempt made.
        return (before === "other" ? Promise.resolve() : remove()).then(function () { show("failed"); });
      });
  }

  if (location.protocol === "file:") { show("file"); return; }
  if (!supported) { show("unsupported"); return; }
  show("off");
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-offline-action]");
    if (!button || !button.closest("[data-selamat-offline]")) return;
    if (button.getAttribute("data-offline-action") === "save") save();
    else remove().then(function () { show("removed"); }, function () { current().then(show); });
  });
  current().then(show, function () { show("off"); });
})();
