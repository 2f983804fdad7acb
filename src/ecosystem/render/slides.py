"""slides.pptx: the analysis as editable slides for the meeting (python-pptx).

``render_slides(analysis, names, loc, title, target_png, map_png, path)`` writes a 16:9
presentation with

1. a title slide: region, period, arbeidsmarktregio's and region.toml's note (the
   illustrative example says it is illustrative) or else its source;
2. the target view (``target.png``) and 3. the network map (``map.png``), embedded;
   followed by the legend of their numbers (``layout.actor_numbers``, as numbers.png), over as
   many slides as it needs;
4. the core and the orchestrator candidates with their reasons (on a second slide where they do
   not fit on one);
5. the key groups with and without a seat in the core and at the core's governance tables
   (the agency indicator's seats);
6. how sure (the resampling lines, as the terminal prints them);
7. the diagnosis, one line per indicator;
8. one slide per arbeidsmarktregio when the per-region analyses (``analysis.extras.by_region``)
   hold several (see :func:`region_slides`): its facts and how sure they are, beside its target
   view with its strongest candidates named and no numbers (the legend numbers the whole data set).

Everything is read from the analysis results and the PNGs already rendered; nothing is
computed here. Each text box is filled only as far as a conservative estimate of its wrapped
lines (:func:`text_height`) fits the slide; longer text goes on to a continued slide. All text
is real, editable slide text in the reader's language (``loc``); pictures are
embedded, nothing is linked outside the file. The zip entries get a fixed timestamp and the
document properties fixed dates, so the same results give the same bytes.

References
----------
python-pptx documentation, https://python-pptx.readthedocs.io/
"""
from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from ..analysis.by_region import RegionEntry
from ..analysis.orchestrator import TOP_CANDIDATES
from ..analysis.pipeline import Analysis, core_ids
from ..anonymise import anonymised_line
from ..locale import Locale
from ..vocab import KEY_GROUPS
from .diagnosis_text import indicator_mark, indicator_sentence, indicator_title
from .layout import NUMBERS_MAX_ACTORS, actor_numbers, number_key
from .report_html import picture_alt, whole_picture_alt
from .terminal import _stability_lines, candidate_lines, region_stability_lines, seat_sentence  # one wording of "how sure" for terminal and slides

__all__ = ["render_slides", "region_slides", "text_height"]

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
MAX_CORE_NAMES = 20
TEXT_SIZES = (18, 16, 14)   # points, largest that fits; below the last the text goes on to a next slide
SPACE_AFTER = 6             # points after each paragraph
LEGEND_COLUMNS, LEGEND_SIZE, LEGEND_SPACE = 3, 12, 0
# A conservative estimate of wrapped text: an average character 0.6 em wide (the default theme
# font, Calibri, averages about 0.5 em for Dutch text), lines 1.2 em apart, the text box's insets.
CHAR_EM, LINE_EM = 0.6, 1.2
INSET_W, INSET_H = Inches(0.2), Inches(0.1)
FIXED_TIME = dt.datetime(2000, 1, 1)


