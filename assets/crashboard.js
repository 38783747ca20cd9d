/* Crashboard's small browser-side callbacks (no inline scripts: a strict Content-Security-Policy forbids them): the
 * tab shown, the theme, the page's language on <html>, and the presenter's notes. The charts are assets/charts.js's. */
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

  // the page's language, once on the <html> element too: the server writes it there for the first page, and an
  // in-page language switch changes #page's lang (a BCP 47 tag), which is copied up
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      var lang = r.target.getAttribute("lang");
      if (lang && r.target.id === "page") { document.documentElement.setAttribute("lang", lang); }
    });
  }).observe(document.documentElement, {attributes: true, attributeFilter: ["lang"], subtree: true});

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    crashboard: {showTab: showTab, theme: theme, notes: notes}
  });
})();
