"""The library entry point behind ``ecosystem analyse``: load -> analyse -> render -> write.

Every CLI command is one call into this module, so the same work is available
from Python::

    from ecosystem.api import analyse, compare
    result = analyse("regions/brabant", out="outputs", lang="nl", seed=0)
    print(result.summary["core"])
    change = compare("brabant", from_year=2020, to_year=2021)
    print(change.data["core"]["entered"])
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError, Problem, UserError
from .i18n import t
from .io.region import is_undated, load_region, locate_region
from .model import Region
from .plain_warnings import collected, plain

if TYPE_CHECKING:
    from .analysis.change import Change
    from .analysis.ecosystem import Analysis

TITLES = {"nl": "LLO-ecosysteem", "en": "LLO ecosystem"}

# issue 12 hook: what-if and a side-by-side compare of three or more folders live in api_meeting.
from .api_meeting import SideBySideResult, compare_many, whatif  # noqa: E402,F401


@dataclass(frozen=True)
class AnalyseResult:
    out_dir: Path
    files: dict[str, Path]
    summary: dict
    text: str                      # the terminal summary
    warnings: tuple[Problem, ...]
    analysis: Analysis
    key: Path | None = None        # --anonymise: the key file (beside out_dir, never inside it)


def analyse(path: str | Path, out: str | Path = "outputs", lang: str = "nl", seed: int = 0,
            regions_dir: str | Path = "regions", bootstrap: int | None = None,
            null_samples: int | None = None, year: int | None = None, ties: str = "all",
            progress: bool = False, region_name: str | None = None, anonymise: bool = False) -> AnalyseResult:
    """Analyse the region at ``path`` and write its outputs to ``out/<region folder>/``.

    ``progress`` shows progress bars on stderr for the long steps, when stderr is a terminal.

    With ``year`` the network is analysed as it stood in that year (relations whose
    ``since``/``until`` years include it, see :mod:`ecosystem.period`) and the outputs go
    to ``out/<region folder>-<year>/``; ``summary.json`` then has ``"year": year``
    (null without a year) and ``"period"`` set to the year. The outputs replace an earlier
    run's all at once (:mod:`ecosystem.io.outputs`); Python warnings raised on the way are
    returned as plain-language warnings (:mod:`ecosystem.plain_warnings`).

    ``ties`` is ``"all"`` or ``"confirmed"``: with survey data (relations with ``reported_by``/
    ``confirmed`` columns, see :mod:`ecosystem.intake.survey`) ``confirmed`` keeps only the
    relations both sides named; ``summary.json`` then has a ``"survey"`` object with the response rate.

    ``region_name`` analyses one arbeidsmarktregio's network alone (the actors whose ``region``
    names it and the relations among them, :mod:`ecosystem.analysis.by_region`); outputs go to
    ``out/<region folder>-<region slug>/``. Without it, when actors name regions, each region is
    also analysed alone and ``summary.json`` gets ``by_region`` (docs/methods.md §17).
    With ``anonymise`` every organisation is known by group and number in every output
    (:mod:`ecosystem.anonymise`); the outputs go to ``out/<folder>-anoniem/`` and the key
    (number -> id and name) to ``out/<folder>-anoniem-sleutel.csv`` (``-key.csv`` in English),
    returned as ``key``.

    Raises :class:`ecosystem.errors.DataError` listing every problem in the data, and
    :class:`ecosystem.errors.OutputError` if the output folder cannot be used.
    """
    with collected() as caught:
        result = _analyse(path, out, lang, seed, regions_dir, bootstrap, null_samples, year, ties, progress,
                          region_name, anonymise)
    return replace(result, warnings=result.warnings + plain(caught))


def _analyse(path: str | Path, out: str | Path, lang: str, seed: int, regions_dir: str | Path,
             bootstrap: int | None, null_samples: int | None, year: int | None, ties: str,
             progress: bool = False, region_name: str | None = None, anonymise: bool = False) -> AnalyseResult:
    # Imported here, not at the top: 'validate', 'init' and 'survey' load in a fraction of a second.
    from .analysis.ecosystem import analyse_region
    from .io.kumu import kumu_frames
    from .io.outputs import check_output_dir, write_all, write_csv, write_graph, write_json, write_text, write_xlsx
    from .render.interchange import interchange_graph
    from .render.layout import compute_layout
    from .render.map_html import render_map
    from .render.map_payload import map_payload
    from .render.report_html import render_report
    from .render.slides import render_slides
    from .render.static_png import render_pngs
    from .render.tables import XLSX_SHEETS, actors_frame, layers_frame, readable_frame, summary_dict
    from .render.terminal import terminal_summary

    region, survey = _survey_ties(_load(path, regions_dir, lang, year), ties)
    if region_name is not None:   # issue 12 hook: --region NAME, one arbeidsmarktregio alone
        region = _require_relations(_one_region(region, region_name))
    folder = output_folder(region.meta.folder, year)
    # --- hook (issue 12.4): anonymise the validated region before any analysis or rendering ---
    anonymous = None
    if anonymise:
        from .anonymise import anonymise_region, anonymous_folder
        anonymous = anonymise_region(region, lang)
        region, folder = anonymous.region, anonymous_folder(folder)
    target = check_output_dir(out, folder, region.path)   # a wrong --out fails before the work
    analysis = analyse_region(region, seed=seed, bootstrap_samples=bootstrap, null_samples=null_samples,
                              progress=(lambda step: t(f"progress_{step}", lang)) if progress else None)
    # issue 12 hook (ecosystem.meeting): per-region analyses, key players, the map's what-if table
    from .meeting import analyse_extras, payload_extras, summary_extras
    extras = analyse_extras(analysis, seed, bootstrap, null_samples, per_region=region_name is None)
    summary = {**summary_dict(analysis, lang), "year": year, **summary_extras(extras, analysis, lang)}
    if survey is not None:
        summary["survey"] = survey.summary(lang)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, seed)
    title = f"{TITLES[lang]} {region.meta.name}" + (f" {year}" if year is not None else "")
    actors, layers = actors_frame(analysis), layers_frame(analysis)
    graph = interchange_graph(analysis, actors)
    names = {a.id: a.name for a in region.actors}

    def write(folder: Path) -> dict[str, Path]:
        return {
            "map": write_text(folder / "map.html", render_map(payload_extras(map_payload(analysis, layout, lang, title), extras, analysis), lang)),
            "report": write_text(folder / "report.html", render_report(analysis, summary, layout, lang)),
            **render_pngs(analysis, layout, lang, folder),
            # hook (issue 12.3): after the PNGs, which it embeds
            "slides": render_slides(summary, names, lang, title, folder / "target.png", folder / "map.png",
                                    folder / "slides.pptx"),
            "actors": write_csv(folder / "actors.csv", actors),
            "actors_xlsx": write_xlsx(folder / "actors.xlsx", dict(zip(XLSX_SHEETS[lang], (
                readable_frame(actors, lang), readable_frame(layers, lang))))),
            "layers": write_csv(folder / "layers.csv", layers),
            "summary": write_json(folder / "summary.json", summary),
            "graphml": write_graph(folder / "network.graphml", graph, "graphml"),
            "gexf": write_graph(folder / "network.gexf", graph, "gexf"),
            "kumu": write_xlsx(folder / "kumu.xlsx", kumu_frames(analysis, actors, lang)),
        }

    files = write_all(target, write)      # the whole set at once: old or new, never a mix
    key = _write_key(anonymous, target, lang) if anonymous is not None else None   # hook (issue 12.4)
    return AnalyseResult(target, files, summary, terminal_summary(summary, names, lang), region.warnings, analysis,
                         key)


def _write_key(anonymous, target: Path, lang: str) -> Path:
    """The anonymisation key beside the outputs folder (never inside it, so sharing the folder is safe)."""
    import os

    import pandas as pd

    from .anonymise import key_path
    from .io.outputs import write_csv

    path = key_path(target, lang)
    staging = path.with_name(f".{path.name}.tmp")
    write_csv(staging, pd.DataFrame(list(anonymous.key), columns=["id", "name", "original_id", "original_name"]))
    os.replace(staging, path)
    return path


def _one_region(region: Region, name: str) -> Region:
    """The network of arbeidsmarktregio ``name`` alone, or a UserError naming the regions in the data."""
    import difflib

    from .analysis.by_region import find_region, region_names, sub_region

    names = region_names(region)
    found = find_region(region, name)
    if found is None:
        if not names:
            raise UserError("region_none", path=str(region.path))
        close = difflib.get_close_matches(name, names, n=1, cutoff=0.0)
        raise UserError("region_unknown", value=name, suggestion=close[0] if close else "",
                        regions=", ".join(names))
    return sub_region(region, found)


def _survey_ties(region: Region, ties: str):
    """The region with the ties asked for (all, or only confirmed survey ties) and its survey facts, if any.

    Raises :class:`UserError` when there is no relation at all (a fresh ``ecosystem init`` folder).
    """
    from .intake.survey import apply_ties

    return apply_ties(_require_relations(region), ties)


def _require_relations(region: Region) -> Region:
    """``region``, or a :class:`UserError` when it has no relation at all (a fresh ``ecosystem init`` folder)."""
    if not region.relations:
        raise UserError("analyse_no_relations", path=str(region.path))
    return region


def output_folder(folder: str, year: int | None = None, to_year: int | None = None) -> str:
    """``brabant``, ``brabant-2021`` (one year) or ``brabant-2020-2021`` (a comparison of two years)."""
    return "-".join([folder] + [str(y) for y in (year, to_year) if y is not None])


def _load(path: str | Path, regions_dir: str | Path, lang: str, year: int | None) -> Region:
    """Load a region (as it stood in ``year``, if given) with its texts in ``lang``."""
    region = load_region(path, regions_dir, year=year)
    region = replace(region, meta=region.meta.in_language(lang))   # region.toml's [en] texts, if any
    if year is not None:   # the period the outputs describe is that one year
        region = replace(region, meta=replace(region.meta, period=str(year)))
    return region


@dataclass(frozen=True)
class CompareResult:
    out_dir: Path
    files: dict[str, Path]
    data: dict                     # the content of change.json
    text: str                      # the terminal summary
    warnings: tuple[Problem, ...]
    change: Change


def compare(old: str | Path, new: str | Path | None = None, out: str | Path = "outputs", lang: str = "nl",
            seed: int = 0, regions_dir: str | Path = "regions", from_year: int | None = None,
            to_year: int | None = None, bootstrap: int | None = None,
            null_samples: int | None = None) -> CompareResult:
    """Analyse two versions of a region with the same settings and write what changed.

    Either two region folders (``old`` and ``new``; outputs to ``out/<old folder>-<new folder>/``) or one
    folder ``old`` with ``from_year`` and ``to_year`` (outputs to ``out/<folder>-<from>-<to>/``).
    Writes ``change.json`` and ``change.html``; see docs/methods.md §15.

    Raises :class:`~ecosystem.errors.UserError` for a wrong combination of arguments,
    :class:`~ecosystem.errors.DataError` listing every problem in either data set, and
    :class:`~ecosystem.errors.OutputError` if the output folder cannot be used.
    """
    with collected() as caught:
        result = _compare(old, new, out, lang, seed, regions_dir, from_year, to_year, bootstrap, null_samples)
    return replace(result, warnings=result.warnings + plain(caught))


def _compare(old: str | Path, new: str | Path | None, out: str | Path, lang: str, seed: int,
             regions_dir: str | Path, from_year: int | None, to_year: int | None, bootstrap: int | None,
             null_samples: int | None) -> CompareResult:
    from .analysis.change import compare_analyses
    from .analysis.ecosystem import analyse_region
    from .io.outputs import check_output_dir, write_all, write_json, write_text
    from .render.change_html import render_change_html
    from .render.change_json import change_dict
    from .render.change_text import change_text

    before, after, folder, years, folders = _compare_inputs(old, new, regions_dir, lang, from_year, to_year)
    for region in (before, after):
        _require_relations(region)
    for region in (before, after):                  # a wrong --out fails before the work
        target = check_output_dir(out, folder, region.path)
    settings = {"seed": seed, "bootstrap_samples": bootstrap, "null_samples": null_samples}
    label_before, label_after = (str(y) for y in years) if years else folders
    change = compare_analyses(analyse_region(before, **settings), analyse_region(after, **settings),
                              label_before, label_after)
    region_name = after.meta.name
    data = change_dict(change, region_name, lang, seed, years=years, folders=folders)
    files = write_all(target, lambda folder: {
        "change": write_json(folder / "change.json", data),
        "change_html": write_text(folder / "change.html", render_change_html(change, region_name, lang, seed))})
    return CompareResult(target, files, data, change_text(change, region_name, lang),
                         _merge_warnings(before.warnings, after.warnings), change)


def _merge_warnings(before: tuple[Problem, ...], after: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """Both sides' warnings, each once; an actor without relations in both years is one line."""
    def where(w: Problem) -> tuple:
        return w.file, w.row, w.column, w.params.get("value")

    isolated_after = {where(w): w for w in after if w.key == "isolated_year"}
    merged: list[Problem] = []
    for w in before:
        twin = isolated_after.pop(where(w), None) if w.key == "isolated_year" else None
        if twin is not None:
            w = replace(w, key="isolated_years", params={**w.params, "to_year": twin.params["year"]})
        merged.append(w)
    merged += [w for w in after if w.key != "isolated_year" or where(w) in isolated_after]
    return tuple(w for i, w in enumerate(merged) if w not in merged[:i])


