"""Tests for ecosystem.analysis.gould_fernandez (brokerage roles) and ecosystem.analysis.burt (structural holes)."""
from __future__ import annotations

import itertools
import math

import igraph as ig
import networkx as nx
import numpy as np
import pytest

from ecosystem.analysis import _two_paths as two_paths
from ecosystem.analysis.burt import constraint, effective_size
from ecosystem.analysis.gould_fernandez import ROLES, cross_group_pairs, gould_fernandez

# --------------------------------------------------------------------------- hand-worked example
#
# Groups: A = {0, 1, 2}, B = {3, 4}, C = {5, 6}   (N = 7)
# Arcs:   0->1 (twice: multi-arc counts once), 1->2, 2->1, 1->3, 3->5, 5->4,
#         4->6, 6->0, 3->4, 6->5, 2->2 (self-loop, ignored)
#
# out: 0:{1} 1:{2,3} 2:{1} 3:{4,5} 4:{6} 5:{4} 6:{0,5}
# in:  0:{6} 1:{0,2} 2:{1} 3:{1}   4:{3,5} 5:{3,6} 6:{4}
#
# Every two-path a->v->b, per broker v (groups a,v,b):
#   v=0: 6->0->1  no 6->1  open  C,A,A  gatekeeper
#   v=1: 0->1->2  no 0->2  open  A,A,A  coordinator
#        0->1->3  no 0->3  open  A,A,B  representative
#        2->1->2  a == b   (not a two-path)
#        2->1->3  no 2->3  open  A,A,B  representative
#   v=2: 1->2->1  a == b   (not a two-path); 2->2->1 etc. use the self-loop: ignored
#   v=3: 1->3->4  no 1->4  open  A,B,B  gatekeeper
#        1->3->5  no 1->5  open  A,B,C  liaison
#   v=4: 3->4->6  no 3->6  open  B,B,C  representative
#        5->4->6  no 5->6  open  C,B,C  itinerant
#   v=5: 3->5->4  3->4 EXISTS  closed (not counted)
#        6->5->4  no 6->4  open  C,C,B  representative
#   v=6: 4->6->0  no 4->0  open  B,C,A  liaison
#        4->6->5  no 4->5  open  B,C,C  gatekeeper
#
# Expected counts for v=1 (group A, n_A = 3, N = 7, t = 3), D = (N-1)(N-2) = 30:
#   coordinator    t (n_g-1)(n_g-2) / D          = 3 * 2*1 / 30       = 0.2
#   itinerant      t sum_{h!=g} n_h(n_h-1) / D   = 3 * (2*1+2*1) / 30 = 0.4
#   gatekeeper     t (N-n_g)(n_g-1) / D          = 3 * 4*2 / 30       = 0.8
#   representative t (n_g-1)(N-n_g) / D          = 3 * 2*4 / 30       = 0.8
#   liaison        t sum_{h!=g} n_h(N-n_g-n_h)/D = 3 * (2*2+2*2) / 30 = 0.8
#   (sum = 3 = t).  Standardised: coordinator 1/0.2 = 5, representative 2/0.8 = 2.5,
#   the other three 0/expected = 0.

HAND_ARCS = [(0, 1), (0, 1), (1, 2), (2, 1), (1, 3), (3, 5), (5, 4), (4, 6), (6, 0), (3, 4), (6, 5), (2, 2)]
HAND_GROUPS = ["A", "A", "A", "B", "B", "C", "C"]
HAND_RAW = {  # vertex:      0  1  2  3  4  5  6
    "coordinator":          [0, 1, 0, 0, 0, 0, 0],
    "itinerant":            [0, 0, 0, 0, 1, 0, 0],
    "gatekeeper":           [1, 0, 0, 1, 0, 0, 1],
    "representative":       [0, 2, 0, 0, 1, 1, 0],
    "liaison":              [0, 0, 0, 1, 0, 0, 1],
}


def _hand_graph() -> ig.Graph:
    return ig.Graph(n=7, edges=HAND_ARCS, directed=True)


def test_hand_example_raw_counts():
    res = gould_fernandez(_hand_graph(), HAND_GROUPS)
    assert set(res.raw) == set(ROLES)
    for role in ROLES:
        assert res.raw[role].tolist() == HAND_RAW[role], role
    assert res.total.tolist() == [1, 3, 0, 2, 2, 1, 2]


