# Two commands for users: `make run` and `make test`. Everything else is set up on the way.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 7860
DEMO_WORKSPACE ?= .demo-workspace
export GRADIO_ANALYTICS_ENABLED := False
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: install run test lint unit browser bench clean

install: $(STAMP)

# torch first, pinned to the CPU build this machine carries: an unpinned torch pulls CUDA (GBs).
$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet torch==2.13.0
	$(PIP) install --quiet -e '.[st,dev]'
	touch $(STAMP)

# Debian's Chromium for the end-to-end tests (Playwright drives /usr/bin/chromium).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	fi

run: $(STAMP)
	$(PY) app.py --demo --workspace $(DEMO_WORKSPACE) --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(VENV)/bin/ruff check recommender tests benchmarks app.py models
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

# The fast tier: no real model, browser, other process or database server, and a quarter
# of the fuzzing examples (make test runs everything).
unit: $(STAMP)
	TANDEM_FUZZ_SHARE=0.25 $(PY) -m pytest -m "not slow and not e2e and not subprocess and not postgres" -q

# The store's tests run on SQLite and on a throw-away PostgreSQL server (Debian's postgresql,
# installed if missing), started and stopped by tests/with_postgres.sh, also on failure.
test: $(STAMP) browser lint
	tests/with_postgres.sh $(PY) -m pytest

bench: $(STAMP)
	$(PY) benchmarks/bench_embed.py
	$(PY) benchmarks/bench_pairing.py --sizes 1000 10000
	$(PY) benchmarks/bench_pairing_api.py --sizes 1000 4000 10000
	$(PY) benchmarks/bench_quality.py
	$(PY) benchmarks/bench_text_limits.py

clean:
	rm -rf $(VENV) $(DEMO_WORKSPACE) .pytest_cache .mypy_cache .ruff_cache tests/artifacts
