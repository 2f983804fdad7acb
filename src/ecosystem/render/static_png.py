"""Static PNG pictures of the ecosystem for slides and memos: map.png, target.png and numbers.png.

``render_png(name, analysis, layout, loc, out_dir)`` draws one picture of ``PICTURES`` (the write
stage draws them side by side; ``render_pngs`` draws all three in turn):

* ``map.png``: the network view (force layout), actors coloured by group,
  sized by number of relations, core actors with a dark outline and their
  names, the three strongest orchestrator candidates marked 1-2-3, named in
  bold beside their marker and listed in the legend;
* ``target.png``: the ecosystem target (rings: core in the middle, periphery
  outside, ring labels 'kern'/'periferie'; one labelled sector per group), the
  three strongest candidates marked 1-2-3 and named beside their marker.

Map and target are 1600 x 1000 pixels at 150 dpi; ``numbers.png`` lists the
actors the two number instead of naming them.  Matplotlib is used through
``matplotlib.figure.Figure`` with the Agg canvas only (no pyplot, no global
state), and the PNG metadata carries no software version, so the same input
gives the same bytes.  Names go into the picture as plain text
(``parse_math=False``: a ``$`` in a name stays a ``$``), wrapped at
``layout.LABEL_WIDTH`` characters on at most two lines (``layout.label_lines``); the title and the note
under it are wrapped to the picture's width as their glyphs are drawn (``_title``).

Badges and labels are placed greedily (see ``layout.LabelPlacer``): each tries a fixed list
of spots around its marker (beside it, then further out on a leader line) and
takes the first that covers no marker, badge, label or legend text and whose
leader crosses no label or other leader; a core actor's label that finds no
free spot is left out, the top-3 candidates' badges and names never are (they
take the least crowded spot).  Above
``LABEL_CORE_MAX_ACTORS`` actors only the top-3 candidates are named.  The
placement is plain arithmetic on fixed inputs, so it is deterministic too.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
import textwrap
from pathlib import Path

import matplotlib.artist
import numpy as np

# At import matplotlib writes into every Artist class's set() docstring a table of its properties
# (artist.kwdoc, inspecting every setter's docstring): 0.08-0.1 of the 0.4 CPU s its drawing classes
# take to import (issue 10), for help text no picture needs. Left out while they are imported here;
# a class matplotlib defines later gets its table as usual.
_kwdoc, matplotlib.artist.kwdoc = matplotlib.artist.kwdoc, lambda artist: ""
try:
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle
    from matplotlib.text import Text

    from .fonts import MemoryFontCanvas, face, font_path
finally:
    matplotlib.artist.kwdoc = _kwdoc

from ..analysis.network import TieNetwork
from ..anonymise import anonymised_line
from ..analysis.orchestrator import NAMED_CANDIDATES
from ..analysis.pipeline import Analysis
from ..model import Region
from ..vocab import GROUPS
from ..locale import Locale
from .layout import (CANVAS, INNER, NUMBERS_MAX_ACTORS, LabelPlacer, Layout, actor_numbers, badge_key, badge_spots, label_lines,
                     label_spots, leader_line, marker_radii, number_key, sector_boundaries, sector_title_texts,
                     sector_titles)
from .style import CORE_FILL, HALO, INK, MUTED, NAVY, NETWORK_TIE, PERIPHERY_FILL, RING, TIE, group_color

__all__ = ["render_pngs", "render_png", "PICTURES", "region_target_png", "numbers_png", "save_picture", "png_bytes",
           "WIDTH_PX", "HEIGHT_PX", "DPI"]

WIDTH_PX, HEIGHT_PX, DPI = 1600, 1000, 150
# The header (title, and the note under it) lies between HEADER_LEFT and HEADER_RIGHT and above HEADER_BOTTOM
# (figure fractions), where the drawings begin; a long title is wrapped and set smaller (TITLE_SIZES) to fit.
HEADER_LEFT, HEADER_RIGHT, HEADER_TOP, HEADER_BOTTOM = 0.02, 0.98, 0.965, 0.88
TITLE_SIZES = (14, 13, 12, 11, 10, 9)
NOTE_SIZE, NOTE_LINES = 8, 2          # the note: at most NOTE_LINES lines, then '…'
LABELS_MAX_ACTORS = 2000     # above this, smaller markers and thinner ties (a dense picture)
LABEL_CORE_MAX_ACTORS = 300  # up to this many actors map.png names the core actors too
EDGES_MAX = 20000            # beyond this many ties, draw an evenly spaced (deterministic) subsample
TARGET_EDGES_MAX = 3000      # the target view shows ties only for small networks
TARGET_MARKER_SCALE = 0.6    # smaller markers in the target, where actors share a sector and a band
# DejaVu ships with matplotlib. Glyphs are drawn unhinted: hinting snaps outlines to the pixel grid of
# a screen at 1:1, which these 150 dpi pictures never meet (a beamer or a slide scales them), and
# rendering without it takes about a fifth less time per picture (issue 10).
RC = {"font.family": "DejaVu Sans", "path.simplify": True, "text.hinting": "no_hinting"}


def render_pngs(analysis: Analysis, layout: Layout, loc: Locale, out_dir: Path) -> dict[str, Path]:
    """Write ``map.png`` and ``target.png`` into ``out_dir``,

    and ``numbers.png``: the number and name of every actor, per group, for the
    numbers the two pictures put beside the markers they cannot name.

    Returns ``{"map_png": <path>, "target_png": <path>, "numbers_png": <path>}``.
    """
    out = {}
    for name in PICTURES:
        out.update(render_png(name, analysis, layout, loc, out_dir))
    return out


#: The pictures of :func:`render_pngs`, dearest to draw first; each is drawn alone by :func:`render_png`.
PICTURES = ("map_png", "target_png", "numbers_png")


def render_png(name: str, analysis: Analysis, layout: Layout, loc: Locale, out_dir: Path) -> dict[str, Path]:
    """Write one picture of :data:`PICTURES` (``map_png`` -> ``map.png``) into ``out_dir``; ``{name: path}``.

    The pictures do not depend on each other, so the write stage draws them side by side.
    """
    import matplotlib

    s = loc.section("report")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context(RC):
        if name == "map_png":
            fig = _map_figure(analysis, layout, loc, s)
        elif name == "target_png":
            fig = _target_figure(analysis, layout, loc, s)
        elif name == "numbers_png":
            return save_picture(name, numbers_png(analysis.region, analysis.network, loc), out_dir)
        else:
            raise ValueError(f"unknown picture {name!r}; choose from {PICTURES}")
        return save_picture(name, _png(fig), out_dir)


def save_picture(name: str, data: bytes, out_dir: Path) -> dict[str, Path]:
    """Write picture ``name`` of :data:`PICTURES` (``numbers_png`` -> ``numbers.png``), drawn already as ``data``."""
    path = Path(out_dir) / name.replace("_png", ".png")
    path.write_bytes(data)
    return {name: path}


def numbers_png(region: Region, net: TieNetwork, loc: Locale) -> bytes:
    """``numbers.png`` as PNG bytes: the number and name of every actor. It shows the actors (ids, names, groups:
    ``net`` is the region's tie network) and the region's name, nothing the analysis finds, so
    ``ecosystem analyse`` draws it while the analysis runs (``api._drawn_ahead``)."""
    import matplotlib

    with matplotlib.rc_context(RC):
        return _png(_numbers_figure(region, net, loc, loc.section("report")))


def region_target_png(analysis: Analysis, loc: Locale) -> bytes:
    """One arbeidsmarktregio's target view as PNG bytes (the slides' region pages): ``target.png``'s
    drawing of that region's own analysis (``analysis.by_region``), without numbers on the actors it
    does not name, as the report's per-region figures: numbered within the region they would not be
    the numbers of the legend (numbers.png, the slides' legend), which number the whole data set."""
    import matplotlib

    from .layout import compute_layout

    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, analysis.seed,
                            network_view=False)
    with matplotlib.rc_context(RC):
        # the first place named, as the report's region figures: one candidate, or all that share it
        return _png(_target_figure(analysis, layout, loc, loc.section("report"), numbered=False,
                                   named=analysis.first_place))


