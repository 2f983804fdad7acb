"""Every centrality in actors.csv and layers.csv agrees with networkx to 1e-9 (eigenvector: 1e-7, ARPACK).

Degree, strength, in/out degree, betweenness, harmonic closeness and eigenvector (networkx on the
component that carries the leading eigenvector, 0 elsewhere; numpy as a second check when connected).

Fixtures are random networks, weighted and unweighted, connected and not, written
to CSV and run through the real CLI.
"""
from __future__ import annotations

import csv

import networkx as nx
import numpy as np
import pytest

from conftest import oracle_graph, run_cli, write_region

GROUPS = ["overheid", "werkgevers", "werkenden", "onderwijs", "intermediairs", "overig"]


def _random_region(folder, n, p, weighted, connected, seed):
    rng = np.random.default_rng(seed)
    graph = nx.gnp_random_graph(n, p, seed=seed)
    if connected:
        graph = nx.compose(graph, nx.path_graph(n))      # a spanning path makes it connected
    else:
        graph.remove_edges_from([(u, v) for u, v in graph.edges if (u < n // 3) != (v < n // 3)])
    actors = [{"id": f"a{i}", "name": f"Actor {i}", "group": GROUPS[i % 6]} for i in range(n)]
    relations = []
    for u, v in graph.edges:
        kind = ["governance", "delivery", "funding", "collaboration"][int(rng.integers(4))]
        # Powers of two keep 1/weight exact, so equal-length paths stay equal in floating point
        # (networkx compares path lengths exactly, igraph with a tolerance; see docs/methods.md).
        weight = float(2.0 ** int(rng.integers(-1, 3))) if weighted else 1.0
        relations.append({"source": f"a{u}", "target": f"a{v}", "type": kind, "weight": weight})
        if weighted and rng.random() < 0.2:  # a second relation on the same pair adds to the tie
            relations.append({"source": f"a{v}", "target": f"a{u}", "type": "advice", "weight": weight})
    return write_region(folder, actors, relations)


def _directed_arcs(region) -> nx.DiGraph:
    """Distinct source -> target arcs of the directed relation types, read straight from the CSV."""
    directed = {"funding", "delivery", "representation", "referral", "advice"}
    arcs = nx.DiGraph()
    with open(region / "actors.csv", newline="", encoding="utf-8") as fh:
        arcs.add_nodes_from(row["id"] for row in csv.DictReader(fh))
    with open(region / "relations.csv", newline="", encoding="utf-8") as fh:
        arcs.add_edges_from((r["source"], r["target"]) for r in csv.DictReader(fh) if r["type"] in directed)
    return arcs


def _leading_eigenvector(graph):
    nodes = list(graph)
    matrix = nx.to_numpy_array(graph, nodelist=nodes, weight="weight")
    values, vectors = np.linalg.eigh(matrix)
    vec = np.abs(vectors[:, np.argmax(values)])
    return dict(zip(nodes, vec / vec.max()))


CASES = [(40, 0.08, False, True), (40, 0.08, True, True), (60, 0.05, True, False), (30, 0.15, False, False),
         (25, 0.2, True, True)]


@pytest.mark.parametrize("n,p,weighted,connected", CASES)
def test_centralities_agree_with_networkx(tmp_path, n, p, weighted, connected):
    region = _random_region(tmp_path / "r", n, p, weighted, connected, seed=n)
    result = run_cli("analyse", region, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "r" / "actors.csv", newline="", encoding="utf-8") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh)}
    graph = oracle_graph(region)
    assert nx.is_connected(graph) == connected
    between = nx.betweenness_centrality(graph, weight="distance", normalized=True)
    harmonic = nx.harmonic_centrality(graph, distance="distance")
    # Eigenvector: networkx's own (scipy ARPACK) leading eigenvector, scaled to max 1. On a
    # disconnected network it lives on the component with the largest eigenvalue, others 0.
    # (networkx refuses a disconnected graph as ambiguous, so it is run on that component.)
    components = [graph.subgraph(c) for c in nx.connected_components(graph) if len(c) > 1]
    leading = max(components, key=lambda sub: np.linalg.eigvalsh(nx.to_numpy_array(sub, weight="weight")).max())
    on_leading = nx.eigenvector_centrality_numpy(leading, weight="weight", max_iter=1000, tol=1e-14)
    top = max(abs(v) for v in on_leading.values())
    nx_eigen = {node: abs(on_leading[node]) / top if node in on_leading else 0.0 for node in graph}
    eigen = _leading_eigenvector(graph) if connected else None
    arcs = _directed_arcs(region)
    for node in graph:
        assert float(rows[node]["eigenvector"]) == pytest.approx(nx_eigen[node], abs=1e-7)
        assert int(float(rows[node]["in_degree"])) == arcs.in_degree(node)
        assert int(float(rows[node]["out_degree"])) == arcs.out_degree(node)
    for node in graph:
        row = rows[node]
        assert int(row["degree"]) == graph.degree(node)
        assert float(row["strength"]) == pytest.approx(graph.degree(node, weight="weight"), abs=1e-9)
        assert float(row["betweenness"]) == pytest.approx(between[node], abs=1e-9)
        assert float(row["closeness"]) == pytest.approx(harmonic[node] / (n - 1), abs=1e-9)
        if eigen is not None:
            assert float(row["eigenvector"]) == pytest.approx(eigen[node], abs=1e-9)


@pytest.mark.parametrize("n,p,weighted,connected", CASES[1:3])
def test_layer_centralities_agree_with_networkx(tmp_path, n, p, weighted, connected):
    """layers.csv: degree and betweenness on each relation type alone, against networkx on that subgraph."""
    region = _random_region(tmp_path / "r", n, p, weighted, connected, seed=n)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    with open(tmp_path / "out" / "r" / "layers.csv", newline="", encoding="utf-8") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh)}
    checked = 0
    for kind in ("governance", "delivery", "funding", "collaboration", "advice"):
        graph = oracle_graph(region, relation_type=kind)
        if graph.number_of_edges() < 3:
            continue   # a layer with fewer than 3 ties has no analysis (docs/methods.md §7)
        between = nx.betweenness_centrality(graph, weight="distance", normalized=True)
        for node in graph:
            assert int(rows[node][f"degree_{kind}"]) == graph.degree(node)
            assert float(rows[node][f"betweenness_{kind}"]) == pytest.approx(between[node], abs=1e-9)
        checked += 1
    assert checked >= 3


