"""Actor centralities on the tie network.

Degree, strength and eigenvector come from igraph's C core; betweenness and closeness from
one compiled shortest-path search per source actor that serves both
(:mod:`._path_search`: igraph's weighted Brandes search, the same numbers to the last bit
for betweenness).

Definitions match networkx so it can serve as the independent oracle in tests:

* degree: number of distinct actors tied to (``nx.degree``);
* strength: sum of tie weights (``nx.degree(weight="weight")``);
* in/out degree: distinct arcs of directed relation types only;
* betweenness: Brandes (2001) on distance = 1 / strength, normalised like
  ``nx.betweenness_centrality(normalized=True)`` on the undirected network,
  i.e. igraph's unordered-pair count times 2 / ((n-1)(n-2)); for repeated
  computations on large networks (resamples, layers) it can be estimated from a
  random sample of source actors (Brandes & Pich 2007), see :func:`betweenness`;
* closeness: harmonic closeness (Marchiori & Latora 2000; Boldi & Vigna 2014),
  mean of 1 / distance to all other actors, so disconnected networks work:
  ``nx.harmonic_centrality(distance="distance") / (n-1)``;
* eigenvector: Bonacich (1972) on tie strength, scaled to max 1.

References
----------
Brandes, U. (2001). A faster algorithm for betweenness centrality. J. Math. Sociol. 25(2).
Brandes, U. & Pich, C. (2007). Centrality estimation in large networks. Int. J. Bifurcation
and Chaos 17(7).
Marchiori, M. & Latora, V. (2000). Harmony in the small-world. Physica A 285(3-4).
Boldi, P. & Vigna, S. (2014). Axioms for centrality. Internet Mathematics 10(3-4).
Bonacich, P. (1972). Factoring and weighting approaches to status scores. J. Math. Sociol. 2(1).
"""
from __future__ import annotations

import math
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

import numpy as np

from ..seeding import seeded_igraph
from .network import TieNetwork
from .sample_sizes import LARGE, MEDIUM, SMALL

Mapper = Callable[[Callable, Iterable], Iterable]


@dataclass(frozen=True)
class Sampling:
    """How the path measures of a very large network were estimated (None: computed exactly).

    ``sources`` actors were drawn at random; from each, shortest paths to every actor were
    counted. ``betweenness_error`` and ``closeness_error`` bound the absolute error of each
    actor's normalised value with probability ``confidence`` (Hoeffding's inequality for a
    mean of independent bounded terms).
    """

    sources: int
    actors: int
    confidence: float
    betweenness_error: float
    closeness_error: float


@dataclass(frozen=True)
class Centralities:
    degree: np.ndarray
    strength: np.ndarray
    in_degree: np.ndarray
    out_degree: np.ndarray
    betweenness: np.ndarray
    closeness: np.ndarray
    eigenvector: np.ndarray
    sampling: Sampling | None = None


EXACT_UP_TO = SMALL    # actors; above this, repeated betweenness runs are estimated
PIVOTS = 250           # source actors sampled for each repeated estimate (Brandes & Pich 2007)
# Actors: above this an exact path measure is counted in chunks of CHUNK source actors, which a
# process pool can spread over the cores (:func:`exact_path_measures`).
SPLIT_ABOVE = MEDIUM
CHUNK = 500


def betweenness(net: TieNetwork, pivots: int | None = None, seed: int = 0,
                mapper: Mapper | None = None) -> np.ndarray:
    """Normalised betweenness on distance = 1 / tie strength.

    Parameters
    ----------
    net : TieNetwork
    pivots : int, optional
        If given and smaller than the number of actors, shortest paths are counted
        only from ``pivots`` source actors drawn at random (seeded) and scaled by
        n / pivots: an unbiased estimate whose cost is a fraction pivots / n of the
        exact computation (Brandes & Pich 2007). None computes it exactly.
    seed : int
        Seed for drawing the pivots.
    mapper : callable, optional
        Above SPLIT_ABOVE actors: how to map over chunks of the source actors
        (:func:`exact_path_measures`); None counts them in one call.

    References
    ----------
    Brandes, U. (2001). A faster algorithm for betweenness centrality.
    Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
    """
    n = net.n
    if n <= 2:
        return np.zeros(n)
    if mapper is None or n <= SPLIT_ABOVE:
        return betweenness_of_incidence(_incidence(net), pivots, seed)
    if pivots is None or pivots >= n:
        return exact_path_measures(net, mapper, closeness=False)[0]
    sources = _pivots(n, pivots, seed)
    raw = _summed([part[0] for part in mapper(partial(_chunk_task, _incidence(net)), _chunks(sources, _BATCH))], n)
    return _normalised(raw * n / pivots, n)


