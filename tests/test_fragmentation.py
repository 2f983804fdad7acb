"""Fragmentation, removal effects, cut-off table and key players against networkx brute force.

The oracle below re-implements the definitions of docs/methods.md §16 directly on
networkx graphs (connected components, all-pairs shortest path lengths, removal by
copying the graph), independently of the igraph code paths under test.
"""
from __future__ import annotations

import itertools
import math
import random
from pathlib import Path

import igraph as ig
import networkx as nx
import pytest

from ecosystem.analysis.cut_off import cut_off_by_removal
from ecosystem.analysis.fragmentation import (
    distance_fragmentation,
    fragmentation,
    main_component,
    removal_effect,
)
from ecosystem.analysis.key_players import key_players
from ecosystem.vocab import GROUPS, KEY_GROUPS

# --------------------------------------------------------------------------- oracle (networkx)


def nx_F(G: nx.Graph) -> float:
    n = G.number_of_nodes()
    if n < 2:
        return 0.0
    return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(G)) / (n * (n - 1))


def nx_DF(G: nx.Graph) -> float:
    n = G.number_of_nodes()
    if n < 2:
        return 0.0
    inv = [1 / d for u, dist in nx.all_pairs_shortest_path_length(G) for v, d in dist.items() if u != v]
    return 1 - math.fsum(inv) / (n * (n - 1))


def nx_main_after(G: nx.Graph, former: set) -> set:
    comps = list(nx.connected_components(G))
    if not comps:
        return set()
    best = max((len(c), len(c & former)) for c in comps)
    tied = [c for c in comps if (len(c), len(c & former)) == best]
    return set(tied[0]) if len(tied) == 1 else set()


def nx_effect(G: nx.Graph, groups: dict, removed: set, added=()) -> dict:
    """The definitions, spelled out: who was in the main component, who reached whom."""
    comps = list(nx.connected_components(G))
    largest = max((len(c) for c in comps), default=0)
    main_before = set().union(*(c for c in comps if len(c) == largest))
    H = G.copy()
    H.remove_nodes_from(removed)
    H.add_edges_from(added)
    main_after = nx_main_after(H, main_before - removed)
    cut = set()
    for u in H:
        if u in main_before and u not in main_after:
            reached_before = nx.node_connected_component(G, u) - removed
            if not reached_before <= nx.node_connected_component(H, u):
                cut.add(u)
    joined = {u for u in H if u not in main_before and u in main_after}

    def linked(graph):
        out = set()
        for a, b in itertools.combinations(KEY_GROUPS, 2):
            for comp in nx.connected_components(graph):
                if any(groups[u] == a for u in comp) and any(groups[u] == b for u in comp):
                    out.add((a, b))
        return out

    before_pairs, after_pairs = linked(G), linked(H)
    return {"F": (nx_F(G), nx_F(H)), "DF": (nx_DF(G), nx_DF(H)), "cut": cut, "joined": joined,
            "lost": before_pairs - after_pairs, "gained": after_pairs - before_pairs}


def nx_key_players(G: nx.Graph, top: int = 5, among=None) -> list:
    """Brute force: DF without each actor, highest first, ties by name; only removals raising DF."""
    base = nx_DF(G)
    scored = []
    for v in (G if among is None else among):
        H = G.copy()
        H.remove_node(v)
        df = nx_DF(H)
        if df > base + 1e-12:
            scored.append((-round(df, 12), v))
    return [v for _, v in sorted(scored)[:top]]


# --------------------------------------------------------------------------- helpers


def to_igraph(G: nx.Graph, seed: int = 0) -> tuple[ig.Graph, list]:
    """igraph copy of ``G`` with names = node labels as strings, in a shuffled vertex order."""
    nodes = list(G)
    random.Random(seed).shuffle(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    g = ig.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in G.edges() if u != v])
    g.vs["name"] = [name(v) for v in nodes]
    return g, nodes


def name(v) -> str:
    return f"a{v:05d}" if isinstance(v, int) else str(v)


def relabelled(G: nx.Graph) -> nx.Graph:
    return nx.relabel_nodes(G, {v: name(v) for v in G})