def test_hand_example_expected_and_standardised():
    res = gould_fernandez(_hand_graph(), HAND_GROUPS)
    want = {"coordinator": 0.2, "itinerant": 0.4, "gatekeeper": 0.8, "representative": 0.8, "liaison": 0.8}
    for role, value in want.items():
        assert res.expected[role][1] == pytest.approx(value, abs=1e-12), role
    assert res.standardised["coordinator"][1] == pytest.approx(5.0)
    assert res.standardised["representative"][1] == pytest.approx(2.5)
    assert res.standardised["liaison"][1] == 0.0
    # vertex 2 brokers nothing: expected 0 everywhere, standardised NaN
    for role in ROLES:
        assert res.expected[role][2] == 0.0
        assert math.isnan(res.standardised[role][2])
    # expectations sum to the total for every vertex
    np.testing.assert_allclose(sum(res.expected[r] for r in ROLES), res.total, atol=1e-12)


def test_hand_example_cross_group_pairs():
    g = _hand_graph()
    assert cross_group_pairs(g, HAND_GROUPS, 1) == [("A", "B")]
    assert cross_group_pairs(g, HAND_GROUPS, 3) == [("A", "B"), ("A", "C")]
    assert cross_group_pairs(g, HAND_GROUPS, 6) == [("B", "A"), ("B", "C")]
    assert cross_group_pairs(g, HAND_GROUPS, 4) == [("B", "C")]  # 5->4->6 is C->C: not cross-group
    assert cross_group_pairs(g, HAND_GROUPS, 5) == [("C", "B")]  # 3->5->4 is closed by 3->4
    assert cross_group_pairs(g, HAND_GROUPS, 2) == []


