"""Tables of typed columns (ecosystem.io.columns) are written as pandas wrote the frames they replaced.

The CSV writer (io.outputs.write_csv) against pandas' ``to_csv`` of the same values in a frame
of the matching dtypes (float64, int64, bool, text), the way io.outputs wrote CSV until issue 10
took pandas out of the command: every kind, missing values, hostile text, a single column of
empty cells, no rows. And a table's columns must have one length.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from ecosystem.io.columns import Column, booleans, column, integers, numbers, rows, texts
from ecosystem.io.outputs import neutralise, write_csv

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


def test_every_kind_is_written_as_pandas_wrote_it(tmp_path):
    rng = np.random.default_rng(7)
    n = 3 * len(HOSTILE)
    floats = rng.normal(size=n) * 10.0 ** rng.integers(-12, 14, size=n)
    floats[[1, 4]] = np.nan
    floats[2], floats[3], floats[5], floats[6] = np.inf, -np.inf, -0.0, 1 / 3
    ints = rng.integers(-10**15, 10**15, size=n)
    flags = rng.random(n) < 0.5
    words = (HOSTILE * 3)[:n]
    optional = [None if k % 4 == 0 else w for k, w in enumerate(words)]
    table = {"number": numbers(floats), "integer": integers(ints), "flag": booleans(flags), "text": texts(words),
             "optional": texts(optional), "with, comma": texts(words)}
    frame = pd.DataFrame({"number": floats, "integer": ints, "flag": flags, "text": words,
                          "optional": pd.Series(optional, dtype=object), "with, comma": words})
    ours = write_csv(tmp_path / "ours.csv", table).read_bytes()
    assert ours == _pandas_csv(tmp_path / "pandas.csv", frame).read_bytes()
    assert b"'=SUM(A1)" in ours and b'"quote ""inside"""' in ours


@pytest.mark.parametrize("values", [["", None, "x"], [None], []])
def test_a_single_text_column_and_no_rows(tmp_path, values):
    ours = write_csv(tmp_path / "ours.csv", {"only": texts(values)}).read_bytes()
    frame = pd.DataFrame({"only": pd.Series(values, dtype=object)})
    assert ours == _pandas_csv(tmp_path / "pandas.csv", frame).read_bytes()


def test_kinds_follow_numpy_dtypes_and_columns_have_one_length():
    assert [column(np.array(v)).kind for v in ([1.5], [2], [True], ["a"])] == ["number", "integer", "boolean", "text"]
    assert rows({"a": numbers([1.0, 2.0]), "b": texts(["x", "y"])}) == 2 and rows({}) == 0
    with pytest.raises(ValueError):
        rows({"a": numbers([1.0]), "b": texts([])})
    with pytest.raises(ValueError):
        Column("decimal", [])