def random_groups(G: nx.Graph, seed: int) -> dict:
    rng = random.Random(seed)
    return {v: rng.choice(GROUPS) for v in G}


def names_of(g: ig.Graph, vertices) -> list[str]:
    return [g.vs[v]["name"] for v in vertices]


def random_graphs():
    out = [("karate", nx.karate_club_graph()),
           ("florentine", nx.florentine_families_graph())]
    for n, p, seed in [(8, 0.25, 1), (20, 0.1, 2), (40, 0.06, 3), (60, 0.04, 4), (120, 0.02, 5)]:
        out.append((f"gnp{n}", nx.gnp_random_graph(n, p, seed=seed)))
    out.append(("tree", nx.random_labeled_tree(50, seed=6)))
    return out


GRAPHS = random_graphs()

# --------------------------------------------------------------------------- F and DF


@pytest.mark.parametrize("label,G", GRAPHS, ids=[g[0] for g in GRAPHS])
def test_F_and_DF_match_networkx(label, G):
    g, _ = to_igraph(G)
    assert fragmentation(g) == pytest.approx(nx_F(G), abs=1e-12)
    assert distance_fragmentation(g) == pytest.approx(nx_DF(G), abs=1e-12)


def test_DF_equals_harmonic_centrality_sum():
    """sum_i harmonic_i (unnormalised) = sum_{i != j} 1/d_ij: a second igraph route to DF."""
    g = ig.Graph.Famous("Zachary")
    n = g.vcount()
    assert distance_fragmentation(g) == pytest.approx(1 - sum(g.harmonic_centrality(normalized=False)) / (n * (n - 1)))


@pytest.mark.parametrize("n, m, seed", [(2, 1, 0), (9, 8, 1), (60, 70, 2), (150, 300, 3), (300, 900, 4)])
def test_pair_counts_without_an_actor_are_those_of_the_network_without_it(n, m, seed):
    """pair_counts(adjacency, without=v), read off the whole network's arrays, against igraph's path length
    histogram of the network with v deleted (an independent route: another graph, igraph's own searches);
    with a self-loop and a repeated tie, which change no distance, and small blocks of sources too."""
    from ecosystem.analysis import fragmentation as frag

    rng = random.Random(seed)
    g = ig.Graph(n=n, edges=rng.sample(list(itertools.combinations(range(n), 2)), m))    # seeded: the same graphs
    g.add_edges([(0, 0), g.get_edgelist()[0]])
    adjacency = frag.HopAdjacency.of(g)
    for v in sorted(rng.sample(range(n), min(n, 6))):
        h = g.copy()
        h.delete_vertices(v)
        expected = {int(start): count for start, _end, count in h.path_length_hist(directed=False).bins() if count}
        assert frag.pair_counts(adjacency, without=v) == expected
        original = frag._BLOCK_WORDS
        frag._BLOCK_WORDS = 1          # one word of 64 sources per block: several blocks from 65 actors on
        try:
            assert frag.pair_counts(adjacency, without=v) == expected
        finally:
            frag._BLOCK_WORDS = original
    assert frag.pair_counts(adjacency) == frag.pairs_by_distance(g)
    with pytest.raises(ValueError, match="not in the network"):
        frag.pair_counts(adjacency, without=n)


def test_small_and_directed():
    assert fragmentation(ig.Graph(n=0)) == distance_fragmentation(ig.Graph(n=1)) == 0.0
    assert fragmentation(ig.Graph(n=3)) == distance_fragmentation(ig.Graph(n=3)) == 1.0
    assert distance_fragmentation(ig.Graph.Full(6)) == 0.0
    with pytest.raises(ValueError, match="undirected"):
        fragmentation(ig.Graph(n=2, edges=[(0, 1)], directed=True))


# --------------------------------------------------------------------------- hand-made graphs


