"""``ecosystem init``: a new region folder with a template workbook and region.toml.

The workbook has the sheets the loader reads (``actoren``/``relaties``, or ``actors``/
``relations`` with ``--lang en``) with the header names it accepts, drop-down lists for the
controlled vocabulary (groups, relation types, scales), frozen header rows, and a sheet
explaining every column, relation type and weight. The actors sheet starts with the usual
cast of an arbeidsmarktregio (centrumgemeente, UWV, Leerwerkloket, Regionaal Werkbedrijf,
regionaal mobiliteitsteam). A cast member is named only where the shipped reference list
(:mod:`ecosystem.intake.arbeidsmarktregios`) names it with a source; otherwise its name is
the role with "(naam invullen)", which ``validate`` reports until it is filled in.
Existing files are never overwritten.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, UserError
from ..i18n import as_sentence
from ..locale import Locale
from ..vocab import GROUPS, RELATION_TYPES, SCALES
from .arbeidsmarktregios import find, unknown_warnings

WORKBOOK = "ecosystem.xlsx"
TOML = "region.toml"

# (id, role message key, group, actor type, scale): the usual cast of an arbeidsmarktregio.
CAST = (
    ("centrumgemeente", "role_centrumgemeente", "government", "centrumgemeente", "regional"),
    ("uwv", "role_uwv", "intermediaries", "UWV", "regional"),
    ("leerwerkloket", "role_leerwerkloket", "intermediaries", "Leerwerkloket", "regional"),
    ("rwb", "role_rwb", "intermediaries", "regionaal werkbedrijf", "regional"),
    ("rmt", "role_rmt", "intermediaries", "mobiliteitsteam", "regional"),
)
ACTOR_COLUMNS = ("id", "name", "group", "type", "scale", "region", "note")
RELATION_COLUMNS = ("source", "target", "type", "weight", "since", "until", "note")
WIDTHS = {"id": 18, "name": 42, "group": 16, "type": 22, "scale": 14, "region": 24, "note": 50,
          "source": 18, "target": 18, "weight": 10, "since": 10, "until": 10}
MAX_ROWS = 1000          # rows that get the drop-down lists


@dataclass(frozen=True)
class InitResult:
    folder: Path
    files: tuple[Path, ...]
    warnings: tuple[Problem, ...]
    named: tuple[tuple[str, str], ...]      # (name, source) of cast members named from the reference list


def header(column: str, loc: Locale) -> str:
    """The header a column gets in the template: the catalogue's ``template_header.<column>`` (the
    contract's own name in English), else the column name itself ('id')."""
    return loc.section("template_header").get(column, column)


def group_choices(loc: Locale) -> list[str]:
    return [loc.group(g).lower() for g in GROUPS]


def type_choices(loc: Locale) -> list[str]:
    return [loc.relation(r).lower() for r in RELATION_TYPES]


def scale_choices(loc: Locale) -> list[str]:
    return [loc.scale(s) for s in SCALES]


def cast_rows(arbeidsmarktregio: str | None, loc: Locale) -> tuple[list[list[str]], list[tuple[str, str]]]:
    """The actors sheet's first rows, and which names came from the reference list (with their source)."""
    regio = find(arbeidsmarktregio) if arbeidsmarktregio else None
    region_name = regio.name if regio else (arbeidsmarktregio or "")
    rows, named = [], []
    for aid, role, group, atype, scale in CAST:
        name, note = f"{loc.t(role)} {loc.t('fill_in_marker')}", ""
        if aid == "centrumgemeente" and regio and regio.centrumgemeente and regio.centrumgemeente_source:
            name = loc.t("gemeente_name", name=regio.centrumgemeente)
            note = loc.t("centrumgemeente_note", source=regio.centrumgemeente_source)
            named.append((name, regio.centrumgemeente_source))
        rows.append([aid, name, loc.group(group).lower(), atype, loc.scale(scale), region_name, note])
    return rows, named


def explanation_rows(loc: Locale) -> list[tuple[str, str]]:
    """(topic, text) rows for the 'uitleg' sheet; the questionnaire reuses the type and weight rows."""
    actor_text = {"id": "x_col_id", "name": "x_col_name", "group": "x_col_group", "type": "x_col_atype",
                  "scale": "x_col_scale", "region": "x_col_region", "note": "x_col_note"}
    relation_text = {"source": "x_col_source", "target": "x_col_target", "type": "x_col_rtype",
                     "weight": "x_col_weight", "since": "x_col_since", "until": "x_col_until", "note": "x_col_note"}
    params = {"groups": ", ".join(group_choices(loc)), "scales": ", ".join(scale_choices(loc))}
    rows = [("", loc.t("x_intro"))]
    for sheet, texts in (("sheet_actors", actor_text), ("sheet_relations", relation_text)):
        rows += [(f"{loc.t(sheet)}: {header(c, loc)}", loc.t(key, **params)) for c, key in texts.items()]
    return rows + type_and_weight_rows(loc)


def type_and_weight_rows(loc: Locale) -> list[tuple[str, str]]:
    rows = [(f"{loc.t('x_types')}: {loc.relation(r).lower()}", type_text(r, loc)) for r in RELATION_TYPES]
    return rows + [(f"{header('weight', loc)} {w}", loc.t(f"x_weight_{w}")) for w in (1, 2, 3)]


def type_text(rtype: str, loc: Locale) -> str:
    """A relation type explained in the template: what a row says in the columns' own names, read as the intake
    warnings read it (``relation_reading.<type>``: 'Bron financiert doel'), whether it has a direction, an example."""
    reading = loc.t(f"relation_reading.{rtype}", source=header("source", loc), target=header("target", loc))
    undirected = "" if RELATION_TYPES[rtype].directed else loc.t("x_undirected")
    return f"{as_sentence(reading + undirected)} {loc.t(f'x_type_example_{rtype}')}"


