"""Presenter stories (data/stories/*.yaml): the shipped stories load and each slide's chart shows its state, every
figure in their words comes from the data, and broken story files are rejected at the right line with the field
path while the episodes and the other stories are still served."""

from __future__ import annotations

import re
import shutil

import pytest

import app
from charts import registry as panels
from charts.kit.provenance import date_text, value_text
from core import state as st
from data import DEFAULT_DIR, load_dataset
from data.columns import C
from data.errors import DataError
from data.stories import PLACEHOLDER, candidates, parse_ref, read_story
from data.validate import validate
from presenter.story_text import resolve

SHIPPED = {"jan-2026-sell-america-story": "jan-2026-sell-america", "feb-2026-crash-story": "feb-2026-crash"}
STORIES = load_dataset(DEFAULT_DIR, panels.NAMES).stories
SLIDES = [(story, slide) for story in STORIES for slide in story.slides]

MINIMAL = """\
schema: 1
story:
  id: test-story
  episode: feb-2026-crash
  title: {en: The crash, zh: 暴跌}
  slides:
    - id: one
      title: {en: 'Bitcoin falls {btc-intraday}', zh: '比特币{btc-intraday}'}
      notes: {en: 'On {date:btc-intraday}.', zh: '{date:btc-intraday}。'}
      state: {classes: [crypto], asset: btc, window: day, chart: drawdowns}
    - id: two
      title: {en: Both crashes, zh: 两次暴跌}
      notes: {en: 'From {jan-2026-sell-america:btc-level-s000} to {btc-low}.', zh: '从{btc-level-s000}到{btc-low}。'}
      state: {episode: both, asset: btc, chart: path}
"""


@pytest.fixture
def story_dir(data_copy):
    """A writable data directory with the shipped stories."""
    shutil.copytree(DEFAULT_DIR / "stories", data_copy / "stories")
    return data_copy


def texts(story):
    yield story.episode, story.title
    for slide in story.slides:
        yield slide.episode, slide.title
        yield slide.episode, slide.notes


def test_st001_shipped_stories_load_and_cover_both_episodes(dataset):
    assert {s.id: s.episode for s in dataset.stories} == SHIPPED
    assert [s.episode for s in dataset.stories] == list(dataset.episodes[C.ID])  # in episode order
    reports = [r for r in dataset.reports if r.kind == "story"]
    assert len(reports) == 2 and all(r.ok and not r.warnings for r in reports)
    for story in dataset.stories:
        assert 6 <= len(story.slides) <= 9, story.id
        assert len({s.id for s in story.slides}) == len(story.slides)
        assert story.file == f"data/stories/{story.id}.yaml"


def test_st002_a_slide_shows_a_chart_of_the_registry(data_copy):
    """The charts a slide may show are the registry's (one list, given to the loader by the app)."""
    shutil.copytree(DEFAULT_DIR / "stories", data_copy / "stories")
    story = data_copy / "stories" / "feb-2026-crash-story.yaml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("chart: drawdowns", "chart: drawdown", 1), encoding="utf-8")
    ds = load_dataset(data_copy, panels.NAMES)
    issues = [str(i) for r in ds.reports if r.kind == "story" for i in r.issues]
    assert any("'drawdown' is not allowed; expected 'drawdowns', 'path'" in i for i in issues), issues
    assert [s.id for s in ds.stories] == ["jan-2026-sell-america-story"]  # the other story is still served