def test_star_hub_removal_fragments_everything():
    G = relabelled(nx.star_graph(9))
    g, nodes = to_igraph(G)
    groups = ["workers" if v == "a00000" else "education" for v in nodes]
    hub = nodes.index("a00000")
    effect = removal_effect(g, groups, {hub})
    assert (effect.f_before, effect.f_after) == (0.0, 1.0)
    assert effect.df_after == 1.0 and effect.df_change == pytest.approx(1.0 - nx_DF(G))
    assert sorted(names_of(g, effect.cut_off)) == sorted(v for v in G if v != "a00000")
    assert effect.main_after == 0                      # nine equal singletons: no main component
    assert effect.lost_group_pairs == (("workers", "education"),)
    assert cut_off_by_removal(g) == {hub: effect.cut_off}
    # a leaf leaving cuts off nobody
    assert removal_effect(g, groups, {nodes.index("a00003")}).cut_off == ()


def test_path_cuts_off_the_smaller_side_or_both_halves():
    g = ig.Graph(n=7, edges=[(i, i + 1) for i in range(6)])
    table = cut_off_by_removal(g)
    assert table == {1: (0,), 2: (0, 1), 3: (0, 1, 2, 4, 5, 6), 4: (5, 6), 5: (6,)}
    assert set(table) == set(g.articulation_points())


def test_two_cliques_joined_by_a_bridge():
    G = nx.barbell_graph(5, 0)                      # cliques {0..4}, {5..9}, bridge 4-5
    g, nodes = to_igraph(G, seed=3)
    groups = ["education" if v < 5 else "employers" for v in nodes]
    end_a = nodes.index(4)
    effect = removal_effect(g, groups, {end_a})
    assert sorted(names_of(g, effect.cut_off)) == [name(v) for v in range(4)]
    assert effect.lost_group_pairs == (("employers", "education"),)
    assert effect.f_after == pytest.approx(nx_F(nx.restricted_view(G, [4], [])))
    # the bridge endpoints are the only cut points; a new tie across keeps everyone connected
    assert set(cut_off_by_removal(g)) == {end_a, nodes.index(5)}
    rescued = removal_effect(g, groups, {end_a}, added_edges=[(nodes.index(0), nodes.index(9))])
    assert rescued.cut_off == () and rescued.lost_group_pairs == () and rescued.f_after == 0.0


def test_equal_components_nobody_cut_off_by_a_leaf():
    """Two equally large components: both are the main one; a leaf leaving strands nobody."""
    g = ig.Graph(n=6, edges=[(0, 1), (1, 2), (3, 4), (4, 5)])
    assert main_component(g) == tuple(range(6))
    assert removal_effect(g, ["other"] * 6, {0}).cut_off == ()
    assert removal_effect(g, ["other"] * 6, {1}).cut_off == (0, 2)
    assert cut_off_by_removal(g) == {1: (0, 2), 4: (3, 5)}


def test_added_ties_join_groups():
    g = ig.Graph(n=4, edges=[(0, 1), (2, 3)])
    groups = ["workers", "workers", "education", "education"]
    effect = removal_effect(g, groups, set(), added_edges=[(1, 2)])
    assert effect.gained_group_pairs == (("workers", "education"),)
    assert effect.joined_main == () and effect.cut_off == ()   # both halves were the main component
    g.add_vertices(1)
    effect = removal_effect(g, groups + ["government"], set(), added_edges=[(4, 0)])
    assert effect.joined_main == (4,) and effect.gained_group_pairs == (("workers", "government"),)


def test_bad_input():
    g = ig.Graph(n=3, edges=[(0, 1)])
    with pytest.raises(ValueError, match="groups has 2"):
        removal_effect(g, ["other"] * 2, {0})
    with pytest.raises(ValueError, match="not in the network"):
        removal_effect(g, ["other"] * 3, {3})
    with pytest.raises(ValueError, match="touches a removed"):
        removal_effect(g, ["other"] * 3, {0}, added_edges=[(0, 2)])
    with pytest.raises(ValueError, match="undirected"):
        cut_off_by_removal(ig.Graph(n=3, edges=[(0, 1)], directed=True))


# --------------------------------------------------------------------------- against the oracle


