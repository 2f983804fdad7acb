"""Self-contained interactive HTML map of the ecosystem.

``render_map(payload)`` returns one HTML document with everything inlined:
the vis-network library (read from the installed *pyvis* package, never copied
into this repository; README's development section says why), our CSS and JS
(real files in ``render/static/map/``, split by concern and concatenated in
``APP_SCRIPTS`` order inside one closure), and the payload as JSON.  The file
works offline from an e-mail attachment: it makes no network request at all
(enforced with a Content-Security-Policy whose ``default-src`` is ``'none'``).

Security model: every string in the payload is untrusted.  The payload is
embedded as JSON in a ``<script type="application/json">`` block with ``<``,
``>``, ``&``, U+2028 and U+2029 escaped; the page script only ever uses
``textContent``/``createElement`` with data, and vis-network receives plain
text tooltips (vis 9 sets string titles with ``innerText``).  Header fields
rendered server-side go through Jinja autoescaping.  Executable scripts are
pinned by SHA-256 in the CSP, so even a mistake in escaping cannot run code.
"""

from __future__ import annotations

import functools
import importlib.resources
import json
import math
import re
from typing import Any


from ecosystem.render import style
from ecosystem.locale import Locale
from ecosystem.render.layout import map_label
from ecosystem.render.map_payload import marker_scale
from ecosystem.render.templating import environment

__all__ = ["render_map", "vis_network_js", "vis_network_css", "app_js", "app_css", "payload_json"]

VIS_VERSION = "9.1.2"
VIS_DIR = ("templates", "lib", f"vis-{VIS_VERSION}")
STATIC_DIR = ("static", "map")
# Order matters: the files share one closure, and top-level ``var``s run in this order
# (function declarations are hoisted across all of them).
APP_SCRIPTS = ("data.js", "state.js", "filters.js", "panel.js", "network.js", "target.js", "controls.js",
               "boot.js")
APP_STYLE = "map.css"
TEMPLATE_NAME = "map.html.j2"

_SOURCEMAP_RE = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_CLOSE_SCRIPT_RE = re.compile(r"</(script)", re.IGNORECASE)
_CLOSE_STYLE_RE = re.compile(r"</(style)", re.IGNORECASE)


def _vis_file(name: str) -> str:
    """One of the vis-network files pyvis ships, read as package data (``importlib.resources``).

    pyvis has no API that returns these files, so the folder inside it is pinned by the
    ``pyvis<0.4`` requirement and checked here: the file must say it is vis-network
    ``VIS_VERSION`` (its licence header, kept in the inlined copy, carries the version).
    README's development section explains why pyvis rather than a vendored copy.
    """
    try:
        root = importlib.resources.files("pyvis")
    except ModuleNotFoundError as exc:  # pragma: no cover - dependency missing
        raise RuntimeError("pyvis is not installed; it provides vis-network for the map") from exc
    res = root.joinpath(*VIS_DIR, name)
    if not res.is_file():  # pragma: no cover - pyvis layout changed
        raise RuntimeError(f"vis-network asset not found in pyvis package: {'/'.join((*VIS_DIR, name))}")
    text = res.read_text(encoding="utf-8")
    if name.endswith(".js") and f"@version {VIS_VERSION}" not in text[:2000]:  # pragma: no cover - pyvis changed
        raise RuntimeError(f"pyvis ships a vis-network other than {VIS_VERSION}; the map is tested with {VIS_VERSION}")
    return text


@functools.lru_cache(maxsize=1)
def vis_network_js() -> str:
    """The vis-network 9.1.2 UMD bundle shipped inside pyvis, safe to inline."""
    js = _vis_file("vis-network.min.js")
    js = _SOURCEMAP_RE.sub("", js)  # the .map file does not travel with the attachment
    return _CLOSE_SCRIPT_RE.sub(r"<\\/\1", js)


