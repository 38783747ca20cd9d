"""The fixed vocabulary of the schema: units, value bounds, windows, metrics and the units each metric allows.

Assets, asset classes, funds, holders and outlets are data (vocabulary.yaml, sources.yaml); the keys here are
code because code formats, converts and checks them. How each reads in each language is in the i18n catalogues
(unit.<unit>, bound.<bound>, win.<window> ...).
"""

from __future__ import annotations

from dataclasses import dataclass

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Unit:
    symbol: str  # on a chart axis's ticks ('$ bn'), the same in every language
    base: str  # units of one base convert into each other
    factor: float = 1.0  # the size of one unit in its base (1e9 for $ bn)


UNITS: dict[str, Unit] = {
    "pct": Unit("%", "pct"),
    "pp": Unit("pp", "pp"),
    "bp": Unit("bp", "bp"),
    "index_pts": Unit("pts", "index_pts"),
    "usd": Unit("$", "usd"),
    "usd_per_oz": Unit("$/oz", "usd_per_oz"),
    "usd_per_bbl": Unit("$/bbl", "usd_per_bbl"),
    "usd_mn": Unit("$ mn", "usd", 1e6),
    "usd_bn": Unit("$ bn", "usd", 1e9),
    "usd_tn": Unit("$ tn", "usd", 1e12),
    "cny_bn": Unit("CNY bn", "cny", 1e9),
    "people": Unit("people", "people"),
    "jobs": Unit("jobs", "jobs"),
    "btc": Unit("BTC", "btc"),
    "moz": Unit("mn oz", "oz", 1e6),
    "mb_per_day": Unit("mn bbl/day", "bbl_per_day", 1e6),
    "ratio": Unit(":1", "ratio"),
    "multiple": Unit("×", "multiple"),
    "score": Unit("score", "score"),
    "count": Unit("", "count"),
    "utc_hour": Unit("h UTC", "utc_hour"),
}

# How a value was stated. "over"/"under" bound the magnitude: "跌超5%" is change -5 with bound "over".
BOUNDS = ("exact", "approx", "nearly", "over", "under", "up_to")
BOUND_WORDS = {  # examples of the seed wording behind each bound, for the README and error hints
    "exact": "a plain figure",
    "approx": "约, 左右, 附近, ~",
    "nearly": "近, 接近",
    "over": "超过, 超, 逾, 以上, 上方, 突破, 冲破, >",
    "under": "低于, 跌破, 下方, <",
    "up_to": "可能…高达 (a possible maximum)",
}

WINDOWS = ("intraday", "1d", "2d", "3d", "5d", "7d", "24h", "3w", "month", "ytd", "from_peak", "overnight", "unstated")

DATE_BASES = ("stated", "weekday", "relative", "implied", "report")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

PRICE_UNITS = frozenset({"usd", "usd_per_oz", "usd_per_bbl", "index_pts", "score"})
AMOUNT_UNITS = frozenset({"usd_bn", "usd_tn", "usd_mn"})

