"""Sentences that must stay true on the small and unusual networks a coordinator meets.

Each case is a region a review found a false or self-contradicting sentence in (two separate
halves, a complete network, separate pairs, a key group absent, a star, a core of one). Every
check recomputes the fact the sentence rests on from the input or from the tool's own data files
(summary.json, actors.csv), with networkx as the independent implementation where a network
measure is involved, and then reads the sentence in the terminal, the report or summary.json.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from conftest import run_cli, write_region

BRABANT = Path(__file__).resolve().parent.parent / "regions" / "brabant"
GROUP = {"overheid": "government", "werkgevers": "employers", "werkenden": "workers", "onderwijs": "education",
         "intermediairs": "intermediaries", "overig": "other"}


def _analyse(region, tmp_path, *extra):
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "20", "--null-samples", "20",
                     *extra)
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / region.name
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    return result.output, summary, folder


def _graph(actors, relations) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(a["id"] for a in actors)
    g.add_edges_from((r["source"], r["target"]) for r in relations)
    return g


def _two_halves(folder):
    """Two separate, identical halves: gemeente - vno, vakbond, roc; vno - vakbond."""
    actors, relations = [], []
    for side in ("a", "b"):
        for key, name, group in (("gem", "Gemeente", "overheid"), ("vno", "VNO", "werkgevers"),
                                 ("fnv", "FNV", "werkenden"), ("roc", "ROC", "onderwijs")):
            actors.append({"id": f"{key}_{side}", "name": f"{name} {side.upper()}", "group": group})
        relations += [{"source": f"gem_{side}", "target": f"{x}_{side}", "type": "bestuur"} for x in ("vno", "fnv", "roc")]
        relations.append({"source": f"vno_{side}", "target": f"fnv_{side}", "type": "samenwerking"})
    return write_region(folder, actors, relations), actors, relations


def test_a_network_in_separate_parts_names_no_core_and_no_seat_verdicts(tmp_path):
    """'Er is geen kern voor het netwerk als geheel' and then a core list, key-group seats and 'zit (niet) in de
    kern' reasons contradicted each other: a network in sizeable separate parts has no core in any output."""
    region, actors, relations = _two_halves(tmp_path / "halves")
    parts = sorted((len(c) for c in nx.connected_components(_graph(actors, relations))), reverse=True)
    assert parts == [4, 4]                                  # the shape the rule names 'parts' (methods §5)
    text, summary, folder = _analyse(region, tmp_path)
    assert summary["core_periphery"]["structure"] == "parts" and summary["core"] == []
    assert summary["peripheral_key_groups"] == []
    assert "Kern (0): geen" in text and "geen kern voor het netwerk als geheel" in text
    assert "Er is geen kern, dus ook geen plek in de kern" in text
    assert "evenredig deel van de kern" not in text             # the rule of summary_peripheral, not applied
    codes = {r["code"] for o in summary["orchestrators"] for r in o["reasons"]}
    assert not codes & {"core", "not_core"}
    agency = next(d for d in summary["diagnosis"] if d["key"] == "agency")
    assert agency["verdict"] == "no_core" and "Er is geen kern" in agency["text"]["sentence"]
    orchestrator = next(d for d in summary["diagnosis"] if d["key"] == "orchestrator")
    assert orchestrator["verdict"] == "close_lead"            # identical halves: a margin of 0
    assert "zit niet in de kern" not in orchestrator["text"]["sentence"]
    rows = list(csv.DictReader(open(folder / "actors.csv", encoding="utf-8")))
    assert not any(r["core"] == "true" for r in rows)


