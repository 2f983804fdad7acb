"""Sentences a third claims review found false on small networks, each checked against the data.

Every case is a region the review built (a six-ring, a key group absent, a region without a governance
table, one group only, as many ties within groups as across). Each test drives the real CLI, recomputes
the fact the sentence rests on from the input with networkx, and then reads the sentence in the terminal,
report.html or summary.json, in Dutch and English.
"""
from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from conftest import core_tables_of, run_cli, write_region

KEY = ("werkenden", "werkgevers", "overheid", "onderwijs")
GROUP_KEY = {"overheid": "government", "werkgevers": "employers", "werkenden": "workers", "onderwijs": "education",
             "intermediairs": "intermediaries", "overig": "other"}


def _actors(rows):
    return [{"id": i, "name": n, "group": g} for i, n, g in rows]


def _relations(rows):
    return [{"source": s, "target": t, "type": k} for s, t, k in rows]


# A six-ring, one actor per group, all collaboration: every actor is like every other (vertex-transitive).
CYCLE = (_actors([("a", "Gemeente A", "overheid"), ("b", "Werkgever B", "werkgevers"), ("c", "Vakbond C", "werkenden"),
                  ("d", "School D", "onderwijs"), ("e", "Loket E", "intermediairs"), ("f", "Fonds F", "overig")]),
         _relations([("a", "b", "samenwerking"), ("b", "c", "samenwerking"), ("c", "d", "samenwerking"),
                     ("d", "e", "samenwerking"), ("e", "f", "samenwerking"), ("f", "a", "samenwerking")]))
# One tie within a group, one across, two actors without ties.
EQEI = (_actors([("g1", "Gemeente A", "overheid"), ("g2", "Gemeente B", "overheid"), ("e1", "Werkgever C", "werkgevers"),
                 ("w1", "Vakbond D", "werkenden"), ("o1", "School E", "onderwijs")]),
        _relations([("g1", "g2", "samenwerking"), ("g1", "e1", "samenwerking")]))
# No werkenden; nobody has governance ties with three others (no table).
NOTABLE = (_actors([("gem", "Gemeente A", "overheid"), ("emp", "Werkgever B", "werkgevers"),
                    ("edu", "School C", "onderwijs"), ("uwv", "UWV", "intermediairs")]),
           _relations([("gem", "emp", "bestuur"), ("gem", "edu", "bestuur"), ("gem", "uwv", "samenwerking"),
                       ("emp", "edu", "samenwerking")]))
# Every actor in one group; a governance triangle (no table: two partners each).
ONEGROUP = (_actors([("a", "Gemeente A", "overheid"), ("b", "Gemeente B", "overheid"), ("c", "Gemeente C", "overheid"),
                     ("d", "Provincie D", "overheid")]),
            _relations([("a", "b", "bestuur"), ("b", "c", "bestuur"), ("a", "c", "bestuur"), ("c", "d", "financiering")]))
# Two actors of one group, one pair.
ONEWITHIN = (_actors([("g1", "Gemeente A", "overheid"), ("g2", "Gemeente B", "overheid")]),
             _relations([("g1", "g2", "bestuur"), ("g1", "g2", "financiering")]))
# No werkenden; one governance table (the gemeente with three partners).
NOWORK = (_actors([("gem", "Gemeente A", "overheid"), ("prov", "Provincie", "overheid"), ("emp", "Werkgever B", "werkgevers"),
                   ("emp2", "Werkgever C", "werkgevers"), ("edu", "School D", "onderwijs"), ("edu2", "School E", "onderwijs"),
                   ("uwv", "UWV", "intermediairs")]),
          _relations([("gem", "prov", "bestuur"), ("gem", "emp", "bestuur"), ("gem", "edu", "bestuur"),
                      ("prov", "edu", "financiering"), ("emp", "emp2", "vertegenwoordiging"),
                      ("edu", "edu2", "samenwerking"), ("uwv", "gem", "samenwerking"), ("uwv", "emp2", "toeleiding")]))


