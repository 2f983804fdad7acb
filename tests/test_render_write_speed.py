"""Issue 10, the render and write stages: cheaper encodings and imports, the same pictures and files.

* The PNGs are encoded as 8-bit RGB at ``PNG_COMPRESS_LEVEL`` (static_png._png): their pixels
  must be exactly what matplotlib's own ``savefig(format="png")`` draws for the same figure
  (the independent reference), with the resolution recorded as before.
* The graph files escape XML in one pass: the same text as the standard library's
  ``xml.sax.saxutils.escape`` with the attribute entities.
* map.html reads vis-network from pyvis's folder without importing pyvis (or networkx).
* The workbooks' data rows, written straight into the sheet's row stream, are the bytes xlsxwriter
  writes cell by cell through its public writers (hostile text, long text, rich-looking text, NaN).
"""
from __future__ import annotations

import io
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from ecosystem.analysis.pipeline import analyse_region
from ecosystem.io.region import load_region
from ecosystem.locale import Locale
from ecosystem.render.layout import compute_layout

ROOT = Path(__file__).resolve().parents[1]
BRABANT = ROOT / "regions" / "brabant"


@pytest.fixture(scope="module")
def brabant():
    analysis = analyse_region(load_region(BRABANT), seed=0, bootstrap_samples=0, null_samples=2)
    layout = compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0)
    return analysis, layout


def _pixels(data: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(data)).convert("RGBA"))


@pytest.mark.parametrize("figure", ["_map_figure", "_target_figure", "_numbers_figure"])
def test_png_has_the_pixels_matplotlib_saves_as_rgb_with_the_same_resolution(brabant, figure):
    import matplotlib

    from ecosystem.render import static_png

    analysis, layout = brabant
    loc = Locale("nl")
    args = (analysis, loc, loc.section("report")) if figure == "_numbers_figure" else (
        analysis, layout, loc, loc.section("report"))
    with matplotlib.rc_context(static_png.RC):
        fig = getattr(static_png, figure)(*args)
        reference = io.BytesIO()
        fig.savefig(reference, dpi=static_png.DPI, format="png", facecolor=static_png.HALO,
                    metadata={"Software": None})
        ours = static_png._png(fig)
    image = Image.open(io.BytesIO(ours))
    assert image.mode == "RGB" and image.size == (static_png.WIDTH_PX, static_png.HEIGHT_PX)
    assert image.info["dpi"] == Image.open(reference).info["dpi"]
    assert np.array_equal(_pixels(ours), _pixels(reference.getvalue()))
    assert b"tEXt" not in ours and b"iTXt" not in ours          # no software version, no clock
    assert len(ours) <= len(reference.getvalue())               # RGB at level 3: not larger on Brabant's


def test_region_picture_is_the_same_encoding(brabant):
    from ecosystem.render.static_png import region_target_png

    data = region_target_png(brabant[0], Locale("en"))
    image = Image.open(io.BytesIO(data))
    assert image.mode == "RGB" and image.format == "PNG"


