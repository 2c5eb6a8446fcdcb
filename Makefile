# Two commands for a fresh machine: `make run` and `make test`. Everything else is installed from here.
#
# `make run` installs Python packages (into .venv) and npm packages (the front end) only. The system packages
# the tests use (chromium, redis-server, postgresql) are installed by the test targets, from Debian, as root.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
RUN_STAMP := $(VENV)/.run-stamp
DEV_STAMP := $(VENV)/.dev-stamp
PIP_LOG := $(VENV)/pip.log
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Run a command with its output in $(PIP_LOG), shown only when it fails.
quietly = $(1) >$(PIP_LOG) 2>&1 || { cat $(PIP_LOG); echo "failed: $(1)"; exit 1; }

.PHONY: run install static widget test checks lint typecheck unit test-web test-suites test-sqlite test-postgres \
	test-package \
	system-deps demo bench md-oracle md-oracle-deps package container test-container clean

$(BIN)/python:
	@$(PYTHON) -m venv $(VENV)

$(RUN_STAMP): pyproject.toml setup.py | $(BIN)/python
	@echo "Installing Frontdesk and its Python packages into $(VENV) ..."
	@$(call quietly,$(BIN)/python -m pip install -e .)
	@touch $@

$(DEV_STAMP): $(RUN_STAMP)
	@echo "Installing the test and lint tools into $(VENV) ..."
	@$(call quietly,$(BIN)/python -m pip install -e '.[dev]')
	@touch $@

# The front end under src/frontdesk/static/ (git-ignored): the widget and Swagger UI from npm, the desk
# from web/ when it exists. Quick when nothing changed.
static:
	@$(PYTHON) scripts/build_static.py

widget: static

install: $(RUN_STAMP) static

run: install
	@mkdir -p data
	$(BIN)/frontdesk serve

demo: install
	$(BIN)/frontdesk demo --rooms $(or $(ROOMS),10000)

# Lint, types, the desk's unit tests, the whole suite on SQLite and on a throwaway PostgreSQL cluster, then the
# wheel in a clean venv.
test: checks test-suites

# What does not need a database, side by side (each mostly waits or uses one core): ~50 s, not ~80.
checks: $(DEV_STAMP) static
	@$(MAKE) --no-print-directory -j3 --output-sync=target lint typecheck test-web test-package

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests bench scripts setup.py
	$(BIN)/ruff format --check src tests bench scripts setup.py
	$(BIN)/lint-imports

typecheck: $(DEV_STAMP)
	$(BIN)/mypy

unit: test-sqlite

# Both databases' suites at once: much of a test's time is waiting (browsers, servers, sockets), so the two
# runs share 2 cores well (21.8 min one after the other on a fresh clone here). Each run's output is printed
# whole when it ends. (Three runs -- the API tests per database and the browser tests apart -- were ~4 min
# faster, but a widget test failed twice when the browser tests ran without the rest before them: not yet
# understood, so not used.)
test-suites: $(DEV_STAMP) static system-deps md-oracle-deps
	@$(MAKE) --no-print-directory -j2 --output-sync=target test-sqlite test-postgres

test-sqlite: $(DEV_STAMP) static system-deps md-oracle-deps
	env -u TEST_DATABASE_URL $(BIN)/pytest

test-postgres: $(DEV_STAMP) static system-deps md-oracle-deps
	bash scripts/with-postgres.sh $(BIN)/pytest

# The desk's unit tests (vitest, in web/); `static` built the desk with web/'s npm packages.
test-web: static
	@test -f web/node_modules/.package-lock.json || (cd web && npm ci --no-audit --no-fund --loglevel=error)
	cd web && npm test --silent

# Build the wheel (`python -m build`), install it into a new venv, serve from another directory.
test-package: $(DEV_STAMP)
	$(BIN)/python scripts/test_package.py

# chromium for the browser tests, redis-server for multi-process fan-out (postgresql: scripts/with-postgres.sh),
# fonts-noto-color-emoji for the desk's screenshots (docs/desk-*.png show emoji as chromium draws them).
EMOJI_FONT := /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
system-deps:
	@if ! command -v chromium >/dev/null || ! command -v redis-server >/dev/null || [ ! -f $(EMOJI_FONT) ]; then \
		if [ "$$(id -u)" -eq 0 ]; then \
			echo "Installing chromium, redis-server and fonts-noto-color-emoji from Debian ..."; \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium redis-server \
				fonts-noto-color-emoji) \
				>/dev/null || echo "warning: apt-get failed: the browser and Redis tests will be skipped"; \
		else \
			echo "warning: not root, chromium/redis-server not installed: their tests will be skipped"; \
		fi; \
	fi

package: $(DEV_STAMP)
	$(BIN)/python -m build --outdir dist

# Needs a container engine (podman or docker); see Containerfile and compose.yaml.
container:
	$(or $(shell command -v podman || command -v docker),podman) build -f Containerfile -t frontdesk .

# Build and run the image with podman (as root). Not in `make test`: this machine reaches no container
# registry; STANDINS=1 builds look-alike base images from Debian first (see the script).
test-container:
	bash scripts/test_container.sh

bench: install
	$(BIN)/python bench/rooms_latency.py --rooms $(or $(ROOMS),100000)

# The real @rocket.chat/message-parser for tests/markdown/test_oracle_fuzz.py (skipped without node).
md-oracle-deps:
	@if command -v npm >/dev/null && [ ! -d scripts/md_oracle/node_modules/@rocket.chat/message-parser ]; then \
		cd scripts/md_oracle && npm ci --no-audit --no-fund; \
	fi

# Regenerate the extra markdown corpus with the real @rocket.chat/message-parser (the judge of `md`).
md-oracle: md-oracle-deps
	node scripts/md_oracle/oracle.mjs < tests/markdown/data/extra-inputs.jsonl > tests/markdown/data/extra-corpus.jsonl

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache dist build src/frontdesk/static