def _compare_inputs(old: str | Path, new: str | Path | None, regions_dir: str | Path, lang: str,
                    from_year: int | None, to_year: int | None
                    ) -> tuple[Region, Region, str, tuple[int, int] | None, tuple[str, str] | None]:
    """Check the argument combination and load both sides: (before, after, output folder, years, folders)."""
    if (from_year is None) != (to_year is None):
        raise UserError("compare_need_both")
    if from_year is not None:
        if new is not None:
            raise UserError("compare_years_one_folder", old=str(old), new=str(new))
        if from_year > to_year:
            raise UserError("compare_from_after_to", from_year=from_year, to_year=to_year)
        if from_year == to_year:
            raise UserError("compare_same_year", year=from_year)
        before = _load(old, regions_dir, lang, from_year)
        if is_undated(before):
            file = next(w.file for w in before.warnings if w.key == "year_undated")
            raise UserError("compare_undated", file=file, from_year=from_year, to_year=to_year)
        after = _load(old, regions_dir, lang, to_year)
        return before, after, output_folder(before.meta.folder, from_year, to_year), (from_year, to_year), None
    if new is None:
        raise UserError("compare_need_new")
    paths, problems = [], []
    for path in (old, new):
        try:
            paths.append(locate_region(path, regions_dir))
        except DataError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems)
    if paths[0].resolve() == paths[1].resolve():
        raise UserError("compare_same", path=str(paths[0]))
    sides = []
    for path in paths:
        try:
            sides.append(_load(path, regions_dir, lang, None))
        except DataError as exc:   # name the folder: both sides have a relations.csv
            problems += [replace(p, file=f"{path.resolve().name}/{p.file}") for p in exc.problems]
    if problems:
        raise DataError(problems)
    before, after = (replace(r, warnings=tuple(replace(w, file=f"{r.meta.folder}/{w.file}") for w in r.warnings))
                     for r in sides)
    labels = (before.meta.folder, after.meta.folder)
    if labels[0] == labels[1]:   # same folder name in two places: show the paths as given
        labels = (str(old), str(new))
    # Its own output folder, so that no folder is written by two commands (each is replaced whole).
    return before, after, f"{before.meta.folder}-{after.meta.folder}", None, labels


