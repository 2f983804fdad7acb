"""The pictures' titles and notes stay inside the picture, however long the region's name.

map.png, target.png and numbers.png put the title ('Netwerk <region>') and the note under it (region.toml's
note; with --anonymise, that the picture is anonymous) at the top. A long name was never wrapped and ran off
the right edge; the note was wrapped at a fixed number of characters that still overflowed. Through the CLI,
the right margin beside the title band of every picture must be background (no glyph crosses the edge);
through matplotlib, every header text lies inside the figure and above the drawings.
"""
from __future__ import annotations

import shutil

import numpy as np
import pytest
from matplotlib.colors import to_rgb
from PIL import Image

from conftest import FIXTURES, run_cli

from ecosystem.render import static_png
from ecosystem.render.style import HALO

FAST = ("--bootstrap", "0", "--null-samples", "5")
WORDS = ("Samenwerkingsverband Leven Lang Ontwikkelen van gemeenten, onderwijsinstellingen, werkgevers en "
         "werkenden in de arbeidsmarktregio Twente en de Achterhoek en omstreken")


def _long(text: str, n: int) -> str:
    """``text`` repeated to exactly ``n`` characters, ending on a letter."""
    out = (text + " ") * (n // len(text) + 1)
    return out[:n - 1].rstrip() + "x"


NAME = _long(WORDS, 120)
NOTE = _long("Deze kaart is opgesteld op basis van gesprekken met partners in de regio en is nog niet door alle "
             "partners gecontroleerd; lees hem als een eerste beeld.", 700)


def _region(tmp_path):
    folder = tmp_path / "lang"
    shutil.copytree(FIXTURES / "twente", folder)
    (folder / "region.toml").write_text(
        f'name = "{NAME}"\narbeidsmarktregios = ["Twente", "Achterhoek"]\nperiod = "2024"\nnote = "{NOTE}"\n\n'
        f'[en]\nname = "{NAME.replace("gemeenten", "municipalities")}"\nnote = "{NOTE}"\n', encoding="utf-8")
    return folder


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_long_title_and_note_never_cross_the_pictures_right_edge(tmp_path, lang):
    assert len(NAME) == 120
    result = run_cli("analyse", _region(tmp_path), "--out", tmp_path / "out", "--lang", lang, *FAST)
    assert result.exit_code == 0, result.output
    background = np.array([round(255 * c) for c in to_rgb(HALO)])
    for picture in ("map.png", "target.png", "numbers.png"):
        pixels = np.asarray(Image.open(tmp_path / "out" / "lang" / picture).convert("RGB")).astype(int)
        height, width = pixels.shape[:2]
        assert (height, width) == (static_png.HEIGHT_PX, static_png.WIDTH_PX)
        band = pixels[:int(height * (1 - static_png.HEADER_BOTTOM)), :]       # the title and the note
        assert (np.abs(band - background).sum(axis=2) > 60).any(), picture     # the header is drawn
        # the right margin beside the header: background only (a title running off the edge inks it)
        edge = band[:, width - 24:]
        assert (np.abs(edge - background).sum(axis=2) <= 60).all(), picture


@pytest.mark.parametrize("name, note", [("Twente", ""), ("Twente", NOTE), (NAME, ""), (NAME, NOTE),
                                        (_long(WORDS, 400), NOTE), ("X" * 200, "Y" * 500)])
def test_the_header_lies_inside_the_picture_and_above_the_drawing(name, note):
    """Every text of the header (matplotlib's own measure of the drawn glyphs) within the figure's width and
    between its top and HEADER_BOTTOM, where the drawings begin; the title's words all shown, in order."""
    import matplotlib

    with matplotlib.rc_context(static_png.RC):
        fig = static_png._new_figure()
        title = f"Netwerk {name}"
        static_png._title(fig, title, note)
        renderer = fig.canvas.get_renderer()
        texts = [t for t in fig.texts if t.get_text()]
        assert texts
        box = fig.bbox
        for t in texts:
            ext = t.get_window_extent(renderer)
            assert box.x0 <= ext.x0 and ext.x1 <= box.x1, (t.get_text()[:40], ext, box)
            assert ext.y1 <= box.y1 and ext.y0 >= box.y0 + static_png.HEADER_BOTTOM * box.height, \
                (t.get_text()[:40], ext.y0 / box.height)
        shown = texts[0].get_text()
        if "\u2026" not in shown:            # shown whole: every word of the title, in order
            assert shown.split() == title.split() or "".join(shown.split()) == "".join(title.split())
        if note:                             # the note under it, from its start
            assert len(texts) == 2 and note.startswith(texts[1].get_text().split()[0].rstrip("\u2026"))
        if len(name) < 40:                   # a short title keeps the largest size, on one line
            assert texts[0].get_fontsize() == static_png.TITLE_SIZES[0] and "\n" not in shown


def _wrapped_word_by_word(fig, text: str, width: float, most, **font) -> list[str]:
    """The wrap as first written: each word added to the last line if the line, measured again, still fits.
    The reference for static_png._wrapped, which guesses how many words fit and measures around the guess."""
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()
    prop = FontProperties(size=font.get("fontsize"), weight=font.get("fontweight", "normal"))

    def fits(line: str) -> bool:
        return renderer.get_text_width_height_descent(line, prop, ismath=False)[0] <= width

    def longest(word: str, end: str = "") -> int:
        return max([k for k in range(1, len(word) + 1) if fits(word[:k] + end)] or [1])

    lines: list[str] = []
    for word in text.split():
        if most is not None and len(lines) > most:
            break
        if lines and fits(f"{lines[-1]} {word}"):
            lines[-1] = f"{lines[-1]} {word}"
            continue
        while not fits(word) and len(word) > 1:
            cut = longest(word)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    if most is not None and len(lines) > most:
        lines = lines[:most]
        last = lines[-1].split(" ")
        while len(last) > 1 and not fits(" ".join(last) + " \u2026"):
            last.pop()
        if len(last) == 1:
            last = [last[0][:longest(last[0], " \u2026")]]
        lines[-1] = " ".join(last) + " \u2026"
    return lines or [""]


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")   # the CJK word, measured
@pytest.mark.parametrize("seed", range(6))
def test_wrapping_gives_the_lines_of_adding_word_after_word(seed):
    """static_png._wrapped finds each line's words from a guess and measures around it: the same lines as
    adding word after word and measuring the line each time, for narrow and wide headers, long words (broken
    inside), accents and a glyph DejaVu lacks, every title size, bold or not, with and without a most."""
    import random

    import matplotlib

    rng = random.Random(seed)
    vocabulary = (WORDS + " Één café ’s-Hertogenbosch WWW MMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMMM i l . , "
                  "Werkgeversservicepunt-Noordoost-Brabant-en-omstreken \u4e2d\u6587 (LLO) 2024–2030").split()
    with matplotlib.rc_context(static_png.RC):
        fig = static_png._new_figure()
        for _ in range(25):
            text = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 40)))
            width = rng.choice([60.0, 200.0, 517.5, 900.0, (static_png.HEADER_RIGHT - static_png.HEADER_LEFT)
                                * fig.bbox.width])
            font = {"fontsize": rng.choice(static_png.TITLE_SIZES + (static_png.NOTE_SIZE,))}
            if rng.random() < 0.5:
                font["fontweight"] = "bold"
            most = rng.choice([None, 1, 2, 3])
            assert static_png._wrapped(fig, text, width, most, **font) == \
                _wrapped_word_by_word(fig, text, width, most, **font), (text, width, most, font)


