"""Issue 12 point 2: `ecosystem whatif`, key players in the report, and the map's "wat als" table, via the CLI.

Oracles are independent networkx computations on the CSV rows: connected components for who
loses every path, key-group reachability for lost pairs, and distance-weighted fragmentation
``DF = 1 - (sum over pairs of 1/d) / (n(n-1)/2)`` (Borgatti 2006) from shortest path lengths.
"""
from __future__ import annotations

import csv
import json
import re
from itertools import combinations

import networkx as nx
import pytest

from conftest import read_csv_rows, run_cli, write_region, write_workbook

SETTINGS = ("--bootstrap", "0", "--null-samples", "10")
GROUPS = {"overheid": "government", "werkgevers": "employers", "werkenden": "workers", "onderwijs": "education"}

# A core of three with two branches hanging on single actors: 'lwl' holds the education branch
# (roc, oo), 'vno' the employers' branch (mkb, fnv via mkb).
ACTORS = [
    {"id": "gem", "name": "Gemeente Stad", "group": "overheid"},
    {"id": "uwv", "name": "UWV Stad", "group": "intermediairs"},
    {"id": "lwl", "name": "Leerwerkloket Stad", "group": "intermediairs"},
    {"id": "vno", "name": "VNO-NCW", "group": "werkgevers"},
    {"id": "mkb", "name": "MKB Stad", "group": "werkgevers"},
    {"id": "fnv", "name": "FNV", "group": "werkenden"},
    {"id": "roc", "name": "ROC Stad", "group": "onderwijs"},
    {"id": "oo", "name": "O&O-fonds", "group": "overig"},
    {"id": "prov", "name": "Provincie", "group": "overheid"},
]
RELATIONS = [
    {"source": "gem", "target": "uwv", "type": "bestuur", "weight": "3"},
    {"source": "gem", "target": "lwl", "type": "financiering", "weight": "3"},
    {"source": "uwv", "target": "lwl", "type": "samenwerking", "weight": "3"},
    {"source": "gem", "target": "vno", "type": "bestuur", "weight": "2"},
    {"source": "uwv", "target": "prov", "type": "advies", "weight": "1"},
    {"source": "gem", "target": "prov", "type": "financiering", "weight": "1"},
    {"source": "vno", "target": "mkb", "type": "vertegenwoordiging", "weight": "1"},
    {"source": "mkb", "target": "fnv", "type": "advies", "weight": "1"},
    {"source": "lwl", "target": "roc", "type": "levering", "weight": "1"},
    {"source": "roc", "target": "oo", "type": "financiering", "weight": "1"},
]


def graph(actors=ACTORS, relations=RELATIONS, without=(), extra=()) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(a["id"] for a in actors if a["id"] not in without)
    g.add_edges_from((r["source"], r["target"]) for r in list(relations) + list(extra)
                     if r["source"] not in without and r["target"] not in without)
    return g


def df(g: nx.Graph) -> float:
    n = g.number_of_nodes()
    pairs = n * (n - 1) / 2
    reach = sum(1 / d for s, dist in nx.shortest_path_length(g) for t, d in dist.items() if s < t)
    return 1 - reach / pairs


def cut_off(before: nx.Graph, after: nx.Graph) -> set[str]:
    main_before = max(nx.connected_components(before), key=len)
    main_after = max(nx.connected_components(after), key=len)
    return {v for v in main_before if v in after and v not in main_after}


def key_pairs(g: nx.Graph) -> set[tuple[str, str]]:
    group = {a["id"]: GROUPS.get(a["group"]) for a in ACTORS}
    out = set()
    for comp in nx.connected_components(g):
        present = {group[v] for v in comp if group[v]}
        out |= {tuple(sorted(p)) for p in combinations(present, 2)}
    return out


def run_whatif(region, out, *args):
    result = run_cli("whatif", region, "--out", out, *SETTINGS, *args)
    assert result.exit_code == 0, result.output
    return result


