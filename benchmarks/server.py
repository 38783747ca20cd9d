"""Start and stop the gunicorn under test: 2 workers on a free loopback port in 8080-8089, serving wsgi.py."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import psutil
import requests

HERE = Path(__file__).resolve().parent
PORTS = range(8080, 8090)  # this harness's share of the project's loopback ports
WORKERS = 2
FALLBACK = ["-w", str(WORKERS), "--threads", "4", "-k", "gthread", "--preload"]


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


class Gunicorn:
    """gunicorn with the app dir's web/gunicorn_conf.py when it has one (the production settings), else the
    fallback flags; the worker count is forced to 2 either way."""

    def __init__(self, app_dir: Path, log_path: Path):
        self.app_dir, self.log_path = app_dir, log_path
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        conf = app_dir / "web" / "gunicorn_conf.py"
        # max_requests 0: no worker recycling mid-run, so every figure is of the same two workers
        self.flags = ["-c", str(conf), "-w", str(WORKERS), "--max-requests", "0"] if conf.exists() else FALLBACK
        self.config = f"{conf} with --max-requests 0" if conf.exists() else "fallback flags " + " ".join(FALLBACK)
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> Gunicorn:
        env = dict(
            os.environ,
            BENCH_APP_DIR=str(self.app_dir),
            CRASHBOARD_WORKERS=str(WORKERS),
            CRASHBOARD_THREADS="4",
            CRASHBOARD_DATA=str(self.app_dir / "data"),
        )
        # no control socket: gunicorn 27 puts it at one fixed path, which other gunicorns on the machine use too
        cmd = [
            sys.executable,
            "-m",
            "gunicorn",
            *self.flags,
            "--bind",
            f"127.0.0.1:{self.port}",
            "--chdir",
            str(self.app_dir),
            "--pythonpath",
            str(HERE),
            "--no-control-socket",
            "wsgi:server",
        ]
        self.log = open(self.log_path, "w")  # noqa: SIM115 - gunicorn writes to it until stop() closes it
        self.proc = subprocess.Popen(cmd, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.proc.returncode}); see {self.log_path}")
            try:
                if requests.get(self.base + "/bench/flask", timeout=2).ok and len(self.workers()) == WORKERS:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within {timeout} s; see {self.log_path}")

    def workers(self) -> list[psutil.Process]:
        return psutil.Process(self.proc.pid).children() if self.proc else []

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        if self.proc and not self.log.closed:
            self.log.close()
