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
    return core, np.asarray(orch.shared_rank), peripheral   # equal scores one rank, as the samples keep them


@pytest.mark.parametrize("part", [None, 0])
@pytest.mark.parametrize("kind", [RELATIONS, ACTORS])
def test_each_resample_equals_the_resample_rebuilt_from_a_region(region, kind, part):
    if part is not None:     # one arbitrary arbeidsmarktregio analysed alone, as the analysis does too
        from ecosystem.analysis.by_region import region_names, sub_region
        region = sub_region(region, region_names(region)[part])
    prepared = stability._prepare(region)
    for index in range(6):
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
    original = fragmentation._BLOCK_WORDS
    fragmentation._BLOCK_WORDS = 1
    try:
        assert pairs_by_distance(g) == expected
    finally:
        fragmentation._BLOCK_WORDS = original
    from fractions import Fraction
    assert harmonic_pair_sum(g) == sum((Fraction(c, d) for d, c in expected.items()), Fraction(0))


# ---------------------------------------------------------------------------
# The pieces each resample reads off the region's arrays (stability._prepare) instead of building graphs
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("draw", range(4))
def test_tie_index_gives_the_ties_of_every_subset(region, draw):
    from ecosystem.analysis._incidence import incidence_arrays, sorted_incidence
    from ecosystem.analysis.core_periphery._edges import _pair_edges
    from ecosystem.analysis.network import TieIndex, tie_pairs

    rng = np.random.default_rng(draw)
    arrays = relation_arrays(region)
    index = TieIndex.of(arrays)
    keep = rng.random(len(region.relations)) >= 0.3
    actors = rng.random(len(region.actors)) >= 0.3
    # Relations only, then actors (with the relations between kept actors), as the two kinds of resample.
    for rows, subset, new_index in ((keep, arrays.subset(relations=keep), None),
                                    (actors[arrays.src] & actors[arrays.dst], arrays.subset(actors=actors),
                                     np.cumsum(actors) - 1)):
        pairs, pair_of, weights, _ = index.subset(rows, arrays.weight[rows], new_index)
        expected_pairs, expected_of, expected_weights = tie_pairs(subset)
        assert np.array_equal(pairs, expected_pairs)
        assert np.array_equal(pair_of, expected_of)
        assert weights.tobytes() == expected_weights.tobytes()      # the same sums, bit for bit
        # The searches' orders of the subset's ties, read off the region's, equal those sorted afresh.
        size = subset.n
        edges, _, (present, sums) = stability._edges_of(index, rows, arrays.weight, size, new_index)
        fresh = _pair_edges(size, expected_pairs, expected_weights)
        for got, want in zip(edges.adjacency, fresh.adjacency):
            assert got.tobytes() == want.tobytes()
        tie, tail, head = TieIndex.ends(index.by_ends, present, new_index)
        length = np.zeros(len(present))
        length[present] = 1.0 / sums
        for got, want in zip(sorted_incidence(size, tail, head, length[tie]),
                             incidence_arrays(size, expected_pairs, 1.0 / expected_weights)):
            assert got.tobytes() == want.tobytes()


def _brute_roles(arcs: set, groups):
    """Gould-Fernandez raw counts spelled out: every a -> v -> b, a != b, no arc a -> b (no loops in ``arcs``)."""
    from ecosystem.analysis.gould_fernandez import ROLES

    counts = {}
    for a, v in arcs:
        for v2, b in arcs:
            if v2 != v or a == b or (a, b) in arcs:
                continue
            ga, gv, gb = groups[a], groups[v], groups[b]
            role = ("coordinator" if ga == gv == gb else "itinerant" if ga == gb else "gatekeeper" if gv == gb
                    else "representative" if ga == gv else "liaison")
            counts[(v, ROLES.index(role))] = counts.get((v, ROLES.index(role)), 0) + 1
    return counts


