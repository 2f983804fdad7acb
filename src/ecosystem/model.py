"""The validated region model: the typed objects passed from loading to analysis."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import Problem
from .vocab import relation_key

if TYPE_CHECKING:
    from .locale import Locale


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
    folder: str                     # the region folder's name: outputs go to outputs/<folder>/ ('anoniem' when
                                    # anonymised: anonymise.anonymous_folder)
    arbeidsmarktregios: tuple[str, ...] = ()
    period: str = ""
    source: str = ""
    note: str = ""
    # region.toml may hold a table per language, e.g. [en] with name, period, source, note.
    translations: dict[str, dict[str, str]] = field(default_factory=dict)
    # [groups] and [relation_types]: a region's own words (for example Kumu types) -> group / relation type
    groups: dict[str, str] = field(default_factory=dict)
    relation_types: dict[str, str] = field(default_factory=dict)
    # --anonymise (ecosystem.anonymise): set on the anonymous region; ``recognisable`` holds the anonymous names
    # of the organisations that are the only one of their group with their arbeidsmarktregio('s).
    anonymised: bool = False
    recognisable: tuple[str, ...] = ()
    # what an anonymous region does not show: the folder's name, a name taken from it, region.toml's texts that
    # named an organisation or the folder: (where, shown instead or '' when left out), e.g. ('[en] note', '');
    # said in the terminal (anonymise.withheld_lines)
    withheld: tuple[tuple[str, str], ...] = ()
    # analyse --year: the year the network was cut to (in_year); said with the name wherever it is shown
    year: int | None = None
    # analyse --region: the whole data set this arbeidsmarktregio was taken from, and its size
    # (actors, relations); said with the name wherever it is shown (by_region.sub_region)
    whole: "RegionMeta | None" = None
    whole_size: tuple[int, int] = (0, 0)
    # the language the texts are in once in_language has chosen them (None: region.toml's main texts)
    shown_in: str | None = None
    # set by in_language when the name carries the year: the name as shown without it (name_beside_year)
    name_without_year: str = ""

    def in_language(self, loc: Locale) -> "RegionMeta":
        """The same metadata with the texts of the reader's language where region.toml gives them, and the
        name as readers see it: an arbeidsmarktregio with the data set it comes from, a year's network with
        its year ('Zuidoost-Brabant (uit Noord-Brabant), 2016'), so that every title says what it shows."""
        if self.shown_in is not None:       # chosen already: the name carries its year and data set once
            return self
        texts = self.translations.get(loc.lang, {})
        meta = replace(self, **{k: v for k, v in texts.items() if k in TRANSLATABLE and v})
        name = meta.name
        if self.whole is not None:
            name = loc.t("region_of_whole", region=name, whole=self.whole.in_language(loc).name)
        undated = ""
        if self.year is not None:
            undated, name = name, loc.t("region_in_year", region=name, year=self.year)
        return replace(meta, name=name, shown_in=loc.lang, name_without_year=undated)

    def name_beside_year(self) -> str:
        """The name (as in_language shows it) for a text that says a year's network's year beside it: a header's
        period row (map, report, the workbooks' about sheet: 'Regio: Noord-Brabant', 'Periode: 2016', not
        'Regio: Noord-Brabant, 2016') or a change page's sides ('Noord-Brabant, 2016 → 2020', not
        'Noord-Brabant, 2020, 2016 → 2020'). Without a year it is the name."""
        return self.name_without_year or self.name

    def in_year(self, year: int) -> "RegionMeta":
        """The metadata of the network as it stood in ``year``: its period is that year, in every language."""
        return replace(self, period=str(year), year=year,
                       translations={lang: {k: v for k, v in texts.items() if k != "period"}
                                     for lang, texts in self.translations.items()})


TRANSLATABLE = ("name", "period", "source", "note")


@dataclass(frozen=True)
class Region:
    meta: RegionMeta
    actors: tuple[Actor, ...]               # canonical order when loaded: see canonical_order
    relations: tuple[Relation, ...]
    path: Path
    warnings: tuple[Problem, ...] = ()
    # 'actors'/'relations' -> the name the loader's problems gave that table (io.tables: 'actors.csv',
    # 'ecosystem.xlsx[actoren]'), so a later message names the same source.
    sources: dict[str, str] = field(default_factory=dict)

    def source(self, kind: str) -> str:
        """Where the ``kind`` table ('actors' or 'relations') was read, as the loader's problems name it;
        ``actors.csv`` / ``relations.csv`` for a region not built by the loader."""
        return self.sources.get(kind, f"{kind}.csv")


def canonical_order(actors, relations) -> tuple[tuple[Actor, ...], tuple[Relation, ...]]:
    """Actors sorted by id, relations by every field but the row, extra columns by name.

    The analysis numbers vertices and relations in this order, and every random stream
    (bootstrap draws, optimiser starts, null models, pivots, communities) and every
    exact tie is resolved through it, so results depend on the content of the tables,
    not on the order rows or columns were typed in (docs/methods.md, "Ties and order").
    Relations that differ only in their row are interchangeable and keep input order.
    The spreadsheet ``row`` stays on each object for messages.
    """
    def tidy(item):
        # Most rows have their extra columns in order already (or none): kept as they are, no copy.
        keys = list(item.extra)
        return item if keys == sorted(keys) else replace(item, extra=dict(sorted(item.extra.items())))

    def order(r: Relation) -> tuple:
        # An undirected relation (governance, collaboration) is the same whichever of its two actors
        # is typed first (vocab.relation_key): writing B,A instead of A,B must not move it among the
        # relations (and with it every resample's draw). The typed order decides only between rows
        # that are otherwise the same.
        return (*relation_key(r.source, r.target, r.type), r.weight, r.since, r.until, r.note, r.steering,
                tuple(sorted(r.extra.items())), (r.source, r.target))

    return (tuple(sorted(map(tidy, actors), key=lambda a: a.id)),
            tuple(sorted(map(tidy, relations), key=order)))
