"""How many random samples the resampling methods draw, by network size.

Both the bootstrap (stability.py) and the core/periphery significance test
(core_periphery/significance.py) repeat a whole analysis many times. On small networks we can
afford enough repetitions for a tight Monte Carlo error; on large ones we take
fewer and report the error instead of running for hours. The size bands and
counts are documented in docs/methods.md §1.
"""
from __future__ import annotations

SMALL = 300        # actors: a regional ecosystem as coordinators map it
MEDIUM = 2000      # actors: a province or a national sector network


def by_size(n_actors: int, small: int, medium: int, large: int) -> int:
    """Pick ``small`` up to SMALL actors, ``medium`` up to MEDIUM, ``large`` beyond."""
    if n_actors <= SMALL:
        return small
    if n_actors <= MEDIUM:
        return medium
    return large


def bootstrap_samples(n_actors: int) -> int:
    """Resamples for the stability analysis: a +-0.05 error (0.5 / sqrt(100)) on small networks."""
    return by_size(n_actors, 100, 40, 10)


def null_samples(n_actors: int) -> int:
    """Random networks per core/periphery test (density and degrees each): p-value resolution 0.01 on small networks."""
    return by_size(n_actors, 100, 50, 20)
