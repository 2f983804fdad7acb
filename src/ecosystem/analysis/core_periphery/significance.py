"""Is there a core/periphery structure, and is it more than degrees? The discrete fit against two nulls.

References
----------
.. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
   structures. Social Networks, 21(4), 375-395.
.. [2] Erdős, P., & Rényi, A. (1959). On random graphs I. Publicationes
   Mathematicae Debrecen, 6, 290-297.
.. [3] Maslov, S., & Sneppen, K. (2002). Specificity and stability in
   topology of protein networks. Science, 296(5569), 910-913.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

import igraph as ig
import numpy as np

from ...seeding import seeded_igraph
from ._edges import _Edges, _edges
from .discrete import _discrete


# Significance level for both tests (one-sided, p <= ALPHA counts as significant).
ALPHA = 0.05

# The three answers the two tests together give (see CorePeripheryTest.verdict).
VERDICTS = ("denser_than_degrees", "degree_driven", "no_structure")


@dataclass(frozen=True)
class NullTest:
    """One comparison of the observed fit with fits of random networks.

    Attributes
    ----------
    p_value : float
        ``(1 + #{null fit >= observed fit}) / (1 + n_null)``; NaN when the
        observed fit is undefined.
    null_mean, null_sd : float
        Mean and sample standard deviation of the null fits, for a z-score
        ``(observed_fit - null_mean) / null_sd``.
    n_null : int
        Number of null graphs.
    """

    p_value: float
    null_mean: float
    null_sd: float
    n_null: int

    @property
    def significant(self) -> bool:
        return bool(self.p_value <= ALPHA)  # NaN compares False

    @property
    def floor(self) -> float:
        """The smallest p-value the test can give, ``1 / (n_null + 1)``: no null graph fitted as well."""
        return 1.0 / (self.n_null + 1)

    @property
    def at_floor(self) -> bool:
        """True when p is the floor: the test cannot say more than 'p <= floor' (NaN: False)."""
        return bool(self.p_value <= self.floor * (1 + 1e-9))


@dataclass(frozen=True)
class CorePeripheryTest:
    """Result of :func:`core_periphery_test`: the observed fit against two null models.

    Attributes
    ----------
    observed_fit : float
        Discrete fit of the observed graph (same effort as the null fits).
    density : NullTest
        Against random networks with the same actors, number of ties and tie
        strengths, ties placed uniformly at random: is there a core/periphery
        pattern at all?
    degrees : NullTest
        Against degree-preserving rewirings: is the core denser than the
        actors' numbers of ties explain?

    The attributes ``p_value``, ``n_null`` and ``z`` are those of the degrees test
    (kept for callers of the single-test version).
    """

    observed_fit: float
    density: NullTest
    degrees: NullTest

    @property
    def p_value(self) -> float:
        return self.degrees.p_value

    @property
    def n_null(self) -> int:
        return self.degrees.n_null

    @property
    def z(self) -> float:
        """The degrees test's z-score, ``(observed_fit - null_mean) / null_sd``; NaN when the null fits do not
        spread (``null_sd`` 0 or undefined: fewer than two defined null fits) or the fit is undefined."""
        sd = self.degrees.null_sd
        return (self.observed_fit - self.degrees.null_mean) / sd if sd > 0 else math.nan

    @property
    def verdict(self) -> str:
        """``"denser_than_degrees"`` when the degrees test is significant, ``"degree_driven"``
        when only the density test is, ``"no_structure"`` otherwise (also when the fit is undefined).
        """
        if self.degrees.significant:
            return "denser_than_degrees"
        if self.density.significant:
            return "degree_driven"
        return "no_structure"

    @property
    def supports_core(self) -> bool:
        """Whether a test supports a core (any verdict but ``"no_structure"``): only then may an output say
        that the core's members are densely tied to each other; otherwise the core is the best fit's split,
        a ranking (docs/methods.md §5)."""
        return self.verdict != "no_structure"


def untested(n_null: int) -> CorePeripheryTest:
    """The result when no core/periphery fit is defined: NaN throughout, verdict ``"no_structure"``."""
    undefined = NullTest(math.nan, math.nan, math.nan, n_null)
    return CorePeripheryTest(math.nan, undefined, undefined)


def _null_test(observed: float, null_fits: np.ndarray) -> NullTest:
    """p-value and moments of ``null_fits``; an undefined (NaN) null fit counts as reaching the observed one."""
    exceed = np.isnan(null_fits) | (null_fits >= observed)
    p = (1 + int(exceed.sum())) / (1 + len(null_fits))
    mean = float(np.nanmean(null_fits)) if np.any(~np.isnan(null_fits)) else math.nan
    sd = float(np.nanstd(null_fits, ddof=1)) if np.sum(~np.isnan(null_fits)) > 1 else math.nan
    return NullTest(float(p), mean, sd, len(null_fits))


def _null_edges(ends: np.ndarray, e: _Edges, rng: np.random.Generator) -> _Edges:
    """The ties ``ends`` of a null graph carrying a random permutation of the observed tie strengths."""
    return _Edges(e.n, ends.min(axis=1), ends.max(axis=1), rng.permutation(e.w))


def core_periphery_test(
    graph: ig.Graph, weights: str | None = "weight", *, seed=0, n_null: int = 100, restarts: int = 3,
    mapper: Callable[[Callable, Iterable], Iterable] = map,
    null_fits: Callable[[], Iterable[float]] | None = None,
) -> CorePeripheryTest:
    """Significance of the discrete core/periphery fit against two null models.

    Two questions, two null models; both keep the actors, the number of ties
    and the multiset of tie strengths (permuted at random over the null ties),
    and both are fitted with the same model and effort as the observed graph.

    * **density** -- is there a core/periphery pattern at all?  Each null
      graph is a uniform random simple graph with the same number of vertices
      and ties, G(n, m) (igraph ``Graph.Erdos_Renyi(n, m=m)``): every pair is
      equally likely to be tied, so nobody is central by construction.
    * **degrees** -- is the core denser than its members' numbers of ties
      explain?  Each null graph is the observed (simplified) graph rewired by
      degree-preserving double edge swaps (:mod:`._degree_swaps`, igraph's
      ``Graph.rewire(mode="simple")`` algorithm compiled, ``10 * m`` trials:
      no loops, no multi-edges), so every vertex keeps its degree, isolated vertices stay
      isolated, and components may merge.  Actors with many ties then still
      tie to each other often; a core that is only as dense as that is
      "degree driven".

    Each p-value is ``(1 + #{null fit >= observed fit}) / (1 + n_null)``; a
    null graph whose fit is undefined (NaN) counts as at least as good as the
    observed one, which errs on the conservative side.  The verdict
    (:attr:`CorePeripheryTest.verdict`) combines the two at ``ALPHA = 0.05``.

    Parameters
    ----------
    graph : igraph.Graph
        Undirected graph; may be disconnected and have isolated vertices.
    weights : str or None, default "weight"
        Name of the edge attribute with non-negative tie strengths; None for
        an unweighted graph.
    seed : int, default 0
        Null graph k of each model is drawn from a random stream seeded by
        (seed, model, k): igraph's generator (through a private ``random.Random``,
        reset to its default afterwards), the weight permutation and the optimiser.
    n_null : int, default 100
        Number of null graphs per test (>= 1).
    restarts : int, default 3
        Optimisation runs per fit (observed and null).
    mapper : callable, default ``map``
        How to map the null fits over their indices; :func:`ecosystem.parallel.pool_map` runs
        them on every core with identical results (each null graph is seeded by its index).
    null_fits : callable, optional
        Returns the null fits of :func:`null_tasks` (same arguments), in index order, computed
        elsewhere (e.g. started early on a pool, :class:`ecosystem.parallel.Tasks`); asked for
        only when the observed fit is defined. None maps them with ``mapper``.

    Returns
    -------
    CorePeripheryTest
        ``observed_fit`` and one :class:`NullTest` per null model.  If the
        observed fit is undefined, p-values and moments are NaN and the
        verdict is ``"no_structure"``.

    Raises
    ------
    ValueError
        For a directed graph, a missing or invalid weight attribute, or
        ``n_null < 1``.

    References
    ----------
    .. [1] Borgatti, S. P., & Everett, M. G. (1999). Models of core/periphery
       structures. Social Networks, 21(4), 375-395.
    .. [2] Erdős, P., & Rényi, A. (1959). On random graphs I. Publicationes
       Mathematicae Debrecen, 6, 290-297.
    .. [3] Maslov, S., & Sneppen, K. (2002). Specificity and stability in
       topology of protein networks. Science, 296(5569), 910-913.
    """
    if n_null < 1:
        raise ValueError(f"n_null must be >= 1, got {n_null}")
    e = _edges(graph, weights)
    observed = _discrete(e, np.random.default_rng(seed).integers(2**63), restarts).fit
    if math.isnan(observed):
        return untested(n_null)
    fits = np.array(list(null_fits() if null_fits is not None else mapper(*_tasks(e, seed, n_null, restarts))),
                    dtype=float)
    density_fits, degree_fits = fits[:n_null], fits[n_null:]
    return CorePeripheryTest(float(observed), _null_test(observed, density_fits), _null_test(observed, degree_fits))


def null_tasks(graph: ig.Graph, weights: str | None = "weight", *, seed=0, n_null: int = 100,
               restarts: int = 3) -> tuple[Callable[[int], float], range]:
    """The null fits of :func:`core_periphery_test` as ``(fn, indices)``: ``map(fn, indices)`` gives them in order.

    The first ``n_null`` are the density model's, the next ``n_null`` the degree model's; each
    is a pure function of its index, so any mapper or pool may compute them.
    """
    if n_null < 1:
        raise ValueError(f"n_null must be >= 1, got {n_null}")
    return _tasks(_edges(graph, weights), seed, n_null, restarts)


def _tasks(e: _Edges, seed, n_null: int, restarts: int) -> tuple[Callable[[int], float], range]:
    return partial(_null_fit, e, np.column_stack([e.src, e.dst]), seed, restarts, n_null), range(2 * n_null)


DENSITY, DEGREES = 0, 1      # the two null models, also the first part of a null graph's seed


def _null_fit(e: _Edges, ends: np.ndarray, seed, restarts: int, n_null: int, index: int) -> float:
    """The discrete fit of null graph ``index``: G(n, m) below ``n_null``, degree-preserving from it.

    A pure function of its arguments: the graph, the permutation of the tie strengths and
    the optimiser starts all come from a random stream seeded by (seed, model, k), so null
    graphs can be drawn in any order or in parallel with identical results. ``ends`` are the
    observed ties (``e``'s ends as an (m, 2) array), the start of every rewiring.
    """
    model, k = divmod(index, n_null)
    graph_seed, weight_seed, optimiser_seed = np.random.SeedSequence(
        [int(seed) % 2**64, model, k]).generate_state(3, np.uint64)
    if model == DENSITY:
        with seeded_igraph(int(graph_seed)):
            g = ig.Graph.Erdos_Renyi(n=e.n, m=len(e.w))
        null_ends = np.asarray(g.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    else:
        from ._rewiring import double_edge_swaps

        null_ends = double_edge_swaps(e.n, ends, 10 * len(e.w), np.random.default_rng(int(graph_seed)))
    null = _null_edges(null_ends, e, np.random.default_rng(int(weight_seed)))
    return _discrete(null, int(optimiser_seed), restarts).fit
