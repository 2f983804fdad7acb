"""The bootstrap's networks from relation arrays prepared once per region (issue 10, "do less").

Each resample used to rebuild a Region and its networks from relation objects; it now takes
subsets of arrays made once (``network.relation_arrays``). These tests check the arrays' networks
against brute-force constructions from the relation objects, the steering selection against its
rule spelled out on relations, every resample against the resample rebuilt the old way from a
Region, and the multi-source search's pair counts (key players) against igraph's and networkx's.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from conftest import ROOT
from ecosystem.analysis import stability
from ecosystem.analysis.centrality import repeated_pivots
from ecosystem.analysis.core_periphery import discrete_core_periphery
from ecosystem.analysis.groups import group_positions
from ecosystem.analysis.mandate import mandate_parts
from ecosystem.analysis.network import build_network, layer_network, network_of, relation_arrays
from ecosystem.analysis.orchestrator import MARKET, orchestrator_scores, steering_network, steering_positions
from ecosystem.analysis.stability import ACTORS, RELATIONS
from ecosystem.analysis.steering import steering_of
from ecosystem.io.region import load_region
from ecosystem.vocab import RELATION_TYPES

BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture(scope="module")
def region():
    return load_region(BRABANT)


def _brute_ties(actors, relations):
    """Per unordered pair of actor ids: summed weight and the set of relation types (from the objects)."""
    ids = {a.id for a in actors}
    ties: dict[frozenset, list] = {}
    for r in relations:
        if r.source in ids and r.target in ids:
            entry = ties.setdefault(frozenset((r.source, r.target)), [0.0, set(), 0])
            entry[0] += r.weight
            entry[1].add(r.type)
            entry[2] += 1
    return ties


def _net_ties(net):
    g = net.ties
    return {frozenset((net.ids[s], net.ids[t])): [w, set(types), k]
            for (s, t), w, types, k in zip(g.get_edgelist(), g.es["weight"], g.es["types"], g.es["relations"])}


def _arcs(graph, ids):
    return {(ids[s], ids[t]): w for (s, t), w in zip(graph.get_edgelist(), graph.es["weight"])}


@pytest.mark.parametrize("draw", range(3))
def test_array_subsets_give_the_network_of_the_subset(region, draw):
    rng = np.random.default_rng(draw)
    keep_relations = rng.random(len(region.relations)) >= 0.3
    keep_actors = rng.random(len(region.actors)) >= 0.3
    arrays = relation_arrays(region)
    for relations, actors in ((keep_relations, None), (None, keep_actors), (keep_relations, keep_actors)):
        net = network_of(arrays.subset(relations=relations, actors=actors))
        actor_mask = np.ones(len(region.actors), bool) if actors is None else actors
        relation_mask = np.ones(len(region.relations), bool) if relations is None else relations
        kept_actors = [a for a, k in zip(region.actors, actor_mask) if k]
        kept_relations = [r for r, k in zip(region.relations, relation_mask) if k]
        assert net.ids == tuple(a.id for a in kept_actors)
        assert net.groups == tuple(a.group for a in kept_actors)
        assert _net_ties(net) == _brute_ties(kept_actors, kept_relations)
        # The same networks as building them from a Region holding only the kept rows.
        subset = replace(region, actors=tuple(kept_actors),
                         relations=tuple(r for r in kept_relations
                                         if r.source in set(net.ids) and r.target in set(net.ids)))
        rebuilt = build_network(subset)
        assert net.ties.get_edgelist() == rebuilt.ties.get_edgelist()
        for attr in ("weight", "distance", "types", "relations"):
            assert net.ties.es[attr] == rebuilt.ties.es[attr], attr
        assert _arcs(net.arcs, net.ids) == _arcs(rebuilt.arcs, rebuilt.ids)
        assert _arcs(net.directed_arcs, net.ids) == _arcs(rebuilt.directed_arcs, rebuilt.ids)
        # Directed relation types give one arc, the others two.
        expected_arcs = {}
        for r in subset.relations:
            pairs = [(r.source, r.target)] + ([] if RELATION_TYPES[r.type].directed else [(r.target, r.source)])
            for p in pairs:
                expected_arcs[p] = expected_arcs.get(p, 0.0) + r.weight
        assert _arcs(net.arcs, net.ids) == pytest.approx(expected_arcs)


def test_layer_network_keeps_one_relation_type(region):
    arrays = relation_arrays(region)
    for layer in RELATION_TYPES:
        kept = [r for r in region.relations if r.type == layer]
        assert _net_ties(layer_network(arrays, layer)) == _brute_ties(region.actors, kept), layer


def _brute_steering(region):
    """The ecosystem network's relations and the active actors, spelled out on relation objects."""
    group = {a.id: a.group for a in region.actors}
    steering = [r for r in region.relations if steering_of(r) != MARKET]
    kept = [r for r in steering if group[r.source] != group[r.target]] or steering
    active = {aid for r in steering for aid in (r.source, r.target)}
    return kept, active


