"""Sentences a read-only review of the meeting outputs found false, each checked through the real CLI.

Every check recomputes the fact the sentence rests on from the input (with networkx where a network
measure is involved) or from the tool's data files (actors.csv, summary.json), then reads the sentence.
"""
from __future__ import annotations

import csv
import html
import json
import re
import shutil
from pathlib import Path

import networkx as nx
import pytest

from conftest import run_cli, write_region

BRABANT = Path(__file__).resolve().parent.parent / "regions" / "brabant"
SETTINGS = ("--bootstrap", "20", "--null-samples", "20", "--seed", "0")

ACTORS = [{"id": "gem", "name": "Gemeente Stad", "group": "overheid"},
          {"id": "roc", "name": "ROC Stad", "group": "onderwijs"},
          {"id": "hs", "name": "Hogeschool Stad", "group": "onderwijs"},
          {"id": "bed", "name": "Bedrijf X", "group": "werkgevers"},
          {"id": "bed2", "name": "Bedrijf Y", "group": "werkgevers"},
          {"id": "fnv", "name": "FNV Stad", "group": "werkenden"}]
DELIVERY = [{"source": "roc", "target": "bed", "type": "levering", "weight": "2"},
            {"source": "hs", "target": "bed", "type": "levering", "weight": "1"},
            {"source": "hs", "target": "bed2", "type": "levering", "weight": "2"},
            {"source": "roc", "target": "fnv", "type": "levering", "weight": "1"},
            {"source": "hs", "target": "gem", "type": "levering", "weight": "1"}]


def _analyse(region, tmp_path, *extra):
    result = run_cli("analyse", region, "--out", tmp_path / "out", *SETTINGS, *extra)
    assert result.exit_code == 0, result.output
    return result.output, tmp_path / "out" / region.name


def _scoring(folder) -> list[str]:
    """The actors scoring above 0, read from actors.csv: the orchestrator candidates (methods §9)."""
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        return [row["id"] for row in csv.DictReader(fh) if float(row["orchestrator_score"]) > 0]


def _caption(folder) -> str:
    report = (folder / "report.html").read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.search(r'<figcaption[^>]*>(.*?)</figcaption>', report, re.S).group(1))


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("funding", [0, 1], ids=["no candidate", "fewer than three"])
def test_the_target_caption_says_as_many_named_candidates_as_there_are(tmp_path, funding, lang):
    """'De 3 sterkste orkestratorkandidaten zijn met naam aangegeven … K1-K3' stood under a figure naming
    none (only delivery relations) or two (one funding relation): the caption counts the candidates."""
    relations = [{"source": "gem", "target": "roc", "type": "financiering", "weight": "2"}][:funding] + DELIVERY
    region = write_region(tmp_path / "regio", ACTORS, relations)
    _, folder = _analyse(region, tmp_path, "--lang", lang)
    named = len(_scoring(folder))
    assert named == 2 * funding            # the funder and the funded score; nobody without a steering relation
    caption = _caption(folder)
    assert "3" not in caption and "K1-K3" not in caption and "C1-C3" not in caption
    if named == 0:
        assert not re.search(r"\b[KC]1\b", caption)
        assert ("Elke organisatie draagt een nummer" if lang == "nl" else "Every organisation carries a number") in caption
    else:
        assert (f"De {named} sterkste" if lang == "nl" else f"The {named} strongest") in caption
        assert ("K1-K2" if lang == "nl" else "C1-C2") in caption


