"""Issue 12 point 1: each arbeidsmarktregio analysed alone, --region, and compare of 3+ folders side by side.

All through the real CLI. The oracle for "exactly as analyse would analyse that network alone"
is ``ecosystem analyse`` run on a folder that holds only that region's rows; relation counts
are counted straight from the CSV rows.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from conftest import read_csv_rows, run_cli, write_region
from test_whatif import ACTORS, RELATIONS

# 20 resamples: from 17 on, a core probability of 1 has a 95% interval wholly above the 0.8 threshold,
# so an actor can be stable in the core (with 12 none could, and the stability checks would prove nothing).
SETTINGS = ("--bootstrap", "20", "--null-samples", "12", "--seed", "3")

# One region with a core, governance relations and two branches (test_whatif's network).


# With it, no single missing relation splits a region into sizeable parts: a resample in parts has no core
# (as the full analysis would say of it), and test_whatif's network alone (gem - vno the one tie to a
# branch of three) gives no actor a core probability high enough to be stable in 20 resamples.
SECOND_TIE = {"source": "mkb", "target": "gem", "type": "samenwerking", "weight": "1"}


def copy_rows(prefix: str, region: str) -> tuple[list[dict], list[dict]]:
    """The region (with :data:`SECOND_TIE`) with every id and name prefixed, its actors in arbeidsmarktregio
    ``region``."""
    actors = [{**a, "id": prefix + a["id"], "name": f"{prefix}{a['name']}", "region": region} for a in ACTORS]
    relations = [{**r, "source": prefix + r["source"], "target": prefix + r["target"]}
                 for r in RELATIONS + [SECOND_TIE]]
    return actors, relations


def summary_of(out: Path, folder: str) -> dict:
    return json.loads((out / folder / "summary.json").read_text(encoding="utf-8"))


def analyse(path: Path, out: Path, *extra: str):
    result = run_cli("analyse", path, "--out", out, *SETTINGS, *extra)
    assert result.exit_code == 0, result.output
    return result


def alone_view(summary: dict) -> dict:
    """What by_region must hold for a region, read from that region's own analyse run (top-level fields)."""
    agency = next(d for d in summary["diagnosis"] if d["key"] == "agency")
    return {"actors": summary["actors"], "relations": summary["relations"], "core": summary["core"],
            "verdict": summary["core_periphery"]["verdict"],
            "orchestrators": [{"id": o["id"], "score": o["score"]} for o in summary["orchestrators"]],
            "groups": summary["groups"], "peripheral_key_groups": summary["peripheral_key_groups"],
            "key_groups_without_seat": agency["details"]["without_seat"],
            "diagnosis": [(d["key"], d["status"]) for d in summary["diagnosis"]]}


def alone_stability(summary: dict) -> dict:
    """What by_region's ``stability`` must hold, read from the region's own run's "how sure" facts."""
    st = summary["stability"]
    stable = [i for i in summary["core"] if st["core_verdict"][i] == "core"]
    return {"stable_in_core": len(stable), "core_stable": st["core_stable"],
            "core_in_doubt": [i for i in summary["core"] if i not in stable],
            "top_orchestrator": {k: st["top_orchestrator"][k] for k in ("id", "first_share", "stable", "first_shared")}}


def entry_view(entry: dict) -> dict:
    view = {k: entry[k] for k in ("actors", "relations", "core", "verdict", "groups", "peripheral_key_groups",
                                  "key_groups_without_seat")}
    return {**view, "orchestrators": [{"id": o["id"], "score": o["score"]} for o in entry["orchestrators"]],
            "diagnosis": [(d["key"], d["status"]) for d in entry["diagnosis"]]}


