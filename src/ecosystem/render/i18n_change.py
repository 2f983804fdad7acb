"""UI strings for the change page (change.html): headings and column names.

Dutch is the default; English with ``lang="en"``. The sentences shared with the
terminal (verdicts, statuses, the legend) come from :mod:`ecosystem.i18n`.
Every value is plain text; the template escapes it.
"""
from __future__ import annotations

from ..i18n import table_strings

STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "doc_title": "Wat is er veranderd: {region}, {before} → {after}",
        "kicker": "Leven Lang Ontwikkelen · verandering in het regionale netwerk",
        "overview": "Overzicht",
        "measure": "Maat",
        "actors": "Actoren",
        "relations": "Relaties",
        "ties": "Verbindingen (paren organisaties)",
        "core_size": "Actoren in de kern",
        "bootstrap": "Herhalingen (hoe zeker)",
        "actor_changes": "Actoren erbij en eraf",
        "relation_changes": "Relaties erbij en eraf",
        "core_changes": "In en uit de kern",
        "orchestrators": "Mogelijke orkestrators (top 5)",
        "rank_changes": "Verschuivingen in de rangorde",
        "groups": "Sleutelgroepen: plek in de kern en zeggenschap",
        "diagnosis": "Diagnose",
        "change": "Verandering",
        "name": "Naam",
        "id": "Id",
        "from": "Van",
        "to": "Naar",
        "type": "Soort",
        "weight": "Gewicht",
        "probability": "Kans op kern",
        "verdict": "Buiten de onzekerheid?",
        "rank": "Plaats",
        "interval": "Bandbreedte plaats (5–95%)",
        "group": "Groep",
        "share_in_core": "Aandeel in de kern",
        "position": "Positie",
        "seat": "Zeggenschap",
        "tables": "Aan tafels van de kern",
        "indicator": "Kenmerk",
        "value": "Waarde",
        "status": "Status",
        "none": "Geen.",
        "footer": "Gemaakt met ecosystem, seed {seed}. Beide kanten zijn met dezelfde instellingen geanalyseerd; "
                  "de cijfers zijn zo goed als de ingevoerde gegevens.",
    },
    "en": {
        "doc_title": "What changed: {region}, {before} → {after}",
        "kicker": "Lifelong learning · change in the regional network",
        "overview": "Overview",
        "measure": "Measure",
        "actors": "Actors",
        "relations": "Relations",
        "ties": "Ties (pairs of organisations)",
        "core_size": "Actors in the core",
        "bootstrap": "Resamples (how sure)",
        "actor_changes": "Actors joined and left",
        "relation_changes": "Relations added and removed",
        "core_changes": "Into and out of the core",
        "orchestrators": "Orchestrator candidates (top 5)",
        "rank_changes": "Moves in the ranking",
        "groups": "Key groups: place in the core and agency",
        "diagnosis": "Diagnosis",
        "change": "Change",
        "name": "Name",
        "id": "Id",
        "from": "From",
        "to": "To",
        "type": "Type",
        "weight": "Weight",
        "probability": "Core probability",
        "verdict": "Beyond the uncertainty?",
        "rank": "Rank",
        "interval": "Rank range (5–95%)",
        "group": "Group",
        "share_in_core": "Share in the core",
        "position": "Position",
        "seat": "Agency",
        "tables": "At the core's tables",
        "indicator": "Characteristic",
        "value": "Value",
        "status": "Status",
        "none": "None.",
        "footer": "Made with ecosystem, seed {seed}. Both sides were analysed with the same settings; "
                  "the numbers are only as good as the data entered.",
    },
}


def strings(lang: str | None) -> dict[str, str]:
    """The change page's strings for ``lang`` (:func:`ecosystem.i18n.table_strings`: unknown languages give Dutch)."""
    return table_strings(STRINGS, lang)
