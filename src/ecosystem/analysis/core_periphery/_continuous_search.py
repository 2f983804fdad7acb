"""Compiled fixed-point iteration for Borgatti & Everett's continuous core/periphery model.

Why compiled: the damped fixed-point iteration of :mod:`.continuous` takes hundreds of
steps per restart, each O(n + m). Written with numpy, a step was a dozen array calls
and a dense (small graphs) or sparse product with the tie matrix, so its cost was
call overhead, not arithmetic: about a quarter of the Brabant example's CPU time
(542 fits, every bootstrap resample and layer fits one). Compiled, a step is one pass
over the adjacency arrays (O(m) instead of the dense O(n^2)) and the stopping tests
are made after every step at no extra cost. Compiled as every kernel is
(:mod:`..._compiled`: cached on disk, never fast-math).

What it computes: exactly the iteration and stopping rules that
:func:`.continuous._continuous_runs` documents. Every sum is taken in a fixed order
(vertices in index order, each vertex's neighbours in the order of the adjacency
arrays), so the result is a pure function of the graph and the starts, whatever the
number of workers. It is not bit-identical to a numpy version (BLAS and numpy's
pairwise sums add in other orders).

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
"""
from __future__ import annotations

import numpy as np
from numba import types

from .._compiled import cached_njit

# The iteration limits and tolerances are arguments, so that this module holds no second copy of them.

# The one signature the kernel is called with (continuous._continuous_runs passes exactly these
# types): given up front, the machine code is loaded from the cache (or compiled) when this module
# is imported, so that a process that imports it before forking workers hands them the code.
_SIGNATURE = (types.float64[:, ::1], types.int64[::1], types.int64[::1], types.float64[::1],
              types.int64, types.float64, types.float64, types.int64, types.float64)



@cached_njit(_SIGNATURE)
def continuous_runs(starts, ptr, nbr, w, max_iter, tol, tiny, dominance_every, dominance):
    """Damped fixed-point iteration from each row of ``starts``; the final rows and whether each converged.

    Parameters
    ----------
    starts : numpy.ndarray of float, shape (runs, n)
        Start vector of each run (non-negative).
    ptr, nbr, w : numpy.ndarray
        Adjacency arrays: vertex ``v``'s neighbours and tie strengths are
        ``nbr[ptr[v]:ptr[v + 1]]`` and ``w[ptr[v]:ptr[v + 1]]``.
    max_iter : int
        Most steps per run.
    tol : float
        A run converged when no value changed by more than ``tol`` times its largest value.
    tiny : float
        Lower bound of the denominator ``sum_{j != i} c_j**2`` and of the largest value.
    dominance_every, dominance : int, float
        Every ``dominance_every`` steps a run also stops (not converged) when one vertex
        holds more than ``dominance`` of the sum of squared values.

    Returns
    -------
    final : numpy.ndarray of float, shape (runs, n)
    converged : numpy.ndarray of bool, shape (runs,)

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    """
    runs, n = starts.shape
    final = np.empty((runs, n))
    converged = np.zeros(runs, dtype=np.bool_)
    c = np.empty(n)
    new = np.empty(n)
    for r in range(runs):
        squares = 0.0                       # sum of c_j**2, in index order
        for i in range(n):
            c[i] = starts[r, i]
            squares += c[i] * c[i]
        for step in range(1, max_iter + 1):
            change = 0.0
            largest = 0.0
            new_squares = 0.0
            largest_square = 0.0
            for i in range(n):
                product = 0.0               # sum_j a_ij c_j
                for k in range(ptr[i], ptr[i + 1]):
                    product += w[k] * c[nbr[k]]
                denom = squares - c[i] * c[i]
                if denom < tiny:
                    denom = tiny
                value = (product / denom + c[i]) * 0.5
                new[i] = value
                diff = abs(value - c[i])
                if diff > change:
                    change = diff
                if value > largest:
                    largest = value
                square = value * value
                new_squares += square
                if square > largest_square:
                    largest_square = square
            c, new = new, c
            squares = new_squares
            stop = change <= tol * max(largest, tiny)
            converged[r] = stop
            if step % dominance_every == 0 and largest_square > dominance * squares:
                # A one-vertex core that c only approaches (see continuous_core_periphery's Notes).
                stop = True
            if stop:
                break
        for i in range(n):
            final[r, i] = c[i]
    return final, converged
