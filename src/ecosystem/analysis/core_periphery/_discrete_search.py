"""Compiled local search for Borgatti & Everett's discrete core/periphery model.

Why compiled: the search is millions of single-vertex moves, each O(degree), with
a scan of all vertices per greedy or Kernighan-Lin step. In plain Python it was the
largest single cost of an analysis (about 40% of the Brabant example's CPU time,
2,000 fits of 10 restarts); numba compiles it to machine code, as every kernel is
compiled (:mod:`..._compiled`: cached on disk, so once per machine; never fast-math).

What it mirrors: :mod:`.discrete` prepares the edge list, strengths, the per-core-size
terms of the fit and the random starts (numpy's random generator); :func:`fit` does the
rest of a fit in one call: the degree-seeded start, each start's
statistics, the local search from each start and each final partition's fit from
scratch (one call rather than a dozen numpy calls per restart: on networks of a few
dozen actors those cost ten times the search). Each floating-point operation is the one
the fit's formulas in :mod:`.discrete` (``_fit_terms``) prescribe, in the same order, and
sums of tie strengths follow numpy's pairwise order where numpy summed them, so the
moves, the fits and thus the partitions are a pure function of the graph and the starts,
the same bits as numpy's.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
"""
from __future__ import annotations

import numpy as np
from numba import njit

from .._compiled import cached_njit

# Ideal value of a core-periphery cell (discrete.CP_IDEAL; passed in as ``d`` where used) and the
# search constants are arguments, so that this module holds no second copy of them.



@njit
def _copy_into(dst, src):
    """``dst[:] = src``, written out: numba's slice assignment costs more than a second of compile time."""
    for i in range(len(dst)):
        dst[i] = src[i]


@njit
def _move(v, threshold, core, in_c, stats, ptr, nbr, w, strength, cells, s, d, sum_ideal, denominator):
    """Move ``v`` to the other block if the fit after the move exceeds ``threshold``; return whether it moved.

    ``stats`` is ``[n_c, n_p, S_cc, S_pp, fit]``, updated in place with ``core`` and ``in_c``
    (each vertex's tie strength into the core). ``threshold = -inf`` moves unconditionally.
    ``sum_ideal`` and ``denominator`` hold the fit's core-size terms at index ``n_c + 1``.
    """
    joining = not core[v]
    sign = 1.0 if joining else -1.0
    kc = in_c[v]
    kp = strength[v] - kc
    # sign = +1: a periphery vertex joins the core (its core ties become core-core, its periphery ties
    # leave the periphery block); -1: the reverse.
    n_c = stats[0] + sign
    n_p = stats[1] - sign
    s_cc = stats[2] + sign * kc
    s_pp = stats[3] - sign * kp
    size = int(n_c) + 1
    den = denominator[size]
    s_cp = s - s_cc - s_pp
    num = cells * (s_cc + d * s_cp) - s * sum_ideal[size]
    fit = num / den if den != 0.0 else -np.inf
    if threshold > -np.inf and not fit > threshold:
        return False
    stats[0] = n_c
    stats[1] = n_p
    stats[2] = s_cc
    stats[3] = s_pp
    stats[4] = fit
    core[v] = joining
    if joining:
        for j in range(ptr[v], ptr[v + 1]):
            in_c[nbr[j]] += w[j]
    else:
        for j in range(ptr[v], ptr[v + 1]):
            in_c[nbr[j]] -= w[j]
    return True


@njit
def _move_lines(stats, cells, s, d, sum_ideal, denominator):
    """Slope and intercept of the fit after a move as a function of the mover's gain: joining, then leaving.

    Moving a vertex changes only S_cc and S_pp, and the fit's numerator is linear in them while
    its denominator depends on the block sizes alone: for all vertices moving the same way the
    fit is ``slope * gain + intercept`` with gain ``d s_v + (1 - 2d) k_v`` (strength ``s_v``,
    strength into the core ``k_v``). -inf when the moved partition's fit is undefined.
    """
    scc = stats[2]
    spp = stats[3]
    s_cp = s - scc - spp
    num0 = cells * (scc + d * s_cp)
    join = int(stats[0]) + 2
    leave = int(stats[0])
    den_join = denominator[join]
    den_leave = denominator[leave]
    a_join = cells * 1.0 / den_join if den_join != 0.0 else -np.inf
    b_join = (num0 - s * sum_ideal[join]) / den_join if den_join != 0.0 else -np.inf
    a_leave = cells * -1.0 / den_leave if den_leave != 0.0 else -np.inf
    b_leave = (num0 - s * sum_ideal[leave]) / den_leave if den_leave != 0.0 else -np.inf
    return a_join, b_join, a_leave, b_leave


