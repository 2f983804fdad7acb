"""Read a Kumu workbook as region data, and write one so a region can continue in Kumu.

Kumu (kumu.io) imports and exports workbooks whose sheets are recognised by their header
row, not their name: an elements sheet starts with ``Label`` (or ``ID``, ``Label``) with
optional ``Type``, ``Description``, ``Tags`` (``|``-separated) and custom fields; a
connections sheet starts with ``From``, ``To`` (or ``ID``, ``From``, ``To``) with optional
``Type``, ``Strength``, ``Description``, ``Tags`` and ``direction`` (``directed``,
``undirected``, ``mutual``). ``From``/``To`` hold labels, or IDs when the elements have
IDs; several targets in ``To`` separated by ``|`` make one connection each. Sheets with
"(ignore)" in their name are skipped. Elements with IDs may share a label; a connection
naming such a label is an error at its cell (:class:`_Names`). Only the first elements and the
first connections sheet are read: any other sheet that holds data is a warning, as are hidden
rows and columns that are read, with the lines a region workbook gets (:mod:`.tables`).

Mapping to the region contract (docs/methods.md, "Kumu"):

- actor id = ``ID``, or the label made into a code (``Gemeente Enschede`` -> ``gemeente-enschede``);
- actor group = a field ``group``/``groep`` if present, else ``Type`` through the everyday
  vocabulary (:func:`ecosystem.vocab.group_of`) and the region's ``[groups]`` table in
  region.toml; types that still do not map are one error listing them;
- relation type = ``Type`` through the same vocabulary and ``[relation_types]``;
  ``Strength`` is the weight; ``mutual`` on a directed type is a relation each way.

References
----------
Kumu documentation, "Structure your data for Kumu" (guides/import/import.md) and
"How do I avoid duplicating data?" (faq/how-do-I-avoid-duplicating-data.md),
https://github.com/kumu/docs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import Problem, Words
from ..i18n import group_label, relation_label, t
from ..vocab import GROUPS, RELATION_TYPES, group_of, normalise_key, relation_key, relation_of
from .columns import Column, numbers, texts
from .headers import canonical_header
from .tables import (OLE2_MAGIC, SHEET_NAMES, Table, bad_workbook, binary_kind, hidden_warnings, rows_shown,
                     sheet_rows, sheet_xml, unread_sheets, xlsx_sheet_names)
from .validate import allowed_words, clash_kind, id_key, spacing

if TYPE_CHECKING:
    from ..locale import Locale

# The first header cells that make a sheet a Kumu elements or connections sheet.
# The file names openpyxl opens (it goes by the name); anything else is not a Kumu workbook.
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")
_ELEMENT_STARTS = (("label",), ("id", "label"))
_CONNECTION_STARTS = (("from", "to"), ("id", "from", "to"))
# Kumu's own fields and the contract column each becomes.
_ELEMENT_FIELDS = {"id": "id", "label": "name", "type": "type", "description": "description", "tags": "tags"}
_CONNECTION_FIELDS = {"from": "source", "to": "target", "type": "type", "strength": "weight",
                      "description": "note", "tags": "tags", "direction": "direction"}
# The message for a label (of an element without ID) that clashes with an earlier one, by clash_kind.
_LABEL_CLASH = {"same": "kumu_duplicate_label", "case": "kumu_label_case_clash", "space": "kumu_label_space_clash"}


def _sheet_kind(header: list) -> str | None:
    cells = tuple(normalise_key(str(c)) for c in header if c is not None and str(c).strip())
    if any(cells[:len(s)] == s for s in _CONNECTION_STARTS):
        return "connections"
    if any(cells[:len(s)] == s for s in _ELEMENT_STARTS):
        return "elements"
    return None


def _sheets(path: Path, others: list | None = None,
            xml: dict | None = None) -> dict[str, tuple[str, list[tuple[int, list]]]]:
    """Kumu sheets of the workbook: kind -> (sheet name, non-empty rows with their numbers).

    ``others``, when given, gets every other sheet without "(ignore)" in its name, as (name, non-empty
    rows), for the warning about sheets not read; ``xml`` gets the XML of the sheets returned by their
    name, for the warning about hidden rows and columns.
    """
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=True)
    found: dict[str, tuple[str, list]] = {}
    try:
        for name in workbook.sheetnames:
            if "(ignore)" in name.lower():
                continue
            rows = sheet_rows(workbook[name])
            rows = [(n, r) for n, r in rows if any(c is not None and str(c).strip() for c in r)]
            kind = _sheet_kind(rows[0][1]) if rows else None
            if kind and kind not in found:      # the first sheet of each kind, in workbook order
                found[kind] = (name, rows)
                if xml is not None:
                    xml[name] = sheet_xml(path, workbook[name])
            elif others is not None:
                others.append((name, rows))
    finally:
        workbook.close()
    return found


def _sheet_warnings(file: str, sheets: dict[str, tuple[str, list]], others: list,
                    xml: dict) -> dict[str, list[Problem]]:
    """Kind -> the warnings about the workbook that go with that sheet, as a region workbook has them
    (:mod:`ecosystem.io.tables`): sheets not read that hold data (with the elements sheet), and hidden
    rows and columns that are read (with their own sheet)."""
    read = {kind: sheets[kind][0] for kind in ("elements", "connections")}
    out = {kind: hidden_warnings(f"{file}[{name}]", xml.get(name), rows, rows[0][0])
           for kind, (name, rows) in sheets.items()}
    out["elements"][:0] = unread_sheets(file, others, read, lambda rows: (0, _sheet_kind(rows[0][1])),
                                        otherwise="sheet_not_read_ignore")
    return out


def is_kumu(path: Path) -> bool:
    """True when the workbook has a Kumu elements sheet (a ``Label`` header) and no actors sheet."""
    try:
        with open(path, "rb") as fh:
            if fh.read(len(OLE2_MAGIC)) == OLE2_MAGIC:
                return False
        return "elements" in _sheets(path)
    except Exception:  # noqa: BLE001 - a damaged workbook is reported by the ordinary reader
        return False


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _code(label: str, taken: set[str]) -> str:
    """An id made from a label: lower case, words joined by '-', unique within ``taken``."""
    base = re.sub(r"[^0-9a-z]+", "-", normalise_key(label)).strip("-") or "actor"
    code, n = base, 2
    while code in taken:
        code, n = f"{base}-{n}", n + 1
    taken.add(code)
    return code


def _mapping(table: dict, kind: str, file: str, problems: list[Problem]) -> dict[str, str]:
    """region.toml's [groups] or [relation_types]: normalised Kumu value -> canonical key."""
    resolve, allowed = ((group_of, allowed_words(GROUPS, group_label)) if kind == "groups"
                        else (relation_of, allowed_words(RELATION_TYPES, relation_label)))
    mapping = {}
    for key, value in table.items():
        canonical = resolve(str(value))
        if canonical is None:
            problems.append(Problem(file, "kumu_bad_mapping",
                                    params={"table": kind, "key": key, "value": value, "allowed": allowed}))
        else:
            mapping[normalise_key(str(key))] = canonical
    return mapping