@pytest.mark.parametrize("label,G", GRAPHS, ids=[g[0] for g in GRAPHS])
def test_removal_effect_matches_oracle(label, G):
    G = relabelled(G)
    g, nodes = to_igraph(G, seed=7)
    groups = random_groups(G, seed=len(G))
    rng = random.Random(11)
    cases = [set(rng.sample(nodes, k)) for k in (1, 1, 2, 3) if k < len(nodes)]
    for removed in cases:
        stay = [v for v in nodes if v not in removed]
        added = [tuple(rng.sample(stay, 2)) for _ in range(rng.randint(0, 2))]
        index = {v: i for i, v in enumerate(nodes)}
        effect = removal_effect(g, [groups[v] for v in nodes], {index[v] for v in removed},
                                added_edges=[(index[a], index[b]) for a, b in added])
        expected = nx_effect(G, groups, removed, added)
        assert (effect.f_before, effect.f_after) == pytest.approx(expected["F"], abs=1e-12)
        assert (effect.df_before, effect.df_after) == pytest.approx(expected["DF"], abs=1e-12)
        assert names_of(g, effect.cut_off) == sorted(expected["cut"])
        assert names_of(g, effect.joined_main) == sorted(expected["joined"])
        assert set(effect.lost_group_pairs) == expected["lost"]
        assert set(effect.gained_group_pairs) == expected["gained"]


@pytest.mark.parametrize("label,G", GRAPHS, ids=[g[0] for g in GRAPHS])
def test_cut_off_table_matches_brute_force(label, G):
    G = relabelled(G)
    g, nodes = to_igraph(G, seed=5)
    table = cut_off_by_removal(g)
    groups = {v: "other" for v in G}
    expected = {}
    for i, v in enumerate(nodes):
        cut = nx_effect(G, groups, {v})["cut"]
        if cut:
            expected[v] = sorted(cut)
    assert {g.vs[v]["name"]: names_of(g, cut) for v, cut in table.items()} == expected
    # and the same as removal_effect one actor at a time
    for v, cut in table.items():
        assert removal_effect(g, ["other"] * len(nodes), {v}).cut_off == cut


def test_cut_off_with_a_larger_component_elsewhere():
    """A star of 4 next to a path of 3: the hub leaving makes the path the main component."""
    G = nx.disjoint_union(nx.star_graph(3), nx.path_graph(3))
    G.add_nodes_from([100, 101])                        # and two isolates
    g, nodes = to_igraph(relabelled(G), seed=2)
    table = {g.vs[v]["name"]: names_of(g, c) for v, c in cut_off_by_removal(g).items()}
    assert table == {"a00000": ["a00001", "a00002", "a00003"]}


# --------------------------------------------------------------------------- key players


@pytest.mark.parametrize("label,G", GRAPHS[:6], ids=[g[0] for g in GRAPHS[:6]])
def test_key_players_match_brute_force(label, G):
    G = relabelled(G)
    g, nodes = to_igraph(G, seed=9)
    result = key_players(g)
    assert result.rule == "all" and result.exact and result.n == len(nodes)
    assert names_of(g, [p.vertex for p in result.players]) == nx_key_players(G)
    table = cut_off_by_removal(g)
    for p in result.players:
        H = G.copy()
        H.remove_node(g.vs[p.vertex]["name"])
        assert p.df_after == pytest.approx(nx_DF(H), abs=1e-12)
        assert p.df_change == pytest.approx(nx_DF(H) - nx_DF(G), abs=1e-12)
        assert p.f_after == pytest.approx(nx_F(H), abs=1e-12)
        assert p.cut_off == table.get(p.vertex, ())


def test_key_players_karate_club_hubs():
    """Zachary's club: the instructor (node 0) strands six members; the top five raise DF."""
    result = key_players(ig.Graph.Famous("Zachary"))
    assert result.players[0].vertex == 0
    assert result.players[0].cut_off == (4, 5, 6, 10, 11, 16)
    assert all(p.df_change > 0 for p in result.players) and len(result.players) == 5


def test_key_players_ties_broken_by_id_and_none_when_nothing_fragments():
    G = relabelled(nx.cycle_graph(9))                   # every removal gives the same path
    g, _ = to_igraph(G, seed=4)
    assert names_of(g, [p.vertex for p in key_players(g).players]) == [name(i) for i in range(5)]
    assert key_players(ig.Graph.Full(6)).players == ()   # a departure from a clique fragments nothing


