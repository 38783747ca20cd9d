"""Colours and themes. One colour per asset class, the same in every chart and in the class filter.

The eight classes that carry most of the figures take the Okabe–Ito palette (safe for the common forms of
colour blindness); the four rarer ones take muted colours from Paul Tol's colour-blind-safe sets. Colour is
never the only cue: every bar is also labelled, and hatching marks derived figures.
"""

from __future__ import annotations

CLASS_COLOURS: dict[str, str] = {
    "equity_index": "#0072B2",  # Okabe–Ito blue
    "equity_stock": "#56B4E9",  # sky blue
    "crypto": "#E69F00",  # orange
    "crypto_equity": "#D55E00",  # vermillion
    "govt_bond": "#CC79A7",  # reddish purple
    "fx": "#009E73",  # bluish green
    "precious_metal": "#F0E442",  # yellow
    "energy": "#7F7F7F",  # grey (Okabe–Ito's black, lifted so it shows on the dark theme)
    "policy": "#882255",  # Tol wine
    "sentiment": "#44AA99",  # Tol teal
    "us_assets": "#332288",  # Tol indigo
    "other_holdings": "#999933",  # Tol olive
    "macro": "#AA4499",  # Tol purple
}
UNKNOWN = "#999999"

THEMES: dict[str, dict[str, str]] = {
    "light": {
        "paper": "#ffffff",
        "plot": "#ffffff",
        "ink": "#1a1a1a",
        "muted": "#555555",
        "grid": "#e3e3e0",
        "zero": "#1a1a1a",
        "band": "rgba(0,114,178,0.10)",
        "outline": "#1a1a1a",
        "hover": "#ffffff",
    },
    "dark": {
        "paper": "#16181c",
        "plot": "#16181c",
        "ink": "#f0f0ee",
        "muted": "#b5b5b0",
        "grid": "#34373d",
        "zero": "#f0f0ee",
        "band": "rgba(86,180,233,0.18)",
        "outline": "#f0f0ee",
        "hover": "#23262b",
    },
}

FONT = (
    'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", '
    '"Microsoft YaHei", sans-serif'
)


def class_colour(asset_class) -> str:
    return CLASS_COLOURS.get(str(asset_class), UNKNOWN)


def theme(name: str) -> dict[str, str]:
    return THEMES.get(name, THEMES["light"])