def _planted():
    """A clear core: six organisations all tied to each other, each of 24 others tied to two of them."""
    groups = ("overheid", "werkgevers", "werkenden", "onderwijs", "intermediairs", "overig")
    core = [(f"k{i}", f"Kern {i}", groups[i]) for i in range(6)]
    rest = [(f"p{i}", f"Rand {i}", groups[i % 6]) for i in range(24)]
    ties = [(f"k{i}", f"k{j}", "samenwerking") for i in range(6) for j in range(i + 1, 6)]
    ties += [(f"p{i}", f"k{(i + d) % 6}", "samenwerking") for i in range(24) for d in (0, 3)]
    return _actors(core + rest), _relations(ties)


def _star():
    """A gemeente tied to twenty others, nothing else: a core of one, the others hanging on it."""
    groups = ("werkgevers", "werkenden", "onderwijs", "intermediairs", "overig")
    leaves = [(f"x{i}", f"Partner {i}", groups[i % 5]) for i in range(20)]
    return (_actors([("hub", "Gemeente Hub", "overheid")] + leaves),
            _relations([("hub", f"x{i}", "samenwerking") for i in range(20)]))


def _run(tmp_path, name, region, lang="nl"):
    folder = write_region(tmp_path / name, *region)
    out = tmp_path / f"out_{lang}"
    result = run_cli("analyse", folder, "--out", out, "--bootstrap", "0", "--null-samples", "20", "--lang", lang)
    assert result.exit_code == 0, result.output
    target = out / name
    summary = json.loads((target / "summary.json").read_text(encoding="utf-8"))
    return result.output, summary, target


def _graph(region) -> nx.Graph:
    actors, relations = region
    g = nx.Graph()
    g.add_nodes_from(a["id"] for a in actors)
    g.add_edges_from((r["source"], r["target"]) for r in relations)
    return g


def _groups(region) -> dict[str, str]:
    return {a["id"]: a["group"] for a in region[0]}


def _text(page: Path) -> str:
    t = page.read_text(encoding="utf-8")
    t = re.sub(r"<(style|script)\b.*?</\1>", " ", t, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", t)))


def _indicator(summary, key):
    return next(d for d in summary["diagnosis"] if d["key"] == key)


# --- 1: a densely tied core is said only when a test supports one ---------------------------------------------

DENSE = {"nl": ("vormen samen de kern", "veel verbindingen met elkaar", "vormt in haar eentje de kern"),
         "en": ("together form the core", "densely tied to each other:", "forms the core on its own")}
UNSUPPORTED = {"nl": "De best passende indeling zet {n} van de {total} organisaties in de kern, maar de "
                     "kern-periferietoets ondersteunt geen kern",
               "en": "The best-fitting split puts {n} of the {total} organisations in the core, but the "
                     "core/periphery test does not support a core"}


SLIDE_CORE = {"nl": "Kern (", "en": "Core ("}
SLIDE_HEDGE = {"nl": "De kern-periferietoets ondersteunt geen kern: lees deze kern als een rangorde",
               "en": "The core/periphery test does not support a core: read this core as a ranking"}


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["cycle", "eqei", "planted", "star"])
def test_report_says_a_densely_tied_core_only_when_the_test_supports_one(tmp_path, name, lang):
    region = {"cycle": CYCLE, "eqei": EQEI, "planted": _planted(), "star": _star()}[name]
    g = _graph(region)
    if name == "cycle":
        # Every actor alike: no split of a ring can be a core/periphery structure.
        assert nx.is_isomorphic(g, nx.cycle_graph(6))
    _, summary, folder = _run(tmp_path, name, region, lang)
    verdict = summary["core_periphery"]["verdict"]
    if name == "cycle":
        assert verdict == "no_structure"
    if name == "planted":
        # The planted core: the six are tied to each other far above the network's density.
        core = [f"k{i}" for i in range(6)]
        assert nx.density(g.subgraph(core)) == 1.0 > 3 * nx.density(g)
        assert verdict != "no_structure"
    if name == "star":
        # A star: one hub tied to everyone, nobody else tied (networkx); random networks with as many
        # relations rarely concentrate them on one actor.
        assert nx.is_isomorphic(g, nx.star_graph(20))
        assert summary["core"] == ["hub"] and verdict != "no_structure"
    text = _text(folder / "report.html")
    n, total = len(summary["core"]), g.number_of_nodes()
    assert n > 0
    onepage = text.split(" Bijlage" if lang == "nl" else " Appendix")[0]
    unsupported = UNSUPPORTED[lang].format(n=n, total=total)
    if verdict == "no_structure":
        for part in (onepage, text):
            assert unsupported in part
        assert not any(claim in text for claim in DENSE[lang]), text
    else:
        assert unsupported not in text
        assert any(claim in onepage for claim in DENSE[lang])
    # the slides: the core slide lists the core as a fact only when a test supports one
    from pptx import Presentation
    slides = ["\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
              for slide in Presentation(str(folder / "slides.pptx")).slides]
    core_slide = next(body for body in slides if SLIDE_CORE[lang] in body)
    assert (SLIDE_HEDGE[lang] in core_slide) == (verdict == "no_structure"), core_slide


