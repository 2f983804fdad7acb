"""Static PNG pictures of the ecosystem for slides and memos: map.png and target.png.

``render_pngs(analysis, layout, lang, out_dir)`` draws

* ``map.png``: the network view (force layout), actors coloured by group,
  sized by number of relations, core actors with a dark outline, the three
  strongest orchestrator candidates marked 1-2-3 and named in the legend;
* ``target.png``: the ecosystem target (rings: core in the middle, periphery
  outside, ring labels 'kern'/'periferie'; one labelled sector per group).

Both are 1600 x 1000 pixels at 150 dpi.  Matplotlib is used through
``matplotlib.figure.Figure`` with the Agg canvas only (no pyplot, no global
state), and the PNG metadata carries no software version, so the same input
gives the same bytes.  Names go into the picture as plain text
(``parse_math=False``: a ``$`` in a name stays a ``$``).  Only the three
orchestrator candidates are marked; above ``LABELS_MAX_ACTORS`` actors nothing
is labelled at all.
"""
from __future__ import annotations

import math
import textwrap
from pathlib import Path

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle

from ..analysis.ecosystem import Analysis
from ..i18n import group_label
from ..vocab import GROUP_COLORS, GROUPS
from .i18n_report import strings
from .layout import CANVAS, INNER, Layout, sector_boundaries, with_core
from .tables import candidate_indices

__all__ = ["render_pngs", "WIDTH_PX", "HEIGHT_PX", "DPI"]

WIDTH_PX, HEIGHT_PX, DPI = 1600, 1000, 150
LABELS_MAX_ACTORS = 2000
EDGES_MAX = 20000            # beyond this many ties, draw an evenly spaced (deterministic) subsample
TARGET_EDGES_MAX = 3000      # the target view shows ties only for small networks
TARGET_MARKER_SCALE = 0.6    # smaller markers in the target, where actors share a sector and a band
INK = "#1f2933"
NAVY = "#1f3a5f"
MUTED = "#5b6875"
RC = {"font.family": "DejaVu Sans", "path.simplify": True}   # DejaVu ships with matplotlib


def render_pngs(analysis: Analysis, layout: Layout, lang: str, out_dir: Path) -> dict[str, Path]:
    """Write ``map.png`` and ``target.png`` into ``out_dir``.

    Returns ``{"map_png": <path>, "target_png": <path>}``.
    """
    import matplotlib

    lang = lang if lang in ("nl", "en") else "nl"
    s = strings(lang)
    layout = with_core(layout, analysis.network, analysis.coreness.coreness, analysis.core.core)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context(RC):
        return {
            "map_png": _save(_map_figure(analysis, layout, lang, s), out_dir / "map.png"),
            "target_png": _save(_target_figure(analysis, layout, lang, s), out_dir / "target.png"),
        }


# --------------------------------------------------------------------------- shared pieces


def _new_figure() -> Figure:
    fig = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor="white")
    FigureCanvasAgg(fig)
    return fig


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=DPI, format="png", facecolor="white", metadata={"Software": None})
    return path


def _sizes(degree: np.ndarray, big: bool, scale: float = 1.0) -> np.ndarray:
    """Marker areas (points^2) by number of relations, times ``scale``."""
    top = float(degree.max()) if len(degree) and degree.max() > 0 else 1.0
    lo, hi = (3.0, 30.0) if big else (22.0, 340.0)
    return scale * (lo + (hi - lo) * np.sqrt(degree / top))


def _segments(analysis: Analysis, xy: np.ndarray) -> np.ndarray:
    edges = np.array([e.tuple for e in analysis.network.ties.es], dtype=int).reshape(-1, 2)
    if len(edges) > EDGES_MAX:
        edges = edges[np.linspace(0, len(edges) - 1, EDGES_MAX).astype(int)]
    return np.stack([xy[edges[:, 0]], xy[edges[:, 1]]], axis=1) if len(edges) else np.zeros((0, 2, 2))


def _draw_actors(ax, analysis: Analysis, xy: np.ndarray, big: bool, scale: float = 1.0) -> None:
    net = analysis.network
    degree = np.asarray(analysis.centralities.degree, dtype=float)
    core = np.asarray(analysis.core.core, dtype=bool)
    order = sorted(range(net.n), key=lambda v: (bool(core[v]), degree[v], net.ids[v]))
    if not order:
        return
    sizes = _sizes(degree, big, scale)
    ax.scatter(xy[order, 0], xy[order, 1], s=sizes[order],
               c=[GROUP_COLORS.get(net.groups[v], "#999999") for v in order],
               edgecolors=[INK if core[v] else "white" for v in order],
               linewidths=[(1.2 if big else 2.0) if core[v] else (0.3 if big else 0.8) for v in order], zorder=3)


