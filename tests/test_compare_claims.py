"""What `compare` and `whatif` say must hold on the small networks a review found them false on.

Each check recomputes the fact from the two inputs (networkx, or the change's own counts) and reads
the sentence the command prints or writes: a key group is not 'kern' on a side without a core; an
actor without relations is not given a place among the candidates; the relation counts add up;
`--without` matches ids as the data do; a what-if that leaves no relation says so instead of failing;
counts are said in the singular and plural.
"""
from __future__ import annotations

import json
import re
import shutil

import networkx as nx

from conftest import ROOT, read_csv_rows, run_cli, write_region

SETTINGS = ("--bootstrap", "20", "--null-samples", "20")
ACTORS = [{"id": "hub", "name": "Hub", "group": "intermediairs"},
          {"id": "g1", "name": "Gem", "group": "overheid"},
          {"id": "w1", "name": "Werkgever", "group": "werkgevers"},
          {"id": "v1", "name": "Vakbond", "group": "werkenden"},
          {"id": "o1", "name": "School", "group": "onderwijs"},
          {"id": "o2", "name": "School Twee", "group": "onderwijs"}]


def _star(folder, with_hub: bool):
    relations = [{"source": "o1", "target": "o2", "type": "samenwerking"},
                 {"source": "g1", "target": "w1", "type": "samenwerking"}]
    if with_hub:
        relations += [{"source": "hub", "target": a["id"], "type": "bestuur"} for a in ACTORS[1:]]
    return write_region(folder, ACTORS, relations)


