"""Regression pins of the illustrative Brabant example (regions/brabant), not validation.

regions/brabant is an illustrative reconstruction built by hand from the published
findings of Thunnissen's exploratory study (2021), not survey or interview data. The
tests named ``test_regression_pin_*`` pin that the tool, run on that reconstruction,
keeps telling the study's story:

'Er lijkt dus een breed centrum te zijn waarin vooral de gemeenten en de publieke
intermediairs actief zijn ... het onderwijs, de sector- en O&O-fondsen, (de
vertegenwoordiging van) het mkb, en de werkenden, c.q. vakbonden ... in de periferie.'

Because the data were written with that story in mind, agreement shows only that a
change to the code has not moved the example's result; it does not show the method is
right. The methods are checked against independent implementations (networkx, brute
force) and planted networks in the other test modules.
"""
from __future__ import annotations

import csv
import json

import pytest
from scipy.stats import binomtest

from conftest import ROOT, run_cli

BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture(scope="module")
def brabant(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = run_cli("analyse", BRABANT, "--out", out)
    assert result.exit_code == 0, result.output
    folder = out / "brabant"
    with open(folder / "actors.csv", newline="", encoding="utf-8") as fh:
        actors = {row["id"]: row for row in csv.DictReader(fh)}
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    return {"output": result.output, "actors": actors, "summary": summary, "folder": folder}


def _rows(name):
    with open(BRABANT / name, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def test_data_is_sourced_and_large_enough():
    actors, relations = _rows("actors.csv"), _rows("relations.csv")
    assert len(actors) >= 60
    assert all(a["evidence"].strip() for a in actors) and all(r["evidence"].strip() for r in relations)
    regions = {r for a in actors for r in a["region"].split("|")}
    assert {"West-Brabant", "Midden-Brabant", "Noordoost-Brabant", "Zuidoost-Brabant"} <= regions


def test_says_it_is_an_illustrative_reconstruction(brabant):
    readme = (BRABANT / "README.md").read_text(encoding="utf-8").lower()
    assert "illustrative reconstruction" in readme and "not survey data" in readme
    assert "illustratieve reconstructie" in brabant["output"]
    assert "illustratieve reconstructie" in (brabant["folder"] / "map.html").read_text(encoding="utf-8")
    assert "illustratieve reconstructie" in brabant["summary"]["note"]


def test_regression_pin_broad_centre_of_gemeenten_and_public_intermediaries(brabant):
    actors, core = brabant["actors"], brabant["summary"]["core"]
    centrumgemeenten = [i for i, a in actors.items() if a["type"] == "centrumgemeente"]
    assert len(centrumgemeenten) == 4 and all(i in core for i in centrumgemeenten)
    public = sum(actors[i]["group"] in ("government", "intermediaries") for i in core)
    assert public / len(core) >= 0.8
    top = brabant["summary"]["orchestrators"][0]["id"]
    assert actors[top]["group"] in ("government", "intermediaries")


def test_regression_pin_three_of_four_key_groups_peripheral(brabant):
    summary = brabant["summary"]
    assert summary["peripheral_key_groups"] == ["employers", "workers", "education"]
    assert summary["groups"]["education"]["share_in_core"] < 0.1
    assert not summary["groups"]["government"]["peripheral"]


def test_regression_pin_funds_and_private_providers_outside_the_core(brabant):
    for aid, row in brabant["actors"].items():
        if row["type"] in ("O&O-fonds", "private opleider", "vakbond", "provincie", "Rijk"):
            assert row["core"] == "False", aid


def test_regression_pin_significance_is_reported_at_the_tests_resolution(brabant):
    """With no random network fitting as well, p is at its floor 1/(n+1): say 'p ≤', not a false exact value."""
    cp = brabant["summary"]["core_periphery"]
    floor = 1 / (cp["null_samples"] + 1)
    assert cp["significant"] and cp["p_value"] == pytest.approx(floor, abs=1e-6)
    assert f"p ≤ {floor:.3f}".replace(".", ",") in brabant["output"]
    assert "Let op: geen duidelijke kern-periferiestructuur" not in brabant["output"]


def test_regression_pin_agency_as_in_the_reconstruction(brabant):
    """As the reconstruction was written: employers' associations sit at the tables, education is
    'beperkt betrokken op bestuurlijk niveau'."""
    agency = next(d for d in brabant["summary"]["diagnosis"] if d["key"] == "agency")
    seats = agency["details"]["seats"]
    assert agency["details"]["without_seat"] == ["education"]
    assert seats["employers"]["share_of_core_tables"] >= seats["workers"]["share_of_core_tables"]


def test_english_run_says_it_in_english(tmp_path):
    """region.toml's [en] table gives the English name, note and source with --lang en, everywhere."""
    result = run_cli("analyse", BRABANT, "--out", tmp_path, "--lang", "en", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "brabant"
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    # The texts in the reader's language sit under "text"; the top level keeps region.toml's main values.
    text = summary["text"]
    assert text["region"] == "Noord-Brabant (illustrative)"
    assert "illustrative reconstruction" in text["note"] and "not survey data" in text["source"]
    assert summary["region"] == "Noord-Brabant (illustratief)"
    assert "Note: This is an illustrative reconstruction" in result.output
    for page in ("map.html", "report.html"):
        html = (folder / page).read_text(encoding="utf-8")
        assert "illustrative reconstruction" in html and "illustratieve reconstructie" not in html


def test_actor_drop_bootstrap_is_reported(brabant):
    """Issue 3: resampling actors as well as relations, reported in summary.json, terminal and report."""
    by_actor = brabant["summary"]["stability"]["actor_drop"]
    for aid, row in brabant["actors"].items():
        value = by_actor["core_probability"][aid]
        assert (value is None and row["core_probability_actor_drop"] == "") or \
            value == pytest.approx(float(row["core_probability_actor_drop"]), abs=1e-6)
    # Uncertain: the 95% Clopper-Pearson interval (scipy's) is neither wholly above 0.8 nor wholly below 0.2.
    expected = []
    for a in brabant["summary"]["core"]:
        kept = by_actor["samples_kept"][a]
        if kept:
            ci = binomtest(round(by_actor["core_probability"][a] * kept), kept).proportion_ci(0.95, method="exact")
            if not (ci.low > 0.8 or ci.high < 0.2):
                expected.append(a)
    assert by_actor["core_uncertain"] == sorted(expected)   # lists without a measure are in id order
    assert "kern als 10% van de actoren ontbreekt" in brabant["output"]
    assert "van de <em>organisaties</em> weg" in (brabant["folder"] / "report.html").read_text(encoding="utf-8")


def test_orchestrator_contributions_add_up_to_the_score(brabant):
    """Issue 3 §4 / issue 8.5: per candidate the contribution of each part; documented weights
    1/3 centre, 1/6 reach, 1/6 bridging, 1/3 mandate (methods.md §9), published in summary.json."""
    weights = {"centre": 1 / 3, "reach": 1 / 6, "bridging": 1 / 6, "mandate": 1 / 3}
    published = brabant["summary"]["orchestrator_weights"]
    assert {k: published[k] for k in weights} == pytest.approx(weights, abs=1e-6)
    for cand in brabant["summary"]["orchestrators"]:
        assert set(cand["contributions"]) == set(weights)
        for part, value in cand["contributions"].items():
            assert value == pytest.approx(weights[part] * cand["parts"][part], abs=2e-6)
        assert sum(cand["contributions"].values()) == pytest.approx(cand["score"], abs=5e-6)


def test_position_reason_never_presents_a_collapsed_coreness_as_a_reason(brabant):
    """Each candidate's position reason is true of the centre part actors.csv holds (issue 9).

    On Brabant's ecosystem network the coreness is a one-vertex core (docs/methods.md §5,
    §9): one actor holds over 99% of the squared centre part and every other value is a
    remnant tending to 0. Checked from actors.csv's own column, independently of the
    reason codes: the hub's reason gives its coreness, every other candidate's reason says
    it is outside that one-actor centre, and no reason prints a coreness of 0.00 as a reason.
    """
    centre = {aid: float(row["orchestrator_centre"]) for aid, row in brabant["actors"].items()}
    squares = {aid: c * c for aid, c in centre.items()}
    hub = max(squares, key=squares.get)
    assert squares[hub] > 0.99 * sum(squares.values())   # the collapse this test is about
    for cand in brabant["summary"]["orchestrators"]:
        position = [r for r in cand["reasons"] if r["code"] in ("centre_ecosystem", "outside_centre_ecosystem")]
        assert len(position) == 1
        reason = position[0]
        if cand["id"] == hub:
            assert reason["code"] == "centre_ecosystem"
            assert reason["values"]["coreness"] == pytest.approx(centre[hub], abs=1e-6)
        else:
            assert reason["code"] == "outside_centre_ecosystem" and reason["values"] == {"hub": hub}
            hub_name = next(c["name"] for c in brabant["summary"]["orchestrators"] if c["id"] == hub)
            assert hub_name in reason["text"]
    assert "kernscore 0,00" not in brabant["output"]
