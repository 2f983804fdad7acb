"""Borgatti & Everett's continuous core/periphery model: a coreness in [0, 1] per actor.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
.. [2] Varadhan, R., & Roland, C. (2008). Simple and globally convergent methods for
   accelerating the convergence of any EM algorithm. Scandinavian Journal of Statistics,
   35(2), 335-353. (The accelerated iteration.)
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import igraph as ig
import numpy as np

from ._edges import _VARIANCE_TOL, _Edges, _edges
from .structure import sizeable_parts

# Fixed-point iteration limits for the continuous model.
_CONT_MAX_ITER = 2_000
_CONT_TOL = 1e-10
_ZERO_CORENESS = 1e-9      # rescaled coreness below this is numerically zero
_DOMINANCE_EVERY = 25      # iterations between checks for the one-vertex-core case
_DOMINANCE = 0.99          # share of sum c**2 on one vertex at which that case stops
RESTARTS = 5               # default optimisation runs
_TINY = float(np.finfo(float).tiny)   # looked up once: np.finfo costs microseconds per call


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


# ---------------------------------------------------------------------------
# Continuous model
# ---------------------------------------------------------------------------
#
# Over all pairs i < j:  sum c_i c_j = ((sum c)^2 - sum c^2) / 2  and
# sum (c_i c_j)^2 = ((sum c^2)^2 - sum c^4) / 2, so the objective and the
# correlation need only these global sums plus sum over edges of a_ij c_i c_j.


def _continuous_fit(e: _Edges, fitted: "_Fitted") -> float:
    """Pearson correlation over all pairs i < j of a_ij with the fitted pattern (NaN if undefined).

    The pattern is each fit's own: ``c_i c_j`` of its unscaled values on the pairs of the vertices it
    fitted, and, where it is reported as a star's limit (one vertex ``hub`` left, :func:`_continuous`),
    that limit's pattern, ``c_hub c_j -> a_hub,j`` on the hub's pairs and 0 elsewhere (its own
    products, all 0 once rescaled, would leave the correlation undefined). One fit covers the network;
    under ``within_parts`` each part has its own and the pairs between parts (no tie between them) get
    0, as they do in each part's own model.
    """
    part = np.zeros(e.n, dtype=np.int64) if fitted.part_of is None else fitted.part_of
    # values reported as 0 (round-off, isolated vertices, a star's limit but its hub) are 0 in the pattern too
    c = np.where((fitted.coreness > 0) & (part >= 0), fitted.unscaled, 0.0)
    sp = spp = sap = 0.0
    for hub in fitted.limits:
        c[part == part[hub]] = 0.0              # the limit's pattern instead of its products
        w = e.w[(e.src == hub) | (e.dst == hub)]
        squares = float((w**2).sum())
        sp, spp, sap = sp + float(w.sum()), spp + squares, sap + squares
    block = np.maximum(part, 0)                 # vertices in no part have c = 0: any block will do
    c2 = c**2
    s1, s2, s4 = (np.bincount(block, weights=x) for x in (c, c2, c2**2))
    sp += float(((s1**2 - s2) / 2).sum())
    spp += float(((s2**2 - s4) / 2).sum())
    within = part[e.src] == part[e.dst]         # a tie lies within one piece; between parts the pattern is 0
    sap += float((e.w * c[e.src] * c[e.dst])[within].sum())
    return _correlation(e, sp, spp, sap)


def _correlation(e: _Edges, sp: float, spp: float, sap: float) -> float:
    """Pearson correlation over all pairs i < j of a_ij with a pattern p_ij, from the pattern's sum ``sp``, sum
    of squares ``spp`` and cross sum with ``a`` ``sap`` (NaN where either varies by less than rounding)."""
    cells = e.n * (e.n - 1) / 2
    sa, saa = e.w.sum(), (e.w**2).sum()
    var_a, var_p = cells * saa - sa**2, cells * spp - sp**2
    if var_a <= _VARIANCE_TOL * cells * saa or var_p <= _VARIANCE_TOL * cells * spp:
        return math.nan
    return float((cells * sap - sa * sp) / math.sqrt(var_a * var_p))


def _continuous_loss(e: _Edges, c: np.ndarray, squares: float | None = None) -> float:
    """Sum over i < j of (a_ij - c_i c_j)^2 (``squares``: ``(e.w**2).sum()`` when the caller has it)."""
    c2 = c**2
    squares = (e.w**2).sum() if squares is None else squares
    return float(squares - 2 * (e.w * c[e.src] * c[e.dst]).sum() + (c2.sum() ** 2 - (c2**2).sum()) / 2)


def _kernel():
    """The compiled iteration (:func:`._continuous_search.continuous_runs`), loaded on first use.

    Taken here (``analysis._compiled.kernel``), not at module level, so that commands without a fit never
    load numba. Taking it loads the machine code (the ahead-of-time build, or numba's from its cache, or
    compiled on a new machine): a caller that forks worker processes can call this first to do that once,
    in the parent.
    """
    from .._compiled import kernel

    return kernel("continuous_runs")


def _continuous_runs(e: _Edges, starts: np.ndarray, one_vertex_stop: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Damped fixed-point iteration c_i <- (c_i + sum_j a_ij c_j / sum_{j != i} c_j^2) / 2, from each row of
    ``starts``, accelerated by SQUAREM [2]_.

    The undamped map is the stationarity condition of the least-squares loss.
    Iterated on its own it behaves like power iteration and can oscillate
    (e.g. on bipartite graphs); averaging with the current c removes that and,
    for the overall scale, acts like Newton's method for a square root.  The
    map sends non-negative vectors to non-negative vectors.  Returns the final
    c of each run (one row each) and whether each converged.

    On its own the damped map converges geometrically with rate about
    (1 + lambda_2 / lambda_1) / 2 for the two leading eigenvalues of the tie
    matrix, slowly where no single dominant core exists (lattices, rings, two
    similar components), and it drifts towards a star's limit (the Notes of
    :func:`continuous_core_periphery`) in hundreds of steps. So every two steps
    x1 = F(x0), x2 = F(x1) are extrapolated (Varadhan & Roland's scheme S3): with
    r = x1 - x0 and v = x2 - 2 x1 + x0, the step length a = -|r| / |v|; if a < -1,
    one step of the map from x0 - 2 a r + a^2 v (clipped at 0, so c >= 0 holds)
    replaces x2 when its loss is not above x2's. The fixed points are the damped
    map's; the accelerated runs reach them, and a star's 99%, in fewer steps (the
    whole network's 200 resamples in ``python bench/bench_samples.py``: 0.25-0.37 ->
    0.21-0.28 s; issue 10).

    A run stops, converged, after a step that changed no value by more than
    ``_CONT_TOL`` times its largest value; at the end of a cycle in which the step
    count passed a multiple of ``_DOMINANCE_EVERY``, not converged, once one vertex
    holds ``_DOMINANCE`` of the sum of squared coreness (the slow one-vertex-core
    case of :func:`continuous_core_periphery`'s Notes: c_h grows without bound and
    the loss creeps down like 1/t), unless ``one_vertex_stop`` is False; and after
    ``_CONT_MAX_ITER`` steps (evaluations of the map), not converged.

    The iteration is compiled (:mod:`._continuous_search`; why: a step written with
    numpy cost more in call overhead than in arithmetic) and works on the adjacency
    arrays, O(m) per step. Its sums are taken in a fixed order, so the result does not
    depend on anything but the graph and the starts.

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    .. [2] Varadhan, R., & Roland, C. (2008). Simple and globally convergent methods for
       accelerating the convergence of any EM algorithm. Scandinavian Journal of Statistics,
       35(2), 335-353.
    """
    ptr, nbr, w = e.adjacency
    return _kernel()(np.ascontiguousarray(starts, dtype=float), ptr, nbr, w, _CONT_MAX_ITER, _CONT_TOL, _TINY,
                     _DOMINANCE_EVERY, _DOMINANCE if one_vertex_stop else math.inf)


