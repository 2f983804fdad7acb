"""The sentence that says how path measures were estimated, from summary.json's ``sampling`` object.

Above :data:`ecosystem.analysis.centrality.SAMPLED_ABOVE` actors betweenness and closeness
are estimated from the shortest paths of randomly drawn source actors, with a Hoeffding
error bound per actor (:func:`ecosystem.analysis.centrality.sampled_path_measures`).
Report and map state the bound in the same words, read from the summary so they cannot
differ from the machine contract.
"""
from __future__ import annotations

from ..locale import Locale


def sampling_sentence(sampling: dict | None, loc: Locale) -> str:
    """'Tussenpositie en nabijheid zijn geschat ...' for ``summary["sampling"]``; '' when computed exactly."""
    if not sampling:
        return ""
    return loc.t("sampling_sentence", sources=loc.count(sampling["sources"]),
             actors=loc.count(sampling["actors"]), confidence=loc.share(sampling["confidence"]),
             betweenness_error=loc.number(100 * sampling["betweenness_error"], 1),
             closeness_error=loc.number(sampling["closeness_error"], 3))

