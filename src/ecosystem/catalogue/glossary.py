"""The glossary: one plain line per term the map's details panel shows (also the report's "Begrippen").

Keys are ``gloss_<measure>`` (the explanation) and ``gloss_term_<measure>`` (a term that is not a
measure's label); :meth:`ecosystem.locale.Locale.glossary` puts them together in the order of :data:`TERMS`.
"""
from __future__ import annotations

# The terms of the glossary, in the order the map's details panel shows them.
TERMS = ("core", "core_probability", "orchestrator", "degree", "strength", "in_degree", "out_degree",
         "betweenness", "closeness", "eigenvector", "coreness", "kcore", "orchestrator_score",
         "effective_size", "constraint", "ei_index")

SECTION: dict[str, dict[str, str]] = {
    "glossary_title": {"nl": "Begrippen", "en": "Terms"},
    "glossary_intro": {"nl": "Wat de kengetallen in de kaart en dit rapport betekenen.",
                       "en": "What the measures in the map and this report mean."},
    "gloss_term_core": {"nl": "Kernactor", "en": "Core actor"},
    "gloss_term_orchestrator": {"nl": "Kandidaat-orkestrator", "en": "Orchestrator candidate"},
    "gloss_term_ei_index": {"nl": "E-I-index", "en": "E-I index"},
    "gloss_core": {"nl": "Hoort bij de kern: de organisaties die sterk met elkaar en met de rest verbonden zijn.",
                   "en": "Belongs to the core: the organisations strongly tied to each other and to the rest."},
    "gloss_core_probability": {"nl": "Hoe vaak de organisatie in de kern blijft als we telkens een deel van de relaties weglaten.",
                               "en": "How often the organisation stays in the core when part of the relations is left out, again and again."},
    "gloss_orchestrator": {"nl": "Een organisatie die het netwerk zou kunnen regisseren: centraal, met groot bereik, als brug tussen groepen en met mandaat (aan de bestuurlijke tafels, als financier of met een regierol).",
                           "en": "An organisation that could steer the network: central, with wide reach, a bridge between groups and with a mandate (at the governance tables, as funder or with a steering role)."},
    "gloss_degree": {"nl": "Met hoeveel andere organisaties deze organisatie een relatie heeft.",
                     "en": "How many other organisations this organisation has a relation with."},
    "gloss_strength": {"nl": "Het aantal partners, gewogen naar hoe sterk elke verbinding is (de som van de gewichten).",
                       "en": "The number of partners weighted by how strong each tie is (the sum of the weights)."},
    "gloss_in_degree": {"nl": "Hoeveel organisaties geld, levering, toeleiding, advies of vertegenwoordiging naar deze organisatie sturen.",
                        "en": "How many organisations send funding, delivery, referral, advice or representation to this organisation."},
    "gloss_out_degree": {"nl": "Naar hoeveel organisaties deze organisatie geld, levering, toeleiding, advies of vertegenwoordiging stuurt.",
                         "en": "To how many organisations this organisation sends funding, delivery, referral, advice or representation."},
    "gloss_betweenness": {"nl": "Hoe vaak de organisatie op de kortste weg tussen twee andere ligt: een brug of doorgeefluik.",
                          "en": "How often the organisation lies on the shortest path between two others: a bridge or go-between."},
    "gloss_closeness": {"nl": "Hoe dicht de organisatie via korte, sterke wegen bij alle andere staat.",
                        "en": "How close the organisation is to all others along short, strong paths."},
    "gloss_eigenvector": {"nl": "Hoog als de organisatie sterk verbonden is met organisaties die zelf ook sterk verbonden zijn (hoogste = 1).",
                          "en": "High when the organisation is strongly tied to organisations that are themselves strongly tied (highest = 1)."},
    "gloss_coreness": {"nl": "Hoe dicht de organisatie bij het centrum van het kern-periferiemodel staat (0 = rand, 1 = midden).",
                       "en": "How near the organisation sits to the centre of the core/periphery model (0 = edge, 1 = middle)."},
    "gloss_kcore": {"nl": "Het grootste getal k waarvoor de organisatie in een groep zit waarin iedereen minstens k partners binnen die groep heeft.",
                    "en": "The largest number k for which the organisation is in a group where everyone has at least k partners within the group."},
    "gloss_orchestrator_score": {"nl": "Centrum, bereik, brugfunctie en mandaat samen in één getal; de hoogste scores zijn de kandidaat-orkestrators.",
                                 "en": "Centre, reach, bridging and mandate combined in one number; the highest scores are the orchestrator candidates."},
    "gloss_effective_size": {"nl": "Het aantal partners dat niet ook met elkaar verbonden is: hoeveel verschillende kanten de organisatie op kan.",
                             "en": "The number of partners that are not also tied to each other: in how many different directions the organisation can reach."},
    "gloss_constraint": {"nl": "Hoe afhankelijk de organisatie is van een paar partners die onderling verbonden zijn (hoog = weinig eigen ruimte).",
                         "en": "How dependent the organisation is on a few partners that are tied to each other (high = little room of its own)."},
    "gloss_ei_index": {"nl": "Verbindingen tussen groepen min verbindingen binnen groepen, gedeeld door alle verbindingen (van -1 tot 1).",
                       "en": "Ties across groups minus ties within groups, divided by all ties (from -1 to 1)."},
}