@pytest.mark.parametrize("story,slide", SLIDES, ids=[f"{s.id}:{sl.id}" for s, sl in SLIDES])
def test_st003_slide_state_is_valid_and_its_chart_draws(frames, story, slide):
    choices = st.Choices.from_frames(frames, panels.NAMES)
    values = {"episode": slide.episode, "classes": list(slide.classes), "asset": slide.asset, "window": slide.window}
    state = st.from_values(values, choices)
    assert (state.episode, state.classes, state.asset) == (slide.episode, slide.classes, slide.asset)
    assert state.window == (slide.window or st.DEFAULT_WINDOW)
    panel = panels.CHARTS[slide.chart]
    fig = panel.figure(frames, state)
    assert any(
        len(getattr(tr, axis, None) if getattr(tr, axis, None) is not None else ())
        for tr in fig.data
        for axis in ("x", "y")
    ), f"{slide.chart} draws nothing for {values}"
    if slide.asset:  # the thing the slide is about is in the chart
        assert slide.asset in set(panel.rows(frames, state)[C.ENTITY]), slide.asset


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_st004_every_placeholder_resolves_to_its_record(frames, lang):
    for story in STORIES:
        for episode, label in texts(story):
            text = label[lang]
            shown = resolve(text, frames, episode, lang)
            assert "{" not in shown and "}" not in shown and "—" not in shown, shown
            for m in PLACEHOLDER.finditer(text):
                ref = parse_ref(m[1])
                (found,) = candidates(ref, episode, frames)
                row = frames["records"].loc[found]
                figure = date_text(row, lang) if ref.date else value_text(row, lang)
                assert figure and figure in shown, (m[0], shown)
            assert not re.search(r"\d", PLACEHOLDER.sub("", text)), text


@pytest.mark.parametrize(
    "text,episode,lang,expected",
    [
        ("{btc-intraday}", "feb-2026-crash", "en", "−12.81%"),
        ("{btc-close}", "feb-2026-crash", "zh", "约63,860美元"),
        ("on {date:btc-intraday}", "feb-2026-crash", "zh", "on 2026年2月6日"),
        ("{date:btc-intraday}", "feb-2026-crash", "en", "6 Feb 2026"),
        ("{jan-2026-sell-america:btc-level-s000}", "both", "en", "$89,230.35"),
        ("{btc-level-s000} to {btc-low}", "both", "en", "$89,230.35 to $62,841.9"),
        ("{btc-level-s000}", "feb-2026-crash", "en", "—"),  # a record of the other episode
        ("{nope} and { }", "feb-2026-crash", "en", "— and —"),
        ("{btc-low} {", "feb-2026-crash", "en", "$62,841.9 "),
        ("<b>no figures</b>", "feb-2026-crash", "en", "<b>no figures</b>"),  # plain text, escaped by the renderer
    ],
)
def test_st005_resolve(frames, text, episode, lang, expected):
    assert resolve(text, frames, episode, lang) == expected


def test_st006_a_valid_story_with_a_both_slide_is_served(story_dir):
    (story_dir / "stories" / "zz.yaml").write_text(MINIMAL, encoding="utf-8")
    ds = load_dataset(story_dir, panels.NAMES)
    assert ds.rejected == []
    (story,) = [s for s in ds.stories if s.id == "test-story"]
    assert [s.episode for s in story.slides] == ["feb-2026-crash", "both"]
    assert story.slides[0].classes == ("crypto",) and story.slides[1].window is None
    assert resolve(story.slides[1].notes["en"], ds.frames, "both", "en") == "From $89,230.35 to $62,841.9."


