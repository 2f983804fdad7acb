"""Benchmark the expensive parts of ``analyse`` on one synthetic region, and the pivot estimate's accuracy.

Usage::

    python bench/bench_parts.py              # 10,000 actors
    python bench/bench_parts.py --actors 2000

Prints, for bench.py's synthetic region of N actors: the time of exact betweenness and
harmonic closeness from one compiled search per actor (``exact_path_measures``, in this
process) beside igraph's two calls for the same values (the compiled search's betweenness is
igraph's to the last bit, checked here too), both map layouts, and for the pivot-sampled betweenness used
in resamples and layers above 2,000 actors (docs/methods.md §4) its time, its
correlation with the exact values and its mean relative error on the 50 most
between actors, for three seeds.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import synthetic_region  # noqa: E402

from ecosystem.analysis._compiled import load_kernels  # noqa: E402
from ecosystem.analysis.centrality import PIVOTS, _normalised, betweenness, exact_path_measures  # noqa: E402
from ecosystem.analysis.core_periphery import continuous_core_periphery, discrete_core_periphery  # noqa: E402
from ecosystem.analysis.network import build_network  # noqa: E402
from ecosystem.io.region import load_region  # noqa: E402
from ecosystem.render.layout import compute_layout  # noqa: E402


def timed(label: str, func):
    start = time.perf_counter()
    value = func()
    print(f"| {label} | {time.perf_counter() - start:.2f} |", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        net = build_network(load_region(synthetic_region(Path(tmp) / "synthetic", options.actors)))
    load_kernels()          # numba's import and the compiled code's load are not part of a measure
    print(f"{net.n:,} actors, {net.ties.ecount():,} ties\n\n| part | seconds |\n|---|---:|")
    exact, _ = timed("betweenness and closeness, exact: one compiled search per actor",
                     lambda: exact_path_measures(net, chunk=net.n))
    raw = timed("igraph: betweenness", lambda: np.array(net.ties.betweenness(weights="distance", directed=False)))
    timed("igraph: harmonic closeness", lambda: net.ties.harmonic_centrality(weights="distance", normalized=True))
    print(f"| (betweenness equal to igraph's to the last bit: {np.array_equal(exact, _normalised(raw, net.n))}) | |")
    coreness = continuous_core_periphery(net.ties, "weight").coreness
    core = discrete_core_periphery(net.ties, "weight").core
    timed("both map layouts", lambda: compute_layout(net, coreness, core, seed=0))
    print(f"\n| pivots ({PIVOTS}), seed | seconds | igraph, the same sources (s) | correlation with exact "
          "| mean rel. error, top 50 |")
    print("|---:|---:|---:|---:|---:|")
    top = np.argsort(-exact)[:50]
    for seed in range(3):
        start = time.perf_counter()
        estimate = betweenness(net, pivots=PIVOTS, seed=seed)
        seconds = time.perf_counter() - start
        # The sources betweenness(pivots=...) draws, given to igraph.
        sources = np.sort(np.random.default_rng(seed).choice(net.n, size=PIVOTS, replace=False)).tolist()
        start = time.perf_counter()
        net.ties.betweenness(weights="distance", directed=False, sources=sources)
        theirs = time.perf_counter() - start
        error = np.mean(np.abs(estimate[top] - exact[top]) / exact[top])
        print(f"| {seed} | {seconds:.2f} | {theirs:.2f} | {np.corrcoef(exact, estimate)[0, 1]:.3f} | {error:.3f} |",
              flush=True)


if __name__ == "__main__":
    main()
