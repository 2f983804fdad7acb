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
5. the key groups in the core and at the core's governance tables
   (the agency indicator's seats);
6. how sure (the resampling lines, as the terminal prints them);
7. the diagnosis, one line per indicator;
8. one slide per arbeidsmarktregio when the per-region analyses (``analysis.extras.by_region``)
   hold several (see :func:`region_slides`): its facts and how sure they are, beside its target
   view with its strongest candidates named and no numbers (the legend numbers the whole data set).

Everything is read from the analysis results and the pictures already drawn; nothing is
computed here. Every text box is measured with one conservative estimate of its wrapped lines
(:func:`text_height`) and never overflows: its text takes the largest of its sizes that fits,
down to a stated minimum (:data:`TITLE_SIZES`, :data:`HEADING_SIZES`, :data:`TEXT_SIZES`,
:data:`REGION_SIZES`); body text that does not fit at the minimum goes on to '<heading> (vervolg)'
slides, whole lines first, a line longer than a whole box split between words; a title or
heading, which has no next slide, is shortened between words and ends in '…' (the full title is
the document's title in its properties). All text is real, editable slide text in the reader's
language (``loc``), its runs marked with that language (``a:rPr lang``) so that proofing and
screen readers read it as such, and so are the master's and layouts' placeholder prompts
('Klik om de stijl van de titel te bewerken', 'Tweede niveau'; python-pptx's template has them in
English, and its remembered date is left blank); pictures are embedded, nothing is linked outside the
file. The document properties name the tool and the region (no person), the layouts are scaled to 16:9
(a slide added from them lands on the slide), the zip entries get a fixed timestamp and the
properties fixed dates, so the same results give the same bytes.

References
----------
python-pptx documentation, https://python-pptx.readthedocs.io/
"""
from __future__ import annotations

import datetime as dt
import io
import math
import zipfile
from contextlib import contextmanager
from pathlib import Path
from types import SimpleNamespace

from xml.sax.saxutils import escape

from pptx import Presentation
from pptx.util import Emu, Inches, Pt

from ..analysis.by_region import RegionEntry
from ..analysis.orchestrator import TOP_CANDIDATES
from ..analysis.pipeline import Analysis, core_ids
from ..anonymise import anonymised_line
from ..locale import Locale
from .diagnosis_text import indicator_mark, indicator_sentence, indicator_title
from .layout import NUMBERS_MAX_ACTORS, actor_numbers, number_key
from .report_html import meta_size_value, picture_alt, whole_picture_alt
from .terminal import _stability_lines, candidate_lines, region_stability_lines, seat_sentence, swappable_lines, swappable_note  # one wording of "how sure" for terminal and slides

__all__ = ["render_slides", "region_slides", "text_height"]

WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.5)
MAX_CORE_NAMES = 20
TEXT_SIZES = (18, 16, 14)   # points, largest that fits; below the last the text goes on to a next slide
REGION_SIZES = (15, 14, 13, 12, 11, 10)   # the region slides' narrower column beside the picture
TITLE_SIZES = (44, 40, 36, 32, 28)        # the title slide's title; below the last it is shortened
HEADING_SIZES = (32, 28, 24, 20)          # a slide's heading; below the last it is shortened
SPACE_AFTER = 6             # points after each paragraph
ELLIPSIS = "\u2026"         # ends a title or heading shortened to fit its box
LEGEND_COLUMNS, LEGEND_SIZE, LEGEND_SPACE = 3, 12, 0
# A conservative estimate of wrapped text: an average character 0.6 em wide (the default theme
# font, Calibri, averages about 0.5 em for Dutch text), lines 1.2 em apart, the text box's insets.
CHAR_EM, LINE_EM = 0.6, 1.2
INSET_W, INSET_H = Inches(0.2), Inches(0.1)
FIXED_TIME = dt.datetime(2000, 1, 1)
TOOL = "ecosystem"          # the program that writes the deck, named in its properties


def render_slides(analysis: Analysis, names: dict[str, str], loc: Locale, title: str, target_png: Path | bytes,
                  map_png: Path | bytes,
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
    target_png, map_png : Path or bytes
        The rendered pictures (a file, or PNG bytes: ``static_png.picture_png`` with ``deck``, whose key
        points to the legend slides); they are embedded.
    region_pictures : dict of str to bytes, optional
        Per arbeidsmarktregio, its target view as PNG bytes (``static_png.region_target_png``),
        embedded beside the region's lines on its slide.
    """
    s, w = loc.section("report"), loc.section("slides")
    prs = Presentation()
    _widescreen(prs)
    props = prs.core_properties
    props.title, props.language = title, loc.lang
    # python-pptx's template names its author as the last to modify the file and itself in the
    # description: the deck says instead which tool made it of which region, and names no person.
    props.author = props.last_modified_by = TOOL
    props.comments = w["description"].format(tool=TOOL, region=analysis.region.meta.in_language(loc).name)
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    _language(prs, loc)

    _title_slide(prs, analysis, s, title, loc)
    _picture_slide(prs, s["target"], target_png, whole_picture_alt("target_alt", analysis, loc), loc)
    _picture_slide(prs, s["png_map_title"].format(region=analysis.region.meta.in_language(loc).name), map_png,
                   whole_picture_alt("map_alt", analysis, loc), loc)
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
            first = entry.first_shared or entry.orchestrators[:1]
            tops = [names.get(c.id, c.name) for c in first]
            _text_slide(prs, heading, lines, loc, picture=(pictures[name], picture_alt(
                "region_target_alt", loc, tops, region=name, actors=entry.actors, core=len(entry.core))))
        else:
            _text_slide(prs, heading, lines, loc)
    buffer = io.BytesIO()
    with _entries_stored():
        prs.save(buffer)
    Path(path).write_bytes(_fixed_zip(buffer.getvalue(), {"docProps/app.xml": _app_xml(len(prs.slides))}))
    return Path(path)


def region_slides(by_region: dict[str, RegionEntry] | None, names: dict[str, str],
                  loc: Locale) -> list[tuple[str, list[str]]]:
    """(title, lines) per arbeidsmarktregio, when ``by_region`` (region name -> its
    :class:`~ecosystem.analysis.by_region.RegionEntry`) holds two or more."""
    if not by_region or len(by_region) < 2:
        return []
    w = loc.section("slides", {"region": "map.region_filter"})   # one word for 'arbeidsmarktregio' with the map
    slides = []
    for name, entry in by_region.items():
        lines = [w["region_size"].format(actors=loc.counted("n_organisations", entry.actors),
                                         relations=loc.counted("n_relations", entry.relations), core=len(entry.core)),
                 f"{loc.t('ties_label')}: {loc.ties_text(entry.tie_count)}"]
        if entry.core:
            lines.append(loc.t("summary_core", n=len(entry.core), names=_listed([names.get(i, i) for i in entry.core])))
            if not entry.supports_core:
                lines.append(loc.t("core_unsupported"))
            lines += swappable_note([names.get(i, i) for i in entry.core_swappable], entry.core_groups_vary, loc)
        if entry.first_shared:      # equal best scores: all who share the first place, none first by id
            lines.append(w["region_top_shared"].format(names=loc.join([names.get(c.id, c.name) for c in entry.first_shared]),
                                                       score=loc.number(entry.first_shared[0].score)))
        elif entry.orchestrators:
            top = entry.orchestrators[0]
            lines.append(w["region_top"].format(name=names.get(top.id, top.name), score=loc.number(top.score)))
        lines.extend(line.strip() for line in region_stability_lines(entry, names, loc))
        lines.append(loc.seat_line(list(entry.peripheral_key_groups), bool(entry.core), entry.absent_key_groups))
        slides.append((f"{w['region']} {name}", lines))
    return slides


def _core_lines(analysis: Analysis, names: dict[str, str], loc: Locale) -> list[str]:
    core = [names[i] for i in core_ids(analysis)]
    lines = [loc.t("summary_core", n=len(core), names=_listed(core) or loc.t("none"))]
    if core and not analysis.core_test.supports_core:     # the best fit's split, not a densely tied group
        lines.append(loc.t("core_unsupported"))
    lines += swappable_lines(analysis, names, loc)
    lines.append(loc.t("summary_orchestrators"))
    return lines + candidate_lines(analysis, names, loc, TOP_CANDIDATES)


def _group_lines(analysis: Analysis, loc: Locale) -> list[str]:
    """Per key group its place in the core and at the core's governance tables (as the report's seat
    table), then who has under half its proportional share of the core (the seat sentence) and who sits at
    fewer than half of the core's tables (the diagnosis's agency sentence: one wording of each rule)."""
    agency = analysis.indicator("agency")
    seats, total = agency.params["seats"], agency.params["core_tables"]
    lines = []
    for g in analysis.groups:
        if not g.key:
            continue
        line = loc.group_line(g).strip()
        if total and g.actors:
            at = seats[g.group]
            line = loc.counted("slide_group_tables", total, line=line, tables=at.core_tables, total=total,
                               share=loc.share(at.share_of_core_tables))
        lines.append(line)
    lines.append(seat_sentence(analysis, loc))
    return lines + [indicator_sentence(agency, loc, {a.id: a.name for a in analysis.region.actors})]


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
        _heading(slide, heading if len(pages) == 1 else loc.t("slide_part", title=heading, k=k, n=len(pages)), loc)
        for c, items in enumerate(page):
            box = slide.shapes.add_textbox(MARGIN + c * (width + gap), top, width, height)
            box.text_frame.word_wrap = True
            _fill(box.text_frame, [x for x, _ in items], Pt(LEGEND_SIZE), loc, space=LEGEND_SPACE,
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
    lines.append(f"{s['meta_size']}: " + meta_size_value(region, loc))
    lines.append(f"{loc.t('ties_label')}: {loc.ties_text(analysis.tie_count)}")
    lines += filter(None, [anonymised_line(region.meta, loc)])     # --anonymise: say so on the title slide
    if text.note:
        lines.append(f"{s['note_label']}: {text.note}")
    elif text.source:
        lines.append(f"{s['meta_source']}: {text.source}")
    head = slide.shapes.title
    head.left, head.top, head.width, head.height = MARGIN, Inches(0.5), WIDTH - 2 * MARGIN, Inches(2.9)
    _fit_title(head, title, TITLE_SIZES, loc)
    body = slide.placeholders[1]
    body.left, body.top, body.width, body.height = MARGIN, Inches(3.6), WIDTH - 2 * MARGIN, Inches(3.4)
    size, shown, rest = _fit(lines, body.width, body.height)
    _fill(body.text_frame, shown, Pt(size), loc)
    if rest:          # a long note goes on, as any text, on a continued slide
        _text_slide(prs, title, rest, loc, continued=True)


def _described(pic, alt: str):
    """``pic`` with ``alt`` as its text alternative (the picture's ``descr``, what a screen reader reads;
    python-pptx would leave the file name there)."""
    pic._element.nvPicPr.cNvPr.set("descr", alt)
    return pic


def _picture_slide(prs, heading: str, png: Path | bytes, alt: str, loc: Locale) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[5])   # "Title Only"
    _heading(slide, heading, loc)
    top = Inches(1.3)
    box_w, box_h = WIDTH - 2 * MARGIN, HEIGHT - top - Inches(0.2)
    source = io.BytesIO(png) if isinstance(png, bytes) else str(png)
    pic = _described(slide.shapes.add_picture(source, 0, top, height=box_h), alt)   # embedded, aspect kept
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


def _fit(lines: list[str], width: int, height: int, sizes=TEXT_SIZES,
         space: float = SPACE_AFTER) -> tuple[int, list[str], list[str]]:
    """The largest of ``sizes`` at which ``lines`` fit a box ``width`` x ``height``, the lines shown there
    and the rest, which goes on to a next box.

    Below the smallest size: as many whole lines as fit at it; when not even the first does, the longest
    start of it that fits, cut between words (or, for a word longer than the box, inside it), and the
    rest of that line goes on as a line of its own. What is shown always fits; nothing is left out.
    """
    for size in sizes:
        if text_height(lines, width, size, space) <= height:
            return size, lines, []
    size = sizes[-1]
    n = 0
    while n < len(lines) and text_height(lines[:n + 1], width, size, space) <= height:
        n += 1
    if n:
        return size, lines[:n], lines[n:]
    head = _longest_start(lines[0], lambda part: text_height([part], width, size, space) <= height)
    return size, [head], [lines[0][len(head):].lstrip()] + lines[1:]


def _longest_start(text: str, fits) -> str:
    """The longest start of ``text`` for which ``fits`` holds, ending between words where one does; at
    least one character."""
    words = text.split(" ")
    k = len(words)
    while k > 1 and not fits(" ".join(words[:k])):
        k -= 1
    start = " ".join(words[:k])
    while len(start) > 1 and not fits(start):      # one word longer than the box
        start = start[:-1]
    return start


def _shortened(text: str, width: int, height: int, sizes) -> tuple[int, str]:
    """The largest of ``sizes`` at which ``text`` (one paragraph, no space after) fits, and ``text``;
    below the smallest, ``text`` shortened between words to fit at it, ending in '…'."""
    for size in sizes:
        if text_height([text], width, size, 0) <= height:
            return size, text
    size = sizes[-1]
    head = _longest_start(text, lambda part: text_height([part.rstrip(" ,;:") + ELLIPSIS], width, size, 0) <= height)
    return size, head.rstrip(" ,;:") + ELLIPSIS


def _fit_title(shape, text: str, sizes, loc: Locale) -> None:
    """``text`` in the title placeholder ``shape`` at the largest of ``sizes`` that fits its box (shortened
    below the smallest, :func:`_shortened`)."""
    size, shown = _shortened(text, shape.width, shape.height, sizes)
    _fill(shape.text_frame, [shown], Pt(size), loc, space=0)


def _text_slide(prs, heading: str, lines: list[str], loc: Locale, picture: tuple[bytes, str] | None = None,
                continued: bool = False) -> None:
    """A heading and lines; what does not fit goes on to '<heading> (vervolg)' slides (from the first
    with ``continued``). With ``picture`` (PNG bytes, text alternative) the first slide has the lines on
    the left (:data:`REGION_SIZES`) and the picture on the right."""
    top = Inches(1.4)
    width, height = WIDTH - 2 * MARGIN, HEIGHT - top - Inches(0.3)
    first = True
    while first or lines:
        slide = prs.slides.add_slide(prs.slide_layouts[5])   # "Title Only"
        _heading(slide, loc.t("slide_continued", title=heading) if continued or not first else heading, loc)
        beside = first and picture is not None
        text_w = int(width * 0.38) if beside else width
        size, shown, lines = _fit(lines, text_w, height, REGION_SIZES if beside else TEXT_SIZES)
        box = slide.shapes.add_textbox(MARGIN, top, text_w, height)
        box.text_frame.word_wrap = True
        _fill(box.text_frame, shown, Pt(size), loc)
        if beside:        # after the text, as a screen reader reads them
            _picture_beside(slide, MARGIN + text_w + Inches(0.2), top, width - text_w - Inches(0.2), *picture)
        first = False


def _picture_beside(slide, left: int, top: int, width: int, png: bytes, alt: str) -> None:
    """The picture (embedded, aspect kept) in the box from (``left``, ``top``) ``width`` wide to the slide's foot."""
    pic = _described(slide.shapes.add_picture(io.BytesIO(png), left, top, width=width), alt)
    room = HEIGHT - top - Inches(0.2)
    if pic.height > room:
        pic.width = Emu(int(pic.width * room / pic.height))
        pic.height = room


def _heading(slide, text: str, loc: Locale) -> None:
    shape = slide.shapes.title
    shape.left, shape.top, shape.width, shape.height = MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(1.0)
    _fit_title(shape, text, HEADING_SIZES, loc)


def _fill(frame, lines: list[str], size, loc: Locale, space: float = SPACE_AFTER, bold: list[bool] | None = None) -> None:
    """``lines`` as the paragraphs of ``frame``, each run at ``size`` and marked with the reader's language."""
    tag = loc.t("map.number_locale")      # 'nl-NL' / 'en-GB', the language tag the map's numbers use too
    frame.clear()
    for i, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        paragraph.text = line
        paragraph.space_after = Pt(space)
        for run in paragraph.runs:
            run.font.size = size
            run._r.get_or_add_rPr().set("lang", tag)
            if bold is not None and bold[i]:
                run.font.bold = True


# python-pptx's template's placeholder prompts in its master and layouts -> the message that says them
# in the deck's language (slides.<key>).
TEMPLATE_WORDS = {"Click to edit Master title style": "master_title",
                  "Click to edit Master subtitle style": "master_subtitle",
                  "Click to edit Master text styles": "master_text",
                  "Second level": "master_level_2", "Third level": "master_level_3",
                  "Fourth level": "master_level_4", "Fifth level": "master_level_5"}


def _language(prs, loc: Locale) -> None:
    """The reader's language throughout the deck's template (python-pptx's says en-US and English): the
    default for text typed into it, the marks on the master's and layouts' texts, and their placeholder
    prompts (:data:`TEMPLATE_WORDS`) in the deck's words. The date placeholders' remembered date (the
    template's, '1/27/13') is left blank: the field fills in the day it is shown."""
    tag, w = loc.t("map.number_locale"), loc.section("slides")
    for rpr in prs.part._element.xpath(".//a:defRPr[@lang]"):
        rpr.set("lang", tag)
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for rpr in owner._element.xpath(".//a:rPr[@lang] | .//a:endParaRPr[@lang] | .//a:defRPr[@lang]"):
            rpr.set("lang", tag)
        for text in owner._element.xpath(".//a:t"):
            if text.text in TEMPLATE_WORDS:
                text.text = w[TEMPLATE_WORDS[text.text]]
        for text in owner._element.xpath(".//a:fld[starts-with(@type, 'datetime')]/a:t"):
            text.text = ""


def _widescreen(prs) -> None:
    """The slide size 16:9 and the master's and layouts' placeholders scaled with it: python-pptx's
    template is 4:3 (10 in wide), so a slide added from its layouts would keep a 10 in wide layout."""
    scale = WIDTH / prs.slide_width
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT    # the same height: only the widths and x grow
    for owner in [prs.slide_master, *prs.slide_layouts]:
        for shape in owner.shapes:
            if shape._element.xfrm is None:
                continue          # inherits its place from the master (python-pptx would read the master's)
            # A shape turned a quarter (the vertical title) spans its height across the slide; it turns
            # about its centre, so the centre moves with the widths and the height grows.
            turned = round(shape.rotation) % 180 == 90
            centre = (shape.left + shape.width / 2) * scale
            if turned:
                shape.height = Emu(round(shape.height * scale))
            else:
                shape.width = Emu(round(shape.width * scale))
            shape.left = Emu(round(centre - shape.width / 2))


def _app_xml(slides: int) -> bytes:
    """docProps/app.xml for the deck: the tool that wrote it and the number of slides. python-pptx copies
    its template's (PowerPoint for Mac, 'On-screen Show (4:3)', 0 slides) and offers no way to set it;
    what it would get wrong (the slide titles, word counts) is left out, PowerPoint fills it in on saving."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f'<Application>{escape(TOOL)}</Application><PresentationFormat>Widescreen</PresentationFormat>'
            f'<Slides>{slides}</Slides><Notes>0</Notes><HiddenSlides>0</HiddenSlides><MMClips>0</MMClips>'
            '<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>'
            '<HyperlinksChanged>false</HyperlinksChanged></Properties>').encode("utf-8")


@contextmanager
def _entries_stored():
    """Within: python-pptx stores its package's entries as they are instead of deflating them.

    :func:`_fixed_zip` writes the package again and deflates what is worth it there; python-pptx's own
    deflate (about 0.04 CPU s of the Brabant slides, mostly the pictures it deflated to no gain) was
    thrown away (issue 10). python-pptx's zip writer asks its module's ``zipfile`` for ``ZIP_DEFLATED``:
    that module is given one where it means "stored", and its own back afterwards. A python-pptx whose
    writer reads ``zipfile`` otherwise is left as it is (the file is the same, only slower to write).
    """
    from pptx.opc import serialized

    if getattr(serialized, "zipfile", None) is not zipfile:
        yield
        return
    serialized.zipfile = SimpleNamespace(**{**vars(zipfile), "ZIP_DEFLATED": zipfile.ZIP_STORED})
    try:
        yield
    finally:
        serialized.zipfile = zipfile


def _fixed_zip(data: bytes, replaced: dict[str, bytes] | None = None) -> bytes:
    """The same package with every entry dated 1980-01-01, so equal content gives equal bytes, and the
    entries named in ``replaced`` with that content.

    The pictures (``ppt/media/``, PNGs: deflated already) are stored as they are; deflating them
    again took about half the slides' writing time and saved under 1% of their bytes (issue 10).
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if item.filename.startswith("ppt/media/") else zipfile.ZIP_DEFLATED
            dst.writestr(info, (replaced or {}).get(item.filename) or src.read(item.filename))
    return out.getvalue()
