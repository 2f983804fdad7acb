"""A reference workbook writer for the tests: xlsxwriter's public writers, one cell at a time.

Opened with the options io.outputs.write_xlsx uses (constant memory, no formulas, URLs or
numbers read from text, no clock time), a header row in bold, frozen and filterable, so that
a test can compare write_xlsx's bytes with cells it typed itself.
"""
from __future__ import annotations

import xlsxwriter

from ecosystem.io.outputs import _NO_DATE


def write_reference(path, sheets: dict[str, tuple[list[str], list[list]]]):
    """``sheets``: name -> (header, rows); each cell None (no cell) or ``(kind, value)``, kind
    ``boolean``, ``number`` or ``string``. Returns ``path``."""
    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False, "nan_inf_to_errors": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        book.set_properties({"created": _NO_DATE})
        bold = book.add_format({"bold": True})
        for name, (header, rows) in sheets.items():
            sheet = book.add_worksheet(name)
            sheet.write_row(0, 0, header, bold)
            for r, row in enumerate(rows, start=1):          # row by row: constant memory writes rows in order
                for c, cell in enumerate(row):
                    if cell is not None:
                        kind, value = cell
                        getattr(sheet, f"write_{kind}")(r, c, value)
            sheet.freeze_panes(1, 0)
            if header:
                sheet.autofilter(0, 0, len(rows), len(header) - 1)
    return path
