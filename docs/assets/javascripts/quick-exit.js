/* Quick exit, after GOV.UK's "Exit this page". The button is a real link and works without this
   script; with it, activating the button or pressing Shift three times within 5 seconds covers the
   page at once, announces it, and replaces this page in the tab's history with the neutral page, so
   Back does not return here. All text comes from data attributes written in the page's language.

   Only a press of Shift on a physical keyboard counts: pressed and released on its own, not held
   until it repeats, not used as a modifier (Shift+A). Soft keyboards, predictive text and input
   methods also send Shift key events while the reader types, and iOS sends them when caps lock goes
   on or off (GOV.UK Frontend issue #4095), so none of these count:
   - a Shift event that is part of a composition (isComposing) or comes from an input method
     (keyCode 229), or that a script made up (not isTrusted);
   - any Shift while a text field, a list or an editable area has focus on a touch-only device (a
     coarse pointer or touch points, and no fine pointer): its keyboard is on the screen;
   and any other key, and any typing (`beforeinput`, `input`, `compositionstart`), starts the count
   again. */
(function () {
  "use strict";
  var bar = document.querySelector("[data-selamat-exit]");
  if (!bar) return;
  var button = bar.querySelector(".selamat-exit__button");
  var dots = bar.querySelectorAll(".selamat-exit__indicators > span");
  var status = document.querySelector(".selamat-exit__status");
  var cover = document.querySelector(".selamat-exit__cover");
  var WINDOW_MS = 5000;
  var IME_KEY_CODE = 229;  // what browsers report for a key an input method is handling
  var presses = 0;
  var timer = null;
  var shiftHeld = false;
  var shiftCounts = false;  // the Shift now held may count when it is released

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

  function matches(query) { return !!(window.matchMedia && window.matchMedia(query).matches); }

  function touchOnly() {
    if (matches("(any-pointer: fine)")) return false;
    return matches("(pointer: coarse)") || (navigator.maxTouchPoints || 0) > 0;
  }

  function editing() {
    var element = document.activeElement;
    if (!element) return false;
    var name = element.nodeName;
    return name === "INPUT" || name === "TEXTAREA" || name === "SELECT" || element.isContentEditable === true;
  }

  function fromKeyboard(event) {
    return event.isTrusted && !event.isComposing && event.keyCode !== IME_KEY_CODE;
  }

  function stopCounting() {
    shiftCounts = false;
    if (presses) reset("");
  }

  button.addEventListener("click", exit);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (event.repeat) { shiftCounts = false; return; }  // held down: not a press
      shiftHeld = true;
      shiftCounts = fromKeyboard(event) && !(touchOnly() && editing());
      if (!shiftCounts && presses) reset("");
      return;
    }
    shiftCounts = false;  // Shift used as a modifier, or another key: start again
    if (presses) reset("");
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var counts = shiftHeld && shiftCounts && fromKeyboard(event);
    shiftHeld = false;
    shiftCounts = false;
    if (counts) countShift();
  }, true);

  /* Typing, by any keyboard or input method, is not a way out: start the count again. */
  ["beforeinput", "input", "compositionstart"].forEach(function (type) {
    document.addEventListener(type, stopCounting, true);
  });

  /* Coming back through the back-forward cache: take the cover away and start afresh. */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    if (cover) cover.hidden = true;
    document.documentElement.classList.remove("selamat-exiting");
    shiftHeld = shiftCounts = false;
    reset("");
  });
})();