def test_graph_file_escape_matches_the_standard_library():
    from xml.sax.saxutils import escape as reference

    from ecosystem.io.graph_files import escape

    entities = {'"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
    rng = random.Random(7)
    alphabet = "a&<>\"'\n\r\t;#x é"
    texts = ["", "&amp;", "<&>", 'say "hi"\n'] + [
        "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 15))) for _ in range(3000)]
    for text in texts:
        assert escape(text) == reference(text, entities), repr(text)


def test_map_reads_vis_network_without_importing_pyvis():
    code = ("import sys\n"
            "from ecosystem.render.map_html import vis_network_js, vis_network_css\n"
            "js, css = vis_network_js(), vis_network_css()\n"
            "assert '@version 9.1.2' in js[:2000] and '.vis-network' in css\n"
            "print(sorted(m for m in ('pyvis', 'networkx', 'IPython') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


def _reference_xlsx(path: Path, sheets: dict) -> bytes:
    """The workbook written cell by cell through xlsxwriter's public writers (the oracle of write_xlsx)."""
    import datetime
    import math

    import xlsxwriter

    options = {"constant_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
               "strings_to_numbers": False, "nan_inf_to_errors": False}
    with xlsxwriter.Workbook(str(path), options) as book:
        book.set_properties({"created": datetime.datetime(1980, 1, 1, tzinfo=datetime.timezone.utc)})
        bold = book.add_format({"bold": True})
        for name, frame in sheets.items():
            sheet = book.add_worksheet(name)
            sheet.write_row(0, 0, [str(c) for c in frame.columns], bold)
            for r, row in enumerate(frame.itertuples(index=False), start=1):
                for c, value in enumerate(row):
                    if isinstance(value, (bool, np.bool_)):
                        sheet.write_boolean(r, c, bool(value))
                    elif isinstance(value, (int, float, np.integer, np.floating)):
                        if math.isfinite(value):
                            sheet.write_number(r, c, float(value))
                    elif value is not None:
                        sheet.write_string(r, c, str(value))
            sheet.freeze_panes(1, 0)
            if len(frame.columns):
                sheet.autofilter(0, 0, len(frame), len(frame.columns) - 1)
    return path.read_bytes()


def test_xlsx_rows_written_directly_are_the_bytes_xlsxwriter_writes_cell_by_cell(tmp_path):
    import pandas as pd

    from ecosystem.io.outputs import write_xlsx

    rng = random.Random(3)
    texts = ["plain", " leading", "trailing ", "\ttab", "line\nbreak", "a & b < c > d \"q\" 'a'", "=HYPERLINK(\"x\")",
             "ctrl\x01\x1f", "_x0041_ literal", "<r>looks rich</r>", "\ufffe\uffff", "emoji 😀", "", "x" * 20000,
             "😀" * 17000, "ünïcödé", "  ", "12", "TRUE"]
    n = 60
    numbers = [rng.choice([0.0, -0.0, 1.0, 1e-300, 1.7976931348623157e308, 123456789.123456789, 1 / 3,
                           float("nan"), float("inf"), -float("inf"), -2.5]) for _ in range(n)]
    mixed = [rng.choice([None, True, np.bool_(False), 3, np.int64(-7), np.float32(0.1), float("nan"),
                         rng.choice(texts)]) for _ in range(n)]
    frame = pd.DataFrame({
        "text": [rng.choice(texts) for _ in range(n)],
        "number": numbers,
        "integer": list(range(n)),
        "flag": [rng.random() < 0.5 for _ in range(n)],
        "mixed": mixed,
        "sparse": [None if k % 3 else rng.choice(texts) for k in range(n)],
    })
    frame.loc[5, ["number"]] = float("nan")
    empty_rows = pd.DataFrame({"a": [None, "x", None], "b": [float("nan"), 1.0, float("nan")]})
    sheets = {"one": frame, "empty rows": empty_rows, "no rows": frame.iloc[:0], "no columns": pd.DataFrame()}
    ours = write_xlsx(tmp_path / "ours.xlsx", sheets).read_bytes()
    assert ours == _reference_xlsx(tmp_path / "reference.xlsx", sheets)


def test_frozen_heap_hides_living_objects_from_the_collector_and_hands_them_back():
    import gc

    from ecosystem.io.outputs import frozen_heap

    assert gc.get_freeze_count() == 0
    living = [object() for _ in range(1000)]
    with frozen_heap():
        assert gc.get_freeze_count() >= len(living)      # the analysis (here: these) is not scanned again
        with frozen_heap():                              # nested (render, then write): still frozen after
            pass
        assert gc.get_freeze_count() >= len(living)
    assert gc.get_freeze_count() == 0                    # handed back: nothing stays frozen behind the caller
    gc.freeze()
    try:
        with frozen_heap():
            pass
        assert gc.get_freeze_count() >= len(living)      # a caller's own freeze is left as it was
    finally:
        gc.unfreeze()


def test_analyse_imports_the_render_stage_while_the_regions_are_analysed(tmp_path, monkeypatch):
    """``analyse`` hands analyse_loaded a ``meanwhile`` that imports the render stage's modules; it runs
    once the whole network is analysed and only when regions' analyses were started beside it."""
    from ecosystem import api

    calls = []
    real = api._import_render_stage

    def recording():
        calls.append("called")
        real()
    monkeypatch.setattr(api, "_import_render_stage", recording)
    result = api.analyse(BRABANT, out=tmp_path / "out", bootstrap=0, null_samples=2)
    assert calls == ["called"] and (result.out_dir / "slides.pptx").exists()
    assert result.analysis.extras.by_region is not None          # Brabant names four arbeidsmarktregio's

    region = tmp_path / "one"
    region.mkdir()
    (region / "actors.csv").write_text("id,name,group\na,A,government\nb,B,employers\nc,C,education\n")
    (region / "relations.csv").write_text("source,target,type\na,b,collaboration\nb,c,delivery\n")
    seen = []
    api.analyse_loaded(api.load(region), bootstrap=0, null_samples=2, meanwhile=lambda: seen.append(1))
    assert seen == []                                               # no region named: nothing runs beside
