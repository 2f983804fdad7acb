"""How sure are we: bootstrap the analysis by dropping relations or actors at random.

Coordinators' data is always incomplete (the Brabant study rests on fourteen
interviews). To see which conclusions survive, the analysis is repeated on
perturbed copies of the data (a delete-d jackknife / subsampling bootstrap):

* relation resampling: drop a share ``drop`` of the relations at random, keep
  all actors; gives each actor's probability of being in the core and the
  interval (5th-95th percentile) of its orchestrator rank;
* actor resampling: drop a share ``drop`` of the actors (and their relations);
  gives each actor's core probability over the samples in which it was kept.

What this covers: relations and organisations that are *missing* from the
data. What it does not cover: relations that are wrong or invented (a sample
only ever removes rows), nor a wrong group or type of an organisation.

Each probability is a share k / B of independent samples, so it gets a 95%
Clopper-Pearson interval [3]_ for the probability that an endless run of samples
would give. A conclusion is called stable only when the whole interval lies
above ``STABLE`` (0.8: in the core in at least four out of five samples) or
below 1 - ``STABLE``; uncertain otherwise. With B samples, a unanimous result
has lower bound 0.025 ** (1 / B): above 0.8 from B = 17 on, 0.86 at 25.

Every sample is a pure function of (region, kind, sample index, seed):
:func:`_one_run` draws its own subsample from a random stream seeded by that
triple, so samples can be computed in any order or in parallel (pass a
process pool's ``map`` to :func:`bootstrap`) and give the same result.

Each sample gets the optimiser effort of the full fit (the default restarts
of :func:`discrete_core_periphery` and :func:`continuous_core_periphery`),
started afresh, not from the full data's solution.

References
----------
.. [1] Borgatti, S. P., Carley, K. M., & Krackhardt, D. (2006). On the robustness of centrality
   measures under conditions of imperfect data. Social Networks 28(2), 124-136.
.. [2] Efron, B. & Tibshirani, R. (1993). An Introduction to the Bootstrap. Chapman & Hall.
.. [3] Clopper, C. J., & Pearson, E. S. (1934). The use of confidence or fiducial limits
   illustrated in the case of the binomial. Biometrika 26(4), 404-413.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial

import numpy as np

from ..model import Region
from .centrality import repeated_pivots
from .core_periphery import discrete_core_periphery
from .groups import group_positions
from .mandate import mandate_parts
from .network import RelationArrays, network_of, relation_arrays, tie_graph
from .orchestrator import orchestrator_scores, steering_positions, steering_relations, steering_selection

STABLE = 0.8          # four out of five samples agree
DROP = 0.1            # share of relations (or actors) left out per sample
CONFIDENCE = 0.95     # of the interval around each probability
TOP_STABLE = 0.5      # the top candidate is stable when it ranks first in at least half the samples
RELATIONS, ACTORS = 0, 1   # the two kinds of resampling (part of each sample's seed)
MIN_ACTORS = 3        # actor-resampling samples with fewer actors are skipped

CORE, PERIPHERY, UNCERTAIN = "core", "periphery", "uncertain"


def clopper_pearson_interval(successes, trials, confidence: float = CONFIDENCE) -> tuple[np.ndarray, np.ndarray]:
    """Clopper-Pearson ('exact') interval for a binomial proportion (vectorised).

    Parameters
    ----------
    successes, trials : array_like of int
        Counts; ``0 <= successes <= trials``.
    confidence : float, default 0.95

    Returns
    -------
    low, high : numpy.ndarray
        Bounds in [0, 1]; NaN where ``trials`` is 0. ``low`` is the ``(1 - confidence) / 2``
        quantile of Beta(k, n - k + 1) (0 when k = 0), ``high`` the ``(1 + confidence) / 2``
        quantile of Beta(k + 1, n - k) (1 when k = n).

    Notes
    -----
    The interval inverts two one-sided binomial tests, so its coverage is at least
    ``confidence`` for every true probability, including near 0 and 1 where the
    stable/uncertain verdicts are made. Wilson's interval is narrower on average but
    covers less than nominal for some probabilities near 0 and 1 (Brown, Cai & DasGupta
    2001): on Brabant its 100-sample intervals missed a 1,000-sample reference for 5 of
    86 actors, mostly rare core members seen once or twice. A unanimous B of B has lower
    bound ``((1 - confidence) / 2) ** (1 / B)``: 0.86 at B = 25, above 0.8 from B = 17.

    References
    ----------
    .. [1] Clopper, C. J., & Pearson, E. S. (1934). The use of confidence or fiducial
       limits illustrated in the case of the binomial. Biometrika 26(4), 404-413.
    .. [2] Brown, L. D., Cai, T. T., & DasGupta, A. (2001). Interval estimation for
       a binomial proportion. Statistical Science 16(2), 101-133.
    """
    # Imported here: the analysis stage never calls this (renderers do), and scipy.special takes about
    # 0.1 s to import, which the process start would otherwise spend before any work can start on the
    # other cores. betaincinv is the Beta quantile (scipy.stats, 0.5-1 s to import, is not needed).
    from scipy.special import betaincinv

    k = np.asarray(successes, dtype=float)
    n = np.asarray(trials, dtype=float)
    if np.any(k < 0) or np.any(k > n):
        raise ValueError("successes must lie between 0 and trials")
    tail = (1 - confidence) / 2
    with np.errstate(invalid="ignore", divide="ignore"):
        # betaincinv(a, b, q) is the q quantile of Beta(a, b) (scipy.stats.beta.ppf calls the same routine).
        low = np.where(k > 0, betaincinv(np.maximum(k, 1), n - k + 1, tail), 0.0)
        high = np.where(k < n, betaincinv(k + 1, np.maximum(n - k, 1), 1 - tail), 1.0)
    empty = n == 0
    return np.where(empty, np.nan, low), np.where(empty, np.nan, high)


def verdict(low: float, high: float) -> str:
    """CORE when the whole interval lies above STABLE, PERIPHERY when below 1 - STABLE, else UNCERTAIN.

    Also used for any other share of samples (a key group lacking a seat):
    CORE then reads 'holds', PERIPHERY 'does not hold'. NaN bounds (never
    measured) give UNCERTAIN.
    """
    if low > STABLE:
        return CORE
    if high < 1 - STABLE:
        return PERIPHERY
    return UNCERTAIN


def is_stable(low: float, high: float) -> bool:
    """True when the interval [low, high] lies wholly above STABLE or below 1 - STABLE."""
    return verdict(low, high) != UNCERTAIN


@dataclass(frozen=True)
class Sample:
    """What one resample found, indexed by the full region's actors."""

    kept: np.ndarray                   # bool: actor present in the sample
    core: np.ndarray                   # bool: in the sample's discrete core (False when not kept)
    rank: np.ndarray | None            # orchestrator rank (relation resampling only)
    peripheral: tuple[str, ...]        # key groups without a seat in the sample's core


