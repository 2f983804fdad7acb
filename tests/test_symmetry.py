"""Interchangeable actors (analysis/symmetry.py): orbits against networkx's own enumeration of the
automorphisms, and what they change in the claims: two mirror-image organisations are never 'the
clearest candidate' and 'a distant second', whatever their ids; a core that leaves out an actor
interchangeable with one inside says so.

The oracle is networkx's VF2 (``GraphMatcher`` of the tie network with itself, ties matched on their
strength): every automorphism it enumerates, the union of the images of each actor, is its orbit.
"""
from __future__ import annotations

import csv
import json

import networkx as nx
import numpy as np
import pytest
from networkx.algorithms.isomorphism import GraphMatcher

from conftest import run_cli, write_region

GROUPS = {"overheid": "government", "werkgevers": "employers", "werkenden": "workers", "onderwijs": "education",
          "intermediairs": "intermediaries"}


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
    """Each actor's orbit under the automorphisms of the tie network (ties: summed weights per pair, either
    direction, as the tool's tie network; matched on strength), by networkx's VF2."""
    g = nx.Graph()
    g.add_nodes_from(a["id"] for a in actors)
    for r in relations:
        s, t = r["source"], r["target"]
        g.add_edge(s, t, weight=g.get_edge_data(s, t, {"weight": 0.0})["weight"] + float(r["weight"]))
    matcher = GraphMatcher(g, g, edge_match=lambda x, y: x["weight"] == y["weight"])
    orbit = {v: {v} for v in g}
    for mapping in matcher.isomorphisms_iter():
        for v, w in mapping.items():
            orbit[v].add(w)
    return {v: frozenset(o) for v, o in orbit.items()}


def oracle_groups_vary(actors, relations, core: set[str]) -> bool:
    """Whether some automorphism of the tie network (networkx's VF2, as oracle_orbits) maps ``core`` onto a set
    with another number of actors of some group: an equally good core with other groups in it."""
    from collections import Counter

    g = nx.Graph()
    g.add_nodes_from(a["id"] for a in actors)
    for r in relations:
        s, t = r["source"], r["target"]
        g.add_edge(s, t, weight=g.get_edge_data(s, t, {"weight": 0.0})["weight"] + float(r["weight"]))
    group = {a["id"]: a["group"] for a in actors}
    counts = Counter(group[v] for v in core)
    matcher = GraphMatcher(g, g, edge_match=lambda x, y: x["weight"] == y["weight"])
    return any(Counter(group[mapping[v]] for v in core) != counts for mapping in matcher.isomorphisms_iter())


def loaded(tmp_path, actors, relations):
    from ecosystem import api

    return api.analyse_loaded(api.load(write_region(tmp_path / "r", actors, relations)), bootstrap=0, null_samples=2)


@pytest.mark.parametrize("case", ["two_stars", "ring", "path", "weighted_ring", "twins"])
def test_orbits_are_networkx_automorphism_orbits(tmp_path, case):
    """The analysis's orbits (``Analysis.orbits``, of its tie network) are networkx's."""
    if case == "two_stars":
        actors, relations = two_stars()
    elif case == "twins":
        # a hub with five partners (two of them also tied to a second hub, one more strongly), two pairs of
        # twins across hubs, and three actors without ties: twins collapse, the rest must still be found
        actors = [{"id": v, "name": v, "group": "overheid"} for v in
                  ["h", "g", "p1", "p2", "p3", "p4", "p5", "q1", "q2", "z1", "z2", "z3"]]
        pairs = [("h", "p1", "1"), ("h", "p2", "1"), ("h", "p3", "1"), ("h", "p4", "1"), ("h", "p5", "1"),
                 ("g", "p4", "1"), ("g", "p5", "2"), ("g", "q1", "1"), ("g", "q2", "1"), ("q1", "h", "2"),
                 ("q2", "h", "2")]
        relations = [{"source": a, "target": b, "type": "samenwerking", "weight": w} for a, b, w in pairs]
    else:
        actors = [{"id": f"r{i}", "name": f"R {i}", "group": "overheid"} for i in range(6)]
        relations = [{"source": f"r{i}", "target": f"r{(i + 1) % 6}", "type": "financiering",
                      "weight": "2" if case == "weighted_ring" and i == 0 else "1"} for i in range(6)]
        if case == "path":
            relations = relations[:-1]
    analysis = loaded(tmp_path, actors, relations)
    orbits, ids = analysis.orbits, analysis.network.ids
    found = {ids[v]: frozenset(ids[u] for u in range(len(ids)) if orbits[u] == orbits[v]) for v in range(len(ids))}
    assert found == oracle_orbits(actors, relations)
    if case == "two_stars":
        assert found["h1"] == {"h1", "h2"} and found["m"] == {"m"}          # the premise the claims test uses


def test_tie_orbits_refuses_a_directed_graph():
    import igraph as ig
    from ecosystem.analysis.symmetry import tie_orbits

    with pytest.raises(ValueError, match="undirected"):
        tie_orbits(ig.Graph(n=2, edges=[(0, 1)], directed=True), None)


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


def _ring(ids, groups=("overheid", "werkgevers", "werkenden", "onderwijs", "intermediairs", "overig")):
    actors = [{"id": v, "name": f"Ring {k}", "group": groups[k]} for k, v in enumerate(ids)]
    relations = [{"source": ids[k], "target": ids[(k + 1) % 6], "type": "samenwerking", "weight": "2"}
                 for k in range(6)]
    return actors, relations


