"""Compiled Beta quantiles: the bounds of the Clopper-Pearson interval (:func:`.stability.clopper_pearson_interval`).

Why compiled, and not ``scipy.special.betaincinv``: the quantiles are needed where the
resamples are summarised, in the analysing processes, and importing scipy there cost
0.2-0.3 CPU s per run (scipy 1.17's array-API layer imports half of numpy's submodules),
a tenth of the Brabant example's whole run (issue 10). numba is loaded in those processes
already (:func:`.._compiled.load_kernels`), and the quantiles of a few hundred intervals take
well under a millisecond here.

Method: the regularised incomplete beta function ``I_x(a, b)`` from its continued fraction,
evaluated by the modified Lentz method on the side of ``x`` where it converges fast (and
``1 - I_{1-x}(b, a)`` on the other) [1]_; the quantile by bisection of ``[0, 1]`` down to two
adjacent floating-point numbers. Bisection cannot fail to converge (``I_x`` increases in
``x``), and each step compares with the target on the side that was computed directly, so the
sign is right wherever the function's own error allows. Where the prefactor
``x^a (1 - x)^b / B(a, b)`` comes from ``lgamma`` of large arguments, its relative error grows with
``a + b`` (about 1e-13 at 100 resamples); tests/test_beta_quantile.py checks the quantiles against
scipy's, the closed forms at ``k = 0`` and ``k = n``, and the binomial tails they invert.

References
----------
.. [1] Press, W. H., Teukolsky, S. A., Vetterling, W. T. & Flannery, B. P. (2007). Numerical
   Recipes, 3rd ed., section 6.4 (incomplete beta function). Cambridge University Press.
.. [2] Clopper, C. J., & Pearson, E. S. (1934). The use of confidence or fiducial limits
   illustrated in the case of the binomial. Biometrika 26(4), 404-413.
"""
from __future__ import annotations

import math

import numpy as np
from numba import njit, types

from ._compiled import cached_njit

_EPS = 2.220446049250313e-16      # machine epsilon: the continued fraction stops when a step changes less
_TINY = 1e-300                    # Lentz's guard against a zero denominator
_MAX_TERMS = 100_000              # the fraction converges in O(sqrt(max(a, b))) terms; this is only a bound

_FLOAT = types.float64[::1]
# The one signature the kernel is called with: loaded from the cache when this module is imported.
_SIGNATURE = _FLOAT(_FLOAT, _FLOAT, types.float64)


@njit
def _lentz(aa, c, d):
    """One step of the modified Lentz method for the partial numerator ``aa``: the new ``(c, d)``."""
    d = 1.0 + aa * d
    if abs(d) < _TINY:
        d = _TINY
    c = 1.0 + aa / c
    if abs(c) < _TINY:
        c = _TINY
    return c, 1.0 / d


@njit
def _fraction(a, b, x):
    """The continued fraction of ``I_x(a, b)`` (Numerical Recipes' ``betacf``, modified Lentz)."""
    qab = a + b
    qap = a + 1.0
    qam = a - 1.0
    c = 1.0
    d = 1.0 - qab * x / qap
    if abs(d) < _TINY:
        d = _TINY
    d = 1.0 / d
    h = d
    for m in range(1, _MAX_TERMS):
        m2 = 2.0 * m
        c, d = _lentz(m * (b - m) * x / ((qam + m2) * (a + m2)), c, d)            # the even step
        h *= d * c
        c, d = _lentz(-(a + m) * (qab + m) * x / ((a + m2) * (qap + m2)), c, d)   # the odd step
        step = d * c
        h *= step
        if abs(step - 1.0) < _EPS:
            break
    return h


@njit
def _below(a, b, x, q):
    """True when ``I_x(a, b) < q``, for ``0 < x < 1``, decided on the side computed directly."""
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _fraction(a, b, x) / a < q
    # I_x(a, b) = 1 - I_{1-x}(b, a): compare the complement with 1 - q instead of subtracting.
    return front * _fraction(b, a, 1.0 - x) / b > 1.0 - q


@cached_njit(_SIGNATURE)   # only the entry point is cached: what it calls is compiled into it
def beta_quantiles(a, b, q):
    """The ``q`` quantile of Beta(``a[i]``, ``b[i]``) for each ``i``.

    Parameters
    ----------
    a, b : numpy.ndarray of float
        Shape parameters, each at least 1 (the Clopper-Pearson bounds have integers >= 1); C-contiguous
        float64 arrays, the kernel's one compiled signature (anything else raises numba's TypingError).
    q : float
        The probability, strictly between 0 and 1.

    Returns
    -------
    numpy.ndarray
        Per ``i``, the smallest of two adjacent floating-point numbers between which
        ``I_x(a[i], b[i])`` reaches ``q`` (as computed here).
    """
    out = np.empty(len(a))
    for i in range(len(a)):
        lo = 0.0
        hi = 1.0
        while True:
            mid = 0.5 * (lo + hi)
            if mid <= lo or mid >= hi:
                break
            if _below(a[i], b[i], mid, q):
                lo = mid
            else:
                hi = mid
        out[i] = lo
    return out
