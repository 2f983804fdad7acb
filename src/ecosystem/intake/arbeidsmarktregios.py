"""The Dutch arbeidsmarktregio's: the reference list shipped as package data, and the check against it.

The list (``data/arbeidsmarktregios.csv``) holds the CBS code and name of each of the 35
arbeidsmarktregio's, other spellings seen in the sources, the centrumgemeente where a source
names it, and the gemeenten of 2015. Its header names the source of every column; nothing in
it is filled in without one.

A region name is matched ignoring case, spaces and punctuation ('Noordoost Brabant' is
'Noordoost-Brabant'), by its CBS code ('AM27') or by another spelling from the list. An
unknown name is a warning, never an error: the list may be out of date, and a region's own
data may rightly name something else. The warning suggests a region only where one is
meant: for the name of a gemeente ('Eindhoven', 'Den Haag') its arbeidsmarktregio of the
list's 2015 division ('Zuidoost-Brabant', 'Haaglanden'); for a misspelt region name the
region it is close to (:data:`ecosystem.vocab.SUGGEST_CUTOFF`); else none.

References
----------
CBS StatLine 83553NED, "Gebieden in Nederland 2017". Besluit werkgebieden UWV 2015
(BWBR0036164), Bijlage 3.
"""
from __future__ import annotations

import csv
import difflib
import io
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from ..errors import Problem
from ..model import Actor
from ..vocab import SUGGEST_CUTOFF


@dataclass(frozen=True)
class Arbeidsmarktregio:
    code: str                       # CBS code, e.g. 'AM27'
    name: str
    other_names: tuple[str, ...] = ()
    centrumgemeente: str = ""       # only where a source names it
    centrumgemeente_source: str = ""
    gemeenten_2015: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


def _key(text: str) -> str:
    """'Noordoost Brabant', 'noordoost-brabant' and 'Zaanstreek / Waterland' compare equal to their list names."""
    return re.sub(r"[^0-9a-zà-ÿ]+", "", text.lower())


