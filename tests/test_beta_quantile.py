"""The compiled Beta quantiles (analysis._beta_quantile) behind the Clopper-Pearson intervals.

Checked against scipy's ``betaincinv`` (Boost's inverse incomplete beta, an independent
implementation), against the closed forms at k = 0 and k = n, and against the binomial
tails they invert, summed exactly in rational arithmetic. And: an analysing process
imports neither scipy.linalg (numba's BLAS probe, answered "absent") nor scipy.special.
"""
from __future__ import annotations

import os
import subprocess
import sys
from fractions import Fraction
from math import comb

import numpy as np
import pytest
from scipy.special import betaincinv

from conftest import ROOT
from ecosystem.analysis._beta_quantile import beta_quantiles
from ecosystem.analysis.stability import clopper_pearson_interval

TAIL = 0.025


@pytest.mark.parametrize("n", [1, 2, 5, 17, 25, 60, 100, 101, 150])
def test_every_bound_of_k_of_n_is_scipys(n):
    k = np.arange(n + 1)
    low, high = clopper_pearson_interval(k, np.full(n + 1, n))
    want_low = np.where(k > 0, betaincinv(np.maximum(k, 1), n - k + 1, TAIL), 0.0)
    want_high = np.where(k < n, betaincinv(k + 1, np.maximum(n - k, 1), 1 - TAIL), 1.0)
    np.testing.assert_allclose(low, want_low, rtol=1e-11, atol=0)
    np.testing.assert_allclose(high, want_high, rtol=1e-11, atol=0)


@pytest.mark.parametrize("n", [1000, 10_000])
def test_large_numbers_of_resamples_are_scipys_too(n):
    k = np.array([1, 2, n // 100, n // 2, n - n // 100, n - 1])
    a, b = k.astype(float), (n - k + 1).astype(float)
    np.testing.assert_allclose(beta_quantiles(a, b, TAIL), betaincinv(a, b, TAIL), rtol=1e-9)
    np.testing.assert_allclose(beta_quantiles(a, b, 1 - TAIL), betaincinv(a, b, 1 - TAIL), rtol=1e-9)


@pytest.mark.parametrize("n", [1, 3, 25, 100, 999])
def test_unanimous_counts_have_their_closed_forms(n):
    """k = n: the lower bound solves x^n = tail; k = 0: the upper bound solves (1 - x)^n = tail."""
    low, high = clopper_pearson_interval(np.array([n, 0]), np.array([n, n]))
    assert low[0] == pytest.approx(TAIL ** (1 / n), rel=1e-13) and high[0] == 1.0
    assert high[1] == pytest.approx(1 - TAIL ** (1 / n), rel=1e-12) and low[1] == 0.0


@pytest.mark.parametrize("k, n", [(1, 10), (4, 5), (37, 100), (85, 100), (99, 100)])
def test_bounds_invert_the_binomial_tails(k, n):
    """At the lower bound P(X >= k) is the tail, at the upper bound P(X <= k): summed exactly."""
    low, high = (float(b[0]) for b in clopper_pearson_interval(np.array([k]), np.array([n])))

    def at_least(j: int, p: float) -> float:
        x = Fraction(p)
        return float(sum(comb(n, i) * x ** i * (1 - x) ** (n - i) for i in range(j, n + 1)))

    assert at_least(k, low) == pytest.approx(TAIL, rel=1e-11)
    assert 1 - at_least(k + 1, high) == pytest.approx(TAIL, rel=1e-10)


def test_shapes_and_empty_counts():
    """Any shape of counts; NaN where there are no trials; each distinct count computed once, same answer."""
    k = np.array([[0, 3], [3, 0]])
    n = np.array([[0, 10], [10, 4]])
    low, high = clopper_pearson_interval(k, n)
    assert low.shape == high.shape == (2, 2)
    assert np.isnan(low[0, 0]) and np.isnan(high[0, 0])
    assert low[0, 1] == low[1, 0] and high[0, 1] == high[1, 0]
    assert low[1, 1] == 0.0 and high[1, 1] == pytest.approx(1 - TAIL ** 0.25, rel=1e-12)
    with pytest.raises(ValueError):
        clopper_pearson_interval(5, 4)


def test_an_analysing_process_imports_neither_scipy_linalg_nor_special():
    """The kernels load without numba's BLAS probe importing scipy.linalg, the intervals need no scipy.special
    (0.2-0.3 CPU s per run, issue 10), and scipy.linalg still imports afterwards."""
    script = (
        "import sys\n"
        "from ecosystem.api import load, analyse_loaded\n"
        f"analyse_loaded(load({str(ROOT / 'regions' / 'brabant')!r}), bootstrap=5, null_samples=2)\n"
        "heavy = sorted(m for m in sys.modules if m in ('scipy.linalg', 'scipy.special'))\n"
        "import scipy.linalg.cython_blas\n"
        "print(heavy)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          env={**os.environ, "ECOSYSTEM_WORKERS": "1"}, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