def test_sampled_path_measures_lie_within_the_stated_error_bound():
    """Issue 10: above SAMPLED_ABOVE actors path measures are estimated; at least 95% of actors'
    estimates must lie within the stated bound of the exact values (networkx is the oracle)."""
    import igraph as ig

    from ecosystem.analysis.centrality import sampled_path_measures
    from ecosystem.analysis.network import TieNetwork

    rng = np.random.default_rng(3)
    n = 400
    g = nx.gnm_random_graph(n, 1200, seed=3)
    for u, v in g.edges:
        g[u][v]["weight"] = float(rng.integers(1, 4))
        g[u][v]["distance"] = 1.0 / g[u][v]["weight"]
    ties = ig.Graph(n=n, edges=list(g.edges))
    ties.es["weight"] = [g[u][v]["weight"] for u, v in g.edges]
    ties.es["distance"] = [g[u][v]["distance"] for u, v in g.edges]
    net = TieNetwork(tuple(map(str, range(n))), ("other",) * n, ties, ties, ties)
    between, close, sampling = sampled_path_measures(net, sources=120, seed=1)
    exact_between = nx.betweenness_centrality(g, weight="distance")
    exact_close = nx.harmonic_centrality(g, distance="distance")
    b_ok = np.mean([abs(between[v] - exact_between[v]) <= sampling.betweenness_error for v in range(n)])
    c_ok = np.mean([abs(close[v] - exact_close[v] / (n - 1)) <= sampling.closeness_error for v in range(n)])
    assert sampling.sources == 120 and sampling.actors == n and sampling.confidence == 0.95
    assert b_ok >= 0.95 and c_ok >= 0.95, (b_ok, c_ok)
    # The bound is not vacuous: the closeness bound is below the typical value.
    assert sampling.closeness_error < np.median(close)
    # The sources are counted in chunks (of 100) that may run on several cores: 1 or 3 workers,
    # the same numbers.
    from functools import partial

    from ecosystem.parallel import pool_map
    one = sampled_path_measures(net, sources=250, seed=2, mapper=partial(pool_map, workers=1))
    many = sampled_path_measures(net, sources=250, seed=2, mapper=partial(pool_map, workers=3))
    assert one[0].tobytes() == many[0].tobytes() and one[1].tobytes() == many[1].tobytes()
    assert one[2] == many[2]


def test_summary_states_exact_path_measures(tmp_path):
    """summary.json's `sampling` is null when betweenness and closeness are exact (below 20,000 actors)."""
    import json

    from conftest import FIXTURES
    result = run_cli("analyse", FIXTURES / "small", "--out", tmp_path, "--bootstrap", "0", "--null-samples", "3")
    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "small" / "summary.json").read_text(encoding="utf-8"))["sampling"] is None


@pytest.mark.parametrize("connected", [True, False])
def test_chunked_exact_path_measures_agree_with_networkx_whatever_the_workers(connected):
    """Issue 10: above SPLIT_ABOVE actors exact betweenness and closeness are counted in chunks of
    source actors on every core; the chunks must add up to networkx's values, and 1 or 3 workers
    must give identical numbers (the chunks, not the workers, fix the order of additions)."""
    from functools import partial

    import igraph as ig

    from ecosystem.analysis.centrality import exact_path_measures
    from ecosystem.analysis.network import TieNetwork
    from ecosystem.parallel import pool_map

    rng = np.random.default_rng(5)
    n = 90
    g = nx.gnm_random_graph(n, 200, seed=5)
    if not connected:
        g.remove_edges_from([(u, v) for u, v in list(g.edges) if (u < 30) != (v < 30)])
    for u, v in g.edges:
        g[u][v]["weight"] = float(2.0 ** int(rng.integers(-1, 3)))
        g[u][v]["distance"] = 1.0 / g[u][v]["weight"]
    ties = ig.Graph(n=n, edges=list(g.edges))
    ties.es["weight"] = [g[u][v]["weight"] for u, v in g.edges]
    ties.es["distance"] = [g[u][v]["distance"] for u, v in g.edges]
    net = TieNetwork(tuple(map(str, range(n))), ("other",) * n, ties, ties, ties)
    one = exact_path_measures(net, partial(pool_map, workers=1), chunk=13)
    many = exact_path_measures(net, partial(pool_map, workers=3), chunk=13)
    assert one[0].tobytes() == many[0].tobytes() and one[1].tobytes() == many[1].tobytes()
    between = nx.betweenness_centrality(g, weight="distance", normalized=True)
    harmonic = nx.harmonic_centrality(g, distance="distance")
    for v in range(n):
        assert one[0][v] == pytest.approx(between[v], abs=1e-12)
        assert one[1][v] == pytest.approx(harmonic[v] / (n - 1), abs=1e-12)
    # Betweenness alone (the steering network's) is the same sum.
    alone = exact_path_measures(net, partial(pool_map, workers=2), closeness=False, chunk=13)
    assert alone[1] is None and alone[0].tobytes() == one[0].tobytes()