@pytest.mark.parametrize("seed", range(3))
def test_text_sizes_are_those_of_a_text_added_to_the_figure(seed):
    """static_png._TextSizes measures with one probe per set of properties: the same width and height, to the
    bit, as the text ``fig.text(0, 0, ...)`` adds (and removes again), for the pictures' numbers, badges and
    names (several lines, bold, parse_math off), each measured after texts of other lengths and properties."""
    import random

    import matplotlib

    rng = random.Random(seed)
    kinds = ({"fontsize": 5.5, "color": "#222222", "ha": "center", "va": "center"},
             {"fontsize": 9, "fontweight": "bold"},
             {"fontsize": 8.5, "fontweight": "bold", "color": "#1f3a5f", "linespacing": 1.05, "parse_math": False,
              "ha": "center", "va": "center"},
             {"fontsize": 7.5, "fontweight": "normal", "color": "#222222", "linespacing": 1.05, "parse_math": False,
              "ha": "center", "va": "center"})
    words = WORDS.split() + ["’s-Hertogenbosch", "$x$", "K1", "C3", "Één"]
    with matplotlib.rc_context(static_png.RC):
        fig = static_png._new_figure()
        sizes = static_png._TextSizes(fig)
        for _ in range(60):
            props = rng.choice(kinds)
            text = (str(rng.randint(1, 999)) if props["fontsize"] == 5.5 else
                    "\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
                              for _ in range(rng.randint(1, 3))))
            added = fig.text(0, 0, text, **props)
            box = added.get_window_extent(fig.canvas.get_renderer())
            added.remove()
            assert sizes(text, **props) == (box.width, box.height), (text, props)
        assert not fig.texts
