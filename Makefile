# The README's quick start: `make serve` and `make test`. Both set up .venv first; `make test`
# first checks for (and as root installs) the browser the browser tests drive.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LEDGER ?= main.beancount
# The demo lives in this code repository: Fava's auto-commit (`git commit -a`) would commit a
# developer's work with each edit. Other ledgers get their audit trail.
SERVE_FLAGS ?= $(if $(filter main.beancount,$(LEDGER)),--no-auto-commit,)
# Beancount's pickle cache ignores changes to plugin code: never use it here.
export BEANCOUNT_DISABLE_LOAD_CACHE := 1

.PHONY: setup serve test lint bench clean system-test

setup: $(STAMP)

# On a fresh machine: what the system lacks is installed as root (apt), or make stops at once
# with the one command to run (.ci/system-packages).
$(STAMP): pyproject.toml
	.ci/system-packages setup
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mch-ledger serve $(LEDGER) $(SERVE_FLAGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

system-test:
	.ci/system-packages test

test: system-test $(STAMP) lint
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
