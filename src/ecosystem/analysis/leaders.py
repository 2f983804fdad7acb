"""Who leads each measure: the 'top actors' lists an output shows beside the core and the candidates.

For degree, betweenness, continuous coreness and the orchestrator score (docs/methods.md
§4, §5, §9), the actors with at least one tie, highest value first; equal values are
ordered by actor id so the list does not depend on row order. An undefined value (NaN)
counts as 0. Deciding who is 'top' is an analysis result: renderers only show it.
"""
from __future__ import annotations

import numpy as np

from .orchestrator import compared

LEADERS_LISTED = 10   # actors per measure


def leaders(values: dict[str, np.ndarray], degree: np.ndarray, ids: tuple[str, ...],
            top: int = LEADERS_LISTED) -> dict[str, tuple[int, ...]]:
    """The ``top`` leading actors (vertex indices, best first) of each measure in ``values``.

    Parameters
    ----------
    values : dict of str to array
        Per measure one value per actor, in vertex order.
    degree : array
        Number of ties per actor; actors without a tie are never listed.
    ids : tuple of str
        Actor ids, the tie-break.
    top : int
        How many to list per measure.

    Returns
    -------
    dict of str to tuple of int
        Per measure, the vertex indices in order.
    """
    listed = {}
    for key, raw in values.items():
        v = compared(np.nan_to_num(np.asarray(raw, dtype=float), nan=0.0))    # equal values tie, in id order
        order = sorted((i for i in range(len(ids)) if degree[i] > 0), key=lambda i: (-v[i], ids[i]))
        listed[key] = tuple(order[:top])
    return listed


def tied_beyond(raw: np.ndarray, degree: np.ndarray, shown: tuple[int, ...]) -> tuple[int, ...]:
    """The actors with a tie whose value equals the last listed one's (as :func:`leaders` compares values)
    but who are not in the list ``shown``: a list cut at its length leaves them out by id alone, so the list
    says so. In vertex (id) order; empty when the list does not end inside a group of equal values."""
    if not shown:
        return ()
    v = compared(np.nan_to_num(np.asarray(raw, dtype=float), nan=0.0))
    last, listed = v[shown[-1]], set(shown)
    return tuple(i for i in range(len(v)) if degree[i] > 0 and v[i] == last and i not in listed)
