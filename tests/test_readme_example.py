"""The README's worked example does what the README says it does.

The region in tests/fixtures/readme_example is copied byte for byte from the
README (Dutch Excel style: ';', Dutch headers and labels, decimal comma).
"""
from __future__ import annotations

import csv
import json
import re

from conftest import ROOT, core_tables_of, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _block_after(marker: str) -> str:
    """The fenced code block that follows ``marker`` in the README."""
    start = README.index(marker)
    match = re.search(r"```\n(.*?)```", README[start:], flags=re.S)
    return match.group(1)


def test_fixture_is_the_readme_example(region_copy):
    region = region_copy("readme_example")
    assert (region / "actors.csv").read_text(encoding="utf-8") == _block_after("`regions/mijn-regio/actors.csv`")
    assert (region / "relations.csv").read_text(encoding="utf-8") == _block_after("`regions/mijn-regio/relations.csv`")


def _without_seat_independently(region, core: set[str], groups: dict[str, str]) -> list[str]:
    """Key groups at fewer than half of the core's governance tables, by hand (methods.md §11).

    A table is an actor with governance relations to at least three others, plus those partners.
    """
    with open(region / "relations.csv", encoding="utf-8") as fh:
        gov = [(r["bron"], r["doel"]) for r in csv.DictReader(fh, delimiter=";") if r["soort"] == "bestuur"]
    core_tables = core_tables_of(gov, core)
    assert core_tables, "the README example has a table with the core"
    return [g for g in ("workers", "employers", "government", "education")
            if sum(any(groups.get(v) == g for v in t) for t in core_tables) / len(core_tables) < 0.5]


def test_readme_example_core_and_seats(region_copy, tmp_path):
    region = region_copy("readme_example")
    result = run_cli("analyse", region, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "readme_example" / "summary.json").read_text(encoding="utf-8"))
    names = {"gem": "gemeente", "uwv": "UWV", "lwl": "Leerwerkloket"}
    # The README sentence names the core; it must list exactly the actors in the core.
    sentence = README[README.index("`ecosystem analyse mijn-regio/` then prints"):][:300]
    named = {i for i, word in names.items() if word in sentence.split("seat")[0]}
    assert named == set(summary["core"])
    # Key groups at fewer than half of the core's governance tables: what the tool says equals the hand computation.
    groups = {"gem": "government", "vno": "employers", "fnv": "workers", "roc": "education"}
    expected = _without_seat_independently(region, set(summary["core"]), groups)
    agency = next(i for i in summary["diagnosis"] if i["key"] == "agency")
    assert sorted(agency["details"]["without_seat"]) == sorted(expected) == ["education"]
    assert summary["peripheral_key_groups"] == ["employers", "workers", "education"]


def test_readme_example_core_is_degree_driven(region_copy, tmp_path):
    """Regression pin of the README example's verdict (a toy region, not validation): the
    gemeente-UWV-Leerwerkloket triangle is a core against ties placed at random, but no denser
    than its members' numbers of ties explain; so the tool says so, and does not call it 'no core'."""
    result = run_cli("analyse", region_copy("readme_example"), "--out", tmp_path / "out", "--bootstrap", "0")
    summary = json.loads((tmp_path / "out" / "readme_example" / "summary.json").read_text(encoding="utf-8"))
    cp = summary["core_periphery"]
    assert not cp["significant"] and cp["tests"]["density"]["p"] <= 0.05
    assert cp["verdict"] == "degree_driven"
    sentence = "Er is een kern van organisaties met veel relaties; dat ze onderling zo dicht verbonden zijn, volgt uit hun aantal relaties."
    report = (tmp_path / "out" / "readme_example" / "report.html").read_text(encoding="utf-8")
    assert sentence in result.output and sentence in report
    assert "geen duidelijke kern" not in result.output and "geen duidelijke kern" not in report


def test_readme_example_routes_share_is_what_the_tool_prints(region_copy, tmp_path):
    """The README's sentence about the first candidate gives its share of the shortest routes; the terminal
    prints that share ('ligt op N% van de kortste verbindingen') for the first candidate."""
    result = run_cli("analyse", region_copy("readme_example"), "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    first = next(line for line in result.output.splitlines() if line.strip().startswith("1. "))
    printed = re.search(r"ligt op (\d+)% van de kortste verbindingen", first).group(1)
    sentence = README[README.index("`ecosystem analyse mijn-regio/` then prints"):][:400]
    assert re.search(r"on (\d+)% of the shortest routes", sentence).group(1) == printed
