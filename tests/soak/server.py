"""Crashboard as `make serve` runs it (web/serve.py: nginx in front of gunicorn) in a subprocess, with the signals
an operator sends to gunicorn's master: kill a worker, SIGHUP, and the SIGUSR2 upgrade that starts a new master
beside the old one."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil
import requests

ROOT = Path(__file__).resolve().parents[2]
PORTS = range(8070, 8080)  # loopback ports set aside for these tests
WAIT = 120.0  # seconds before a server that does not come up, or a worker that is not replaced, fails the test


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


def wait_for(what: str, condition, log: Path | None = None):
    """Poll `condition` until it returns something truthy; fail with gunicorn's log after WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    tail = log.read_text(errors="replace")[-4000:] if log and log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n{tail}")


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


class Gunicorn:
    """`make serve` on a loopback port: nginx, and one gunicorn master (after an upgrade, the new one) and its
    workers, all in a process group of their own."""

    def __init__(self, data_dir: Path, workdir: Path, workers: int = 2, warm: bool = True):
        self.data_dir, self.workers_wanted, self.warm = Path(data_dir), workers, warm
        # nginx's workers run as 'nobody' and cannot enter pytest's private tmp folders: a run directory of its own
        self.run_dir = Path(tempfile.mkdtemp(prefix="crashboard-soak-"))
        self.log, self.pidfile = workdir / "gunicorn.log", self.run_dir / "gunicorn.pid"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self) -> Gunicorn:
        """Launch gunicorn and return at once: it loads the app while the test prepares (see `ready`)."""
        env = dict(
            os.environ,
            CRASHBOARD_DATA=str(self.data_dir),
            CRASHBOARD_WORKERS=str(self.workers_wanted),
            CRASHBOARD_THREADS="4",
            CRASHBOARD_WARM="1" if self.warm else "0",
        )
        with open(self.log, "ab") as log:
            self.proc = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "web.serve",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    str(self.port),
                    "--run-dir",
                    str(self.run_dir),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        return self

    def ready(self) -> Gunicorn:
        """Wait until the server answers and all its workers are up."""
        wait_for("gunicorn to serve", self._serving, self.log)
        return self

    @property
    def master(self) -> int:
        """gunicorn's master now (web/serve.py keeps its pid file in the run directory)."""
        return self._pid_in(self.pidfile)

    @master.setter
    def master(self, pid: int) -> None:
        pass  # the pid file follows the master: gunicorn moves gunicorn.pid.2 to gunicorn.pid on an upgrade

    def _serving(self) -> bool:
        if self.proc.poll() is not None:
            raise AssertionError(f"gunicorn exited with {self.proc.returncode}\n{self.log.read_text()[-4000:]}")
        if not self.master:
            return False
        try:
            up = requests.get(self.url + "/", timeout=5).status_code == 200
        except requests.ConnectionError:
            return False
        return up and len(self.workers()) == self.workers_wanted

    def workers(self, master: int | None = None) -> set[int]:
        """The live worker processes of a master: its children, less a new master it forked on SIGUSR2."""
        try:
            children = psutil.Process(master or self.master).children()
        except psutil.NoSuchProcess:
            return set()
        upgraded = self._pid_in(self.upgraded_pidfile)
        return {c.pid for c in children if c.pid != upgraded and _alive(c.pid)}

    @property
    def upgraded_pidfile(self) -> Path:
        """Where a master started by SIGUSR2 writes its pid (gunicorn adds '.2' until the old master exits)."""
        return self.pidfile.with_name(self.pidfile.name + ".2")

    def _full(self, condition) -> set[int] | None:
        """The workers, once there are as many as wanted and they satisfy `condition`."""
        workers = self.workers()
        return workers if len(workers) == self.workers_wanted and condition(workers) else None

    @staticmethod
    def _pid_in(path: Path) -> int:
        try:
            return int(path.read_text().strip() or 0)
        except (OSError, ValueError):
            return 0

    def kill_worker(self, pid: int | None = None) -> int:
        """SIGKILL a worker (the given one, else any); return the pid of the replacement gunicorn forks."""
        before = self.workers()
        pid = pid or min(before)
        os.kill(pid, signal.SIGKILL)
        after = wait_for("a replacement worker", lambda: self._full(lambda w: pid not in w), self.log)
        (replacement,) = after - before
        return replacement

    def hup(self) -> set[int]:
        """SIGHUP the master and wait until every worker has been replaced; return the new workers."""
        before = self.workers()
        os.kill(self.master, signal.SIGHUP)
        return wait_for("workers replaced after SIGHUP", lambda: self._full(lambda w: not w & before), self.log)

    def upgrade(self) -> int:
        """SIGUSR2: the master starts a new master (which loads the data afresh) beside itself; return its pid
        once its workers are up. Both masters now accept on the same socket."""
        os.kill(self.master, signal.SIGUSR2)
        new = wait_for("the new master's pid file", lambda: self._pid_in(self.upgraded_pidfile), self.log)
        wait_for("the new master's workers", lambda: len(self.workers(new)) == self.workers_wanted, self.log)
        return new

    def retire(self, new_master: int) -> None:
        """SIGTERM the old master after an upgrade; it stops once its workers finish, and the new one serves
        (nginx, in front, does not notice)."""
        old = self.master
        os.kill(old, signal.SIGTERM)
        wait_for("the old master to exit", lambda: not _alive(old), self.log)
        wait_for("the new master's pid file", lambda: self.master == new_master, self.log)

    def stop(self) -> None:
        """Stop every process of the server's group: SIGTERM, then SIGKILL what is left."""
        if self.proc is None:
            return
        group = self.proc.pid  # start_new_session: the first master leads the group, and an upgrade stays in it
        members = [p for p in psutil.process_iter() if _in_group(p, group)]
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(group, sig)
            except ProcessLookupError:
                break
            if self.proc.poll() is None:
                try:
                    self.proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    continue
            _, members = psutil.wait_procs(members, timeout=15)
            if not [p for p in members if _alive(p.pid)]:
                break
        shutil.rmtree(self.run_dir, ignore_errors=True)


def _in_group(process: psutil.Process, group: int) -> bool:
    try:
        return os.getpgid(process.pid) == group
    except (ProcessLookupError, PermissionError):
        return False
