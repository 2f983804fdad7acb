"""A network in separate sizeable parts (structure ``parts``, docs/methods.md §5): each part's own coreness,
the ranking's equal scores, and no core claims from the resamples.

Checked through the real CLI on small regions. The oracles are independent of the package: the
least-squares stationarity condition of the continuous model, recomputed with networkx on each part;
the part analysed as a folder of its own; networkx's connected components for the pieces.
"""
from __future__ import annotations

import csv
import json

import networkx as nx
import numpy as np
import pytest

from conftest import run_cli, write_region

SETTINGS = ("--bootstrap", "40", "--null-samples", "20")


def _analyse(region, out):
    result = run_cli("analyse", region, "--out", out, *SETTINGS)
    assert result.exit_code == 0, result.output
    folder = out / region.name
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        coreness = {row["id"]: float(row["coreness"]) for row in csv.DictReader(fh)}
    return result.output, summary, coreness


def _half(side: str) -> tuple[list[dict], list[dict]]:
    """A gemeente with VNO, FNV and ROC at its table, VNO and FNV working together."""
    actors = [{"id": f"{key}_{side}", "name": f"{name} {side.upper()}", "group": group}
              for key, name, group in (("gem", "Gemeente", "overheid"), ("vno", "VNO", "werkgevers"),
                                       ("fnv", "FNV", "werkenden"), ("roc", "ROC", "onderwijs"))]
    relations = [{"source": f"gem_{side}", "target": f"{x}_{side}", "type": "bestuur"} for x in ("vno", "fnv", "roc")]
    relations.append({"source": f"vno_{side}", "target": f"fnv_{side}", "type": "samenwerking"})
    return actors, relations


def _other_half() -> tuple[list[dict], list[dict]]:
    """A second part of another shape: a ring of five with one chord and one weighted tie."""
    ids = ["uwv", "lwl", "mkb", "oo", "hbo"]
    groups = ["intermediairs", "intermediairs", "werkgevers", "overig", "onderwijs"]
    actors = [{"id": i, "name": i.upper(), "group": g} for i, g in zip(ids, groups)]
    relations = [{"source": ids[k], "target": ids[(k + 1) % 5], "type": "samenwerking", "weight": "1"}
                 for k in range(5)]
    relations += [{"source": "uwv", "target": "mkb", "type": "samenwerking", "weight": "1"}]
    relations[0]["weight"] = "3"
    return actors, relations


def _graph(relations) -> nx.Graph:
    g = nx.Graph()
    for r in relations:
        w = float(r.get("weight", 1) or 1)
        if g.has_edge(r["source"], r["target"]):
            g[r["source"]][r["target"]]["weight"] += w
        else:
            g.add_edge(r["source"], r["target"], weight=w)
    return g


def _stationarity_ratio(g: nx.Graph, c: dict[str, float]) -> dict[str, float]:
    """Per actor with coreness > 0: sum_j a_ij c_j / (c_i * sum_{j != i} c_j^2), over its part's actors only.

    The least-squares fit ``min sum_{i<j} (a_ij - k c_i c_j)^2`` over the part is stationary where
    ``k c_i sum_{j != i} c_j^2 = sum_j a_ij c_j`` for every i with c_i > 0: the ratio is the same
    number k for all of them. A coreness fitted over the whole network (the other part's actors
    in the sums) does not make it constant within a part.
    """
    squares = sum(c[v] ** 2 for v in g)
    return {i: sum(g[i][j]["weight"] * c[j] for j in g[i]) / (c[i] * (squares - c[i] ** 2))
            for i in g if c[i] > 0}


def test_each_part_gets_the_coreness_of_its_own_least_squares_fit(tmp_path):
    """In a network in two sizeable parts, every actor's coreness is its part's own least-squares fit:
    the stationarity condition holds within each part, each part's best actor has 1, and the numbers
    are those of the part analysed as a folder of its own. One fit over both put its weight on one
    part (methods §5), so the other part's actors had coreness near 0 for no reason in the data."""
    a_actors, a_relations = _half("a")
    b_actors, b_relations = _other_half()
    _, summary, coreness = _analyse(write_region(tmp_path / "two", a_actors + b_actors, a_relations + b_relations),
                                    tmp_path / "out")
    assert summary["core_periphery"]["structure"] == "parts"
    for actors, relations in ((a_actors, a_relations), (b_actors, b_relations)):
        part = _graph(relations)
        c = {a["id"]: coreness[a["id"]] for a in actors}
        assert max(c.values()) == pytest.approx(1.0)
        ratios = list(_stationarity_ratio(part, c).values())
        assert len(ratios) >= 3
        assert max(ratios) == pytest.approx(min(ratios), rel=1e-5)
        alone_folder = write_region(tmp_path / f"alone_{actors[0]['id']}", actors, relations)
        _, _, alone = _analyse(alone_folder, tmp_path / "out_alone")
        assert c == pytest.approx({i: alone[i] for i in c}, abs=1e-9)


