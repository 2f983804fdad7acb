"""The message catalogue: every word a coordinator reads, in Dutch (default) and English.

One mapping, key -> language -> text, assembled from section modules by area:

- :mod:`.errors` -- data problems and output-folder errors ("{where}: {what}. {fix}"), import warnings;
- :mod:`.intake` -- init, validate and the survey round;
- :mod:`.cli` -- the command line's ``--help`` texts and the lines for a command typed wrong (``cli.<key>``);
- :mod:`.sentences` -- reasons, terminal summary, diagnosis, stability, steering, change over time;
- :mod:`.glossary` -- one plain line per measure the map's panel and the report explain;
- :mod:`.labels` -- groups, relation types, measures, scales, roles, steering forms, columns (``<kind>.<value>``);
- :mod:`.report`, :mod:`.map`, :mod:`.change`, :mod:`.region`, :mod:`.slides` -- whole-page wording
  (``<page>.<key>``).

A key may appear in only one section: assembling raises :class:`ValueError` on a duplicate (a real
``raise``, so ``python -O`` keeps the check). One lookup, :func:`text`, and one fallback rule,
:func:`resolve_lang` (unknown or missing languages give Dutch). Pages whose templates need a dict read
a view of one section with :func:`section`. That every key has both languages with the same
``{placeholders}`` is checked in tests/test_catalogue.py. Code reads the catalogue through
:class:`ecosystem.locale.Locale` (or the older :mod:`ecosystem.i18n` helpers).
"""
from __future__ import annotations

import functools

from . import change, cli, errors, glossary, intake, labels, region, report, sentences, slides
from . import map as map_page

LANGS = ("nl", "en")
SECTIONS = {"errors": errors.SECTION, "intake": intake.SECTION, "sentences": sentences.SECTION,
            "glossary": glossary.SECTION, "labels": labels.SECTION, "report": report.SECTION, "map": map_page.SECTION,
            "change": change.SECTION, "region": region.SECTION, "slides": slides.SECTION, "cli": cli.SECTION}


class Catalogue(dict):
    """A key -> language -> text mapping that refuses to define a key twice.

    ``update`` and item assignment raise :class:`ValueError` on a key already present, so a block
    appended anywhere (``MESSAGES.update({...})``) cannot silently replace a wording.
    """

    def __setitem__(self, key: str, texts: dict[str, str]) -> None:
        if key in self:
            raise ValueError(f"message key {key!r} is defined twice in the catalogue")
        super().__setitem__(key, texts)

    def update(self, other=(), **more) -> None:  # noqa: D102 - dict's update, checked
        for key, texts in dict(other, **more).items():
            self[key] = texts


def assemble(sections: dict[str, dict[str, dict[str, str]]]) -> Catalogue:
    """One catalogue from ``sections`` (name -> key -> language -> text); a key in two sections raises."""
    catalogue = Catalogue()
    owner: dict[str, str] = {}
    for name, section_table in sections.items():
        for key, texts in section_table.items():
            if key in owner:
                raise ValueError(f"message key {key!r} is defined in both catalogue/{owner[key]}.py "
                                 f"and catalogue/{name}.py")
            owner[key] = name
            catalogue[key] = texts
    return catalogue


CATALOGUE = assemble(SECTIONS)


def resolve_lang(lang: str | None) -> str:
    """The catalogue language for ``lang``: 'en', 'EN' and 'en-GB' give 'en'; unknown or none gives Dutch."""
    code = (lang or LANGS[0]).lower().split("-")[0]
    return code if code in LANGS else LANGS[0]


def text(key: str, lang: str | None = "nl", **values: object) -> str:
    """Message ``key`` in ``lang`` (by :func:`resolve_lang`) with ``values`` filled in."""
    return CATALOGUE[key][resolve_lang(lang)].format(**values)


def section(prefix: str, lang: str | None, borrow: dict[str, str] | None = None) -> dict[str, str]:
    """The texts whose key starts with ``prefix + '.'``, without the prefix, in ``lang``.

    ``section("report", "en")`` gives the report page's words (``{"doc_title": ...}``) as its template
    needs them; ``section("group", "nl")`` the group labels. ``borrow`` (name -> key) adds words the
    page shows that live under another key (a measure's label, 'ja'), so that each wording is written
    once; placeholders stay, as in the page's own texts.
    """
    code = resolve_lang(lang)
    own = {name: CATALOGUE[key][code] for name, key in _section_keys(prefix)}
    return {**own, **{name: CATALOGUE[key][code] for name, key in (borrow or {}).items()}}


@functools.lru_cache(maxsize=None)
def _section_keys(prefix: str) -> tuple[tuple[str, str], ...]:
    """(name without the prefix, key) of each key starting with ``prefix + '.'``, in catalogue order: found once
    per prefix (a run asks for a page's section about 170 times, each a scan of the whole catalogue before)."""
    start = prefix + "."
    return tuple((key[len(start):], key) for key in CATALOGUE if key.startswith(start))


def by_language(prefix: str) -> dict[str, dict[str, str]]:
    """A section in every language: language -> key -> text (the shape of the old label tables)."""
    return {lang: section(prefix, lang) for lang in LANGS}
