"""Compiled fixed-point iteration for Borgatti & Everett's continuous core/periphery model.

Why compiled: the damped fixed-point iteration of :mod:`.continuous` takes hundreds of
steps per restart, each O(n + m). Written with numpy, a step was a dozen array calls
and a dense (small graphs) or sparse product with the tie matrix, so its cost was
call overhead, not arithmetic: about a quarter of the Brabant example's CPU time
(542 fits, every bootstrap resample and layer fits one). Compiled, a step is one pass
over the adjacency arrays (O(m) instead of the dense O(n^2)) and the stopping tests
are made after every step at no extra cost. Compiled as every kernel is
(:mod:`..._compiled`: cached on disk, never fast-math).

What it computes: exactly the accelerated iteration (SQUAREM over the damped map) and the
stopping rules that :func:`.continuous._continuous_runs` documents. Every sum is taken in a fixed order
(vertices in index order, each vertex's neighbours in the order of the adjacency
arrays), so the result is a pure function of the graph and the starts, whatever the
number of workers. It is not bit-identical to a numpy version (BLAS and numpy's
pairwise sums add in other orders).

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
.. [2] Varadhan, R., & Roland, C. (2008). Simple and globally convergent methods for
   accelerating the convergence of any EM algorithm. Scandinavian Journal of Statistics,
   35(2), 335-353.
"""
from __future__ import annotations

import numpy as np
from numba import njit, types

from .._compiled import cached_njit

# The iteration limits and tolerances are arguments, so that this module holds no second copy of them.

# The one signature the kernel is called with (continuous._continuous_runs passes exactly these
# types): given up front, the machine code is loaded from the cache (or compiled) when this module
# is imported, so that a process that imports it before forking workers hands them the code.
_SIGNATURE = (types.float64[:, ::1], types.int64[::1], types.int64[::1], types.float64[::1],
              types.int64, types.float64, types.float64, types.int64, types.float64)


# The helpers are compiled into the one cached entry point (continuous_runs), as the discrete search's are.
@njit
def _step(c, new, squares, ptr, nbr, w, tiny, stats):
    """One step of the damped map, ``new = F(c)`` (``squares``: the sum of ``c_j**2``); into ``stats``: the
    largest change, the largest value, the sum of squared new values and the largest squared new value."""
    change = 0.0
    largest = 0.0
    new_squares = 0.0
    largest_square = 0.0
    for i in range(len(c)):
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
    stats[0] = change
    stats[1] = largest
    stats[2] = new_squares
    stats[3] = largest_square


@njit
def _loss(c, squares, ptr, nbr, w, half_squares):
    """The least-squares loss ``sum_{i<j} (a_ij - c_i c_j)**2`` (``squares``: the sum of ``c_j**2``)."""
    cross = 0.0                         # sum over i < j of a_ij c_i c_j
    fourth = 0.0
    for i in range(len(c)):
        for k in range(ptr[i], ptr[i + 1]):
            if nbr[k] > i:
                cross += w[k] * c[i] * c[nbr[k]]
        fourth += c[i] * c[i] * c[i] * c[i]
    return half_squares - 2.0 * cross + (squares * squares - fourth) / 2.0


@njit
def _copy(source, target):
    for i in range(len(source)):
        target[i] = source[i]