def _shown(values: list[str]) -> Words:
    """The unmapped values as listed in the message; an empty Type reads '(leeg)' / '(empty)'."""
    nl, en = (", ".join(f"'{v}'" if v else t("kumu_empty", lang) for v in values) for lang in ("nl", "en"))
    return Words(nl, en)


def _example(values: list[str], label) -> Words:
    """A ready-to-paste TOML line for the first unmapped value."""
    key = values[0] if values and values[0] != "" else ""
    return Words(f'"{key}" = "{label("nl")}"', f'"{key}" = "{label("en")}"')


def read_kumu(path: Path, problems: list[Problem], groups: dict | None = None,
              relation_types: dict | None = None) -> tuple[Table | None, Table | None]:
    """The Kumu workbook at ``path`` as the contract's actors and relations tables.

    ``groups`` and ``relation_types`` are region.toml's ``[groups]`` and
    ``[relation_types]`` tables (Kumu value -> group or relation type). Values are
    checked later by :mod:`ecosystem.io.validate` like any region data; only the
    mapping of Kumu types is judged here, with one line listing every type that does
    not map.
    """
    with open(path, "rb") as fh:
        if fh.read(len(OLE2_MAGIC)) == OLE2_MAGIC:
            problems.append(Problem(path.name, binary_kind(path.read_bytes())))
            return None, None
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:     # Kumu's JSON export, a CSV: openpyxl would refuse in English
        problems.append(Problem(path.name, "kumu_not_xlsx"))
        return None, None
    groups = _mapping(groups or {}, "groups", "region.toml", problems)
    relation_types = _mapping(relation_types or {}, "relation_types", "region.toml", problems)
    others: list = []
    xml: dict = {}
    try:
        sheets = _sheets(path, others, xml)
    except Exception:  # noqa: BLE001 - openpyxl raises several types for a damaged file, as read_xlsx says
        problems.append(bad_workbook(path))
        return None, None
    if "elements" not in sheets or "connections" not in sheets:
        problems.append(_no_kumu_sheets(path, sheets))
        return None, None
    actors, named = _elements(path.name, *sheets["elements"], groups, problems)
    names = _Names(sheets["elements"][0], named, {row["id"] for _, row in actors.rows})
    relations = _connections(path.name, *sheets["connections"], names, relation_types, problems)
    warnings = _sheet_warnings(path.name, sheets, others, xml)
    return (replace(actors, warnings=tuple(warnings["elements"]) + actors.warnings),
            replace(relations, warnings=tuple(warnings["connections"]) + relations.warnings))