def test_a_side_without_a_core_gives_no_group_a_place_and_no_tieless_actor_a_rank(tmp_path):
    """Before: a hub tied to everyone; after: two separate pairs (no core). No key group is 'kern' after,
    and the hub, without relations after, is said to be without relations, not 'plaats 5'."""
    before, after = _star(tmp_path / "voor" / "ster", True), _star(tmp_path / "na" / "ster", False)
    g = nx.Graph((r["source"], r["target"]) for r in read_csv_rows(after / "relations.csv"))
    assert max(dict(g.degree).values()) == 1                # separate pairs: no core (methods §5)
    result = run_cli("compare", before, after, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    data = json.loads(next((tmp_path / "out").rglob("change.json")).read_text(encoding="utf-8"))
    assert [m["id"] for m in data["core"]["left"]] == ["hub"] and data["core"]["entered"] == []
    for key, group in data["groups"].items():
        assert group["has_core"] == {"before": True, "after": False}, key
        assert group["peripheral_verdict"] is None, key
    lines = [x for x in result.output.splitlines() if "in de kern (" in x]
    assert len(lines) == 4 and all("→ geen kern)" in x for x in lines), lines
    hub = next(r for r in data["orchestrators"]["ranks"] if r["id"] == "hub")
    assert hub["rank"]["before"] == 1 and hub["has_ties"] == {"before": True, "after": False}
    assert hub["verdict"] is None
    assert "Hub: plaats 1 → zonder relaties" in result.output


def test_relation_counts_add_up(tmp_path):
    """Two rows of one relation are one relation: after = before + added - removed, in change.json."""
    actors = ACTORS[1:]
    old = [{"source": "g1", "target": "w1", "type": "bestuur"}, {"source": "g1", "target": "o1", "type": "financiering"},
           {"source": "w1", "target": "v1", "type": "samenwerking"}]
    # a second row of one relation (typed the other way, with a note), two new, one gone
    new = old[:2] + [{"source": "w1", "target": "g1", "type": "bestuur", "note": "tweede tafel"},
                     {"source": "o1", "target": "o2", "type": "samenwerking"},
                     {"source": "v1", "target": "o2", "type": "advies"}]
    a, b = write_region(tmp_path / "a" / "r", actors, old), write_region(tmp_path / "b" / "r", actors, new)
    result = run_cli("compare", a, b, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    data = json.loads(next((tmp_path / "out").rglob("change.json")).read_text(encoding="utf-8"))
    rel = data["relations"]
    distinct = {(min(r["source"], r["target"]), max(r["source"], r["target"]), r["type"]) for r in new}
    assert data["sides"]["after"]["relations"] == len(distinct) == 4
    assert data["sides"]["before"]["relations"] + len(rel["added"]) - len(rel["removed"]) == 4


def test_whatif_without_matches_ids_as_the_data_do_and_leaves_nothing_cleanly(tmp_path):
    region = tmp_path / "brabant"
    shutil.copytree(ROOT / "regions" / "brabant", region)
    upper = run_cli("whatif", region, "--without", "SUMMA", "--out", tmp_path / "o1", "--bootstrap", "0",
                    "--null-samples", "10")
    lower = run_cli("whatif", region, "--without", "summa", "--out", tmp_path / "o2", "--bootstrap", "0",
                    "--null-samples", "10")
    assert upper.exit_code == lower.exit_code == 0, upper.output
    assert upper.output.replace(str(tmp_path / "o1"), "") == lower.output.replace(str(tmp_path / "o2"), "")
    wrong = run_cli("whatif", region, "--without", "summmma_xyz", "--out", tmp_path / "o3")
    assert wrong.exit_code == 2 and "zlto" not in wrong.output
    # a name typed instead of the id gets that actor's id, as in relations.csv (io.validate.ActorSuggestions)
    named = run_cli("whatif", region, "--without", "Summa College", "--out", tmp_path / "o3")
    assert named.exit_code == 2 and "Bedoelt u 'summa'?" in named.output
    # a star without its hub: no relation left; said plainly (exit 2), no traceback
    star = write_region(tmp_path / "ster", [{"id": "hub", "name": "Hub", "group": "overheid"}] +
                        [{"id": f"l{k}", "name": f"L{k}", "group": "onderwijs"} for k in range(5)],
                        [{"source": "hub", "target": f"l{k}", "type": "bestuur"} for k in range(5)])
    gone = run_cli("whatif", star, "--without", "hub", "--out", tmp_path / "o4", *SETTINGS)
    assert gone.exit_code == 2 and "geen enkele relatie over" in gone.output and "Error" not in gone.output


def test_whatif_counts_are_singular_and_plural(tmp_path):
    """A pendant's only partner leaves, so exactly one organisation loses every path (recomputed with
    networkx): the line says '1 organisatie verliest', not 'organisatie(s) verliezen'."""
    actors = [{"id": i, "name": i.upper(), "group": g} for i, g in
              (("a", "overheid"), ("b", "werkgevers"), ("c", "onderwijs"), ("d", "werkenden"), ("p", "overig"))]
    relations = [{"source": "a", "target": "b", "type": "bestuur"}, {"source": "b", "target": "c", "type": "bestuur"},
                 {"source": "c", "target": "a", "type": "bestuur"}, {"source": "a", "target": "d", "type": "bestuur"},
                 {"source": "d", "target": "p", "type": "advies"}, {"source": "d", "target": "b", "type": "bestuur"}]
    g = nx.Graph([(r["source"], r["target"]) for r in relations])
    g.remove_node("d")
    assert sorted(len(c) for c in nx.connected_components(g)) == [1, 3]   # p alone: one cut off
    result = run_cli("whatif", write_region(tmp_path / "r", actors, relations), "--without", "d",
                     "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    assert "1 organisatie verliest elk pad" in result.output and "(s)" not in result.output


def test_an_actor_whose_group_changed_is_listed_and_an_empty_group_is_said_to_have_none(tmp_path):
    """The union relabelled from workers to employers: the workers' seat changes follow, so the change says
    which actor moved (terminal, change.html, change.json); the workers, now without organisations, are
    'geen organisaties' on that side, not '0% in de kern (periferie)'."""
    import html
    import pandas as pd

    relations = [{"source": "hub", "target": a["id"], "type": "bestuur"} for a in ACTORS[1:]]
    moved = [dict(a, group="werkgevers") if a["id"] == "v1" else a for a in ACTORS]
    a = write_region(tmp_path / "a" / "r", ACTORS, relations)
    b = write_region(tmp_path / "b" / "r", moved, relations)
    result = run_cli("compare", a, b, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    # the facts, from the two actors.csv files
    old, new = (pd.read_csv(x / "actors.csv").set_index("id")["group"] for x in (a, b))
    changed = [i for i in old.index if i in new.index and old[i] != new[i]]
    assert changed == ["v1"] and not (new == "werkenden").any()
    data = json.loads(next((tmp_path / "out").rglob("change.json")).read_text(encoding="utf-8"))
    assert data["actors"]["regrouped"] == [{"id": "v1", "name": "Vakbond",
                                            "group": {"before": "workers", "after": "employers"}}]
    assert "andere groep (1): Vakbond (werkenden → werkgevers)" in result.output
    page = html.unescape(next((tmp_path / "out").rglob("change.html")).read_text(encoding="utf-8"))
    assert "<td>Vakbond</td><td>v1</td><td>Werkenden</td><td>Werkgevers</td>" in page
    line = next(x for x in result.output.splitlines() if x.strip()[2:].startswith("Werkenden:"))
    assert "→ geen organisaties;" in line and line.strip().startswith("!")
    assert not re.search(r"\d+% → \d+% in de kern", line), line
    assert data["groups"]["workers"]["actors"] == {"before": 1, "after": 0}
    assert data["groups"]["workers"]["peripheral_verdict"] is None


def test_an_undirected_pair_is_said_in_id_order_whichever_is_typed_first(tmp_path):
    """A bestuur or samenwerking relation typed B,A instead of A,B: the same lines, the same change.json,
    each undirected pair with the smaller id first (a directed one as typed)."""
    old = [{"source": "g1", "target": "w1", "type": "bestuur", "weight": 1}]
    new = old + [{"source": "w1", "target": "hub", "type": "bestuur", "weight": 2},
                 {"source": "o2", "target": "o1", "type": "samenwerking", "weight": 1},
                 {"source": "w1", "target": "g1", "type": "samenwerking", "weight": 1},
                 {"source": "v1", "target": "g1", "type": "financiering", "weight": 1}]
    flipped = [dict(r, source=r["target"], target=r["source"]) if r["type"] != "financiering" else r for r in new]
    outputs = []
    for name, rows in (("typed", new), ("flipped", flipped)):
        a = write_region(tmp_path / name / "a" / "r", ACTORS, [dict(r) for r in old])
        b = write_region(tmp_path / name / "b" / "r", ACTORS, rows)
        result = run_cli("compare", a, b, "--out", tmp_path / name / "out", *SETTINGS)
        assert result.exit_code == 0, result.output
        data = json.loads(next((tmp_path / name / "out").rglob("change.json")).read_text(encoding="utf-8"))
        outputs.append(([x for x in result.output.splitlines() if x.startswith("  + ")], data["relations"]))
    assert outputs[0] == outputs[1]
    lines, relations = outputs[0]
    names = {a["id"]: a["name"] for a in ACTORS}
    expected = sorted((min(r["source"], r["target"]), max(r["source"], r["target"]), r["type"]) if r["type"] != "financiering"
                      else (r["source"], r["target"], r["type"]) for r in new[1:])
    assert sorted((r["source"], r["target"], r["type"]) for r in relations["added"]) == [
        (s, t, {"bestuur": "governance", "samenwerking": "collaboration", "financiering": "funding"}[k])
        for s, t, k in expected]
    for s, t, k in expected:
        arrow = "→" if k == "financiering" else "–"
        assert any(line.startswith(f"  + {names[s]} {arrow} {names[t]} (") for line in lines), (s, t, lines)


def test_diagnosis_values_are_said_with_their_unit(tmp_path):
    """The orchestrator indicator is said as the two scores on each side (as analyse says them, not their
    relative margin as a bare percentage), fragmentation as a count of parts (networkx's components of the
    linked actors), and the legend explains the rank and key-group rules too."""
    old = [{"source": "hub", "target": a["id"], "type": "bestuur"} for a in ACTORS[1:]]
    new = [{"source": "g1", "target": "w1", "type": "bestuur"}, {"source": "w1", "target": "v1", "type": "bestuur"},
           {"source": "o1", "target": "o2", "type": "samenwerking"}]
    a, b = write_region(tmp_path / "a" / "r", ACTORS, old), write_region(tmp_path / "b" / "r", ACTORS, new)
    result = run_cli("compare", a, b, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    parts = [nx.number_connected_components(nx.Graph([(r["source"], r["target"]) for r in rows]))
             for rows in (old, new)]
    assert parts == [1, 2]
    # the parts are counted among the linked organisations; those without relations are said beside them
    alone = [len({a["id"] for a in ACTORS} - {v for r in rows for v in (r["source"], r["target"])})
             for rows in (old, new)]
    assert alone[1]
    isolated = ["geen zonder relaties" if n == 0 else "1 organisatie zonder relaties" if n == 1
                else f"{n} organisaties zonder relaties" for n in alone]
    assert (f"Versnippering: 1 deel onder de organisaties met relaties, {isolated[0]} → "
            f"2 delen onder de organisaties met relaties, {isolated[1]} (") in result.output
    scores = []
    for side, folder in (("a", a), ("b", b)):
        out = tmp_path / f"analyse-{side}"
        assert run_cli("analyse", folder, "--out", out, *SETTINGS).exit_code == 0
        summary = json.loads(next(out.rglob("summary.json")).read_text(encoding="utf-8"))
        first, second = summary["orchestrators"][:2]
        scores.append(f"score {first['score']:.2f} tegen {second['score']:.2f}".replace(".", ","))
    line = next(x for x in result.output.splitlines() if "Orkestrator:" in x)
    assert f"Orkestrator: {scores[0]} → {scores[1]} (" in line and "%" not in line, (line, scores)
    legend = result.output.splitlines()[[i for i, x in enumerate(result.output.splitlines())
                                         if x.startswith("Duidelijk:")][0]]
    assert "(5–95%)" in legend and "periferie" in legend and "§15" in legend


def test_rows_repeating_a_relation_are_said_where_compare_counts_a_relation_once(tmp_path):
    """A row that repeats a relation with another weight (the same bestuur pair, typed the other way round):
    analyse counts relation rows (301, with a warning naming both rows), compare counts the relation once
    (300 → 300), with the weights added. compare now says how many rows repeat a relation and how many rows
    each side has, so its count and analyse's agree."""
    import csv

    old = tmp_path / "oud" / "brabant"
    shutil.copytree(ROOT / "regions" / "brabant", old)
    new = tmp_path / "nieuw" / "brabant"
    shutil.copytree(old, new)
    with open(new / "relations.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    first = next(r for r in rows if r["type"] == "governance")
    repeated = {**first, "source": first["target"], "target": first["source"],
                "weight": str(float(first["weight"] or 1) + 1)}
    with open(new / "relations.csv", "a", encoding="utf-8", newline="") as fh:
        csv.DictWriter(fh, fieldnames=list(rows[0])).writerow(repeated)
    result = run_cli("compare", old, new, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    n = len(rows)
    assert f"relaties {n} → {n}," in result.output
    assert f"rijen die een relatie herhalen (zelfde organisaties en soort; ze tellen hier als één relatie, de gewichten opgeteld): 0 → 1; rijen in de gegevens {n} → {n + 1}" in result.output
    change = json.loads(next((tmp_path / "out").rglob("change.json")).read_text(encoding="utf-8"))
    sides = [change["sides"][k] for k in ("before", "after")]
    assert [s["relation_rows"] for s in sides] == [n, n + 1]
    assert [s["relations"] for s in sides] == [n, n]
    analysed = run_cli("analyse", new, "--out", tmp_path / "a", *SETTINGS)
    summary = json.loads((tmp_path / "a" / "brabant" / "summary.json").read_text(encoding="utf-8"))
    assert summary["relations"] == n + 1
