"""Borgatti & Everett's discrete core/periphery model: the best core/periphery partition.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
"""
from __future__ import annotations

import heapq
import math
from array import array
from dataclasses import dataclass

import igraph as ig
import numpy as np

from ._edges import _VARIANCE_TOL, _Edges, _edges

# A move must raise the fit by more than this to count: it keeps the greedy
# search from cycling on floating-point noise, and since the fit is bounded it
# guarantees termination.
_IMPROVEMENT_TOL = 1e-12
# Safety cap on rounds of local search per restart (a pass normally moves many vertices).
_MAX_PASSES = 1_000
# Maximum number of moves in one Kernighan-Lin pass: enough to escape the
# typical local optimum, small enough to keep a pass cheap on 10^4 vertices.
_KL_DEPTH = 50
# Two partitions whose fits differ by less than this fit equally well (the fit
# is a correlation, recomputed from scratch, so rounding differences are ~1e-15).
_TIE_TOL = 1e-10


@dataclass(frozen=True)
class DiscreteCorePeriphery:
    """Result of :func:`discrete_core_periphery`.

    Attributes
    ----------
    core : numpy.ndarray of bool
        ``core[v]`` is True when vertex ``v`` (graph vertex order) is in the core.
    fit : float
        Pearson correlation between the tie strengths and the ideal pattern
        over all cells i < j; NaN when no partition has a defined fit (see
        :func:`discrete_core_periphery`).
    restarts : int
        Number of optimisation restarts that were run.
    """

    core: np.ndarray
    fit: float
    restarts: int


# ---------------------------------------------------------------------------
# Discrete model: fit from sufficient statistics
# ---------------------------------------------------------------------------
#
# Every pair i < j is a cell.  The ideal pattern is delta = 1 inside the core,
# delta = CP_IDEAL between core and periphery, 0 inside the periphery.  With
# n_c, n_p the block sizes, N = n(n-1)/2, N_cc = n_c(n_c-1)/2, N_cp = n_c n_p,
# S, Q the sums of a and a**2 over all cells and S_cc, S_pp the sums of a
# inside the core and inside the periphery (S_cp = S - S_cc - S_pp),
#
#     sum delta   = N_cc + d N_cp,       sum delta**2 = N_cc + d**2 N_cp,
#     sum a delta = S_cc + d S_cp,
#     r = (N sum a delta - S sum delta)
#         / sqrt((N Q - S**2) (N sum delta**2 - (sum delta)**2)).
#
# S, Q and N do not depend on the partition, so a partition's fit needs only
# (n_c, n_p, S_cc, S_pp).  The same function serves scalars (inner loop) and
# numpy arrays (all candidate moves at once).

# Ideal value of a core-periphery cell: 1, Borgatti & Everett's ideal pattern
# in which the core is tied to everyone (see discrete_core_periphery, Notes).
CP_IDEAL = 0.25


@dataclass(frozen=True)
class _Totals:
    """The partition-independent terms of r: cell count and sums of ``a`` and ``a**2`` over all cells."""

    n: int
    cells: float
    s: float
    q: float

    @classmethod
    def of(cls, e: _Edges) -> "_Totals":
        return cls(e.n, e.n * (e.n - 1) / 2, float(e.w.sum()), float((e.w**2).sum()))


def _fit_terms(tot: _Totals, n_c, n_p, s_cc, s_pp):
    """Numerator, variance of ``a``, variance of the ideal pattern and its scale (scalars or arrays)."""
    d = CP_IDEAL
    cells_cc = n_c * (n_c - 1) / 2
    cells_cp = n_c * n_p
    sum_ideal = cells_cc + d * cells_cp
    sum_ideal2 = cells_cc + d * d * cells_cp
    s_cp = tot.s - s_cc - s_pp
    num = tot.cells * (s_cc + d * s_cp) - tot.s * sum_ideal
    return num, tot.cells * tot.q - tot.s**2, tot.cells * sum_ideal2 - sum_ideal**2, tot.cells * sum_ideal2


def _valid(tot: _Totals, var_a, var_ideal, scale_ideal):
    return (var_a > _VARIANCE_TOL * tot.cells * tot.q) & (var_ideal > _VARIANCE_TOL * scale_ideal)