@lru_cache(maxsize=1)
def reference() -> tuple[Arbeidsmarktregio, ...]:
    """Every arbeidsmarktregio in the shipped list, in code order."""
    text = resources.files("ecosystem.intake").joinpath("data/arbeidsmarktregios.csv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    split = lambda cell, sep="|": tuple(p.strip() for p in cell.split(sep) if p.strip())  # noqa: E731
    return tuple(Arbeidsmarktregio(r["code"], r["name"], split(r["other_names"]), r["centrumgemeente"],
                                   r["centrumgemeente_source"], split(r["gemeenten_2015"]), split(r["sources"], ";"))
                 for r in csv.DictReader(io.StringIO("\n".join(lines))))


@lru_cache(maxsize=1)
def _index() -> dict[str, Arbeidsmarktregio]:
    index: dict[str, Arbeidsmarktregio] = {}
    for regio in reference():
        for name in (regio.code, regio.name, *regio.other_names):
            index[_key(name)] = regio
    return index


def find(name: str) -> Arbeidsmarktregio | None:
    """The arbeidsmarktregio called ``name`` (or with that CBS code), or None."""
    return _index().get(_key(name))


def closest(name: str) -> str:
    """The list name ``name`` is a misspelling of, or '' when none is close (:data:`SUGGEST_CUTOFF`)."""
    by_key = {_key(r.name): r.name for r in reference()}
    match = difflib.get_close_matches(_key(name), list(by_key), n=1, cutoff=SUGGEST_CUTOFF)
    return by_key[match[0]] if match else ""


# What people call a gemeente whose official 2015 name (in gemeenten_2015) is another.
_GEMEENTE_NAMES = {"Den Haag": "'s-Gravenhage", "The Hague": "'s-Gravenhage", "Den Bosch": "'s-Hertogenbosch",
                   "Nuenen": "Nuenen CA", "Nuenen, Gerwen en Nederwetten": "Nuenen CA",
                   "Bergen (NH)": "Bergen NH", "Bergen (L)": "Bergen (L)", "Bergen (Limburg)": "Bergen (L)",
                   "Bergen (Noord-Holland)": "Bergen NH"}


@lru_cache(maxsize=1)
def _gemeenten() -> dict[str, tuple[str, Arbeidsmarktregio]]:
    """key of a gemeente's name -> (its name as the list spells it, its arbeidsmarktregio in 2015)."""
    index = {_key(g): (g, regio) for regio in reference() for g in regio.gemeenten_2015}
    for common, official in _GEMEENTE_NAMES.items():
        index.setdefault(_key(common), index[_key(official)])
    return index


# Provinces that are not an arbeidsmarktregio's name: each holds several arbeidsmarktregio's, so none
# is suggested ('Noord-Brabant' is not a misspelling of 'Noordoost-Brabant'). Zeeland, Flevoland,
# Friesland, Drenthe and Groningen are also the name of an arbeidsmarktregio (in the list); Utrecht
# is a gemeente too, and said as one.
PROVINCES = ("Noord-Brabant", "Brabant", "Limburg", "Gelderland", "Overijssel", "Noord-Holland", "Zuid-Holland")


def gemeente(name: str) -> tuple[str, Arbeidsmarktregio] | None:
    """(official name, arbeidsmarktregio) when ``name`` is a gemeente of the 2015 list ('Den Haag' is
    's-Gravenhage, in Haaglanden), else None."""
    return _gemeenten().get(_key(name))


def unknown_warnings(values: list[tuple[str, str, int | None, str | None]]) -> list[Problem]:
    """One warning per (file, name, row, column) whose name is not an arbeidsmarktregio; each name once per file.

    A gemeente's name says which arbeidsmarktregio it lies in and suggests that one; a province's
    name says it holds several; another name suggests the region it is a misspelling of, if any.
    """
    seen: set[tuple[str, str]] = set()
    warnings = []
    for file, name, row, column in values:
        if not name or find(name) is not None or (file, _key(name)) in seen:
            continue
        seen.add((file, _key(name)))
        # a name in region.toml is a setting's value, not a cell: where says 'key', not 'column'
        setting = column if row is None and file.endswith(".toml") else None
        where = {"setting": setting}
        town = gemeente(name)
        if _key(name) in {_key(p) for p in PROVINCES}:
            warnings.append(Problem(file, "province_not_arbeidsmarktregio", row, None if setting else column,
                                    {"value": name}, **where))
        elif town is not None:
            warnings.append(Problem(file, "gemeente_not_arbeidsmarktregio", row, None if setting else column,
                                    {"value": name, "regio": town[1].name, "suggestion": town[1].name}, **where))
        else:
            warnings.append(Problem(file, "unknown_arbeidsmarktregio", row, None if setting else column,
                                    {"value": name, "suggestion": closest(name), "n": len(reference())}, **where))
    return warnings


def one_spelling(actors: list[Actor], file: str, column: str | None) -> tuple[list[Actor], list[Problem]]:
    """Read region names that differ only in case, spaces or punctuation, or that name one list region (its
    name and its CBS code), as one region, with a warning.

    'Twente', 'twente' and 'TWENTE', 'Zuidoost-Brabant' and 'Zuidoost Brabant', or 'Twente' and 'AM05'
    (Twente's CBS code, which the intake check accepts as Twente, as it does the list's other names of a
    region) cannot be two arbeidsmarktregio's;
    analysed as written they would be split into separate networks without a word. The name kept is the
    reference list's spelling where the names are a list region's, else the spelling most actors use
    (equal counts: the first in sorted order, so row order does not decide). One warning per other
    spelling, at the first row (in ``actors``' order) that writes it. An actor that names the region
    twice ('Twente|twente') is in it once. A region written one way only is kept as written.
    """
    def region_of(name: str) -> tuple[bool, str]:
        """(listed, its list name) for a list region by name or code, whatever the spelling; else (False, key)."""
        listed = find(name)
        return (True, listed.name) if listed is not None else (False, _key(name))

    spellings: dict[tuple[bool, str], Counter] = {}
    for actor in actors:
        for name in actor.regions:
            spellings.setdefault(region_of(name), Counter())[name] += 1
    kept: dict[tuple[bool, str], str] = {}
    for key, counts in spellings.items():
        if len(counts) < 2:
            continue
        listed, name = key
        kept[key] = name if listed else sorted(counts, key=lambda s: (-counts[s], s))[0]
    warned: set[str] = set()
    warnings: list[Problem] = []
    folded: list[Actor] = []
    for actor in actors:
        regions = tuple(dict.fromkeys(kept.get(region_of(name), name) for name in actor.regions))
        for name in actor.regions:
            read_as = kept.get(region_of(name), name)
            if read_as != name and name not in warned:
                warned.add(name)
                listed = find(name)
                code = ("region_spelling_folded" if _key(name) == _key(read_as) else
                        "region_code_folded" if listed is not None and _key(name) == _key(listed.code) else
                        "region_other_name_folded")
                warnings.append(Problem(file, code, actor.row, column, {"value": name, "name": read_as}))
        folded.append(actor if regions == actor.regions else replace(actor, regions=regions))
    return folded, warnings