def _no_kumu_sheets(path: Path, sheets: dict[str, tuple[str, list]]) -> Problem:
    """The problem for a workbook without Kumu's elements or connections sheet, naming the sheets it has."""
    names = xlsx_sheet_names(path) or []
    listed = ", ".join(f"'{n}'" for n in names)
    if any(normalise_key(n) in accepted for n in names for accepted in SHEET_NAMES.values()):
        return Problem(path.name, "kumu_region_workbook", params={"sheets": listed})
    if sheets:       # one of the two found
        kind, (name, _) = next(iter(sheets.items()))
        return Problem(path.name, f"kumu_no_{'connections' if kind == 'elements' else 'elements'}",
                       params={"sheet": name, "sheets": listed})
    return Problem(path.name, "kumu_no_sheets" if len(names) != 1 else "kumu_no_sheets_one", params={"sheets": listed})


@dataclass(frozen=True)
class _Element:
    """An element a connection may name by its label: where it is, and whether it has an ID of its own."""

    label: str
    id: str
    row: int
    own_id: bool


class _Names:
    """What a connection's ``From`` or ``To`` may name: an element's ID or its label.

    Kumu's own rule (guides/import, "How do I avoid duplicating data?"): with IDs on the
    elements sheet, connections name elements by ID. Labels are accepted too, but elements
    with IDs of their own may share a label (Kumu tells them apart by ID), and a connection
    naming such a label names none of them in particular: :meth:`ids` gives them all.
    """

    def __init__(self, sheet: str, elements: list[_Element], ids: set[str]):
        self.sheet = sheet                                      # the elements sheet, for messages
        self._ids = ids
        self._folded_ids = {normalise_key(i): i for i in ids}
        self._exact: dict[str, dict[str, _Element]] = {}      # label -> id -> element, in row order
        self._folded: dict[str, dict[str, _Element]] = {}
        for element in elements:
            self._exact.setdefault(element.label, {}).setdefault(element.id, element)
            self._folded.setdefault(normalise_key(element.label), {}).setdefault(element.id, element)

    def ids(self, value: str) -> list[str]:
        """The ids ``value`` may mean: an ID, then a label, then an ID and a label ignoring case.

        Several ids for a label that elements with IDs of their own share; ``[value]`` when
        nothing matches, for :mod:`ecosystem.io.validate` to report as an unknown actor.
        """
        if value in self._ids:
            return [value]
        if value in self._exact:
            return list(self._exact[value])
        key = normalise_key(value)
        if key in self._folded_ids:
            return [self._folded_ids[key]]
        return list(self._folded.get(key, ())) or [value]

    def ambiguous(self, file: str, row: int, column: str, value: str) -> Problem:
        """The problem for a connection's cell naming a label that several elements have."""
        elements = list((self._exact.get(value) or self._folded[normalise_key(value)]).values())
        nl, en = (", ".join(t("kumu_element_id" if e.own_id else "kumu_element_no_id", lang,
                              row=e.row, label=e.label, id=e.id) for e in elements) for lang in ("nl", "en"))
        return Problem(file, "kumu_ambiguous_label", row, column,
                       {"value": value, "n": len(elements), "sheet": self.sheet, "elements": Words(nl, en)})


def _pair(sources: list[str], targets: list[str]) -> tuple[str, str]:
    """One source and one target id; where a list has several (an ambiguous label, reported), a
    stand-in, so that the rest of the row is still checked. A stand-in is never written, as the
    problem stops the import, and is not the other end's id: that would be a spurious self-relation."""
    source = sources[0] if len(sources) == 1 else None
    target = targets[0] if len(targets) == 1 else None
    if source is None:
        source = next(i for i in sources if i != target)
    if target is None:
        target = next(i for i in targets if i != source)
    return source, target


def _field(header: str, contract: tuple[str, ...]) -> str:
    """A custom Kumu field's column: one of ``contract`` when it names one (``groep``), else its own name.

    Only these are mapped: a metric field such as 'strength' stays a field of its own.
    """
    canonical = canonical_header(header)
    return canonical if canonical in contract else normalise_key(header).replace(" ", "_")