# --------------------------------------------------------------------------- shared pieces


def _new_figure() -> Figure:
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor=HALO)
    MemoryFontCanvas(fig)
    return fig


# zlib level of the PNG stream: level 3 of rows left unfiltered (below) gives files about a fifth smaller
# than PIL's adaptively filtered level 3, and encodes about three times as fast (issue 10; the pixels do not
# depend on it).
PNG_COMPRESS_LEVEL = 3


def _png(fig: Figure) -> bytes:
    """The figure as PNG bytes (:func:`png_bytes`): its Agg canvas drawn (the figure has the PNG's size,
    dpi and background, as ``savefig`` would draw it) and its pixels encoded where they lie."""
    fig.canvas.draw()
    return png_bytes(np.asarray(fig.canvas.buffer_rgba())[:, :, :3], DPI)


def png_bytes(rgb: np.ndarray, dpi: float) -> bytes:
    """An (height, width, 3) uint8 picture as PNG bytes: 8-bit RGB (the pictures' background is opaque,
    so an alpha channel would only cost encoding time and bytes), ``dpi`` in the pHYs chunk, no text
    chunk (no software version).

    Every row is stored unfiltered (PNG filter type 0, [1]_ §9) and the stream deflated at
    :data:`PNG_COMPRESS_LEVEL`: these pictures are mostly flat colour, which deflate packs well as it
    is, and PIL, whose encoder tries the five filters on every row, offers no way to skip them
    (``python bench/bench_render.py --png`` compares the two).

    References
    ----------
    .. [1] W3C, Portable Network Graphics (PNG) Specification (Third Edition), 2025.
    """
    import struct
    import zlib

    height, width, _ = rgb.shape
    rows = np.empty((height, 1 + 3 * width), dtype=np.uint8)
    rows[:, 0] = 0                                                 # each row's filter type: none
    # The pixels copied once, into a view of the rows after their filter byte (rgb may be a strided view:
    # the canvas's RGBA without its A), a channel at a time: numpy copies three single bytes at a stride
    # five times as fast as 3-byte pixels (8 against 1.5 ms a picture, issue 10).
    pixels = np.ndarray((height, width, 3), np.uint8, rows, offset=1, strides=(rows.strides[0], 3, 1))
    for channel in range(3):
        pixels[:, :, channel] = rgb[:, :, channel]

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    per_metre = round(dpi / 0.0254)
    return b"".join((b"\x89PNG\r\n\x1a\n",
                     chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),    # 8-bit RGB
                     chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),            # 1: per metre
                     chunk(b"IDAT", zlib.compress(rows, PNG_COMPRESS_LEVEL)),
                     chunk(b"IEND", b"")))


