/* Crashboard static export: draws each chart whose figure is embedded in the page as
 * <script type="application/json" id="figure-NAME"> into <div id="chart-NAME">, with the shared plotly.min.js.
 * Kept out of the pages so they carry no inline script and work from file:// with no network. */
(function () {
  "use strict";
  var CONFIG = {responsive: true, displaylogo: false};

  function draw() {
    var blocks = document.querySelectorAll('script[type="application/json"][id^="figure-"]');
    Array.prototype.forEach.call(blocks, function (block) {
      var div = document.getElementById("chart-" + block.id.slice("figure-".length));
      if (!div || typeof Plotly === "undefined") {
        return;
      }
      var fig = JSON.parse(block.textContent);
      Plotly.newPlot(div, fig.data || [], fig.layout || {}, CONFIG);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
