"""Per relation type (layer): core, centrality and orchestrator candidates on that layer alone.

The study's central point is that position depends on the kind of relation: an
actor can be central as a supplier (delivery) and peripheral at the table
(governance), 'de vraag of een actor mee mag beslissen of alleen als leverancier
tijdelijk mag leveren' (Thunnissen 2021). Each layer is the tie network built
from one relation type only; actors without a relation of that type are in the
layer as isolates (periphery), so every layer covers every actor.

References
----------
Kivelä, M. et al. (2014). Multilayer networks. Journal of Complex Networks 2(3), 203-271.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

import numpy as np

from ..model import Region
from .centrality import betweenness, repeated_pivots
from .core_periphery import continuous_core_periphery, discrete_core_periphery
from .network import RelationArrays, layer_network, layer_relations, relation_arrays
from .orchestrator import orchestrator_scores, top_candidates

if TYPE_CHECKING:
    import igraph as ig

# A layer needs a few ties before a core/periphery split says anything.
MIN_TIES = 3


@dataclass(frozen=True)
class Layer:
    key: str
    relations: int
    ties: int
    active: np.ndarray          # bool: actor has at least one relation of this type
    coreness: np.ndarray
    core: np.ndarray            # bool
    fit: float
    degree: np.ndarray
    betweenness: np.ndarray
    orchestrator_rank: np.ndarray

    @property
    def has_core(self) -> bool:
        """Whether the layer has a core/periphery split: a defined fit (:data:`MIN_TIES` ties at least) and a core."""
        return self.fit == self.fit and bool(self.core.any())    # NaN fit: no split in this layer

    @property
    def candidates(self) -> tuple[int, ...]:
        """The layer's best orchestrator candidates (vertex indices), best first: its ranking among the actors
        with a tie in this layer (a layer keeps its ranks only, :func:`~.orchestrator.top_candidates`)."""
        return top_candidates(self.orchestrator_rank, self.degree)


@dataclass(frozen=True)
class Contrast:
    """An actor central in one layer and outside the core in another."""
    actor: int
    central_in: str
    peripheral_in: str


def layer_tasks(region: Region, seed: int = 0, restarts: int = 5) -> tuple[Callable[[str], "Layer"], list[str]]:
    """One :class:`Layer` per relation type present, as ``(fn, keys)``: ``map(fn, keys)`` gives them in vocabulary order.

    Layers are independent, so a pool (:class:`ecosystem.parallel.Tasks`) may compute them in
    parallel; each is a pure function of the region, its key and ``seed``.
    """
    arrays = relation_arrays(region)     # once for all layers
    return partial(_layer, region, seed, restarts, arrays), list(layer_relations(region.relations))


def _layer(region: Region, seed: int, restarts: int, arrays: RelationArrays, key: str) -> Layer:
    net = layer_network(arrays, key)
    degree = np.array(net.ties.degree(), dtype=float)
    relations = sum(r.type == key for r in region.relations)
    if net.ties.ecount() < MIN_TIES:
        zeros = np.zeros(net.n)
        return Layer(key, relations, net.ties.ecount(), degree > 0, zeros, zeros.astype(bool), float("nan"),
                     degree, zeros, np.full(net.n, net.n, dtype=int))
    with warnings.catch_warnings():
        # A single layer is often sparse and star-shaped; approximate coreness is fine there.
        warnings.simplefilter("ignore", RuntimeWarning)
        cont = continuous_core_periphery(net.ties, "weight", seed=seed, restarts=restarts, within_parts=True)
    disc = discrete_core_periphery(net.ties, "weight", seed=seed, restarts=restarts)
    between = betweenness(net, pivots=repeated_pivots(net.n), seed=seed)
    orch = orchestrator_scores(net, cont.coreness, between, sensitivity=False)   # a layer keeps its ranks only
    return Layer(key, relations, net.ties.ecount(), degree > 0, cont.coreness, disc.core, disc.fit, degree,
                 between, orch.rank)


def supplier_contrasts(region: Region, layers: list[Layer], at_table: np.ndarray,
                       central_coreness: float = 0.5) -> list[Contrast]:
    """Suppliers central in the delivery layer who do not sit at a governance table with the core.

    'Central' means in the delivery layer's core or with delivery coreness of at
    least ``central_coreness``; 'supplier' means the actor delivers (is the source
    of a delivery relation), so buyers of training are not counted.
    """
    delivery = next((layer for layer in layers if layer.key == "delivery"), None)
    if delivery is None:
        return []
    suppliers = {r.source for r in region.relations if r.type == "delivery"}
    is_supplier = np.array([a.id in suppliers for a in region.actors])
    central = delivery.core | (delivery.coreness >= central_coreness)
    return [Contrast(int(v), "delivery", "governance") for v in np.flatnonzero(central & is_supplier & ~at_table)]


TABLE_MIN_PARTNERS = 3   # a bestuurlijke tafel: an actor with governance ties to at least three others


def governance_tables(region: Region) -> list[frozenset[int]]:
    """The bestuurlijke tafels in the data: each actor with governance relations to at least
    ``TABLE_MIN_PARTNERS`` others, together with those partners (actor indices).

    A table may be an actor of its own (a Regionaal Werkbedrijf, a mobility team's board)
    or an organisation that convenes others bilaterally (a centrumgemeente with werkgevers
    and vakbonden); both read as one table. Identical member sets count once.
    """
    pairs = np.array(_governance_pairs(region), dtype=np.int64).reshape(-1, 2)
    return sorted(tables_of(len(region.actors), pairs[:, 0], pairs[:, 1]), key=lambda members: sorted(members))


def tables_of(n: int, src: np.ndarray, dst: np.ndarray) -> set[frozenset[int]]:
    """The distinct tables of :func:`governance_tables` (unordered), from the governance relations'
    source and target actor indices among ``n`` actors (numpy: the bootstrap reads them per resample)."""
    if not len(src):
        return set()
    # Each actor's partners, either way round, each once.
    codes = np.unique(np.concatenate([src * n + dst, dst * n + src]))
    heads, partners = np.divmod(codes, n)
    count = np.bincount(heads, minlength=n)
    start = np.concatenate([[0], np.cumsum(count)]).tolist()
    partners = partners.tolist()
    return {frozenset(partners[start[h]:start[h + 1]]) | {h}
            for h in np.flatnonzero(count >= TABLE_MIN_PARTNERS).tolist()}


def _governance_pairs(region: Region) -> list[tuple[int, int]]:
    """(source, target) actor indices of every governance relation, one per relation."""
    index = {a.id: i for i, a in enumerate(region.actors)}
    return [(index[r.source], index[r.target]) for r in region.relations if r.type == "governance"]


def _governance_partners(region: Region) -> dict[int, set[int]]:
    """Per actor index, the actors it has a governance relation with (empty set if none)."""
    partners: dict[int, set[int]] = {i: set() for i in range(len(region.actors))}
    for s, t in _governance_pairs(region):
        partners[s].add(t)
        partners[t].add(s)
    return partners


def table_network(region: Region) -> "ig.Graph":
    """Who sits at a bestuurlijke tafel together: the governance layer read as co-membership.

    A governance relation says two organisations meet at the same table. When a
    table is itself an actor (a Regionaal Werkbedrijf, a mobility team's board),
    its members have a governance relation with it but not with each other; they
    still sit together. So two actors are tied here when they share a governance
    relation or both have one with the same actor. The weight is the number of
    tables they share (a direct relation counts as one). ``seats_with_core`` reads it
    for each actor's seat at a table with the core.
    """
    import igraph as ig

    pairs: dict[tuple[int, int], float] = {}
    for s, t in _governance_pairs(region):
        key = (min(s, t), max(s, t))
        pairs[key] = pairs.get(key, 0.0) + 1.0
    for members in _governance_partners(region).values():
        ordered = sorted(members)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0.0) + 1.0
    keys = sorted(pairs)
    graph = ig.Graph(n=len(region.actors), edges=keys, directed=False)
    graph.es["weight"] = [pairs[k] for k in keys]
    return graph
