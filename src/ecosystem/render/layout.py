"""Fixed positions for the two map views, computed in Python so the map opens at once.

Both views are deterministic: the same network, coreness, core and seed give the
same coordinates (no wall-clock, no process-wide randomness; igraph draws from a
generator seeded with ``seed``).  Units: a canvas of half-width ``CANVAS``.

Network view (``force_layout``)
    Each connected component is laid out on its own.

    * The largest component: up to ``KK_MAX_ACTORS`` actors Kamada & Kawai (1989)
      stress layout with tie length ``weight ** -KK_WEIGHT_POWER`` (a stronger tie
      is a somewhat shorter spring, but not so much that the strongly tied core
      collapses into a knot, which is what the plain Fruchterman & Reingold
      picture did on Brabant); above that Fruchterman & Reingold (1991) on tie
      strength, with igraph's grid approximation from ``FR_GRID_FROM`` actors.
      Start positions are uniform random from ``seed`` in a square of side
      sqrt(n) (igraph's own scale: with all starts inside [-1, 1] the grid
      approximation degenerates to the quadratic algorithm).
    * Smaller components and isolated actors are not left to the force model
      (which throws them far away and shrinks the rest): each is laid out on its
      own and placed in rows just under the largest component, largest first,
      left to right, one typical actor spacing apart.

    The result is centred and scaled so the farthest actor is at ``CANVAS``.

Ecosystem target view (``target_layout``)
    The study's 'centrum en periferie' drawn literally: the discrete core
    (Borgatti & Everett's core/periphery partition, ``analysis.core.core``) sits
    inside the core ring, the periphery outside it, and each group has a sector.

    * Rings.  The core band runs from ``INNER`` (the very centre stays free) to
      the core radius ``R_core``, the periphery band from ``R_core`` to 1.
      ``R_core`` gives both bands the same area per actor,
      ``R_core^2 = INNER^2 + (1 - INNER^2) * n_core / n``, clamped to
      [``CORE_RADIUS_MIN``, ``CORE_RADIUS_MAX``] so the core ring always reads as a
      centre.  ``Layout.ring_radii`` is ``(R_core, 1) * CANVAS``: the drawn core
      ring is exactly the boundary between core and periphery.
    * Radius.  Within each band actors are ordered by continuous coreness (highest
      first, ties by id) over *all* groups, and the k-th of m gets the radius at
      area quantile (k + 1/2) / m of the band (kept ``BAND_PAD`` away from the
      ring lines).  So a core actor is always nearer the centre than every
      periphery actor, and within a band nearer the centre means higher coreness,
      comparable across groups; equal area per rank keeps the density even.
    * Sectors.  Clockwise from the top in the order of ``vocab.GROUPS`` (other group
      keys after them, sorted); a group's
      angular width is ``(1 - SECTOR_SIZE_SHARE) / K + SECTOR_SIZE_SHARE * n_g / n``
      of the circle (K groups present): half an equal slice, half in proportion
      to the group's size, so a big group is not squeezed while a small key group
      keeps a visible slice.
    * Spread.  Within a group's sector and band an actor starts at the golden-ratio
      angle of its rank (a sunflower-like lattice), then ``SPREAD_ITERATIONS``
      rounds of pairwise separation push actors closer than the cell's spacing
      apart, with the angle kept inside the sector and the radius within half a
      spacing of its rank radius and inside the band (so the core/periphery split
      is exact and the coreness order holds up to that half spacing).  The
      spacing is 0.9 of the hexagonal packing distance of the cell, at most
      ``SPACING_MAX``.  Close pairs come from a grid of square cells one spacing
      wide (``close_pairs``: only points in the same or a neighbouring cell are
      compared), so this stays fast at 10,000 actors.

    Angles are screen angles (y points down), so increasing angle runs clockwise.

Labels (``label_lines``)
    Every drawing (map, report, PNGs) wraps an actor's name the same way: one
    line up to ``LABEL_WIDTH`` characters, else two lines broken at the space
    nearest the middle that keeps both lines within the width (narrow labels find
    room in a crowd), else at the last space that fits, the second line cut with
    an ellipsis.  The map receives the lines in its payload.

Sector titles (``sector_titles``)
    The group names around every target view (report SVG, target.png, the map through its
    payload): each hangs from a point ``SECTOR_TITLE_GAP`` outside the outer ring at its sector's
    middle angle, on the side facing away from the circle (``start``/``end`` when |cos| > 0.35,
    ``top``/``bottom`` when |sin| > 0.35, else centred), wrapped at ``SECTOR_TITLE_WIDTH``
    characters.  Each drawing only chooses its font.

Label placement (``LabelPlacer``, ``place_labels``)
    One greedy placer for the report's target view, the PNGs and the map's target view (the map
    gets the boxes in its payload, one set per zoom level; see ``map_payload.target_labels``).

Numbers (``actor_numbers``)
    A printed drawing names only a few actors; every other actor carries a
    number, and a list beside or under the drawing gives number and name, so a
    partner finds itself on paper.  Numbers run 1..n by group in sector order,
    then by name (case-folded), then id: the same actor has the same number in
    every drawing, whatever the row order of the data.  Above
    ``NUMBERS_MAX_ACTORS`` actors the numbers would not be legible and are left out.

References
----------
Fruchterman, T. M. J. & Reingold, E. M. (1991). Graph drawing by force-directed placement.
Software: Practice and Experience 21(11).
Kamada, T. & Kawai, S. (1989). An algorithm for drawing general undirected graphs.
Information Processing Letters 31(1).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import partial

import numpy as np

from ..analysis.network import TieNetwork
from ..locale import Locale
from ..seeding import seeded_igraph
from ..vocab import GROUPS

CANVAS = 1000.0          # half-width of the drawing, in vis-network units
INNER = 0.12             # the very centre stays free for readability
CORE_RADIUS_MIN = 0.35   # the core ring never shrinks to a dot ...
CORE_RADIUS_MAX = 0.70   # ... nor crowds the periphery against the rim
BAND_PAD = 0.035         # actors keep this distance (x CANVAS) from the ring lines
SECTOR_PAD = 0.03        # ... and this arc length from the sector boundaries
SECTOR_SIZE_SHARE = 0.5  # part of the circle shared out in proportion to group size
SPACING_MAX = 0.10       # no need to push actors further apart than this (x CANVAS)
SPREAD_ITERATIONS = 120
GOLDEN = (math.sqrt(5) - 1) / 2

KK_MAX_ACTORS = 500      # Kamada-Kawai up to this many actors in the largest component
KK_WEIGHT_POWER = 0.25   # tie length = weight ** -0.25
FR_ITERATIONS = 500
FR_GRID_FROM = 1000      # igraph's grid approximation for FR from this many actors on
# From this many actors the two views are computed side by side on two processes (each takes 0.2 s
# and more from here, growing with the network); below, a fork costs about what it would save.
SIDE_BY_SIDE_FROM = 2000


@dataclass(frozen=True)
class Layout:
    network: np.ndarray      # n x 2
    target: np.ndarray       # n x 2
    ring_radii: tuple[float, float]        # (core ring, outer ring), canvas units
    sector_angles: dict[str, float]        # group -> angle of the sector's middle (radians)
    sector_edges: dict[str, tuple[float, float]]   # group -> (start, end) of its sector (radians)


# --------------------------------------------------------------------------- network view


def _normalise(xy: np.ndarray) -> np.ndarray:
    """Centre on the mean; farthest point from the centre at distance 1 (a single point stays at 0)."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    if not len(xy):
        return xy
    xy = xy - xy.mean(axis=0)
    r = float(np.sqrt((xy ** 2).sum(axis=1)).max())
    return xy / r if r > 0 else xy