# Badge offsets in points, tried in this order until a badge clears the ones already placed.
_BADGE_OFFSETS = ((13, 13), (-13, 13), (13, -13), (-13, -13), (0, 19), (0, -19), (19, 0), (-19, 0),
                  (24, 24), (-24, 24), (24, -24), (-24, -24))


def _badges(fig: Figure, ax, analysis: Analysis, xy: np.ndarray) -> list[int]:
    """Mark the top-3 orchestrator candidates with numbered badges that do not cover each other."""
    top = candidate_indices(analysis, 3)
    renderer = fig.canvas.get_renderer()
    placed = []
    for rank, v in enumerate(top, start=1):
        for dx, dy in _BADGE_OFFSETS:
            badge = ax.annotate(str(rank), (float(xy[v, 0]), float(xy[v, 1])), xytext=(dx, dy),
                                textcoords="offset points", ha="center", va="center", fontsize=9,
                                fontweight="bold", color="white", zorder=6, annotation_clip=False,
                                bbox={"boxstyle": "circle,pad=0.25", "fc": NAVY, "ec": "white", "lw": 1.2},
                                arrowprops={"arrowstyle": "-", "color": NAVY, "lw": 1.0, "shrinkA": 0,
                                            "shrinkB": 3})
            box = badge.get_bbox_patch().get_window_extent(renderer)
            if not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            badge.remove()
        else:   # every spot taken: keep the first one
            ax.annotate(str(rank), (float(xy[v, 0]), float(xy[v, 1])), xytext=_BADGE_OFFSETS[0],
                        textcoords="offset points", ha="center", va="center", fontsize=9, fontweight="bold",
                        color="white", zorder=6, annotation_clip=False,
                        bbox={"boxstyle": "circle,pad=0.25", "fc": NAVY, "ec": "white", "lw": 1.2})
    return top


def _orchestrator_key(fig: Figure, analysis: Analysis, top: list[int], s: dict, x: float, y: float,
                      width: int = 38) -> None:
    """'Strongest orchestrator candidates: 1. name 2. name 3. name' as a text block at (x, y) figure coords."""
    if not top:
        return
    lines = [s["png_orch_key"]]
    for rank, v in enumerate(top, start=1):
        wrapped = textwrap.wrap(analysis.region.actors[v].name, width) or [""]
        lines.append(f"{rank}. {wrapped[0]}")
        lines.extend(f"    {rest}" for rest in wrapped[1:])
    fig.text(x, y, lines[0], ha="left", va="top", fontsize=10, fontweight="bold", color=NAVY)
    fig.text(x, y - 0.035, "\n".join(lines[1:]), ha="left", va="top", fontsize=9.5, color=INK,
             linespacing=1.45, parse_math=False)


def _group_handles(analysis: Analysis, lang: str, s: dict) -> list[Line2D]:
    groups = analysis.network.groups
    present = [g for g in GROUPS if g in set(groups)] + sorted(set(groups) - set(GROUPS))
    handles = [Line2D([], [], marker="o", linestyle="none", markersize=9,
                      markerfacecolor=GROUP_COLORS.get(g, "#999999"), markeredgecolor="white",
                      label=f"{group_label(g, lang)} ({groups.count(g)})") for g in present]
    handles.append(_core_handle(s))
    return handles


def _core_handle(s: dict) -> Line2D:
    return Line2D([], [], marker="o", linestyle="none", markersize=9, markerfacecolor="#ffffff",
                  markeredgecolor=INK, markeredgewidth=2.0, label=s["png_core_marker"])


def _title(fig: Figure, text: str, note: str) -> None:
    fig.text(0.02, 0.965, text, ha="left", va="top", fontsize=14, fontweight="bold", color=NAVY,
             parse_math=False)
    if note:
        lines = textwrap.wrap(" ".join(note.split()), 190)
        shown = "\n".join(lines[:2]) + (" …" if len(lines) > 2 else "")
        fig.text(0.02, 0.925, shown, ha="left", va="top", fontsize=8, color=MUTED, parse_math=False,
                 linespacing=1.3)


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