def _one_vertex_dominates(c: np.ndarray) -> np.ndarray:
    """Per row of ``c``: one vertex holds more than ``_DOMINANCE`` of the sum of squared coreness (a star)."""
    c2 = c * c
    return c2.max(axis=-1) > _DOMINANCE * c2.sum(axis=-1)


def one_vertex_core(coreness: np.ndarray) -> int | None:
    """The hub when the coreness is (close to) a one-vertex core, else None.

    That is the star-like case of :func:`continuous_core_periphery`: one vertex holds more
    than 99% of the sum of squared coreness. The least-squares optimum is then a core of
    that one vertex, which the iteration only approaches and the fit reports as its limit
    (every other vertex 0); a coreness from elsewhere (an iterate, another fit) may hold
    small values for the others, which say nothing about their position.

    Parameters
    ----------
    coreness : numpy.ndarray of float
        Coreness per vertex (any positive scale; the share does not depend on it).

    Returns
    -------
    int or None
        Index of the hub, or None when no vertex holds that share (or all coreness is 0).

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    """
    c = np.asarray(coreness, dtype=float)
    if not len(c) or not (c * c).sum() > 0:
        return None
    return int(np.argmax(c * c)) if bool(_one_vertex_dominates(c)) else None


def _not_converged_message(fitted: _Fitted) -> str:
    """Say why the fixed point is slow, so the caller can judge the approximate coreness; where every kept
    run that did not converge was a star's limit, that the limit was reported instead (:func:`_continuous`)."""
    if fitted.approximate is None:
        hubs = ", ".join(f"index {hub}" for hub in fitted.limits)
        where = "its part" if fitted.part_of is not None else "the network"
        return (
            f"continuous core/periphery iteration stopped before converging: one vertex ({hubs}) holds over "
            f"{_DOMINANCE:.0%} of the sum of squared coreness in {where}, so the least-squares optimum there is a "
            "one-vertex core, a star, which the iteration approaches only slowly; reported as its limit: "
            "coreness 1 for that vertex and 0 for every other"
        )
    c = fitted.approximate
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
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, restarts: int = RESTARTS, within_parts: bool = False
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
    vertices are exactly 0.  When one vertex dominates and none of its
    partners are tied to each other (the star case in Notes) the coreness is
    the optimum's limit: exactly 1 for that vertex and 0 for every other.
    The iteration is the damped map accelerated by SQUAREM (see
    ``_continuous_runs``).

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
    within_parts : bool, default False
        When the network falls apart into sizeable separate parts (``parts`` of
        :func:`.structure.network_structure`), fit each sizeable part on its own
        (:func:`.structure.sizeable_parts`, each with ``seed``, so a part gets the coreness it gets
        analysed alone) and rescale each part to its own maximum; the actors in smaller pieces get 0.
        When every actor with a tie has exactly one (separate ``pairs``), each pair is such a part and
        both its ends get 1 (alone, a pair fixes only the product of its two values). Otherwise the one
        fit above. ``fit`` then reads each part's own pattern, 0 between parts (:func:`_continuous_fit`).
        See Notes.

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
    actor) the iteration heads there slowly; it is stopped, with a warning,
    once one vertex holds 99% of the sum of squared coreness.  Where no two of
    the hub's partners are tied to each other, the loss only falls as c_h
    grows: the optimum, for the least-squares loss and for the correlation
    alike, is that limit, a one-vertex core, and it is reported: 1 for the
    hub, 0 for every other vertex (what the iteration left of the others when
    it stopped, small but not 0, depends on the starts and on the step at
    which the stop was checked, not on the network), with ``fit`` the
    correlation of the ties with the limit's pattern (the hub's ties).  Where
    two partners are tied, their tie pulls the optimum back to a finite c_h:
    the kept run goes on past the one-vertex stop towards it (up to
    ``_CONT_MAX_ITER`` more steps) and reports it; only where it has not
    converged by then are the values approximations, and the warning says so.
    The same holds for each part under ``within_parts``.  Slow convergence also
    occurs when no single core dominates (several similar components,
    lattices, rings).

    On a network in separate parts the one fit puts its weight on one part: the others tend to 0,
    and with two similar parts which one wins depends on the starts (the optimum is nearly flat
    between them). ``within_parts`` measures each actor's coreness within its own part instead.

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    """
    if restarts < 1:
        raise ValueError(f"restarts must be >= 1, got {restarts}")
    e = _edges(graph, weights)
    if len(e.w) == 0:
        return ContinuousCorePeriphery(np.zeros(e.n), math.nan, restarts)
    fitted = _continuous(e, seed, restarts, within_parts)
    if not fitted.converged:
        warnings.warn(_not_converged_message(fitted), RuntimeWarning, stacklevel=2)
    return ContinuousCorePeriphery(fitted.coreness, _continuous_fit(e, fitted), restarts)


@dataclass(frozen=True)
class _Fitted:
    """What :func:`_continuous` found: the coreness and what the fit and the warning read besides.

    Attributes
    ----------
    coreness : numpy.ndarray of float
        Rescaled to [0, 1] (each part by its own maximum under ``within_parts``).
    unscaled : numpy.ndarray of float
        The kept runs' values as they stopped (each part's its own).
    limits : tuple of int
        The hubs reported as a star's limit (one per part, or the network's).
    part_of : numpy.ndarray of int, or None
        Per vertex, the part it was fitted in (``within_parts``; -1 for a vertex in none), or None for
        one fit over the network.
    approximate : numpy.ndarray or None
        The unscaled values of the first fit (the network's, or a part's, 0 elsewhere) whose kept run
        neither converged nor was reported as a star's limit: its values are approximations.
    """

    coreness: np.ndarray
    unscaled: np.ndarray
    limits: tuple[int, ...] = ()
    part_of: np.ndarray | None = None
    approximate: np.ndarray | None = None

    @property
    def converged(self) -> bool:
        """Whether every kept run converged: none was reported as a star's limit or kept as an approximation."""
        return not self.limits and self.approximate is None