@pytest.fixture(scope="module")
def joined(tmp_path_factory):
    """Two copies of one region (Twente, Achterhoek) joined by three weak ties, and each copy alone."""
    root = tmp_path_factory.mktemp("joined")
    a_actors, a_relations = copy_rows("a_", "Twente")
    b_actors, b_relations = copy_rows("b_", "Achterhoek")
    weak = [{"source": "a_mkb", "target": "b_mkb", "type": "samenwerking", "weight": "0,2"},
            {"source": "a_oo", "target": "b_roc", "type": "advies", "weight": "0,2"},
            {"source": "a_prov", "target": "b_prov", "type": "samenwerking", "weight": "0,2"}]
    both = write_region(root / "oost", a_actors + b_actors, a_relations + b_relations + weak)
    write_region(root / "twente", a_actors, a_relations)
    write_region(root / "achterhoek", b_actors, b_relations)
    out = root / "out"
    analyse(both, out)
    analyse(root / "twente", out)
    analyse(root / "achterhoek", out)
    return root, out


def test_per_region_results_equal_each_copy_analysed_alone(joined):
    root, out = joined
    combined = summary_of(out, "oost")
    assert sorted(combined["by_region"]) == ["Achterhoek", "Twente"]
    for name, folder in (("Twente", "twente"), ("Achterhoek", "achterhoek")):
        alone = summary_of(out, folder)
        assert entry_view(combined["by_region"][name]) == alone_view(alone)
        assert combined["by_region"][name]["bootstrap"] == alone["stability"]["samples"] == 20
        assert combined["by_region"][name]["stability"] == alone_stability(alone)
        assert combined["by_region"][name]["stability"]["stable_in_core"] > 0       # the check can fail
        # Density is an analysis result (issue 9), checked against networkx on the folder's own files.
        graph = nx.Graph()
        graph.add_nodes_from(a["id"] for a in read_csv_rows(root / folder / "actors.csv"))
        graph.add_edges_from((r["source"], r["target"]) for r in read_csv_rows(root / folder / "relations.csv")
                             if r["source"] != r["target"])
        assert combined["by_region"][name]["density"] == alone["density"] == pytest.approx(nx.density(graph), abs=1e-6)
    # The joined network is not the sum of its regions: the weak ties are in neither.
    assert combined["relations"] == sum(combined["by_region"][n]["relations"] for n in combined["by_region"]) + 3
    assert combined["by_region_budget"] == {"bootstrap": True, "max_actors": 2000}


def test_actor_in_two_regions_counts_in_each(tmp_path):
    actors = [{**a, "region": "Twente|Achterhoek" if a["id"] in ("gem", "vno") else
               ("Twente" if i % 2 else "Achterhoek")} for i, a in enumerate(ACTORS)]
    region = write_region(tmp_path / "r", actors, RELATIONS)
    analyse(region, tmp_path / "out", "--bootstrap", "0")
    by_region = summary_of(tmp_path / "out", "r")["by_region"]
    rows_a, rows_r = read_csv_rows(region / "actors.csv"), read_csv_rows(region / "relations.csv")
    for name in ("Twente", "Achterhoek"):
        members = {a["id"] for a in rows_a if name in a["region"].split("|")}
        assert by_region[name]["actors"] == len(members)
        assert by_region[name]["relations"] == sum(r["source"] in members and r["target"] in members for r in rows_r)


def test_region_option_writes_own_folder_and_equals_copy_alone(joined):
    root, out = joined
    result = analyse(root / "oost", out, "--region", "twente")      # case-insensitive match
    assert str(out / "oost-twente") in result.output
    one = summary_of(out, "oost-twente")
    alone = summary_of(out, "twente")
    assert alone_view(one) == alone_view(alone)
    assert one["stability"]["core_probability"] == alone["stability"]["core_probability"]
    assert "by_region" not in one


def test_unknown_region_is_one_line_with_suggestion(joined, tmp_path):
    root, _ = joined
    result = run_cli("analyse", root / "oost", "--out", tmp_path / "o", "--region", "Twent")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "fout: --region: onbekende arbeidsmarktregio 'Twent'. Bedoelt u 'Twente'? "
        "In de gegevens: Achterhoek, Twente."]
    assert not (tmp_path / "o").exists()