@njit
def _move_fits(core, in_c, skip, stats, d_strength, cells, s, d, sum_ideal, denominator, out):
    """Fit after moving each vertex alone, into ``out``; -inf where ``skip`` or undefined."""
    a_join, b_join, a_leave, b_leave = _move_lines(stats, cells, s, d, sum_ideal, denominator)
    k_gain = 1 - 2 * d
    for v in range(len(core)):
        gain = d_strength[v] + k_gain * in_c[v]
        if skip[v]:
            out[v] = -np.inf
        elif core[v]:
            out[v] = a_leave * gain + b_leave if a_leave > -np.inf else -np.inf
        else:
            out[v] = a_join * gain + b_join if a_join > -np.inf else -np.inf


@njit
def _sort_by_fit(vertices, fits, spare):
    """Sort ``vertices`` (increasing) by descending ``fits``, stably: a bottom-up merge sort, in place.

    Written out rather than ``np.argsort(kind="mergesort")``, which takes longer to compile than the search.
    """
    n = len(vertices)
    width = 1
    while width < n:
        for lo in range(0, n, 2 * width):
            mid = min(lo + width, n)
            hi = min(lo + 2 * width, n)
            i = lo
            j = mid
            for k in range(lo, hi):
                # Take from the right run only when strictly higher: equal fits keep their order.
                if j < hi and (i >= mid or fits[vertices[j]] > fits[vertices[i]]):
                    spare[k] = vertices[j]
                    j += 1
                else:
                    spare[k] = vertices[i]
                    i += 1
        _copy_into(vertices, spare)
        width *= 2


@njit
def _greedy_pass(core, in_c, stats, frozen, ptr, nbr, w, strength, d_strength, cells, s, d, sum_ideal,
                 denominator, tol, fits, order, spare):
    """Apply every improving single-vertex move, best first; True if any was made.

    All moves are scored at once; the candidates (fit above the current fit + ``tol``) are
    taken in stable order of descending fit, each re-checked against the statistics as they
    stand after the earlier moves of the pass. ``fits``, ``order`` and ``spare`` are work space.
    """
    _move_fits(core, in_c, frozen, stats, d_strength, cells, s, d, sum_ideal, denominator, fits)
    threshold = stats[4] + tol
    count = 0
    for v in range(len(fits)):
        if fits[v] > threshold:
            order[count] = v
            count += 1
    _sort_by_fit(order[:count], fits, spare[:count])
    moved = False
    for i in range(count):
        moved = _move(order[i], stats[4] + tol, core, in_c, stats, ptr, nbr, w, strength, cells, s, d,
                      sum_ideal, denominator) or moved
    return moved


@njit
def _kernighan_lin_pass(core, in_c, stats, frozen, depth, ptr, nbr, w, strength, d_strength, cells, s, d,
                        sum_ideal, denominator, tol, fits):
    """One bounded Kernighan-Lin pass; True if it raised the fit by more than ``tol``.

    Makes up to ``depth`` best moves in a row (the highest fit after the move, the lowest
    vertex among equal fits: a plain scan), each vertex at most once, even when a move
    lowers the fit, then goes back to the best point reached: from the start's copy and the
    kept moves, or by undoing the rest, whichever is fewer moves.
    """
    start_core = core.copy()
    start_in_c = in_c.copy()
    start_stats = stats.copy()
    locked = frozen.copy()
    sequence = np.empty(depth, dtype=np.int64)
    best_fit = stats[4]
    best_len = 0
    length = 0
    for _ in range(depth):
        _move_fits(core, in_c, locked, stats, d_strength, cells, s, d, sum_ideal, denominator, fits)
        v = 0
        for u in range(1, len(fits)):               # the first maximum
            if fits[u] > fits[v]:
                v = u
        if fits[v] == -np.inf:
            break
        _move(v, -np.inf, core, in_c, stats, ptr, nbr, w, strength, cells, s, d, sum_ideal, denominator)
        locked[v] = True
        sequence[length] = v
        length += 1
        if stats[4] > best_fit + tol:
            best_fit = stats[4]
            best_len = length
    if best_len < length - best_len:
        _copy_into(core, start_core)
        _copy_into(in_c, start_in_c)
        _copy_into(stats, start_stats)
        for i in range(best_len):
            _move(sequence[i], -np.inf, core, in_c, stats, ptr, nbr, w, strength, cells, s, d, sum_ideal,
                  denominator)
    else:
        for i in range(length - 1, best_len - 1, -1):
            _move(sequence[i], -np.inf, core, in_c, stats, ptr, nbr, w, strength, cells, s, d, sum_ideal,
                  denominator)
    return best_len > 0


