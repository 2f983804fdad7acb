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
    "slides.region_top_shared": {"nl": "Gedeelde eerste plaats als orkestratorkandidaat (gelijke score {score}): {names}",
                                 "en": "First place as orchestrator candidate shared (equal score {score}): {names}"},
    "slides.region_top": {"nl": "Sterkste orkestratorkandidaat: {name} (score {score})",
                          "en": "Strongest orchestrator candidate: {name} (score {score})"},
    # The prompts of the master's and layouts' placeholders (python-pptx's template has them in English), shown
    # when someone edits the master or adds a slide from a layout (render/slides._template_words).
    "slides.master_title": {"nl": "Klik om de stijl van de titel te bewerken",
                            "en": "Click to edit Master title style"},
    "slides.master_subtitle": {"nl": "Klik om de stijl van de ondertitel te bewerken",
                               "en": "Click to edit Master subtitle style"},
    "slides.master_text": {"nl": "Klik om de tekststijlen te bewerken",
                           "en": "Click to edit Master text styles"},
    "slides.master_level_2": {"nl": "Tweede niveau", "en": "Second level"},
    "slides.master_level_3": {"nl": "Derde niveau", "en": "Third level"},
    "slides.master_level_4": {"nl": "Vierde niveau", "en": "Fourth level"},
    "slides.master_level_5": {"nl": "Vijfde niveau", "en": "Fifth level"},
    "slides.no_diagnosis": {"nl": "Geen diagnose: het netwerk is te klein.",
                            "en": "No diagnosis: the network is too small."},
}