def test_whatif_without_matches_independent_fragmentation(tmp_path):
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    result = run_whatif(region, tmp_path / "out", "--without", "vno", "--without", "lwl")
    folder = tmp_path / "out" / "stad-whatif-lwl-vno"
    assert str(folder) in result.output
    data = json.loads((folder / "change.json").read_text(encoding="utf-8"))
    w = data["whatif"]
    before, after = graph(), graph(without={"vno", "lwl"})
    assert {c["id"] for c in w["cut_off"]} == cut_off(before, after) == {"mkb", "fnv", "roc", "oo"}
    assert abs(w["df_before"] - df(before)) < 1e-6 and abs(w["df_after"] - df(after)) < 1e-6
    lost = key_pairs(before) - key_pairs(after)
    assert {tuple(sorted(p)) for p in w["lost_key_group_pairs"]} == lost and lost
    # the change view keeps compare's contract: both sides, actors gone, their relations gone
    assert data["mode"] == "whatif"
    assert data["sides"]["before"]["actors"] == len(ACTORS) and data["sides"]["after"]["actors"] == len(ACTORS) - 2
    assert sorted(a["id"] for a in data["actors"]["left"]) == ["lwl", "vno"]
    gone = [r for r in RELATIONS if {"lwl", "vno"} & {r["source"], r["target"]}]
    assert data["sides"]["after"]["relations"] == len(RELATIONS) - len(gone)
    html = (folder / "change.html").read_text(encoding="utf-8")
    assert '<section id="cut-off">' in html and "MKB Stad" in html
    # the option order does not matter
    run_whatif(region, tmp_path / "out2", "--without", "lwl", "--without", "vno")
    again = json.loads((tmp_path / "out2" / "stad-whatif-lwl-vno" / "change.json").read_text(encoding="utf-8"))
    assert again == data


def test_whatif_names_the_removed_organisations(tmp_path):
    """The change view's side and the terminal name who leaves by name, as the coordinator knows them (not by id)."""
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    names = {a["id"]: a["name"] for a in ACTORS}
    for lang, word in (("nl", "zonder"), ("en", "without")):
        result = run_whatif(region, tmp_path / lang, "--without", "vno", "--without", "lwl", "--lang", lang)
        html = (tmp_path / lang / "stad-whatif-lwl-vno" / "change.html").read_text(encoding="utf-8")
        said = f"{word} {names['lwl']}, {names['vno']}"     # sorted by id, whatever the option order
        assert said in result.output and said in html
        assert f"{word} lwl" not in result.output + html and f"{word} vno" not in result.output + html


