"""Write the analysis outputs into ``<out>/<region folder>/``, all at once; never touches the input folder.

A run writes its whole set of files into a temporary folder beside the target
(``.<name>.tmp-<pid>``) and only swaps it in when every file is complete, so a
run that is killed, or a laptop that sleeps, leaves either the complete old set
or the complete new set, never a mix and never a half-written file.

The swap is one atomic exchange where the system has one (Linux ``renameat2``
with ``RENAME_EXCHANGE``, through ctypes). Elsewhere it is two renames
(``<name>`` -> ``.<name>.old``, then the complete ``.<name>.new`` -> ``<name>``);
a later run that finds such an interrupted swap completes it (the new set was
complete) or undoes it before it does anything else (:func:`recover`).

An existing output folder is replaced whole, so it may hold only files this tool
writes (and the clutter of file browsers): a folder with anything else in it is
refused rather than deleted (:class:`OutputError` ``out_foreign``).

References
----------
.. [1] renameat2(2), Linux manual page, ``RENAME_EXCHANGE``.
.. [2] OWASP, "CSV Injection", https://owasp.org/www-community/attacks/CSV_Injection
"""
from __future__ import annotations

import ctypes
import ctypes.util
import datetime
import errno
import functools
import json
import os
import re
import shutil
import sys
import warnings
from pathlib import Path
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from ..errors import OutputError, Text
from .columns import BOOLEAN, NUMBER, TEXT, Column, rows
from .graph_files import GraphTable, write_gexf, write_graphml


# Every file name an ecosystem command writes (or wrote in an earlier version) into an output folder.
# A folder holding only these (and OS clutter) is ours to replace; anything else is the user's.
TOOL_FILES = frozenset({
    "map.html", "report.html", "map.png", "target.png", "numbers.png", "actors.csv", "actors.xlsx", "layers.csv",
    "summary.json", "network.graphml", "network.gexf", "change.json", "change.html", "kumu.xlsx",
    "compare.json", "compare.html",          # compare of three or more folders (issue 12)
    "slides.pptx",
})
# Files that file browsers and office programs leave behind; never the user's work.
_CLUTTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})


def _is_clutter(name: str) -> bool:
    return name in _CLUTTER or name.startswith(("~$", ".~lock.", "._"))


def _staging_prefix(target: Path) -> str:
    return f".{target.name}.tmp-"


def _ready(target: Path) -> Path:
    """The complete new set, waiting to be swapped in (two-rename swap only)."""
    return target.with_name(f".{target.name}.new")


def _aside(target: Path) -> Path:
    """The old set, moved aside during a two-rename swap."""
    return target.with_name(f".{target.name}.old")


def check_output_dir(out: str | Path, folder_name: str, region_path: Path) -> Path:
    """Return ``out/<folder_name>`` or raise :class:`OutputError` if it cannot be used; creates nothing.

    Called before the analysis so a wrong ``--out`` fails at once, not after minutes of work.
    First completes or undoes a swap an earlier run left unfinished (:func:`recover`).
    """
    target = Path(out) / folder_name
    # Not the user's data folder, nor inside it, nor around it: the output folder is replaced
    # whole, and would take the data with it.
    outside_region(target, region_path, around=True)
    existing = _nearest(target.parent)
    if existing.exists() and not existing.is_dir():
        raise OutputError("out_is_file", path=str(existing))
    if target.exists() and not target.is_dir():
        raise OutputError("out_is_file", path=str(target))
    if existing.exists() and not os.access(existing, os.W_OK | os.X_OK):
        raise OutputError("out_no_permission", path=str(existing))
    recover(target)
    if target.is_dir():
        foreign = sorted(p.name for p in target.iterdir() if p.name not in TOOL_FILES and not _is_clutter(p.name))
        if foreign:
            shown = ", ".join(foreign[:5]) + (f", … (+{len(foreign) - 5})" if len(foreign) > 5 else "")
            raise OutputError("out_foreign", path=str(target), files=shown)
    return target


