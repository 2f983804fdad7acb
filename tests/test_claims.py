"""Every printed claim matches the code: each sentence checked against the numbers it describes.

The tool's sentences are repeated at a bestuurlijke tafel, so each is compared here with
the data it summarises (summary.json, the relations typed in), not with a stored text.
"""
from __future__ import annotations

import json
import re
from datetime import date, timedelta
from html.parser import HTMLParser

import pytest

from conftest import ROOT, run_cli, write_region
from ecosystem.locale import Locale

BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture(scope="module")
def brabant(tmp_path_factory):
    out = tmp_path_factory.mktemp("claims")
    result = run_cli("analyse", BRABANT, "--out", out, "--bootstrap", "20", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    folder = out / "brabant"
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    return result.output, summary, folder


def _names(region=BRABANT):
    from conftest import read_csv_rows
    return {row.get("id", "").strip(): (row.get("name") or row.get("naam")).strip()
            for row in read_csv_rows(region / "actors.csv")}


def test_core_stability_line_names_only_core_actors(region_copy, tmp_path):
    """'kern: 5 van 5 kernactoren stabiel; onzeker: X' named X outside the core: the line is about core actors."""
    region = region_copy("small")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "20", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    output = result.output
    summary = json.loads((tmp_path / "out" / "small" / "summary.json").read_text(encoding="utf-8"))
    names = _names(region)
    core = set(summary["core"])
    undecided = set(summary["stability"]["core_uncertain"])      # interval neither above 0.8 nor below 0.2
    undecided_outside = [i for i in names if i not in core and i in undecided]
    # Whether the small fixture has undecided actors outside the core depends on the model; the
    # renderer-level test below always constructs them. Here: the printed line matches the summary.
    core_line = next(line for line in output.splitlines() if line.startswith("  kern: "))
    for aid in undecided_outside:
        assert names[aid] not in core_line, (aid, core_line)
    doubt_in_core = [i for i in core if i in undecided]
    stated = re.match(r"  kern: (\d+) van (\d+) kernactoren", core_line)
    assert (int(stated[1]), int(stated[2])) == (len(core) - len(doubt_in_core), len(core))
    if undecided_outside:
        borderline = next(line for line in output.splitlines() if line.startswith("  buiten de kern"))
        assert all(names[i] in borderline for i in undecided_outside[:6])


def test_core_stability_line_keeps_outside_actors_apart(region_copy, tmp_path):
    """The same claim at the renderer, for any summary: an undecided actor outside the core is never
    counted or named on the line about core actors (independent of how a bootstrap happens to fall)."""
    from ecosystem.render.terminal import terminal_summary

    region = region_copy("small")
    assert run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "5",
                   "--null-samples", "10").exit_code == 0
    summary = json.loads((tmp_path / "out" / "small" / "summary.json").read_text(encoding="utf-8"))
    names = _names(region)
    outside = sorted(i for i in names if i not in summary["core"])[:2]
    inside = sorted(summary["core"])[:1]
    from dataclasses import replace

    import numpy as np

    from ecosystem import api
    analysis = api.analyse_loaded(api.load(region), bootstrap=5, null_samples=10, per_region=False)
    # Resampling counts that decide every actor (in the core in all samples or in none) except
    # the chosen ones, who are in the core in half: exactly those are undecided.
    samples = 1000
    ids = analysis.network.ids
    count = np.where(analysis.core.core, samples, 0)
    for i in outside + inside:
        count[ids.index(i)] = samples // 2
    analysis = replace(analysis, stability=replace(analysis.stability, samples=samples, core_count=count))
    assert sorted(ids[v] for v in analysis.stability.uncertain()) == sorted(outside + inside)
    lines = terminal_summary(analysis, names, Locale("nl")).splitlines()
    core_line = next(line for line in lines if line.startswith("  kern: "))
    assert core_line.startswith(f"  kern: {len(summary['core']) - 1} van {len(summary['core'])} kernactoren")
    assert names[inside[0]] in core_line and not any(names[i] in core_line for i in outside)
    assert all(names[i] in " ".join(lines) for i in outside)