def _bad(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


# (code, old text, new text, needle in the new text where the issue points, field path, message regex)
CASES = [
    (
        "digit",
        "'Bitcoin falls {btc-intraday}'",
        "'Bitcoin falls 12.81%'",
        "'Bitcoin",
        "story.slides[0].title.en",
        r"digits must come from the data: write \{record-id\} instead of '12\.81'",
    ),
    (
        "fullwidth-digit",
        "'{date:btc-intraday}。'",
        "'二月６日。'",
        "'二月",
        "story.slides[0].notes.zh",
        r"instead of '６'",
    ),
    (
        "unknown-record",
        "'Bitcoin falls {btc-intraday}'",
        "'Bitcoin falls {btc-intradya}'",
        "'Bitcoin",
        "story.slides[0].title.en",
        r"unknown record 'btc-intradya' in feb-2026-crash; did you mean 'btc-intraday'\?",
    ),
    (
        "other-episode",
        "'比特币{btc-intraday}'",
        "'比特币{jan-2026-sell-america:btc-7d-s000}'",
        "'比特币",
        "story.slides[0].title.zh",
        r"names episode 'jan-2026-sell-america', which is not shown here \(feb-2026-crash\)",
    ),
    (
        "undated-record",
        "'On {date:btc-intraday}.'",
        "'On {date:fear-greed-before}.'",
        "'On",
        "story.slides[0].notes.en",
        r"record 'fear-greed-before' has no date",
    ),
    (
        "not-a-placeholder",
        "'On {date:btc-intraday}.'",
        "'On {BTC}.'",
        "'On",
        "story.slides[0].notes.en",
        r"'\{BTC\}' is not a placeholder",
    ),
    (
        "unmatched-brace",
        "'On {date:btc-intraday}.'",
        "'On {date:btc-intraday.'",
        "'On",
        "story.slides[0].notes.en",
        r"unmatched brace",
    ),
    (
        "unknown-chart",
        "chart: drawdowns}",
        "chart: drawdown}",
        "drawdown}",
        "story.slides[0].state.chart",
        r"'drawdown' is not allowed; expected 'drawdowns'",
    ),
    (
        "unknown-class",
        "classes: [crypto]",
        "classes: [cryptos]",
        "cryptos",
        "story.slides[0].state.classes[0]",
        r"unknown class 'cryptos'; did you mean 'crypto'\?",
    ),
    (
        "unknown-episode",
        "  episode: feb-2026-crash",
        "  episode: feb-2026-crush",
        "feb-2026-crush",
        "story.episode",
        r"unknown episode 'feb-2026-crush'; did you mean 'feb-2026-crash'\? \(it is not loaded\)",
    ),
    (
        "unknown-slide-episode",
        "{episode: both,",
        "{episode: march,",
        "march",
        "story.slides[1].state.episode",
        r"unknown episode 'march'",
    ),
    (
        "unknown-asset",
        "asset: btc, window",
        "asset: bitcoin, window",
        "bitcoin",
        "story.slides[0].state.asset",
        r"unknown asset, fund, holder, indicator or exchange 'bitcoin'",
    ),
    ("unknown-window", "window: day", "window: week", "week", "story.slides[0].state.window", r"'week' is not allowed"),
    (
        "duplicate-slide-id",
        "    - id: two",
        "    - id: one",
        "one",
        "story.slides[1].id",
        r"duplicate slide id 'one' \(first used at story.slides\[0\]\)",
    ),
    (
        "duplicate-story-id",
        "  id: test-story",
        "  id: feb-2026-crash-story",
        "feb-2026-crash-story",
        "story.id",
        r"story id 'feb-2026-crash-story' is already used by data/stories/feb-2026-crash-story\.yaml",
    ),
    (
        "extra-key",
        "state: {classes: [crypto],",
        "state: {zoom: 2, classes: [crypto],",
        "zoom",
        "story.slides[0].state.zoom",
        r"unknown field 'zoom'; allowed: episode, classes, asset, window, chart",
    ),
    (
        "yaml-alias",
        "  title: {en: The crash, zh: 暴跌}",
        "  title: &t {en: The crash, zh: 暴跌}",
        "&t",
        "",
        r"anchors are not allowed \(&t\)",
    ),
    (
        "empty-slides",
        MINIMAL[MINIMAL.index("  slides:") :],
        "  slides: []\n",
        "[]",
        "story.slides",
        r"needs at least 1 item",
    ),
]


@pytest.mark.parametrize("code,old,new,needle,path,message", CASES, ids=[c[0] for c in CASES])
def test_st007_bad_story_is_rejected_at_its_line_and_the_rest_is_served(
    story_dir, code, old, new, needle, path, message
):
    text = _bad(old, new)
    (story_dir / "stories" / "zz.yaml").write_text(text, encoding="utf-8")
    ds = load_dataset(story_dir, panels.NAMES)
    (report,) = ds.rejected
    assert report.path == "data/stories/zz.yaml" and report.kind == "story"
    at = MINIMAL.index(old) + new.index(needle)
    line, col = text[:at].count("\n") + 1, at - text.rfind("\n", 0, at)
    where = f"data/stories/zz.yaml:{line}:{col}: " + (f"{path}: " if path else "")
    (issue,) = report.issues
    assert str(issue).startswith(where) and re.search(message, str(issue)), f"{issue} (expected {where}{message})"
    assert set(ds.episodes[C.ID]) == set(SHIPPED.values())
    assert {s.id: s.episode for s in ds.stories} == SHIPPED


def test_st008_a_story_of_a_rejected_episode_is_left_out(story_dir):
    episode = story_dir / "episodes" / "2026-01-sell-america.yaml"
    episode.write_text(episode.read_text(encoding="utf-8").replace("schema: 1", "schema: 2", 1), encoding="utf-8")
    ds = load_dataset(story_dir, panels.NAMES)
    assert [r.path for r in ds.rejected] == [
        "data/episodes/2026-01-sell-america.yaml",
        "data/stories/jan-2026-sell-america-story.yaml",
    ]
    assert "unknown episode 'jan-2026-sell-america'" in str(ds.rejected[1].issues[0])
    assert [s.id for s in ds.stories] == ["feb-2026-crash-story"]


def test_st009_validate_lists_the_story_files(capsys):
    assert app.main(["validate"]) == 0
    out = capsys.readouterr().out.splitlines()
    for story, episode in SHIPPED.items():
        (line,) = [x for x in out if x.startswith(f"data/stories/{story}.yaml")]
        assert re.fullmatch(rf"data/stories/{story}\.yaml \(story of {episode}\): \d slides, \d+ placeholders", line)
    assert out[-1] == "OK"


def test_st010_validate_one_story_file(capsys, story_dir):
    bad = story_dir / "stories" / "draft.yaml"
    bad.write_text(_bad("  id: test-story", "  id: jan-2026-sell-america-story"), encoding="utf-8")
    assert app.main(["validate", str(bad), "--data", str(story_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "data/stories/draft.yaml: REJECTED (1 problem)"
    assert "story id 'jan-2026-sell-america-story' is already used by" in out[1]
    good = story_dir.parent / "draft.yaml"  # a draft kept outside the stories folder is still read as a story
    good.write_text(MINIMAL, encoding="utf-8")
    reports = validate([str(good)], story_dir)
    assert [(r.kind, r.ok, r.counts) for r in reports] == [("story", True, {"slides": 2, "placeholders": 8})]


def test_st011_a_bare_id_on_a_both_slide_must_name_one_record(frames):
    """With 'both', a bare id of a record that both episodes have is ambiguous: the episode must be written."""
    records = frames["records"].rename(index={"btc-level-s000": "btc-low"}, level=1)
    shared = {**frames, "records": records}
    old = "{en: 'From {jan-2026-sell-america:btc-level-s000} to {btc-low}.', zh: '从{btc-level-s000}到{btc-low}。'}"
    text = _bad(old, "{en: 'To {btc-low}.', zh: '到{feb-2026-crash:btc-low}。'}")
    with pytest.raises(DataError) as exc:
        read_story(text.encode(), "zz.yaml", shared)
    (issue,) = exc.value.issues
    assert re.fullmatch(
        r"zz\.yaml:13:19: story\.slides\[1\]\.notes\.en: '\{btc-low\}' is a record of "
        r"jan-2026-sell-america and feb-2026-crash: write \{jan-2026-sell-america:btc-low\}",
        str(issue),
    ), str(issue)
    assert read_story(text.replace("{btc-low}", "{feb-2026-crash:btc-low}").encode(), "zz.yaml", shared).id
