"""Read a spreadsheet table (CSV or an XLSX sheet) into rows with their spreadsheet row numbers.

CSV as Dutch Excel writes it is the common case: ``;`` as delimiter, a UTF-8 BOM,
CRLF line ends. The delimiter (``;``, ``,`` or tab) is detected from the header
line; cells are stripped of surrounding whitespace; headers are lower-cased and
Dutch aliases mapped to the contract's names, while the header text as the user
wrote it is kept for messages. Nothing here judges the values: that is
``io.validate``'s job.

Cells are read as text with two guards, so that nothing is silently wrong later:
control characters that XML cannot hold (NUL and the like, which would make
network.graphml and network.gexf invalid) are removed with a warning, and a
cell longer than Excel's 32,767 characters is an error. In a workbook, a formula
is read by its saved result; a formula without one (a workbook written by a
program and never saved in Excel) is an error, and a later problem with a
formula's result names the formula. An Excel error value (``#N/A``, ``#REF!``, ...: a
formula that failed, saved as its result or exported to CSV) is an error in any column.

Three more guards against data lost without a word: a quote that opens a CSV cell and is
never closed (it would swallow the rows after it into one cell) is an error at the row and
column where it opens; a column with values but no header name is an error naming its letter
and rows; and a byte that is not valid in the file's encoding is an error at its cell, never
a silent replacement character. A workbook is read whole, whatever range its sheet says it
holds (programs that write .xlsx often state a wrong one), and cells merged across data rows
are an error naming the range (only the first cell of a merged range holds the value). A sheet
that is not read but holds data, and hidden rows (by hand or by a filter) and hidden columns that
are read, each get a warning line (a Kumu workbook too: :func:`unread_sheets`, :func:`hidden_warnings`);
a workbook cell holding a number is marked as such (``Table.numbers``), so that its value is not put
through the rule for typed numbers. In a comma-separated file a decimal comma splits a number over two
cells: into a column without a name that is an error, into the free-text column after the weight
('1,5' read as weight 1 and note '5') a warning, as it may be a real note.
"""
from __future__ import annotations

import csv
import datetime
import io
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import Problem, Text
from ..i18n import LANGS, t
from ..vocab import ACTOR_KNOWN, HEADER_ALIASES, RELATION_KNOWN, TEXT_COLUMNS, normalise_key
from .headers import HEADER_PHRASES, canonical_header, find_header, header_notes, table_kind

DELIMITERS = (";", ",", "\t")
# Every column name the contract knows, canonical and Dutch: used to recognise a
# header that was not split because its separator is not one we accept.
_KNOWN_HEADERS = set(ACTOR_KNOWN) | set(RELATION_KNOWN) | set(HEADER_ALIASES) | set(HEADER_PHRASES)
# Characters that are part of a column name, never a separator between names.
_NAME_CHARS = set("_-.'()&/")
# Characters XML 1.0 cannot hold (C0 controls other than tab, LF and CR; U+FFFE and U+FFFF):
# left in a name they make network.graphml and network.gexf unreadable.
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
CELL_LIMIT = 32767            # characters in one Excel cell; actors.xlsx could not hold more
# A byte the file's encoding cannot read, kept by decoding with 'surrogateescape' (U+DC80..U+DCFF).
_BAD_BYTE = re.compile("[\udc80-\udcff]")
# Either of the two above: one search per cell finds the rare cell that needs a closer look.
_UNUSUAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\udc80-\udcff]")
_ROWS_SHOWN = 5               # rows named in a grouped warning
_WHOLE = re.compile(r"[+-]?\d+")   # a whole number: with a decimal comma split off, what is left of it
# The values Excel shows for a formula that failed (and saves as the formula's result, or in a CSV
# export): never data, whatever the column. '#GETTING_DATA' and the newer ones Excel writes too.
# Workbook cells that are neither text nor a number: a true/false value (Excel's WAAR/ONWAAR) and a date
# or time, whose text as read ('True', '2021-03-01 00:00:00') is no word a reader of the sheet has seen.
_NOT_TEXT = (bool, datetime.date, datetime.time)
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                          "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"})