def _component_layout(graph, rng: np.random.Generator) -> np.ndarray:
    """Positions of one connected component, centred, radius 1."""
    m = graph.vcount()
    if m == 1:
        return np.zeros((1, 2))
    if m == 2:
        return np.array([[-1.0, 0.0], [1.0, 0.0]])
    start = (rng.uniform(-1, 1, size=(m, 2)) * math.sqrt(m) / 2).tolist()
    if m <= KK_MAX_ACTORS:
        lengths = [float(w) ** -KK_WEIGHT_POWER for w in graph.es["weight"]]
        coords = graph.layout_kamada_kawai(seed=start, weights=lengths, maxiter=50 * m)
    else:
        coords = graph.layout_fruchterman_reingold(weights="weight", niter=FR_ITERATIONS, seed=start,
                                                   grid=m >= FR_GRID_FROM)
    return _normalise(coords.coords)


def _satellites(sizes: list[int], box: tuple[float, float, float, float], unit: float
                ) -> list[tuple[float, float, float]]:
    """Centres and scales (x, y, r) for components of ``sizes``, in rows under the bounding ``box``
    (x0, y0, x1, y1; screen orientation, y down) of the largest component, left to right."""
    x0, _, x1, y1 = box
    width = max(x1 - x0, 8 * unit)
    rho = [0.0 if k == 1 else 0.5 * unit * math.sqrt(k) for k in sizes]
    out: list[tuple[float, float, float]] = []
    i, top = 0, y1 + unit
    while i < len(sizes):
        row, used = [], 0.0
        while i < len(sizes) and (not row or used + 2 * rho[i] + unit <= width + unit):
            row.append(i)
            used += 2 * rho[i] + unit
            i += 1
        height = max(2 * rho[k] for k in row)
        left = (x0 + x1) / 2 - (used - unit) / 2        # centre the row under the component
        for k in row:
            out.append((left + rho[k], top + height / 2, rho[k]))
            left += 2 * rho[k] + unit
        top += height + unit
    return out


def force_layout(net: TieNetwork, seed: int) -> np.ndarray:
    n = net.n
    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    comps = sorted((sorted(c) for c in net.ties.connected_components()), key=lambda c: (-len(c), c[0]))
    xy = np.zeros((n, 2))
    with seeded_igraph(seed):
        main = comps[0]
        xy[main] = _component_layout(net.ties.induced_subgraph(main), rng)
        rest = comps[1:]
        if rest:
            unit = 1.6 / math.sqrt(max(len(main), 4))   # about the spacing of actors in the main component
            box = (*xy[main].min(axis=0), *xy[main].max(axis=0))
            for comp, (cx, cy, r) in zip(rest, _satellites([len(c) for c in rest], box, unit)):
                local = _component_layout(net.ties.induced_subgraph(comp), rng)
                xy[comp] = local * r + (cx, cy)
    xy -= xy.mean(axis=0)
    span = np.abs(xy).max() or 1.0
    return xy / span * CANVAS


# --------------------------------------------------------------------------- target view


def core_radius(n_core: int, n: int) -> float:
    """Radius of the core ring (fraction of CANVAS): equal area per actor in both bands, clamped."""
    share = n_core / n if n else 0.0
    r = math.sqrt(INNER ** 2 + (1 - INNER ** 2) * share)
    return min(max(r, CORE_RADIUS_MIN), CORE_RADIUS_MAX)


