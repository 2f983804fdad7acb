"""Interchangeable actors (analysis/symmetry.py): orbits against networkx's own enumeration of the
automorphisms, and what they change in the claims: two mirror-image organisations are never 'the
clearest candidate' and 'a distant second', whatever their ids.

The oracle is networkx's VF2 (``DiGraphMatcher`` of the data with itself, nodes matched on group,
arcs on their multiset of (type, weight)): every automorphism it enumerates, the union of the images
of each actor, is that actor's orbit.
"""
from __future__ import annotations

import csv
import json

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms.isomorphism import DiGraphMatcher

from conftest import run_cli, write_region

GROUPS = {"overheid": "government", "werkgevers": "employers", "werkenden": "workers", "onderwijs": "education",
          "intermediairs": "intermediaries"}
DIRECTED = {"financiering", "levering", "toeleiding", "advies", "vertegenwoordiging"}


def two_stars(hubs=("h1", "h2")):
    """Two gemeenten, each with its own werkgever, school and bond, both at one table with a werkbedrijf."""
    a, b = hubs
    actors = [{"id": a, "name": "Gemeente Oost", "group": "overheid"},
              {"id": b, "name": "Gemeente West", "group": "overheid"},
              {"id": "m", "name": "Regionaal Werkbedrijf", "group": "intermediairs"}]
    relations = [{"source": a, "target": "m", "type": "bestuur", "weight": "1"},
                 {"source": b, "target": "m", "type": "bestuur", "weight": "1"}]
    for hub, side in ((a, "1"), (b, "2")):
        for kind, group in (("e", "werkgevers"), ("s", "onderwijs"), ("w", "werkenden")):
            actors.append({"id": kind + side, "name": f"{group.title()} {side}", "group": group})
            relations.append({"source": hub, "target": kind + side, "type": "samenwerking", "weight": "1"})
    return actors, relations


def oracle_orbits(actors, relations) -> dict[str, frozenset]:
    g = nx.DiGraph()
    for a in actors:
        g.add_node(a["id"], group=a["group"])
    for r in relations:
        ends = [(r["source"], r["target"])] if r["type"] in DIRECTED else [(r["source"], r["target"]),
                                                                           (r["target"], r["source"])]
        for s, t in ends:
            if not g.has_edge(s, t):
                g.add_edge(s, t, labels=[])
            g[s][t]["labels"].append((r["type"], float(r["weight"])))
    matcher = DiGraphMatcher(g, g, node_match=lambda x, y: x["group"] == y["group"],
                             edge_match=lambda x, y: sorted(x["labels"]) == sorted(y["labels"]))
    orbit = {v: {v} for v in g}
    for mapping in matcher.isomorphisms_iter():
        for v, w in mapping.items():
            orbit[v].add(w)
    return {v: frozenset(o) for v, o in orbit.items()}


def loaded(tmp_path, actors, relations):
    from ecosystem import api

    return api.load(write_region(tmp_path / "r", actors, relations)).region


@pytest.mark.parametrize("case", ["two_stars", "ring", "directed_chain", "weighted"])
def test_orbits_are_networkx_automorphism_orbits(tmp_path, case):
    from ecosystem.analysis.symmetry import interchangeable

    if case == "two_stars":
        actors, relations = two_stars()
    else:
        actors = [{"id": f"r{i}", "name": f"R {i}", "group": "overheid"} for i in range(6)]
        kind = "financiering" if case == "directed_chain" else "samenwerking"
        relations = [{"source": f"r{i}", "target": f"r{(i + 1) % 6}", "type": kind,
                      "weight": "2" if case == "weighted" and i == 0 else "1"} for i in range(6)]
        if case == "directed_chain":
            relations = relations[:-1]                 # r0 -> r1 -> ... -> r5: only the identity
    region = loaded(tmp_path, actors, relations)
    orbits = interchangeable(region)
    ids = [a.id for a in region.actors]
    found = {ids[v]: frozenset(ids[u] for u in range(len(ids)) if orbits[u] == orbits[v]) for v in range(len(ids))}
    assert found == oracle_orbits(actors, relations)
    if case == "two_stars":
        assert found["h1"] == {"h1", "h2"} and found["m"] == {"m"}          # the premise the claims test uses


@pytest.mark.parametrize("hubs", [("h1", "h2"), ("h2", "h1"), ("zz", "aa")])
def test_mirror_image_organisations_share_the_first_place_whatever_their_ids(tmp_path, hubs):
    """Gemeente Oost and Gemeente West are interchangeable (the oracle's orbit): they get the same coreness,
    the same orchestrator score and place, and the diagnosis says they score exactly the same, never that
    one is 'de duidelijkste orkestratorkandidaat'. Their own werkgevers get the same score as each other."""
    actors, relations = two_stars(hubs)
    orbits = oracle_orbits(actors, relations)
    assert orbits[hubs[0]] == {hubs[0], hubs[1]}
    folder = write_region(tmp_path / "r", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "20")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "r" / "summary.json").read_text(encoding="utf-8"))
    with open(tmp_path / "out" / "r" / "actors.csv", newline="", encoding="utf-8-sig") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    for orbit in {frozenset(o) for o in orbits.values()}:
        values = {rows[v]["coreness"] for v in orbit}
        scores = {rows[v]["orchestrator_score"] for v in orbit}
        assert len(values) == 1 and len(scores) == 1, (orbit, values, scores)
    first = [o for o in summary["orchestrators"] if o["shared_rank"] == 1]
    assert sorted(o["id"] for o in first) == sorted(hubs)
    text = " ".join(result.output.split())
    assert "duidelijkste orkestratorkandidaat" not in text
    assert "Gemeente Oost en Gemeente West scoren precies gelijk" in text or \
        "Gemeente West en Gemeente Oost scoren precies gelijk" in text


def test_orbit_mean_keeps_a_vector_without_symmetry():
    from ecosystem.analysis.symmetry import orbit_mean

    values = np.array([0.2, 1.0, 0.5])
    assert orbit_mean(values, (0, 1, 2)) is values or np.array_equal(orbit_mean(values, (0, 1, 2)), values)
    assert orbit_mean(values, (0, 0, 2)).tolist() == [0.6, 0.6, 0.5]