@dataclass(frozen=True)
class Table:
    file: str                               # name shown in messages
    columns: tuple[str, ...]                # canonical column names, in file order
    rows: tuple[tuple[int, dict[str, str]], ...]   # (spreadsheet row number, cells)
    headers: dict[str, str] = field(default_factory=dict)   # canonical name -> header as written
    found: tuple[str, ...] = ()             # the header cells as written, for 'found: ...'
    warnings: tuple[Problem, ...] = ()      # what was read with a correction (a warning line each)
    formulas: dict[tuple[int, str], tuple[str, str]] = field(default_factory=dict)   # (row, header) -> (formula, result)
    notes: tuple[Problem, ...] = ()         # warnings about the header (row used, columns not recognised)
    merged: dict[tuple[int, str], str] = field(default_factory=dict)   # (row, header) -> merged range covering it
    excel_errors: dict[tuple[int, str], str] = field(default_factory=dict)   # (row, header) -> error value read
    numbers: frozenset[tuple[int, str]] = frozenset()   # (row, header) of workbook cells holding a number
    not_text: dict[tuple[int, str], object] = field(default_factory=dict)   # (row, header) -> a true/false or date cell

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


def column_letter(index: int) -> str:
    """The spreadsheet's letter for a 0-based column index (0 -> 'A', 26 -> 'AA')."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _build_from(file: str, records: list[tuple[int, list]], problems: list[Problem],
                formulas: dict[tuple[int, int], str] | None = None,
                merged: list[tuple[int, int, int, int, str]] = (), errors_possible: bool = True,
                comma: bool = False) -> Table:
    """Build the table from its non-empty rows, taking the header row from :func:`find_header`.

    ``merged`` are the sheet's merged ranges (first column, first row, last column, last row,
    as 1-based numbers, and the range as written). ``errors_possible`` False: no cell can hold an
    Excel error value (a CSV without '#'), so no row is looked at for one. ``comma``: a CSV
    separated by commas, where a decimal comma splits a number over two cells.
    """
    start = find_header(records)
    table = _build(file, records[start][1], records[start + 1:], problems, formulas, records[start][0],
                   errors_possible, comma)
    if merged:
        table = replace(table, merged=_merged_cells(file, records[start:], merged, problems))
    written = ["" if h is None else str(h).strip() for h in records[start][1]]
    notes = header_notes(file, written, [canonical_header(h) for h in written], records[start][0], records[0][0])
    return replace(table, notes=tuple(notes))


def _merged_cells(file: str, records: list[tuple[int, list]], merged: list[tuple[int, int, int, int, str]],
                  problems: list[Problem]) -> dict[tuple[int, str], str]:
    """One problem per merged range over data rows whose first cell holds a value; returns the
    cells those ranges cover. ``records`` are the header row and the rows below it.

    Only the first cell of a merged range holds the value: the others read as empty, so a group
    merged over three rows would belong to the first organisation only. A merged title above
    the header, or merged empty cells, lose nothing and are fine.
    """
    header_row, header = records[0]
    written = ["" if h is None else str(h).strip() for h in header]
    rows = dict(records[1:])

    def label(col: int) -> str:
        return written[col - 1] if col - 1 < len(written) and written[col - 1] else column_letter(col - 1)

    covered: dict[tuple[int, str], str] = {}
    for first_col, first_row, last_col, last_row, ref in merged:
        first = rows.get(first_row, [])
        holds_value = first_col - 1 < len(first) and str(first[first_col - 1] or "").strip()
        if last_row <= header_row or not holds_value:
            continue
        problems.append(Problem(file, "merged_cells", max(first_row, header_row + 1), label(first_col),
                                {"range": ref, "first": f"{column_letter(first_col - 1)}{first_row}"}))
        for row in range(max(first_row, header_row + 1), last_row + 1):
            for col in range(first_col, last_col + 1):
                covered[(row, label(col))] = ref
    return covered


def _cell_text(value, file: str, row: int, column: str, problems: list[Problem], cleaned: dict) -> str:
    """A cell as stripped text: XML-invalid characters removed (noted in ``cleaned``), length checked,
    a byte the encoding cannot read reported (and shown as U+FFFD)."""
    text = "" if value is None else str(value)
    if not _UNUSUAL.search(text):        # nearly every cell: neither check below applies
        return _within_limit(text, file, row, column, problems).strip()
    if _BAD_BYTE.search(text):
        found = dict.fromkeys(_BAD_BYTE.findall(text))
        problems.append(Problem(file, "bad_character", row, column or "-",
                                {"bytes": ", ".join(f"0x{ord(c) - 0xDC00:02X}" for c in found)}))
        text = _BAD_BYTE.sub("\ufffd", text)
    if XML_INVALID.search(text):
        text = XML_INVALID.sub("", text)
        cleaned.setdefault(column, []).append(row)
    return _within_limit(text, file, row, column, problems).strip()


def _within_limit(text: str, file: str, row: int, column: str, problems: list[Problem]) -> str:
    """``text`` cut to :data:`CELL_LIMIT` characters, reported when it was longer."""
    if len(text) > CELL_LIMIT:
        problems.append(Problem(file, "cell_too_long", row, column or "-", {"n": len(text), "limit": CELL_LIMIT}))
        return text[:CELL_LIMIT]
    return text


def _cleaned_warnings(file: str, cleaned: dict[str, list[int]]) -> list[Problem]:
    """One warning per column from which control characters were removed, naming the rows."""
    out = []
    for column, rows in cleaned.items():
        out.append(Problem(file, "control_chars", rows[0], column or "-", {"n": len(rows), "rows": rows_shown(rows)}))
    return out


def _build(file: str, header: list, body: list[tuple[int, list]], problems: list[Problem],
           formulas: dict[tuple[int, int], str] | None = None, header_row: int = 1,
           errors_possible: bool = True, comma: bool = False) -> Table:
    """The table from its header and rows; ``formulas`` maps (row, 0-based column) to a cell's formula.

    A cell with a value in a column whose header is empty (or beyond the header) is an error,
    one per column naming its letter and rows: it may be the weights. In a comma-separated file
    (``comma``) an unnamed column holding only digits right after a column of whole numbers is
    most likely a decimal comma ('2,5' read as the cells 2 and 5): its message says so, since
    naming the column would make '5' a note and the weight 2. An Excel error value
    (``#N/A``, ``#REF!``, ...: a formula that failed) in any named column is an error at its cell
    and the cell is read as empty, so that no later check takes it for a name, an id or a number.
    """
    cleaned: dict[str, list[int]] = {}
    header = [_cell_text(h, file, header_row, "", problems, cleaned) for h in header]
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
    seen_formulas: dict[tuple[int, str], tuple[str, str]] = {}
    errors: dict[tuple[int, str], str] = {}
    unnamed: dict[int, list[int]] = {}       # 0-based column without a header name -> rows with a value
    split: dict[int, str | None] = {}        # unnamed column -> '2,5' while every value looks like a split number
    typed: set[tuple[int, str]] = set()      # workbook cells holding a number (a float: its text has a ".")
    not_text: dict[tuple[int, str], object] = {}     # workbook cells holding true/false or a date
    not_text_possible = formulas is not None        # a workbook (a CSV's cells are all text)
    blank = [i for i, col in enumerate(columns) if not col]     # the columns without a name, looked at per row
    for number, cells in body:
        values = [_cell_text(c, file, number, (written[i] if i < len(written) else "") or column_letter(i),
                             problems, cleaned)
                  for i, c in enumerate(cells)]
        if not any(values) and not any((number, i) in (formulas or {}) for i in range(len(values))):
            continue                         # blank spreadsheet rows are not data
        typed.update((number, written[i]) for i, c in enumerate(cells)
                       if type(c) is float and i < len(columns) and columns[i])
        if not_text_possible:
            not_text.update(((number, written[i]), c) for i, c in enumerate(cells)
                            if isinstance(c, _NOT_TEXT) and i < len(columns) and columns[i])
        for i in [*(i for i in blank if i < len(values)), *range(len(columns), len(values))]:
            if values[i]:
                unnamed.setdefault(i, []).append(number)
                if comma and split.get(i, "") is not None:
                    before = values[i - 1] if i and i - 1 < len(columns) and columns[i - 1] else ""
                    joined = _split_number(before, values[i])
                    split[i] = (split.get(i) or joined) if joined else None
        for i, col in enumerate(columns):
            formula = (formulas or {}).get((number, i))
            if not col or formula is None:
                continue
            value = values[i] if i < len(values) else ""
            if not value:
                problems.append(Problem(file, "formula_no_value", number, written[i], {"formula": formula}))
            seen_formulas[(number, written[i])] = (formula, value)
        if errors_possible and not EXCEL_ERRORS.isdisjoint(values):    # one set operation per row at most
            for i, value in enumerate(values):
                if value in EXCEL_ERRORS and i < len(columns) and columns[i]:
                    problems.append(Problem(file, "excel_error", number, written[i], {"value": value}))
                    errors[(number, written[i])] = value
                    values[i] = ""
        record = {col: (values[i] if i < len(values) else "") for i, col in enumerate(columns) if col}
        rows.append((number, record))
    for i, numbers in sorted(unnamed.items()):
        params = {"letter": column_letter(i), "n": len(numbers), "rows": rows_shown(numbers)}
        if split.get(i):
            problems.append(Problem(file, "unnamed_column_decimal_comma", numbers[0], column_letter(i),
                                    {**params, "previous": written[i - 1], "example": split[i],
                                     "point": split[i].replace(",", ".")}))
        else:
            problems.append(Problem(file, "unnamed_column", numbers[0], column_letter(i), params))
    warnings = _cleaned_warnings(file, cleaned) + (_split_into_text(file, columns, written, rows) if comma else [])
    return Table(file, tuple(c for c in columns if c), tuple(rows), headers,
                 tuple(h for h in written if h), tuple(warnings), seen_formulas,
                 excel_errors=errors, numbers=frozenset(typed), not_text=not_text)


def _split_number(before: str, after: str) -> str | None:
    """``'2,5'`` when ``before`` is a whole number and ``after`` only digits: how a number with a decimal
    comma looks once a comma-separated file has split it over two cells; else None."""
    if _WHOLE.fullmatch(before) and after.isascii() and after.isdigit():
        return f"{before},{after}"
    return None


def _split_into_text(file: str, columns: list[str], written: list[str],
                     rows: list[tuple[int, dict[str, str]]]) -> list[Problem]:
    """One warning when, in a comma-separated file, the free-text column right after the weight
    (:data:`~ecosystem.vocab.TEXT_COLUMNS`) holds only digits in rows whose weight is a whole number.

    '1,5' typed without quotes reads as weight 1 and note '5': nothing is wrong in either cell, so
    only their pair tells. It may be a real note, so it is a warning naming the rows, not an error.
    """
    if "weight" not in columns:
        return []
    at = columns.index("weight")
    if at + 1 >= len(columns) or columns[at + 1] not in TEXT_COLUMNS:
        return []
    text = columns[at + 1]
    found = [(number, joined) for number, cells in rows
             if (joined := _split_number(cells.get("weight", ""), cells.get(text, "")))]
    if not found:
        return []
    numbers = [number for number, _ in found]
    example = found[0][1]
    return [Problem(file, "text_after_decimal_comma", numbers[0], written[at + 1], {
        "previous": written[at], "n": len(numbers), "rows": rows_shown(numbers), "example": example,
        "point": example.replace(",", ".")})]


def rows_shown(rows: list[int]) -> str:
    """The first few row numbers, '…' when there are more."""
    return ", ".join(map(str, rows[:_ROWS_SHOWN])) + (", …" if len(rows) > _ROWS_SHOWN else "")


def name_formulas(problems: list[Problem], tables: list[Table | None]) -> list[Problem]:
    """``problems`` with those about a formula's result saying which formula it was.

    'gewicht 0 moet groter dan 0 zijn' is puzzling when the cell shows ``=1-1``.
    """
    formulas = {(t.file, row, column): f for t in tables if t for (row, column), f in t.formulas.items()}
    out = []
    for problem in problems:
        found = formulas.get((problem.file, problem.row, problem.column))
        if found and found[1] and problem.key != "formula_no_value":    # no result: formula_no_value says so
            problem = Problem(problem.file, problem.key, problem.row, problem.column,
                              {**problem.params, "formula": found[0], "formula_value": found[1]})
        out.append(problem)
    return out


def without_merged(problems: list[Problem], tables: list[Table | None]) -> list[Problem]:
    """``problems`` without 'value missing' for a cell of a merged range, with an Excel error value or
    with a formula without a saved result (each read as empty): the cell's own line says why."""
    covered = {(t.file, row, column) for t in tables if t for (row, column) in
               (*t.merged, *t.excel_errors, *(cell for cell, (_, value) in t.formulas.items() if not value))}
    return [p for p in problems if not (p.key == "empty_value" and (p.file, p.row, p.column) in covered)]


def bad_workbook(path: Path, shown: str | None = None) -> Problem:
    """The problem for a file named like a workbook that cannot be opened as one: text (a CSV given the
    name .xlsx) or otherwise (damaged, cut off in copying, or another format renamed). ``shown``: the
    file as messages name it."""
    try:
        with open(path, "rb") as fh:
            start = fh.read(4096)
    except OSError as exc:
        return unreadable(path, exc)
    text = not start.startswith(b"PK") and start.strip() and decode_text(start) is not None
    return Problem(shown or path.name, "xlsx_is_text" if text else "bad_xlsx")


def unreadable(path: Path, exc: OSError) -> Problem:
    """The problem for a file that cannot be opened (no permission, gone, locked)."""
    return Problem(path.name, "unreadable_file", params={"reason": exc.strerror or type(exc).__name__})


def read_csv(path: Path, problems: list[Problem], expected: str = "id, name, group") -> Table | None:
    """Read ``path``; append problems and return None if it is not a usable text table.

    ``expected`` names the header the file should have, for the message about an empty file.
    """
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        problems.append(Problem(path.name, "not_a_file", params={"file": path.name}))
        return None
    except OSError as exc:
        problems.append(unreadable(path, exc))
        return None
    text = decode_text(raw)
    if text is None:
        problems.append(Problem(path.name, binary_kind(raw)))
        return None
    text, directive = _separator_directive(text)
    first_line = _BAD_BYTE.sub("\ufffd", next((line for line in text.splitlines() if line.strip()), ""))
    delimiter = directive or _detect_delimiter(first_line)
    try:
        records = _records(text, delimiter)
        if (not directive and records and find_header(records) == 0
                and table_kind(canonical_header(c) for c in records[0][1]) is None):
            # A title line above the header decides nothing: take the separator that yields a header.
            for other in DELIMITERS:
                candidate = _records(text, other)
                if find_header(candidate) or table_kind(canonical_header(c) for c in candidate[0][1]):
                    first_line = other.join(candidate[find_header(candidate)][1])
                    records, delimiter = candidate, other
                    break
    except _UnreadableRow as exc:   # a cell beyond the csv module's field limit, or a damaged row
        problems.append(Problem(path.name, "csv_unreadable_row", params={"row": exc.row,
                                                                        "limit": csv.field_size_limit()}))
        return None
    if not records:
        problems.append(Problem(path.name, "empty_file", params={"columns": expected}))
        return None
    header = records[find_header(records)][1]
    separator = unsplit_separator(header)
    if separator is not None:
        problems.append(Problem(path.name, "bad_delimiter",
                                params={"separator": separator_name(separator), "header": first_line.strip()}))
        return None
    problems += _runaway_quotes(path.name, text, delimiter, records)
    return _build_from(path.name, records, problems, errors_possible="#" in text, comma=delimiter == ",")


# Excel's separator line, 'sep=;' as the first line of a CSV: Excel reads it as the separator to use
# and does not show it, so the header is row 1 in Excel (a trailing run of separators is Excel re-saving it).
_SEP_LINE = re.compile(r'"?sep=([^\r\n])"?[;,\t ]*', re.IGNORECASE)


def _separator_directive(text: str) -> tuple[str, str | None]:
    """``text`` without Excel's 'sep=X' first line, and X when it is a separator that is read (else None;
    the line is dropped all the same, so the header decides and an unknown separator is said as such)."""
    first, newline, rest = text.partition("\n")
    found = _SEP_LINE.fullmatch(first.rstrip("\r").strip())
    if found is None:
        return text, None
    return rest if newline else "", found.group(1) if found.group(1) in DELIMITERS else None


def _runaway_quotes(file: str, text: str, delimiter: str, records: list[tuple[int, list]]) -> list[Problem]:
    """A quote that opens a cell and is not closed where the cell should end.

    The csv module then reads every line up to the next quote (or the end of the file) as
    the text of that one cell, so rows vanish without a word. Two signs: the file ends inside
    a quoted cell, or a quoted cell spans lines of which a later one holds a whole row's worth
    of separators. A note over several lines in properly closed quotes is neither.
    """
    header = records[find_header(records)][1] if records else []
    width = max(len(header), 2)

    def where(index: int) -> str:
        name = str(header[index]).strip() if index < len(header) and header[index] else ""
        return name or column_letter(index)

    problems, reported = [], set()
    end = _open_at_end(text, delimiter)
    if end is not None:
        number, index, lines = end
        problems.append(Problem(file, "unclosed_quote" if lines else "unclosed_quote_end", number,
                                where(index), {"lines": lines}))
        reported.add(number)
    for number, cells in records:
        if number in reported:
            continue
        for index, cell in enumerate(cells):
            if "\n" not in cell and "\r" not in cell:     # nearly every cell: one line, nothing swallowed
                continue
            lines = cell.splitlines()
            if len(lines) > 1 and any(line.count(delimiter) >= width - 1 for line in lines[1:]):
                problems.append(Problem(file, "unclosed_quote", number, where(index),
                                        {"lines": len(lines) - 1}))
                break
    return problems


def _open_at_end(text: str, delimiter: str) -> tuple[int, int, int] | None:
    """(record number, 0-based column, lines after it) of a quote still open at the end of the file."""
    if '"' not in text:
        return None
    d = re.escape(delimiter)
    opened = None
    for match in re.finditer(r'(?:\A|(?<=[\r\n' + d + r']))"(?:[^"]+|"")*("?)', text):
        if not match.group(1):
            opened = match.start()
    if opened is None:
        return None
    before = text[:opened]
    prior = list(csv.reader(io.StringIO(before, newline=""), delimiter=delimiter))
    if not before or before.endswith(("\n", "\r")):
        number, index = len(prior) + 1, 0          # the quote starts a new row
    else:
        number, index = len(prior), len(prior[-1]) - 1
    return number, index, len(text[opened:].rstrip("\r\n").splitlines()) - 1


class _UnreadableRow(Exception):
    """A CSV record the csv module cannot read (a cell beyond its field limit, a damaged row)."""

    def __init__(self, row: int):
        super().__init__(row)
        self.row = row


def _records(text: str, delimiter: str) -> list[tuple[int, list]]:
    """Non-empty records numbered as a spreadsheet does: one row per record (a quoted cell may
    span several lines), blank lines included. Raises :class:`_UnreadableRow` at a bad record."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, number = [], 0
    try:
        for number, row in enumerate(reader, start=1):
            if any(c.strip() for c in row):
                records.append((number, row))
    except csv.Error as exc:
        raise _UnreadableRow(number + 1) from exc
    return records


def decode_text(raw: bytes) -> str | None:
    """The text of a CSV or tab-separated file, or None when it is not text.

    UTF-16 with its byte-order mark is what Excel writes for 'Unicode-tekst' (tab-separated);
    UTF-8 with or without BOM is the usual CSV; older Excel on Windows writes cp1252. The
    evidence decides: a file with any valid UTF-8 accent is UTF-8, and a byte that is not valid
    there (one pasted from a cp1252 file) is kept as U+DC80+byte, for :func:`_cell_text` to
    report at its cell; a file without any is cp1252, whose five undefined bytes are kept the
    same way. Nothing is silently replaced or garbled.
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
        pass
    text = raw.decode("utf-8-sig", errors="surrogateescape")
    if re.search("[^\x00-\x7f\udc80-\udcff]", text):    # valid UTF-8 beyond ASCII: a UTF-8 file
        return text
    return raw.decode("cp1252", errors="surrogateescape")


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


def sheet_rows(sheet) -> list[tuple[int, list]]:
    """Every row of a read-only worksheet as (row number, values), whatever range the sheet states.

    A sheet states the range it holds (``<dimension ref="A1:C3"/>``); programs that write .xlsx
    often state a wrong one (Apache POI's streaming writer: "A1"), and read-only mode would stop
    there, silently dropping the rows and columns beyond it.
    """
    sheet.reset_dimensions()
    return [(i, list(r)) for i, r in enumerate(sheet.iter_rows(values_only=True), start=1)]


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


def _pick_sheet(workbook, kind: str, label: str, problems: list[Problem], warnings: list[Problem]) -> str | None:
    """The sheet to read for ``kind``: the only one with an accepted name, or the only visible one.

    A hidden sheet beside a visible one with an accepted name is usually a stale copy: the visible
    one is read and the hidden one named in a warning. Two visible candidates are an error.
    """
    candidates = [n for n in workbook.sheetnames if normalise_key(n) in SHEET_NAMES[kind]]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    visible = [n for n in candidates if workbook[n].sheet_state == "visible"]
    if len(visible) == 1:
        for hidden in (n for n in candidates if n != visible[0]):
            warnings.append(Problem(label, "sheet_hidden_ignored", params={"hidden": hidden, "used": visible[0]}))
        return visible[0]
    problems.append(Problem(label, "several_sheets",
                            params={"kind": kind, "sheets": ", ".join(f"'{n}'" for n in visible or candidates)}))
    return None


# A formula element in the sheet's XML (<f>, <f t="shared" ...>, or with a namespace prefix).
_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


# A merged range in the sheet's XML: <mergeCell ref="C2:C3"/>.
_MERGE_TAG = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Za-z]+[0-9]+(?::[A-Za-z]+[0-9]+)?)"')


