"""The library entry point behind ``ecosystem analyse``: load -> analyse -> render -> write.

Every CLI command is one call into this module, so the same work is available
from Python::

    from ecosystem.api import analyse, compare
    result = analyse("regions/brabant", out="outputs", lang="nl", seed=0)
    print(result.summary["core"])
    change = compare("brabant", from_year=2020, to_year=2021)
    print(change.data["core"]["entered"])

The stages are separate calls too, so a caller can analyse without writing::

    from ecosystem.api import load, analyse_loaded, render, write
    loaded = load("regions/brabant")                      # io: checked region (DataError lists problems)
    analysis = analyse_loaded(loaded, seed=0)             # analysis: every measure and verdict
    rendered = render(analysis, "en", only=["summary"])   # render: named documents, nothing written
    print(rendered.summary["text"]["region"])
    folder, files = write(rendered, "outputs", loaded.region.path)   # write: all at once
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import DataError, Problem, UserError
from .io.region import is_undated, load_region, locate_region
from .locale import Locale
from .model import Region
from .plain_warnings import collected, plain

if TYPE_CHECKING:
    from .analysis.change import Change
    from .analysis.pipeline import Analysis
    from .intake.survey import SurveyInfo
    from .render.documents import Rendered


@dataclass(frozen=True)
class Loaded:
    """The load stage's result: a checked region and what came with it."""
    region: Region                 # canonical order, region.toml's main texts, cut to ``year``, ties chosen
    year: int | None = None        # the year the relations were cut to, if one was asked
    survey: SurveyInfo | None = None   # response facts when the relations come from a survey

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

    The four stages in one call: :func:`load` -> :func:`analyse_loaded` -> :func:`render` ->
    :func:`write`; call them one by one to analyse without writing, or to render only some outputs.

    With ``year`` the network is analysed as it stood in that year (relations whose
    ``since``/``until`` years include it, see :mod:`ecosystem.period`) and the outputs go
    to ``out/<region folder>-<year>/``; ``summary.json`` then has ``"year": year``
    (null without a year) and ``"period"`` set to the year. The outputs replace an earlier
    run's all at once (:mod:`ecosystem.io.outputs`); Python warnings raised on the way are
    returned as plain-language warnings (:mod:`ecosystem.plain_warnings`).

    ``ties`` is ``"all"`` or ``"confirmed"``: with survey data (relations with ``reported_by``/
    ``confirmed`` columns, see :mod:`ecosystem.intake.survey`) ``confirmed`` keeps only the
    relations both sides named; ``summary.json`` then has a ``"survey"`` object with the response rate.

    ``progress`` shows progress bars on stderr for the long steps, when stderr is a terminal.

    ``region_name`` analyses one arbeidsmarktregio's network alone (the actors whose ``region``
    names it and the relations among them, :mod:`ecosystem.analysis.by_region`); outputs go to
    ``out/<region folder>-<region slug>/``. Without it, when actors name regions, each region is
    also analysed alone and ``summary.json`` gets ``by_region`` (docs/methods.md §17).

    With ``anonymise`` every organisation is known by group and number in every output
    (:mod:`ecosystem.anonymise`); the outputs go to ``out/anoniem/`` (never named after the region
    folder; ``anoniem-<year>`` with ``year``, ``anoniem-<region slug>`` with ``region_name``) and the key
    (number -> id and name, and the folder's name) to ``out/anoniem-sleutel.csv`` (``-key.csv`` in
    English), returned as ``key``.

    Raises :class:`ecosystem.errors.DataError` listing every problem in the data, and
    :class:`ecosystem.errors.OutputError` if the output folder cannot be used.
    """
    from .io.outputs import check_output_dir

    loc = Locale(lang)            # the reader's language, made once for every word and number of this run
    with collected() as caught:
        loaded = load(path, regions_dir, year=year, ties=ties, region_name=region_name)
        anonymous = None
        if anonymise:             # before any analysis, so every output is anonymous by construction
            from .anonymise import anonymise_region
            anonymous = anonymise_region(loaded.region, loc, seed)
            loaded = replace(loaded, region=anonymous.region)
        folder = _folder(loaded)
        target = check_output_dir(out, folder, loaded.region.path)     # a wrong --out fails before the work
        if anonymous is not None:   # OUT/anoniem/ whatever the folder: not over another region's
            from .anonymise import check_other_region
            check_other_region(target, anonymous)
        analysis, ahead = _analysed(loaded, loc, seed=seed, bootstrap=bootstrap, null_samples=null_samples,
                                    progress=(lambda step: loc.t(f"progress_{step}")) if progress else None,
                                    per_region=region_name is None)
        from .render.documents import render_documents   # imported while the analysis ran
        rendered = replace(render_documents(analysis, loc, **ahead), folder=folder)
        target, files = write(rendered, out, loaded.region.path)
        key = _write_key(anonymous, target, loc) if anonymous is not None else None
    return AnalyseResult(target, files, rendered.summary, rendered.text,
                         loaded.region.warnings + plain(caught), analysis, key)


# Up to this many actors ``analyse`` computes the analysis on a process of its own while this one imports the
# render stage, compiles its templates and lays out the network view (parallel.beside, _analysed): both start
# at once, where the analysis waits for its imports and compiled kernels (0.2-0.4 s: less with the
# kernels' ahead-of-time build, analysis._ahead) with the other core idle otherwise. Above it the analysis's own workers keep the cores
# busy, and sending the analysis back would cost more (about 0.03 s at 1,000 actors, 0.6 s at 5,000).
BESIDE_MAX_ACTORS = 2000


def _analysed(loaded: Loaded, loc: Locale, **settings) -> tuple[Analysis, dict]:
    """:func:`analyse_loaded` with ``settings``, and what the render stage can draw without it
    (:func:`_drawn_ahead`), drawn meanwhile with the render stage's imports (:func:`_import_render_stage`),
    where a core waited for the analysis."""
    from functools import partial

    from .parallel import beside

    done = {}
    small = len(loaded.region.actors) <= BESIDE_MAX_ACTORS

    def meanwhile() -> None:
        _import_render_stage(collect=not small)
        done.update(_drawn_ahead(loaded.region, settings["seed"], loc))
    if small:
        analysis = beside(partial(analyse_loaded, loaded, **settings), meanwhile)
    else:
        analysis = analyse_loaded(loaded, meanwhile=meanwhile, **settings)
    return analysis, done or _drawn_ahead(loaded.region, settings["seed"], loc)


def _drawn_ahead(region: Region, seed: int, loc: Locale) -> dict:
    """What the render stage draws from the tie network, the actors and the seed alone, not from the analysis:
    the map's network view (``layout.force_layout``, as ``layout.compute_layout`` lays it out; 0.1 s at 1,000
    actors, 0.7 s at 10,000) and numbers.png (``static_png.numbers_png``, 0.1 s at Brabant), as
    :func:`~ecosystem.render.documents.render_documents` takes them (``network_view``, ``numbers_png``).
    Drawn while the analysis runs instead of after it. The tie network is built here a second time (the
    analysis builds its own, on another process up to :data:`BESIDE_MAX_ACTORS`): 0.16 s and 12 MB at
    10,000 actors on a slow machine."""
    from .analysis.pipeline import build_network
    from .render.documents import region_in_language
    from .render.layout import force_layout
    from .render.static_png import numbers_png

    net = build_network(region)
    return {"network_view": force_layout(net, seed),
            "numbers_png": numbers_png(region_in_language(region, loc), net, loc)}


def _import_render_stage(collect: bool = True) -> None:
    """Import the modules the render and write stages use (matplotlib, python-pptx, jinja2, xlsxwriter),
    and compile the pages' templates; with ``collect`` False, without automatic garbage collection
    (:func:`~ecosystem.parallel.collections_paused`).

    Run while other processes analyse (:func:`_analysed`), so that the imports (0.45-0.6 CPU s at a
    speed probe of 0.3 s; bench/bench.py) take a core the analysis leaves over instead of coming after
    it; the write stage's workers, forked later, inherit the modules instead of importing their own.
    No pandas: the tables are written from typed columns (:mod:`ecosystem.io.columns`).
    """
    from contextlib import nullcontext

    from .parallel import collections_paused, frozen_heap

    # What is alive (the region, an analysis) is not scanned again, nor, in a process of its own (``analyse`` up
    # to BESIDE_MAX_ACTORS), what the imports make while they run: a full collection there cost 20-90 ms. Not
    # in the analysing process of a large region, where pausing it raised the peak memory at 100,000 actors
    # by 300 MB (2,514-2,523 against 2,823 MB, bench.py; not traced further) for no time that counts there.
    with collections_paused() if not collect else nullcontext(), frozen_heap():
        import xlsxwriter  # noqa: F401

        from .render import (actor_tables, documents, interchange, map_html, report_html, slides,  # noqa: F401
                             static_png, summary_json, whatif)
        from .render.templating import compile_templates

        compile_templates()       # once here: the write stage's forked workers inherit them


def _folder(loaded: "Loaded") -> str:
    """The output folder's name: <region folder>[-<region slug>][-<year>] (an anonymous region's folder is
    'anoniem': anonymise.anonymous_folder)."""
    from .io.outputs import output_folder

    return output_folder(loaded.region.meta.folder, loaded.year)


def _write_key(anonymous, target: Path, loc: Locale) -> Path:
    """The anonymisation key beside the outputs folder (never inside it, so sharing the folder is safe)."""
    import os

    from .anonymise import key_path, key_rows
    from .io.columns import texts
    from .io.outputs import write_csv

    path = key_path(target, loc)
    staging = path.with_name(f".{path.name}.tmp")
    columns = ("id", "name", "original_id", "original_name")
    rows = key_rows(anonymous)
    write_csv(staging, {name: texts(row[i] for row in rows) for i, name in enumerate(columns)})
    os.replace(staging, path)
    return path


def _one_region(region: Region, name: str) -> Region:
    """The network of arbeidsmarktregio ``name`` alone, or a UserError naming the regions in the data
    (or saying that its actors have no relations among each other)."""
    import difflib

    from .analysis.by_region import find_region, region_names, sub_region
    from .vocab import SUGGEST_CUTOFF

    names = region_names(region)
    found = find_region(region, name)
    if found is None:
        if not names:
            raise UserError("region_none", path=str(region.path))
        close = difflib.get_close_matches(name, names, n=1, cutoff=SUGGEST_CUTOFF)
        raise UserError("region_unknown", value=name, suggestion=close[0] if close else "",
                        regions=", ".join(names))
    alone = sub_region(region, found)
    if not alone.relations:     # the folder has relations (checked before), none among these actors
        n = len(alone.actors)
        raise UserError("region_no_relations_one" if n == 1 else "region_no_relations", value=found, n=n)
    return alone


def load(path: str | Path, regions_dir: str | Path = "regions", year: int | None = None,
         ties: str = "all", region_name: str | None = None) -> Loaded:
    """Load stage: read and check the region at ``path`` (as it stood in ``year``), with the ties asked for.

    With ``region_name``, only that arbeidsmarktregio's network. The region keeps region.toml's
    main texts; renderers choose the language. Raises :class:`~ecosystem.errors.DataError`
    listing every problem, :class:`~ecosystem.errors.UserError` when there is no relation at all
    (a fresh ``ecosystem init`` folder), the region is unknown, or ``ties`` cannot apply.
    """
    from .intake.survey import apply_ties

    region = load_region(path, regions_dir, year=year)
    if year is not None:
        region = replace(region, meta=region.meta.in_year(year))
    else:
        region = with_ended_warning(region)
    region, survey = apply_ties(_require_relations(region), ties)
    if region_name is not None:
        region = _one_region(region, region_name)
    return Loaded(region, year, survey)


def analyse_loaded(loaded: Loaded, seed: int = 0, bootstrap: int | None = None,
                   null_samples: int | None = None, progress=None, per_region: bool = True,
                   meanwhile=None) -> Analysis:
    """Analyse stage: every measure and verdict for a loaded region (no text, no files).

    See :func:`ecosystem.analysis.pipeline.analyse_region` for the settings; ``progress`` labels
    the progress bars. With ``per_region`` each arbeidsmarktregio the actors name is analysed
    alone too, and the what-if facts are added (:mod:`ecosystem.meeting`). ``meanwhile``, a
    function without arguments, runs once while other processes compute: the whole network's
    samples (before they are collected) or, failing that, the regions' analyses (``analyse``
    imports the render stage's modules and lays out the network view then); not at all when nothing
    runs beside this process.
    """
    from .analysis.by_region import start_by_region
    from .analysis.pipeline import analyse_region

    pending = None
    if per_region and any(a.regions for a in loaded.region.actors):
        # The regions' analyses run beside the whole network's (it does not need them) on the other cores,
        # started as soon as the analysis modules are imported (the rest is imported beside them).
        pending = start_by_region(loaded.region, seed=seed, bootstrap_samples=bootstrap, null_samples=null_samples)
    from .meeting import analyse_extras, network_extras

    called = False

    def once() -> None:
        nonlocal called
        if meanwhile is not None and not called:
            called = True
            meanwhile()
    try:
        analysis = analyse_region(loaded.region, seed=seed, bootstrap_samples=bootstrap, null_samples=null_samples,
                                  year=loaded.year, survey=loaded.survey, progress=progress,
                                  beside=network_extras, meanwhile=once)
        if pending is not None:
            once()
    except BaseException:         # Ctrl-C or a failure: no process left computing for nobody
        if pending is not None:
            pending.cancel()
        raise
    return replace(analysis, extras=analyse_extras(analysis, seed, bootstrap, null_samples, per_region=per_region,
                                                   pending=pending))


def render(analysis: Analysis, lang: str = "nl", only: Iterable[str] | None = None) -> Rendered:
    """Render stage: the named documents of ``analysis`` in ``lang`` (all, or those in ``only``); writes nothing.

    See :func:`ecosystem.render.documents.render_documents` for the names.
    """
    from .render.documents import render_documents

    return render_documents(analysis, Locale(lang), only)


def write(rendered: Rendered, out: str | Path, region_path: Path) -> tuple[Path, dict[str, Path]]:
    """Write stage: the rendered documents into ``out/<folder>/``, replacing an earlier set all at once.

    ``region_path`` is the input folder, which is never written to. Returns the folder and
    ``{name: path}``. Raises :class:`~ecosystem.errors.OutputError` if the folder cannot be used.
    """
    from .io.outputs import write_documents

    return write_documents(out, rendered.folder, region_path, rendered.documents)


def _require_relations(region: Region) -> Region:
    """``region``, or a :class:`UserError` when it has no relation at all (a fresh ``ecosystem init`` folder)."""
    if not region.relations:
        raise UserError("analyse_no_relations", path=str(region.path))
    return region


def with_ended_warning(region: Region) -> Region:
    """``region`` (loaded without a year) with one warning when relations ended before the latest year in the data.

    Without ``--year`` every relation counts, those that ended too (:func:`ecosystem.period.ended_before_last`):
    the network is then no year's network, and the reader should know.
    """
    from .period import ended_before_last

    n, last = ended_before_last(region.relations)
    if not n:
        return region
    warning = Problem(region.source("relations"), "ended_counted_one" if n == 1 else "ended_counted",
                      params={"n": n, "last": last})
    return replace(region, warnings=region.warnings + (warning,))


def _load(path: str | Path, regions_dir: str | Path, loc: Locale, year: int | None) -> Region:
    """Load a region (as it stood in ``year``, if given) with its texts in the reader's language (for intake and compare)."""
    region = load_region(path, regions_dir, year=year)
    meta = region.meta.in_year(year) if year is not None else region.meta
    return replace(region, meta=meta.in_language(loc))   # region.toml's [en] texts, if any


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
        result = _compare(old, new, out, Locale(lang), seed, regions_dir, from_year, to_year, bootstrap, null_samples)
    return replace(result, warnings=result.warnings + plain(caught))


