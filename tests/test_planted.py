"""Planted structures the analysis must recover, through the real CLI.

* a planted orchestrator (the only bridge between groups) ranks first;
* stability: planted core actors have a high core probability, periphery actors a low one;
* diagnosis indicators equal independent computations (networkx / numpy).
"""
from __future__ import annotations

import csv
import json
from collections import Counter

import networkx as nx
import numpy as np
import pytest

from conftest import oracle_graph, run_cli, write_region


def _analyse(tmp_path, region, *extra):
    result = run_cli("analyse", region, "--out", tmp_path / "out", *extra)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / region.name
    with open(folder / "actors.csv", newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    return rows, json.loads((folder / "summary.json").read_text(encoding="utf-8")), result.output


def _planted_core_periphery(seed, n_core=8, n_periphery=32, p_cc=0.9, p_cp=0.25, p_pp=0.02):
    rng = np.random.default_rng(seed)
    n = n_core + n_periphery
    edges = []
    for i in range(n):
        for j in range(i + 1, n):
            p = p_cc if j < n_core else (p_cp if i < n_core else p_pp)
            if rng.random() < p:
                edges.append((i, j))
    return n, edges


@pytest.mark.parametrize("seed", [1, 2])
def test_planted_orchestrator_ranks_first(tmp_path, seed):
    """Four dense groups; one intermediary is the only actor tied to all of them."""
    rng = np.random.default_rng(seed)
    groups = ["government", "employers", "workers", "education"]
    actors, relations = [], []
    for g in groups:
        members = [f"{g}{i}" for i in range(6)]
        actors += [{"id": m, "name": m, "group": g} for m in members]
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if rng.random() < 0.7:
                    relations.append({"source": a, "target": b, "type": "collaboration"})
        relations.append({"source": "bridge", "target": members[int(rng.integers(6))], "type": "governance"})
        relations.append({"source": "bridge", "target": members[int(rng.integers(6))], "type": "referral"})
    actors.append({"id": "bridge", "name": "Bridge", "group": "intermediaries"})
    region = write_region(tmp_path / "planted", actors, relations)
    rows, summary, output = _analyse(tmp_path, region, "--bootstrap", "0", "--null-samples", "10")
    assert summary["orchestrators"][0]["id"] == "bridge"
    reasons = " ".join(r["text"] for r in summary["orchestrators"][0]["reasons"])
    assert "4 van de 4 sleutelgroepen" in reasons and "die onderling geen directe verbinding hebben" in reasons
    graph = oracle_graph(region)
    between = nx.betweenness_centrality(graph, weight="distance")
    assert max(between, key=between.get) == "bridge"


def test_stability_separates_planted_core_from_periphery(tmp_path):
    n, edges = _planted_core_periphery(seed=5)
    actors = [{"id": f"a{i}", "name": f"A{i}", "group": "government" if i < 8 else "education"} for i in range(n)]
    relations = [{"source": f"a{i}", "target": f"a{j}", "type": "collaboration"} for i, j in edges]
    region = write_region(tmp_path / "stab", actors, relations)
    rows, summary, output = _analyse(tmp_path, region, "--bootstrap", "40", "--null-samples", "20")
    probability = summary["stability"]["core_probability"]
    core_p = [probability[f"a{i}"] for i in range(8)]
    periphery_p = [probability[f"a{i}"] for i in range(8, n)]
    assert np.mean(core_p) >= 0.8 and min(core_p) >= 0.5
    assert np.mean(periphery_p) <= 0.1
    assert "Hoe zeker (40 herhalingen" in output
    for row in rows.values():
        assert 0.0 <= float(row["core_probability"]) <= 1.0
        assert 1 <= int(row["orchestrator_rank_p05"]) <= int(row["orchestrator_rank_p95"]) <= n


def _independent_indicators(region):
    graph = oracle_graph(region)
    with open(region / "actors.csv", newline="", encoding="utf-8") as fh:
        group = {r["id"]: r["group"] for r in csv.DictReader(fh)}
    external = sum(group[u] != group[v] for u, v in graph.edges)
    internal = graph.number_of_edges() - external
    degree = dict(graph.degree())
    n = graph.number_of_nodes()
    top = max(degree.values())
    centralisation = sum(top - d for d in degree.values()) / ((n - 1) * (n - 2))
    counts = Counter(group.values())
    shares = np.array([c / n for c in counts.values()])
    iqv = (1 - float(np.sum(shares ** 2))) / (1 - 1 / 6)
    pendants = sum(1 for d in degree.values() if d == 1) / n
    return {"interdependence": (external - internal) / (external + internal), "centralisation": centralisation,
            "heterogeneity": iqv, "openness": pendants}


def test_diagnosis_indicators_match_independent_formulas(tmp_path):
    n, edges = _planted_core_periphery(seed=9, n_core=6, n_periphery=24)
    groups = ["government", "employers", "workers", "education", "intermediaries", "other"]
    actors = [{"id": f"a{i}", "name": f"A{i}", "group": groups[i % 6]} for i in range(n)]
    kinds = ["governance", "delivery", "funding", "referral"]
    relations = [{"source": f"a{i}", "target": f"a{j}", "type": kinds[(i + j) % 4]} for i, j in edges]
    relations.append({"source": "a1", "target": "a0", "type": "funding"})   # one reciprocated pair
    region = write_region(tmp_path / "diag", actors, relations)
    _, summary, output = _analyse(tmp_path, region, "--bootstrap", "0", "--null-samples", "10")
    values = {d["key"]: d["value"] for d in summary["diagnosis"]}
    for key, expected in _independent_indicators(region).items():
        assert values[key] == pytest.approx(expected, abs=1e-6), key
    directed = nx.DiGraph()
    for r in relations:
        if r["type"] in ("delivery", "funding", "referral"):
            directed.add_edge(r["source"], r["target"])
    assert values["reciprocity"] == pytest.approx(nx.overall_reciprocity(directed), abs=1e-6)
    assert "Diagnose:" in output and all(d["text"]["sentence"] for d in summary["diagnosis"])


def test_agency_counts_tables_not_members(tmp_path):
    """Werkgevers with twenty firms and one association at every table keep their seat;
    onderwijs, at one table out of four, loses it; werkenden at two of four keep it."""
    actors = [{"id": "gem", "name": "Gemeente", "group": "government"},
              {"id": "uwv", "name": "UWV", "group": "intermediaries"},
              {"id": "lwl", "name": "Leerwerkloket", "group": "intermediaries"},
              {"id": "vno", "name": "Werkgeversvereniging", "group": "employers"},
              {"id": "fnv", "name": "Vakbond", "group": "workers"},
              {"id": "roc", "name": "ROC", "group": "education"}]
    actors += [{"id": f"firm{i}", "name": f"Bedrijf {i}", "group": "employers"} for i in range(20)]
    actors += [{"id": f"school{i}", "name": f"School {i}", "group": "education"} for i in range(3)]
    tables = {"rwb": ["gem", "uwv", "vno", "fnv", "roc"], "rmt": ["gem", "uwv", "vno", "fnv"],
              "pact": ["gem", "lwl", "vno"], "board": ["uwv", "lwl", "vno"]}
    actors += [{"id": t, "name": t.upper(), "group": "intermediaries"} for t in tables]
    relations = [{"source": m, "target": t, "type": "governance", "weight": 2}
                 for t, members in tables.items() for m in members]
    relations += [{"source": f"firm{i}", "target": "lwl", "type": "referral"} for i in range(20)]
    relations += [{"source": f"school{i}", "target": "lwl", "type": "delivery"} for i in range(3)]
    relations += [{"source": "vno", "target": f"firm{i}", "type": "representation"} for i in range(20)]
    region = write_region(tmp_path / "tables", actors, relations)
    _, summary, output = _analyse(tmp_path, region, "--bootstrap", "0")
    core = set(summary["core"])
    # Independent count: each table (an actor with >= 3 governance partners, plus them) that holds a core actor.
    groups = {a["id"]: a["group"] for a in actors}
    partners: dict[str, set[str]] = {}
    for r in relations:
        if r["type"] == "governance":
            partners.setdefault(r["source"], set()).add(r["target"])
            partners.setdefault(r["target"], set()).add(r["source"])
    found = {frozenset(p | {h}) for h, p in partners.items() if len(p) >= 3}
    core_tables = [t for t in found if t & core]
    presence = {g: sum(any(groups[v] == g for v in t) for t in core_tables) / len(core_tables)
                for g in ("workers", "employers", "government", "education")}
    agency = next(d for d in summary["diagnosis"] if d["key"] == "agency")
    assert agency["details"]["core_tables"] == len(core_tables)
    for g, share in presence.items():
        assert agency["details"]["seats"][g]["share_of_core_tables"] == pytest.approx(share, abs=1e-4)
        assert agency["details"]["seats"][g]["has_seat"] == (share >= 0.5)   # decided in analysis (issue 9)
    assert agency["details"]["without_seat"] == [g for g, share in presence.items() if share < 0.5]
    assert "education" in agency["details"]["without_seat"] and "employers" not in agency["details"]["without_seat"]
    assert "onderwijs (aan" in output
