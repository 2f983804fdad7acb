"""Benchmark: how fast a large map.html is drawn and interactive in headless Chromium.

Usage::

    python bench/bench_map.py                    # 2,000 actors, 3 cold loads, median
    python bench/bench_map.py --actors 500 2000 --repeat 5
    python bench/bench_map.py --pipeline         # the real pipeline on bench.py's synthetic region

Renders a map of N actors (by default the synthetic map payload of the browser
tests, ``tests/browser.py``; with ``--pipeline`` the full ``ecosystem analyse``
output for ``bench.py``'s synthetic region), opens it in the system Chromium
through Playwright (the same launch options as the browser tests, every non-local
request blocked) and measures, in the page's own clock (``performance.now()``,
from navigation start):

* drawn: the first complete drawing is painted (``body[data-ready]``, set one
  animation frame after vis-network's first ``afterDrawing``);
* interactive: drawn + the time to answer the first user action (focus an actor
  and paint the result);
* focus, filter, view: latency of focusing an actor, of hiding and showing one
  relation type, and of switching to the target view and back, each until painted.

Each repeat is a cold load in a fresh browser context; the table shows the median.
Target: drawn and interactive within ``TARGET_MS`` (2 s) for 2,000 actors on a
laptop-class machine (the timing target lives here, not in the tests);
``--strict`` makes the command fail when the target is missed.  Prints a
Markdown table for the README.
"""
from __future__ import annotations

import argparse
import platform
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))      # reuse the browser-test helpers
sys.path.insert(0, str(ROOT / "bench"))

from browser import ALLOWED_SCHEMES, CHROMIUM, CHROMIUM_ARGS, DEFAULT_VIEWPORT, synthetic_payload, typed  # noqa: E402
from ecosystem.locale import Locale

TARGET_MS = 2000

MEASURE_JS = """
async ([id, rtype]) => {
  const m = window.ecosystemMap;
  const painted = () => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  let t = performance.now();
  if (m.focus(id) !== true) throw new Error('focus failed');
  await painted();
  const focus = performance.now() - t;
  m.unfocus(); await painted();
  t = performance.now();
  m.filterRelationType(rtype, false); await painted();
  m.filterRelationType(rtype, true); await painted();
  const filter = performance.now() - t;
  t = performance.now();
  await m.setView('target'); await painted();
  await m.setView('network'); await painted();
  const view = performance.now() - t;
  return {focus, filter, view, nodes: m.drawnNodeCount(), edges: m.drawnEdgeCount()};
}
"""


def synthetic_map(folder: Path, n: int) -> Path:
    """map.html for the browser tests' synthetic payload of ``n`` actors (no hostile names)."""
    from ecosystem.render.map_html import render_map

    path = folder / f"map{n}.html"
    payload = typed(synthetic_payload(n, seed=11, hostile=False, edges_per_node=2.5))
    path.write_text(render_map(payload, loc=Locale("nl")),
                    encoding="utf-8")
    return path


def pipeline_map(folder: Path, n: int) -> Path:
    """map.html from ``ecosystem analyse`` on bench.py's synthetic region of ``n`` actors."""
    from bench import synthetic_region

    from ecosystem.api import analyse

    region = synthetic_region(folder / f"synthetic{n}", n)
    result = analyse(region, out=folder / "out", bootstrap=0, null_samples=1)
    return result.files["map"]


def measure(browser, path: Path) -> dict:
    context = browser.new_context(viewport=DEFAULT_VIEWPORT, device_scale_factor=1, service_workers="block")
    blocked: list[str] = []
    errors: list[str] = []

    def route(r):
        if r.request.url.lower().startswith(ALLOWED_SCHEMES):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort("blockedbyclient")

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=60000)
        page.wait_for_function("() => document.body && document.body.dataset.ready === '1'", timeout=60000)
        drawn = float(page.evaluate("Number(document.body.dataset.readyMs)"))
        n = page.evaluate("window.ecosystemMap.nodeCount()")
        first = page.evaluate("() => { const p = JSON.parse(document.getElementById('data').textContent).payload;"
                              " return [p.nodes[Math.floor(p.nodes.length / 3)].id,"
                              " (p.relation_types[0] || {key: ''}).key, p.edges.length]; }")
        result = page.evaluate(MEASURE_JS, first[:2])
    finally:
        context.close()
    if blocked or errors:
        raise SystemExit(f"the map misbehaved: blocked requests {blocked}, errors {errors}")
    if result["nodes"] != n:
        raise SystemExit(f"only {result['nodes']} of {n} actors drawn")
    return {"actors": n, "relations": first[2], "drawn": drawn, "interactive": drawn + result["focus"],
            "focus": result["focus"], "filter": result["filter"], "view": result["view"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=[2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pipeline", action="store_true",
                        help="benchmark the real `ecosystem analyse` output (slower to prepare)")
    parser.add_argument("--strict", action="store_true",
                        help=f"exit 1 if drawn or interactive exceeds {TARGET_MS} ms at 2,000 actors or fewer")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    missed = False
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"Chromium {CHROMIUM}; median of {options.repeat} cold loads; target: drawn and interactive "
          f"< {TARGET_MS:,} ms at 2,000 actors")
    print("| actors | ties | map.html (MB) | drawn (ms) | interactive (ms) | focus (ms) | filter (ms) "
          "| view switch (ms) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            for n in options.actors:
                path = (pipeline_map if options.pipeline else synthetic_map)(Path(tmp), n)
                runs = [measure(browser, path) for _ in range(options.repeat)]
                med = {k: statistics.median(r[k] for r in runs)
                       for k in ("drawn", "interactive", "focus", "filter", "view")}
                mb = path.stat().st_size / 1e6
                print(f"| {runs[0]['actors']:,} | {runs[0]['relations']:,} | {mb:.1f} | {med['drawn']:.0f} "
                      f"| {med['interactive']:.0f} | {med['focus']:.0f} | {med['filter']:.0f} | {med['view']:.0f} |",
                      flush=True)
                if n <= 2000 and med["interactive"] > TARGET_MS:
                    missed = True
        finally:
            browser.close()
    if missed:
        print(f"target missed: more than {TARGET_MS:,} ms until drawn and interactive", file=sys.stderr)
        if options.strict:
            sys.exit(1)


if __name__ == "__main__":
    main()