def _compare(old: str | Path, new: str | Path | None, out: str | Path, loc: Locale, seed: int,
             regions_dir: str | Path, from_year: int | None, to_year: int | None, bootstrap: int | None,
             null_samples: int | None) -> CompareResult:
    from .analysis.change import compare_analyses
    from .analysis.pipeline import analyse_region
    from .io.outputs import Document, check_output_dir, write_documents
    from .render.change_html import render_change_html
    from .render.change_json import change_dict
    from .render.change_text import change_text

    sides = _compare_inputs(old, new, regions_dir, loc, from_year, to_year)
    before, after = sides.before, sides.after
    for region in (before, after):
        _require_relations(region)
    for region in (before, after):                  # a wrong --out fails before the work
        check_output_dir(out, sides.folder, region.path)
    settings = {"seed": seed, "bootstrap_samples": bootstrap, "null_samples": null_samples}
    change = compare_analyses(analyse_region(before, **settings), analyse_region(after, **settings), *sides.labels)
    region_name = compared_name(before.meta.in_language(loc).name_beside_year(),
                                after.meta.in_language(loc).name_beside_year(), sides.labels)
    data = change_dict(change, region_name, loc, seed, years=sides.years, folders=sides.folders)
    target, files = write_documents(out, sides.folder, after.path, {
        "change": Document("change.json", "json", data),
        "change_html": Document("change.html", "text", render_change_html(change, region_name, loc, seed))})
    return CompareResult(target, files, data, change_text(change, region_name, loc),
                         _merge_warnings(before.warnings, after.warnings), change)


