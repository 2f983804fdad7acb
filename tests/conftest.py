"""Shared helpers: drive the real CLI on real files in a temporary folder."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from ecosystem.cli import main

# One browser for the whole session: every module shares these fixtures.
from browser import browser_page, chromium_browser, window  # noqa: E402,F401

# Property-based tests: a short run in `make test`, a long one behind `make fuzz`
# (pytest --hypothesis-profile=fuzz). Each example is a whole CLI run, so no deadline.
settings.register_profile("short", max_examples=6, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("fuzz", max_examples=3000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("short")

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def core_tables_of(governance: list[tuple[str, str]], core: set[str]) -> list[frozenset[str]]:
    """The core's governance tables, by hand from the governance relations' (source, target) pairs (methods.md
    §11): a table is an actor with governance relations to three or more others, plus those partners; the
    core's tables hold a member of ``core``."""
    partners: dict[str, set[str]] = {}
    for a, b in governance:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    tables = {frozenset(p | {h}) for h, p in partners.items() if len(p) >= 3}
    return [x for x in tables if x & core]


def core_tables_by_hand(region: Path, core: set[str]) -> tuple[dict[str, int], int]:
    """Per key group the number of the core's governance tables it sits at, and how many tables the core has,
    from the region's CSV rows (methods.md §11): a table is an actor with governance relations to three or more
    others, plus those partners; the core's tables hold a member of ``core`` (ids)."""
    with open(region / "actors.csv", encoding="utf-8") as fh:
        group = {r["id"]: r["group"] for r in csv.DictReader(fh)}
    with open(region / "relations.csv", encoding="utf-8") as fh:
        gov = [(r["source"], r["target"]) for r in csv.DictReader(fh) if r["type"] == "governance"]
    core_tables = core_tables_of(gov, core)
    return ({g: sum(any(group[v] == g for v in x) for x in core_tables)
             for g in ("workers", "employers", "government", "education")}, len(core_tables))


def run_cli(*args: str):
    """Invoke ``ecosystem`` exactly as a user would; returns click's Result."""
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def region_copy(tmp_path):
    """Copy a fixture region into tmp_path and return its path."""
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target
    return copy


def write_region(folder: Path, actors: list[dict], relations: list[dict], delimiter: str = ",") -> Path:
    """Write a region folder with actors.csv and relations.csv from row dicts."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in (("actors.csv", actors), ("relations.csv", relations)):
        columns = list(dict.fromkeys(k for row in rows for k in row))
        with open(folder / name, "w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns, delimiter=delimiter)
            writer.writeheader()
            writer.writerows(rows)
    return folder


def write_workbook(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    """Write an .xlsx with one sheet per entry (rows as lists), as openpyxl (a script) saves it."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        if name in hidden:
            ws.sheet_state = "hidden"
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def read_csv_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        sample = fh.readline()
        fh.seek(0)
        return list(csv.DictReader(fh, delimiter=";" if sample.count(";") > sample.count(",") else ","))


def oracle_graph(region: Path, relation_type: str | None = None) -> nx.Graph:
    """Independent reading of a region into a networkx tie graph (sum of weights per pair).

    With ``relation_type`` only relations whose ``type`` column equals it are read
    (every actor stays a node), which is the per-layer network.
    """
    graph = nx.Graph()
    for row in read_csv_rows(region / "actors.csv"):
        row = {k.strip().lower(): v for k, v in row.items()}
        graph.add_node(row["id"].strip())
    for row in read_csv_rows(region / "relations.csv"):
        row = {k.strip().lower(): v for k, v in row.items()}
        if relation_type is not None and (row.get("type") or row.get("soort")).strip() != relation_type:
            continue
        s = (row.get("source") or row.get("bron")).strip()
        t = (row.get("target") or row.get("doel")).strip()
        w = float(((row.get("weight") or row.get("gewicht") or "1").strip() or "1").replace(",", "."))
        if graph.has_edge(s, t):
            graph[s][t]["weight"] += w
        else:
            graph.add_edge(s, t, weight=w)
    for _, _, data in graph.edges(data=True):
        data["distance"] = 1.0 / data["weight"]
    return graph