def _fit_scalar(tot: _Totals, *stats) -> float:
    """r for one partition given its statistics; ``-inf`` when undefined, so any valid partition beats it."""
    num, var_a, var_ideal, scale = _fit_terms(tot, *stats)
    if not _valid(tot, var_a, var_ideal, scale):
        return -math.inf
    return num / math.sqrt(var_a * var_ideal)


def _fit_array(tot: _Totals, *stats) -> np.ndarray:
    """Vectorised :func:`_fit_scalar`: one r per element of the statistics arrays."""
    num, var_a, var_ideal, scale = _fit_terms(tot, *stats)
    ok = _valid(tot, var_a, var_ideal, scale) & np.ones(np.shape(num), dtype=bool)
    out = np.full(np.shape(num), -np.inf)
    out[ok] = num[ok] / np.sqrt(var_a * var_ideal[ok])
    return out


def _partition_stats(e: _Edges, core: np.ndarray) -> list[float]:
    """[n_c, n_p, S_cc, S_pp] of a partition, computed from scratch."""
    cs, cd = core[e.src], core[e.dst]
    n_c = float(core.sum())
    return [n_c, e.n - n_c, float(e.w[cs & cd].sum()), float(e.w[~cs & ~cd].sum())]


def _partition_fit(graph: ig.Graph, core, weights: str | None = "weight") -> float:
    """Discrete fit of a given partition (NaN when undefined); exposed for testing."""
    e = _edges(graph, weights)
    r = _fit_scalar(_Totals.of(e), *_partition_stats(e, np.asarray(core, dtype=bool)))
    return r if math.isfinite(r) else math.nan


def _degree_seeded_core(e: _Edges, movable: np.ndarray) -> np.ndarray:
    """Best core among the prefixes of the vertices sorted by strength (one O(n + m) sweep).

    The vertex of rank k joins the core at step k + 1.  An edge is core-core
    from the step its later endpoint joins and periphery-periphery until its
    earlier endpoint joins, so cumulative sums over edge ranks give the
    statistics of every prefix at once.
    """
    n = e.n
    strength = e.strength()
    cand = np.flatnonzero(movable)
    cand = cand[np.argsort(-strength[cand], kind="stable")]
    k_max = len(cand)
    rank = np.full(n, k_max)  # immovable vertices never join
    rank[cand] = np.arange(k_max)
    r_lo = np.minimum(rank[e.src], rank[e.dst])
    r_hi = np.maximum(rank[e.src], rank[e.dst])
    w = e.w

    def core_core(x):  # sum of x over edges with r_hi < k, for k = 0..k_max
        return np.concatenate([[0.0], np.cumsum(np.bincount(r_hi, x, k_max + 1))[:-1]])

    def periphery_periphery(x):  # sum of x over edges with r_lo >= k
        return np.cumsum(np.bincount(r_lo, x, k_max + 1)[::-1])[::-1]

    k = np.arange(k_max + 1, dtype=float)  # core size
    fits = _fit_array(_Totals.of(e), k, n - k, core_core(w), periphery_periphery(w))
    core = np.zeros(n, dtype=bool)
    core[cand[: int(np.argmax(fits))]] = True
    return core


def _random_core(rng: np.random.Generator, movable: np.ndarray) -> np.ndarray:
    """Random start: each movable vertex joins with a probability drawn from [0.05, 0.95].

    Drawing the core share itself varies the starting core size across
    restarts.  At least two core vertices are guaranteed so that the start is
    not degenerate.
    """
    share = rng.uniform(0.05, 0.95)
    core = movable & (rng.random(len(movable)) < share)
    missing = 1 - int(core.sum())
    if missing > 0:
        spare = np.flatnonzero(movable & ~core)
        core[rng.choice(spare, size=min(missing, len(spare)), replace=False)] = True
    return core


# Vertices with more ties than this update their neighbours' core strength with one numpy call; the others
# in a Python loop (cheaper for a few ties than a numpy call's overhead).
_NUMPY_DEGREE = 24