def render_slides(analysis: Analysis, names: dict[str, str], loc: Locale, title: str, target_png: Path, map_png: Path,
                  path: Path, region_pictures: dict[str, bytes] | None = None) -> Path:
    """Write ``slides.pptx`` to ``path`` and return ``path``.

    Parameters
    ----------
    analysis : Analysis
        The results (region.toml's texts are shown in ``loc``'s language, ``RegionMeta.in_language``); the
        per-region analyses in ``analysis.extras.by_region`` if computed.
    names : dict
        Actor id -> name.
    loc : Locale
        The reader's language.
    title : str
        The document title (as map.html's).
    target_png, map_png : Path
        The rendered pictures; they are embedded.
    region_pictures : dict of str to bytes, optional
        Per arbeidsmarktregio, its target view as PNG bytes (``static_png.region_target_png``),
        embedded beside the region's lines on its slide.
    """
    s, w = loc.section("report"), loc.section("slides")
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    props = prs.core_properties
    props.title, props.language = title, loc.lang
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1

    _title_slide(prs, analysis, s, title, loc)
    _picture_slide(prs, s["target"], target_png, whole_picture_alt("target_alt", analysis, loc))
    _picture_slide(prs, s["png_map_title"].format(region=analysis.region.meta.in_language(loc).name), map_png,
                   whole_picture_alt("map_alt", analysis, loc))
    _legend_slides(prs, _legend_rows(analysis, loc), loc)
    _text_slide(prs, w["core_and_orch"], _core_lines(analysis, names, loc), loc)   # continued where it is long
    _text_slide(prs, s["f_seat"], _group_lines(analysis, loc), loc)
    _text_slide(prs, s["f_sure"], [line.strip() for line in _stability_lines(analysis, names, loc)]
                or [s["sure_none"]], loc)
    _text_slide(prs, s["diagnosis"], [f"{indicator_mark(d)} {indicator_title(d, loc)}: "
                                      f"{indicator_sentence(d, loc, names)}"
                                      for d in analysis.indicators] or [w["no_diagnosis"]], loc)
    pictures = region_pictures or {}
    regions = getattr(analysis.extras, "by_region", None)
    by_region = regions.entries if regions is not None else {}
    for name, (heading, lines) in zip(by_region, region_slides(by_region, names, loc)):
        if name in pictures:
            entry = by_region[name]
            top = names.get(entry.orchestrators[0].id, entry.orchestrators[0].name) if entry.orchestrators else None
            _text_and_picture_slide(prs, heading, lines, pictures[name], picture_alt(
                "region_target_alt", loc, top, region=name, actors=entry.actors, core=len(entry.core)))
        else:
            _text_slide(prs, heading, lines, loc)
    buffer = io.BytesIO()
    prs.save(buffer)
    Path(path).write_bytes(_fixed_zip(buffer.getvalue()))
    return Path(path)


def region_slides(by_region: dict[str, RegionEntry] | None, names: dict[str, str],
                  loc: Locale) -> list[tuple[str, list[str]]]:
    """(title, lines) per arbeidsmarktregio, when ``by_region`` (region name -> its
    :class:`~ecosystem.analysis.by_region.RegionEntry`) holds two or more."""
    if not by_region or len(by_region) < 2:
        return []
    w = loc.section("slides")
    slides = []
    for name, entry in by_region.items():
        lines = [w["region_size"].format(actors=entry.actors, relations=entry.relations, core=len(entry.core)),
                 f"{loc.t('ties_label')}: {loc.ties_text(entry.tie_count)}"]
        if entry.core:
            lines.append(loc.t("summary_core", n=len(entry.core), names=_listed([names.get(i, i) for i in entry.core])))
        if entry.orchestrators:
            top = entry.orchestrators[0]
            lines.append(w["region_top"].format(name=names.get(top.id, top.name), score=loc.number(top.score)))
        lines.extend(line.strip() for line in region_stability_lines(entry, names, loc))
        lines.append(loc.seat_line(list(entry.peripheral_key_groups), bool(entry.core), entry.absent_key_groups))
        slides.append((w["region_slide"].format(name=name), lines))
    return slides


def _core_lines(analysis: Analysis, names: dict[str, str], loc: Locale) -> list[str]:
    core = [names[i] for i in core_ids(analysis)]
    lines = [loc.t("summary_core", n=len(core), names=_listed(core) or loc.t("none")),
             loc.t("summary_orchestrators")]
    return lines + candidate_lines(analysis, names, loc, TOP_CANDIDATES)


def _group_lines(analysis: Analysis, loc: Locale) -> list[str]:
    """Per key group its place in the core and at the core's governance tables (as the report's seat
    table), then who has no seat in the core and who none at the tables."""
    agency = analysis.indicator("agency")
    seats, total = agency.params["seats"], agency.params["core_tables"]
    lines = []
    for g in analysis.groups:
        if not g.key:
            continue
        line = loc.group_line(g).strip()
        if total and g.actors:
            at = seats[g.group]
            line = loc.t("slide_group_tables", line=line, tables=at.core_tables, total=total,
                         share=loc.share(at.share_of_core_tables))
        lines.append(line)
    lines.append(seat_sentence(analysis, loc))
    if not total:      # no table of three or more with the core: the agency sentence says what counts instead
        return lines + [indicator_sentence(agency, loc, {a.id: a.name for a in analysis.region.actors})]
    without = [loc.group(g).lower() for g in KEY_GROUPS if not seats[g].has_seat]
    return lines + [loc.t("slide_without_table", groups=loc.join(without)) if without
                    else loc.t("slide_all_at_table")]


