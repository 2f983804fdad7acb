"""Find a region folder and load it into a validated :class:`~ecosystem.model.Region`.

A region folder holds ``actors.csv`` and ``relations.csv`` (or one
``ecosystem.xlsx`` with sheets ``actors`` and ``relations``) and optionally
``region.toml``. Input files are only ever read.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from ..errors import DataError, Problem
from ..model import Region, RegionMeta
from .tables import Table, read_csv, read_xlsx_sheet
from .validate import isolated_warnings, validate_actors, validate_relations


def locate_region(path: str | Path, regions_dir: str | Path = "regions") -> Path:
    """Return the region folder for ``path``, looking under ``regions_dir`` if it does not exist as given."""
    given = Path(path)
    for candidate in (given, Path(regions_dir) / given):
        if candidate.exists():
            if not candidate.is_dir():
                raise DataError([Problem(str(given), "not_folder")])
            return candidate
    raise DataError([Problem(str(given), "no_folder")])


def _read_tables(folder: Path, problems: list[Problem]) -> tuple[Table | None, Table | None]:
    xlsx = folder / "ecosystem.xlsx"
    csvs = [folder / "actors.csv", folder / "relations.csv"]
    if xlsx.exists() and not all(p.exists() for p in csvs):
        return (read_xlsx_sheet(xlsx, "actors", problems), read_xlsx_sheet(xlsx, "relations", problems))
    tables = []
    for path in csvs:
        if not path.exists():
            problems.append(Problem(path.name, "missing_file", params={"file": path.name}))
            tables.append(None)
        else:
            tables.append(read_csv(path, problems))
    return tables[0], tables[1]


def _read_meta(folder: Path, problems: list[Problem]) -> RegionMeta:
    data: dict = {}
    toml_path = folder / "region.toml"
    if toml_path.exists():
        try:
            data = tomllib.loads(toml_path.read_text(encoding="utf-8-sig"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            problems.append(Problem(toml_path.name, "bad_toml", params={"error": str(exc)}))
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
    )


def load_region(path: str | Path, regions_dir: str | Path = "regions") -> Region:
    """Load and validate a region; raise :class:`DataError` listing every problem found."""
    folder = locate_region(path, regions_dir)
    problems: list[Problem] = []
    actors_table, relations_table = _read_tables(folder, problems)
    meta = _read_meta(folder, problems)
    actors = validate_actors(actors_table, problems) if actors_table else []
    # Relations are checked against every id that was written, even on rows with other
    # problems, so one bad actor row does not cascade into many 'unknown actor' lines.
    ids = [cells.get("id", "") for _, cells in actors_table.rows] if actors_table else []
    ids = [i for i in dict.fromkeys(ids) if i]
    relations = validate_relations(relations_table, ids, problems) if relations_table else []
    if problems:
        raise DataError(problems)
    warnings = isolated_warnings(actors_table.file, actors, relations)
    return Region(meta, tuple(actors), tuple(relations), folder, tuple(warnings))