def _continuous(e: _Edges, seed, restarts: int = RESTARTS, within_parts: bool = False) -> _Fitted:
    """The coreness of :func:`continuous_core_periphery` on a prepared edge list with at least one edge.

    The bootstrap's resamples call this directly: they read the coreness only, of edge lists made
    without a graph.

    The kept run (lowest loss of the restarts) decides. Where it stopped on one dominant vertex, the
    hub's partners decide between the two optima of the Notes of :func:`continuous_core_periphery`:
    none of them tied to another, the optimum is the star's limit, reported as such (hub 1, every
    other vertex 0); two of them tied, the optimum is finite, and the kept run iterates on towards it
    without the one-vertex stop (up to ``_CONT_MAX_ITER`` more steps; its values where it then stops
    are reported, converged or not). Either way the coreness is the optimum's, not what the iteration
    left when the stop was checked.
    """
    if within_parts:
        degree = np.bincount(np.concatenate([e.src, e.dst]), minlength=e.n)
        if degree.max() == 1:
            # Separate pairs ('pairs', structure.network_structure): within its own part a pair fixes only
            # the product of its two values, so the optimiser's start would split it and pick which pair
            # carries the weight (by id). Each pair alone is symmetric: both ends 1, as a part's maximum.
            coreness = (degree > 0).astype(float)
            # Each pair's own least-squares values: both sqrt(a_ij), whose product is its tie.
            unscaled, part_of = np.zeros(e.n), np.full(e.n, -1, dtype=np.int64)
            unscaled[e.src] = unscaled[e.dst] = np.sqrt(e.w)
            part_of[e.src] = part_of[e.dst] = np.arange(len(e.w))
            return _Fitted(coreness, unscaled, part_of=part_of)
        parts = sizeable_parts(e)
        if parts is not None:
            return _within_parts(e, parts, seed, restarts)
    strength = e.strength()
    rng = np.random.default_rng(seed)
    # Scale the start so c_i c_j is about the configuration-model expectation
    # s_i s_j / (2W); the damped iteration fixes the scale anyway.
    scale = 1 / math.sqrt(strength.sum())
    top, tied = strength.max(), strength > 0
    starts = [strength if r == 0 else rng.uniform(0.0, 1.0, e.n) * top * tied for r in range(restarts)]
    runs, converged_runs = _continuous_runs(e, np.array([start * scale for start in starts]))
    best_c, best_loss, best_converged = None, math.inf, False
    squares = (e.w**2).sum()
    for c, converged in zip(runs, converged_runs.tolist()):
        loss = _continuous_loss(e, c, squares)
        # A later run must beat an earlier one by more than rounding (relative
        # to the loss of c = 0), so exact ties keep the strength-seeded run.
        if best_c is None or loss < best_loss - 1e-12 * squares:
            best_c, best_loss, best_converged = c, loss, converged
    if not best_converged and bool(_one_vertex_dominates(best_c)):
        hub = int(np.argmax(best_c))
        if not _hub_in_triangle(e, hub):
            # The star case (Notes of continuous_core_periphery): the optimum is the limit c_hub -> infinity, where
            # every other c_j = a_hj / c_hub tends to 0. Rescaled, that limit is 1 for the hub and exactly 0 for
            # everyone else; what the iteration left of the others when it stopped depends on its starts and on
            # the step at which the stop was checked, not on the network, and no score may rest on it.
            coreness = np.zeros(e.n)
            coreness[hub] = 1.0
            return _Fitted(coreness, best_c, (hub,))
        # A tie between two of the hub's partners keeps the optimum finite: go on towards it.
        more, more_converged = _continuous_runs(e, best_c[None, :], one_vertex_stop=False)
        best_c, best_converged = more[0], bool(more_converged[0])
    coreness = best_c / best_c.max()
    # Values this small are the iteration's round-off, not a position: report them as 0.
    coreness[coreness < _ZERO_CORENESS] = 0.0
    return _Fitted(coreness, best_c, approximate=None if best_converged else best_c)