def test_a_complete_network_claims_no_missing_seats(tmp_path):
    """Everyone tied to everyone: no core, so no key group 'lacks a seat in the core'; the diagnosis
    names the two actors the ranking puts first and second, whose scores are equal."""
    actors = [{"id": i, "name": n, "group": g} for i, n, g in
              (("c1", "Gemeente A", "overheid"), ("c2", "VNO", "werkgevers"), ("c3", "FNV", "werkenden"),
               ("c4", "ROC", "onderwijs"), ("c5", "UWV", "intermediairs"))]
    relations = [{"source": a["id"], "target": b["id"], "type": "samenwerking"}
                 for k, a in enumerate(actors) for b in actors[k + 1:]]
    g = _graph(actors, relations)
    assert nx.density(g) == 1.0
    text, summary, _ = _analyse(write_region(tmp_path / "k5", actors, relations), tmp_path)
    assert summary["core"] == [] and summary["peripheral_key_groups"] == []
    assert "Er is geen kern, dus ook geen plek in de kern" in text
    first, second = summary["orchestrators"][:2]
    item = next(d for d in summary["diagnosis"] if d["key"] == "orchestrator")
    assert (item["details"]["top"], item["details"]["runner_up"]) == (first["id"], second["id"])
    # Everyone tied to everyone, each of another group, no mandate: the scores are equal, and said to be.
    assert first["score"] == pytest.approx(second["score"], abs=1e-9)
    assert "precies gelijk" in item["text"]["sentence"]
    assert item["details"]["top_score"] == item["details"]["runner_up_score"]


def test_heterogeneity_with_a_key_group_absent_is_not_called_one_sided(tmp_path):
    """A spread above the threshold is 'redelijk gespreid' even when a key group is absent; the sentence
    names the missing group instead of calling the actors one-sided. The spread is recomputed here
    (Blau's index over the six groups, normalised: IQV)."""
    actors = [{"id": f"a{k}", "name": f"Org {k}", "group": g} for k, g in
              enumerate(["overheid", "overheid", "werkgevers", "werkgevers", "onderwijs", "onderwijs",
                         "intermediairs", "overig"])]
    relations = [{"source": f"a{k}", "target": f"a{k + 1}", "type": "samenwerking"} for k in range(7)]
    _, summary, _ = _analyse(write_region(tmp_path / "r", actors, relations), tmp_path)
    counts = np.array([sum(a["group"] == dutch for a in actors) for dutch in GROUP], dtype=float)
    iqv = (1 - ((counts / counts.sum()) ** 2).sum()) / (1 - 1 / 6)
    item = next(d for d in summary["diagnosis"] if d["key"] == "heterogeneity")
    assert item["value"] == pytest.approx(iqv, abs=1e-4) and iqv >= item["threshold"]
    assert item["details"]["key_missing"] == ["workers"] and item["verdict"] == "key_group_missing"
    sentence = item["text"]["sentence"]
    assert "redelijk gespreid" in sentence and "werkenden ontbreekt" in sentence and "eenzijdig" not in sentence


def test_a_star_says_more_than_99_percent_not_100(tmp_path):
    """The hub of a star with one tie between two leaves lies on nearly, not all, shortest links: the
    reason says '>99%' (networkx's betweenness of the hub is below 1)."""
    leaves = [{"id": f"l{k:02d}", "name": f"Org {k}", "group": ["werkgevers", "werkenden", "onderwijs"][k % 3]}
              for k in range(30)]
    actors = [{"id": "hub", "name": "Gemeente Stad", "group": "overheid"}] + leaves
    relations = [{"source": "hub", "target": a["id"], "type": "bestuur"} for a in leaves]
    relations.append({"source": "l00", "target": "l01", "type": "bestuur"})
    between = nx.betweenness_centrality(_graph(actors, relations))["hub"]
    assert 0.995 <= between < 1
    text, summary, _ = _analyse(write_region(tmp_path / "star", actors, relations), tmp_path)
    hub = next(o for o in summary["orchestrators"] if o["id"] == "hub")
    bridging = next(r for r in hub["reasons"] if r["code"].startswith("bridging"))
    assert ">99%" in bridging["text"] and "100%" not in bridging["text"]


