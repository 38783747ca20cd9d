/* Presenter mode's keys. Each presses a real button of the page (so the mouse, a touch screen and a
 * presentation clicker all do the same), and does nothing outside presenter mode or while typing.
 *   → PageDown: next slide   ← PageUp: previous   1–9: toggle the numbered class   0: every class   N: notes */
(function () {
  "use strict";
  var KEYS = {ArrowRight: "present-next", PageDown: "present-next", ArrowLeft: "present-prev",
              PageUp: "present-prev", n: "present-notes-button", N: "present-notes-button"};

  document.addEventListener("keydown", function (e) {
    var root = document.getElementById("present");
    if (!root || e.altKey || e.ctrlKey || e.metaKey) { return; }
    if (/^(INPUT|TEXTAREA|SELECT)$/.test((e.target && e.target.tagName) || "")) { return; }
    var target = null;
    if (/^[0-9]$/.test(e.key)) {
      target = root.querySelector('[data-key="' + e.key + '"]');
    } else if (KEYS[e.key]) {
      target = document.getElementById(KEYS[e.key]);
    }
    if (target) {
      e.preventDefault();
      target.click();
    }
  });
})();