def betweenness_of_incidence(incidence: tuple[np.ndarray, np.ndarray, np.ndarray], pivots: int | None = None,
                             seed: int = 0) -> np.ndarray:
    """:func:`betweenness` in this process, of a network given by its search's incidence arrays.

    ``incidence`` is ``_incidence.incidence_arrays`` of the ties on distance = 1 / strength
    (what :func:`_incidence` makes of a network); the bootstrap's resamples make it without a graph.
    """
    n = len(incidence[0]) - 1
    if n <= 2:
        return np.zeros(n)
    if pivots is None or pivots >= n:
        raw = _chunk_task(incidence, range(n))[0]
    else:
        raw = _chunk_task(incidence, _pivots(n, pivots, seed))[0] * n / pivots
    return _normalised(raw, n)


def _pivots(n: int, pivots: int, seed: int) -> list[int]:
    """The ``pivots`` source actors of an estimate, drawn at random (seeded), in increasing order."""
    return np.sort(np.random.default_rng(seed).choice(n, size=pivots, replace=False)).tolist()


def repeated_pivots(n_actors: int) -> int | None:
    """Pivots for betweenness computed many times (bootstrap samples, layers): exact up to EXACT_UP_TO actors.

    Above that PIVOTS source actors, whatever the size: the estimate's noise then widens the
    resampled orchestrator rank intervals a little instead of making every resample cost a full
    all-pairs computation. The error of a pivot estimate in normalised units depends on the number
    of pivots, not on the network's size (Brandes & Pich 2007; the Hoeffding bound of
    :func:`sampled_path_measures`), so a fixed number keeps the precision the same at every size
    while each estimate's cost grows only in proportion to the network. The full network's
    betweenness, which every table reports, stays exact up to SAMPLED_ABOVE actors.
    """
    if n_actors <= EXACT_UP_TO:
        return None
    return PIVOTS


def _incidence(net: TieNetwork) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The compiled search's incidence arrays of ``net``'s ties, on distance = 1 / strength."""
    from ._incidence import incidence_arrays

    ends = np.array(net.ties.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    return incidence_arrays(net.n, ends, np.array(net.ties.es["distance"], dtype=float))


def _chunk_task(incidence: tuple[np.ndarray, np.ndarray, np.ndarray],
                sources: Iterable[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One search from each of ``sources`` (:func:`._path_search.path_sums`).

    Returns the undirected betweenness counts of the sources' paths (igraph's
    ``betweenness(sources=...)``, the dependencies halved), each source's sum of 1 / distance
    and each actor's sum of 1 / distance from the sources.
    """
    from ._compiled import kernel
    from ._incidence import EPSILON

    path_sums = kernel("path_sums")

    sources = np.asarray(list(sources), dtype=np.int64)
    n = len(incidence[0]) - 1
    if len(sources) and (sources.min() < 0 or sources.max() >= n):
        # The compiled search does not check its indices: a wrong one would write outside its arrays.
        raise ValueError(f"source actors must be between 0 and {n - 1}")
    dependency, out_harmonic, in_harmonic = path_sums(*incidence, sources, EPSILON)
    return dependency * 0.5, out_harmonic, in_harmonic