def _legend_rows(analysis: Analysis, loc: Locale) -> list[tuple[str, bool]]:
    """(text, is_heading) of the legend: per group, number and name of every actor, as numbers.png lists
    them (``layout.actor_numbers``); none above ``NUMBERS_MAX_ACTORS``, where the pictures carry no numbers."""
    net = analysis.network
    if not net.n or net.n > NUMBERS_MAX_ACTORS:
        return []
    names = [a.name for a in analysis.region.actors]
    rows = []
    for group, items in number_key(actor_numbers(net.ids, names, net.groups), names, net.groups, ()):
        rows.append((loc.group(group), True))
        rows.extend((f"{number}  {name}", False) for number, name in items)
    return rows


def _legend_slides(prs, rows: list[tuple[str, bool]], loc: Locale) -> None:
    """The legend in columns of editable text, over as many slides as it needs."""
    if not rows:
        return
    top, gap = Inches(1.4), Inches(0.2)
    width = int((WIDTH - 2 * MARGIN - (LEGEND_COLUMNS - 1) * gap) / LEGEND_COLUMNS)
    height = HEIGHT - top - Inches(0.3)
    columns, column = [], []
    for text, heading in rows:
        if column and text_height([x for x, _ in column] + [text], width, LEGEND_SIZE, LEGEND_SPACE) > height:
            if column[-1][1]:      # a group heading never ends a column
                columns.append(column[:-1])
                column = column[-1:]
            else:
                columns.append(column)
                column = []
        column.append((text, heading))
    columns.append(column)
    pages = [columns[k:k + LEGEND_COLUMNS] for k in range(0, len(columns), LEGEND_COLUMNS)]
    heading = loc.t("slide_legend")
    for k, page in enumerate(pages, start=1):
        slide = prs.slides.add_slide(prs.slide_layouts[5])   # "Title Only"
        _heading(slide, heading if len(pages) == 1 else loc.t("slide_part", title=heading, k=k, n=len(pages)))
        for c, items in enumerate(page):
            box = slide.shapes.add_textbox(MARGIN + c * (width + gap), top, width, height)
            box.text_frame.word_wrap = True
            _fill(box.text_frame, [x for x, _ in items], Pt(LEGEND_SIZE), space=LEGEND_SPACE,
                  bold=[b for _, b in items])


def _listed(items: list[str]) -> str:
    more = len(items) - MAX_CORE_NAMES
    return ", ".join(items[:MAX_CORE_NAMES]) + (f" (+{more})" if more > 0 else "")


def _title_slide(prs, analysis: Analysis, s: dict, title: str, loc: Locale) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[0])   # "Title Slide"
    slide.shapes.title.text = title
    region = analysis.region
    lines, text = [], region.meta.in_language(loc)     # region.toml's texts in the slides' language
    if text.period:
        lines.append(f"{s['meta_period']}: {text.period}")
    if text.arbeidsmarktregios:
        lines.append(f"{s['meta_labour_regions']}: {', '.join(text.arbeidsmarktregios)}")
    lines.append(f"{s['meta_size']}: " + s["meta_size_value"].format(actors=len(region.actors),
                                                                    relations=len(region.relations)))
    lines.append(f"{loc.t('ties_label')}: {loc.ties_text(analysis.tie_count)}")
    lines += filter(None, [anonymised_line(region.meta, loc)])     # --anonymise: say so on the title slide
    if text.note:
        lines.append(f"{s['note_label']}: {text.note}")
    elif text.source:
        lines.append(f"{s['meta_source']}: {text.source}")
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = MARGIN, Inches(3.6), WIDTH - 2 * MARGIN, Inches(3.4)
    slide.shapes.title.left, slide.shapes.title.width = MARGIN, WIDTH - 2 * MARGIN
    _fill(body.text_frame, lines, Pt(18))


def _described(pic, alt: str):
    """``pic`` with ``alt`` as its text alternative (the picture's ``descr``, what a screen reader reads;
    python-pptx would leave the file name there)."""
    pic._element.nvPicPr.cNvPr.set("descr", alt)
    return pic


