"""Property-based: whatever is in the CSV or XLSX tables, `ecosystem analyse` exits 0 or 2, never crashes.

For every generated region: exit code 0 or 2 (never 1, never a traceback), the input
folder is unchanged, nothing is written on exit 2, and on exit 0 the XML, JSON and
HTML outputs parse. The generated cells mix valid values with what people and programs
really put in spreadsheets: ids that differ in case, formula-like text, control
characters, huge and tiny weights, impossible dates, empty cells.

Profiles (registered in conftest.py): ``short`` (a few examples, part of ``make test``)
and ``fuzz`` (thousands, ``make fuzz``).
"""
from __future__ import annotations

import csv
import datetime
import io
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from conftest import run_cli
from test_hostile_inputs import FAST, check_outputs_parse, snapshot

HOSTILE_TEXT = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-ROC", "@VNO", "\tTab", "a\x00b", "\x07", "😀 🎉",
                "<script>alert(1)</script>", "'; DROP", "a\"b", "Ş̈", "\u202eRTL", "a;b,c", "\ufeffBOM", "", " "]
texts = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=30))


def mostly(valid: list[str], other=texts, odds: int = 40):
    """A valid value, except one time in ``odds`` anything: many regions get through to the outputs."""
    return st.integers(1, odds).flatmap(lambda i: st.sampled_from(valid) if i < odds else other)


IDS = ["gem", "uwv", "roc"]
cells = {
    "id": mostly(["vno", "fnv", "lwl", "obo", "FNV", "x-1", "Ωmega"]),
    "name": mostly(["Gemeente Enschede", "ROC van Twente", "Stichting 's-Hertogenbosch", "Café & Co"],
                   st.one_of(st.sampled_from([t for t in HOSTILE_TEXT if t.strip()]),
                             st.text(min_size=1, max_size=30).filter(str.strip)), odds=3),
    "group": mostly(["overheid", "werkgevers", "werkenden", "onderwijs", "intermediairs", "overig", "Government"]),
    "source": mostly(IDS + ["GEM", "Uwv", " roc "], st.sampled_from(["vno", "FNV", "lwl"])),
    "target": mostly(IDS + ["vno", "fnv"], texts),
    "type": mostly(["bestuur", "financiering", "levering", "samenwerking", "advies", "governance", "Referral"]),
    "weight": mostly(["", "1", "2", "3", "2,5", "0.000001", "1000000"],
                     st.sampled_from(["0", "-1", "1e308", "1e-9", "nan", "inf", "veel", "=1+1", "1e6"])),
    "since": mostly(["", "", "2020", "2021-03", "01-03-2021", "2021-03-01 14:30:00", "2021-03-01T09:00"],
                    st.sampled_from(["2020-13-45", "31-02-2021", "2021-03-01T25:00", "0000", "gisteren"])),
    "note": texts,
}


def rows(columns: tuple[str, ...]):
    row = st.fixed_dictionaries({c: cells[c] for c in columns})
    if "source" in columns:   # a relation with itself now and then, not in most regions
        row = row.filter(lambda r: r["source"].strip().casefold() != r["target"].strip().casefold()
                         or r["note"] == "=HYPERLINK(\"http://x\",\"y\")")
    return st.one_of(st.lists(row, max_size=8),
                     st.lists(row, max_size=8, unique_by=lambda r: r[columns[0]].strip().casefold()))


ACTOR_COLUMNS = ("id", "name", "group")
RELATION_COLUMNS = ("source", "target", "type", "weight", "since", "note")
actor_rows = rows(ACTOR_COLUMNS)
relation_rows = rows(RELATION_COLUMNS)
# A valid core, so that the analysis runs and the outputs are checked, plus generated rows.
VALID_ACTORS = [{"id": i, "name": n, "group": g} for i, n, g in
                [("gem", "Gemeente", "overheid"), ("uwv", "UWV", "intermediairs"), ("roc", "ROC", "onderwijs")]]
VALID_RELATIONS = [{"source": "gem", "target": "uwv", "type": "bestuur", "weight": "2", "since": "", "note": ""},
                   {"source": "roc", "target": "gem", "type": "levering", "weight": "1", "since": "", "note": ""}]


def csv_text(table: list[dict], columns: tuple[str, ...], delimiter: str) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(table)
    return buffer.getvalue()


def check_run(folder: Path, out: Path, *extra: str) -> None:
    before = snapshot(folder)
    result = run_cli("analyse", folder, "--out", out, *FAST, *extra)   # an exception fails the test
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    assert snapshot(folder) == before
    if result.exit_code == 2:
        assert not out.exists(), result.output
    else:
        check_outputs_parse(out / (folder.name + (f"-{extra[1]}" if extra[:1] == ("--year",) else "")))


@given(actors=actor_rows, relations=relation_rows, keep_valid=st.sampled_from([True, True, True, False]),
       delimiter=st.sampled_from([",", ";", "\t"]), encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252"]),
       year=st.sampled_from([None, 2020, 2021]))
def test_any_csv_content_exits_0_or_2(actors, relations, keep_valid, delimiter, encoding, year):
    if keep_valid:
        actors, relations = VALID_ACTORS + actors, VALID_RELATIONS + relations
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "regio"
        folder.mkdir()
        for name, table, columns in (("actors.csv", actors, ACTOR_COLUMNS),
                                     ("relations.csv", relations, RELATION_COLUMNS)):
            data = csv_text(table, columns, delimiter).encode(encoding, errors="replace")
            (folder / name).write_bytes(data)
        check_run(folder, Path(tmp) / "out", *(("--year", str(year)) if year else ()))


xlsx_cell = st.one_of(st.integers(1, 3), st.floats(0.5, 3), texts, st.integers(-5, 5), st.floats(allow_nan=True, allow_infinity=True), st.none(),
                      st.booleans(), st.dates(min_value=datetime.date(1900, 1, 1)).map(
                          lambda d: datetime.datetime(d.year, d.month, d.day, 12, 30)))


@given(actors=actor_rows, relations=relation_rows, keep_valid=st.sampled_from([True, True, True, False]),
       weights=st.lists(xlsx_cell, max_size=4), hidden=st.booleans())
def test_any_xlsx_content_exits_0_or_2(actors, relations, keep_valid, weights, hidden):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if keep_valid:
        actors, relations = VALID_ACTORS + actors, VALID_RELATIONS + relations

    def clean(value):   # what openpyxl can store at all (it refuses control characters)
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, table, columns in (("actoren", actors, ACTOR_COLUMNS), ("relaties", relations, RELATION_COLUMNS)):
        sheet = workbook.create_sheet(name)
        sheet.append(list(columns))
        for row in table:
            sheet.append([clean(row[c]) for c in columns])
    for r, weight in enumerate(weights[:len(relations)], start=2):   # numbers, dates, booleans, None
        workbook["relaties"].cell(row=r, column=4, value=clean(weight))
    if hidden:
        stale = workbook.create_sheet("actors")
        stale.append(["id", "name", "group"])
        stale.sheet_state = "hidden"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "regio"
        folder.mkdir()
        workbook.save(folder / "ecosystem.xlsx")
        check_run(folder, Path(tmp) / "out")
