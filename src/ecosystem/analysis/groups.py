"""Per actor group: how many actors, how many in the core, and the share in the core.

This is the study's headline made countable: 'three of the four key actor
groups (werkgevers, werkenden, onderwijs) sit in the periphery' (Thunnissen 2021).
A key group is called peripheral when it has no actor in the core, or when its
share in the core is below half the share of all actors in the core: the group
is then clearly under-represented in the centre relative to the ecosystem as a
whole, whatever the size of the core.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..vocab import GROUPS, KEY_GROUPS

UNDER_REPRESENTED = 0.5   # a group holding less than half its 'fair' core share


@dataclass(frozen=True)
class GroupPosition:
    group: str
    actors: int
    in_core: int
    share_in_core: float
    key: bool
    peripheral: bool                # key group with no actor in the core, or under half its fair core share


def group_positions(groups: tuple[str, ...], core: np.ndarray) -> list[GroupPosition]:
    overall = float(np.mean(core)) if len(core) else 0.0
    positions = []
    for g in GROUPS:
        members = [i for i, x in enumerate(groups) if x == g]
        in_core = int(sum(bool(core[i]) for i in members))
        share = in_core / len(members) if members else 0.0
        is_key = g in KEY_GROUPS
        positions.append(GroupPosition(g, len(members), in_core, share, is_key,
                                       is_key and (in_core == 0 or share < UNDER_REPRESENTED * overall)))
    return positions
