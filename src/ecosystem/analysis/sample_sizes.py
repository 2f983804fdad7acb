"""How many random samples the resampling methods draw, by network size.

Both the bootstrap (stability.py) and the core/periphery significance test
(core_periphery/significance.py) repeat a whole analysis many times. On small networks we can
afford enough repetitions for tight intervals; on large ones we take fewer and
report the wider intervals instead of running for hours. The size bands and
counts are documented in docs/methods.md §1.
"""
from __future__ import annotations

SMALL = 300        # actors: a regional ecosystem as coordinators map it
MEDIUM = 2000      # actors: a province or a national sector network
# Actors: a national register. Above this even one exact all-pairs path count is too slow (path
# measures are estimated from sampled sources, centrality.SAMPLED_ABOVE), and the 2 x 25
# resamples of the stability bootstrap, each a full core/periphery and orchestrator analysis, would
# take about an hour of CPU at 100,000 actors: by default the bootstrap is off there (ask for it
# with --bootstrap N).
LARGE = 20_000


def by_size(n_actors: int, small: int, medium: int, large: int) -> int:
    """Pick ``small`` up to SMALL actors, ``medium`` up to MEDIUM, ``large`` beyond."""
    if n_actors <= SMALL:
        return small
    if n_actors <= MEDIUM:
        return medium
    return large


MIN_BOOTSTRAP = 25  # a unanimous 25 of 25 has 95% Clopper-Pearson lower bound 0.025 ** (1 / 25) = 0.86 > 0.8


def bootstrap_samples(n_actors: int) -> int:
    """Resamples of each kind for the stability analysis: at least MIN_BOOTSTRAP up to LARGE actors, none beyond.

    100 on small networks: an actor in the core in 90 of 100 samples has 95% Clopper-Pearson interval
    0.82-0.95, so it is called stable; at 25 samples only a unanimous result is. Above LARGE actors
    the bootstrap is off (0): fewer than MIN_BOOTSTRAP resamples could never call anything stable,
    and 25 cost too much (see LARGE).
    """
    if n_actors > LARGE:
        return 0
    return by_size(n_actors, 100, 40, MIN_BOOTSTRAP)


def null_samples(n_actors: int) -> int:
    """Random networks per core/periphery test (density and degrees each): p-value resolution 0.01 on small networks."""
    return by_size(n_actors, 100, 50, 20)
