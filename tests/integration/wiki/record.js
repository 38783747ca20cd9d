// Test page only: records every height message an embed sends, as a wiki page would receive it.
window.crashboardHeights = [];
window.addEventListener("message", function (e) {
  if (e.data && e.data.type === "crashboard:embed-height") {
    window.crashboardHeights.push({height: e.data.height, origin: e.origin});
  }
});
