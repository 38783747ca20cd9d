# Crashboard. Two commands set everything up on a fresh Debian machine:
#   make run    create .venv, install, validate the data, serve at http://$(HOST):$(PORT)
#   make test   install the test extra (+ chromium/chromium-driver and nginx when missing) and run every test, headless
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
HOST   ?= 127.0.0.1
PORT   ?= 8050
PYTEST_ARGS ?=

OUT    ?= export-out
EXPORT_ARGS ?=

.PHONY: run serve test lint soak bench validate browser-deps server-deps screenshot export clean help

help:
	@sed -n '2,4p' Makefile

$(PY):
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && \
	    rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); \
	  else echo "Cannot create $(VENV): install python3-venv (sudo apt-get install python3-venv)"; exit 1; fi; }
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	@$(PY) app.py validate || echo "Some data files were rejected (above); serving the rest."
	$(PY) app.py serve --host $(HOST) --port $(PORT)

# Production: nginx on $(HOST):$(PORT) (loopback unless HOST is given: make serve HOST=0.0.0.0) in front of
# gunicorn, $(WORKERS) worker processes (one per core) of $(THREADS) threads each, on a Unix socket. RUN_DIR holds
# the socket and pid files (default: a new folder under /tmp); GUNICORN_ARGS adds gunicorn flags.
# See README, "Serving in production".
WORKERS ?= 2
THREADS ?= 4
GUNICORN_ARGS ?=
RUN_DIR ?=
serve: $(VENV)/.installed server-deps
	@$(PY) app.py validate >/dev/null || echo "Some data files were rejected (run make validate); serving the rest."
	CRASHBOARD_WORKERS=$(WORKERS) CRASHBOARD_THREADS=$(THREADS) \
	  $(PY) -m web.serve --host $(HOST) --port $(PORT) $(if $(RUN_DIR),--run-dir $(RUN_DIR)) -- $(GUNICORN_ARGS)

# nginx, the front end that holds slow clients (Debian's package; /usr/sbin is not on a normal user's PATH).
server-deps:
	@if ! command -v nginx >/dev/null 2>&1 && ! [ -x /usr/sbin/nginx ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing nginx..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; \
	  else \
	    echo "make serve runs nginx in front of gunicorn. Install it with:"; \
	    echo "    sudo apt-get install nginx"; \
	    exit 1; \
	  fi; \
	fi

validate: $(VENV)/.installed
	$(PY) app.py validate

# Browser tests drive Debian's Chromium through chromedriver (selenium <= 4.2 cannot fetch a driver itself).
# A small CJK font (WenQuanYi Micro Hei, 1.6 MB) lets Chromium draw the Chinese labels in screenshots.
BROWSER_PACKAGES := chromium chromium-driver fonts-wqy-microhei
browser-deps:
	@if ! command -v chromedriver >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing $(BROWSER_PACKAGES)..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES); \
	  elif ! command -v chromedriver >/dev/null 2>&1; then \
	    echo "Browser tests need Chromium and ChromeDriver on PATH. Install them with:"; \
	    echo "    sudo apt-get install $(BROWSER_PACKAGES)"; \
	    exit 1; \
	  else \
	    echo "No CJK font: Chinese labels will show as boxes in screenshots (sudo apt-get install fonts-wqy-microhei)."; \
	  fi; \
	fi

test: $(VENV)/.installed-test browser-deps server-deps lint
	$(PY) -m pytest --headless $(PYTEST_ARGS)

# ruff (configured in pyproject.toml): lint and formatting, both checked by make test.
lint: $(VENV)/.installed-test
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

# Only the load and fault tests (gunicorn on loopback); make test runs them too.
soak: $(VENV)/.installed-test server-deps
	$(PY) -m pytest tests/soak $(PYTEST_ARGS)

# Performance against the framework floor (README, "Performance"): prints a table, writes $(BENCH_OUT)/report.json.
BENCH_OUT ?= bench-out
BENCH_ARGS ?=
bench: $(VENV)/.installed-test browser-deps server-deps
	$(PY) benchmarks/run.py --out $(BENCH_OUT) $(BENCH_ARGS)

# The README's picture of the dashboard, drawn by the app in headless Chromium.
screenshot: $(VENV)/.installed-test browser-deps
	$(PY) scripts/screenshot.py --out docs/dashboard.png --width 1440 --height 900
	$(PY) scripts/screenshot.py --out docs/phone.png --width 390 --height 844
	$(PY) scripts/screenshot.py --out docs/presenter.png --path present/ --width 1600 --max-height 1000 \
	  --query '?story=feb-2026-crash-story&slide=3' 

# Every chart as offline HTML, PNG, SVG, CSV and a sources note, for wikis that allow no iframes (README).
export: $(VENV)/.installed browser-deps
	$(PY) app.py export --out $(OUT) $(EXPORT_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
