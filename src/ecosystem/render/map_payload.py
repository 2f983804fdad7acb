"""Build the data the map page draws: nodes with fixed positions, ties, legend and labels.

The target view's sector titles (``layout.sector_titles``) and its name labels, placed once per
zoom level by the placer of the report and the PNGs (:func:`target_labels`), come with it; the
page only scales and shifts them. So do the circle sizes (:func:`marker_scale`, per size metric):
the page draws them as given. The payload is typed (:class:`MapPayload`) and serialised once.

Beyond ``MAX_NODES`` actors the map keeps the best-scoring actors and folds the
rest into one node per group, and says so; the tables keep everything.
"""
from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import numpy as np

from ..analysis.pipeline import Analysis
from ..anonymise import anonymised_line
from ..catalogue import CATALOGUE
from ..locale import Locale
from ..vocab import GROUPS, RELATION_TYPES
from .layout import INNER, LabelPlacer, Layout, map_label, place_labels, sector_title_texts, sector_titles
from . import style
from .reasons import reason_texts
from .sampling_text import sampling_sentence
from .terminal import swappable_lines

MAX_NODES = 2000
SIZE_METRICS = ("degree", "betweenness", "coreness", "orchestrator_score")
PANEL_METRICS = ("degree", "strength", "in_degree", "out_degree", "betweenness", "closeness",
                 "eigenvector", "coreness", "kcore", "orchestrator_score")



# --------------------------------------------------------------------------- the payload, typed
#
# The page's data as frozen dataclasses, built only by map_payload() (and the meeting extras), serialised
# once by MapPayload.to_dict(); map_html embeds that as escaped JSON. The small, fixed-shape parts
# (legend entries, rings, sector titles, placed labels) stay mappings built here.


@dataclass(frozen=True)
class MapNode:
    """One circle of the map: an actor, or a group's folded rest (``aggregate`` actors)."""

    id: str
    name: str
    group: str
    type: str | None
    x: float
    y: float
    tx: float
    ty: float
    core: bool
    orchestrator_rank: int | None
    label_lines: tuple[str, ...]
    metrics: Mapping[str, float]
    sizes: tuple[float, ...]
    core_probability: float | None
    core_probability_text: str | None
    reasons: tuple[str, ...]
    attributes: Mapping[str, str]
    aggregate: int | None = None                         # folded actors (MAX_NODES)
    regions: tuple[str, ...] | None = None               # issue 12: the region filter (ecosystem.meeting)
    cut_off: Mapping[str, Any] | None = None             # issue 12: the what-if list (ecosystem.meeting)


@dataclass(frozen=True)
class MapEdge:
    """One tie between two nodes of the payload (``from``/``to`` are node ids)."""

    source: str
    target: str
    types: tuple[str, ...]
    weight: float
    directed: bool


_OPTIONAL_NODE_FIELDS = ("aggregate", "regions", "cut_off")


