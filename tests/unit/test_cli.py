"""The command line: `validate` prints one line per file then OK, or the problems and a non-zero exit."""

from __future__ import annotations

import app

from .episode_text import replace


def test_validate_prints_counts_and_ok(capsys):
    assert app.main(["validate"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "OK"
    (jan,) = [line for line in out if "[jan-2026-sell-america]" in line]
    assert "moves 24" in jan and "events 26" in jan and "conflicts 15 (0 calendar)" in jan
    (feb,) = [line for line in out if "[feb-2026-crash]" in line]
    assert "liquidations 18" in feb and "(4 calendar)" in feb


def test_validate_one_file_against_the_data_dir(capsys, data_copy):
    path = data_copy / "episodes" / "2026-01-sell-america.yaml"
    assert app.main(["validate", str(path), "--data", str(data_copy)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and out[-1] == "OK"
    assert "warning" not in out[0]  # the cross-episode reference resolves


def test_validate_reports_errors_and_exits_non_zero(capsys, data_copy):
    bad = data_copy / "episodes" / "zz.yaml"
    bad.write_text(replace("value: -1.76", "value: .inf"), encoding="utf-8")
    assert app.main(["validate", "--data", str(data_copy)]) == 1
    out = capsys.readouterr().out
    assert "zz.yaml: REJECTED (1 problem)" in out
    assert "zz.yaml:16:12: moves[0].value: NaN and infinity are not allowed" in out
    assert out.rstrip().endswith("FAILED")


def test_importing_app_builds_nothing():
    assert "server" not in vars(app)
