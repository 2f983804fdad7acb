"""Tables to write: named columns of one kind each (actors.csv, layers.csv, the workbooks' sheets).

A table is a ``dict`` of column name to :class:`Column`, in the order the columns are written.
A column's kind says how every writer writes its cells, the same way in CSV
(:func:`ecosystem.io.outputs.write_csv`), XLSX (:func:`~ecosystem.io.outputs.write_xlsx`) and the
graph files (:mod:`ecosystem.render.interchange`):

=========  ==========================  ============================  ==========================
kind       values                      CSV                           XLSX
=========  ==========================  ============================  ==========================
number     float (NaN: no value)       ``%.12g``; empty for NaN      a number; no cell for NaN
integer    int                         the integer                   a number
boolean    bool                        ``True`` / ``False``          a boolean
text       str (None: no value)        the text (formula-safe)       text; no cell for None
=========  ==========================  ============================  ==========================

Why not pandas DataFrames: the tables are only written, never computed on, and importing pandas
took 0.3 CPU s of the Brabant example's 4 on this project's machine (issue 10). The files are
byte for byte what ``DataFrame.to_csv(float_format="%.12g")`` and the typed cells of a frame's
dtypes gave (tests/test_columns.py writes both ways and compares the bytes).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NUMBER, INTEGER, BOOLEAN, TEXT = "number", "integer", "boolean", "text"
KINDS = (NUMBER, INTEGER, BOOLEAN, TEXT)


@dataclass(frozen=True)
class Column:
    """One column's kind (:data:`KINDS`) and its values, one per row, as Python scalars."""

    kind: str
    values: list

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    def __len__(self) -> int:
        return len(self.values)


def numbers(values) -> Column:
    """A number column (NaN where there is no value)."""
    return Column(NUMBER, np.asarray(values, dtype=float).tolist())


def integers(values) -> Column:
    return Column(INTEGER, np.asarray(values).astype(np.int64).tolist())


def booleans(values) -> Column:
    return Column(BOOLEAN, np.asarray(values).astype(bool).tolist())


def texts(values) -> Column:
    """A text column (None where there is no value)."""
    return Column(TEXT, [None if v is None else str(v) for v in values])


def rows(table: dict[str, Column]) -> int:
    """The number of rows of ``table`` (0 without columns); raises ValueError when the columns differ in length."""
    lengths = {len(c) for c in table.values()}
    if len(lengths) > 1:
        raise ValueError(f"the columns of a table differ in length: {sorted(lengths)}")
    return lengths.pop() if lengths else 0
