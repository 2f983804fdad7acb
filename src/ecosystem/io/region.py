"""Find a region folder and load it into a validated :class:`~ecosystem.model.Region`.

A region folder holds ``actors.csv`` and ``relations.csv`` (any case; Dutch
``actoren.csv`` and ``relaties.csv`` too), or one ``ecosystem.xlsx`` (or
``.xlsm``) with sheets ``actors`` and ``relations``, Dutch ``actoren`` and
``relaties`` too; a workbook with another name is read when it is the only
one and there are no CSVs; and optionally ``region.toml``. A file that looks
like a table but is not read ('actors.csv.csv', 'actors.txt', an .ods) is
named in the message. Input files are only ever read.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from ..errors import DataError, Problem, Text, UserError, Words
from ..i18n import LANGS, join_words
from ..model import TRANSLATABLE, Region, RegionMeta, canonical_order
from ..period import dated_years, relations_in
from ..vocab import SURVEY_TABLE, normalise_key
from .kumu import is_kumu, read_kumu
from .tables import (SHEET_NAMES, XML_INVALID, Table, name_formulas, read_csv, read_xlsx, without_merged,
                     xlsx_sheet_names)
from .validate import closest, isolated_warnings, rows_without_id, validate_actors, validate_relations


def locate_region(path: str | Path, regions_dir: str | Path = "regions") -> Path:
    """Return the region folder for ``path``, looking under ``regions_dir`` if it does not exist as given."""
    given = Path(path)
    for candidate in (given, Path(regions_dir) / given):
        if candidate.exists():
            if not candidate.is_dir():
                raise DataError([Problem(str(given), "not_folder")])
            return candidate
    raise DataError([Problem(str(given), "no_folder")])


# The header each table should have, for the message about an empty file.
EXPECTED = {"actors": "id, naam/name, groep/group", "relations": "bron/source, doel/target, soort/type"}


def _visible_files(folder: Path, suffix: str | tuple[str, ...] | None = None) -> list[Path]:
    """The files in the folder (with ``suffix``, any case), without hidden ones: Excel's '~$' lock files
    and dot-files (macOS writes '._NAME' beside every file on a shared or USB drive)."""
    suffixes = (suffix,) if isinstance(suffix, str) else suffix
    return sorted(p for p in folder.iterdir()
                  if (suffixes is None or p.suffix.lower() in suffixes) and not p.name.startswith(("~$", "."))
                  and p.is_file())


# The CSV file of each table, by the names it may have (any case: 'Actors.csv' too). The Dutch
# names are accepted as the Dutch sheet names are.
CSV_NAMES = {"actors": ("actors.csv", "actoren.csv"), "relations": ("relations.csv", "relaties.csv")}
# The extensions a table saved as text may end in, under a name that is not read ('actors.txt',
# 'actors.csv.csv', 'actors (1).csv'): the files said to be 'near' a missing CSV.
TEXT_TABLE_SUFFIXES = (".csv", ".txt", ".tsv", ".tab")
# Workbooks that are read: .xlsm is an .xlsx with macros (openpyxl reads its data, never its macros).
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
# Spreadsheets in a format that is not read, each with the message that says how to save it as .xlsx.
UNREAD_FORMATS = {".xls": "old_xls", ".ods": "ods_format"}
# A table saved in one of these under its own name ('relations.xls', 'actoren.ods', 'actors.numbers') beside
# the other table's CSV is named in the message about the missing CSV (:func:`_unread_spreadsheets`).
UNREAD_SPREADSHEET_SUFFIXES = (*UNREAD_FORMATS, ".numbers")


def _workbooks(folder: Path) -> list[Path]:
    """The .xlsx and .xlsm files in the folder that are data (see :func:`_visible_files`)."""
    return _visible_files(folder, WORKBOOK_SUFFIXES)


def _is_named_workbook(path: Path) -> bool:
    """ecosystem.xlsx (or ecosystem.xlsm), any case: the workbook that is read by its name."""
    return path.stem.lower() == "ecosystem" and path.suffix.lower() in WORKBOOK_SUFFIXES


def _csv_files(folder: Path) -> dict[str, list[Path]]:
    """Per table, the files in ``folder`` that are its CSV (:data:`CSV_NAMES`, any case)."""
    files = _visible_files(folder)
    return {kind: [p for p in files if p.name.lower() in names] for kind, names in CSV_NAMES.items()}


def _near_files(folder: Path, kind: str) -> list[Path]:
    """Files that look like the table's CSV but are not read: 'actors.csv.csv' (Windows hides the
    last extension), 'actors.txt', 'actoren (1).csv'. Only text tables: 'actors.pdf' or
    'relations-diagram.png' beside the data are not the table, and workbooks are reported otherwise."""
    return [p for p in _named_as(folder, kind, TEXT_TABLE_SUFFIXES) if p.name.lower() not in CSV_NAMES[kind]]


def _named_as(folder: Path, kind: str, suffixes: tuple[str, ...]) -> list[Path]:
    """Files ending in one of ``suffixes`` whose name starts with the table's name ('actors', 'actoren', any
    case) followed by no further letter: 'actors.csv.csv', 'Actoren (1).ods', not 'actorsdiagram.png'."""
    stems = "|".join(name.split(".")[0] for name in CSV_NAMES[kind])
    return [p for p in _visible_files(folder, suffixes) if re.match(rf"(?:{stems})(?![a-z])", p.name.lower())]


def _unread_spreadsheets(folder: Path, kind: str) -> list[Path]:
    """Spreadsheets named as the table ('relations.xls', 'Actoren.ods', 'actors (1).numbers') in a format
    that is not read. Beside the other table's CSV an .xlsx would not be read either (only ecosystem.xlsx
    is, and not beside CSVs), so the message about the missing CSV names them and says to save a CSV."""
    return _named_as(folder, kind, UNREAD_SPREADSHEET_SUFFIXES)


def region_files(folder: Path) -> list[Path]:
    """The files in ``folder`` that the loader reads, or reports, as region data.

    The tables' CSVs (any case, Dutch names too) and files that look like them ('actors.csv.csv',
    'actors.txt'), every visible workbook (the only one is read whatever its name) and .xls and
    .ods files (reported as such). ``init`` refuses a folder holding any of them: its new
    ecosystem.xlsx would be read instead of them, or beside them, without a word.
    """
    csvs = [p for kind, found in _csv_files(folder).items() for p in found + _near_files(folder, kind)]
    return sorted(set(csvs)) + _workbooks(folder) + _visible_files(folder, tuple(UNREAD_FORMATS))


def _read_tables(folder: Path, problems: list[Problem], meta: RegionMeta | None = None,
                 warnings: list[Problem] | None = None) -> tuple[Table | None, Table | None]:
    """The two tables, from the CSVs, a workbook or a Kumu export (see the module's docstring).

    region.toml's ``[groups]`` and ``[relation_types]`` map a Kumu export's types (README, "Bring a
    Kumu map"); in a region that is read otherwise they are a warning saying they are ignored.
    """
    kumu: list[bool] = []
    tables = _read_files(folder, problems, meta, warnings, kumu)
    mappings = [f"[{name}]" for name, table in (("groups", meta.groups if meta else {}),
                                                ("relation_types", meta.relation_types if meta else {})) if table]
    if mappings and not kumu and warnings is not None:
        warnings += [Problem("region.toml", "toml_kumu_only", params={"table": table}) for table in mappings]
    return tables


def _read_files(folder: Path, problems: list[Problem], meta: RegionMeta | None, warnings: list[Problem] | None,
                kumu: list[bool]) -> tuple[Table | None, Table | None]:
    found = _csv_files(folder)
    several = [files for files in found.values() if len(files) > 1]
    if several:
        # 'actors.csv' and 'Actoren.csv' side by side: reading either one silently could be the stale one.
        problems += [Problem(folder.resolve().name, "several_csv", params={"files": ", ".join(p.name for p in files)})
                     for files in several]
        return None, None
    csvs = [files[0] if files else folder / CSV_NAMES[kind][0] for kind, files in found.items()]
    present = [bool(files) for files in found.values()]
    workbooks = _workbooks(folder)
    data = [w for w in workbooks if _holds_region(w)] if any(present) else []
    if data and (all(present) or any(_is_named_workbook(w) for w in data)):
        # Two versions of the data side by side: reading either one silently could be the stale one.
        problems.append(Problem(folder.resolve().name, "csv_and_xlsx",
                                params={"csvs": ", ".join(p.name for p, here in zip(csvs, present) if here),
                                        "xlsx": ", ".join(w.name for w in data)}))
        return None, None
    if not all(present):
        named = [p for p in workbooks if _is_named_workbook(p)]
        if len(named) == 1:
            others = [p.name for p in workbooks if p != named[0]]
            if others and warnings is not None:
                # The name decides (as several_xlsx advises); say which workbook that was.
                warnings.append(Problem(folder.resolve().name, "xlsx_others_ignored",
                                        params={"used": named[0].name, "others": ", ".join(others)}))
            return read_xlsx(named[0], problems, EXPECTED)
        if not any(present) and len(workbooks) == 1:
            # One workbook and no CSVs: that workbook is the region data, whatever its name;
            # a Kumu export (sheets recognised by their header) is read as such.
            if _is_kumu_export(workbooks[0]):
                kumu.append(True)
                return read_kumu(workbooks[0], problems, meta.groups if meta else {},
                                 meta.relation_types if meta else {})
            return read_xlsx(workbooks[0], problems, EXPECTED)
        unread = _visible_files(folder, tuple(UNREAD_FORMATS))
        if not any(present) and not workbooks and unread:
            problems += [Problem(p.name, UNREAD_FORMATS[p.suffix.lower()]) for p in unread]
            return None, None
        if not any(present) and workbooks:
            problems.append(Problem(folder.resolve().name, "several_xlsx",
                                    params={"xlsx": ", ".join(p.name for p in workbooks)}))
            return None, None
    tables = []
    for path, kind in zip(csvs, EXPECTED):
        if not path.exists():
            near = _near_files(folder, kind)
            if near:
                # 'actors.csv.csv' or 'actors.txt': there, but not under the name that is read.
                hidden = any(p.name.lower().endswith(".csv.csv") or p.name.lower().endswith(".csv.txt") for p in near)
                problems.append(Problem(path.name, "missing_file_near" if len(near) == 1 else "missing_file_near_many",
                                        params={"file": path.name,
                                                "found": Words(*(join_words([p.name for p in near], lang)
                                                                 for lang in ("nl", "en"))),
                                                "hint": Text("hidden_extension_hint") if hidden else ""}))
            elif unread := _unread_spreadsheets(folder, kind):
                # 'relations.xls' beside actors.csv: the table is there, in a format that is not read.
                key = "missing_file_unread" if len(unread) == 1 else "missing_file_unread_many"
                problems.append(Problem(path.name, key, params={
                    "file": path.name,
                    "found": Words(*(join_words([p.name for p in unread], lang) for lang in ("nl", "en")))}))
            elif workbooks:
                problems.append(Problem(path.name, "missing_file_xlsx",
                                        params={"file": path.name, "xlsx": ", ".join(p.name for p in workbooks)}))
            else:
                problems.append(Problem(path.name, "missing_file", params={"file": path.name}))
            tables.append(None)
        else:
            tables.append(read_csv(path, problems, EXPECTED[kind]))
    return tables[0], tables[1]


def _is_kumu_export(path: Path) -> bool:
    """A workbook without an actors/relations sheet whose sheets have Kumu's headers."""
    names = {n.lower() for n in xlsx_sheet_names(path) or []}
    ours = any(n in names for accepted in SHEET_NAMES.values() for n in accepted)
    return not ours and is_kumu(path)


def _holds_region(workbook: Path) -> bool:
    """True for ecosystem.xlsx, for a workbook with an actors or relations sheet, and for a Kumu
    export (which is region data too: beside actors.csv it may be their source or a newer map)."""
    if _is_named_workbook(workbook):
        return True
    names = {n.strip().lower() for n in xlsx_sheet_names(workbook) or []}
    return any(names & set(accepted) for accepted in SHEET_NAMES.values()) or is_kumu(workbook)


def _read_meta(folder: Path, problems: list[Problem], warnings: list[Problem] | None = None) -> RegionMeta:
    """region.toml's settings; wrong values to ``problems``, unknown settings (ignored) to ``warnings``."""
    data: dict = {}
    text = ""
    toml_path = folder / "region.toml"
    if toml_path.exists():
        try:
            text = toml_path.read_text(encoding="utf-8-sig")
            data = tomllib.loads(text)
        except UnicodeDecodeError as exc:
            # the line of the first byte that is not UTF-8 (a file saved in Windows' own encoding)
            problems.append(Problem(toml_path.name, "toml_not_utf8", params={"byte": exc.object[exc.start]},
                                    line=exc.object[:exc.start].count(b"\n") + 1))
        except tomllib.TOMLDecodeError as exc:
            problems.append(_bad_toml(toml_path.name, exc, text))
    lines = _TomlLines(text)
    if warnings is not None:
        warnings += _unknown_settings(data, toml_path.name, lines)
    data = _checked_toml(data, toml_path.name, problems, lines, warnings)
    regios = data.get("arbeidsmarktregios", [])
    # A single region may be written as a plain string instead of a one-item list.
    regios = [regios] if isinstance(regios, str) else list(regios)
    return RegionMeta(
        name=str(data.get("name") or folder.resolve().name),
        folder=folder.resolve().name,
        arbeidsmarktregios=tuple(str(r) for r in regios if str(r).strip()),
        period=str(data.get("period", "")),
        source=str(data.get("source", "")),
        note=str(data.get("note", "")),
        translations={lang: {k: str(v) for k, v in texts.items() if k in TRANSLATABLE}
                      for lang, texts in data.items() if lang in LANGS and isinstance(texts, dict)},   # [nl]/[en] tables
        groups={str(k): str(v) for k, v in data.get("groups", {}).items()} if isinstance(data.get("groups"), dict) else {},
        relation_types=({str(k): str(v) for k, v in data.get("relation_types", {}).items()}
                        if isinstance(data.get("relation_types"), dict) else {}),
    )


# The settings region.toml knows: the texts (also in a table per language), the arbeidsmarktregio's,
# import kumu's two mapping tables (whose own keys are the user's words) and the survey round's table
# (read by ecosystem.intake.survey).
_TOML_SETTINGS = (*TRANSLATABLE, "arbeidsmarktregios", *LANGS, "groups", "relation_types", SURVEY_TABLE)
# Dutch words for them, so that 'naam' or 'periode' suggests the setting meant.
_TOML_WORDS = {"naam": "name", "periode": "period", "bron": "source", "notitie": "note", "opmerking": "note",
               "toelichting": "note", "arbeidsmarktregio": "arbeidsmarktregios", "regio": "arbeidsmarktregios",
               "regios": "arbeidsmarktregios", "groepen": "groups", "relatietypes": "relation_types",
               "relatietypen": "relation_types", "soorten": "relation_types"}


# tomllib (before Python 3.14) tells where a syntax error is only at the end of its message.
_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)$")
# tomllib's (English) messages, by how they start, and the message that says each in the reader's words.
_TOML_ERRORS = (
    (re.compile(r"Unterminated string|Expected \"'|(?:Illegal|Found invalid) character '\\[nr]'"), "toml_unclosed_quote"),
    (re.compile(r"Invalid value"), "toml_invalid_value"),
    (re.compile(r"Expected '=' after a key|Invalid statement|Invalid initial character for a key"), "toml_no_equals"),
    (re.compile(r"Expected newline or end of document"), "toml_after_value"),
    (re.compile(r"Cannot overwrite|Cannot declare|Duplicate inline table key|Cannot mutate|Cannot redefine"),
     "toml_duplicate"),
    (re.compile(r"Unclosed (?:array|inline table)|Expected '\]"), "toml_unclosed_bracket"),
    (re.compile(r"Unescaped '\\'|Invalid hex value|Escaped character"), "toml_backslash"),
    (re.compile(r"(?:Illegal|Found invalid) character '(.+)'$"), "toml_bad_character"),
    (re.compile(r"Invalid date"), "toml_bad_date"),
)


def _bad_toml(file: str, exc: Exception, text: str) -> Problem:
    """Unreadable region.toml, said in the reader's words (the parser's are English): the line in the place
    every problem says where (``Problem.line``). A string or bracket left open is found by tomllib only at
    the end of the file; the line where it opens is named instead, and a repeated setting names both lines."""
    error = str(exc)
    found = _TOML_AT.search(error)
    at = found.group(1) if found else None
    error = error[:found.start()] if found else error
    key, match = next(((key, m) for pattern, key in _TOML_ERRORS if (m := pattern.match(error))), ("bad_toml", None))
    line = int(at) if at else max(1, len(text.splitlines()))   # 'end of document'
    params: dict = {}
    if key == "toml_duplicate" and (repeat := _TomlLines(text).repeat):
        key, (line, first, setting) = "toml_duplicate_key", repeat
        params = {"setting": setting, "first": first}
    elif key in ("toml_unclosed_quote", "toml_unclosed_bracket") and not at:
        line = _open_line(text, key) or line
    elif key in ("toml_after_value", "toml_bad_date"):
        params = {"example": _quoted_example(text, line)}
    elif key == "toml_bad_character":
        char = match.group(1).encode().decode("unicode_escape") if match else ""
        params = {"char": f"U+{ord(char):04X}" if len(char) == 1 else match.group(1)}
    return Problem(file, key, params=params, line=line)


def _quoted_example(text: str, line: int) -> str:
    """The setting on ``line`` with its value in quotes ('year = 2024 final' -> 'year = "2024 final"'), as the
    fix to show; the period example when the line is no 'name = value'."""
    lines = text.splitlines()
    found = re.match(r"""^\s*([A-Za-z0-9_-]+)\s*=\s*([^"'#]*?)\s*(?:#.*)?$""", lines[line - 1] if 0 < line <= len(lines) else "")
    if not found or not found.group(2):
        return 'period = "2020-2024"'
    return f'{found.group(1)} = "{found.group(2)}"'


def _open_line(text: str, key: str) -> int | None:
    """The first line that opens a quote (or a bracket) it does not close, for an error tomllib finds at the end."""
    for number, line in enumerate(text.splitlines(), start=1):
        if key == "toml_unclosed_quote":
            double = line.count('"') - line.count('\\"')
            if double % 2 or (not double and line.count("'") % 2):
                return number
        elif line.count("[") > line.count("]") or line.count("{") > line.count("}"):
            return number
    return None


class _TomlLines:
    """Where each setting of region.toml is written: its line number and its value as typed."""

    _SECTION = re.compile(r"^\s*\[\s*([^\]]*?)\s*\]")
    _SETTING = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=\s*(.*?)\s*(?:#[^"']*)?$""")

    def __init__(self, text: str):
        self._at: dict[tuple[str, str], tuple[int, str]] = {}
        self.repeat: tuple[int, int, str] | None = None    # the first setting or table written twice: line, first line, name
        sections: dict[str, int] = {}
        section = ""
        for number, line in enumerate(text.splitlines(), start=1):
            if (found := self._SECTION.match(line)) and "=" not in line.split("]")[0]:
                section = found.group(1).strip("\"'")
                if section in sections and self.repeat is None:
                    self.repeat = (number, sections[section], f"[{section}]")
                sections.setdefault(section, number)
            elif found := self._SETTING.match(line):
                key = (section, found.group(1).strip("\"'"))
                if key in self._at and self.repeat is None:
                    self.repeat = (number, self._at[key][0], f"[{section}] {key[1]}" if section else key[1])
                self._at.setdefault(key, (number, found.group(2)))

    def line(self, key: str, section: str = "") -> int | None:
        return self._at.get((section, key), (None, ""))[0]

    def typed(self, key: str, value, section: str = "") -> str:
        """The value as the user typed it (``2020-01-01``, not ``datetime.date(2020, 1, 1)``); a text
        in quotes as before ('Twente')."""
        typed = "" if isinstance(value, str) else self._at.get((section, key), (0, ""))[1]
        return (typed or repr(value))[:60]


def _unknown_settings(data: dict, file: str, lines: _TomlLines) -> list[Problem]:
    """A warning per setting region.toml does not know (it is ignored), with the closest known one."""
    def unknown(key: str, known: tuple[str, ...], section: str = "") -> Problem:
        words = {normalise_key(k): k for k in known} | (
            {} if section else {normalise_key(w): k for w, k in _TOML_WORDS.items()})
        match = closest(key, words)
        return Problem(file, "toml_unknown_setting", params={
            "setting": f"[{section}] {key}" if section else key,
            "suggestion": words[match] if match else "", "known": ", ".join(known)}, line=lines.line(key, section))

    out = [unknown(key, _TOML_SETTINGS) for key in data if key not in _TOML_SETTINGS]
    for lang in LANGS:
        if isinstance(data.get(lang), dict):
            out += [unknown(key, TRANSLATABLE, lang) for key in data[lang] if key not in TRANSLATABLE]
    return out


_TOML_EXAMPLES = {"name": 'name = "Twente"', "period": 'period = "2024"', "source": 'source = "enquête 2024"',
                  "note": 'note = "voorlopig"', "arbeidsmarktregios": 'arbeidsmarktregios = ["Twente"]'}


def _checked_toml(data: dict, file: str, problems: list[Problem], lines: _TomlLines,
                  warnings: list[Problem] | None = None) -> dict:
    """``data`` with every value of the wrong type reported (and left out). A number counts as text; when
    it reads otherwise than typed (``period = 2020.10`` is 2020.1, ``1_000`` is 1000) a warning says so,
    and true/false is no text."""

    def wrong(key: str, expected: str, value, example: str) -> None:
        section, _, name = key.rpartition(".")
        problems.append(Problem(file, "toml_type", params={
            "setting": key, "expected": Text(expected), "found": lines.typed(name, value, section),
            "example": example}, line=lines.line(name, section)))

    def invisible(key: str, value) -> bool:     # NUL and the like would make GraphML and GEXF invalid
        if isinstance(value, str) and XML_INVALID.search(value):
            section, _, name = key.rpartition(".")
            problems.append(Problem(file, "toml_control", params={"setting": key}, line=lines.line(name, section)))
            return True
        return False

    def text(key: str, value) -> bool:     # a text, or a number that reads as typed (a warning when not)
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            return False
        section, _, name = key.rpartition(".")
        typed = lines.typed(name, value, section)
        if not isinstance(value, str) and typed != str(value) and warnings is not None:
            warnings.append(Problem(file, "toml_number_as_text", params={
                "setting": key, "typed": typed, "read": str(value), "example": f'{name} = "{typed}"'},
                line=lines.line(name, section)))
        return True

    checked = {}
    for key, value in data.items():
        if invisible(key, value) or key in LANGS and isinstance(value, dict) and any(
                [invisible(f"{key}.{k}", v) for k, v in value.items()]):
            continue
        if key in TRANSLATABLE and not text(key, value):
            wrong(key, "toml_text", value, _TOML_EXAMPLES[key])
        elif key == "arbeidsmarktregios" and not (
                isinstance(value, str) or isinstance(value, list) and all(isinstance(v, str) for v in value)):
            wrong(key, "toml_list", value, _TOML_EXAMPLES[key])
        elif key in LANGS and not isinstance(value, dict):
            wrong(key, "toml_table", value, f'[{key}] name = "..."')
        elif key in LANGS:
            bad = [k for k, v in value.items() if k in TRANSLATABLE and not text(f"{key}.{k}", v)]
            for k in bad:
                wrong(f"{key}.{k}", "toml_text", value[k], _TOML_EXAMPLES.get(k, ""))
            checked[key] = {k: v for k, v in value.items() if k not in bad}
        else:
            checked[key] = value
    return checked


def load_region(path: str | Path, regions_dir: str | Path = "regions", year: int | None = None) -> Region:
    """Load and validate a region; raise :class:`DataError` listing every problem found.

    With ``year`` only the relations that count in that year are kept (see
    :mod:`ecosystem.period`); every actor stays, and an actor without relations that
    year is a warning. Raises :class:`UserError` when no relation counts in ``year``.
    """
    folder = locate_region(path, regions_dir)
    problems: list[Problem] = []
    found: list[Problem] = []                   # what the choice of files says (which workbook was read)
    settings: list[Problem] = []                # region.toml's unknown settings
    meta = _read_meta(folder, problems, settings)
    actors_table, relations_table = _read_tables(folder, problems, meta, found)
    region, actors_table, relations_table = _validated(meta, actors_table, relations_table, problems, folder)
    # What the intake checks say is about the tables (names, arbeidsmarktregio's), whatever the year.
    intake = tuple(_intake_warnings(actors_table, _in_row_order(region), list(region.relations), meta))
    if year is not None:
        dated = _as_of(region, actors_table, relations_table, year)
        return replace(dated, warnings=tuple(found) + tuple(settings) + _notes(actors_table, relations_table)
                       + dated.warnings + intake)
    warnings = isolated_warnings(actors_table, _in_row_order(region), list(region.relations))
    return replace(region, warnings=tuple(found) + tuple(settings) + _notes(actors_table, relations_table) + region.warnings
                   + tuple(warnings) + intake)


def load_workbook_region(path: Path, toml: Path) -> Region:
    """A Kumu workbook as a validated region (for ``import kumu``), with region.toml's mappings from ``toml``.

    Raises :class:`DataError` listing every problem found.
    """
    problems: list[Problem] = []
    settings: list[Problem] = []
    meta = _read_meta(toml.parent, problems, settings)
    actors_table, relations_table = read_kumu(path, problems, meta.groups, meta.relation_types)
    region, actors_table, relations_table = _validated(meta, actors_table, relations_table, problems, path.parent)
    warnings = isolated_warnings(actors_table, _in_row_order(region), list(region.relations))
    return replace(region, warnings=tuple(settings) + _notes(actors_table, relations_table) + region.warnings
                   + tuple(warnings))


def _in_row_order(region: Region) -> list:
    """The actors in the user's row order, so warnings follow the spreadsheet."""
    return sorted(region.actors, key=lambda a: a.row)


def _notes(*tables: Table) -> tuple[Problem, ...]:
    """What the reader noticed about the headers (row used, columns not recognised)."""
    return tuple(n for table in tables for n in table.notes)


def _validated(meta: RegionMeta, actors_table: Table | None, relations_table: Table | None,
               problems: list[Problem], folder: Path) -> tuple[Region, Table, Table]:
    """Validate both tables; raise :class:`DataError` with every problem (those found so far too)."""
    notes = [w for table in (actors_table, relations_table) if table for w in table.warnings]
    actors = validate_actors(actors_table, problems, notes) if actors_table else []
    if actors_table:
        actors = _one_spelling(actors, actors_table, notes)
    # Relations are checked against every id that was written, even on rows with other
    # problems, so one bad actor row does not cascade into many 'unknown actor' lines.
    ids = [cells.get("id", "") for _, cells in actors_table.rows] if actors_table else []
    ids = [i for i in dict.fromkeys(ids) if i]
    names = {cells.get("id", ""): cells.get("name", "") for _, cells in actors_table.rows} if actors_table else {}
    relations = (validate_relations(relations_table, ids, problems, actors_table.file if actors_table else "actors.csv",
                                    names, warnings=notes, without_id=rows_without_id(actors_table),
                                    actor_rows={a.id: a.row for a in actors})
                 if relations_table else [])
    if problems:
        tables = [actors_table, relations_table]
        raise DataError(name_formulas(without_merged(problems, tables), tables))
    # Validation ran in the user's row order (messages name their rows); analysis runs in
    # canonical order so that reordering rows or columns changes no result.
    canonical_actors, canonical_relations = canonical_order(actors, relations)
    region = Region(meta, canonical_actors, canonical_relations, folder, tuple(notes),
                    {kind: table.file for kind, table in (("actors", actors_table), ("relations", relations_table))
                     if table is not None})
    return region, actors_table, relations_table


def _one_spelling(actors: list, actors_table: Table, notes: list[Problem]) -> list:
    """One region for names written otherwise only in case, spaces or punctuation, with a warning
    (:func:`ecosystem.intake.arbeidsmarktregios.one_spelling`)."""
    from ..intake.arbeidsmarktregios import one_spelling   # imported here: intake builds on io

    folded, warnings = one_spelling(actors, actors_table.file, actors_table.label("region"))
    notes.extend(warnings)
    return folded


def _intake_warnings(actors_table: Table, actors: list, relations: list, meta: RegionMeta) -> list[Problem]:
    """Unknown arbeidsmarktregio names and roles still to be named (see :mod:`ecosystem.intake.checks`)."""
    from ..intake.checks import intake_warnings   # imported here: intake builds on io, not the other way round

    return intake_warnings(actors_table, actors, relations, meta)


def _as_of(region: Region, actors_table: Table, relations_table: Table, year: int) -> Region:
    """``region`` as it stood in ``year``: the relations that count then, with that year's warnings."""
    kept = relations_in(region.relations, year)
    years = dated_years(region.relations)
    if not kept and years:
        # Undated relations count in every year, so this only happens when every relation is dated
        # (no relations at all is said by the analysis: there is no network to analyse).
        raise UserError("year_no_relations", file=relations_table.file, year=year,
                        first=years[0], last=years[-1])
    notes: list[Problem] = []
    if not years:
        notes.append(Problem(relations_table.file, "year_undated", params={"year": year}))
    elif year < years[0]:
        notes.append(Problem(relations_table.file, "year_before_dates", params={"year": year, "first": years[0]}))
    elif year > years[-1]:
        notes.append(Problem(relations_table.file, "year_after_dates", params={"year": year, "last": years[-1]}))
    isolated = [replace(w, key="isolated_year", params={**w.params, "year": year})
                for w in isolated_warnings(actors_table, _in_row_order(region), list(kept))]
    return replace(region, relations=kept, warnings=region.warnings + tuple(notes + isolated))


def is_undated(region: Region) -> bool:
    """True when a year-filtered region's data had no date at all (every year gives the same network)."""
    return any(w.key == "year_undated" for w in region.warnings)