def _hub_in_triangle(e: _Edges, hub: int) -> bool:
    """Whether two of ``hub``'s partners are tied to each other.

    Then the star's limit is not the optimum: with ``c_j = a_hub,j t`` for the partners the loss of
    their own ties, ``sum (a_jk - a_hub,j a_hub,k t^2)^2``, falls as ``t`` grows from 0, so the optimum
    keeps the hub's value finite and the partners' above 0 (the iterate at the stop is then kept, as
    an approximation). Without such a tie the loss only falls as the hub's value grows.
    """
    partner = np.zeros(e.n, dtype=bool)
    partner[e.dst[e.src == hub]] = True
    partner[e.src[e.dst == hub]] = True
    return bool(np.any(partner[e.src] & partner[e.dst]))


def _within_parts(e: _Edges, parts: list[np.ndarray], seed, restarts: int) -> _Fitted:
    """:func:`_continuous` of each part in ``parts`` (vertex arrays in increasing order) on its own, each
    with ``seed`` and rescaled to its own maximum; 0 for every other vertex. Converged when every part's
    kept run converged; the unscaled values are each part's own, and so is a star's limit."""
    coreness, unscaled, limits, approximate = np.zeros(e.n), np.zeros(e.n), [], None
    part_of = np.full(e.n, -1, dtype=np.int64)
    for number, part in enumerate(parts):
        fitted = _continuous(_part_edges(e, part), seed, restarts)
        coreness[part], unscaled[part], part_of[part] = fitted.coreness, fitted.unscaled, number
        limits += [int(part[h]) for h in fitted.limits]
        if approximate is None and fitted.approximate is not None:
            approximate = np.zeros(e.n)
            approximate[part] = fitted.approximate
    return _Fitted(coreness, unscaled, tuple(limits), part_of, approximate)


def _part_edges(e: _Edges, part: np.ndarray) -> _Edges:
    """The edge list of the part's own network (``part``: a connected piece's vertices in increasing order),
    its vertices numbered in that order: the pairs stay sorted, as :func:`._edges._edges` makes them."""
    number = np.full(e.n, -1, dtype=np.int64)
    number[part] = np.arange(len(part))
    inside = number[e.src] >= 0          # a connected piece: a pair with one end in it has both
    return _Edges(len(part), number[e.src[inside]], number[e.dst[inside]], e.w[inside])
