"""How sure are we: bootstrap the analysis by dropping relations or actors at random.

Coordinators' data is always incomplete (the Brabant study rests on fourteen
interviews). To see which conclusions survive, the analysis is repeated on
perturbed copies of the data (a delete-d jackknife / subsampling bootstrap):

* relation resampling: drop a share ``drop`` of the relations at random, keep
  all actors; gives each actor's probability of being in the core and the
  interval (5th-95th percentile) of its orchestrator rank (equal scores share a rank, as every
  output shows ranks: ``orchestrator.shared_ranks``);
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
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from ..model import Region
from ..vocab import KEY_GROUPS
from .centrality import betweenness_of_incidence, repeated_pivots
from .core_periphery._edges import _adjacency, _kept, _pair_edges
from .core_periphery.continuous import _continuous
from .core_periphery.discrete import RESTARTS as DISCRETE_RESTARTS
from .core_periphery.discrete import _discrete
from .core_periphery.structure import structure_of
from .gould_fernandez import TwoPaths, cross_group_counts, role_counts
from .groups import appearance_codes, group_codes, key_bits, key_group_shares, peripheral_key_groups
from .mandate import mandate_part, role_signal
from .network import RelationArrays, TieIndex, arc_rows, relation_arrays, tie_lengths
from .orchestrator import (WEIGHTS, _score, first_alone, present_key_groups, reached_masks, score_parts,
                           selected_steering, shared_ranks, steering_relations)

STABLE = 0.8          # four out of five samples agree
DROP = 0.1            # share of relations (or actors) left out per sample
CONFIDENCE = 0.95     # of the interval around each probability
TOP_STABLE = 0.5      # the top candidate is stable when it ranks first in more than half the samples
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
    # The quantiles are compiled (_beta_quantile, loaded with the other kernels): taken here, as every
    # kernel is, so that importing the analysis does not import numba.
    from ._compiled import kernel

    beta_quantiles = kernel("beta_quantiles")

    k, n = np.broadcast_arrays(np.asarray(successes, dtype=float), np.asarray(trials, dtype=float))
    if np.any(k < 0) or np.any(k > n):
        raise ValueError("successes must lie between 0 and trials")
    tail = (1 - confidence) / 2
    # Each distinct (k, n) once: the actors' counts repeat (at most samples + 1 values of k per n).
    pairs, inverse = np.unique(np.stack([k.ravel(), n.ravel()], axis=1), axis=0, return_inverse=True)
    pk, pn = pairs[:, 0], pairs[:, 1]
    low, high = np.zeros(len(pairs)), np.ones(len(pairs))
    some, short = pk > 0, pk < pn

    def quantiles(a: np.ndarray, b: np.ndarray, q: float) -> np.ndarray:   # the kernel's one signature
        return beta_quantiles(np.ascontiguousarray(a, dtype=float), np.ascontiguousarray(b, dtype=float), q)
    low[some] = quantiles(pk[some], pn[some] - pk[some] + 1, tail)
    high[short] = quantiles(pk[short] + 1, pn[short] - pk[short], 1 - tail)
    low[pn == 0] = high[pn == 0] = np.nan
    inverse = inverse.reshape(k.shape)
    return np.asarray(low[inverse]), np.asarray(high[inverse])     # arrays also for scalar counts


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
    rank: np.ndarray | None            # orchestrator rank, equal scores one (shared_ranks; relation resampling only)
    peripheral: tuple[str, ...]        # key groups without a seat in the sample's core
    first: int                         # the actor first alone in the ranking (orchestrator.first_alone); -1: none


@dataclass(frozen=True)
class Stability:
    samples: int
    drop: float
    core_probability: np.ndarray              # relation resampling
    core_probability_actors: np.ndarray       # actor resampling, NaN if an actor was never kept
    rank_low: np.ndarray                      # 5th percentile of orchestrator rank (relation resampling)
    rank_high: np.ndarray                     # 95th percentile
    top_share: np.ndarray                     # share of samples in which the actor ranks first alone
    peripheral_share: dict[str, float]        # key group -> share of samples in which it lacks a seat
    standard_error: float                     # bound on the Monte Carlo standard error of any probability
    core_count: np.ndarray                    # relation samples in which the actor is in the core
    core_count_actors: np.ndarray             # actor samples in which the actor is kept and in the core
    kept: np.ndarray                          # actor samples in which the actor is kept
    peripheral_count: dict[str, int]          # key group -> relation samples in which it lacks a seat
    core_sizes: np.ndarray                    # core size of each relation sample
    actor_samples: int                        # actor resamples drawn: ``samples``, or 0 when they were not asked for
    # The intervals, computed with the counts (where the analysis made them) so that a process that only
    # reads the analysis (the renderers, after it arrives pickled) needs no compiled kernel (numba).
    # ``bounds``: the Clopper-Pearson interval of k of ``samples`` for k = 0 ... samples; ``bounds_actors``:
    # per actor, of core_count_actors of kept (NaN if never kept).
    bounds: tuple[np.ndarray, np.ndarray] = field(init=False)
    bounds_actors: tuple[np.ndarray, np.ndarray] = field(init=False)

    def __post_init__(self) -> None:
        k = np.arange(self.samples + 1)
        object.__setattr__(self, "bounds", clopper_pearson_interval(k, np.full(len(k), self.samples)))
        object.__setattr__(self, "bounds_actors", clopper_pearson_interval(self.core_count_actors, self.kept))

    @property
    def core_interval(self) -> tuple[np.ndarray, np.ndarray]:
        """95% Clopper-Pearson interval of each actor's core probability (relation resampling)."""
        low, high = self.bounds
        return low[self.core_count], high[self.core_count]

    @property
    def core_interval_actors(self) -> tuple[np.ndarray, np.ndarray]:
        """95% Clopper-Pearson interval over the actor samples that kept the actor (NaN if none did).

        Raises ValueError when the actors were not resampled (``actor_samples`` 0): no actor would
        have a verdict, which must not read as every actor being stable.
        """
        if not self.actor_samples:
            raise ValueError("the actors were not resampled (actor_samples is 0): no actor-resampling verdicts")
        return self.bounds_actors

    def peripheral_interval(self, group: str) -> tuple[float, float]:
        """95% Clopper-Pearson interval of the share of relation resamples in which ``group`` lacks a seat."""
        low, high = self.bounds
        k = self.peripheral_count.get(group, 0)
        return float(low[k]), float(high[k])

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

    def stable_in_core(self, members) -> tuple[int, ...]:
        """Of ``members`` (the core), those whose verdict under relation resampling is CORE."""
        verdicts = self.core_verdicts
        return tuple(v for v in members if verdicts[v] == CORE)

    def uncertain_actors(self, members) -> tuple[int, ...]:
        """Of ``members`` (the core), those uncertain under actor resampling; actors never kept have no verdict.
        Raises ValueError when the actors were not resampled (:attr:`core_interval_actors`)."""
        verdicts = self.core_verdicts_actors
        return tuple(v for v in members if self.kept[v] > 0 and verdicts[v] == UNCERTAIN)

    def top_stable(self, v: int) -> bool:
        """True when actor ``v`` ranks first alone in more than :data:`TOP_STABLE` of the samples (a documented choice).

        Alone: a first place shared with an equal score counts for nobody (the ranking tells such actors
        apart by id, which would hand the first of them by id every sample where they tie). More than
        half, not half: so that of two actors each first in half the samples neither is called settled.
        """
        return bool(self.top_share[v] > TOP_STABLE)

    def seats_in_doubt(self) -> tuple[str, ...]:
        """The key groups that lack a seat in some resamples and are not stably seated (their share's
        interval is not wholly below 1 - :data:`STABLE`): peripheral or undecided, in vocabulary order."""
        return tuple(g for g in KEY_GROUPS if self.peripheral_share.get(g, 0) > 0
                     and verdict(*self.peripheral_interval(g)) != PERIPHERY)

    def peripheral_stable(self, group: str) -> bool:
        """True when the share of samples in which key group ``group`` lacks a seat has a clear verdict."""
        return is_stable(*self.peripheral_interval(group))