@dataclass(frozen=True)
class MapPayload:
    """Everything map.html draws. Node ids are unique and every edge joins two of them.

    Raises
    ------
    ValueError
        If two nodes share an id or an edge names a node that is not there.
    """

    meta: Mapping[str, Any]
    groups: tuple[Mapping[str, Any], ...]
    relation_types: tuple[Mapping[str, Any], ...]
    metrics: tuple[Mapping[str, Any], ...]
    canvas: Mapping[str, Any]
    metric_labels: Mapping[str, str]
    glossary: Mapping[str, Mapping[str, str]]
    nodes: tuple[MapNode, ...]
    edges: tuple[MapEdge, ...]
    rings: tuple[Mapping[str, Any], ...]
    sector_titles: tuple[Mapping[str, Any], ...]
    target_labels: tuple[Mapping[str, Any], ...]
    style: Mapping[str, Any]          # render/style.MAP: the canvas's colours, font and label sizes
    regions: tuple[str, ...] = ()
    # issue 12: per arbeidsmarktregio, the core and candidates of its own analysis (ecosystem.meeting);
    # None for a region without an analysis (no relations among its organisations)
    region_marks: Mapping[str, Mapping[str, Any] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        ids = [n.id for n in self.nodes]
        known = set(ids)
        if len(known) != len(ids):
            raise ValueError("map payload: two nodes share an id")
        dangling = [(e.source, e.target) for e in self.edges if e.source not in known or e.target not in known]
        if dangling:
            raise ValueError(f"map payload: edges name nodes that are not there: {dangling[:3]}")

    def to_dict(self) -> dict:
        """The payload as strict JSON data (non-finite numbers become null), as the page reads it."""
        out = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("nodes", "edges")}
        # Field by field, not dataclasses.asdict: a node holds no dataclass, and asdict's deep copy of
        # every value was a third of the map's cost at 1,000 actors (_json_data copies them anyway).
        names = [f.name for f in fields(MapNode)]
        out["nodes"] = [{k: v for k, v in zip(names, (getattr(n, k) for k in names))
                         if v is not None or k not in _OPTIONAL_NODE_FIELDS} for n in self.nodes]
        out["edges"] = [{"from": e.source, "to": e.target, "types": e.types, "weight": e.weight,
                         "directed": e.directed} for e in self.edges]
        return _json_data(out)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "MapPayload":
        """The payload back from :meth:`to_dict`'s form (every field present; extra node keys refused)."""
        nodes = tuple(MapNode(**{**n, "label_lines": tuple(n["label_lines"]), "sizes": tuple(n["sizes"]),
                                 "reasons": tuple(n["reasons"])}) for n in data["nodes"])
        edges = tuple(MapEdge(e["from"], e["to"], tuple(e["types"]), e["weight"], e["directed"])
                      for e in data["edges"])
        optional = ("nodes", "edges", "regions", "region_marks")
        rest = {f.name: data[f.name] for f in fields(cls) if f.name not in optional}
        return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in rest.items()},
                   nodes=nodes, edges=edges, regions=tuple(data.get("regions", ())),
                   region_marks=data.get("region_marks", {}))


def _json_data(value: Any) -> Any:
    """*value* as strict JSON data: tuples as lists, numpy scalars unwrapped, NaN and infinities as None."""
    if isinstance(value, bool) or value is None or isinstance(value, (str, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): _json_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_data(v) for v in value]
    if isinstance(value, np.generic):
        return _json_data(value.item())
    raise TypeError(f"map payload: {type(value).__name__} is not JSON data")


def _metric_values(analysis: Analysis) -> dict[str, list[float]]:
    c = analysis.centralities
    return {"degree": c.degree, "strength": c.strength, "in_degree": c.in_degree, "out_degree": c.out_degree,
            "betweenness": c.betweenness, "closeness": c.closeness, "eigenvector": c.eigenvector,
            "coreness": analysis.coreness.coreness, "kcore": analysis.kcore,
            "orchestrator_score": analysis.orchestrators.score}


def best_placed(analysis: Analysis, limit: int) -> list[int]:
    """All actors (by index) if there are at most ``limit``, else the ``limit`` best by orchestrator rank.

    The drawings of a very large network (the map, the report's target view) show these and
    say so; the tables keep everyone.
    """
    n = analysis.network.n
    if n <= limit:
        return list(range(n))
    return sorted(sorted(range(n), key=lambda v: analysis.orchestrators.rank[v])[:limit])


def _shown(analysis: Analysis) -> list[int]:
    return best_placed(analysis, MAX_NODES - len(GROUPS) if analysis.network.n > MAX_NODES else MAX_NODES)


# --------------------------------------------------------------------------- circle sizes
#
# The one rule for how large the map draws each actor's circle (vis-network "size", canvas units), per
# size metric. The page draws with these numbers (static/map/state.js sizesFor reads them) and
# target_labels places names around the same circles, so the two cannot drift apart.

TARGET_SPREAD = 2.2      # the target view is drawn this much wider than the canvas half extent, so actors
                         # sharing a group's slice of a ring keep clear of each other (same circle sizes)
MARKER_BORDER = (1.0, 2.5)   # canvas units a circle's border adds to its radius: periphery, core (thick border)


