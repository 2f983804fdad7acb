"""User-facing text in Dutch (default) and English.

All words a coordinator reads come from here, so the CLI, the terminal summary,
the error lines and the HTML speak with one voice. Keys are English identifiers.
"""
from __future__ import annotations

LANGS = ("nl", "en")

GROUP_LABELS = {
    "nl": {"government": "Overheid", "employers": "Werkgevers", "workers": "Werkenden",
           "education": "Onderwijs", "intermediaries": "Intermediairs", "other": "Overig"},
    "en": {"government": "Government", "employers": "Employers", "workers": "Workers",
           "education": "Education", "intermediaries": "Intermediaries", "other": "Other"},
}

RELATION_LABELS = {
    "nl": {"governance": "Bestuur", "funding": "Financiering", "delivery": "Levering",
           "representation": "Vertegenwoordiging", "referral": "Toeleiding",
           "collaboration": "Samenwerking", "advice": "Advies"},
    "en": {"governance": "Governance", "funding": "Funding", "delivery": "Delivery",
           "representation": "Representation", "referral": "Referral",
           "collaboration": "Collaboration", "advice": "Advice"},
}

METRIC_LABELS = {
    "nl": {"degree": "Aantal relaties", "strength": "Sterkte", "in_degree": "Inkomend",
           "out_degree": "Uitgaand", "betweenness": "Tussenpositie", "closeness": "Nabijheid",
           "eigenvector": "Eigenvector", "coreness": "Kernscore", "kcore": "k-kern",
           "orchestrator_score": "Orkestratorscore", "core_probability": "Kans op kern",
           "effective_size": "Effectieve omvang", "constraint": "Beperking (Burt)"},
    "en": {"degree": "Degree", "strength": "Strength", "in_degree": "In-degree",
           "out_degree": "Out-degree", "betweenness": "Betweenness", "closeness": "Closeness",
           "eigenvector": "Eigenvector", "coreness": "Coreness", "kcore": "k-core",
           "orchestrator_score": "Orchestrator score", "core_probability": "Core probability",
           "effective_size": "Effective size", "constraint": "Constraint (Burt)"},
}

MESSAGES: dict[str, dict[str, str]] = {
    # --- data problems: "{where}: {what}. {fix}" ---
    "where_row": {"nl": "{file}, rij {row}, kolom '{column}'", "en": "{file}, row {row}, column '{column}'"},
    "where_column": {"nl": "{file}, kolom '{column}'", "en": "{file}, column '{column}'"},
    "where_file": {"nl": "{file}", "en": "{file}"},
    "no_folder": {"nl": "map bestaat niet (ook niet onder regions/). Geef het pad naar een regiomap met actors.csv en relations.csv",
                  "en": "folder does not exist (not under regions/ either). Give the path of a region folder with actors.csv and relations.csv"},
    "not_folder": {"nl": "is geen map. Geef de map die actors.csv en relations.csv bevat",
                   "en": "is not a folder. Give the folder that holds actors.csv and relations.csv"},
    "missing_file": {"nl": "bestand ontbreekt. Zet {file} in de regiomap, of lever één ecosystem.xlsx met de tabbladen 'actors' en 'relations'",
                     "en": "file is missing. Put {file} in the region folder, or supply one ecosystem.xlsx with sheets 'actors' and 'relations'"},
    "missing_sheet": {"nl": "tabblad '{sheet}' ontbreekt. Voeg een tabblad '{sheet}' toe",
                      "en": "sheet '{sheet}' is missing. Add a sheet named '{sheet}'"},
    "empty_file": {"nl": "bestand is leeg. Zet een kopregel ({columns}) en ten minste één rij erin",
                   "en": "file is empty. Add a header line ({columns}) and at least one row"},
    "no_rows": {"nl": "bestand heeft alleen een kopregel. Voeg ten minste één rij toe",
                "en": "file has only a header line. Add at least one row"},
    "not_text": {"nl": "geen tekstbestand (CSV). Sla het op als 'CSV UTF-8' of gebruik ecosystem.xlsx",
                 "en": "not a text (CSV) file. Save it as 'CSV UTF-8' or use ecosystem.xlsx"},
    "bad_xlsx": {"nl": "kan het Excel-bestand niet lezen ({error}). Sla het opnieuw op als .xlsx",
                 "en": "cannot read the Excel file ({error}). Save it again as .xlsx"},
    "bad_toml": {"nl": "region.toml is ongeldig ({error}). Controleer aanhalingstekens en '='",
                 "en": "region.toml is invalid ({error}). Check quotes and '='"},
    "missing_column": {"nl": "verplichte kolom ontbreekt. Voeg een kolom '{column}' toe (gevonden: {found})",
                       "en": "required column is missing. Add a column '{column}' (found: {found})"},
    "duplicate_column": {"nl": "kolom komt twee keer voor. Geef elke kolom een eigen naam",
                         "en": "column appears twice. Give each column its own name"},
    "empty_value": {"nl": "waarde ontbreekt. Vul '{column}' in",
                    "en": "value is missing. Fill in '{column}'"},
    "duplicate_id": {"nl": "id '{value}' komt al voor in rij {first}. Geef elke actor een eigen id",
                     "en": "id '{value}' already used in row {first}. Give every actor its own id"},
    "unknown_group": {"nl": "onbekende groep '{value}'. Toegestaan: {allowed}",
                      "en": "unknown group '{value}'. Allowed: {allowed}"},
    "unknown_scale": {"nl": "onbekende schaal '{value}'. Toegestaan: {allowed} (of leeg laten)",
                      "en": "unknown scale '{value}'. Allowed: {allowed} (or leave empty)"},
    "unknown_type": {"nl": "onbekend relatietype '{value}'. Toegestaan: {allowed}",
                     "en": "unknown relation type '{value}'. Allowed: {allowed}"},
    "unknown_steering": {"nl": "onbekende sturingsvorm '{value}'. Toegestaan: {allowed} (of leeg laten)",
                         "en": "unknown steering philosophy '{value}'. Allowed: {allowed} (or leave empty)"},
    "unknown_actor": {"nl": "onbekende actor '{value}'.{suggestion} Gebruik een id uit actors.csv",
                      "en": "unknown actor '{value}'.{suggestion} Use an id from actors.csv"},
    "did_you_mean": {"nl": " Bedoelt u '{value}'?", "en": " Did you mean '{value}'?"},
    "bad_number": {"nl": "'{value}' is geen getal. Gebruik een getal groter dan 0, bijvoorbeeld 1 of 2,5",
                   "en": "'{value}' is not a number. Use a number above 0, for example 1 or 2.5"},
    "nonpositive_weight": {"nl": "gewicht {value} moet groter dan 0 zijn. Gebruik bijvoorbeeld 1 (zwak) tot 3 (sterk), of laat leeg voor 1",
                           "en": "weight {value} must be above 0. Use for example 1 (weak) to 3 (strong), or leave empty for 1"},
    "self_relation": {"nl": "relatie van '{value}' met zichzelf. Kies een andere bron of doel",
                      "en": "relation from '{value}' to itself. Choose another source or target"},
    "bad_year": {"nl": "'{value}' is geen jaar of datum. Gebruik bijvoorbeeld 2021 of 2021-03-01",
                 "en": "'{value}' is not a year or date. Use for example 2021 or 2021-03-01"},
    "isolated": {"nl": "actor '{value}' heeft geen relaties en staat los in de periferie",
                 "en": "actor '{value}' has no relations and sits alone in the periphery"},
    "problems_found": {"nl": "{n} probleem/problemen in de invoer; er is niets geanalyseerd.",
                       "en": "{n} problem(s) in the input; nothing was analysed."},
    "warning": {"nl": "let op", "en": "warning"},
    "error": {"nl": "fout", "en": "error"},
}


