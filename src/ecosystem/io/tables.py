"""Read a spreadsheet table (CSV or an XLSX sheet) into rows with their spreadsheet row numbers.

CSV as Dutch Excel writes it is the common case: ``;`` as delimiter, a UTF-8 BOM,
CRLF line ends. The delimiter (``;``, ``,`` or tab) is detected from the header
line; cells are stripped of surrounding whitespace; headers are lower-cased and
Dutch aliases mapped to the contract's names, while the header text as the user
wrote it is kept for messages. Nothing here judges the values: that is
``io.validate``'s job.
"""
from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem, Text
from ..vocab import ACTOR_KNOWN, HEADER_ALIASES, RELATION_KNOWN, normalise_key
from .headers import HEADER_PHRASES, canonical_header, find_header, header_notes, table_kind

DELIMITERS = (";", ",", "\t")
# Every column name the contract knows, canonical and Dutch: used to recognise a
# header that was not split because its separator is not one we accept.
_KNOWN_HEADERS = set(ACTOR_KNOWN) | set(RELATION_KNOWN) | set(HEADER_ALIASES) | set(HEADER_PHRASES)
# Characters that are part of a column name, never a separator between names.
_NAME_CHARS = set("_-.'()&/")


@dataclass(frozen=True)
class Table:
    file: str                               # name shown in messages
    columns: tuple[str, ...]                # canonical column names, in file order
    rows: tuple[tuple[int, dict[str, str]], ...]   # (spreadsheet row number, cells)
    headers: dict[str, str] = field(default_factory=dict)   # canonical name -> header as written
    found: tuple[str, ...] = ()             # the header cells as written, for 'found: ...'
    notes: tuple[Problem, ...] = ()         # warnings about the header (row used, columns not recognised)

    def label(self, column: str) -> str:
        """The column's name as the user wrote it in the header (canonical name if absent)."""
        return self.headers.get(column, column)

    @property
    def dutch(self) -> bool:
        """True when the header uses Dutch names (naam, groep, bron, ...)."""
        return any(normalise_key(h).replace(" ", "_") in HEADER_ALIASES for h in self.found)


def _detect_delimiter(header_line: str) -> str:
    # Count outside quotes: a Dutch header never contains ';' in a name, and a
    # decimal comma never appears in a header, so the header line decides.
    counts = {d: 0 for d in DELIMITERS}
    quoted = False
    for ch in header_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def unsplit_separator(header: list, candidates: str | None = None) -> str | None:
    """The separator that joins several column names into one header cell, if that is what happened.

    A header of one cell such as ``bron|doel|soort`` means the file uses a
    separator we do not split on. Returns that character, or None when the
    header is not one cell or the cell looks like a single column name.
    """
    cells = [str(c).strip() for c in header if c is not None and str(c).strip()]
    if len(cells) != 1:
        return None
    cell = cells[0]
    chars = Counter(ch for ch in cell if not ch.isalnum() and ch not in _NAME_CHARS
                    and (candidates is None or ch in candidates))
    best, best_known = None, 1
    for ch, _ in chars.most_common():
        parts = [canonical_header(p) for p in cell.split(ch) if p.strip()]
        known = sum(p in _KNOWN_HEADERS or p == "id" for p in parts)
        if known > best_known:                # splitting on it yields two or more known names
            best, best_known = ch, known
    if best is None:                          # unknown names, but clearly several of them
        others = [ch for ch, _ in chars.most_common()
                  if not ch.isspace() and sum(bool(p.strip()) for p in cell.split(ch)) >= 2]
        best = others[0] if others else None
    return best


def separator_name(ch: str) -> str | Text:
    """The separator as shown in a message: the character itself, or a word for white space."""
    return {"\t": Text("sep_tab"), " ": Text("sep_space")}.get(ch, f"'{ch}'")


def _build_from(file: str, records: list[tuple[int, list]], problems: list[Problem]) -> Table:
    """Build the table from its non-empty rows, taking the header row from :func:`find_header`."""
    start = find_header(records)
    table = _build(file, records[start][1], records[start + 1:], problems)
    written = ["" if h is None else str(h).strip() for h in records[start][1]]
    notes = header_notes(file, written, [canonical_header(h) for h in written], records[start][0], records[0][0])
    return Table(table.file, table.columns, table.rows, table.headers, table.found, tuple(notes))


def _build(file: str, header: list, body: list[tuple[int, list]], problems: list[Problem]) -> Table:
    written = ["" if h is None else str(h).strip() for h in header]
    columns = [canonical_header(h) for h in written]
    headers: dict[str, str] = {}
    for col, text in zip(columns, written):
        if not col:
            continue
        if col in headers:
            if normalise_key(headers[col]) == normalise_key(text):
                problems.append(Problem(file, "duplicate_column", column=text))
            else:
                problems.append(Problem(file, "duplicate_alias", column=text,
                                        params={"column": text, "first": headers[col]}))
        else:
            headers[col] = text
    rows = []
    for number, cells in body:
        values = ["" if c is None else str(c).strip() for c in cells]
        if not any(values):
            continue                         # blank spreadsheet rows are not data
        record = {col: (values[i] if i < len(values) else "") for i, col in enumerate(columns) if col}
        rows.append((number, record))
    return Table(file, tuple(c for c in columns if c), tuple(rows), headers,
                 tuple(h for h in written if h))


