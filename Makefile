# factdesk: two entry points a newcomer needs (see README.md).
#   make run   install the application into .venv, load the demo corpus into the
#              demo database (apart from your own), open factdesk on it
#   make test  install the application and its development tools into .venv,
#              then lint, type-check, layer-check and test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Two stamps: `make run` needs the runtime dependencies only; the development
# extras (pytest, mypy, pywb, quantulum3…) cost minutes a newcomer need not wait.
RUNTIME := $(VENV)/.runtime-stamp
DEV     := $(VENV)/.dev-stamp

.PHONY: run test lint typecheck layers pytest clean

$(BIN)/python:
	$(PYTHON) scripts/bootstrap_venv.py $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $(RUNTIME)

$(DEV): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(RUNTIME) $(DEV)

run: $(RUNTIME)
	$(BIN)/factdesk demo --open

test: lint typecheck layers pytest

lint: $(DEV)
	$(BIN)/ruff check .

typecheck: $(DEV)
	$(BIN)/mypy

layers: $(DEV)
	$(BIN)/lint-imports

pytest: $(DEV)
	$(BIN)/pytest -n 2 -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