def _sizes(degree: np.ndarray, big: bool, scale: float = 1.0) -> np.ndarray:
    """Marker areas (points^2, as ``scatter`` takes them) by number of partners (``layout.marker_radii``:
    radii in points), times ``scale``."""
    small, large = (0.9, 2.7) if big else (2.35, 9.2)
    return scale * (2 * marker_radii(degree, small, large)) ** 2


def _segments(analysis: Analysis, xy: np.ndarray) -> np.ndarray:
    edges = np.array([e.tuple for e in analysis.network.ties.es], dtype=int).reshape(-1, 2)
    if len(edges) > EDGES_MAX:
        edges = edges[np.linspace(0, len(edges) - 1, EDGES_MAX).astype(int)]
    return np.stack([xy[edges[:, 0]], xy[edges[:, 1]]], axis=1) if len(edges) else np.zeros((0, 2, 2))


def _draw_actors(ax, analysis: Analysis, xy: np.ndarray, big: bool, scale: float = 1.0) -> np.ndarray:
    """Draw the markers; returns their areas (points^2) by actor."""
    net = analysis.network
    degree = np.asarray(analysis.centralities.degree, dtype=float)
    core = np.asarray(analysis.core.core, dtype=bool)
    order = sorted(range(net.n), key=lambda v: (bool(core[v]), degree[v], net.ids[v]))
    if not order:
        return np.zeros(0)
    sizes = _sizes(degree, big, scale)
    ax.scatter(xy[order, 0], xy[order, 1], s=sizes[order],
               c=[group_color(net.groups[v]) for v in order],
               edgecolors=[INK if core[v] else HALO for v in order],
               linewidths=[(1.2 if big else 2.0) if core[v] else (0.3 if big else 0.8) for v in order], zorder=3)
    return sizes


# --------------------------------------------------------------------------- badges and name labels
# Placement is ``layout.LabelPlacer`` (shared with the report's target view), in display pixels here.

_LABEL_GAPS = (2.0, 14.0, 30.0, 50.0, 75.0, 105.0, 140.0, 180.0, 230.0)   # pixels between marker and label
_BADGE_GAPS = (1.0, 10.0, 22.0, 36.0)
_PAD = 2.0                                                               # pixels kept free around every box


