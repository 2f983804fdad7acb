"""Fast, browser-free checks of the self-contained HTML map."""

from __future__ import annotations

import base64
import copy
import hashlib
import html as htmllib
import json
import math
import re

import pytest

from browser import HOSTILE_IMG, HOSTILE_SCRIPT, synthetic_payload, typed
from ecosystem.locale import Locale
from ecosystem.catalogue import CATALOGUE, LANGS
from ecosystem.render.map_html import app_js, payload_json, render_map, vis_network_css, vis_network_js
from ecosystem.render.map_payload import TARGET_SPREAD


@pytest.fixture(scope="module")
def payload():
    return synthetic_payload(40, seed=7)


@pytest.fixture(scope="module")
def page(payload):
    return render_map(typed(payload))


def _data_block(page: str) -> str:
    m = re.search(r'<script type="application/json" id="data">(.*?)</script>', page, re.S)
    assert m, "data block missing"
    return m.group(1)


def _inline_scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", page, re.S)


def test_no_external_references(page):
    # nothing that a browser would fetch from the network: src/href/url()/@import/srcset
    assert not re.search(r"""\b(?:src|href|action|poster|data|srcset)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert "@import" not in page
    assert "@font-face" not in page
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<iframe\b", page, re.I)
    assert "sourceMappingURL" not in page
    for lib in ("bootstrap", "tom-select", "cdnjs", "jsdelivr", "unpkg", "googleapis"):
        assert lib not in page.lower()


def test_csp_blocks_network_and_pins_scripts(page):
    m = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', page)
    assert m
    csp = htmllib.unescape(m.group(1))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src", 1)[1].split(";", 1)[0]
    scripts = _inline_scripts(page)
    assert len(scripts) == 2  # vis-network + our app; the data block is not executable
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_vis_network_is_inlined(page):
    js, css = vis_network_js(), vis_network_css()
    assert len(js) > 100_000 and "@version 9.1.2" in js
    assert js in page
    assert css in page
    assert "</script" not in js.lower() and "</style" not in css.lower()


def test_user_strings_are_escaped(page, payload):
    assert "<script>alert(" not in page
    assert HOSTILE_IMG not in page
    assert "<i>test</i>" not in page
    # header fields are HTML-escaped, the data block uses \u escapes
    assert "&lt;i&gt;test&lt;/i&gt;" in page
    block = _data_block(page)
    assert "<" not in block and ">" not in block and "&" not in block
    data = json.loads(block)
    names = {n["id"]: n["name"] for n in data["payload"]["nodes"]}
    assert names["a3"] == HOSTILE_SCRIPT and names["a7"] == HOSTILE_IMG
    assert len(names) == len(payload["nodes"])
    # exactly our three script elements close, so no payload string ends a script early
    assert len(re.findall(r"</script>", page, re.I)) == 3


def test_js_uses_no_html_sinks(page):
    app = _inline_scripts(page)[1]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in app, sink


def test_deterministic(payload):
    a = render_map(typed(payload))
    b = render_map(typed(copy.deepcopy(payload)))
    assert a == b
    assert a.encode("utf-8") == render_map(typed(synthetic_payload(40, seed=7))).encode("utf-8")


def test_input_not_mutated(payload):
    before = copy.deepcopy(payload)
    render_map(typed(payload))
    assert payload == before


def test_note_and_header_visible(page):
    assert 'id="note"' in page
    assert "Illustratieve reconstructie, geen enquêtedata" in page
    assert "West-Brabant" in page and "2024" in page and "Synthetische testdata" in page


def test_no_note_no_banner():
    p = synthetic_payload(10, hostile=False)
    p["meta"]["note"] = None
    assert 'id="note"' not in render_map(typed(p))


def test_aggregated_message():
    p = synthetic_payload(10, hostile=False)
    p["meta"]["aggregated"] = {"shown": 10, "total": 1234}
    out = render_map(typed(p))
    assert "10 meest centrale van 1.234 actoren" in out
    assert "10 most central of 1,234 actors" in render_map(typed(p), loc=Locale("en"))


def test_languages():
    p = synthetic_payload(10, hostile=False)
    nl, en = render_map(typed(p)), render_map(typed(p), loc=Locale("en"))
    assert '<html lang="nl">' in nl and "Ecosysteem (kern–periferie)" in nl and "Zoek een actor" in nl
    assert '<html lang="en">' in en and "Ecosystem (core–periphery)" in en and "Find an actor" in en
    assert render_map(typed(p), loc=Locale("fr")) == nl  # unknown language falls back to Dutch
    assert all(set(CATALOGUE[k]) == set(LANGS) for k in CATALOGUE if k.startswith("map."))


def test_json_escaping_of_separators_and_nan():
    p = synthetic_payload(10, hostile=False)
    p["nodes"][0]["name"] = "A\u2028B\u2029C & <D>"
    p["nodes"][1]["metrics"]["betweenness"] = float("nan")
    p["nodes"][2]["metrics"]["degree"] = float("inf")
    out = render_map(typed(p))
    block = _data_block(out)
    assert "\u2028" not in block and "\u2029" not in block
    assert "\\u2028" in block and "\\u0026" in block and "\\u003c" in block
    data = json.loads(block)["payload"]
    assert data["nodes"][0]["name"] == "A\u2028B\u2029C & <D>"
    assert data["nodes"][1]["metrics"]["betweenness"] is None
    assert data["nodes"][2]["metrics"]["degree"] is None


def test_payload_refuses_dangling_edges_and_duplicate_ids():
    """The typed payload says what is wrong instead of the page quietly dropping it."""
    p = synthetic_payload(10, hostile=False)
    dangling = copy.deepcopy(p)
    dangling["edges"].append({"from": "a1", "to": "nope", "types": ["governance"], "weight": 1, "directed": False})
    with pytest.raises(ValueError, match="nope"):
        typed(dangling)
    twice = copy.deepcopy(p)
    twice["nodes"].append(copy.deepcopy(twice["nodes"][0]))
    with pytest.raises(ValueError, match="share an id"):
        typed(twice)
    data = json.loads(_data_block(render_map(typed(p))))["payload"]
    assert len(data["nodes"]) == 10 and {e["to"] for e in data["edges"]} <= {n["id"] for n in data["nodes"]}


def test_payload_json_escapes():
    assert payload_json({"a": "</script><!--&"}) == '{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}'


def test_circle_sizes_are_computed_once_in_python():
    """Issue 9.2: the page draws the payload's circle sizes; the size rule lives only in map_payload."""
    js = app_js()
    for rule in ("Math.sqrt((v - lo)", "0.35 * d", "TARGET_SPREAD", "25 * Math.sqrt"):
        assert rule not in js, rule
    p = synthetic_payload(40, hostile=False)
    data = json.loads(_data_block(render_map(typed(p))))["payload"]
    keys = [m["key"] for m in data["metrics"]]
    assert data["canvas"]["half"] > 0 and data["canvas"]["target_scale"] > 0
    for k, key in enumerate(keys):
        values = [n["metrics"][key] for n in data["nodes"]]
        sizes = [n["sizes"][k] for n in data["nodes"]]
        assert (data["metrics"][k]["lo"], data["metrics"][k]["hi"]) == (min(values), max(values))
        # a larger value never gets a smaller circle; the extremes get the extreme circles
        pairs = sorted(zip(values, sizes))
        assert all(s0 <= s1 for (_, s0), (_, s1) in zip(pairs, pairs[1:])), key
        assert sizes[values.index(max(values))] == max(sizes) > min(sizes) == sizes[values.index(min(values))]
    # the canvas scale maps the outermost actor or ring onto the canvas spread of the target view
    r0 = max([math.hypot(n["tx"], n["ty"]) for n in data["nodes"]] + [r["radius"] for r in data["rings"]])
    assert data["canvas"]["target_scale"] * r0 == pytest.approx(data["canvas"]["half"] * TARGET_SPREAD)
