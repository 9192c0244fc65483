/* The "Print or save as PDF" button on guides and law pages: hidden until this script can make it work. */
(function () {
  "use strict";
  document.querySelectorAll(".selamat-print").forEach(function (box) {
    box.hidden = false;
    box.querySelector("button").addEventListener("click", function () { window.print(); });
  });
})();