# --- 5: agency without any governance table -------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["notable", "onegroup"])
def test_agency_without_a_table_says_so_and_gives_no_share_of_zero_tables(tmp_path, name, lang):
    region = {"notable": NOTABLE, "onegroup": ONEGROUP}[name]
    out, summary, folder = _run(tmp_path, name, region, lang)
    group = _groups(region)
    gov = [(r["source"], r["target"]) for r in region[1] if r["type"] == "bestuur"]
    core = set(summary["core"])
    assert core
    # By hand: no organisation has governance relations with three others, so the core has no table.
    partners = nx.Graph(gov)
    assert max(d for _, d in partners.degree()) < 3
    assert core_tables_of(gov, core) == []
    agency = _indicator(summary, "agency")
    assert agency["details"]["core_tables"] == 0
    seats = agency["details"]["seats"]
    # Who sits with the core (methods.md §7), by hand: a governance partner of a core member, or a co-partner
    # of one (both tied to the same actor), or a core member with a governance tie.
    together = nx.Graph(gov)
    for h in list(partners):
        together.add_edges_from((a, b) for a in partners[h] for b in partners[h] if a < b)
    seated = {v for v in together if v in core or any(u in core for u in together[v])}
    for g in KEY:
        seat = seats[GROUP_KEY[g]]
        assert seat["share_of_core_tables"] is None           # no share of zero tables
        # Without a table, a seat is sitting with the core through a governance tie.
        assert seat["has_seat"] == any(group[v] == g for v in seated), g
    sentence = agency["text"]["sentence"]
    absent = [g for g in KEY if g not in group.values()]
    assert absent
    if lang == "nl":
        assert sentence.startswith("Geen bestuurlijke tafel met de kern in de gegevens")
        assert "plek aan de bestuurlijke tafels" not in sentence and "Alle vier" not in sentence
        assert f"Geen organisaties in de gegevens: {absent[0]}" in sentence
        assert "Zeggenschap sleutelgroepen: Geen bestuurlijke tafel" in out
    else:
        assert sentence.startswith("No governance table with the core in the data")
        assert "seat at the core's governance tables" not in sentence and "All four" not in sentence
    text = _text(folder / "report.html")
    assert sentence.split(" (")[0] in text


def test_agency_with_one_table_and_a_group_absent_names_the_one_table(tmp_path):
    out, summary, _ = _run(tmp_path, "nowork", NOWORK)
    gov = [(r["source"], r["target"]) for r in NOWORK[1] if r["type"] == "bestuur"]
    tables = core_tables_of(gov, set(summary["core"]))
    assert len(tables) == 1
    agency = _indicator(summary, "agency")
    assert agency["details"]["core_tables"] == 1
    sentence = agency["text"]["sentence"]
    assert "(enige) bestuurlijke tafel" in sentence and "tafels" not in sentence
    assert sentence.endswith("Geen organisaties in de gegevens: werkenden.")


