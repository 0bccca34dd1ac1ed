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

.PHONY: run test ui validate manifest dagster-home clean-data help docs report rerun train-ner bench

help:
	@echo "make run   — create .venv, materialize every asset over raw/ into data/warehouse.duckdb, print a summary"
	@echo "make test  — all tests (unit, integration, dbt build with its tests)"
	@echo "make ui    — Dagster UI on http://127.0.0.1:$(DAGSTER_PORT) (sensor and schedule on)"
	@echo "make docs  — dbt docs of the warehouse as one static page (dbt_project/target/docs/static_index.html)"
	@echo "make report — rewrite data/report/index.html from the warehouse (runs write it themselves)"
	@echo "make bench — full-build and one-new-issue timings over synthetic archives of 1,000 and 3,000 issues (BENCH_ARGS=...)"

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

# .ci/system-packages installs the Debian packages the browser tests need (Chromium, CJK fonts)
# when they are missing; where it cannot, those tests fail and say what to run.
test: $(STAMP) dagster-home manifest
	@.ci/system-packages
	$(BIN)/python -m pytest

validate: $(STAMP) dagster-home manifest
	$(BIN)/dagster definitions validate -w workspace.yaml

ui: $(STAMP) dagster-home manifest
	$(BIN)/dagster dev -w workspace.yaml -h 127.0.0.1 -p $(DAGSTER_PORT)

# dbt docs over a copy of the published warehouse (make run first); static, opens offline.
docs: $(STAMP) manifest
	$(BIN)/python -m orchestration.dbt_docs

report: $(STAMP)
	$(BIN)/wenling report

# One issue file again, through every stage to a published warehouse: make rerun FILE="name.txt"
# (its partition must be known: the sensor or `make run` has seen the file).
rerun: export WENLING_RERUN_FILE = $(FILE)
rerun: $(STAMP) dagster-home manifest
	@test -n "$$WENLING_RERUN_FILE" || { echo 'usage: make rerun FILE="name under raw/"'; exit 2; }
	$(BIN)/dagster job execute -m orchestration.definitions -a defs -j issue_pipeline --tags "$$($(BIN)/python -c \
		'import json, os; print(json.dumps({"dagster/partition": os.environ["WENLING_RERUN_FILE"]}))')"

# The CRF entity tagger of `wenling ner` (not part of `make test`; a few minutes on 2 cores):
# character clusters + model from CLUENER's training split minus its held-out fold (md5(text) % 5 == 0),
# written to orchestration/textmine/ner/{lexicon,models}/; the held-out fold to data/ner_heldout.json for
#   python ../shared/eval/ner_score.py --cmd "$(BIN)/wenling ner" --data data/ner_heldout.json
CLUENER ?= ../shared/benchmarks/cluener/train.json
train-ner: $(STAMP)
	$(BIN)/python -m orchestration.textmine.ner.train --data $(CLUENER) \
		--out orchestration/textmine/ner/models/ner_crf.crfsuite --heldout-out data/ner_heldout.json --eval

clean-data:
	rm -rf data/ .dagster/

# Full-build, incremental (and with BENCH_ARGS=--unattended, sensor) timings over synthetic
# archives in a temporary directory; a table on stdout, JSON under benchmarks/results/.
BENCH_ARGS ?= --sizes 1000 3000
bench: $(STAMP) manifest
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)