def test_deterministic_under_vertex_relabelling():
    G = relabelled(nx.gnp_random_graph(70, 0.04, seed=12))
    results = []
    for seed in range(3):
        g, nodes = to_igraph(G, seed=seed)
        groups = random_groups(G, seed=1)
        kp = key_players(g)
        kp_budget = key_players(g, max_exact=10, candidates=8)
        cut = cut_off_by_removal(g)
        hub = nodes.index(name(0))
        effect = removal_effect(g, [groups[v] for v in nodes], {hub})
        results.append((
            fragmentation(g), distance_fragmentation(g),
            [(g.vs[p.vertex]["name"], p.df_after, names_of(g, p.cut_off)) for p in kp.players],
            names_of(g, kp_budget.evaluated), [g.vs[p.vertex]["name"] for p in kp_budget.players],
            [(g.vs[v]["name"], names_of(g, c)) for v, c in cut.items()],
            names_of(g, effect.cut_off), effect.lost_group_pairs, effect.df_after,
        ))
    assert results[0] == results[1] == results[2]


def test_budget_path_on_a_large_network():
    """3,000 actors (a 400-actor centre and 650 small groups), 8 candidates evaluated.

    The candidates are the highest-betweenness actors (networkx), and the top five among
    them are the brute-force ranking restricted to the candidates; the budget is reported.
    """
    centre = nx.gnp_random_graph(400, 0.006, seed=21)
    G = nx.disjoint_union_all([centre] + [nx.path_graph(4)] * 650)
    G = relabelled(G)
    g, nodes = to_igraph(G, seed=13)
    result = key_players(g, max_exact=2000, candidates=8)
    assert result.rule == "betweenness" and not result.exact
    assert result.n == 3000 and len(result.evaluated) == 8
    evaluated = set(names_of(g, result.evaluated))
    bc = {}     # per component (the same values, without networkx's slow search over all 3,000 sources)
    for comp in nx.connected_components(G):
        bc.update(nx.betweenness_centrality(G.subgraph(comp), normalized=False))
    assert min(bc[v] for v in evaluated) >= max(bc[v] for v in G if v not in evaluated) - 1e-9
    assert names_of(g, [p.vertex for p in result.players]) == nx_key_players(G, among=sorted(evaluated))
    assert len(result.players) == 5


# --------------------------------------------------------------------------- on the tie network of a region


def test_brabant_tie_network_matches_oracle_whatever_the_row_order():
    """The pieces run on ``TieNetwork.ties`` (ids as names) and agree with networkx built from the rows.

    Not a pin of the illustrative example's numbers: every value is checked against the oracle,
    and shuffling the actor and relation rows must give the same answers by id.
    """
    from dataclasses import replace

    from ecosystem.analysis.network import build_network
    from ecosystem.io.region import load_region
    region = load_region(Path(__file__).resolve().parents[1] / "regions" / "brabant")
    G = nx.Graph()
    G.add_nodes_from(a.id for a in region.actors)
    G.add_edges_from((r.source, r.target) for r in region.relations if r.source != r.target)
    groups = {a.id: a.group for a in region.actors}
    expected_kp = nx_key_players(G)
    expected_cut = {}
    for v in G:
        cut = nx_effect(G, groups, {v})["cut"]
        if cut:
            expected_cut[v] = sorted(cut)

    rng = random.Random(5)
    for _ in range(2):
        net = build_network(region)
        ids = list(net.ids)
        kp = key_players(net.ties)
        assert [ids[p.vertex] for p in kp.players] == expected_kp
        table = cut_off_by_removal(net.ties)
        assert {ids[v]: [ids[u] for u in c] for v, c in table.items()} == expected_cut
        top = kp.players[0].vertex
        effect = removal_effect(net.ties, net.groups, {top})
        oracle = nx_effect(G, groups, {ids[top]})
        assert [ids[u] for u in effect.cut_off] == sorted(oracle["cut"])
        assert set(effect.lost_group_pairs) == oracle["lost"]
        assert effect.df_after == pytest.approx(oracle["DF"][1], abs=1e-12)
        actors, relations = list(region.actors), list(region.relations)
        rng.shuffle(actors)
        rng.shuffle(relations)
        region = replace(region, actors=tuple(actors), relations=tuple(relations))
