"""Python warnings raised during a run, said once each in plain words.

Libraries warn in their own words (matplotlib: "Glyph 128512 missing from font(s)
DejaVu Sans", numpy: "overflow encountered in multiply"), once per line of code
that raised them, straight onto the terminal. A coordinator cannot act on that.
:func:`collected` records them during a run instead, and :func:`plain` turns them
into one warning line per kind that says what they mean for the outputs.
"""
from __future__ import annotations

import contextlib
import re
import warnings
from collections import Counter

from .errors import Problem

# matplotlib: "Glyph 128512 (\N{GRINNING FACE}) missing from font(s) DejaVu Sans."
_GLYPH = re.compile(r"Glyph (\d+) .*missing from")
_CHARS_SHOWN = 10


@contextlib.contextmanager
def collected():
    """Record the warnings raised inside the block (a list of ``warnings.WarningMessage``)."""
    with warnings.catch_warnings(record=True) as records:
        # Every occurrence, so that the counts are right (the default shows one per code line).
        warnings.simplefilter("always", RuntimeWarning)
        warnings.simplefilter("always", UserWarning)
        yield records


def plain(records: list) -> tuple[Problem, ...]:
    """One plain-language warning per kind of recorded warning, in a fixed order."""
    glyphs: set[str] = set()
    numeric: Counter = Counter()
    other: Counter = Counter()
    for record in records:
        message = str(record.message)
        source = str(record.filename)
        glyph = _GLYPH.search(message)
        if glyph:
            glyphs.add(chr(int(glyph.group(1))))
        elif "openpyxl" in source:
            continue      # about workbook features openpyxl drops when saving; the input is only read
        elif issubclass(record.category, RuntimeWarning):
            numeric[message] += 1
        else:
            module = source.replace("\\", "/").rsplit("site-packages/", 1)[-1].split("/")[0] or "python"
            other[(module, message)] += 1
    out = []
    if glyphs:
        shown = sorted(glyphs)
        chars = " ".join(shown[:_CHARS_SHOWN]) + (" …" if len(shown) > _CHARS_SHOWN else "")
        out.append(Problem("map.png, target.png, numbers.png", "glyph_missing", params={"chars": chars}))
    if numeric:
        first = sorted(numeric)[0]
        out.append(Problem("ecosystem", "numeric_warning", params={"n": sum(numeric.values()), "message": first}))
    for (module, message), n in sorted(other.items()):
        out.append(Problem(module, "other_warning", params={"n": n, "message": message[:200]}))
    return tuple(out)