def _sectors(groups: tuple[str, ...]) -> tuple[dict[str, float], dict[str, tuple[float, float]]]:
    present = [g for g in GROUPS if g in set(groups)] + sorted(set(groups) - set(GROUPS))
    n, k = len(groups), len(present)
    angles: dict[str, float] = {}
    edges: dict[str, tuple[float, float]] = {}
    start = -math.pi / 2
    for g in present:
        share = (1 - SECTOR_SIZE_SHARE) / k + SECTOR_SIZE_SHARE * groups.count(g) / n
        end = start + 2 * math.pi * share
        angles[g], edges[g] = (start + end) / 2, (start, end)
        start = end
    return angles, edges


def _spread(r_base: np.ndarray, theta: np.ndarray, bounds: tuple[float, float, float, float],
            spacing: float) -> tuple[np.ndarray, np.ndarray]:
    """Push points closer than ``spacing`` apart, keeping them in the annular sector ``bounds``
    (r_lo, r_hi, a_lo, a_hi) and within half a spacing of their radius."""
    r_lo, r_hi, a_lo, a_hi = bounds
    r = r_base.copy()
    m = len(r)
    lo_r = np.maximum(r_lo, r_base - spacing / 2)
    hi_r = np.minimum(r_hi, r_base + spacing / 2)
    # a fixed, tiny, distinct offset per point, so coincident points still get a direction
    k = np.arange(m)
    nudge = np.stack([np.cos(k * 2.399963), np.sin(k * 2.399963)], axis=1) * 1e-6
    for _ in range(SPREAD_ITERATIONS):
        p = np.stack([r * np.cos(theta), r * np.sin(theta)], axis=1) + nudge
        pairs = close_pairs(p, spacing)          # in a fixed order: same sums, same bits
        if not len(pairs):
            break
        i, j = pairs[:, 0], pairs[:, 1]
        diff = p[i] - p[j]
        dist = np.maximum(np.sqrt((diff ** 2).sum(axis=1)), 1e-12)
        step = (diff / dist[:, None]) * ((spacing - dist) / 4)[:, None]    # each moves half of half the overlap
        push = np.stack([np.bincount(i, step[:, axis], m) - np.bincount(j, step[:, axis], m) for axis in (0, 1)],
                        axis=1)
        p = p + push
        r = np.clip(np.sqrt((p ** 2).sum(axis=1)), lo_r, hi_r)
        theta = _clip_angle(np.arctan2(p[:, 1], p[:, 0]), a_lo, a_hi, r)
    return r, theta


# Up to this many points close_pairs measures every pair (faster than binning them, up to about this many).
CLOSE_PAIRS_ALL_MAX = 150
# The half of a cell's eight neighbours that comes after it (with the cell itself): each pair of
# neighbouring cells is compared once.
_FORWARD_CELLS = ((0, 1), (1, -1), (1, 0), (1, 1))


def close_pairs(points: np.ndarray, r: float) -> np.ndarray:
    """Every pair of rows of ``points`` (n x 2) at most ``r`` apart: an (m, 2) array of indices i < j,
    sorted by i, then j.

    The points are binned into square cells of side ``r``; two points that close lie in the same
    cell or in neighbouring ones, so only those pairs are measured (a uniform grid, Bentley &
    Friedman 1979): about n times the points per cell instead of n^2 / 2 distances. Up to
    :data:`CLOSE_PAIRS_ALL_MAX` points every pair is measured instead (the same distances, so
    the same pairs).

    References
    ----------
    Bentley, J. L. & Friedman, J. H. (1979). Data structures for range searching.
    ACM Computing Surveys 11(4), 397-409.
    """
    if not r > 0:
        raise ValueError(f"close_pairs: r must be positive, got {r!r}")
    n = len(points)
    if n <= CLOSE_PAIRS_ALL_MAX:            # measuring every pair is cheaper than binning
        x, y = points[:, 0], points[:, 1]
        near = (x[:, None] - x[None, :]) ** 2 + (y[:, None] - y[None, :]) ** 2 <= r * r
        return np.argwhere(np.triu(near, 1)).astype(np.intp)      # row-major: sorted by i, then j
    cell = np.floor((points - points.min(axis=0)) / r).astype(np.int64)
    rows = int(cell[:, 1].max()) + 3           # room for a neighbour on either side: keys never wrap
    key = (cell[:, 0] + 1) * rows + (cell[:, 1] + 1)
    order = np.argsort(key, kind="stable")
    keys = key[order]
    # Per point (in key order) and neighbouring cell: the run of points in that cell. In its own
    # cell only the points after it, so that each pair comes once.
    shifts = np.array([dx * rows + dy for dx, dy in _FORWARD_CELLS])
    targets = (keys[None, :] + shifts[:, None]).reshape(-1)
    lo = np.concatenate([np.arange(1, n + 1), np.searchsorted(keys, targets, "left")])
    hi = np.concatenate([np.searchsorted(keys, keys, "right"), np.searchsorted(keys, targets, "right")])
    count = np.maximum(hi - lo, 0)
    run = np.repeat(np.arange(len(count)), count)
    second = lo[run] + np.arange(len(run)) - np.repeat(np.cumsum(count) - count, count)
    a, b = order[run % n], order[second]
    d = points[a] - points[b]
    near = d[:, 0] ** 2 + d[:, 1] ** 2 <= r * r
    i, j = np.minimum(a, b)[near], np.maximum(a, b)[near]
    return np.stack([i, j], axis=1).astype(np.intp)[np.lexsort((j, i))]


def _clip_angle(theta: np.ndarray, a_lo: float, a_hi: float, r: np.ndarray) -> np.ndarray:
    """Unwrap ``theta`` next to the sector and keep it SECTOR_PAD (arc length) inside the sector."""
    mid = (a_lo + a_hi) / 2
    theta = mid + (theta - mid + math.pi) % (2 * math.pi) - math.pi
    pad = np.minimum(SECTOR_PAD / np.maximum(r, 1e-9), (a_hi - a_lo) / 2)
    return np.clip(theta, a_lo + pad, a_hi - pad)