@cached_njit(_SIGNATURE)
def continuous_runs(starts, ptr, nbr, w, max_iter, tol, tiny, dominance_every, dominance):
    """The accelerated damped iteration from each row of ``starts``; the final rows and whether each converged.

    Parameters
    ----------
    starts : numpy.ndarray of float, shape (runs, n)
        Start vector of each run (non-negative).
    ptr, nbr, w : numpy.ndarray
        Adjacency arrays: vertex ``v``'s neighbours and tie strengths are
        ``nbr[ptr[v]:ptr[v + 1]]`` and ``w[ptr[v]:ptr[v + 1]]``.
    max_iter : int
        Most steps (evaluations of the damped map) per run.
    tol : float
        A run converged when a step changed no value by more than ``tol`` times its largest value.
    tiny : float
        Lower bound of the denominator ``sum_{j != i} c_j**2`` and of the largest value.
    dominance_every, dominance : int, float
        At the end of a cycle in which the step count passed a multiple of ``dominance_every``, a
        run also stops (not converged) when one vertex holds more than ``dominance`` of the sum of
        squared values.

    Returns
    -------
    final : numpy.ndarray of float, shape (runs, n)
    converged : numpy.ndarray of bool, shape (runs,)

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    .. [2] Varadhan, R., & Roland, C. (2008). Simple and globally convergent methods for
       accelerating the convergence of any EM algorithm. Scandinavian Journal of Statistics,
       35(2), 335-353.
    """
    runs, n = starts.shape
    final = np.empty((runs, n))
    converged = np.zeros(runs, dtype=np.bool_)
    x0 = np.empty(n)
    x1 = np.empty(n)
    x2 = np.empty(n)
    along_r = np.empty(n)            # r = x1 - x0
    bend_v = np.empty(n)             # v = x2 - 2 x1 + x0
    jump = np.empty(n)
    x3 = np.empty(n)
    stats = np.empty(4)
    half_squares = 0.0              # sum over i < j of a_ij**2: each tie is listed from both ends
    for k in range(len(w)):
        half_squares += w[k] * w[k]
    half_squares *= 0.5
    for r in range(runs):
        squares = 0.0                   # sum of x0_j**2, in index order
        for i in range(n):
            x0[i] = starts[r, i]
            squares += x0[i] * x0[i]
        steps = 0
        done = False
        while not done:
            checks = steps // dominance_every
            # Two steps of the damped map: x1 = F(x0), x2 = F(x1).
            _step(x0, x1, squares, ptr, nbr, w, tiny, stats)
            steps += 1
            if stats[0] <= tol * max(stats[1], tiny):
                _copy(x1, x0)
                converged[r] = True
                break
            if steps >= max_iter:
                _copy(x1, x0)
                break
            _step(x1, x2, stats[2], ptr, nbr, w, tiny, stats)
            steps += 1
            if stats[0] <= tol * max(stats[1], tiny):
                _copy(x2, x0)
                converged[r] = True
                break
            kept_squares, kept_largest = stats[2], stats[3]
            if steps < max_iter:
                # The extrapolation of [2] (its scheme S3): from r = x1 - x0 and v = x2 - 2 x1 + x0, the step
                # length a = -|r| / |v|, at most -1 (a = -1 gives x2 itself), and the point
                # x0 - 2 a r + a**2 v, kept >= 0 as every iterate is; one step of the map from there is
                # taken when it lowers the loss below x2's, else the cycle ends at x2 (a plain double step).
                along = 0.0
                bend = 0.0
                for i in range(n):
                    along_r[i] = x1[i] - x0[i]
                    bend_v[i] = x2[i] - 2.0 * x1[i] + x0[i]
                    along += along_r[i] * along_r[i]
                    bend += bend_v[i] * bend_v[i]
                a = -np.sqrt(along / bend) if bend > 0.0 else -1.0
                if a < -1.0:
                    jump_squares = 0.0
                    for i in range(n):
                        value = x0[i] - 2.0 * a * along_r[i] + a * a * bend_v[i]
                        if value < 0.0:
                            value = 0.0
                        jump[i] = value
                        jump_squares += value * value
                    _step(jump, x3, jump_squares, ptr, nbr, w, tiny, stats)
                    steps += 1
                    if _loss(x3, stats[2], ptr, nbr, w, half_squares) <= _loss(x2, kept_squares, ptr, nbr, w,
                                                                                half_squares):
                        _copy(x3, x2)
                        kept_squares, kept_largest = stats[2], stats[3]
                        if stats[0] <= tol * max(stats[1], tiny):
                            converged[r] = True
                            done = True
            _copy(x2, x0)
            squares = kept_squares
            if done or steps >= max_iter:
                break
            if steps // dominance_every > checks and kept_largest > dominance * squares:
                # A one-vertex core that c only approaches (see continuous_core_periphery's Notes).
                break
        for i in range(n):
            final[r, i] = x0[i]
    return final, converged
