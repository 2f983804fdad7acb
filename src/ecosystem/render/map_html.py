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
import importlib.util
import json
import re
from pathlib import Path
from typing import Any


from ecosystem.locale import Locale
from ecosystem.render import style
from ecosystem.render.map_payload import MapPayload
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
    """One of the vis-network files pyvis ships, read as package data (found with ``importlib.util.find_spec``).

    pyvis has no API that returns these files, so the folder inside it is pinned by the
    ``pyvis<0.4`` requirement and checked here: the file must say it is vis-network
    ``VIS_VERSION`` (its licence header, kept in the inlined copy, carries the version).
    README's development section explains why pyvis rather than a vendored copy.
    """
    # The package's folder, found without importing pyvis (which imports networkx and IPython: ~0.1 s).
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - dependency missing
        raise RuntimeError("pyvis is not installed; it provides vis-network for the map")
    res = Path(list(spec.submodule_search_locations)[0]).joinpath(*VIS_DIR, name)
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


# Words the map shows under the name its template and JavaScript read, kept in the catalogue under the
# one key the other pages and the terminal use too.
MAP_BORROWS = {"region": "column.region", "period": "report.meta_period", "source": "report.meta_source",
               "note_label": "report.note_label", "col_ties": "ties_label",
               "core": "gloss_term_core", "orchestrator": "gloss_term_orchestrator",
               "core_probability": "metric.core_probability", "yes": "column.yes", "no": "column.no",
               "whatif_cut": "whatif_cut", "whatif_cut_one": "whatif_cut_one", "whatif_cut_apart": "whatif_cut_apart",
               "n_actors": "n_actors", "n_actors_one": "n_actors_one", "n_ties": "n_ties", "n_ties_one": "n_ties_one",
               "col_name": "column.name", "group": "column.group", "type": "column.type"}


def render_map(payload: MapPayload, loc: Locale = Locale("nl")) -> str:
    """Render *payload* (typed and checked by :class:`~ecosystem.render.map_payload.MapPayload`) to one
    HTML document."""
    ui = loc.section("map", MAP_BORROWS)   # placeholders the page's JavaScript fills in stay as {n}
    data = payload.to_dict()   # serialised once; embedded below as escaped JSON
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
        title=_opt("title") or ui["title"],
        region=_opt("region"),
        period=_opt("period"),
        source=_opt("source"),
        note=_opt("note"),
        anonymised=_opt("anonymised"),
        core_periphery=_opt("core_periphery"),
        ties_differ=_opt("ties_differ"),
        sampling=_opt("sampling"),
        seed=meta.get("seed"),
        aggregated_text=aggregated_text,
        vis_css=vis_network_css(),
        vis_js=vis_network_js(),
        app_js=app_js(),
        app_css=app_css(),
        map_ui=style.css_properties(style.MAP_UI),   # map.css's colours and font, from the one style module
        style_map=style.MAP,
        data_json=payload_json({"payload": data, "ui": ui}),
    )
    return html