@functools.lru_cache(maxsize=1)
def vis_network_css() -> str:
    """The vis-network stylesheet (images are data: URIs), safe to inline."""
    css = _vis_file("vis-network.css")
    css = _SOURCEMAP_RE.sub("", css)
    return _CLOSE_STYLE_RE.sub(r"<\\/\1", css)


def _static_file(name: str) -> str:
    return importlib.resources.files("ecosystem.render").joinpath(*STATIC_DIR, name).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def app_js() -> str:
    """The map's own script: the files of ``APP_SCRIPTS`` in one strict-mode closure, safe to inline.

    The CSP hash is computed over exactly this text (see ``templating.csp_hash``)."""
    body = "".join(_static_file(name) for name in APP_SCRIPTS)
    script = '\n(function () {\n  "use strict";\n\n' + body + "})();\n"
    return _CLOSE_SCRIPT_RE.sub(r"<\\/\1", script)


@functools.lru_cache(maxsize=1)
def app_css() -> str:
    """The map's stylesheet, safe to inline."""
    return _CLOSE_STYLE_RE.sub(r"<\\/\1", _static_file(APP_STYLE))


# --------------------------------------------------------------------------- payload


def _clean(value: Any) -> Any:
    """Make *value* strict-JSON: no NaN/inf, numpy scalars unwrapped, keys str."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_clean(v) for v in value), key=str)
    item = getattr(value, "item", None)  # numpy / pandas scalars
    if callable(item):
        try:
            return _clean(item())
        except (TypeError, ValueError):
            pass
    tolist = getattr(value, "tolist", None)  # numpy arrays
    if callable(tolist):
        return _clean(tolist())
    return str(value)


def _num(value: Any, default: float = 0.0) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return default
    return f if math.isfinite(f) else default


def _prepare(payload: dict, loc: Locale) -> dict:
    """A normalised, JSON-clean copy of *payload* (the input is not mutated)."""
    p = _clean(payload or {})
    meta = dict(p.get("meta") or {})
    meta["lang"] = loc.lang
    nodes = []
    seen: set[str] = set()
    for n in p.get("nodes") or []:
        if not isinstance(n, dict) or n.get("id") is None:
            continue
        nid = str(n["id"])
        if nid in seen:
            continue
        seen.add(nid)
        x, y = _num(n.get("x")), _num(n.get("y"))
        nodes.append({
            **n,
            "id": nid,
            "name": str(n.get("name") if n.get("name") is not None else nid),
            "group": str(n.get("group") or ""),
            "x": x, "y": y,
            "tx": _num(n.get("tx"), x), "ty": _num(n.get("ty"), y),
            "metrics": n.get("metrics") if isinstance(n.get("metrics"), dict) else {},
            "attributes": n.get("attributes") if isinstance(n.get("attributes"), dict) else {},
            "reasons": [str(r) for r in (n.get("reasons") or []) if r is not None],
        })
        if not (isinstance(n.get("label_lines"), list) and n["label_lines"]):
            nodes[-1]["label_lines"] = map_label(nodes[-1]["name"], n.get("orchestrator_rank"))
        else:
            nodes[-1]["label_lines"] = [str(x) for x in n["label_lines"]]
    edges = []
    for e in p.get("edges") or []:
        if not isinstance(e, dict):
            continue
        a, b = str(e.get("from")), str(e.get("to"))
        if a not in seen or b not in seen:
            continue  # dangling edge: nothing to draw
        types = e.get("types") or []
        if isinstance(types, str):
            types = [types]
        edges.append({
            "from": a, "to": b,
            "types": [str(t) for t in types],
            "weight": _num(e.get("weight"), 1.0) or 1.0,
            "directed": bool(e.get("directed")),
        })
    metrics = [m for m in (p.get("metrics") or []) if isinstance(m, dict)]
    rings = [r for r in (p.get("rings") or []) if isinstance(r, dict)]
    canvas = p.get("canvas")
    if not isinstance(canvas, dict) or any(not isinstance(n.get("sizes"), list)
                                           or len(n["sizes"]) != len(metrics) for n in nodes):
        # a payload built by hand (tests, other tools): sizes by the map's one rule (map_payload.marker_scale)
        scale = marker_scale(nodes, [r.get("radius") for r in rings], [str(m.get("key")) for m in metrics])
        nodes = [{**n, "sizes": list(sizes)} for n, sizes in zip(nodes, scale.sizes)]
        metrics = [{**m, "lo": lo, "hi": hi} for m, (lo, hi) in zip(metrics, scale.ranges)]
        canvas = scale.canvas()
    return {
        "meta": meta,
        "groups": [g for g in (p.get("groups") or []) if isinstance(g, dict)],
        "relation_types": [r for r in (p.get("relation_types") or []) if isinstance(r, dict)],
        "metrics": metrics,
        "canvas": canvas,
        "metric_labels": {str(k): str(v) for k, v in (p.get("metric_labels") or {}).items()},
        "glossary": {str(k): {"term": str(v.get("term", "")), "text": str(v.get("text", ""))}
                     for k, v in (p.get("glossary") or {}).items() if isinstance(v, dict)},
        "nodes": nodes,
        "edges": edges,
        "rings": rings,
        # the target view's sector titles and placed labels (layout.sector_titles, map_payload.target_labels)
        "sector_titles": [t for t in (p.get("sector_titles") or []) if isinstance(t, dict)],
        "target_labels": [lv for lv in (p.get("target_labels") or []) if isinstance(lv, dict)],
        # issue 12 hook: the arbeidsmarktregios for the map's filter (nodes carry "regions" and "cut_off")
        "regions": [str(r) for r in (p.get("regions") or [])],
        "style": {str(k): str(v) for k, v in (p.get("style") or style.CSS).items()},
    }


_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


def payload_json(data: Any) -> str:
    """JSON for embedding inside a ``<script>`` element: no ``<``, ``>``, ``&``."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group(0)], text)


