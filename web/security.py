"""The security headers of every response, and the callback-payload guard (web/guard.py), for one Flask server
carrying the dashboard, the chart embeds and presenter mode.

    Content-Security-Policy   what a page may load and run (the directives below, frame-ancestors from framing.py)
    X-Content-Type-Options    nosniff: a JSON callback answer or a CSV is never run as a script or page
    Referrer-Policy           no-referrer: Crashboard reads no Referer, and its addresses carry the reader's view
    X-Frame-Options           SAMEORIGIN on every page but the embeds, for browsers that predate frame-ancestors

Why each directive:
- `script-src 'self'` plus the hashes of the inline scripts Dash writes into each page (`Dash.csp_hashes()`: the
  renderer's start-up line, and any inline clientside callback). Crashboard's own browser code is in assets/*.js,
  so nothing else inline may run, and no `'unsafe-eval'`: no code is built from strings.
- `style-src 'self' 'unsafe-inline'`: plotly.js, the Dash renderer and dcc insert `<style>` elements of their own
  (plotly.js's modebar, hover and cursor rules among them); without 'unsafe-inline' Chromium refuses each one, the
  console fills with violations and the modebar loses its layout. Inline style runs no code, so scripts stay as
  strict as they are.
- `img-src 'self' blob:`: the modebar's "Download plot as a PNG" draws the chart through a blob: image. Nothing
  Crashboard shows needs data: images.
- `connect-src 'self'`: the layout and every callback go to the same origin; nothing else is fetched.
- `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`: no plugins, no <base> to re-point relative
  script URLs, and no forms (every control is a Dash component, answered by callbacks).
- `default-src 'self'` for everything not named (fonts, frames, workers, manifests).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from dash import Dash
from flask import request

from . import framing, guard

FIXED = (
    ("default-src", "'self'"),
    ("style-src", "'self' 'unsafe-inline'"),
    ("img-src", "'self' blob:"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'none'"),
    ("form-action", "'none'"),
)


def script_src(apps: Iterable[Dash]) -> str:
    """`'self'` and the hash of every inline script any of the apps writes into its page."""
    hashes = dict.fromkeys(h for app in apps for h in app.csp_hashes())
    return " ".join(["'self'", *hashes])


def content_security_policy(scripts: str, frame_ancestors: str) -> str:
    """The whole Content-Security-Policy header, from the script sources and the frame-ancestors directive."""
    directives = [f"{name} {value}" for name, value in FIXED]
    directives.insert(1, f"script-src {scripts}")
    return "; ".join(directives + [frame_ancestors])


def install(server, apps: Iterable[Dash], allowed: tuple[str, ...], prefix: str = "/") -> None:
    """Add the security headers to every response of `server`, and the payload guard to the callbacks of `apps`.
    The script hashes are taken at the first response, once every app has registered its callbacks (an inline
    clientside callback adds an inline script)."""
    apps = tuple(apps)
    guard.install(server, apps)
    scripts = functools.cache(lambda: script_src(apps))

    @server.after_request
    def _security_headers(response):
        ancestors = framing.policy(request.path, allowed, prefix)
        response.headers["Content-Security-Policy"] = content_security_policy(scripts(), ancestors)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        if ancestors == framing.SELF_ONLY:
            response.headers["X-Frame-Options"] = "SAMEORIGIN"
        return response
