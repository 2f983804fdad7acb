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

from . import catalogue
from .catalogue import CATALOGUE, LANGS, by_language, resolve_lang, section  # noqa: F401 - re-exported

# The catalogue itself; ``MESSAGES.update({...})`` still adds keys (and raises on a key defined twice).
MESSAGES = CATALOGUE

# Label tables in the old shape (language -> key -> word): views of the catalogue's label section.
GROUP_LABELS = by_language("group")
RELATION_LABELS = by_language("relation")
METRIC_LABELS = by_language("metric")
SCALE_LABELS = by_language("scale")
DIAGNOSIS_TITLES = by_language("diagnosis_title")
STEERING_LABELS = by_language("steering")
STEERING_REASONS = by_language("steering_reason")
COLUMN_LABELS = by_language("column")


def t(key: str, lang: str = "nl", **kwargs: object) -> str:
    """Return message ``key`` in ``lang`` with ``kwargs`` filled in (:func:`ecosystem.catalogue.text`)."""
    return catalogue.text(key, lang, **kwargs)


def group_label(group: str, lang: str) -> str:
    return GROUP_LABELS[resolve_lang(lang)].get(group, group)


def scale_label(scale: str, lang: str) -> str:
    return SCALE_LABELS[resolve_lang(lang)].get(scale, scale)


def role_label(role: str, lang: str) -> str:
    """A formal role (vocab.ROLES) as a coordinator writes it: 'regie', 'trekker', ...; English with the Dutch word."""
    key = f"role.{role}"
    return catalogue.text(key, lang) if key in CATALOGUE else role


def relation_label(rtype: str, lang: str) -> str:
    return RELATION_LABELS[resolve_lang(lang)].get(rtype, rtype)


def metric_label(metric: str, lang: str) -> str:
    return METRIC_LABELS[resolve_lang(lang)].get(metric, metric)


def fmt_number(value: float, lang: str, digits: int = 2) -> str:
    """Format a number the way a Dutch (comma) or English (point) reader expects."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def fmt_share(value: float, lang: str) -> str:
    """A share as a whole percentage; a small non-zero share reads '<1%', not '0%'."""
    if 0 < value < 0.005:
        return "<1%"
    return f"{100 * value:.0f}%"


def fmt_interval(low: float, high: float, lang: str) -> str:
    """A probability interval in whole percents, widened outward ('62–91%'), so it never looks surer than it is."""
    return f"{math.floor(100 * low + 1e-9)}–{math.ceil(100 * high - 1e-9)}%"


def fmt_p(p_value: float, n_null: int, lang: str) -> str:
    """'p = 0,034', or 'p ≤ 0,010' when no random network fitted as well: the smallest p the test can give."""
    floor = 1.0 / (n_null + 1)
    if p_value <= floor * (1 + 1e-4):   # summary.json rounds p to 6 decimals
        return f"p ≤ {fmt_number(floor, lang, 3)}"
    return f"p = {fmt_number(p_value, lang, 3)}"


def core_periphery_tests(cp: dict, lang: str) -> dict | None:
    """The two tests' formatted p-values and sample counts (``p_density``, ``n_density``, ``p_degrees``,
    ``n_degrees``) for the terminal and report lines; None when no core/periphery applies or no test ran."""
    if cp.get("structure", "core_periphery") != "core_periphery" or cp.get("p_value") is None:
        return None
    values = {}
    for name in ("density", "degrees"):
        test = cp["tests"][name]
        values[f"p_{name}"] = fmt_p(test["p"], test["samples"], lang)
        values[f"n_{name}"] = test["samples"]
    return values


def core_periphery_sentence(cp: dict, lang: str) -> str | None:
    """What the core/periphery section of summary.json says, in one plain sentence.

    A degenerate shape (complete network, separate pairs, separate parts, no
    ties) is named instead of a core; otherwise the verdict of the two tests.
    None when no test was run.
    """
    structure = cp.get("structure", "core_periphery")
    if structure == "complete":
        return t("cp_structure_complete", lang, n=sum(cp["parts"]))
    if structure == "pairs":
        return t("cp_structure_pairs", lang, k=len(cp["parts"]))
    if structure == "parts":
        return t("cp_structure_parts", lang, k=len(cp["parts"]),
                 sizes=join_words([str(size) for size in cp["parts"]], lang))
    if structure == "empty":
        return t("cp_structure_empty", lang)
    if cp.get("p_value") is None:
        return None
    return t(f"cp_verdict_{cp['verdict']}", lang)


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

