"""Reproducible randomness for igraph, which draws from one process-wide generator."""
from __future__ import annotations

import random
from contextlib import contextmanager

import igraph as ig


@contextmanager
def seeded_igraph(seed: int):
    """Run the block with igraph drawing from ``random.Random(seed)``; restore igraph's default after."""
    ig.set_random_number_generator(random.Random(seed))
    try:
        yield
    finally:
        ig.set_random_number_generator(random)