def sheet_xml(path: Path, sheet) -> bytes | None:
    """The XML of a read-only worksheet, or None when it cannot be read."""
    import zipfile

    part = getattr(sheet, "_worksheet_path", None)
    if not part:
        return None
    try:
        with zipfile.ZipFile(path) as archive:
            return archive.read(part.lstrip("/"))
    except (KeyError, OSError, zipfile.BadZipFile):
        return None


def _merged_ranges(xml: bytes | None) -> list[tuple[int, int, int, int, str]]:
    """The sheet's merged ranges as (first column, first row, last column, last row, range).

    Read from the XML: openpyxl's read-only mode, which keeps large sheets fast, does not load them.
    """
    from openpyxl.utils.cell import range_boundaries

    out = []
    for ref in _MERGE_TAG.findall(xml or b""):
        ref = ref.decode("ascii").upper()
        try:
            out.append((*range_boundaries(ref), ref))
        except ValueError:
            continue
    return out


def _formula_cells(path: Path, sheet: str, values: list[tuple[int, list]],
                   xml: bytes | None) -> dict[tuple[int, int], str]:
    """(row, 0-based column) -> formula text for every formula cell of ``sheet``.

    ``values`` are the sheet's rows as read with ``data_only`` (a formula's saved result, or
    None when there is none); only a second pass without it tells a formula from an empty
    cell. A cell whose two readings differ holds a formula (text that merely starts with
    ``=`` reads the same both times). ``xml`` is the sheet's XML: without a formula element
    in it there is no second pass.
    """
    from openpyxl import load_workbook

    if xml is not None and not _FORMULA_TAG.search(xml):
        return {}                                           # the common case: no second pass
    workbook = load_workbook(path, read_only=True, data_only=False)
    try:
        found = {}
        for (number, saved), (_, written) in zip(values, sheet_rows(workbook[sheet])):
            for c, cell in enumerate(written):
                text = getattr(cell, "text", cell)          # an array formula is an object with .text
                if isinstance(text, str) and text.startswith("=") and (c >= len(saved) or saved[c] != text):
                    found[(number, c)] = text
        return found
    finally:
        workbook.close()