@njit
def local_searches(cores, in_cs, stats, ptr, nbr, w, strength, d_strength, frozen, depth, cells, s, d,
                   sum_ideal, denominator, tol, max_passes):
    """Local search from each start, in order; the final partitions overwrite ``cores``.

    Each run alternates greedy passes to a local optimum with Kernighan-Lin passes until
    neither improves. A partition at which a Kernighan-Lin pass failed in an earlier run is
    remembered (it is the same partition, reached again): the run stops there without
    repeating the pass, as restarts mostly end in the same few optima.

    Parameters
    ----------
    cores : numpy.ndarray of bool, shape (restarts, n)
        Starting partitions, replaced by the final ones.
    in_cs, stats : numpy.ndarray of float, shapes (restarts, n) and (restarts, 5)
        Per start, each vertex's tie strength into the core and ``[n_c, n_p, S_cc, S_pp, fit]``
        (both changed in place).
    ptr, nbr, w : numpy.ndarray
        Adjacency: vertex ``v``'s neighbours and tie strengths are ``nbr[ptr[v]:ptr[v + 1]]``, ``w[...]``.
    strength, d_strength, frozen : numpy.ndarray
        Per vertex: strength, ``d`` times it, and whether it never moves (isolated).
    depth : int
        Kernighan-Lin depth.
    cells, s, d : float
        Number of cells, sum of ``a`` over them, ideal core-periphery value.
    sum_ideal, denominator : numpy.ndarray of float
        At index ``n_c + 1`` (``n_c`` = -1 ... n + 1): the sum of the ideal pattern and the fit's
        denominator (0.0 where the fit is undefined).
    tol : float
        Minimum rise of the fit that counts as an improvement.
    max_passes : int
        Safety cap on rounds per run.
    """
    restarts, n = cores.shape
    stuck = np.zeros((restarts, n), dtype=np.bool_)
    n_stuck = 0
    fits = np.empty(n)
    order = np.empty(n, dtype=np.int64)
    spare = np.empty(n, dtype=np.int64)
    for r in range(restarts):
        core = cores[r]
        in_c = in_cs[r]
        st = stats[r]
        for _ in range(max_passes):
            while _greedy_pass(core, in_c, st, frozen, ptr, nbr, w, strength, d_strength, cells, s, d, sum_ideal,
                               denominator, tol, fits, order, spare):
                pass
            seen = False
            for i in range(n_stuck):
                seen = True
                for v in range(n):
                    if stuck[i, v] != core[v]:
                        seen = False
                        break
                if seen:
                    break
            if seen:
                break
            if not _kernighan_lin_pass(core, in_c, st, frozen, depth, ptr, nbr, w, strength, d_strength, cells,
                                       s, d, sum_ideal, denominator, tol, fits):
                _copy_into(stuck[n_stuck], core)
                n_stuck += 1
                break