def compared_name(before: str, after: str, labels: tuple[str, str]) -> str:
    """The region's name in compare's title: one name when both sides give it (their labels say the years),
    else both, in the order of the change ('Brabant → Noord-Brabant'), so that neither side's is dropped;
    the later one's when the sides' labels are those names already (two folders without a region.toml name)."""
    return after if before == after or (before, after) == tuple(labels) else f"{before} → {after}"


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


@dataclass(frozen=True)
class CompareInputs:
    """Both sides of a comparison, loaded, and how the outputs name them."""
    before: Region
    after: Region
    folder: str                                # output folder name
    years: tuple[int, int] | None = None       # one folder, two years
    folders: tuple[str, str] | None = None     # two folders: their names (or paths, when the names are equal)
    periods: tuple[str, str] | None = None     # two folders: region.toml's periods, when both have one and they differ

    @property
    def labels(self) -> tuple[str, str]:
        """What the outputs call the two sides: the years, else the regions' periods, else the folders."""
        if self.years:
            return str(self.years[0]), str(self.years[1])
        return self.periods or self.folders


def _load_folders(paths, regions_dir: str | Path, loc: Locale, same_key: str) -> list[Region]:
    """Load several region folders for a comparison: every problem of every folder at once.

    Problems name their folder (each side has its own relations.csv); the same folder given
    twice is a :class:`UserError` with message ``same_key``.
    """
    located, problems = [], []
    for path in paths:
        try:
            located.append(locate_region(path, regions_dir))
        except DataError as exc:
            problems += exc.problems
    if problems:
        raise DataError(problems)
    seen: set[Path] = set()
    for path in located:
        if path.resolve() in seen:
            raise UserError(same_key, path=str(path))
        seen.add(path.resolve())
    regions = []
    for path in located:
        try:
            regions.append(_load(path, regions_dir, loc, None))
        except DataError as exc:
            problems += [replace(p, file=f"{path.resolve().name}/{p.file}") for p in exc.problems]
    if problems:
        raise DataError(problems)
    return regions


