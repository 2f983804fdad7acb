"""Results depend on the data, not on how it was typed in.

The same region with its rows shuffled and its columns in another order must give
the same outputs, each analysed in a fresh process (igraph and numpy draw from
process-wide state): summary.json, actors.csv, layers.csv, the map (layout and
payload), the report and the interchange graph, byte for byte. The shuffled copy
sits in a folder of the same name, so even the folder name in summary.json agrees.
Checked on the Brabant example and on a planted core/periphery network with many
exact ties (every weight 1), where tie-breaks decide the most.
"""
from __future__ import annotations

import csv
import random
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, write_region

COMPARED = ("summary.json", "actors.csv", "layers.csv", "map.html", "report.html", "network.graphml",
            "network.gexf")


def _read(path: Path) -> tuple[list[str], list[list[str]], str]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = list(csv.reader(text.splitlines(), delimiter=delimiter))
    return rows[0], rows[1:], delimiter


def shuffled_copy(source: Path, target: Path, seed: int) -> Path:
    """Copy a region folder with every table's rows and columns in a random order."""
    rng = random.Random(seed)
    target.mkdir(parents=True)
    for path in source.iterdir():
        if path.suffix != ".csv":
            target.joinpath(path.name).write_bytes(path.read_bytes())
            continue
        header, rows, delimiter = _read(path)
        columns = list(range(len(header)))
        while len(columns) > 1 and columns == sorted(columns):
            rng.shuffle(columns)
        rows = list(rows)
        rng.shuffle(rows)
        with open(target / path.name, "w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, delimiter=delimiter)
            writer.writerow([header[c] for c in columns])
            writer.writerows([[row[c] if c < len(row) else "" for c in columns] for row in rows])
    return target


def _analyse(region: Path, out: Path) -> Path:
    proc = subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(out),
                           "--seed", "3", "--bootstrap", "12", "--null-samples", "20"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out / region.name


def _cells(path: Path) -> dict[str, list[tuple]]:
    """A workbook's cell values, sheet by sheet (the file's bytes carry no more than these here)."""
    from openpyxl import load_workbook
    book = load_workbook(path, read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def _assert_same_outputs(original: Path, tmp_path: Path) -> None:
    shuffled = shuffled_copy(original, tmp_path / "shuffled" / original.name, seed=11)
    assert _read(shuffled / "actors.csv")[0] != _read(original / "actors.csv")[0], "columns were not reordered"
    a = _analyse(original, tmp_path / "out_a")
    b = _analyse(shuffled, tmp_path / "out_b")
    for name in COMPARED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} depends on row or column order"
    for name in ("actors.xlsx", "kumu.xlsx"):
        assert _cells(a / name) == _cells(b / name), f"{name} depends on row or column order"


def test_regression_pin_brabant_example_ignores_row_and_column_order(tmp_path):
    """Regression pin on the illustrative Brabant reconstruction (regions/brabant), not a validation of it."""
    _assert_same_outputs(ROOT / "regions" / "brabant", tmp_path)


def planted_region(folder: Path, n: int = 48, core: int = 8, seed: int = 5) -> Path:
    """A planted core/periphery network (tie probability 0.6 core-core, 0.15 core-periphery,
    0.03 periphery-periphery), every weight 1 so that many scores tie exactly, with an extra
    column in each table."""
    rng = random.Random(seed)
    groups = ("overheid", "werkgevers", "werkenden", "onderwijs", "intermediairs")
    types = ("bestuur", "financiering", "levering", "samenwerking", "advies", "toeleiding")
    actors = [{"id": f"a{v:02d}", "naam": f"Organisatie {v:02d}", "groep": groups[v % len(groups)],
               "website": f"https://example.org/{v}"} for v in range(n)]
    relations = []
    for u in range(n):
        for v in range(u + 1, n):
            p = 0.6 if v < core else 0.15 if u < core else 0.03
            if rng.random() < p:
                relations.append({"bron": f"a{u:02d}", "doel": f"a{v:02d}", "soort": rng.choice(types),
                                  "notitie": f"relatie {u}-{v}"})
    (folder / "region.toml").parent.mkdir(parents=True, exist_ok=True)
    write_region(folder, actors, relations, delimiter=";")
    (folder / "region.toml").write_text('name = "Geplant"\n', encoding="utf-8")
    return folder


def test_planted_network_ignores_row_and_column_order(tmp_path):
    _assert_same_outputs(planted_region(tmp_path / "planted" / "geplant"), tmp_path)


def test_messages_keep_the_users_row_numbers(tmp_path):
    """Canonical order is applied after validation: a problem names the row the user typed it on."""
    from conftest import run_cli

    region = write_region(tmp_path / "r",
                          [{"id": "z", "name": "Z", "group": "overheid"}, {"id": "a", "name": "A", "group": "onderwijs"},
                           {"id": "m", "name": "M", "group": "werkgevers"}, {"id": "b", "name": "B", "group": "overheid"}],
                          [{"source": "z", "target": "m", "type": "bestuur"},
                           {"source": "z", "target": "a", "type": "levering"}])
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--bootstrap", "0")
    assert result.exit_code == 0, result.output
    # 'b' is on spreadsheet row 5 (header is row 1), whatever order the analysis uses.
    assert "rij 5, kolom 'id': actor 'b' heeft geen relaties" in result.output


@pytest.mark.parametrize("seed", [1, 2])
def test_canonical_region_is_the_same_for_any_order(tmp_path, seed):
    """The loaded Region (actors, relations, extra columns) is identical for a shuffled copy."""
    from ecosystem.io.region import load_region

    original = ROOT / "regions" / "brabant"
    shuffled = shuffled_copy(original, tmp_path / "brabant", seed)
    a, b = load_region(original), load_region(shuffled)
    strip = lambda items: [(x.__class__.__name__, {k: v for k, v in vars(x).items() if k != "row"}) for x in items]
    assert strip(a.actors) == strip(b.actors) and strip(a.relations) == strip(b.relations)
    assert [list(x.extra) for x in a.actors] == [list(x.extra) for x in b.actors]
    assert [x.id for x in a.actors] == sorted(x.id for x in a.actors)


UNDIRECTED = {"governance", "collaboration", "bestuur", "samenwerking"}


def swapped_copy(source: Path, target: Path) -> Path:
    """Copy a region folder with every undirected relation (governance, collaboration) typed the other way round."""
    target.mkdir(parents=True)
    for path in source.iterdir():
        target.joinpath(path.name).write_bytes(path.read_bytes())
    header, rows, delimiter = _read(source / "relations.csv")
    at = {name: header.index(name) for name in header}
    src, dst = (at["source"], at["target"]) if "source" in at else (at["bron"], at["doel"])
    kind = at["type"] if "type" in at else at["soort"]
    for row in rows:
        if row[kind].strip().lower() in UNDIRECTED:
            row[src], row[dst] = row[dst], row[src]
    with open(target / "relations.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return target


@pytest.mark.parametrize("planted", [False, True], ids=["brabant", "planted"])
def test_undirected_relations_ignore_which_actor_is_typed_first(tmp_path, planted):
    """'A,B,bestuur' and 'B,A,bestuur' are the same relation (methods §2): every output is the same, byte
    for byte (the workbooks cell for cell), the stability bootstrap's draws included; kumu.xlsx writes an
    undirected relation's two actors in id order (it kept the order typed)."""
    original = (planted_region(tmp_path / "planted" / "geplant") if planted
                else ROOT / "regions" / "brabant")
    swapped = swapped_copy(original, tmp_path / "swapped" / original.name)
    assert (swapped / "relations.csv").read_bytes() != (original / "relations.csv").read_bytes()
    a = _analyse(original, tmp_path / "out_a")
    b = _analyse(swapped, tmp_path / "out_b")
    for name in COMPARED:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} depends on how a relation is typed"
    for name in ("actors.xlsx", "kumu.xlsx"):
        assert _cells(a / name) == _cells(b / name), f"{name} depends on how a relation is typed"
