"""Time ``ecosystem validate`` on the Brabant example, in a fresh process as a user runs it.

Usage::

    python bench/bench_validate.py            # 5 runs

Prints the wall-clock time of each run of ``ecosystem validate regions/brabant`` (process start,
imports, loading and checking) and of the in-process call alone.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(runs: int = 5) -> None:
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "ecosystem", "validate", str(ROOT / "regions" / "brabant")],
                       check=True, capture_output=True)
        print(f"process: {time.perf_counter() - start:.2f} s")
    from ecosystem.api import validate

    start = time.perf_counter()
    validate(ROOT / "regions" / "brabant")
    print(f"in process (imports done): {time.perf_counter() - start:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
