# Two commands for a fresh machine: `make run` and `make test`. Everything else is installed from here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint typecheck unit test-sqlite test-postgres demo bench md-oracle clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	mkdir -p data
	$(BIN)/frontdesk serve

# The whole suite on SQLite, then on a throwaway PostgreSQL cluster (installed from Debian if missing).
test: lint typecheck test-sqlite test-postgres

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

unit: test-sqlite

test-sqlite: $(STAMP)
	env -u TEST_DATABASE_URL $(BIN)/pytest

test-postgres: $(STAMP)
	bash scripts/with-postgres.sh $(BIN)/pytest

demo: $(STAMP)
	$(BIN)/frontdesk demo --rooms $(or $(ROOMS),10000)

bench: $(STAMP)
	$(BIN)/python bench/rooms_latency.py --rooms $(or $(ROOMS),100000)

# Regenerate the extra markdown corpus with the real @rocket.chat/message-parser (the judge of `md`).
md-oracle:
	cd scripts/md_oracle && npm ci --no-audit --no-fund
	node scripts/md_oracle/oracle.mjs < tests/markdown/data/extra-inputs.jsonl > tests/markdown/data/extra-corpus.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache

# Realtime: the official visitor widget (npm, installed into git-ignored var/widget, never committed) and the
# Debian packages its tests use (chromium for the browser tests, redis-server for multi-process fan-out).
WIDGET_VERSION := 1.13.3
WIDGET_DIR := var/widget
WIDGET := $(WIDGET_DIR)/node_modules/@rocket.chat/livechat/build/index.html

.PHONY: widget system-deps

$(STAMP): | $(WIDGET) system-deps

$(WIDGET):
	mkdir -p $(WIDGET_DIR)
	npm install --prefix $(WIDGET_DIR) --no-save --no-package-lock --no-audit --no-fund --ignore-scripts \
		@rocket.chat/livechat@$(WIDGET_VERSION)
	test -f $@ && touch $@

widget: $(WIDGET)

system-deps:
	@command -v redis-server >/dev/null && command -v chromium >/dev/null || \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server chromium) || \
		echo "warning: redis-server/chromium not installed: the Redis and browser tests will be skipped"