@dataclass(frozen=True)
class Stability:
    samples: int
    drop: float
    core_probability: np.ndarray              # relation resampling
    core_probability_actors: np.ndarray       # actor resampling, NaN if an actor was never kept
    rank_low: np.ndarray                      # 5th percentile of orchestrator rank (relation resampling)
    rank_high: np.ndarray                     # 95th percentile
    top_share: np.ndarray                     # share of samples in which the actor ranks first
    peripheral_share: dict[str, float]        # key group -> share of samples in which it lacks a seat
    standard_error: float                     # bound on the Monte Carlo standard error of any probability
    core_count: np.ndarray                    # relation samples in which the actor is in the core
    core_count_actors: np.ndarray             # actor samples in which the actor is kept and in the core
    kept: np.ndarray                          # actor samples in which the actor is kept
    peripheral_count: dict[str, int]          # key group -> relation samples in which it lacks a seat
    core_sizes: np.ndarray                    # core size of each relation sample

    @property
    def core_interval(self) -> tuple[np.ndarray, np.ndarray]:
        """95% Clopper-Pearson interval of each actor's core probability (relation resampling)."""
        return clopper_pearson_interval(self.core_count, np.full(len(self.core_count), self.samples))

    @property
    def core_interval_actors(self) -> tuple[np.ndarray, np.ndarray]:
        """95% Clopper-Pearson interval over the actor samples that kept the actor (NaN if none did)."""
        return clopper_pearson_interval(self.core_count_actors, self.kept)

    def peripheral_interval(self, group: str) -> tuple[float, float]:
        low, high = clopper_pearson_interval(self.peripheral_count.get(group, 0), self.samples)
        return float(low), float(high)

    @property
    def core_verdicts(self) -> tuple[str, ...]:
        """Per actor: CORE, PERIPHERY or UNCERTAIN from its interval (relation resampling, :func:`verdict`)."""
        low, high = self.core_interval
        return tuple(verdict(lo, hi) for lo, hi in zip(low, high))

    @property
    def core_verdicts_actors(self) -> tuple[str, ...]:
        """Per actor: the verdict under actor resampling; UNCERTAIN for an actor never kept."""
        low, high = self.core_interval_actors
        return tuple(verdict(lo, hi) for lo, hi in zip(low, high))

    def uncertain(self) -> tuple[int, ...]:
        """Actors whose core verdict under relation resampling is UNCERTAIN, in or out of the core."""
        return tuple(v for v, verdict_ in enumerate(self.core_verdicts) if verdict_ == UNCERTAIN)

    def uncertain_actors(self, members) -> tuple[int, ...]:
        """Of ``members`` (the core), those uncertain under actor resampling; actors never kept have no verdict."""
        verdicts = self.core_verdicts_actors
        return tuple(v for v in members if self.kept[v] > 0 and verdicts[v] == UNCERTAIN)

    def top_stable(self, v: int) -> bool:
        """True when actor ``v`` ranks first in at least :data:`TOP_STABLE` of the samples (a documented choice)."""
        return bool(self.top_share[v] >= TOP_STABLE)

    def peripheral_stable(self, group: str) -> bool:
        """True when the share of samples in which key group ``group`` lacks a seat has a clear verdict."""
        return is_stable(*self.peripheral_interval(group))