class _LayerTable(HTMLParser):
    """Header cells and rows of the report's per-layer table."""

    def __init__(self):
        super().__init__()
        self.inside, self.cell, self.headers, self.rows = False, None, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("class", "layers") in attrs:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("th", "td") and self.cell is not None:
            (self.headers if tag == "th" else self.rows[-1]).append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_layer_table_says_its_core_is_the_layers_own(brabant):
    """The per-layer column headed 'In de kern' listed actors outside the core: it is each layer's own core."""
    _, summary, folder = brabant
    table = _LayerTable()
    table.feed((folder / "report.html").read_text(encoding="utf-8"))
    names = _names()
    core_names = {names[i] for i in summary["core"]}
    listed = {n.strip() for row in table.rows if len(row) == 5 for n in row[4].split(",")}
    assert listed - core_names, "precondition: some layer core holds actors outside the overall core"
    size_header, members_header = table.headers[3], table.headers[4]
    assert size_header != "In de kern" and "eigen kern" in size_header.lower()
    assert "deze soort relatie" in members_header


def _zero_region(folder):
    """Three organisations funding each other round a circle: nothing answered, nobody on one tie,
    and by symmetry every orchestrator score equal."""
    actors = [{"id": "a", "name": "Gemeente A", "group": "overheid"},
              {"id": "b", "name": "ROC B", "group": "onderwijs"},
              {"id": "c", "name": "Bedrijf C", "group": "werkgevers"}]
    relations = [{"source": "a", "target": "b", "type": "financiering"},
                 {"source": "b", "target": "c", "type": "financiering"},
                 {"source": "c", "target": "a", "type": "financiering"}]
    return write_region(folder, actors, relations)


@pytest.mark.parametrize("lang, forbidden, expected", [
    ("nl", ("Slechts 0%", "0% van de actoren", "(0% verschil)"),
     ("Geen enkele gerichte relatie", "Geen enkele actor hangt", "scoren precies gelijk")),
    ("en", ("Only 0%", "0% of actors", "(0% apart)"),
     ("No directed relation", "No actor hangs", "score exactly the same")),
])
def test_zero_is_said_as_none_not_as_zero_percent(tmp_path, lang, forbidden, expected):
    region = _zero_region(tmp_path / "nul")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--lang", lang, "--bootstrap", "0",
                     "--null-samples", "10")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "nul" / "summary.json").read_text(encoding="utf-8"))
    values = {d["key"]: d["value"] for d in summary["diagnosis"]}
    assert values["reciprocity"] == 0 and values["openness"] == 0 and values["orchestrator"] == 0
    sentences = " ".join(d["text"]["sentence"] for d in summary["diagnosis"])
    for text in forbidden:
        assert text not in sentences and text not in result.output
    for text in expected:
        assert text in sentences and text in result.output


def test_steering_lines_say_which_relation_types_count(tmp_path):
    """One line per philosophy naming the relation types that count toward it; checked against
    what the mix counted on a region with one relation of each type."""
    types = {"bestuur": "governance", "financiering": "funding", "levering": "delivery",
             "vertegenwoordiging": "representation", "toeleiding": "referral",
             "samenwerking": "collaboration", "advies": "advice"}
    actors = [{"id": f"x{i}", "name": f"X{i}", "group": g}
              for i, g in enumerate(("overheid", "onderwijs", "werkgevers", "werkenden"))]
    relations = [{"source": f"x{i % 4}", "target": f"x{(i + 1) % 4}", "type": t}
                 for i, t in enumerate(types)]
    region = write_region(tmp_path / "soorten", actors, relations)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "soorten" / "summary.json").read_text(encoding="utf-8"))
    counted = summary["steering"]["relations"]
    labels = {"traditional": "traditioneel bestuur", "npm": "New Public Management (markt)",
              "network": "netwerksturing", "resilience": "maatschappelijke veerkracht"}
    lines = result.output.splitlines()
    for key, label in labels.items():
        line = next(x for x in lines if x.startswith(f"  {label}: "))
        named = [dutch for dutch in types if re.search(rf"\b{dutch} \(", line)]
        # One relation of each type: a philosophy counted n relations iff its line names n types.
        assert len(named) == counted[key], (key, line)
        assert sorted(types[d] for d in named) == sorted(summary["steering"]["default_types"][key])
    assert "maatschappelijke veerkracht: geen soort relatie telt standaard mee" in result.output
    report = (tmp_path / "out" / "soorten" / "report.html").read_text(encoding="utf-8")
    assert "Welke relaties tellen mee, en waarom" in report and "bestuur (een gedeelde bestuurstafel" in report


def test_map_carries_no_date(tmp_path):
    """The same data and seed give the same map.html on any day: no build date in it."""
    region = _zero_region(tmp_path / "kaart")
    assert run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0",
                   "--null-samples", "10").exit_code == 0
    html = (tmp_path / "out" / "kaart" / "map.html").read_text(encoding="utf-8")
    for day in (date.today(), date.today() - timedelta(days=1)):   # a run just past midnight
        assert day.strftime("%d-%m-%Y") not in html and day.isoformat() not in html
    assert "Gemaakt" not in html