@pytest.mark.parametrize("seed", range(4))
def test_cross_group_pairs_with_ties_name_only_pairs_without_any_tie(seed):
    """With ``ties`` (every relation of the data) a pair is named only when its two ends share no tie in
    it and no arc either way: brute force over the open two-paths with networkx."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 16))
    arcs = {tuple(map(int, e)) for e in rng.integers(0, n, size=(2 * n, 2)) if e[0] != e[1]}
    extra = {tuple(map(int, e)) for e in rng.integers(0, n, size=(n, 2)) if e[0] != e[1]}   # e.g. deliveries
    groups = [f"g{int(x)}" for x in rng.integers(0, 3, size=n)]
    d = nx.DiGraph(list(arcs))
    d.add_nodes_from(range(n))
    every = nx.Graph(list(arcs | extra))
    every.add_nodes_from(range(n))
    ties = ig.Graph(n=n, edges=sorted(arcs | extra))
    for v in range(n):
        want = {(groups[a], groups[b]) for a in d.predecessors(v) for b in d.successors(v)
                if a != b and v not in (a, b) and groups[a] != groups[b] and not every.has_edge(a, b)}
        got = cross_group_pairs(ig.Graph(n=n, edges=sorted(arcs), directed=True), groups, v, ties=ties)
        assert set(got) == want and len(got) == len(want)


def test_result_is_read_only():
    res = gould_fernandez(_hand_graph(), HAND_GROUPS)
    with pytest.raises(ValueError):
        res.raw["liaison"][0] = 5
    with pytest.raises(AttributeError):
        res.total = None  # type: ignore[misc]


# --------------------------------------------------------------------------- brute force


def _brute_force(edges, n, groups):
    """Triple loop over ordered (a, v, b) on a networkx DiGraph; expected values from
    counting the ordered pairs of the other vertices per role (no closed formula)."""
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from((s, t) for s, t in edges if s != t)
    raw = {r: np.zeros(n, dtype=int) for r in ROLES}
    for v in range(n):
        for a in range(n):
            for b in range(n):
                if len({a, v, b}) < 3 or not (G.has_edge(a, v) and G.has_edge(v, b)) or G.has_edge(a, b):
                    continue
                ga, gv, gb = groups[a], groups[v], groups[b]
                if ga == gv == gb:
                    role = "coordinator"
                elif ga == gb:
                    role = "itinerant"
                elif gv == gb:
                    role = "gatekeeper"
                elif ga == gv:
                    role = "representative"
                else:
                    role = "liaison"
                raw[role][v] += 1
    total = sum(raw.values())
    expected = {r: np.zeros(n) for r in ROLES}
    for v in range(n):
        others = [u for u in range(n) if u != v]
        tally = dict.fromkeys(ROLES, 0)
        for a, b in itertools.permutations(others, 2):
            ga, gv, gb = groups[a], groups[v], groups[b]
            if ga == gv == gb:
                tally["coordinator"] += 1
            elif ga == gb:
                tally["itinerant"] += 1
            elif gv == gb:
                tally["gatekeeper"] += 1
            elif ga == gv:
                tally["representative"] += 1
            else:
                tally["liaison"] += 1
        n_pairs = len(others) * (len(others) - 1)
        for r in ROLES:
            expected[r][v] = total[v] * tally[r] / n_pairs if n_pairs else 0.0
    return raw, expected, total


@pytest.mark.parametrize("seed", range(6))
def test_matches_brute_force(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(8, 30))
    m = int(rng.integers(n, 4 * n))
    edges = [tuple(map(int, e)) for e in rng.integers(0, n, size=(m, 2))]  # includes loops + multi-arcs
    k = int(rng.integers(1, 5))
    groups = [f"g{int(x)}" for x in rng.integers(0, k, size=n)]
    groups[0] = "solo"  # a group of size 1
    raw, expected, total = _brute_force(edges, n, groups)

    res = gould_fernandez(ig.Graph(n=n, edges=edges, directed=True), groups)
    for r in ROLES:
        np.testing.assert_array_equal(res.raw[r], raw[r], err_msg=r)
        np.testing.assert_allclose(res.expected[r], expected[r], rtol=1e-12, atol=1e-12, err_msg=r)
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(expected[r] > 0, raw[r] / expected[r], np.nan)
        np.testing.assert_allclose(res.standardised[r], ratio, rtol=1e-12, equal_nan=True, err_msg=r)
    np.testing.assert_array_equal(res.total, total)


def test_chunking_does_not_change_result(monkeypatch):
    rng = np.random.default_rng(42)
    n = 60
    edges = [tuple(map(int, e)) for e in rng.integers(0, n, size=(400, 2))]
    groups = [str(x) for x in rng.integers(0, 4, size=n)]
    g = ig.Graph(n=n, edges=edges, directed=True)
    whole = gould_fernandez(g, groups)
    monkeypatch.setattr(two_paths, "_CHUNK", 5)
    chunked = gould_fernandez(g, groups)
    for r in ROLES:
        np.testing.assert_array_equal(whole.raw[r], chunked.raw[r])
    und = ig.Graph(n=n, edges=edges).simplify()
    monkeypatch.setattr(two_paths, "_CHUNK", 1 << 21)
    c_whole, e_whole = constraint(und, None), effective_size(und, None)
    monkeypatch.setattr(two_paths, "_CHUNK", 3)
    np.testing.assert_allclose(constraint(und, None), c_whole, rtol=1e-12, equal_nan=True)
    np.testing.assert_allclose(effective_size(und, None), e_whole, rtol=1e-12, equal_nan=True)


def test_tiny_graphs_and_small_groups():
    # N < 3: no two-path possible, everything 0 / NaN
    res = gould_fernandez(ig.Graph(n=2, edges=[(0, 1), (1, 0)], directed=True), ["x", "y"])
    for r in ROLES:
        assert res.raw[r].tolist() == [0, 0]
        assert res.expected[r].tolist() == [0.0, 0.0]
        assert np.isnan(res.standardised[r]).all()
    # empty graph
    res = gould_fernandez(ig.Graph(directed=True), [])
    assert res.total.shape == (0,)
    # broker alone in its group: coordinator/representative/gatekeeper impossible -> expected 0, NaN
    g = ig.Graph(n=4, edges=[(0, 1), (1, 2), (1, 3)], directed=True)
    res = gould_fernandez(g, ["A", "B", "A", "C"])
    assert res.raw["itinerant"][1] == 1 and res.raw["liaison"][1] == 1
    for r in ("coordinator", "representative", "gatekeeper"):
        assert res.expected[r][1] == 0.0 and math.isnan(res.standardised[r][1])
    assert res.expected["itinerant"][1] == pytest.approx(2 * (1 * 0 + 2 * 1 + 1 * 0) / 6)
    assert res.expected["liaison"][1] == pytest.approx(2 * 4 / 6)


# --------------------------------------------------------------------------- errors


def test_errors():
    with pytest.raises(ValueError, match="directed"):
        gould_fernandez(ig.Graph(n=3, edges=[(0, 1), (1, 2)]), ["a", "b", "c"])
    with pytest.raises(ValueError, match="3 vertices"):
        gould_fernandez(ig.Graph(n=3, edges=[(0, 1)], directed=True), ["a", "b"])
    with pytest.raises(ValueError, match="directed"):
        cross_group_pairs(ig.Graph(n=3, edges=[(0, 1)]), ["a", "b", "c"], 0)
    with pytest.raises(ValueError, match="3 vertices"):
        cross_group_pairs(ig.Graph(n=3, edges=[(0, 1)], directed=True), ["a"] * 4, 0)
    with pytest.raises(ValueError, match="out of range"):
        cross_group_pairs(ig.Graph(n=3, edges=[(0, 1)], directed=True), ["a"] * 3, 3)
    with pytest.raises(ValueError, match="max_pairs"):
        gould_fernandez(_hand_graph(), HAND_GROUPS, max_pairs=5)  # needs 14 pairs
    assert gould_fernandez(_hand_graph(), HAND_GROUPS, max_pairs=None).total.sum() == 11


# --------------------------------------------------------------------------- Burt vs networkx


# Reference values come from networkx's per-node code path (``nodes=list(G)``), which follows
# Burt's definition.  With scipy installed, networkx 3.6's default (sparse) path of
# ``effective_size`` divides by the column max instead of the row max, so it is wrong for
# weighted and directed graphs (networkx PR #8906); ``constraint``'s sparse path is fine.


def _nx_array(values: dict, n: int) -> np.ndarray:
    return np.array([values[i] for i in range(n)], dtype=float)


def _nx_eff(G, w):
    return _nx_array(nx.effective_size(G, nodes=list(G), weight=w), G.number_of_nodes())


def _nx_con(G, w):
    return _nx_array(nx.constraint(G, nodes=list(G), weight=w), G.number_of_nodes())


def _random_undirected(seed: int, n: int, p: float, isolates: int, weighted: bool):
    rng = np.random.default_rng(seed)
    G = nx.gnp_random_graph(n, p, seed=seed)
    G.add_nodes_from(range(n, n + isolates))
    if weighted:
        for u, v in G.edges:
            G[u][v]["weight"] = float(rng.uniform(0.1, 5.0))
    edges = list(G.edges)
    g = ig.Graph(n=G.number_of_nodes(), edges=edges)
    if weighted:
        g.es["weight"] = [G[u][v]["weight"] for u, v in edges]
    return G, g


@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize(
    "seed,n,p,isolates",
    [(1, 30, 0.2, 0), (2, 40, 0.06, 3), (3, 25, 0.5, 1), (4, 50, 0.03, 5)],  # dense .. fragmented
)
def test_burt_matches_networkx(seed, n, p, isolates, weighted):
    G, g = _random_undirected(seed, n, p, isolates, weighted)
    w = "weight" if weighted else None
    np.testing.assert_allclose(
        effective_size(g, "weight"), _nx_eff(G, w),
        rtol=0, atol=1e-9, equal_nan=True,
    )
    np.testing.assert_allclose(
        constraint(g, "weight"), _nx_con(G, w),
        rtol=0, atol=1e-9, equal_nan=True,
    )
    if isolates:
        assert np.isnan(constraint(g)[-1]) and np.isnan(effective_size(g)[-1])


def test_burt_weights_none_ignores_attribute_and_karate():
    G = nx.karate_club_graph()  # weighted (edge attribute "weight")
    edges = list(G.edges)
    g = ig.Graph(n=34, edges=edges)
    g.es["weight"] = [float(G[u][v]["weight"]) for u, v in edges]
    for w in ("weight", None):
        np.testing.assert_allclose(constraint(g, w), _nx_con(G, w), atol=1e-9)
        # constraint's default (sparse, if scipy is installed) path agrees as well
        np.testing.assert_allclose(constraint(g, w), _nx_array(nx.constraint(G, weight=w), 34), atol=1e-9)
        np.testing.assert_allclose(effective_size(g, w), _nx_eff(G, w), atol=1e-9)
    # weighting really changes the answer (so the comparison above tests the weighted path)
    assert not np.allclose(constraint(g, "weight"), constraint(g, None))


@pytest.mark.parametrize("weighted", [False, True])
def test_burt_directed_uses_mutual_weights_like_networkx(weighted):
    rng = np.random.default_rng(7)
    D = nx.gnp_random_graph(30, 0.12, seed=7, directed=True)
    D.add_node(30)
    edges = list(D.edges)
    g = ig.Graph(n=31, edges=edges, directed=True)
    if weighted:
        ws = rng.uniform(0.5, 3.0, size=len(edges))
        for (u, v), x in zip(edges, ws):
            D[u][v]["weight"] = float(x)
        g.es["weight"] = ws.tolist()
    w = "weight" if weighted else None
    ours_c, ours_e = constraint(g), effective_size(g)
    nx_c, nx_e = _nx_con(D, w), _nx_eff(D, w)
    # networkx's per-node path marks DiGraph vertices without out-arcs NaN; elsewhere they agree
    ok = np.array([D.out_degree(i) > 0 for i in range(31)])
    assert ok.sum() > 20
    np.testing.assert_allclose(ours_c[ok], nx_c[ok], atol=1e-9)
    np.testing.assert_allclose(ours_e[ok], nx_e[ok], atol=1e-9)
    assert np.isnan(ours_c[30]) and np.isnan(ours_e[30])
