"""Who may put Crashboard in a frame: the `frame-ancestors` directive of every response's Content-Security-Policy
(web/security.py writes the header).

    CRASHBOARD_FRAME_ANCESTORS="https://wiki.example.com https://*.intranet.example"   (or --frame-ancestors)

- The dashboard and presenter mode may be framed only by Crashboard itself ('self'): nobody needs them inside
  another site, and a frameable page full of controls invites clickjacking.
- The chart embeds under /embed/ may be framed by 'self' and the configured origins. With none configured they
  are no more frameable than the dashboard: an operator opts a wiki in, rather than every site being in.

An origin is `scheme://host[:port]` (a leading `*.` allows subdomains), or `*` for any site. Anything else is
refused with a clear error, so a typo cannot widen the policy or inject another header.
"""

from __future__ import annotations

import os
import re

ENV = "CRASHBOARD_FRAME_ANCESTORS"
EMBED_PREFIX = "/embed/"
SELF_ONLY = "frame-ancestors 'self'"
_ORIGIN = re.compile(r"^(https?)://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:(\d{1,5}|\*))?$")


class FramingError(ValueError):
    """A configured origin that is not a valid frame-ancestors source."""


def parse(value: str | None) -> tuple[str, ...]:
    """The origins of a space- or comma-separated list, validated and deduplicated, in the order given."""
    if not value:
        return ()
    out = []
    for item in re.split(r"[\s,]+", value.strip()):
        item = item.rstrip("/")
        if item in ("*", "'self'"):
            pass
        elif not _ORIGIN.match(item):
            raise FramingError(
                f"frame ancestors: '{item}' is not an origin; write scheme://host[:port], "
                "e.g. https://wiki.example.com, or * for any site"
            )
        if item not in out:
            out.append(item)
    return tuple(out)


def from_env(value: str | None = None) -> tuple[str, ...]:
    """The allowlist from an explicit value (the CLI flag), else from the environment."""
    return parse(value if value is not None else os.environ.get(ENV, ""))


def policy(path: str, allowed: tuple[str, ...], prefix: str = "/") -> str:
    """The frame-ancestors directive for a request path: SELF_ONLY, or 'self' and the origins for an embed."""
    sources = ["'self'"]
    if path.startswith(prefix.rstrip("/") + EMBED_PREFIX):
        sources += [o for o in allowed if o != "'self'"]
    return "frame-ancestors " + " ".join(sources)
