"""The tie network: actors as vertices, one tie per linked pair, strength = summed weights.

Two graphs are built from the relations. The undirected *tie network* carries
every relation between a pair as one tie with ``weight`` (the sum of the
relation weights) and ``distance`` = 1 / weight for path-based measures: a
strong tie is a short path. The directed *arc network* keeps the direction of
funding, delivery, representation, referral and advice relations; governance
and collaboration relations count in both directions. Both are igraph graphs
so the heavy metrics run in igraph's C core.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import igraph as ig

from ..model import Region, Relation
from ..vocab import RELATION_TYPES


@dataclass(frozen=True)
class TieNetwork:
    ids: tuple[str, ...]            # vertex order = actor order in the data
    groups: tuple[str, ...]
    ties: ig.Graph                  # undirected, simple; edge attrs: weight, distance, types
    arcs: ig.Graph                  # directed, simple; edge attr: weight
    directed_arcs: ig.Graph         # only relations of directed types (for in/out degree)
    layer: str | None = None        # relation type this network is restricted to, or None for all

    @property
    def n(self) -> int:
        return len(self.ids)


def build_network(region: Region, layer: str | None = None) -> TieNetwork:
    """Build the tie network of ``region``, optionally restricted to one relation type."""
    ids = tuple(a.id for a in region.actors)
    index = {aid: i for i, aid in enumerate(ids)}
    relations = [r for r in region.relations if layer is None or r.type == layer]

    ties: dict[tuple[int, int], float] = defaultdict(float)
    tie_types: dict[tuple[int, int], set[str]] = defaultdict(set)
    arcs: dict[tuple[int, int], float] = defaultdict(float)
    directed_only: dict[tuple[int, int], float] = defaultdict(float)
    for rel in relations:
        s, t = index[rel.source], index[rel.target]
        pair = (min(s, t), max(s, t))
        ties[pair] += rel.weight
        tie_types[pair].add(rel.type)
        arcs[(s, t)] += rel.weight
        if RELATION_TYPES[rel.type].directed:
            directed_only[(s, t)] += rel.weight
        else:
            arcs[(t, s)] += rel.weight

    pairs = sorted(ties)
    tie_graph = ig.Graph(n=len(ids), edges=pairs, directed=False)
    tie_graph.es["weight"] = [ties[p] for p in pairs]
    tie_graph.es["distance"] = [1.0 / ties[p] for p in pairs]
    tie_graph.es["types"] = [tuple(sorted(tie_types[p])) for p in pairs]
    tie_graph.vs["name"] = list(ids)
    return TieNetwork(ids, tuple(a.group for a in region.actors), tie_graph,
                      _digraph(len(ids), arcs, ids), _digraph(len(ids), directed_only, ids), layer)


def _digraph(n: int, arcs: dict[tuple[int, int], float], ids: tuple[str, ...]) -> ig.Graph:
    keys = sorted(arcs)
    graph = ig.Graph(n=n, edges=keys, directed=True)
    graph.es["weight"] = [arcs[k] for k in keys]
    graph.vs["name"] = list(ids)
    return graph


def layer_relations(relations: tuple[Relation, ...]) -> list[str]:
    """Relation types present in the data, in vocabulary order."""
    present = {r.type for r in relations}
    return [t for t in RELATION_TYPES if t in present]