class _Graph:
    """What every restart on one graph shares, prepared once per graph.

    Adjacency lists (flat arrays, a vertex's neighbours and tie strengths one slice, and
    the same per vertex as Python lists), strengths, the partition-independent terms of
    the fit and the Kernighan-Lin depth. A restart then only sets up its partition.
    """

    def __init__(self, e: _Edges):
        self.e, self.n = e, e.n
        self.tot = _Totals.of(e)
        heads = np.concatenate([e.src, e.dst])
        order = np.argsort(heads, kind="stable")
        self.head = heads[order]
        self.nbr = np.concatenate([e.dst, e.src])[order]
        self.w = np.concatenate([e.w, e.w])[order]
        self.ptr = np.concatenate([[0], np.cumsum(np.bincount(heads, minlength=e.n))]).tolist()
        self.strength = e.strength()
        self.movable = self.strength > 0       # isolated vertices always stay in the periphery
        self.frozen = ~self.movable
        self.depth = min(int(self.movable.sum()), _KL_DEPTH)
        # The part of a move's gain (see _Partition.move_lines) that does not depend on the partition.
        self.d_strength = CP_IDEAL * self.strength
        # Python lists for the O(1) per-vertex reads of the moves (vertex v's ties: ptr[v] to ptr[v + 1]).
        self.strength_list = self.strength.tolist()
        self.d_strength_list = self.d_strength.tolist()
        self.nbr_list, self.w_list = self.nbr.tolist(), self.w.tolist()
        # The terms of the fit that no move changes (computed as _fit_terms and _valid compute them).
        tot = self.tot
        self.var_a = tot.cells * tot.q - tot.s**2
        self.var_a_ok = self.var_a > _VARIANCE_TOL * tot.cells * tot.q
        self.sizes: dict[float, tuple[float, float]] = {}

    def size_terms(self, n_c: float) -> tuple[float, float]:
        """The terms of the fit that depend on the core size alone: sum of the ideal pattern and r's denominator.

        The denominator is 0.0 when the fit is undefined at that size. Computed once per
        size (as :func:`_fit_terms` and :func:`_valid` compute them, with ``n_p = n - n_c``):
        a search visits few sizes and many partitions.
        """
        terms = self.sizes.get(n_c)
        if terms is None:
            tot, d = self.tot, CP_IDEAL
            n_p = self.n - n_c
            cells_cc = n_c * (n_c - 1) / 2
            cells_cp = n_c * n_p
            sum_ideal = cells_cc + d * cells_cp
            sum_ideal2 = cells_cc + d * d * cells_cp
            var_ideal = tot.cells * sum_ideal2 - sum_ideal**2
            ok = self.var_a_ok and var_ideal > _VARIANCE_TOL * (tot.cells * sum_ideal2)
            terms = self.sizes[n_c] = (sum_ideal, math.sqrt(self.var_a * var_ideal) if ok else 0.0)
        return terms

    def core_strength(self, core: np.ndarray) -> np.ndarray:
        """Per vertex, its tie strength into ``core``."""
        return np.bincount(self.head, self.w * core[self.nbr], self.n)


