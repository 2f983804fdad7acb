"""Write the analysis outputs into ``<out>/<region folder>/``; never touches the input folder."""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pandas as pd


def output_dir(out: str | Path, folder_name: str, region_path: Path) -> Path:
    target = Path(out) / folder_name
    # Refuse to write into the user's data folder: inputs are never modified.
    if target.resolve() == region_path.resolve():
        raise ValueError(f"output folder {target} is the region folder itself; choose another --out")
    target.mkdir(parents=True, exist_ok=True)
    return target


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_json(path: Path, data: dict) -> Path:
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


def write_csv(path: Path, frame: pd.DataFrame) -> Path:
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", float_format="%.12g")
    return path


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    """One sheet per frame, header row frozen and filterable, so it reads like a table in Excel."""
    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        for name, frame in sheets.items():
            frame.to_excel(writer, sheet_name=name, index=False)
            sheet = writer.sheets[name]
            sheet.freeze_panes(1, 0)
            if len(frame.columns):
                sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)
    return path


def write_graph(path: Path, graph: nx.Graph, fmt: str) -> Path:
    """GraphML or GEXF through networkx, for Gephi and Cytoscape."""
    if fmt == "graphml":
        nx.write_graphml(graph, path)
    elif fmt == "gexf":
        nx.write_gexf(graph, path)
    else:
        raise ValueError(f"unknown graph format {fmt!r}")
    return path