def outside_region(folder: Path, region_path: Path, is_region: str = "out_is_region",
                   in_region: str = "out_in_region", around: bool = False) -> None:
    """Raise :class:`OutputError` if ``folder`` is the region folder or lies inside it; creates nothing.

    The user's data folder is only ever read: files written into it could be read as its data
    (a workbook, actors.csv). ``is_region`` and ``in_region`` are the catalogue keys of the two
    refusals (each command names its own option); with ``around``, a folder that holds the
    region folder is refused too (``in_region``), for a folder that is replaced whole.
    """
    resolved, region = folder.resolve(), region_path.resolve()
    if resolved == region:
        raise OutputError(is_region, path=str(folder))
    if resolved.is_relative_to(region) or (around and region.is_relative_to(resolved)):
        raise OutputError(in_region, path=str(folder), region=str(region_path))


def _nearest(path: Path) -> Path:
    """The nearest part of ``path`` that exists (``path`` itself, or the folder it would be made in)."""
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_folder(folder: Path, how: str) -> None:
    """Raise :class:`OutputError` if files cannot be written into ``folder``; creates nothing.

    The one-line check :func:`check_output_dir` makes for ``--out``, for the folders that
    ``init``, ``survey`` and ``import`` add files to (they add, so they replace nothing).
    ``how`` is the catalogue key of the line that says how to choose another folder.
    """
    existing = _nearest(folder)
    if existing.exists() and not existing.is_dir():
        raise OutputError("folder_is_file", path=str(existing), how=Text(how))
    if existing.exists() and not os.access(existing, os.W_OK | os.X_OK):
        if _read_only(existing):      # root may write anywhere, except on a read-only disk
            raise OutputError("folder_error", path=str(existing), reason=Text("folder_read_only"), how=Text(how))
        raise OutputError("folder_no_permission", path=str(existing), how=Text(how))


def _read_only(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):        # no statvfs on Windows
        return False


@contextmanager
def writing(folder: Path, how: str):
    """Turn an OSError while files are written into ``folder`` into the one line of :func:`check_folder`.

    :func:`check_folder` catches what can be seen beforehand; this catches the rest (a disk
    that fills up, a folder whose rights change, a file that appeared meanwhile).
    """
    try:
        yield
    except PermissionError as exc:
        raise OutputError("folder_no_permission", path=str(exc.filename or folder), how=Text(how)) from exc
    except (FileExistsError, NotADirectoryError) as exc:
        blocking = _nearest(Path(folder))
        if blocking.is_file():                # the folder, or a folder on its way, is a file
            raise OutputError("folder_is_file", path=str(blocking), how=Text(how)) from exc
        raise OutputError("folder_error", path=str(exc.filename or folder), reason=exc.strerror or type(exc).__name__,
                          how=Text(how)) from exc
    except OSError as exc:
        reason = {errno.EROFS: Text("folder_read_only"), errno.ENOSPC: Text("folder_full")}.get(
            exc.errno, exc.strerror or type(exc).__name__)
        raise OutputError("folder_error", path=str(exc.filename or folder), reason=reason, how=Text(how)) from exc


def recover(target: Path) -> None:
    """Finish what an interrupted run left beside ``target``: complete or undo its swap, remove leftovers.

    * ``.<name>.old`` without ``<name>``: the run stopped between its two renames. If the
      complete new set ``.<name>.new`` is there, it is moved in (completed); otherwise the old
      set is moved back (undone).
    * ``.<name>.new`` beside ``<name>``: the new set was complete but not yet swapped in; it is
      swapped in now, as the run would have done.
    * ``.<name>.old`` beside ``<name>``: the swap was done; the old set is removed.
    * ``.<name>.tmp-<pid>`` of a process that no longer runs: an unfinished set, removed.
    """
    parent = target.parent
    if not parent.is_dir():
        return
    ready, aside = _ready(target), _aside(target)
    if aside.exists() and not target.exists():
        os.rename(ready if ready.exists() else aside, target)
    if ready.exists():
        # Under this run's temporary name, so that an interruption now leaves a leftover, not a set
        # that a later run would take for the newest.
        staging = _staging(target)
        _remove(staging)
        os.rename(ready, staging)
        _swap(staging, target)
        _remove(staging)
    _remove(aside)
    prefix = _staging_prefix(target)
    for leftover in parent.iterdir():
        if leftover.name.startswith(prefix) and not _running(leftover.name[len(prefix):]):
            _remove(leftover)


def _staging(target: Path) -> Path:
    return target.with_name(f"{_staging_prefix(target)}{os.getpid()}")