def t(key: str, lang: str = "nl", **kwargs: object) -> str:
    """Return message ``key`` in ``lang`` with ``kwargs`` filled in."""
    return MESSAGES[key][lang].format(**kwargs)


def group_label(group: str, lang: str) -> str:
    return GROUP_LABELS[lang].get(group, group)


def relation_label(rtype: str, lang: str) -> str:
    return RELATION_LABELS[lang].get(rtype, rtype)


def metric_label(metric: str, lang: str) -> str:
    return METRIC_LABELS[lang].get(metric, metric)

MESSAGES.update({
    # --- orchestrator reasons ---
    "reason_core": {"nl": "zit in de kern van het ecosysteem (kernscore {coreness})",
                    "en": "sits in the core of the ecosystem (coreness {coreness})"},
    "reason_not_core": {"nl": "zit niet in de kern (kernscore {coreness})",
                        "en": "is not in the core (coreness {coreness})"},
    "reason_reach": {"nl": "heeft banden met {n} van de {of} sleutelgroepen ({groups})",
                     "en": "is tied to {n} of the {of} key groups ({groups})"},
    "reason_bridging": {"nl": "ligt op {share} van de kortste verbindingen tussen andere actoren",
                        "en": "lies on {share} of the shortest links between other actors"},
    "reason_brokers": {"nl": "verbindt {a} en {b}, die onderling geen directe band hebben",
                       "en": "links {a} and {b}, who have no direct tie"},
    # --- terminal summary ---
    "summary_title": {"nl": "Ecosysteem {region}: {actors} actoren, {relations} relaties",
                      "en": "Ecosystem {region}: {actors} actors, {relations} relations"},
    "summary_core": {"nl": "Kern ({n}): {names}", "en": "Core ({n}): {names}"},
    "summary_core_fit": {"nl": "  (passing kern-periferiemodel: {fit})", "en": "  (core/periphery fit: {fit})"},
    "summary_orchestrators": {"nl": "Mogelijke orkestrators:", "en": "Orchestrator candidates:"},
    "summary_peripheral": {"nl": "Sleutelgroepen zonder plek in de kern: {groups}",
                           "en": "Key groups without a seat in the core: {groups}"},
    "summary_no_peripheral": {"nl": "Alle vier sleutelgroepen hebben een plek in de kern.",
                              "en": "All four key groups have a seat in the core."},
    "summary_group_line": {"nl": "  {label}: {in_core} van {actors} in de kern ({share})",
                           "en": "  {label}: {in_core} of {actors} in the core ({share})"},
    "summary_outputs": {"nl": "Uitvoer in {path}:", "en": "Outputs in {path}:"},
    "summary_note": {"nl": "Let op: {note}", "en": "Note: {note}"},
    "none": {"nl": "geen", "en": "none"},
    "and": {"nl": "en", "en": "and"},
})


def fmt_number(value: float, lang: str, digits: int = 2) -> str:
    """Format a number the way a Dutch (comma) or English (point) reader expects."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "nl" else text


def fmt_share(value: float, lang: str) -> str:
    return f"{100 * value:.0f}%"


def join_words(words: list[str], lang: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {t('and', lang)} " + words[-1]
