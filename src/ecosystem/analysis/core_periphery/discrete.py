"""Borgatti & Everett's discrete core/periphery model: the best core/periphery partition.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

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
RESTARTS = 10       # default optimisation runs


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
# (n_c, n_p, S_cc, S_pp).  The compiled search (_discrete_search) performs the
# same operations in the same order.

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

    @property
    def var_a(self) -> float:
        """r's variance term of ``a`` (N times the sum of squares minus the squared sum), the same for every partition."""
        return self.cells * self.q - self.s**2

    @property
    def var_a_ok(self) -> bool:
        """Whether the tie strengths vary (above rounding), so that some partition can have a fit."""
        return bool(self.var_a > _VARIANCE_TOL * self.cells * self.q)


def _fit_terms(tot: _Totals, n_c, n_p, s_cc, s_pp):
    """Numerator, variance of ``a``, variance of the ideal pattern and its scale (scalars or arrays)."""
    d = CP_IDEAL
    cells_cc = n_c * (n_c - 1) / 2
    cells_cp = n_c * n_p
    sum_ideal = cells_cc + d * cells_cp
    sum_ideal2 = cells_cc + d * d * cells_cp
    s_cp = tot.s - s_cc - s_pp
    num = tot.cells * (s_cc + d * s_cp) - tot.s * sum_ideal
    return num, tot.var_a, tot.cells * sum_ideal2 - sum_ideal**2, tot.cells * sum_ideal2


def _valid(tot: _Totals, var_ideal, scale_ideal):
    return tot.var_a_ok & (var_ideal > _VARIANCE_TOL * scale_ideal)


def _fit_scalar(tot: _Totals, *stats) -> float:
    """r for one partition given its statistics; ``-inf`` when undefined, so any valid partition beats it."""
    num, var_a, var_ideal, scale = _fit_terms(tot, *stats)
    if not _valid(tot, var_ideal, scale):
        return -math.inf
    return num / math.sqrt(var_a * var_ideal)


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