def read_xlsx(path: Path, problems: list[Problem],
              expected: dict[str, str] | None = None) -> tuple[Table | None, Table | None]:
    """Read the actors and relations sheets of an .xlsx workbook (read-only, values only)."""
    from openpyxl import load_workbook  # imported here: only XLSX users pay for it

    expected = expected or {}
    try:
        with open(path, "rb") as fh:
            start = fh.read(len(OLE2_MAGIC))
    except OSError as exc:
        problems.append(unreadable(path, exc))
        return None, None
    if start == OLE2_MAGIC:
        problems.append(Problem(path.name, binary_kind(path.read_bytes())))
        return None, None
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises several types for a damaged file
        problems.append(bad_workbook(path))
        return None, None
    tables: list[Table | None] = []
    for kind, accepted in SHEET_NAMES.items():
        warnings: list[Problem] = []
        name = _pick_sheet(workbook, kind, path.name, problems, warnings)
        if name is None:
            if not any(normalise_key(n) in accepted for n in workbook.sheetnames):
                problems.append(Problem(path.name, "missing_sheet",
                                        params={"sheet": kind, "accepted": accepted,
                                                "found": ", ".join(workbook.sheetnames) or "-"}))
            tables.append(None)
            continue
        sheet = workbook[name]
        records = sheet_rows(sheet)
        xml = sheet_xml(path, sheet)
        formulas = _formula_cells(path, name, records, xml)
        formula_rows = {row for row, _ in formulas}
        records = [(n, r) for n, r in records
                   if any(c is not None and str(c).strip() for c in r) or n in formula_rows]
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
        table = _build_from(label, records, problems, formulas, _merged_ranges(xml))
        warnings += hidden_warnings(label, xml, records, records[find_header(records)][0])
        tables.append(replace(table, warnings=tuple(warnings) + table.warnings))
    unread = _unread_sheets(workbook, path.name)
    workbook.close()
    if unread:
        first = 0 if tables[0] is not None else 1
        if tables[first] is not None:
            tables[first] = replace(tables[first], warnings=tuple(unread) + tables[first].warnings)
    return tables[0], tables[1]