class _Partition:
    """A core/periphery partition with the running statistics that make a move O(degree).

    Keeps the block statistics ``[n_c, n_p, S_cc, S_pp]`` and, per vertex, its
    tie strength into the core (``in_c``); its strength into the periphery is the
    rest of its total strength.

    The statistics are plain Python floats and the fit after a move is computed
    inline (the same operations, in the same order, as :func:`_fit_scalar`): the
    search makes millions of moves on small graphs, where numpy scalars and
    function calls would cost more than the arithmetic. ``core`` (a bytearray)
    and ``in_c`` (an ``array('d')``) are read and written per vertex from Python
    and seen whole, without a copy, by numpy (``core_view``, ``in_c_view``).
    """

    def __init__(self, g: _Graph, core: np.ndarray):
        self.g = g
        self.core = bytearray(core.tobytes())
        self.core_view = np.frombuffer(self.core, dtype=bool)
        self.in_c = array("d", g.core_strength(core).tobytes())
        self.in_c_view = np.frombuffer(self.in_c, dtype=float)
        self.stats = _partition_stats(g.e, core)
        self.fit = _fit_scalar(g.tot, *self.stats)

    def move_lines(self) -> tuple[float, float, float, float]:
        """Slope and intercept of the fit after a move, as a function of the mover's gain: joining, then leaving.

        Moving a vertex changes only S_cc and S_pp, and the fit's numerator is linear in them
        (``(1 - d) S_cc - d S_pp`` plus terms of the block sizes), while its denominator depends
        on the block sizes alone. For all vertices moving the same way the fit is therefore
        ``slope * gain + intercept`` with gain ``d s_v + (1 - 2d) k_v`` (strength ``s_v``,
        strength into the core ``k_v``): one multiply-add per vertex, no per-vertex square
        roots. Slope and intercept are -inf when the moved partition is undefined. The
        operations are those of :func:`_fit_terms` and :func:`_valid`, inlined.
        """
        g, d = self.g, CP_IDEAL
        tot = g.tot
        nc, _, scc, spp = self.stats
        s_cp = tot.s - scc - spp
        num0 = tot.cells * (scc + d * s_cp)
        sizes = g.sizes
        sum_join, denominator_join = sizes.get(nc + 1.0) or g.size_terms(nc + 1.0)
        sum_leave, denominator_leave = sizes.get(nc - 1.0) or g.size_terms(nc - 1.0)
        # d(numerator)/d(gain): S_cc' = S_cc + sign k, S_pp' = S_pp - sign (s - k).
        return (tot.cells * 1.0 / denominator_join if denominator_join else -math.inf,
                (num0 - tot.s * sum_join) / denominator_join if denominator_join else -math.inf,
                tot.cells * -1.0 / denominator_leave if denominator_leave else -math.inf,
                (num0 - tot.s * sum_leave) / denominator_leave if denominator_leave else -math.inf)

    def all_move_fits(self, frozen: np.ndarray) -> np.ndarray:
        """Fit after moving each vertex alone (vectorised, O(n)); ``-inf`` where frozen."""
        gain = self.g.d_strength + (1 - 2 * CP_IDEAL) * self.in_c_view
        a_join, b_join, a_leave, b_leave = self.move_lines()
        if a_join > -math.inf and a_leave > -math.inf:
            # Each vertex's own line picked first: the same slope * gain + intercept, in fewer numpy calls.
            out = np.where(self.core_view, a_leave, a_join)
            out *= gain
            out += np.where(self.core_view, b_leave, b_join)
        else:
            out = np.where(self.core_view, a_leave * gain + b_leave if a_leave > -math.inf else -math.inf,
                           a_join * gain + b_join if a_join > -math.inf else -math.inf)
        out[frozen] = -np.inf
        return out

    def move(self, v: int, threshold: float = -math.inf) -> bool:
        """Move ``v`` to the other block (O(degree)) if the fit after the move exceeds ``threshold``.

        Returns whether it moved; the default threshold moves unconditionally (a fit is never NaN).
        The fit after the move is ``_fit_scalar`` of the moved statistics, operation for operation.
        """
        g, d = self.g, CP_IDEAL
        tot = g.tot
        joining = not self.core[v]
        sign = 1.0 if joining else -1.0
        kc = self.in_c[v]
        kp = g.strength_list[v] - kc
        # sign = +1: a periphery vertex joins the core (its core ties become
        # core-core, its periphery ties leave the periphery block); -1: the reverse.
        nc, np_, scc, spp = self.stats
        n_c, n_p, s_cc, s_pp = nc + sign, np_ - sign, scc + sign * kc, spp - sign * kp
        sum_ideal, denominator = g.sizes.get(n_c) or g.size_terms(n_c)
        s_cp = tot.s - s_cc - s_pp
        num = tot.cells * (s_cc + d * s_cp) - tot.s * sum_ideal
        fit = num / denominator if denominator else -math.inf
        if threshold > -math.inf and not fit > threshold:
            return False
        self.stats, self.fit = [n_c, n_p, s_cc, s_pp], fit
        self.core[v] = joining
        a, b = g.ptr[v], g.ptr[v + 1]
        in_c = self.in_c
        if b - a > _NUMPY_DEGREE:          # many ties: one numpy call
            if joining:
                self.in_c_view[g.nbr[a:b]] += g.w[a:b]
            else:
                self.in_c_view[g.nbr[a:b]] -= g.w[a:b]
        elif joining:
            for u, w in zip(g.nbr_list[a:b], g.w_list[a:b]):
                in_c[u] += w
        else:
            for u, w in zip(g.nbr_list[a:b], g.w_list[a:b]):
                in_c[u] -= w
        return True

    def snapshot(self) -> tuple:
        """The state, to be put back with :meth:`restore` (cheaper than undoing many moves)."""
        return bytes(self.core), array("d", self.in_c), list(self.stats), self.fit

    def restore(self, state: tuple) -> None:
        core, in_c, stats, fit = state
        self.core[:] = core                # in place: the numpy views stay valid
        self.in_c[:] = in_c
        self.stats, self.fit = list(stats), fit