def test_every_slide_picture_has_a_text_alternative_saying_what_it_shows(tmp_path):
    """The slides' pictures had their file names ('target.png', 'image.png') as text alternative, where the
    report describes the same pictures. Now each picture says which network it draws, how many organisations
    it holds (counted here from actors.csv's region column) and its strongest candidate, as the report's
    figure of the same region says it."""
    from pptx import Presentation

    region = Path(shutil.copytree(BRABANT, tmp_path / "brabant"))
    _, folder = _analyse(region, tmp_path)
    with open(region / "actors.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    per_region = {}
    for row in rows:
        for name in filter(None, (part.strip() for part in row["region"].split("|"))):
            per_region[name] = per_region.get(name, 0) + 1
    alts = [shape._element.nvPicPr.cNvPr.get("descr") for slide in Presentation(folder / "slides.pptx").slides
            for shape in slide.shapes if shape.shape_type == 13]
    assert len(alts) == 2 + len(per_region)
    assert not any(alt.endswith(".png") for alt in alts)
    assert f"{len(rows)} organisaties" in alts[0] and alts[0].startswith("Doelbeeld")
    assert alts[1].startswith("Netwerkkaart")
    report = (folder / "report.html").read_text(encoding="utf-8")
    labels = {html.unescape(label) for label in re.findall(r'aria-label="([^"]*)"', report)}
    assert alts[0] in labels
    for alt, (name, count) in zip(alts[2:], sorted(per_region.items())):
        assert name in alt and f"{count} organisaties" in alt
        assert alt in labels          # the report's figure of that region says the same


TWINS = ([{"id": "gem_b", "name": "Gemeente B", "group": "overheid"},
          {"id": "gem_a", "name": "Gemeente A", "group": "overheid"},
          {"id": "roc", "name": "ROC", "group": "onderwijs"}, {"id": "vno", "name": "VNO", "group": "werkgevers"},
          {"id": "fnv", "name": "FNV", "group": "werkenden"}, {"id": "uwv", "name": "UWV", "group": "intermediairs"}],
         [{"source": g, "target": t, "type": kind, "weight": w} for g in ("gem_a", "gem_b")
          for t, kind, w in (("roc", "samenwerking", "2"), ("vno", "samenwerking", "2"), ("fnv", "samenwerking", "1"),
                             ("uwv", "bestuur", "2"))])
STAR = ([{"id": "gem", "name": "Gemeente Stad", "group": "overheid"},
         {"id": "roc", "name": "ROC Stad", "group": "onderwijs"}, {"id": "vno", "name": "VNO Stad", "group": "werkgevers"},
         {"id": "fnv", "name": "FNV Stad", "group": "werkenden"}, {"id": "uwv", "name": "UWV Stad", "group": "intermediairs"},
         {"id": "oo", "name": "OO-fonds", "group": "overig"}],
        [{"source": "gem", "target": t, "type": "samenwerking", "weight": "2"} for t in ("roc", "vno", "fnv", "uwv")]
        + [{"source": "gem", "target": "oo", "type": "financiering", "weight": "2"}])


def _scores(folder) -> dict[str, float]:
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        return {row["id"]: float(row["orchestrator_score"]) for row in csv.DictReader(fh)}


def _sensitivity_table(folder) -> tuple[dict[str, list[int]], str]:
    report = (folder / "report.html").read_text(encoding="utf-8")
    block = re.search(r'<table class="sens">.*?</table></div>(.*?)</div>', report, re.S)
    rows = {}
    for row in re.findall(r"<tr><td>(.*?)</td>(.*?)</tr>", block.group(0), re.S):
        rows[html.unescape(row[0])] = [int(x) for x in re.findall(r">(\d+)</td>", row[1])]
    return rows, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", block.group(1)))


def _rank_of(scores: dict[str, float], actor: str) -> int:
    """Competition rank: 1 + the actors scoring more (equal scores, to 6 decimals as actors.csv writes them)."""
    return 1 + sum(1 for s in scores.values() if round(s, 6) > round(scores[actor], 6))


def test_a_shared_first_place_is_not_said_to_hold_under_every_weighting(tmp_path):
    """'Gemeente A blijft bij elke verandering van de weging eerste' was said of two gemeenten with identical
    relations, which score exactly the same under any weighting: A was first for its id alone."""
    region = write_region(tmp_path / "twins", *TWINS)
    _, folder = _analyse(region, tmp_path)
    scores = _scores(folder)
    assert scores["gem_a"] == scores["gem_b"] == max(scores.values())
    rows, after = _sensitivity_table(folder)
    assert "blijft bij elke verandering" not in after
    assert "gedeeld" in after and "Gemeente A" in after and "Gemeente B" in after
    names = {a["name"]: a["id"] for a in TWINS[0]}
    for name, ranks in rows.items():            # 'Nu' and every weighting: equal scores, one rank
        assert ranks[0] == _rank_of(scores, names[name])
    assert rows["Gemeente A"] == rows["Gemeente B"]
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert len(summary["orchestrator_sensitivity"]["first_changes_under"]) == 8   # never first alone


def test_equal_scores_share_a_rank_in_the_map_and_the_weighting_table(tmp_path):
    """In a star, FNV, ROC and VNO score the same, yet the weighting table ranked them 2, 3 and 4 under all
    eight weightings; OO-fonds and UWV score the same, yet only OO-fonds carried a star (★5) on the map."""
    region = write_region(tmp_path / "star", *STAR)
    _, folder = _analyse(region, tmp_path)
    scores = _scores(folder)
    rows, after = _sensitivity_table(folder)
    names = {a["name"]: a["id"] for a in STAR[0]}
    for name, ranks in rows.items():
        assert ranks[0] == _rank_of(scores, names[name]), name
    assert rows["FNV Stad"] == rows["ROC Stad"] == rows["VNO Stad"]
    payload = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>',
                                   (folder / "map.html").read_text(encoding="utf-8"), re.S).group(1))["payload"]
    starred = {n["id"]: n["orchestrator_rank"] for n in payload["nodes"] if n.get("orchestrator_rank") is not None}
    for actor, score in scores.items():
        if score > 0 and round(score, 6) >= round(min(scores[a] for a in starred), 6):
            assert starred.get(actor) == _rank_of(scores, actor), actor     # every equal of a starred actor too


