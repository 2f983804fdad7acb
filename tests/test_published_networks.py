"""Published networks with known answers, run through the real CLI.

* Padgett's Florentine families (Padgett & Ansell 1993; networkx ships it): the
  Medici have the highest betweenness and rank first as orchestrator candidate.
* Zachary's karate club (Zachary 1977): every centrality equals networkx's, and
  the two faction leaders (the instructor, node 0, and the president, node 33)
  are in the core.
"""
from __future__ import annotations

import csv
import json

import networkx as nx
import pytest

from conftest import run_cli, write_region


def _region_from_graph(folder, graph, group_of):
    actors = [{"id": str(v), "name": str(v), "group": group_of(v)} for v in graph]
    relations = [{"source": str(u), "target": str(v), "type": "collaboration",
                  "weight": graph[u][v].get("weight", 1)} for u, v in graph.edges]
    return write_region(folder, actors, relations)


def _analyse(tmp_path, region):
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "20")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / region.name
    with open(folder / "actors.csv", newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    return rows, json.loads((folder / "summary.json").read_text(encoding="utf-8"))


def test_florentine_medici_broker_and_orchestrate(tmp_path):
    graph = nx.florentine_families_graph()
    region = _region_from_graph(tmp_path / "florence", graph, lambda v: "other")
    rows, summary = _analyse(tmp_path, region)
    between = nx.betweenness_centrality(graph, normalized=True)
    for family, value in between.items():
        assert float(rows[family]["betweenness"]) == pytest.approx(value, abs=1e-9)
    assert max(rows, key=lambda f: float(rows[f]["betweenness"])) == "Medici"
    assert summary["orchestrators"][0]["id"] == "Medici"
    assert rows["Medici"]["orchestrator_rank"] == "1"


def test_karate_club_centralities_and_leaders_in_core(tmp_path):
    graph = nx.karate_club_graph()
    # Weighted as networkx ships it (interaction counts); the factions as groups.
    region = _region_from_graph(tmp_path / "karate", graph,
                                lambda v: "workers" if graph.nodes[v]["club"] == "Mr. Hi" else "employers")
    rows, summary = _analyse(tmp_path, region)
    n = graph.number_of_nodes()
    for _, _, d in graph.edges(data=True):
        d["distance"] = 1.0 / d["weight"]
    harmonic = nx.harmonic_centrality(graph, distance="distance")
    eigen = nx.eigenvector_centrality_numpy(graph, weight="weight")
    top = max(eigen.values())
    for v in graph:
        row = rows[str(v)]
        assert int(row["degree"]) == graph.degree(v)
        assert float(row["strength"]) == pytest.approx(graph.degree(v, weight="weight"), abs=1e-9)
        assert float(row["closeness"]) == pytest.approx(harmonic[v] / (n - 1), abs=1e-9)
        assert float(row["eigenvector"]) == pytest.approx(eigen[v] / top, abs=1e-9)
    assert {"0", "33"} <= set(summary["core"])