def test_a_core_of_one_is_said_in_the_singular_and_absent_groups_as_absent(tmp_path):
    """A gemeente tied to an employer and funding a school: a core of one. The report says the one
    core organisation forms it alone; a key group with no organisation in the data is said to be absent,
    not '0 van 0'; with no governance table of the core the seat table shows '–', not '0 (100%)'."""
    actors = [{"id": "gem", "name": "Gemeente Stad", "group": "overheid"},
              {"id": "vno", "name": "VNO Stad", "group": "werkgevers"},
              {"id": "roc", "name": "ROC Stad", "group": "onderwijs"}]
    relations = [{"source": "gem", "target": "vno", "type": "bestuur"},
                 {"source": "gem", "target": "roc", "type": "financiering"}]
    text, summary, folder = _analyse(write_region(tmp_path / "drie", actors, relations), tmp_path)
    assert summary["core"] == ["gem"]
    assert "Werkenden: geen organisaties in de gegevens" in text and "0 van 0" not in text
    report = (folder / "report.html").read_text(encoding="utf-8")
    # A core of one in the singular; a three-actor path supports no core in any test, so the sentence is the
    # best fit's split (report.f_core_text_unsupported), still not "vormen samen de kern".
    if summary["core_periphery"]["verdict"] == "no_structure":
        assert "zet <strong>1 van de 3</strong> organisaties in de kern" in report
    else:
        assert "vormt in haar eentje de kern" in report
    assert "vormen samen de kern" not in report
    assert "1 van de 1" not in report and "0 (100%)" not in report
    agency = next(d for d in summary["diagnosis"] if d["key"] == "agency")
    assert agency["details"]["core_tables"] == 0
    silos = next(d for d in summary["diagnosis"] if d["key"] == "silos")
    assert silos["details"]["communities"] == 1          # three actors, one connected piece
    assert "De 1 clusters" not in text and "één cluster" in silos["text"]["sentence"]


def test_the_top_candidate_is_first_in_more_than_half_not_stable(tmp_path):
    """The top candidate's verdict is 'first in more than half of the repeats' (a strict majority, so two
    actors told apart only by id in half the samples each are not called settled); it is not called
    'stabiel', which the same block defines by the 95% interval beyond 80%."""
    from ecosystem.analysis.stability import TOP_STABLE

    text, summary, _ = _analyse(write_region(tmp_path / "halves2", *_two_halves(tmp_path / "tmp")[1:]), tmp_path)
    top = summary["stability"]["top_orchestrator"]
    # Two identical halves: neither gemeente is first alone in more than half (the id tie-break gave one 70%).
    assert top["first_share"] <= TOP_STABLE and not top["stable"]
    shared = top["first_shared"]
    assert len(shared) == 2 and all(c["first_share"] <= TOP_STABLE and not c["stable"] for c in shared)
    # their first place is shared (equal scores): the line says so and names neither as the best candidate
    assert not any("beste orkestratorkandidaat" in x for x in text.splitlines())
    line = next(x for x in text.splitlines() if "eerste plaats als orkestratorkandidaat gedeeld" in x)
    assert "(stabiel)" not in line and "(onzeker)" not in line


def test_the_orchestrator_lead_is_stated_as_the_two_scores(tmp_path):
    """'46% voor op' read as relative to the runner-up; the sentence gives both scores, which are
    summary.json's, rounded as printed."""
    _, summary, _ = _analyse(_brabant(tmp_path), tmp_path)
    item = next(d for d in summary["diagnosis"] if d["key"] == "orchestrator")
    first, second = summary["orchestrators"][:2]
    sentence = item["text"]["sentence"]
    assert "voor op" not in sentence
    for score in (first["score"], second["score"]):
        assert f"{score:.2f}".replace(".", ",") in sentence


def _brabant(tmp_path):
    import shutil

    from conftest import ROOT
    target = tmp_path / "brabant"
    shutil.copytree(ROOT / "regions" / "brabant", target)
    return target


def test_the_glossary_names_every_part_of_the_orchestrator_score():
    """The report's and the map's explanation of the orchestrator score name each weighted part
    (analysis.orchestrator.WEIGHTS): mandate was left out while it is a third of the score."""
    from ecosystem.analysis.orchestrator import WEIGHTS
    from ecosystem.locale import Locale

    words = {"nl": {"centre": "centr", "reach": "bereik", "bridging": "brug", "mandate": "mandaat"},
             "en": {"centre": "centr", "reach": "reach", "bridging": "bridg", "mandate": "mandate"}}
    for lang in ("nl", "en"):
        glossary = Locale(lang).glossary()
        for key in ("orchestrator_score", "orchestrator"):
            text = glossary[key]["text"].lower()
            assert all(words[lang][part] in text for part in WEIGHTS), (lang, key, text)


@pytest.mark.parametrize("value, expected", [(0.0, "0%"), (0.004, "<1%"), (0.5, "50%"), (0.994, "99%"),
                                             (0.995, ">99%"), (0.9999, ">99%"), (1.0, "100%")])
def test_shares_never_round_to_all_or_nothing(value, expected):
    from ecosystem.locale import Locale

    assert Locale("nl").share(value) == Locale("en").share(value) == expected


