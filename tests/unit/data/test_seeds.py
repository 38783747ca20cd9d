"""Against the seed documents themselves (../shared/seeds): quotes are verbatim and the hashes match."""

from __future__ import annotations

import hashlib

from data.columns import C
from data.schema import TABLES


def test_registry_lists_every_seed_with_its_hash(dataset, seed_bytes):
    registry = dict(zip(dataset.frames["sources"][C.FILE], dataset.frames["sources"]["sha256"], strict=True))
    assert set(registry) == set(seed_bytes)
    for name, raw in seed_bytes.items():
        assert registry[name] == hashlib.sha256(raw).hexdigest(), name


def test_every_quote_occurs_verbatim_in_its_seed(dataset, seeds):
    missing = []
    for table in TABLES:
        df = dataset.frames[table]
        for _, row in df[df[C.QUOTE] != ""].iterrows():
            if row[C.QUOTE] not in seeds[row[C.SOURCE]]:
                missing.append(f"{table}/{row[C.ID]}: {row[C.QUOTE]}")
    assert not missing, "\n".join(missing)
    assert sum((dataset.frames[t][C.QUOTE] != "").sum() for t in TABLES) > 250


def test_outlets_credited_are_named_in_the_seed(dataset, seeds):
    """An outlet is only credited where its seed names it somewhere (CoinGlass, 彭博, ...)."""
    names = dataset.frames["outlets"].set_index(C.ID)
    skip = {"market_pricing", "analysts", "seed_author"}  # attributions, not outlets
    for table in TABLES:
        df = dataset.frames[table]
        for _, row in df[(df[C.OUTLET] != "")].iterrows():
            if row[C.OUTLET] in skip:
                continue
            en, zh = names.loc[row[C.OUTLET], "name_en"], names.loc[row[C.OUTLET], "name_zh"]
            text = seeds[row[C.SOURCE]].replace(" ", "")
            words = {en.split(" (")[0].replace(" ", ""), en.split()[0], zh.split("（")[0], zh[:2]}
            assert any(w in text for w in words), f"{row[C.ID]}: {row[C.OUTLET]} not named in {row[C.SOURCE]}"