def test_readme_promises_order_independence():
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert "whatever the order of rows and columns" in readme


def _outside_core_region(folder):
    """A dense clique of intermediairs (the core) and, outside it, a gemeente that convenes and funds
    one actor of every other key group: a clear orchestrator lead from outside the core."""
    clique = [f"i{k}" for k in range(6)]
    actors = [{"id": i, "name": f"Intermediair {i}", "group": "intermediairs"} for i in clique]
    actors += [{"id": "gem", "name": "Gemeente G", "group": "overheid"},
               {"id": "w", "name": "Werkgever W", "group": "werkgevers"},
               {"id": "v", "name": "Vakbond V", "group": "werkenden"},
               {"id": "s", "name": "School S", "group": "onderwijs"}]
    relations = [{"source": a, "target": b, "type": "samenwerking", "weight": 3}
                 for k, a in enumerate(clique) for b in clique[k + 1:]]
    relations += [{"source": "gem", "target": x, "type": "bestuur"} for x in ("w", "v", "s")]
    relations += [{"source": "gem", "target": x, "type": "financiering"} for x in ("w", "v", "s", "i0")]
    return write_region(folder, actors, relations)


@pytest.mark.parametrize("make, expected", [(_outside_core_region, "lead_outside_core"),
                                            (_zero_region, "close_lead")])
def test_orchestrator_verdict_is_decided_in_analysis_and_stored(tmp_path, make, expected):
    """summary.json's diagnosis carries the orchestrator verdict (issue 9: verdicts in the results),
    and it agrees with the rule recomputed from the file's own scores and core; the sentence says it."""
    region = make(tmp_path / "r")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "r" / "summary.json").read_text(encoding="utf-8"))
    item = next(d for d in summary["diagnosis"] if d["key"] == "orchestrator")
    first, second = summary["orchestrators"][:2]
    margin = (first["score"] - second["score"]) / first["score"]
    rule = ("close_lead" if margin < item["threshold"]
            else "lead_without_core" if not summary["core"]
            else "clear_lead" if first["id"] in summary["core"] else "lead_outside_core")
    assert item["verdict"] == rule == expected
    assert item["status"] == ("ok" if rule == "clear_lead" else "attention")
    assert ("zit niet in de kern" in item["text"]["sentence"]) == (rule == "lead_outside_core")
    # Every other indicator's verdict is its status (one status, one case), or its own case: reciprocity
    # without directed relations, heterogeneity spread enough with a key group absent, agency without a core.
    for d in summary["diagnosis"]:
        if d["key"] == "reciprocity" and d["details"]["arcs"] == 0:
            assert d["verdict"] == "no_directed_relations"
        elif d["key"] == "heterogeneity" and d["details"]["key_missing"] and d["value"] >= d["threshold"]:
            assert d["verdict"] == "key_group_missing"
        elif d["key"] == "agency" and not summary["core"]:
            assert d["verdict"] == "no_core"
        elif d["key"] == "silos" and d["value"] >= d["threshold"] and d["details"]["within_group_share"] <= 0.5:
            assert d["verdict"] == "mixed_ties" and d["status"] == "ok"
        elif d["key"] != "orchestrator":
            assert d["verdict"] == d["status"]


def test_no_directed_relation_is_its_own_reciprocity_verdict(tmp_path):
    """Only undirected relations (collaboration): nothing to reciprocate, said as such, decided in analysis."""
    actors = [{"id": "a", "name": "Gemeente A", "group": "overheid"},
              {"id": "b", "name": "ROC B", "group": "onderwijs"},
              {"id": "c", "name": "Bedrijf C", "group": "werkgevers"}]
    relations = [{"source": "a", "target": "b", "type": "samenwerking"},
                 {"source": "b", "target": "c", "type": "samenwerking"}]
    region = write_region(tmp_path / "r", actors, relations)
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0", "--null-samples", "10")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "r" / "summary.json").read_text(encoding="utf-8"))
    item = next(d for d in summary["diagnosis"] if d["key"] == "reciprocity")
    assert item["details"]["arcs"] == 0 and item["verdict"] == "no_directed_relations"
    from ecosystem.i18n import t
    assert item["text"]["sentence"] == t("diag_reciprocity_no_arcs", "nl")
