"""The sentence that says how path measures were estimated (``Centralities.sampling``).

Above :data:`ecosystem.analysis.centrality.SAMPLED_ABOVE` actors betweenness and closeness
are estimated from the shortest paths of randomly drawn source actors, with a Hoeffding
error bound per actor (:func:`ecosystem.analysis.centrality.sampled_path_measures`).
Report and map state the bound in the same words, read from the results summary.json
serialises, so they cannot differ from the machine contract.
"""
from __future__ import annotations

from ..locale import Locale


def sampling_sentence(sampling, loc: Locale) -> str:
    """'Tussenpositie en nabijheid zijn geschat ...' for ``Centralities.sampling``; '' when computed exactly (None)."""
    if sampling is None:
        return ""
    return loc.t("sampling_sentence", sources=loc.count(sampling.sources),
             actors=loc.count(sampling.actors), confidence=loc.share(sampling.confidence),
             betweenness_error=loc.number(100 * sampling.betweenness_error, 1),
             closeness_error=loc.number(sampling.closeness_error, 3))

