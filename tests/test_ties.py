"""Sentences that named one actor for its id alone when orchestrator candidates (or the best-connected
actors) are tied, and counts said without number agreement, each checked through the real CLI on small
regions written here.

Equal scores share one rank everywhere a reader sees a rank: competition ranking, "1, 1, 3"
(``orchestrator.shared_ranks``), recomputed here from actors.csv's scores; degrees come from networkx.
"""
from __future__ import annotations

import csv
import json
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from conftest import run_cli, write_region
from test_review_claims import TWINS   # two gemeenten with the very same relations: ranks 1, 1, 3, ...
from test_row_order import shuffled_copy

SETTINGS = ("--bootstrap", "20", "--null-samples", "20", "--seed", "0")

# One relation between two of three organisations: both score the same, the third has no tie.
MINI = ([{"id": "a", "name": "Gemeente A", "group": "government"},
         {"id": "b", "name": "ROC B", "group": "education"},
         {"id": "c", "name": "Bedrijf C", "group": "employers"}],
        [{"source": "a", "target": "b", "type": "governance", "weight": "2"}])
# Two arbeidsmarktregio's: in Oost two candidates share the first place, in West one is first alone.
REGIONS = ([{"id": "a", "name": "Gemeente A", "group": "government", "region": "Oost"},
            {"id": "b", "name": "ROC B", "group": "education", "region": "Oost"},
            {"id": "c", "name": "Bedrijf C", "group": "employers", "region": "West"},
            {"id": "d", "name": "Gemeente D", "group": "government", "region": "West"},
            {"id": "e", "name": "FNV E", "group": "workers", "region": "West"}],
           [{"source": "a", "target": "b", "type": "governance", "weight": "2"},
            {"source": "c", "target": "d", "type": "governance", "weight": "1"},
            {"source": "d", "target": "e", "type": "funding", "weight": "1"},
            {"source": "b", "target": "d", "type": "collaboration", "weight": "1"}])


def _analyse(region: Path, tmp_path: Path, *extra: str) -> tuple[str, Path]:
    out = tmp_path / f"out-{region.name}-{'-'.join(extra) or 'nl'}"
    result = run_cli("analyse", region, "--out", out, *SETTINGS, *extra)
    assert result.exit_code == 0, result.output
    return result.output, out / region.name


def _scores(folder: Path) -> dict[str, float]:
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        return {row["id"]: float(row["orchestrator_score"]) for row in csv.DictReader(fh)}


def _competition(values: dict[str, float], eligible=None) -> dict[str, int]:
    """1 + the number of (eligible) actors with a higher value (to 6 decimals, as actors.csv writes scores)."""
    pool = {k: round(v, 6) for k, v in values.items() if eligible is None or k in eligible}
    return {k: 1 + sum(1 for x in pool.values() if x > pool[k]) for k in pool}


def _summary(folder: Path) -> dict:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))


def _text(html_text: str) -> str:
    import html
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", html_text)))


def _slides(folder: Path) -> list[tuple[str, str]]:
    """(title, body text) per slide."""
    from pptx import Presentation
    out = []
    for slide in Presentation(str(folder / "slides.pptx")).slides:
        title = slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""
        body = "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame and s != slide.shapes.title)
        out.append((title, body))
    return out


