"""Turn raw tables into the validated region model, collecting every problem at once."""
from __future__ import annotations

import difflib
import re

from ..errors import Problem
from ..model import Actor, Relation
from ..period import date_year
from ..vocab import (ACTOR_KNOWN, ACTOR_REQUIRED, GROUP_ALIASES, GROUPS, HEADER_ALIASES, RELATION_ALIASES,
                     RELATION_KNOWN, RELATION_REQUIRED, RELATION_TYPES, ROLE_ALIASES, ROLE_DUTCH, SCALE_ALIASES,
                     SCALES, STEERING_PHILOSOPHIES,
                     normalise_key)
from .tables import Table

_YEAR_OR_DATE = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?( 00:00:00)?$|^\d{1,2}-\d{1,2}-\d{4}$")


def accepted_names(column: str) -> tuple[str, ...]:
    """The header names accepted for a column: the contract's name and its Dutch aliases."""
    return (column, *(alias for alias, canonical in HEADER_ALIASES.items() if canonical == column))


def _require_columns(table: Table, required: tuple[str, ...], problems: list[Problem]) -> bool:
    missing = [c for c in required if c not in table.columns]
    for col in missing:
        names = accepted_names(col)
        # Name the missing column in the language of the header the user wrote.
        shown = names[1] if table.dutch and len(names) > 1 else col
        problems.append(Problem(table.file, "missing_column", column=shown,
                                params={"accepted": names, "found": ", ".join(table.found) or "-"}))
    return not missing


def closest(value: str, choices) -> str:
    """The allowed value closest to a typo ('ondrwijs' -> 'onderwijs'), or '' if none is close."""
    match = difflib.get_close_matches(normalise_key(value), list(choices), n=1, cutoff=0.6)
    return match[0] if match else ""


def parse_number(text: str) -> float | None:
    """Parse '2', '2.5' or the Dutch '2,5'; None if it is not a number."""
    cleaned = text.replace(" ", "")
    if cleaned.count(",") == 1 and "." not in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = float(cleaned)
    except ValueError:
        return None
    return value if value == value and value not in (float("inf"), float("-inf")) else None


def validate_actors(table: Table, problems: list[Problem]) -> list[Actor]:
    if not _require_columns(table, ACTOR_REQUIRED, problems):
        return []
    if not table.rows:
        problems.append(Problem(table.file, "no_rows"))
    actors: list[Actor] = []
    first_row: dict[str, int] = {}
    for row, cells in table.rows:
        ok = True
        for col in ACTOR_REQUIRED:
            if not cells.get(col):
                problems.append(Problem(table.file, "empty_value", row, table.label(col), {"column": table.label(col)}))
                ok = False
        aid = cells.get("id", "")
        if aid and aid in first_row:
            problems.append(Problem(table.file, "duplicate_id", row, table.label("id"),
                                    {"value": aid, "first": first_row[aid]}))
            ok = False
        elif aid:
            first_row[aid] = row
        group = GROUP_ALIASES.get(normalise_key(cells.get("group", "")))
        if cells.get("group") and group is None:
            problems.append(Problem(table.file, "unknown_group", row, table.label("group"),
                                    {"value": cells["group"], "suggestion": closest(cells["group"], GROUP_ALIASES),
                                     "allowed": _allowed_groups()}))
            ok = False
        scale = _optional_value(table, row, cells, "scale", SCALE_ALIASES, ", ".join(SCALES), problems)
        role = _optional_value(table, row, cells, "role", ROLE_ALIASES, _allowed_roles(), problems)
        if scale is None or role is None:
            ok = False
        if not ok:
            continue
        regions = tuple(r.strip() for r in cells.get("region", "").split("|") if r.strip())
        extra = {k: v for k, v in cells.items() if k not in ACTOR_KNOWN}
        actors.append(Actor(aid, cells["name"], group, cells.get("type", ""), scale, regions, extra, row,
                            role=role))
    return actors


def _optional_value(table: Table, row: int, cells: dict[str, str], column: str, aliases: dict[str, str],
                    allowed: str, problems: list[Problem]) -> str | None:
    """The canonical key of an optional vocabulary column ('' if empty), or None after reporting
    an unknown value (message key ``unknown_<column>``, with the closest alias as suggestion)."""
    value = cells.get(column, "")
    if not value:
        return ""
    key = aliases.get(normalise_key(value))
    if key is None:
        problems.append(Problem(table.file, f"unknown_{column}", row, table.label(column),
                                {"value": value, "suggestion": closest(value, aliases), "allowed": allowed}))
    return key


