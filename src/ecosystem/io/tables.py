"""Read a spreadsheet table (CSV or an XLSX sheet) into rows with their spreadsheet row numbers.

CSV as Dutch Excel writes it is the common case: ``;`` as delimiter, a UTF-8 BOM,
CRLF line ends. The delimiter is detected from the header line; cells are
stripped of surrounding whitespace; headers are lower-cased and Dutch aliases
mapped to the contract's names. Nothing here judges the values: that is
``io.validate``'s job.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem
from ..vocab import HEADER_ALIASES, normalise_key


@dataclass(frozen=True)
class Table:
    file: str                               # name shown in messages
    columns: tuple[str, ...]                # canonical column names, in file order
    rows: tuple[tuple[int, dict[str, str]], ...]   # (spreadsheet row number, cells)


def canonical_header(name: str) -> str:
    key = normalise_key(name).replace(" ", "_")
    return HEADER_ALIASES.get(key, key)


def _detect_delimiter(header_line: str) -> str:
    # Count outside quotes: a Dutch header never contains ';' in a name, and a
    # decimal comma never appears in a header, so the header line decides.
    counts = {d: 0 for d in (";", ",", "\t")}
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _build(file: str, header: list, body: list[tuple[int, list]], problems: list[Problem]) -> Table:
    columns = [canonical_header(str(h or "")) for h in header]
    seen: set[str] = set()
    for col in columns:
        if col and col in seen:
            problems.append(Problem(file, "duplicate_column", column=col))
        seen.add(col)
    rows = []
    for number, cells in body:
        values = ["" if c is None else str(c).strip() for c in cells]
        if not any(values):
            continue                         # blank spreadsheet rows are not data
        record = {col: (values[i] if i < len(values) else "") for i, col in enumerate(columns) if col}
        rows.append((number, record))
    return Table(file, tuple(c for c in columns if c), tuple(rows))


def read_csv(path: Path, problems: list[Problem]) -> Table | None:
    """Read ``path``; append problems and return None if it is not a usable text table."""
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        problems.append(Problem(path.name, "not_text"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Excel on Windows saves 'CSV' as cp1252; accept it rather than fail.
        text = raw.decode("cp1252", errors="replace")
    if not text.strip():
        problems.append(Problem(path.name, "empty_file", params={"columns": "id, name, group"}))
        return None
    first_line = text.lstrip("\r\n").splitlines()[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_detect_delimiter(first_line))
    records = [(reader.line_num, row) for row in reader]
    records = [(n, r) for n, r in records if any(c.strip() for c in r)]
    header_row, header = records[0]
    return _build(path.name, header, records[1:], problems)


def read_xlsx_sheet(path: Path, sheet: str, problems: list[Problem]) -> Table | None:
    """Read one sheet of an .xlsx workbook with openpyxl (read-only, values only)."""
    from openpyxl import load_workbook  # imported here: only XLSX users pay for it

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a damaged file
        problems.append(Problem(path.name, "bad_xlsx", params={"error": type(exc).__name__}))
        return None
    names = {normalise_key(n): n for n in workbook.sheetnames}
    if sheet not in names:
        problems.append(Problem(path.name, "missing_sheet", params={"sheet": sheet}))
        return None
    ws = workbook[names[sheet]]
    records = [(i, list(r)) for i, r in enumerate(ws.iter_rows(values_only=True), start=1)]
    workbook.close()
    records = [(n, r) for n, r in records if any(c is not None and str(c).strip() for c in r)]
    label = f"{path.name}[{sheet}]"
    if not records:
        problems.append(Problem(label, "empty_file", params={"columns": "id, name, group"}))
        return None
    return _build(label, records[0][1], records[1:], problems)
