"""Renderers read the typed analysis results, never summary.json's dict (issue 9.1).

summary.json is one serialisation of :class:`ecosystem.analysis.pipeline.Analysis`
(render/summary_json.py); every other document is drawn from the same results, so no
renderer can state a number or verdict the analysis did not decide. Checked on the
source: no function in render/ (other than summary_json's) takes a ``summary`` parameter,
subscripts a ``summary`` or calls ``summary_dict``; the render stage (documents.py) hands
the dict only to the summary.json document and the returned ``Rendered``.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ecosystem.render

RENDER = Path(ecosystem.render.__file__).parent
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
        elif isinstance(node, ast.ImportFrom) and any(a.name == "summary_dict" for a in node.names):
            found.append(f"line {node.lineno}: imports summary_dict")
        elif isinstance(node, ast.Name) and node.id == "summary_dict":
            found.append(f"line {node.lineno}: uses summary_dict")
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
                             ("side_by_side.py", "region_entry")):
        fn = next(n for n in ast.walk(_tree(RENDER / module))
                  if isinstance(n, ast.FunctionDef) and n.name == function)
        assert fn.args.args[0].arg == "analysis", (module, function)


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
