"""URL fuzz: query strings built by hypothesis from valid values, junk and every way of writing them (unicode,
huge strings, repeated keys, percent-encoding, empty values, numbers, comma lists with unknown items), run
through the parser and the real callbacks: the URL sync, every chart's draw, the embed page and presenter mode.

Nothing raises; every state is valid; a value that is not in the URL never appears in the state, so nonsense
falls back to the defaults; and the canonical address is a fixed point. Drawing is slow (a real draw takes
50-400 ms), so the drawing properties take their views from a few valid addresses buried in junk: a thousand
examples, but a bounded number of distinct views, each drawn once and then served from the app's cache.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from urllib.parse import quote, quote_plus, unquote_plus

import orjson
import plotly.graph_objects as go
from dash import no_update
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from callbacks import embed, present, render, url_state
from callbacks.context import VIEW_KEYS, AppData
from charts.registry import CHARTS, NAMES
from core.state import LANGS, PARAMS, TABS, THEMES, State, default, parse, serialise
from data import DEFAULT_DIR, load_dataset
from data.select import BOTH, WINDOW_GROUPS
from embed.page import chart_name
from i18n import t
from presenter import deck

# Built once at import: the strategies draw on its valid values (hypothesis needs them before any fixture runs).
DATA = AppData.of(load_dataset(DEFAULT_DIR))
CHOICES = DATA.choices
STORIES = DATA.stories
FUZZ = settings(max_examples=1000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
NO_CONTROLS = [None] * len(url_state.FIELDS)  # the controls before the URL sets them

VALID = (
    *CHOICES.episodes,
    BOTH,
    *CHOICES.classes,
    *CHOICES.entities,
    *WINDOW_GROUPS,
    *TABS,
    *CHOICES.charts,
    *LANGS,
    *THEMES,
    *(s.id for s in STORIES),
)
JUNK = (
    "",
    " ",
    "all",
    "null",
    "undefined",
    "NaN",
    "-1",
    "0",
    "1e309",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "../../etc/passwd",
    "%",
    "%zz",
    "%00",
    "\x00",
    "é",
    "比特币",
    "😀",
    "\u202e",
    "CRYPTO",
    ",,,",
    "a=b",
    "&",
    "#",
    "?",
    "²",
    "٣",
    "１",
    "9" * 40,
)

junk = st.one_of(
    st.sampled_from(JUNK),
    st.text(max_size=30),
    st.integers().map(str),
    st.floats().map(str),
    st.integers(1000, 5000).map(lambda n: "x" * n),
)
value = st.one_of(
    st.sampled_from(VALID),
    junk,
    st.integers(-3, 30).map(str),
    st.lists(st.one_of(st.sampled_from(CHOICES.classes + CHOICES.charts), junk), max_size=12).map(",".join),
)
key = st.one_of(
    st.sampled_from(PARAMS + ("story", "slide", "mode")),
    st.sampled_from(PARAMS).map(str.upper),
    st.sampled_from(("classes[]", "", "?episode", "episode ")),
    st.text(max_size=10),
)
ENCODINGS = {"raw": lambda s: s, "quote": lambda s: quote(s, safe=","), "plus": quote_plus}


def _query(pairs, question_mark: bool) -> str:
    return ("?" if question_mark else "") + "&".join(f"{ENCODINGS[how](k)}={ENCODINGS[how](v)}" for k, v, how in pairs)


pairs = st.lists(st.tuples(key, value, st.sampled_from(sorted(ENCODINGS))), max_size=12)
queries = st.one_of(st.builds(_query, pairs, st.booleans()), st.text(max_size=200), st.none())


def _is_junk(v: str) -> bool:
    """Not a valid value, nor a list holding one, nor presenter mode's slide number or 'all'."""
    return not any(item.strip() in VALID for item in v.split(",")) and v != deck.ALL and not v.isdigit()


# Only junk: known or unknown keys, values that are none of the valid values, each value percent-encoded so
# that it cannot smuggle a pair of its own into the query.
junk_pairs = st.lists(st.tuples(key, junk.filter(_is_junk), st.sampled_from(["quote", "plus"])), max_size=12)
junk_queries = st.one_of(st.builds(_query, junk_pairs, st.booleans()), st.sampled_from(["", "?", "&&&", "?=&="]))