def write_explanation(workbook, loc: Locale, rows: list[tuple[str, str]]) -> None:
    from openpyxl.styles import Alignment, Font

    sheet = workbook.create_sheet(loc.t("sheet_explanation"))
    sheet.append([loc.t("x_topic"), loc.t("x_text")])
    for row in rows:
        sheet.append(list(row))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 100
    sheet.freeze_panes = "A2"


def as_text(workbook) -> None:
    """Make every cell of ``workbook`` that openpyxl took for a formula plain text again.

    openpyxl stores any string starting with '=' as a formula, so an actor named
    ``=HYPERLINK("http://...","klik")`` would become a live link in the file sent round
    (OWASP, "CSV Injection"; :func:`ecosystem.io.outputs.write_xlsx` guards the analysis
    workbooks the same way). The workbooks init and survey make hold no formula of their
    own (the drop-down lists are data validations), so every such cell is a name, an id or
    a region name: data, written as text, which a respondent's Excel shows and saves as typed.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def add_list(sheet, choices: list[str], cells: str, loc: Locale) -> None:
    """A drop-down list on ``cells`` that still allows an empty cell."""
    from openpyxl.worksheet.datavalidation import DataValidation

    rule = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    rule.error = ", ".join(choices)
    rule.errorTitle = loc.t("error")
    sheet.add_data_validation(rule)
    rule.add(cells)


def _table_sheet(workbook, title: str, columns: tuple[str, ...], rows: list[list[str]], loc: Locale):
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title)
    sheet.append([header(c, loc) for c in columns])
    for row in rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = WIDTHS.get(column, 14)
    sheet.freeze_panes = "A2"
    return sheet


def build_workbook(arbeidsmarktregio: str | None, loc: Locale):
    """The template workbook (openpyxl) and the cast names taken from the reference list."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    rows, named = cast_rows(arbeidsmarktregio, loc)
    actors = _table_sheet(workbook, loc.t("sheet_actors"), ACTOR_COLUMNS, rows, loc)
    relations = _table_sheet(workbook, loc.t("sheet_relations"), RELATION_COLUMNS, [], loc)
    column = {c: get_column_letter(i) for i, c in enumerate(ACTOR_COLUMNS, start=1)}
    add_list(actors, group_choices(loc), f"{column['group']}2:{column['group']}{MAX_ROWS}", loc)
    add_list(actors, scale_choices(loc), f"{column['scale']}2:{column['scale']}{MAX_ROWS}", loc)
    column = {c: get_column_letter(i) for i, c in enumerate(RELATION_COLUMNS, start=1)}
    add_list(relations, type_choices(loc), f"{column['type']}2:{column['type']}{MAX_ROWS}", loc)
    add_list(relations, ["1", "2", "3"], f"{column['weight']}2:{column['weight']}{MAX_ROWS}", loc)
    write_explanation(workbook, loc, explanation_rows(loc))
    as_text(workbook)               # a region name from --arbeidsmarktregio is text
    return workbook, named


def region_toml(name: str, arbeidsmarktregio: str | None) -> str:
    """region.toml text; JSON string quoting is valid TOML for basic strings."""
    regios = [find(arbeidsmarktregio).name if find(arbeidsmarktregio) else arbeidsmarktregio] if arbeidsmarktregio else []
    return "\n".join([
        f"name = {json.dumps(name, ensure_ascii=False)}",
        f"arbeidsmarktregios = {json.dumps(regios, ensure_ascii=False)}",
        'period = ""        # for example "2025"',
        'source = ""        # where the data come from, for example "enquête onder partners, voorjaar 2025"',
        'note = ""',
        "",
    ])


def init_region(folder: str | Path, arbeidsmarktregio: str | None = None, loc: Locale = Locale()) -> InitResult:
    """Create ``folder`` with ecosystem.xlsx and region.toml; raise :class:`UserError` rather than overwrite.

    Raises
    ------
    UserError
        ``folder`` is empty (it would be the current folder), a file, or holds ecosystem.xlsx,
        region.toml or region data the loader would read: actors.csv, relations.csv or another
        workbook, which the new ecosystem.xlsx would silently replace as the region's data.
    OutputError
        ``folder`` cannot be written (a file on its way, no permission, a read-only disk).
    """
    from ..io.outputs import check_folder, writing
    from ..io.region import region_files

    if not str(folder).strip():
        raise UserError("init_empty_path")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UserError("init_not_folder", path=str(folder))
    targets = (folder / WORKBOOK, folder / TOML)
    for target in targets:
        if target.exists():
            raise UserError("init_exists", path=str(target))
    data = region_files(folder) if folder.is_dir() else []
    if data:
        raise UserError("init_has_data", path=str(folder), files=", ".join(p.name for p in data))
    check_folder(folder, "how_init")
    warnings = tuple(unknown_warnings([("--arbeidsmarktregio", arbeidsmarktregio or "", None, None)]))
    workbook, named = build_workbook(arbeidsmarktregio, loc)
    regio = find(arbeidsmarktregio) if arbeidsmarktregio else None
    name = regio.name if regio else (arbeidsmarktregio or folder.resolve().name)
    with writing(folder, "how_init"):
        folder.mkdir(parents=True, exist_ok=True)
        # 'x' mode: a file that appeared in the meantime is still not overwritten.
        with open(targets[0], "xb") as fh:
            workbook.save(fh)
        with open(targets[1], "x", encoding="utf-8") as fh:
            fh.write(region_toml(name, arbeidsmarktregio))
    return InitResult(folder, targets, warnings, tuple(named))
