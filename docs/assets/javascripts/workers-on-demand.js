/* Material starts its search worker on every page view, and so downloads the worker's script (12 KB
   compressed) on a first visit that may never search. This makes every Worker start when the page first
   sends it a message: Material sends the search worker its first message once the reader has opened
   search and the index has arrived (search-on-demand.js). Until then the page holds a stand-in that
   keeps the listeners Material adds and hands them to the real worker. Loaded before Material's. */
(function () {
  "use strict";
  var RealWorker = window.Worker;
  if (!RealWorker) return;
  var waiting = [];
  function OnDemandWorker(url, options) {
    this.url = url;
    this.options = options;
    this.real = null;
    this.listeners = [];
    waiting.push(this);
  }
  // The reader has opened search (search-on-demand.js): start the worker now, while the index
  // downloads, rather than after it has arrived.
  document.addEventListener("selamat:search-wanted", function () {
    waiting.splice(0).forEach(function (worker) { worker.start(); });
  });
  OnDemandWorker.prototype.start = function () {
    if (!this.real) {
      this.real = new RealWorker(this.url, this.options);
      this.listeners.forEach(function (l) { this.real.addEventListener(l[0], l[1], l[2]); }, this);
    }
    return this.real;
  };
  OnDemandWorker.prototype.postMessage = function () {
    var real = this.start();
    return real.postMessage.apply(real, arguments);
  };
  OnDemandWorker.prototype.addEventListener = function (type, listener, options) {
    if (this.real) return this.real.addEventListener(type, listener, options);
    this.listeners.push([type, listener, options]);
  };
  OnDemandWorker.prototype.removeEventListener = function (type, listener, options) {
    if (this.real) return this.real.removeEventListener(type, listener, options);
    this.listeners = this.listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
  };
  ["onmessage", "onerror", "onmessageerror"].forEach(function (name) {
    Object.defineProperty(OnDemandWorker.prototype, name, {  // worker.onmessage = … works too
      get: function () { return this["_" + name] || null; },
      set: function (handler) {
        if (!this["_listening_" + name]) {
          this["_listening_" + name] = true;
          this.addEventListener(name.slice(2), function (event) {
            var current = this["_" + name];
            if (current) current.call(this, event);
          }.bind(this));
        }
        this["_" + name] = handler;
      }
    });
  });
  OnDemandWorker.prototype.dispatchEvent = function (event) { return this.start().dispatchEvent(event); };
  OnDemandWorker.prototype.terminate = function () { if (this.real) this.real.terminate(); };
  window.Worker = OnDemandWorker;
})();