def _random_core(rng: np.random.Generator, movable: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """Random start: each movable vertex joins with a probability drawn from [0.05, 0.95].

    Drawing the core share itself varies the starting core size across
    restarts.  At least one core vertex is guaranteed so that the start is
    not degenerate. ``out`` (bool, one per vertex) receives the start, if given.
    """
    share = rng.uniform(0.05, 0.95)
    core = np.less(rng.random(len(movable)), share, out=out)
    core &= movable
    if not core.any():      # (any() rather than a count: this runs for every restart of every fit)
        spare = np.flatnonzero(movable)
        core[rng.choice(spare, size=min(1, len(spare)), replace=False)] = True
    return core


class _Graph:
    """What every restart on one graph shares, prepared once per graph: the edge list, the
    partition-independent terms of the fit, strengths and the Kernighan-Lin depth (the adjacency
    arrays are the edge list's own, :attr:`._edges._Edges.adjacency`)."""

    def __init__(self, e: _Edges):
        self.e, self.n = e, e.n
        self.tot = _Totals.of(e)
        self.strength = e.strength()
        self.movable = self.strength > 0       # isolated vertices always stay in the periphery
        self.frozen = ~self.movable
        self.depth = min(int(np.count_nonzero(self.movable)), _KL_DEPTH)

    def size_terms(self) -> tuple[np.ndarray, np.ndarray]:
        """The terms of the fit that depend on the core size alone, for core sizes -1 ... n + 1.

        At index ``n_c + 1``: the sum of the ideal pattern and r's denominator, 0.0 where the
        fit is undefined. The operations are those of :func:`_fit_terms` and :func:`_valid`
        (with ``n_p = n - n_c``), element by element; the square is Python's, as there.
        Sizes -1 and n + 1 are never reached; they keep the moves' look-ups in range.
        """
        tot = self.tot
        sum_ideal, var_ideal, ok = _size_terms(self.n)
        denominator = np.zeros_like(sum_ideal)
        if tot.var_a_ok:
            denominator[ok] = np.sqrt(tot.var_a * var_ideal[ok])
        return sum_ideal.copy(), denominator     # a copy: the compiled search takes writable arrays


@lru_cache(maxsize=64)
def _size_terms(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The terms of :meth:`_Graph.size_terms` that depend on the number of vertices alone (read-only):
    the sum of the ideal pattern, its variance term and where that is above the tolerance.

    Kept per ``n``: the bootstrap fits thousands of resamples of one region, with the same or a
    few different numbers of actors. The cells are ``n (n - 1) / 2``, as ``_Totals.cells``.
    """
    d, cells = CP_IDEAL, n * (n - 1) / 2
    n_c = np.arange(-1.0, n + 2.0)
    n_p = n - n_c
    cells_cc = n_c * (n_c - 1) / 2
    cells_cp = n_c * n_p
    sum_ideal = cells_cc + d * cells_cp
    sum_ideal2 = cells_cc + d * d * cells_cp
    var_ideal = cells * sum_ideal2 - np.array([x**2 for x in sum_ideal.tolist()])
    ok = var_ideal > _VARIANCE_TOL * (cells * sum_ideal2)
    for array in (sum_ideal, var_ideal, ok):
        array.setflags(write=False)
    return sum_ideal, var_ideal, ok


def _local_searches(g: _Graph, starts: np.ndarray, seed_first: bool = False):
    """Local search from each start (rows of ``starts``, in order): the final partitions, one per row.

    Also returns each final partition's running statistics ``[n_c, n_p, S_cc, S_pp, fit]``
    as the moves left them (the tests compare them with a reference search bit for bit) and
    its fit computed from scratch (-inf where undefined). With ``seed_first`` the first start
    is replaced by the degree-seeded one: the best core among the prefixes of the vertices
    ranked by strength (one O(n + m) sweep).

    Each run alternates greedy passes of single-vertex moves (every improving move, best
    first) with bounded Kernighan-Lin passes until neither improves; the fit strictly
    increases with every accepted change, so this ends (the pass cap is only a safety net).
    A run stops at a partition where a Kernighan-Lin pass failed in an earlier run: a pass
    would (but for the last bits of the running sums) fail there again, and that final,
    failing pass of up to 50 moves is the larger part of a run's cost on small networks.
    The starts' statistics, the searches and the final fits are one compiled call
    (:mod:`._discrete_search`, taken here so that commands without a fit never load numba):
    on the analysis's networks of a few dozen actors the Python around a search cost ten
    times the search.
    """
    from .._compiled import kernel

    fit = kernel("fit")
    cores = np.array(starts, dtype=bool)
    tot, e = g.tot, g.e
    sum_ideal, denominator = g.size_terms()
    stats, fits = fit(cores, seed_first, e.src, e.dst, e.w, *e.adjacency, g.strength, g.frozen, g.depth, tot.cells,
                      tot.s, tot.var_a, tot.var_a_ok, CP_IDEAL, _VARIANCE_TOL, sum_ideal, denominator,
                      _IMPROVEMENT_TOL, _MAX_PASSES)
    return cores, stats, fits


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
    movable = g.movable
    best_core, best_fit = np.zeros(e.n, dtype=bool), -math.inf
    if movable.any() and e.n >= 3:  # fewer vertices or no ties: no partition has a defined fit
        # The starts do not depend on the searches: all are drawn first, then searched in one call
        # that puts the degree-seeded start first.
        starts = np.zeros((restarts, e.n), dtype=bool)
        for row in starts[1:]:
            _random_core(rng, movable, out=row)
        finals, _, fits = _local_searches(g, starts, seed_first=True)
        best = None     # the all-periphery start: any defined fit beats it, no tie key is below its
        for r, fit in enumerate(fits.tolist()):
            if fit > best_fit + _TIE_TOL:
                best, best_fit = r, fit
            elif (best is not None and fit >= best_fit - _TIE_TOL and finals[r].tobytes() != finals[best].tobytes()
                  and _tie_key(finals[r], names) < _tie_key(finals[best], names)):
                best, best_fit = r, fit
        if best is not None:
            best_core = finals[best].copy()
    if not math.isfinite(best_fit):  # no edges, too few vertices, or zero variance everywhere
        return DiscreteCorePeriphery(np.zeros(e.n, dtype=bool), math.nan, restarts)
    return DiscreteCorePeriphery(best_core, float(best_fit), restarts)


def _load_compiled() -> None:
    """Load the compiled search (compile it where numba's cache has no copy) with a fit of a three-vertex path.

    A real fit rather than numba's own compile call: the machine code is looked up by the
    argument types, and a fit passes exactly those of every later fit.
    """
    _discrete(_Edges(3, np.array([0, 1], dtype=np.int64), np.array([1, 2], dtype=np.int64),
                      np.array([1.0, 2.0])), 0, 2)


def discrete_core_periphery(
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, restarts: int = RESTARTS
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
