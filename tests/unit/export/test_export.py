"""The static export (`python app.py export`): every file for every chart, one shared plotly.js, the dashboard's
CSV, PNGs of the expected size, no inline script, escaped data, byte-identical reruns, and clear failures."""

from __future__ import annotations

import argparse
import io
import json
import re
import struct
from html.parser import HTMLParser
from types import SimpleNamespace

import pandas as pd
import plotly.offline
import pytest
from dash import html

import export
from charts.registry import CHARTS, NAMES
from dashboard.card import csv_text
from dashboard.sources import used
from data.columns import C
from export import images, markup
from export.pages import IMAGE_WIDTH, files
from i18n import t

from ..hostile import hostile_frames

KINDS = ("html", "png", "svg", "csv", "md")
SHARED = {"plotly.min.js", "crashboard-export.js", "export.css", "index.html"}
EVERY_FILE = SHARED | {files(n)[k] for n in NAMES for k in KINDS}
HOSTILE = "</script><img src=x onerror=alert(1)><!--<script>*b*"


def _exit(dataset, out, *options) -> int:
    """The exit code of `app.py export --out OUT OPTIONS...` (argparse's own, for a value it rejects)."""
    parser = argparse.ArgumentParser()
    export.add_arguments(parser)
    try:
        return export.command(parser.parse_args(["--out", str(out), *options]), dataset)
    except SystemExit as exc:
        return exc.code


@pytest.fixture(scope="module")
def state(frames):
    return export.state_from_options(frames)


@pytest.fixture(scope="module")
def heights(frames, state) -> dict[str, int]:
    return {name: CHARTS[name].figure(frames, state).layout.height for name in NAMES}


@pytest.fixture(scope="module")
def exported(dataset, state, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    return out, export.run(dataset, out, state, log=lambda *_: None)


@pytest.fixture(scope="module")
def pages(exported) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(exported[0].glob("*.html"))}


def _tags(text: str) -> list[tuple[str, dict]]:
    """Every start tag of a page with its attributes, as the browser's tokenizer sees them."""
    parser, tags = HTMLParser(), []
    parser.handle_starttag = lambda tag, attrs: tags.append((tag, dict(attrs)))
    parser.feed(text)
    return tags


def test_exp001_every_file_for_every_chart(exported):
    out, report = exported
    assert {p.name for p in out.iterdir()} == EVERY_FILE
    assert report.files == sorted(EVERY_FILE) and report.images == "written"
    assert report.bytes == sum((out / n).stat().st_size for n in EVERY_FILE)
    assert all((out / n).stat().st_size > 0 for n in EVERY_FILE)


def test_exp002_one_shared_plotly_js_and_none_inline(exported):
    out, _ = exported
    source = plotly.offline.get_plotlyjs()
    assert (out / "plotly.min.js").read_text(encoding="utf-8") == source
    holders = [p.name for p in out.iterdir() if p.suffix in (".html", ".js") and source[:300] in p.read_text("utf-8")]
    assert holders == ["plotly.min.js"]


def test_exp003_csv_is_the_dashboards_download_with_sources(exported, frames, state):
    out, _ = exported
    for name in NAMES:
        rows = CHARTS[name].rows(frames, state)
        text = (out / f"{name}.csv").read_text(encoding="utf-8")
        assert text == csv_text(rows, frames, state.lang), name
        assert {C.SOURCE, C.OUTLET, C.QUOTE, C.DERIVED} <= set(text.splitlines()[0].split(","))
        assert len(pd.read_csv(io.StringIO(text))) == len(rows)


def test_exp004_png_and_svg_have_the_expected_size_and_stable_ids(exported, heights):
    out, _ = exported
    for name in NAMES:
        png = (out / f"{name}.png").read_bytes()
        assert len(png) > 5000 and png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
        assert struct.unpack(">II", png[16:24]) == (IMAGE_WIDTH * images.PNG_SCALE, heights[name] * images.PNG_SCALE)
        svg = (out / f"{name}.svg").read_text(encoding="utf-8")
        assert f'width="{IMAGE_WIDTH}" height="{heights[name]}"' in svg[:400], name
        assert re.findall(r'id="defs-([^"]+)"', svg) == [images.stable_id(name)]
        assert not re.search(r"(clip|legend|defs-|#p)[0-9a-f]{6}", svg), name
        assert not re.search(r'class="trace [a-z]+ trace[0-9a-f]{6}"', svg), name
    svg = (
        '<defs id="defs-1a7544"><clipPath id="clip1a7544x2y"/><pattern id="p1a7544-legend-9"/></defs>'
        '<path clip-path="url(#clip1a7544x2y)" style="fill: url(\'#p1a7544-legend-9\'); stroke: #1a7544"/>'
    )
    out = images.stable_svg(svg, "rates")
    assert "1a7544" not in out.replace("#1a7544", "")
    assert out.count("#1a7544") == 1 and 'id="clipcbratesx2y"' in out and "url(#clipcbratesx2y)" in out
    assert "url('#pcbrates-legend-9')" in out