# table -> metric -> allowed units
METRIC_UNITS: dict[str, dict[str, frozenset[str]]] = {
    "moves": {
        "change": frozenset({"pct", "index_pts"}),
        "level": PRICE_UNITS,
        "low": PRICE_UNITS,
        "high": PRICE_UNITS,
        "close": PRICE_UNITS,
        "peak": PRICE_UNITS,
        "price_range": PRICE_UNITS,
        "mcap": AMOUNT_UNITS,
        "mcap_change": AMOUNT_UNITS,
        "vol_30d": frozenset({"pct"}),
        "fwd_pe": frozenset({"multiple"}),
        "breadth": frozenset({"ratio"}),
        "volume_vs_avg": frozenset({"pct"}),
        "contribution": frozenset({"pct"}),
        "tvl": AMOUNT_UNITS,
        "output": frozenset({"mb_per_day"}),
        "compliance": frozenset({"pct"}),
        "spread": frozenset({"usd_per_bbl"}),
    },
    "rates": {
        "level": frozenset({"pct", "index_pts"}),
        "change": frozenset({"bp", "pct"}),
    },
    "liquidations": {
        "amount": frozenset({"usd_bn", "usd_mn", "cny_bn"}),
        "share": frozenset({"pct"}),
        "count": frozenset({"people"}),
        "hours": frozenset({"utc_hour"}),
    },
    "flows": {
        "net_flow": AMOUNT_UNITS | {"btc"},
        "avg_daily_net_flow": AMOUNT_UNITS,
        "cumulative_net_flow": AMOUNT_UNITS,
        "rebalancing_selling": AMOUNT_UNITS,
    },
    "macro": {
        m: frozenset({"jobs", "pct", "pp", "count", "usd_tn"})
        for m in (
            "actual",
            "expected",
            "prior",
            "prior_revised",
            "prior_first",
            "year_ago",
            "change",
            "yoy",
            "mom",
            "vs_prepandemic",
            "level",
        )
    },
    "holdings": {
        "holding": AMOUNT_UNITS | {"moz"},
        "holding_change": frozenset({"pct"}),
        "aum": AMOUNT_UNITS,
        "members": frozenset({"people"}),
    },
    "forecasts": {
        "price_target": PRICE_UNITS,
        "average_price": PRICE_UNITS,
        "downside_level": PRICE_UNITS,
        "support": PRICE_UNITS,
        "probability": frozenset({"pct"}),
        "correction": frozenset({"pct"}),
        "policy_rate": frozenset({"pct"}),
        "rate_cuts": frozenset({"count"}),
        "eps_growth": frozenset({"pct"}),
        "oversupply": frozenset({"mb_per_day"}),
        "demand_growth": frozenset({"mb_per_day"}),
        "capex": AMOUNT_UNITS,
        "selloff_size": AMOUNT_UNITS,
    },
    "scenarios": {"probability": frozenset({"pct"})},
}

# metrics whose rows must say over which window the move was measured
NEEDS_WINDOW = {("moves", "change"), ("moves", "mcap_change"), ("rates", "change")}

LIQUIDATION_DIMENSIONS = ("total", "exchange", "side", "leverage", "defi", "peak")
LIQUIDATION_CLASS = "crypto"  # the class of liquidation rows that name no exchange (totals, sides, leverage)
LEVERAGE_BUCKETS = ("lt10", "10-20", "20-50", "gt50")
SIDES = ("long", "short")

FORECAST_KINDS = ("institutional", "analyst", "market_implied", "policy_stance", "company_guidance", "report")
FORECAST_STATUS = ("current", "previous")

EVENT_CATEGORIES = (
    "tariff",
    "geopolitics",
    "pension_fund",
    "fed",
    "central_bank",
    "data_release",
    "market",
    "policy",
    "corporate",
    "election",
    "exchange_rule",
    "report",
    "fiscal",
)
EVENT_STATUS = ("occurred", "announced", "scheduled", "expected")

CONFLICT_KINDS = ("between_seeds", "within_seed", "calendar", "arithmetic")
CONFLICT_SEVERITY = ("contradiction", "tension")

DERIVE_OPS = {
    # op: (minimum inputs, maximum inputs, formula template)
    "difference": (2, 8, "{0} − {rest}"),
    "sum": (2, 8, "{all}"),
    "complement": (1, 8, "{total} − {all}"),
    "share": (2, 2, "{0} ÷ {1} × 100"),
    "pct_change": (2, 2, "({1} ÷ {0} − 1) × 100"),
    "change_pct": (2, 2, "{0} ÷ ({1} − {0}) × 100"),
    "range_span": (1, 1, "(low ÷ high − 1) × 100 of {0}"),
    "base_from_growth": (2, 2, "{0} ÷ (1 + {1} ÷ 100)"),
}

TABLES = ("moves", "rates", "liquidations", "flows", "macro", "holdings", "forecasts", "scenarios", "events")
FIGURE_TABLES = TABLES[:-1]
