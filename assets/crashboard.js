/* Crashboard's browser-side callbacks (no inline scripts: a strict Content-Security-Policy can forbid them).
 *
 * Every plotted point carries customdata [entity id, asset class, record id]. Highlighting dims the points
 * that are not the selected entity (or, in charts without it, not of its class), keeping each trace's own
 * opacity as the base. */
(function () {
  "use strict";
  var DIM = 0.22;
  var HOVER_SHAPE = "hover-sync";

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

  function datedAxes(gd) {
    var full = gd._fullLayout || {};
    return Object.keys(full).filter(function (k) {
      return /^xaxis\d*$/.test(k) && full[k] && full[k].type === "date";
    });
  }

  function hoverSync(hoverData) {
    var x = hoverData && hoverData.points && hoverData.points.length ? hoverData.points[0].x : null;
    var graphs = document.querySelectorAll(".panel .js-plotly-plot");
    graphs.forEach(function (gd) {
      if (!window.Plotly || gd.closest("#panel-timeline")) { return; }
      var axes = datedAxes(gd);
      if (!axes.length) { return; }
      var shapes = ((gd.layout && gd.layout.shapes) || []).filter(function (s) { return s.name !== HOVER_SHAPE; });
      if (x !== null) {
        axes.forEach(function (ax) {
          var anchor = (gd._fullLayout[ax] || {}).anchor;
          var yref = anchor && anchor !== "free" ? anchor + " domain" : "paper";  // stay inside this subplot
          shapes.push({type: "line", name: HOVER_SHAPE, xref: ax.replace("axis", ""), yref: yref,
                       x0: x, x1: x, y0: 0, y1: 1, line: {color: "#D55E00", width: 2, dash: "dot"}});
        });
      }
      window.Plotly.relayout(gd, {shapes: shapes});
    });
    return x;
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

  /* The view store of each tab (outputs view-crash, view-context) follows the view only while its tab is open,
   * so a change sends the server requests for the charts on screen, and a tab catches up when it opens. */
  function tabView(view) {
    var nu = window.dash_clientside.no_update;
    var tab = arguments[1], outputs = window.dash_clientside.callback_context.outputs_list;
    var previous = Array.prototype.slice.call(arguments, 2);
    if (!view) { return outputs.map(function () { return nu; }); }
    return outputs.map(function (out, i) {
      var open = out.id === "view-" + tab;
      return open && !same(previous[i], view) ? view : nu;
    });
  }

  /* A chart's table store holds the view and selection while its table is open and null once closed; the
   * server builds a table only when that store changes. */
  function tableView(toggle, view, selection, previous) {
    var nu = window.dash_clientside.no_update;
    var open = Array.isArray(toggle) && toggle.length > 0;
    if (!open) { return previous ? null : nu; }
    var next = {view: view || null, selection: selection || null};
    return same(previous, next) ? nu : next;
  }

  function notes(clicks) {  // presenter mode: N, or the Notes button, shows and hides the speaker notes
    var shown = (clicks || 0) % 2 === 1;
    return [!shown, shown ? "true" : "false"];
  }

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    crashboard: {highlight: highlight, hoverSync: hoverSync, showTab: showTab, theme: theme, notes: notes,
                 tabView: tabView, tableView: tableView}
  });
})();