def test_two_identical_parts_give_their_gemeenten_equal_scores_and_no_first_place(tmp_path):
    """Two identical separate halves: the gemeenten have equal coreness and orchestrator scores, the
    diagnosis says they score exactly equal, and neither is 'first in more than half of the repeats'
    (a first place shared with an equal score, which the ranking breaks by id, counts for nobody)."""
    a_actors, a_relations = _half("a")
    b_actors, b_relations = _half("b")
    text, summary, coreness = _analyse(
        write_region(tmp_path / "halves", a_actors + b_actors, a_relations + b_relations), tmp_path / "out")
    assert coreness["gem_a"] == coreness["gem_b"] == 1.0
    assert all(coreness[f"{k}_a"] == pytest.approx(coreness[f"{k}_b"], abs=1e-12) for k in ("vno", "fnv", "roc"))
    scores = {o["id"]: o["score"] for o in summary["orchestrators"]}
    assert scores["gem_a"] == scores["gem_b"]
    item = next(d for d in summary["diagnosis"] if d["key"] == "orchestrator")
    assert {item["details"]["top"], item["details"]["runner_up"]} == {"gem_a", "gem_b"}
    assert "precies gelijk" in item["text"]["sentence"]
    top = summary["stability"]["top_orchestrator"]
    assert top["first_share"] <= 0.5 and not top["stable"]
    assert {c["id"] for c in top["first_shared"]} == {"gem_a", "gem_b"}
    # no 'beste orkestratorkandidaat <the first by id>': the first place is said to be shared, each with its share
    assert "beste orkestratorkandidaat" not in text
    line = next(x for x in text.splitlines() if "eerste plaats als orkestratorkandidaat gedeeld" in x)
    names = {a["id"]: a["name"] for a in a_actors + b_actors}
    from ecosystem.locale import Locale
    for c in top["first_shared"]:
        assert f"{names[c['id']]} in {Locale('nl').share(c['first_share'])}" in line


def test_a_network_in_parts_has_no_core_in_its_resamples_either(tmp_path):
    """Two separate groups of four, each tied all round: no core in the network, and none in the
    resamples (each in parts too): no actor gets a core probability, and the 'how sure' block says
    nothing of actors outside the core or key groups without a seat in it."""
    actors, relations = [], []
    for side in ("a", "b"):
        ids = [f"{k}_{side}" for k in ("gem", "vno", "fnv", "roc")]
        actors += [{"id": i, "name": i.upper(), "group": g}
                   for i, g in zip(ids, ("overheid", "werkgevers", "werkenden", "onderwijs"))]
        relations += [{"source": x, "target": y, "type": "samenwerking"} for k, x in enumerate(ids) for y in ids[k + 1:]]
    text, summary, _ = _analyse(write_region(tmp_path / "k4s", actors, relations), tmp_path / "out")
    assert summary["core_periphery"]["structure"] == "parts" and summary["core"] == []
    assert set(summary["stability"]["core_probability"].values()) == {0}
    block = text.split("Hoe zeker")[1].split("Diagnose")[0]
    assert "buiten de kern" not in block and "plek in de kern" not in block


def test_a_complete_network_says_nothing_of_seats_in_a_resampled_core(tmp_path):
    """Everyone tied to everyone: the network has no core, so the 'how sure' block names no key group
    without a seat in the core and no actor 'outside the core', although resamples (no longer complete)
    find cores of their own."""
    actors = [{"id": i, "name": n, "group": g} for i, n, g in
              (("c1", "Gemeente A", "overheid"), ("c2", "VNO", "werkgevers"), ("c3", "FNV", "werkenden"),
               ("c4", "ROC", "onderwijs"), ("c5", "UWV", "intermediairs"), ("c6", "MKB", "werkgevers"))]
    relations = [{"source": a["id"], "target": b["id"], "type": "samenwerking"}
                 for k, a in enumerate(actors) for b in actors[k + 1:]]
    text, summary, _ = _analyse(write_region(tmp_path / "k6", actors, relations), tmp_path / "out")
    assert summary["core_periphery"]["structure"] == "complete"
    assert max(summary["stability"]["core_probability"].values()) > 0     # the resamples did find cores
    block = text.split("Hoe zeker")[1].split("Diagnose")[0]
    assert "buiten de kern" not in block and "plek in de kern" not in block


