"""Issue 10, the render and write stages: cheaper encodings and imports, the same pictures and files.

* The PNGs are encoded as 8-bit RGB, rows unfiltered, at ``PNG_COMPRESS_LEVEL`` (static_png._png): their pixels
  must be exactly what matplotlib's own ``savefig(format="png")`` draws for the same figure
  (the independent reference), with the resolution recorded as before.
* slides.pptx stores its pictures' PNG bytes as they are (deflating them again gained nothing).
* The graph files escape XML in one pass: the same text as the standard library's
  ``xml.sax.saxutils.escape`` with the attribute entities.
* map.html reads vis-network from pyvis's folder without importing pyvis (or networkx).
* (The workbooks' rows written straight into xlsxwriter's row stream: tests/test_write_fast.py.)
"""
from __future__ import annotations

import io
import os
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
    args = (analysis.region, analysis.network, loc, loc.section("report")) if figure == "_numbers_figure" else (
        analysis, layout, loc, loc.section("report"))
    with matplotlib.rc_context(static_png.RC):
        fig = getattr(static_png, figure)(*args)
        ours = static_png._png(fig)           # first, on a figure never drawn, as the write stage draws it
        reference = io.BytesIO()
        fig.savefig(reference, dpi=static_png.DPI, format="png", facecolor=static_png.HALO,
                    metadata={"Software": None})
    image = Image.open(io.BytesIO(ours))
    assert image.mode == "RGB" and image.size == (static_png.WIDTH_PX, static_png.HEIGHT_PX)
    assert image.info["dpi"] == Image.open(reference).info["dpi"]
    assert np.array_equal(_pixels(ours), _pixels(reference.getvalue()))
    assert b"tEXt" not in ours and b"iTXt" not in ours          # no software version, no clock
    assert len(ours) <= len(reference.getvalue())               # RGB at level 3: not larger on Brabant's


def test_region_picture_has_the_pixels_matplotlib_saves(brabant, monkeypatch):
    """The slides' region pictures go through the same encoder: RGB, the pixels of matplotlib's own PNG."""
    from ecosystem.render import static_png

    saved = []
    encode = static_png._png

    def reference_too(fig):
        ours = encode(fig)                   # first, on a figure never drawn
        reference = io.BytesIO()
        fig.savefig(reference, dpi=static_png.DPI, format="png", facecolor=static_png.HALO,
                    metadata={"Software": None})
        saved.append(reference.getvalue())
        return ours
    monkeypatch.setattr(static_png, "_png", reference_too)
    data = static_png.region_target_png(brabant[0], Locale("en"))
    image = Image.open(io.BytesIO(data))
    assert image.mode == "RGB" and image.format == "PNG"
    assert len(saved) == 1 and np.array_equal(_pixels(data), _pixels(saved[0]))


def test_slides_store_their_pictures_as_the_pngs_are(tmp_path):
    """slides.pptx keeps each picture's PNG bytes stored (not deflated again), every other part deflated;
    python-pptx reads it back with map.png's bytes as one of its pictures."""
    import zipfile

    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from ecosystem import api

    result = api.analyse(BRABANT, out=tmp_path / "out", bootstrap=0, null_samples=2)
    with zipfile.ZipFile(result.out_dir / "slides.pptx") as package:
        media = [i for i in package.infolist() if i.filename.startswith("ppt/media/")]
        assert media and all(i.compress_type == zipfile.ZIP_STORED for i in media)
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in package.infolist() if i not in media)
    blobs = {shape.image.blob for slide in Presentation(str(result.out_dir / "slides.pptx")).slides
             for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE}
    assert (result.out_dir / "map.png").read_bytes() in blobs


def test_slides_are_the_same_file_whether_python_pptx_deflates_its_entries_or_stores_them(tmp_path, monkeypatch):
    """render.slides has python-pptx store its package's entries (slides._entries_stored) and deflates them
    itself when it writes the package again: the same bytes as with python-pptx deflating them first, and
    python-pptx's zip writer has its own zipfile module back afterwards."""
    import contextlib
    import zipfile

    from pptx.opc import serialized

    from ecosystem import api
    from ecosystem.render import slides

    with slides._entries_stored():       # the swap happens (the write stage's workers are forked: not seen here)
        assert serialized.zipfile.ZIP_DEFLATED == zipfile.ZIP_STORED
    assert serialized.zipfile is zipfile
    stored = api.analyse(BRABANT, out=tmp_path / "stored", bootstrap=0, null_samples=2)
    assert serialized.zipfile is zipfile
    monkeypatch.setattr(slides, "_entries_stored", contextlib.nullcontext)
    deflated = api.analyse(BRABANT, out=tmp_path / "deflated", bootstrap=0, null_samples=2)
    assert (stored.out_dir / "slides.pptx").read_bytes() == (deflated.out_dir / "slides.pptx").read_bytes()


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


def test_frozen_heap_hides_living_objects_from_the_collector_and_hands_them_back():
    import gc

    from ecosystem.parallel import frozen_heap

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


