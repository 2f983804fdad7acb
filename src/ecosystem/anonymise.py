"""Sharing without names: a region whose organisations are known only by group and number.

``anonymise_region(region, loc)`` returns the same network with every organisation's
id and name replaced by its group and a number ("Onderwijs 3", id ``onderwijs-3``), and
the text that can identify one dropped: the actor's ``type`` (a Leerwerkloket is often
one organisation) and ``scale`` (with the arbeidsmarktregio it singles out the one regional
government of a region), every free-text column (``extra`` on actors and relations), every
relation's ``note``, and region.toml's ``source`` in every language (it names who supplied the
data). The region's ``note`` is kept in each language (the illustrative example must keep saying
it is illustrative) unless it names an organisation of the region by name or id, then it is
dropped too. The data warnings name each organisation by its anonymous name.

The arbeidsmarktregio stays (the per-region analysis needs it), so an organisation that is the
only one of its group with its arbeidsmarktregio('s) is recognisable whatever its number: the
anonymous region's ``meta.recognisable`` lists them, and the terminal and the report say so.

Because the transformation is applied to the validated region *before* the analysis,
every output (map, report, slides, PNGs, tables, summary.json, GraphML, GEXF, Kumu) is
anonymous by construction. Numbering is deterministic: per group in the order of
:data:`ecosystem.vocab.GROUPS`, then by canonical (original) id order. The actors and
relations keep their canonical positions, so the analysis numbers the vertices and
draws its random streams exactly as for the named region: the results are identical up to
renaming.

The key (number -> original id and name) is returned as rows for the coordinator to keep;
:func:`key_path` says where it goes: beside the outputs folder, never inside it.

References
----------
Thunnissen's Noord-Brabant LLO ecosystem study (the study itself reports organisations by
group where interviewees asked for it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import Problem
from .io.validate import id_key
from .locale import Locale
from .model import Actor, Region
from .vocab import GROUPS

__all__ = ["AnonymousRegion", "anonymise_region", "anonymous_folder", "key_path", "mentions", "recognisable",
           "recognisable_sentence"]

FOLDER_SUFFIX = "anoniem"           # outputs/<folder>-anoniem/, language-independent like the folder names


@dataclass(frozen=True)
class AnonymousRegion:
    region: Region
    # (new id, new name, original id, original name), in numbering order
    key: tuple[tuple[str, str, str, str], ...]

    def mapping(self) -> dict[str, str]:
        """Original id -> anonymous id."""
        return {old: new for new, _, old, _ in self.key}


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-") or "actor"


def mentions(text: str, words) -> bool:
    """Whether ``text`` contains any of ``words`` as a whole token (case-insensitive).

    Whole tokens: a short id such as ``gem`` does not match inside ``Gemeente``.
    """
    low = text.lower()
    for word in words:
        word = word.strip().lower()
        if word and re.search(r"(?<![\w])" + re.escape(word) + r"(?![\w])", low):
            return True
    return False


def anonymise_region(region: Region, loc: Locale = Locale()) -> AnonymousRegion:
    """The region with organisations known by group and number, and the key back to them.

    Parameters
    ----------
    region : Region
        A validated region, actors in canonical order (as :func:`ecosystem.io.region.load_region` gives).
    loc : Locale
        The reader's language: that of the group words in the new names and ids.

    Returns
    -------
    AnonymousRegion
        The anonymous region (same actor and relation order) and the key.
    """
    order = {g: i for i, g in enumerate(GROUPS)}
    numbered = sorted(region.actors, key=lambda a: (order.get(a.group, len(order)), a.group, a.id))
    counts: dict[str, int] = {}
    new: dict[str, tuple[str, str]] = {}
    for actor in numbered:
        counts[actor.group] = counts.get(actor.group, 0) + 1
        label = loc.group(actor.group)
        new[actor.id] = (f"{_slug(label)}-{counts[actor.group]}", f"{label} {counts[actor.group]}")
    actors = tuple(replace(a, id=new[a.id][0], name=new[a.id][1], type="", scale="", extra={})
                   for a in region.actors)
    relations = tuple(replace(r, source=new[r.source][0], target=new[r.target][0], note="", extra={})
                      for r in region.relations)
    words = [a.name for a in region.actors] + [a.id for a in region.actors]

    def kept(note: str) -> str:
        return note if note and not mentions(note, words) else ""
    meta = region.meta
    # region.toml's [en]/[nl] tables: their name and period stay (the reader's language), source goes, note as above.
    translations = {lang: {k: kept(v) if k == "note" else v for k, v in texts.items() if k != "source"}
                    for lang, texts in meta.translations.items()}
    meta = replace(meta, source="", note=kept(meta.note), translations=translations, anonymised=True,
                   recognisable=tuple(new[a.id][1] for a in recognisable(numbered)))
    names = {id_key(a.id): new[a.id][1] for a in region.actors}
    warnings = tuple(_renamed(w, names) for w in region.warnings)
    key = tuple((*new[a.id], a.id, a.name) for a in numbered)
    return AnonymousRegion(replace(region, meta=meta, actors=actors, relations=relations, warnings=warnings), key)


def recognisable(actors) -> list[Actor]:
    """The ``actors`` that are the only one of their group with their arbeidsmarktregio('s) (in their order).

    What the anonymous outputs still show of an organisation is its group and arbeidsmarktregio('s); when
    no other organisation shares both, anyone who knows the region knows who it is. Actors without an
    arbeidsmarktregio are not listed (the group alone: see docs/methods.md §18).
    """
    def shown(actor: Actor) -> tuple:
        return actor.group, tuple(sorted(set(actor.regions)))
    counts: dict[tuple, int] = {}
    for actor in actors:
        counts[shown(actor)] = counts.get(shown(actor), 0) + 1
    return [a for a in actors if a.regions and counts[shown(a)] == 1]


def recognisable_sentence(names: tuple[str, ...], loc: Locale) -> str:
    """The organisations ``names`` (``meta.recognisable``) said to be recognisable despite their number, or ''."""
    return loc.counted("anonymise_recognisable", len(names), names=loc.join(list(names))) if names else ""


def _renamed(warning: Problem, names: dict[str, str]) -> Problem:
    """``warning`` with every value that is an actor's id (as ids are compared: :func:`id_key`) replaced by the
    actor's anonymous name: 'actor 'actiz' heeft geen relaties' becomes 'actor 'Werkgevers 1' ...'."""
    params = {k: names.get(id_key(v), v) if isinstance(v, str) else v for k, v in warning.params.items()}
    return replace(warning, params=params) if params != warning.params else warning


def anonymous_folder(folder: str) -> str:
    """The outputs folder of an anonymous run: ``brabant-anoniem`` beside ``brabant``."""
    return f"{folder}-{FOLDER_SUFFIX}"


def key_path(target: Path, loc: Locale) -> Path:
    """Where the key goes: beside the outputs folder ``target`` (``OUT/brabant-anoniem-sleutel.csv``)."""
    return target.parent / f"{target.name}-{loc.t('anonymise_key_suffix')}.csv"
