/* Crashboard's dashboard charts, drawn in the browser (no inline scripts: the Content-Security-Policy forbids them).
 *
 * The server draws every chart with the same pure builders as the embeds, the presenter and the export, and answers
 * the charts of a view as one JSON (GET api/view.json?<the address>, callbacks/views.py). This file holds the answers
 * it has seen, asks ahead for the views a click is likely to open next (a class toggled, another window, the other
 * episode), and draws with Plotly.react into each card's slot, skipping a chart whose drawing did not change (its
 * key). A filter, a window or an episode then changes the charts without waiting for the page's framework, and
 * usually without waiting for the network. Selecting an asset (a click on any point) is highlighted here too, and told
 * to the page (the selection store) so that the address and the panels follow. */
(function () {
  "use strict";
  var API = "api/view.json";
  var CONTROLS = ["episode", "classes", "window", "tab", "lang", "theme"];
  var DIM = 0.22;
  var HOVER_SHAPE = "hover-sync";
  var answers = {};      // query -> Promise of the answer
  var drawnKeys = {};    // chart -> key of the drawing on screen
  var showing = null;    // query of the view on screen
  var selection = null;  // {id, class} or null
  var state = window.crashboard = window.crashboard || {};
  state.draws = state.draws || {};  // chart -> number of Plotly redraws (tests and the benchmark count them)

  function base() {  // the page's prefix: api/ sits beside the dashboard, under any prefix it is served at
    var path = window.location.pathname;
    return path.slice(0, path.lastIndexOf("/") + 1);
  }

  function get(query) {
    if (!answers[query]) {
      answers[query] = fetch(base() + API + query, {credentials: "same-origin"}).then(function (r) {
        if (!r.ok) { throw new Error("HTTP " + r.status); }
        return r.json();
      });
      answers[query].catch(function () { delete answers[query]; });  // a failed ask is asked again later
    }
    return answers[query];
  }

  /* The controls' values as an address. The server canonicalises it (defaults, order, junk), so this only has to be
   * the same string for the same controls. */
  function checked(id) {
    var box = document.getElementById(id);
    if (!box) { return null; }
    var select = box.tagName === "SELECT" ? box : box.querySelector("select");
    if (select) { return [select.value]; }
    return Array.prototype.filter.call(box.querySelectorAll("input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
  }

  function query(over) {
    var parts = [];
    CONTROLS.forEach(function (name) {
      var values = over && name in over ? over[name] : checked(name);
      if (values && values.length) { parts.push(name + "=" + values.map(encodeURIComponent).join(",")); }
    });
    var asset = over && "asset" in over ? over.asset : (selection && selection.id);
    if (asset) { parts.push("asset=" + encodeURIComponent(asset)); }
    return "?" + parts.join("&");
  }

  function slot(name) { return document.getElementById("chart-" + name); }

  /* Dash html components as JSON ({type, props}) to DOM, text only: a headline tile's words are text nodes. */
  var TAGS = {Div: "div", Span: "span", Strong: "strong", Em: "em", P: "p", Small: "small", B: "b", I: "i",
              Ul: "ul", Li: "li", H3: "h3", H4: "h4", Abbr: "abbr"};
  function element(node) {
    if (node === null || node === undefined) { return document.createTextNode(""); }
    if (typeof node !== "object") { return document.createTextNode(String(node)); }
    if (Array.isArray(node)) {
      var frag = document.createDocumentFragment();
      node.forEach(function (n) { frag.appendChild(element(n)); });
      return frag;
    }
    var props = node.props || {};
    var el = document.createElement(TAGS[node.type] || "span");
    if (props.className) { el.className = String(props.className); }
    if (props.title) { el.title = String(props.title); }
    el.appendChild(element(props.children));
    return el;
  }

  function highlighted(figure) {  // the figure with everything but the selection dimmed (customdata: entity, class)
    if (!selection) { return figure; }
    var has = function (i) {
      return figure.data.some(function (tr) {
        return Array.isArray(tr.customdata) && tr.customdata.some(function (c) { return c && c[i] === selection[i ? "class" : "id"]; });
      });
    };
    var at = has(0) ? 0 : (selection["class"] && has(1) ? 1 : -1);
    if (at < 0) { return figure; }
    var want = at ? selection["class"] : selection.id;
    var data = figure.data.map(function (tr) {
      if (!Array.isArray(tr.customdata) || !tr.customdata.length) { return tr; }
      var baseOpacity = tr.marker && tr.marker.opacity !== undefined ? tr.marker.opacity : 1;
      var op = tr.customdata.map(function (c, i) {
        var b = Array.isArray(baseOpacity) ? baseOpacity[i] : baseOpacity;
        return c && c[at] === want ? b : b * DIM;
      });
      return Object.assign({}, tr, {marker: Object.assign({}, tr.marker || {}, {opacity: op})});
    });
    return Object.assign({}, figure, {data: data});
  }

  var NARROW = 560;  // px: a phone's card; the same figure, laid out to fit
  function narrow(figure) {  // smaller legend, labels and tooltips, and no toolbar over the legend
    var layout = Object.assign({}, figure.layout);
    var small = function (font, size) { return Object.assign({}, font || {}, {size: size}); };
    layout.legend = Object.assign({}, layout.legend, {font: small((layout.legend || {}).font, 11)});
    layout.hoverlabel = Object.assign({}, layout.hoverlabel, {font: small((layout.hoverlabel || {}).font, 11)});
    if (Array.isArray(layout.annotations)) {
      layout.annotations = layout.annotations.map(function (a) { return Object.assign({}, a, {font: small(a.font, 10)}); });
    }
    layout.margin = Object.assign({}, layout.margin, {l: 4, r: 8});
    var labelled = false;
    var data = figure.data.map(function (tr) {
      if (tr.textposition !== "outside") { return tr; }
      labelled = labelled || tr.orientation === "h";
      return Object.assign({}, tr, {textfont: small(tr.textfont, 10)});
    });
    Object.keys(layout).forEach(function (k) {  // horizontal bars' labels sit beside them: give them room
      var ax = layout[k];
      if (labelled && /^xaxis\d*$/.test(k) && ax && Array.isArray(ax.range) && typeof ax.range[0] === "number") {
        var span = ax.range[1] - ax.range[0];
        layout[k] = Object.assign({}, ax, {range: [ax.range[0] < 0 ? ax.range[0] - 0.3 * span : ax.range[0],
                                                   ax.range[1] > 0 ? ax.range[1] + 0.3 * span : ax.range[1]]});
      }
    });
    return Object.assign({}, figure, {data: data, layout: layout});
  }

  function drawChart(name, chart, config, force) {
    var el = slot(name);
    if (!el || el.offsetParent === null) { return null; }  // on a hidden tab: drawn when the tab opens
    var summary = document.getElementById("summary-" + name);
    if (summary) { summary.textContent = chart.summary || ""; }
    var extra = document.getElementById("extra-" + name);
    if (extra && chart.extra !== undefined) { extra.textContent = ""; extra.appendChild(element(chart.extra)); }
    if (chart.style && chart.style.height) { el.style.height = chart.style.height; }
    var card = document.getElementById("panel-" + name);  // a chart with nothing to draw: its card folds to the
    var none = !(chart.figure.data || []).length;           // one line of its summary that says why
    if (card) { card.classList.toggle("is-empty", none); }
    var key = chart.key + (selection ? ":" + selection.id : "") + (el.clientWidth < NARROW ? ":narrow" : "");
    if (!force && drawnKeys[name] === key) { return null; }  // unchanged: not redrawn
    drawnKeys[name] = key;
    var fig = highlighted(chart.figure);
    if (el.clientWidth < NARROW) { fig = narrow(fig); config = Object.assign({}, config, {displayModeBar: false}); }
    return window.Plotly.react(el, fig.data, fig.layout, config).then(function () {
      state.draws[name] = (state.draws[name] || 0) + 1;
      if (!el.__crashboardHooked) { hook(el); }
    });
  }

  function draw(q, answer) {
    showing = q;
    var pending = Object.keys(answer.charts).map(function (name) {
      return drawChart(name, answer.charts[name], answer.config || {}, false);
    }).filter(Boolean);
    return Promise.all(pending).then(function () {
      document.dispatchEvent(new CustomEvent("crashboard:drawn", {detail: {query: q}}));
    });
  }

  var latest = 0;
  function show(q) {
    if (!window.Plotly || !document.querySelector(".chart-slot")) { return; }
    var ticket = ++latest;
    get(q).then(function (answer) {
      if (ticket !== latest) { return; }  // a newer view was asked for meanwhile
      answers[answer.search || "?"] = answers[answer.search || "?"] || Promise.resolve(answer);
      draw(q, answer).then(function () { idle(ahead); });
    }, function () {
      document.querySelectorAll(".chart-slot").forEach(function (el) { el.setAttribute("data-error", "1"); });
    });
  }

  /* Ahead of a click: the views one control change away (each class toggled, each window, each episode). The server
   * answers them from its cache; the browser then draws a click without waiting for the network. */
  function ahead() {
    var now = checked("classes") || [];
    var asks = [];
    var box = document.getElementById("classes");
    if (box) {
      box.querySelectorAll("input").forEach(function (i) {
        var next = now.indexOf(i.value) >= 0 ? now.filter(function (c) { return c !== i.value; }) : now.concat([i.value]);
        asks.push(query({classes: next}));
      });
    }
    ["window", "episode"].forEach(function (name) {
      var el = document.getElementById(name);
      if (!el) { return; }
      el.querySelectorAll("input:not([disabled]), option:not([disabled])").forEach(function (i) {
        var o = {}; o[name] = [i.value]; asks.push(query(o));
      });
    });
    var i = 0;
    (function next() {  // one at a time, so the page's own requests go first
      if (i >= asks.length) { return; }
      get(asks[i++]).then(function () { idle(next); }, function () { idle(next); });
    })();
  }

  function idle(fn) { (window.requestIdleCallback || function (f) { return setTimeout(f, 50); })(fn); }

  function hook(el) {
    el.__crashboardHooked = true;
    el.on("plotly_click", function (ev) {
      var c = ev && ev.points && ev.points[0] && ev.points[0].customdata;
      if (!Array.isArray(c) || !c[0] || !c[1]) { return; }  // an event, a scenario: not a selectable asset
      var next = selection && selection.id === c[0] ? null : {id: c[0], "class": c[1]};
      select(next);
      if (window.dash_clientside && window.dash_clientside.set_props) {
        window.dash_clientside.set_props("selection", {data: next});  // the address and the panels follow
      }
    });
    if (el.id === "chart-timeline") {
      el.on("plotly_hover", function (ev) { hoverSync(ev && ev.points && ev.points.length ? ev.points[0].x : null); });
      el.on("plotly_unhover", function () { hoverSync(null); });
    }
  }

  function datedAxes(gd) {
    var full = gd._fullLayout || {};
    return Object.keys(full).filter(function (k) { return /^xaxis\d*$/.test(k) && full[k] && full[k].type === "date"; });
  }

  function hoverSync(x) {  // the timeline's hovered date as a line on every dated chart
    document.querySelectorAll(".chart-slot.js-plotly-plot").forEach(function (gd) {
      if (gd.id === "chart-timeline") { return; }
      var axes = datedAxes(gd);
      if (!axes.length) { return; }
      var shapes = ((gd.layout && gd.layout.shapes) || []).filter(function (s) { return s.name !== HOVER_SHAPE; });
      if (x !== null) {
        axes.forEach(function (ax) {
          var anchor = (gd._fullLayout[ax] || {}).anchor;
          shapes.push({type: "line", name: HOVER_SHAPE, xref: ax.replace("axis", ""),
                       yref: anchor && anchor !== "free" ? anchor + " domain" : "paper",
                       x0: x, x1: x, y0: 0, y1: 1, line: {color: "#D55E00", width: 2, dash: "dot"}});
        });
      }
      window.Plotly.relayout(gd, {shapes: shapes});
    });
  }

  /* A selection from anywhere (a click here, the Clear button, the address): every chart on screen is highlighted
   * again, and a chart that draws the selection itself (the price path) asks for its new drawing. */
  function select(next) {
    var same = (selection && selection.id) === (next && next.id);
    selection = next && next.id ? {id: next.id, "class": next["class"] || ""} : null;
    if (!same) {
      // light the selection at once, in the figures on screen; then the view with the selection (the path chart
      // follows it), which redraws only the charts whose drawing changes
      if (showing && answers[showing]) { answers[showing].then(function (a) { draw(showing, a); }); }
      show(query());
    }
    if (next && next.reveal) { reveal(next.id); }
    return window.dash_clientside ? window.dash_clientside.no_update : null;
  }

  function reveal(id) {  // bring the first chart on screen that draws `id` into view (a search picked it)
    var found = Array.prototype.find.call(document.querySelectorAll(".chart-slot.js-plotly-plot"), function (gd) {
      return gd.offsetParent !== null && (gd.data || []).some(function (tr) {
        return Array.isArray(tr.customdata) && tr.customdata.some(function (c) { return c && c[0] === id; });
      });
    });
    if (found) { found.closest(".card").scrollIntoView({behavior: "smooth", block: "start"}); }
    else { setTimeout(function () { reveal(id); }, 300); }  // drawn soon: the view is on its way
  }

  function onChange(ev) {
    var box = ev.target && ev.target.closest && ev.target.closest(CONTROLS.map(function (c) { return "#" + c; }).join(","));
    if (box) { setTimeout(function () { show(query()); }, 0); }  // after the control has taken its new value
  }

  function start() {  // the address is the view until the page has set its controls from it
    if (!document.querySelector(".chart-slot") || !window.Plotly) { return false; }
    show(window.location.search || "?");
    return true;
  }

  document.addEventListener("change", onChange, true);
  // a tab that opens is drawn then (a chart drawn while hidden would have no width)
  new MutationObserver(function (records) {
    if (records.some(function (r) { return r.target.classList.contains("chart-grid") && !r.target.hidden; })) {
      show(query());
    }
  }).observe(document.documentElement, {attributes: true, attributeFilter: ["hidden"], subtree: true});
  window.addEventListener("popstate", function () { show(window.location.search || "?"); });
  var resizing = null;  // a window that crosses the narrow width (a phone turned) redraws the charts that cross it
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      document.querySelectorAll(".chart-slot.js-plotly-plot").forEach(function (gd) {
        if (gd.offsetParent !== null) { window.Plotly.Plots.resize(gd); }
      });
      if (showing) { show(query()); }
    }, 200);
  });
  var starting = new MutationObserver(function () { if (start()) { starting.disconnect(); } });
  document.addEventListener("DOMContentLoaded", function () {
    if (!start()) { starting.observe(document.body, {childList: true, subtree: true}); }
  });

  state.select = select;
  state.show = function () { show(query()); };
  state.query = query;
  state.drawnKeys = drawnKeys;
  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    charts: {select: select, tab: function () { setTimeout(function () { show(query()); }, 0); return window.dash_clientside.no_update; }}
  });
})();