def test_region_whose_actors_have_no_relations_among_them_says_so(tmp_path):
    """The folder has relations; the region's actors have none with each other: the message is about the region."""
    actors = [{**a, "region": "Eiland" if a["id"] in ("mkb", "oo", "prov") else "Twente"} for a in ACTORS]
    assert not any({r["source"], r["target"]} <= {"mkb", "oo", "prov"} for r in RELATIONS)
    region = write_region(tmp_path / "r", actors, RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "o", "--region", "Eiland")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "fout: --region: de 3 actoren van arbeidsmarktregio 'Eiland' hebben geen relaties met elkaar, dus er is "
        "geen netwerk om te analyseren (relaties met actoren buiten de regio tellen hier niet). Analyseer de hele "
        "map zonder --region, of vul de relaties tussen deze actoren in."]
    actors = [{**a, "region": "Eiland" if a["id"] == "prov" else "Twente"} for a in ACTORS]
    region = write_region(tmp_path / "r1", actors, RELATIONS)
    result = run_cli("analyse", region, "--out", tmp_path / "o", "--region", "Eiland", "--lang", "en")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "error: --region: labour-market region 'Eiland' has only 1 actor, and so no relations within the region: "
        "there is no network to analyse. Analyse the whole folder without --region, or give more actors this "
        "region."]
    assert not (tmp_path / "o").exists()


def test_report_has_side_by_side_table_and_map_a_region_filter(joined):
    _, out = joined
    combined = summary_of(out, "oost")
    report = (out / "oost" / "report.html").read_text(encoding="utf-8")
    table = report[report.index('<section id="by-region">'):]
    table = table[:table.index("</section>")]
    headers = re.findall(r'<th scope="col">([^<]*)</th>', table)
    assert headers == ["Maat", "Achterhoek", "Twente"]
    core_row = re.search(r'<th scope="row">Organisaties in de kern</th>((?:<td>[^<]*</td>)+)', table).group(1)
    assert re.findall(r"<td>([^<]*)</td>", core_row) == [str(len(combined["by_region"][n]["core"]))
                                                         for n in ("Achterhoek", "Twente")]
    top = re.search(r'<th scope="row">Beste orkestratorkandidaat</th>((?:<td>[^<]*</td>)+)', table).group(1)
    names = {a["id"]: a["name"] for a in read_csv_rows(out.parent / "oost" / "actors.csv")}
    assert re.findall(r"<td>([^<]*)</td>", top) == [
        names[combined["by_region"][n]["orchestrators"][0]["id"]] for n in ("Achterhoek", "Twente")]
    stable = re.search(r'<th scope="row">Kernorganisaties stabiel in de kern</th>((?:<td>[^<]*</td>)+)', table).group(1)
    assert re.findall(r"<td>([^<]*)</td>", stable) == [
        f'{combined["by_region"][n]["stability"]["stable_in_core"]} van {len(combined["by_region"][n]["core"])}'
        for n in ("Achterhoek", "Twente")]
    first = re.search(r'<th scope="row">Beste kandidaat als enige bovenaan bij herhalingen</th>((?:<td>[^<]*</td>)+)', table)
    shares = [combined["by_region"][n]["stability"]["top_orchestrator"] for n in ("Achterhoek", "Twente")]
    assert re.findall(r"<td>([^<]*)</td>", first.group(1)) == [
        f'{round(t["first_share"] * 100)}% ({"meer dan de helft" if t["stable"] else "niet meer dan de helft"})'
        for t in shares]
    page = (out / "oost" / "map.html").read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S).group(1))
    assert data["payload"]["regions"] == ["Achterhoek", "Twente"]
    assert {n["id"]: n["regions"] for n in data["payload"]["nodes"]} == {
        a["id"]: [a["region"]] for a in read_csv_rows(out.parent / "oost" / "actors.csv")}
    assert 'id="region-select"' in page