def _map_figure(analysis: Analysis, layout: Layout, lang: str, s: dict) -> Figure:
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
        ax.add_collection(LineCollection(segments, colors="#8a99a8", linewidths=0.3 if big else 0.6,
                                         alpha=0.25 if big else 0.45, zorder=1))
    _draw_actors(ax, analysis, xy, big)
    top = [] if big else _badges(fig, ax, analysis, xy)
    _title(fig, s["png_map_title"].format(region=analysis.region.meta.name), analysis.region.meta.note)
    legend = fig.legend(handles=_group_handles(analysis, lang, s), loc="upper left", bbox_to_anchor=(0.72, 0.86),
                        frameon=False, fontsize=10, labelspacing=0.8, handletextpad=0.4, borderaxespad=0)
    box = legend.get_window_extent(fig.canvas.get_renderer()).transformed(fig.transFigure.inverted())
    fig.text(box.x0, box.y0 - 0.015, s["png_size_note"], fontsize=9, color=MUTED, ha="left", va="top")
    _orchestrator_key(fig, analysis, top, s, box.x0, box.y0 - 0.08)
    return fig


# --------------------------------------------------------------------------- target.png


def _target_figure(analysis: Analysis, layout: Layout, lang: str, s: dict) -> Figure:
    fig = _new_figure()
    rect = (0.0, 0.0, 1.0, 0.90)
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    net = analysis.network
    big = net.n > LABELS_MAX_ACTORS
    xy = np.asarray(layout.target, dtype=float).reshape(-1, 2).copy()
    xy[:, 1] = -xy[:, 1]            # layout angles are screen angles (y down): first sector at the top
    radii = sorted(layout.ring_radii) or [CANVAS]
    outer = radii[-1]
    half_h = outer * 1.13
    half_w = half_h * (rect[2] * WIDTH_PX) / (rect[3] * HEIGHT_PX)
    ax.set_xlim(-half_w, half_w)
    ax.set_ylim(-half_h, half_h)
    ax.set_aspect("equal")
    # outer disc = periphery band, inner disc = core band; the core ring is the core/periphery boundary
    for k, r in enumerate(sorted(radii, reverse=True)):
        outermost = k == 0
        ax.add_patch(Circle((0, 0), r, facecolor="#f7f9fb" if outermost else "#e4ebf2",
                            edgecolor="#b7c3cf" if outermost else NAVY, linewidth=1.2 if outermost else 1.6,
                            linestyle="-" if outermost else (0, (6, 3)), zorder=0))
    for b in sector_boundaries(layout):
        ax.plot([INNER * CANVAS * math.cos(b), outer * math.cos(b)],
                [-INNER * CANVAS * math.sin(b), -outer * math.sin(b)], color="white", linewidth=3, zorder=0.5)
    if 0 < net.ties.ecount() <= TARGET_EDGES_MAX:
        ax.add_collection(LineCollection(_segments(analysis, xy), colors="#7a8a9a", linewidths=0.5, alpha=0.25,
                                         zorder=1))
    _draw_actors(ax, analysis, xy, big, TARGET_MARKER_SCALE)
    # Ring labels on the vertical line at the top (a sector boundary).
    halo = {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85}
    ax.text(0, radii[0] - 0.04 * outer, s["ring_core"], ha="center", va="top", fontsize=11, style="italic",
            color=NAVY, zorder=4, bbox=halo)
    ax.text(0, outer - 0.04 * outer, s["ring_periphery"], ha="center", va="top", fontsize=11, style="italic",
            color=MUTED, zorder=4, bbox=halo)
    counts = {g: net.groups.count(g) for g in layout.sector_angles}
    for g, a in layout.sector_angles.items():
        x, y = 1.05 * outer * math.cos(a), -1.05 * outer * math.sin(a)
        c = math.cos(a)
        ha = "center" if abs(c) < 0.35 else ("left" if c > 0 else "right")
        va = "center" if abs(c) >= 0.35 else ("bottom" if y > 0 else "top")
        ax.text(x, y, f"{group_label(g, lang)} ({counts[g]})", ha=ha, va=va, fontsize=11.5, fontweight="bold",
                color=INK, zorder=4,
                bbox={"boxstyle": "round,pad=0.35", "fc": "white", "ec": GROUP_COLORS.get(g, "#999999"), "lw": 2.0})
    top = [] if big else _badges(fig, ax, analysis, xy)
    _title(fig, s["png_target_title"].format(region=analysis.region.meta.name), analysis.region.meta.note)
    _orchestrator_key(fig, analysis, top, s, 0.015, 0.20, width=34)
    legend = fig.legend(handles=[_core_handle(s)], loc="lower right", bbox_to_anchor=(0.99, 0.05), frameon=False,
                        fontsize=9.5, borderaxespad=0)
    legend.set_zorder(6)
    fig.text(0.99, 0.02, s["png_size_note"], fontsize=9, color=MUTED, ha="right", va="bottom")
    return fig
