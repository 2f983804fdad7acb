"""Issue 10: the kernels compiled ahead of time (analysis._ahead) give numba's files, load without numba, keep
every rounding, and are never taken from other sources than the ones they were built from.

``make`` builds them before the tests (``python -m ecosystem.analysis._ahead``); where the build could not be
made these tests are skipped, except in CI (``ECOSYSTEM_REQUIRE_AHEAD=1``, set by .ci/run), where a missing
build is a failure. The reference for every output is the same command with numba's just-in-time kernels
(``ECOSYSTEM_KERNELS=jit``), whose kernels the other test files check against their oracles.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, run_cli, write_region
from ecosystem.analysis import _compiled

BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture
def built():
    module = _compiled.ahead_of_time() if os.environ.get(_compiled.KERNELS_ENV) != "jit" else None
    if module is None:
        if os.environ.get("ECOSYSTEM_REQUIRE_AHEAD") == "1":
            pytest.fail("no ahead-of-time build of the kernels for these sources (make builds it)")
        pytest.skip("no ahead-of-time build of the kernels (python -m ecosystem.analysis._ahead makes it)")
    return module


def _files(region: Path, out: Path, monkeypatch, kernels: str | None) -> dict[str, bytes]:
    with monkeypatch.context() as m:
        if kernels is None:
            m.delenv(_compiled.KERNELS_ENV, raising=False)
        else:
            m.setenv(_compiled.KERNELS_ENV, kernels)
        result = run_cli("analyse", region, "--out", out)
    assert result.exit_code == 0, result.output
    folder = next(p for p in out.iterdir() if p.is_dir())
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _synthetic(folder: Path, n: int) -> Path:
    """A region of ``n`` actors in four groups and two arbeidsmarktregios, about five relations each."""
    rng = np.random.default_rng(3)
    groups = ["government", "employers", "education", "workers", "intermediaries"]
    types = ["collaboration", "governance", "funding", "delivery", "advice"]
    actors = [{"id": f"a{i:04d}", "name": f"Organisatie {i}", "group": groups[i % 5],
               "region": "Twente" if i % 2 else "Achterhoek"} for i in range(n)]
    pairs = set()
    while len(pairs) < 5 * n // 2:
        u, v = sorted(rng.choice(n, size=2, replace=False).tolist())
        pairs.add((u, v))
    relations = [{"source": f"a{u:04d}", "target": f"a{v:04d}", "type": types[(u * 7 + v) % 5],
                  "weight": int(1 + (u + v) % 3)} for u, v in sorted(pairs)]
    return write_region(folder, actors, relations)


@pytest.mark.parametrize("region", ["brabant", "synthetic"])
def test_every_output_is_the_same_with_the_build_and_with_numbas_kernels(built, region, tmp_path, monkeypatch):
    """Byte for byte, every file: the Brabant example, and 400 actors (above 300 the resamples' betweenness
    runs from pivots; the key players, the significance tests and the regions' analyses run in both)."""
    path = BRABANT if region == "brabant" else _synthetic(tmp_path / "synthetic", 400)
    ahead = _files(path, tmp_path / "ahead", monkeypatch, None)
    jit = _files(path, tmp_path / "jit", monkeypatch, "jit")
    assert ahead.keys() == jit.keys()
    for name in ahead:
        assert ahead[name] == jit[name], name


def test_an_analysis_with_the_build_imports_no_numba(built):
    """The point of the build: the analysing process neither imports numba nor loads its cache."""
    script = ("import sys\n"
              "from ecosystem.api import analyse_loaded, load\n"
              f"analyse_loaded(load({str(BRABANT)!r}), bootstrap=20, null_samples=10)\n"
              "print(sorted(m for m in ('numba', 'llvmlite') if m in sys.modules))\n")
    env = {k: v for k, v in os.environ.items() if k != _compiled.KERNELS_ENV}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**env, "ECOSYSTEM_WORKERS": "1"})
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_every_kernel_is_taken_from_the_build(built, monkeypatch):
    monkeypatch.delenv(_compiled.KERNELS_ENV, raising=False)
    for name in _compiled.KERNELS:
        assert _compiled.kernel(name) is getattr(built, name)
    monkeypatch.setenv(_compiled.KERNELS_ENV, "jit")
    for name in _compiled.KERNELS:
        assert type(_compiled.kernel(name)).__name__ == "CPUDispatcher"


def test_a_build_from_other_sources_is_never_taken(built, monkeypatch):
    """The build's name carries the hash of the sources it was compiled from: after any change to a kernel,
    the old build is not found, and numba's kernels (of the changed sources) run."""
    monkeypatch.delenv(_compiled.KERNELS_ENV, raising=False)
    monkeypatch.setattr(_compiled, "sources_key", lambda: "0" * 16)
    assert _compiled.ahead_of_time() is None
    assert type(_compiled.kernel("fit")).__name__ == "CPUDispatcher"


def test_the_sources_key_follows_every_kernel_source():
    here = Path(_compiled.__file__).resolve().parent
    named = {f"{m.lstrip('.').replace('.', '/')}.py" for m in _compiled.KERNELS.values()}
    assert named == {"_beta_quantile.py", "_path_search.py", "_hop_counts.py", "core_periphery/_pieces.py",
                     "core_periphery/_degree_swaps.py", "core_periphery/_continuous_search.py",
                     "core_periphery/_discrete_search.py"}
    assert all((here / name).exists() for name in named)
    assert re.fullmatch(r"[0-9a-f]{16}", _compiled.sources_key())


def test_the_builds_machine_code_fuses_no_multiply_add(built):
    """No fused multiply-add instruction anywhere in the build (it would round a * b + c once instead of twice,
    as numba's kernels never do: tests/test_core_periphery_fast.py checks theirs)."""
    code = subprocess.run(["objdump", "-d", "--no-show-raw-insn", built.__file__], capture_output=True, text=True,
                          check=True).stdout
    assert "path_sums" in code and re.search(r"\bv?mulsd\b", code)   # the kernels' floating-point code is read
    assert not re.search(r"\bv?fn?m(add|sub)\d", code)


def test_a_build_for_another_processor_is_never_taken(monkeypatch):
    """The build is compiled for the processor it is built on: on another one (other instruction set
    extensions) its name differs, so it is not found and numba's kernels run."""
    key = _compiled.sources_key()
    assert _compiled._processor()                       # this machine says what it is
    _compiled.sources_key.cache_clear()
    monkeypatch.setattr(_compiled, "_processor", lambda: b"flags\t: fpu sse sse2")
    other = _compiled.sources_key()
    monkeypatch.undo()
    _compiled.sources_key.cache_clear()
    assert other != key and _compiled.sources_key() == key


def test_a_build_by_another_compiler_is_never_taken(monkeypatch):
    """After numba or llvmlite is upgraded the old build is not found (numba's kernels, compiled by the new
    compiler, run until make builds again); reading their versions imports neither."""
    key = _compiled.sources_key()
    versions = _compiled._compiler()
    assert b"numba" in versions and b"llvmlite" in versions and b"version" in versions
    _compiled.sources_key.cache_clear()
    monkeypatch.setattr(_compiled, "_compiler", lambda: versions.replace(b"version", b"other version"))
    other = _compiled.sources_key()
    monkeypatch.undo()
    _compiled.sources_key.cache_clear()
    assert other != key and _compiled.sources_key() == key
