# Reelarr: `make run` serves the app on http://localhost:7878; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := run

PYTHON ?= python3
UV_VERSION ?= 0.13.9
TOOLS := .tools
UV := $(shell command -v uv 2>/dev/null || echo $(TOOLS)/bin/uv)
VENV := .venv
# pytest workers (pytest-xdist); each test file runs whole on one worker, so its shared server and browser start once.
# Three on two cores: a third of the suite is waiting (servers, clients, browsers), and a third worker fills it
# (26 min against 33 on this 2-core host).
TEST_WORKERS ?= 3
UI_STAMP := src/reelarr/web/index.html
UI_SOURCES := $(shell find frontend/src frontend/scripts frontend/index.html frontend/package.json frontend/vite.config.ts frontend/tsconfig*.json -type f 2>/dev/null)
# Debian packages the tests drive for real (browser, download clients, media tools).
TEST_DEB_PACKAGES ?= chromium ffmpeg qbittorrent-nox transmission-daemon deluged deluge-web rtorrent nzbget inn2
# pyarr 6 needs Python >= 3.12 (the project runs on 3.11): its own venv, from pyenv's or the system's.
PYARR6_VENV := $(TOOLS)/pyarr6
PY312 ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/3.1[2-9]*/bin/python3) $(shell command -v python3.13 python3.12 2>/dev/null))

.PHONY: run test setup deps ui lint typecheck test-deps clean bench-parser bench-movies bench-customformats bench-decisions bench-cli

run: setup
	$(VENV)/bin/reelarr serve

setup: deps ui

$(TOOLS)/bin/uv:
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet "uv==$(UV_VERSION)"

# Bytecode is compiled ahead: where PYTHONDONTWRITEBYTECODE is set (as on CI), every process would
# otherwise compile what it imports again, ~2 s of CPU per server start and per CLI call.
deps: $(UV)
	$(UV) sync --frozen --python 3.11
	$(VENV)/bin/python -m compileall -q -j 0 $(VENV)/lib src tests bench

ui: $(UI_STAMP)

$(UI_STAMP): $(UI_SOURCES) frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run build

test-deps: $(PYARR6_VENV)/bin/pyarr6-ready
	@missing=""; for p in $(TEST_DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages:$$missing"; \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null \
			|| dpkg-query -W -f='$${Status}' inn2 2>/dev/null | grep -q half-configured; \
	fi
	@# inn2's postinst fails when the host name has no domain: give it one (tests run their own INN).
	@if dpkg-query -W -f='$${Status}' inn2 2>/dev/null | grep -q half-configured; then \
		SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
		$$SUDO sed -i 's/^#domain:.*/domain: test.local/' /etc/news/inn.conf && $$SUDO dpkg --configure inn2 >/dev/null; \
	fi
	@pg_isready -q -h 127.0.0.1 -p 5432 || { echo "Starting PostgreSQL"; pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start; }

$(PYARR6_VENV)/bin/pyarr6-ready: tests/clients/pyarr6/requirements.txt | $(UV)
	@test -n "$(PY312)" || { echo "pyarr 6's tests need Python >= 3.12 (set PY312=/path/to/python3.12)"; exit 1; }
	$(UV) venv --quiet --allow-existing --python $(PY312) $(PYARR6_VENV)
	$(UV) pip install --quiet --python $(PYARR6_VENV)/bin/python -r tests/clients/pyarr6/requirements.txt
	touch $@

test: setup test-deps
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench
	$(VENV)/bin/mypy
	cd frontend && npm test --silent
	$(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadfile

lint:
	$(VENV)/bin/ruff check src tests bench
	$(VENV)/bin/ruff format --check src tests bench

typecheck:
	$(VENV)/bin/mypy

bench-parser: $(UV)
	$(UV) run --frozen --group bench python bench/parser/bench.py

# BENCH_ARGS="--postgres" times the same library on the local PostgreSQL.
bench-movies: $(UV)
	$(UV) run --frozen python bench/movies/bench.py $(BENCH_ARGS)

bench-customformats: $(UV)
	$(UV) run --frozen python bench/customformats/bench.py $(BENCH_ARGS)

# BENCH_ARGS="--postgres" runs the same on the local PostgreSQL.
bench-decisions: $(UV)
	PYTHONPATH=.:bench/movies $(UV) run --frozen python bench/decisions/bench.py $(BENCH_ARGS)

# How long import-radarr holds SQLite's write lock for 10,000 films (issue 13).
.PHONY: bench-radarrimport
bench-radarrimport: $(UV)
	PYTHONPATH=. $(UV) run --frozen python bench/radarrimport/bench.py $(BENCH_ARGS)

# Concurrent readers (issue 9, item 5); BENCH_ARGS="--postgres" runs the same on the local PostgreSQL.
.PHONY: bench-load
bench-load: $(UV)
	PYTHONPATH=bench/movies $(UV) run --frozen python bench/load/bench.py $(BENCH_ARGS)

# Completion to import (issue 11); BENCH_ARGS="--postgres" runs the same on the local PostgreSQL.
.PHONY: bench-imports
bench-imports: $(UV)
	PYTHONPATH=.:bench/movies $(UV) run --frozen python bench/imports/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(TOOLS) frontend/node_modules src/reelarr/web

bench-cli: deps
	$(VENV)/bin/python bench/cli/bench.py $(BENCH_ARGS)