def test_no_table_sentence_states_the_rule_that_made_it(tmp_path):
    """'Geen bestuurlijke tafel van drie of meer organisaties met de kern' was said of two gemeenten and UWV,
    three core organisations sharing UWV's governance relations: a table is an organisation with governance
    relations to at least three others (methods §7), which the sentence now says."""
    region = write_region(tmp_path / "twins", *TWINS)
    text, folder = _analyse(region, tmp_path)
    partners: dict[str, set[str]] = {}
    for row in TWINS[1]:
        if row["type"] == "bestuur":
            partners.setdefault(row["source"], set()).add(row["target"])
            partners.setdefault(row["target"], set()).add(row["source"])
    assert max(len(p) for p in partners.values()) < 3 and sum(len(p) for p in partners.values()) >= 4
    report = (folder / "report.html").read_text(encoding="utf-8")
    for output in (text, report):
        assert "drie of meer" not in output
    assert "een tafel: een organisatie met bestuursrelaties met minstens drie andere" in text


def _cut_off_oracle(g, v: str) -> set[str]:
    """Who ``v`` leaving cuts off from the main component (networkx; the rule of analysis/cut_off.py: the
    largest piece left stays the main component unless a piece is as large or another component larger)."""
    components = sorted(nx.connected_components(g), key=len, reverse=True)
    main, others = components[0], components[1:]
    if v not in main:
        return set()
    pieces = sorted(nx.connected_components(g.subgraph(main - {v})), key=len, reverse=True)
    if not pieces:
        return set()
    biggest = len(pieces[0])
    if (len(pieces) > 1 and len(pieces[1]) == biggest) or any(len(c) > biggest for c in others):
        return set(main - {v})
    return set(main - {v} - pieces[0])


