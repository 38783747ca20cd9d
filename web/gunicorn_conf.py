"""gunicorn settings for Crashboard in production (`make serve`; README, "Serving in production").

    CRASHBOARD_WORKERS=2 CRASHBOARD_THREADS=4 .venv/bin/gunicorn -c web/gunicorn_conf.py --bind HOST:PORT app:server

Command-line flags win over this file, so `--bind`, `--workers` or `--access-logfile -` still apply. Run the
`gunicorn` script rather than `python -m gunicorn`: SIGUSR2 re-executes the master's command line, and
gunicorn/__main__.py run as a script puts gunicorn's own package first on sys.path, where its `http` hides the
standard library's, so the new master dies on import.

- Workers: one process per core (2 on the 2-core target). Drawing a figure is CPU-bound Python, which the GIL
  runs one thread at a time, so a process per core is what uses the machine; more processes only add memory.
- Threads (gthread): a page asks for its charts in parallel callback requests, and a slow client holds its
  connection while it reads. Threads keep those from queueing behind one another inside a worker, and the
  gthread worker parks idle keep-alive connections without holding a thread.
- preload_app: the master builds the app, and so loads and validates the dataset, once, and draws the opening
  views (app.py; CRASHBOARD_WARM=0 skips that); every worker is a fork of it. All workers, including the
  replacement gunicorn forks after a worker dies, serve that one snapshot of the data with those views already
  drawn, even if the files are edited meanwhile (a worker importing the app itself would read the files as
  they are when it starts). New data is published by starting a new master: a restart, or SIGUSR2 then
  SIGTERM to the old master for no downtime. SIGHUP does not: with preload_app the master keeps the app it
  loaded and forks the new workers from it (tests/soak/test_data_edit.py checks all three).
- when_ready (in the master, once the app is loaded): one request sets the Dash apps up (see the hook), then
  gc.freeze(): the loaded data and the drawn views move to a generation the garbage collector never walks, so
  its passes in a worker do not write to (and so copy) the pages the worker shares with the master.
- max_requests with jitter: a worker is replaced after about 50,000 requests, staggered so the workers do not
  restart together. Memory is bounded by design (the answer cache, callbacks/cache.py, holds at most
  CRASHBOARD_CACHE_MB, 64 MiB by default, beside the views pinned at start), so this is not a leak workaround;
  it re-forks the worker from the preloaded master, which gives back copy-on-write pages the worker has dirtied
  and caps the damage of a leak in a library, at the cost of a cache that starts again from the pinned views
  once per 50,000 requests. The restart is graceful (requests in flight finish; the soak test's SIGHUP, the
  same restart, drops none), and the replacement serves the same snapshot. `--max-requests 0` turns it off,
  e.g. to measure growth.
- timeout: a gthread worker's heartbeat comes from its main loop, not from requests, so this only catches a
  worker that is stuck; 30 s is far above any request (a cold draw takes under a second).
- graceful_timeout: on restart or stop, requests in flight get 10 s to finish.
- keepalive: 5 s, so a browser's burst of callback requests reuses its connections. Behind a load balancer,
  set it above the balancer's idle timeout.
- No control socket (gunicornc): signals manage the master, and the socket's default path is one per user,
  shared by every server that user runs (a test, the benchmark).
- Access log: off (a load balancer or reverse proxy usually keeps one); `--access-logfile -` writes it to
  stdout. Errors go to stderr.
"""

import gc
import os

wsgi_app = "app:server"
bind = ["127.0.0.1:8050"]  # loopback unless told otherwise (the Makefile passes --bind $(HOST):$(PORT))
workers = int(os.environ.get("CRASHBOARD_WORKERS", "2"))
worker_class = "gthread"
threads = int(os.environ.get("CRASHBOARD_THREADS", "4"))
preload_app = True
max_requests = 50_000
max_requests_jitter = 5_000
timeout = 30
graceful_timeout = 10
keepalive = 5
accesslog = None
errorlog = "-"
proc_name = "crashboard"
control_socket_disable = True
# The workers' heartbeat files: on tmpfs their updates never wait for a disk (gunicorn's advice for containers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None


def when_ready(server):
    """Runs in the master after the app is loaded, before the first worker is forked.

    One request first: Dash sets each app up on the server's first request and marks that done before it has
    finished, so in a fresh threaded worker a second first request found no scripts registered (a 500). Any
    request runs the setup of all three apps; made here, every worker is forked already set up."""
    server.app.wsgi().test_client().get("/")
    gc.freeze()
