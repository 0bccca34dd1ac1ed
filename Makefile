# Two commands set up a fresh machine: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DAGSTER_PORT ?= 3000
export DAGSTER_HOME ?= $(CURDIR)/.dagster
export DO_NOT_TRACK := 1
# dagster-dbt looks for `dbt` on PATH when it prepares the project under `dagster dev`.
export PATH := $(CURDIR)/$(BIN):$(PATH)
export DAGSTER_DISABLE_TELEMETRY := 1

.PHONY: run test ui validate manifest dagster-home clean-data help

help:
	@echo "make run   — create .venv, materialize every asset over raw/ into data/warehouse.duckdb, print a summary"
	@echo "make test  — all tests (unit, integration, dbt build with its tests)"
	@echo "make ui    — Dagster UI on http://127.0.0.1:$(DAGSTER_PORT) (sensor and schedule on)"

# Install only when pyproject.toml changed since the last install.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

dagster-home:
	@mkdir -p "$(DAGSTER_HOME)"
	@cp orchestration/dagster_home/dagster.yaml "$(DAGSTER_HOME)/dagster.yaml"

manifest: $(STAMP)
	$(BIN)/python -c "from orchestration.dbt_manifest import ensure_manifest; ensure_manifest()"

run: $(STAMP) dagster-home
	$(BIN)/wenling run

test: $(STAMP) dagster-home manifest
	$(BIN)/python -m pytest

validate: $(STAMP) dagster-home manifest
	$(BIN)/dagster definitions validate -w workspace.yaml

ui: $(STAMP) dagster-home manifest
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $(DAGSTER_PORT)

clean-data:
	rm -rf data/ .dagster/
