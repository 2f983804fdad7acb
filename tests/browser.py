"""Reusable helpers for real-browser tests of the offline HTML outputs.

Usage in a test module::

    from browser import synthetic_payload   # the fixtures come from conftest.py

    def test_something(browser_page, tmp_path):
        path = tmp_path / "map.html"; path.write_text(html, encoding="utf-8")
        browser_page.open(path)
        ...

``browser_page`` launches the system Chromium through Playwright (no browser
downloads are possible on the target machines) and enforces the offline
promise of our HTML: only ``file:``, ``data:``, ``blob:`` and ``about:`` URLs may
load.  Any other request is aborted, recorded and fails the test, as do console
errors, uncaught page errors and any JavaScript dialog (alert/confirm/prompt).

If Chromium is missing or Playwright cannot start it, browser tests are
*skipped* with the reason -- unless ``ECOSYSTEM_REQUIRE_BROWSER=1``, in which case
they *fail* (use that in CI so the browser tests cannot silently vanish).
``ECOSYSTEM_CHROMIUM`` overrides the browser path (default ``/usr/bin/chromium``).
Screenshots are written to ``test-artifacts/screenshots/`` in the repository.

Give ``page.wait_for_function`` a function (``"() => ..."``), not a bare
expression: Playwright evaluates a polled expression with ``eval``, which the
map's Content-Security-Policy forbids (the wait then fails with an EvalError).
"""

from __future__ import annotations

import math
import os
import random
import re
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SCREENSHOT_DIR = REPO_ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("ECOSYSTEM_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ALLOWED_SCHEMES = ("file:", "data:", "about:", "blob:")
DEFAULT_VIEWPORT = {"width": 1366, "height": 768}


def browser_required() -> bool:
    return os.environ.get("ECOSYSTEM_REQUIRE_BROWSER", "").strip() == "1"


def _unavailable(reason: str) -> None:
    if browser_required():
        pytest.fail(f"browser required (ECOSYSTEM_REQUIRE_BROWSER=1) but unavailable: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason} (set ECOSYSTEM_REQUIRE_BROWSER=1 to make this an error)")


@pytest.fixture(scope="session")
def chromium_browser():
    """One headless Chromium for the whole session."""
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except Exception as exc:  # ImportError or a broken install
        _unavailable(f"playwright is not importable ({exc.__class__.__name__}: {exc})")
    pw = None
    try:
        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
    except Exception as exc:
        if pw is not None:
            try:
                pw.stop()
            except Exception:
                pass
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        _unavailable(f"Playwright could not launch {CHROMIUM}: {first_line}")
    try:
        yield browser
    finally:
        try:
            browser.close()
        finally:
            pw.stop()


class BrowserPage:
    """A Playwright page plus everything it tried to do that it should not."""

    def __init__(self, context, page):
        self.context = context
        self.page = page
        self.requests: list[str] = []
        self.blocked_requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.dialogs: list[str] = []

    # -- event sinks ---------------------------------------------------------
    def _allowed(self, url: str) -> bool:
        return url.lower().startswith(ALLOWED_SCHEMES)

    def _route(self, route) -> None:
        url = route.request.url
        if self._allowed(url):
            route.continue_()
        else:
            self.blocked_requests.append(url)
            route.abort("blockedbyclient")

    def _on_request(self, request) -> None:
        self.requests.append(request.url)
        if not self._allowed(request.url) and request.url not in self.blocked_requests:
            self.blocked_requests.append(request.url)

    def _on_console(self, msg) -> None:
        if msg.type == "error":
            self.console_errors.append(msg.text)

    def _on_dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        try:
            dialog.dismiss()
        except Exception:
            pass

    # -- API -----------------------------------------------------------------
    def open(self, path: Path | str, wait_ready: bool = True, timeout_ms: int = 15000):
        """Navigate to a local file; optionally wait for ``body[data-ready=1]``."""
        url = Path(path).resolve().as_uri()
        self.page.goto(url, wait_until="load")
        if wait_ready:
            self.page.wait_for_function("() => document.body && document.body.dataset.ready === '1'",
                                        timeout=timeout_ms)
        return self.page

    def problems(self) -> list[str]:
        out = []
        out += [f"external request: {u}" for u in self.blocked_requests]
        out += [f"console error: {m}" for m in self.console_errors]
        out += [f"page error: {m}" for m in self.page_errors]
        out += [f"dialog opened: {m}" for m in self.dialogs]
        return out

    def assert_clean(self) -> None:
        problems = self.problems()
        assert not problems, "browser reported problems:\n  " + "\n  ".join(problems)

    def screenshot(self, name: str, **kwargs) -> Path:
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)
        path = SCREENSHOT_DIR / (safe if safe.endswith(".png") else safe + ".png")
        self.page.screenshot(path=str(path), **kwargs)
        return path