def test_whatif_with_extra_relations(tmp_path):
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    extra = [{"source": "roc", "target": "gem", "type": "bestuur", "weight": "1"}]
    with open(tmp_path / "onderwijs.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(extra[0]))
        writer.writeheader()
        writer.writerows(extra)
    run_whatif(region, tmp_path / "out", "--without", "lwl", "--with", tmp_path / "onderwijs.csv", "--lang", "en")
    data = json.loads((tmp_path / "out" / "stad-whatif-lwl-with-onderwijs" / "change.json").read_text("utf-8"))
    w = data["whatif"]
    before, after = graph(), graph(without={"lwl"}, extra=extra)
    assert w["cut_off"] == [] and cut_off(before, after) == set()
    assert w["added_relations"] == 1
    assert abs(w["df_after"] - df(after)) < 1e-6


def test_whatif_unknown_id_and_bad_with_file(tmp_path):
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    result = run_cli("whatif", region, "--out", tmp_path / "out", "--without", "vnoo")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "fout: --without: onbekende actor 'vnoo'. Bedoelt u 'vno'? Gebruik een id uit actors.csv.",
        "1 probleem in de invoer; er is niets geschreven."]
    # Every unknown id at once, each with its suggestion (the first alone was named before).
    result = run_cli("whatif", region, "--out", tmp_path / "out", "--without", "vnoo", "--without", "lwl",
                     "--without", "gemm", "--without", "qqqq")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "fout: --without: onbekende actor 'gemm'. Bedoelt u 'gem'? Gebruik een id uit actors.csv.",
        "fout: --without: onbekende actor 'qqqq'. Gebruik een id uit actors.csv.",
        "fout: --without: onbekende actor 'vnoo'. Bedoelt u 'vno'? Gebruik een id uit actors.csv.",
        "3 problemen in de invoer; er is niets geschreven."]
    (tmp_path / "bad.csv").write_text("source,target,type\nlwl,xyz,bestuur\nvno,gem,bestuur\n", encoding="utf-8")
    result = run_cli("whatif", region, "--out", tmp_path / "out", "--without", "vno", "--with", tmp_path / "bad.csv",
                     "--lang", "en")
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("error: bad.csv, row 2, column 'target': unknown actor 'xyz'")
    assert lines[1].startswith("error: bad.csv, row 3, column 'source': the relation vno-gem touches")
    result = run_cli("whatif", region, "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def test_whatif_messages_name_the_workbook_sheet_the_data_came_from(tmp_path):
    """With the region in a workbook, the what-if's messages name its sheets as the loader's own problems do
    ('ecosystem.xlsx[actoren]'), not an actors.csv or relations.csv the folder does not have."""
    region = tmp_path / "stad"
    rows = lambda dicts: [list(dicts[0])] + [list(d.values()) for d in dicts]   # noqa: E731
    write_workbook(region / "ecosystem.xlsx", {"actoren": rows(ACTORS), "relaties": rows(RELATIONS)})
    # The loader's name for the actors sheet, from a problem it reports itself (an unknown id in a relation).
    broken = tmp_path / "kapot"
    write_workbook(broken / "ecosystem.xlsx", {"actoren": rows(ACTORS),
                                               "relaties": rows([*RELATIONS, {**RELATIONS[0], "target": "xyz"}])})
    loader = run_cli("analyse", broken, "--out", tmp_path / "o", *SETTINGS).output
    actors = re.search(r"Gebruik een id uit (\S+)\.$", loader.splitlines()[0]).group(1)
    assert actors == "ecosystem.xlsx[actoren]", loader

    result = run_cli("whatif", region, "--out", tmp_path / "out", "--without", "vnoo")
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[0] == (
        f"fout: --without: onbekende actor 'vnoo'. Bedoelt u 'vno'? Gebruik een id uit {actors}.")
    (tmp_path / "bad.csv").write_text("source,target,type\nlwl,qqqq,bestuur\n", encoding="utf-8")
    result = run_cli("whatif", region, "--out", tmp_path / "out", "--with", tmp_path / "bad.csv")
    assert result.exit_code == 2, result.output
    first = result.output.splitlines()[0]     # the suggestion is the loader's rule for relation rows
    assert first.startswith("fout: bad.csv, rij 2, kolom 'target': onbekende actor 'qqqq'.") and first.endswith(
        f" Gebruik een id uit {actors}."), first
    result = run_cli("whatif", region, "--out", tmp_path / "out", "--with", tmp_path / "absent.csv", "--lang", "en")
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"error: --with: file {tmp_path / 'absent.csv'} does not exist. Give a CSV with the same columns as "
        "ecosystem.xlsx[relaties]."]
    assert not (tmp_path / "out").exists()


