"""The machine-readable change between two analyses (change.json).

Ids, keys and numbers; names only alongside ids so a reader need not join tables.
Every pair of values is ``{"before": ..., "after": ...}``. The verdicts are
``clear``, ``uncertain``, ``untested``, ``removed`` (a what-if took the actor out: its exit
from the core is certain by construction) or null (no verdict applies); see docs/methods.md §15.
"""
from __future__ import annotations

from ..analysis.change import Change, RelationChange, Side
from ..locale import Locale


def _pair(before, after) -> dict:
    return {"before": before, "after": after}


def _round(value: float | None) -> float | None:
    return None if value is None or value != value else round(float(value), 6)


def _side(side: Side) -> dict:
    return {"label": side.label, "actors": side.actors, "relations": side.relations, "ties": side.ties,
            "core": list(side.core), "bootstrap_samples": side.bootstrap,
            # the relation rows, as analyse counts them; more than relations when rows repeat a relation
            "relation_rows": side.rows,
            # region.toml's note, in the language asked for where region.toml gives it ('' when none)
            "note": side.note}


def _relation(rel: RelationChange, names: dict[str, str]) -> dict:
    return {"source": rel.source, "target": rel.target, "type": rel.type,
            "source_name": names.get(rel.source, rel.source), "target_name": names.get(rel.target, rel.target),
            "weight": _pair(_round(rel.weight_before), _round(rel.weight_after))}


def _actors(ids: tuple[str, ...], names: dict[str, str]) -> list[dict]:
    return [{"id": i, "name": names.get(i, i)} for i in ids]


def change_dict(change: Change, region: str, loc: Locale, seed: int, years: tuple[int, int] | None = None,
                folders: tuple[str, str] | None = None) -> dict:
    """The content of change.json.

    Parameters
    ----------
    change : Change
    region : str
        The region's display name.
    loc : Locale
        Language of the indicator titles.
    seed : int
        The seed both sides were analysed with.
    years : (int, int), optional
        ``--from`` and ``--to`` when one folder was compared over years.
    folders : (str, str), optional
        The two region folders' names when two folders were compared.
    """
    names = change.names
    return {
        "region": region,
        "lang": loc.lang,
        "seed": seed,
        "mode": "years" if years else "folders",
        "years": _pair(*years) if years else None,
        "folders": _pair(*folders) if folders else None,
        "sides": _pair(_side(change.before), _side(change.after)),
        "stability_threshold": change.threshold,
        "actors": {"joined": _actors(change.joined, names), "left": _actors(change.left, names),
                   "linked": _actors(change.linked, names), "unlinked": _actors(change.unlinked, names),
                   "regrouped": [{"id": m.id, "name": names.get(m.id, m.id), "group": _pair(m.before, m.after)}
                                 for m in change.regrouped]},
        "relations": {"added": [_relation(r, names) for r in change.added],
                      "removed": [_relation(r, names) for r in change.removed],
                      "reweighted": [_relation(r, names) for r in change.reweighted]},
        "core": {
            "entered": [_move(m, names) for m in change.entered],
            "left": [_move(m, names) for m in change.exited],
        },
        "orchestrators": {
            # "place": equal scores share one (the list's order among them is the id's)
            "top": _pair(*([{**a, "place": p} for a, p in zip(_actors(top, names), places)]
                           for top, places in ((change.top_before, change.top_places_before),
                                               (change.top_after, change.top_places_after)))),
            "ranks": [{"id": r.id, "name": names.get(r.id, r.id), "rank": _pair(r.rank_before, r.rank_after),
                       "rank_interval": _pair(list(r.interval_before) if r.interval_before else None,
                                              list(r.interval_after) if r.interval_after else None),
                       "verdict": r.verdict, "has_ties": _pair(*r.has_ties)}
                      for r in change.ranks],
        },
        "groups": {g.group: {"actors": _pair(*g.actors), "in_core": _pair(*g.in_core),
                             "share_in_core": _pair(_round(g.share_in_core[0]), _round(g.share_in_core[1])),
                             "peripheral": _pair(*g.peripheral), "peripheral_verdict": g.peripheral_verdict,
                             "has_core": _pair(*g.has_core),
                             "seat": _pair(*g.seated),
                             "share_of_core_tables": _pair(_round(g.share_of_core_tables[0]),
                                                           _round(g.share_of_core_tables[1]))}
                   for g in change.groups},
        "diagnosis": [{"key": i.key, "title": loc.section("diagnosis_title")[i.key],
                       "value": _pair(_round(i.value[0]), _round(i.value[1])),
                       "threshold": _pair(_round(i.threshold[0]), _round(i.threshold[1])),
                       "status": _pair(*i.status), "status_changed": i.changed,
                       # the orchestrator's top and runner-up scores, whose relative margin is "value"
                       **({"scores": _pair(*(None if x is None else {"top": _round(x[0]), "runner_up": _round(x[1])}
                                             for x in i.scores))} if i.key == "orchestrator" else {}),
                       # fragmentation's parts leave out the organisations without relations: their number
                       **({"isolated": _pair(*i.isolated)} if i.key == "fragmentation" else {})}
                      for i in change.indicators],
    }


def _move(move, names: dict[str, str]) -> dict:
    return {"id": move.id, "name": names.get(move.id, move.id),
            "core_probability": _pair(_round(move.probability_before), _round(move.probability_after)),
            "verdict": move.verdict}
