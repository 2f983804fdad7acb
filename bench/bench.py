"""Benchmark: generate a synthetic region of N actors and time `ecosystem analyse` end to end.

Usage::

    python bench/bench.py                 # 100, 1,000 and 10,000 actors
    python bench/bench.py --sizes 100 500 --repeat 3

The synthetic region mimics an LLO ecosystem: a core of government and
intermediary actors with dense governance ties, and a periphery of employers,
workers' organisations and schools tied mostly by delivery and referral, about
five relations per actor. Prints a Markdown table for the README.
"""
from __future__ import annotations

import argparse
import csv
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

GROUPS = ("government", "intermediaries", "employers", "workers", "education", "other")
SHARES = (0.12, 0.13, 0.30, 0.08, 0.27, 0.10)
CORE_TYPES = ("governance", "collaboration", "funding")
PERIPHERY_TYPES = ("delivery", "referral", "representation", "advice")


def synthetic_region(folder: Path, n: int, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    groups = rng.choice(len(GROUPS), size=n, p=SHARES)
    core = (groups <= 1) & (rng.random(n) < 0.5)
    core_ids = np.flatnonzero(core)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "name", "group", "type", "scale", "region"])
        for i in range(n):
            w.writerow([f"a{i}", f"Actor {i}", GROUPS[groups[i]], "synthetic", "regional", "Synthetica"])
    seen = set()
    with open(folder / "relations.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["source", "target", "type", "weight"])
        for i in range(n):
            for _ in range(int(rng.integers(1, 5))):
                if core[i] and rng.random() < 0.6:
                    j = int(rng.choice(core_ids))
                    kind = CORE_TYPES[int(rng.integers(len(CORE_TYPES)))]
                elif rng.random() < 0.7 and len(core_ids):
                    j = int(rng.choice(core_ids))
                    kind = PERIPHERY_TYPES[int(rng.integers(len(PERIPHERY_TYPES)))]
                else:
                    j = int(rng.integers(n))
                    kind = PERIPHERY_TYPES[int(rng.integers(len(PERIPHERY_TYPES)))]
                if j == i or (i, j, kind) in seen:
                    continue
                seen.add((i, j, kind))
                w.writerow([f"a{i}", f"a{j}", kind, int(rng.integers(1, 4))])
    return folder


def time_analyse(region: Path, out: Path, extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(out), *extra],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--args", default="", help="extra arguments for `ecosystem analyse`")
    options = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print("| actors | relations | analyse (s) |")
    print("|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in options.sizes:
            region = synthetic_region(Path(tmp) / f"synthetic{n}", n)
            relations = sum(1 for _ in open(region / "relations.csv")) - 1
            times = [time_analyse(region, Path(tmp) / "out", options.args.split()) for _ in range(options.repeat)]
            print(f"| {n:,} | {relations:,} | {min(times):.1f} |", flush=True)


if __name__ == "__main__":
    main()
