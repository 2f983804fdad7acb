"""Warnings for a region as the intake road leaves it: unknown arbeidsmarktregio names, roles not yet named.

Called by :func:`ecosystem.io.region.load_region`, so ``analyse`` and ``validate`` give
the same warnings. Warnings only: nothing here stops an analysis.
"""
from __future__ import annotations

from ..errors import Problem
from ..i18n import LANGS, t
from ..model import Actor, Relation, RegionMeta
from ..io.tables import Table
from .arbeidsmarktregios import unknown_warnings

# Every language's marker, so a template made with --lang en is recognised under --lang nl too.
FILL_IN_MARKERS = tuple(t("fill_in_marker", lang) for lang in LANGS)


def intake_warnings(actors_table: Table, actors: list[Actor], relations: list[Relation],
                    meta: RegionMeta) -> list[Problem]:
    """Arbeidsmarktregio names not in the reference list, placeholder names, and an empty relations sheet."""
    values = [("region.toml", name, None, "arbeidsmarktregios") for name in meta.arbeidsmarktregios]
    values += [(actors_table.file, name, a.row, actors_table.label("region")) for a in actors for name in a.regions]
    warnings = unknown_warnings(values)
    warnings += [Problem(actors_table.file, "fill_in_name", a.row, actors_table.label("name"),
                         {"value": a.id, "name": a.name})
                 for a in actors if any(marker in a.name for marker in FILL_IN_MARKERS)]
    if actors and not relations:
        warnings.append(Problem(meta.folder, "no_relations_yet"))
    return warnings
