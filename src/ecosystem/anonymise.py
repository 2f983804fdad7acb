"""Sharing without names: a region whose organisations are known only by group and number.

``anonymise_region(region, loc)`` returns the same network with every organisation's
id and name replaced by its group and a number ("Onderwijs 3", id ``onderwijs-3``), and
the text that can identify one dropped: the actor's ``type`` (a Leerwerkloket is often
one organisation), every free-text column (``extra`` on actors and relations), every
relation's ``note``, and region.toml's ``source`` (it names who supplied the data). The
region's ``note`` is kept (the illustrative example must keep saying it is illustrative)
unless it names an organisation of the region by name or id, then it is dropped too.

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

from .locale import Locale
from .model import Region
from .vocab import GROUPS

__all__ = ["AnonymousRegion", "anonymise_region", "anonymous_folder", "key_path", "mentions"]

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
    actors = tuple(replace(a, id=new[a.id][0], name=new[a.id][1], type="", extra={}) for a in region.actors)
    relations = tuple(replace(r, source=new[r.source][0], target=new[r.target][0], note="", extra={})
                      for r in region.relations)
    words = [a.name for a in region.actors] + [a.id for a in region.actors]
    meta = region.meta
    note = meta.note if meta.note and not mentions(meta.note, words) else ""
    # translations: the [en]/[nl] tables hold source and note too; the chosen language's are already applied.
    meta = replace(meta, source="", note=note, translations={})
    key = tuple((*new[a.id], a.id, a.name) for a in numbered)
    return AnonymousRegion(replace(region, meta=meta, actors=actors, relations=relations), key)


def anonymous_folder(folder: str) -> str:
    """The outputs folder of an anonymous run: ``brabant-anoniem`` beside ``brabant``."""
    return f"{folder}-{FOLDER_SUFFIX}"


def key_path(target: Path, loc: Locale) -> Path:
    """Where the key goes: beside the outputs folder ``target`` (``OUT/brabant-anoniem-sleutel.csv``)."""
    return target.parent / f"{target.name}-{loc.t('anonymise_key_suffix')}.csv"
