"""Fonts read from memory for the pictures' Agg canvas: the same glyphs, without a system call per glyph.

Matplotlib's ``FT2Font`` opened from a path reads the font file through Python's buffered file object, and
FreeType seeks and reads for every glyph it loads (its ``loca``, ``glyf`` and metrics entries lie apart in the
file): most of the 0.3-0.5 ms that laying out or drawing one label costs is those calls, twice per label
(measured, then drawn). ``FT2Font`` also takes a file-like object; opened from the file's bytes in an
``io.BytesIO`` it loads the same glyphs two to three times as fast: ``FT2Font.set_text`` over the 1,078 texts of
a Brabant run's pictures, 0.19-0.27 against 0.09 s (``SORT=tottime python bench/bench_render.py --sizes
--profile --workers 1``, issue 10).

:class:`MemoryFontCanvas` is ``FigureCanvasAgg`` whose renderer takes its fonts from :func:`face` instead of
``matplotlib.font_manager.get_font``; everything else (sizes, hinting, kerning, the drawing) is Agg's own, so
the pixels are the same (tests/test_fonts.py compares every picture's bytes with the stock canvas's). Where
matplotlib would not use exactly one font file with its default factors (a fallback list of families,
another ``text.hinting_factor`` or ``text.kerning_factor``), or where its renderer has no ``_prepare_font``
to take the font from (another matplotlib than ``pyproject.toml`` admits), the stock renderer draws.
"""
from __future__ import annotations

import io
import os
import threading
from functools import lru_cache
from pathlib import Path

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.font_manager import FontProperties, findfont
from matplotlib.ft2font import FT2Font

__all__ = ["MemoryFontCanvas", "face", "font_path"]

# FT2Font's own defaults, which face() relies on: a font opened with other factors is matplotlib's to open.
_DEFAULT_HINTING_FACTOR, _DEFAULT_KERNING_FACTOR = 8, 0


def face(path: str) -> FT2Font:
    """The ``FT2Font`` of the font file at ``path``, read from memory (one per file, process and thread).

    Like matplotlib's own cache, a face is not shared across a ``fork`` (FreeType's state is not meant to be)
    nor between threads (an ``FT2Font`` holds the text it last laid out).
    """
    return _face(str(path), os.getpid(), threading.get_ident())


@lru_cache(maxsize=32)
def _face(path: str, pid: int, thread: int) -> FT2Font:
    return FT2Font(io.BytesIO(Path(path).read_bytes()), _DEFAULT_HINTING_FACTOR)


def font_path(prop: FontProperties) -> str | None:
    """The one font file matplotlib draws ``prop`` with, or None where it would not draw with exactly one file
    at FT2Font's default factors (a fallback list of families, or other ``text.*_factor`` settings)."""
    if len(prop.get_family()) != 1:
        return None
    if (matplotlib.rcParams["text.hinting_factor"] != _DEFAULT_HINTING_FACTOR
            or matplotlib.rcParams["text.kerning_factor"] != _DEFAULT_KERNING_FACTOR):
        return None
    return findfont(prop)


class MemoryFontCanvas(FigureCanvasAgg):
    """``FigureCanvasAgg`` whose renderer reads fonts from memory (:func:`face`)."""

    def get_renderer(self) -> RendererAgg:
        renderer = super().get_renderer()
        stock = getattr(type(renderer), "_prepare_font", None)
        if stock is not None and "_prepare_font" not in vars(renderer):
            # Agg measures and draws every text through _prepare_font: the face, cleared and sized.
            def prepare_font(prop: FontProperties) -> FT2Font:
                path = font_path(prop)
                if path is None:
                    return stock(renderer, prop)
                font = face(path)
                font.clear()
                font.set_size(prop.get_size_in_points(), renderer.dpi)
                return font
            renderer._prepare_font = prepare_font
        return renderer