# --- 6: orchestrator reasons count out of the four key groups -------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["nowork", "notable", "onegroup"])
def test_reasons_count_key_groups_out_of_four(tmp_path, name, lang):
    region = {"nowork": NOWORK, "notable": NOTABLE, "onegroup": ONEGROUP}[name]
    out, summary, _ = _run(tmp_path, name, region, lang)
    group = _groups(region)
    present = {g for g in KEY if g in group.values()}
    assert len(present) < 4
    g = _graph(region)
    said = 0
    for place, cand in enumerate(summary["orchestrators"]):
        for reason in cand["reasons"]:
            if reason["code"] not in ("reach", "tables"):
                continue
            said += 1
            assert reason["values"]["of"] == 4
            k = len(reason["values"]["groups"])
            words = f"{k} van de 4 sleutelgroepen" if lang == "nl" else f"{k} of the 4 key groups"
            assert words in reason["text"]
            assert place >= 3 or reason["text"] in out       # the terminal names the first three
            assert {GROUP_KEY[x] for x in present} >= set(reason["values"]["groups"])
            if reason["code"] == "reach" and name == "notable":
                # Every tie is a steering tie between groups here: reach is the own key group and the
                # neighbours' key groups, by networkx.
                v = cand["id"]
                reached = {group[u] for u in g[v]} | {group[v]}
                assert set(reason["values"]["groups"]) == {GROUP_KEY[x] for x in reached & set(KEY)}
    assert said
    assert not re.search(r"van de [123] sleutelgroepen|of the [123] key groups", out)


# --- 8: E-I exactly 0 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_equal_ties_within_and_across_groups_are_said_equal(tmp_path, lang):
    out, summary, _ = _run(tmp_path, "eqei", EQEI, lang)
    group = _groups(EQEI)
    g = _graph(EQEI)
    across = sum(group[a] != group[b] for a, b in g.edges)
    within = g.number_of_edges() - across
    assert across == within == 1
    ind = _indicator(summary, "interdependence")
    assert ind["verdict"] == "balanced" and ind["status"] == "ok" and ind["value"] == 0
    sentence = ind["text"]["sentence"]
    if lang == "nl":
        assert sentence.startswith(f"Er zijn evenveel verbindingen tussen groepen als binnen groepen (elk {across})")
        assert "meer verbindingen" not in out
    else:
        assert sentence.startswith(f"There are as many ties across groups as within (each {across})")
        assert "more ties across" not in out


def test_more_ties_across_groups_still_say_more(tmp_path):
    out, summary, _ = _run(tmp_path, "cycle", CYCLE)
    group = _groups(CYCLE)
    g = _graph(CYCLE)
    across = sum(group[a] != group[b] for a, b in g.edges)
    assert across == 6
    assert _indicator(summary, "interdependence")["verdict"] == "ok"
    assert f"Er zijn meer verbindingen tussen groepen ({across}) dan binnen groepen (0)" in out


# --- 9: silos with one group -----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("name", ["onegroup", "onewithin"])
def test_silos_with_one_group_are_not_judged(tmp_path, name, lang):
    region = {"onegroup": ONEGROUP, "onewithin": ONEWITHIN}[name]
    out, summary, folder = _run(tmp_path, name, region, lang)
    assert len(set(_groups(region).values())) == 1
    ind = _indicator(summary, "silos")
    assert ind["verdict"] == "one_group"
    sentence = ind["text"]["sentence"]
    if lang == "nl":
        assert "niet te beoordelen" in sentence
        assert "dwars door de groepen" not in out and "verkokering (overlap" not in out
    else:
        assert "cannot be judged" in sentence
        assert "cut across groups (overlap" not in out and "silos (overlap" not in out
    assert not re.search(r"\b(De|The) 1 clusters\b", out + _text(folder / "report.html"))