def _unread_sheets(workbook, file: str) -> list[Problem]:
    """The region workbook's sheets that are not read but hold data ('relaties 2025', 'Blad1' with actor rows).

    Sheets with an accepted name are not looked at here (the one read, a hidden stale copy and
    two candidates have their own lines), nor the explanation sheet ``init`` writes ('uitleg')
    unless it holds a region table. A sheet's rows belong to the actors or relations sheet when
    its header is that table's (:func:`~ecosystem.io.headers.find_header`).
    """
    accepted = {n for names in SHEET_NAMES.values() for n in names}
    read = {kind: next((n for n in workbook.sheetnames if normalise_key(n) in names), names[0])
            for kind, names in SHEET_NAMES.items()}
    explanation = {normalise_key(t("sheet_explanation", lang)) for lang in LANGS}
    others = ((name, [(n, r) for n, r in sheet_rows(workbook[name])
                      if any(c is not None and str(c).strip() for c in r)])
              for name in workbook.sheetnames if normalise_key(name) not in accepted)

    def header(records: list[tuple[int, list]]) -> tuple[int, str | None]:
        start = find_header(records)
        return start, table_kind(canonical_header(str(c)) for c in records[start][1] if c is not None)

    return unread_sheets(file, others, read, header, quiet=lambda name: normalise_key(name) in explanation)


