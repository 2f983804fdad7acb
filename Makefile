# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz bench bench-map clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The package's bytecode, written again whenever a source file changed: an editable install leaves it to
# the first import, and where PYTHONDONTWRITEBYTECODE is set (as on the CI machine) every run would
# compile the changed source again (0.06 CPU s of a Brabant run after a few edits, issue 10).
BYTECODE := $(VENV)/.bytecode
$(BYTECODE): $(STAMP) $(shell find src -name '*.py')
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q src
	touch $(BYTECODE)

run: $(BYTECODE)
	$(BIN)/ecosystem analyse brabant/

test: $(BYTECODE)
	$(BIN)/python -m pytest

# Property-based fuzzing of CSV and XLSX content: 3,000 generated regions per format (about 45 minutes).
fuzz: $(BYTECODE)
	$(BIN)/python -m pytest tests/test_hostile_inputs_fuzz.py --hypothesis-profile=fuzz -q

bench: $(BYTECODE)
	$(BIN)/python bench/bench.py

bench-map: $(BYTECODE)
	$(BIN)/python bench/bench_map.py --pipeline

clean:
	rm -rf $(VENV) outputs/*/
