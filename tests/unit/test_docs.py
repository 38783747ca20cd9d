"""The README is part of the product: every field, unit and keyword of the schema is documented there."""

from __future__ import annotations

from pathlib import Path

import pytest

from data import schema as S
from data.models import ROW_MODELS, EpisodeHeader

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _fields(model) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items()}


@pytest.mark.parametrize("table", sorted(ROW_MODELS))
def test_every_field_is_documented(table):
    missing = [f for f in _fields(ROW_MODELS[table]) if f"`{f}`" not in README]
    assert not missing, f"{table}: {missing}"


def test_header_fields_documented():
    assert all(f"`{f}`" in README for f in _fields(EpisodeHeader))


@pytest.mark.parametrize(
    "words",
    [
        S.UNITS,
        S.BOUNDS,
        S.WINDOWS,
        S.DATE_BASES,
        S.DERIVE_OPS,
        S.EVENT_STATUS,
        S.CONFLICT_KINDS,
        S.CONFLICT_SEVERITY,
        S.FORECAST_KINDS,
        S.LEVERAGE_BUCKETS,
        S.LIQUIDATION_DIMENSIONS,
    ],
    ids=[
        "units",
        "bounds",
        "windows",
        "date_bases",
        "derive_ops",
        "event_status",
        "conflict_kinds",
        "severity",
        "forecast_kinds",
        "leverage",
        "dimensions",
    ],
)
def test_every_keyword_is_documented(words):
    missing = [w for w in words if f"`{w}`" not in README]
    assert not missing, missing


def test_every_metric_is_documented():
    metrics = {m for table in S.METRIC_UNITS.values() for m in table}
    missing = [m for m in metrics if f"`{m}`" not in README]
    assert not missing, missing


def test_quick_start_is_two_commands():
    quick = README.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick.strip().splitlines()]
    assert commands == ["make run", "make test"]


def test_every_url_parameter_and_chart_is_documented():
    from charts.registry import NAMES
    from core.state import PARAMS
    from data.select import WINDOW_GROUPS

    section = README.split("### The address is the view", 1)[1].split("###", 1)[0]
    assert all(f"| `{p}` |" in section for p in PARAMS)
    assert all(f"`{w}`" in section for w in WINDOW_GROUPS)
    assert all(f"`{name}`" in README.split("### Views", 1)[1] for name in NAMES)


def test_csv_columns_are_documented():
    """Every column any chart's CSV can carry is named in the README's paragraph on the CSV."""
    from data.columns import csv_columns

    section = README.split("**CSV** columns:", 1)[1].split("\n\n", 1)[0]
    columns = {name for table in S.TABLES for name, _ in csv_columns((table,))}
    columns |= {"derived", "formula", "inputs"}  # the columns of `derive`
    missing = sorted(c for c in columns - {"derive"} if f"`{c}`" not in section)
    assert not missing, missing


def test_wiki_editors_section_documents_embeds_framing_and_export():
    from charts.registry import NAMES
    from web import framing

    section = README.split("## For wiki editors", 1)[1].split("\n## ", 1)[0]
    for words in (
        "/embed/<chart>",
        "Share / Embed",
        "postMessage",
        "assets/host/crashboard-embed.js",
        framing.ENV,
        "--frame-ancestors",
        "frame-ancestors",
        "python app.py export",
        "file://",
    ):
        assert words in section, words
    assert "/embed/" in section and all(f"`{n}`" in README.split("### Views", 1)[1] for n in NAMES)


def test_presenters_section_documents_keys_and_story_fields():
    from data.stories import SlideModel, SlideState, StoryHeader

    section = README.split("## For presenters", 1)[1].split("\n## ", 1)[0]
    for key in ("→", "←", "PageDown", "PageUp", "1–9", "| 0 |", "| N |", "?mode=present", "/present/"):
        assert key in section, key
    story = section.split("```yaml", 1)[1].split("```", 1)[0]
    for model in (StoryHeader, SlideModel, SlideState):
        missing = [f for f in _fields(model) if f"{f}:" not in story]
        assert not missing, (model.__name__, missing)
    assert "{record-id}" in section and "{date:record-id}" in section


def test_serving_section_documents_workers_scaling_and_publishing():
    import re

    section = README.split("## Serving in production", 1)[1].split("\n## ", 1)[0]
    conf = (Path(__file__).resolve().parents[2] / "web" / "gunicorn_conf.py").read_text()
    default = re.search(r'CRASHBOARD_WORKERS", "(\d+)"', conf).group(1)
    assert f"default {default}" in section  # the documented worker count is the configured one
    for words in (
        "make serve",
        "HOST=0.0.0.0",
        "WORKERS=",
        "Scaling",
        "load balancer",
        "kill -USR2",
        "kill -HUP",
        "make soak",
        "SOAK_SECONDS",
        "CRASHBOARD_WARM",
    ):
        assert words in section, words


def test_performance_section_has_every_target_with_before_and_after():
    section = README.split("## Performance", 1)[1].split("\n## ", 1)[0]
    assert "make bench" in section and "report.json" in section
    table = [line for line in section.splitlines() if line.startswith("| ")]
    for figure in ("p95", "first visit", "cold", "filter", "RSS per worker", "RSS growth"):
        rows = [line for line in table if figure in line]
        assert rows, figure
        assert all(len(row.strip("|").split("|")) >= 4 for row in rows), rows  # figure, target, before, after


def test_safety_section_documents_every_security_header():
    from web import security

    section = README.split("## Safety", 1)[1].split("\n## ", 1)[0]
    for name, _ in security.FIXED:
        assert f"`{name}" in section, name
    for header in (
        "Content-Security-Policy",
        "script-src",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "X-Frame-Options",
        "frame-ancestors",
    ):
        assert header in section, header
