"""Per actor group: how many actors, how many in the core, and the share in the core.

This is the study's headline made countable: 'three of the four key actor
groups (werkgevers, werkenden, onderwijs) sit in the periphery' (Thunnissen 2021).
A key group is called peripheral when it has no actor in the core, or when its
share in the core is below half the share of all actors in the core: the group
is then clearly under-represented in the centre relative to the ecosystem as a
whole, whatever the size of the core. When there is no core at all (a network
without a core/periphery shape, docs/methods.md §5), no group is called
peripheral: there is no centre whose seats a group could lack.
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
    peripheral: bool                # key group with no actor in a (non-empty) core, or under half its fair core share


def group_positions(groups: tuple[str, ...], core: np.ndarray) -> list[GroupPosition]:
    return _positions(group_codes(groups), core)


def appearance_codes(labels) -> np.ndarray:
    """Per item of ``labels``, a code numbering the distinct labels in order of first appearance."""
    index: dict = {}
    return np.fromiter((index.setdefault(g, len(index)) for g in labels), dtype=np.int64, count=len(labels))


def group_codes(groups: tuple[str, ...]) -> np.ndarray:
    """Per actor, the index of its group in ``GROUPS`` (``len(GROUPS)`` for a group outside it)."""
    index = {g: i for i, g in enumerate(GROUPS)}
    return np.fromiter((index.get(g, len(GROUPS)) for g in groups), dtype=np.int64, count=len(groups))


def _positions(codes: np.ndarray, core: np.ndarray) -> list[GroupPosition]:
    """:func:`group_positions` of the actors' ``group_codes``."""
    core = np.asarray(core, dtype=bool)
    overall = int(np.count_nonzero(core)) / len(core) if len(core) else 0.0     # the share of actors in the core
    members = np.bincount(codes, minlength=len(GROUPS) + 1).tolist()
    in_core = np.bincount(codes[core], minlength=len(GROUPS) + 1).tolist()
    positions = []
    for i, g in enumerate(GROUPS):
        share = in_core[i] / members[i] if members[i] else 0.0
        is_key = g in KEY_GROUPS
        positions.append(GroupPosition(g, members[i], in_core[i], share, is_key,
                                       is_key and overall > 0
                                       and (in_core[i] == 0 or share < UNDER_REPRESENTED * overall)))
    return positions


def absent_key_groups(positions) -> tuple[str, ...]:
    """The key groups without any organisation in the data, in ``vocab.GROUPS`` order. They count as
    peripheral (no actor in the core), but a sentence says they are absent, not that their seat is too small."""
    return tuple(p.group for p in positions if p.key and p.actors == 0)


def peripheral_key_groups(codes: np.ndarray, core: np.ndarray) -> tuple[str, ...]:
    """The peripheral key groups (:class:`GroupPosition`), sorted by name, of actors with ``group_codes``."""
    return tuple(sorted(p.group for p in _positions(codes, core) if p.key and p.peripheral))


# Key groups as bits (bit k: KEY_GROUPS[k]), so that the key groups an actor meets are one integer.
_SPELLED = tuple(tuple(g for k, g in enumerate(KEY_GROUPS) if mask >> k & 1) for mask in range(1 << len(KEY_GROUPS)))
_COUNT = np.array([len(groups) for groups in _SPELLED], dtype=np.int64)


def key_bits(groups: tuple[str, ...]) -> np.ndarray:
    """Per actor: the bit of its key group (``1 << KEY_GROUPS.index(group)``), 0 for other groups."""
    bit = {g: 1 << k for k, g in enumerate(KEY_GROUPS)}
    return np.fromiter((bit.get(g, 0) for g in groups), dtype=np.int64, count=len(groups))


def spelled(mask: int) -> tuple[str, ...]:
    """The key groups of a bit mask of :func:`key_bits`, in KEY_GROUPS order."""
    return _SPELLED[mask]


def key_group_shares(masks: np.ndarray, present: int) -> np.ndarray:
    """Per actor: the number of key groups in its mask over the ``present`` key groups (0 when none is)."""
    return _COUNT[masks] / present if present else np.zeros(len(masks))
