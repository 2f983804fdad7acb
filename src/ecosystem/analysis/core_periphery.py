"""Core/periphery structure of an undirected, weighted network.

Implements the discrete and the continuous core/periphery models of Borgatti
& Everett (1999), a permutation-style significance test of the discrete fit
against a degree-preserving null model, and the k-core decomposition as a
simple baseline.

Everything works on the network's edge list: the ideal-pattern correlations are
computed from sufficient statistics (sums of ``a`` and ``a**2`` over blocks,
and counts of cells), so no dense n x n matrix is ever built and one
optimisation pass costs O(n + m).  Only numpy is required.

Conventions shared by all functions
-----------------------------------
* ``a_ij`` is the tie strength between vertices i and j: the sum of the weights
  of all edges between them (parallel edges are merged), 0 when there is no
  edge.  Self-loops are dropped: the diagonal is not part of either model.
* ``weights`` names an edge attribute; ``None`` means every edge has weight 1.
  Weights must be finite and non-negative.
* Directed graphs are rejected with ``ValueError``.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
   https://doi.org/10.1016/S0378-8733(99)00019-2
.. [2] Batagelj, V., & Zaversnik, M. (2003). An O(m) algorithm for cores
   decomposition of networks. arXiv:cs/0310049.
"""
from __future__ import annotations

import math
import random
import warnings
from dataclasses import dataclass

import igraph as ig
import numpy as np

__all__ = [
    "DiscreteCorePeriphery",
    "ContinuousCorePeriphery",
    "CorePeripheryTest",
    "discrete_core_periphery",
    "continuous_core_periphery",
    "core_periphery_test",
    "kcore",
]

# A move must raise the fit by more than this to count: it keeps the greedy
# search from cycling on floating-point noise, and since the fit is bounded it
# guarantees termination.
_IMPROVEMENT_TOL = 1e-12
# Relative tolerance below which the variance of the included cells counts as 0.
_VARIANCE_TOL = 1e-12
# Safety cap on rounds of local search per restart (a pass normally moves many vertices).
_MAX_PASSES = 1_000
# Maximum number of moves in one Kernighan-Lin pass: enough to escape the
# typical local optimum, small enough to keep a pass cheap on 10^4 vertices.
_KL_DEPTH = 50
# Fixed-point iteration limits for the continuous model.
_CONT_MAX_ITER = 2_000
_CONT_TOL = 1e-10
_ZERO_CORENESS = 1e-9      # rescaled coreness below this is numerically zero


# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DiscreteCorePeriphery:
    """Result of :func:`discrete_core_periphery`.

    Attributes
    ----------
    core : numpy.ndarray of bool
        ``core[v]`` is True when vertex ``v`` (graph vertex order) is in the core.
    fit : float
        Pearson correlation between the tie strengths and the ideal pattern
        over the core-core and periphery-periphery cells; NaN when no
        non-degenerate partition exists (see :func:`discrete_core_periphery`).
    restarts : int
        Number of optimisation restarts that were run.
    """

    core: np.ndarray
    fit: float
    restarts: int


@dataclass(frozen=True)
class ContinuousCorePeriphery:
    """Result of :func:`continuous_core_periphery`.

    Attributes
    ----------
    coreness : numpy.ndarray of float
        Coreness per vertex, rescaled to [0, 1] (divided by its maximum).
    fit : float
        Pearson correlation between ``a_ij`` and ``c_i * c_j`` over all cells
        i < j; NaN when it is undefined (no edges).
    restarts : int
        Number of optimisation restarts that were run.
    """

    coreness: np.ndarray
    fit: float
    restarts: int


@dataclass(frozen=True)
class CorePeripheryTest:
    """Result of :func:`core_periphery_test`.

    Attributes
    ----------
    p_value : float
        ``(1 + #{null fit >= observed fit}) / (1 + n_null)``.
    observed_fit : float
        Discrete fit of the observed graph (same effort as the null fits).
    null_mean, null_sd : float
        Mean and sample standard deviation of the null fits, for a z-score
        ``(observed_fit - null_mean) / null_sd``.
    n_null : int
        Number of null graphs.
    """

    p_value: float
    observed_fit: float
    null_mean: float
    null_sd: float
    n_null: int