def test_the_what_if_sentences_are_about_the_largest_part_and_true_there(tmp_path):
    """'Niemand raakt los: iedereen blijft via anderen verbonden met de rest' was shown for Gemeente Dorp, whose
    leaving splits FNV Dorp from Hogeschool Dorp, and in every panel of Brabant, where ActiZ has no relation at
    all. The what-if counts who is cut off from the largest part of the network (the main component), and the
    sentences now say so; each actor's list is networkx's."""
    actors = ([{"id": i, "name": n, "group": g} for i, n, g in (
        ("gem", "Gemeente Stad", "overheid"), ("roc", "ROC Stad", "onderwijs"), ("vno", "VNO Stad", "werkgevers"),
        ("uwv", "UWV Stad", "intermediairs"), ("fnv", "FNV Dorp", "werkenden"), ("hs", "Hogeschool Dorp", "onderwijs"),
        ("gem2", "Gemeente Dorp", "overheid"))])
    relations = [{"source": s, "target": t, "type": k, "weight": "2"} for s, t, k in (
        ("gem", "roc", "samenwerking"), ("gem", "vno", "samenwerking"), ("gem", "uwv", "bestuur"),
        ("roc", "vno", "samenwerking"), ("fnv", "gem2", "samenwerking"), ("gem2", "hs", "samenwerking"))]
    region = write_region(tmp_path / "dorp", actors, relations)
    _, folder = _analyse(region, tmp_path)
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>',
                                (folder / "map.html").read_text(encoding="utf-8"), re.S).group(1))
    g = nx.Graph()
    g.add_nodes_from(a["id"] for a in actors)
    g.add_edges_from((r["source"], r["target"]) for r in relations)
    names = {a["id"]: a["name"] for a in actors}
    assert nx.is_connected(g.subgraph({"fnv", "hs", "gem2"})) and not nx.has_path(g.subgraph({"fnv", "hs"}), "fnv", "hs")
    for node in data["payload"]["nodes"]:
        assert sorted(node["cut_off"]["names"]) == sorted(names[u] for u in _cut_off_oracle(g, node["id"])), node["id"]
    for key in ("whatif_none", "whatif_cut", "whatif_cut_one"):
        assert "grootste deel van het netwerk" in data["ui"][key]
    assert "iedereen" not in data["ui"]["whatif_none"]


def test_a_key_group_without_organisations_is_said_to_be_absent_not_seated_too_little(tmp_path):
    """With no werkenden in actors.csv, 'Geen of te weinig plek in de kern (minder dan de helft van hun evenredig
    deel): werkgevers en werkenden', 'Niet aan de tafel: werkenden' and 'werkenden 100% (stabiel)' were said:
    a group with no organisations has no proportional share to fall short of. It is named as absent."""
    actors = [{"id": i, "name": n, "group": g} for i, n, g in (
        ("gem", "Gemeente Stad", "overheid"), ("gem2", "Gemeente Dorp", "overheid"), ("roc", "ROC Stad", "onderwijs"),
        ("hs", "Hogeschool Stad", "onderwijs"), ("vno", "VNO Stad", "werkgevers"), ("bed", "Bedrijf X", "werkgevers"),
        ("uwv", "UWV Stad", "intermediairs"))]
    relations = [{"source": s, "target": t, "type": k, "weight": w} for s, t, k, w in (
        ("gem", "uwv", "bestuur", "3"), ("vno", "uwv", "bestuur", "3"), ("roc", "uwv", "bestuur", "2"),
        ("gem", "gem2", "samenwerking", "2"), ("roc", "hs", "samenwerking", "1"), ("vno", "bed", "vertegenwoordiging", "2"),
        ("gem", "roc", "financiering", "2"), ("hs", "bed", "levering", "1"), ("gem2", "uwv", "samenwerking", "1"))]
    assert not any(a["group"] == "werkenden" for a in actors)
    region = write_region(tmp_path / "zonder", actors, relations)
    text, folder = _analyse(region, tmp_path)
    seat = next(line for line in text.splitlines() if line.startswith("Sleutelgroepen met minder dan de helft")
                or line.startswith("Alle vier") or line.startswith("Geen organisaties"))
    peripheral_part = seat.split(". Geen organisaties")[0]
    assert "werkenden" not in peripheral_part and "Geen organisaties in de gegevens: werkenden." in seat
    doubt = [line for line in text.splitlines() if "aandeel herhalingen" in line]
    assert not any("werkenden" in line for line in doubt)
    agency = next(line for line in text.splitlines() if "Zeggenschap sleutelgroepen" in line)
    assert "Geen organisaties in de gegevens: werkenden." in agency
    assert "Niet aan" not in agency and "(aan 0)" not in agency