def target_layout(net: TieNetwork, coreness: np.ndarray, core: np.ndarray
                  ) -> tuple[np.ndarray, dict[str, float], dict[str, tuple[float, float]], float]:
    """Target positions (canvas units), sector middles, sector edges and the core radius (fraction).

    ``core`` is the discrete core (boolean per actor, ``analysis.core.core``).
    """
    n = net.n
    coreness = np.asarray(coreness, dtype=float).reshape(-1)
    core = np.asarray(core, dtype=bool).reshape(-1)
    angles, edges = _sectors(net.groups)
    r_core = core_radius(int(core.sum()), n)
    xy = np.zeros((n, 2))
    bands = ((True, INNER + BAND_PAD, r_core - BAND_PAD), (False, r_core + BAND_PAD, 1.0 - BAND_PAD))
    for in_core, lo, hi in bands:
        members = sorted((v for v in range(n) if bool(core[v]) == in_core),
                         key=lambda v: (-coreness[v], net.ids[v]))
        m = len(members)
        if not m:
            continue
        radius = {v: math.sqrt(lo ** 2 + (hi ** 2 - lo ** 2) * (k + 0.5) / m) for k, v in enumerate(members)}
        for g, (a0, a1) in edges.items():
            cell = [v for v in members if net.groups[v] == g]      # already in band-rank order
            if not cell:
                continue
            r = np.array([radius[v] for v in cell])
            u = np.array([((j * GOLDEN) % 1.0) if len(cell) > 1 else 0.5 for j in range(len(cell))])
            theta = _clip_angle(a0 + u * (a1 - a0), a0, a1, r)
            if len(cell) > 1:
                area = (a1 - a0) / 2 * (hi ** 2 - lo ** 2)
                spacing = min(SPACING_MAX, 0.9 * math.sqrt(area / (len(cell) * math.sqrt(3) / 2)))
                r, theta = _spread(r, theta, (lo, hi, a0, a1), spacing)
            for v, rv, tv in zip(cell, r, theta):
                xy[v] = (rv * math.cos(tv) * CANVAS, rv * math.sin(tv) * CANVAS)
    return xy, angles, edges, r_core


def compute_layout(net: TieNetwork, coreness: np.ndarray, core: np.ndarray, seed: int,
                   network_view: bool = True, network: np.ndarray | None = None) -> Layout:
    """Both views.  ``core`` is the discrete core (``analysis.core.core``): the drawn core ring holds exactly it.

    With ``network_view=False`` only the target view is computed (``Layout.network`` is then all zeros):
    for drawings that show the target view alone, such as the report's small multiples per region.
    ``network`` is the network view when it was computed already (``force_layout(net, seed)``, which
    needs no analysis: ``ecosystem analyse`` computes it while the analysis runs); given, it is used
    whatever ``network_view`` says.
    """
    if network is not None:
        if network.shape != (net.n, 2):
            raise ValueError(f"compute_layout: a network view of shape {network.shape} for {net.n} actors")
        target, angles, edges, r_core = _view(net, coreness, core, seed, "target")
    elif network_view and net.n >= SIDE_BY_SIDE_FROM:
        from ..parallel import Background

        (target, angles, edges, r_core), network = Background(
            partial(_view, net, coreness, core, seed), ("target", "network")).results()
    else:
        target, angles, edges, r_core = _view(net, coreness, core, seed, "target")
        network = _view(net, coreness, core, seed, "network") if network_view else np.zeros((net.n, 2))
    return Layout(network, target, (r_core * CANVAS, CANVAS), angles, edges)


def _view(net: TieNetwork, coreness: np.ndarray, core: np.ndarray, seed: int, view: str):
    """One view's layout (:func:`compute_layout` computes the two side by side): a pure function of its inputs."""
    return target_layout(net, coreness, core) if view == "target" else force_layout(net, seed)


def marker_radii(degree: np.ndarray, small: float, large: float) -> np.ndarray:
    """Circle radius per actor by its number of partners: ``small + (large - small) * sqrt(degree / max degree)``.

    A circle's area then grows with the number of partners (above the floor every actor gets, so that
    one without ties still shows). The one size rule of the target view in report.html and of the
    PNGs (target.png, map.png); each drawing chooses only ``small`` and ``large`` in its own units.
    """
    degree = np.asarray(degree, dtype=float)
    top = float(degree.max()) if len(degree) and degree.max() > 0 else 1.0
    return small + (large - small) * np.sqrt(degree / top)


def sector_boundaries(layout: Layout) -> list[float]:
    """Angles of the lines between the group sectors of the target view (none for one group)."""
    if len(layout.sector_angles) < 2:
        return []
    return [start for start, _ in layout.sector_edges.values()]


# --------------------------------------------------------------------------- labels

LABEL_WIDTH = 28         # characters per label line, in every drawing


def label_lines(text: str, width: int = LABEL_WIDTH) -> list[str]:
    """``text`` on one or two lines of at most ``width`` characters (see the module docs)."""
    s = " ".join(str(text).split())
    if len(s) <= width:
        return [s]
    spaces = [k for k, ch in enumerate(s) if ch == " "]
    balanced = [k for k in spaces if k <= width and len(s) - k - 1 <= width]
    if balanced:
        cut = min(balanced, key=lambda k: (abs(k - len(s) / 2), k))
    else:
        fitting = [k for k in spaces if 0 < k <= width]
        cut = fitting[-1] if fitting else width
    first, rest = s[:cut].strip(), s[cut:].strip()
    if len(rest) > width:
        rest = rest[:width - 1].rstrip(" ,-") + "…"
    return [first, rest] if rest else [first]