def _searched(net: TieNetwork, sources: Iterable[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_chunk_task` on ``net`` in this process: one shortest-path search per source."""
    return _chunk_task(_incidence(net), sources)


def _normalised(raw: np.ndarray, n: int) -> np.ndarray:
    """Betweenness counts of unordered pairs in networkx's normalisation (n > 2)."""
    return raw * 2.0 / ((n - 1) * (n - 2))


def _per_other(sums: np.ndarray, n: int) -> np.ndarray:
    """Sums of 1 / distance as harmonic closeness: the mean over the n - 1 other actors (igraph's scaling)."""
    return sums * (1.0 / (n - 1))


def _chunks(vertices, size: int) -> list[tuple[int, ...]]:
    vertices = [int(v) for v in vertices]
    return [tuple(vertices[i:i + size]) for i in range(0, len(vertices), size)]


def _summed(parts: list[np.ndarray], n: int) -> np.ndarray:
    """The chunks' sums added in chunk order: the same numbers whatever computed them."""
    total = np.zeros(n)
    for part in parts:
        total += part
    return total


def exact_path_measures(net: TieNetwork, mapper: Mapper = map, closeness: bool = True,
                        chunk: int = CHUNK) -> tuple[np.ndarray, np.ndarray | None]:
    """Exact betweenness and (with ``closeness``) harmonic closeness, counted in chunks of source actors.

    Betweenness is a sum over source actors of each source's dependencies (Brandes 2001), and an
    actor's harmonic closeness is read from the shortest paths out of that actor alone; so both
    split into chunks of ``chunk`` consecutive actors that ``mapper`` (a process pool) may compute
    in parallel. The chunks depend on the network's size only and their betweenness is summed in
    chunk order, so the result does not depend on the number of workers; it equals
    :func:`betweenness` and :func:`harmonic_closeness` up to the order of floating-point
    additions (closeness exactly).
    """
    n = net.n
    if n <= 2:
        return np.zeros(n), (harmonic_closeness(net) if closeness else None)
    parts = list(mapper(partial(_chunk_task, _incidence(net)), _chunks(range(n), chunk)))
    raw = _summed([part[0] for part in parts], n)
    close = _per_other(np.concatenate([part[1] for part in parts]), n) if closeness else None
    return _normalised(raw, n), close


def harmonic_closeness(net: TieNetwork) -> np.ndarray:
    if net.n < 2:
        return np.zeros(net.n)
    return _per_other(_searched(net, range(net.n))[1], net.n)


def eigenvector(net: TieNetwork) -> np.ndarray:
    """Leading eigenvector of the weighted adjacency matrix, max scaled to 1.

    On a disconnected network the leading eigenvector lives on the component with the
    largest eigenvalue; other components get 0. This is the textbook definition
    (and networkx's ``eigenvector_centrality_numpy``), stated so nobody is surprised.
    """
    if net.ties.ecount() == 0:
        return np.zeros(net.n)
    with warnings.catch_warnings():
        # igraph warns on disconnected networks; the docstring above states what we return.
        warnings.simplefilter("ignore", RuntimeWarning)
        # ARPACK starts from a random vector drawn from igraph's generator: seed it, so
        # the last bits of the result are the same in every process.
        with seeded_igraph(0):
            values = np.array(net.ties.eigenvector_centrality(weights="weight", scale=True), dtype=float)
    values[np.abs(values) < 1e-12] = 0.0
    return values


SAMPLED_ABOVE = LARGE    # actors; above this even one exact all-pairs pass takes too long
SAMPLED_SOURCES = 1000   # source actors for the estimate
CONFIDENCE = 0.95
_BATCH = 100             # sources per chunk of an estimate


def sampled_path_measures(net: TieNetwork, sources: int = SAMPLED_SOURCES, seed: int = 0,
                          confidence: float = CONFIDENCE,
                          mapper: Mapper = map) -> tuple[np.ndarray, np.ndarray, Sampling]:
    """Betweenness and harmonic closeness estimated from ``sources`` random source actors.

    The sources are counted in chunks of _BATCH, which ``mapper`` (a process pool) may spread
    over the cores; chunk sums are added in chunk order, so the workers do not change the result.

    Betweenness: Brandes & Pich (2007), the dependencies of the sampled sources scaled by
    n / k. Closeness: the mean of 1 / d(s, v) over the sampled sources s != v. Each is the mean
    of k independent terms bounded in [0, R] (betweenness: R = 2n / (n - 1) in normalised
    units, since one source's dependency on v is at most n - 2; closeness: R = the largest tie
    strength, the inverse of the shortest possible distance), so by Hoeffding's inequality
    |estimate - exact| <= R sqrt(ln(2 / (1 - confidence)) / (2k)) for each actor with
    probability ``confidence``.

    References
    ----------
    Brandes, U. & Pich, C. (2007). Centrality estimation in large networks.
    Eppstein, D. & Wang, J. (2004). Fast approximation of centrality. J. Graph Algorithms Appl. 8(1).
    Hoeffding, W. (1963). Probability inequalities for sums of bounded random variables. JASA 58(301).
    """
    n = net.n
    k = min(sources, n)
    chosen = np.sort(np.random.default_rng(seed).choice(n, size=k, replace=False))
    parts = list(mapper(partial(_chunk_task, _incidence(net)), _chunks(chosen, _BATCH)))
    between = _normalised(_summed([part[0] for part in parts], n) * n / k, n)
    inverse = _summed([part[2] for part in parts], n)
    # Each actor v is averaged over the sampled sources other than itself.
    others = k - np.isin(np.arange(n), chosen)
    closeness = inverse / np.maximum(others, 1)
    spread = math.sqrt(math.log(2 / (1 - confidence)) / (2 * k))
    max_strength = float(max(net.ties.es["weight"], default=1.0))
    sampling = Sampling(k, n, confidence, 2 * n / (n - 1) * spread, max_strength * spread)
    return between, closeness, sampling


def centralities(net: TieNetwork, seed: int = 0, mapper: Mapper | None = None) -> Centralities:
    """Every actor's centralities; path measures estimated from sampled sources above SAMPLED_ABOVE actors.

    With a ``mapper`` (a process pool), exact path measures above SPLIT_ABOVE actors are counted
    in parallel chunks (:func:`exact_path_measures`).
    """
    if net.n > SAMPLED_ABOVE:
        between, close, sampling = sampled_path_measures(net, seed=seed, mapper=mapper or map)
    elif mapper is not None and net.n > SPLIT_ABOVE:
        (between, close), sampling = exact_path_measures(net, mapper), None
    else:       # one chunk of every actor: the one search igraph's betweenness makes, closeness beside it
        (between, close), sampling = exact_path_measures(net, chunk=net.n), None
    return Centralities(
        degree=np.array(net.ties.degree(), dtype=float),
        strength=np.array(net.ties.strength(weights="weight"), dtype=float),
        in_degree=np.array(net.directed_arcs.indegree(), dtype=float),
        out_degree=np.array(net.directed_arcs.outdegree(), dtype=float),
        betweenness=between,
        closeness=close,
        eigenvector=eigenvector(net),
        sampling=sampling,
    )