def _greedy_pass(part: _Partition) -> bool:
    """Apply every improving single-vertex move, best first; True if any was made.

    All moves are scored at once, then each candidate is re-checked against the
    statistics as they stand after the earlier moves of the pass.
    """
    fits = part.all_move_fits(part.g.frozen)
    better = np.flatnonzero(fits > part.fit + _IMPROVEMENT_TOL)
    moved = False
    for v in better[np.argsort(-fits[better], kind="stable")].tolist():
        # Re-checked: earlier moves of the pass may have spoilt it.
        moved = part.move(v, threshold=part.fit + _IMPROVEMENT_TOL) or moved
    return moved


class _Side:
    """The unlocked vertices on one side of the partition, ordered by gain, for a Kernighan-Lin pass.

    The fit after moving a vertex of this side is ``slope * gain + intercept``, which never
    rises along the order of ``key = sign * gain`` (``sign`` is the opposite of the slope's
    sign, and rounding is monotone). The vertices are kept in buckets of equal key (a heap
    of vertices each, the lowest first) under a heap of the distinct keys; entries go stale
    when a vertex is locked or its gain changes, and are dropped when they come to the top.
    A vertex whose gain changes is added again under its new key (in
    :func:`_kernighan_lin_pass`, inline: a mover has many neighbours).
    """

    def __init__(self, sign: float, vertices: list, gains: list):
        self.sign = sign
        self.buckets: dict[float, list] = {}
        for v in vertices:                 # increasing, so every bucket is a heap already
            self.buckets.setdefault(sign * gains[v], []).append(v)
        self.keys = list(self.buckets)
        heapq.heapify(self.keys)

    def _top(self, gains: list, locked: bytearray) -> tuple[float | None, int]:
        """The smallest key with a live vertex, and its lowest live vertex (None, -1 when there is none)."""
        keys, buckets, sign = self.keys, self.buckets, self.sign
        while keys:
            key = keys[0]
            bucket = buckets[key]
            while bucket and (locked[bucket[0]] or sign * gains[bucket[0]] != key):
                heapq.heappop(bucket)
            if bucket:
                return key, bucket[0]
            heapq.heappop(keys)
            del buckets[key]
        return None, -1

    def best(self, slope: float, intercept: float, gains: list, locked: bytearray) -> tuple[float, int]:
        """The highest fit after moving one vertex of this side, and the lowest vertex reaching it.

        Vertices of different gains can round to the same fit: the next keys are looked at
        until the fit drops, so the vertex is the first maximum of ``all_move_fits``.
        """
        if slope == -math.inf:             # the moved partition is undefined for this whole side
            return -math.inf, -1
        key, vertex = self._top(gains, locked)
        if key is None:
            return -math.inf, -1
        best = slope * gains[vertex] + intercept
        keys = self.keys
        # The next smallest key is at least the smaller child of the top: when the fit at that key (a
        # stale one included) is already lower, no other vertex can tie (the usual case, no pops).
        if len(keys) < 2 or slope * (self.sign * min(keys[1:3])) + intercept != best:
            return best, vertex
        popped = [heapq.heappop(keys)]
        while True:
            key, v = self._top(gains, locked)
            if key is None or slope * gains[v] + intercept != best:
                break
            vertex = min(vertex, v)
            popped.append(heapq.heappop(self.keys))
        for key in popped:
            heapq.heappush(self.keys, key)
        return best, vertex


