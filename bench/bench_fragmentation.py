"""Benchmark the what-if pieces (docs/methods.md §16) on bench.py's synthetic region.

Usage::

    python bench/bench_fragmentation.py                 # 300 actors (every removal evaluated)
    python bench/bench_fragmentation.py --actors 3000   # candidate path (50 evaluated)

Prints the time of one DF computation (one all-pairs search), of the pair counts per distance
beside igraph's ``path_length_hist`` (the same counts, checked), of the cut-off table,
of one removal_effect and of key_players with its defaults, and how many actors
key_players evaluated.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import synthetic_region  # noqa: E402

from ecosystem.analysis._compiled import load_kernels  # noqa: E402
from ecosystem.analysis.cut_off import cut_off_by_removal  # noqa: E402
from ecosystem.analysis.fragmentation import distance_fragmentation, pairs_by_distance, removal_effect  # noqa: E402
from ecosystem.analysis.key_players import key_players  # noqa: E402
from ecosystem.analysis.network import build_network  # noqa: E402
from ecosystem.io.region import load_region  # noqa: E402


def timed(label: str, func):
    start = time.perf_counter()
    value = func()
    print(f"| {label} | {time.perf_counter() - start:.3f} |", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=300)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        net = build_network(load_region(synthetic_region(Path(tmp) / "synthetic", options.actors)))
    print(f"{net.n:,} actors, {net.ties.ecount():,} ties\n\n| part | seconds |\n|---|---:|")
    # First, as the analysis does before it forks: numba and the compiled kernels (the search is one).
    timed("loading the compiled kernels (numba's import included)", load_kernels)
    timed("distance-weighted fragmentation (one all-pairs search)", lambda: distance_fragmentation(net.ties))
    # The all-pairs search itself, beside the igraph call whose counts it reproduces.
    simple = net.ties.copy().simplify()
    ours = timed("pair counts per distance (pairs_by_distance)", lambda: pairs_by_distance(simple))
    hist = timed("the same with igraph's path_length_hist", lambda: simple.path_length_hist(directed=False))
    assert ours == {int(start): int(count) for start, _, count in hist.bins() if count}, "counts differ"
    table = timed("cut-off table", lambda: cut_off_by_removal(net.ties))
    timed("removal_effect of one actor", lambda: removal_effect(net.ties, net.groups, {0}))
    result = timed("key_players (defaults)", lambda: key_players(net.ties))
    print(f"\n{len(table)} articulation points, {sum(map(len, table.values()))} table entries; "
          f"key_players evaluated {len(result.evaluated)} of {result.n} ({result.rule})")


if __name__ == "__main__":
    main()
