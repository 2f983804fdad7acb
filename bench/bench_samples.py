"""Benchmark the samples an analysis repeats, and the full garbage collections of an analyse run.

Usage::

    python bench/bench_samples.py                   # the Brabant example and its four regions
    python bench/bench_samples.py --actors 1000     # bench.py's synthetic region instead
    PYTHONPATH=<old checkout>/src python bench/bench_samples.py --no-rewire   # the same on older code

Prints, in one process (no workers), the seconds of 100 + 100 resamples (``stability.bootstrap_tasks``)
of the region and of each arbeidsmarktregio alone; the milliseconds per null network of the
degree model's rewiring, the compiled double edge swaps (``core_periphery._degree_swaps``) beside
igraph's ``Graph.rewire`` with the same number of trials; and, from an ``ecosystem analyse`` of the
region in a process of its own, every full (generation 2) collection with its duration, in the command's own
process and in the processes it forks. Best of ``--repeat`` for the timings.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import synthetic_region  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
# Run as the ecosystem command: report each full collection (duration, and whether in the command's own process
# or in one it forked: the analysing process and its workers) on stderr.
GC_PROBE = """
import gc, os, sys, time
started, command = {}, os.getpid()
def probe(phase, info):
    if info["generation"] == 2:
        if phase == "start":
            started["t"] = time.perf_counter()
        else:
            where = "command" if os.getpid() == command else "forked"
            print(f"full collection {1000 * (time.perf_counter() - started['t']):.0f} ms {where}", file=sys.stderr)
gc.callbacks.append(probe)
from ecosystem.cli import run
sys.argv = ["ecosystem", "analyse", sys.argv[1], "--out", sys.argv[2], "--quiet"]
run()
"""


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, help="bench.py's synthetic region of this size (default: Brabant)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-rewire", action="store_true", help="skip the rewiring (code without the compiled swaps)")
    args = parser.parse_args()
    os.environ["ECOSYSTEM_WORKERS"] = "1"
    from ecosystem.cli import _igraph_without_pyplot

    _igraph_without_pyplot()
    import igraph as ig

    from ecosystem import api
    from ecosystem.analysis._compiled import load_kernels
    from ecosystem.analysis.by_region import region_names, sub_region
    from ecosystem.analysis.network import build_network
    from ecosystem.analysis.stability import bootstrap_tasks
    from ecosystem.seeding import seeded_igraph

    with tempfile.TemporaryDirectory() as tmp:
        folder = ROOT / "regions" / "brabant" if args.actors is None else synthetic_region(
            Path(tmp) / f"synthetic{args.actors}", args.actors)
        region = api.load(folder).region
        load_kernels()
        print("| network | actors | 200 resamples (s) |\n|---|---:|---:|")
        regions = [(name, sub_region(region, name)) for name in region_names(region)]
        for name, sub in [("whole", region)] + [(name, sub) for name, sub in regions
                                                 if sub.relations and sub.actors != region.actors]:
            fn, tasks = bootstrap_tasks(sub, 100)
            print(f"| {name} | {len(sub.actors)} | {best(lambda: [fn(t) for t in tasks], args.repeat):.3f} |")
        if not args.no_rewire:
            from ecosystem.analysis.core_periphery._rewiring import double_edge_swaps

            net = build_network(region)
            ends = np.asarray(net.ties.get_edgelist(), dtype=np.int64).reshape(-1, 2)
            trials = 10 * len(ends)

            def igraph_rewire():
                with seeded_igraph(1):
                    ig.Graph(n=net.n, edges=ends.tolist()).rewire(n=trials, allowed_edge_types="simple")
            ours = best(lambda: double_edge_swaps(net.n, ends, trials, np.random.default_rng(1)), args.repeat)
            theirs = best(igraph_rewire, args.repeat)
            print(f"\nrewiring, {trials:,} trials per null network: compiled swaps {1000 * ours:.1f} ms, "
                  f"igraph rewire {1000 * theirs:.1f} ms")
        done = subprocess.run([sys.executable, "-c", GC_PROBE, str(folder), str(Path(tmp) / "out")],
                              capture_output=True, text=True, env={**os.environ, "ECOSYSTEM_WORKERS": "2"})
        collections = [line.split() for line in done.stderr.splitlines() if line.startswith("full collection")]
        for where, label in (("command", "the command's own process"),
                             ("forked", "the processes it forks (analysing, samples, regions, writing)")):
            times = [int(c[2]) for c in collections if c[4] == where]
            print(f"\n{label} (ecosystem analyse, 2 workers): {len(times)} full collections, {sum(times)} ms"
                  + (": " + ", ".join(f"{t} ms" for t in times) if times else ""))


if __name__ == "__main__":
    main()
