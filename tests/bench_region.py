"""A synthetic region large enough that the resampling takes a few seconds (for the progress bar test)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))


def slow_region(folder: Path) -> Path:
    from bench import synthetic_region   # bench/bench.py: the benchmark's own generator

    return synthetic_region(folder, 400, seed=1)