# --- 11: a core boundary between equal coreness ---------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "en"])
def test_reasons_do_not_set_apart_equal_coreness(tmp_path, lang):
    out, summary, folder = _run(tmp_path, "cycle", CYCLE, lang)
    g = _graph(CYCLE)
    assert len({d for _, d in g.degree()}) == 1 and nx.is_isomorphic(g, nx.cycle_graph(6))
    with open(folder / "actors.csv", encoding="utf-8-sig") as fh:
        coreness = {r["id"]: float(r["coreness"]) for r in csv.DictReader(fh)}
    core = set(summary["core"])
    assert core and core != set(coreness)
    for cand in summary["orchestrators"]:
        v = cand["id"]
        position = [r for r in cand["reasons"] if r["code"] in ("core", "not_core", "core_tied", "not_core_tied")]
        assert len(position) == 1
        other = [u for u in coreness if (u in core) != (v in core)]
        tied = any(abs(coreness[u] - coreness[v]) <= 1e-6 for u in other)
        assert position[0]["code"] == ("core" if v in core else "not_core") + ("_tied" if tied else "")
        assert position[0]["code"].startswith("core") == (v in core)
    if lang == "nl":
        assert "zit niet in de kern (kernscore" not in out
        assert "de grens is hier niet scherp" in out
    else:
        assert "is not in the core (coreness" not in out
        assert "the boundary is not sharp here" in out


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_suppliers_at_the_table_are_not_claimed_without_any_delivery(tmp_path, lang):
    """'Geen: wie centraal levert, zit ook aan tafel' stood in a report of data without a delivery relation.
    It now says there is nothing to compare; with delivery relations the old sentence stays where it is true."""
    star = _star()
    assert not any(r["type"] == "levering" for r in star[1])
    _, _, folder = _run(tmp_path, "star", star, lang)
    text = _text(folder / "report.html")
    none = {"nl": "Geen: wie centraal levert, zit ook aan tafel.", "en": "None: whoever is central in delivery also sits"}
    said = {"nl": "Niet te zeggen: de gegevens bevatten geen leveringsrelaties.",
            "en": "Cannot be said: the data hold no delivery relations."}
    assert said[lang] in text and none[lang] not in text
    # the hub delivers to two partners and sits at a governance table with three: central supplier, at the table
    actors, relations = star
    relations = relations + [{"source": "hub", "target": f"x{i}", "type": "levering", "weight": "1"} for i in (1, 2)] \
        + [{"source": "hub", "target": f"x{i}", "type": "bestuur", "weight": "1"} for i in (3, 4, 5)]
    _, summary, folder = _run(tmp_path, "delivers", (actors, relations), lang)
    text = _text(folder / "report.html")
    assert said[lang] not in text
    assert none[lang] in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_core_of_one_is_not_said_to_be_densely_tied_to_each_other(tmp_path, lang):
    """'Er is een kern van organisaties met veel relaties; dat ze onderling zo dicht verbonden zijn, volgt uit hun
    aantal relaties' stood under 'Kern (1): Gemeente Hub' (a star) in the terminal, the report and the map."""
    output, summary, folder = _run(tmp_path, "star", _star(), lang)
    assert summary["core"] == ["hub"] and summary["core_periphery"]["verdict"] != "no_structure"
    plural = {"nl": "onderling", "en": "to each other"}[lang]
    one = {"nl": "Er is een kern van één organisatie", "en": "There is a core of one organisation"}[lang]
    page = (folder / "map.html").read_text(encoding="utf-8")
    in_map = json.loads('"' + re.search(r'"core_periphery":\s*"((?:[^"\\]|\\.)*)"', page).group(1) + '"')
    for text in (output, _text(folder / "report.html"), in_map):
        assert one in text
        assert not [s for s in re.split(r"(?<=\.) ", text) if one in s and plural in s]
    assert plural not in in_map


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_stable_core_organisation_is_not_said_to_lie_above_the_threshold(tmp_path, lang):
    """'0 van de 3 kernorganisaties zijn stabiel in de kern: het hele 95%-interval van hun kans ligt boven 80%'
    (none did). With 20 resamples no interval can lie wholly above 80%: the report says none is stable."""
    region = _actors([("gem", "Gemeente", "overheid"), ("uwv", "UWV", "intermediairs"), ("vno", "VNO", "werkgevers"),
                      ("roc", "ROC", "onderwijs"), ("ict", "ICT-bedrijf", "werkgevers")]), \
        _relations([("gem", "uwv", "bestuur"), ("gem", "vno", "bestuur"), ("gem", "roc", "financiering"),
                    ("uwv", "roc", "toeleiding"), ("vno", "ict", "vertegenwoordiging"), ("roc", "ict", "levering")])
    folder = write_region(tmp_path / "five", *region)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "20", "--null-samples", "20",
                     "--lang", lang)
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "five" / "summary.json").read_text(encoding="utf-8"))
    core = summary["core"]
    verdicts = summary["stability"]["core_verdict"]
    assert len(core) > 1 and not [v for v in core if verdicts[v] == "core"]
    text = _text(tmp_path / "out" / "five" / "report.html")
    said = {"nl": f"Geen van de {len(core)} kernorganisaties is stabiel in de kern",
            "en": f"None of the {len(core)} core organisations is stable in the core"}[lang]
    assert said in text
    assert {"nl": f"0 van de {len(core)}", "en": f"0 of the {len(core)}"}[lang] not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_years_network_without_a_kind_of_relation_says_the_year(tmp_path, lang):
    """With --year 2016: 'Er staan geen bestuursrelaties in de gegevens' while relations.csv holds three (from
    2018 on). The year's network has none: the sentences (agency, reciprocity, suppliers) now say 'in 2016'."""
    folder = tmp_path / "dated"
    folder.mkdir()
    (folder / "actors.csv").write_text("id,name,group\ngem,Gemeente,overheid\nuwv,UWV,intermediairs\n"
                                       "vno,VNO,werkgevers\nroc,ROC,onderwijs\nfnv,FNV,werkenden\n", encoding="utf-8")
    (folder / "relations.csv").write_text(
        "source,target,type,weight,since,until\ngem,uwv,bestuur,2,2018,\ngem,vno,bestuur,2,2018,\n"
        "gem,roc,bestuur,2,2018,\nuwv,roc,samenwerking,1,2015,2019\nvno,fnv,samenwerking,1,2015,2019\n"
        "gem,fnv,samenwerking,1,2015,2019\nroc,vno,levering,1,2019,\n", encoding="utf-8")
    rows = list(csv.DictReader((folder / "relations.csv").read_text(encoding="utf-8").splitlines()))
    in_2016 = [r for r in rows if int(r["since"]) <= 2016 and (not r["until"] or int(r["until"]) >= 2016)]
    assert {r["type"] for r in in_2016} == {"samenwerking"} and any(r["type"] == "bestuur" for r in rows)
    result = run_cli("analyse", folder, "--year", "2016", "--out", tmp_path / "out", "--bootstrap", "0",
                     "--null-samples", "10", "--lang", lang)
    assert result.exit_code == 0, result.output
    said = {"nl": ("In 2016 staan er geen bestuursrelaties in de gegevens", "In 2016 zijn er geen gerichte relaties",
                   "de gegevens bevatten in 2016 geen leveringsrelaties"),
            "en": ("In 2016 the data hold no governance relations", "In 2016 there are no directed relations",
                   "the data hold no delivery relations in 2016")}[lang]
    assert said[0] in result.output and said[1] in result.output
    report = _text(tmp_path / "out" / "dated-2016" / "report.html")
    assert all(s in report for s in said), report
    # without --year, the data as a whole: no year is said
    result = run_cli("analyse", folder, "--out", tmp_path / "all", "--bootstrap", "0", "--null-samples", "10",
                     "--lang", lang)
    assert result.exit_code == 0 and "2016" not in result.output


