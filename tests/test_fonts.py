"""Issue 10: the pictures' canvas reads its fonts from memory (render.fonts), and draws the same pixels.

The independent reference is matplotlib's own ``FigureCanvasAgg``, whose renderer opens the font files
through ``font_manager.get_font``: every file ``analyse`` writes (the three PNGs, and slides.pptx with the
regions' pictures) must be byte for byte what the stock canvas gives, for the Brabant example and for names
in scripts DejaVu Sans lacks; and where matplotlib would not draw with exactly one font file at FT2Font's
default factors, the stock renderer draws.
"""
from __future__ import annotations

import io
import warnings

import matplotlib
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from conftest import ROOT, run_cli, write_region
from ecosystem.render import fonts, static_png

BRABANT = ROOT / "regions" / "brabant"
PICTURE_FILES = ("map.png", "target.png", "numbers.png", "slides.pptx")


def _analyse(region, out, monkeypatch, stock: bool) -> dict[str, bytes]:
    with monkeypatch.context() as m:
        if stock:
            m.setattr(static_png, "MemoryFontCanvas", FigureCanvasAgg)
        result = run_cli("analyse", region, "--out", out, "--bootstrap", "0", "--null-samples", "1")
    assert result.exit_code == 0, result.output
    folder = next(p for p in out.iterdir() if p.is_dir())
    return {name: (folder / name).read_bytes() for name in PICTURE_FILES}


def test_brabant_pictures_and_slides_are_the_stock_canvas_bytes(tmp_path, monkeypatch):
    ours = _analyse(BRABANT, tmp_path / "ours", monkeypatch, stock=False)
    stock = _analyse(BRABANT, tmp_path / "stock", monkeypatch, stock=True)
    for name in PICTURE_FILES:
        assert ours[name] == stock[name], name


def test_names_in_scripts_the_font_lacks_draw_as_the_stock_canvas_draws_them(tmp_path, monkeypatch):
    groups = ["government", "employers", "education", "workers"]
    names = ["東京 Opleidingen", "Ελληνική Σχολή", "Ünïcödé Werkbedrijf", "שלום College", "Σ & <b>", "Ωmega",
             "Gemeente 's-Hertogenbosch", "العربية Leerwerkloket"]
    actors = [{"id": f"a{i}", "name": name, "group": groups[i % 4]} for i, name in enumerate(names)]
    relations = [{"source": f"a{i}", "target": f"a{j}", "type": "collaboration"}
                 for i in range(len(names)) for j in range(i + 1, len(names)) if (i + j) % 3]
    region = write_region(tmp_path / "scripts", actors, relations)
    ours = _analyse(region, tmp_path / "ours", monkeypatch, stock=False)
    stock = _analyse(region, tmp_path / "stock", monkeypatch, stock=True)
    for name in PICTURE_FILES:
        assert ours[name] == stock[name], name


def _drawn(canvas, family="DejaVu Sans") -> bytes:
    fig = Figure(figsize=(3, 1), dpi=150)
    canvas(fig)
    fig.text(0.05, 0.5, "Leerwerkloket Zuidoost-Brabant", family=family, fontsize=9)
    fig.text(0.05, 0.2, "VNO-NCW", family=family, fontsize=11, fontweight="bold")
    out = io.BytesIO()
    fig.canvas.print_png(out)
    return out.getvalue()


def test_the_canvas_takes_its_fonts_from_memory_and_draws_the_same_pixels():
    fonts._face.cache_clear()
    ours = _drawn(fonts.MemoryFontCanvas)
    info = fonts._face.cache_info()
    assert info.misses == 2 and info.hits > 0          # regular and bold, each opened once and reused
    assert ours == _drawn(FigureCanvasAgg)


@pytest.mark.parametrize("setting", [{"text.kerning_factor": 6}, {"text.hinting_factor": 1}])
def test_other_font_factors_leave_the_drawing_to_matplotlib(setting):
    with matplotlib.rc_context(setting):
        fonts._face.cache_clear()
        ours = _drawn(fonts.MemoryFontCanvas)
        assert fonts._face.cache_info().misses == 0
        assert ours == _drawn(FigureCanvasAgg)


def test_a_list_of_families_leaves_the_drawing_to_matplotlib():
    families = ["DejaVu Sans", "DejaVu Serif"]
    fonts._face.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours = _drawn(fonts.MemoryFontCanvas, family=families)
        assert fonts._face.cache_info().misses == 0
        assert ours == _drawn(FigureCanvasAgg, family=families)