def _sample_seed(seed: int, kind: int, index: int) -> np.random.SeedSequence:
    # SeedSequence takes non-negative entropy; seed % 2**64 keeps negative seeds distinct.
    return np.random.SeedSequence([seed % 2**64, kind, index])


@dataclass(frozen=True)
class _Prepared:
    """What every resample of one region starts from, computed once per region."""

    arrays: RelationArrays      # the relations as arrays over actor indices
    steering: np.ndarray        # per relation: a steering relation (orchestrator.steering_relations)


def _prepare(region: Region) -> _Prepared:
    return _Prepared(relation_arrays(region), steering_relations(region))


def _one_run(region: Region, kind: int, index: int, seed: int = 0, drop: float = DROP,
             prepared: _Prepared | None = None) -> Sample | None:
    """Draw resample ``index`` of ``kind`` (RELATIONS or ACTORS) and analyse it.

    A pure function of its arguments: the subsample and every optimiser start
    come from a random stream seeded by (seed, kind, index). Returns None for an
    actor sample with fewer than MIN_ACTORS actors. ``prepared`` (``_prepare(region)``,
    made once by :func:`bootstrap`) saves turning the relations into arrays per sample.

    The core uses the full fit's optimiser effort (default restarts). Relation
    samples also get the orchestrator score, computed exactly as for the full
    data (centre, reach, bridging with cross-group brokerage, mandate from the resampled
    relations), with betweenness
    estimated from pivots on large networks (see ``centrality.repeated_pivots``).
    """
    prepared = prepared if prepared is not None else _prepare(region)
    draw, optimise = _sample_seed(seed, kind, index).spawn(2)
    rng = np.random.default_rng(draw)
    n = len(region.actors)
    if kind == RELATIONS:
        keep = rng.random(len(region.relations)) >= drop
        arrays = prepared.arrays.subset(relations=keep)
        kept = np.ones(n, dtype=bool)
    elif kind == ACTORS:
        kept = rng.random(n) >= drop
        if kept.sum() < MIN_ACTORS:
            return None
        arrays = prepared.arrays.subset(actors=kept)
    else:
        raise ValueError(f"unknown resampling kind {kind!r}")
    # The core needs the tie network only (not the arcs): see network.tie_graph.
    disc = discrete_core_periphery(tie_graph(arrays), "weight", seed=optimise)
    core = np.zeros(n, dtype=bool)
    core[np.flatnonzero(kept)] = disc.core
    peripheral = tuple(sorted(g.group for g in group_positions(arrays.groups, disc.core) if g.key and g.peripheral))
    if kind == ACTORS:
        return Sample(kept, core, None, peripheral)
    # As in the full analysis, the orchestrator's position is read among the steering relations
    # (orchestrator.steering_network, here from the arrays).
    in_ecosystem, active = steering_selection(arrays, prepared.steering[keep])
    ecosystem = network_of(arrays.subset(relations=in_ecosystem))
    positions = steering_positions(ecosystem, optimise, pivots=repeated_pivots(n),
                                   betweenness_seed=int(optimise.generate_state(1)[0]))
    sample = replace(region, relations=tuple(r for r, k in zip(region.relations, keep.tolist()) if k))
    orch = orchestrator_scores(ecosystem, *positions, mandate=mandate_parts(sample), active=active, sensitivity=False)
    return Sample(kept, core, np.asarray(orch.rank), peripheral)