def test_exp005_no_inline_executable_script(pages):
    assert set(pages) == {"index.html"} | {f"{n}.html" for n in NAMES}
    for name, text in pages.items():
        tags = _tags(text)
        assert all("src" in a or a.get("type") == "application/json" for tag, a in tags if tag == "script"), name
        assert not any(k.startswith("on") for _, a in tags for k in a) and "javascript:" not in text.lower()
        srcs = [a["src"] for tag, a in tags if tag == "script" and "src" in a]
        assert srcs == ([] if name == "index.html" else ["plotly.min.js", "crashboard-export.js"]), name


@pytest.mark.parametrize("text", [HOSTILE, "a</SCRIPT >b", "x\u2028y&amp;", "<!-- -->"])
def test_exp006_script_json_cannot_close_its_element(text):
    raw = json.dumps({"t": text}, ensure_ascii=False)
    safe = markup.script_json(raw)
    assert "<" not in safe and ">" not in safe and "\u2028" not in safe
    assert json.loads(safe) == {"t": text}


def test_exp007_each_page_embeds_its_figure_and_names_its_view(pages, heights, state):
    for name in NAMES:
        page = pages[f"{name}.html"]
        block = re.search(rf'<script type="application/json" id="figure-{name}">(.*?)</script>', page, re.S)
        fig = json.loads(block.group(1))
        assert fig["layout"]["height"] == heights[name] and f'<div id="chart-{name}"' in page
        assert fig["data"] or fig["layout"]["annotations"], name  # an empty view says so in an annotation
    for name, page in pages.items():
        assert page.startswith('<!DOCTYPE html>\n<html lang="en">')
        view = re.search(r'<p class="view">(.*?)</p>', page).group(1)
        assert f"({state.episode})" in view and "1 day" in view and "English" in view
        assert view.endswith("Exported from Crashboard."), name


@pytest.fixture(scope="module")
def hostile_export(dataset, tmp_path_factory):
    frames = hostile_frames(dataset, HOSTILE)
    out = tmp_path_factory.mktemp("hostile")
    state = export.state_from_options(frames, episode="both")
    export.run(SimpleNamespace(frames=frames), out, state, images=False, log=lambda *_: None)
    return out


def test_exp008_data_text_is_escaped_everywhere(hostile_export):
    texts = {p.name: p.read_text("utf-8") for p in hostile_export.iterdir() if p.suffix in (".html", ".md")}
    for name, text in texts.items():
        assert "<img" not in text and "onerror=alert(1)><" not in text, name
        scripts = 3 if name.endswith(".html") and name != "index.html" else 0  # the figure JSON and two src=
        assert text.count("</script>") == scripts, name
    assert "&lt;img src=x onerror=alert(1)&gt;" in texts["drawdowns.html"]
    assert "&lt;img src=x onerror=alert(1)&gt;" in texts["liquidations.html"].split('<div class="extra">')[1]
    assert "\\*b\\*" in texts["drawdowns-sources.md"]


def test_exp009_tiles_are_written_as_text():
    tile = html.Div(
        [html.Span("a<b", className="tile-label"), html.Strong(3.5), None],
        className="tile",
        title='say "hi"',
        style={"color": "red"},
        **{"data-record": "r<1"},
    )
    assert markup.component([tile]) == (
        '<div class="tile" data-record="r&lt;1" title="say &quot;hi&quot;">'
        '<span class="tile-label">a&lt;b</span><strong>3.5</strong></div>'
    )


def test_exp010_sources_footnote_names_every_seed_file(exported, frames, state):
    out, _ = exported
    meta = frames["sources"].set_index(C.FILE)
    for name in NAMES:
        md = (out / f"{name}-sources.md").read_text(encoding="utf-8")
        page = (out / f"{name}.html").read_text(encoding="utf-8")
        files_used = list(used(CHARTS[name].rows(frames, state))[C.FILE])
        for f in files_used:
            assert f"`{f}`" in md and f"`{meta.loc[f, 'sha256']}`" in md, (name, f)
            assert meta.loc[f, "sha256"] in page and f"<code>{f}</code>" in page
        assert md.count("\n- ") == len(files_used) and "Figures marked derived are computed by Crashboard." in md


def test_exp011_index_lists_every_chart_with_its_image(exported, pages, frames, state, heights):
    out, _ = exported
    index = pages["index.html"]
    imgs = [a for tag, a in _tags(index) if tag == "img"]
    assert [a["src"] for a in imgs] == [f"{n}.png" for n in NAMES]
    for a, name in zip(imgs, NAMES, strict=True):
        assert a["alt"] == CHARTS[name].summary(frames, state) and a["alt"]
        assert (a["width"], a["height"]) == (str(IMAGE_WIDTH), str(heights[name]))
    hrefs = {a["href"] for tag, a in _tags(index) if tag == "a"}
    assert hrefs == EVERY_FILE - SHARED and all((out / h).is_file() for h in hrefs)


