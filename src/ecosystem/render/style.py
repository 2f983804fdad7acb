"""One visual style for every drawing: palette, fonts and sizes.

The map (through its payload and CSS custom properties), the report, the change
page and the PNGs all take their colours from here, so a colour is written once.
Group colours are the colour-blind-safe Okabe-Ito palette of ``vocab.GROUP_COLORS``
(re-exported here: the vocabulary owns which groups exist, this module how they look).

References
----------
Okabe, M. & Ito, K. (2008). Color Universal Design (CUD): how to make figures and
presentations that are friendly to colorblind people. https://jfly.uni-koeln.de/color/
"""
from __future__ import annotations

from ..vocab import GROUP_COLORS

__all__ = ["GROUP_COLORS", "FALLBACK", "NAVY", "INK", "MUTED", "PERIPHERY_LIGHT", "RING", "TIE", "CORE_FILL", "PERIPHERY_FILL", "FONT_FAMILY",
           "group_color", "CSS"]

FALLBACK = "#999999"         # a group key without a colour of its own
NAVY = "#1f3a5f"             # the core: its ring, its label, titles
INK = "#1f2933"              # text and the core actors' border
MUTED = "#5b6875"            # secondary text, the periphery label
PERIPHERY_LIGHT = "#a9bccf"  # the periphery's share in charts
RING = "#b7c3cf"             # the outer (periphery) ring line
TIE = "#7a8a9a"              # ties in the static target view
CORE_FILL = "#e4ebf2"        # the core band of the target view
PERIPHERY_FILL = "#f7f9fb"   # the periphery band of the target view
FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'


def group_color(group: str) -> str:
    """The colour of ``group`` (``FALLBACK`` for a group without one)."""
    return GROUP_COLORS.get(group, FALLBACK)


# The same colours for templates (CSS custom properties) and the map's script (payload ``style``).
CSS = {"navy": NAVY, "ink": INK, "muted": MUTED, "periphery": PERIPHERY_LIGHT, "ring": RING, "font": FONT_FAMILY,
       "core_fill": CORE_FILL, "periphery_fill": PERIPHERY_FILL}
