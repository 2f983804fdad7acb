"""UI strings for the interactive ecosystem map (Dutch default, English).

Every piece of text the map shows that does not come from the payload lives
here.  Keys are shared by the Jinja template (static text) and the page's
JavaScript (dynamic text); both read the same table so the two languages can
never drift apart.  ``{n}``-style placeholders are filled in JavaScript.
"""

from __future__ import annotations

DEFAULT_LANG = "nl"

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "html_lang": "nl",
        "number_locale": "nl-NL",
        "noscript": "Deze kaart heeft JavaScript nodig. Open het bestand in een "
                    "recente versie van Edge, Chrome of Firefox.",
        "region": "Regio",
        "period": "Periode",
        "source": "Bron",
        "note_label": "Let op",
        "aggregated": "Deze kaart toont de {shown} meest centrale van {total} actoren.",
        "stats": "{nodes} actoren · {edges} verbindingen",
        "generated": "Gemaakt",
        "seed": "seed",
        "controls": "Bediening",
        "view": "Weergave",
        "view_network": "Netwerk",
        "view_target": "Ecosysteem (kern–periferie)",
        "search": "Zoek een actor",
        "search_placeholder": "Typ een naam…",
        "search_go": "Zoek",
        "search_none": "Geen actor gevonden met die naam.",
        "size_by": "Grootte van de bol",
        "legend": "Legenda",
        "groups": "Groepen",
        "groups_hint": "Vink uit om een groep te verbergen.",
        "relation_types": "Soorten relaties",
        "relations_hint": "Vink uit om die relaties te verbergen.",
        "markers": "Tekens",
        "marker_core": "Kernactor (dikke donkere rand)",
        "marker_orchestrator": "Kandidaat-orkestrator (ster, met rangnummer)",
        "marker_size": "Grootte = {metric}",
        "size_small": "klein",
        "size_large": "groot",
        "map_label": "Netwerkkaart van het ecosysteem. Gebruik het zoekvak om een actor te kiezen.",
        "zoom_in": "Inzoomen",
        "zoom_out": "Uitzoomen",
        "fit": "Hele kaart",
        "all": "alles",
        "none": "niets",
        "details": "Actor",
        "close": "Sluiten (Esc)",
        "group": "Groep",
        "type": "Soort",
        "core": "Kernactor",
        "core_probability": "Kans op kern",
        "orchestrator": "Kandidaat-orkestrator",
        "orchestrator_rank": "rang {rank}",
        "reasons": "Waarom",
        "metrics": "Kengetallen",
        "attributes": "Kenmerken",
        "relations": "Relaties ({n})",
        "relations_more": "… en nog {n}",
        "yes": "ja",
        "no": "nee",
        "unknown": "onbekend",
        "hint": "Klik op een bol of zoek een naam om de relaties van een actor te zien. Esc sluit.",
        "hidden_focus": "Deze actor is verborgen door een filter.",
    },
    "en": {
        "html_lang": "en",
        "number_locale": "en-GB",
        "noscript": "This map needs JavaScript. Open the file in a recent "
                    "version of Edge, Chrome or Firefox.",
        "region": "Region",
        "period": "Period",
        "source": "Source",
        "note_label": "Note",
        "aggregated": "This map shows the {shown} most central of {total} actors.",
        "stats": "{nodes} actors · {edges} connections",
        "generated": "Generated",
        "seed": "seed",
        "controls": "Controls",
        "view": "View",
        "view_network": "Network",
        "view_target": "Ecosystem (core–periphery)",
        "search": "Find an actor",
        "search_placeholder": "Type a name…",
        "search_go": "Find",
        "search_none": "No actor found with that name.",
        "size_by": "Circle size",
        "legend": "Legend",
        "groups": "Groups",
        "groups_hint": "Untick to hide a group.",
        "relation_types": "Types of relation",
        "relations_hint": "Untick to hide those relations.",
        "markers": "Markers",
        "marker_core": "Core actor (thick dark border)",
        "marker_orchestrator": "Orchestrator candidate (star, with rank)",
        "marker_size": "Size = {metric}",
        "size_small": "small",
        "size_large": "large",
        "map_label": "Network map of the ecosystem. Use the search box to choose an actor.",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "fit": "Whole map",
        "all": "all",
        "none": "none",
        "details": "Actor",
        "close": "Close (Esc)",
        "group": "Group",
        "type": "Type",
        "core": "Core actor",
        "core_probability": "Probability of core",
        "orchestrator": "Orchestrator candidate",
        "orchestrator_rank": "rank {rank}",
        "reasons": "Why",
        "metrics": "Metrics",
        "attributes": "Attributes",
        "relations": "Relations ({n})",
        "relations_more": "… and {n} more",
        "yes": "yes",
        "no": "no",
        "unknown": "unknown",
        "hint": "Click a circle or search a name to see an actor's relations. Esc closes.",
        "hidden_focus": "This actor is hidden by a filter.",
    },
}


def strings(lang: str | None) -> dict[str, str]:
    """Return the UI table for *lang*, falling back to Dutch for unknown codes."""
    key = (lang or DEFAULT_LANG).lower().split("-")[0]
    return dict(STRINGS.get(key, STRINGS[DEFAULT_LANG]))


assert STRINGS["nl"].keys() == STRINGS["en"].keys(), "i18n tables out of sync"
