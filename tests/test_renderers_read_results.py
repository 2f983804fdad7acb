"""Renderers read the typed analysis results, never summary.json's dict (issue 9.1).

summary.json is one serialisation of :class:`ecosystem.analysis.pipeline.Analysis`
(render/summary_json.py); every other document is drawn from the same results, so no
renderer can state a number or verdict the analysis did not decide. Checked on the
source: no function in render/ (other than summary_json's) takes a ``summary`` parameter,
subscripts a ``summary`` or calls ``summary_dict`` (or the per-region serialisers
``by_region_section``/``region_entry_json``); the render stage (documents.py) hands
the dict only to the summary.json document and the returned ``Rendered``. The side-by-side
views read the typed :class:`~ecosystem.analysis.by_region.RegionEntry`, not its JSON.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ecosystem.analysis
import ecosystem.render
from ecosystem.analysis.by_region import RegionEntry

RENDER = Path(ecosystem.render.__file__).parent
ANALYSIS = Path(ecosystem.analysis.__file__).parent
SERIALISERS = ("summary_dict", "by_region_section", "region_entry_json")
SERIALISER = "summary_json.py"
STAGE = "documents.py"          # builds the summary.json document from the results
RENDERERS = sorted(p for p in RENDER.glob("*.py") if p.name not in (SERIALISER, STAGE))


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _reads_summary(tree: ast.Module) -> list[str]:
    """Where ``tree`` takes, indexes or builds the summary dict."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            args = node.args
            for arg in args.posonlyargs + args.args + args.kwonlyargs:
                if arg.arg == "summary":
                    found.append(f"line {node.lineno}: parameter 'summary'")
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "summary":
            found.append(f"line {node.lineno}: summary[...]")
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "summary"
              and node.attr == "get"):
            found.append(f"line {node.lineno}: summary.get")
        elif isinstance(node, ast.ImportFrom) and any(a.name in SERIALISERS for a in node.names):
            found.append(f"line {node.lineno}: imports a summary.json serialiser")
        elif isinstance(node, ast.Name) and node.id in SERIALISERS:
            found.append(f"line {node.lineno}: uses {node.id}")
    return found


def test_the_check_finds_a_summary_reader():
    """The check itself: the old terminal renderer's shape is caught."""
    old = ast.parse("def terminal_summary(analysis, summary, names, lang):\n"
                    "    return summary['core'], summary.get('stability')\n"
                    "from .summary_json import summary_dict\n")
    assert len(_reads_summary(old)) == 4


@pytest.mark.parametrize("path", RENDERERS, ids=lambda p: p.name)
def test_renderer_reads_no_summary_dict(path):
    assert _reads_summary(_tree(path)) == [], path.name


def test_main_renderers_take_the_analysis():
    """The terminal, the slides and the report are drawn from the Analysis (their first parameter)."""
    for module, function in (("terminal.py", "terminal_summary"), ("slides.py", "render_slides"),
                             ("report_html.py", "render_report"), ("report_html.py", "report_context"),
                             (ANALYSIS / "by_region.py", "region_entry")):
        fn = next(n for n in ast.walk(_tree(RENDER / module))
                  if isinstance(n, ast.FunctionDef) and n.name == function)
        assert fn.args.args[0].arg == "analysis", (module, function)


ENTRY_READERS = (("side_by_side.py", "side_by_side_table", "entries"),
                 ("side_by_side.py", "render_compare_html", "entries"),
                 ("slides.py", "region_slides", "by_region"))
# The keys of a region entry's JSON form (summary.json's by_region, compare.json's regions).
ENTRY_KEYS = {"actors", "relations", "ties", "pairs_with_several_relations", "density", "core", "verdict",
              "orchestrators", "groups", "peripheral_key_groups", "key_groups_without_seat", "diagnosis",
              "bootstrap", "id", "name", "score", "key", "status", "text", "title"}


def _entry_dict_reads(fn: ast.FunctionDef) -> list[str]:
    """Where ``fn`` reads a region entry as a dict: a subscript or ``.get`` with one of its JSON keys
    on anything but a page's words (a name bound to ``loc.section(...)``)."""
    sections = {t.id for node in ast.walk(fn) if isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call) and getattr(node.value.func, "attr", "") == "section"
                for t in node.targets if isinstance(t, ast.Name)}
    sections |= {el.id for node in ast.walk(fn) if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Tuple) and isinstance(node.targets[0], ast.Tuple)
                 for el, v in zip(node.targets[0].elts, node.value.elts)
                 if isinstance(el, ast.Name) and isinstance(v, ast.Call) and getattr(v.func, "attr", "") == "section"}
    found = []
    for node in ast.walk(fn):
        if (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant)
                and node.slice.value in ENTRY_KEYS
                and not (isinstance(node.value, ast.Name) and node.value.id in sections)):
            found.append(f"line {node.lineno}: [{node.slice.value!r}]")
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "get" and node.args
              and isinstance(node.args[0], ast.Constant) and node.args[0].value in ENTRY_KEYS):
            found.append(f"line {node.lineno}: .get({node.args[0].value!r})")
    return found


def test_the_entry_check_finds_a_dict_reader():
    """The check itself: the old region_slides' and side_by_side_table's shapes are caught, a page's words are not."""
    old = ast.parse("def region_slides(by_region, names, loc):\n"
                    "    w = loc.section('slides')\n"
                    "    for name, res in by_region.items():\n"
                    "        x = w['region_size'], res.get('actors', 0), res['orchestrators'][0]['score']\n"
                    "    s = loc.section('region')\n"
                    "    return s['actors'], [d['text']['title'] for d in res['diagnosis']]\n").body[0]
    assert len(_entry_dict_reads(old)) == 6


@pytest.mark.parametrize("module, function, parameter", ENTRY_READERS, ids=lambda x: str(x))
def test_side_by_side_views_read_the_typed_region_entry(module, function, parameter):
    """The report's and compare.html's table and the slides read RegionEntry attributes (typed, built once in
    analysis/by_region.py); summary.json's by_region and compare.json are only its serialisation."""
    fn = next(n for n in ast.walk(_tree(RENDER / module)) if isinstance(n, ast.FunctionDef) and n.name == function)
    arg = next(a for a in fn.args.args if a.arg == parameter)
    assert RegionEntry.__name__ in ast.unparse(arg.annotation), (module, function)
    assert _entry_dict_reads(fn) == [], (module, function)


def test_render_stage_passes_the_dict_only_to_summary_json():
    """documents.py builds the dict for summary.json (and returns it); it gives it to no renderer."""
    tree = _tree(RENDER / STAGE)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            passed = [a for a in [*node.args, *(k.value for k in node.keywords)]
                      if isinstance(a, ast.Name) and a.id == "summary"]
            if passed:
                callee = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                assert callee in ("Document", "Rendered"), f"line {node.lineno}: summary passed to {callee}"
