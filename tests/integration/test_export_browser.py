"""The static export in headless Chromium, opened from file:// with no server: every chart page draws its chart
with the shared plotly.js and loader, the index shows every image, and the console stays empty."""

from __future__ import annotations

import time

import pytest

import export
from charts.registry import CHARTS, NAMES
from export.images import PNG_SCALE
from export.pages import IMAGE_WIDTH

pytestmark = pytest.mark.browser

DRAWN_JS = """
var gd = document.getElementById(arguments[0]);
return gd && gd._fullLayout ? {traces: gd.data.length, height: gd._fullLayout.height,
                               width: gd._fullLayout.width} : null;
"""


@pytest.fixture(scope="module", params=[("en", True), ("zh", False)], ids=["en-images", "zh-no-images"])
def exported(request, dataset, tmp_path_factory):
    lang, images = request.param
    out = tmp_path_factory.mktemp(f"export-{lang}")
    state = export.state_from_options(dataset.frames, lang=lang, episode="both" if lang == "zh" else None)
    export.run(dataset, out, state, images=images, log=lambda *_: None)
    return out, state, images


def test_exb001_every_chart_page_draws_from_file_without_console_errors(dash_br, exported, frames):
    out, state, _ = exported
    for name in NAMES:
        dash_br.driver.get((out / f"{name}.html").as_uri())
        dash_br.wait_for_element(f"#chart-{name} .main-svg", timeout=20)
        drawn = dash_br.driver.execute_script(DRAWN_JS, f"chart-{name}")
        fig = CHARTS[name].figure(frames, state)
        assert drawn["traces"] == len(fig.data) and drawn["height"] == fig.layout.height, name
        assert drawn["width"] > 600, name  # responsive: the chart fills the page's column
        assert dash_br.find_element(f"#summary-{name}").text == CHARTS[name].summary(frames, state)
        assert dash_br.get_logs() == [], name


def _loaded_images(dash_br, timeout: float = 10) -> list[list]:
    """[complete, naturalWidth] of each image, each scrolled into view in turn (the index loads them lazily)."""
    count = dash_br.driver.execute_script("return document.images.length")
    sizes = []
    for i in range(count):
        deadline = time.time() + timeout
        while True:
            size = dash_br.driver.execute_script(
                "var i = document.images[arguments[0]]; i.scrollIntoView(); return [i.complete, i.naturalWidth];", i
            )
            if (size[0] and size[1]) or time.time() > deadline:
                break
            time.sleep(0.1)
        sizes.append(size)
    return sizes


def test_exb002_index_shows_every_image_without_console_errors(dash_br, exported, frames):
    out, state, images = exported
    dash_br.driver.get((out / "index.html").as_uri())
    dash_br.wait_for_element("main h1")
    sizes = _loaded_images(dash_br)
    if images:
        assert sizes == [[True, IMAGE_WIDTH * PNG_SCALE]] * len(NAMES)
    else:
        assert sizes == [] and len(dash_br.find_elements(".entry .note")) == len(NAMES)
    assert len(dash_br.find_elements(".entry h2 a")) == len(NAMES)
    assert dash_br.driver.execute_script("return document.documentElement.lang") == state.lang
    assert dash_br.get_logs() == []