def _remove(path: Path) -> None:
    """Remove a file, link or folder tree if it exists."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path, ignore_errors=True)


def _running(pid: str) -> bool:
    """True when process ``pid`` still runs (its temporary folder is in use)."""
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:          # someone else's process
        return True
    return True


def write_all(target: Path, write: Callable[[Path], dict[str, Path]]) -> dict[str, Path]:
    """Let ``write(folder)`` write every output into a temporary folder, then swap it in at once.

    Returns ``write``'s ``{key: path}`` with the paths moved to ``target``. If ``write`` raises,
    the temporary folder is removed and ``target`` is left as it was.
    """
    real = target.resolve() if target.is_symlink() else target    # keep a link the user made
    try:
        real.parent.mkdir(parents=True, exist_ok=True)
        staging = _staging(real)
        _remove(staging)
        staging.mkdir()
    except PermissionError as exc:
        raise OutputError("out_no_permission", path=str(real.parent)) from exc
    except OSError as exc:
        raise OutputError("out_error", path=str(real.parent), reason=exc.strerror or type(exc).__name__) from exc
    try:
        files = write(staging)
        _sync(staging)
        _swap(staging, real)
    finally:
        _remove(staging)      # after the swap: the old set
    return {key: target / path.relative_to(staging) for key, path in files.items()}


def _sync(folder: Path) -> None:
    """Flush the new files to disk before they replace the old ones (a crash must not leave empty files)."""
    for path in folder.rglob("*"):
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _swap(new: Path, target: Path) -> None:
    """Put the complete folder ``new`` at ``target``; the old set (if any) ends up at ``new``."""
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        return
    # Two renames, recoverable by :func:`recover` at every step: first mark the new set complete.
    ready, aside = _ready(target), _aside(target)
    if new != ready:
        shutil.rmtree(ready, ignore_errors=True)
        os.rename(new, ready)
    shutil.rmtree(aside, ignore_errors=True)
    os.rename(target, aside)
    os.rename(ready, target)
    os.rename(aside, new)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths with Linux ``renameat2(RENAME_EXCHANGE)``; False where unsupported."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM):
        return False                               # old kernel or a file system without it
    raise OSError(code, os.strerror(code), str(b))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_SYS_RENAMEAT2 = {"x86_64": 316, "aarch64": 276, "arm64": 276, "i686": 353, "armv7l": 382, "ppc64le": 357,
                  "riscv64": 276, "s390x": 347}


def _renameat2():
    """libc's ``renameat2`` (glibc 2.28+), else the raw system call, else None (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
    except OSError:
        return None
    if hasattr(libc, "renameat2"):
        func = libc.renameat2
        func.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
        return func
    number = _SYS_RENAMEAT2.get(os.uname().machine)
    if number is None:
        return None
    syscall = libc.syscall
    return lambda *args: syscall(ctypes.c_long(number), ctypes.c_int(args[0]), ctypes.c_char_p(args[1]),
                                 ctypes.c_int(args[2]), ctypes.c_char_p(args[3]), ctypes.c_uint(args[4]))