def _k27(hubs):
    actors = [{"id": hubs[0], "name": "Gemeente Noord", "group": "overheid"},
              {"id": hubs[1], "name": "Gemeente Zuid", "group": "overheid"}]
    actors += [{"id": f"p{k}", "name": f"Partner {k}", "group": "werkgevers"} for k in range(7)]
    relations = [{"source": h, "target": f"p{k}", "type": "samenwerking", "weight": "1"} for h in hubs for k in range(7)]
    return actors, relations


@pytest.mark.parametrize("case", ["ring", "ring_renamed", "ring_alternating", "k27", "k27_renamed", "two_stars"])
def test_a_core_that_leaves_out_an_interchangeable_actor_says_so(tmp_path, case):
    """In a ring every split into core and periphery is as good as its rotations, and of two gemeenten tied to
    the same seven partners either alone is as good a core: the core the tool shows leaves out an actor that
    networkx finds in the same orbit as one inside, so the terminal, report and slides say the core is one of
    several equally good ones (and, where an equally good core has other groups in it, by networkx's enumeration of
    the automorphisms, that the groups in the core do not follow from the data either: not for a ring of
    alternating groups, whose every rotation holds as many of each). Renaming the ids moves the core, never the warning. Two mirror-image stars whose hubs are both
    in the core: no warning."""
    from pptx import Presentation

    made = {"ring": lambda: _ring([f"r{k}" for k in range(6)]),
            "ring_renamed": lambda: _ring(["r0", "r1", "a2", "a3", "r4", "r5"]),
            # every equally good core (a rotation or reflection) holds as many of each group: no groups sentence
            "ring_alternating": lambda: _ring([f"r{k}" for k in range(6)], ("overheid", "onderwijs") * 3),
            "k27": lambda: _k27(("noord", "zuid")), "k27_renamed": lambda: _k27(("zz", "aa")),
            "two_stars": two_stars}[case]
    actors, relations = made()
    orbits = oracle_orbits(actors, relations)
    folder = write_region(tmp_path / "r", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "20")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "r"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    core = set(summary["core"])
    expected = sorted(v for v in orbits if v not in core and orbits[v] & core)
    assert sorted(summary["core_swappable"]) == expected
    assert bool(expected) == (case != "two_stars")
    text = " ".join(result.output.split())
    report = " ".join((out / "report.html").read_text(encoding="utf-8").split())
    slides = " ".join(" ".join(p.text for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs)
                      for slide in Presentation(str(out / "slides.pptx")).slides)
    page = " ".join((out / "map.html").read_text(encoding="utf-8").split())
    groups_differ = oracle_groups_vary(actors, relations, core)
    assert groups_differ == (case in ("ring", "ring_renamed"))                  # the premise of each case
    for said in (text, report, slides, page):
        assert ("Deze kern is één van meerdere even goede" in said) == bool(expected)
        assert ("Dus ook welke groepen in de kern zitten" in said) == groups_differ


@pytest.mark.parametrize("seed", range(25))
def test_tie_orbits_on_random_small_networks_match_networkx(seed):
    """Random networks of 6-10 actors with ties of strength 1 or 2 (twins, pendants and actors without ties
    come up often): tie_orbits equals networkx's orbits over every automorphism."""
    import igraph as ig
    from ecosystem.analysis.symmetry import tie_orbits

    rng = np.random.default_rng(seed)
    n = int(rng.integers(6, 11))
    g = nx.gnp_random_graph(n, float(rng.uniform(0.15, 0.5)), seed=seed)
    for s, t in g.edges:
        g[s][t]["weight"] = float(rng.integers(1, 3)) if seed % 2 else 1.0
    matcher = GraphMatcher(g, g, edge_match=lambda x, y: x["weight"] == y["weight"])
    expected = {v: {v} for v in g}
    for mapping in matcher.isomorphisms_iter():
        for v, w in mapping.items():
            expected[v].add(w)
    ties = ig.Graph(n=n, edges=list(g.edges))
    ties.es["weight"] = [g[s][t]["weight"] for s, t in g.edges]
    orbits = tie_orbits(ties)
    assert {v: {u for u in range(n) if orbits[u] == orbits[v]} for v in range(n)} == expected


@pytest.mark.parametrize("seed", range(40))
def test_core_groups_vary_on_random_small_networks_matches_networkx(seed):
    """Random networks of 6-10 actors, random groups and a random set as the core: core_groups_vary says whether
    an automorphism maps that set onto one with other numbers of some group, as networkx's enumeration of every
    automorphism does (8 of the 40 cores have an equally good one with other groups in it)."""
    import igraph as ig
    from ecosystem.analysis.symmetry import core_groups_vary

    rng = np.random.default_rng(1000 + seed)
    n = int(rng.integers(6, 11))
    g = nx.gnp_random_graph(n, float(rng.uniform(0.1, 0.35)), seed=seed)   # sparse: twins, pendants
    kinds = ["overheid", "onderwijs", "werkgevers"][:int(rng.integers(1, 4))]
    actors = [{"id": str(v), "group": str(rng.choice(kinds))} for v in g]
    relations = [{"source": str(s), "target": str(t), "weight": str(int(rng.integers(1, 3)) if seed % 2 else 1)}
                 for s, t in g.edges]
    core = {str(v) for v in g if rng.random() < 0.4}
    ties = ig.Graph(n=n, edges=[(int(r["source"]), int(r["target"])) for r in relations])
    ties.es["weight"] = [float(r["weight"]) for r in relations]
    mask = np.array([str(v) in core for v in range(n)])
    assert core_groups_vary(ties, mask, [a["group"] for a in actors]) == oracle_groups_vary(actors, relations, core)
