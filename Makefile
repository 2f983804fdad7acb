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

# The compiled kernels built ahead of time (src/ecosystem/analysis/_ahead.py): an analysis then needs neither
# numba's import nor its cache (0.25-0.3 CPU s of a Brabant run, issue 10). The build is named after its
# sources' hash, so a stale one is never used; it takes about 20 s once per change of the kernels, and where it
# cannot be made the analysis compiles the kernels with numba as before (the command says why, make goes on).
KERNELS := $(VENV)/.kernels
$(KERNELS): $(BYTECODE)
	$(BIN)/python -m ecosystem.analysis._ahead
	touch $(KERNELS)

run: $(KERNELS)
	$(BIN)/ecosystem analyse brabant/

test: $(KERNELS)
	$(BIN)/python -m pytest

# Property-based fuzzing of CSV and XLSX content: 3,000 generated regions per format (about 45 minutes).
fuzz: $(KERNELS)
	$(BIN)/python -m pytest tests/test_hostile_inputs_fuzz.py --hypothesis-profile=fuzz -q

bench: $(KERNELS)
	$(BIN)/python bench/bench.py

bench-map: $(KERNELS)
	$(BIN)/python bench/bench_map.py --pipeline

clean:
	rm -rf $(VENV) outputs/*/ src/ecosystem/analysis/_kernels_*.so