def _compare_inputs(old: str | Path, new: str | Path | None, regions_dir: str | Path, loc: Locale,
                    from_year: int | None, to_year: int | None) -> CompareInputs:
    """Check the argument combination and load both sides."""
    from .io.outputs import output_folder

    if (from_year is None) != (to_year is None):
        raise UserError("compare_need_both")
    if from_year is not None:
        if new is not None:
            raise UserError("compare_years_one_folder", old=str(old), new=str(new))
        if from_year > to_year:
            raise UserError("compare_from_after_to", from_year=from_year, to_year=to_year)
        if from_year == to_year:
            raise UserError("compare_same_year", year=from_year)
        before = _load(old, regions_dir, loc, from_year)
        if is_undated(before):
            file = next(w.file for w in before.warnings if w.key == "year_undated")
            raise UserError("compare_undated", file=file, from_year=from_year, to_year=to_year)
        after = _load(old, regions_dir, loc, to_year)
        return CompareInputs(before, after, output_folder(before.meta.folder, from_year, to_year),
                             years=(from_year, to_year))
    if new is None:
        raise UserError("compare_need_new")
    sides = _load_folders((old, new), regions_dir, loc, same_key="compare_same")
    before, after = (replace(r, warnings=tuple(replace(w, file=f"{r.meta.folder}/{w.file}") for w in r.warnings))
                     for r in sides)
    labels = (before.meta.folder, after.meta.folder)
    if labels[0] == labels[1]:   # same folder name in two places: show the paths as given
        labels = (str(old), str(new))
    # A coordinator names the sides by their period ("2025" -> "2026"), not by folder names.
    periods = tuple(r.meta.period.strip() for r in (before, after))   # _load chose the language
    periods = periods if all(periods) and periods[0] != periods[1] else None
    # Its own output folder, so that no folder is written by two commands (each is replaced whole).
    return CompareInputs(before, after, f"{before.meta.folder}-{after.meta.folder}", folders=labels,
                         periods=periods)


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

    Raises :class:`~ecosystem.errors.UserError` when ``file`` is missing, ``into`` is the
    workbook's own folder (the CSVs beside it could not be read) or a target file exists, :class:`~ecosystem.errors.OutputError` when ``into`` cannot be written, and
    :class:`~ecosystem.errors.DataError` listing every problem in the workbook.
    """
    from .io.outputs import check_folder, write_csv, writing
    from .io.region import load_workbook_region
    from .render.actor_tables import region_tables

    source, folder = Path(file), Path(into)
    if not source.is_file():
        raise UserError("import_no_file", path=str(source))
    if folder.is_dir() and folder.resolve() == source.parent.resolve():
        # The CSVs beside the workbook they came from: the loader cannot tell which is meant (csv_and_xlsx).
        raise UserError("import_into_export", path=str(folder), file=source.name)
    targets = (folder / "actors.csv", folder / "relations.csv")
    for target in targets:
        if target.exists():
            raise UserError("import_exists", path=str(target))
    check_folder(folder, "how_into")
    toml = folder / "region.toml" if (folder / "region.toml").exists() else source.parent / "region.toml"
    region = load_workbook_region(source, toml)
    actors, relations = region_tables(region)
    with writing(folder, "how_into"):
        folder.mkdir(parents=True, exist_ok=True)
        write_csv(targets[0], actors)
        write_csv(targets[1], relations)
    return ImportResult(targets, len(region.actors), len(region.relations), region.warnings)


# --- the intake road: init, validate, survey (see ecosystem.intake) ---------------------------------


def init(folder: str | Path, arbeidsmarktregio: str | None = None, lang: str = "nl"):
    """Create a new region folder with a template ecosystem.xlsx and region.toml (never overwrites)."""
    from .intake.init import init_region

    return init_region(folder, arbeidsmarktregio, Locale(lang))


@dataclass(frozen=True)
class ValidateResult:
    region: Region
    warnings: tuple[Problem, ...]


def validate(path: str | Path, lang: str = "nl", regions_dir: str | Path = "regions") -> ValidateResult:
    """Load and check the region at ``path`` exactly as :func:`analyse` does, and write nothing.

    Raises :class:`~ecosystem.errors.DataError` listing every problem found.
    """
    region = _load(path, regions_dir, Locale(lang), None)
    return ValidateResult(region, region.warnings)


def survey_make(path: str | Path, out: str | Path | None = None, lang: str = "nl",
                regions_dir: str | Path = "regions"):
    """Write one questionnaire workbook per organisation in the region, and an overview workbook."""
    from .intake.survey import make_questionnaires

    loc = Locale(lang)
    return make_questionnaires(_load(path, regions_dir, loc, None), out, loc)


def survey_collect(path: str | Path, responses: str | Path, into: str | Path | None = None, lang: str = "nl",
                   regions_dir: str | Path = "regions"):
    """Merge the returned questionnaires into a region folder with reported_by and confirmed per relation."""
    from .intake.survey import collect_responses

    # The region as region.toml has it (its main texts and every [nl]/[en] table), to be written on.
    return collect_responses(load_region(path, regions_dir), responses, into, Locale(lang))