@pytest.mark.parametrize("seed", range(4))
def test_two_paths_count_the_roles_of_every_subset_of_the_arcs(seed):
    import igraph as ig

    from ecosystem.analysis.gould_fernandez import TwoPaths, gould_fernandez, ROLES

    rng = np.random.default_rng(seed)
    n = 25
    groups = [str(g) for g in rng.integers(0, 4, n)]
    codes = np.unique(rng.integers(0, n, 120) * n + rng.integers(0, n, 120))
    codes = codes[codes // n != codes % n]
    gcode = np.array([int(g) for g in groups])
    two_paths = TwoPaths.of(codes, n, gcode)
    for _ in range(5):
        kept = rng.random(len(codes)) >= 0.4
        arcs = {(int(c // n), int(c % n)) for c in codes[kept]}
        counts = two_paths.counts(kept)
        raw = gould_fernandez(ig.Graph(n=n, edges=sorted(arcs), directed=True), groups).raw
        assert np.array_equal(counts, np.column_stack([raw[r] for r in ROLES]))
        brute = _brute_roles(arcs, groups)
        assert {(v, r): int(counts[v, r]) for v in range(n) for r in range(len(ROLES)) if counts[v, r]} == brute


def _brute_mandate_part(region):
    """The mandate part computed with the loops over tables and relations it was first written with."""
    from ecosystem.analysis.layers import TABLE_MIN_PARTNERS
    from ecosystem.analysis.orchestrator import relative_to_max
    from ecosystem.vocab import KEY_GROUPS, ROLES

    n = len(region.actors)
    index = {a.id: i for i, a in enumerate(region.actors)}
    groups = [a.group for a in region.actors]
    present = [g for g in KEY_GROUPS if g in set(groups)]
    partners = {i: set() for i in range(n)}
    for r in region.relations:
        if r.type == "governance":
            partners[index[r.source]].add(index[r.target])
            partners[index[r.target]].add(index[r.source])
    tables = {frozenset(p | {h}) for h, p in partners.items() if len(p) >= TABLE_MIN_PARTNERS}
    seats = np.zeros(n)
    met = [set() for _ in range(n)]
    for members in tables:
        for v in members:
            seats[v] += 1
            met[v] |= {groups[u] for u in members if u != v}
    share = np.array([len([g for g in KEY_GROUPS if g in m]) / len(present) if present else 0.0 for m in met])
    funding = np.zeros(n)
    for r in region.relations:
        if r.type == "funding":
            funding[index[r.source]] += r.weight
    signals = [(relative_to_max(seats) + share) / 2.0, relative_to_max(funding),
               np.array([ROLES.get(a.role, 0.0) for a in region.actors])]
    used = [s for s in signals if np.any(s > 0)]
    return sum(used, np.zeros(n)) / len(used) if used else np.zeros(n), seats, met


@pytest.mark.parametrize("draw", range(4))
def test_mandate_parts_equal_the_tables_and_funding_spelled_out(region, draw):
    from ecosystem.vocab import KEY_GROUPS

    keep = np.random.default_rng(draw).random(len(region.relations)) >= (0.1 if draw else 0.0)
    sample = replace(region, relations=tuple(r for r, k in zip(region.relations, keep) if k))
    mandate = mandate_parts(sample)
    part, seats, met = _brute_mandate_part(sample)
    assert mandate.part.tobytes() == part.tobytes()
    assert mandate.tables.tolist() == seats.astype(int).tolist()
    assert mandate.groups_met == tuple(tuple(g for g in KEY_GROUPS if g in m) for m in met)


@pytest.mark.parametrize("draw", range(3))
def test_group_positions_and_groups_reached_equal_their_rules_on_lists(region, draw):
    from ecosystem.analysis.groups import UNDER_REPRESENTED
    from ecosystem.analysis.orchestrator import key_groups_reached
    from ecosystem.vocab import GROUPS, KEY_GROUPS

    rng = np.random.default_rng(draw)
    net = build_network(replace(region, relations=tuple(r for r in region.relations if rng.random() > 0.3)))
    core = rng.random(net.n) < 0.2
    overall = float(np.mean(core))
    for position in group_positions(net.groups, core):
        members = [v for v in range(net.n) if net.groups[v] == position.group]
        in_core = sum(bool(core[v]) for v in members)
        share = in_core / len(members) if members else 0.0
        assert (position.actors, position.in_core, position.share_in_core) == (len(members), in_core, share)
        assert position.peripheral == (position.group in KEY_GROUPS
                                       and (in_core == 0 or share < UNDER_REPRESENTED * overall))
        assert type(position.peripheral) is bool
    assert {p.group for p in group_positions(net.groups, core)} == set(GROUPS)
    reached = key_groups_reached(net)
    for v in range(net.n):
        groups = {net.groups[v]} | {net.groups[u] for u in net.ties.neighbors(v)}
        assert reached[v] == tuple(g for g in KEY_GROUPS if g in groups)


def _random_region(n, m, seed, groups, types):
    from pathlib import Path

    from ecosystem.model import Actor, Region, RegionMeta, Relation

    rng = np.random.default_rng(seed)
    actors = tuple(Actor(f"a{i:03d}", f"A{i}", groups[int(rng.integers(len(groups)))],
                         role="orchestrator" if i == 0 and seed % 2 else "") for i in range(n))
    relations = []
    for _ in range(m):
        s, t = rng.choice(n, 2, replace=False)
        relations.append(Relation(f"a{s:03d}", f"a{t:03d}", types[int(rng.integers(len(types)))],
                                  float(rng.integers(1, 4))))
    return Region(RegionMeta("random", "random"), actors, tuple(relations), Path("."))


@pytest.mark.parametrize("n, m, groups, types", [
    (10, 0, None, None),                        # no relations at all
    (12, 30, ("employers",), None),             # one group: no steering tie joins two groups
    (25, 50, ("employers", "other"), None),     # one key group present
    (30, 60, None, ("governance",)),            # tables only
    (30, 80, None, ("delivery",)),              # no steering relation at all
    (40, 120, None, None),
])
def test_resamples_of_unusual_regions_equal_the_resamples_rebuilt_from_a_region(n, m, groups, types):
    from ecosystem.vocab import GROUPS

    region = _random_region(n, m, n + m, groups or GROUPS, types or tuple(RELATION_TYPES))
    prepared = stability._prepare(region)
    for kind in (RELATIONS, ACTORS):
        for index in range(4):
            sample = stability._one_run(region, kind, index, seed=3, prepared=prepared)
            if sample is None:
                continue
            core, rank, peripheral = _rebuilt_run(region, kind, index, seed=3)
            assert np.array_equal(sample.core, core)
            assert sample.peripheral == peripheral
            assert (sample.rank is None and rank is None) or np.array_equal(sample.rank, rank)
