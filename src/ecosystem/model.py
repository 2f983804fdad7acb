"""The validated region model: the typed objects passed from loading to analysis."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
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
    role: str = ""                  # canonical key from vocab.ROLES or "" (optional `role`/`rol` column)


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
    # region.toml may hold a table per language, e.g. [en] with name, period, source, note.
    translations: dict[str, dict[str, str]] = field(default_factory=dict)

    def in_language(self, lang: str) -> "RegionMeta":
        """The same metadata with the texts of ``lang`` where region.toml gives them."""
        texts = self.translations.get(lang, {})
        return replace(self, **{k: v for k, v in texts.items() if k in TRANSLATABLE and v})


TRANSLATABLE = ("name", "period", "source", "note")


@dataclass(frozen=True)
class Region:
    meta: RegionMeta
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    path: Path
    warnings: tuple[Problem, ...] = ()
