"""Who may frame what: the frame-ancestors allowlist, its configuration, and the framing headers on every route."""

from __future__ import annotations

import pytest

import app
from web import framing

WIKI = "https://wiki.example.com"


@pytest.fixture(scope="module")
def client():
    return app.create_app(frame_ancestors=f"{WIKI} https://*.intranet.example:8443").server.test_client()


def frame_ancestors(response) -> str:
    """The frame-ancestors directive of the response's Content-Security-Policy (the rest is test_security_headers')."""
    found = [
        d.strip()
        for d in response.headers["Content-Security-Policy"].split(";")
        if d.strip().startswith("frame-ancestors ")
    ]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(
    "value, expected",
    [
        ("", ()),
        (None, ()),
        (WIKI, (WIKI,)),
        (f"{WIKI}/, http://localhost:8051", (WIKI, "http://localhost:8051")),
        (f"{WIKI}  {WIKI}", (WIKI,)),
        ("https://*.example.com http://10.0.0.5:*", ("https://*.example.com", "http://10.0.0.5:*")),
        ("*", ("*",)),
    ],
)
def test_fr001_origins_are_parsed(value, expected):
    assert framing.parse(value) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "wiki.example.com",  # no scheme
        "javascript:alert(1)",
        "https://wiki.example.com/page",  # a path is not an origin
        "https://wiki.example.com; script-src *",  # would inject another directive
        "https://wiki.example.com\r\nSet-Cookie: x=1",
        "'unsafe-inline'",
        "ftp://wiki.example.com",
    ],
)
def test_fr002_junk_is_refused_with_the_offending_item(bad):
    with pytest.raises(framing.FramingError, match="is not an origin"):
        framing.parse(bad)


def test_fr003_the_flag_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv(framing.ENV, "https://from-env.example")
    assert framing.from_env(None) == ("https://from-env.example",)
    assert framing.from_env(WIKI) == (WIKI,)
    assert framing.from_env("") == ()


@pytest.mark.parametrize(
    "path, framable_by_wiki",
    [
        ("/", False),
        ("/?episode=feb-2026-crash", False),
        ("/present/", False),
        ("/embed/drawdowns", True),
        ("/embed/rates?lang=zh", True),
        ("/embed/_dash-layout", True),
    ],
)
def test_fr004_headers_by_route(client, path, framable_by_wiki):
    r = client.get(path)
    assert r.status_code == 200
    csp = frame_ancestors(r)
    if framable_by_wiki:
        assert csp == f"frame-ancestors 'self' {WIKI} https://*.intranet.example:8443"
        assert "X-Frame-Options" not in r.headers  # it cannot list origins, and would block the wiki
    else:
        assert csp == "frame-ancestors 'self'"
        assert r.headers["X-Frame-Options"] == "SAMEORIGIN"


def test_fr005_by_default_embeds_are_framable_only_by_crashboard(monkeypatch):
    monkeypatch.delenv(framing.ENV, raising=False)
    r = app.create_app().server.test_client().get("/embed/drawdowns")
    assert frame_ancestors(r) == "frame-ancestors 'self'"
    assert r.headers["X-Frame-Options"] == "SAMEORIGIN"  # nobody else may frame it, so old browsers may say so


def test_fr006_the_environment_configures_a_wsgi_server(monkeypatch, data_copy):
    monkeypatch.setenv("CRASHBOARD_DATA", str(data_copy))
    monkeypatch.setenv(framing.ENV, WIKI)
    try:
        r = app.server.test_client().get("/embed/flows")
        assert frame_ancestors(r) == f"frame-ancestors 'self' {WIKI}"
    finally:
        vars(app).pop("server", None)


def test_fr007_a_bad_flag_stops_the_cli_with_the_reason(capsys):
    with pytest.raises(SystemExit) as exit_:
        app.main(["serve", "--frame-ancestors", "wiki.example.com"])
    assert exit_.value.code == 2
    assert "'wiki.example.com' is not an origin" in capsys.readouterr().err


def test_fr008_routes(client):
    assert client.get("/embed/").status_code == 200
    missing = client.get("/embed/drawdownz")
    assert missing.status_code == 404 and b"/embed/drawdowns" in missing.data  # a typo lists the real charts
    assert client.get("/present").status_code == 308
    r = client.get("/?mode=present&episode=jan-2026-sell-america&lang=zh")
    assert r.status_code == 302 and r.headers["Location"] == "/present/?episode=jan-2026-sell-america&lang=zh"
    host = client.get("/assets/host/crashboard-embed.js")
    assert host.status_code == 200 and b"crashboard:embed-height" in host.data
    for page in ("/", "/embed/drawdowns", "/present/"):
        html = client.get(page).data
        assert b"host/crashboard-embed.js" not in html  # for wiki pages only, never loaded by Crashboard
        assert b"assets/embed.js" in html and b"assets/present.js" in html


def test_fr009_no_cookies(client):
    for path in ("/", "/embed/drawdowns", "/embed/_dash-layout", "/embed/_dash-dependencies", "/present/"):
        assert "Set-Cookie" not in client.get(path).headers