def _sample_seed(seed: int, kind: int, index: int) -> np.random.SeedSequence:
    # SeedSequence takes non-negative entropy; seed % 2**64 keeps negative seeds distinct.
    return np.random.SeedSequence([seed % 2**64, kind, index])


@dataclass(frozen=True)
class _Prepared:
    """What every resample of one region starts from, computed once per region.

    A resample keeps a subset of the region's relations (and actors), so its ties, arcs and
    incidence are subsets of the region's, in the same order: they are read off these arrays
    with masks, instead of building igraph graphs and sorting per resample (see ``network.TieIndex``).
    """

    arrays: RelationArrays      # the relations as arrays over actor indices
    steering: np.ndarray        # per relation: a steering relation (orchestrator.steering_relations)
    ties: TieIndex              # the region's ties
    across: np.ndarray          # per relation: joins two different groups
    arc_rows: np.ndarray        # per arc row (network.arc_rows): its relation
    arc_codes: np.ndarray       # the region's distinct arcs, source * n + target, sorted
    arc_of: np.ndarray          # per arc row: its arc
    arc_loop: np.ndarray        # per arc: a loop
    two_paths: TwoPaths | None  # the two-paths of the arcs without loops (None: too many, counted per resample)
    group_codes: np.ndarray     # per actor: groups.group_codes
    factor: np.ndarray          # per actor: a code per distinct group (equal groups, equal codes)
    bits: np.ndarray            # per actor: groups.key_bits
    present: int                # key groups with an actor
    names: np.ndarray           # the actor ids (objects), for the core's tie-break
    governance: np.ndarray      # per relation: a governance relation
    funding: np.ndarray         # per relation: a funding relation
    roles: np.ndarray           # mandate.role_signal per actor