def _finite(value) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return None
    return float(value)


# How many names the network view (and a focused actor's neighbourhood) may show: every name up to
# ``all_up_to`` actors; above that ``overview`` names at the fitted zoom, growing with the square of
# the user's zoom up to ``most``. The page applies it to its live zoom (static/map/target.js drawLabels).
LABEL_BUDGET = {"all_up_to": 80, "overview": 25, "most": 400}


@dataclass(frozen=True)
class MarkerScale:
    """How the map draws its circles: canvas extent, target-view scale and each circle's size per metric.

    Attributes
    ----------
    half : float
        Half extent of the network view in canvas units; grows with the number of actors.
    target_scale : float
        Layout units -> canvas units in the target view.
    metrics : tuple of str
        The size metrics, in the order of each node's ``sizes``.
    sizes : tuple of tuple of float
        Per node, the circle size (canvas units, 2 decimals) for each metric.
    ranges : tuple of (float or None, float or None)
        Per metric, the smallest and largest finite value (the size legend's ends), None if none is known.
    """

    half: float
    target_scale: float
    metrics: tuple[str, ...]
    sizes: tuple[tuple[float, ...], ...]
    ranges: tuple[tuple[float | None, float | None], ...]

    def radii(self, core: Sequence[bool], metric: str | None = None) -> np.ndarray:
        """Each circle's drawn radius including its border, in layout units (default: the first metric)."""
        k = self.metrics.index(metric) if metric is not None else 0
        size = np.array([s[k] for s in self.sizes], dtype=float)
        border = np.array([MARKER_BORDER[1] if c else MARKER_BORDER[0] for c in core], dtype=float)
        return (size + border) / self.target_scale

    def canvas(self) -> dict:
        """What the page needs besides each node's sizes (static/map/data.js reads it)."""
        return {"half": self.half, "target_scale": self.target_scale, "border": list(MARKER_BORDER),
                "label_budget": dict(LABEL_BUDGET)}


def marker_scale(nodes: Sequence[Mapping], ring_radii: Iterable[float] = (),
                 metrics: Sequence[str] = SIZE_METRICS) -> MarkerScale:
    """Circle sizes of the map's actors for every size metric, and the canvas they are drawn on.

    Sizes follow the typical spacing between actors (denser maps get smaller circles) and grow with
    the square root of the metric, so a circle's area tracks the value; an actor without a finite
    value gets the smallest circle, a metric without spread the middle size.

    Parameters
    ----------
    nodes : sequence of mappings
        Payload nodes with ``metrics`` (metric -> value), ``tx`` and ``ty`` (target view, layout units).
    ring_radii : iterable of float
        The target view's rings (layout units); the outermost sets the target view's scale with the actors.
    metrics : sequence of str
        The size metrics, first the default.
    """
    n = len(nodes)
    half = max(400.0, 25 * math.sqrt(max(n, 1)))
    spacing = 2 * half / math.sqrt(max(n, 1))
    big = n > 500
    lo_s = 8.0 if big else max(7.0, min(11.0, 0.1 * spacing))
    hi_s = 42.0 if big else max(20.0, min(38.0, 0.35 * spacing))
    columns, ranges = [], []
    for m in metrics:
        values = [_finite((nd.get("metrics") or {}).get(m)) for nd in nodes]
        known = [v for v in values if v is not None]
        lo, hi = (min(known), max(known)) if known else (None, None)
        ranges.append((lo, hi))
        columns.append([round(lo_s if v is None else (lo_s + hi_s) / 2 if not hi > lo
                              else lo_s + (hi_s - lo_s) * math.sqrt((v - lo) / (hi - lo)), 2) for v in values])
    extent = [math.hypot(_finite(nd.get("tx")) or 0.0, _finite(nd.get("ty")) or 0.0) for nd in nodes]
    r0 = max(extent + [abs(r) for r in (_finite(x) for x in ring_radii) if r is not None] + [0.0])
    return MarkerScale(half=half, target_scale=half * TARGET_SPREAD / r0 if r0 > 0 else 1.0,
                       metrics=tuple(metrics), sizes=tuple(zip(*columns)) if columns else tuple(() for _ in nodes),
                       ranges=tuple(ranges))