def map_label(name: str, rank: int | None = None) -> list[str]:
    """The map's label of an actor: its name, a candidate's prefixed with a star and its rank."""
    return label_lines(f"\u2605{rank} {name}" if rank is not None else name)


def badge_key(key: str, ranks: list[int], loc: Locale, **values: object) -> str:
    """The sentence saying what the candidates' badges (K1, K2 ...) mean, for badges carrying ``ranks`` (the
    named candidates' ranks, equal scores sharing one: ``Orchestrators.shared_rank``), best first: message ``key``
    (``candidate_badge_report``, ``candidate_badge_png``) counted for distinct ranks 1..n, or ``<key>_shared``
    listing the badges when equal scores share one (K1, K1, K3), so no badge is said to exist that is not drawn."""
    if len(set(ranks)) < len(ranks):
        return loc.t(f"{key}_shared", badges=", ".join(loc.t("candidate_badge", rank=r) for r in ranks), **values)
    return loc.counted(key, len(ranks), **values)


NUMBERS_MAX_ACTORS = 300   # above this many actors, printed drawings carry no numbers


def _group_order(groups) -> list[str]:
    return [g for g in GROUPS if g in set(groups)] + sorted(set(groups) - set(GROUPS))


def actor_numbers(ids, names, groups) -> list[int]:
    """Number (1..n) of each actor: by group in sector order, then name (case-folded), then id."""
    rank = {g: k for k, g in enumerate(_group_order(groups))}
    order = sorted(range(len(ids)), key=lambda v: (rank[groups[v]], str(names[v]).casefold(), str(ids[v])))
    numbers = [0] * len(ids)
    for k, v in enumerate(order, start=1):
        numbers[v] = k
    return numbers


def number_key(numbers: list[int], names, groups, named) -> list[tuple[str, list[tuple[int, str]]]]:
    """The list beside a drawing: per group (sector order), the numbers and names of the actors not ``named``."""
    skip = set(named)
    out = []
    for g in _group_order(groups):
        rows = sorted((numbers[v], str(names[v])) for v in range(len(numbers)) if groups[v] == g and v not in skip)
        if rows:
            out.append((g, rows))
    return out


# --------------------------------------------------------------------------- label placement
#
# A greedy, deterministic placement (in any unit with y either way: the PNGs use display pixels,
# the report's target view SVG units): every badge and label tries a fixed list of
# spots around its marker (next to it first, then further out on a thin leader line) and takes the
# first spot that stays inside the drawing and covers no marker, badge, label or legend text.  Core
# actors' labels that find no free spot are skipped; the top-3 candidates always get their badge
# (beside the marker) and their name (beside the badge), at the least crowded spot if none is free.

# Directions tried around a marker, every 30 degrees; labels try the side facing away from the
# drawing's middle first (where the free space is), badges the upper right first.
_DIRECTIONS = tuple((math.cos(math.radians(a)), math.sin(math.radians(a))) for a in range(0, 360, 30))
_BADGE_DIRECTIONS = tuple((math.cos(math.radians(a)), math.sin(math.radians(a)))
                          for a in (45, 135, 315, 225, 90, 270, 0, 180))


# From this many spots on, LabelPlacer.choose counts markers and boxes for all spots at once.
_SPOTS_AT_ONCE = 8


