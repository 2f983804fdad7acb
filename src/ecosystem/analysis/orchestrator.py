"""Orchestrator candidates: who sits in the centre, connects the heterogeneous actors and holds a mandate.

Thunnissen (2021), after Fuller et al. (2019) and Scaringella & Radziwon (2018),
describes the orchestrator ('arrangeur') of an ecosystem as the actor in the
centre that does not control the others but keeps course by connecting them;
in Brabant it finds the regierol with the centrumgemeenten, who hold the legal
tasks, the money and the seats at the bestuurlijke tafels. The score has three
elements, one third each, in four parts scaled to [0, 1]:

* position: centre, the Borgatti–Everett continuous coreness;
* connecting (split equally): reach, the share of the key actor groups present
  that the actor belongs to or is tied to; bridging, betweenness relative to the
  most between actor averaged with cross-group brokerage (Gould–Fernandez
  coordinator roles excluded) relative to the top broker when brokerage is given;
* mandate: the mean of the mandate signals the data records: seats at the
  bestuurlijke tafels and the key groups met there, outgoing funding, and a
  formal role from the optional actor column `role`.

The study names the three elements without ranking them, hence equal thirds;
the weights are a documented choice, not an estimate (docs/methods.md §9).
``weight_sensitivity`` recomputes the ranking with each weight halved and
raised by half.

References
----------
Thunnissen, M. (2021). Een leven lang ontwikkelen: een verkennend onderzoek naar regionale samenwerking.
Fuller, J., Jacobides, M. G., & Reeves, M. (2019). The myths and realities of business ecosystems. MIT SMR 60(3).
Scaringella, L., & Radziwon, A. (2018). Innovation, entrepreneurial, knowledge, and business ecosystems.
Technological Forecasting and Social Change 136, 59-87.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..vocab import KEY_GROUPS
from .network import TieNetwork

if TYPE_CHECKING:
    from .mandate import Mandate

# Position, connecting and mandate one third each; connecting split over reach and bridging.
WEIGHTS = {"centre": 1.0 / 3.0, "reach": 1.0 / 6.0, "bridging": 1.0 / 6.0, "mandate": 1.0 / 3.0}
SENSITIVITY_FACTORS = (0.5, 1.5)   # each weight halved and raised by half
TOP_CANDIDATES = 5                 # candidates every output lists, explains and tests for sensitivity


@dataclass(frozen=True)
class WeightChange:
    """The ranking with one weight multiplied by ``factor`` (the others unchanged)."""
    part: str
    factor: float
    weights: dict[str, float]
    rank: np.ndarray


@dataclass(frozen=True)
class Orchestrators:
    score: np.ndarray               # per actor, in [0, 1]
    rank: np.ndarray                # 1 = best; ties broken by actor id for determinism
    parts: dict[str, np.ndarray]    # 'centre', 'reach', 'bridging', 'mandate': unweighted parts in [0, 1]
    groups_reached: tuple[tuple[str, ...], ...]   # key groups each actor belongs or is tied to
    mandate: "Mandate | None" = None                # the signals behind the mandate part, if computed
    sensitivity: tuple[WeightChange, ...] = field(default=())
    weights: dict[str, float] = field(default_factory=lambda: dict(WEIGHTS))


def relative_to_max(values: np.ndarray) -> np.ndarray:
    """Values divided by their maximum; all 0 when the maximum is not above 0."""
    top = float(np.max(values)) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values, dtype=float)


def key_groups_reached(net: TieNetwork) -> tuple[tuple[str, ...], ...]:
    reached = []
    for v in range(net.n):
        groups = {net.groups[v]} | {net.groups[u] for u in net.ties.neighbors(v)}
        reached.append(tuple(g for g in KEY_GROUPS if g in groups))
    return tuple(reached)


def _score(parts: dict[str, np.ndarray], weights: dict[str, float], active: np.ndarray) -> np.ndarray:
    score = sum(weights[k] * parts[k] for k in weights)
    # An isolated actor cannot orchestrate anything, whatever its group.
    return np.where(active, score, 0.0)


def _rank(score: np.ndarray, ids: tuple[str, ...]) -> np.ndarray:
    """1 = best; exact ties (to 12 decimals) broken by actor id."""
    id_order = np.empty(len(ids), dtype=int)
    id_order[np.argsort(np.array(ids, dtype=str), kind="stable")] = np.arange(len(ids))
    order = np.lexsort((id_order, -np.round(np.asarray(score, dtype=float), 12)))
    rank = np.empty(len(ids), dtype=int)
    rank[order] = np.arange(1, len(ids) + 1)
    return rank


def orchestrator_scores(net: TieNetwork, coreness: np.ndarray, betweenness: np.ndarray,
                        cross_group_brokerage: np.ndarray | None = None,
                        mandate: "Mandate | None" = None) -> Orchestrators:
    """Score and rank every actor as orchestrator candidate.

    Parameters
    ----------
    net : TieNetwork
    coreness : array, continuous Borgatti–Everett coreness in [0, 1]
    betweenness : array, normalised betweenness
    cross_group_brokerage : array, optional
        Count of brokerage two-paths between different groups (itinerant, gatekeeper,
        representative, liaison). When given it is averaged into 'bridging'.
    mandate : Mandate, optional
        From ``mandate.mandate_parts(region)``. When omitted (the per-layer views) the
        mandate part is 0 for everyone, which leaves the ranking to position and connecting.

    References
    ----------
    Thunnissen (2021); Fuller et al. (2019); docs/methods.md §9.
    """
    reached = key_groups_reached(net)
    present = [g for g in KEY_GROUPS if g in set(net.groups)]
    reach = np.array([len(r) / len(present) if present else 0.0 for r in reached])
    bridging = relative_to_max(np.asarray(betweenness, dtype=float))
    if cross_group_brokerage is not None:
        bridging = (bridging + relative_to_max(np.asarray(cross_group_brokerage, dtype=float))) / 2.0
    parts = {"centre": np.clip(np.asarray(coreness, dtype=float), 0, 1), "reach": reach, "bridging": bridging,
             "mandate": np.asarray(mandate.part, dtype=float) if mandate is not None else np.zeros(net.n)}
    active = np.array(net.ties.degree()) > 0
    score = _score(parts, WEIGHTS, active)
    rank = _rank(score, net.ids)
    return Orchestrators(score, rank, parts, reached, mandate,
                         weight_sensitivity(parts, active, net.ids))


def weight_sensitivity(parts: dict[str, np.ndarray], active: np.ndarray, ids: tuple[str, ...],
                       factors: tuple[float, ...] = SENSITIVITY_FACTORS) -> tuple[WeightChange, ...]:
    """The ranking with each weight in turn multiplied by each of ``factors``.

    The other weights stay as they are; ranks do not depend on rescaling all weights
    together, so no renormalisation is needed. Scores and ties follow ``orchestrator_scores``.
    """
    changes = []
    for part in WEIGHTS:
        for factor in factors:
            weights = dict(WEIGHTS, **{part: WEIGHTS[part] * factor})
            changes.append(WeightChange(part, factor, weights, _rank(_score(parts, weights, active), ids)))
    return tuple(changes)


def top_candidates(rank: np.ndarray, degree: np.ndarray, top: int = TOP_CANDIDATES) -> tuple[int, ...]:
    """The best ``top`` candidates by ``rank`` (vertex indices), best first; actors without any tie never count."""
    return tuple(v for v in sorted(range(len(rank)), key=lambda v: rank[v]) if degree[v] > 0)[:top]


def first_changes_under(orch: Orchestrators, candidates: tuple[int, ...]) -> tuple[WeightChange, ...]:
    """The weight changes under which the current first candidate no longer ranks first (empty: it holds)."""
    if not candidates:
        return ()
    return tuple(c for c in orch.sensitivity if c.rank[candidates[0]] != 1)