def test_report_key_players_and_map_cut_off_table(tmp_path):
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "stad"
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    g = graph()
    base = df(g)
    rises = {v: df(graph(without={v})) - base for v in g}
    expected = sorted((v for v in rises if rises[v] > 1e-12), key=lambda v: (-round(rises[v], 9), v))[:5]
    players = summary["key_players"]["players"]
    assert [p["id"] for p in players] == expected
    assert all(abs(p["df_change"] - rises[p["id"]]) < 1e-6 for p in players)
    assert summary["key_players"]["exact"] and summary["key_players"]["evaluated"] == len(ACTORS)
    report = (folder / "report.html").read_text(encoding="utf-8")
    section = report[report.index('<section id="key-players">'):]
    names = {a["id"]: a["name"] for a in ACTORS}
    rows = re.findall(r"<tr><td>([^<]*)</td>", section[:section.index("</section>")])
    assert rows == [names[v] for v in expected]
    assert "Het vertrek van elk van de 9 organisaties is doorgerekend." in section
    page = (folder / "map.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1))
    for node in data["payload"]["nodes"]:
        lost = cut_off(g, graph(without={node["id"]}))
        assert node["cut_off"]["total"] == len(lost)
        assert sorted(node["cut_off"]["names"]) == sorted(names[v] for v in lost)
    assert "Wat als deze organisatie wegvalt?" in page
    assert read_csv_rows(region / "actors.csv")   # input untouched and readable


def test_key_players_respect_the_work_budget():
    """Issue 10: above max_exact the all-pairs searches stay within the work budget: (k + 2) n (n + m)
    steps for k candidates, the k of highest hop betweenness (networkx oracle); below MIN_CANDIDATES none."""
    import igraph as ig

    from ecosystem.analysis.key_players import MIN_CANDIDATES, budget_candidates, key_players

    g = graph()
    ids = sorted(g)
    ties = ig.Graph(n=len(ids), edges=[(ids.index(u), ids.index(v)) for u, v in g.edges()])
    ties.vs["name"] = ids
    n, m = ties.vcount(), ties.ecount()
    step = n * (n + m)
    for k in (MIN_CANDIDATES, 7):
        kp = key_players(ties, max_exact=0, work=(k + 2) * step)
        assert budget_candidates(n, m, work=(k + 2) * step) == k and len(kp.evaluated) == k
        between = nx.betweenness_centrality(g, normalized=False)
        expected = sorted(ids, key=lambda v: (-round(between[v], 9), v))[:k]
        assert sorted(ids[v] for v in kp.evaluated) == sorted(expected)
        assert kp.rule == "betweenness" and abs(kp.df - df(g)) < 1e-12
    kp = key_players(ties, max_exact=0, work=(MIN_CANDIDATES + 2) * step - 1)
    assert kp.rule == "budget" and kp.players == () and kp.evaluated == () and kp.df != kp.df   # NaN
    assert key_players(ties, max_exact=n, work=0).exact           # within max_exact the budget does not apply


def test_report_says_key_players_were_over_budget(tmp_path, monkeypatch):
    """Over the budget summary.json has no players and no DF, and the report says why instead of
    claiming that no departure fragments the network."""
    from functools import partial

    import ecosystem.meeting as meeting

    monkeypatch.setattr(meeting, "key_players", partial(meeting.key_players, max_exact=0, work=0))
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "out", *SETTINGS)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "stad"
    section = json.loads((folder / "summary.json").read_text(encoding="utf-8"))["key_players"]
    assert section["rule"] == "budget" and section["players"] == [] and section["df"] is None
    assert section["evaluated"] == 0 and not section["exact"] and section["work_budget"] > 0
    report = (folder / "report.html").read_text(encoding="utf-8")
    block = report[report.index('<section id="key-players">'):]
    block = block[:block.index("</section>")]
    assert "is het vertrek van organisaties niet doorgerekend" in block
    assert "Geen enkele organisatie laat het netwerk" not in block


def test_bootstrap_is_off_by_default_above_the_large_band_and_summary_says_so(tmp_path, monkeypatch):
    """Issue 10: above sample_sizes.LARGE actors the default is no bootstrap, and summary.json states the
    budget; an explicit --bootstrap still runs it. (LARGE is lowered here so that a small region is above it.)"""
    import ecosystem.analysis.sample_sizes as sizes
    import ecosystem.render.summary_json as summary_json

    monkeypatch.setattr(sizes, "LARGE", len(ACTORS) - 1)
    monkeypatch.setattr(summary_json, "LARGE", len(ACTORS) - 1)
    region = write_region(tmp_path / "stad", ACTORS, RELATIONS)
    for out, args in (("default", ()), ("asked", ("--bootstrap", "3"))):
        result = run_cli("analyse", region, "--out", tmp_path / out, "--null-samples", "5", *args)
        assert result.exit_code == 0, result.output
    default = json.loads((tmp_path / "default" / "stad" / "summary.json").read_text(encoding="utf-8"))
    asked = json.loads((tmp_path / "asked" / "stad" / "summary.json").read_text(encoding="utf-8"))
    assert default["stability"] is None
    assert default["stability_budget"] == {"bootstrap": False, "max_actors": len(ACTORS) - 1}
    assert asked["stability"]["samples"] == 3 and asked["stability_budget"]["bootstrap"]
    assert asked["stability"]["betweenness_pivots"] is None          # 9 actors: exact
    cp = default["core_periphery"]
    assert cp["p_value_floor"] == round(1 / (cp["null_samples"] + 1), 6) and cp["null_samples"] == 5