class LabelPlacer:
    """Free-space bookkeeping for badges, labels and numbers: marker circles, boxes placed so far
    (kept ``pad`` apart) and their leader lines, inside ``bounds`` (x0, y0, x1, y1).

    The counts are exact; to keep them cheap with thousands of markers and hundreds of boxes,
    markers are kept sorted by x (a box only looks at those within reach of its x range) and
    the boxes also as an array, compared all at once.
    """

    def __init__(self, centres: np.ndarray, radii: np.ndarray, bounds: tuple[float, float, float, float],
                 pad: float = 2.0):
        self.pad = pad
        self.cx = centres[:, 0] if len(centres) else np.zeros(0)
        self.cy = centres[:, 1] if len(centres) else np.zeros(0)
        self.r = radii
        self.bounds = bounds
        self.boxes: list[tuple[float, float, float, float]] = []
        self.leaders: list[tuple[float, float, float, float]] = []
        mid = centres.mean(axis=0) if len(centres) else np.zeros(2)
        self.mid = (float(mid[0]), float(mid[1]))
        # Markers by x: a marker further than its radius (+1) left or right of a box cannot touch it.
        # The reach adds 1 to the largest radius and 1 more so that rounding never drops a marker.
        by_x = np.argsort(self.cx, kind="stable")
        self._sx, self._sy, self._sr = self.cx[by_x], self.cy[by_x], np.asarray(self.r, dtype=float)[by_x]
        reach = float(self._sr.max()) + 2.0 if len(self._sr) else 0.0
        self._reach = reach if math.isfinite(reach) else None       # None: look at every marker
        self._box_rows = _Rows(self.boxes)
        self._leader_rows = _Rows(self.leaders)

    def block(self, box: tuple[float, float, float, float], leader: tuple | None = None) -> None:
        self.boxes.append(box)
        if leader is not None:
            self.leaders.append(leader)

    def inside(self, box) -> bool:
        x0, y0, x1, y1 = self.bounds
        return box[0] >= x0 and box[1] >= y0 and box[2] <= x1 and box[3] <= y1

    def box_hits(self, box) -> int:
        x0, y0, x1, y1 = box[0] - self.pad, box[1] - self.pad, box[2] + self.pad, box[3] + self.pad
        if len(self.boxes) < 32:      # a short loop is cheaper than an array operation
            return sum(1 for b in self.boxes if x0 < b[2] and x1 > b[0] and y0 < b[3] and y1 > b[1])
        b = self._box_rows.array()
        return int(np.count_nonzero((x0 < b[:, 2]) & (x1 > b[:, 0]) & (y0 < b[:, 3]) & (y1 > b[:, 1])))

    def marker_hits(self, box) -> int:
        if not len(self.r):
            return 0
        if self._reach is None:
            cx, cy, r = self._sx, self._sy, self._sr
        else:
            lo, hi = np.searchsorted(self._sx, (box[0] - self._reach, box[2] + self._reach), side="left")
            cx, cy, r = self._sx[lo:hi], self._sy[lo:hi], self._sr[lo:hi]
        dx = np.maximum(np.maximum(box[0] - cx, cx - box[2]), 0.0)
        dy = np.maximum(np.maximum(box[1] - cy, cy - box[3]), 0.0)
        return int(np.count_nonzero(dx * dx + dy * dy < (r + 1.0) ** 2))

    def line_hits(self, box, leader) -> int:
        """Crossings: the box over leader lines already drawn, its own leader through boxes and leaders."""
        if len(self.boxes) + len(self.leaders) < 32:       # a short loop is cheaper than array operations
            segments, boxes = self.leaders, self.boxes
        else:
            # Only lines and boxes whose bounding boxes come near: a segment meets a box (grown by 1)
            # or crosses a segment only where their bounding boxes overlap. The margin of 2 keeps
            # every pair that rounding could count.
            segments = self._leader_rows.near(box, 2.0, segment=True)
            boxes = () if leader is None else self._box_rows.near(_bounds(leader), 2.0)
        hits = sum(1 for seg in segments if _segment_meets_box(seg, box))
        if leader is not None:
            hits += sum(1 for b in boxes if _segment_meets_box(leader, b))
            near = segments if len(self.boxes) + len(self.leaders) < 32 else \
                self._leader_rows.near(_bounds(leader), 2.0, segment=True)
            hits += sum(1 for seg in near if _segments_cross(leader, seg))
        return hits

    def cost(self, box, leader=None) -> tuple[int, int, int, int]:
        return tuple(self._cost_parts(box, leader))

    def _cost_parts(self, box, leader):
        """The parts of :meth:`cost` one by one, cheapest first, so that a caller can stop early."""
        yield 0 if self.inside(box) else 1
        yield self.box_hits(box)
        yield self.marker_hits(box)
        yield self.line_hits(box, leader)

    def choose(self, spots: list[tuple[int, tuple]], force: bool, x: float, y: float) -> tuple[int, tuple] | None:
        """The first free spot for a box that belongs to (x, y); with ``force`` the least crowded one
        when none is free (the least :meth:`cost`; among equal costs the nearest ring, then the first in
        ``spots``).  Spots beyond the first ring have a leader line from (x, y)."""
        if len(spots) >= _SPOTS_AT_ONCE:
            return self._choose_at_once(spots, force, x, y)
        best, best_cost = None, None
        for k, (ring, box) in enumerate(spots):
            # A spot's cost is compared part by part: it stops counting as soon as the spot cannot be
            # chosen (not free and not forced, or already more crowded than the best so far).
            c: tuple[int, ...] = ()
            for part in self._cost_parts(box, leader_line(x, y, box) if ring else None):
                c += (part,)
                if (part and not force) or (best_cost is not None and c > best_cost[0][:len(c)]):
                    break
            else:
                if c == (0, 0, 0, 0):
                    return ring, box
                key = (c, ring, k)
                if best_cost is None or key < best_cost:
                    best, best_cost = (ring, box), key
        return best if force else None

    def _choose_at_once(self, spots: list[tuple[int, tuple]], force: bool, x: float,
                        y: float) -> tuple[int, tuple] | None:
        """:meth:`choose` with the first three parts of every spot's cost counted at once (array
        operations, :meth:`_spot_parts`), the leader lines (dearer) only for the spots that can still win.

        Costs compare part by part, so the winner is among the spots whose first three parts are the
        least (all zero for a free spot): the first free one, else (forced) the one with the fewest
        line hits, the nearest ring and the first among equals, as :meth:`choose` orders them.
        """
        known = self._spot_parts([box for _, box in spots])
        first = np.lexsort(known.T[::-1])[0]           # the least first three parts (lexsort: last key first)
        free = not known[first].any()                  # some spot has none: only such a spot can win
        if not force and not free:
            return None
        best, best_key = None, None
        for k in np.flatnonzero((known == known[first]).all(axis=1)).tolist():      # in the spots' order
            ring, box = spots[k]
            hits = self.line_hits(box, leader_line(x, y, box) if ring else None)
            if hits == 0 and free:          # cost (0, 0, 0, 0): the first such spot, as choose takes it
                return ring, box
            if force and (best_key is None or (hits, ring, k) < best_key):
                best, best_key = (ring, box), (hits, ring, k)
        return best

    def _spot_parts(self, spots: list[tuple]) -> np.ndarray:
        """For each box in ``spots`` a row [outside the bounds, box hits, marker hits], as :meth:`_cost_parts` counts them."""
        b = np.array(spots, dtype=float)
        x0, y0, x1, y1 = self.bounds
        outside = ~((b[:, 0] >= x0) & (b[:, 1] >= y0) & (b[:, 2] <= x1) & (b[:, 3] <= y1))
        if self.boxes:
            p = self._box_rows.array()
            pad = self.pad
            near = ((p[:, 0] < b[:, 2].max() + pad + 1.0) & (p[:, 2] > b[:, 0].min() - pad - 1.0)
                    & (p[:, 1] < b[:, 3].max() + pad + 1.0) & (p[:, 3] > b[:, 1].min() - pad - 1.0))
            p = p[near]     # only boxes near the spots (a margin of 1 beyond the pad, against rounding)
            boxes = np.count_nonzero((b[:, 0, None] - pad < p[:, 2]) & (b[:, 2, None] + pad > p[:, 0])
                                     & (b[:, 1, None] - pad < p[:, 3]) & (b[:, 3, None] + pad > p[:, 1]), axis=1)
        else:
            boxes = np.zeros(len(b), dtype=int)
        markers = np.zeros(len(b), dtype=int)
        if len(self.r):
            cx, cy, r = self._sx, self._sy, self._sr
            if self._reach is not None:     # only markers within reach of the spots' bounding box
                lo, hi = np.searchsorted(cx, (b[:, 0].min() - self._reach, b[:, 2].max() + self._reach))
                cx, cy, r = cx[lo:hi], cy[lo:hi], r[lo:hi]
                near = (cy > b[:, 1].min() - self._reach) & (cy < b[:, 3].max() + self._reach)
                cx, cy, r = cx[near], cy[near], r[near]
            if len(r):
                dx = np.maximum(np.maximum(b[:, 0, None] - cx, cx - b[:, 2, None]), 0.0)
                dy = np.maximum(np.maximum(b[:, 1, None] - cy, cy - b[:, 3, None]), 0.0)
                markers = np.count_nonzero(dx * dx + dy * dy < (r + 1.0) ** 2, axis=1)
        return np.stack([outside.astype(int), boxes, markers], axis=1)

    def outward(self, x: float, y: float) -> float:
        dx, dy = x - self.mid[0], y - self.mid[1]
        return math.atan2(dy, dx) if dx * dx + dy * dy > 1.0 else 0.0