def test_clusters_of_mixed_groups_are_not_called_silos(tmp_path):
    """Two pairs, each a gemeente with an employer (and a vakbond with a school): every tie joins two
    groups (E-I index 1), yet NMI between the clusters and the one-member groups is 0.67. The silos
    line must not say the clusters follow the groups; recomputed here with networkx: the share of the
    ties inside the clusters that join one group is 0."""
    actors = [{"id": "gem", "name": "Gemeente Stad", "group": "overheid"},
              {"id": "vno", "name": "VNO Stad", "group": "werkgevers"},
              {"id": "fnv", "name": "FNV", "group": "werkenden"},
              {"id": "roc", "name": "ROC Stad", "group": "onderwijs"}]
    relations = [{"source": "gem", "target": "vno", "type": "bestuur"},
                 {"source": "fnv", "target": "roc", "type": "samenwerking"}]
    g = _graph(actors, relations)
    group = {a["id"]: a["group"] for a in actors}
    clusters = list(nx.connected_components(g))            # the only sensible clustering of two pairs
    inside = [(u, v) for u, v in g.edges if any(u in c and v in c for c in clusters)]
    assert inside and not any(group[u] == group[v] for u, v in inside)
    text, summary, _ = _analyse(write_region(tmp_path / "pairs", actors, relations), tmp_path)
    item = next(d for d in summary["diagnosis"] if d["key"] == "silos")
    assert item["details"]["within_group_share"] == 0 and item["status"] == "ok"
    assert item["value"] >= item["threshold"]           # the overlap alone would have called it silos
    assert item["verdict"] == "mixed_ties" and "geen verkokering" in item["text"]["sentence"]
    assert "Verkokering: De 2 clusters vallen grotendeels samen" not in text


def test_clusters_that_follow_the_groups_are_still_silos(tmp_path):
    """The rule still fires on real silos: three groups of four, dense inside, one tie between groups."""
    actors, relations = [], []
    for k, grp in enumerate(("overheid", "werkgevers", "onderwijs")):
        ids = [f"{grp[:3]}{j}" for j in range(4)]
        actors += [{"id": i, "name": f"Org {i}", "group": grp} for i in ids]
        relations += [{"source": a, "target": b, "type": "samenwerking"} for n, a in enumerate(ids) for b in ids[n + 1:]]
    relations += [{"source": "ove0", "target": "wer0", "type": "bestuur"},
                  {"source": "wer0", "target": "ond0", "type": "bestuur"}]
    _, summary, _ = _analyse(write_region(tmp_path / "silos", actors, relations), tmp_path)
    item = next(d for d in summary["diagnosis"] if d["key"] == "silos")
    assert item["value"] >= item["threshold"] and item["details"]["within_group_share"] > 0.5
    assert item["status"] == "attention" and item["verdict"] == "attention"


def _market_only(folder):
    """Five organisations tied only by delivery (market relations, not steering), and one without relations."""
    actors = [{"id": i, "name": n, "group": g} for i, n, g in
              (("a_iso", "Aaa Los", "overheid"), ("b1", "Bee", "werkgevers"), ("c1", "Cee", "onderwijs"),
               ("d1", "Dee", "werkenden"), ("e1", "Eee", "intermediairs"), ("f1", "Eff", "overheid"))]
    relations = [{"source": s, "target": t, "type": "levering"}
                 for s, t in (("b1", "c1"), ("c1", "d1"), ("d1", "e1"), ("e1", "f1"), ("f1", "b1"), ("b1", "d1"))]
    return write_region(folder, actors, relations), actors, relations


def test_without_steering_relations_nobody_is_a_candidate_and_the_reason_is_true(tmp_path):
    """Only delivery relations: nobody scores above 0, so no orchestrator candidate is listed (they were, as
    '2. Bee (0,000)', numbered after the actor without ties that the ranking put first by id), the "how
    sure" block names no top candidate (it named that actor), and the reason given is the missing steering
    relations, not "no actor has a relation" (six relations are in the data)."""
    region, actors, relations = _market_only(tmp_path / "market")
    assert relations and {r["type"] for r in relations} == {"levering"}
    text, summary, folder = _analyse(region, tmp_path)
    assert summary["orchestrators"] == [] and summary["stability"]["top_orchestrator"] is None
    assert all(change["top"] == [] for change in summary["orchestrator_sensitivity"]["changes"])
    lines = text.splitlines()
    after = lines[lines.index("Mogelijke orkestrators:") + 1]
    assert after.strip().startswith("Geen orkestratorkandidaat") and "sturingsrelatie" in after
    assert not any(re.match(r"\s+\d+\. ", line) for line in lines)
    assert "beste orkestratorkandidaat" not in text
    item = next(d for d in summary["diagnosis"] if d["key"] == "orchestrator")
    assert item["text"]["sentence"] == after.strip() and "heeft een relatie" not in item["text"]["sentence"]
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "geen relaties" not in report and after.strip() in report