def write_text(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def write_json(path: Path, data: dict) -> Path:
    return write_text(path, json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n")


# A text cell starting with one of these is run as a formula when a spreadsheet opens the CSV
# (OWASP, CSV Injection): '=HYPERLINK(...)' in a name would become a live link.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """``text`` as a spreadsheet shows it, never run: a leading ``'`` before a formula character [2]_."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def write_csv(path: Path, table: dict[str, Column]) -> Path:
    """The table (:mod:`.columns`) as UTF-8 CSV; text cells that a spreadsheet would run as a formula are neutralised.

    Only text columns are touched: numbers (a negative coreness, say) stay numbers, so the
    file stays a machine contract. Numbers are written with 12 significant digits, empty
    where there is none; quoting as the csv module's default dialect (only where needed).
    """
    import csv

    rows(table)                                     # raises when the columns differ in length
    cells = [_csv_cells(c) for c in table.values()]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(list(table))
        writer.writerows(zip(*cells))
    return path


def _csv_cells(column: Column) -> list[str]:
    """A column's cells as CSV text (:mod:`.columns`, the table of kinds)."""
    if column.kind == NUMBER:
        return ["" if v != v else "%.12g" % v for v in column.values]      # v != v: NaN
    if column.kind == BOOLEAN:
        return ["True" if v else "False" for v in column.values]
    if column.kind == TEXT:
        return ["" if v is None else neutralise(v) for v in column.values]
    return [str(v) for v in column.values]          # integers


_NO_DATE = datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)


def write_xlsx(path: Path, sheets: dict[str, dict[str, Column]]) -> Path:
    """One sheet per table (:mod:`.columns`), header row frozen and filterable, so it reads like a table in Excel.

    Rows are streamed (xlsxwriter's constant-memory mode) and every cell is written with its
    own type: text always as text, so a name such as ``=HYPERLINK(...)`` never becomes a formula.
    Each column is converted to Python values once (:func:`_column_cells`), not cell by cell, and
    the data rows go straight into the sheet's row stream as xlsxwriter writes them (:func:`_write_rows`).
    """
    import xlsxwriter   # only analyse writes workbooks: keep `ecosystem --help` light

    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False, "nan_inf_to_errors": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        # No clock time in the file: the same analysis gives the same bytes (the zip format's epoch instead).
        book.set_properties({"created": _NO_DATE})
        bold = book.add_format({"bold": True})
        for name, table in sheets.items():
            sheet = book.add_worksheet(name)
            sheet.write_row(0, 0, [str(c) for c in table], bold)
            n = rows(table)
            _write_rows(sheet, [_column_cells(sheet, c) for c in table.values()], n)
            sheet.freeze_panes(1, 0)
            if table:
                sheet.autofilter(0, 0, n, len(table) - 1)
    return path


def _column_cells(sheet, column: Column) -> tuple[Callable, list]:
    """How to write ``column``'s cells, and their values (None: an empty cell), converted once per column.

    A boolean column is written as booleans, a number or integer one as numbers (NaN and
    infinities stay empty cells), a text column as text (None stays an empty cell).
    """
    if column.kind == BOOLEAN:
        return sheet.write_boolean, column.values
    if column.kind != TEXT:
        numbers = np.asarray(column.values, dtype=float)
        values = numbers.tolist()
        for i in np.flatnonzero(~np.isfinite(numbers)).tolist():
            values[i] = None
        return sheet.write_number, values
    return sheet.write_string, column.values


# xlsxwriter marks a text cell xml:space="preserve" when it starts or ends with white space (its
# utility._preserve_whitespace); these are its two patterns, compiled here because xlsxwriter is
# imported only when a workbook is written, and the check runs once per text cell.
_LEADING_SPACE, _TRAILING_SPACE = re.compile(r"^\s"), re.compile(r"\s$")
_OWN_WRITER = ""     # a cell's tail that says: let xlsxwriter write this row itself
# What _write_rows reads of an xlsxwriter worksheet beyond its public writers.
_XLSXWRITER_INTERNALS = ("_write_single_row", "fh", "dim_rowmax", "previous_row", "xls_strmax",
                         "_escape_control_characters", "_escape_data")


def _write_rows(sheet, columns: list[tuple[Callable, list]], n: int) -> None:
    """Rows 1..n of ``columns`` (:func:`_column_cells`) into a constant-memory ``sheet``, the header row before them.

    xlsxwriter spends most of a big sheet's time on its per-cell checks and bookkeeping
    (issue 10: 375,000 cells at 5,000 actors). Each row is written here as one string in the
    exact form its constant-memory mode gives it (``<row r="2"><c r="A2" ...>...</c></row>``,
    text inline, escaped with xlsxwriter's own functions); a row with a cell that only xlsxwriter
    may write (text that it would truncate or read as rich text) goes through its writers instead.
    tests/test_write_fast.py checks the bytes against xlsxwriter's own cell by cell. The row form and
    those functions are xlsxwriter's internals (pyproject pins the minor version it was checked on);
    a sheet without one of them gets every cell through xlsxwriter's public writers.
    """
    if not columns:
        return
    if not all(hasattr(sheet, name) for name in _XLSXWRITER_INTERNALS):
        for r in range(n):
            for c, (write, values) in enumerate(columns):
                if values[r] is not None:          # None: no cell (a non-finite number, an empty value)
                    write(r + 1, c, values[r])
        return
    from xlsxwriter.utility import xl_col_to_name

    tails = [_cell_tails(sheet, write, values) for write, values in columns]
    letters = [xl_col_to_name(c) for c in range(len(columns))]
    sheet._write_single_row(1)           # the header row, as writing row 1's first cell would
    last = 0
    for r in range(n):
        row = r + 1
        cells = [(c, tail[r]) for c, tail in enumerate(tails) if tail[r] is not None]
        if not cells:
            continue                     # xlsxwriter writes no element for a row without cells
        last = row
        if any(tail == _OWN_WRITER for _, tail in cells):
            for c, _ in cells:
                write, values = columns[c]
                write(row, c, values[r])
            sheet._write_single_row(row + 1)
            continue
        number = row + 1                 # the row as Excel numbers it
        sheet.fh.write(f'<row r="{number}">' + "".join(f'<c r="{letters[c]}{number}"{tail}' for c, tail in cells)
                       + "</row>")
    sheet.dim_rowmax = max(sheet.dim_rowmax, last)       # the sheet's <dimension> and print area
    sheet.previous_row = max(sheet.previous_row, last + 1)


def _cell_tails(sheet, write: Callable, values: list) -> list[str | None]:
    """Each cell of one column as xlsxwriter writes it after ``<c r="B7"``: None for no cell, or
    :data:`_OWN_WRITER` for a cell xlsxwriter must write itself."""
    if write == sheet.write_number:
        return [None if v is None else _number_tail(v) for v in values]
    if write == sheet.write_boolean:
        return [_boolean_tail(v) for v in values]
    if write == sheet.write_string:
        # A text cell's tail is a function of its text alone: a text repeated down the column (a group,
        # a relation type, an id in the connections sheet) is escaped once.
        known: dict[str | None, str | None] = {None: None}      # None: no cell
        return [known[v] if v in known else known.setdefault(v, _text_tail(sheet, v)) for v in values]
    raise ValueError(f"no cell writer {write!r}")


def _number_tail(value: float) -> str:
    return f"><v>{value:.16G}</v></c>"


def _boolean_tail(value) -> str:
    return f' t="b"><v>{1 if value else 0}</v></c>'


def _text_tail(sheet, text: str) -> str:
    if len(text) > sheet.xls_strmax // 2:
        return _OWN_WRITER                      # may need xlsxwriter's UTF-16 truncation
    text = sheet._escape_control_characters(text)
    if text.startswith("<r>") and text.endswith("</r>"):
        return _OWN_WRITER                      # xlsxwriter writes this as rich text, unescaped
    preserve = ' xml:space="preserve"' if _LEADING_SPACE.search(text) or _TRAILING_SPACE.search(text) else ""
    return f' t="inlineStr"><is><t{preserve}>{sheet._escape_data(text)}</t></is></c>'


def write_graph(path: Path, graph: GraphTable, fmt: str) -> Path:
    """GraphML or GEXF, streamed (io/graph_files.py), for Gephi and Cytoscape."""
    if fmt == "graphml":
        return write_graphml(path, graph)
    if fmt == "gexf":
        return write_gexf(path, graph)
    raise ValueError(f"unknown graph format {fmt!r}")


# --- the write stage: named documents in, files out ---------------------------------------------


def output_folder(folder: str, year: int | None = None, to_year: int | None = None) -> str:
    """``brabant``, ``brabant-2021`` (one year) or ``brabant-2020-2021`` (a comparison of two years)."""
    return "-".join([folder] + [str(y) for y in (year, to_year) if y is not None])


@dataclass(frozen=True)
class Document:
    """One output, rendered but not written: ``kind`` says how :func:`write_documents` writes ``content``.

    ``text`` (str), ``json`` (dict), ``csv`` (a table, :mod:`.columns`), ``xlsx`` ({sheet: table}),
    ``graphml`` / ``gexf`` (an io.graph_files.GraphTable), or ``files``: a writer ``content(folder) -> {name: path}``
    for outputs that write themselves (images, or a large table that must stream). For the
    other kinds ``content`` may also be a function without arguments that returns it: costly
    rendering then runs in the write stage, where documents are written side by side.
    ``after`` names a document that must be written first (the slides embed the PNGs): it is
    written as soon as that one is (:func:`write_plan`). Its costly part that does not need it
    may go in ``prepare``, a function without arguments run from the start beside the other
    documents; a ``files`` writer then gets its result: ``content(folder, prepared)``.

    Parts: a ``files`` document's ``content`` may be a tuple of writers (each writes some of its
    files, ``{name: path}``), and ``prepare`` a tuple of functions (the writer then gets the tuple
    of their results). Each part is a task of its own, so the parts of one costly document (three
    pictures, say) are done side by side; the document's ``{name: path}`` joins its parts' in order.

    ``reads`` names the :class:`Shared` values its content reads (the map, the report and the pictures
    read one layout): each is computed once, as a task of its own, before the documents that read it.
    """
    filename: str
    kind: str
    content: Any
    after: str | None = None
    prepare: Callable[[], Any] | None = None
    reads: tuple["Shared", ...] = ()


_UNSET = object()


class Shared:
    """A value several documents read (``Document.reads``), computed once in the write stage.

    :func:`write_documents` computes it as a task of its own, handed out first, and gives its result
    to the tasks of the documents that read it, whichever process runs them: so a costly value the
    documents share (the layout) is computed beside the documents that do not need it, instead of
    before the write stage with the other cores idle. A document's content calls the object for the
    value; outside the write stage (a document written on its own) the first call computes it.
    """

    def __init__(self, name: str, compute: Callable[[], Any]):
        self.name = name
        self._compute = compute
        self._value = _UNSET

    def __call__(self) -> Any:
        if self._value is _UNSET:
            self._value = self._compute()
        return self._value

    def give(self, value: Any) -> None:
        """Take ``value``, computed by the write stage's task for it (in this process or another)."""
        self._value = value


_UNPREPARED = object()


def _parts(what: Any) -> tuple:
    """A document's writers (or preparations) as a tuple: its parts, or the one it has."""
    return what if isinstance(what, tuple) else (what,)


def prepare_document(doc: Document, part: int | None = None) -> Any:
    """``doc.prepare``'s result: the tuple of its parts' results, or (with ``part``) that part's alone."""
    if part is not None:
        return _parts(doc.prepare)[part]()
    if isinstance(doc.prepare, tuple):
        return tuple(prepare() for prepare in doc.prepare)
    return doc.prepare()


def write_document(folder: Path, name: str, doc: Document, prepared: Any = _UNPREPARED,
                   part: int | None = None) -> dict[str, Path]:
    """Write one document into ``folder``; ``{name: path}`` (a ``files`` writer may return several).

    ``prepared`` is the result of ``doc.prepare``, for a ``files`` writer that has one (else it is run here).
    With ``part``, only that part of a ``files`` document (:class:`Document`, parts).
    """
    path = folder / doc.filename
    if doc.kind == "files":
        if doc.prepare is not None and prepared is _UNPREPARED:
            prepared = prepare_document(doc)
        writers = _parts(doc.content) if part is None else (_parts(doc.content)[part],)
        written: dict[str, Path] = {}
        for writer in writers:
            written.update(writer(folder) if doc.prepare is None else writer(folder, prepared))
        return written
    content = doc.content() if callable(doc.content) else doc.content
    if doc.kind == "text":
        return {name: write_text(path, content)}
    if doc.kind == "json":
        return {name: write_json(path, content)}
    if doc.kind == "csv":
        return {name: write_csv(path, content)}
    if doc.kind == "xlsx":
        return {name: write_xlsx(path, content)}
    if doc.kind in ("graphml", "gexf"):
        return {name: write_graph(path, content, doc.kind)}
    raise ValueError(f"unknown document kind {doc.kind!r}")


def _cost(doc: Document, step: str) -> int:
    """How dear a task of ``doc`` is, 0 the dearest: tasks ready at the same time are handed out in this
    order, so that on a few cores the long ones start at once and the short ones fill in beside them.

    Preparations and ``files`` documents (pictures drawn), then documents rendered when written
    (``content`` a function: the map, the report, the workbooks; the map alone took a third of the
    write stage's time at 1,000 actors), then data written as it is.
    """
    if step == "prepare":
        return 0
    if doc.kind == "files":
        return 1
    return 2 if callable(doc.content) else 3


def write_plan(documents: dict[str, Document]) -> tuple[list[tuple[str, str, int]], dict]:
    """The documents as tasks ``(step, name, part)``, step ``write`` or ``prepare``, and what each needs first.

    Each part of a document is a task of its own (``part`` counts from 0; a document without parts
    is its part 0). A document written ``after`` another (``Document.after``) has its ``prepare``
    parts as tasks that need nothing, and its write tasks need every part of that other document
    and its own preparations; each :class:`Shared` value the documents read is a task
    ``("share", name, 0)`` that needs nothing and that every write task of a document reading it
    needs; every other task needs nothing. Returns the tasks, dearest first (the shared values,
    then :func:`_cost`, else in the order given), and ``{task: tasks it needs}``.
    """
    def dependent(doc: Document) -> bool:
        return doc.after is not None and doc.after in documents

    def tasks(step: str, name: str, what: Any) -> list[tuple[str, str, int]]:
        return [(step, name, k) for k in range(len(_parts(what)))]

    def cost(task: tuple[str, str, int]) -> int:
        step, name, _ = task
        return -1 if step == "share" else _cost(documents[name], step)

    everything = [t for name, doc in documents.items() for t in tasks("write", name, doc.content)]
    everything += [("share", name, 0) for name in shared_values(documents)]
    needs: dict[tuple[str, str, int], list[tuple[str, str, int]]] = {}
    for name, doc in documents.items():
        if dependent(doc):
            prepare = tasks("prepare", name, doc.prepare) if doc.prepare is not None else []
            everything += prepare
            for task in tasks("write", name, doc.content):
                needs[task] = tasks("write", doc.after, documents[doc.after].content) + prepare
        for task in tasks("write", name, doc.content) if doc.reads else ():
            needs[task] = needs.get(task, []) + [("share", value.name, 0) for value in doc.reads]
    return sorted(everything, key=cost), needs      # stable: else as given


def shared_values(documents: dict[str, Document]) -> dict[str, Shared]:
    """The :class:`Shared` values the documents read, by name, in the order they are first read.

    Raises ValueError when two different values have one name.
    """
    values: dict[str, Shared] = {}
    for doc in documents.values():
        for value in doc.reads:
            if values.setdefault(value.name, value) is not value:
                raise ValueError(f"two shared values are named {value.name!r}")
    return values


def _prepared(doc: Document, name: str, given: dict) -> Any:
    """What ``doc``'s writer gets from its ``prepare`` tasks among ``given`` (task -> (result, warnings)): the
    tuple of the parts' results in order for a tuple of preparations, else the one result; unprepared
    (:func:`write_document` prepares it then) when they are not among ``given``."""
    tasks = [("prepare", name, k) for k in range(len(_parts(doc.prepare)))] if doc.prepare is not None else None
    if tasks is None or any(task not in given for task in tasks):
        return _UNPREPARED
    done = tuple(given[task][0] for task in tasks)
    return done if isinstance(doc.prepare, tuple) else done[0]


def write_documents(out: str | Path, folder_name: str, region_path: Path,
                    documents: dict[str, Document]) -> tuple[Path, dict[str, Path]]:
    """The one place outputs are written: ``documents`` into ``<out>/<folder_name>/``, all at once.

    Checks the folder first (:func:`check_output_dir`), then writes the whole set through
    :func:`write_all`: the folder holds the old set or the new one, never a mix.
    Returns the folder and ``{name: path}``.
    """
    target = check_output_dir(out, folder_name, region_path)
    shared = shared_values(documents)

    def run_task(staging: Path, task: tuple[str, str, int], given: dict) -> tuple[Any, list]:
        # Warnings raised in a worker (a name's glyph missing from the PNG font) go back to this
        # process with the files, to be raised here where the caller records them.
        step, name, part = task
        with warnings.catch_warnings(record=True) as caught:
            if step == "share":
                done = shared[name]()
            elif step == "prepare":
                done = prepare_document(documents[name], part)
            else:
                doc = documents[name]
                for value in doc.reads:     # computed by its own task, maybe in another process
                    value.give(given[("share", value.name, 0)][0])
                done = write_document(staging, name, doc, _prepared(doc, name, given), part)
        return done, [(str(w.message), w.category, w.filename, w.lineno) for w in caught]

    def write(staging: Path) -> dict[str, Path]:
        # Each document is a pure function of the analysis, so writing them side by side in worker
        # processes gives the same bytes as one after the other (tests/test_parallel_render.py);
        # a task starts as soon as the ones it needs are written (parallel.pool_graph).
        from ..parallel import frozen_heap, pool_graph

        tasks, needs = write_plan(documents)
        # The objects alive now (the analysis, the imported modules) outlive every task: moved out of
        # the collector's reach, each worker's collections scan only what its task makes (Python's
        # gc.freeze advice for fork), not the whole inherited heap again and again.
        with frozen_heap():
            results = pool_graph(functools.partial(run_task, staging), tasks, needs)
        for done, caught in results.values():
            for message, category, filename, lineno in caught:
                warnings.warn_explicit(message, category, filename, lineno)
        return {key: path for name, doc in documents.items() for part in range(len(_parts(doc.content)))
                for key, path in results[("write", name, part)][0].items()}

    return target, write_all(target, write)