def read_csv(path: Path, problems: list[Problem], expected: str = "id, name, group") -> Table | None:
    """Read ``path``; append problems and return None if it is not a usable text table.

    ``expected`` names the header the file should have, for the message about an empty file.
    """
    raw = path.read_bytes()
    text = decode_text(raw)
    if text is None:
        problems.append(Problem(path.name, binary_kind(raw)))
        return None
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    records = _records(text, _detect_delimiter(first_line))
    if records and find_header(records) == 0 and table_kind(canonical_header(c) for c in records[0][1]) is None:
        # A title line above the header decides nothing: take the separator that yields a header.
        for delimiter in DELIMITERS:
            candidate = _records(text, delimiter)
            if find_header(candidate) or table_kind(canonical_header(c) for c in candidate[0][1]):
                first_line = delimiter.join(candidate[find_header(candidate)][1])
                records = candidate
                break
    if not records:
        problems.append(Problem(path.name, "empty_file", params={"columns": expected}))
        return None
    header = records[find_header(records)][1]
    separator = unsplit_separator(header)
    if separator is not None:
        problems.append(Problem(path.name, "bad_delimiter",
                                params={"separator": separator_name(separator), "header": first_line.strip()}))
        return None
    return _build_from(path.name, records, problems)


def _records(text: str, delimiter: str) -> list[tuple[int, list]]:
    """Non-empty records numbered as a spreadsheet does: one row per record (a quoted cell may
    span several lines), blank lines included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [(n, row) for n, row in enumerate(reader, start=1) if any(c.strip() for c in row)]


def decode_text(raw: bytes) -> str | None:
    """The text of a CSV or tab-separated file, or None when it is not text.

    UTF-16 with its byte-order mark is what Excel writes for 'Unicode-tekst' (tab-separated);
    UTF-8 with or without BOM is the usual CSV; older Excel on Windows writes cp1252.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in raw[:4096]:
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def binary_kind(raw: bytes) -> str:
    """The message key for a file that is not what its name says.

    Excel saves a password-protected workbook as an OLE2 compound file holding an
    'EncryptionInfo' stream, whatever the extension; an OLE2 file without it is the old
    .xls format. Anything else is just not readable as text.
    """
    if raw.startswith(OLE2_MAGIC):
        return "encrypted_workbook" if "EncryptionInfo".encode("utf-16-le") in raw else "old_xls"
    return "not_text"


# Sheet names accepted for each table, any case.
SHEET_NAMES = {"actors": ("actors", "actoren"), "relations": ("relations", "relaties")}


def xlsx_sheet_names(path: Path) -> list[str] | None:
    """The workbook's sheet names, or None if it cannot be opened."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises several types for a damaged file
        return None
    names = list(workbook.sheetnames)
    workbook.close()
    return names


def read_xlsx(path: Path, problems: list[Problem],
              expected: dict[str, str] | None = None) -> tuple[Table | None, Table | None]:
    """Read the actors and relations sheets of an .xlsx workbook (read-only, values only)."""
    from openpyxl import load_workbook  # imported here: only XLSX users pay for it

    expected = expected or {}
    with open(path, "rb") as fh:
        start = fh.read(len(OLE2_MAGIC))
    if start == OLE2_MAGIC:
        problems.append(Problem(path.name, binary_kind(path.read_bytes())))
        return None, None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several types for a damaged file
        problems.append(Problem(path.name, "bad_xlsx", params={"error": type(exc).__name__}))
        return None, None
    by_key = {normalise_key(n): n for n in workbook.sheetnames}
    tables: list[Table | None] = []
    for kind, accepted in SHEET_NAMES.items():
        name = next((by_key[a] for a in accepted if a in by_key), None)
        if name is None:
            problems.append(Problem(path.name, "missing_sheet",
                                    params={"sheet": kind, "accepted": accepted,
                                            "found": ", ".join(workbook.sheetnames) or "-"}))
            tables.append(None)
            continue
        records = [(i, list(r)) for i, r in enumerate(workbook[name].iter_rows(values_only=True), start=1)]
        records = [(n, r) for n, r in records if any(c is not None and str(c).strip() for c in r)]
        label = f"{path.name}[{name}]"
        if not records:
            problems.append(Problem(label, "empty_file", params={"columns": expected.get(kind, "")}))
            tables.append(None)
            continue
        header = records[find_header(records)][1]
        separator = unsplit_separator(header)
        if separator is not None:
            cell = next(str(c).strip() for c in header if c is not None and str(c).strip())
            problems.append(Problem(label, "one_column_sheet",
                                    params={"separator": separator_name(separator), "header": cell}))
            tables.append(None)
            continue
        tables.append(_build_from(label, records, problems))
    workbook.close()
    return tables[0], tables[1]