def _attribute_label(column: str, loc: Locale) -> str:
    """A free-text column's label in the reader's language; a column the catalogue does not know keeps its header."""
    key = f"attribute_{column}"
    return loc.t(key) if key in CATALOGUE else column


def _node(nd: dict) -> MapNode:
    return MapNode(**{**nd, "label_lines": tuple(nd["label_lines"]), "sizes": tuple(nd["sizes"]),
                      "reasons": tuple(nd["reasons"])})


def map_payload(analysis: Analysis, layout: Layout, loc: Locale, title: str) -> MapPayload:
    region, net = analysis.region, analysis.network
    st = analysis.stability
    core_probability = st.core_probability if st is not None else None
    low, high = st.core_interval if st is not None else (None, None)
    probability_text = loc.section("map")["core_probability_value"]
    values = _metric_values(analysis)
    # Equal scores share a rank, and an actor scoring what the last listed candidate scores is starred with it:
    # the list's cut by id alone (Analysis.tied_beyond) would otherwise star one of two equals.
    shared = analysis.orchestrators.shared_rank
    candidates = {v: int(shared[v]) for v in analysis.candidates + analysis.tied_beyond(len(analysis.candidates))}
    actor_names = {a.id: a.name for a in region.actors}
    shown = _shown(analysis)
    shown_set = set(shown)
    labels = {k: loc.column(k) for k in ("type", "scale", "region", "role")}
    nodes = []
    for v in shown:
        actor = region.actors[v]
        attributes = {labels["type"]: actor.type, labels["scale"]: loc.scale(actor.scale) if actor.scale else "",
                      labels["region"]: ", ".join(actor.regions)}
        if actor.role:
            attributes[labels["role"]] = loc.role(actor.role)
        attributes.update({_attribute_label(k, loc): val for k, val in actor.extra.items()})
        nodes.append({
            "id": actor.id, "name": actor.name, "group": actor.group, "type": actor.type or None,
            "x": round(float(layout.network[v][0]), 2), "y": round(float(layout.network[v][1]), 2),
            "tx": round(float(layout.target[v][0]), 2), "ty": round(float(layout.target[v][1]), 2),
            "core": bool(analysis.core.core[v]),
            "orchestrator_rank": candidates.get(v),
            "label_lines": map_label(actor.name, candidates.get(v)),
            "metrics": {m: round(float(values[m][v]), 6) for m in PANEL_METRICS},
            "core_probability": None if core_probability is None else round(float(core_probability[v]), 4),
            "core_probability_text": None if core_probability is None else probability_text.format(
                p=loc.share(core_probability[v]), interval=loc.interval(low[v], high[v])),
            "reasons": reason_texts((analysis.reasons or {}).get(v), loc, actor_names),
            "attributes": {k: val for k, val in attributes.items() if val},
        })
    edges = []
    hidden_by_group: dict[str, list[int]] = defaultdict(list)
    for v in range(net.n):
        if v not in shown_set:
            hidden_by_group[net.groups[v]].append(v)
    aggregate_id = {g: f"__other_{g}" for g in hidden_by_group}
    folded: dict[tuple[str, str], dict] = {}
    for e in net.ties.es:
        s, t = e.tuple
        types = list(e["types"])
        directed = all(RELATION_TYPES[x].directed for x in types)
        if s in shown_set and t in shown_set:
            edges.append({"from": net.ids[s], "to": net.ids[t], "types": types,
                          "weight": round(float(e["weight"]), 4), "directed": directed})
            continue
        a = net.ids[s] if s in shown_set else aggregate_id[net.groups[s]]
        b = net.ids[t] if t in shown_set else aggregate_id[net.groups[t]]
        if a == b:
            continue
        key = (min(a, b), max(a, b))
        entry = folded.setdefault(key, {"from": key[0], "to": key[1], "types": set(), "weight": 0.0,
                                        "directed": False})
        entry["types"].update(types)
        entry["weight"] += float(e["weight"])
    for entry in folded.values():
        edges.append({**entry, "types": sorted(entry["types"]), "weight": round(entry["weight"], 4)})
    for g, members in hidden_by_group.items():
        xs = [layout.network[v] for v in members]
        ts = [layout.target[v] for v in members]
        nodes.append({
            "id": aggregate_id[g], "name": f"{loc.group(g)} (+{len(members)})", "group": g,
            "type": None, "x": float(sum(p[0] for p in xs) / len(xs)), "y": float(sum(p[1] for p in xs) / len(xs)),
            "tx": float(sum(p[0] for p in ts) / len(ts)), "ty": float(sum(p[1] for p in ts) / len(ts)),
            "core": False, "orchestrator_rank": None, "label_lines": map_label(f"{loc.group(g)} (+{len(members)})"),
            "metrics": {m: 0.0 for m in PANEL_METRICS}, "core_probability": None, "core_probability_text": None, "reasons": [],
            "attributes": {}, "aggregate": len(members),
        })
    scale = marker_scale(nodes, layout.ring_radii)
    for nd, sizes in zip(nodes, scale.sizes):
        nd["sizes"] = list(sizes)
    group_counts = {g: sum(1 for x in net.groups if x == g) for g in GROUPS}
    type_counts = {k: sum(1 for r in region.relations if r.type == k) for k in RELATION_TYPES}
    titles = sector_titles(layout, sector_title_texts(net.groups, loc))   # drawn, and kept free of labels
    # the same titles with the count as {n}: the page writes the actors its filters leave
    live = {t.group: list(t.lines) for t in sector_titles(layout, sector_title_texts(net.groups, loc, lambda n: "{n}"))}
    return MapPayload(
        meta={"title": title, "region": region.meta.name_beside_year(), "period": region.meta.period or None,
              "source": region.meta.source or None, "note": region.meta.note or None,
              "anonymised": anonymised_line(region.meta, loc) or None,
              "seed": analysis.seed, "lang": loc.lang,
              "aggregated": None if len(shown) == net.n else {"shown": len(shown), "total": net.n},
              # The same sentences terminal and report print about the core/periphery tests or shape, and
              # about a core that is one of several equally good ones.
              "core_periphery": " ".join(filter(None, [loc.core_periphery_sentence(
                  analysis.structure, analysis.core_test, int(analysis.core.core.sum()))]
                  + swappable_lines(analysis, {a.id: a.name for a in region.actors}, loc))),
              # Said when a pair carries several relations, so "51 verbindingen" and "52 relaties" agree.
              "ties_differ": loc.ties_sentence(analysis.tie_count),
              # The panel shows betweenness and closeness: say so when they are estimates.
              "sampling": sampling_sentence(analysis.centralities.sampling, loc) or None},
        groups=tuple({"key": g, "label": loc.group(g), "color": style.GROUP_COLORS[g], "count": group_counts[g],
                    **_sector(layout, g)}
                   for g in GROUPS if group_counts[g]),
        relation_types=tuple({"key": k, "label": loc.relation(k), "count": type_counts[k]}
                           for k in RELATION_TYPES if type_counts[k]),
        # the size selector; each node's "sizes" follow this order (marker_scale), lo/hi end the size legend
        metrics=tuple({"key": m, "label": loc.metric(m), "lo": lo, "hi": hi}
                    for m, (lo, hi) in zip(SIZE_METRICS, scale.ranges)),
        canvas=scale.canvas(),
        metric_labels={m: loc.metric(m) for m in PANEL_METRICS},
        # term -> one-line explanation, shown on hover and keyboard focus in the details panel
        glossary=loc.glossary(),
        nodes=tuple(_node(nd) for nd in nodes),
        edges=tuple(MapEdge(e["from"], e["to"], tuple(e["types"]), e["weight"], e["directed"]) for e in edges),
        rings=tuple(_rings(layout, loc)),
        sector_titles=tuple({"group": t.group, "x": t.x, "y": t.y, "align": t.align, "baseline": t.baseline,
                           "lines": list(t.lines), "live": live[t.group]} for t in titles),
        target_labels=tuple(target_labels(nodes, layout, titles, scale)),
        style=style.MAP,
    )


