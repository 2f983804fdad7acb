"""The map's own JavaScript and CSS live in render/static/map/ as real files.

A JavaScript check that runs offline inside ``make test``: every file is parsed
with esprima (the Python port of the esprima.js parser), and the script as the
page inlines it may use no name that is declared nowhere in it and is not a
browser global (a scope-insensitive ``no-undef``: a misspelt or lost function
after a split is caught before a browser test times out).  Packaging: every
static file is matched by pyproject's package-data globs, so a wheel carries it.
"""
from __future__ import annotations

import glob
import re
import tomllib
from pathlib import Path

import esprima
import pytest

from browser import typed
from ecosystem.render import map_html

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "ecosystem"
STATIC = PACKAGE / "render" / "static" / "map"

# What the page may use without declaring it: the browser's and vis-network's globals.
BROWSER_GLOBALS = {
    "window", "document", "navigator", "console", "Math", "JSON", "Object", "Array", "Number", "String",
    "Boolean", "Map", "Set", "WeakMap", "Intl", "Date", "Error", "TypeError", "RegExp", "Float64Array",
    "Uint8Array", "Int32Array", "Infinity", "NaN", "undefined", "isFinite", "parseInt", "parseFloat",
    "requestAnimationFrame", "cancelAnimationFrame", "setTimeout", "clearTimeout", "Promise", "Symbol",
    "matchMedia", "getComputedStyle", "performance", "vis", "arguments", "Node", "HTMLElement", "Event",
    "CustomEvent", "devicePixelRatio", "Image", "location",
}


def _declared_and_used(node, declared: set[str], used: set[str]) -> None:
    """Walk the esprima AST: names declared (var, function, parameter, catch) and names read."""
    if isinstance(node, list):
        for item in node:
            _declared_and_used(item, declared, used)
        return
    if not hasattr(node, "type"):
        return
    kind = node.type
    if kind == "VariableDeclarator":
        declared.add(node.id.name)
    elif kind in ("FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"):
        if getattr(node, "id", None) is not None:
            declared.add(node.id.name)
        for param in node.params:
            if param.type == "Identifier":
                declared.add(param.name)
    elif kind == "CatchClause" and node.param is not None:
        declared.add(node.param.name)
    elif kind == "Identifier":
        used.add(node.name)
        return
    for key, value in vars(node).items():
        if key == "type":
            continue
        if kind == "MemberExpression" and key == "property" and not node.computed:
            continue            # obj.name: a property, not a variable
        if kind == "Property" and key == "key" and not node.computed:
            continue            # { name: ... }: a key, not a variable
        if isinstance(value, list) or hasattr(value, "type"):
            _declared_and_used(value, declared, used)


@pytest.mark.parametrize("name", map_html.APP_SCRIPTS)
def test_every_map_script_parses(name):
    esprima.parseScript((STATIC / name).read_text(encoding="utf-8"))


def test_parser_rejects_broken_javascript():
    with pytest.raises(esprima.Error):
        esprima.parseScript("function f( { return 1; }")


def test_static_folder_holds_exactly_the_inlined_files():
    on_disk = {p.name for p in STATIC.iterdir() if p.is_file()}
    assert on_disk == set(map_html.APP_SCRIPTS) | {map_html.APP_STYLE}


def test_inlined_script_uses_no_undeclared_name():
    tree = esprima.parseScript(map_html.app_js())
    declared: set[str] = set()
    used: set[str] = set()
    _declared_and_used(tree.body, declared, used)
    assert used - declared - BROWSER_GLOBALS == set()


def test_undeclared_name_check_catches_a_lost_function():
    tree = esprima.parseScript("(function () { function a() { return b(1); } a(); })();")
    declared: set[str] = set()
    used: set[str] = set()
    _declared_and_used(tree.body, declared, used)
    assert used - declared - BROWSER_GLOBALS == {"b"}


def test_map_inlines_the_static_files(tmp_path):
    html = map_html.render_map(typed({"meta": {}, "nodes": [], "edges": []}))
    for name in map_html.APP_SCRIPTS:
        body = (STATIC / name).read_text(encoding="utf-8")
        assert re.sub(r"</(script)", r"<\\/\1", body, flags=re.I) in html
    assert (STATIC / map_html.APP_STYLE).read_text(encoding="utf-8") in html


def test_package_data_ships_every_static_file():
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["ecosystem"]
    shipped = {Path(f) for pattern in globs for f in glob.glob(str(PACKAGE / pattern)) if Path(f).is_file()}
    needed = {p for p in (PACKAGE / "render" / "static").rglob("*") if p.is_file()}
    assert needed and needed <= shipped


def test_vis_network_is_the_tested_build_with_its_licence():
    js = map_html.vis_network_js()
    header = js[:2000]
    assert f"@version {map_html.VIS_VERSION}" in header
    assert "dual licensed" in header and "MIT License" in header     # the licence notice travels with the copy
    html = map_html.render_map(typed({"meta": {}, "nodes": [], "edges": []}))
    assert header in html


def _place_names() -> set[str]:
    """The Netherlands' municipalities and arbeidsmarktregios the package ships (intake's reference list)."""
    import csv
    import importlib.resources

    text = importlib.resources.files("ecosystem.intake").joinpath("data/arbeidsmarktregios.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {name.strip() for row in rows for name in (row["name"], *row["gemeenten_2015"].split("|")) if name.strip()}


def test_the_shipped_page_names_no_real_place_or_organisation_in_its_comments():
    """The map goes to users as one file: its own script's and stylesheet's comments carry no example with a
    real municipality, arbeidsmarktregio or 'Gemeente <name>' (a comment once ranked 'Gemeente Enschede')."""
    comments = [c.value for c in esprima.parseScript(map_html.app_js(), {"comment": True}).comments]
    comments += re.findall(r"/\*(.*?)\*/", map_html.app_css(), re.S)
    assert comments
    places = _place_names()
    assert "Enschede" in places and len(places) > 300
    for comment in comments:
        named = {p for p in places if re.search(rf"(?<![\w-]){re.escape(p)}(?![\w-])", comment)}
        assert not named, (named, comment)
        assert not re.search(r"\bGemeente [A-Z]", comment), comment
