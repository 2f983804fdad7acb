"""The sentence that says how path measures were estimated (``Centralities.sampling``).

Above :data:`ecosystem.analysis.centrality.SAMPLED_ABOVE` actors betweenness and closeness
are estimated from the shortest paths of randomly drawn source actors, with a Hoeffding
error bound per actor (:func:`ecosystem.analysis.centrality.sampled_path_measures`).
Report and map state the bound in the same words, read from the results summary.json
serialises, so they cannot differ from the machine contract.
"""
from __future__ import annotations

from ..i18n import fmt_count, fmt_number, fmt_share, t


def sampling_sentence(sampling, lang: str) -> str:
    """'Tussenpositie en nabijheid zijn geschat ...' for ``Centralities.sampling``; '' when computed exactly (None)."""
    if sampling is None:
        return ""
    return t("sampling_sentence", lang, sources=fmt_count(sampling.sources, lang),
             actors=fmt_count(sampling.actors, lang), confidence=fmt_share(sampling.confidence, lang),
             betweenness_error=fmt_number(100 * sampling.betweenness_error, lang, 1),
             closeness_error=fmt_number(sampling.closeness_error, lang, 3))

