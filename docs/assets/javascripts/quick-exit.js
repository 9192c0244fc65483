/* Quick exit, after GOV.UK's "Exit this page". The button is a real link and works without this
   script; with it, activating the button or pressing Shift three times within 5 seconds covers the
   page at once, announces it, and replaces this page in the tab's history with the neutral page, so
   Back does not return here. Shift held while another key is pressed does not count, and any other
   key starts the count again. All text comes from data attributes written in the page's language. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-selamat-exit]");
  if (!bar) return;
  var button = bar.querySelector(".selamat-exit__button");
  var dots = bar.querySelectorAll(".selamat-exit__indicators > span");
  var status = document.querySelector(".selamat-exit__status");
  var cover = document.querySelector(".selamat-exit__cover");
  var WINDOW_MS = 5000;
  var presses = 0;
  var timer = null;
  var shiftHeld = false;
  var shiftUsedAsModifier = false;

  function say(message) { if (status) status.textContent = message || ""; }

  function show() {
    for (var i = 0; i < dots.length; i++) dots[i].classList.toggle("is-on", i < presses);
  }

  function reset(message) {
    presses = 0;
    clearTimeout(timer);
    timer = null;
    show();
    if (message !== undefined) say(message);
  }

  function exit(event) {
    if (event) event.preventDefault();
    if (cover) cover.hidden = false;
    document.documentElement.classList.add("selamat-exiting");
    say(bar.getAttribute("data-announce"));
    window.location.replace(button.href);
  }

  function countShift() {
    presses += 1;
    show();
    if (presses >= 3) { reset(); exit(); return; }
    if (presses === 1) timer = setTimeout(function () { reset(bar.getAttribute("data-expired")); }, WINDOW_MS);
    say(bar.getAttribute(presses === 1 ? "data-presses-2" : "data-presses-1"));
  }

  button.addEventListener("click", exit);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftHeld = true; shiftUsedAsModifier = false; }
      return;
    }
    if (shiftHeld) shiftUsedAsModifier = true;
    if (presses) reset("");
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var counts = shiftHeld && !shiftUsedAsModifier;
    shiftHeld = false;
    if (counts) countShift();
  }, true);

  /* Coming back through the back-forward cache: take the cover away and start afresh. */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    if (cover) cover.hidden = true;
    document.documentElement.classList.remove("selamat-exiting");
    reset("");
  });
})();