def _relabelled(region: Path, target: Path, mapping: dict[str, str]) -> Path:
    """A copy of ``region`` with the actor ids renamed by ``mapping`` (names, groups, relations unchanged):
    what the tie-break by id sees changes, what the data say does not."""
    target.mkdir(parents=True)
    for name in ("actors.csv", "relations.csv"):
        with open(region / name, encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        for row in rows:
            for col in ("id", "source", "target"):
                if col in row:
                    row[col] = mapping.get(row[col], row[col])
        with open(target / name, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
    return target


# --- 1 and 2: a shared first place is said to be shared, in every "strongest" and "how sure" sentence ---

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_regions_slide_names_everyone_sharing_its_first_place(tmp_path, lang):
    """'Sterkste orkestratorkandidaat: Gemeente A' and 'beste orkestratorkandidaat Gemeente A: als enige eerste
    in 0% van de herhalingen' stood on region Oost's slide, where Gemeente A and ROC B score exactly the same:
    A was named for its id alone. The slide now names both as sharing the first place, with each one's share of
    resamples (as summary.json's by_region states them); West, whose first is first alone, keeps its line."""
    region = write_region(tmp_path / "r", *REGIONS)
    _, folder = _analyse(region, tmp_path, "--lang", lang)
    summary = _summary(folder)
    oost, west = summary["by_region"]["Oost"], summary["by_region"]["West"]
    scores = {o["id"]: o["score"] for o in oost["orchestrators"]}
    assert scores["a"] == scores["b"] == max(scores.values()) and sorted(oost["first_shared"]) == ["a", "b"]
    assert not west["first_shared"]
    assert [o["shared_rank"] for o in oost["orchestrators"]] == [1, 1]
    word = {"nl": "Arbeidsmarktregio", "en": "Labour-market region"}[lang]
    slides = {title: body for title, body in _slides(folder) if title.startswith(word)}
    body = slides[f"{word} Oost"]
    single = {"nl": "Sterkste orkestratorkandidaat:", "en": "Strongest orchestrator candidate:"}[lang]
    shared = {"nl": "Gedeelde eerste plaats als orkestratorkandidaat", "en": "First place as orchestrator candidate shared"}[lang]
    assert single not in body and shared in body
    line = next(x for x in body.splitlines() if shared in x)
    assert "Gemeente A" in line and "ROC B" in line
    # how sure: no 'best candidate <A>', each sharing one with its own share
    assert {"nl": "beste orkestratorkandidaat", "en": "top orchestrator candidate"}[lang] not in body
    sure = next(x for x in body.splitlines() if {"nl": "als enige eerste", "en": "first, not tied"}[lang] in x)
    top = oost["stability"]["top_orchestrator"]
    shares = {c["id"]: c["first_share"] for c in top["first_shared"]}
    assert set(shares) == {"a", "b"}
    from ecosystem.locale import Locale
    for actor, name in (("a", "Gemeente A"), ("b", "ROC B")):
        assert f"{name} in {Locale(lang).share(shares[actor])}" in sure, sure
    # West: first alone, the one strongest candidate named
    west_body = slides[f"{word} West"]
    first = west["orchestrators"][0]
    assert f"{single} {first['name']}" in west_body and shared not in west_body
    # the report's side-by-side table: the 'how sure' cell of Oost gives both shares, not one actor's
    report = _text((folder / "report.html").read_text(encoding="utf-8"))
    assert re.search(r"Gemeente A in \d+\s?% (en|and) ROC B in \d+\s?%", report)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_how_sure_does_not_single_out_one_of_a_shared_first_place(tmp_path, lang):
    """'beste orkestratorkandidaat Gemeente A: als enige eerste in …' was printed (terminal, slides, report) of
    Gemeente A and ROC B, who score the same: A for its id alone. Renaming the ids so that ROC B comes first
    named ROC B instead. Now the line says the first place is shared, names both and gives each its share,
    and it names the same two whatever their ids."""
    original = write_region(tmp_path / "mini", *MINI)
    relabelled = _relabelled(original, tmp_path / "ids" / "mini", {"a": "z_a"})
    said = []
    for region in (original, relabelled):
        text, folder = _analyse(region, tmp_path / region.parent.name, "--lang", lang)
        scores = _scores(folder)
        ids = sorted(scores, key=lambda k: -scores[k])[:2]
        assert scores[ids[0]] == scores[ids[1]] > 0           # the premise: a shared first place
        summary = _summary(folder)
        top = summary["stability"]["top_orchestrator"]
        assert {c["id"] for c in top["first_shared"]} == set(ids)
        best = {"nl": "beste orkestratorkandidaat", "en": "top orchestrator candidate"}[lang]
        assert best not in text
        line = next(x for x in text.splitlines() if {"nl": "als enige eerste", "en": "first, not tied"}[lang] in x)
        assert "Gemeente A" in line and "ROC B" in line
        said.append(line.strip())
        # slides: the same line; report: the shared wording, no '<one name> staat ... als enige bovenaan'
        sure_slide = next(body for title, body in _slides(folder)
                          if title == {"nl": "Hoe zeker is dit?", "en": "How sure are we?"}[lang])
        assert line.strip() in sure_slide and best not in sure_slide
        report = _text((folder / "report.html").read_text(encoding="utf-8"))
        single = {"nl": "staat in", "en": "ranks first, not tied, as orchestrator candidate in"}[lang]
        assert not re.search(r"(Gemeente A|ROC B) " + single, report)
        assert {"nl": "De eerste plaats als orkestratorkandidaat is gedeeld door Gemeente A en ROC B",
                "en": "First place as orchestrator candidate is shared by Gemeente A and ROC B"}[lang] in report \
            or {"nl": "De eerste plaats als orkestratorkandidaat is gedeeld door ROC B en Gemeente A",
                "en": "First place as orchestrator candidate is shared by ROC B and Gemeente A"}[lang] in report
    names = [set(re.findall(r"Gemeente A|ROC B", line)) for line in said]
    assert names[0] == names[1] == {"Gemeente A", "ROC B"}


# --- 3: one ranking rule, competition ranking, in every list, caption, badge and summary.json ---

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_equal_scores_share_a_rank_in_every_list_and_the_caption_says_the_badges_drawn(tmp_path, lang):
    """The badges said K1, K1 for two equal scores while the terminal's list, the report's list and one-page
    summary said '1. Gemeente A, 2. Gemeente B' and the caption 'K1-K3 zijn de kandidaten 1-3' (no K2 was drawn).
    Every rank shown is now the competition rank (1, 1, 3), recomputed here from actors.csv's scores."""
    region = write_region(tmp_path / "twins", *TWINS)
    text, folder = _analyse(region, tmp_path, "--lang", lang)
    scores = _scores(folder)
    ranks = _competition(scores)
    assert ranks["gem_a"] == ranks["gem_b"] == 1
    names = {a["id"]: a["name"] for a in TWINS[0]}
    summary = _summary(folder)
    for o in summary["orchestrators"]:
        assert o["shared_rank"] == ranks[o["id"]], o
    assert summary["orchestrator_sensitivity"]["shared_ranks"] == {o["id"]: ranks[o["id"]]
                                                                  for o in summary["orchestrators"]}
    # the terminal's list: 'k. name (score)'
    listed = re.findall(r"^\s+(\d+)\. (.+?) \(\d", text, re.M)
    assert listed and all(int(k) == ranks[next(i for i, n in names.items() if n == name)] for k, name in listed)
    # the report: the candidates' list, the one-page summary and the orchestrator score's top table
    page = (folder / "report.html").read_text(encoding="utf-8")
    report = _text(page)
    for k, name in re.findall(r'<span class="ohead oname">(\d+)\. (.*?)</span>', page):
        assert int(k) == ranks[next(i for i, n in names.items() if n == name)], name
    one_page = {"nl": "Mogelijke orkestrators:", "en": "Orchestrator candidates:"}[lang]
    shown = re.search(re.escape(one_page) + r" (.*?)\.", report).group(1)
    for k, name in re.findall(r"(\d+)\. ([A-Za-z][\w ]*?)(?:,| en | and |$)", shown):
        assert int(k) == ranks[next(i for i, n in names.items() if n == name.strip())], shown
    assert "2. " not in shown
    # the caption names the badges as drawn (K1, K1, K3), not 'K1-K3 are candidates 1-3'
    caption = _text(re.search(r'<figcaption[^>]*>(.*?)</figcaption>', page, re.S).group(1))
    badge = {"nl": "K", "en": "C"}[lang]
    named = [o["id"] for o in summary["orchestrators"]][:3]
    drawn = ", ".join(f"{badge}{ranks[i]}" for i in named)
    assert f"({drawn})" in caption and f"{badge}1-{badge}3" not in caption
    svg_badges = re.findall(rf">{badge}(\d+) ", page)
    assert sorted(int(k) for k in svg_badges) == sorted(ranks[i] for i in named)
    # the degree top table: equal degrees one rank (networkx)
    g = nx.Graph()
    g.add_edges_from((r["source"], r["target"]) for r in TWINS[1])
    degree_ranks = _competition({k: float(d) for k, d in g.degree()})
    tops = re.findall(r"<table>.*?</table>", page.split('<div class="tops">', 1)[1], re.S)
    assert len(tops) == 4            # degree, betweenness, coreness, orchestrator score
    for table, expected in ((tops[0], degree_ranks), (tops[3], ranks)):
        rows = re.findall(r'<td class="num rank">(\d+)</td><td>(.*?)</td>', table)
        assert rows and all(int(k) == expected[next(i for i, n in names.items() if n == name)] for k, name in rows)


def test_the_png_key_says_the_badges_drawn(tmp_path):
    """target.png's key said 'K1-K2: kandidaat 1-2' beside two K1 badges."""
    import matplotlib

    from ecosystem.api import analyse_loaded, load
    from ecosystem.locale import Locale
    from ecosystem.render import static_png
    from ecosystem.render.layout import compute_layout
    folder = write_region(tmp_path / "mini", *MINI)
    analysis = analyse_loaded(load(folder), bootstrap=0, null_samples=5)
    assert list(analysis.orchestrators.shared_rank[:2]) == [1, 1]
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    loc = Locale("nl")
    with matplotlib.rc_context(static_png.RC):
        fig = static_png._target_figure(analysis, layout, loc, loc.section("report"))
        key = " ".join(" ".join(t.get_text() for t in fig.texts).split())
    assert "K1-K2" not in key and "kandidaat 1-2" not in key
    assert "(K1, K1)" in key


def test_a_tied_candidates_rank_interval_holds_its_rank(tmp_path):
    """ROC B was listed second with 'plaats in de herhalingen: 2–2' while it scores what Gemeente A scores: the
    resamples ranked the tie by id too. Resample ranks follow the same rule, so every resample (the one relation
    kept: equal scores; dropped: both 0) puts both at 1."""
    region = write_region(tmp_path / "mini", *MINI)
    _, folder = _analyse(region, tmp_path)
    intervals = _summary(folder)["stability"]["orchestrator_rank_interval"]
    assert intervals == {"a": [1, 1], "b": [1, 1]}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_region_targets_intro_agrees_with_several_names(tmp_path, lang):
    """'de sterkste orkestratorkandidaat van de regio staat met naam aangegeven' stood above Oost's figure,
    which names two (a shared first place): the intro now speaks of the candidates in first place."""
    region = write_region(tmp_path / "r", *REGIONS)
    _, folder = _analyse(region, tmp_path, "--lang", lang)
    report = _text((folder / "report.html").read_text(encoding="utf-8"))
    assert {"nl": "de sterkste orkestratorkandidaat van de regio staat met naam aangegeven",
            "en": "the region's strongest orchestrator candidate is named"}[lang] not in report
    assert {"nl": "de orkestratorkandidaten op de eerste plaats van de regio staan met naam aangegeven",
            "en": "the region's orchestrator candidates in first place are named"}[lang] in report


# --- 4: the centralisation sentence names every actor sharing the highest degree ---

HUBS = ([{"id": "h1", "name": "Gemeente Noord", "group": "overheid"},
         {"id": "h2", "name": "Gemeente Zuid", "group": "overheid"},
         {"id": "roc", "name": "ROC", "group": "onderwijs"}, {"id": "vno", "name": "VNO", "group": "werkgevers"},
         {"id": "fnv", "name": "FNV", "group": "werkenden"}, {"id": "uwv", "name": "UWV", "group": "intermediairs"}],
        [{"source": h, "target": t, "type": "samenwerking", "weight": w} for h, w in (("h1", "2"), ("h2", "1"))
         for t in ("roc", "vno", "fnv", "uwv")] + [{"source": "h1", "target": "h2", "type": "bestuur", "weight": "1"}])


def _centralisation_line(text: str) -> str:
    return next(x for x in text.splitlines() if "Centrum zonder heerser" in x or "Centre without a ruler" in x)


def test_the_centralisation_sentence_names_everyone_with_the_highest_degree(tmp_path):
    """'Eén actor overheerst het netwerk (Gemeente Noord; …)' was said of two gemeenten with the same number of
    partners (np.argmax: the lower id). Both are named, in the original, with the rows shuffled and with the
    ids renamed so that the other comes first by id; the value is Freeman's centralisation from networkx."""
    original = write_region(tmp_path / "hubs", *HUBS)
    copies = [original, shuffled_copy(original, tmp_path / "shuffled" / "hubs", seed=5),
              _relabelled(original, tmp_path / "ids" / "hubs", {"h1": "zz_h1"})]
    g = nx.Graph()
    g.add_nodes_from(a["id"] for a in HUBS[0])
    g.add_edges_from((r["source"], r["target"]) for r in HUBS[1])
    degree = dict(g.degree())
    top = max(degree.values())
    hubs = {next(a["name"] for a in HUBS[0] if a["id"] == k) for k, d in degree.items() if d == top}
    n = g.number_of_nodes()
    value = sum(top - d for d in degree.values()) / ((n - 1) * (n - 2))
    assert len(hubs) == 2 and value >= 0.5                  # the premise: two share the top, attention
    lines = []
    for k, region in enumerate(copies):
        text, folder = _analyse(region, tmp_path / f"run{k}")
        line = _centralisation_line(text)
        assert set(re.findall(r"Gemeente (?:Noord|Zuid)", line)) == hubs, line
        assert "Eén actor" not in line and f"{len(hubs)} actoren" in line
        assert f"centralisatie {value:.2f}".replace(".", ",") in line
        details = next(d for d in _summary(folder)["diagnosis"] if d["key"] == "centralisation")["details"]
        assert len(details["most_connected_all"]) == 2
        lines.append(line)
    assert lines[0] == lines[1]                  # rows shuffled: the same sentence
    assert set(re.findall(r"Gemeente \w+", lines[2])) == hubs


# --- 5: number agreement of counts said with their noun ---

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_one_relation_and_one_tie_are_said_in_the_singular(tmp_path, lang):
    """'3 organisaties, 1 relaties' (report, title slide), 'Netwerkkaart van mini: 3 organisaties en 1
    verbindingen' (the map picture's text alternative) and 'kern: …, 1 relaties' on a region's slide."""
    region = write_region(tmp_path / "mini", *MINI)
    _, folder = _analyse(region, tmp_path, "--lang", lang)
    relation, relations = {"nl": ("1 relatie", "1 relaties"), "en": ("1 relation", "1 relations")}[lang]
    tie, ties = {"nl": ("1 verbinding", "1 verbindingen"), "en": ("1 tie", "1 ties")}[lang]
    organisations = {"nl": "3 organisaties", "en": "3 organisations"}[lang]
    report = _text((folder / "report.html").read_text(encoding="utf-8"))
    assert f"{organisations}, {relation}" in report and relations not in report
    from pptx import Presentation
    deck = Presentation(str(folder / "slides.pptx"))
    texts = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    assert f"{organisations}, {relation}" in texts and relations not in texts
    alts = [s._element.nvPicPr.cNvPr.get("descr") for slide in deck.slides for s in slide.shapes
            if s.shape_type == 13]
    map_alt = next(a for a in alts if a.startswith({"nl": "Netwerkkaart", "en": "Network map"}[lang]))
    assert f"{organisations} {'en' if lang == 'nl' else 'and'} {tie}," in map_alt and ties not in map_alt


def test_a_regions_slide_says_one_relation_in_the_singular(tmp_path):
    region = write_region(tmp_path / "r", *REGIONS)
    _, folder = _analyse(region, tmp_path)
    oost = next(body for title, body in _slides(folder) if title == "Arbeidsmarktregio Oost")
    assert "2 organisaties, 1 relatie, kern" in oost and "1 relaties" not in oost


def test_two_relations_on_the_only_tie_are_said_of_one_pair(tmp_path):
    """'2 relaties tussen 1 paren organisaties (1 verbindingen): 1 paar heeft meer dan één relatie.'"""
    actors, _ = MINI
    relations = [{"source": "a", "target": "b", "type": "governance", "weight": "2"},
                 {"source": "a", "target": "b", "type": "funding", "weight": "1"}]
    region = write_region(tmp_path / "pair", actors, relations)
    text, _ = _analyse(region, tmp_path)
    assert "2 relaties tussen 1 paar organisaties (1 verbinding)" in text
    assert "1 paren" not in text and "1 verbindingen" not in text


MAP_COUNT = """
const fs = require("fs");
const html = fs.readFileSync(process.argv[2], "utf8");
const json = html.match(/<script type="application\\/json" id="data">([\\s\\S]*?)<\\/script>/)[1];
const body = fs.readFileSync(process.argv[3], "utf8");
global.document = {getElementById: () => ({textContent: json})};
const run = new Function(body + "; return {t: t, counted: counted};");
const {t, counted} = run();
const out = {};
for (const [nodes, edges] of [[1, 1], [2, 0], [3, 2]])
  out[nodes + "," + edges] = t("stats", {nodes: counted("n_actors", nodes), edges: counted("n_ties", edges)});
console.log(JSON.stringify(out));
"""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_maps_counts_agree_in_number(tmp_path, lang):
    """The map's top line said '1 actoren · 1 verbindingen' when the filters leave one of each. Its script's
    own functions (static/map/data.js) fill the line here, under Node.js, with the page's words."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    region = write_region(tmp_path / "mini", *MINI)
    _, folder = _analyse(region, tmp_path, "--lang", lang)
    script = Path(__file__).resolve().parent.parent / "src" / "ecosystem" / "render" / "static" / "map" / "data.js"
    (tmp_path / "count.js").write_text(MAP_COUNT, encoding="utf-8")
    proc = subprocess.run([node, str(tmp_path / "count.js"), str(folder / "map.html"), str(script)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    said = json.loads(proc.stdout)
    assert said == {"nl": {"1,1": "1 actor · 1 verbinding", "2,0": "2 actoren · 0 verbindingen",
                           "3,2": "3 actoren · 2 verbindingen"},
                    "en": {"1,1": "1 actor · 1 tie", "2,0": "2 actors · 0 ties", "3,2": "3 actors · 2 ties"}}[lang]


def test_change_view_ranks_share_places_as_each_side_does(tmp_path):
    """compare: a candidate tied for first before and first alone after did not 'rise from 2 to 1'. The
    places in change.json are each side's competition ranks, recomputed from the two runs' actors.csv."""
    actors, relations = MINI
    before = write_region(tmp_path / "voor", actors, relations)
    after = write_region(tmp_path / "na", actors, [*relations, {"source": "b", "target": "c",
                                                                 "type": "collaboration", "weight": "1"}])
    places = {}
    for folder in (before, after):
        _, out = _analyse(folder, tmp_path)
        places[folder.name] = _competition(_scores(out))
    assert places["voor"]["a"] == places["voor"]["b"] == 1            # the data: tied before
    assert places["na"]["b"] == 1 and places["na"]["a"] == 2           # b first alone after
    out = tmp_path / "cmp"
    result = run_cli("compare", before, after, "--out", out, *SETTINGS)
    assert result.exit_code == 0, result.output
    change = json.loads((out / "voor-na" / "change.json").read_text(encoding="utf-8"))
    shown = {r["id"]: r["rank"] for r in change["orchestrators"]["ranks"]}
    for aid, rank in shown.items():
        assert rank == {"before": places["voor"][aid], "after": places["na"][aid]}, aid
    assert shown["b"] == {"before": 1, "after": 1}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_candidates_sharing_a_rank_print_one_score_alike_in_every_list(tmp_path, lang):
    """Two candidates sharing the first place were printed '(0,88)' and '(0,87)': the lists formatted the raw
    scores, equal only once rounded as the ranking compares them. The terminal (three listed) and the slides
    (five listed) could also print the same score with different decimals. Now each candidate's score reads the
    same in the terminal, the slides and the report, and equal ranks read equal scores."""
    region = write_region(tmp_path / "twins", *TWINS)
    text, folder = _analyse(region, tmp_path, "--lang", lang)
    pattern = r"(\d+)\. ([^\n(]+?) \((\d[\d,.]*)\):"
    terminal = {name: (int(k), score) for k, name, score in re.findall(pattern, text)}
    slides = {name: (int(k), score) for _, body in _slides(folder) for k, name, score in re.findall(pattern, body)}
    report = _text((folder / "report.html").read_text(encoding="utf-8"))
    assert len(terminal) == 3 and len(slides) >= 3
    for name, (rank, score) in terminal.items():
        assert slides[name] == (rank, score), (name, slides)
        assert f"{name}" in report and score in report
    by_rank: dict[int, set[str]] = {}
    for rank, score in slides.values():
        by_rank.setdefault(rank, set()).add(score)
    assert all(len(scores) == 1 for scores in by_rank.values()), by_rank
    assert len(by_rank[1]) == 1 and sum(1 for rank, _ in slides.values() if rank == 1) == 2


def test_a_top_table_that_ends_inside_a_tie_names_those_it_leaves_out(tmp_path):
    """The report's top-ten tables ended inside a group of equal values without a word: in a star with twelve
    spokes, the degree table listed nine of the twelve spokes of degree 1 and left three out by id alone.
    Each table now names those it leaves out, recomputed here with networkx."""
    groups = ("education", "employers", "workers", "intermediaries")
    actors = [{"id": "hub", "name": "Gemeente Hub", "group": "government"}] + [
        {"id": f"s{i:02d}", "name": f"Spaak {i:02d}", "group": groups[i % 4]} for i in range(12)]
    relations = [{"source": "hub", "target": f"s{i:02d}", "type": "collaboration", "weight": "1"} for i in range(12)]
    region = write_region(tmp_path / "star", actors, relations)
    _, folder = _analyse(region, tmp_path)
    page = (folder / "report.html").read_text(encoding="utf-8")
    tops = re.findall(r"<section>.*?</section>", page.split('<div class="tops">', 1)[1], re.S)
    degree = tops[0]
    names = {a["id"]: a["name"] for a in actors}
    listed = re.findall(r'<td class="num rank">\d+</td><td>(.*?)</td>', degree)
    assert len(listed) == 10
    g = nx.Graph((r["source"], r["target"]) for r in relations)
    left = sorted(names[v] for v, d in g.degree() if d == 1 and names[v] not in listed)
    assert len(left) == 3
    said = _text(degree)
    assert f"even hoog als nr. 2, maar op id-volgorde hier niet genoemd: {', '.join(left)}" in said, said
    # a table that does not end inside a tie says nothing of the kind
    two = write_region(tmp_path / "two", actors[:4], relations[:3])
    _, folder = _analyse(two, tmp_path)
    page = (folder / "report.html").read_text(encoding="utf-8")
    assert "hier niet genoemd" not in _text(page.split('<div class="tops">', 1)[1].split("</div>\n  </div>")[0])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_core_of_one_is_said_in_the_singular_in_how_sure(tmp_path, lang):
    """'kern: 1 van 1 kernactoren stabiel in de kern' for a star, whose core is its hub alone (summary.json)."""
    actors = [{"id": "hub", "name": "Gemeente Hub", "group": "government"}] + [
        {"id": f"s{i}", "name": f"Spaak {i}", "group": g}
        for i, g in enumerate(("education", "employers", "workers", "intermediaries", "education", "employers"))]
    relations = [{"source": "hub", "target": a["id"], "type": "collaboration", "weight": "1"} for a in actors[1:]]
    text, folder = _analyse(write_region(tmp_path / "star", actors, relations), tmp_path, "--lang", lang)
    assert _summary(folder)["core"] == ["hub"]
    one = {"nl": "van 1 kernactor stabiel in de kern", "en": "of 1 core actor stable in the core"}[lang]
    many = {"nl": "kernactoren", "en": "core actors"}[lang]
    lines = [line for line in text.splitlines() if one in line]
    assert len(lines) == 2, text               # relations resampled, and actors left out
    assert not any(many in line for line in lines)


PAIRS = ([{"id": "gem", "name": "Gemeente Stad", "group": "government"},
          {"id": "uwv", "name": "UWV Stad", "group": "intermediaries"},
          {"id": "vno", "name": "VNO Stad", "group": "employers"},
          {"id": "fnv", "name": "FNV Stad", "group": "workers"},
          {"id": "roc", "name": "ROC Stad", "group": "education"},
          {"id": "old", "name": "Oud", "group": "other"}],
         [{"source": "uwv", "target": "roc", "type": "collaboration", "weight": "1"},
          {"source": "gem", "target": "vno", "type": "collaboration", "weight": "1"}])


@pytest.mark.parametrize("pairs", [2, 1])
def test_separate_pairs_get_one_coreness_whatever_the_ids(tmp_path, pairs):
    """Two separate pairs of the same shape got coreness 1,00 and 0,98 against 0,00 and 0,00, which pair
    depending on the optimiser's start (by id): renaming 'uwv' moved ROC to first place. A lone pair got 1,00
    against 0,04. Alone, a pair fixes only the product of its two values; each pair now counts as a part of
    its own, both ends 1. Checked against networkx's components and under renamed ids."""
    actors, relations = PAIRS[0], PAIRS[1][:pairs]
    region = write_region(tmp_path / "pairs", actors, relations)
    _, folder = _analyse(region, tmp_path)
    with open(folder / "actors.csv", encoding="utf-8") as fh:
        coreness = {row["id"]: float(row["coreness"]) for row in csv.DictReader(fh)}
    g = nx.Graph((r["source"], r["target"]) for r in relations)
    assert all(len(c) == 2 for c in nx.connected_components(g))
    assert {coreness[v] for v in g} == {1.0} and all(coreness[a["id"]] == 0 for a in actors if a["id"] not in g)
    names = {a["id"]: a["name"] for a in actors}
    scores = {names[k]: v for k, v in _scores(folder).items()}
    renamed = _relabelled(region, tmp_path / "renamed", {"uwv": "zuwv", "gem": "agem"})
    _, folder2 = _analyse(renamed, tmp_path)
    names2 = {**{k: v for k, v in names.items()}, "zuwv": names["uwv"], "agem": names["gem"]}
    assert {names2[k]: v for k, v in _scores(folder2).items()} == scores


THREE = ([{"id": "gem", "name": "Gemeente Stad", "group": "government"},
          {"id": "vno", "name": "VNO Stad", "group": "employers"},
          {"id": "fnv", "name": "FNV Stad", "group": "workers"},
          {"id": "uwv", "name": "UWV Stad", "group": "intermediaries"},
          {"id": "wsp", "name": "WSP Stad", "group": "intermediaries"},
          {"id": "lwl", "name": "Leerwerkloket", "group": "intermediaries"},
          {"id": "roc", "name": "ROC Stad", "group": "education"}],
         [{"source": a, "target": b, "type": "collaboration", "weight": "1"}
          for a in ("gem", "vno", "fnv") for b in ("uwv", "wsp", "lwl")])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_first_place_shared_by_three_names_all_three_in_the_diagnosis(tmp_path, lang):
    """'Geen duidelijke orkestrator: Leerwerkloket en UWV Stad scoren precies gelijk' while WSP Stad scored the
    same (the stability line said 'gedeeld door Leerwerkloket, UWV Stad en WSP Stad'): two of three, by id."""
    text, folder = _analyse(write_region(tmp_path / "three", *THREE), tmp_path, "--lang", lang)
    scores = _scores(folder)
    best = max(scores.values())
    tied = sorted(k for k, v in scores.items() if round(v, 6) == round(best, 6))
    assert len(tied) == 3
    names = {a["id"]: a["name"] for a in THREE[0]}
    orch = next(d for d in _summary(folder)["diagnosis"] if d["key"] == "orchestrator")
    assert sorted(orch["details"]["first_tied"]) == tied
    line = next(line for line in text.splitlines() if {"nl": "precies gelijk", "en": "exactly the same"}[lang] in line)
    assert all(names[i] in line for i in tied), line
    report = _text((folder / "report.html").read_text(encoding="utf-8"))
    sentence = orch["text"]["sentence"]
    assert all(names[i] in sentence for i in tied) and sentence in report


def test_the_target_caption_names_the_equal_candidates_it_leaves_unnamed(tmp_path):
    """'De 3 sterkste orkestratorkandidaten zijn met naam aangegeven' under a figure naming the hub and two of
    four spokes that score exactly the same (K2, K2), the two by id alone. The caption now names the other two."""
    actors = [{"id": "gem", "name": "Gemeente Stad", "group": "government"}] + [
        {"id": i, "name": n, "group": g} for i, n, g in (("fnv", "FNV Stad", "workers"), ("roc", "ROC Stad", "education"),
                                                         ("uwv", "UWV Stad", "intermediaries"), ("vno", "VNO Stad", "employers"))]
    relations = [{"source": "gem", "target": a["id"], "type": "governance", "weight": "1"} for a in actors[1:]]
    _, folder = _analyse(write_region(tmp_path / "star", actors, relations), tmp_path)
    scores = _scores(folder)
    ranks = _competition(scores)
    names = {a["id"]: a["name"] for a in actors}
    named = [o["id"] for o in _summary(folder)["orchestrators"]][:3]
    left = sorted(names[i] for i, r in ranks.items() if r == ranks[named[-1]] and i not in named)
    assert len(left) == 2
    page = (folder / "report.html").read_text(encoding="utf-8")
    caption = _text(re.search(r'<figcaption[^>]*>(.*?)</figcaption>', page, re.S).group(1))
    assert f"Even hoog als nr. {ranks[named[-1]]}, maar op id-volgorde hier niet genoemd: {', '.join(left)}." in caption
