"""The validated region model: the typed objects passed from loading to analysis."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problem


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    group: str                      # canonical key from vocab.GROUPS
    type: str = ""
    scale: str = ""                 # canonical key from vocab.SCALES or ""
    regions: tuple[str, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)   # any other column, kept for the map
    row: int = 0                    # spreadsheet row, for messages


@dataclass(frozen=True)
class Relation:
    source: str
    target: str
    type: str                       # canonical key from vocab.RELATION_TYPES
    weight: float = 1.0
    since: str = ""
    until: str = ""
    note: str = ""
    steering: str = ""              # optional override of the default steering philosophy
    extra: dict[str, str] = field(default_factory=dict)
    row: int = 0


@dataclass(frozen=True)
class RegionMeta:
    name: str
    folder: str                     # the region folder's name: outputs go to outputs/<folder>/
    arbeidsmarktregios: tuple[str, ...] = ()
    period: str = ""
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Region:
    meta: RegionMeta
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    path: Path
    warnings: tuple[Problem, ...] = ()
