"""Library entry points of issue 12: ``whatif`` and a side-by-side ``compare`` of three or more folders.

Re-exported by :mod:`ecosystem.api` (``from ecosystem.api import whatif, compare_many``);
they follow the same load -> analyse -> render -> write path as ``analyse`` and ``compare``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import DataError, Problem, UserError
from .locale import Locale
from .plain_warnings import collected, plain


@dataclass(frozen=True)
class SideBySideResult:
    out_dir: Path
    files: dict[str, Path]
    data: dict                     # the content of compare.json
    text: str
    warnings: tuple[Problem, ...]


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.]+", "-", text).strip("-") or "x"


def whatif_folder(folder: str, without: tuple[str, ...], with_file: str | None, year: int | None = None) -> str:
    """``<folder>[-<year>]-whatif-<id>-<id>`` (ids sorted), plus ``-with-<file stem>`` with ``--with``."""
    from .io.outputs import output_folder

    parts = [output_folder(folder, year), "whatif", *(_slug(i) for i in sorted(without))]
    if with_file is not None:
        parts += ["with", _slug(Path(with_file).stem)]
    return "-".join(parts)


def _read_added(path: Path, region, problems: list[Problem], warnings: list[Problem]):
    """The relation rows of ``path``, validated against the region's actors as relations.csv is (a row
    repeating an earlier row of the file too: a warning to ``warnings``)."""
    from .io.tables import read_csv
    from .io.validate import validate_relations

    table = read_csv(path, problems, expected="source, target, type")
    if table is None:
        return ()
    ids = [a.id for a in region.actors]
    return tuple(validate_relations(table, ids, problems, region.source("actors"), {a.id: a.name for a in region.actors},
                                    warnings=warnings, actor_rows={a.id: a.row for a in region.actors}))


def _repeat_warning(repeat, file: str, region) -> Problem:
    """The warning for a ``--with`` row that repeats a relation of the region (:class:`~.analysis.whatif.Repeat`)."""
    from .errors import Words
    from .i18n import relation_label

    r, e = repeat.added, repeat.existing
    params = {"relations": region.source("relations"), "first": e.row, "source": r.source, "target": r.target,
              "type": Words(relation_label(r.type, "nl").lower(), relation_label(r.type, "en").lower())}
    if repeat.counted:
        return Problem(file, "whatif_with_repeat_added", r.row, "source",
                       {**params, "weights": f"{_weight(e.weight)} + {_weight(r.weight)}"})
    return Problem(file, "whatif_with_repeat", r.row, "source", params)


def _weight(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def whatif(path: str | Path, without: tuple[str, ...] = (), with_file: str | Path | None = None,
           out: str | Path = "outputs", lang: str = "nl", seed: int = 0, regions_dir: str | Path = "regions",
           bootstrap: int | None = None, null_samples: int | None = None, year: int | None = None):
    """Analyse the region without the actors ``without`` and with the relation rows of ``with_file``.

    Writes change.json (the compare contract plus a ``whatif`` object: who is cut off, which
    key-group pairs lose their last connection, F and DF before and after) and change.html
    into ``out/<folder>[-<year>]-whatif-<ids>[-with-<file stem>]/``. Returns a CompareResult.

    With ``year`` the region is taken as it stood in that year, as ``analyse`` does
    (:mod:`ecosystem.period`); the first side is then called by its year. Without it every
    relation counts, also one that ended, and the first side is "the data as given" (with a
    warning when relations ended before the latest year in the data).

    A ``--with`` row that repeats a relation of the region (same pair, type and note) follows
    relations.csv's rule: counted once when its weight and steering are the same, its weight
    added otherwise; either way with a warning (:func:`ecosystem.analysis.whatif.split_added`).

    Raises :class:`UserError` for an unknown id (with a suggestion), nothing to change or a
    ``--with`` file that adds nothing, :class:`DataError` for problems in the data or the ``--with`` file.
    """
    with collected() as caught:
        result = _whatif(path, tuple(without), with_file, out, Locale(lang), seed, regions_dir, bootstrap, null_samples,
                         year)
    return replace(result, warnings=result.warnings + plain(caught))


def _whatif(path, without, with_file, out, loc, seed, regions_dir, bootstrap, null_samples, year):
    from .analysis.change import compare_analyses
    from .analysis.pipeline import analyse_region
    from .analysis.whatif import changed_region, split_added, whatif_effect
    from .api import CompareResult, _load, _require_relations, with_ended_warning
    from .io.outputs import check_output_dir, write_all, write_json, write_text
    from .render.change_json import change_dict
    from .render.change_text import change_text
    from .render.whatif import render_whatif_html, whatif_dict, whatif_sentences

    if not without and with_file is None:
        raise UserError("whatif_nothing")
    region = _require_relations(_load(path, regions_dir, loc, year))
    if year is None:
        region = with_ended_warning(region)
    ids = [a.id for a in region.actors]
    # Ids match as in relations.csv and a --with file: regardless of case and spacing (io.validate.id_key),
    # and an unknown one gets the suggestion an unknown id in relations.csv gets (an id, or a name's id).
    from .io.validate import ActorSuggestions, id_key
    folded = {id_key(i): i for i in ids}
    without = tuple(sorted({folded.get(id_key(aid), aid) for aid in without}))   # the same run whatever the order
    unknown = [aid for aid in without if aid not in ids]
    if unknown:         # every unknown id at once, each with its suggestion
        suggest = ActorSuggestions(ids, {a.id: a.name for a in region.actors})
        raise DataError([Problem("--without", "unknown_actor",
                                 params={"value": aid, "suggestion": suggest(aid), "actors": region.source("actors")})
                         for aid in unknown])
    added, new, notes = (), 0, []
    if with_file is not None:
        source = Path(with_file)
        if not source.is_file():
            raise UserError("whatif_no_file", path=str(source), relations=region.source("relations"))
        problems: list[Problem] = []
        rows = _read_added(source, region, problems, notes)
        for r in rows:
            if r.source in without or r.target in without:
                column = "source" if r.source in without else "target"
                problems.append(Problem(source.name, "whatif_with_removed", r.row, column,
                                        {"source": r.source, "target": r.target}))
        if problems:
            raise DataError(problems)
        added, repeats = split_added(region, rows)
        notes += [_repeat_warning(r, source.name, region) for r in repeats]
        new = len(added) - sum(r.counted for r in repeats)     # the label counts new relations only
        if not added:       # an empty file, or only relations the region has: nothing is added
            raise UserError("whatif_with_nothing" if rows else "whatif_with_empty", file=source.name,
                            relations=region.source("relations"))
    folder = whatif_folder(region.meta.folder, without, None if with_file is None else str(with_file), year)
    target = check_output_dir(out, folder, region.path)
    after_region = changed_region(region, without, added)
    settings = {"seed": seed, "bootstrap_samples": bootstrap, "null_samples": null_samples}
    s = loc.section("region")
    names = {a.id: a.name for a in region.actors}
    # Named as the coordinator knows them (the id only where the name is empty); ids stay in change.json.
    parts = [s["removed"].format(ids=", ".join(names[i] or i for i in without))] if without else []
    if with_file is not None:
        parts.append(loc.counted("region.added", new, file=Path(with_file).name))
    what = ", ".join(parts)
    if not after_region.relations:   # nothing left to analyse: say so, as analyse does for a region without relations
        raise UserError("whatif_nothing_left", what=what)
    before = analyse_region(region, **settings)   # after the check: no analysis for a what-if that must stop
    # The first side is the year asked for, or the data as given (relations that ended count too: not "now").
    label = s["as_given"] if year is None else str(year)
    change = compare_analyses(before, analyse_region(after_region, **settings), label, f"{s['whatif_label']} ({what})",
                              taken_out=without)
    effect = whatif_effect(before.network, without, added)
    extra = whatif_dict(effect, before.network.ids, names, without, new,
                        None if with_file is None else Path(with_file).name, year)
    region_name = region.meta.in_language(loc).name_beside_year()   # the first side's label says the year, if asked
    data = {**change_dict(change, region_name, loc, seed), "mode": "whatif", "whatif": extra}
    files = write_all(target, lambda folder: {
        "change": write_json(folder / "change.json", data),
        "change_html": write_text(folder / "change.html",
                                  render_whatif_html(change, region_name, loc, seed, extra))})
    text = change_text(change, region_name, loc) + "\n" + whatif_sentences(extra, what, loc)
    return CompareResult(target, files, data, text, region.warnings + tuple(notes), change)


def compare_many(paths: list[str | Path], out: str | Path = "outputs", lang: str = "nl", seed: int = 0,
                 regions_dir: str | Path = "regions", bootstrap: int | None = None,
                 null_samples: int | None = None) -> SideBySideResult:
    """Analyse three or more region folders with the same settings and put them side by side.

    Writes compare.json (``regions``: per folder label the entry of summary.json's ``by_region``)
    and compare.html into ``out/<A>-<B>-<C>.../`` (folder names joined by ``-``, in the order given).
    """
    with collected() as caught:
        result = _compare_many(paths, out, Locale(lang), seed, regions_dir, bootstrap, null_samples)
    return replace(result, warnings=result.warnings + plain(caught))


def _compare_many(paths, out, loc, seed, regions_dir, bootstrap, null_samples) -> SideBySideResult:
    from .analysis.pipeline import analyse_region
    from .api import _load_folders, _require_relations
    from .io.outputs import check_output_dir, write_all, write_json, write_text
    from .analysis.by_region import region_entry
    from .render.change_text import note_lines, region_notes
    from .render.side_by_side import render_compare_html, top_candidate_text
    from .render.summary_json import region_entry_json

    regions = _load_folders(paths, regions_dir, loc, same_key="compare_many_same")
    for region in regions:
        _require_relations(region)
    labels = [r.meta.folder for r in regions]
    if len(set(labels)) < len(labels):      # same folder name in two places: the paths as given
        labels = [str(p) for p in paths]
    folder = "-".join(r.meta.folder for r in regions)
    for region in regions:                   # a wrong --out fails before the work
        target = check_output_dir(out, folder, region.path)
    entries, analyses = {}, {}
    for label, region in zip(labels, regions):
        analysis = analyse_region(region, seed=seed, bootstrap_samples=bootstrap, null_samples=null_samples)
        entries[label] = region_entry(analysis)
        analyses[label] = analysis
    data = {"mode": "side_by_side", "lang": loc.lang, "seed": seed, "order": labels,
            "regions": {label: {"region": region.meta.name, "note": region.meta.note,
                                **region_entry_json(entries[label], loc)}
                        for label, region in zip(labels, regions)}}
    notes = region_notes([(label, region.meta.note) for label, region in zip(labels, regions)], loc)
    files = write_all(target, lambda f: {
        "compare": write_json(f / "compare.json", data),
        "compare_html": write_text(f / "compare.html", render_compare_html(entries, loc, seed, analyses, notes))})
    text = "\n".join(note_lines(notes, loc) + [
        loc.t("side_by_side_line", label=label, actors=loc.counted("n_organisations", e.actors),
              relations=loc.counted("n_relations", e.relations), core=len(e.core), top=top_candidate_text(e, loc))
        for label, e in entries.items()])
    warnings = tuple(replace(w, file=f"{r.meta.folder}/{w.file}") for r in regions for w in r.warnings)
    return SideBySideResult(target, files, data, text, warnings)
