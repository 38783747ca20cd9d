"""Render the dashboard in headless Chromium and save the README's screenshot.

    python scripts/screenshot.py [--out docs/dashboard.png] [--path present/]
                                 [--query "?episode=feb-2026-crash"] [--width 1400]

Serves the app on a free loopback port in this process, waits until every chart is drawn, and writes a PNG.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import app  # noqa: E402

UNDRAWN = """
var left = 0, graphs = Array.from(document.querySelectorAll('.js-plotly-plot'))
  .filter(function (gd) { return gd.offsetParent !== null; });  // the charts on screen (not a hidden tab's)
if (!graphs.length) { return -1; }
graphs.forEach(function (gd) {
  if (!((gd.data && gd.data.length) || ((gd.layout || {}).annotations || []).length)) { left += 1; }
});
return left;
"""


def browser(width: int):
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options

    options = Options()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--disable-background-networking",
        "--no-first-run",
        f"--window-size={width},1200",
    ):
        options.add_argument(flag)
    if Path("/usr/bin/chromium").exists():
        options.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(options=options)


def emulate(driver, width: int, height: int) -> None:
    """The viewport of a device that size (headless Chromium's windows are at least 500 px wide, so a phone's
    390 px needs the DevTools protocol); a phone also gets its touch and mobile layout."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "dashboard.png"))
    parser.add_argument("--path", default="", help="the page: '' (the dashboard), 'present/' or 'embed/<chart>'")
    parser.add_argument("--query", default="?episode=feb-2026-crash")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--max-height", type=int, default=2600)
    parser.add_argument("--height", type=int, default=0, help="a window of this height (a first screen), not the page")
    parser.add_argument("--data", default=None, help="data directory (default: data/)")
    args = parser.parse_args(argv)
    dash_app = app.create_app(args.data) if args.data else app.create_app()
    server = make_server("127.0.0.1", 0, dash_app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    driver = browser(args.width)
    try:
        emulate(driver, args.width, args.height or 1200)
        driver.get(f"http://127.0.0.1:{server.server_port}/{args.path}{args.query}")
        deadline = time.time() + 60
        time.sleep(0.5)
        while driver.execute_script(UNDRAWN) and time.time() < deadline:
            time.sleep(0.3)
        time.sleep(2)  # let the last charts finish drawing
        height = args.height or min(driver.execute_script("return document.body.scrollHeight"), args.max_height)
        driver.set_window_size(max(args.width, 500), height)
        emulate(driver, args.width, height)
        time.sleep(1)
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(args.out)
    finally:
        driver.quit()
        server.shutdown()
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
