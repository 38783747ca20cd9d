"""`make serve`: nginx in front of gunicorn, started and stopped together.

    python -m web.serve [--host 127.0.0.1] [--port 8050] [--run-dir DIR] [--access-log] [-- GUNICORN FLAGS...]

gunicorn (web/gunicorn_conf.py) listens on a Unix socket in the run directory; nginx (web/nginx.conf, filled in
here) listens on HOST:PORT and holds the clients. A slow client, one that trickles its request or reads its
answer slowly, then costs nginx a few kilobytes on its event loop and never a gunicorn thread: nginx hands
gunicorn only whole requests and takes whole answers (README, "Serving in production").

The run directory (default: a fresh one under the system's temporary directory) holds the socket, both pid
files (`gunicorn.pid` for the signals an operator sends, e.g. SIGUSR2 to publish new data), the generated
nginx.conf and nginx's temp folders. SIGTERM or SIGINT stops both servers; if either exits, the other is
stopped and this exits with its status.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from string import Template

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CONFIG = HERE / "nginx.conf"
GUNICORN_CONF = HERE / "gunicorn_conf.py"
START_TIMEOUT = 180.0  # seconds for gunicorn to load the data and draw the opening views


def nginx_binary() -> str:
    """nginx on PATH, or in /usr/sbin (not on a normal user's PATH on Debian)."""
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if os.access("/usr/sbin/nginx", os.X_OK) else None)
    if not found:
        raise SystemExit(
            "nginx is not installed: `make serve` installs it as root (apt-get install nginx); "
            "otherwise run: sudo apt-get install nginx"
        )
    return found


def nginx_config(run: Path, host: str, port: int, access_log: bool = False) -> str:
    """web/nginx.conf with this run's paths and address."""
    listen = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    return Template(CONFIG.read_text(encoding="utf-8")).substitute(
        run=run, socket=run / "gunicorn.sock", listen=listen, access_log="/dev/stdout" if access_log else "off"
    )


def gunicorn_command(run: Path, extra: list[str]) -> list[str]:
    # the console script, not `python -m gunicorn` (see web/gunicorn_conf.py: SIGUSR2 re-executes this line)
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    return [
        gunicorn,
        "-c",
        str(GUNICORN_CONF),
        "--bind",
        f"unix:{run / 'gunicorn.sock'}",
        "--pid",
        str(run / "gunicorn.pid"),
        *extra,
        "app:server",
    ]


def _socket_ready(path: Path) -> bool:
    with socket.socket(socket.AF_UNIX) as s:
        try:
            s.connect(str(path))
        except OSError:
            return False
        return True


def _reachable_by_others(path: Path) -> bool:
    return all(p.stat().st_mode & 0o001 for p in [path.resolve(), *path.resolve().parents])


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def master_pid(run_dir: Path, first: subprocess.Popen) -> int | None:
    """The gunicorn master serving now: the one in gunicorn.pid. After SIGUSR2 and SIGTERM to the old master
    (publishing new data), that is the new master, which is not our child; it is still gunicorn."""
    first.poll()  # reap the first master if it has exited
    for name in ("gunicorn.pid", "gunicorn.pid.2"):
        try:
            pid = int((run_dir / name).read_text().strip() or 0)
        except (OSError, ValueError):
            continue
        if pid and _alive(pid):
            return pid
    return first.pid if first.poll() is None else None


def run(host: str, port: int, run_dir: Path | None, gunicorn_args: list[str], access_log: bool = False) -> int:
    run_dir = Path(run_dir or tempfile.mkdtemp(prefix="crashboard-"))
    run_dir.mkdir(parents=True, exist_ok=True)
    run_dir.chmod(0o755)  # nginx's workers drop root for 'nobody' and must reach the socket and temp folders
    if os.geteuid() == 0 and not _reachable_by_others(run_dir):
        print(
            f"{run_dir}: nginx's workers (user nobody) cannot reach this directory: every folder above it must "
            "be searchable by others (chmod o+x), or choose another --run-dir",
            file=sys.stderr,
        )
        return 2
    (run_dir / "nginx.conf").write_text(nginx_config(run_dir, host, port, access_log), encoding="utf-8")
    nginx = nginx_binary()
    check = subprocess.run(
        [nginx, "-t", "-q", "-p", str(run_dir), "-c", str(run_dir / "nginx.conf")], capture_output=True, text=True
    )
    if check.returncode:
        print(check.stderr, file=sys.stderr)
        return check.returncode
    front: subprocess.Popen | None = None
    # glibc gives every thread of a worker a malloc arena of its own; with two, memory freed after one request is
    # reused by the next instead of sitting in another thread's arena (a flood grew workers far less so)
    env = {"MALLOC_ARENA_MAX": "2", **os.environ}
    gunicorn = subprocess.Popen(gunicorn_command(run_dir, gunicorn_args), cwd=ROOT, env=env)
    stopping = False

    def stop(*_):
        nonlocal stopping
        stopping = True
        if front is not None and front.poll() is None:
            front.send_signal(signal.SIGTERM)
        master = master_pid(run_dir, gunicorn)
        if master:
            os.kill(master, signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    deadline = time.monotonic() + START_TIMEOUT
    while not _socket_ready(run_dir / "gunicorn.sock"):
        if gunicorn.poll() is not None or time.monotonic() > deadline or stopping:
            stop()
            return gunicorn.wait() or 1
        time.sleep(0.1)
    front = subprocess.Popen([nginx, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-g", "daemon off;"])
    print(
        f"Crashboard at http://{host}:{port}/ (nginx) -> gunicorn at unix:{run_dir / 'gunicorn.sock'}; "
        f"run directory {run_dir}",
        flush=True,
    )
    while front.poll() is None and master_pid(run_dir, gunicorn) and not stopping:
        time.sleep(0.2)
    asked = stopping  # a signal, rather than one of the servers exiting on its own
    stop()
    while master_pid(run_dir, gunicorn):  # the masters finish their requests (graceful_timeout)
        time.sleep(0.1)
    codes = [front.wait(), gunicorn.wait()]
    return 0 if asked else next((c for c in codes if c), 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m web.serve", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--run-dir", type=Path, default=None, help="socket, pid files and nginx's temp folders")
    parser.add_argument("--access-log", action="store_true", help="nginx writes an access log to stdout")
    parser.add_argument("gunicorn", nargs=argparse.REMAINDER, help="flags for gunicorn, after --")
    args = parser.parse_args(argv)
    extra = args.gunicorn[1:] if args.gunicorn[:1] == ["--"] else args.gunicorn
    return run(args.host, args.port, args.run_dir, extra, args.access_log)


if __name__ == "__main__":
    sys.exit(main())
