"""Orchestrator candidates: who sits in the centre and connects the heterogeneous actors.

Thunnissen (2021), after Fuller et al. (2019) and Scaringella & Radziwon (2018),
describes the orchestrator ('arrangeur') of an ecosystem as the actor in the
centre that does not control the others but keeps course by connecting them.
The score therefore rewards three things, each scaled to [0, 1]:

* centre (weight 0.4): Borgatti–Everett continuous coreness;
* reach (weight 0.3): share of the key actor groups present in the network that the
  actor belongs to or is tied to;
* bridging (weight 0.3): betweenness relative to the most between actor, averaged
  with cross-group brokerage (Gould–Fernandez coordinator roles excluded) relative
  to the top broker when brokerage is available.

Centre gets the largest weight because the study places the orchestrator in the
centre first; reach and bridging share the rest equally because connecting
groups and standing between actors are two faces of the same 'verbinden'. The
weights are a documented choice, not an estimate; docs/methods.md says so.

References
----------
Thunnissen, M. (2021). Een leven lang ontwikkelen: een verkennend onderzoek naar regionale samenwerking.
Fuller, J., Jacobides, M. G., & Reeves, M. (2019). The myths and realities of business ecosystems. MIT SMR 60(3).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..vocab import KEY_GROUPS
from .network import TieNetwork

WEIGHTS = {"centre": 0.4, "reach": 0.3, "bridging": 0.3}


@dataclass(frozen=True)
class Orchestrators:
    score: np.ndarray               # per actor, in [0, 1]
    rank: np.ndarray                # 1 = best; ties broken by actor id for determinism
    parts: dict[str, np.ndarray]    # 'centre', 'reach', 'bridging': unweighted parts in [0, 1]
    groups_reached: tuple[tuple[str, ...], ...]   # key groups each actor belongs or is tied to


def _relative(values: np.ndarray) -> np.ndarray:
    top = float(np.max(values)) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values, dtype=float)


def key_groups_reached(net: TieNetwork) -> tuple[tuple[str, ...], ...]:
    reached = []
    for v in range(net.n):
        groups = {net.groups[v]} | {net.groups[u] for u in net.ties.neighbors(v)}
        reached.append(tuple(g for g in KEY_GROUPS if g in groups))
    return tuple(reached)


def orchestrator_scores(net: TieNetwork, coreness: np.ndarray, betweenness: np.ndarray,
                        cross_group_brokerage: np.ndarray | None = None) -> Orchestrators:
    """Score and rank every actor as orchestrator candidate.

    Parameters
    ----------
    net : TieNetwork
    coreness : array, continuous Borgatti–Everett coreness in [0, 1]
    betweenness : array, normalised betweenness
    cross_group_brokerage : array, optional
        Count of brokerage two-paths between different groups (itinerant, gatekeeper,
        representative, liaison). When given it is averaged into 'bridging'.
    """
    reached = key_groups_reached(net)
    present = [g for g in KEY_GROUPS if g in set(net.groups)]
    reach = np.array([len(r) / len(present) if present else 0.0 for r in reached])
    bridging = _relative(np.asarray(betweenness, dtype=float))
    if cross_group_brokerage is not None:
        bridging = (bridging + _relative(np.asarray(cross_group_brokerage, dtype=float))) / 2.0
    parts = {"centre": np.clip(np.asarray(coreness, dtype=float), 0, 1), "reach": reach, "bridging": bridging}
    score = sum(WEIGHTS[k] * parts[k] for k in WEIGHTS)
    # An isolated actor cannot orchestrate anything, whatever its group.
    score = np.where(np.array(net.ties.degree()) > 0, score, 0.0)
    order = sorted(range(net.n), key=lambda v: (-round(float(score[v]), 12), net.ids[v]))
    rank = np.empty(net.n, dtype=int)
    rank[order] = np.arange(1, net.n + 1)
    return Orchestrators(score, rank, parts, reached)