@dataclass(frozen=True)
class ImportResult:
    files: tuple[Path, ...]
    actors: int
    relations: int
    warnings: tuple[Problem, ...]


def import_kumu(file: str | Path, into: str | Path) -> ImportResult:
    """Write the Kumu workbook ``file`` as ``actors.csv`` and ``relations.csv`` in the folder ``into``.

    The workbook is read and checked exactly as ``analyse`` reads a folder holding it
    (see :mod:`ecosystem.io.kumu`), with region.toml's ``[groups]`` and ``[relation_types]``
    taken from ``into`` if it has one, else from the workbook's folder. Existing files are
    never overwritten.

    Raises :class:`~ecosystem.errors.UserError` when ``file`` is missing or a target file
    exists, and :class:`~ecosystem.errors.DataError` listing every problem in the workbook.
    """
    from .io.outputs import write_csv
    from .io.region import load_workbook_region
    from .render.tables import region_frames

    source, folder = Path(file), Path(into)
    if not source.is_file():
        raise UserError("import_no_file", path=str(source))
    targets = (folder / "actors.csv", folder / "relations.csv")
    for target in targets:
        if target.exists():
            raise UserError("import_exists", path=str(target))
    toml = folder / "region.toml" if (folder / "region.toml").exists() else source.parent / "region.toml"
    region = load_workbook_region(source, toml)
    folder.mkdir(parents=True, exist_ok=True)
    actors, relations = region_frames(region)
    write_csv(targets[0], actors)
    write_csv(targets[1], relations)
    return ImportResult(targets, len(region.actors), len(region.relations), region.warnings)


