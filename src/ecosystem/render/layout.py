"""Fixed positions for the two map views, computed in Python so the map opens at once.

* Network view: Fruchterman & Reingold (1991) force layout on tie strength, started
  from seeded random positions so the same seed gives the same picture.
* Ecosystem target view: concentric rings, the core in the middle and the
  periphery outside (radius = 1 - coreness), actors in one sector per group. This
  is the study's 'centrum en periferie' drawn literally.

References
----------
Fruchterman, T. M. J. & Reingold, E. M. (1991). Graph drawing by force-directed placement.
Software: Practice and Experience 21(11).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..analysis.network import TieNetwork
from ..seeding import seeded_igraph
from ..vocab import GROUPS

CANVAS = 1000.0          # half-width of the drawing, in vis-network units
INNER = 0.12             # the very centre stays free for readability


@dataclass(frozen=True)
class Layout:
    network: np.ndarray      # n x 2
    target: np.ndarray       # n x 2
    ring_radii: tuple[float, ...]
    sector_angles: dict[str, float]   # group -> angle of the sector's middle (radians)


def force_layout(net: TieNetwork, seed: int) -> np.ndarray:
    n = net.n
    if n == 0:
        return np.zeros((0, 2))
    rng = np.random.default_rng(seed)
    start = rng.uniform(-1, 1, size=(n, 2)).tolist()
    niter = 500 if n <= 2000 else 150
    with seeded_igraph(seed):
        coords = net.ties.layout_fruchterman_reingold(weights="weight", niter=niter, seed=start,
                                                      grid="auto" if n > 1000 else "nogrid")
    xy = np.array(coords.coords, dtype=float)
    xy -= xy.mean(axis=0)
    span = np.abs(xy).max() or 1.0
    return xy / span * CANVAS


def target_layout(net: TieNetwork, coreness: np.ndarray) -> tuple[np.ndarray, dict[str, float]]:
    present = [g for g in GROUPS if g in set(net.groups)]
    width = 2 * math.pi / max(len(present), 1)
    angles = {g: -math.pi / 2 + (i + 0.5) * width for i, g in enumerate(present)}
    xy = np.zeros((net.n, 2))
    for g in present:
        members = sorted((v for v in range(net.n) if net.groups[v] == g),
                         key=lambda v: (-coreness[v], net.ids[v]))
        for k, v in enumerate(members):
            radius = INNER + (1 - INNER) * (1 - float(coreness[v]))
            # Spread members over 80% of the sector; alternate so neighbours in rank do not overlap.
            offset = ((k * 0.618034) % 1.0 - 0.5) * 0.8 * width if len(members) > 1 else 0.0
            angle = angles[g] + offset
            xy[v] = (radius * math.cos(angle) * CANVAS, radius * math.sin(angle) * CANVAS)
    return xy, angles


def compute_layout(net: TieNetwork, coreness: np.ndarray, seed: int) -> Layout:
    target, angles = target_layout(net, coreness)
    radii = tuple(CANVAS * (INNER + (1 - INNER) * r) for r in (0.25, 0.5, 0.75, 1.0))
    return Layout(force_layout(net, seed), target, radii, angles)