# ---------------------------------------------------------------------------
# Edge-list preparation
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Edges:
    """The simple undirected weighted graph behind ``a``: one row per pair i < j with a_ij > 0."""

    n: int
    src: np.ndarray  # int64, src < dst
    dst: np.ndarray
    w: np.ndarray  # float64, > 0

    def strength(self, power: int = 1) -> np.ndarray:
        """Per-vertex sum of ``a_ij ** power`` over neighbours j."""
        x = self.w**power
        return np.bincount(self.src, x, self.n) + np.bincount(self.dst, x, self.n)

    def matvec(self, c: np.ndarray) -> np.ndarray:
        """``A @ c`` without building ``A``."""
        return np.bincount(self.src, self.w * c[self.dst], self.n) + np.bincount(
            self.dst, self.w * c[self.src], self.n
        )


def _check_graph(graph: ig.Graph) -> None:
    if not isinstance(graph, ig.Graph):
        raise TypeError(f"expected an igraph.Graph, got {type(graph).__name__}")
    if graph.is_directed():
        raise ValueError(
            "core/periphery models here are defined for undirected graphs; "
            "convert with graph.as_undirected(mode='collapse') first"
        )


def _edges(graph: ig.Graph, weights: str | None) -> _Edges:
    """Validate ``graph`` and reduce it to the simple weighted pair list that defines ``a``."""
    _check_graph(graph)
    n = graph.vcount()
    el = np.asarray(graph.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    if weights is None:
        w = np.ones(len(el))
    elif len(el) == 0:
        w = np.zeros(0)
    else:
        if weights not in graph.es.attributes():
            raise ValueError(f"edge attribute {weights!r} not found (use weights=None for unweighted)")
        w = np.asarray(graph.es[weights], dtype=float)
        if not np.all(np.isfinite(w)):
            raise ValueError(f"edge attribute {weights!r} contains NaN or infinite values")
        if np.any(w < 0):
            raise ValueError(
                f"edge attribute {weights!r} contains negative weights; tie strengths must be >= 0"
            )
    lo, hi = np.minimum(el[:, 0], el[:, 1]), np.maximum(el[:, 0], el[:, 1])
    keep = lo != hi  # the diagonal is not modelled
    lo, hi, w = lo[keep], hi[keep], w[keep]
    # Merge parallel edges: a_ij is the summed strength of the pair.
    pair, inverse = np.unique(lo * max(n, 1) + hi, return_inverse=True)
    w = np.bincount(inverse, w, len(pair))
    src, dst = pair // max(n, 1), pair % max(n, 1)
    # Zero-weight edges are the same as no edge; dropping them keeps
    # "isolated" meaning "no positive tie".
    pos = w > 0
    return _Edges(n, src[pos], dst[pos], w[pos])


# ---------------------------------------------------------------------------
# Discrete model: fit from sufficient statistics
# ---------------------------------------------------------------------------
#
# Included cells are the pairs i < j inside the core (ideal 1) or inside the
# periphery (ideal 0).  With n_c, n_p the block sizes, N_cc = n_c(n_c-1)/2,
# N_pp = n_p(n_p-1)/2, N = N_cc + N_pp, and S, Q the sums of a and a**2 over the
# included cells (S = S_cc + S_pp), Pearson's r with the 0/1 ideal reduces to
#
#     r = (N * S_cc - S * N_cc) / sqrt((N * Q - S**2) * N_cc * N_pp).
#
# The same function serves scalars (inner loop) and numpy arrays (all
# candidate moves at once).


def _fit_terms(n_c, n_p, s_cc, q_cc, s_pp, q_pp):
    """Numerator, variance term, ideal-pattern term and variance scale of r (scalars or arrays)."""
    cells_cc = n_c * (n_c - 1) / 2
    cells_pp = n_p * (n_p - 1) / 2
    cells = cells_cc + cells_pp
    s = s_cc + s_pp
    q = q_cc + q_pp
    return cells * s_cc - s * cells_cc, cells * q - s * s, cells_cc * cells_pp, cells * q


def _fit_scalar(*stats) -> float:
    """r for one partition given its statistics; ``-inf`` when degenerate, so any valid partition beats it."""
    num, var, ideal, scale = _fit_terms(*stats)
    if ideal <= 0 or var <= _VARIANCE_TOL * scale:
        return -math.inf
    return num / math.sqrt(var * ideal)


def _fit_array(*stats) -> np.ndarray:
    """Vectorised :func:`_fit_scalar`: one r per element of the statistics arrays."""
    num, var, ideal, scale = _fit_terms(*stats)
    ok = (ideal > 0) & (var > _VARIANCE_TOL * scale)
    out = np.full(np.shape(num), -np.inf)
    out[ok] = num[ok] / np.sqrt(var[ok] * ideal[ok])
    return out


def _partition_stats(e: _Edges, core: np.ndarray) -> list[float]:
    """[n_c, n_p, S_cc, Q_cc, S_pp, Q_pp] of a partition, computed from scratch."""
    cs, cd = core[e.src], core[e.dst]
    cc, pp = cs & cd, ~cs & ~cd
    n_c = float(core.sum())
    return [n_c, e.n - n_c, e.w[cc].sum(), (e.w[cc] ** 2).sum(), e.w[pp].sum(), (e.w[pp] ** 2).sum()]


def _partition_fit(graph: ig.Graph, core, weights: str | None = "weight") -> float:
    """Discrete fit of a given partition (NaN when degenerate); exposed for testing."""
    e = _edges(graph, weights)
    r = _fit_scalar(*_partition_stats(e, np.asarray(core, dtype=bool)))
    return r if math.isfinite(r) else math.nan


class _Adjacency:
    """Adjacency lists as flat arrays, so a vertex's neighbours and tie strengths are one slice."""

    def __init__(self, e: _Edges):
        heads = np.concatenate([e.src, e.dst])
        order = np.argsort(heads, kind="stable")
        self.head = heads[order]
        self.nbr = np.concatenate([e.dst, e.src])[order]
        self.w = np.concatenate([e.w, e.w])[order]
        self.w2 = self.w**2
        self.ptr = np.concatenate([[0], np.cumsum(np.bincount(heads, minlength=e.n))])
        self.n = e.n

    def sum_towards(self, mask: np.ndarray, values: np.ndarray) -> np.ndarray:
        """Per vertex, the sum of ``values`` over its ties whose other end is in ``mask``."""
        return np.bincount(self.head, values * mask[self.nbr], self.n)


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
    w, w2 = e.w, e.w**2

    def core_core(x):  # sum of x over edges with r_hi < k, for k = 0..k_max
        return np.concatenate([[0.0], np.cumsum(np.bincount(r_hi, x, k_max + 1))[:-1]])

    def periphery_periphery(x):  # sum of x over edges with r_lo >= k
        return np.cumsum(np.bincount(r_lo, x, k_max + 1)[::-1])[::-1]

    k = np.arange(k_max + 1, dtype=float)  # core size
    fits = _fit_array(k, n - k, core_core(w), core_core(w2), periphery_periphery(w), periphery_periphery(w2))
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
    missing = 2 - int(core.sum())
    if missing > 0:
        spare = np.flatnonzero(movable & ~core)
        core[rng.choice(spare, size=min(missing, len(spare)), replace=False)] = True
    return core


class _Partition:
    """A core/periphery partition with the running statistics that make a move O(degree).

    Keeps the block statistics ``[n_c, n_p, S_cc, Q_cc, S_pp, Q_pp]`` and, per
    vertex, its tie strength into the core (``a`` and ``a**2``); its strength
    into the periphery is the rest of its total strength.
    """

    def __init__(self, e: _Edges, adj: _Adjacency, core: np.ndarray, movable: np.ndarray):
        self.adj, self.movable = adj, movable
        self.core = core.copy()
        self.strength, self.strength2 = e.strength(1), e.strength(2)
        self.in_c = adj.sum_towards(self.core, adj.w)
        self.in_c2 = adj.sum_towards(self.core, adj.w2)
        self.stats = _partition_stats(e, self.core)
        self.fit = _fit_scalar(*self.stats)

    def _moved_stats(self, sign, kc, kc2, kp, kp2):
        # sign = +1: a periphery vertex joins the core; -1: a core vertex leaves.
        nc, np_, scc, qcc, spp, qpp = self.stats
        return nc + sign, np_ - sign, scc + sign * kc, qcc + sign * kc2, spp - sign * kp, qpp - sign * kp2

    def all_move_fits(self, frozen: np.ndarray) -> np.ndarray:
        """Fit after moving each vertex alone (vectorised, O(n)); ``-inf`` where frozen."""
        sign = np.where(self.core, -1.0, 1.0)
        out = _fit_array(
            *self._moved_stats(
                sign, self.in_c, self.in_c2, self.strength - self.in_c, self.strength2 - self.in_c2
            )
        )
        out[frozen] = -np.inf
        return out

    def move_fit(self, v: int) -> float:
        """Fit after moving vertex ``v`` (O(1))."""
        kc, kc2 = self.in_c[v], self.in_c2[v]
        sign = -1.0 if self.core[v] else 1.0
        return _fit_scalar(*self._moved_stats(sign, kc, kc2, self.strength[v] - kc, self.strength2[v] - kc2))

    def move(self, v: int) -> None:
        """Move ``v`` to the other block (O(degree))."""
        kc, kc2 = self.in_c[v], self.in_c2[v]
        sign = -1.0 if self.core[v] else 1.0
        self.stats = list(self._moved_stats(sign, kc, kc2, self.strength[v] - kc, self.strength2[v] - kc2))
        self.fit = _fit_scalar(*self.stats)
        self.core[v] = not self.core[v]
        lo, hi = self.adj.ptr[v], self.adj.ptr[v + 1]
        self.in_c[self.adj.nbr[lo:hi]] += sign * self.adj.w[lo:hi]
        self.in_c2[self.adj.nbr[lo:hi]] += sign * self.adj.w2[lo:hi]


def _greedy_pass(part: _Partition) -> bool:
    """Apply every improving single-vertex move, best first; True if any was made.

    All moves are scored at once, then each candidate is re-checked against the
    statistics as they stand after the earlier moves of the pass.
    """
    fits = part.all_move_fits(~part.movable)
    better = np.flatnonzero(fits > part.fit + _IMPROVEMENT_TOL)
    moved = False
    for v in better[np.argsort(-fits[better], kind="stable")]:
        if part.move_fit(v) > part.fit + _IMPROVEMENT_TOL:  # earlier moves may have spoilt it
            part.move(v)
            moved = True
    return moved


def _kernighan_lin_pass(part: _Partition, depth: int) -> bool:
    """One bounded Kernighan-Lin pass; True if it raised the fit.

    Makes up to ``depth`` best moves in a row, each vertex at most once, even
    when a move lowers the fit, then undoes the moves after the best point
    reached.  This climbs out of the local optima where every single move
    hurts but a short sequence helps.  The depth bound keeps a pass at
    O(depth * n) on large graphs.
    """
    start_fit = part.fit
    locked = ~part.movable  # a new array: isolated vertices are locked from the start
    sequence, best_fit, best_len = [], start_fit, 0
    for _ in range(depth):
        fits = part.all_move_fits(locked)
        v = int(np.argmax(fits))
        if fits[v] == -np.inf:
            break
        part.move(v)
        locked[v] = True
        sequence.append(v)
        if part.fit > best_fit + _IMPROVEMENT_TOL:
            best_fit, best_len = part.fit, len(sequence)
    for v in reversed(sequence[best_len:]):
        part.move(v)
    return best_len > 0


def _local_search(e: _Edges, adj: _Adjacency, core: np.ndarray, movable: np.ndarray) -> np.ndarray:
    """Greedy passes to a local optimum, then Kernighan-Lin passes until neither improves.

    The fit strictly increases with every accepted change, so this ends; the
    pass cap is only a safety net.
    """
    part = _Partition(e, adj, core, movable)
    depth = min(int(movable.sum()), _KL_DEPTH)
    for _ in range(_MAX_PASSES):
        while _greedy_pass(part):
            pass
        if not _kernighan_lin_pass(part, depth):
            break
    return part.core


def _discrete(e: _Edges, seed, restarts: int) -> DiscreteCorePeriphery:
    """Optimise the discrete model on a prepared edge list (shared by the fit and the test)."""
    if restarts < 1:
        raise ValueError(f"restarts must be >= 1, got {restarts}")
    rng = np.random.default_rng(seed)
    adj = _Adjacency(e)
    movable = e.strength() > 0  # isolated vertices always stay in the periphery
    best_core, best_fit = np.zeros(e.n, dtype=bool), -math.inf
    # A valid partition needs >= 2 core vertices (with ties) and >= 2 periphery vertices.
    if movable.sum() >= 2 and e.n >= 4:
        for r in range(restarts):
            start = _degree_seeded_core(e, movable) if r == 0 else _random_core(rng, movable)
            core = _local_search(e, adj, start, movable)
            # Re-score from scratch: the greedy search updates its sums incrementally.
            fit = _fit_scalar(*_partition_stats(e, core))
            if fit > best_fit:
                best_core, best_fit = core, fit
    if not math.isfinite(best_fit):  # no edges, too few vertices, or zero variance everywhere
        return DiscreteCorePeriphery(np.zeros(e.n, dtype=bool), math.nan, restarts)
    return DiscreteCorePeriphery(best_core, float(best_fit), restarts)


def discrete_core_periphery(
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, restarts: int = 10
) -> DiscreteCorePeriphery:
    """Discrete core/periphery partition (Borgatti & Everett 1999).

    Finds the partition of the vertices into a core C and a periphery P that
    maximises the Pearson correlation between the tie strengths ``a_ij`` and
    the ideal pattern: 1 for core-core pairs, 0 for periphery-periphery pairs.
    Core-periphery pairs are treated as missing (left out of the correlation),
    as in UCINET's default CORR fit with the off-diagonal blocks ignored.  That
    choice does not punish the core's ties to the periphery: a core that
    orchestrates the periphery (many core-periphery ties) is not a worse core.
    The correlation is taken over the included pairs i < j; the diagonal is
    never included.

    Optimisation: ``restarts`` runs of local search.  Each run alternates
    greedy passes of single-vertex moves (every improving move, best first)
    with bounded Kernighan-Lin passes (up to 50 tentative moves, kept only up
    to the best point reached) until neither improves the fit.  The first run
    starts from the best prefix of the vertices ranked by strength, the others
    from random partitions; the best fit over the runs is kept.  The fit is
    computed from block sums of ``a`` and ``a**2`` and block sizes, so a move
    costs O(degree) and a pass O(n + m); no n x n matrix is built.

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
        are always in the periphery.  Partitions with fewer than 2 core or
        fewer than 2 periphery vertices, or with zero variance of ``a`` over
        the included cells, have no defined correlation and are never chosen;
        when no other partition exists (e.g. no edges, fewer than 4 vertices,
        a complete unweighted graph) ``fit`` is NaN and ``core`` is all False.

    Raises
    ------
    ValueError
        If the graph is directed, the weight attribute is missing, or a weight
        is negative or not finite.

    Notes
    -----
    Because core-periphery pairs are ignored, a periphery vertex with many
    ties to the core costs little when it joins the core.  On planted block
    models with a small core (20% of 30-100 vertices, densities 0.8/0.3/0.05)
    the optimum typically contains the planted core plus a few such vertices,
    and fits better than the planted partition itself.  The search is a
    heuristic: on tiny random graphs (n <= 10) 10 restarts miss the global
    optimum about 1% of the time; more restarts lower that.

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    """
    return _discrete(_edges(graph, weights), seed, restarts)


# ---------------------------------------------------------------------------
# Continuous model
# ---------------------------------------------------------------------------
#
# Over all pairs i < j:  sum c_i c_j = ((sum c)^2 - sum c^2) / 2  and
# sum (c_i c_j)^2 = ((sum c^2)^2 - sum c^4) / 2, so the objective and the
# correlation need only these global sums plus sum over edges of a_ij c_i c_j.


def _continuous_fit(e: _Edges, c: np.ndarray) -> float:
    """Pearson correlation of a_ij with c_i c_j over all pairs i < j (NaN if undefined)."""
    cells = e.n * (e.n - 1) / 2
    sa, saa = e.w.sum(), (e.w**2).sum()
    c2 = c**2
    sp = (c.sum() ** 2 - c2.sum()) / 2
    spp = (c2.sum() ** 2 - (c2**2).sum()) / 2
    sap = (e.w * c[e.src] * c[e.dst]).sum()
    var_a, var_p = cells * saa - sa**2, cells * spp - sp**2
    if var_a <= _VARIANCE_TOL * cells * saa or var_p <= _VARIANCE_TOL * cells * spp:
        return math.nan
    return float((cells * sap - sa * sp) / math.sqrt(var_a * var_p))


def _continuous_loss(e: _Edges, c: np.ndarray) -> float:
    """Sum over i < j of (a_ij - c_i c_j)^2."""
    c2 = c**2
    return float((e.w**2).sum() - 2 * (e.w * c[e.src] * c[e.dst]).sum() + (c2.sum() ** 2 - (c2**2).sum()) / 2)


def _continuous_run(e: _Edges, c: np.ndarray) -> tuple[np.ndarray, bool]:
    """Damped fixed-point iteration c_i <- (c_i + sum_j a_ij c_j / sum_{j != i} c_j^2) / 2.

    The undamped map is the stationarity condition of the least-squares loss.
    Iterated on its own it behaves like power iteration and can oscillate
    (e.g. on bipartite graphs); averaging with the current c removes that and,
    for the overall scale, acts like Newton's method for a square root.  The
    map sends non-negative vectors to non-negative vectors, so c >= 0 holds
    without projection.  Returns c and whether it converged.

    Convergence is geometric with rate about (1 + lambda_2 / lambda_1) / 2 for
    the two leading eigenvalues of the tie matrix, so it is slow exactly when
    no single dominant core exists (lattices, rings, two similar components).
    """
    for _ in range(_CONT_MAX_ITER):
        denom = np.maximum((c**2).sum() - c**2, np.finfo(float).tiny)
        new = 0.5 * (c + e.matvec(c) / denom)
        change = np.abs(new - c).max()
        c = new
        if change <= _CONT_TOL * max(c.max(), np.finfo(float).tiny):
            return c, True
    return c, False


def _not_converged_message(c: np.ndarray) -> str:
    """Say why the fixed point is slow, so the caller can judge the approximate coreness."""
    hub = int(np.argmax(c))
    share = c[hub] ** 2 / (c**2).sum()
    if share > 0.9:
        why = (
            f"one vertex (index {hub}) holds {share:.1%} of the sum of squared coreness: the "
            "least-squares optimum is (close to) a one-vertex core, a star, approached only slowly"
        )
    else:
        why = "no single dominant core (e.g. several similar components, or a lattice-like network)"
    return (
        f"continuous core/periphery iteration did not converge in {_CONT_MAX_ITER} steps: {why}; "
        "coreness values are approximate"
    )


def continuous_core_periphery(
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, restarts: int = 5
) -> ContinuousCorePeriphery:
    """Continuous coreness (Borgatti & Everett 1999).

    Finds c >= 0 minimising the least-squares loss
    ``sum_{i<j} (a_ij - c_i c_j)**2`` (a rank-one fit to the off-diagonal
    tie strengths).  We minimise the loss rather than maximise the correlation
    (UCINET's choice) because its stationarity condition gives a simple,
    sparse fixed point, ``c_i = sum_j a_ij c_j / sum_{j != i} c_j**2``, which is
    iterated with damping.  The reported ``fit`` is nevertheless the Pearson
    correlation between ``a_ij`` and ``c_i c_j`` over all pairs i < j, so it is
    comparable with UCINET's output.

    Each restart starts from the strength vector (first run) or a random
    positive vector; the run with the lowest loss is kept.  Each iteration is
    O(n + m); at most 2000 iterations are run, and a ``RuntimeWarning`` says
    so, and why, when the kept run has not converged (see Notes).  Vertices
    outside the component that carries the core converge towards 0; isolated
    vertices are exactly 0.

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
    restarts : int, default 5
        Number of optimisation runs (>= 1).

    Returns
    -------
    ContinuousCorePeriphery
        ``coreness`` rescaled to [0, 1] by its maximum (all 0 without edges),
        ``fit`` (NaN when undefined, e.g. no edges) and ``restarts``.

    Raises
    ------
    ValueError
        If the graph is directed, the weight attribute is missing, or a weight
        is negative or not finite.

    Notes
    -----
    Without the diagonal, a rank-one pattern can reproduce one vertex's row
    of ties exactly: let c_h grow and c_j = a_hj / c_h shrink.  When one
    vertex's ties dominate (a star; weighted networks with one very strong
    actor) the optimum, for the least-squares loss and for the correlation
    alike, is therefore a one-vertex core with a very large c_h, and the
    iteration approaches it slowly; it is stopped after 2000 steps with a
    warning, the coreness is then close to 1 for the hub and close to 0
    elsewhere, and (in the cases we measured) the loss is within 1e-4 of its
    infimum, relative to sum a**2.  Slow convergence also occurs when no single core dominates
    (several similar components, lattices, rings).

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    """
    if restarts < 1:
        raise ValueError(f"restarts must be >= 1, got {restarts}")
    e = _edges(graph, weights)
    strength = e.strength()
    if len(e.w) == 0:
        return ContinuousCorePeriphery(np.zeros(e.n), math.nan, restarts)
    rng = np.random.default_rng(seed)
    # Scale the start so c_i c_j is about the configuration-model expectation
    # s_i s_j / (2W); the damped iteration fixes the scale anyway.
    scale = 1 / math.sqrt(strength.sum())
    best_c, best_loss, best_converged = None, math.inf, False
    for r in range(restarts):
        start = strength if r == 0 else rng.uniform(0.0, 1.0, e.n) * strength.max() * (strength > 0)
        c, converged = _continuous_run(e, start * scale)
        loss = _continuous_loss(e, c)
        # A later run must beat an earlier one by more than rounding (relative
        # to the loss of c = 0), so exact ties keep the strength-seeded run.
        if best_c is None or loss < best_loss - 1e-12 * (e.w**2).sum():
            best_c, best_loss, best_converged = c, loss, converged
    if not best_converged:
        warnings.warn(_not_converged_message(best_c), RuntimeWarning, stacklevel=2)
    coreness = best_c / best_c.max()
    # Values this small are the iteration's round-off, not a position: report them as 0.
    coreness[coreness < _ZERO_CORENESS] = 0.0
    return ContinuousCorePeriphery(coreness, _continuous_fit(e, coreness), restarts)


# ---------------------------------------------------------------------------
# Significance against a degree-preserving null
# ---------------------------------------------------------------------------


class _IgraphSeed:
    """Context manager: run igraph's randomness from ``random.Random(seed)``, then restore the default.

    igraph draws from a process-wide generator (by default Python's ``random``
    module); seeding a private one keeps the test reproducible without
    touching the global ``random`` state.
    """

    def __init__(self, seed: int):
        self.seed = seed

    def __enter__(self):
        ig.set_random_number_generator(random.Random(self.seed))

    def __exit__(self, *exc):
        ig.set_random_number_generator(random)  # igraph's default
        return False


def core_periphery_test(
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, n_null: int = 100, restarts: int = 3
) -> CorePeripheryTest:
    """Significance of the discrete core/periphery fit against a degree-preserving null.

    Null model: each null graph is the observed (simplified) graph rewired by
    degree-preserving double edge swaps (igraph ``Graph.rewire`` with
    ``10 * m`` trials, ``allowed_edge_types="simple"``: no loops, no multi-edges),
    so every vertex keeps its degree, isolated vertices stay isolated, and
    components may merge.  The observed tie strengths are then randomly
    permuted over the new edges: the weight distribution is kept, vertex
    strengths are not.  A high-degree core alone therefore does not make the
    structure significant; the core must be denser than its degrees imply.

    The observed graph and every null graph are fitted with the same effort
    (``restarts`` runs of :func:`discrete_core_periphery`), so the search's
    luck does not bias the comparison.  The p-value is
    ``(1 + #{null fit >= observed fit}) / (1 + n_null)``; a null graph whose
    fit is undefined (NaN) counts as at least as good as the observed one,
    which errs on the conservative side.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected graph; may be disconnected and have isolated vertices.
    weights : str or None, default "weight"
        Name of the edge attribute with non-negative tie strengths; None for
        an unweighted graph.
    seed : int, default 0
        Seed for the numpy generator (weight permutations, optimiser seeds) and
        for a private ``random.Random`` used by igraph's rewiring.  igraph's
        generator is reset to its default (the ``random`` module) afterwards.
    n_null : int, default 100
        Number of null graphs (>= 1).
    restarts : int, default 3
        Optimisation runs per fit (observed and null).

    Returns
    -------
    CorePeripheryTest
        ``p_value``, ``observed_fit``, ``null_mean``, ``null_sd`` (sample sd,
        ddof=1; NaN when ``n_null`` is 1) and ``n_null``.  If the observed fit
        is undefined, all but ``n_null`` are NaN.

    Raises
    ------
    ValueError
        For a directed graph, a missing or invalid weight attribute, or
        ``n_null < 1``.

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    .. [2] Maslov, S., & Sneppen, K. (2002). Specificity and stability in
       topology of protein networks. Science, 296(5569), 910-913.
    """
    if n_null < 1:
        raise ValueError(f"n_null must be >= 1, got {n_null}")
    e = _edges(graph, weights)
    rng = np.random.default_rng(seed)
    observed = _discrete(e, rng.integers(2**63), restarts).fit
    if math.isnan(observed):
        return CorePeripheryTest(math.nan, math.nan, math.nan, math.nan, n_null)

    base = ig.Graph(n=e.n, edges=np.column_stack([e.src, e.dst]).tolist())
    null_fits = np.empty(n_null)
    with _IgraphSeed(int(rng.integers(2**63))):
        for k in range(n_null):
            g = base.copy()
            g.rewire(n=10 * g.ecount(), allowed_edge_types="simple")
            el = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
            null_e = _Edges(e.n, el.min(axis=1), el.max(axis=1), rng.permutation(e.w))
            null_fits[k] = _discrete(null_e, rng.integers(2**63), restarts).fit

    exceed = np.isnan(null_fits) | (null_fits >= observed)
    p = (1 + int(exceed.sum())) / (1 + n_null)
    mean = float(np.nanmean(null_fits)) if np.any(~np.isnan(null_fits)) else math.nan
    sd = float(np.nanstd(null_fits, ddof=1)) if np.sum(~np.isnan(null_fits)) > 1 else math.nan
    return CorePeripheryTest(float(p), float(observed), mean, sd, n_null)


# ---------------------------------------------------------------------------
# k-core baseline
# ---------------------------------------------------------------------------


def kcore(graph: ig.Graph) -> np.ndarray:
    """k-core shell index (coreness) of every vertex, as a baseline for the models above.

    The coreness of v is the largest k such that v belongs to a subgraph in
    which every vertex has degree >= k.  Weights are ignored; parallel edges
    are merged and self-loops dropped first, so the result matches
    ``networkx.core_number`` on the simple graph.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected graph.

    Returns
    -------
    numpy.ndarray of int
        Shell index per vertex in graph vertex order (0 for isolated vertices).

    Raises
    ------
    ValueError
        If the graph is directed.

    References
    ----------
    .. [1] Batagelj, V., & Zaversnik, M. (2003). An O(m) algorithm for cores
       decomposition of networks. arXiv:cs/0310049.
    .. [2] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    """
    e = _edges(graph, None)
    simple = ig.Graph(n=e.n, edges=np.column_stack([e.src, e.dst]).tolist())
    return np.asarray(simple.coreness(), dtype=np.int64)