# A few valid addresses, then junk after them: the first value of a key wins, so these parse to few states.
POOL = (
    "",
    "?episode=both&lang=zh&asset=btc",
    "?classes=crypto,energy&window=from_peak&theme=dark",
    "?episode=jan-2026-sell-america&classes=equity_index&asset=djia&tab=context&data=flows",
)
few_views = st.one_of(
    st.builds(lambda q, rest: q + ("&" if q else "?") + _query(rest, False), st.sampled_from(POOL), junk_pairs),
    junk_queries,
)


def assert_valid(state: State, canonical: bool = True) -> None:
    """Every field holds one of its allowed values, lists in vocabulary order; in the canonical form, a class
    filter of every class is written as none."""
    assert isinstance(state, State)
    assert state.episode in (*CHOICES.episodes, BOTH)
    assert state.classes == tuple(c for c in CHOICES.classes if c in state.classes)
    assert not canonical or len(state.classes) < len(CHOICES.classes)
    assert state.asset is None or state.asset in CHOICES.entities
    assert state.window in WINDOW_GROUPS and state.tab in TABS
    assert state.data == tuple(c for c in CHOICES.charts if c in state.data)
    assert state.lang in LANGS and state.theme in THEMES


def assert_from_the_address(state: State, search) -> None:
    """A field differs from its default only with a value written in the address: nonsense gives the default."""
    written = unquote_plus(search) if isinstance(search, str) else ""
    base = default(CHOICES)
    for name in PARAMS:
        got = getattr(state, name)
        if got != getattr(base, name):
            assert all(item in written for item in (got if isinstance(got, tuple) else (got,))), (name, got)


_ACCEPTED: set[bytes] = set()


def assert_figure(value) -> None:
    """A figure Plotly accepts: go.Figure validates every trace and layout property (once per distinct figure)."""
    if isinstance(value, go.Figure):
        return
    raw = orjson.dumps(value)
    if raw not in _ACCEPTED:
        go.Figure(orjson.loads(raw))  # raises on any trace or property Plotly does not know
        _ACCEPTED.add(raw)