def _kernighan_lin_pass(part: _Partition, depth: int) -> bool:
    """One bounded Kernighan-Lin pass; True if it raised the fit.

    Makes up to ``depth`` best moves in a row, each vertex at most once, even
    when a move lowers the fit, then goes back to the best point reached (from
    a snapshot of the start and the kept moves, or by undoing the rest,
    whichever is fewer moves).  This climbs out of the local optima where every
    single move hurts but a short sequence helps.  The depth bound keeps a pass
    at O(depth * n) on large graphs.

    The best move is the one with the highest fit after it, the lowest vertex among
    equal fits: the first maximum of :meth:`_Partition.all_move_fits`. Since the fit
    after a move is monotone in the mover's gain on each side (joining: rising,
    leaving: falling), it is found from two heaps of the gains, in which a move only
    updates the mover's neighbours (:class:`_Side`): O(degree log n) a move instead of O(n).
    """
    g = part.g
    start = part.snapshot()
    start_fit = part.fit
    locked = bytearray(g.frozen.tobytes())  # isolated vertices are locked from the start
    core, in_c, d_strength, k_gain = part.core, part.in_c, g.d_strength_list, 1 - 2 * CP_IDEAL
    gains = (g.d_strength + k_gain * part.in_c_view).tolist()    # as all_move_fits computes them
    joins = _Side(-1.0, np.flatnonzero(g.movable & ~part.core_view).tolist(), gains)
    leaves = _Side(1.0, np.flatnonzero(g.movable & part.core_view).tolist(), gains)
    sequence, best_fit, best_len = [], start_fit, 0
    for _ in range(depth):
        a_join, b_join, a_leave, b_leave = part.move_lines()
        fit_join, v_join = joins.best(a_join, b_join, gains, locked)
        fit_leave, v_leave = leaves.best(a_leave, b_leave, gains, locked)
        if fit_join == -math.inf and fit_leave == -math.inf:
            break
        if fit_join > fit_leave:
            v = v_join
        elif fit_leave > fit_join:
            v = v_leave
        else:
            v = min(v_join, v_leave)
        part.move(v)
        locked[v] = True
        sequence.append(v)
        if part.fit > best_fit + _IMPROVEMENT_TOL:
            best_fit, best_len = part.fit, len(sequence)
        for u in g.nbr_list[g.ptr[v]:g.ptr[v + 1]]:
            if not locked[u]:
                gain = d_strength[u] + k_gain * in_c[u]
                gains[u] = gain
                side = leaves if core[u] else joins
                key = side.sign * gain     # _Side.add, inlined: the neighbours of a mover are many
                bucket = side.buckets.get(key)
                if bucket is None:
                    side.buckets[key] = [u]
                    heapq.heappush(side.keys, key)
                else:
                    heapq.heappush(bucket, u)
    if best_len < len(sequence) - best_len:
        part.restore(start)
        for v in sequence[:best_len]:
            part.move(v)
    else:
        for v in reversed(sequence[best_len:]):
            part.move(v)
    return best_len > 0


def _local_search(g: _Graph, core: np.ndarray, stuck: set[bytes] | None = None) -> np.ndarray:
    """Greedy passes to a local optimum, then Kernighan-Lin passes until neither improves.

    The fit strictly increases with every accepted change, so this ends; the
    pass cap is only a safety net.

    ``stuck`` holds the partitions (``core.tobytes()``) at which a Kernighan-Lin pass
    has already failed in an earlier restart on the same graph. A pass is a
    deterministic function of the partition, so it would fail there again: the
    search stops at once instead of repeating it. Restarts mostly end in the same
    few optima, and that final, failing pass of up to 50 moves is the larger part
    of a restart's cost on small networks.
    """
    part = _Partition(g, core)
    for _ in range(_MAX_PASSES):
        while _greedy_pass(part):
            pass
        key = bytes(part.core)
        if stuck is not None and key in stuck:
            break
        if not _kernighan_lin_pass(part, g.depth):
            if stuck is not None:
                stuck.add(key)
            break
    return part.core_view.copy()


def _tie_key(core: np.ndarray, names) -> tuple:
    """Order among partitions that fit equally well: the smaller core, then the smallest sorted list of names."""
    members = np.flatnonzero(core)
    return (len(members), sorted(names[v] for v in members) if names is not None else members.tolist())


def _discrete(e: _Edges, seed, restarts: int, names=None) -> DiscreteCorePeriphery:
    """Optimise the discrete model on a prepared edge list (shared by the fit and the test).

    ``names`` (one string per vertex, or None for vertex indices) breaks exact
    ties between equally good partitions, see :func:`discrete_core_periphery`.
    """
    if restarts < 1:
        raise ValueError(f"restarts must be >= 1, got {restarts}")
    rng = np.random.default_rng(seed)
    g = _Graph(e)
    movable, tot = g.movable, g.tot
    best_core, best_fit = np.zeros(e.n, dtype=bool), -math.inf
    stuck: set[bytes] = set()     # partitions where a Kernighan-Lin pass failed (see _local_search)
    # Fit and tie key per partition found: restarts mostly end in the same few optima.
    scored: dict[bytes, tuple[float, tuple]] = {best_core.tobytes(): (best_fit, _tie_key(best_core, names))}
    if movable.any() and e.n >= 3:  # fewer vertices or no ties: no partition has a defined fit
        for r in range(restarts):
            start = _degree_seeded_core(e, movable) if r == 0 else _random_core(rng, movable)
            core = _local_search(g, start, stuck)
            key = core.tobytes()
            if key not in scored:
                # Re-score from scratch: the greedy search updates its sums incrementally.
                scored[key] = (_fit_scalar(tot, *_partition_stats(e, core)), _tie_key(core, names))
            fit, tie_key = scored[key]
            if fit > best_fit + _TIE_TOL or (
                fit >= best_fit - _TIE_TOL and tie_key < scored[best_core.tobytes()][1]
            ):
                best_core, best_fit = core, fit
    if not math.isfinite(best_fit):  # no edges, too few vertices, or zero variance everywhere
        return DiscreteCorePeriphery(np.zeros(e.n, dtype=bool), math.nan, restarts)
    return DiscreteCorePeriphery(best_core, float(best_fit), restarts)


