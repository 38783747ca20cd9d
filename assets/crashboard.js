/* Crashboard's small browser-side callbacks (no inline scripts: a strict Content-Security-Policy forbids them): the
 * tab shown, the theme, and the presenter's notes. The charts are assets/charts.js's. */
(function () {
  "use strict";

  function showTab(tab) {
    window.setTimeout(function () { window.dispatchEvent(new Event("resize")); }, 50);
    return [tab === "context", tab !== "context"];
  }

  function theme(name) {
    var cls = name === "dark" ? "theme-dark" : "theme-light";
    document.documentElement.setAttribute("data-theme", name === "dark" ? "dark" : "light");
    return cls;
  }

  function notes(clicks) {  // presenter mode: N, or the Notes button, shows and hides the speaker notes
    var shown = (clicks || 0) % 2 === 1;
    return [!shown, shown ? "true" : "false"];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    crashboard: {showTab: showTab, theme: theme, notes: notes}
  });
})();