def test_collections_paused_runs_no_collection_within_and_restores_the_collector():
    """Within collections_paused no automatic collection runs, however much is allocated (the render stage's
    imports: 25-90 ms of full collections before); afterwards the collector is on again, or off where it was."""
    import gc

    from ecosystem.parallel import collections_paused

    runs = []

    def count(phase, info):
        if phase == "start":
            runs.append(info["generation"])
    gc.callbacks.append(count)
    try:
        with collections_paused():
            assert not gc.isenabled()
            made = [[k] for k in range(20 * gc.get_threshold()[0])]     # twenty times the young generation's threshold
            within = list(runs)
        assert within == [] and made
        assert gc.isenabled()
        made = [[k] for k in range(20 * gc.get_threshold()[0])]
        assert runs                                                      # the collector runs again
        gc.disable()
        with collections_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.callbacks.remove(count)


def test_after_freeze_for_good_what_frozen_heap_freezes_stays_frozen_with_what_was_made_within():
    """The ecosystem command's mode (parallel.freeze_for_good, a one-shot process): objects alive at a
    frozen_heap's start, and those made within it (imported modules, say), stay out of the collector's
    scans after it; in a process of its own, since the mode lasts as long as the process."""
    code = ("import gc\n"
            "from ecosystem.parallel import freeze_for_good, frozen_heap\n"
            "freeze_for_good()\n"
            "older = [[] for _ in range(100)]\n"
            "assert any(o is older[0] for o in gc.get_objects())\n"
            "with frozen_heap():\n"
            "    assert not any(o is older[0] for o in gc.get_objects())\n"
            "    made = [[] for _ in range(100)]\n"
            "    assert any(o is made[0] for o in gc.get_objects())\n"
            "assert not any(o is older[0] or o is made[0] for o in gc.get_objects())\n"
            "print('ok')\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done


def test_the_command_freezes_what_is_alive_when_it_starts():
    """``cli.run`` (the ``ecosystem`` command, a one-shot process) freezes the objects alive at its start, so every
    frozen_heap after it keeps what it froze: full collections in the analysing process scan only young objects."""
    code = ("import gc\n"
            "import ecosystem.cli as cli\n"
            "cli.main = lambda: print(gc.get_freeze_count() > 0)\n"
            "cli.run()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "True", done


def test_analyse_imports_the_render_stage_while_the_regions_are_analysed(tmp_path, monkeypatch):
    """``analyse`` imports the render stage's modules while other processes analyse. A small region
    (up to api.BESIDE_MAX_ACTORS actors) is analysed on a process of its own from the start
    (parallel.beside), the imports run here meanwhile; a larger one is analysed here, and
    analyse_loaded's ``meanwhile`` does the imports once, while other processes compute (the whole
    network's samples, the regions' analyses), before the regions are collected; not at all when
    nothing runs beside the analysing process. The imports pause the garbage collector only in the first case
    (in the analysing process of a large region the pause cost peak memory)."""
    from ecosystem import api

    from ecosystem.analysis.by_region import PendingRegions

    calls = []
    real, collect, analyse_loaded = api._import_render_stage, PendingRegions.result, api.analyse_loaded

    def recording(collect=True):
        calls.append(("imports", os.getpid(), collect))
        real(collect)
    monkeypatch.setattr(api, "_import_render_stage", recording)
    monkeypatch.setattr(PendingRegions, "result",
                        lambda self, *a, **k: calls.append(("collect", os.getpid())) or collect(self, *a, **k))
    monkeypatch.setattr(api, "analyse_loaded",
                        lambda *a, **k: calls.append(("analyse", os.getpid())) or analyse_loaded(*a, **k))
    result = api.analyse(BRABANT, out=tmp_path / "out", bootstrap=0, null_samples=2)
    # the rest elsewhere; the imports without collections, in a process of their own (api._import_render_stage)
    assert calls == [("imports", os.getpid(), False)] and (result.out_dir / "slides.pptx").exists()
    assert result.analysis.extras.by_region is not None          # Brabant names four arbeidsmarktregio's
    calls.clear()
    monkeypatch.setattr(api, "BESIDE_MAX_ACTORS", 10)            # Brabant as a large region: analysed here
    again = api.analyse(BRABANT, out=tmp_path / "out", bootstrap=0, null_samples=2)
    assert calls == [("analyse", os.getpid()), ("imports", os.getpid(), True), ("collect", os.getpid())]
    assert again.summary == result.summary                       # the same analysis, wherever it ran

    region = tmp_path / "one"
    region.mkdir()
    (region / "actors.csv").write_text("id,name,group\na,A,government\nb,B,employers\nc,C,education\n")
    (region / "relations.csv").write_text("source,target,type\na,b,collaboration\nb,c,delivery\n")
    seen = []
    monkeypatch.setenv("ECOSYSTEM_WORKERS", "1")                    # no worker processes: the samples run here
    api.analyse_loaded(api.load(region), bootstrap=0, null_samples=2, meanwhile=lambda: seen.append(1))
    assert seen == []                                               # and no region named: nothing runs beside
    monkeypatch.setenv("ECOSYSTEM_WORKERS", "2")
    api.analyse_loaded(api.load(region), bootstrap=0, null_samples=2, meanwhile=lambda: seen.append(1))
    assert seen == [1]                                              # once, while the workers compute the samples


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_what_needs_no_analysis_is_drawn_while_the_analysis_runs_and_is_the_same(tmp_path, monkeypatch, lang):
    """`analyse` draws the map's network view (layout.force_layout: the tie network and the seed) and
    numbers.png (static_png.numbers_png: the actors and the region's name) beside the analysis, once each,
    and the render stage uses them instead of drawing them again: the same files as rendering everything
    afterwards, in either language; a network view of the wrong size is refused."""
    from ecosystem import api
    from ecosystem.render import documents, layout, static_png

    monkeypatch.setenv("ECOSYSTEM_WORKERS", "1")     # every stage in this process, so every call is seen here
    calls, rendering = [], []
    original, render, numbers = layout.force_layout, documents.render_documents, static_png.numbers_png
    monkeypatch.setattr(layout, "force_layout",
                        lambda net, seed: calls.append(("view", bool(rendering))) or original(net, seed))
    monkeypatch.setattr(static_png, "numbers_png",
                        lambda *args: calls.append(("numbers", bool(rendering))) or numbers(*args))
    monkeypatch.setattr(documents, "render_documents",
                        lambda *args, **kwargs: rendering.append(1) or render(*args, **kwargs))
    result = api.analyse(BRABANT, out=tmp_path / "out", lang=lang, bootstrap=0, null_samples=2)
    # once each, before the render stage; the write stage draws neither again
    assert rendering and calls == [("view", False), ("numbers", False)]
    monkeypatch.undo()
    again = api.write(api.render(result.analysis, lang, only=["map", "pngs"]), tmp_path / "again", BRABANT)[1]
    for name in ("map", "map_png", "target_png", "numbers_png"):
        assert again[name].read_bytes() == result.files[name].read_bytes(), name
    analysis = result.analysis
    with pytest.raises(ValueError, match="network view"):
        compute_layout(analysis.network, analysis.coreness.coreness, analysis.core.core, 0, network=np.zeros((3, 2)))


def test_templates_are_compiled_with_the_render_stage_imports(monkeypatch):
    """`analyse` compiles every page template while the analysis runs (api._import_render_stage), into the
    one environment's cache, so the write stage's forked workers render without compiling them again."""
    from ecosystem import api
    from ecosystem.render import templating

    calls = []
    monkeypatch.setattr(templating, "compile_templates", lambda: calls.append(1))
    api._import_render_stage()
    assert calls == [1]
    monkeypatch.undo()
    env = templating.environment()
    env.cache.clear()
    templating.compile_templates()
    compiled = {template.name for template in env.cache.values()}
    assert compiled == set(env.list_templates(extensions=["j2"])) >= {"report.html.j2", "map.html.j2"}


def test_compiled_templates_are_kept_in_jinja2s_bytecode_cache_and_an_unwritable_cache_is_skipped(tmp_path,
                                                                                                monkeypatch):
    """A second process loads the compiled templates from the cache instead of compiling them (about 0.05 CPU s
    of every analyse); where the cache cannot be written or a cache file is cut short, the templates are
    compiled and used all the same."""
    import jinja2

    from ecosystem.render import templating

    def fresh(directory):          # the environment a new process makes, with its cache in ``directory``
        env = templating.environment.__wrapped__()
        env.bytecode_cache = templating.bytecode_cache(str(directory))
        return env

    first = fresh(tmp_path).get_template("report.html.j2")
    assert [p.suffix for p in tmp_path.iterdir()] == [".cache"]
    # another Jinja2 release or other settings compile anew (the cache file's name holds both)
    pattern = templating._cache_pattern
    assert templating._CACHE_PATTERN == pattern(jinja2.__version__, templating._ENVIRONMENT)
    assert pattern("0.0", templating._ENVIRONMENT) != templating._CACHE_PATTERN
    assert pattern(jinja2.__version__, {**templating._ENVIRONMENT, "trim_blocks": False}) != templating._CACHE_PATTERN
    monkeypatch.setattr(templating, "_CACHE_PATTERN", "__other_%s.cache")
    fresh(tmp_path).get_template("report.html.j2")
    assert len(list(tmp_path.iterdir())) == 2
    monkeypatch.undo()
    compiled = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile",
                        lambda self, *args, **kwargs: compiled.append(args) or original(self, *args, **kwargs))
    again = fresh(tmp_path).get_template("report.html.j2")
    assert compiled == []
    assert again.root_render_func.__code__.co_code == first.root_render_func.__code__.co_code
    absent = tmp_path / "absent"           # a folder that is not there: the cache file cannot be written
    fresh(absent).get_template("report.html.j2")
    assert len(compiled) == 1 and not absent.exists()
    for cached in tmp_path.glob("*.cache"):  # a cache file cut short: compiled from the source instead
        cached.write_bytes(cached.read_bytes()[:40])
    cut = fresh(tmp_path).get_template("report.html.j2")
    assert len(compiled) == 2 and cut.root_render_func.__code__.co_code == first.root_render_func.__code__.co_code
