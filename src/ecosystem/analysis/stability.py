"""How sure are we: bootstrap the analysis by dropping relations or actors at random.

Coordinators' data is always incomplete (the Brabant study rests on fourteen
interviews). To see which conclusions survive, the analysis is repeated on
perturbed copies of the data (a delete-d jackknife / subsampling bootstrap):

* relation resampling: drop a share ``drop`` of the relations at random, keep
  all actors; gives each actor's probability of being in the core and the
  interval (5th-95th percentile) of its orchestrator rank;
* actor resampling: drop a share ``drop`` of the actors (and their relations);
  gives each actor's core probability over the samples in which it was kept.

A conclusion is called stable when at least four out of five samples agree with
it (probability >= 0.8 or <= 0.2), uncertain otherwise. With B samples a
probability has Monte Carlo standard error at most 0.5 / sqrt(B), reported
alongside.

References
----------
Borgatti, S. P., Carley, K. M., & Krackhardt, D. (2006). On the robustness of centrality
measures under conditions of imperfect data. Social Networks 28(2), 124-136.
Efron, B. & Tibshirani, R. (1993). An Introduction to the Bootstrap. Chapman & Hall.
"""
from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, replace

import numpy as np

from ..model import Region
from .brokerage import cross_group_brokerage, gould_fernandez
from .centrality import betweenness, repeated_pivots
from .core_periphery import continuous_core_periphery, discrete_core_periphery
from .groups import group_positions
from .mandate import mandate_parts
from .network import build_network
from .orchestrator import orchestrator_scores

STABLE = 0.8          # four out of five samples agree
DROP = 0.1            # share of relations (or actors) left out per sample
RESTARTS = 1          # one optimiser start per sample (the degree-seeded one): many samples instead of restarts


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
    standard_error: float                     # bound on the Monte Carlo error of any probability


def _one_run(region: Region, seed: int, rank: bool = True):
    """Core, orchestrator rank (None unless ``rank``) and group positions of one resample.

    The orchestrator score is computed exactly as for the full data (centre, reach,
    bridging with cross-group brokerage, mandate from the resampled relations), with betweenness estimated from pivots on
    large networks (see ``centrality.repeated_pivots``).
    """
    net = build_network(region)
    disc = discrete_core_periphery(net.ties, "weight", seed=seed, restarts=RESTARTS)
    if not rank:
        return disc.core, None, group_positions(net.groups, disc.core)
    with warnings.catch_warnings():
        # Non-convergence is reported once for the full data, not per resample.
        warnings.simplefilter("ignore", RuntimeWarning)
        cont = continuous_core_periphery(net.ties, "weight", seed=seed, restarts=RESTARTS)
    between = betweenness(net, pivots=repeated_pivots(net.n), seed=seed)
    brokerage = cross_group_brokerage(gould_fernandez(net.arcs, net.groups))
    orch = orchestrator_scores(net, cont.coreness, between, brokerage, mandate=mandate_parts(region))
    return disc.core, orch.rank, group_positions(net.groups, disc.core)


def bootstrap(region: Region, samples: int, seed: int = 0, drop: float = DROP) -> Stability:
    """Resample ``region`` ``samples`` times each way and summarise how often conclusions hold."""
    if samples < 1:
        raise ValueError("bootstrap needs at least one sample")
    rng = np.random.default_rng(seed)
    n, m = len(region.actors), len(region.relations)
    in_core = np.zeros(n)
    ranks = np.zeros((samples, n))
    top = np.zeros(n)
    peripheral: dict[str, int] = {}
    for s in range(samples):
        keep = rng.random(m) >= drop
        sample = replace(region, relations=tuple(r for r, k in zip(region.relations, keep) if k))
        core, rank, groups = _one_run(sample, seed + s + 1)
        in_core += core
        ranks[s] = rank
        top[np.argmin(rank)] += 1
        for g in groups:
            if g.key:
                peripheral[g.group] = peripheral.get(g.group, 0) + int(g.peripheral)

    kept = np.zeros(n)
    in_core_kept = np.zeros(n)
    for s in range(samples):
        keep_actor = rng.random(n) >= drop
        ids = {a.id for a, k in zip(region.actors, keep_actor) if k}
        sample = replace(region, actors=tuple(a for a in region.actors if a.id in ids),
                         relations=tuple(r for r in region.relations if r.source in ids and r.target in ids))
        if len(sample.actors) < 3:
            continue
        core, _, _ = _one_run(sample, seed + samples + s + 1, rank=False)
        index = np.flatnonzero(keep_actor)
        kept[index] += 1
        in_core_kept[index] += core

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
    )


def is_stable(probability: float) -> bool:
    return probability >= STABLE or probability <= 1 - STABLE