def test_resampled_seats_list_only_groups_not_stably_seated_and_doubts_follow_the_core_order(tmp_path):
    """The resampled-seat line lists a key group only when its share of resamples without a seat is not
    stably low (its interval not wholly below 20%): 'werkgevers 6% (stabiel)' right after 'every key group
    has a seat' read as a missing seat. The core actors in doubt are named in the core line's order."""
    region, _, _ = _market_only(tmp_path / "market")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--null-samples", "20")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "market" / "summary.json").read_text(encoding="utf-8"))
    shares = summary["stability"]["peripheral_key_groups"]
    listed = {g for g, x in shares.items() if x["share"] > 0 and x["interval"][1] > 0.2}
    seated = {g for g, x in shares.items() if x["share"] > 0 and x["interval"][1] <= 0.2}
    assert listed and seated                  # this data has both kinds
    line = next(x for x in result.output.splitlines() if "aandeel herhalingen waarin sleutelgroepen" in x)
    dutch = {v: k for k, v in GROUP.items()}
    assert {dutch[g] for g in listed} == set(re.findall(r"(\w+) \d+%", line.split(":", 1)[1]))
    names = {a["id"]: a["name"] for a in _market_only(tmp_path / "again")[1]}
    core_line = [names[i] for i in summary["core"]]
    doubt_line = next(x for x in result.output.splitlines() if x.strip().startswith("kern: "))
    doubted = re.findall(r"(\w+) \(\d+–\d+%\)", doubt_line)
    assert doubted and doubted == [n for n in core_line if n in doubted]


def test_reach_names_the_own_group_as_its_own_not_as_a_tie(tmp_path):
    """'heeft verbindingen met 1 van de 4 sleutelgroepen (overheid)' was said of Gemeente Eindhoven, whose
    steering ties between groups reach no overheid actor: reach counts the own key group by belonging
    (methods §9). Every key group a candidate's reach names is its own group, said so, or the group of an
    actor it has a relation with in relations.csv."""
    region = Path(shutil.copytree(BRABANT, tmp_path / "brabant"))
    text, summary, folder = _analyse(region, tmp_path)
    group_of = {row["id"]: GROUP.get(row["group"], row["group"])
                for row in csv.DictReader(open(region / "actors.csv", encoding="utf-8"))}
    partners: dict[str, set[str]] = {}
    for row in csv.DictReader(open(region / "relations.csv", encoding="utf-8")):
        partners.setdefault(row["source"], set()).add(row["target"])
        partners.setdefault(row["target"], set()).add(row["source"])
    own_marked = 0
    for entry in summary["orchestrators"]:
        reach = next(r for r in entry["reasons"] if r["code"] == "reach")
        own = group_of[entry["id"]] if group_of[entry["id"]] in GROUP.values() and group_of[entry["id"]] not in (
            "intermediaries", "other") else None
        assert reach["values"]["own"] == own
        tied = {group_of[p] for p in partners.get(entry["id"], ())}
        for g in reach["values"]["groups"]:
            assert g == own or g in tied, (entry["id"], g)
        # Reach counts direct ties (here among the steering ties between groups): the sentence says which, so
        # that it does not read as contradicting the tables reason, which counts key groups met at a table.
        assert reach["values"]["steering"]                  # Brabant's orchestrators are read among steering ties
        assert "directe sturingsrelaties" in reach["text"] or "direct steering ties" in reach["text"]
        if own in reach["values"]["groups"]:
            own_marked += 1
            assert f"{own}: its own group" in reach["text"] or f"{_label_nl(own)}: eigen groep" in reach["text"]
    assert own_marked            # the example has candidates of a key group (Gemeente Eindhoven, VNO-NCW)


def _label_nl(group_en: str) -> str:
    return next(nl for nl, en in GROUP.items() if en == group_en)
