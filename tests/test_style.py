"""One style module (issue 9.2): every colour, the fonts and the label sizes come from render/style.py.

Checked on the source: no colour literal in the map's script and stylesheet, the page templates or
the renderers outside style.py; every custom property a stylesheet reads (``var(--name)``) is one that
style.py renders (or the stylesheet's own ``:root`` sets), and every ``STYLE.name`` the map's script
reads is in the payload's style; the rendered pages carry those properties.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import ecosystem
from ecosystem.render import style

SRC = Path(ecosystem.__file__).parent
RENDER = SRC / "render"
MAP_STATIC = RENDER / "static" / "map"
TEMPLATES = RENDER / "templates"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b(?![-\w])")
RGBA = re.compile(r"rgba?\(\s*\d")
SHADOWS = ("rgba(0,0,0", "rgba(31, 41, 51")   # shadows and a swatch's outline: black or ink, translucent


def _colour_literals(path: Path) -> list[str]:
    found = []
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if path.suffix == ".js" and "mix(" in line and '"#000000"' in line:
            continue   # black as the target of darkening a group colour: arithmetic, not a palette colour
        body = re.sub(r"#(?=[\w-]*[g-zG-Z_-])[a-zA-Z][\w-]*", "", line)   # '#network', '#details-close' are ids
        if HEX.search(body) or (path.suffix != ".py" and RGBA.search(body)
                                and not any(x in body for x in SHADOWS)):
            found.append(f"{path.name}:{k}: {line.strip()}")
    return found


FILES = sorted([*MAP_STATIC.glob("*.js"), *MAP_STATIC.glob("*.css"), *TEMPLATES.glob("*.j2"),
                *(p for p in RENDER.glob("*.py") if p.name != "style.py"),
                SRC / "vocab.py"], key=str)


def test_the_check_finds_a_colour():
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        js = Path(tmp) / "x.js"
        js.write_text('ctx.strokeStyle = "#374151";\nvar c = mix(hex, "#000000", k);\n'
                      'ctx.fillStyle = "rgba(255,255,255,0.8)";\n$("#network");\n', encoding="utf-8")
        assert len(_colour_literals(js)) == 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_colour_outside_the_style_module(path):
    assert _colour_literals(path) == []


def _vars_read(text: str) -> set[str]:
    return set(re.findall(r"var\(--([\w-]+)\)", text))


def _vars_set(text: str) -> set[str]:
    return set(re.findall(r"--([\w-]+)\s*:", text))


def test_map_css_reads_only_properties_the_style_module_sets():
    css = (MAP_STATIC / "map.css").read_text(encoding="utf-8")
    assert _vars_read(css) - _vars_set(css) - set(style.MAP_UI) == set()


@pytest.mark.parametrize("name", ["report.html.j2", "change.html.j2", "target_svg.css.j2"])
def test_page_templates_read_only_properties_the_style_module_sets(name):
    text = (TEMPLATES / name).read_text(encoding="utf-8")
    assert _vars_read(text) - _vars_set(text) - set(style.PAGE) == set()


def test_map_script_reads_only_style_keys_the_payload_carries():
    js = "".join(p.read_text(encoding="utf-8") for p in MAP_STATIC.glob("*.js"))
    read = set(re.findall(r"\bSTYLE\.(\w+)", js))
    assert read and read - set(style.MAP) == set()


def test_rendered_pages_carry_the_style_modules_properties(tmp_path):
    """map.html sets map.css's properties from style.MAP_UI; the report's from style.PAGE."""
    from ecosystem.locale import Locale
    from ecosystem.render.map_html import render_map
    from ecosystem.render.templating import environment
    from browser import typed

    html = render_map(typed({"nodes": [{"id": "a", "name": "A", "group": "government", "x": 0.0, "y": 0.0}]}), Locale("nl"))
    for name, value in style.MAP_UI.items():
        assert f"--{name}: {value};" in html
    assert f'"leader": "{style.MAP["leader"]}"' in html or f'"leader":"{style.MAP["leader"]}"' in html
    page = environment().from_string(":root { {{ page_vars }} }").render()
    assert f"--navy: {style.NAVY};" in page and f"--face: {style.PAGE_FONT};" in page


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of a '#rrggbb' colour."""
    lin = [(v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4)
           for v in (int(colour[k:k + 2], 16) / 255 for k in (1, 3, 5))]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_the_contrast_helper_gives_wcag_ratios():
    assert _contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert _contrast("#2e7d32", "#e8f3e9") == pytest.approx(4.499, abs=0.001)   # the old 'in orde' pill: too light


# The report's status colours (report.html.j2) on the backgrounds they are drawn on: the 'in orde' and
# 'aandacht' pills (.verdict) and the diagnosis marks (.mark) on their own tints, the diagnosis statuses
# (.status) on the paper, an attention cell (td.attention) in a highlighted row. All are normal-size text
# (13-16 px), so each needs 4.5:1 (WCAG 1.4.3).
@pytest.mark.parametrize("text,background", [("ok", "ok-bg"), ("ok", "paper"), ("warn", "warn-bg"),
                                             ("warn", "paper"), ("warn", "attention-bg")])
def test_report_status_colours_have_enough_contrast(text, background):
    assert _contrast(style.PAGE[text], style.PAGE[background]) >= 4.5