def test_report_one_page_names_who_ties_with_the_last_candidate_it_lists(tmp_path):
    """A four-ring of the four key groups: every actor scores the same, so the one-page summary's 'Mogelijke
    orkestrators: 1. …, 1. …, 1. …' lists three by id order alone; the same line names the fourth as
    scoring the same (summary.json's shared ranks are the oracle: all four share place 1)."""
    ring = (_actors([("a", "Gemeente A", "overheid"), ("b", "Werkgever B", "werkgevers"), ("c", "Vakbond C", "werkenden"),
                     ("d", "School D", "onderwijs")]),
            _relations([("a", "b", "samenwerking"), ("b", "c", "samenwerking"), ("c", "d", "samenwerking"),
                        ("d", "a", "samenwerking")]))
    _, summary, target = _run(tmp_path, "ring", ring)
    ranks = {o["id"]: o["shared_rank"] for o in summary["orchestrators"]}
    assert set(ranks.values()) == {1} and len(ranks) == 4                         # the premise
    page = (target / "report.html").read_text(encoding="utf-8")
    onepage = page[page.index('<section id="summary"'):page.index('<section id="target"')]
    line = _text_of(re.search(r"<li>Mogelijke orkestrators:.*?</li>", onepage, re.S).group(0))
    names = {a["id"]: a["name"] for a in ring[0]}
    listed = [i for i in ranks if f"1. {names[i]}" in line]
    assert len(listed) == 3
    assert "Even hoog als nr. 1, maar op id-volgorde hier niet genoemd:" in line
    assert all(names[i] in line for i in ranks), line