def test_compare_three_folders_side_by_side(joined):
    root, out = joined
    result = run_cli("compare", root / "twente", root / "achterhoek", root / "oost", "--out", out, *SETTINGS)
    assert result.exit_code == 0, result.output
    folder = out / "twente-achterhoek-oost"
    assert sorted(p.name for p in folder.iterdir()) == ["compare.html", "compare.json"]
    data = json.loads((folder / "compare.json").read_text(encoding="utf-8"))
    assert data["order"] == ["twente", "achterhoek", "oost"]
    for label in data["order"]:
        assert entry_view(data["regions"][label]) == alone_view(summary_of(out, label))
    html = (folder / "compare.html").read_text(encoding="utf-8")
    assert re.findall(r'<th scope="col">([^<]*)</th>', html) == ["Maat", "twente", "achterhoek", "oost"]
    # the same small multiples of the target view as the report's per-region section, in the folders' order
    figures = re.findall(r'<figure class="region-target">(.*?)</figure>', html, re.S)
    assert len(figures) == 3
    for label, fig in zip(data["order"], figures):
        alt = re.search(r'<svg class="target-mini"[^>]*role="img" aria-label="([^"]+)"', fig).group(1)
        assert label in alt
        assert re.search(r"<figcaption>([^<]*)</figcaption>", fig).group(1).startswith(label + ":")
        svg = re.search(r'<svg class="target-mini"[^>]*>.*?</svg>', fig, re.S).group(0)
        assert len(re.findall(r'<circle class="actor[^"]*" cx=', svg)) == data["regions"][label]["actors"]
    # two folders keep the change view
    result = run_cli("compare", root / "twente", root / "achterhoek", "--out", out, "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    assert (out / "twente-achterhoek" / "change.json").exists()


def test_compare_three_folders_refuses_years_and_duplicates(joined, tmp_path):
    root, _ = joined
    result = run_cli("compare", root / "twente", root / "achterhoek", root / "twente", "--out", tmp_path)
    assert result.exit_code == 2 and "meer dan eens" in result.output
    result = run_cli("compare", root / "twente", root / "achterhoek", root / "oost", "--from", "2020", "--to",
                     "2021", "--out", tmp_path, "--lang", "en")
    assert result.exit_code == 2 and "--from and --to go with one region folder, not with 3 folders" in result.output


def test_region_covering_every_actor_reuses_the_whole_analysis(tmp_path):
    """A one-region folder: its region's entry is the whole analysis, computed once (issue 10).

    The oracle is the same data analysed without the shortcut (``whole=None``), region by region.
    """
    from ecosystem.analysis.by_region import analyse_by_region
    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region

    actors = [{**a, "region": "Twente"} for a in ACTORS]
    folder = write_region(tmp_path / "twente", actors, RELATIONS)
    analyse(folder, tmp_path / "out")
    summary = summary_of(tmp_path / "out", "twente")
    assert entry_view(summary["by_region"]["Twente"]) == alone_view(summary)
    assert summary["by_region"]["Twente"]["bootstrap"] == summary["stability"]["samples"] == 20
    assert summary["by_region"]["Twente"]["stability"] == alone_stability(summary)

    region = load_region(folder)
    whole = analyse_region(region, seed=3, bootstrap_samples=12, null_samples=12, workers=1)
    reused = analyse_by_region(region, seed=3, bootstrap_samples=12, null_samples=12, whole=whole)
    fresh = analyse_by_region(region, seed=3, bootstrap_samples=12, null_samples=12)
    assert reused.analyses["Twente"].stability is whole.stability          # not computed again
    a, b = reused.analyses["Twente"], fresh.analyses["Twente"]
    assert a.region == b.region
    assert a.core.core.tolist() == b.core.core.tolist() and a.core_test == b.core_test
    assert a.orchestrators.rank.tolist() == b.orchestrators.rank.tolist()
    assert a.stability.core_count.tolist() == b.stability.core_count.tolist()
    assert a.stability.rank_low.tolist() == b.stability.rank_low.tolist()
    # A region analysed on its own draws only the relation resamples (no output reads its actor resamples).
    assert (a.stability.actor_samples, b.stability.actor_samples) == (12, 0)


def test_region_covering_every_actor_above_the_budget_reuses_the_whole_analysis_without_bootstrap(tmp_path):
    """Above the per-region bootstrap budget a one-region data set's entry is the whole analysis
    without its stability, not a second full analysis (issue 10); oracle: the fresh analysis."""
    from ecosystem.analysis.by_region import analyse_by_region
    from ecosystem.analysis.pipeline import analyse_region
    from ecosystem.io.region import load_region

    actors = [{**a, "region": "Twente"} for a in ACTORS]
    region = load_region(write_region(tmp_path / "twente", actors, RELATIONS))
    budget = len(region.actors) - 1          # this data set is above it
    whole = analyse_region(region, seed=3, bootstrap_samples=12, null_samples=12, workers=1)
    reused = analyse_by_region(region, seed=3, bootstrap_samples=12, null_samples=12, max_actors=budget,
                               whole=whole)
    fresh = analyse_by_region(region, seed=3, bootstrap_samples=12, null_samples=12, max_actors=budget)
    a, b = reused.analyses["Twente"], fresh.analyses["Twente"]
    assert not reused.bootstrap and a.stability is None and b.stability is None
    assert reused.entries["Twente"].stability is None and reused.entries["Twente"].bootstrap == 0
    assert a.centralities is whole.centralities and a.core_test is whole.core_test   # not computed again
    assert a.region == b.region and a.core_test == b.core_test and a.candidates == b.candidates
    assert a.core.core.tolist() == b.core.core.tolist()
    assert a.orchestrators.rank.tolist() == b.orchestrators.rank.tolist()
    assert a.coreness.coreness.tolist() == b.coreness.coreness.tolist()
    assert a.centralities.betweenness.tolist() == b.centralities.betweenness.tolist()
    assert [ind.key for ind in a.indicators] == [ind.key for ind in b.indicators]


def test_region_slides_say_how_sure_in_the_whole_networks_wording(joined):
    """Each region's slide carries its "how sure" lines, worded as the terminal words the whole network's
    (terminal.region_stability_lines), with the numbers of by_region's stability."""
    from pptx import Presentation

    from ecosystem.locale import Locale

    _, out = joined
    combined = summary_of(out, "oost")
    names = {a["id"]: a["name"] for a in read_csv_rows(out.parent / "oost" / "actors.csv")}
    loc = Locale("nl")
    texts = ["\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)
             for slide in Presentation(str(out / "oost" / "slides.pptx")).slides]
    for name in ("Achterhoek", "Twente"):
        entry = combined["by_region"][name]
        st = entry["stability"]
        slide = next(t for t in texts if t.startswith(f"Arbeidsmarktregio {name}"))
        doubt = ", ".join(names[i] for i in st["core_in_doubt"]) or loc.t("none")
        assert loc.t("stability_core", stable=st["stable_in_core"], n=len(entry["core"]), uncertain=doubt).strip() in slide
        top = st["top_orchestrator"]
        assert loc.t("stability_top", name=names[top["id"]], share=loc.share(top["first_share"]),
                     verdict=loc.top_verdict(top["stable"])).strip() in slide


def test_side_by_side_gives_the_first_candidates_share_or_none():
    """The row under "top candidate" gives that candidate's share of resamples in which it ranks first alone;
    a region where nobody scores above 0 has no candidate and says 'geen' (it named an actor without ties,
    first by id among the zeros, before the how-sure facts were read for the first candidate)."""
    from ecosystem.analysis.by_region import RegionCandidate, RegionEntry, RegionStability
    from ecosystem.analysis.network import TieCount
    from ecosystem.locale import Locale
    from ecosystem.render.side_by_side import side_by_side_table

    def entry(candidates, stability) -> RegionEntry:
        return RegionEntry(3, TieCount(2, 2, 0), 0.67, ("a", "b"), "no_structure", candidates,
                           (), (), (), (), 20, stability)
    loc = Locale("nl")
    headers, rows = side_by_side_table({
        "Een": entry((RegionCandidate("a", "A", 0.9),), RegionStability(1, ("b",), "a", "A", 0.55, True)),
        "Twee": entry((), RegionStability(1, ("b",), None, None, None, None))}, loc)
    row = next(r for r in rows if r[0] == loc.section("region")["top_first"])
    assert row[1:] == (f"{loc.share(0.55)} (meer dan de helft)", loc.t("none"))
    core = next(r for r in rows if r[0] == loc.section("region")["core_stable"])
    assert core[1:] == ("1 van 2", "1 van 2")


def test_region_names_written_otherwise_are_one_region(tmp_path):
    """'Twente', 'twente' and 'TWENTE' (and 'Zuidoost Brabant' for the list's 'Zuidoost-Brabant') are one
    arbeidsmarktregio: by_region holds two regions whose actor and relation counts are networkx's counts
    of the actors grouped by their name without case, spaces or punctuation; validate warns per spelling;
    --region finds the region by any spelling; reversed rows give the same regions."""
    spellings = ["Twente", "twente", "TWENTE", "Twente", "Zuidoost Brabant", "Zuidoost-Brabant", "Zuidoost Brabant"]
    actors = [{"id": f"a{i}", "name": f"Org {i}", "group": g, "region": r}
              for i, (g, r) in enumerate(zip(["overheid", "werkgevers", "onderwijs", "werkenden"] * 2, spellings))]
    pairs = [(0, 1), (1, 2), (2, 3), (0, 2), (4, 5), (5, 6), (4, 6), (3, 4)]
    relations = [{"source": f"a{s}", "target": f"a{t}", "type": "samenwerking", "weight": "1"} for s, t in pairs]
    graph = nx.Graph((f"a{s}", f"a{t}") for s, t in pairs)
    plain = lambda name: re.sub(r"[^0-9a-z]+", "", name.lower())  # noqa: E731
    expected = {}
    for key in {plain(s) for s in spellings}:
        members = [a["id"] for a in actors if plain(a["region"]) == key]
        expected[key] = (len(members), graph.subgraph(members).number_of_edges())
    for order, rows in (("as-written", actors), ("reversed", actors[::-1])):
        region = write_region(tmp_path / order / "r", rows, relations[::-1] if order == "reversed" else relations)
        checked = run_cli("validate", region)
        assert checked.exit_code == 0, checked.output
        for variant, kept in (("twente", "Twente"), ("TWENTE", "Twente"), ("Zuidoost Brabant", "Zuidoost-Brabant")):
            assert f"'{variant}' is '{kept}' anders geschreven" in checked.output
        assert "'Twente' is" not in checked.output and "'Zuidoost-Brabant' is" not in checked.output
        out = tmp_path / order / "out"
        analyse(region, out)
        by_region = summary_of(out, "r")["by_region"]
        assert sorted(by_region) == ["Twente", "Zuidoost-Brabant"]
        assert {plain(n): (e["actors"], e["relations"]) for n, e in by_region.items()} == expected
        one = run_cli("analyse", region, "--out", tmp_path / order / "one", "--region", "TWENTE", *SETTINGS)
        assert one.exit_code == 0, one.output
        assert summary_of(tmp_path / order / "one", "r-twente")["actors"] == expected["twente"][0]


def test_region_figures_name_every_actor_sharing_the_first_place(tmp_path, monkeypatch):
    """A region whose four actors sit on a cycle, one of each key group, gives all four the same orchestrator
    score (the cycle's automorphisms map any actor to any other, groups aside, and each has two neighbours of
    two other groups): its figures say all four share the first place, so the report's region figure and the
    slides' region picture name all four (not the first three by id), as their text alternatives say."""
    from ecosystem import api
    from ecosystem.locale import Locale
    from ecosystem.render import static_png

    cycle = [{"id": f"d{i}", "name": f"Drents {g}", "group": g, "region": "Drenthe"}
             for i, g in enumerate(["overheid", "werkgevers", "onderwijs", "werkenden"])]
    star = [{"id": f"t{i}", "name": f"Twents {i}", "group": g, "region": "Twente"}
            for i, g in enumerate(["overheid", "werkgevers", "onderwijs", "werkenden", "werkgevers"])]
    relations = [{"source": f"d{i}", "target": f"d{(i + 1) % 4}", "type": "samenwerking", "weight": "1"}
                 for i in range(4)]
    relations += [{"source": "t0", "target": f"t{i}", "type": "samenwerking", "weight": "1"} for i in range(1, 5)]
    relations += [{"source": "d0", "target": "t0", "type": "samenwerking", "weight": "1"}]
    region = write_region(tmp_path / "r", cycle + star, relations)
    out = tmp_path / "out"
    analyse(region, out)
    entry = summary_of(out, "r")["by_region"]["Drenthe"]
    assert sorted(entry["first_shared"]) == ["d0", "d1", "d2", "d3"]          # the premise, from the analysis
    html = (out / "r" / "report.html").read_text(encoding="utf-8")
    figure = next(f for f in re.findall(r'<figure class="region-target">(.*?)</figure>', html, re.S) if "Drenthe" in f)
    svg = re.search(r'<svg class="target-mini".*?</svg>', figure, re.S).group(0)
    labels = re.findall(r"<tspan[^>]*>([^<]*)</tspan>", svg)
    for actor in cycle:
        assert any(actor["name"] in label for label in labels), (actor["name"], labels)
    drawn = []
    monkeypatch.setattr(static_png, "_png", lambda fig: drawn.append(fig) or b"")
    sub = api.analyse_loaded(api.load(region), bootstrap=0, null_samples=2).extras.by_region.analyses["Drenthe"]
    static_png.region_target_png(sub, Locale("nl"))
    texts = " ".join(t.get_text() for t in drawn[-1].texts) + " ".join(t.get_text() for ax in drawn[-1].axes
                                                                      for t in ax.texts)
    for actor in cycle:
        assert actor["name"] in texts, actor["name"]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_regions_core_that_is_one_of_several_equally_good_says_so(tmp_path, lang):
    """Twente's two gemeenten hold the same governance ties to the same three partners (mirror images in the
    ties), so Twente's core of one gemeente is one of two equally good ones: the region's slide, the report's
    side-by-side table and summary.json's by_region say so, as the whole network's outputs would for the same
    network alone. networkx's automorphisms of Twente's own tie network are the oracle."""
    from networkx.algorithms.isomorphism import GraphMatcher
    from pptx import Presentation

    twente = [("g1", "Gemeente Een", "overheid"), ("g2", "Gemeente Twee", "overheid"), ("w", "Werkgevers Tw", "werkgevers"),
              ("o", "ROC Tw", "onderwijs"), ("k", "FNV Tw", "werkenden")]
    achterhoek = [("ga", "Gemeente Acht", "overheid"), ("wa", "Bedrijf A", "werkgevers"), ("oa", "Graafschap", "onderwijs"),
                  ("ka", "Vakbond A", "werkenden"), ("ia", "UWV A", "intermediairs")]
    actors = [{"id": i, "name": n, "group": g, "region": "Twente"} for i, n, g in twente]
    actors += [{"id": i, "name": n, "group": g, "region": "Achterhoek"} for i, n, g in achterhoek]
    pairs = [("g1", t, "bestuur", "2") for t in "wok"] + [("g2", t, "bestuur", "2") for t in "wok"]
    pairs += [("ga", t, "bestuur", "2") for t in ("wa", "oa", "ka", "ia")] + [("wa", "oa", "samenwerking", "1"),
                                                                                ("ia", "w", "advies", "1")]
    relations = [{"source": s, "target": t, "type": k, "weight": w} for s, t, k, w in pairs]
    folder = write_region(tmp_path / "twee", actors, relations)
    result = run_cli("analyse", folder, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "20",
                     "--lang", lang)
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "twee"
    entry = json.loads((out / "summary.json").read_text(encoding="utf-8"))["by_region"]["Twente"]
    g = nx.Graph()
    g.add_nodes_from(i for i, _, _ in twente)
    g.add_weighted_edges_from((s, t, float(w)) for s, t, _, w in pairs if s in g and t in g)
    orbit = {v: {v} for v in g}
    for mapping in GraphMatcher(g, g, edge_match=lambda x, y: x["weight"] == y["weight"]).isomorphisms_iter():
        for v, w in mapping.items():
            orbit[v].add(w)
    core = set(entry["core"])
    expected = sorted(v for v in g if v not in core and orbit[v] & core)
    assert expected and entry["core_swappable"] == expected                     # g1 or g2, the other left out
    note = {"nl": "Deze kern is één van meerdere even goede", "en": "This core is one of several equally good ones"}[lang]
    cell = {"nl": "(één van meerdere even goede kernen)", "en": "(one of several equally good cores)"}[lang]
    slides = [" ".join(p.text for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs)
              for slide in Presentation(str(out / "slides.pptx")).slides]
    twente_slide = next(t for t in slides if "Twente" in t and ("Kern (1)" in t or "Core (1)" in t))
    assert note in twente_slide
    assert not any(note in t for t in slides if "Achterhoek" in t and "Twente" not in t)
    report = " ".join((out / "report.html").read_text(encoding="utf-8").split())
    assert f"1 {cell}" in report


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_region_written_as_its_cbs_code_beside_its_name_is_one_region(tmp_path, lang):
    """Three actors write Twente's CBS code (from the shipped list) where the others write 'Twente': one
    arbeidsmarktregio of all five, with a warning naming the code, not three networks."""
    from ecosystem.intake.arbeidsmarktregios import find

    code = find("Twente").code
    assert find(code).name == "Twente"                                          # the list's code, read back
    written = ["Twente", code, "Twente", code, code]
    actors = [{"id": f"a{i}", "name": f"Org {i}", "group": g, "region": r}
              for i, (g, r) in enumerate(zip(["overheid", "werkgevers", "onderwijs", "werkenden", "intermediairs"],
                                             written))]
    actors.append({"id": "x", "name": "Org X", "group": "overheid", "region": "Achterhoek"})
    pairs = [(0, 1), (1, 2), (2, 3), (3, 4), (0, 4)]
    relations = [{"source": f"a{s}", "target": f"a{t}", "type": "samenwerking", "weight": "1"} for s, t in pairs]
    relations.append({"source": "x", "target": "a0", "type": "samenwerking", "weight": "1"})
    region = write_region(tmp_path / "r", actors, relations)
    checked = run_cli("validate", region, "--lang", lang)
    assert checked.exit_code == 0, checked.output
    said = {"nl": f"'{code}' is de CBS-code van arbeidsmarktregio 'Twente'",
            "en": f"'{code}' is the CBS code of labour-market region 'Twente'"}[lang]
    assert checked.output.count(said) == 1, checked.output
    out = tmp_path / "out"
    analyse(region, out)
    by_region = summary_of(out, "r")["by_region"]
    assert sorted(by_region) == ["Achterhoek", "Twente"] and by_region["Twente"]["actors"] == 5
    assert by_region["Twente"]["relations"] == 5
