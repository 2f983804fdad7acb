# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz bench bench-map clean

# The install writes the package's bytecode: an editable install leaves it to the first import, and where
# PYTHONDONTWRITEBYTECODE is set (as on the CI machine) every run would compile the source again.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q src
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ecosystem analyse brabant/

test: $(STAMP)
	$(BIN)/python -m pytest

# Property-based fuzzing of CSV and XLSX content: 3,000 generated regions per format (about 45 minutes).
fuzz: $(STAMP)
	$(BIN)/python -m pytest tests/test_hostile_inputs_fuzz.py --hypothesis-profile=fuzz -q

bench: $(STAMP)
	$(BIN)/python bench/bench.py

bench-map: $(STAMP)
	$(BIN)/python bench/bench_map.py --pipeline

clean:
	rm -rf $(VENV) outputs/*/
