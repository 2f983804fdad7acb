"""Write the analysis outputs into ``<out>/<region folder>/``; never touches the input folder."""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import OutputError
from .graph_files import GraphTable, write_gexf, write_graphml


def check_output_dir(out: str | Path, folder_name: str, region_path: Path) -> Path:
    """Return ``out/<folder_name>`` or raise :class:`OutputError` if it cannot be used; creates nothing.

    Called before the analysis so a wrong ``--out`` fails at once, not after minutes of work.
    """
    target = Path(out) / folder_name
    # Refuse to write into the user's data folder: inputs are never modified.
    if target.resolve() == region_path.resolve():
        raise OutputError("out_is_region", path=str(target))
    existing = target
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent             # the nearest part of the path that exists
    if existing.exists() and not existing.is_dir():
        raise OutputError("out_is_file", path=str(existing))
    if existing.exists() and not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError("out_no_permission", path=str(existing))
    return target


def output_dir(out: str | Path, folder_name: str, region_path: Path) -> Path:
    target = check_output_dir(out, folder_name, region_path)
    try:
        target.mkdir(parents=True, exist_ok=True)
    except PermissionError as exc:
        raise OutputError("out_no_permission", path=str(target)) from exc
    except (FileExistsError, NotADirectoryError) as exc:
        raise OutputError("out_is_file", path=str(exc.filename or target)) from exc
    except OSError as exc:
        raise OutputError("out_error", path=str(target), reason=exc.strerror or type(exc).__name__) from exc
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
    """One sheet per frame, header row frozen and filterable, so it reads like a table in Excel.

    Rows are streamed (xlsxwriter's constant-memory mode) and every cell is written with its
    own type: text always as text, so a name such as ``=HYPERLINK(...)`` never becomes a formula.
    """
    import xlsxwriter   # only analyse writes workbooks: keep `ecosystem --help` light

    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False, "nan_inf_to_errors": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        bold = book.add_format({"bold": True})
        for name, frame in sheets.items():
            sheet = book.add_worksheet(name)
            sheet.write_row(0, 0, [str(c) for c in frame.columns], bold)
            for r, row in enumerate(frame.itertuples(index=False, name=None), start=1):
                for c, value in enumerate(row):
                    _write_cell(sheet, r, c, value)
            sheet.freeze_panes(1, 0)
            if len(frame.columns):
                sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)
    return path


def _write_cell(sheet, row: int, col: int, value) -> None:
    if isinstance(value, (bool, np.bool_)):
        sheet.write_boolean(row, col, bool(value))
    elif isinstance(value, (int, float, np.integer, np.floating)):
        if math.isfinite(value):
            sheet.write_number(row, col, float(value))
        # NaN and infinities stay empty cells, as pandas writes them
    elif value is None:
        return
    else:
        sheet.write_string(row, col, str(value))


def write_graph(path: Path, graph: GraphTable, fmt: str) -> Path:
    """GraphML or GEXF, streamed (io/graph_files.py), for Gephi and Cytoscape."""
    if fmt == "graphml":
        return write_graphml(path, graph)
    if fmt == "gexf":
        return write_gexf(path, graph)
    raise ValueError(f"unknown graph format {fmt!r}")
