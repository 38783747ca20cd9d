"""Record and conflict ids are unique within their episode only: a second episode may reuse every id of the
first, and no claim is mixed between the two. An episode id used twice is refused at its file:line:col."""

from __future__ import annotations

import re

import pytest

from app import main
from charts.kit.hover import hover
from data import load_dataset, refs
from data import select as sel
from data.columns import C

FEB = "2026-02-cross-asset-crash.yaml"
COPY = "feb-2026-crash-copy"


@pytest.fixture
def twin(data_copy):
    """The shipped data plus a copy of the February file with only its episode id changed."""
    text = (data_copy / "episodes" / FEB).read_text(encoding="utf-8")
    twin = text.replace("\n  id: feb-2026-crash\n", f"\n  id: {COPY}\n", 1)
    assert twin != text
    (data_copy / "episodes" / "2026-02-copy.yaml").write_text(twin, encoding="utf-8")
    return data_copy


def test_ei001_a_copy_with_a_new_episode_id_is_served_beside_the_original(twin):
    ds = load_dataset(twin)
    assert not ds.rejected
    episodes = list(ds.frames["episodes"][C.ID])
    assert {"feb-2026-crash", COPY} <= set(episodes)
    moves = ds.frames["moves"]
    assert len(moves[moves[C.EPISODE] == COPY]) == len(moves[moves[C.EPISODE] == "feb-2026-crash"]) > 0


def test_ei002_no_claim_is_mixed_between_the_two(twin):
    ds = load_dataset(twin)
    frames = ds.frames
    claims = frames["conflict_claims"]
    for episode in ("feb-2026-crash", COPY):
        mine = claims[claims[C.EPISODE] == episode]
        # a conflict declared in one file cites its own records (or, explicitly, January's), never the twin's
        assert set(mine[C.CLAIM_EPISODE]) <= {episode, "jan-2026-sell-america"}, episode
    records = frames["records"]
    disputed = records[(records[C.CONFLICT_IDS] != "") & records[C.EPISODE].isin(["feb-2026-crash", COPY])]
    assert len(disputed) > 10
    for (episode, rid), row in disputed.iterrows():
        for key in refs.keys(row[C.CONFLICT_IDS], episode):
            cited = sel.claims_of(frames, key)
            assert (episode, rid) in set(zip(cited[C.CLAIM_EPISODE], cited[C.CLAIM_ID], strict=True)), (
                episode,
                rid,
                key,
            )
            assert key[0] in (episode, "jan-2026-sell-america")


def test_ei003_every_hover_reads_as_without_the_twin(twin, dataset):
    """The original's hovers are unchanged by the twin, and the twin's read like the original's: each claim once,
    from its own file (a conflict January declares about February names the original only)."""
    frames, alone = load_dataset(twin).frames, dataset.frames
    shipped = alone["records"]
    for (episode, rid), row in shipped[shipped[C.EPISODE] == "feb-2026-crash"].iterrows():
        before = hover(row.to_dict(), alone, "en")
        assert hover(frames["records"].loc[(episode, rid)].to_dict(), frames, "en") == before, rid
        twin_row = frames["records"].loc[(COPY, rid)]
        if ":" not in row[C.CONFLICT_IDS]:
            assert hover(twin_row.to_dict(), frames, "en") == before, rid


def test_ei004_a_reused_episode_id_is_refused_at_its_line_and_column(data_copy, capsys):
    text = (data_copy / "episodes" / FEB).read_text(encoding="utf-8")
    (data_copy / "episodes" / "2026-03-other.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, text_line in enumerate(text.splitlines(), 1) if text_line == "  id: feb-2026-crash")
    assert main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert re.search(
        rf"2026-03-other\.yaml:{line}:7: episode\.id: episode id 'feb-2026-crash' is already used by "
        rf"\S*{re.escape(FEB)}",
        out,
    ), out
    ds = load_dataset(data_copy)  # and the original is still served
    assert "feb-2026-crash" in set(ds.frames["episodes"][C.ID])


@pytest.mark.parametrize(
    "ref,home,key",
    [
        ("dow-fall-date", "jan-2026-sell-america", ("jan-2026-sell-america", "dow-fall-date")),
        ("feb-2026-crash:btc-etf", "jan-2026-sell-america", ("feb-2026-crash", "btc-etf")),
    ],
)
def test_ei005_references_read_relative_to_their_episode(ref, home, key):
    assert refs.parse(ref, home) == key
    assert refs.write(key, home) == ref