class _Rows:
    """A growing list of 4-tuples (boxes or segments) and the same as an (n, 4) array, extended when asked."""

    def __init__(self, rows: list):
        self.rows = rows
        self._array = np.zeros((16, 4))
        self._count = 0           # rows of _array filled from self.rows

    def array(self) -> np.ndarray:
        n = len(self.rows)
        if n > len(self._array):
            grown = np.zeros((max(n, 2 * len(self._array)), 4))
            grown[:self._count] = self._array[:self._count]
            self._array = grown
        if n > self._count:
            self._array[self._count:n] = self.rows[self._count:n]
            self._count = n
        return self._array[:n]

    def near(self, box, margin: float, segment: bool = False) -> list:
        """The rows whose bounding box comes within ``margin`` of ``box`` (x0, y0, x1, y1), in their order.

        With ``segment`` a row is a segment (x0, y0, x1, y1) whose ends may come in either order.
        """
        a = self.array()
        if not len(a):
            return []
        if segment:
            lo_x, hi_x = np.minimum(a[:, 0], a[:, 2]), np.maximum(a[:, 0], a[:, 2])
            lo_y, hi_y = np.minimum(a[:, 1], a[:, 3]), np.maximum(a[:, 1], a[:, 3])
        else:
            lo_x, lo_y, hi_x, hi_y = a[:, 0], a[:, 1], a[:, 2], a[:, 3]
        hit = ((lo_x < box[2] + margin) & (hi_x > box[0] - margin)
               & (lo_y < box[3] + margin) & (hi_y > box[1] - margin))
        return [self.rows[i] for i in np.flatnonzero(hit).tolist()]


def _bounds(segment: tuple) -> tuple[float, float, float, float]:
    """The bounding box of a segment (x0, y0, x1, y1)."""
    return (min(segment[0], segment[2]), min(segment[1], segment[3]),
            max(segment[0], segment[2]), max(segment[1], segment[3]))


def leader_line(x: float, y: float, box: tuple) -> tuple[float, float, float, float]:
    """The leader line from (x, y) to the edge of ``box`` (towards its centre)."""
    cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
    dx, dy = cx - x, cy - y
    hw, hh = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
    # fraction of the way to the centre where the segment enters the box
    t = 1.0 - min(hw / abs(dx) if abs(dx) > 1e-9 else math.inf, hh / abs(dy) if abs(dy) > 1e-9 else math.inf, 1.0)
    return x, y, x + dx * t, y + dy * t


def _segment_meets_box(seg: tuple, box: tuple) -> bool:
    """Whether a segment passes through a box (Liang-Barsky clipping), with a small margin."""
    x0, y0, x1, y1 = seg
    dx, dy = x1 - x0, y1 - y0
    lo, hi = 0.0, 1.0
    for p, q in ((-dx, x0 - (box[0] - 1)), (dx, (box[2] + 1) - x0), (-dy, y0 - (box[1] - 1)), (dy, (box[3] + 1) - y0)):
        if abs(p) < 1e-12:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            lo = max(lo, t)
        else:
            hi = min(hi, t)
        if lo > hi:
            return False
    return True


def _segments_cross(a: tuple, b: tuple) -> bool:
    def side(px, py, qx, qy, rx, ry):
        return (qx - px) * (ry - py) - (qy - py) * (rx - px)
    d1 = side(b[0], b[1], b[2], b[3], a[0], a[1])
    d2 = side(b[0], b[1], b[2], b[3], a[2], a[3])
    d3 = side(a[0], a[1], a[2], a[3], b[0], b[1])
    d4 = side(a[0], a[1], a[2], a[3], b[2], b[3])
    return d1 * d2 < 0 and d3 * d4 < 0


def _angle_gap(a: float, b: float) -> float:
    d = abs(a - b) % (2 * math.pi)
    return min(d, 2 * math.pi - d)


