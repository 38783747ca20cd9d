/* A chart embed tells the page that frames it how tall it is, whenever that changes, so the page can size the
 * iframe (assets/host/crashboard-embed.js does this for a wiki page). The message carries only the height and
 * the embed's address, so any parent may read it. */
(function () {
  "use strict";
  if (window.parent === window) { return; }
  var last = 0;

  function send() {
    var root = document.getElementById("embed");
    if (!root) { return; }
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last || height === 0) { return; }
    last = height;
    window.parent.postMessage({type: "crashboard:embed-height", height: height, href: window.location.href}, "*");
  }

  function watch() {
    var root = document.getElementById("embed");
    if (!root) { return false; }
    new ResizeObserver(send).observe(root);
    send();
    return true;
  }

  // Dash renders the page after this script runs: wait for the embed's root to appear.
  if (!watch()) {
    var observer = new MutationObserver(function () { if (watch()) { observer.disconnect(); } });
    observer.observe(document.documentElement, {childList: true, subtree: true});
  }
})();
