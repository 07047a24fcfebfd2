# Two commands do all set-up: `make run` and `make test`. The venv is built from the hashed lock
# (requirements.lock.txt, no index URLs) with a pinned uv, so it installs from whatever mirror pip uses.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
# Bytecode compiled at install: uv does not by default, and where PYTHONDONTWRITEBYTECODE is set nothing
# ever writes it, so every process compiled Prefect, pandas, dask and spaCy from source (measured: the
# flow's imports + model 11.6 -> 5.6 s, a Dask worker's `import distributed` 7.3 -> 3.0 s, pandera's lazy
# `import dask.dataframe` inside the first table build 4.4 -> 1.8 s). The flags are part of the stamp,
# so changing them re-runs the install.
UV_SYNC_FLAGS := --compile-bytecode
STAMP := $(VENV)/.installed-$(shell (cat requirements.lock.txt pyproject.toml; echo $(UV_SYNC_FLAGS)) | sha256sum | cut -c1-12)
SOURCE ?= seeds
WAREHOUSE ?= warehouse

# Prefect runs ephemeral (no server to start) with its state inside the project; analytics off because
# the machine is offline, and a long start-up timeout because a fresh database migrates for ~20 s.
export PREFECT_HOME ?= $(CURDIR)/.prefect
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS ?= 180
export PREFECT_LOGGING_LEVEL ?= WARNING

.PHONY: setup browser run test lint eval bench report clean

setup: $(STAMP)

$(STAMP): requirements.lock.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip sync --quiet $(UV_SYNC_FLAGS) --python $(BIN)/python requirements.lock.txt
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps --no-build-isolation -e .
	rm -f $(VENV)/.installed-*
	touch $@

run: $(STAMP)
	$(BIN)/aidebate-etl run --source $(SOURCE) --warehouse $(WAREHOUSE)

# The report's browser test drives Debian's chromium (playwright's own browser download needs the
# internet). CI runs as root on Debian, so it is installed here; on a machine where we are not root
# the test skips and says why.
browser:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing Debian's chromium for the report's browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "chromium is not installed and this is not root: the report's browser test will be skipped" \
			"(sudo apt-get install chromium)"; \
	fi

test: $(STAMP) browser
	$(BIN)/ruff check src flows tests
	$(BIN)/pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src flows tests
	$(BIN)/ruff format --check src flows tests

eval: $(STAMP)
	$(BIN)/python -m aidebate_etl.evaluation

bench: $(STAMP)
	$(BIN)/python -m aidebate_etl.benchmark

report: $(STAMP)
	$(BIN)/aidebate-etl report --warehouse $(WAREHOUSE)

clean:
	rm -rf $(WAREHOUSE)/parquet $(WAREHOUSE)/*.duckdb* $(WAREHOUSE)/runs .prefect