def _picture_slide(prs, heading: str, png: Path, alt: str) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])   # "Title Only"
    _heading(slide, heading)
    top = Inches(1.3)
    box_w, box_h = WIDTH - 2 * MARGIN, HEIGHT - top - Inches(0.2)
    pic = _described(slide.shapes.add_picture(str(png), 0, top, height=box_h), alt)   # embedded, aspect kept
    if pic.width > box_w:
        pic.height = Emu(int(pic.height * box_w / pic.width))
        pic.width = box_w
    pic.left = Emu(int((WIDTH - pic.width) / 2))


def text_height(lines: list[str], width: int, size: float, space: float = SPACE_AFTER) -> int:
    """Estimated height (EMU) of ``lines`` at ``size`` points in a text box ``width`` EMU wide, each
    paragraph wrapped at a conservative number of characters per line and followed by ``space`` points."""
    per_line = max(1, int((width - INSET_W) / Pt(CHAR_EM * size)))
    rows = sum(max(1, math.ceil(len(line) / per_line)) for line in lines)
    return int(INSET_H + rows * Pt(LINE_EM * size) + len(lines) * Pt(space))


def _fit(lines: list[str], width: int, height: int, sizes=TEXT_SIZES) -> tuple[int, list[str]]:
    """The largest size at which ``lines`` fit, and the lines that fit (all of them, unless even the
    smallest size is too large: then as many whole lines as fit, at least one)."""
    for size in sizes:
        if text_height(lines, width, size) <= height:
            return size, lines
    size = sizes[-1]
    n = 1
    while n < len(lines) and text_height(lines[:n + 1], width, size) <= height:
        n += 1
    return size, lines[:n]


def _text_slide(prs, heading: str, lines: list[str], loc: Locale) -> None:
    """A heading and lines; what does not fit goes on to '<heading> (vervolg)' slides."""
    top = Inches(1.4)
    width, height = WIDTH - 2 * MARGIN, HEIGHT - top - Inches(0.3)
    first = True
    while first or lines:
        slide = prs.slides.add_slide(prs.slide_layouts[5])   # "Title Only"
        _heading(slide, heading if first else loc.t("slide_continued", title=heading))
        size, shown = _fit(lines, width, height)
        box = slide.shapes.add_textbox(MARGIN, top, width, height)
        box.text_frame.word_wrap = True
        _fill(box.text_frame, shown, Pt(size))
        lines, first = lines[len(shown):], False


def _text_and_picture_slide(prs, heading: str, lines: list[str], png: bytes, alt: str) -> None:
    """Lines on the left, the picture (embedded, aspect kept) on the right."""
    slide = prs.slides.add_slide(prs.slide_layouts[5])   # "Title Only"
    _heading(slide, heading)
    top, text_w = Inches(1.4), int((WIDTH - 2 * MARGIN) * 0.38)
    box = slide.shapes.add_textbox(MARGIN, top, text_w, HEIGHT - top - Inches(0.3))
    box.text_frame.word_wrap = True
    size, shown = _fit(lines, text_w, HEIGHT - top - Inches(0.3), (15, 14, 13, 12, 11, 10))
    _fill(box.text_frame, shown, Pt(size))
    pic_w = WIDTH - 2 * MARGIN - text_w - Inches(0.2)
    pic = _described(slide.shapes.add_picture(io.BytesIO(png), MARGIN + text_w + Inches(0.2), top, width=pic_w), alt)
    room = HEIGHT - top - Inches(0.2)
    if pic.height > room:
        pic.width = Emu(int(pic.width * room / pic.height))
        pic.height = room


def _heading(slide, text: str) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(1.0)
    shape.text = text
    for paragraph in shape.text_frame.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(32)


def _fill(frame, lines: list[str], size, space: float = SPACE_AFTER, bold: list[bool] | None = None) -> None:
    frame.clear()
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(space)
        for run in paragraph.runs:
            run.font.size = size
            if bold is not None and bold[i]:
                run.font.bold = True


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every entry dated 1980-01-01, so equal content gives equal bytes.

    The pictures (``ppt/media/``, PNGs: deflated already) are stored as they are; deflating them
    again took about half the slides' writing time and saved under 1% of their bytes (issue 10).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if item.filename.startswith("ppt/media/") else zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()