def bootstrap_tasks(region: Region, samples: int, seed: int = 0,
                    drop: float = DROP) -> tuple[Callable[[tuple[int, int]], Sample | None], list[tuple[int, int]]]:
    """The resamples of :func:`bootstrap` as ``(fn, tasks)``: ``map(fn, tasks)`` gives them in order.

    A task is (kind, index): the ``samples`` relation resamples first (the dearer kind), then
    the actor resamples. Each is a pure function of its task (:func:`_one_run`).
    """
    if samples < 1:
        raise ValueError("bootstrap needs at least one sample")
    return (partial(_task, region, seed, drop, _prepare(region)),
            [(RELATIONS, i) for i in range(samples)] + [(ACTORS, i) for i in range(samples)])


def _task(region: Region, seed: int, drop: float, prepared: _Prepared, task: tuple[int, int]) -> Sample | None:
    kind, index = task
    return _one_run(region, kind, index, seed=seed, drop=drop, prepared=prepared)


def bootstrap(region: Region, samples: int, seed: int = 0, drop: float = DROP,
              mapper: Callable[[Callable, Iterable], Iterable] = map,
              runs: Callable[[], Iterable[Sample | None]] | None = None) -> Stability:
    """Resample ``region`` ``samples`` times each way and summarise how often conclusions hold.

    Parameters
    ----------
    region : Region
    samples : int
        Resamples of each kind (>= 1).
    seed : int
        Sample ``i`` of each kind is seeded by (seed, kind, i), whatever the order of computation.
    drop : float
        Share of relations (or actors) left out per sample.
    mapper : callable, default ``map``
        How to map the samples of :func:`bootstrap_tasks` over their indices; a process pool's
        ``map`` runs them in parallel with identical results.
    runs : callable, optional
        Returns the samples of :func:`bootstrap_tasks` (same arguments), in order, computed
        elsewhere (e.g. started early on a pool, :class:`ecosystem.parallel.Tasks`); None maps
        them with ``mapper``.
    """
    if samples < 1:
        raise ValueError("bootstrap needs at least one sample")
    n = len(region.actors)
    done = list(runs() if runs is not None else mapper(*bootstrap_tasks(region, samples, seed, drop)))
    by_relation, by_actor = done[:samples], [r for r in done[samples:] if r is not None]
    in_core = np.sum([r.core for r in by_relation], axis=0).astype(int)
    ranks = np.array([r.rank for r in by_relation])
    top = np.bincount([int(np.argmin(r.rank)) for r in by_relation], minlength=n)
    peripheral: dict[str, int] = {}
    for r in by_relation:
        for g in r.peripheral:
            peripheral[g] = peripheral.get(g, 0) + 1

    kept = np.sum([r.kept for r in by_actor], axis=0).astype(int) if by_actor else np.zeros(n, dtype=int)
    in_core_kept = np.sum([r.core for r in by_actor], axis=0).astype(int) if by_actor else np.zeros(n, dtype=int)
    with np.errstate(invalid="ignore", divide="ignore"):
        actor_prob = np.where(kept > 0, in_core_kept / np.maximum(kept, 1), np.nan)
    return Stability(
        samples=samples, drop=drop,
        core_probability=in_core / samples,
        core_probability_actors=actor_prob,
        rank_low=np.percentile(ranks, 5, axis=0, method="lower").astype(int),
        rank_high=np.percentile(ranks, 95, axis=0, method="higher").astype(int),
        top_share=top / samples,
        peripheral_share={g: c / samples for g, c in peripheral.items()},
        standard_error=0.5 / math.sqrt(samples),
        core_count=in_core, core_count_actors=in_core_kept, kept=kept,
        peripheral_count=peripheral,
        core_sizes=np.array([int(r.core.sum()) for r in by_relation]),
    )