def _allowed_groups() -> str:
    dutch = ("overheid", "werkgevers", "werkenden", "onderwijs", "intermediairs", "overig")
    return ", ".join(f"{g} ({nl})" for g, nl in zip(GROUPS, dutch))


def _allowed_roles() -> str:
    return ", ".join(f"{nl} ({key})" for key, nl in ROLE_DUTCH.items())


RELATION_DUTCH = {"governance": "bestuur", "funding": "financiering", "delivery": "levering",
                  "representation": "vertegenwoordiging", "referral": "toeleiding",
                  "collaboration": "samenwerking", "advice": "advies"}


def _allowed_types() -> str:
    dutch = RELATION_DUTCH
    return ", ".join(f"{k} ({dutch.get(k, '')})" for k in RELATION_TYPES)


def validate_relations(table: Table, actor_ids: list[str], problems: list[Problem],
                       actors_file: str = "actors.csv") -> list[Relation]:
    if not _require_columns(table, RELATION_REQUIRED, problems):
        return []
    known = set(actor_ids)
    relations: list[Relation] = []
    for row, cells in table.rows:
        ok = True
        for col in RELATION_REQUIRED:
            if not cells.get(col):
                problems.append(Problem(table.file, "empty_value", row, table.label(col), {"column": table.label(col)}))
                ok = False
        for col in ("source", "target"):
            value = cells.get(col, "")
            if value and known and value not in known:
                # Always name the closest id (cutoff 0): a typo is the usual cause.
                close = difflib.get_close_matches(value, actor_ids, n=1, cutoff=0.0)
                problems.append(Problem(table.file, "unknown_actor", row, table.label(col),
                                        {"value": value, "suggestion": close[0] if close else "",
                                         "actors": actors_file}))
                ok = False
        if cells.get("source") and cells.get("source") == cells.get("target"):
            problems.append(Problem(table.file, "self_relation", row, table.label("target"),
                                    {"value": cells["source"]}))
            ok = False
        rtype = RELATION_ALIASES.get(normalise_key(cells.get("type", "")))
        if cells.get("type") and rtype is None:
            problems.append(Problem(table.file, "unknown_type", row, table.label("type"),
                                    {"value": cells["type"], "suggestion": closest(cells["type"], RELATION_ALIASES),
                                     "allowed": _allowed_types()}))
            ok = False
        weight = 1.0
        if cells.get("weight"):
            parsed = parse_number(cells["weight"])
            if parsed is None:
                problems.append(Problem(table.file, "bad_number", row, table.label("weight"),
                                        {"value": cells["weight"]}))
                ok = False
            elif parsed <= 0:
                problems.append(Problem(table.file, "nonpositive_weight", row, table.label("weight"),
                                        {"value": cells["weight"]}))
                ok = False
            else:
                weight = parsed
        for col in ("since", "until"):
            if cells.get(col) and not _YEAR_OR_DATE.match(cells[col]):
                problems.append(Problem(table.file, "bad_year", row, table.label(col), {"value": cells[col]}))
                ok = False
        since_year, until_year = (date_year(cells.get(col, "")) if _YEAR_OR_DATE.match(cells.get(col, "")) else None
                                  for col in ("since", "until"))
        if since_year is not None and until_year is not None and since_year > until_year:
            problems.append(Problem(table.file, "until_before_since", row, table.label("until"),
                                    {"since": cells["since"], "until": cells["until"]}))
            ok = False
        steering = ""
        if cells.get("steering"):
            steering = normalise_key(cells["steering"])
            if steering not in STEERING_PHILOSOPHIES:
                problems.append(Problem(table.file, "unknown_steering", row, table.label("steering"),
                                        {"value": cells["steering"],
                                         "suggestion": closest(cells["steering"], STEERING_PHILOSOPHIES),
                                         "allowed": ", ".join(STEERING_PHILOSOPHIES)}))
                ok = False
        if not ok:
            continue
        extra = {k: v for k, v in cells.items() if k not in RELATION_KNOWN}
        relations.append(Relation(cells["source"], cells["target"], rtype, weight,
                                  cells.get("since", ""), cells.get("until", ""), cells.get("note", ""),
                                  steering, extra, row))
    return relations


def isolated_warnings(table: Table, actors: list[Actor], relations: list[Relation]) -> list[Problem]:
    linked = {r.source for r in relations} | {r.target for r in relations}
    return [Problem(table.file, "isolated", a.row, table.label("id"), {"value": a.id})
            for a in actors if a.id not in linked]