def _header(rows: list[tuple[int, list]]) -> list[str]:
    return [_cell(c) for c in rows[0][1]]


def _record(cells: list, keys: list[str | None]) -> dict[str, str]:
    """A row's cells by their column's key; a row shorter than the header has the rest empty."""
    return {k: _cell(cells[i]) if i < len(cells) else "" for i, k in enumerate(keys) if k}


def _elements(file: str, sheet: str, rows, groups: dict[str, str],
              problems: list[Problem]) -> tuple[Table, list[_Element]]:
    """The actors table, and the elements that connections may name by label.

    An element without ID whose label clashes with an earlier one is reported here and not
    named again: a connection to that label is not a second problem.
    """
    label = f"{file}[{sheet}]"
    written = _header(rows)
    keys = [_ELEMENT_FIELDS.get(normalise_key(h)) or _field(h, ("group", "scale", "region")) for h in written]
    has_group = "group" in keys
    headers = {k: h for k, h in zip(keys, written) if k}
    if not has_group:
        headers["group"] = headers.get("type", "Type")     # the group comes from Type: errors point there
    taken: set[str] = set()
    out, unmapped = [], {}
    first_label: dict[str, tuple[str, int]] = {}     # id_key of a label without ID -> (label, row)
    named: list[_Element] = []
    for number, cells in rows[1:]:
        record = _record(cells, keys)
        name = record.get("name", "")
        own_id = bool(record.get("id"))
        clash = False
        if name and not own_id:
            # An element without ID is known by its label: two labels that are the same (compared as
            # ids are, regardless of case and spacing) would be two actors, every connection to the last.
            other = first_label.setdefault(id_key(name), (name, number))
            clash = other[1] != number
            if clash:
                problems.append(Problem(label, _LABEL_CLASH[clash_kind(name, other[0])], number,
                                        headers.get("name", "Label"),
                                        {"value": name, "other": other[0], "first": other[1],
                                         "difference": spacing(name, other[0])}))
        record["id"] = record.get("id") or (_code(record.get("name", ""), taken) if record.get("name") else "")
        taken.add(record["id"])
        if name and not clash:
            named.append(_Element(name, record["id"], number, own_id))
        raw = record.get("group", "") if has_group else record.get("type", "")
        group = group_of(raw, groups) if raw else None
        if group:
            record["group"] = group
        elif has_group:
            record["group"] = raw                          # checked (and reported per row) by validate
        else:
            unmapped.setdefault(raw, number)
            record["group"] = ""
        out.append((number, record))
    if unmapped:
        values = sorted(unmapped)
        problems.append(Problem(label, "kumu_unmapped_groups", column=headers["group"],
                                params={"n": len(values), "values": _shown(values),
                                        "example": _example(values, lambda lang: group_label("other", lang).lower()),
                                        "allowed": allowed_words(GROUPS, group_label)}))
        # Rows without a group are not reported again as 'value missing'.
        out = [(n, {**r, "group": r["group"] or "other"}) for n, r in out]
    columns = tuple(dict.fromkeys(["id", "name", "group", *[k for k in keys if k]]))
    return Table(label, columns, tuple(out), headers, tuple(h for h in written if h)), named


