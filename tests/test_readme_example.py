"""The README's worked example does what the README says it does.

The region in tests/fixtures/readme_example is copied byte for byte from the
README (Dutch Excel style: ';', Dutch headers and labels, decimal comma).
"""
from __future__ import annotations

import csv
import json
import re

from conftest import ROOT, run_cli

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


def _seated_independently(region, core: set[str]) -> dict[str, bool]:
    """Seat at a governance table with the core, computed from the CSV by hand (methods.md §7)."""
    with open(region / "relations.csv", encoding="utf-8") as fh:
        gov = [(r["bron"], r["doel"]) for r in csv.DictReader(fh, delimiter=";") if r["soort"] == "bestuur"]
    partners: dict[str, set[str]] = {}
    for a, b in gov:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    table = {v: set(p) | {w for u in p for w in partners[u] if w != v} for v, p in partners.items()}
    return {v: (v in core) or bool(mates & core) for v, mates in table.items()}


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
    # Key groups without a seat at the table: what the tool says equals the hand computation.
    seated = _seated_independently(region, set(summary["core"]))
    groups = {"gem": "government", "vno": "employers", "fnv": "workers", "roc": "education"}
    expected = [g for v, g in groups.items() if not seated.get(v, False)]
    agency = next(i for i in summary["diagnosis"] if i["key"] == "agency")
    assert sorted(agency["details"]["without_seat"]) == sorted(expected) == ["education"]
    assert summary["peripheral_key_groups"] == ["employers", "workers", "education"]
