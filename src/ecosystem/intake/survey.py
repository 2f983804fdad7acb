"""A survey round: one questionnaire per organisation, then merge the answers into a region folder.

Network studies collect ties by asking each organisation about its own relations and
merging the answers (the roster method: every respondent sees the full list of the other
organisations, which limits forgotten ties). Each questionnaire lists every other
organisation of the region with one answer column per relation type; the five directed
types get two columns, one per direction ("wij financieren hen" / "zij financieren ons"),
so a respondent never has to think in 'source' and 'target'. Answers are weights 1-3, an
empty cell is no relation. The respondent is identified from a hidden sheet in the
workbook (and the defined name ``ecosystem_respondent``), never from the file name.

Merging. Every answer is a claim about one relation: respondent *i* answering "wij
financieren hen" on the row of *j* claims funding *i* → *j*; "zij financieren ons" claims
funding *j* → *i*; an undirected type claims the unordered pair. A relation is
**confirmed** (``yes``) when both organisations it joins named it (same type, and for a
directed type the same direction); otherwise ``no``. Its weight is the mean of the
answers. ``reported_by`` lists who named it. A relation only one side named, while the
other side did answer, is a disagreement to settle, as is a confirmed relation with two
different weights. An organisation that did not answer only has the relations others
reported: symmetrising the reports this way is the usual treatment of non-response in
whole-network surveys, and it biases the non-respondents' position downwards.

References
----------
Wasserman, S., & Faust, K. (1994). *Social Network Analysis*, §2.3 (roster data collection).
Stork, D., & Richards, W. D. (1992). Nonrespondents in communication network studies.
*Group & Organization Management*, 17(2), 193-209.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import DataError, Problem, UserError
from ..i18n import LANGS
from ..locale import Locale
from ..model import Region
from ..vocab import GROUPS, RELATION_TYPES, SURVEY_COLUMNS, SURVEY_TABLE, normalise_key, relation_key
from .init import add_list, as_text, group_choices, header, type_and_weight_rows, write_explanation

META_SHEET = "_ecosystem"
RESPONDENT_NAME = "ecosystem_respondent"
FORMAT = 1
TYPE_ROW, HEADER_ROW, FIRST_ROW = 5, 6, 7
NEW_ROWS = 10
FIXED = ("id", "name", "group")            # the first three columns of the questionnaire
OVERVIEW = "overzicht.xlsx"
# The files collect writes into its folder, and the key in region.toml's [survey] table under which it
# records their SHA-256: collect replaces them only while they are what it wrote (never a user's edit).
OUTPUT_FILES = ("actors.csv", "relations.csv", "new_organisations.csv", "region.toml")
RECORD = "written"
# Spreadsheet formats a respondent may save the questionnaire in, which are not read (only .xlsx is).
OTHER_FORMATS = (".xls", ".xlsm", ".xlsb", ".ods", ".numbers")


def answer_columns() -> list[tuple[str, str]]:
    """(relation type, direction) per answer column: 'out' = we → them, 'in' = them → us, 'both' = undirected."""
    return [(r, d) for r, spec in RELATION_TYPES.items() for d in (("out", "in") if spec.directed else ("both",))]


def question(rtype: str, direction: str, loc: Locale) -> str:
    return loc.t(f"q_{rtype}_{direction}")


def _file_stem(actor_id: str) -> str:
    return re.sub(r"[^\w.-]+", "_", actor_id, flags=re.UNICODE).strip("_") or "actor"


# --------------------------------------------------------------------------- make


@dataclass(frozen=True)
class MakeResult:
    folder: Path
    files: dict[str, Path]          # actor id -> questionnaire
    overview: Path
    text: str
    warnings: tuple[Problem, ...]


def _questionnaire(region: Region, actor, loc: Locale):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.defined_name import DefinedName
    from openpyxl.workbook.protection import WorkbookProtection

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = loc.t("q_sheet")
    columns = answer_columns()
    last_col = len(FIXED) + len(columns)
    sheet.cell(1, 1, loc.t("q_title", region=region.meta.name)).font = Font(bold=True, size=14)
    sheet.cell(2, 1, loc.t("q_org", name=actor.name)).font = Font(bold=True, size=12)
    sheet.cell(3, 1, loc.t("q_instruction")).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=last_col)
    sheet.row_dimensions[3].height = 60
    headers = [header(column, loc) for column in FIXED]
    for c, text in enumerate(headers, start=1):
        sheet.cell(HEADER_ROW, c, text).font = Font(bold=True)
    for c, (rtype, direction) in enumerate(columns, start=len(FIXED) + 1):
        sheet.cell(TYPE_ROW, c, loc.relation(rtype).lower()).font = Font(bold=True)
        cell = sheet.cell(HEADER_ROW, c, question(rtype, direction, loc))
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(c)].width = 15
    sheet.row_dimensions[HEADER_ROW].height = 45
    for c, width in zip(range(1, 4), (18, 42, 16)):
        sheet.column_dimensions[get_column_letter(c)].width = width
    others = sorted((a for a in region.actors if a.id != actor.id), key=lambda a: (a.name.lower(), a.id))
    row = FIRST_ROW
    for other in others:
        sheet.cell(row, 1, other.id)
        sheet.cell(row, 2, other.name)
        sheet.cell(row, 3, loc.group(other.group).lower())
        row += 1
    last_listed = row - 1
    sheet.cell(row + 1, 1, loc.t("q_new")).font = Font(bold=True)
    first_new = row + 2
    last_new = first_new + NEW_ROWS - 1
    answer_fill = PatternFill("solid", fgColor="FFF6DC")
    first_answer, last_answer = get_column_letter(len(FIXED) + 1), get_column_letter(last_col)
    for r in list(range(FIRST_ROW, last_listed + 1)) + list(range(first_new, last_new + 1)):
        for c in range(len(FIXED) + 1, last_col + 1):
            cell = sheet.cell(r, c)
            cell.protection = Protection(locked=False)
            cell.fill = answer_fill
    for r in range(first_new, last_new + 1):           # name and group of a new organisation
        for c in (2, 3):
            sheet.cell(r, c).protection = Protection(locked=False)
            sheet.cell(r, c).fill = answer_fill
    if last_listed >= FIRST_ROW:
        add_list(sheet, ["1", "2", "3"], f"{first_answer}{FIRST_ROW}:{last_answer}{last_listed}", loc)
    add_list(sheet, ["1", "2", "3"], f"{first_answer}{first_new}:{last_answer}{last_new}", loc)
    add_list(sheet, group_choices(loc), f"C{first_new}:C{last_new}", loc)
    sheet.freeze_panes = sheet.cell(FIRST_ROW, len(FIXED) + 1)
    # Structure protected (no password: a respondent who must change it can, but will not by accident).
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False
    sheet.protection.formatRows = False
    write_explanation(workbook, loc, type_and_weight_rows(loc))
    meta = workbook.create_sheet(META_SHEET)
    rows = [("respondent", actor.id), ("region", region.meta.folder), ("format", FORMAT),
            ("first_row", FIRST_ROW), ("last_listed_row", last_listed), ("first_new_row", first_new),
            ("last_new_row", last_new)]
    rows += [("column", f"{len(FIXED) + i}:{rtype}:{direction}") for i, (rtype, direction) in enumerate(columns, 1)]
    for row_values in rows:
        meta.append(list(row_values))
    meta.sheet_state = "veryHidden"
    workbook.defined_names[RESPONDENT_NAME] = DefinedName(RESPONDENT_NAME, attr_text=f"'{META_SHEET}'!$B$1")
    workbook.security = WorkbookProtection(lockStructure=True)
    as_text(workbook)               # names and ids are data, never formulas
    return workbook


def _overview(region: Region, files: dict[str, Path], loc: Locale):
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = loc.t("ov_sheet")
    sheet.append([*(header(column, loc) for column in FIXED), loc.t("ov_file"),
                  loc.t("ov_sent"), loc.t("ov_received"), loc.t("ov_note")])
    for actor in sorted(region.actors, key=lambda a: (GROUPS.index(a.group), a.name.lower(), a.id)):
        sheet.append([actor.id, actor.name, loc.group(actor.group).lower(), files[actor.id].name, "", "", ""])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFG", (18, 42, 16, 34, 14, 14, 40)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    as_text(workbook)               # names and ids are data, never formulas
    return workbook


def make_questionnaires(region: Region, out: str | Path | None, loc: Locale = Locale()) -> MakeResult:
    """Write a questionnaire per actor of ``region`` and ``overzicht.xlsx`` into ``out``.

    Raises :class:`UserError` if any of those files exists already (it may hold answers), and
    :class:`~ecosystem.errors.OutputError` if ``out`` is, or lies in, the region folder (inputs
    are never touched, as analyse's ``--out``) or cannot be written.
    """
    from ..io.outputs import check_folder, outside_region, writing

    folder = Path(out) if out is not None else region.path.parent / f"{region.meta.folder}-vragenlijsten"
    outside_region(folder, region.path)
    check_folder(folder, "how_out")
    names: dict[str, Path] = {}
    used: set[str] = set()
    for actor in sorted(region.actors, key=lambda a: a.id):
        stem = _file_stem(actor.id)
        candidate, n = stem, 2
        while candidate.lower() in used:             # two ids that differ only in case or punctuation
            candidate, n = f"{stem}-{n}", n + 1
        used.add(candidate.lower())
        names[actor.id] = folder / f"{loc.t('q_sheet')}-{candidate}.xlsx"
    overview = folder / OVERVIEW
    for path in [*names.values(), overview]:
        if path.exists():
            raise UserError("survey_out_exists", path=str(path))
    with writing(folder, "how_out"):
        folder.mkdir(parents=True, exist_ok=True)
        for actor in region.actors:
            with open(names[actor.id], "xb") as fh:
                _questionnaire(region, actor, loc).save(fh)
        with open(overview, "xb") as fh:
            _overview(region, names, loc).save(fh)
    text = "\n".join([loc.t("survey_made", n=len(names), path=folder, overview=overview),
                      loc.t("survey_make_next", region=region.path)])
    return MakeResult(folder, names, overview, text, region.warnings)   # the region's, as validate gives them


# --------------------------------------------------------------------------- read


@dataclass(frozen=True)
class Claim:
    reporter: str
    source: str
    target: str
    type: str
    weight: int


@dataclass(frozen=True)
class NewOrganisation:
    reported_by: str
    name: str
    group: str
    answers: tuple[tuple[str, str, int], ...]      # (type, direction, weight)


@dataclass(frozen=True)
class Response:
    respondent: str
    file: Path
    claims: tuple[Claim, ...]
    new: tuple[NewOrganisation, ...]
    roster: tuple[str, ...] = ()      # the ids listed in it: the other organisations asked in the same round


def _answer(value) -> int | None | str:
    """1, 2 or 3; None for an empty cell; the value as text when it is something else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value in (1, 2, 3):
        return int(value)
    text = str(value).strip()
    return int(text) if text in ("1", "2", "3") else text


def _formulas(path: Path, sheet) -> dict[tuple[int, int], str]:
    """(row, 0-based column) -> formula of every formula cell in ``sheet`` (read with ``data_only``).

    The reader of region workbooks does this (:func:`ecosystem.io.tables._formula_cells`):
    a formula's saved result is the answer, and a formula without one is an error there as here.
    Only a workbook with a formula in its XML is opened a second time.
    """
    import zipfile

    from ..io.tables import _FORMULA_TAG, _formula_cells

    try:
        with zipfile.ZipFile(path) as archive:
            xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    except (OSError, zipfile.BadZipFile):
        xml = None
    if xml is not None and not _FORMULA_TAG.search(xml):
        return {}
    values = [(i, list(r)) for i, r in enumerate(sheet.iter_rows(min_row=1, min_col=1, values_only=True), start=1)]
    return _formula_cells(path, sheet.title, values, None)      # xml holds a formula: searched above


def read_response(path: Path, region: Region, problems: list[Problem], warnings: list[Problem],
                  shown: str | None = None) -> Response | None:
    """Read one returned questionnaire; None (with a warning) if it is not one of this region's.

    ``shown`` is the file as messages name it (its path in the folder of returned questionnaires).
    """
    from openpyxl import load_workbook

    from ..io.tables import bad_workbook

    shown = shown or path.name
    try:
        workbook = load_workbook(path, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises several types for a damaged file
        problems.append(bad_workbook(path, shown))
        return None
    if META_SHEET not in workbook.sheetnames:
        warnings.append(Problem(shown, "survey_not_questionnaire"))
        return None
    meta: dict[str, object] = {}
    columns: dict[int, tuple[str, str]] = {}
    for key, value, *_ in workbook[META_SHEET].iter_rows(values_only=True):
        if key == "column":
            index, rtype, direction = str(value).split(":")
            columns[int(index)] = (rtype, direction)
        elif key:
            meta[str(key)] = value
    respondent = str(meta.get("respondent", ""))
    if str(meta.get("region", "")) != region.meta.folder:
        # A renamed region folder is common; the ids decide (an unknown respondent is an error below).
        warnings.append(Problem(shown, "survey_other_region",
                                params={"other": meta.get("region", ""), "region": region.meta.folder}))
    sheet = workbook.worksheets[0]
    label = f"{shown}[{sheet.title}]"
    formulas = _formulas(path, sheet)
    claims, new, roster = [], [], []

    def answers(row: int) -> list[tuple[str, str, int]]:
        found = []
        for col, (rtype, direction) in sorted(columns.items()):
            saved = sheet.cell(row, col).value
            value, formula = _answer(saved), formulas.get((row, col - 1))
            header = f"{sheet.cell(TYPE_ROW, col).value}: {sheet.cell(HEADER_ROW, col).value}"
            if formula is not None and saved is None:      # as analyse reads a region workbook
                problems.append(Problem(label, "formula_no_value", row, header, {"formula": formula}))
            elif isinstance(value, str):
                shown = {"formula": formula, "formula_value": value} if formula is not None else {}
                problems.append(Problem(label, "survey_bad_answer", row, header, {"value": value, **shown}))
            elif value is not None:
                found.append((rtype, direction, value))
        return found

    known = {a.id for a in region.actors}
    for row in range(int(meta["first_row"]), int(meta["last_listed_row"]) + 1):
        other = str(sheet.cell(row, 1).value or "").strip()
        roster.append(other)
        found = answers(row)
        if found and other not in known:          # removed from the actors since the questionnaire was made
            warnings.append(Problem(label, "survey_unknown_other", row, "id", {"value": other}))
            continue
        for rtype, direction, weight in found:
            source, target = (other, respondent) if direction == "in" else (respondent, other)
            claims.append(Claim(respondent, source, target, rtype, weight))
    for row in range(int(meta["first_new_row"]), int(meta["last_new_row"]) + 1):
        name = str(sheet.cell(row, 2).value or "").strip()
        group = str(sheet.cell(row, 3).value or "").strip()
        found = answers(row)
        if name or found:
            new.append(NewOrganisation(respondent, name, group, tuple(found)))
    workbook.close()
    if not claims and not new:                 # returned empty: a real answer, or a file sent back unfilled
        warnings.append(Problem(shown, "survey_empty", params={"value": respondent}))
    return Response(respondent, path, tuple(claims), tuple(new), tuple(o for o in roster if o))


# --------------------------------------------------------------------------- merge


@dataclass(frozen=True)
class MergedRelation:
    source: str
    target: str
    type: str
    weights: tuple[tuple[str, int], ...]     # (reporter, weight), sorted by reporter

    @property
    def weight(self) -> float:
        return sum(w for _, w in self.weights) / len(self.weights)

    @property
    def reported_by(self) -> tuple[str, ...]:
        return tuple(r for r, _ in self.weights)

    @property
    def confirmed(self) -> bool:
        return {self.source, self.target} <= set(self.reported_by)


def merge_claims(claims: list[Claim]) -> list[MergedRelation]:
    """One relation per (source, target, type), undirected pairs unordered; sorted, so row order never matters."""
    grouped: dict[tuple[str, str, str], dict[str, int]] = defaultdict(dict)
    for claim in claims:
        grouped[relation_key(claim.source, claim.target, claim.type)][claim.reporter] = claim.weight
    return [MergedRelation(s, tg, ty, tuple(sorted(reports.items())))
            for (s, tg, ty), reports in sorted(grouped.items())]


# --------------------------------------------------------------------------- collect


@dataclass(frozen=True)
class CollectResult:
    folder: Path
    files: dict[str, Path]
    relations: tuple[MergedRelation, ...]
    respondents: dict[str, Path]               # actor id -> the file that answered for it
    new: tuple[NewOrganisation, ...]
    text: str
    warnings: tuple[Problem, ...]


def _tie(relation: MergedRelation | Claim, names: dict[str, str], loc: Locale) -> str:
    arrow = "→" if RELATION_TYPES[relation.type].directed else "–"
    return f"{loc.relation(relation.type).lower()} {names[relation.source]} {arrow} {names[relation.target]}"


def _number(value: float, loc: Locale) -> str:
    return loc.number(value, 1).removesuffix(",0").removesuffix(".0")


def disagreements(relations: list[MergedRelation], respondents: set[str], names: dict[str, str],
                  loc: Locale) -> list[str]:
    """Every weight difference on a confirmed relation, and every relation one side named and the other,
    who did answer, did not; sorted by the names involved."""
    by_pair: dict[frozenset, list[MergedRelation]] = defaultdict(list)
    for r in relations:
        by_pair[frozenset((r.source, r.target))].append(r)
    lines = []
    for r in relations:
        if r.confirmed:
            (a, wa), (b, wb) = r.weights
            if wa != wb:
                lines.append(((names[a], names[b]), loc.t("survey_weight_differs", a=names[a], b=names[b],
                                                       tie=_tie(r, names, loc), wa=wa, wb=wb,
                                                       mean=_number(r.weight, loc))))
            continue
        (reporter, weight), = r.weights
        other = r.target if reporter == r.source else r.source
        if other not in respondents:
            continue                                  # non-response, not disagreement
        said = [_tie(x, names, loc) for x in by_pair[frozenset((r.source, r.target))]
                if other in x.reported_by]
        lines.append(((names[reporter], names[other]),
                      loc.t("survey_one_sided", a=names[reporter], b=names[other], tie=_tie(r, names, loc),
                        w=weight, other=loc.t("survey_other_said", ties="; ".join(said)) if said else "")))
    return [line for _, line in sorted(lines)]


def _response_lines(invited: list, not_asked: list, respondents: dict[str, Path], loc: Locale) -> list[str]:
    """Response among the organisations asked; those in the region that were not asked, named apart."""
    lines = [loc.t("survey_response", answered=len(respondents), invited=len(invited),
                   share=loc.share(len(respondents) / len(invited)))]
    for group in GROUPS:
        members = [a for a in invited if a.group == group]
        if members:
            answered = sum(a.id in respondents for a in members)
            lines.append(loc.t("survey_response_group", label=loc.group(group), answered=answered,
                               invited=len(members), share=loc.share(answered / len(members))))

    def names(actors) -> str:
        return ", ".join(a.name for a in sorted(actors, key=lambda a: (a.name.lower(), a.id)))

    missing = [a for a in invited if a.id not in respondents]
    lines.append(loc.t("survey_not_answered", n=len(missing), names=names(missing))
                 if missing else loc.t("survey_all_answered"))
    if not_asked:
        lines.append(loc.t("survey_not_asked", n=len(not_asked), names=names(not_asked)))
    return lines


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _without_record(data: bytes) -> bytes:
    """region.toml without the line of the record: the record holds the hash of the rest of the file."""
    return b"".join(line for line in data.splitlines(keepends=True) if not line.startswith(f"{RECORD} = ".encode()))


def _changed_since_collect(folder: Path) -> list[str] | None:
    """The files collect would replace in ``folder`` that are no longer what it wrote there.

    None when ``folder`` holds no record of collect (not its output, or written before it kept one).
    """
    record = (read_survey(folder) or {}).get(RECORD)
    if not isinstance(record, dict):
        return None
    changed = []
    for name in OUTPUT_FILES:
        path = folder / name
        if path.exists():
            data = path.read_bytes()
            if record.get(name) != _digest(_without_record(data) if name == "region.toml" else data):
                changed.append(name)
    return changed


def _into(region: Region, into: str | Path | None) -> Path:
    """The folder to write to: new, empty, or collect's own output that nobody changed since."""
    from ..io.outputs import check_folder, outside_region

    folder = Path(into) if into is not None else region.path.parent / f"{region.meta.folder}-enquete"
    outside_region(folder, region.path, "survey_into_is_region", "survey_into_in_region")
    check_folder(folder, "how_into")
    if folder.is_dir() and any(folder.iterdir()):
        changed = _changed_since_collect(folder)
        if changed is None:
            raise UserError("survey_into_unrecorded" if read_survey(folder) is not None else "survey_into_exists",
                            path=str(folder))
        if changed:
            raise UserError("survey_into_changed", path=str(folder), files=", ".join(changed))
    return folder


def _returned_files(responses: Path, problems: list[Problem], warnings: list[Problem]) -> list[tuple[Path, str]]:
    """The .xlsx files under ``responses``, subfolders included, each with its path there as messages
    name it, in the order of those paths (so the result never depends on the order the disk lists them).

    Every other file is named: saved in another spreadsheet format is an error (its sender would
    silently count as not answered), anything else a warning that it was skipped. Hidden entries
    ('.' names, such as the '._NAME' files macOS writes beside every file) are left out, as the
    region loader does.
    """
    found = sorted((p for p in responses.rglob("*") if p.is_file()
                    and not any(part.startswith(".") for part in p.relative_to(responses).parts)),
                   key=lambda p: p.relative_to(responses).parts)
    files = []
    for path in found:
        name, suffix = path.relative_to(responses).as_posix(), path.suffix.lower()
        if path.name.startswith("~$"):                  # Excel's lock file: the questionnaire is open
            warnings.append(Problem(name, "survey_skipped_lock"))
        elif suffix == ".xlsx":
            files.append((path, name))
        elif suffix in OTHER_FORMATS:
            problems.append(Problem(name, "survey_not_xlsx", params={"suffix": suffix}))
        else:
            warnings.append(Problem(name, "survey_skipped"))
    return files


def collect_responses(region: Region, responses: str | Path, into: str | Path | None = None,
                      loc: Locale = Locale()) -> CollectResult:
    """Read every questionnaire in ``responses`` (and its subfolders), merge, and write a region folder to ``into``.

    The organisations asked are those on the returned questionnaires' lists (the region as it was
    at ``survey make``) and the respondents; the response rate is counted among them. Raises
    :class:`DataError` listing every unreadable answer, unknown respondent or duplicate
    questionnaire, and :class:`UserError` for an unusable folder (see :func:`_into`).
    """
    responses = Path(responses)
    if not responses.is_dir():
        raise UserError("survey_no_responses_dir", path=str(responses))
    folder = _into(region, into)
    problems: list[Problem] = []
    warnings: list[Problem] = list(region.warnings)      # the region's own, as validate gives them
    known = {a.id for a in region.actors}
    respondents: dict[str, Path] = {}
    labels: dict[str, str] = {}
    read: list[Response] = []
    files = _returned_files(responses, problems, warnings)
    for path, name in files:
        response = read_response(path, region, problems, warnings, name)
        if response is None:
            continue
        if response.respondent not in known:
            problems.append(Problem(name, "survey_unknown_respondent", params={"value": response.respondent}))
        elif response.respondent in respondents:
            problems.append(Problem(name, "survey_duplicate",
                                    params={"value": response.respondent, "first": labels[response.respondent]}))
        else:
            respondents[response.respondent] = path
            labels[response.respondent] = name
            read.append(response)
    if not read and not problems:        # not "0 of 12 answered": there was nothing to read
        problems.append(Problem(str(responses), "survey_none_found_other", params={
            "files": ", ".join(name for _, name in files)}) if files else Problem(str(responses), "survey_none_found"))
    if problems:
        raise DataError(problems)
    asked = {r.respondent for r in read} | {i for r in read for i in r.roster}
    invited = [a for a in region.actors if a.id in asked]
    not_asked = [a for a in region.actors if a.id not in asked]      # added to the region after survey make
    claims = [c for r in read for c in r.claims]
    relations = merge_claims(claims)
    new = tuple(sorted((n for r in read for n in r.new), key=lambda n: (n.name.lower(), n.reported_by)))
    names = {a.id: a.name for a in region.actors}
    from ..io.outputs import writing

    with writing(folder, "how_into"):
        written = _write_folder(folder, region, relations, [a.id for a in invited], respondents, new, loc)
    found = disagreements(relations, set(respondents), names, loc)
    lines = _response_lines(invited, not_asked, respondents, loc)
    lines.append(loc.t("survey_relations", n=len(relations), confirmed=sum(r.confirmed for r in relations)))
    lines.append(loc.t("survey_disagreements", n=len(found)) if found else loc.t("survey_no_disagreements"))
    lines += found
    if new:
        lines.append(loc.t("survey_new_orgs", n=len(new), file=written["new"]))
        lines += [loc.t("survey_new_org", name=n.name or "?", group=n.group or "?", by=names[n.reported_by])
                  for n in new]
    lines.append(loc.t("survey_written", path=folder))
    return CollectResult(folder, written, tuple(relations), respondents, new, "\n".join(lines), tuple(warnings))


def _write_csv(path: Path, header: list[str], rows: list[list]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def _toml(key: str, value) -> str:
    return f"{key} = {json.dumps(value, ensure_ascii=False)}"


def _region_toml(region: Region, invited: list[str], answered: list[str]) -> list[str]:
    """region.toml's lines but the record: the region's texts, the source in every language, who was asked."""
    meta = region.meta

    def source(loc: Locale) -> str:
        return loc.t("survey_source", answered=len(answered), invited=len(invited))

    lines = [_toml("name", meta.name), _toml("arbeidsmarktregios", list(meta.arbeidsmarktregios)),
             _toml("period", meta.period), _toml("source", source(Locale())), _toml("note", meta.note), ""]
    for loc in map(Locale, LANGS):       # the region's own [nl]/[en] texts, and the source in that language
        texts = {**meta.translations.get(loc.lang, {}), "source": source(loc)}
        lines += [f"[{loc.lang}]", *(_toml(k, v) for k, v in texts.items()), ""]
    return lines + ["# Written by 'ecosystem survey collect': who was asked, who answered, and (written)",
                    "# the SHA-256 of the files it wrote, so that it never overwrites a change made to them.",
                    f"[{SURVEY_TABLE}]", _toml("invited", sorted(invited)), _toml("respondents", answered)]


def _write_folder(folder: Path, region: Region, relations: list[MergedRelation], invited: list[str],
                  respondents: dict[str, Path], new: tuple[NewOrganisation, ...], loc: Locale) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    extra = list(dict.fromkeys(k for a in region.actors for k in a.extra))
    actors = [[a.id, a.name, a.group, a.type, a.scale, "|".join(a.regions), *(a.extra.get(k, "") for k in extra)]
              for a in region.actors]
    files = {"actors": _write_csv(folder / "actors.csv",
                                  ["id", "name", "group", "type", "scale", "region", *extra], actors)}
    files["relations"] = _write_csv(
        folder / "relations.csv", ["source", "target", "type", "weight", *SURVEY_COLUMNS],
        [[r.source, r.target, r.type, f"{r.weight:g}", "|".join(r.reported_by), "yes" if r.confirmed else "no"]
         for r in relations])
    files["new"] = _write_csv(
        folder / "new_organisations.csv", ["reported_by", "name", "group", "relations"],
        [[n.reported_by, n.name, n.group,
          "; ".join(f"{loc.relation(ty).lower()}: {question(ty, d, loc)} = {w}" for ty, d, w in n.answers)]
         for n in new])
    body = "\n".join(_region_toml(region, invited, sorted(respondents))).encode() + b"\n"
    # The record of what was written: every file's hash, region.toml's of the file without this line.
    record = {p.name: _digest(p.read_bytes()) for p in files.values()} | {"region.toml": _digest(body)}
    files["region"] = folder / "region.toml"
    entries = ", ".join(f"{json.dumps(name)} = {json.dumps(digest)}" for name, digest in record.items())
    files["region"].write_bytes(body + f"{RECORD} = {{{entries}}}\n".encode())
    return files


# --------------------------------------------------------------------------- analyse --ties


def read_survey(folder: Path) -> dict | None:
    """The ``[survey]`` table of a folder's region.toml (invited, respondents, written), or None."""
    path = folder / "region.toml"
    if not path.exists():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None                                   # the loader reports a bad region.toml
    survey = data.get(SURVEY_TABLE)
    return survey if isinstance(survey, dict) else None


@dataclass(frozen=True)
class SurveyInfo:
    invited: int
    answered: int
    exact: bool          # False when the respondents are inferred from reported_by (a lower bound)
    relations: int
    confirmed: int
    ties: str
    not_asked: int = 0   # organisations in the data that got no questionnaire (not among the invited)

    def summary(self, loc: Locale) -> dict:
        key = "survey_summary" if self.exact else "survey_summary_min"
        text = loc.t(key, answered=self.answered, invited=self.invited, relations=self.relations,
                 confirmed=self.confirmed, share=loc.share(self.answered / self.invited) if self.invited else "-")
        if self.not_asked:
            text += " " + loc.t("survey_not_asked_one" if self.not_asked == 1 else "survey_not_asked_many",
                                n=self.not_asked)
        if self.ties == "confirmed":
            text += " " + loc.t("survey_confirmed_only")
        return {"invited": self.invited, "answered": self.answered, "answered_exact": self.exact,
                "response_rate": round(self.answered / self.invited, 6) if self.invited else None,
                "relations": self.relations, "confirmed": self.confirmed, "ties": self.ties,
                "not_asked": self.not_asked, "text": text}


def apply_ties(region: Region, ties: str = "all") -> tuple[Region, SurveyInfo | None]:
    """The region with only confirmed relations for ``ties='confirmed'``, and what the survey says, if any.

    Survey data are relations with a ``confirmed`` or ``reported_by`` column.
    Raises :class:`UserError` for ``confirmed`` on data without survey columns or without a confirmed relation.
    """
    if ties not in ("all", "confirmed"):
        raise ValueError(f"ties must be 'all' or 'confirmed', not {ties!r}")
    is_survey = any(k in r.extra for r in region.relations for k in SURVEY_COLUMNS)
    if not is_survey:
        if ties == "confirmed":
            raise UserError("ties_no_survey")
        return region, None
    confirmed = [r for r in region.relations if normalise_key(r.extra.get("confirmed", "")) in ("yes", "ja")]
    meta = read_survey(region.path) or {}
    invited = len(meta.get("invited") or region.actors)
    # Organisations added after the round (to the region before collect, or to this folder since) were not asked.
    asked = set(meta["invited"]) if isinstance(meta.get("invited"), list) else {a.id for a in region.actors}
    not_asked = sum(a.id not in asked for a in region.actors)
    if "respondents" in meta:
        answered, exact = len(meta["respondents"]), True
    else:
        answered = len({i for r in region.relations for i in r.extra.get("reported_by", "").split("|") if i})
        exact = False
    info = SurveyInfo(invited, answered, exact, len(region.relations), len(confirmed), ties, not_asked)
    if ties == "confirmed":
        if not confirmed:
            raise UserError("ties_none_confirmed")
        region = replace(region, relations=tuple(confirmed))
    return region, info

