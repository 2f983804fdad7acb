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

Centre and bridging are read in the ecosystem network (``steering_network``):
the steering relations, whose steering philosophy is not the market's (``npm``; by
default delivery), between organisations of different groups. The study separates deciding at the table from supplying as a
contractor ('of een actor mee mag beslissen of alleen als leverancier tijdelijk
mag leveren') and puts the supplier of training in the periphery, however many
clients it has; a supplier's clients make it central as a supplier, not as an
arrangeur. Ties inside one group are how that group organises itself (its hub is the
group's 'spreekbuis namens de achterban'), not the heterogeneous ecosystem the
arrangeur connects; they count through the mandate (tables).

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

import warnings
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..model import Region
from ..vocab import KEY_GROUPS
from .gould_fernandez import cross_group_brokerage, gould_fernandez
from .centrality import betweenness as betweenness_of
from .core_periphery import continuous_core_periphery
from .groups import appearance_codes, key_bits, key_group_shares, spelled
from .network import RelationArrays, TieNetwork, network_of, relation_arrays
from .steering import steering_of

if TYPE_CHECKING:
    from .mandate import Mandate

# Position, connecting and mandate one third each; connecting split over reach and bridging.
WEIGHTS = {"centre": 1.0 / 3.0, "reach": 1.0 / 6.0, "bridging": 1.0 / 6.0, "mandate": 1.0 / 3.0}
SENSITIVITY_FACTORS = (0.5, 1.5)   # each weight halved and raised by half
# Client and supplier (SCP's New Public Management): a supplier's position, not an arrangeur's.
MARKET = "npm"
TOP_CANDIDATES = 5                 # candidates every output lists, explains and tests for sensitivity
NAMED_CANDIDATES = 3               # of them, those the headlines and the pictures name (K1-K3)


@dataclass(frozen=True)
class WeightChange:
    """The ranking with one weight multiplied by ``factor`` (the others unchanged).

    ``rank`` breaks exact ties by id (as :attr:`Orchestrators.rank`); ``shared_rank`` gives equal scores one
    rank (:func:`shared_ranks`); ``first`` is the actor first alone under this weighting, -1 when the best
    score is shared or nobody scores above 0 (:func:`first_alone`).
    """
    part: str
    factor: float
    weights: dict[str, float]
    rank: np.ndarray
    shared_rank: np.ndarray
    first: int


@dataclass(frozen=True)
class Orchestrators:
    score: np.ndarray               # per actor, in [0, 1]
    rank: np.ndarray                # 1 = best; ties broken by actor id for determinism
    parts: dict[str, np.ndarray]    # 'centre', 'reach', 'bridging', 'mandate': unweighted parts in [0, 1]
    groups_reached: tuple[tuple[str, ...], ...]   # key groups each actor belongs or is tied to
    mandate: "Mandate | None" = None                # the signals behind the mandate part, if computed
    sensitivity: tuple[WeightChange, ...] = field(default=())
    weights: dict[str, float] = field(default_factory=lambda: dict(WEIGHTS))
    network: TieNetwork | None = None     # the network centre, reach and bridging were read in
    betweenness: np.ndarray | None = None  # betweenness in that network (behind 'bridging')

    @property
    def shared_rank(self) -> np.ndarray:
        """Ranks with equal scores sharing one (:func:`shared_ranks`), as a table of ranks shows them."""
        return shared_ranks(self.score)

    def contributions(self, v: int) -> dict[str, float]:
        """What each part adds to actor ``v``'s score: its weight times the part (they sum to the score)."""
        return {k: self.weights[k] * float(p[v]) for k, p in self.parts.items()}


def relative_to_max(values: np.ndarray) -> np.ndarray:
    """Values divided by their maximum; all 0 when the maximum is not above 0."""
    top = float(np.max(values)) if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values, dtype=float)


def key_groups_reached(net: TieNetwork) -> tuple[tuple[str, ...], ...]:
    """Per actor, the key groups it belongs or is tied to, in KEY_GROUPS order."""
    return tuple(spelled(mask) for mask in _reached_in(net).tolist())


def _reached_in(net: TieNetwork) -> np.ndarray:
    """:func:`reached_masks` of ``net``'s actors and ties."""
    ends = np.asarray(net.ties.get_edgelist(), dtype=np.int64).reshape(-1, 2)
    return reached_masks(key_bits(net.groups), ends)


def reached_masks(bits: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Per actor, the key groups it belongs or is tied to as a bit mask (``groups.key_bits`` per actor in
    ``bits``; ``ends``, shape (m, 2), the ties' end actors)."""
    masks = bits.copy()
    np.bitwise_or.at(masks, ends[:, 0], bits[ends[:, 1]])
    np.bitwise_or.at(masks, ends[:, 1], bits[ends[:, 0]])
    return masks


def present_key_groups(groups: tuple[str, ...]) -> list[str]:
    """The key groups with at least one actor, in KEY_GROUPS order."""
    return [g for g in KEY_GROUPS if g in set(groups)]


def _score(parts: dict[str, np.ndarray], weights: dict[str, float], active: np.ndarray) -> np.ndarray:
    score = sum(weights[k] * parts[k] for k in weights)
    # An isolated actor cannot orchestrate anything, whatever its group.
    return np.where(active, score, 0.0)


def _id_order(ids: tuple[str, ...]) -> np.ndarray:
    """Per actor, its place among the actor ids sorted (the tie-break of :func:`_rank`)."""
    id_order = np.empty(len(ids), dtype=int)
    id_order[np.argsort(np.array(ids, dtype=str), kind="stable")] = np.arange(len(ids))
    return id_order


def compared(score: np.ndarray) -> np.ndarray:
    """The scores as the ranking compares them: rounded to 12 decimals, so that scores equal but for
    rounding in their last bits (the same position reached by sums in another order) are exactly equal."""
    return np.round(np.asarray(score, dtype=float), 12)


def first_alone(score: np.ndarray) -> int:
    """The actor whose score (as :func:`compared`) is above every other's and above 0; -1 when the best
    score is shared (the ranking then puts the first of them by id first) or no score is above 0."""
    rounded = compared(score)
    if not len(rounded) or rounded.max() <= 0:
        return -1
    best = np.flatnonzero(rounded == rounded.max())
    return int(best[0]) if len(best) == 1 else -1


def shared_ranks(score: np.ndarray) -> np.ndarray:
    """1 = best, equal scores (as :func:`compared`) one rank: 1 + the number of actors scoring more
    (competition ranking, "1, 2, 2, 4"). What a table of ranks shows, where the id tie-break of
    :func:`_rank` would rank equal scores apart."""
    rounded = compared(score)
    ordered = np.sort(rounded)
    return (len(rounded) - np.searchsorted(ordered, rounded, side="right") + 1).astype(int)


def _rank(score: np.ndarray, ids: tuple[str, ...], id_order: np.ndarray | None = None) -> np.ndarray:
    """1 = best; exact ties (:func:`compared`) broken by actor id (``id_order``: :func:`_id_order` of ``ids``)."""
    id_order = _id_order(ids) if id_order is None else id_order
    order = np.lexsort((id_order, -compared(score)))
    rank = np.empty(len(ids), dtype=int)
    rank[order] = np.arange(1, len(ids) + 1)
    return rank


def orchestrator_scores(net: TieNetwork, coreness: np.ndarray, betweenness: np.ndarray,
                        cross_group_brokerage: np.ndarray | None = None,
                        mandate: "Mandate | None" = None, active: np.ndarray | None = None,
                        sensitivity: bool = True) -> Orchestrators:
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
    active : array of bool, optional
        Actors that can orchestrate at all (score 0 for the others); by default those with a
        tie in ``net``. The whole-region score passes ``steering_network``'s flags.
    sensitivity : bool, default True
        False leaves ``Orchestrators.sensitivity`` empty: the resamples read only the ranks,
        and the table of ranks under changed weights costs more than the score.

    References
    ----------
    Thunnissen (2021); Fuller et al. (2019); docs/methods.md §9.
    """
    masks = _reached_in(net)
    reached = tuple(spelled(mask) for mask in masks.tolist())
    parts = score_parts(coreness, key_group_shares(masks, len(present_key_groups(net.groups))), betweenness,
                        cross_group_brokerage, mandate.part if mandate is not None else np.zeros(net.n))
    if active is None:
        active = np.array(net.ties.degree()) > 0
    # Kept as the ranking compares it: scores equal but for their last bits are then equal in every
    # output that prints them, not 0,88 beside 0,87 for two candidates sharing first place.
    score = compared(_score(parts, WEIGHTS, active))
    rank = _rank(score, net.ids)
    return Orchestrators(score, rank, parts, reached, mandate,
                         weight_sensitivity(parts, active, net.ids) if sensitivity else (), network=net,
                         betweenness=np.asarray(betweenness, dtype=float))


def score_parts(coreness: np.ndarray, reach: np.ndarray, betweenness: np.ndarray,
                cross_group_brokerage: np.ndarray | None, mandate: np.ndarray) -> dict[str, np.ndarray]:
    """The four parts of :func:`orchestrator_scores`, each in [0, 1], from its inputs (``reach``: the
    share of the key groups present that each actor belongs or is tied to; ``mandate``: the mandate part)."""
    bridging = relative_to_max(np.asarray(betweenness, dtype=float))
    if cross_group_brokerage is not None:
        bridging = (bridging + relative_to_max(np.asarray(cross_group_brokerage, dtype=float))) / 2.0
    return {"centre": np.clip(np.asarray(coreness, dtype=float), 0, 1), "reach": reach, "bridging": bridging,
            "mandate": np.asarray(mandate, dtype=float)}


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
            score = _score(parts, weights, active)
            changes.append(WeightChange(part, factor, weights, _rank(score, ids), shared_ranks(score),
                                        first_alone(score)))
    return tuple(changes)


def steering_network(region: Region, net: TieNetwork) -> tuple[TieNetwork, np.ndarray]:
    """The ecosystem network in which the orchestrator's position is read, and who takes part in steering.

    The ecosystem network keeps every relation that (1) is a steering relation: its
    steering philosophy (``steering.steering_of``: the ``steering`` column, else the
    type's default) is not the market's (``MARKET``, by default delivery), and (2) joins
    organisations of different groups. Every actor stays in. When no steering relation
    joins two groups, all steering relations count (there is no heterogeneity to read).

    Parameters
    ----------
    region : Region
    net : TieNetwork
        The tie network of all of ``region``'s relations (``build_network(region)``).

    Returns
    -------
    ecosystem : TieNetwork
        ``net`` itself when no relation is left out, so callers can reuse what they computed on it.
    active : array of bool
        Actors with at least one steering relation, inside or across groups: the others
        cannot orchestrate anything (they only supply, or have no relations).

    References
    ----------
    Thunnissen (2021), 'mee mag beslissen of alleen als leverancier tijdelijk mag leveren' and
    'een heterogeniteit aan actoren'; Blijleven et al. (2024) for the steering philosophies;
    docs/methods.md §9 and §12.
    """
    arrays = relation_arrays(region)
    kept, active = steering_selection(arrays, steering_relations(region))
    if kept.all():
        return net, active
    return network_of(arrays.subset(relations=kept)), active


def steering_relations(region: Region) -> np.ndarray:
    """Per relation of ``region``: True for a steering relation, whose philosophy (``steering.steering_of``)
    is not the market's (``MARKET``)."""
    return np.fromiter((steering_of(r) != MARKET for r in region.relations), dtype=bool,
                       count=len(region.relations))


def steering_selection(arrays: RelationArrays, steering: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The relations of the ecosystem network and who takes part in steering (see :func:`steering_network`).

    Parameters
    ----------
    arrays : RelationArrays
        The relations (``network.relation_arrays``).
    steering : array of bool
        Per relation: a steering relation (:func:`steering_relations`).

    Returns
    -------
    kept : array of bool
        Per relation: in the ecosystem network (steering, across groups; all steering
        relations when none joins two groups).
    active : array of bool
        Per actor: has at least one steering relation.
    """
    codes = appearance_codes(arrays.groups)
    return selected_steering(arrays.n, arrays.src, arrays.dst, codes[arrays.src] != codes[arrays.dst],
                             np.asarray(steering, dtype=bool))


def selected_steering(n: int, src: np.ndarray, dst: np.ndarray, across: np.ndarray,
                      steering: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """:func:`steering_selection` of relations given by their source and target actor (among ``n``), whether
    they join two groups (``across``) and whether they steer (bool arrays per relation)."""
    active = np.zeros(n, dtype=bool)
    active[src[steering]] = True
    active[dst[steering]] = True
    kept = steering & across
    if not kept.any():
        # No steering tie joins two groups (one group only, e.g. groups not recorded): there is
        # no heterogeneity to read, so position is read among all steering ties.
        kept = steering
    return kept, active


def steering_positions(net: TieNetwork, seed, pivots: int | None = None,
                       betweenness_seed: int = 0, mapper=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coreness, betweenness and cross-group brokerage on ``net``, as the whole-network analysis computes them.

    ``seed`` seeds the coreness optimiser, ``pivots`` and ``betweenness_seed`` the
    betweenness estimate (``centrality.betweenness``; ``mapper`` may spread an exact one over
    the cores). Non-convergence of the coreness fit is not reported here: it is reported once,
    for the whole network.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        coreness = continuous_core_periphery(net.ties, "weight", seed=seed, within_parts=True).coreness
    between = betweenness_of(net, pivots=pivots, seed=betweenness_seed, mapper=mapper)
    return coreness, between, cross_group_brokerage(gould_fernandez(net.arcs, net.groups))


def top_candidates(rank: np.ndarray, eligible: np.ndarray, top: int = TOP_CANDIDATES) -> tuple[int, ...]:
    """The best ``top`` candidates by ``rank`` (vertex indices), best first, among the actors whose ``eligible``
    is above 0: their score (as :func:`compared`; an actor scoring 0 takes no part in steering and
    orchestrates nothing, and the ranking puts actors scoring 0 after the others, by id), or, for a layer,
    which keeps only its ranks, their degree there."""
    return tuple(v for v in sorted(range(len(rank)), key=lambda v: rank[v]) if eligible[v] > 0)[:top]


def first_changes_under(orch: Orchestrators, candidates: tuple[int, ...]) -> tuple[WeightChange, ...]:
    """The weight changes under which the current first candidate is not first alone (empty: it holds).

    Alone: a first place shared with an equal score (:func:`first_alone`) is not held, whatever the id
    tie-break ranks first; when the first place is shared now, every change that does not make the first
    candidate first alone is listed.
    """
    if not candidates:
        return ()
    return tuple(c for c in orch.sensitivity if c.first != candidates[0])
