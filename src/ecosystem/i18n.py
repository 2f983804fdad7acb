"""User-facing text in Dutch (default) and English: lookups and number formats.

All words a coordinator reads come from the one catalogue, :mod:`ecosystem.catalogue` (key ->
language -> text, split into section modules by area and assembled once; a key defined twice
raises at import), so the CLI, the terminal summary, the error lines and the pages speak with one
voice. Keys are English identifiers. This module holds the lookups over it: :func:`t` for a message,
the label helpers (``group_label`` ...), and the number formats; :class:`ecosystem.locale.Locale`
bundles them for one language. One fallback rule (:func:`resolve_lang`); key and placeholder parity
is checked in tests/test_catalogue.py.
"""
from __future__ import annotations

import math
import unicodedata
from typing import TYPE_CHECKING

from . import catalogue
from .catalogue import CATALOGUE, LANGS, by_language, resolve_lang, section  # noqa: F401 - re-exported

if TYPE_CHECKING:
    from .analysis.core_periphery import CorePeripheryTest, NullTest, Structure
    from .analysis.network import TieCount

# The catalogue itself (read-only by convention: new words go into a section module of ecosystem/catalogue/).
MESSAGES = CATALOGUE

# Label tables in the old shape (language -> key -> word): views of the catalogue's label section.
GROUP_LABELS = by_language("group")
RELATION_LABELS = by_language("relation")
METRIC_LABELS = by_language("metric")
SCALE_LABELS = by_language("scale")
COLUMN_LABELS = by_language("column")


def t(key: str, lang: str = "nl", **kwargs: object) -> str:
    """Return message ``key`` in ``lang`` with ``kwargs`` filled in (:func:`ecosystem.catalogue.text`)."""
    return catalogue.text(key, lang, **kwargs)


# Characters that change the direction of the text around them: right-to-left letters (Unicode bidirectional
# classes R and AL) and the explicit embeddings, overrides and isolates.
_DIRECTIONAL = frozenset({"R", "AL", "RLE", "LRE", "RLO", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})


def isolated(name: str) -> str:
    """``name`` as a unit of its own direction inside a sentence: between FIRST STRONG ISOLATE and POP
    DIRECTIONAL ISOLATE (Unicode Bidirectional Algorithm, UAX #9, 'isolates') when it holds a right-to-left
    letter or a direction control; unchanged otherwise (almost every name).

    A name with a RIGHT-TO-LEFT OVERRIDE (U+202E) left open would mirror the rest of the sentence it is put in
    ('... deog neve tsap ...' on the map and in the report), and an Arabic name would pull the numbers beside it
    into its own order. Isolated, the name is shown as written and the sentence around it as written. For text
    read in a browser, a slide or a terminal; the tables and graph files keep the name exactly as given.
    """
    if name.isascii() or not any(unicodedata.bidirectional(ch) in _DIRECTIONAL for ch in name):
        return name
    return f"\u2068{name}\u2069"


def as_sentence(clause: str) -> str:
    """A clause said on its own: its first letter upper case, ending in a full stop ('even hoog als nr. 3, ...'
    -> 'Even hoog als nr. 3, ....')."""
    return clause[:1].upper() + clause[1:] + ("" if clause.endswith(".") else ".")


def counted(key: str, n: int, lang: str, **values: object) -> str:
    """Message ``key`` for a count ``n`` said aloud: ``<key>_none`` for 0 and ``<key>_one`` for 1 where
    the catalogue has them, else ``key`` itself (the plural), with ``n`` filled in ('1 organisatie
    verliest', '3 organisaties verliezen', never 'organisatie(s)'), ``n`` with thousands separated
    (:func:`fmt_count`: '1.234 organisaties'). The one plural rule (:meth:`ecosystem.locale.Locale.counted`
    reads it)."""
    for variant, applies in ((f"{key}_none", n == 0), (f"{key}_one", n == 1)):
        if applies and variant in CATALOGUE:
            return t(variant, lang, n=fmt_count(n, lang), **values)
    return t(key, lang, n=fmt_count(n, lang), **values)


def group_label(group: str, lang: str) -> str:
    return GROUP_LABELS[resolve_lang(lang)].get(group, group)


def scale_label(scale: str, lang: str) -> str:
    return SCALE_LABELS[resolve_lang(lang)].get(scale, scale)


def role_label(role: str, lang: str) -> str:
    """A formal role (vocab.ROLES) as a coordinator writes it: 'regie', 'trekker', ...; English with the Dutch word."""
    key = f"role.{role}"
    return catalogue.text(key, lang) if key in CATALOGUE else role


def steering_label(philosophy: str, lang: str) -> str:
    """A steering philosophy (vocab.STEERING_PHILOSOPHIES) by its name: 'netwerksturing', 'network governance'."""
    return catalogue.text(f"steering.{philosophy}", lang)


def relation_label(rtype: str, lang: str) -> str:
    return RELATION_LABELS[resolve_lang(lang)].get(rtype, rtype)


def metric_label(metric: str, lang: str) -> str:
    return METRIC_LABELS[resolve_lang(lang)].get(metric, metric)


