"""make serve's front end: the nginx configuration web/serve.py writes is valid nginx and carries the limits the
README promises (slow-client timeouts, the body cap, buffering)."""

from __future__ import annotations

import re
import subprocess

import pytest

from web import guard, serve


@pytest.fixture
def conf(tmp_path):
    text = serve.nginx_config(tmp_path, "127.0.0.1", 8099)
    (tmp_path / "nginx.conf").write_text(text)
    return tmp_path, text


def test_sv001_the_generated_config_is_valid_nginx(conf):
    run, _ = conf
    check = subprocess.run(
        [serve.nginx_binary(), "-t", "-p", str(run), "-c", str(run / "nginx.conf")], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr


def test_sv002_it_bounds_slow_clients_and_bodies(conf):
    run, text = conf
    assert "listen 127.0.0.1:8099" in text and f"unix:{run / 'gunicorn.sock'}" in text
    for directive in (
        "client_header_timeout 10s",
        "client_body_timeout 10s",
        "send_timeout 20s",
        "proxy_buffering on",
        "proxy_request_buffering on",
        "reset_timedout_connection on",
    ):
        assert directive + ";" in text, directive
    cap = re.search(r"client_max_body_size (\d+)k;", text)
    assert int(cap.group(1)) << 10 == guard.MAX_BODY  # nginx refuses what gunicorn would refuse, earlier
    assert not re.search(r"\$(run|socket|listen|access_log)\b", text)  # every placeholder filled


def test_sv003_an_ipv6_host_is_bracketed(tmp_path):
    assert "listen [::1]:8099" in serve.nginx_config(tmp_path, "::1", 8099)


def test_sv004_a_run_dir_nobody_can_reach_is_refused_as_root(tmp_path, capsys):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    if serve.os.geteuid() != 0:
        pytest.skip("nginx only drops privileges when started as root")
    assert serve.run("127.0.0.1", 8099, private / "run", []) == 2
    assert "cannot reach this directory" in capsys.readouterr().err
