"""Benchmark the render and write stages of ``analyse`` (every document), apart from the analysis.

Usage::

    python bench/bench_render.py                      # Brabant, 1,000 and 5,000 actors
    python bench/bench_render.py --sizes 1000 --profile

For the Brabant example and bench.py's synthetic regions it analyses once (``--bootstrap``
and ``--null`` samples, default 0 and 1: the analysis is not what is measured here), then
times, in CPU seconds of this process and its workers (so a machine loaded by other work
does not inflate the numbers), rendering plus writing each document of
:data:`ecosystem.render.documents.DOCUMENTS` alone, and the whole set as ``analyse`` does it.
With ``--profile`` it prints the 25 most expensive functions of the whole set (cProfile).
"""
from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import HERE, synthetic_region  # noqa: E402

from ecosystem import api  # noqa: E402
from ecosystem.render.documents import DOCUMENTS  # noqa: E402


def cpu() -> float:
    """User + system CPU seconds of this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(region: Path, out: Path, bootstrap: int, null: int, profile: bool) -> None:
    loaded = api.load(region)
    analysis = api.analyse_loaded(loaded, bootstrap=bootstrap, null_samples=null)
    print(f"\n{region.name}: {analysis.network.n:,} actors\n\n| document | CPU s |\n|---|---:|")
    for name in DOCUMENTS:
        start = cpu()
        api.write(api.render(analysis, only=[name] if name != "slides" else ["pngs", "slides"]), out, region)
        print(f"| {name} | {cpu() - start:.2f} |", flush=True)
    start = cpu()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    api.write(api.render(analysis), out, region)
    if profiler:
        profiler.disable()
    print(f"| **all** | {cpu() - start:.2f} |", flush=True)
    if profiler:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--no-brabant", action="store_true")
    parser.add_argument("--bootstrap", type=int, default=0)
    parser.add_argument("--null", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        regions = [] if options.no_brabant else [HERE.parent / "regions" / "brabant"]
        regions += [synthetic_region(Path(tmp) / f"synthetic{n}", n) for n in options.sizes]
        for region in regions:
            measure(region, out, options.bootstrap, options.null, options.profile)


if __name__ == "__main__":
    main()