def _prepare(region: Region) -> _Prepared:
    arrays = relation_arrays(region)
    n = arrays.n
    factor = appearance_codes(arrays.groups)
    rows, arc_src, arc_dst = arc_rows(arrays)
    arc_codes, arc_of = np.unique(arc_src * max(n, 1) + arc_dst, return_inverse=True)
    arc_loop = arc_codes // max(n, 1) == arc_codes % max(n, 1)
    return _Prepared(
        arrays, steering_relations(region), TieIndex.of(arrays), factor[arrays.src] != factor[arrays.dst],
        rows, arc_codes, arc_of.reshape(-1), arc_loop, TwoPaths.of(arc_codes[~arc_loop], n, factor),
        group_codes(arrays.groups), factor, key_bits(arrays.groups), len(present_key_groups(arrays.groups)),
        np.array(arrays.ids, dtype=object),
        arrays.of_type("governance"), arrays.of_type("funding"),
        role_signal(tuple(a.role for a in region.actors)))


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

    The same numbers as building the sample's networks (``network.network_of``) and calling
    ``discrete_core_periphery``, ``steering_positions``, ``mandate_parts`` and
    ``orchestrator_scores`` on them (tests/test_resample_networks.py checks it), but each step
    is fed arrays read off ``prepared`` and computes only what a :class:`Sample` keeps: the
    core, the peripheral key groups and the orchestrator ranks.
    """
    prepared = prepared if prepared is not None else _prepare(region)
    draw, optimise = _sample_seed(seed, kind, index).spawn(2)
    rng = np.random.default_rng(draw)
    arrays = prepared.arrays
    n = len(region.actors)
    if kind == RELATIONS:
        keep = rng.random(len(region.relations)) >= drop
        kept = np.ones(n, dtype=bool)
        new_index = None
        size, codes, names = n, prepared.group_codes, prepared.names
    elif kind == ACTORS:
        kept = rng.random(n) >= drop
        size = int(np.count_nonzero(kept))
        if size < MIN_ACTORS:
            return None
        keep = kept[arrays.src] & kept[arrays.dst]
        new_index = np.cumsum(kept) - 1
        codes, names = prepared.group_codes[kept], prepared.names[kept]
    else:
        raise ValueError(f"unknown resampling kind {kind!r}")
    # The core needs the tie network only (not the arcs): see network.tie_graph.
    edges, _, _ = _edges_of(prepared.ties, keep, arrays.weight, size, new_index)
    core = np.zeros(n, dtype=bool)
    # As in the full analysis, a sample in one of the shapes without a core (all tied to all, separate
    # pairs, separate parts: core_periphery.structure) has none.
    if structure_of(edges).has_core:
        core[np.flatnonzero(kept)] = _discrete(edges, optimise, DISCRETE_RESTARTS, names).core
    peripheral = peripheral_key_groups(codes, core[kept])
    if kind == ACTORS:
        return Sample(kept, core, None, peripheral, -1)
    # As in the full analysis, the orchestrator's position is read among the steering relations
    # (orchestrator.steering_network, here on the region's rows).
    in_ecosystem, active = selected_steering(n, arrays.src, arrays.dst, prepared.across, keep & prepared.steering)
    ties, pairs, (present, weight) = _edges_of(prepared.ties, in_ecosystem, arrays.weight, n)
    coreness = _continuous(ties, optimise, within_parts=True).coreness if len(ties.w) else np.zeros(n)
    # The path search's incidence (as _incidence.incidence_arrays makes it), on distance = 1 / strength.
    from ._incidence import sorted_incidence

    tie, tail, head = TieIndex.ends(prepared.ties.by_ends, present)
    length = np.zeros(len(present))
    length[present] = tie_lengths(weight)
    between = betweenness_of_incidence(sorted_incidence(n, tail, head, length[tie]), repeated_pivots(n),
                                       int(optimise.generate_state(1)[0]))
    arcs = np.zeros(len(prepared.arc_codes), dtype=bool)
    arcs[prepared.arc_of[in_ecosystem[prepared.arc_rows]]] = True
    if prepared.two_paths is not None:
        counts = prepared.two_paths.counts(arcs[~prepared.arc_loop])
    else:
        counts = role_counts(prepared.arc_codes[arcs & ~prepared.arc_loop], n, prepared.factor)
    brokerage = cross_group_counts(counts)
    governance, funding = keep & prepared.governance, keep & prepared.funding
    mandate = mandate_part(n, prepared.bits, prepared.present, arrays.src[governance], arrays.dst[governance],
                           arrays.src[funding], arrays.weight[funding], prepared.roles)
    reach = key_group_shares(reached_masks(prepared.bits, pairs), prepared.present)
    score = _score(score_parts(coreness, reach, between, brokerage, mandate), WEIGHTS, active)
    # equal scores one rank (orchestrator.shared_ranks), as every output shows a rank: the interval read beside
    # a candidate's rank counts a place shared with an equal score as that place, not as the next by id
    return Sample(kept, core, shared_ranks(score), peripheral, first_alone(score))


def _edges_of(index: TieIndex, rows: np.ndarray, weight: np.ndarray, n: int, new_index: np.ndarray | None = None):
    """The core/periphery edge list of the ties of the rows where ``rows`` holds (weights ``weight``
    per row; actors renumbered by ``new_index``), its adjacency read off the region's (``index.by_first``).

    Returns the edge list, the ties' pairs (``network.tie_pairs`` of the rows) and, per region tie,
    whether the rows have it and the summed weights of those they have.
    """
    pairs, _, sums, present = index.subset(rows, weight[rows], new_index)
    on = np.zeros(len(present), dtype=bool)
    on[present] = _kept(pairs, sums)                            # the edges _pair_edges keeps
    strength = np.zeros(len(present))
    strength[present] = sums
    tie, end, other = TieIndex.ends(index.by_first, on, new_index)
    return _pair_edges(n, pairs, sums, _adjacency(n, end, other, strength[tie])), pairs, (present, sums)


def bootstrap_tasks(region: Region, samples: int, seed: int = 0, drop: float = DROP,
                    actors: bool = True) -> tuple[Callable[[tuple[int, int]], Sample | None], list[tuple[int, int]]]:
    """The resamples of :func:`bootstrap` as ``(fn, tasks)``: ``map(fn, tasks)`` gives them in order.

    A task is (kind, index): the ``samples`` relation resamples first (the dearer kind), then
    (with ``actors``) the actor resamples. Each is a pure function of its task (:func:`_one_run`),
    so leaving out the actor resamples changes none of the relation resamples.
    """
    if samples < 1:
        raise ValueError("bootstrap needs at least one sample")
    return (partial(_task, region, seed, drop, _prepare(region)),
            [(RELATIONS, i) for i in range(samples)] + [(ACTORS, i) for i in range(samples if actors else 0)])


def _task(region: Region, seed: int, drop: float, prepared: _Prepared, task: tuple[int, int]) -> Sample | None:
    kind, index = task
    return _one_run(region, kind, index, seed=seed, drop=drop, prepared=prepared)


def bootstrap(region: Region, samples: int, seed: int = 0, drop: float = DROP,
              mapper: Callable[[Callable, Iterable], Iterable] = map,
              runs: Callable[[], Iterable[Sample | None]] | None = None, actors: bool = True) -> Stability:
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
    actors : bool, default True
        Also resample the actors. Without, only the relations are resampled: the actor-resampling
        results are those of actors never kept (NaN probabilities, no verdict) and
        ``actor_samples`` is 0.
    """
    if samples < 1:
        raise ValueError("bootstrap needs at least one sample")
    n = len(region.actors)
    done = list(runs() if runs is not None else mapper(*bootstrap_tasks(region, samples, seed, drop, actors)))
    by_relation, by_actor = done[:samples], [r for r in done[samples:] if r is not None]
    in_core = np.sum([r.core for r in by_relation], axis=0).astype(int)
    ranks = np.array([r.rank for r in by_relation])
    # A first place shared (equal scores, which the ranking tells apart by id) counts for nobody.
    top = np.bincount([r.first for r in by_relation if r.first >= 0], minlength=n)
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
        actor_samples=samples if actors else 0,
    )