def unread_sheets(file: str, sheets, read: dict[str, str], header, quiet=lambda name: False,
                  otherwise: str = "sheet_not_read_delete") -> list[Problem]:
    """One warning per sheet that is not read but holds data, saying which sheets are read and where its rows belong.

    ``sheets`` are the sheets not read, as (name, non-empty rows); ``read`` maps each table kind to
    the sheet read for it, in the order they are named; ``header(rows)`` gives the index of a sheet's
    header row and the kind of table that header is, or None. A sheet whose header is a table's
    belongs to the sheet read for that kind (and its rows below the header are counted); any other
    to one of the sheets read. ``quiet(name)``: a sheet of that name without a table's header is
    no data (the explanation sheet ``init`` writes). ``otherwise``: the message key of what to do
    with the sheet when its rows do not belong to the region.
    """
    out = []
    for name, records in sheets:
        if not records:
            continue
        start, kind = header(records)
        if kind is None and quiet(name):
            continue
        out.append(Problem(file, "sheet_not_read", params={
            "sheet": name, "n": len(records) - start - 1 if kind else len(records),
            "used": ", ".join(f"'{n}'" for n in read.values()),
            "target": (read[kind],) if kind else tuple(read.values()), "otherwise": Text(otherwise)}))
    return out


# A row or column element in the sheet's XML with its attributes: <row r="4" hidden="1" ...>, <col min=...>.
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b([^>]*)>")
_COL_TAG = re.compile(rb"<(?:\w+:)?col\b([^>]*)>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')


def _attribute(attributes: bytes, name: str) -> int:
    found = re.search(rb"\b" + name.encode() + rb'="(\d+)"', attributes)
    return int(found.group(1)) if found else 0


def hidden_warnings(file: str, xml: bytes | None, records: list[tuple[int, list]], header_row: int) -> list[Problem]:
    """A warning for the sheet's hidden rows (by hand or by a filter) and hidden columns that hold data.

    They are read like every other row and column, and someone who hid them may have meant them
    to be left out: the analysis would count what the screen does not show. Read from the XML,
    as openpyxl's read-only mode does not load row and column properties.
    """
    if not xml or not _HIDDEN.search(xml):
        return []                                           # the common case: nothing hidden
    data = {n for n, _ in records if n > header_row}
    rows = sorted(n for attributes in _ROW_TAG.findall(xml) if _HIDDEN.search(attributes)
                  and (n := _attribute(attributes, "r")) in data)
    used = {i for _, cells in records for i, c in enumerate(cells) if c is not None and str(c).strip()}
    columns = sorted({i for attributes in _COL_TAG.findall(xml) if _HIDDEN.search(attributes)
                      for i in range(_attribute(attributes, "min") - 1, _attribute(attributes, "max"))} & used)
    out = []
    if rows:
        by_filter = Text("hidden_by_filter") if re.search(rb"<(?:\w+:)?autoFilter\b", xml) else ""
        out.append(Problem(file, "hidden_rows_read", params={"n": len(rows), "rows": rows_shown(rows),
                                                             "filter": by_filter}))
    if columns:
        out.append(Problem(file, "hidden_columns_read", params={
            "n": len(columns), "columns": ", ".join(column_letter(i) for i in columns)}))
    return out
