"""Words only the slides (slides.pptx) use; the rest comes from the report's and the terminal's sections.

Keys are ``slides.<key>``; read with ``catalogue.section("slides", lang)``.
"""
from __future__ import annotations

SECTION: dict[str, dict[str, str]] = {
    "slides.core_and_orch": {"nl": "Kern en mogelijke orkestrators",
                             "en": "Core and orchestrator candidates"},
    "slides.description": {"nl": "Gemaakt met {tool}; regio: {region}",
                           "en": "Made with {tool}; region: {region}"},
    "slides.region_size": {"nl": "{actors}, {relations}, kern: {core}",     # counts with their noun (n_organisations, n_relations)
                           "en": "{actors}, {relations}, core: {core}"},
    "slides.region_top": {"nl": "Sterkste orkestratorkandidaat: {name} (score {score})",
                          "en": "Strongest orchestrator candidate: {name} (score {score})"},
    "slides.no_diagnosis": {"nl": "Geen diagnose: het netwerk is te klein.",
                            "en": "No diagnosis: the network is too small."},
}