def _connections(file: str, sheet: str, rows, names: _Names,
                 relation_types: dict[str, str], problems: list[Problem]) -> Table:
    label = f"{file}[{sheet}]"
    written = _header(rows)
    keys = [_CONNECTION_FIELDS.get(normalise_key(h)) or _field(h, ("since", "until", "steering", "note"))
            for h in written]
    if keys and keys[0] == "id" and "source" in keys:
        keys[0] = "connection_id"
    headers = {k: h for k, h in zip(keys, written) if k}
    out, unmapped = [], {}
    strength = keys.index("weight") if "weight" in keys else None
    typed = set()                   # rows whose Strength is a number in the workbook (1.125 is 1.125)
    undirected: dict[str, list[int]] = {}        # directed relation type -> rows Kumu marks undirected
    for number, cells in rows[1:]:
        record = _record(cells, keys)
        if strength is not None and strength < len(cells) and type(cells[strength]) is float:
            typed.add((number, headers["weight"]))
        raw = record.get("type", "")
        rtype = relation_of(raw, relation_types)        # an empty Type maps only through [relation_types] ""
        if rtype is None:
            unmapped.setdefault(raw, number)
        record["type"] = rtype or "collaboration"         # reported once below; keeps other checks going
        direction = normalise_key(record.pop("direction", ""))
        targets = [t.strip() for t in record.get("target", "").split("|") if t.strip()] or [""]
        sources = names.ids(record.get("source", ""))
        # One line per cell and label ('A|A' names A twice, but it is one mistake).
        for end, value in dict.fromkeys([("source", record.get("source", "")), *(("target", t) for t in targets)]):
            if len(names.ids(value)) > 1:
                problems.append(names.ambiguous(label, number, headers[end], value))
        for target in targets:
            source, target = _pair(sources, names.ids(target))
            one = {**record, "source": source, "target": target}
            out.append((number, one))
            if direction == "mutual" and rtype and RELATION_TYPES[rtype].directed:
                out.append((number, {**one, "source": one["target"], "target": one["source"]}))
        if direction == "undirected" and rtype and RELATION_TYPES[rtype].directed:
            undirected.setdefault(rtype, []).append(number)
    if unmapped:
        values = sorted(unmapped)
        problems.append(Problem(label, "kumu_unmapped_types", column=headers.get("type", "Type"),
                                params={"n": len(values), "values": _shown(values),
                                        "example": _example(values,
                                                            lambda lang: relation_label("collaboration", lang).lower()),
                                        "allowed": allowed_words(RELATION_TYPES, relation_label)}))
    # A directed type (funding, delivery, ...) has a direction, which Kumu's 'undirected' does not give: the
    # connection is read From -> To, and that is said once per type.
    warnings = tuple(Problem(label, "kumu_undirected_directed", column=headers.get("direction", "direction"),
                             params={"type": Words(*(relation_label(rtype, lang).lower() for lang in ("nl", "en"))),
                                     "n": len(numbers), "rows": rows_shown(numbers)})
                     for rtype, numbers in sorted(undirected.items()))
    columns = tuple(dict.fromkeys(["source", "target", "type", *[k for k in keys if k and k != "direction"]]))
    return Table(label, columns, tuple(out), headers, tuple(h for h in written if h), numbers=frozenset(typed),
                 warnings=warnings)


# --- writing ----------------------------------------------------------------------------------

_OWN = ("id", "name", "group", "type", "scale", "region")


def kumu_tables(analysis, actors: dict[str, Column], loc: Locale) -> dict[str, dict[str, Column]]:
    """The Elements and Connections sheets of kumu.xlsx for an analysis (tables of :mod:`.columns`).

    Elements: ID, Label, Type (the actor's own type), Description, Tags (group and, for
    core actors, the word for core), the group in the reader's language, scale, region and
    every metric of actors.csv (``actors``) as a field. Connections: one row per relation, by ID, with
    Type (relation type in the reader's language), Strength (weight), direction and the
    relation's dates, note and steering. Reading this workbook back gives the same region.
    """
    region = analysis.region
    core_word = loc.t("report.ring_core")
    elements = {
        "ID": texts(a.id for a in region.actors),
        "Label": texts(a.name for a in region.actors),
        "Type": texts(a.type for a in region.actors),
        "Description": texts(a.extra.get("description", "") for a in region.actors),
        "Tags": texts("|".join([loc.group(a.group)] + ([core_word] if in_core else []))
                      for a, in_core in zip(region.actors, analysis.core.core)),
        "group": texts(loc.group(a.group) for a in region.actors),
        "scale": texts(a.scale for a in region.actors),
        "region": texts("|".join(a.regions) for a in region.actors),
    }
    for key in sorted({k for a in region.actors for k in a.extra} - {"description"}):
        elements[key] = texts(a.extra.get(key, "") for a in region.actors)
    for name, col in actors.items():
        if name not in _OWN:
            elements[name] = col
    relations = region.relations
    # A governance table or collaboration is the same relation whichever actor was typed first: written
    # in id order (vocab.relation_key), so that the sheet does not depend on how a row was typed.
    ends = [relation_key(r.source, r.target, r.type)[:2] for r in relations]
    connections = {
        "From": texts(source for source, _ in ends),
        "To": texts(target for _, target in ends),
        "Type": texts(loc.relation(r.type) for r in relations),
        "Strength": numbers([r.weight for r in relations]),
        "direction": texts("directed" if RELATION_TYPES[r.type].directed else "undirected" for r in relations),
        "Description": texts(r.note for r in relations),
        "since": texts(r.since for r in relations),
        "until": texts(r.until for r in relations),
        "steering": texts(r.steering for r in relations),
    }
    for key in sorted({k for r in relations for k in r.extra}):
        connections[key] = texts(r.extra.get(key, "") for r in relations)
    return {"Elements": elements, "Connections": connections}
