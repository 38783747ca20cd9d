/* Crashboard auto-height, for the page that embeds Crashboard charts (a wiki page, say). Not loaded by
 * Crashboard's own pages.
 *
 *   <iframe src="https://crashboard.example/embed/drawdowns?episode=feb-2026-crash" data-crashboard-embed ...>
 *   <script src="https://crashboard.example/assets/host/crashboard-embed.js" async></script>
 *
 * Each embed posts {type: "crashboard:embed-height", height} whenever its height changes. This script sets the
 * height of the iframe that sent it, and accepts a message only from that iframe's own window and origin. */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var msg = event.data;
    if (!msg || msg.type !== "crashboard:embed-height" || typeof msg.height !== "number") { return; }
    var frames = document.querySelectorAll("iframe[data-crashboard-embed]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) { continue; }
      if (new URL(frame.src, document.baseURI).origin !== event.origin) { return; }
      var height = Math.max(100, Math.min(Math.round(msg.height), 5000));
      frame.style.height = height + "px";
      frame.setAttribute("height", String(height));
      frame.dispatchEvent(new CustomEvent("crashboard:resized", {detail: {height: height}}));
      return;
    }
  });
})();