# --- the intake road: init, validate, survey (see ecosystem.intake) ---------------------------------


def init(folder: str | Path, arbeidsmarktregio: str | None = None, lang: str = "nl"):
    """Create a new region folder with a template ecosystem.xlsx and region.toml (never overwrites)."""
    from .intake.init import init_region

    return init_region(folder, arbeidsmarktregio, lang)


@dataclass(frozen=True)
class ValidateResult:
    region: Region
    warnings: tuple[Problem, ...]


def validate(path: str | Path, lang: str = "nl", regions_dir: str | Path = "regions") -> ValidateResult:
    """Load and check the region at ``path`` exactly as :func:`analyse` does, and write nothing.

    Raises :class:`~ecosystem.errors.DataError` listing every problem found.
    """
    region = _load(path, regions_dir, lang, None)
    return ValidateResult(region, region.warnings)


def survey_make(path: str | Path, out: str | Path | None = None, lang: str = "nl",
                regions_dir: str | Path = "regions"):
    """Write one questionnaire workbook per organisation in the region, and an overview workbook."""
    from .intake.survey import make_questionnaires

    return make_questionnaires(_load(path, regions_dir, lang, None), out, lang)


def survey_collect(path: str | Path, responses: str | Path, into: str | Path | None = None, lang: str = "nl",
                   regions_dir: str | Path = "regions"):
    """Merge the returned questionnaires into a region folder with reported_by and confirmed per relation."""
    from .intake.survey import collect_responses

    return collect_responses(_load(path, regions_dir, lang, None), responses, into, lang)