def guarded_page(chromium_browser, viewport: dict, scale: float = 1) -> BrowserPage:
    """A fresh page in a context of its own (``viewport``, device scale factor ``scale``) that records every
    non-local request, console error, page error and dialog (``BrowserPage.problems``)."""
    context = chromium_browser.new_context(viewport=viewport, device_scale_factor=scale,
                                           service_workers="block", locale="nl-NL")
    page = context.new_page()
    bp = BrowserPage(context, page)
    context.route("**/*", bp._route)
    page.on("request", bp._on_request)
    page.on("console", bp._on_console)
    page.on("pageerror", lambda exc: bp.page_errors.append(str(exc)))
    page.on("dialog", bp._on_dialog)
    page.on("websocket", lambda ws: bp.blocked_requests.append(ws.url))
    return bp


@pytest.fixture
def browser_page(chromium_browser, request):
    """A fresh, isolated page that fails the test on any non-local request,
    console error, page error or dialog."""
    bp = guarded_page(chromium_browser, getattr(request, "param", None) or DEFAULT_VIEWPORT)
    context = bp.context
    try:
        yield bp
    finally:
        problems = bp.problems()
        context.close()
    if problems:
        pytest.fail("browser reported problems:\n  " + "\n  ".join(problems), pytrace=False)


@pytest.fixture
def window(chromium_browser):
    """Open a page in a window of a given size and device scale factor (a zoomed laptop screen), each in a
    context of its own (:func:`guarded_page`); the test fails on any problem any of them recorded."""
    made = []

    def open_(path, width, height, scale=1):
        bp = guarded_page(chromium_browser, {"width": width, "height": height}, scale)
        made.append(bp)
        return bp.open(path, wait_ready=path.name == "map.html")

    yield open_
    problems = [p for bp in made for p in bp.problems()]
    for bp in made:
        bp.context.close()
    assert not problems, problems


# --------------------------------------------------------------------------- test data

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(2)>"

_GROUPS = [
    ("government", "Overheid", "#1f77b4"),
    ("education", "Onderwijs", "#2ca02c"),
    ("employers", "Werkgevers", "#d62728"),
    ("intermediary", "Intermediairs", "#ff7f0e"),
    ("knowledge", "Kennis & onderzoek", "#9467bd"),
    ("social", "Sociaal domein", "#8c564b"),
]
_RTYPES = [
    ("governance", "Bestuur"),
    ("delivery", "Uitvoering"),
    ("funding", "Financiering"),
    ("knowledge", "Kennisdeling"),
]
_WORDS = ["Gemeente", "ROC", "Stichting", "Werkgeversvereniging", "Hogeschool", "Leerwerkloket",
          "Platform", "Coöperatie", "UWV", "Bibliotheek", "Scholingsfonds", "Netwerk"]
_PLACES = ["Breda", "Tilburg", "Roosendaal", "Bergen op Zoom", "Oosterhout", "Etten-Leur",
           "Waalwijk", "Dongen", "Zundert", "Rucphen", "Moerdijk", "Halderberge"]


