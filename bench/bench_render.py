"""Benchmark the render and write stages of ``analyse`` (every document), apart from the analysis.

Usage::

    python bench/bench_render.py                      # Brabant, 1,000 and 5,000 actors
    python bench/bench_render.py --sizes 1000 --profile
    python bench/bench_render.py --sizes 10000 --no-brabant --keep /tmp/after   # then diff -r with another branch's

For the Brabant example and bench.py's synthetic regions it analyses once (``--bootstrap``
and ``--null`` samples, default 0 and 1: the analysis is not what is measured here), then
times, in CPU seconds of this process and its workers (so a machine loaded by other work
does not inflate the numbers), rendering plus writing each document of
:data:`ecosystem.render.documents.DOCUMENTS` alone, and the whole set as ``analyse`` does it.
With ``--profile`` it prints the 25 most expensive functions of the whole set (cProfile; this
process only, not the workers; ``SORT=tottime TOP=40`` in the environment sort and cut the list otherwise). ``--keep DIR`` keeps the whole set of each region in
``DIR/<region>/`` (to compare two branches' files with ``diff -r``); ``--workers N`` sets the
write stage's worker processes (``ECOSYSTEM_WORKERS``; 1 writes every document in this process).
The row *render* is the part of *all* spent in this process before the writing starts (the
summary and the tables; the layout the map, report and PNGs share is a task of the write stage,
``io.outputs.Shared``, and each of those documents' own rows includes it again).
``--cold`` skips the rows per document, so that *all* is measured as ``analyse`` pays it: with
the render and write stages' imports (run it once per region: ``--sizes 1000 --no-brabant``).
``--png`` only compares the PNG encoders on each region's three pictures (PIL's, used before, and
``static_png.png_bytes``): time, size, and that both hold the same pixels.
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

from ecosystem.cli import _igraph_without_pyplot  # noqa: E402

_igraph_without_pyplot()      # as `ecosystem analyse` imports igraph: matplotlib is the render stage's import
from ecosystem import api  # noqa: E402
from ecosystem.render.documents import DOCUMENTS  # noqa: E402


def cpu() -> float:
    """User + system CPU seconds of this process and its finished children."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def measure(region: Path, out: Path, bootstrap: int, null: int, profile: bool, keep: Path | None = None,
            cold: bool = False) -> None:
    loaded = api.load(region)
    analysis = api.analyse_loaded(loaded, bootstrap=bootstrap, null_samples=null)
    print(f"\n{region.name}: {analysis.network.n:,} actors\n\n| document | CPU s |\n|---|---:|")
    for name in () if cold else DOCUMENTS:
        start = cpu()
        api.write(api.render(analysis, only=[name] if name != "slides" else ["pngs", "slides"]), out, region)
        print(f"| {name} | {cpu() - start:.2f} |", flush=True)
    start = cpu()
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    rendered = api.render(analysis)
    render = cpu() - start
    api.write(rendered, keep if keep is not None else out, region)
    if profiler:
        profiler.disable()
    print(f"| **all** | {cpu() - start:.2f} |\n| of which render | {render:.2f} |", flush=True)
    if profiler:
        pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(int(os.environ.get("TOP", "25")))


def compare_png(region: Path, bootstrap: int, null: int, out: Path) -> None:
    """Encode each PNG picture of ``region`` with PIL (what static_png used before issue 10's fourth
    round: adaptive row filters, zlib level 3) and with ``static_png.png_bytes`` (rows unfiltered, the same
    level): best of five milliseconds, kilobytes, and whether both decode to the same pixels."""
    import io
    import time

    import numpy as np
    from PIL import Image

    from ecosystem.locale import Locale
    from ecosystem.render import static_png
    from ecosystem.render.layout import compute_layout

    analysis = api.analyse_loaded(api.load(region), bootstrap=bootstrap, null_samples=null)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, analysis.seed)
    print(f"\n{region.name}: PNG encoding\n\n| picture | PIL (ms) | png_bytes (ms) | PIL (kB) | png_bytes (kB) | same pixels |"
          "\n|---|---:|---:|---:|---:|---|")

    def best(encode) -> tuple[float, bytes]:
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            data = encode()
            runs.append(time.perf_counter() - start)
        return min(runs) * 1000, data

    def pil(rgb: np.ndarray) -> bytes:
        buffer = io.BytesIO()
        Image.fromarray(rgb).save(buffer, format="png", dpi=(static_png.DPI, static_png.DPI),
                                  compress_level=static_png.PNG_COMPRESS_LEVEL)
        return buffer.getvalue()

    for name in static_png.PICTURES:
        path = static_png.render_png(name, analysis, layout, Locale("nl"), out)[name]
        rgb = np.asarray(Image.open(path).convert("RGB"))
        old_ms, old = best(lambda: pil(rgb))
        new_ms, new = best(lambda: static_png.png_bytes(rgb, static_png.DPI))
        same = all(np.array_equal(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")), rgb) for data in (old, new))
        print(f"| {path.name} | {old_ms:.1f} | {new_ms:.1f} | {len(old) / 1000:.0f} | {len(new) / 1000:.0f} | {same} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000])
    parser.add_argument("--no-brabant", action="store_true")
    parser.add_argument("--bootstrap", type=int, default=0)
    parser.add_argument("--null", type=int, default=1)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--keep", type=Path, help="keep each region's whole set in KEEP/<region>/")
    parser.add_argument("--workers", type=int, help="worker processes of the write stage (ECOSYSTEM_WORKERS)")
    parser.add_argument("--cold", action="store_true", help="only the whole set, its imports included")
    parser.add_argument("--png", action="store_true", help="only the PNG encoders compared, per picture")
    options = parser.parse_args()
    if options.workers:
        os.environ["ECOSYSTEM_WORKERS"] = str(options.workers)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out"
        regions = [] if options.no_brabant else [HERE.parent / "regions" / "brabant"]
        regions += [synthetic_region(Path(tmp) / f"synthetic{n}", n) for n in options.sizes]
        for region in regions:
            if options.png:
                compare_png(region, options.bootstrap, options.null, Path(tmp) / "png")
            else:
                measure(region, out, options.bootstrap, options.null, options.profile, options.keep, options.cold)


if __name__ == "__main__":
    main()