def test_exp012_a_second_run_is_byte_identical(exported, dataset, state, tmp_path_factory):
    first, _ = exported
    second = tmp_path_factory.mktemp("again")
    export.run(dataset, second, state, log=lambda *_: None)
    assert {p.name: p.read_bytes() for p in first.iterdir()} == {p.name: p.read_bytes() for p in second.iterdir()}


def test_exp013_no_browser_writes_the_rest_and_exits_3(dataset, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "drawdowns.png").write_bytes(b"stale")
    assert _exit(dataset, tmp_path / "out") == export.EXIT_NO_IMAGES
    err = capsys.readouterr().err
    assert "PNG and SVG images were skipped" in err and "chromium" in err and "BROWSER_PATH" in err
    rest = SHARED | {files(n)[k] for n in NAMES for k in ("html", "csv", "md")}
    assert {p.name for p in (tmp_path / "out").iterdir()} == rest
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "<img" not in index and index.count("Images were not exported") == len(NAMES)


@pytest.mark.parametrize(
    "option, value, valid",
    [
        ("--episode", "mar-2026", "jan-2026-sell-america, feb-2026-crash, both"),
        ("--classes", "crypto,gold", "equity_index, equity_stock, crypto"),
        ("--window", "decade", "day, 2d, 3d"),
        ("--lang", "fr", "'en', 'zh'"),  # argparse's own check
    ],
)
def test_exp014_unknown_option_values_name_the_valid_ones(dataset, tmp_path, capsys, option, value, valid):
    assert _exit(dataset, tmp_path / "out", option, value) == export.EXIT_USAGE
    err = capsys.readouterr().err
    assert repr(value.split(",")[-1]) in err and valid in err
    assert not (tmp_path / "out").exists()


def test_exp015_chinese_export_without_images(dataset, tmp_path, capsys):
    assert _exit(dataset, tmp_path, "--lang", "zh", "--classes", "crypto,energy", "--no-images") == export.EXIT_OK
    assert not list(tmp_path.glob("*.png")) and "(images off)" in capsys.readouterr().out
    page = (tmp_path / "drawdowns.html").read_text(encoding="utf-8")
    assert page.startswith('<!DOCTYPE html>\n<html lang="zh">')
    assert f"<h1>{t('panel.drawdowns', 'zh')}</h1>" in page
    assert "语言：中文" in page and "加密货币" in page and "导出自Crashboard" in page
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f">{t(f'panel.{n}', 'zh')}</a></h2>" in index for n in NAMES)
    assert "资料来源" in (tmp_path / "drawdowns-sources.md").read_text(encoding="utf-8")


def test_exp020_the_cli_runs_the_export(tmp_path, capsys):
    import app

    out = tmp_path / "cli"
    assert (
        app.main(["export", "--out", str(out), "--episode", "jan-2026-sell-america", "--lang", "zh", "--no-images"])
        == 0
    )
    assert (out / "index.html").read_text(encoding="utf-8").count("<h2") == 10
    assert "跌幅" in (out / "drawdowns.html").read_text(encoding="utf-8")
    assert app.main(["export", "--out", str(out), "--episode", "nope"]) == 2
    assert "valid: jan-2026-sell-america" in capsys.readouterr().err


@pytest.mark.parametrize(
    "stdout, code, missing",
    [
        ("WenQuanYi Micro Hei\n", 0, False),
        ("", 0, True),
        ("", 1, False),  # fc-list failed: cannot tell, say nothing
    ],
)
def test_exp021_a_missing_cjk_font_is_told(monkeypatch, stdout, code, missing):
    monkeypatch.setattr(images.shutil, "which", lambda name: "/usr/bin/fc-list")
    monkeypatch.setattr(images.subprocess, "run", lambda *a, **k: SimpleNamespace(stdout=stdout, returncode=code))
    assert images.cjk_font_missing() is missing


def test_exp022_no_fontconfig_means_no_warning(monkeypatch):
    monkeypatch.setattr(images.shutil, "which", lambda name: None)
    assert images.cjk_font_missing() is False


def test_exp023_a_chinese_export_warns_without_a_cjk_font(dataset, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(images, "cjk_font_missing", lambda: True)

    def no_browser(charts, out):  # the warning is what is checked here, not the drawing
        raise RuntimeError("no browser")

    monkeypatch.setattr(images, "write", no_browser)
    state = export.state_from_options(dataset.frames, lang="zh")
    export.run(dataset, tmp_path, state, images=True, log=lambda *_: None)
    assert "no CJK font" in capsys.readouterr().err
    export.run(dataset, tmp_path, export.state_from_options(dataset.frames), images=True, log=lambda *_: None)
    assert "no CJK font" not in capsys.readouterr().err  # English labels need no CJK font
