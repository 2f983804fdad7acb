"""Profile the analysis stage (``ecosystem.api.load`` + ``analyse_loaded``) on one synthetic region.

Usage::

    ECOSYSTEM_WORKERS=1 nice python bench/profile_analysis.py --actors 3000
    ECOSYSTEM_WORKERS=1 nice python bench/profile_analysis.py --actors 10000 --top 40

Prints the CPU seconds of the load and analyse stages and, with ``--profile``, the
cProfile functions by cumulative time (the machine may be shared: compare CPU seconds,
not wall clock). The region is bench.py's ``synthetic_region`` (about five relations per actor).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import signal
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import synthetic_region  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=3000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--top", type=int, default=35)
    parser.add_argument("--folder", type=Path, default=None, help="reuse (or create) the region here")
    args = parser.parse_args()
    from ecosystem.cli import _igraph_without_pyplot

    _igraph_without_pyplot()     # as `ecosystem analyse` does: igraph without matplotlib.pyplot (0.2-0.3 s)
    from ecosystem import api

    folder = args.folder or Path(tempfile.mkdtemp()) / f"synthetic{args.actors}"
    if not (folder / "actors.csv").exists():
        synthetic_region(folder, args.actors)
    profiler = cProfile.Profile() if args.profile else None
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler:
        main_pid = os.getpid()

        def stop(signum, frame):    # a time limit (timeout's SIGTERM): print what was spent so far
            if os.getpid() != main_pid:     # a forked pool worker inherited this handler: just go
                os._exit(1)
            profiler.disable()
            print(f"stopped after {time.perf_counter() - wall:.0f} s wall, {time.process_time() - cpu:.0f} CPU s",
                  flush=True)
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)
            sys.stdout.flush()
            os._exit(1)     # not sys.exit: that would wait for the pool's workers to finish

        signal.signal(signal.SIGTERM, stop)
        profiler.enable()
    loaded = api.load(folder, regions_dir=folder.parent)
    load_cpu = time.process_time() - cpu
    analysis = api.analyse_loaded(loaded)
    if profiler:
        profiler.disable()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    print(f"actors {args.actors} relations {len(loaded.region.relations)}: load {load_cpu:.1f} CPU s, "
          f"total {time.process_time() - cpu:.1f} CPU s (+ workers {children.ru_utime + children.ru_stime:.1f}), "
          f"wall {time.perf_counter() - wall:.1f} s, peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"n_null {analysis.core_test.n_null}, resamples "
          f"{analysis.stability.samples if analysis.stability else 0}", flush=True)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
