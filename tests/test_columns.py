"""Tables of typed columns (ecosystem.io.columns) are written as pandas wrote the frames they replaced.

The CSV writer (io.outputs.write_csv) against pandas' ``to_csv`` of the same values in a frame
of the matching dtypes (float64, int64, bool, text), the way io.outputs wrote CSV until issue 10
took pandas out of the command: every kind, missing values, hostile text, a single column of
empty cells, no rows. The workbook writer (io.outputs.write_xlsx) against the same frame written
cell by cell by each value's type, the reference the pandas-era writer was byte-identical to.
And a table's columns must have one length.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ecosystem.io.columns import Column, booleans, integers, numbers, rows, texts
from ecosystem.io.outputs import neutralise, write_csv, write_xlsx
from reference_xlsx import write_reference

HOSTILE = ["plain", "comma, inside", 'quote "inside"', "line\nbreak", "cr\rreturn", "=SUM(A1)", "+1", "-2", "@x",
           "\tTab", "", "ünïcödé 😀", " padded ", "'already"]


def _pandas_csv(path, frame: pd.DataFrame):
    """The writer the tables replaced: text cells neutralised, then DataFrame.to_csv with 12 significant digits."""
    text_columns = [c for c in frame.columns
                    if pd.api.types.is_object_dtype(frame[c]) or pd.api.types.is_string_dtype(frame[c])]
    if text_columns:
        frame = frame.assign(**{c: frame[c].map(lambda v: neutralise(v) if isinstance(v, str) else v)
                                for c in text_columns})
    frame.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", float_format="%.12g")
    return path


def _pandas_xlsx(path, sheets: dict[str, pd.DataFrame]):
    """A frame's cells by each value's type (None, NaN and infinities as no cell): what the pandas-era writer wrote."""
    def cell(value):
        if isinstance(value, (bool, np.bool_)):
            return "boolean", bool(value)
        if isinstance(value, (int, float, np.integer, np.floating)):
            return ("number", float(value)) if math.isfinite(value) else None
        return None if value is None else ("string", str(value))

    return write_reference(path, {name: ([str(c) for c in frame.columns],
                                         [[cell(v) for v in row] for row in frame.itertuples(index=False, name=None)])
                                  for name, frame in sheets.items()})


def _sample(rng: np.random.Generator, n: int) -> dict[str, list]:
    """Values of every kind: numbers with NaN, infinities and -0.0; large integers; flags; hostile and missing text."""
    floats = rng.normal(size=n) * 10.0 ** rng.integers(-12, 14, size=n)
    floats[[1, 4]] = np.nan
    floats[2], floats[3], floats[5], floats[6] = np.inf, -np.inf, -0.0, 1 / 3
    words = (HOSTILE * (n // len(HOSTILE) + 1))[:n]
    return {"number": floats, "integer": rng.integers(-10**15, 10**15, size=n), "flag": rng.random(n) < 0.5,
            "text": words, "optional": [None if k % 4 == 0 else w for k, w in enumerate(words)]}


def _table(values: dict[str, list]) -> dict[str, Column]:
    return {"number": numbers(values["number"]), "integer": integers(values["integer"]),
            "flag": booleans(values["flag"]), "text": texts(values["text"]), "optional": texts(values["optional"])}


def _frame(values: dict[str, list]) -> pd.DataFrame:
    """The same values in a frame of the dtypes the tables replaced (text with None as objects)."""
    return pd.DataFrame({**values, "optional": pd.Series(values["optional"], dtype=object)})


def test_every_kind_is_written_as_pandas_wrote_it(tmp_path):
    values = _sample(np.random.default_rng(7), 3 * len(HOSTILE))
    table = {**_table(values), "with, comma": texts(values["text"])}
    frame = _frame(values).assign(**{"with, comma": values["text"]})
    ours = write_csv(tmp_path / "ours.csv", table).read_bytes()
    assert ours == _pandas_csv(tmp_path / "pandas.csv", frame).read_bytes()
    assert b"'=SUM(A1)" in ours and b'"quote ""inside"""' in ours


def test_every_kind_is_a_workbook_cell_as_the_frames_gave(tmp_path):
    values = _sample(np.random.default_rng(11), 2 * len(HOSTILE))
    tables = {"kinds": _table(values), "no rows": {"a": numbers([]), "b": texts([])}}
    frames = {"kinds": _frame(values),
              "no rows": pd.DataFrame({"a": pd.Series([], dtype=float), "b": pd.Series([], dtype=object)})}
    ours = write_xlsx(tmp_path / "ours.xlsx", tables).read_bytes()
    assert ours == _pandas_xlsx(tmp_path / "pandas.xlsx", frames).read_bytes()


@pytest.mark.parametrize("values", [["", None, "x"], [None], []])
def test_a_single_text_column_and_no_rows(tmp_path, values):
    ours = write_csv(tmp_path / "ours.csv", {"only": texts(values)}).read_bytes()
    frame = pd.DataFrame({"only": pd.Series(values, dtype=object)})
    assert ours == _pandas_csv(tmp_path / "pandas.csv", frame).read_bytes()


def test_columns_have_one_length_and_a_known_kind():
    assert rows({"a": numbers([1.0, 2.0]), "b": texts(["x", "y"])}) == 2 and rows({}) == 0
    with pytest.raises(ValueError):
        rows({"a": numbers([1.0]), "b": texts([])})
    with pytest.raises(ValueError):
        Column("decimal", [])