def discrete_core_periphery(
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, restarts: int = 10
) -> DiscreteCorePeriphery:
    """Discrete core/periphery partition (Borgatti & Everett 1999).

    Finds the partition of the vertices into a core C and a periphery P that
    maximises the Pearson correlation, over all pairs i < j, between the tie
    strengths ``a_ij`` and the ideal pattern: 1 for core-core pairs,
    ``CP_IDEAL`` (0.25) for core-periphery pairs, 0 for periphery-periphery
    pairs.  The diagonal is never included.  Among partitions that fit
    equally well (within 1e-10) the smaller core wins, then the core whose
    sorted list of vertex names (the ``name`` vertex attribute, else vertex
    indices) comes first, so the answer is a property of the network, not of
    the order the vertices come in.

    Optimisation: ``restarts`` runs of local search.  Each run alternates
    greedy passes of single-vertex moves (every improving move, best first)
    with bounded Kernighan-Lin passes (up to 50 tentative moves, kept only up
    to the best point reached) until neither improves the fit.  The first run
    starts from the best prefix of the vertices ranked by strength, the others
    from random partitions; the best fit over the runs is kept.  The fit is
    computed from the block sums of ``a`` and the block sizes, so a move costs
    O(degree) and a pass O(n + m); no n x n matrix is built.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected graph; may be disconnected and have isolated vertices.
        Parallel edges are merged (weights summed), self-loops ignored.
    weights : str or None, default "weight"
        Name of the edge attribute with non-negative tie strengths; None for
        an unweighted graph.
    seed : int or numpy.random.SeedSequence, default 0
        Seed for ``numpy.random.default_rng``; equal seeds give equal results.
    restarts : int, default 10
        Number of optimisation runs (>= 1).

    Returns
    -------
    DiscreteCorePeriphery
        ``core`` (bool per vertex), ``fit`` and ``restarts``.  Isolated vertices
        are always in the periphery.  A partition needs at least one core
        vertex, a non-constant ideal pattern and ties of varying strength
        (some pairs tied, some not, or unequal weights); when no partition
        qualifies (no edges, fewer than 3 vertices, a complete unweighted
        graph) ``fit`` is NaN and ``core`` is all False.

    Raises
    ------
    ValueError
        If the graph is directed, the weight attribute is missing, or a weight
        is negative or not finite.

    Notes
    -----
    Why 0.25 for the core-periphery cells: with ``s_i`` the strength of i,
    ``sum a * ideal = (1 - 2d) S_cc + d sum_{i in C} s_i``.  Leaving those
    cells out (UCINET's default) makes a one-vertex core undefined and any
    two tied vertices a perfect core, so a star's core was its hub plus an
    arbitrary leaf.  At d = 0.5 the fit depends only on the core's total
    strength (a degree ranking); above 0.5 ties inside the core count
    against it, and at d = 1 the core of a planted network with sparse
    core-periphery ties shrinks.  0.25 weighs ties inside the core and the
    core's reach into the periphery, and any d > 0 makes a star's hub a
    perfect one-vertex core.  docs/methods.md gives the measurements.

    The search is a heuristic: on tiny random graphs (n <= 10) 10 restarts
    can miss the global optimum; more restarts lower that.  The tie-break
    chooses among the optima the restarts found.

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    .. [2] Estévez, J. L., & Nordlund, C. (2025). Revising the Borgatti-Everett
       core-periphery model: Inter-categorical density blocks and partially
       connected cores. Social Networks, 81, 31-51.
    """
    names = graph.vs["name"] if "name" in graph.vs.attributes() else None
    return _discrete(_edges(graph, weights), seed, restarts, names)
