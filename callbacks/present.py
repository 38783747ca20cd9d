"""Presenter mode: the address holds the place in the story. The buttons (and the keys, which press them) write
the address; one callback draws the slide from it."""

from __future__ import annotations

from dash import ALL, ClientsideFunction, Input, Output, ctx, no_update
from dash import State as Current

from charts.kit import figures
from charts.registry import CHARTS
from core import ids
from dashboard import share
from i18n import FALLBACK, t
from presenter import deck
from presenter import page as present
from presenter.story_text import resolve

from . import render
from .context import AppData
from .memo import sent

OUTPUTS = (
    "story",
    "counter",
    "title",
    "classes",
    "clear_class",
    "clear_pressed",
    "extra",
    "figure",
    "style",
    "summary",
    "credit",
    "notes",
    "exit",
    "selection",
    "class",
    "lang",
    "words",
)
WORDS = (
    (ids.PRESENT_PREV, "present.prev"),
    (ids.PRESENT_NEXT, "present.next"),
    (ids.PRESENT_NOTES_BUTTON, "present.notes"),
    (ids.PRESENT_EXIT, "present.exit"),
    (ids.PRESENT_CLEAR, "present.all"),
    (ids.PRESENT_KEYS, "present.keys"),
)


def navigate(data: AppData, search, trigger, order: tuple[str, ...]) -> str:
    """The address after a button: 'prev', 'next', 'clear', or a class id."""
    d = deck.parse(search, data.stories, data.choices)
    if trigger in ("prev", "next"):
        d = deck.step(d, data.stories, -1 if trigger == "prev" else 1)
    elif trigger == "clear":
        d = deck.clear(d)
    elif trigger in order:
        d = deck.toggle(d, data.stories, trigger, order)
    return deck.serialise(d)


def _said(label: dict, frames: dict, episode: str, lang: str) -> str:
    """A story's words in the language (English when a translation is missing), figures filled from the data."""
    return resolve(label.get(lang) or label.get(FALLBACK, ""), frames, episode, lang)


def view(data: AppData, search, prefix: str = "/") -> dict:
    """Everything the presenter page shows for an address."""
    d = deck.parse(search, data.stories, data.choices)
    state = deck.state(d, data.stories, data.choices)
    story, slide = deck.find(data.stories, d.story), deck.slide_of(d, data.stories)
    look = {
        "class": f"present theme-{state.theme}",
        "lang": state.lang,
        "words": present.words([key for _, key in WORDS], state.lang),
    }
    if slide is None:
        fig = figures.empty(state, "present.none")
        return dict(
            story="",
            counter="",
            title=t("present.none", state.lang),
            classes=[],
            clear_class="button big class-toggle",
            clear_pressed="false",
            extra=[],
            figure=fig,
            style={"height": "200px"},
            summary="",
            credit="",
            notes="",
            exit=prefix,
            selection=None,
            **look,
        )
    panel = CHARTS[slide.chart]
    chart = render.single(panel, data, state)
    all_rows = panel.rows(data.frames, state.with_(classes=()))
    fig = present.projected(chart["figure"])
    return dict(
        story=_said(story.title, data.frames, story.episode, state.lang),
        counter=f"{d.slide} / {len(story.slides)}",
        title=_said(slide.title, data.frames, slide.episode, state.lang),
        classes=present.class_buttons(
            data.frames, present.chart_classes(all_rows, data.frames), state.classes, state.lang
        ),
        clear_class="button big class-toggle" + ("" if state.classes else " on"),
        clear_pressed="false" if state.classes else "true",
        extra=chart["extra"],
        figure=fig,
        style={"height": f"{fig['layout']['height']}px"},
        summary=chart["summary"],
        credit=chart["credit"],
        notes=_said(slide.notes, data.frames, slide.episode, state.lang),
        exit=share.dashboard_url(prefix, slide.chart, panel.tab, state, data.choices),
        selection=data.selection(state.asset),
        **look,
    )


def register(app, data: AppData) -> None:
    prefix = app.config.requests_pathname_prefix.removesuffix("present/")
    order = data.choices.classes

    @app.callback(
        Output(ids.URL, "search"),
        Input(ids.PRESENT_PREV, "n_clicks"),
        Input(ids.PRESENT_NEXT, "n_clicks"),
        Input(ids.PRESENT_CLEAR, "n_clicks"),
        Input(ids.class_button(ALL), "n_clicks"),
        Current(ids.URL, "search"),
        prevent_initial_call=True,
    )
    def press(_prev, _next, _clear, _classes, search):
        if not ctx.triggered or not ctx.triggered[0]["value"]:
            return no_update  # a button drawn anew, not pressed
        trigger = ctx.triggered_id
        name = (
            trigger["class"]
            if isinstance(trigger, dict)
            else {ids.PRESENT_PREV: "prev", ids.PRESENT_NEXT: "next", ids.PRESENT_CLEAR: "clear"}.get(trigger)
        )
        new = navigate(data, search, name, order)
        return new if new != (search or "") else no_update

    @app.callback(
        *[
            Output(i, p)
            for i, p in (
                (ids.PRESENT_STORY, "children"),
                (ids.PRESENT_COUNTER, "children"),
                (ids.PRESENT_TITLE, "children"),
                (ids.PRESENT_CLASSES, "children"),
                (ids.PRESENT_CLEAR, "className"),
                (ids.PRESENT_CLEAR, "aria-pressed"),
                (ids.PRESENT_EXTRA, "children"),
                (ids.PRESENT_CHART, "figure"),
                (ids.PRESENT_CHART, "style"),
                (ids.PRESENT_SUMMARY, "children"),
                (ids.PRESENT_CREDIT, "children"),
                (ids.PRESENT_NOTES, "children"),
                (ids.PRESENT_EXIT, "href"),
                (ids.SELECTION, "data"),
                (ids.PRESENT, "className"),
                (ids.PRESENT, "lang"),
            )
        ],
        *[Output(i, "children") for i, _ in WORDS],
        Input(ids.URL, "search"),
    )
    def slide(search):
        def answer():
            out = view(data, search, prefix)
            return (*[out[k] for k in OUTPUTS[:-1]], *out["words"])

        return sent(data, ("slide", deck.serialise(deck.parse(search, data.stories, data.choices)), prefix), answer)

    app.clientside_callback(
        ClientsideFunction("crashboard", "notes"),
        Output(ids.PRESENT_NOTES, "hidden"),
        Output(ids.PRESENT_NOTES_BUTTON, "aria-pressed"),
        Input(ids.PRESENT_NOTES_BUTTON, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        ClientsideFunction("crashboard", "highlight"),
        Output(ids.PRESENT_CHART, "figure", allow_duplicate=True),
        Input(ids.SELECTION, "data"),
        Input(ids.PRESENT_CHART, "figure"),
        prevent_initial_call=True,
    )