@njit
def _block_sum(x, lo, n):
    """numpy's sum of a run of at most 128 values: eight accumulators, then the rest one by one."""
    if n < 8:
        res = 0.0
        for i in range(lo, lo + n):
            res += x[i]
        return res
    r0, r1, r2, r3 = x[lo], x[lo + 1], x[lo + 2], x[lo + 3]
    r4, r5, r6, r7 = x[lo + 4], x[lo + 5], x[lo + 6], x[lo + 7]
    i = lo + 8
    stop = lo + n - n % 8
    while i < stop:
        r0 += x[i]
        r1 += x[i + 1]
        r2 += x[i + 2]
        r3 += x[i + 3]
        r4 += x[i + 4]
        r5 += x[i + 5]
        r6 += x[i + 6]
        r7 += x[i + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < lo + n:
        res += x[i]
        i += 1
    return res


@njit
def _pairwise_sum(x, n):
    """Sum of ``x[:n]`` in numpy's pairwise order (``ndarray.sum`` of a contiguous float64 array).

    The fit of a partition computed from scratch sums tie strengths the way ``ndarray.sum`` does
    (:func:`.discrete._partition_stats`); this is that order written out, so the sums agree bit for
    bit: runs of up to 128 values by :func:`_block_sum`, longer runs split in two at a multiple of
    8 and the halves' sums added. The split is walked with explicit stacks, not recursion: numba
    cannot load a cached function that calls a recursive one (the process crashes).
    """
    if n <= 128:
        return _block_sum(x, 0, n)
    # Post-order walk: a node is pushed once to be split (its halves, left on top) and once to
    # add its halves' sums (``size`` -1), so sums are added in the recursion's order.
    node_lo = np.empty(192, dtype=np.int64)       # depth <= 63 for any n, 3 entries per level
    node_n = np.empty(192, dtype=np.int64)
    sums = np.empty(64)
    node_lo[0], node_n[0] = 0, n
    top, count = 1, 0
    while top > 0:
        top -= 1
        lo, size = node_lo[top], node_n[top]
        if size == -1:
            count -= 1
            sums[count - 1] = sums[count - 1] + sums[count]
        elif size <= 128:
            sums[count] = _block_sum(x, lo, size)
            count += 1
        else:
            half = size // 2
            half -= half % 8
            node_lo[top], node_n[top] = lo, -1
            node_lo[top + 1], node_n[top + 1] = lo + half, size - half
            node_lo[top + 2], node_n[top + 2] = lo, half
            top += 3
    return sums[0]


@njit
def _partition_stats(core, n, src, dst, ew, cells, s, d, sum_ideal, denominator, spare, stats):
    """``[n_c, n_p, S_cc, S_pp, fit]`` of ``core`` from scratch into ``stats``, as :func:`.discrete._partition_stats`
    and :func:`.discrete._fit_scalar` compute them (``spare``: work space of one float per edge)."""
    n_c = 0
    for v in range(n):
        if core[v]:
            n_c += 1
    count = 0
    for i in range(len(src)):
        if core[src[i]] and core[dst[i]]:
            spare[count] = ew[i]
            count += 1
    s_cc = _pairwise_sum(spare, count)
    count = 0
    for i in range(len(src)):
        if not core[src[i]] and not core[dst[i]]:
            spare[count] = ew[i]
            count += 1
    s_pp = _pairwise_sum(spare, count)
    stats[0] = float(n_c)
    stats[1] = n - float(n_c)
    stats[2] = s_cc
    stats[3] = s_pp
    # The fit at core size n_c: the operations of _move, which are those of discrete._fit_terms.
    size = n_c + 1
    den = denominator[size]
    num = cells * (s_cc + d * (s - s_cc - s_pp)) - s * sum_ideal[size]
    stats[4] = num / den if den != 0.0 else -np.inf


@njit
def _degree_seeded_core(core, n, src, dst, ew, strength, frozen, cells, s, var_a, a_ok, d, variance_tol):
    """Into ``core``: the best core among the prefixes of the movable vertices sorted by strength.

    One O(n + m) sweep: the vertex of rank k joins the core at step k + 1; an edge is core-core
    from the step its later endpoint joins and periphery-periphery until its earlier endpoint
    joins, so cumulative sums over edge ranks give the statistics of every prefix at once. The
    ranking is stable (equal strengths by vertex index) and every sum and fit is computed in
    the order of the numpy version it replaced (tests/reference_discrete_search.py), so the
    chosen prefix is the same to the last bit.
    """
    k_max = 0
    for v in range(n):
        if not frozen[v]:
            k_max += 1
    cand = np.empty(k_max, dtype=np.int64)
    k = 0
    for v in range(n):
        if not frozen[v]:
            cand[k] = v
            k += 1
    _sort_by_fit(cand, strength, np.empty(k_max, dtype=np.int64))
    rank = np.full(n, k_max, dtype=np.int64)        # immovable vertices never join
    for k in range(k_max):
        rank[cand[k]] = k
    by_hi = np.zeros(k_max + 1)
    by_lo = np.zeros(k_max + 1)
    for i in range(len(src)):
        a, b = rank[src[i]], rank[dst[i]]
        by_hi[max(a, b)] += ew[i]
        by_lo[min(a, b)] += ew[i]
    # core_core[k]: sum over edges with r_hi < k; periphery_periphery[k]: over edges with r_lo >= k.
    core_core = np.empty(k_max + 1)
    core_core[0] = 0.0
    if k_max > 0:
        core_core[1] = by_hi[0]
    for k in range(2, k_max + 1):
        core_core[k] = core_core[k - 1] + by_hi[k - 1]
    periphery_periphery = np.empty(k_max + 1)
    periphery_periphery[k_max] = by_lo[k_max]
    for k in range(k_max - 1, -1, -1):
        periphery_periphery[k] = periphery_periphery[k + 1] + by_lo[k]
    best, best_fit = 0, -np.inf
    for k in range(k_max + 1):
        # discrete._fit_terms and _valid on arrays, element by element (the square as numpy's, x * x).
        n_c = float(k)
        n_p = n - n_c
        cells_cc = n_c * (n_c - 1) / 2
        cells_cp = n_c * n_p
        sum_ideal = cells_cc + d * cells_cp
        sum_ideal2 = cells_cc + d * d * cells_cp
        s_cc = core_core[k]
        s_cp = s - s_cc - periphery_periphery[k]
        num = cells * (s_cc + d * s_cp) - s * sum_ideal
        var_ideal = cells * sum_ideal2 - sum_ideal * sum_ideal
        fit = -np.inf
        if a_ok and var_ideal > variance_tol * (cells * sum_ideal2):
            fit = num / np.sqrt(var_a * var_ideal)
        if fit > best_fit:                      # np.argmax: the first maximum
            best, best_fit = k, fit
    for v in range(n):
        core[v] = False
    for k in range(best):
        core[cand[k]] = True


@cached_njit()   # only the entry point is cached: what it calls is compiled into it
def fit(cores, seed_first, src, dst, ew, ptr, nbr, w, strength, frozen, depth, cells, s, var_a, a_ok, d, variance_tol,
        sum_ideal, denominator, tol, max_passes):
    """The discrete fit's restarts in one call: starts, their statistics, the searches and the final fits.

    Parameters
    ----------
    cores : numpy.ndarray of bool, shape (restarts, n)
        Starting partitions, replaced by the final ones; with ``seed_first`` the first row is
        replaced by the degree-seeded start (:func:`_degree_seeded_core`) first.
    src, dst, ew : numpy.ndarray
        The edge list (pairs ``src < dst`` in :class:`.discrete._Edges` order) and tie strengths.
    ptr, nbr, w : numpy.ndarray
        The adjacency arrays (:attr:`._edges._Edges.adjacency`): the order in which each vertex's tie
        strengths into the core are summed.
    strength, frozen : numpy.ndarray
        Per vertex: strength and whether it never moves (isolated).
    var_a, a_ok : float, bool
        The variance term of the tie strengths and whether it is above the tolerance.
    variance_tol : float
        Relative tolerance below which a variance counts as 0.

    The other arguments are those of :func:`local_searches`.

    Returns
    -------
    stats : numpy.ndarray of float, shape (restarts, 5)
        Each final partition's running ``[n_c, n_p, S_cc, S_pp, fit]`` as the moves left them.
    fits : numpy.ndarray of float, shape (restarts,)
        Each final partition's fit computed from scratch (-inf where undefined).
    """
    restarts, n = cores.shape
    # The part of a move's gain (d s_v + (1 - 2d) k_v) that no move changes.
    d_strength = np.empty(n)
    for v in range(n):
        d_strength[v] = d * strength[v]
    if seed_first and restarts > 0:
        _degree_seeded_core(cores[0], n, src, dst, ew, strength, frozen, cells, s, var_a, a_ok, d, variance_tol)
    spare = np.empty(len(src))
    in_cs = np.zeros((restarts, n))
    stats = np.empty((restarts, 5))
    for r in range(restarts):
        core, in_c = cores[r], in_cs[r]
        for v in range(n):          # each vertex's tie strength into the core, summed in adjacency order
            for j in range(ptr[v], ptr[v + 1]):
                if core[nbr[j]]:
                    in_c[v] += w[j]
        _partition_stats(core, n, src, dst, ew, cells, s, d, sum_ideal, denominator, spare, stats[r])
    local_searches(cores, in_cs, stats, ptr, nbr, w, strength, d_strength, frozen, depth, cells, s, d,
                   sum_ideal, denominator, tol, max_passes)
    fits = np.empty(restarts)
    scratch = np.empty(5)
    for r in range(restarts):
        # From scratch: the search updated its sums move by move.
        _partition_stats(cores[r], n, src, dst, ew, cells, s, d, sum_ideal, denominator, spare, scratch)
        fits[r] = scratch[4]
    return stats, fits