def test_without_governance_relations_the_agency_sentence_says_so(tmp_path):
    """In a star without any bestuur row the core is Gemeente Stad alone, and the diagnosis said the key groups,
    overheid among them, had 'no governance tie to the core': true only because the data hold no governance
    relation at all, which the sentence now says; summary.json's verdict names the case."""
    region = write_region(tmp_path / "ster", *STAR)
    assert not any(r["type"] == "bestuur" for r in STAR[1])
    text, folder = _analyse(region, tmp_path)
    agency = next(line for line in text.splitlines() if "Zeggenschap sleutelgroepen" in line)
    assert "geen bestuursrelaties in de gegevens" in agency and "zonder bestuurlijke band" not in agency
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert next(d for d in summary["diagnosis"] if d["key"] == "agency")["verdict"] == "no_governance"


def test_the_core_sentence_agrees_in_number_with_who_is_left(tmp_path):
    """'De overige 1 staan in de periferie' was printed when one organisation is left outside the core."""
    ids = [("gem", "overheid"), ("roc", "onderwijs"), ("vno", "werkgevers"), ("fnv", "werkenden"), ("uwv", "intermediairs")]
    actors = [{"id": i, "name": i.upper(), "group": g} for i, g in ids]
    relations = [{"source": a, "target": b, "type": "samenwerking", "weight": "2"}
                 for k, (a, _) in enumerate(ids[:4]) for b, _ in ids[k + 1:4]]
    relations.append({"source": "gem", "target": "uwv", "type": "bestuur", "weight": "1"})
    region = write_region(tmp_path / "een", actors, relations)
    _, folder = _analyse(region, tmp_path)
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        in_core = [row["core"] in ("1", "True", "true") for row in csv.DictReader(fh)]
    if len(in_core) - sum(in_core) != 1:
        pytest.fail(f"precondition: one organisation outside the core, got {in_core}")
    report = (folder / "report.html").read_text(encoding="utf-8")
    assert "De overige organisatie staat in de periferie." in report
    assert "De overige 1 " not in report


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_picture_texts_name_a_shared_first_place_as_shared(tmp_path, lang):
    """Two candidates with an equal best score: the pictures' text alternatives (the report's target view,
    the slides' target and map) name both as sharing the first place, not the first by id as 'the strongest
    candidate' (the report's sentences already said the first place is shared)."""
    import json

    from pptx import Presentation

    from conftest import run_cli, write_region
    folder = write_region(tmp_path / "mini", [{"id": "a", "name": "Gemeente A", "group": "government"},
                                              {"id": "b", "name": "ROC B", "group": "education"},
                                              {"id": "c", "name": "Bedrijf C", "group": "employers"}],
                          [{"source": "a", "target": "b", "type": "governance", "weight": "2"}])
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0", "--lang", lang)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "mini"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    scores = {o["id"]: o["score"] for o in summary["orchestrators"]}
    assert scores["a"] == scores["b"] == max(scores.values())          # the premise: a shared first place
    shared = {"nl": "Gedeelde eerste plaats als orkestratorkandidaat (gelijke score): Gemeente A en ROC B.",
              "en": "First place as orchestrator candidate shared (equal score): Gemeente A and ROC B."}[lang]
    single = {"nl": "Sterkste orkestratorkandidaat:", "en": "Strongest orchestrator candidate:"}[lang]
    report = (out / "report.html").read_text(encoding="utf-8")
    assert shared in report and single not in report
    alts = [shape._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0]
            for slide in Presentation(str(out / "slides.pptx")).slides for shape in slide.shapes
            if shape.shape_type == 13]
    assert alts and all(shared in alt for alt in alts)