def label_spots(x: float, y: float, r: float, w: float, h: float, facing: float,
                gaps: tuple[float, ...]) -> list[tuple[int, tuple]]:
    """Boxes of size w x h around a marker at (x, y) with radius r, nearest ring first.

    In direction u the box's near corner (or edge) lies ``r + gap`` from the centre, for each gap in ``gaps``
    (from the second on, a leader line joins box and marker).
    """
    order = sorted(range(len(_DIRECTIONS)),
                   key=lambda k: (round(_angle_gap(math.atan2(_DIRECTIONS[k][1], _DIRECTIONS[k][0]), facing), 6), k))
    spots = []
    for ring, gap in enumerate(gaps):
        reach = r + gap
        for k in order:
            ux, uy = _DIRECTIONS[k]
            bx = x + ux * reach + (w / 2 if ux > 1e-9 else -w / 2 if ux < -1e-9 else 0.0)
            by = y + uy * reach + (h / 2 if uy > 1e-9 else -h / 2 if uy < -1e-9 else 0.0)
            spots.append((ring, (bx - w / 2, by - h / 2, bx + w / 2, by + h / 2)))
    return spots


def badge_spots(x: float, y: float, r: float, d: float, gaps: tuple[float, ...]) -> list[tuple[int, tuple]]:
    spots = []
    for ring, gap in enumerate(gaps):
        for ux, uy in _BADGE_DIRECTIONS:
            reach = r + gap + d / 2
            bx, by = x + ux * reach, y + uy * reach
            spots.append((ring, (bx - d / 2, by - d / 2, bx + d / 2, by + d / 2)))
    return spots


# --------------------------------------------------------------------------- sector titles
#
# The group names around the target view, computed once for the report's SVG, target.png and the
# map (its payload): each title hangs just outside the outer ring at its sector's middle angle, on
# the side facing away from the circle (so it never runs into the rings), wrapped like a label.

SECTOR_TITLE_GAP = 0.06      # x outer radius between the outer ring and a title's anchor point
SECTOR_TITLE_WIDTH = 20      # characters per title line
_SIDE = 0.35                 # |cos| or |sin| of the angle below which a title is centred on that axis


@dataclass(frozen=True)
class SectorTitle:
    """One group's title: anchor point (canvas units, y down) and how the text block hangs from it.

    ``align`` is the horizontal anchor (``start``: text runs right of ``x``, ``end``: left of it,
    ``middle``: centred); ``baseline`` the vertical one (``top``: the block hangs below ``y``,
    ``bottom``: it stands on ``y``, ``middle``: centred).
    """

    group: str
    x: float
    y: float
    align: str
    baseline: str
    lines: tuple[str, ...]

    def block(self, font: float, line_height: float = 1.2, char_width: float = 0.6
              ) -> tuple[float, float, float, float]:
        """The text block (x0, y0, x1, y1) for a font of ``font`` units (a rough width, for obstacles)."""
        w = char_width * font * max(len(s) for s in self.lines)
        h = font * line_height * len(self.lines)
        x0 = self.x if self.align == "start" else self.x - w if self.align == "end" else self.x - w / 2
        y0 = self.y if self.baseline == "top" else self.y - h if self.baseline == "bottom" else self.y - h / 2
        return x0, y0, x0 + w, y0 + h


def sector_title_texts(groups, loc: Locale, number=str) -> dict[str, str]:
    """Each group's sector title: its name and number of actors (every target view writes the same).

    ``number`` writes the count; the map passes one that writes a placeholder its page fills in with
    the actors its filters leave."""
    groups = list(groups)
    return {g: f"{loc.group(g)} ({number(groups.count(g))})" for g in set(groups)}


def sector_titles(layout: Layout, texts: dict[str, str]) -> list[SectorTitle]:
    """The title of each sector of ``layout`` with its text from ``texts`` (group -> text), sector order."""
    outer = max(layout.ring_radii)
    reach = (1 + SECTOR_TITLE_GAP) * outer
    out = []
    for g, a in layout.sector_angles.items():
        c, s = math.cos(a), math.sin(a)
        align = "start" if c > _SIDE else "end" if c < -_SIDE else "middle"
        baseline = "top" if s > _SIDE else "bottom" if s < -_SIDE else "middle"
        out.append(SectorTitle(g, round(reach * c, 2), round(reach * s, 2), align, baseline,
                               tuple(label_lines(texts.get(g, g), SECTOR_TITLE_WIDTH))))
    return out


# --------------------------------------------------------------------------- placed labels


@dataclass(frozen=True)
class PlacedLabel:
    """A name label placed by :func:`place_labels`: its box and, when moved away, its leader line."""

    actor: int
    lines: tuple[str, ...]
    box: tuple[float, float, float, float]
    leader: tuple[float, float, float, float] | None
    tier: int


def label_box_size(lines, font: float, line_height: float = 1.2, char_width: float = 0.58) -> tuple[float, float]:
    """Rough width and height of ``lines`` at ``font`` units (bold sans): for placement, not for drawing."""
    return char_width * font * max(len(s) for s in lines), font * line_height * len(lines)


def place_labels(placer: LabelPlacer, xy: np.ndarray, radii: np.ndarray, wanted, font: float,
                 gaps: tuple[float, ...]) -> list[PlacedLabel]:
    """Place the labels ``wanted`` (actor, lines, tier, force) in that order with ``placer``.

    A label that finds no free spot is left out unless ``force`` (then it takes the least crowded one).
    Every placed box and leader line is blocked in ``placer`` for what comes next.
    """
    out = []
    for v, lines, tier, force in wanted:
        w, h = label_box_size(lines, font)
        x, y, r = float(xy[v, 0]), float(xy[v, 1]), float(radii[v])
        found = placer.choose(label_spots(x, y, r, w, h, placer.outward(x, y), gaps), force, x, y)
        if found is None:
            continue
        ring, box = found
        leader = leader_line(x, y, box) if ring else None
        placer.block(box, leader)
        out.append(PlacedLabel(v, tuple(lines), box, leader, tier))
    return out
