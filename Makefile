# The two commands of the README: `make run` and `make test`.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed

.PHONY: run test install install-test lint unit bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

install: $(BIN)/python
	$(BIN)/pip install -q -e .

install-test: $(BIN)/python
	bash scripts/install-system.sh
	$(BIN)/pip install -q -e '.[test]'
	cd web && npm ci --no-audit --no-fund --loglevel=error

## Build the graph from data/filings and serve it on http://127.0.0.1:8000/
run: install
	cd web && npm ci --no-audit --no-fund --loglevel=error
	$(BIN)/budgetkg build
	$(BIN)/budgetkg serve

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

unit:
	$(BIN)/pytest

## Install everything the tests need (apt, pip, npm), lint, type-check and run every test
test: install-test lint unit

bench: install
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) data/build web/node_modules
