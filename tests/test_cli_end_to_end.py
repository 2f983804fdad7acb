"""End to end: the real CLI on real files, numbers checked against networkx."""
from __future__ import annotations

import csv
import hashlib
import json
import os
import re
import subprocess
import sys

import networkx as nx
import pytest

from conftest import ROOT, oracle_graph, run_cli, write_region



def readme_actor_columns() -> list[str]:
    """The first actors.csv columns in the order README.md promises ('Columns: `id, name, ...`')."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(x for x in readme.splitlines() if x.startswith("| `actors.csv`, `actors.xlsx`"))
    return [c.strip() for c in re.search(r"Columns: `([^`]*)`", line).group(1).split(",")]


def _actors(out):
    with open(out / "actors.csv", newline="", encoding="utf-8") as fh:
        return {row["id"]: row for row in csv.DictReader(fh)}


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_analyse_writes_contract_outputs(region_copy, tmp_path):
    region = region_copy("small")
    before = _digest(region)
    result = run_cli("analyse", region, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "small"
    for name in ("map.html", "actors.csv", "summary.json"):
        assert (out / name).stat().st_size > 0
    assert _digest(region) == before, "input files must never be modified"
    header = next(csv.reader(open(out / "actors.csv", encoding="utf-8")))
    promised = readme_actor_columns()
    assert len(promised) >= 12 and header[: len(promised)] == promised, "actors.csv starts with README's columns, in order"
    ids = [row[0] for row in csv.reader(open(out / "actors.csv", encoding="utf-8"))][1:]
    assert ids == sorted(ids), "rows are in id order (README: canonical order)"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["actors"] == 12 and summary["relations"] == 14
    assert set(summary) >= {"region", "actors", "relations", "core", "orchestrators", "groups"}
    actors = _actors(out)
    # The core is listed most central first (coreness, then id), as docs/methods.md §2 says.
    in_core = [i for i, row in actors.items() if row["core"] == "True"]
    assert summary["core"] == sorted(in_core, key=lambda i: (-float(actors[i]["coreness"]), i))
    ranks = [o["id"] for o in summary["orchestrators"]]
    assert ranks == sorted(ranks, key=lambda i: int(actors[i]["orchestrator_rank"]))
    for group, g in summary["groups"].items():
        members = [r for r in actors.values() if r["group"] == group]
        assert g["actors"] == len(members)
        assert g["in_core"] == sum(r["core"] == "True" for r in members)
    # Terminal summary names the core, the top candidate and the peripheral key groups.
    assert "Kern (" in result.output and "orkestrators" in result.output
    assert ranks[0] and actors[ranks[0]]["name"] in result.output


def test_isolated_actor_is_a_warning_and_periphery(region_copy, tmp_path):
    result = run_cli("analyse", region_copy("small"), "--out", tmp_path / "out")
    assert result.exit_code == 0
    assert "let op: actors.csv, rij 13, kolom 'id': actor 'los' heeft geen relaties" in result.output
    row = _actors(tmp_path / "out" / "small")["los"]
    assert row["core"] == "False" and float(row["coreness"]) == 0.0


def test_centralities_match_networkx(region_copy, tmp_path):
    region = region_copy("small")
    assert run_cli("analyse", region, "--out", tmp_path / "out").exit_code == 0
    actors = _actors(tmp_path / "out" / "small")
    graph = oracle_graph(region)
    n = graph.number_of_nodes()
    between = nx.betweenness_centrality(graph, weight="distance", normalized=True)
    harmonic = nx.harmonic_centrality(graph, distance="distance")
    for node in graph:
        row = actors[node]
        assert int(row["degree"]) == graph.degree(node)
        assert float(row["strength"]) == pytest.approx(graph.degree(node, weight="weight"), abs=1e-9)
        assert float(row["betweenness"]) == pytest.approx(between[node], abs=1e-6)
        assert float(row["closeness"]) == pytest.approx(harmonic[node] / (n - 1), abs=1e-6)


def test_dutch_excel_csv_is_read(region_copy, tmp_path):
    """The fixture is ';'-delimited, with BOM, CRLF, Dutch headers and group names, decimal commas."""
    region = region_copy("small")
    assert (region / "actors.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert run_cli("analyse", region, "--out", tmp_path / "out").exit_code == 0
    actors = _actors(tmp_path / "out" / "small")
    assert actors["gem"]["strength"] == "9.5"          # 3 + 2 + 1 + 2,5 + 1
    assert actors["lwl"]["name"] == "Leerwerkloket Stad"  # surrounding spaces stripped
    assert actors["fnv"]["group"] == "workers"


def test_english_output(region_copy, tmp_path):
    result = run_cli("analyse", region_copy("small"), "--out", tmp_path / "out", "--lang", "en")
    assert result.exit_code == 0
    assert "Orchestrator candidates" in result.output and "under half their proportional share of the core" in result.output
    summary = json.loads((tmp_path / "out" / "small" / "summary.json").read_text(encoding="utf-8"))
    # Position is read among steering ties between groups (docs/methods.md §9), and the reason says so.
    first = summary["orchestrators"][0]["reasons"][0]
    assert first["code"] == "centre_ecosystem" and first["text"].startswith("coreness ")
    assert "in the steering ties between different groups" in first["text"]


def test_same_seed_same_numbers_and_layout(region_copy, tmp_path):
    region = region_copy("small")
    for out in ("a", "b"):
        assert run_cli("analyse", region, "--out", tmp_path / out, "--seed", "3").exit_code == 0
    # A different seed moves the map and the optimiser's starting points, but the
    # answer stays the same up to the continuous model's convergence tolerance.
    assert run_cli("analyse", region, "--out", tmp_path / "c", "--seed", "4").exit_code == 0
    a, c = _actors(tmp_path / "a" / "small"), _actors(tmp_path / "c" / "small")
    for key in a:
        assert a[key]["core"] == c[key]["core"] and a[key]["orchestrator_rank"] == c[key]["orchestrator_rank"]
        assert float(a[key]["coreness"]) == pytest.approx(float(c[key]["coreness"]), abs=1e-6)
    for name in ("actors.csv", "summary.json", "map.html"):
        assert (tmp_path / "a" / "small" / name).read_bytes() == (tmp_path / "b" / "small" / name).read_bytes()


def test_same_seed_same_files_in_separate_processes(tmp_path):
    """Two fresh processes, same data and seed: every output file is the same, byte for byte
    (actors.xlsx by value: the workbook format stores its creation time)."""
    region = ROOT / "regions" / "brabant"
    for out in ("a", "b"):
        subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(tmp_path / out),
                        "--seed", "5", "--bootstrap", "10", "--null-samples", "10"], check=True, capture_output=True)
    a, b = tmp_path / "a" / "brabant", tmp_path / "b" / "brabant"
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir()) and "network.graphml" in names
    for name in names:
        if name.endswith(".xlsx"):
            import pandas as pd
            sheets_a, sheets_b = pd.read_excel(a / name, sheet_name=None), pd.read_excel(b / name, sheet_name=None)
            assert list(sheets_a) == list(sheets_b) and sheets_a, name
            for sheet in sheets_a:
                pd.testing.assert_frame_equal(sheets_a[sheet], sheets_b[sheet])
        else:
            assert (a / name).read_bytes() == (b / name).read_bytes(), name


def test_region_is_looked_up_under_regions_and_cli_py_runs(tmp_path):
    """`python cli.py analyse small/` from a folder that has regions/small/."""
    write_region(tmp_path / "regions" / "small",
                 [{"id": "a", "name": "A", "group": "overheid"}, {"id": "b", "name": "B", "group": "onderwijs"},
                  {"id": "c", "name": "C", "group": "werkgevers"}],
                 [{"source": "a", "target": "b", "type": "levering"}, {"source": "a", "target": "c", "type": "bestuur"}])
    env = {**os.environ, "PYTHONPATH": ""}
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), "analyse", "small/"], cwd=tmp_path,
                          capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "outputs" / "small" / "summary.json").exists()
    assert str(tmp_path / "outputs" / "small") in proc.stdout or "outputs/small" in proc.stdout


def test_outputs_never_written_into_the_region_folder(region_copy, tmp_path):
    region = region_copy("small")
    result = run_cli("analyse", region, "--out", tmp_path)   # would be tmp_path/small = the input
    assert result.exit_code == 2 and "Kies met --out een andere map" in result.output
    assert sorted(p.name for p in region.iterdir()) == ["actors.csv", "relations.csv"]


def test_xlsx_region_gives_same_numbers_as_csv(region_copy, tmp_path):
    import pandas as pd

    region = region_copy("small")
    xlsx_region = tmp_path / "xlsx" / "small"
    xlsx_region.mkdir(parents=True)
    with pd.ExcelWriter(xlsx_region / "ecosystem.xlsx") as writer:
        for sheet in ("actors", "relations"):
            frame = pd.read_csv(region / f"{sheet}.csv", sep=";", dtype=str, keep_default_na=False,
                                encoding="utf-8-sig")
            if sheet == "relations":  # Excel holds numbers as numbers
                frame["gewicht"] = frame["gewicht"].str.replace(",", ".").astype(float)
            frame.to_excel(writer, sheet_name=sheet, index=False)
    assert run_cli("analyse", region, "--out", tmp_path / "a").exit_code == 0
    assert run_cli("analyse", xlsx_region, "--out", tmp_path / "b").exit_code == 0
    a, b = _actors(tmp_path / "a" / "small"), _actors(tmp_path / "b" / "small")
    for key in a:
        for col in ("degree", "strength", "betweenness", "coreness", "orchestrator_rank"):
            assert a[key][col] == b[key][col], (key, col)


@pytest.mark.parametrize("lang, word", [(None, "Voorbeeld"), ("en", "Example")])
def test_help_explains_with_examples(lang, word):
    for args in (["--help"], ["analyse", "--help"]):
        result = run_cli(*args, *(["--lang", lang] if lang else []))
        assert result.exit_code == 0 and word in result.output


def test_help_states_the_real_sample_defaults():
    """In both languages: Dutch by default (numbers written 2.000), English with --lang en (2,000)."""
    from ecosystem.analysis.sample_sizes import bootstrap_samples, null_samples
    dutch = " ".join(run_cli("analyse", "--help").output.split())
    english = " ".join(run_cli("analyse", "--help", "--lang", "en").output.split())
    for default in (bootstrap_samples, null_samples):
        one_beyond_2000 = default(20_001) == default(2001)
        stated = f"Default: {default(300)} up to 300 actors, {default(2000)} up to 2,000, {default(2001)} "
        stated += "beyond" if one_beyond_2000 else f"up to 20,000, {default(20_001)} beyond"
        assert stated in english
        stated = f"Standaard: {default(300)} tot en met 300 actoren, {default(2000)} tot en met 2.000, "
        stated += (f"daarboven {default(2001)}" if one_beyond_2000
                   else f"{default(2001)} tot en met 20.000, daarboven {default(20_001)}")
        assert stated in dutch


@pytest.mark.parametrize("toml, expected", [
    (None, []),
    ('arbeidsmarktregios = "Midden-Brabant"\n', ["Midden-Brabant"]),
    ('arbeidsmarktregios = ["West-Brabant", "Midden-Brabant"]\n', ["West-Brabant", "Midden-Brabant"]),
])
def test_region_toml_is_optional_and_lists_regions(region_copy, tmp_path, toml, expected):
    region = region_copy("small")
    if toml is not None:
        (region / "region.toml").write_text('name = "Klein"\n' + toml, encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "small" / "summary.json").read_text(encoding="utf-8"))
    assert summary["arbeidsmarktregios"] == expected
    assert summary["region"] == ("small" if toml is None else "Klein")