# --------------------------------------------------------------------------- target view labels
#
# The map's target view names actors where layout.place_labels (the placer of the report and the PNGs)
# finds room, computed here once per zoom level: a level is a label font in layout units (the
# outer ring has radius layout.CANVAS); the page picks the level whose font reads at its zoom and only
# scales and shifts the boxes (static/map/target.js drawTargetLabels), so labels never overlap.

TARGET_LABEL_FONTS = (56.0, 28.0, 14.0)   # layout units: about 13 px at a fitted beamer view, then 2x and 4x zoom
TARGET_LABEL_GAPS = (0.3, 1.0, 2.0, 3.5, 5.5, 8.0, 11.0)   # x font: between marker and label; a leader line from the 2nd
TARGET_LABEL_PERIPHERY_MAX = 400          # the 'all names' tier (periphery) only up to this many actors
TARGET_LABEL_MAX = 600                    # labels per level at most (placement cost grows with labels x spots)


def target_labels(nodes: list[dict], layout: Layout, titles, scale: MarkerScale) -> list[dict]:
    """Per zoom level (label font), the placed labels: node id, box, leader line and tier
    (0 candidate, 1 core, 2 periphery: drawn with 'all names' only)."""
    if not nodes:
        return []
    xy = np.array([[nd["tx"], nd["ty"]] for nd in nodes], dtype=float)
    radii = scale.radii([nd["core"] for nd in nodes])   # the circles as the page draws them (default metric)
    outer = max(layout.ring_radii)
    tiers = [0 if nd["orchestrator_rank"] is not None else 1 if nd["core"] else 2 for nd in nodes]
    periphery = len(nodes) <= TARGET_LABEL_PERIPHERY_MAX
    order = sorted((i for i in range(len(nodes)) if tiers[i] < 2 or periphery),
                   key=lambda i: (tiers[i], nodes[i]["orchestrator_rank"] or 0, -radii[i], nodes[i]["id"]))
    order = order[:TARGET_LABEL_MAX]
    levels = []
    for font in TARGET_LABEL_FONTS:
        placer = LabelPlacer(xy, radii, (-1.45 * outer, -1.2 * outer, 1.45 * outer, 1.2 * outer), pad=0.15 * font)
        for title in titles:                 # drawn at about 1.4 times the label size
            placer.block(title.block(1.4 * font))
        for r in layout.ring_radii:          # the ring labels, inside each ring at the top
            placer.block((-2.5 * font, -r, 2.5 * font, -r + 1.6 * font))
        wanted = [(i, nodes[i]["label_lines"], tiers[i], tiers[i] == 0) for i in order]
        gaps = tuple(g * font for g in TARGET_LABEL_GAPS)
        placed = place_labels(placer, xy, radii, wanted, font, gaps)
        levels.append({"font": font, "labels": [
            {"id": nodes[p.actor]["id"], "tier": p.tier, "box": [round(c, 1) for c in p.box],
             "leader": None if p.leader is None else [round(c, 1) for c in p.leader]} for p in placed]})
    return levels


def _rings(layout: Layout, loc: Locale) -> list[dict]:
    """The core ring (boundary of the discrete core) labelled 'kern', the outer ring 'periferie'."""
    s = loc.section("report")
    radii = sorted(layout.ring_radii)
    labels = [s["ring_core"]] * (len(radii) - 1) + [s["ring_periphery"]]
    return [{"radius": round(float(r), 2), "label": label, "core": k < len(radii) - 1}
            for k, (r, label) in enumerate(zip(radii, labels))]


def _sector(layout: Layout, group: str) -> dict:
    """The group's slice of the target view (radians, screen orientation), if the layout has one."""
    if group not in layout.sector_edges:
        return {}
    start, end = layout.sector_edges[group]
    return {"sector": {"start": round(start, 6), "end": round(end, 6),
                       "angle": round(layout.sector_angles[group], 6), "inner": INNER}}