@pytest.mark.parametrize("seed", range(6))
def test_the_pieces_are_networkx_connected_components(seed):
    """core_periphery.structure's pieces (numpy label hooking) against networkx's components, on random
    sparse graphs with isolated vertices, and the sizes network_structure reports."""
    from ecosystem.analysis.core_periphery._edges import _Edges
    from ecosystem.analysis.core_periphery.structure import _lowest_reachable, _pieces

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 300))
    m = int(rng.integers(0, n))
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    pairs = np.unique(np.column_stack([np.minimum(a, b), np.maximum(a, b)])[a != b], axis=0).reshape(-1, 2)
    e = _Edges(n, pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64), np.ones(len(pairs)))
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(map(tuple, pairs.tolist()))
    expected = sorted((sorted(c) for c in nx.connected_components(g) if len(c) > 1), key=lambda c: (-len(c), c[0]))
    assert [piece.tolist() for piece in _pieces(_lowest_reachable(e.n, e.src, e.dst))] == expected


def test_a_candidate_list_cut_inside_equal_scores_names_the_ones_left_out(tmp_path):
    """Two identical halves: VNO and FNV of both halves score the same, and the three-name list ends with
    one of them, chosen by id alone. The list then names the others that score the same (terminal and
    report.html), read here from actors.csv's scores and ranks."""
    a_actors, a_relations = _half("a")
    b_actors, b_relations = _half("b")
    text, _, _ = _analyse(write_region(tmp_path / "halves", a_actors + b_actors, a_relations + b_relations),
                          tmp_path / "out")
    with open(tmp_path / "out" / "halves" / "actors.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    by_rank = sorted(rows, key=lambda r: int(r["orchestrator_rank"]))
    third = float(by_rank[2]["orchestrator_score"])
    tied = [r["name"] for r in by_rank[3:] if float(r["orchestrator_score"]) == pytest.approx(third, abs=1e-9)]
    assert tied                                          # this network has equal scores across the cut
    line = next(x for x in text.splitlines() if "even hoog als nr. 3" in x)
    assert line.split(": ", 1)[1] == ", ".join(tied)
    report = (tmp_path / "out" / "halves" / "report.html").read_text(encoding="utf-8")
    assert line.strip() in report


def _star_part() -> tuple[list[dict], list[dict]]:
    """A part shaped as a star with a tail: a werkbedrijf tied to three partners that have no tie among them
    (one of them tied on to a fourth actor). Its least-squares optimum is the star's limit (methods §5)."""
    ids = ["rwb", "gem", "vno", "roc", "fnv"]
    groups = ["intermediairs", "overheid", "werkgevers", "onderwijs", "werkenden"]
    actors = [{"id": i, "name": i.upper(), "group": g} for i, g in zip(ids, groups)]
    relations = [{"source": "rwb", "target": t, "type": "samenwerking", "weight": w}
                 for t, w in (("gem", "3"), ("vno", "2"), ("roc", "2"))]
    relations.append({"source": "gem", "target": "fnv", "type": "samenwerking", "weight": "1"})
    return actors, relations


def _pattern_correlation(relations, pattern: dict[frozenset, float], actors: list[str]) -> float:
    """Pearson correlation over all pairs of actors of the tie strength with ``pattern`` (0 where absent)."""
    g = _graph(relations)
    pairs = [frozenset((a, b)) for k, a in enumerate(actors) for b in actors[k + 1:]]
    ties = [g[a][b]["weight"] if g.has_edge(a, b) else 0.0 for a, b in (tuple(p) for p in pairs)]
    return float(np.corrcoef(ties, [pattern.get(p, 0.0) for p in pairs])[0, 1])


def test_a_star_shaped_part_gets_the_stars_limit_and_the_fit_reads_each_parts_own_pattern(tmp_path):
    """A part whose optimum is a star's limit reports that limit, as a whole network would: its hub 1 and every
    other actor exactly 0 (before, what the iteration left of them when it stopped, a few hundredths that moved
    with the stop, fed the orchestrator score). The other part keeps its own fit. ``coreness_fit`` is the
    correlation over all pairs of the ties with each part's own pattern, 0 between parts: the hub's ties for the
    star, the products of the part's own least-squares values for the other (their scale recomputed here from
    the reported coreness), checked against numpy's correlation over every pair."""
    s_actors, s_relations = _star_part()
    b_actors, b_relations = _other_half()
    _, summary, coreness = _analyse(write_region(tmp_path / "two", s_actors + b_actors, s_relations + b_relations),
                                    tmp_path / "out")
    assert summary["core_periphery"]["structure"] == "parts"
    assert {a["id"]: coreness[a["id"]] for a in s_actors} == {"rwb": 1.0, "gem": 0.0, "vno": 0.0, "roc": 0.0,
                                                                "fnv": 0.0}
    _, _, alone = _analyse(write_region(tmp_path / "ring", b_actors, b_relations), tmp_path / "out_alone")
    assert {a["id"]: coreness[a["id"]] for a in b_actors} == pytest.approx({a["id"]: alone[a["id"]]
                                                                             for a in b_actors}, abs=1e-9)
    ring = _graph(b_relations)
    r = {v: coreness[v] for v in ring}
    # The part's own least-squares scale: k minimises sum over its pairs of (a_ij - k r_i r_j)^2.
    ring_pairs = [(a, b) for k, a in enumerate(list(ring)) for b in list(ring)[k + 1:]]
    k = (sum(ring[a][b]["weight"] * r[a] * r[b] for a, b in ring_pairs if ring.has_edge(a, b))
         / sum((r[a] * r[b]) ** 2 for a, b in ring_pairs))
    pattern = {frozenset((a, b)): k * r[a] * r[b] for a, b in ring_pairs}
    pattern.update({frozenset(("rwb", x["target"])): float(x["weight"]) for x in s_relations if x["source"] == "rwb"})
    want = _pattern_correlation(s_relations + b_relations, pattern, [a["id"] for a in s_actors + b_actors])
    assert summary["core_periphery"]["continuous_fit"] == pytest.approx(want, abs=1e-5)


def test_a_star_shaped_parts_limit_does_not_depend_on_the_stop_or_the_seed(monkeypatch):
    """The star part's coreness is its limit whatever the interval between the one-vertex checks and the seed."""
    import igraph as ig

    from ecosystem.analysis.core_periphery import continuous

    s_actors, s_relations = _star_part()
    b_actors, b_relations = _other_half()
    g = ig.Graph.TupleList(((r["source"], r["target"], float(r["weight"])) for r in s_relations + b_relations),
                           weights=True)
    results = []
    for every in (10, 25, 50):
        for seed in (0, 1, 2):
            monkeypatch.setattr(continuous, "_DOMINANCE_EVERY", every)
            with pytest.warns(RuntimeWarning, match="reported as its limit"):     # said to the user each time
                results.append(continuous.continuous_core_periphery(g, seed=seed, within_parts=True))
    star = [g.vs.find(name=a["id"]).index for a in s_actors]
    for res in results:
        assert res.coreness[star].tolist() == [1.0, 0.0, 0.0, 0.0, 0.0]
        assert np.abs(res.coreness - results[0].coreness).max() < 1e-7
        assert res.fit == pytest.approx(results[0].fit, abs=1e-9)


def test_separate_pairs_fit_their_ties_exactly():
    """Separate weighted pairs: each pair's own least-squares fit reproduces its tie (both ends sqrt(a_ij)), so
    the pattern is the ties themselves and ``fit`` is 1; one pattern over all pairs, from the rescaled coreness
    (1 everywhere), had read a tie between every two ends (0.16 here)."""
    import igraph as ig

    from ecosystem.analysis.core_periphery import continuous

    g = ig.Graph(n=9, edges=[(0, 1), (2, 3), (4, 5), (6, 7)])
    g.es["weight"] = [1.0, 2.0, 3.0, 5.0]
    res = continuous.continuous_core_periphery(g, seed=0, within_parts=True)
    assert res.coreness.tolist() == [1.0] * 8 + [0.0]
    assert res.fit == pytest.approx(1.0, abs=1e-12)