@pytest.mark.parametrize("one_group", [False, True])
def test_steering_network_follows_the_rule_on_relations(region, one_group):
    if one_group:    # no tie joins two groups: every steering relation counts
        region = replace(region, actors=tuple(replace(a, group=region.actors[0].group) for a in region.actors))
    net = build_network(region)
    ecosystem, active = steering_network(region, net)
    kept, expected_active = _brute_steering(region)
    assert _net_ties(ecosystem) == _brute_ties(region.actors, kept)
    assert {aid for aid, on in zip(net.ids, active) if on} == expected_active


def _rebuilt_run(region, kind, index, seed):
    """One resample the way it was computed before the arrays: from a rebuilt Region (the oracle)."""
    draw, optimise = stability._sample_seed(seed, kind, index).spawn(2)
    rng = np.random.default_rng(draw)
    n = len(region.actors)
    if kind == RELATIONS:
        keep = rng.random(len(region.relations)) >= stability.DROP
        sample = replace(region, relations=tuple(r for r, k in zip(region.relations, keep) if k))
        kept = np.ones(n, dtype=bool)
    else:
        kept = rng.random(n) >= stability.DROP
        ids = {a.id for a, k in zip(region.actors, kept) if k}
        sample = replace(region, actors=tuple(a for a in region.actors if a.id in ids),
                         relations=tuple(r for r in region.relations if r.source in ids and r.target in ids))
    net = build_network(sample)
    disc = discrete_core_periphery(net.ties, "weight", seed=optimise)
    core = np.zeros(n, dtype=bool)
    core[np.flatnonzero(kept)] = disc.core
    peripheral = tuple(sorted(g.group for g in group_positions(net.groups, disc.core) if g.key and g.peripheral))
    if kind == ACTORS:
        return core, None, peripheral
    ecosystem, active = steering_network(sample, net)
    positions = steering_positions(ecosystem, optimise, pivots=repeated_pivots(net.n),
                                   betweenness_seed=int(optimise.generate_state(1)[0]))
    orch = orchestrator_scores(ecosystem, *positions, mandate=mandate_parts(sample), active=active, sensitivity=False)
    return core, np.asarray(orch.rank), peripheral


@pytest.mark.parametrize("kind", [RELATIONS, ACTORS])
def test_each_resample_equals_the_resample_rebuilt_from_a_region(region, kind):
    prepared = stability._prepare(region)
    for index in range(4):
        sample = stability._one_run(region, kind, index, seed=7, prepared=prepared)
        core, rank, peripheral = _rebuilt_run(region, kind, index, seed=7)
        assert np.array_equal(sample.core, core)
        assert sample.peripheral == peripheral
        assert (sample.rank is None and rank is None) or np.array_equal(sample.rank, rank)


@pytest.mark.parametrize("n, m, seed", [(0, 0, 0), (1, 0, 0), (2, 1, 0), (12, 0, 0), (70, 60, 1), (130, 400, 2),
                                        (700, 2100, 3)])
def test_multi_source_search_counts_the_pairs_of_igraphs_path_length_hist(n, m, seed):
    """pairs_by_distance (bit-parallel, 64 sources a word, several blocks) equals igraph's and networkx's counts."""
    import igraph as ig
    import networkx as nx

    from ecosystem.analysis import fragmentation
    from ecosystem.analysis.fragmentation import harmonic_pair_sum, pairs_by_distance

    g = ig.Graph.Erdos_Renyi(n=n, m=m) if n > 1 else ig.Graph(n=n)
    expected = {int(start): count for start, _end, count in g.path_length_hist(directed=False).bins() if count}
    assert pairs_by_distance(g) == expected
    if 0 < n <= 130:      # an independent oracle too: networkx's breadth-first searches
        G = nx.Graph(g.get_edgelist())
        G.add_nodes_from(range(n))
        counts: dict[int, int] = {}
        for s, lengths in nx.all_pairs_shortest_path_length(G):
            for t, d in lengths.items():
                if s < t:
                    counts[d] = counts.get(d, 0) + 1
        assert pairs_by_distance(g) == counts
    # Small blocks of sources (several blocks, as on large networks) give the same counts.
    original = fragmentation._GATHER_WORDS
    fragmentation._GATHER_WORDS = 1
    try:
        assert pairs_by_distance(g) == expected
    finally:
        fragmentation._GATHER_WORDS = original
    from fractions import Fraction
    assert harmonic_pair_sum(g) == sum((Fraction(c, d) for d, c in expected.items()), Fraction(0))