def test_pictures_give_equal_scores_one_badge(tmp_path):
    """Two candidates with an equal best score both carry K1 in target.png's and map.png's badges and key,
    and in the report's target view, as the map's stars and the report's tables rank equal scores one
    place (orchestrator.shared_ranks); the id tie-break gave the second K2."""
    import matplotlib
    from matplotlib.text import Annotation

    from ecosystem.api import analyse_loaded, load
    from ecosystem.locale import Locale
    from ecosystem.render import static_png
    from ecosystem.render.layout import compute_layout
    folder = write_region(tmp_path / "mini", [{"id": "a", "name": "Gemeente A", "group": "government"},
                                              {"id": "b", "name": "ROC B", "group": "education"},
                                              {"id": "c", "name": "Bedrijf C", "group": "employers"}],
                          [{"source": "a", "target": "b", "type": "governance", "weight": "2"}])
    analysis = analyse_loaded(load(folder), bootstrap=0, null_samples=5)
    score = analysis.orchestrators.score
    assert score[0] == score[1] == score.max()                          # the premise: a and b share first place
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    loc = Locale("nl")
    with matplotlib.rc_context(static_png.RC):
        for fig in (static_png._map_figure(analysis, layout, loc, loc.section("report")),
                    static_png._target_figure(analysis, layout, loc, loc.section("report"))):
            fig.canvas.draw()
            badges = sorted(t.get_text() for t in fig.axes[0].texts
                            if isinstance(t, Annotation) and t.get_bbox_patch() is not None
                            and re.fullmatch(r"K\d+", t.get_text()))
            assert badges[:2] == ["K1", "K1"] and "K2" not in badges
            key = "\n".join(t.get_text() for t in fig.texts)
            assert "K1 Gemeente A" in key and "K1 ROC B" in key
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0")
    report = (tmp_path / "out" / "mini" / "report.html").read_text(encoding="utf-8")
    assert ">K1 Gemeente A<" in report and ">K1 ROC B<" in report and ">K2 " not in report


def test_a_regions_equal_candidates_share_a_rank_on_the_map(tmp_path):
    """With a region chosen, the map stars that region's candidates (meeting.region_marks); two with an equal
    best score in the region both carry rank 1, as the whole data set's stars and the report's tables rank
    equal scores (the position in the list gave the second rank 2)."""
    actors = [{"id": "a", "name": "Gemeente A", "group": "government", "region": "Oost"},
              {"id": "b", "name": "ROC B", "group": "education", "region": "Oost"},
              {"id": "c", "name": "Bedrijf C", "group": "employers", "region": "West"},
              {"id": "d", "name": "Gemeente D", "group": "government", "region": "West"},
              {"id": "e", "name": "FNV E", "group": "workers", "region": "West"}]
    relations = [{"source": "a", "target": "b", "type": "governance", "weight": "2"},
                 {"source": "c", "target": "d", "type": "governance", "weight": "1"},
                 {"source": "d", "target": "e", "type": "funding", "weight": "1"},
                 {"source": "b", "target": "d", "type": "collaboration", "weight": "1"}]
    folder = write_region(tmp_path / "r", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "r" / "summary.json").read_text(encoding="utf-8"))
    oost = summary["by_region"]["Oost"]
    assert len(oost["first_shared"]) == 2                        # the premise: a and b share Oost's first place
    page = (tmp_path / "out" / "r" / "map.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1))
    marks = data["payload"]["region_marks"]["Oost"]
    assert {c["id"]: c["rank"] for c in marks["candidates"]} == {"a": 1, "b": 1}
