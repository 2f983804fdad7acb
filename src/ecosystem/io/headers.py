"""Recognise a table's header the way people write it, and find the header row.

People write ``Naam organisatie``, ``Van``/``Naar``, ``Soort relatie`` or ``Gewicht (1-3)``
rather than the contract's ``name``, ``source``/``target``, ``type``, ``weight``. A header is
recognised after dropping what is between brackets (units, ranges: ``(1-3)``, ``[jaar]``), a
trailing ``:`` or ``*`` and case and spacing; then it is looked up in the contract's names, the
Dutch aliases of :mod:`ecosystem.vocab` and the phrases below. A column still not recognised
is kept as extra information (shown in the map) and named in one warning, so a weight column
can never be dropped silently.

Spreadsheets often carry a title above the header ("LLO-netwerk Twente 2025"). The header
row is the first of the first :data:`HEADER_SEARCH_ROWS` non-empty rows that holds the
required columns of the actors or the relations table; row numbers in messages stay the
spreadsheet's own.
"""
from __future__ import annotations

import difflib
import re

from ..errors import Problem
from ..vocab import (ACTOR_KNOWN, ACTOR_REQUIRED, HEADER_ALIASES, INFO_COLUMNS, RELATION_KNOWN,
                     RELATION_REQUIRED, SUGGEST_CUTOFF, SURVEY_COLUMNS, normalise_key)

HEADER_SEARCH_ROWS = 10

# Phrases people use for the contract's columns (normalised: lower case, single spaces).
HEADER_PHRASES: dict[str, str] = {
    **{p: "name" for p in ("organisatie", "naam organisatie", "organisatienaam", "naam van de organisatie",
                           "organisation", "organization", "organisation name", "partij", "actor")},
    **{p: "group" for p in ("actorgroep", "sleutelgroep")},
    **{p: "type" for p in ("soort organisatie", "type organisatie", "organisatietype", "soort relatie",
                           "type relatie", "relatietype", "relatiesoort", "soort samenwerking", "relation type")},
    **{p: "source" for p in ("van", "from", "bron organisatie", "organisatie van")},
    **{p: "target" for p in ("naar", "to", "doel organisatie", "organisatie naar")},
    **{p: "weight" for p in ("sterkte", "strength", "intensiteit", "gewicht relatie")},
    **{p: "since" for p in ("vanaf", "startjaar", "beginjaar")},
    **{p: "until" for p in ("tot en met", "t/m", "einde", "eindjaar")},
    **{p: "description" for p in ("omschrijving", "beschrijving", "toelichting organisatie")},
    **{p: "note" for p in ("toelichting", "notities", "opmerkingen")},
}

_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def _plain(name: str) -> str:
    """The header without bracketed units or ranges and trailing ':' or '*', normalised."""
    return normalise_key(_BRACKETS.sub(" ", name).strip().rstrip(":*").strip())


def canonical_header(name: str) -> str:
    """The contract's name for a header as written (``'Gewicht (1-3)'`` -> ``'weight'``).

    A header that is not recognised keeps its own normalised name (spaces as ``_``), so it
    stays available as an extra column.
    """
    for key in (normalise_key(name), _plain(name)):
        underscored = key.replace(" ", "_")
        if underscored in HEADER_ALIASES:
            return HEADER_ALIASES[underscored]
        if key in HEADER_PHRASES:
            return HEADER_PHRASES[key]
    return normalise_key(name).replace(" ", "_")


def table_kind(columns) -> str | None:
    """'actors' or 'relations' when the canonical columns hold that table's required ones."""
    present = set(columns)
    if set(RELATION_REQUIRED) <= present:
        return "relations"
    if set(ACTOR_REQUIRED) <= present:
        return "actors"
    return None


def find_header(records: list[tuple[int, list]]) -> int:
    """Index in ``records`` (non-empty rows) of the header row: the first with a table's required columns.

    Without one, the row with the most known column names (the first of equals), so a header
    that misses a column still gets the 'required column is missing' message naming what it has.
    """
    known = known_columns(None)
    counts = []
    for index, (_, cells) in enumerate(records[:HEADER_SEARCH_ROWS]):
        names = [canonical_header(str(c)) for c in cells if c is not None and str(c).strip()]
        if table_kind(names):
            return index
        counts.append(sum(n in known for n in names))
    return max(range(len(counts)), key=lambda i: (counts[i], -i), default=0)


def known_columns(kind: str | None) -> set[str]:
    """The columns the tool uses or expects for a table kind (no 'not recognised' warning for them)."""
    if kind == "actors":
        return set(ACTOR_KNOWN) | set(INFO_COLUMNS) | {"note"}
    if kind == "relations":
        return set(RELATION_KNOWN) | set(SURVEY_COLUMNS) | set(INFO_COLUMNS)
    return set(ACTOR_KNOWN) | set(RELATION_KNOWN) | set(SURVEY_COLUMNS) | set(INFO_COLUMNS)


def header_notes(file: str, written: list[str], columns: list[str], header_row: int,
                 first_row: int) -> list[Problem]:
    """Warnings about the header: the row used when it is not the first, and each column not recognised."""
    notes = []
    if header_row != first_row:
        # what was skipped ends at the row above the header (blank rows between count as skipped too)
        notes.append(Problem(file, "header_row" if header_row - 1 > first_row else "header_row_one",
                             params={"row": header_row, "first": first_row, "last": header_row - 1}))
    known = known_columns(table_kind(columns))
    names = {**{a.replace("_", " "): c for a, c in HEADER_ALIASES.items()}, **HEADER_PHRASES,
             **{c: c for c in known}}
    for text, col in zip(written, columns):
        if text and col not in known:
            close = difflib.get_close_matches(_plain(text), [n for n, c in names.items() if c in known], n=1,
                                              cutoff=SUGGEST_CUTOFF)
            notes.append(Problem(file, "unknown_column", column=text,
                                 params={"column": text, "suggestion": close[0] if close else ""}))
    return notes