def fmt_number(value: float, lang: str, digits: int = 2) -> str:
    """Format a number the way a Dutch (comma) or English (point) reader expects."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def fmt_share(value: float, lang: str) -> str:
    """A share as a whole percentage; a small non-zero share reads '<1%', not '0%', and a share short
    of the whole that would round up to it '>99%', not '100%' (a claim of 'all' that is not true)."""
    if 0 < value < 0.005:
        return "<1%"
    if 0.995 <= value < 1:
        return ">99%"
    return f"{100 * value:.0f}%"


def fmt_interval(low: float, high: float, lang: str) -> str:
    """A probability interval in whole percents, widened outward ('62–91%'), so it never looks surer than it is."""
    return f"{math.floor(100 * low + 1e-9)}–{math.ceil(100 * high - 1e-9)}%"




def fmt_p(test: "NullTest", lang: str) -> str:
    """'p = 0,034', or 'p ≤ 0,010' when no random network fitted as well (``test.at_floor``, decided in analysis)."""
    if test.at_floor:
        return f"p ≤ {fmt_number(test.floor, lang, 3)}"
    return f"p = {fmt_number(test.p_value, lang, 3)}"


def core_periphery_tests(structure: "Structure", test: "CorePeripheryTest", lang: str) -> dict | None:
    """The two tests' formatted p-values and sample counts (``p_density``, ``n_density``, ``p_degrees``,
    ``n_degrees``) for the terminal and report lines; None when no core/periphery applies or no test ran."""
    if structure.kind != "core_periphery" or math.isnan(test.p_value):
        return None
    values = {}
    for name, null in (("density", test.density), ("degrees", test.degrees)):
        values[f"p_{name}"] = fmt_p(null, lang)
        values[f"n_{name}"] = null.n_null
    return values


def core_periphery_sentence(structure: "Structure", test: "CorePeripheryTest", lang: str,
                            core_size: int | None = None) -> str | None:
    """What the core/periphery analysis found, in one plain sentence.

    A degenerate shape (complete network, separate pairs, separate parts, no
    ties: ``structure.kind``) is named instead of a core; otherwise the verdict
    of the two tests (``test.verdict``). None when no test was run.
    """
    kind, parts = structure.kind, list(structure.sizes)
    if kind == "complete":
        return t("cp_structure_complete", lang, n=sum(parts))
    if kind == "pairs":
        return counted("cp_structure_pairs", len(parts), lang)
    if kind == "parts":
        return t("cp_structure_parts", lang, k=len(parts), sizes=join_words([str(size) for size in parts], lang))
    if kind == "empty":
        return t("cp_structure_empty", lang)
    if math.isnan(test.p_value):
        return None
    key = f"cp_verdict_{test.verdict}"
    # a core of one organisation (``core_size``) is not 'densely tied to each other'
    return t(f"{key}_one" if core_size == 1 and f"{key}_one" in CATALOGUE else key, lang)


def join_words(words: list[str], lang: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {t('and', lang)} " + words[-1]


def column_label(column: str, lang: str) -> str:
    """The header of an actors.xlsx column in ``lang`` ('degree' -> 'Aantal partners')."""
    labels = COLUMN_LABELS[lang]
    if column in labels:
        return labels[column]
    if column in METRIC_LABELS[lang]:
        return METRIC_LABELS[lang][column]
    if column.startswith("brokerage_"):
        role = column[len("brokerage_"):].removesuffix("_ratio")
        suffix = f", {labels['ratio']}" if column.endswith("_ratio") else ""
        return f"{labels['brokerage']}: {labels.get(role, role)}{suffix}"
    base, _, layer = column.rpartition("_")
    if base and (layer == "all" or layer in RELATION_LABELS[lang]):
        where = labels["all"] if layer == "all" else RELATION_LABELS[lang][layer].lower()
        return f"{column_label(base, lang)} ({where})"
    return column


def glossary(lang: str) -> dict[str, dict[str, str]]:
    """``{key: {"term", "text"}}``: each term the map's panel and the report use, with its one-line explanation.

    The one source for the map's hover/focus explanations and the report's glossary section; the
    terms and their order are :data:`ecosystem.catalogue.glossary.TERMS`.
    """
    out = {}
    for key in catalogue.glossary.TERMS:
        term = t(f"gloss_term_{key}", lang) if f"gloss_term_{key}" in CATALOGUE else metric_label(key, lang)
        out[key] = {"term": term, "text": t(f"gloss_{key}", lang)}
    return out


def ties_sentence(count: "TieCount", lang: str) -> str | None:
    """'52 relaties tussen 51 paren organisaties (51 verbindingen): 1 paar heeft meer dan één relatie.'

    None when every tie carries one relation (the two counts are equal). Each count agrees with its noun
    ('1 paar organisaties (1 verbinding)'); one tie carrying them all is said once, without the last clause.
    """
    if not count.several:
        return None
    relations = counted("n_relations", count.relations, lang)
    if count.ties == 1:
        return t("ties_differ_single", lang, relations=relations)
    return counted("ties_differ", count.several, lang, relations=relations,
                   pairs=counted("n_pairs", count.ties, lang), ties=counted("n_ties", count.ties, lang))


def ties_text(count: "TieCount", lang: str) -> str:
    """The number of ties, or the sentence saying why it differs from the number of relations."""
    return ties_sentence(count, lang) or str(count.ties)


def fmt_measure(value: float, lang: str) -> str:
    """A network measure's value as the map's details panel shows it (static/map/data.js ``fmtNumber``,
    ``Intl.NumberFormat`` with at most two decimals): rounded half away from zero to two decimals, trailing
    zeros dropped ('1', '0,3', '0,21'), thousands separated. The report shows the same measures in this format,
    so a number read off the map is the number in the report."""
    from decimal import ROUND_HALF_UP, Decimal

    rounded = Decimal(float(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole, _, fraction = f"{abs(rounded):f}".partition(".")
    fraction = fraction.rstrip("0")
    text = ("-" if rounded < 0 else "") + fmt_count(int(whole), lang)
    return text + ("," if lang == "nl" else ".") + fraction if fraction else text


def fmt_count(value: int, lang: str) -> str:
    """A whole number with thousands separated the way the reader writes it: 1.234 (Dutch), 1,234 (English)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "nl" else text