def _text_of(fragment: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment)))


@pytest.mark.parametrize("shape", ["star_beside_isolate", "two_parts", "star_beside_four_isolates"])
def test_bridging_reason_counts_the_shortest_connections_there_are(tmp_path, shape):
    """'ligt op X% van de kortste verbindingen tussen andere actoren' counts the pairs of other actors that have a
    path: the hub of a star beside an actor without ties lies on all of them (100%, not 50%). networkx is the
    oracle: the mean over connected pairs of other actors of the share of their shortest paths through the
    actor (all weights equal, so shortest paths are fewest steps)."""
    if shape == "star_beside_isolate":
        region = (_actors([("gem", "Gemeente", "overheid"), ("vno", "VNO", "werkgevers"), ("fnv", "FNV", "werkenden"),
                           ("roc", "ROC", "onderwijs"), ("los", "Los", "overig")]),
                  _relations([("gem", "vno", "samenwerking"), ("gem", "fnv", "samenwerking"),
                              ("gem", "roc", "samenwerking")]))
    elif shape == "star_beside_four_isolates":
        # undoing the normalisation in floats left this hub at 0.9999999999999999: '>99%' where it is on all
        leaves = [(f"l{k}", f"Partner {k}", group) for k, group in
                  enumerate(["werkgevers", "werkenden", "onderwijs", "intermediairs", "overig", "werkgevers"])]
        loose = [(f"x{k}", f"Los {k}", "overig") for k in range(4)]
        region = (_actors([("gem", "Gemeente", "overheid")] + leaves + loose),
                  _relations([("gem", i, "samenwerking") for i, _, _ in leaves]))
    else:
        region = (_actors([("a0", "Gemeente A", "overheid"), ("a1", "Werkgever A", "werkgevers"),
                           ("a2", "School A", "onderwijs"), ("b0", "Gemeente B", "overheid"),
                           ("b1", "Werkgever B", "werkgevers"), ("b2", "School B", "onderwijs"),
                           ("b3", "Bond B", "werkenden")]),
                  _relations([("a0", "a1", "samenwerking"), ("a0", "a2", "samenwerking"), ("b0", "b1", "samenwerking"),
                              ("b1", "b2", "samenwerking"), ("b2", "b3", "samenwerking")]))
    _, summary, _ = _run(tmp_path, shape, region)
    g = _graph(region)
    checked = 0
    for o in summary["orchestrators"]:
        bridging = [r for r in o["reasons"] if r["code"] == "bridging"]
        v = o["id"]
        pairs = [(s, t) for s, t in nx.non_edges(g) if v not in (s, t) and nx.has_path(g, s, t)]
        pairs += [(s, t) for s, t in g.edges if v not in (s, t)]
        through = sum(sum(1 for p in nx.all_shortest_paths(g, s, t) if v in p[1:-1])
                      / len(list(nx.all_shortest_paths(g, s, t))) for s, t in pairs)
        if not through:
            assert not bridging
            continue
        checked += 1
        assert bridging[0]["values"]["share"] == pytest.approx(through / len(pairs), abs=1e-6)
        percent = round(100 * through / len(pairs))
        assert f"ligt op {percent}% van de kortste verbindingen tussen andere actoren" in bridging[0]["text"]
    assert checked