def synthetic_payload(n: int = 40, seed: int = 7, hostile: bool = True, edges_per_node: float = 2.5) -> dict[str, Any]:
    """A deterministic payload following the map contract.

    With ``hostile=True`` actor 3 is named ``<script>alert(1)</script>`` and actor
    7 ``<img src=x onerror=alert(2)>``; hostile strings also appear in the meta,
    an attribute key/value and a reason.
    """
    rng = random.Random(seed)
    ng = len(_GROUPS)
    nodes: list[dict[str, Any]] = []
    for i in range(n):
        gk = _GROUPS[i % ng][0]
        gi = i % ng
        name = f"{_WORDS[(i * 7) % len(_WORDS)]} {_PLACES[(i * 5 + i // 12) % len(_PLACES)]}"
        if i >= len(_WORDS):
            name += f" {i}"
        if hostile and i == 3:
            name = HOSTILE_SCRIPT
        if hostile and i == 7:
            name = HOSTILE_IMG
        # network view: one evenly filled cluster (Vogel spiral) per group, clusters on a circle
        ca = 2 * math.pi * gi / ng
        k = i // ng
        spread = 0.42 / math.sqrt(max(1, n / ng / 7))
        rr = spread * math.sqrt(k + 0.5) / math.sqrt(7)
        th = k * 2.39996 + rng.uniform(-0.2, 0.2)
        x = math.cos(ca) + rr * math.cos(th) * 1.6
        y = math.sin(ca) + rr * math.sin(th)
        nodes.append({"id": f"a{i}", "name": name, "group": gk,
                      "type": ["gemeente", "school", "bedrijf", "stichting", None][i % 5],
                      "x": round(x * 300, 3), "y": round(y * 300, 3)})
    edges = []
    pairs: set[tuple[int, int]] = set()
    target = int(n * edges_per_node)
    attempts = 0
    while len(edges) < target and attempts < target * 20:
        attempts += 1
        a = rng.randrange(n)
        # prefer same group and low-index "hubs" so there is a core
        b = rng.randrange(n) if rng.random() < 0.5 else rng.randrange(max(2, n // 8))
        if a == b or (min(a, b), max(a, b)) in pairs:
            continue
        pairs.add((min(a, b), max(a, b)))
        k = rng.random()
        if k < 0.55:
            types = [_RTYPES[rng.randrange(len(_RTYPES))][0]]
        else:
            types = sorted(rng.sample([r[0] for r in _RTYPES], 2))
        edges.append({"from": f"a{a}", "to": f"a{b}", "types": types,
                      "weight": float(rng.choice([1, 1, 2, 3, 5])), "directed": rng.random() < 0.2})
    degree = [0] * n
    for e in edges:
        degree[int(e["from"][1:])] += 1
        degree[int(e["to"][1:])] += 1
    maxdeg = max(degree) or 1
    scores = []
    for i, node in enumerate(nodes):
        coreness = round(degree[i] / maxdeg, 3)
        betw = round(rng.random() * coreness, 4)
        orch = round(0.5 * coreness + 0.5 * betw, 4)
        scores.append(orch)
        node["metrics"] = {"degree": degree[i], "betweenness": betw, "coreness": coreness,
                           "orchestrator_score": orch}
        node["core"] = coreness >= 0.6
        node["core_probability"] = round(min(1.0, coreness * 1.1), 3)
        node["reasons"] = []
        node["attributes"] = {"Schaal": ["lokaal", "regionaal", "landelijk"][i % 3], "Regio": "West-Brabant"}
        # target view: ring by coreness, sector by group
        ring = 1.0 if coreness >= 0.6 else (2.0 if coreness >= 0.3 else 3.0)
        gi = i % ng
        sector = 2 * math.pi / ng
        ang = -math.pi / 2 + gi * sector + rng.uniform(0.12, 0.88) * sector
        r = ring - rng.uniform(0.1, 0.8)
        node["tx"] = round(r * math.cos(ang), 4)
        node["ty"] = round(r * math.sin(ang), 4)
    order = sorted(range(n), key=lambda i: (-scores[i], i))
    for rank, i in enumerate(order[: min(5, n)], start=1):
        nodes[i]["orchestrator_rank"] = rank
        nodes[i]["reasons"] = ["Verbindt actoren uit verschillende groepen",
                               f"Heeft {degree[i]} directe relaties"]
    for node in nodes:
        node.setdefault("orchestrator_rank", None)
    if hostile and n > 7:
        nodes[3]["attributes"]["<b>sleutel</b>"] = HOSTILE_IMG
        nodes[3]["reasons"] = [HOSTILE_SCRIPT]
    group_counts = {g[0]: 0 for g in _GROUPS}
    for node in nodes:
        group_counts[node["group"]] += 1
    type_counts = {r[0]: 0 for r in _RTYPES}
    for e in edges:
        for t in e["types"]:
            type_counts[t] += 1
    return complete_payload({
        "meta": {"title": "LLO-ecosysteem West-Brabant" + (" <i>test</i>" if hostile else ""),
                 "region": "West-Brabant", "period": "2024", "source": "Synthetische testdata",
                 "note": "Illustratieve reconstructie, geen enquêtedata" + (" <script>alert(3)</script>" if hostile else ""),
                 "seed": seed, "lang": "nl", "aggregated": None},
        "groups": [{"key": k, "label": lab, "color": c, "count": group_counts[k]} for k, lab, c in _GROUPS],
        "relation_types": [{"key": k, "label": lab, "count": type_counts[k]} for k, lab in _RTYPES],
        "metrics": [{"key": "degree", "label": "Aantal relaties"}, {"key": "betweenness", "label": "Tussenpositie"},
                    {"key": "coreness", "label": "Kernscore"}, {"key": "orchestrator_score", "label": "Orkestratorscore"}],
        "nodes": nodes,
        "edges": edges,
        "rings": [{"radius": 1.0, "label": "Kern"}, {"radius": 2.0, "label": "Semi-periferie"},
                  {"radius": 3.0, "label": "Periferie"}],
    })


def complete_payload(p: dict[str, Any]) -> dict[str, Any]:
    """*p* with every field of the typed map payload: circle sizes by the map's own rule
    (map_payload.marker_scale), labels from the names, no placed target labels, the house style."""
    from ecosystem.render import style
    from ecosystem.render.layout import map_label
    from ecosystem.render.map_payload import marker_scale

    nodes = [{"type": None, "core": False, "orchestrator_rank": None, "metrics": {}, "core_probability": None,
              "core_probability_text": None, "reasons": [], "attributes": {}, "tx": n.get("x", 0.0),
              "ty": n.get("y", 0.0), **n} for n in p.get("nodes", [])]
    metrics = list(p.get("metrics", []))
    scale = marker_scale(nodes, [r["radius"] for r in p.get("rings", [])], [m["key"] for m in metrics])
    for n, sizes in zip(nodes, scale.sizes):
        n["sizes"] = list(sizes)
        n.setdefault("label_lines", map_label(n["name"], n["orchestrator_rank"]))
    return {"meta": {}, "groups": [], "relation_types": [], "metric_labels": {}, "glossary": {}, "edges": [],
            "rings": [], "sector_titles": [], "target_labels": [], "style": dict(style.MAP), "regions": [], **p,
            "nodes": nodes, "canvas": scale.canvas(),
            "metrics": [{**m, "lo": lo, "hi": hi} for m, (lo, hi) in zip(metrics, scale.ranges)]}


def typed(p: dict[str, Any]):
    """The typed map payload (what map_payload builds) from a test's dict."""
    from ecosystem.render.map_payload import MapPayload

    return MapPayload.from_dict(complete_payload(p))