def _marker_geometry(ax, analysis: Analysis, xy: np.ndarray, sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Marker centres and outer radii in display pixels."""
    px = DPI / 72.0
    core = np.asarray(analysis.core.core, dtype=bool)
    centres = ax.transData.transform(xy) if len(xy) else np.zeros((0, 2))
    radii = (np.sqrt(sizes) / 2 + np.where(core, 1.0, 0.4)) * px
    return centres, radii


class _TextSizes:
    """Sizes in display pixels of texts as ``fig.text(0, 0, text, **props)`` would draw them on ``fig``.

    One probe text per set of properties, measured again for each text, instead of a text added to the
    figure and removed for each measurement: a fifth of the time (0.05 against 0.22 ms; map.png measures
    a hundred numbers and names, issue 10), the same boxes (tests/test_picture_titles.py).
    """

    def __init__(self, fig: Figure):
        self._fig, self._probes = fig, {}

    def __call__(self, text: str, **props) -> tuple[float, float]:
        key = tuple(sorted(props.items()))
        probe = self._probes.get(key)
        if probe is None:
            probe = self._probes[key] = Text(0, 0, "", transform=self._fig.transSubfigure, **props)
            probe.set_figure(self._fig)
        probe.set_text(text)
        box = probe.get_window_extent(self._fig.canvas.get_renderer())
        return box.width, box.height


def _leader(ax, x: float, y: float, r: float, end: Sequence[float], **line) -> None:
    """The leader line from the edge of the marker at display pixels (x, y), radius ``r``, to ``end`` on its
    label's outline (``layout.leader_line``: where the line towards the label's centre enters its box, the
    line the report's target view draws), drawn under the label (added before it at the same ``zorder``).

    A plain line, not an annotation's arrow: matplotlib finds an arrow's ends by bisecting the label's
    outline, which took a quarter of map.png's drawing time (issue 10).
    """
    ex, ey = float(end[0]), float(end[1])
    start = _towards(x, y, ex, ey, r)
    to_data = ax.transData.inverted()
    (x0, y0), (x1, y1) = to_data.transform([start, (ex, ey)])
    ax.add_line(Line2D([x0, x1], [y0, y1], solid_capstyle="butt", **line))


def _towards(x: float, y: float, tx: float, ty: float, d: float) -> tuple[float, float]:
    """The point ``d`` pixels from (x, y) towards (tx, ty) ((x, y) itself when they coincide)."""
    length = math.hypot(tx - x, ty - y)
    return (x, y) if length == 0 else (x + (tx - x) * d / length, y + (ty - y) * d / length)


def _offset_points(box: tuple, x: float, y: float) -> tuple[float, float]:
    k = 72.0 / DPI
    return ((box[0] + box[2]) / 2 - x) * k, ((box[1] + box[3]) / 2 - y) * k


def _place_badges(text_size: _TextSizes, ax, placer: LabelPlacer, centres: np.ndarray, radii: np.ndarray,
                  xy: np.ndarray, top: list[int], rank: np.ndarray, loc: Locale) -> dict[int, tuple[float, float, float]]:
    """Badges K1-K2-K3 (C1-C3 in English) for the top candidates, each beside its own marker, none covering
    another; the letter keeps a badge apart from the plain numbers of the other actors (numbers.png). ``rank``:
    each actor's rank with equal scores sharing one (``Orchestrators.shared_rank``), so two equals both carry K1.

    Returns ``{actor: (x, y, radius)}`` of each badge in display pixels.
    """
    if not top:
        return {}
    props = {"fontsize": 9, "fontweight": "bold"}
    w, h = text_size(loc.t("candidate_badge", rank=len(top)), **props)
    pad = 0.25 * props["fontsize"] * DPI / 72
    d = max(w, h) + 2 * pad + 2.0
    badges = {}
    for v in top:
        x, y, r = float(centres[v, 0]), float(centres[v, 1]), float(radii[v])
        ring, box = placer.choose(badge_spots(x, y, r, d, _BADGE_GAPS), True, x, y)
        placer.block(box, leader_line(x, y, box) if ring else None)
        if ring:         # to the badge's circle: its radius is the text's half width and the pad (d - 2) / 2
            cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
            _leader(ax, x, y, r, _towards(cx, cy, x, y, (d - 2) / 2), color=NAVY, lw=1.0, zorder=7)
        ax.annotate(loc.t("candidate_badge", rank=int(rank[v])), (float(xy[v, 0]), float(xy[v, 1])), xytext=_offset_points(box, x, y),
                    textcoords="offset points", ha="center", va="center", color=HALO, zorder=7,
                    annotation_clip=False, bbox={"boxstyle": "circle,pad=0.25", "fc": NAVY, "ec": HALO, "lw": 1.2},
                    **props)
        badges[v] = ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2, d / 2)
    return badges


def _place_labels(text_size: _TextSizes, ax, placer: LabelPlacer, analysis: Analysis, centres: np.ndarray, radii: np.ndarray,
                  top: list[int], others: list[int], badges: dict[int, tuple[float, float, float]]) -> list[int]:
    """Name labels: the top candidates always (bold, beside their badge), then ``others`` where a spot is free.

    Returns the actors that got a label, in placement order.
    """
    actors = analysis.region.actors
    px = DPI / 72.0
    to_data = ax.transData.inverted()
    done = []
    for v in list(top) + [u for u in others if u not in set(top)]:
        strong = v in top
        props = {"fontsize": 8.5 if strong else 7.5, "fontweight": "bold" if strong else "normal",
                 "color": NAVY if strong else INK, "linespacing": 1.05, "parse_math": False,
                 "ha": "center", "va": "center"}
        text = "\n".join(label_lines(actors[v].name))
        w, h = text_size(text, **props)
        pad = 0.18 * props["fontsize"] * px
        w, h = w + 2 * pad, h + 2 * pad
        x, y, r = float(centres[v, 0]), float(centres[v, 1]), float(radii[v])
        facing = placer.outward(x, y)
        if v in badges:   # name the badge: marker - badge - name, read in one line of sight
            bx, by, br = badges[v]
            facing = math.atan2(by - y, bx - x)
            x, y, r = bx, by, br
        found = placer.choose(label_spots(x, y, r, w, h, facing, _LABEL_GAPS), strong, x, y)
        if found is None:
            continue
        ring, box = found
        leader = leader_line(x, y, box) if ring else None
        placer.block(box, leader)
        anchor = tuple(float(c) for c in to_data.transform((x, y)))
        if leader is not None:
            _leader(ax, x, y, r, leader[2:], color=NAVY if strong else MUTED, lw=0.8 if strong else 0.6,
                    zorder=6 if strong else 5)
        ax.annotate(text, anchor, xytext=_offset_points(box, x, y),
                    textcoords="offset points", zorder=6 if strong else 5, annotation_clip=False,
                    bbox={"boxstyle": "round,pad=0.18", "fc": HALO, "ec": "none", "alpha": 0.85}, **props)
        done.append(v)
    return done


def _label_candidates(analysis: Analysis) -> list[int]:
    """Core actors, largest marker (most partners) first, then by coreness and id: the labels of a slide."""
    net = analysis.network
    core = np.asarray(analysis.core.core, dtype=bool)
    coreness = np.nan_to_num(np.asarray(analysis.coreness.coreness, dtype=float))
    degree = np.asarray(analysis.centralities.degree, dtype=float)
    return sorted((v for v in range(net.n) if core[v]), key=lambda v: (-degree[v], -coreness[v], net.ids[v]))


def _annotate(fig: Figure, ax, analysis: Analysis, xy: np.ndarray, sizes: np.ndarray, top: list[int],
              others: list[int], obstacles: list, loc: Locale, numbers: dict[int, int]) -> list[int]:
    """Badges for ``top``, then labels for ``top`` and ``others``, avoiding markers and ``obstacles``,
    then each other actor's number of ``numbers`` (:func:`_numbers`, or none)."""
    if not len(xy):
        return []
    renderer = fig.canvas.get_renderer()
    ax.apply_aspect()
    centres, radii = _marker_geometry(ax, analysis, xy, sizes)
    frame = ax.get_window_extent(renderer)
    placer = LabelPlacer(centres, radii, (frame.x0 + 2, frame.y0 + 2, frame.x1 - 2, frame.y1 - 2), pad=_PAD)
    for artist in obstacles:
        patch = artist.get_bbox_patch() if hasattr(artist, "get_bbox_patch") else None
        if patch is not None:
            artist.update_bbox_position_size(renderer)
            ext = patch.get_window_extent(renderer)
        else:
            ext = artist.get_window_extent(renderer)
        placer.block((ext.x0, ext.y0, ext.x1, ext.y1))
    text_size = _TextSizes(fig)
    badges = _place_badges(text_size, ax, placer, centres, radii, xy, top, analysis.orchestrators.shared_rank, loc)
    done = _place_labels(text_size, ax, placer, analysis, centres, radii, top, others, badges)
    _place_numbers(text_size, ax, placer, centres, radii, xy, numbers, set(done) | set(top))
    return done


def _numbers(analysis: Analysis) -> dict[int, int]:
    """Every actor's number (``layout.actor_numbers``), or none above ``NUMBERS_MAX_ACTORS``."""
    return _numbers_of(analysis.region, analysis.network)


def _numbers_of(region: Region, net: TieNetwork) -> dict[int, int]:
    if net.n > NUMBERS_MAX_ACTORS:
        return {}
    return dict(enumerate(actor_numbers(net.ids, [a.name for a in region.actors], net.groups)))


def _place_numbers(text_size: _TextSizes, ax, placer: LabelPlacer, centres: np.ndarray, radii: np.ndarray, xy: np.ndarray,
                   numbers: dict[int, int], named: set[int]) -> None:
    """Each actor without a name label gets its number beside its marker (numbers.png gives the name)."""
    props = {"fontsize": 5.5, "color": INK, "ha": "center", "va": "center"}
    for v in sorted((v for v in numbers if v not in named), key=lambda v: numbers[v]):
        text = str(numbers[v])
        w, h = text_size(text, **props)
        w, h = w + 2.0, h + 1.0
        x, y, r = float(centres[v, 0]), float(centres[v, 1]), float(radii[v])
        ring, box = placer.choose(label_spots(x, y, r, w, h, placer.outward(x, y), _LABEL_GAPS), True, x, y)
        leader = leader_line(x, y, box) if ring else None
        placer.block(box, leader)
        if leader is not None:
            _leader(ax, x, y, r, leader[2:], color=MUTED, lw=0.4, zorder=4.5)
        ax.annotate(text, (float(xy[v, 0]), float(xy[v, 1])), xytext=_offset_points(box, x, y),
                    textcoords="offset points", zorder=4.5, annotation_clip=False, **props)


def _orchestrator_key(fig: Figure, analysis: Analysis, top: list[int], s: dict, x: float, y: float, loc: Locale,
                      numbered: bool, width: int = 38) -> list:
    """'Strongest orchestrator candidates: K1 name K2 name K3 name' as a text block at (x, y) figure coords,
    and, when other actors carry numbers (``numbered``), one line saying a plain number is another organisation
    and where its name is: numbers.png, and the legend slides of slides.pptx, where the same drawing is shown."""
    if not top:
        return []
    lines = [s["png_orch_key"]]
    rank = analysis.orchestrators.shared_rank       # equal scores one rank, as the badges
    for v in top:
        wrapped = textwrap.wrap(analysis.region.actors[v].name, width) or [""]
        lines.append(f"{loc.t('candidate_badge', rank=int(rank[v]))} {wrapped[0]}")
        lines.extend(f"     {rest}" for rest in wrapped[1:])
    if numbered:
        lines.extend(textwrap.wrap(badge_key("candidate_badge_png", [int(rank[v]) for v in top], loc,
                                             legend=loc.t("slide_legend")), width))
    return [fig.text(x, y, lines[0], ha="left", va="top", fontsize=10, fontweight="bold", color=NAVY),
            fig.text(x, y - 0.035, "\n".join(lines[1:]), ha="left", va="top", fontsize=9.5, color=INK,
                     linespacing=1.45, parse_math=False)]


def _group_handles(analysis: Analysis, loc: Locale, s: dict) -> list[Line2D]:
    groups = analysis.network.groups
    present = [g for g in GROUPS if g in set(groups)] + sorted(set(groups) - set(GROUPS))
    handles = [Line2D([], [], marker="o", linestyle="none", markersize=9,
                      markerfacecolor=group_color(g), markeredgecolor=HALO,
                      label=f"{loc.group(g)} ({groups.count(g)})") for g in present]
    handles.append(_core_handle(s))
    return handles


def _core_handle(s: dict) -> Line2D:
    return Line2D([], [], marker="o", linestyle="none", markersize=9, markerfacecolor=HALO,
                  markeredgecolor=INK, markeredgewidth=2.0, label=s["png_core_marker"])


def _title(fig: Figure, text: str, note: str) -> None:
    """The picture's title and, under it, ``note``, wrapped to the header's width as the glyphs are drawn
    (:func:`_wrapped`) and kept above ``HEADER_BOTTOM``: the title at the largest of ``TITLE_SIZES`` at which it
    and the note fit, on as many lines as it needs; the note on at most ``NOTE_LINES`` lines. A title too long
    for the header even at the smallest size is shown on the lines that fit, the last ending in '…'."""
    renderer = fig.canvas.get_renderer()
    width = (HEADER_RIGHT - HEADER_LEFT) * fig.bbox.width
    props = {"ha": "left", "va": "top", "parse_math": False}
    shown_note = "\n".join(_wrapped(fig, " ".join(note.split()), width, NOTE_LINES, fontsize=NOTE_SIZE)) if note else ""

    def drawn(size: float, most: int | None, last: bool = False) -> bool:
        """Draw the header with the title at ``size`` on at most ``most`` lines; True (and kept) if it fits."""
        title = fig.text(HEADER_LEFT, HEADER_TOP, "\n".join(_wrapped(fig, text, width, most, fontsize=size,
                                                                     fontweight="bold")),
                         fontsize=size, fontweight="bold", color=NAVY, **props)
        texts = [title]
        if shown_note:                     # under the title's last line, with a small gap
            y = title.get_window_extent(renderer).y0 - 0.3 * NOTE_SIZE * DPI / 72
            texts.append(fig.text(HEADER_LEFT, y / fig.bbox.height, shown_note, fontsize=NOTE_SIZE, color=MUTED,
                                  linespacing=1.3, **props))
        if last or texts[-1].get_window_extent(renderer).y0 >= HEADER_BOTTOM * fig.bbox.height:
            return True
        for t in texts:
            t.remove()
        return False

    if any(drawn(size, None) for size in TITLE_SIZES):
        return
    smallest = TITLE_SIZES[-1]
    lines = len(_wrapped(fig, text, width, None, fontsize=smallest, fontweight="bold"))
    any(drawn(smallest, most, last=most == 1) for most in range(max(lines - 1, 1), 0, -1))


def _wrapped(fig: Figure, text: str, width: float, most: int | None, **font) -> list[str]:
    """``text``'s words on lines no wider than ``width`` pixels as drawn in ``font`` (the figure's renderer
    measures them); a word wider than a line is broken inside. With ``most`` lines at most, the last shown
    line ends in ' …' when words are left over.

    Greedy, as a person wraps: each line takes as many of the next words as fit. A line's drawn width
    grows with every word added (its glyphs' extent only widens), so "as many as fit" is found from a
    guess (the glyphs' advance widths added up, :func:`_advance_widths`) and two or three measurements
    around it, not by measuring the line again after every word (which took a fifth of a picture's
    drawing time); the lines are those of adding word after word (tests/test_picture_titles.py).
    """
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()
    prop = FontProperties(size=font.get("fontsize"), weight=font.get("fontweight", "normal"))
    advance = _advance_widths(prop, renderer.dpi)

    def fits(line: str) -> bool:
        return renderer.get_text_width_height_descent(line, prop, ismath=False)[0] <= width

    def longest(word: str, end: str = "") -> int:
        """How many of ``word``'s first characters fit on a line followed by ``end`` (at least one)."""
        lo, hi = 1, len(word)
        while lo < hi:                                  # a binary search: the widths grow with the prefix
            mid = (lo + hi + 1) // 2
            lo, hi = (mid, hi) if fits(word[:mid] + end) else (lo, mid - 1)
        return lo

    def joined(line: str, start: int) -> int:
        """How many of the words from ``start`` on fit after ``line`` (0: not the next one)."""
        def with_next(k: int) -> str:
            return " ".join((line, *words[start:start + k]))
        left, k = width - sum(map(advance, line)), 0       # the guess: advance widths added up
        for word in words[start:]:
            left -= advance(" ") + sum(map(advance, word))
            if left < 0:
                break
            k += 1
        if k and not fits(with_next(k)):
            k -= 1
            while k and not fits(with_next(k)):
                k -= 1
            return k
        while start + k < len(words) and fits(with_next(k + 1)):
            k += 1
        return k

    words = text.split()
    lines: list[str] = []
    start = 0
    while start < len(words) and not (most is not None and len(lines) > most):  # enough to know words are left
        word = words[start]
        start += 1
        while not fits(word) and len(word) > 1:         # a word longer than a line: broken where it must be
            cut = longest(word)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
        k = joined(word, start)                         # the next words that fit on its line
        if k:
            lines[-1] = " ".join((word, *words[start:start + k]))
            start += k
    if most is not None and len(lines) > most:
        lines = lines[:most]
        last = lines[-1].split(" ")
        while len(last) > 1 and not fits(" ".join(last) + " \u2026"):
            last.pop()
        if len(last) == 1:                              # one word: as much of it as fits with its '…'
            last = [last[0][:longest(last[0], " \u2026")]]
        lines[-1] = " ".join(last) + " \u2026"
    return lines or [""]


def _advance_widths(prop, dpi: float):
    """A function giving a character's advance width in pixels in font ``prop`` at ``dpi`` (cached per
    character): the pen's step after it, without kerning. Only :func:`_wrapped`'s guess uses it."""
    import warnings

    from matplotlib.font_manager import findfont, get_font

    # the font the canvas draws with (fonts.MemoryFontCanvas): read from memory, or matplotlib's where it is
    path, size, known = font_path(prop), prop.get_size_in_points(), {}
    opened, path = (face, path) if path is not None else (get_font, findfont(prop))

    def advance(char: str) -> float:
        if char not in known:
            font = opened(path)           # shared with the renderer, which sets its own size before measuring
            font.set_size(size, dpi)
            with warnings.catch_warnings():   # a glyph the font lacks: the drawing warns of it, once
                warnings.simplefilter("ignore")
                known[char] = font.load_char(ord(char)).linearHoriAdvance / 65536   # unhinted whatever the flags
        return known[char]
    return advance


def _subtitle(meta, loc: Locale) -> str:
    """The line under a picture's title: that it is anonymous (--anonymise), then region.toml's note."""
    return " ".join(filter(None, (anonymised_line(meta, loc), meta.note)))


def _fit(ax, xy: np.ndarray, box_px: tuple[float, float], pad: float = 0.06) -> None:
    """Equal-aspect limits around the points, filling an axes of ``box_px`` (width, height) pixels."""
    if len(xy):
        (x0, y0), (x1, y1) = xy.min(axis=0), xy.max(axis=0)
    else:
        x0 = y0 = -1.0
        x1 = y1 = 1.0
    w, h = max(x1 - x0, 1e-9), max(y1 - y0, 1e-9)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    scale = max(w / box_px[0], h / box_px[1]) * (1 + 2 * pad)
    ax.set_xlim(cx - scale * box_px[0] / 2, cx + scale * box_px[0] / 2)
    ax.set_ylim(cy - scale * box_px[1] / 2, cy + scale * box_px[1] / 2)


# --------------------------------------------------------------------------- map.png


def _map_figure(analysis: Analysis, layout: Layout, loc: Locale, s: dict) -> Figure:
    fig = _new_figure()
    rect = (0.01, 0.02, 0.69, 0.86)
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    net = analysis.network
    big = net.n > LABELS_MAX_ACTORS
    xy = np.asarray(layout.network, dtype=float).reshape(-1, 2).copy()
    xy[:, 1] = -xy[:, 1]            # screen orientation (y down), as in the interactive map
    _fit(ax, xy, (rect[2] * WIDTH_PX, rect[3] * HEIGHT_PX))
    segments = _segments(analysis, xy)
    if len(segments):
        ax.add_collection(LineCollection(segments, colors=NETWORK_TIE, linewidths=0.3 if big else 0.6,
                                         alpha=0.25 if big else 0.45, zorder=1))
    sizes = _draw_actors(ax, analysis, xy, big)
    top = analysis.candidates[:NAMED_CANDIDATES]
    others = _label_candidates(analysis) if net.n <= LABEL_CORE_MAX_ACTORS else []
    numbers = _numbers(analysis)
    _annotate(fig, ax, analysis, xy, sizes, top, others, [], loc, numbers)
    _title(fig, s["png_map_title"].format(region=analysis.region.meta.name), _subtitle(analysis.region.meta, loc))
    legend = fig.legend(handles=_group_handles(analysis, loc, s), loc="upper left", bbox_to_anchor=(0.72, 0.86),
                        frameon=False, fontsize=10, labelspacing=0.8, handletextpad=0.4, borderaxespad=0)
    box = legend.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    note = "\n".join(textwrap.wrap(s["png_size_note"], 40))
    fig.text(box.x0, box.y0 - 0.015, note, fontsize=9, color=MUTED, ha="left", va="top", linespacing=1.3)
    _orchestrator_key(fig, analysis, top, s, box.x0, box.y0 - 0.015 - 0.03 * (note.count("\n") + 1) - 0.04, loc,
                      bool(numbers))
    return fig


# --------------------------------------------------------------------------- target.png


_HA = {"start": "left", "middle": "center", "end": "right"}
_VA = {"top": "top", "middle": "center", "bottom": "bottom"}


def _target_figure(analysis: Analysis, layout: Layout, loc: Locale, s: dict, numbered: bool = True,
                   named: Sequence[int] | None = None) -> Figure:
    """target.png's drawing; with ``numbered`` False no actor carries a number (the slides' region pictures).
    ``named`` are the candidates it names (default: the strongest :data:`NAMED_CANDIDATES`)."""
    fig = _new_figure()
    rect = (0.0, 0.0, 1.0, 0.90)
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    net = analysis.network
    big = net.n > LABELS_MAX_ACTORS
    xy = np.asarray(layout.target, dtype=float).reshape(-1, 2).copy()
    xy[:, 1] = -xy[:, 1]            # layout angles are screen angles (y down): first sector at the top
    radii = sorted(layout.ring_radii)
    outer = radii[-1]
    half_h = outer * 1.13
    half_w = half_h * (rect[2] * WIDTH_PX) / (rect[3] * HEIGHT_PX)
    ax.set_xlim(-half_w, half_w)
    ax.set_ylim(-half_h, half_h)
    ax.set_aspect("equal")
    # outer disc = periphery band, inner disc = core band; the core ring is the core/periphery boundary
    for k, r in enumerate(sorted(radii, reverse=True)):
        outermost = k == 0
        ax.add_patch(Circle((0, 0), r, facecolor=PERIPHERY_FILL if outermost else CORE_FILL,
                            edgecolor=RING if outermost else NAVY, linewidth=1.2 if outermost else 1.6,
                            linestyle="-" if outermost else (0, (6, 3)), zorder=0))
    for b in sector_boundaries(layout):
        ax.plot([INNER * CANVAS * math.cos(b), outer * math.cos(b)],
                [-INNER * CANVAS * math.sin(b), -outer * math.sin(b)], color=HALO, linewidth=3, zorder=0.5)
    if 0 < net.ties.ecount() <= TARGET_EDGES_MAX:
        ax.add_collection(LineCollection(_segments(analysis, xy), colors=TIE, linewidths=0.5, alpha=0.25,
                                         zorder=1))
    sizes = _draw_actors(ax, analysis, xy, big, TARGET_MARKER_SCALE)
    # Ring labels on the vertical line at the top (a sector boundary).
    halo = {"boxstyle": "round,pad=0.2", "fc": HALO, "ec": "none", "alpha": 0.85}
    fixed = [ax.text(0, radii[0] - 0.04 * outer, s["ring_core"], ha="center", va="top", fontsize=11,
                     style="italic", color=NAVY, zorder=4, bbox=halo),
             ax.text(0, outer - 0.04 * outer, s["ring_periphery"], ha="center", va="top", fontsize=11,
                     style="italic", color=MUTED, zorder=4, bbox=halo)]
    # sector titles: geometry from layout.sector_titles (the same as the report and the map); y flipped
    for title in sector_titles(layout, sector_title_texts(net.groups, loc)):
        fixed.append(ax.text(title.x, -title.y, "\n".join(title.lines), ha=_HA[title.align], va=_VA[title.baseline],
                             fontsize=11.5, fontweight="bold", color=INK, zorder=4, linespacing=1.1,
                             parse_math=False, bbox={"boxstyle": "round,pad=0.35", "fc": HALO,
                                                     "ec": group_color(title.group), "lw": 2.0}))
    top = list(analysis.candidates[:NAMED_CANDIDATES] if named is None else named)
    _title(fig, s["png_target_title"].format(region=analysis.region.meta.name), _subtitle(analysis.region.meta, loc))
    numbers = _numbers(analysis) if numbered else {}
    fixed += _orchestrator_key(fig, analysis, top, s, 0.015, 0.29 if numbers else 0.20, loc, bool(numbers), width=34)
    legend = fig.legend(handles=[_core_handle(s)], loc="lower right", bbox_to_anchor=(0.99, 0.05), frameon=False,
                        fontsize=9.5, borderaxespad=0)
    legend.set_zorder(6)
    fixed += [legend, fig.text(0.99, 0.02, s["png_size_note"], fontsize=9, color=MUTED, ha="right", va="bottom")]
    _annotate(fig, ax, analysis, xy, sizes, top, [], fixed, loc, numbers)
    return fig


# --------------------------------------------------------------------------- numbers.png


def _numbers_figure(region: Region, net: TieNetwork, loc: Locale, s: dict) -> Figure:
    """Number and name of every actor, per group in sector order, in columns (the key to the pictures)."""
    fig = _new_figure()
    _title(fig, s["png_numbers_title"].format(region=region.meta.name), _subtitle(region.meta, loc))
    numbers = _numbers_of(region, net)
    if not numbers:
        fig.text(0.02, 0.85, s["png_numbers_none"].format(limit=NUMBERS_MAX_ACTORS), fontsize=10, color=MUTED,
                 ha="left", va="top")
        return fig
    names = [a.name for a in region.actors]
    key = number_key([numbers[v] for v in range(net.n)], names, net.groups, ())
    lines = sum(len(rows) + 1.5 for _, rows in key)
    fontsize = 8.0 if lines <= 6 * 45 else 6.0
    line_h = fontsize * 1.45 / 72 * DPI / HEIGHT_PX          # figure fraction per line
    top, bottom = (0.865 if _subtitle(region.meta, loc) else 0.88), 0.02    # below the subtitle's lines, if any
    rows_per_col = max(1, int((top - bottom) / line_h))
    columns = max(1, math.ceil(lines / rows_per_col))
    col_w = 0.96 / columns
    chars = max(8, int(col_w * WIDTH_PX / (fontsize * 0.6 * DPI / 72)) - 5)
    col, row = 0, 0.0

    def at() -> tuple[float, float]:
        return 0.02 + col * col_w, top - row * line_h

    for g, rows in key:
        if row + 2.5 > rows_per_col:
            col, row = col + 1, 0.0
        x, y = at()
        fig.text(x, y, "\u25cf", fontsize=fontsize + 1, color=group_color(g), ha="left", va="top")
        fig.text(x + 0.012, y, loc.group(g), fontsize=fontsize + 0.5, fontweight="bold", color=INK,
                 ha="left", va="top", parse_math=False)
        row += 1.5
        for number, name in rows:
            if row + 1 > rows_per_col:
                col, row = col + 1, 0.0
            x, y = at()
            short = name if len(name) <= chars else name[:chars - 1].rstrip(" ,-") + "\u2026"
            fig.text(x + 0.025, y, str(number), fontsize=fontsize, fontweight="bold", color=INK, ha="right", va="top")
            fig.text(x + 0.03, y, short, fontsize=fontsize, color=INK, ha="left", va="top", parse_math=False)
            row += 1
    return fig
