"""Benchmark: generate a synthetic region of N actors and time `ecosystem analyse` end to end.

Usage::

    python bench/bench.py                 # Brabant example, then 100, 1,000 and 10,000 actors
    python bench/bench.py --sizes 100 500 --repeat 3

The synthetic region mimics an LLO ecosystem: a core of government and
intermediary actors with dense governance ties, and a periphery of employers,
workers' organisations and schools tied mostly by delivery and referral, about
five relations per actor. Prints a Markdown table for the README.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
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
    """Wall-clock seconds of one `ecosystem analyse` in a fresh process (imports included)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(out), *extra],
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def row(name: str, region: Path, out: Path, extra: list[str], repeat: int) -> str:
    times = [time_analyse(region, out, extra) for _ in range(repeat)]
    summary = json.loads((out / region.name / "summary.json").read_text(encoding="utf-8"))
    stability = summary.get("stability") or {}
    test = summary["core_periphery"]
    return (f"| {name} | {summary['actors']:,} | {summary['relations']:,} | {stability.get('samples', 0)} "
            f"(±{stability.get('standard_error', 0):.2f}) | {test['null_samples']} | {min(times):.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--args", default="", help="extra arguments for `ecosystem analyse`")
    parser.add_argument("--no-brabant", action="store_true", help="skip the Brabant example row")
    options = parser.parse_args()
    extra = options.args.split()
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, "
          f"{platform.python_implementation()} {platform.python_version()}")
    print("| region | actors | relations | bootstrap samples (error) | null graphs | analyse, end to end (s) |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        if not options.no_brabant:
            brabant = Path(__file__).resolve().parent.parent / "regions" / "brabant"
            print(row("Brabant example", brabant, out, extra, options.repeat), flush=True)
        for n in options.sizes:
            region = synthetic_region(Path(tmp) / f"synthetic{n}", n)
            print(row(f"synthetic {n:,}", region, out, extra, options.repeat), flush=True)


if __name__ == "__main__":
    main()