class Errors(logging.Handler):
    """The errors the draw logs instead of raising (it shows an error figure, which is still a figure)."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(record)


@contextmanager
def no_drawing_errors():
    errors, logger = Errors(), logging.getLogger(render.__name__)
    logger.addHandler(errors)
    try:
        yield
    finally:
        logger.removeHandler(errors)
    assert not errors.records, errors.records[0].getMessage()


@FUZZ
@given(search=queries)
def test_fz001_parse_gives_a_valid_state_and_its_canonical_address_is_a_fixed_point(search):
    state = parse(search, CHOICES)
    assert_valid(state)
    assert_from_the_address(state, search)
    canonical = serialise(state, CHOICES)
    assert parse(canonical, CHOICES) == state
    assert serialise(parse(canonical, CHOICES), CHOICES) == canonical


@FUZZ
@given(search=st.one_of(junk_queries, st.integers(), st.lists(st.text(max_size=5), max_size=3)))
def test_fz002_nonsense_falls_back_to_the_defaults(search):
    assert parse(search, CHOICES) == default(CHOICES)
    assert deck.parse(search, STORIES, CHOICES) == deck.Deck(STORIES[0].id)  # the first slide of the first story


@FUZZ
@given(search=queries)
def test_fz003_url_sync_sets_valid_controls_and_rewrites_the_address_once(search):
    new_search, controls, tools, selection, view = url_state.sync(DATA, True, search, NO_CONTROLS, None, None, None)
    address = (search or "") if new_search is no_update else new_search
    state = parse(address, CHOICES)
    assert_valid(state)
    assert serialise(state, CHOICES) == address  # what the callback leaves in the address bar is canonical
    assert controls == [state.to_dict()[f] for f in url_state.FIELDS]
    opened = None if tools is no_update else tools
    assert opened == (state.data[0] if state.data else None)  # the tools panel opens for the address's chart
    assert set(view) == set(VIEW_KEYS)
    again = url_state.sync(DATA, True, address, controls, opened, None if selection is no_update else selection, view)
    assert again[0] is no_update and again[3] is no_update and again[4] is no_update  # a fixed point


controls = st.lists(
    st.one_of(
        st.none(),
        st.integers(),
        junk,
        st.sampled_from(VALID),
        st.lists(st.one_of(junk, st.sampled_from(VALID)), max_size=5),
        st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    ),
    min_size=len(url_state.FIELDS),
    max_size=len(url_state.FIELDS),
)


@FUZZ
@given(
    values=controls,
    tools=st.one_of(st.none(), st.sampled_from(NAMES), junk, st.integers(), st.lists(st.sampled_from(NAMES))),
    selection=st.one_of(st.none(), st.sampled_from(VALID).map(lambda v: {"id": v}), junk),
)
def test_fz004_junk_controls_write_a_valid_canonical_address(values, tools, selection):
    new_search, *_ = url_state.sync(DATA, False, "", values, tools, selection, None)
    address = "" if new_search is no_update else new_search
    state = parse(address, CHOICES)
    assert_valid(state)
    assert serialise(state, CHOICES) == address


@FUZZ
@given(search=few_views, name=st.sampled_from(NAMES))
def test_fz005_every_chart_draws_a_figure_for_any_address(search, name):
    *_, selection, view = url_state.sync(DATA, True, search, NO_CONTROLS, None, None, None)
    with no_drawing_errors():
        drawn = render.draw(CHARTS[name], DATA, view, None if selection is no_update else selection)
    assert_figure(drawn[0])


paths = st.one_of(
    st.sampled_from(NAMES).map(lambda n: f"/embed/{n}"),
    st.text(max_size=30).map("/embed/".__add__),
    st.sampled_from(["/embed/", "/embed//", "/embed/drawdowns/", "/embed/DRAWDOWNS", "", None]),
)


@FUZZ
@given(pathname=paths, search=few_views)
def test_fz006_the_embed_page_shows_a_chart_or_says_it_knows_none(pathname, search):
    with no_drawing_errors():
        out = embed.view(DATA, pathname, search)
    assert set(out) == set(embed.OUTPUTS)
    assert_figure(out["figure"])
    assert out["lang"] in LANGS and out["class"] in (f"embed theme-{theme}" for theme in THEMES)
    assert (out["title"] == t("embed.unknown", out["lang"])) == (chart_name(pathname) is None)


deck_value = st.one_of(
    st.sampled_from([s.id for s in STORIES] + list(CHOICES.episodes) + [BOTH, deck.ALL]),
    st.integers(-3, 30).map(str),
    value,
)
deck_pairs = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(("story", "slide", "classes", "episode", "lang", "theme")), key),
        deck_value,
        st.sampled_from(sorted(ENCODINGS)),
    ),
    max_size=10,
)
deck_queries = st.one_of(st.builds(_query, deck_pairs, st.booleans()), queries)
triggers = st.one_of(st.sampled_from(("prev", "next", "clear") + CHOICES.classes), junk, st.none())


@FUZZ
@given(search=deck_queries, trigger=triggers)
def test_fz007_presenter_addresses_parse_to_a_real_slide_and_buttons_keep_them_canonical(search, trigger):
    d = deck.parse(search, STORIES, CHOICES)
    story = deck.find(STORIES, d.story)
    assert story is not None and 1 <= d.slide <= len(story.slides)
    assert d.classes is None or d.classes == tuple(c for c in CHOICES.classes if c in d.classes)
    assert d.lang in LANGS and d.theme in THEMES
    assert deck.parse(deck.serialise(d), STORIES, CHOICES) == d
    assert_valid(deck.state(d, STORIES, CHOICES), canonical=False)  # a presenter may tick every class
    after = present.navigate(DATA, search, trigger, CHOICES.classes)  # the buttons' callback
    assert deck.serialise(deck.parse(after, STORIES, CHOICES)) == after