@pytest.mark.parametrize("shape", ["path5", "path6", "path5_beside_triangle"])
def test_whatif_says_when_the_largest_part_falls_apart(tmp_path, shape):
    """Without the middle of a path a-b-c-d-e the network falls into two equal parts of 2: there is no
    largest part, so no one 'loses every path to the largest part'; the table shows 'none: 2 equally large
    parts of 2' (not 0), and the sentence says the part falls apart and its members lose their paths to one
    another. A path of six splits into 2 and 3: the usual sentence. Beside a triangle, the path's pieces
    (2 and 2) are smaller than the triangle, which becomes the largest part: the path fell apart. networkx's
    components are the oracle; the map's table for the same single departure agrees."""
    length = 6 if shape == "path6" else 5
    ids = [f"p{i}" for i in range(length)] + (["x", "y", "z"] if shape.endswith("triangle") else [])
    groups = ["overheid", "werkgevers", "onderwijs", "werkenden"]
    actors = [{"id": v, "name": f"Org {v}", "group": groups[i % 4]} for i, v in enumerate(ids)]
    pairs = [(f"p{i}", f"p{i + 1}") for i in range(length - 1)]
    pairs += [("x", "y"), ("y", "z"), ("x", "z")] if shape.endswith("triangle") else []
    relations = [{"source": s, "target": t, "type": "samenwerking", "weight": "1"} for s, t in pairs]
    region = write_region(tmp_path / "stad", actors, relations)
    before = nx.Graph(pairs)
    after = before.copy()
    after.remove_node("p2")
    main_before = max(nx.connected_components(before), key=len)
    sizes = sorted((len(c) for c in nx.connected_components(after)), reverse=True)
    equal = sizes.count(sizes[0]) > 1
    pieces = [c for c in nx.connected_components(after) if c <= main_before]
    apart = all(len(c) < sizes[0] or equal for c in pieces)        # no piece of the path is the largest part
    assert apart == (shape != "path6")                             # the premise of each case

    result = run_cli("whatif", region, "--out", tmp_path / "out", "--without", "p2", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    w = json.loads((tmp_path / "out" / "stad-whatif-p2" / "change.json").read_text(encoding="utf-8"))["whatif"]
    assert w["largest_after"] == sizes[0] and w["largest_parts_after"] == sizes.count(sizes[0])
    assert w["main_after"] == (0 if equal else sizes[0]) and w["fell_apart"] == apart
    assert len(w["cut_off"]) == (len(main_before) - 1 if apart else 2)
    text = " ".join(result.output.split())
    html = (tmp_path / "out" / "stad-whatif-p2" / "change.html").read_text(encoding="utf-8")
    if apart:
        assert ("het grootste deel van het netwerk valt uiteen in stukken zonder pad tussen elkaar, en geen stuk blijft "
                "het grootste deel: 4 organisaties die erbij hoorden verliezen elk hun pad naar een deel van de andere") in text
        assert "elk pad naar het grootste deel" not in text
        assert "Organisaties van het grootste deel dat uiteenvalt" in html
    else:
        assert "2 organisaties verliezen elk pad naar het grootste deel van het netwerk" in text
    if equal:
        assert "geen: 2 even grote delen van 2" in html
    result = run_cli("analyse", region, "--out", tmp_path / "map", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    page = (tmp_path / "map" / "stad" / "map.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1))
    node = next(n for n in data["payload"]["nodes"] if n["id"] == "p2")
    assert node["cut_off"]["total"] == len(w["cut_off"]) and node["cut_off"]["apart"] == apart


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_whatif_tells_apart_who_loses_the_largest_part_and_whose_part_falls_apart(tmp_path, lang):
    """Two paths a1-...-a5 and b1-...-b5, equally largest. Without a2 and b3, a3-a4-a5 is the one largest part:
    a1 loses every path to it, while the b path falls into two pieces of 2, neither of them the largest. One
    sentence for all five ('no piece stays the largest part') was false. networkx's components are the oracle
    for each cut-off actor's kind: its former part holds the largest part after, or not."""
    groups = ["overheid", "werkgevers", "onderwijs", "werkenden", "intermediairs"]
    ids = [f"{p}{i}" for p in "ab" for i in range(1, 6)]
    actors = [{"id": v, "name": v.upper(), "group": groups[int(v[1]) - 1]} for v in ids]
    pairs = [(f"{p}{i}", f"{p}{i + 1}") for p in "ab" for i in range(1, 5)]
    region = write_region(tmp_path / "twee", actors, [{"source": s, "target": t, "type": "samenwerking", "weight": "1"}
                                                      for s, t in pairs])
    before, after = nx.Graph(pairs), nx.Graph(pairs)
    after.remove_nodes_from(["a2", "b3"])
    largest = max(nx.connected_components(after), key=len)
    assert sorted(map(len, nx.connected_components(after)), reverse=True) == [3, 2, 2, 1]    # one largest part
    former = {v: frozenset(nx.node_connected_component(before, v)) for v in after}
    # cut off: in one of the equally largest parts before, outside the largest after, and without a path to some
    # remaining member of its former part
    top = max(map(len, former.values()))
    cut = {v for v in after if len(former[v]) == top and v not in largest
           and not (former[v] & set(after)) <= nx.node_connected_component(after, v)}
    apart = {v for v in cut if not former[v] & largest}
    assert apart == {"b1", "b2", "b4", "b5"} and cut - apart == {"a1"}                       # both kinds

    result = run_cli("whatif", region, "--out", tmp_path / "out", "--without", "a2", "--without", "b3",
                     "--bootstrap", "0", "--null-samples", "5", "--lang", lang)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "twee-whatif-a2-b3"
    w = json.loads((folder / "change.json").read_text(encoding="utf-8"))["whatif"]
    assert {c["id"] for c in w["cut_off"]} == cut and {c["id"] for c in w["cut_off"] if c["apart"]} == apart
    assert w["largest_parts_before"] == 2 and w["main_after"] == len(largest)
    text = " ".join(result.output.split())
    said = {"nl": ("1 organisatie verliest elk pad naar het grootste deel van het netwerk; een van de 2 even grote "
                   "grootste delen van het netwerk valt uiteen in stukken zonder pad tussen elkaar, en geen van die "
                   "stukken is daarna het grootste deel: 4 organisaties"),
            "en": ("1 organisation loses every path to the largest part of the network; one of the 2 equally large "
                   "largest parts of the network falls apart into pieces with no path between them, and none of "
                   "those pieces is the largest part after: 4 organisations")}[lang]
    assert said in text and ("geen stuk blijft" not in text and "no piece stays" not in text)
    page = " ".join((folder / "change.html").read_text(encoding="utf-8").split())
    assert 'id="cut-off"' in page and 'id="cut-off-apart"' in page, page[:2000]


def test_whatif_with_says_who_joins_and_which_key_groups_gain_a_connection(tmp_path):
    """Extra relations that tie a small part to the largest one: the terminal and change.html name who then
    belongs to the largest part and which pairs of key groups gain a path, as networkx's components say."""
    actors = [{"id": v, "name": f"Org {v}", "group": g} for v, g in
              [("a", "overheid"), ("b", "werkgevers"), ("c", "overheid"), ("d", "werkenden"), ("e", "onderwijs")]]
    pairs = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e")]
    relations = [{"source": s, "target": t, "type": "samenwerking", "weight": "1"} for s, t in pairs]
    region = write_region(tmp_path / "stad", actors, relations)
    extra = tmp_path / "extra.csv"
    extra.write_text("source,target,type,weight\nc,d,samenwerking,1\n", encoding="utf-8")
    result = run_cli("whatif", region, "--out", tmp_path / "out", "--with", extra, "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    before, after = nx.Graph(pairs), nx.Graph(pairs + [("c", "d")])
    main_before = max(nx.connected_components(before), key=len)
    main_after = max(nx.connected_components(after), key=len)
    joined = sorted(main_after - main_before)
    group = {a["id"]: GROUPS[a["group"]] for a in actors}

    def key_pairs(g):
        return {frozenset((group[u], group[v])) for comp in nx.connected_components(g) for u in comp for v in comp
                if group[u] != group[v]}
    gained = key_pairs(after) - key_pairs(before)
    w = json.loads((tmp_path / "out" / "stad-whatif-with-extra" / "change.json").read_text(encoding="utf-8"))["whatif"]
    assert [j["id"] for j in w["joined_main"]] == joined == ["d", "e"]
    assert {frozenset(p) for p in w["gained_key_group_pairs"]} == gained and len(gained) == 4
    text = " ".join(result.output.split())
    assert "2 organisaties horen daarna bij het grootste deel van het netwerk, en nu niet: Org d en Org e." in text
    assert "4 paren sleutelgroepen die nu geen verbinding hebben, krijgen er een" in text
    html = (tmp_path / "out" / "stad-whatif-with-extra" / "change.html").read_text(encoding="utf-8")
    assert '<section id="joined-main">' in html and '<section id="key-group-pairs-gained">' in html
