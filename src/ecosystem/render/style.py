"""One visual style for every drawing: palette, fonts and sizes.

The map (through its payload and CSS custom properties), the report, the change
page and the PNGs all take their colours from here, so a colour is written once:
templates and map.css read CSS custom properties that :func:`css_properties` renders from
the dicts below (``PAGE`` for report and change pages, ``MAP_UI`` for the map's interface),
the map's script reads ``MAP`` in its payload (``STYLE``). The only colour literals left in
the map's script are black as the target of its darkening of group colours (a computation,
not a colour of the palette).
Group colours are the colour-blind-safe Okabe-Ito palette (``GROUP_COLORS``: the vocabulary,
:mod:`ecosystem.vocab`, owns which groups exist, this module how they look).

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""
from __future__ import annotations

# Colour-blind-safe palette (Okabe-Ito), one colour per group of vocab.GROUPS, stable across runs.
GROUP_COLORS: dict[str, str] = {
    "government": "#0072B2",
    "employers": "#E69F00",
    "workers": "#CC79A7",
    "education": "#009E73",
    "intermediaries": "#56B4E9",
    "other": "#999999",
}

__all__ = ["GROUP_COLORS", "FALLBACK", "NAVY", "INK", "MUTED", "PERIPHERY_LIGHT", "RING", "TIE", "NETWORK_TIE", "CORE_FILL",
           "PERIPHERY_FILL", "HALO", "LINE", "GRID", "TRACK", "PERIPHERAL", "FONT_FAMILY", "PAGE_FONT", "STEERING_COLORS", "COMMUNITY_PALETTE", "FOCUS",
           "group_color", "CSS", "PAGE", "MAP_UI", "MAP", "css_properties"]

FALLBACK = "#999999"         # a group key without a colour of its own
NAVY = "#1f3a5f"             # the core: its ring, its label, titles
INK = "#1f2933"              # text and the core actors' border
MUTED = "#5b6875"            # secondary text, the periphery label
PERIPHERY_LIGHT = "#a9bccf"  # the periphery's share in charts
RING = "#b7c3cf"             # the outer (periphery) ring line
TIE = "#7a8a9a"              # ties in the static target view
NETWORK_TIE = "#8a99a8"      # ties in the static network map (map.png), drawn translucent
CORE_FILL = "#e4ebf2"        # the core band of the target view
PERIPHERY_FILL = "#f7f9fb"   # the periphery band of the target view
HALO = "#ffffff"             # the white outline that keeps text readable over lines and circles
LINE = "#d5dbe1"             # table rules and chart axes in the report
GRID = "#e3e7eb"             # chart grid lines in the report
TRACK = "#eef1f4"            # the empty part of a bar in the report's charts
PERIPHERAL = "#b45309"       # a peripheral key group's bar in the report's charts
# The keyboard focus ring on every page: at least 3:1 against each background it is drawn on (white,
# the map's panel #fafafa, the hover grey #f3f4f6; it sits 2 px off accent-coloured buttons, so their
# background is what it meets) (WCAG 1.4.11, 2.4.7).
FOCUS = "#b45309"
FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
PAGE_FONT = '"Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif'   # report, change
# The SCP steering philosophies (analysis/steering.py) in the report's steering chart; each carries its
# share in white (HALO) at 14 px, so each is dark enough for 4.5:1 against white (WCAG 1.4.3).
STEERING_COLORS = {"traditional": "#5f6e7d", "npm": "#9a5b12", "network": "#2f6f9f", "resilience": "#3d7a4f"}
# Colours for groups the payload does not colour (a fallback; every known group has its own).
COMMUNITY_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
                     "#e377c2", "#17becf", "#bcbd22", "#7f7f7f")


def group_color(group: str) -> str:
    """The colour of ``group`` (``FALLBACK`` for a group without one)."""
    return GROUP_COLORS.get(group, FALLBACK)


# The drawing's colours by name, for templates (``style`` in every template) and the map's script.
CSS = {"navy": NAVY, "ink": INK, "muted": MUTED, "periphery": PERIPHERY_LIGHT, "ring": RING, "font": FONT_FAMILY,
       "core_fill": CORE_FILL, "periphery_fill": PERIPHERY_FILL, "halo": HALO}

# The report's and the change page's custom properties (``--name``), rendered by css_properties.
PAGE = {
    "ink": INK, "muted": MUTED, "line": LINE, "soft": "#f3f5f7", "navy": NAVY, "accent": "#2f6f9f",
    "ok": "#2d7b31", "ok-bg": "#e8f3e9", "warn": "#a85a00", "warn-bg": "#fff3e0", "warn-line": "#f0c27a",
    "note": "#fff6dc", "note-line": "#c98a00", "note-ink": "#7a4d00", "attention-bg": "#fff8ee",
    "rule": RING, "desk": "#e9edf1", "paper": "#ffffff", "halo": HALO, "focus": FOCUS, "face": PAGE_FONT,
}

# The map page's interface (map.css): text, lines, controls, the note, focus rings. ``control`` outlines
# the inputs and buttons, so it has 3:1 against the panel and the paper (WCAG 1.4.11).
MAP_UI = {
    "ink": "#111827", "muted": "#4b5563", "line": "#d1d5db", "soft": "#f3f4f6",
    "accent": "#1d4ed8", "accent-ink": "#ffffff", "paper": "#ffffff", "panel": "#fafafa",
    "warn-bg": "#fff3c4", "warn-line": "#b45309", "warn-ink": "#3f2a00",
    "info-bg": "#eef2ff", "info-ink": "#1e1b4b", "info-line": "#c7d2fe",
    "control": "#7c8593", "control-strong": "#6b7280", "rule": "#eceff3", "focus": FOCUS, "error": "#b91c1c",
    "tip": "#1f2937", "tip-ink": "#ffffff", "glass": "rgba(255,255,255,.95)", "glass-soft": "rgba(255,255,255,.85)",
    "face": FONT_FAMILY,
}

# The map's canvas (payload ``style``, read by static/map/*.js as STYLE): colours, the font,
# and the label sizes in screen pixels.
MAP = {
    **CSS,
    "label": "#111111", "leader": "#374151", "ring_label": "#374151", "ring_line": "#9ca3af",
    "label_halo": "rgba(255,255,255,0.95)", "leader_halo": "rgba(255,255,255,0.9)", "veil": "rgba(255,255,255,0.8)",
    "core_border": "#111111", "selected": "#000000", "dim_fill": "#eceff3", "dim_border": "#d5dae1",
    "dim_core_border": "#aab1bb", "edge": "rgba(75,85,99,0.42)", "edge_many": "rgba(75,85,99,0.2)",
    "edge_hot": "#1f2937", "edge_dim": "rgba(170,178,189,0.16)", "edge_selected": "#111111",
    "communities": list(COMMUNITY_PALETTE),
    "face": "system-ui, 'Segoe UI', Roboto, Arial, sans-serif",
    # Label sizes on screen (px): a name is label_em x the page's root font size (17 px, 19 px on wide
    # screens) within [label_min_px, label_max_px], a focused actor's focus_extra_px larger; the target
    # view's placed labels between placed_min_px and placed_max_px; sector titles; ring labels.
    "label_em": 0.9, "label_min_px": 13, "label_max_px": 22, "focus_extra_px": 3,
    "placed_min_px": 12, "placed_max_px": 20, "title_px": 18, "ring_label_px": 15,
}


def css_properties(props: dict[str, str]) -> str:
    """``--name: value;`` for each entry, for a ``:root`` rule (values are this module's constants)."""
    return " ".join(f"--{name}: {value};" for name, value in props.items())
