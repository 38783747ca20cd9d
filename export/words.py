"""The export's own words in English and Chinese, and the line that says which view a file shows.

Interface words shared with the dashboard come from `components.i18n`; only words the dashboard has no use for
live here.
"""
from __future__ import annotations

from i18n import t
from data.columns import C
from data.select import BOTH

WORDS: dict[str, tuple[str, str]] = {
    "index": ("Crashboard charts", "Crashboard图表"),
    "intro": ("Static copies of the dashboard's charts, for wikis that cannot embed it. Each chart has an "
              "interactive page, a PNG and an SVG image, its data as CSV and a sources note.",
              "仪表盘图表的静态副本，供无法嵌入仪表盘的维基使用。"
              "每张图表都有交互页面、PNG与SVG图片、CSV数据和资料来源说明。"),
    "sources": ("Sources", "资料来源"),
    "file": ("Seed file", "原始文件"), "title": ("Title", "标题"), "kind": ("Kind", "类型"),
    "figures": ("Figures", "数字"), "outlets": ("Outlets credited", "转引来源"),
    "no_sources": ("No figures are drawn in this view.", "本视图没有绘制任何数字。"),
    "derived": ("Figures marked derived are computed by Crashboard.", "标注为推算的数字由Crashboard计算。"),
    "page": ("Interactive chart", "交互图表"), "csv": ("Data (CSV)", "数据（CSV）"),
    "png": ("PNG image", "PNG图片"), "svg": ("SVG image", "SVG图片"), "md": ("Sources note (Markdown)",
                                                                       "资料来源说明（Markdown）"),
    "all": ("All charts", "全部图表"),
    "no_images": ("Images were not exported in this run; the interactive page and the data are complete.",
                  "本次导出没有生成图片；交互页面和数据是完整的。"),
    "exported": ("Exported from Crashboard", "导出自Crashboard"),
    "language": ("English", "中文"),
    "md_head": ("Sources for “{title}”", "“{title}”的资料来源"),
    "md_line": ("{title} ({kind}). Seed file `{file}`, SHA-256 `{sha}`. Outlets credited: {outlets}.",
                "{title}（{kind}）。原始文件 `{file}`，SHA-256 `{sha}`。转引来源：{outlets}。"),
}


def w(key: str, lang: str, **values) -> str:
    en, zh = WORDS[key]
    text = zh if lang == "zh" else en
    return text.format(**values) if values else text


def _episode(frames: dict, episode: str, lang: str) -> str:
    if episode == BOTH:
        return t("episode.both", lang)
    eps = frames["episodes"].set_index(C.ID)
    title = eps[C.TITLE_ZH if lang == "zh" else C.TITLE_EN].get(episode, "")
    return f"{title} ({episode})" if title else episode


def _classes(frames: dict, classes: tuple[str, ...], lang: str) -> str:
    if not classes:
        return t("ctl.all_classes", lang)
    names = frames["classes"].set_index(C.ID)[C.LABEL_ZH if lang == "zh" else C.LABEL_EN]
    return ", ".join(str(names.get(c, c)) for c in classes)


def view_parts(frames: dict, state) -> list[tuple[str, str]]:
    """(control, value) pairs naming the view: episode, classes, drawdown window, language."""
    lang = state.lang
    return [(t("ctl.episode", lang), _episode(frames, state.episode, lang)),
            (t("ctl.classes", lang), _classes(frames, state.classes, lang)),
            (t("ctl.window", lang), t(f"window.{state.window}", lang)),
            (t("ctl.lang", lang), w("language", lang))]


def view_line(frames: dict, state) -> str:
    """'Episode: … · Asset classes: … · Drawdown window: … · Language: English. Exported from Crashboard.'
    Plain text: the caller escapes it for HTML or Markdown."""
    colon = "：" if state.lang == "zh" else ": "
    parts = " · ".join(f"{k}{colon}{v}" for k, v in view_parts(frames, state))
    return f"{parts}. {w('exported', state.lang)}." if state.lang != "zh" else f"{parts}。{w('exported', 'zh')}。"
