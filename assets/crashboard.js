/* Crashboard's small browser-side callbacks (no inline scripts: a strict Content-Security-Policy forbids them): the
 * tab shown, the theme, the page's language on <html>, the embed's and presenter's highlight, and the presenter's
 * notes. The charts are assets/charts.js's. */
(function () {
  "use strict";
  var DIM = 0.22;

  // the embed's and the presenter's dcc.Graph: everything but the selection dimmed (the dashboard's charts are
  // assets/charts.js's, which does the same for the figures it draws)
  function keyOf(c, i) { return Array.isArray(c) ? c[i] : undefined; }

  function matcher(figure, selection) {
    if (!selection || !selection.id) { return null; }
    var hasId = figure.data.some(function (tr) {
      return Array.isArray(tr.customdata) && tr.customdata.some(function (c) { return keyOf(c, 0) === selection.id; });
    });
    if (hasId) { return function (c) { return keyOf(c, 0) === selection.id; }; }
    var hasClass = selection["class"] && figure.data.some(function (tr) {
      return Array.isArray(tr.customdata) && tr.customdata.some(function (c) { return keyOf(c, 1) === selection["class"]; });
    });
    if (hasClass) { return function (c) { return keyOf(c, 1) === selection["class"]; }; }
    return null;
  }

  function baseOpacity(tr, i) {
    var base = tr.meta && tr.meta.base_opacity !== undefined ? tr.meta.base_opacity :
      (tr.marker && tr.marker.opacity !== undefined ? tr.marker.opacity : 1);
    return Array.isArray(base) ? (base[i] === undefined ? 1 : base[i]) : base;
  }

  function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  function highlight(selection, figure) {
    var nu = window.dash_clientside.no_update;
    if (!figure || !Array.isArray(figure.data)) { return nu; }
    var match = matcher(figure, selection);
    var changed = false;
    var data = figure.data.map(function (tr) {
      if (!Array.isArray(tr.customdata) || !tr.customdata.length) { return tr; }
      var meta = Object.assign({}, tr.meta || {});
      var current = tr.marker ? tr.marker.opacity : undefined;
      if (meta.base_opacity === undefined) {
        if (!match) { return tr; }  // nothing selected and never dimmed: leave the trace as drawn
        meta.base_opacity = current === undefined ? 1 : current;
      }
      var t2 = Object.assign({}, tr, {meta: meta});
      var op = tr.customdata.map(function (c, i) {
        var base = baseOpacity(t2, i);
        return match && !match(c) ? base * DIM : base;
      });
      if (same(current, op)) { return tr; }
      changed = true;
      t2.marker = Object.assign({}, tr.marker || {}, {opacity: op});
      return t2;
    });
    return changed ? Object.assign({}, figure, {data: data}) : nu;
  }

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
    crashboard: {highlight: highlight, showTab: showTab, theme: theme, notes: notes}
  });
})();
