"""Time ``ecosystem validate`` on the Brabant example, in a fresh process as a user runs it.

Usage::

    python bench/bench_validate.py            # 5 runs
    python bench/bench_validate.py 1 --unknown 3000   # and a region whose relations name no actor id

Prints the wall-clock time of each run of ``ecosystem validate regions/brabant`` (process start,
imports, loading and checking) and of the in-process call alone. With ``--unknown N`` it also
times one run on a generated region of N actors and N relations whose sources are all unknown
(a third the actor's name instead of its id, a third a typo in the id, a third the name in
capitals): the case where every value gets a suggestion (``io.validate.ActorSuggestions``).
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def unknown_ids_region(folder: Path, n: int) -> Path:
    """A region of ``n`` actors and ``n`` relations whose every source is not an actor id."""
    places, kinds = ["Noord", "Zuid", "Oost", "West", "Midden"], ["Gemeente", "Stichting", "ROC", "Bedrijf", "Vakbond"]
    names = {f"org{i:04d}": f"{kinds[i % 5]} {places[i // 5 % 5]} {i}" for i in range(n)}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "actors.csv").write_text("id;naam;groep\n" + "".join(f"{a};{m};overig\n" for a, m in names.items()),
                                       encoding="utf-8")
    sources = [(m, f"orgg{i:04d}", m.upper())[i % 3] for i, m in enumerate(names.values())]
    (folder / "relations.csv").write_text(
        "bron;doel;soort\n" + "".join(f"{s};org{(i + 1) % n:04d};samenwerking\n" for i, s in enumerate(sources)),
        encoding="utf-8")
    return folder


def time_unknown(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = unknown_ids_region(Path(tmp) / "unknown", n)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "ecosystem", "validate", str(folder)], capture_output=True)
        assert done.returncode == 2, done.stderr[-500:]
        print(f"{n} actors, {n} unknown sources: {time.perf_counter() - start:.2f} s (process)")


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
    args = sys.argv[1:]
    if "--unknown" in args:
        at = args.index("--unknown")
        time_unknown(int(args[at + 1]))
        del args[at:at + 2]
    main(int(args[0]) if args else 5)