# --------------------------------------------------------------------------- render


def _fmt(template: str, **values: Any) -> str:
    for k, v in values.items():
        template = template.replace("{" + k + "}", str(v))
    return template


def _int(value: Any, loc: Locale) -> str:
    """Thousands-separated integer the way the audience writes it (1.234 / 1,234)."""
    try:
        return loc.count(value)
    except (TypeError, ValueError):
        return str(value)


def render_map(payload: dict, loc: Locale = Locale("nl")) -> str:
    """Render *payload* (see module docs / payload contract) to one HTML document."""
    ui = loc.section("map")   # placeholders the page's JavaScript fills in stay as {n}
    data = _prepare(payload, loc)
    meta = data["meta"]

    env = environment()
    aggregated = meta.get("aggregated")
    aggregated_text = None
    if isinstance(aggregated, dict) and aggregated.get("total") is not None:
        shown = aggregated.get("shown", len(data["nodes"]))
        aggregated_text = _fmt(ui["aggregated"], shown=_int(shown, loc), total=_int(aggregated.get("total"), loc))

    def _opt(key: str) -> str | None:
        v = meta.get(key)
        return None if v is None or str(v).strip() == "" else str(v)

    html = env.get_template(TEMPLATE_NAME).render(
        ui=ui,
        lang=loc.lang,
        title=_opt("title") or "Ecosysteem",
        region=_opt("region"),
        period=_opt("period"),
        source=_opt("source"),
        note=_opt("note"),
        core_periphery=_opt("core_periphery"),
        ties_differ=_opt("ties_differ"),
        sampling=_opt("sampling"),
        seed=meta.get("seed"),
        aggregated_text=aggregated_text,
        vis_css=vis_network_css(),
        vis_js=vis_network_js(),
        app_js=app_js(),
        app_css=app_css(),
        data_json=payload_json({"payload": data, "ui": ui}),
    )
    return html
