"""Benchmark: the core/periphery package alone (discrete fit, continuous fit, significance test), CPU seconds.

Usage::

    python bench/bench_core_periphery.py                            # Brabant, 300, 1,000, 3,000 actors
    python bench/bench_core_periphery.py --save /tmp/cp_after.json  # keep the timings and the results
    python bench/bench_core_periphery.py --before /tmp/cp_before.json   # print before / after and check equality

Times :func:`discrete_core_periphery` (10 restarts), :func:`continuous_core_periphery`
(5 restarts) and :func:`core_periphery_test` (3 restarts per fit) with
``time.process_time()`` (CPU milliseconds per call, repeated until 0.3 CPU s are spent, after
``load_compiled()`` has loaded the compiled kernels) on Brabant's network, one of its arbeidsmarktregios (Midden-Brabant) and on bench.py's synthetic regions. The
test runs the analysis's number of null graphs on Brabant and fewer on the synthetic
networks (``N_NULL``), to keep the benchmark short; each null fit is independent,
so the time scales linearly. Everything runs in this one process (no pool).

``--save`` writes the timings and every result (partitions, coreness values, fits,
p-values) as JSON; ``--before`` reads such a file, made by the code before a change (for
example with ``PYTHONPATH=<old checkout>/src``), prints the timings side by side and
fails when any result differs in a single bit (floats are compared by their ``repr``).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from bench import synthetic_region  # noqa: E402

SIZES = (300, 1000, 3000)
# Null graphs per model for the test: the analysis's own number on Brabant, fewer on the larger networks.
N_NULL = {"brabant": 100, "brabant/Midden-Brabant": 100, 300: 10, 1000: 4, 3000: 2}


def _networks(sizes):
    from ecosystem import api
    from ecosystem.analysis.network import build_network

    from ecosystem.analysis.by_region import find_region, sub_region

    brabant = api.load(HERE.parent / "regions" / "brabant", regions_dir=HERE.parent / "regions").region
    nets = {"brabant": build_network(brabant).ties,
            "brabant/Midden-Brabant": build_network(sub_region(brabant, find_region(brabant, "Midden-Brabant"))).ties}
    tmp = Path(tempfile.mkdtemp())
    for n in sizes:
        folder = synthetic_region(tmp / f"synthetic{n}", n)
        nets[n] = build_network(api.load(folder, regions_dir=tmp).region).ties
    return nets


def _timed(fn, budget: float = 0.3):
    """CPU seconds per call of ``fn`` (repeated until ``budget`` CPU seconds are spent) and its result."""
    calls, start = 0, time.process_time()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        while True:
            out = fn()
            calls += 1
            spent = time.process_time() - start
            if spent >= budget:
                return spent / calls, out


def _exact(x):
    """A result as JSON-able values whose equality means bit-for-bit equality."""
    import numpy as np

    if isinstance(x, np.ndarray):
        return [_exact(v) for v in x.tolist()]
    if isinstance(x, float):
        return repr(x)
    return x


def run(sizes) -> dict:
    from ecosystem.analysis.core_periphery import (continuous_core_periphery, core_periphery_test,
                                                   discrete_core_periphery, load_compiled)

    # Load (or, on a new machine, compile) the compiled kernels first: not part of a call's time.
    start = time.perf_counter()
    load_compiled()
    print(f"load_compiled (numba import and compiled kernels' load or compile): "
          f"{time.perf_counter() - start:.2f} s wall", flush=True)
    results = {}
    for name, g in _networks(sizes).items():
        n_null = N_NULL.get(name, 2)
        t_disc, disc = _timed(lambda: discrete_core_periphery(g, "weight", seed=0))
        t_cont, cont = _timed(lambda: continuous_core_periphery(g, "weight", seed=0))
        t_test, test = _timed(lambda: core_periphery_test(g, "weight", seed=0, n_null=n_null))
        key = f"{name} (n={g.vcount()}, m={g.ecount()}, n_null={n_null})"
        results[key] = {
            "seconds": {"discrete": t_disc, "continuous": t_cont, "test": t_test},
            "result": {
                "core": _exact(disc.core), "fit": _exact(disc.fit),
                "coreness": _exact(cont.coreness), "continuous_fit": _exact(cont.fit),
                "observed_fit": _exact(test.observed_fit),
                "density": [_exact(v) for v in (test.density.p_value, test.density.null_mean, test.density.null_sd)],
                "degrees": [_exact(v) for v in (test.degrees.p_value, test.degrees.null_mean, test.degrees.null_sd)],
            },
        }
        print(f"{key}: discrete {1e3 * t_disc:.1f} ms, continuous {1e3 * t_cont:.1f} ms, "
              f"test {1e3 * t_test:.1f} ms", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=list(SIZES))
    parser.add_argument("--save", type=Path, help="write timings and results to this JSON file")
    parser.add_argument("--before", type=Path, help="JSON of an earlier run: compare timings and results")
    args = parser.parse_args()
    results = run(args.sizes)
    if args.save:
        args.save.write_text(json.dumps(results))
    if args.before:
        before = json.loads(args.before.read_text())
        print("\n| network | step | before CPU ms | after CPU ms | speed-up | same result |")
        print("|---|---|---:|---:|---:|---|")
        differ = False
        for key, now in results.items():
            if key not in before:
                continue
            same = now["result"] == before[key]["result"]
            differ |= not same
            for step, t in now["seconds"].items():
                t0 = before[key]["seconds"][step]
                print(f"| {key} | {step} | {1e3 * t0:.1f} | {1e3 * t:.1f} | {t0 / max(t, 1e-9):.1f}x | {'yes' if same else 'NO'} |")
        if differ:
            sys.exit("results differ from the earlier run")


if __name__ == "__main__":
    main()
