"""User-facing text in Dutch (default) and English.

All words a coordinator reads come from here, so the CLI, the terminal summary,
the error lines and the HTML speak with one voice. Keys are English identifiers.
"""
from __future__ import annotations

import math

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
    "nl": {"degree": "Aantal partners", "strength": "Sterkte", "in_degree": "Inkomend",
           "out_degree": "Uitgaand", "betweenness": "Tussenpositie", "closeness": "Nabijheid",
           "eigenvector": "Eigenvector", "coreness": "Kernscore", "kcore": "k-kern",
           "orchestrator_score": "Orkestratorscore", "core_probability": "Kans op kern",
           "effective_size": "Effectieve omvang", "constraint": "Beperking (Burt)"},
    "en": {"degree": "Number of partners", "strength": "Strength", "in_degree": "In-degree",
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
    "missing_sheet": {"nl": "tabblad '{sheet}' ontbreekt (gevonden: {found}). Geef een tabblad de naam {accepted}",
                      "en": "sheet '{sheet}' is missing (found: {found}). Name a sheet {accepted}"},
    "missing_file_xlsx": {"nl": "bestand ontbreekt. Zet {file} in de regiomap; een werkmap wordt alleen gelezen als die ecosystem.xlsx heet (gevonden: {xlsx})",
                          "en": "file is missing. Put {file} in the region folder; a workbook is only read when it is named ecosystem.xlsx (found: {xlsx})"},
    "several_xlsx": {"nl": "geen actors.csv en relations.csv, wel meerdere werkmappen ({xlsx}). Noem de werkmap met de tabbladen 'actors' en 'relations' ecosystem.xlsx",
                     "en": "no actors.csv and relations.csv, but several workbooks ({xlsx}). Name the workbook with the sheets 'actors' and 'relations' ecosystem.xlsx"},
    "bad_delimiter": {"nl": "scheidingsteken {separator} niet herkend, dus de kopregel '{header}' is één kolom. Toegestaan zijn ';', ',' en tab. Sla het bestand in Excel op als 'CSV (gescheiden door lijstscheidingsteken)' (;) of 'CSV UTF-8 (door komma's gescheiden)' (,), of vervang {separator} door ;",
                      "en": "separator {separator} not recognised, so the header line '{header}' is one column. Accepted are ';', ',' and tab. Save the file from Excel as 'CSV UTF-8 (Comma delimited)' (,) or 'CSV (Comma delimited)', or replace {separator} with ;"},
    "one_column_sheet": {"nl": "alle kolommen staan in één cel ('{header}', gescheiden door {separator}). Splits ze in Excel met Gegevens > Tekst naar kolommen, scheidingsteken {separator}",
                         "en": "all columns are in one cell ('{header}', separated by {separator}). Split them in Excel with Data > Text to Columns, delimiter {separator}"},
    "sep_tab": {"nl": "tab", "en": "tab"},
    "sep_space": {"nl": "spatie", "en": "space"},
    "or": {"nl": "of", "en": "or"},
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
    "missing_column": {"nl": "verplichte kolom ontbreekt. Voeg een kolom {accepted} toe (gevonden: {found})",
                       "en": "required column is missing. Add a column {accepted} (found: {found})"},
    "duplicate_alias": {"nl": "kolom '{column}' betekent hetzelfde als kolom '{first}'. Houd er één over",
                        "en": "column '{column}' means the same as column '{first}'. Keep one of them"},
    "duplicate_column": {"nl": "kolom komt twee keer voor. Geef elke kolom een eigen naam",
                         "en": "column appears twice. Give each column its own name"},
    "empty_value": {"nl": "waarde ontbreekt. Vul '{column}' in",
                    "en": "value is missing. Fill in '{column}'"},
    "duplicate_id": {"nl": "id '{value}' komt al voor in rij {first}. Geef elke actor een eigen id",
                     "en": "id '{value}' already used in row {first}. Give every actor its own id"},
    "unknown_group": {"nl": "onbekende groep '{value}'.{suggestion} Toegestaan: {allowed}",
                      "en": "unknown group '{value}'.{suggestion} Allowed: {allowed}"},
    "unknown_scale": {"nl": "onbekende schaal '{value}'.{suggestion} Toegestaan: {allowed} (of leeg laten)",
                      "en": "unknown scale '{value}'.{suggestion} Allowed: {allowed} (or leave empty)"},
    "unknown_type": {"nl": "onbekend relatietype '{value}'.{suggestion} Toegestaan: {allowed}",
                     "en": "unknown relation type '{value}'.{suggestion} Allowed: {allowed}"},
    "unknown_steering": {"nl": "onbekende sturingsvorm '{value}'.{suggestion} Toegestaan: {allowed} (of leeg laten)",
                         "en": "unknown steering philosophy '{value}'.{suggestion} Allowed: {allowed} (or leave empty)"},
    "unknown_actor": {"nl": "onbekende actor '{value}'.{suggestion} Gebruik een id uit {actors}",
                      "en": "unknown actor '{value}'.{suggestion} Use an id from {actors}"},
    "did_you_mean": {"nl": " Bedoelt u '{value}'?", "en": " Did you mean '{value}'?"},
    "bad_number": {"nl": "'{value}' is geen getal. Gebruik een getal groter dan 0, bijvoorbeeld 1 of 2,5",
                   "en": "'{value}' is not a number. Use a number above 0, for example 1 or 2.5"},
    "nonpositive_weight": {"nl": "gewicht {value} moet groter dan 0 zijn. Gebruik bijvoorbeeld 1 (zwak) tot 3 (sterk), of laat leeg voor 1",
                           "en": "weight {value} must be above 0. Use for example 1 (weak) to 3 (strong), or leave empty for 1"},
    "self_relation": {"nl": "relatie van '{value}' met zichzelf. Kies een andere bron of doel",
                      "en": "relation from '{value}' to itself. Choose another source or target"},
    "bad_year": {"nl": "'{value}' is geen jaar of datum. Gebruik bijvoorbeeld 2021 of 2021-03-01",
                 "en": "'{value}' is not a year or date. Use for example 2021 or 2021-03-01"},
    "until_before_since": {"nl": "'tot' ({until}) ligt voor 'sinds' ({since}), dus de relatie telt in geen enkel jaar. Verwissel de twee of verbeter een van beide",
                           "en": "'until' ({until}) is before 'since' ({since}), so the relation counts in no year. Swap the two or correct one of them"},
    "isolated": {"nl": "actor '{value}' heeft geen relaties en staat los in de periferie",
                 "en": "actor '{value}' has no relations and sits alone in the periphery"},
    "problems_found": {"nl": "{n} problemen in de invoer; er is niets geanalyseerd.",
                       "en": "{n} problems in the input; nothing was analysed."},
    "problems_found_one": {"nl": "1 probleem in de invoer; er is niets geanalyseerd.",
                           "en": "1 problem in the input; nothing was analysed."},
    "out_is_region": {"nl": "uitvoermap {path} is de regiomap zelf, en de invoer wordt nooit overschreven. Kies met --out een andere map, bijvoorbeeld --out outputs",
                      "en": "output folder {path} is the region folder itself, and the input is never overwritten. Choose another folder with --out, for example --out outputs"},
    "out_is_file": {"nl": "uitvoermap {path} is een bestand, geen map. Geef met --out een map (die mag nog niet bestaan)",
                    "en": "output folder {path} is a file, not a folder. Give a folder with --out (it need not exist yet)"},
    "out_no_permission": {"nl": "geen schrijfrechten in uitvoermap {path}. Kies met --out een map waarin u mag schrijven",
                          "en": "no permission to write in output folder {path}. Choose a folder you can write to with --out"},
    "out_error": {"nl": "kan uitvoermap {path} niet maken ({reason}). Kies met --out een andere map",
                  "en": "cannot create output folder {path} ({reason}). Choose another folder with --out"},
    "warning": {"nl": "let op", "en": "warning"},
    "error": {"nl": "fout", "en": "error"},
}


def t(key: str, lang: str = "nl", **kwargs: object) -> str:
    """Return message ``key`` in ``lang`` with ``kwargs`` filled in."""
    return MESSAGES[key][lang].format(**kwargs)


def group_label(group: str, lang: str) -> str:
    return GROUP_LABELS[lang].get(group, group)


SCALE_LABELS = {
    "nl": {"local": "lokaal", "regional": "regionaal", "provincial": "provinciaal", "national": "landelijk"},
    "en": {"local": "local", "regional": "regional", "provincial": "provincial", "national": "national"},
}


def scale_label(scale: str, lang: str) -> str:
    return SCALE_LABELS[lang].get(scale, scale)


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
    "summary_core_fit": {"nl": "  (aansluiting op het kern-periferiemodel: {fit})", "en": "  (core/periphery fit: {fit})"},
    "summary_core_more": {"nl": "… (+{more} andere)", "en": "… (+{more} more)"},
    "summary_hedge": {"nl": "  Let op: geen duidelijke kern-periferiestructuur ({p}). Lees 'kern' en 'periferie' hieronder als een rangorde, niet als twee gescheiden groepen.",
                      "en": "  Note: no clear core/periphery structure ({p}). Read 'core' and 'periphery' below as a ranking, not as two separate groups."},
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


def join_words(words: list[str], lang: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + f" {t('and', lang)} " + words[-1]

# Diagnosis sentences: one per indicator and status ("ok" / "attention").
DIAGNOSIS_TITLES = {
    "nl": {"heterogeneity": "Verscheidenheid", "interdependence": "Onderlinge afhankelijkheid",
           "reciprocity": "Wederkerigheid", "agency": "Zeggenschap sleutelgroepen",
           "centralisation": "Centrum zonder heerser", "orchestrator": "Orkestrator",
           "fragmentation": "Versnippering", "silos": "Verkokering", "openness": "Openheid"},
    "en": {"heterogeneity": "Heterogeneity", "interdependence": "Interdependence",
           "reciprocity": "Reciprocity", "agency": "Agency of key groups",
           "centralisation": "A centre without a ruler", "orchestrator": "Orchestrator",
           "fragmentation": "Fragmentation", "silos": "Silos", "openness": "Openness"},
}

MESSAGES.update({
    "diag_heterogeneity_ok": {"nl": "{groups} van de 6 groepen zijn aanwezig en redelijk gespreid (spreiding {value}, drempel {threshold}).",
                              "en": "{groups} of the 6 groups are present and reasonably spread (spread {value}, threshold {threshold})."},
    "diag_heterogeneity_attention": {"nl": "De actoren zijn eenzijdig samengesteld (spreiding {value}, drempel {threshold}){missing}.",
                                     "en": "The actors are one-sided (spread {value}, threshold {threshold}){missing}."},
    "diag_missing": {"nl": "; ontbrekende sleutelgroepen: {groups}", "en": "; missing key groups: {groups}"},
    "diag_interdependence_ok": {"nl": "Er zijn meer banden tussen groepen ({external}) dan binnen groepen ({internal}): E-I-index {value}.",
                                "en": "There are more ties across groups ({external}) than within ({internal}): E-I index {value}."},
    "diag_interdependence_attention": {"nl": "Groepen werken vooral met zichzelf: {internal} banden binnen en {external} tussen groepen (E-I-index {value}).",
                                       "en": "Groups mostly work with themselves: {internal} ties within and {external} across groups (E-I index {value})."},
    "diag_reciprocity_ok": {"nl": "{value_pct} van de gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug: actoren zijn over en weer van elkaar afhankelijk.",
                            "en": "{value_pct} of directed relations (funding, delivery, referral, advice, representation) are answered by a directed relation the other way: actors depend on each other both ways."},
    "diag_reciprocity_attention": {"nl": "Slechts {value_pct} van de gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug (van welke soort ook): de afhankelijkheid is vooral eenzijdig (wie geeft, krijgt weinig terug).",
                                   "en": "Only {value_pct} of directed relations (funding, delivery, referral, advice, representation) are answered by a directed relation of any type the other way: dependence is mostly one-sided (who gives gets little back)."},
    "diag_agency_ok": {"nl": "Alle vier sleutelgroepen zitten aan minstens de helft van {tables} van de kern.",
                       "en": "All four key groups sit at at least half of {tables} of the core."},
    "diag_agency_attention": {"nl": "Aan minder dan de helft van {tables} van de kern: {groups}.",
                              "en": "At fewer than half of {tables} of the core: {groups}."},
    "diag_agency_at": {"nl": "{group} (aan {present})", "en": "{group} (at {present})"},
    "change_agency_value": {"nl": "{n} van 4 sleutelgroepen met een plek", "en": "{n} of 4 key groups seated"},
    "diag_agency_one_ok": {"nl": "Alle vier sleutelgroepen zitten aan de (enige) bestuurlijke tafel van de kern.",
                           "en": "All four key groups sit at the core's (only) governance table."},
    "diag_agency_one": {"nl": "Niet aan de (enige) bestuurlijke tafel van de kern: {groups}.",
                        "en": "Not at the core's (only) governance table: {groups}."},
    "diag_tables_many": {"nl": "de {n} bestuurlijke tafels", "en": "the {n} governance tables"},
    "diag_agency_no_tables": {"nl": "Geen bestuurlijke tafel van drie of meer organisaties met de kern in de gegevens; zonder bestuurlijke band met de kern: {groups}.",
                              "en": "No governance table of three or more organisations with the core in the data; without a governance tie to the core: {groups}."},
    "diag_agency_no_tables_ok": {"nl": "Geen bestuurlijke tafel van drie of meer organisaties met de kern in de gegevens; alle sleutelgroepen hebben wel een bestuurlijke band met de kern.",
                                 "en": "No governance table of three or more organisations with the core in the data; every key group does have a governance tie to the core."},
    "diag_centralisation_ok": {"nl": "Het centrum is breed: geen actor overheerst (centralisatie {value}, drempel {threshold}).",
                               "en": "The centre is broad: no actor dominates (centralisation {value}, threshold {threshold})."},
    "diag_centralisation_attention": {"nl": "Eén actor overheerst het netwerk ({top}; centralisatie {value}, drempel {threshold}).",
                                      "en": "One actor dominates the network ({top}; centralisation {value}, threshold {threshold})."},
    "diag_orchestrator_ok": {"nl": "{top} is de duidelijkste orkestratorkandidaat ({value_pct} voor op {runner}).",
                             "en": "{top} is the clearest orchestrator candidate ({value_pct} ahead of {runner})."},
    "diag_orchestrator_attention": {"nl": "Geen duidelijke orkestrator: {top} en {runner} liggen dicht bij elkaar ({value_pct} verschil).",
                                    "en": "No clear orchestrator: {top} and {runner} are close ({value_pct} apart)."},
    "diag_fragmentation_ok": {"nl": "Alle verbonden actoren vormen één netwerk.",
                              "en": "All linked actors form one network."},
    "diag_fragmentation_attention": {"nl": "Het netwerk valt uiteen in {components} losse delen; het grootste bevat {largest} van de actoren.",
                                     "en": "The network falls apart into {components} pieces; the largest holds {largest} of the actors."},
    "diag_silos_ok": {"nl": "De {communities} clusters in het netwerk lopen dwars door de groepen heen (overlap {value}).",
                      "en": "The {communities} clusters in the network cut across groups (overlap {value})."},
    "diag_silos_attention": {"nl": "De {communities} clusters vallen grotendeels samen met de groepen: verkokering (overlap {value}).",
                             "en": "The {communities} clusters largely coincide with the groups: silos (overlap {value})."},
    "diag_openness_ok": {"nl": "{value_pct} van de actoren hangt aan één enkele band.",
                         "en": "{value_pct} of actors hang on a single tie."},
    "diag_openness_attention": {"nl": "{value_pct} van de actoren hangt aan één enkele band: de rand van het ecosysteem is los.",
                                "en": "{value_pct} of actors hang on a single tie: the edge of the ecosystem is loose."},
    "summary_diagnosis": {"nl": "Diagnose:", "en": "Diagnosis:"},
    "summary_significance": {"nl": "  kern-periferiestructuur: {p} tegen {n} willekeurige netwerken waarin elke organisatie evenveel relaties heeft ({verdict})",
                             "en": "  core/periphery structure: {p} against {n} random networks in which every organisation has as many relations ({verdict})"},
    "significant": {"nl": "de kern is dichter dan toeval verklaart", "en": "the core is denser than chance explains"},
    "not_significant": {"nl": "geen duidelijke kern: mogelijk één dichte kluwen", "en": "no clear core: possibly one dense blob"},
    "summary_stability": {"nl": "Hoe zeker ({samples} herhalingen, {drop} van de relaties weggelaten; stabiel = het 95%-interval van de kans ligt helemaal boven {hi} of onder {lo}):",
                          "en": "How sure ({samples} resamples, {drop} of relations left out; stable = the 95% interval of the probability lies wholly above {hi} or below {lo}):"},
    "stability_covers": {"nl": "  dit vangt ontbrekende relaties en organisaties op, geen foute of verzonnen relaties",
                         "en": "  this covers missing relations and organisations, not wrong or invented relations"},
    "stability_core": {"nl": "  kern: {stable} van {n} kernactoren stabiel; onzeker: {uncertain}",
                       "en": "  core: {stable} of {n} core actors stable; uncertain: {uncertain}"},
    "stability_core_actors": {"nl": "  kern als {drop} van de actoren ontbreekt: {stable} van {n} kernactoren stabiel; onzeker: {uncertain}",
                              "en": "  core when {drop} of actors are missing: {stable} of {n} core actors stable; uncertain: {uncertain}"},
    "stability_top": {"nl": "  beste orkestratorkandidaat {name}: eerste in {share} van de herhalingen ({verdict})",
                      "en": "  top orchestrator candidate {name}: first in {share} of resamples ({verdict})"},
    "stability_groups": {"nl": "  sleutelgroepen zonder plek in de kern: {groups}",
                         "en": "  key groups without a seat in the core: {groups}"},
    "stable": {"nl": "stabiel", "en": "stable"},
    "uncertain": {"nl": "onzeker", "en": "uncertain"},
    "reason_brokers_groups": {"nl": "verbindt actoren uit {a} en {b} die onderling geen directe band hebben",
                              "en": "links actors from {a} and {b} who have no direct tie"},
    "summary_contrast": {"nl": "Centraal als leverancier, niet aan tafel: {names}",
                         "en": "Central as supplier, not at the table: {names}"},
})

STEERING_LABELS = {
    "nl": {"traditional": "traditioneel bestuur", "npm": "New Public Management (markt)",
           "network": "netwerksturing", "resilience": "maatschappelijke veerkracht"},
    "en": {"traditional": "traditional public administration", "npm": "new public management (market)",
           "network": "network governance", "resilience": "societal resilience"},
}
MESSAGES.update({
    "summary_steering": {"nl": "Sturingsmix (SCP): {mix}", "en": "Steering mix (SCP): {mix}"},
})

# --- change over time: `analyse --year` and `compare` (docs/methods.md §15) ---
MESSAGES.update({
    "isolated_year": {"nl": "actor '{value}' heeft in {year} geen relaties en staat los in de periferie",
                      "en": "actor '{value}' has no relations in {year} and sits alone in the periphery"},
    "isolated_years": {"nl": "actor '{value}' heeft in {year} en in {to_year} geen relaties en staat los in de periferie",
                       "en": "actor '{value}' has no relations in {year} nor in {to_year} and sits alone in the periphery"},
    "year_undated": {"nl": "geen enkele relatie heeft een datum in 'sinds' of 'tot', dus {year} geeft hetzelfde netwerk als zonder --year",
                     "en": "no relation has a date in 'since' or 'until', so {year} gives the same network as without --year"},
    "year_before_dates": {"nl": "{year} ligt vóór het eerste jaar in 'sinds' en 'tot' ({first}); relaties zonder datum tellen mee alsof ze er toen al waren",
                          "en": "{year} lies before the first year in 'since' and 'until' ({first}); relations without a date count as if they existed then"},
    "year_no_relations": {"nl": "{file}: in {year} telt geen enkele relatie mee; de jaren in 'sinds' en 'tot' lopen van {first} tot en met {last}. Kies een jaar daartussen",
                          "en": "{file}: no relation counts in {year}; the years in 'since' and 'until' run from {first} to {last}. Choose a year in between"},
    "summary_year": {"nl": "  Netwerk zoals het er in {year} uitzag: relaties met 'sinds' leeg of t/m {year} en 'tot' leeg of vanaf {year}.",
                     "en": "  The network as it stood in {year}: relations with 'since' empty or up to {year} and 'until' empty or from {year}."},
    "compare_need_both": {"nl": "--from en --to horen bij elkaar. Geef ze allebei, bijvoorbeeld: ecosystem compare brabant --from 2020 --to 2021",
                          "en": "--from and --to go together. Give both, for example: ecosystem compare brabant --from 2020 --to 2021"},
    "compare_from_after_to": {"nl": "--from {from_year} ligt na --to {to_year}. Zet het oudste jaar bij --from: --from {to_year} --to {from_year}",
                              "en": "--from {from_year} is after --to {to_year}. Put the earlier year in --from: --from {to_year} --to {from_year}"},
    "compare_same_year": {"nl": "--from en --to zijn allebei {year}. Kies twee verschillende jaren",
                          "en": "--from and --to are both {year}. Choose two different years"},
    "compare_same": {"nl": "OUD en NIEUW zijn dezelfde map ({path}). Geef twee verschillende regiomappen, of één map met --from en --to",
                     "en": "OLD and NEW are the same folder ({path}). Give two different region folders, or one folder with --from and --to"},
    "compare_need_new": {"nl": "geef twee regiomappen (OUD en NIEUW), of één regiomap met --from en --to. Bijvoorbeeld: ecosystem compare brabant-2023 brabant-2024",
                         "en": "give two region folders (OLD and NEW), or one region folder with --from and --to. For example: ecosystem compare brabant-2023 brabant-2024"},
    "compare_years_one_folder": {"nl": "met --from en --to hoort één regiomap, maar er zijn er twee gegeven ({old} en {new}). Laat --from en --to weg om twee mappen te vergelijken",
                                 "en": "--from and --to take one region folder, but two were given ({old} and {new}). Leave out --from and --to to compare two folders"},
    "compare_undated": {"nl": "{file}: geen enkele relatie heeft een datum in 'sinds' of 'tot', dus {from_year} en {to_year} geven hetzelfde netwerk. Vul 'sinds' (en waar nodig 'tot') in, of vergelijk twee regiomappen",
                        "en": "{file}: no relation has a date in 'since' or 'until', so {from_year} and {to_year} give the same network. Fill in 'since' (and 'until' where needed), or compare two region folders"},
    "change_title": {"nl": "Wat is er veranderd in {region}: {before} → {after}",
                     "en": "What changed in {region}: {before} → {after}"},
    "change_counts": {"nl": "  actoren {a0} → {a1}, relaties {r0} → {r1}, kern {c0} → {c1} actoren",
                      "en": "  actors {a0} → {a1}, relations {r0} → {r1}, core {c0} → {c1} actors"},
    "change_nothing": {"nl": "Geen verschil in actoren en relaties: beide analyses zijn gelijk.",
                       "en": "No difference in actors or relations: both analyses are the same."},
    "change_actors": {"nl": "Actoren: {joined} nieuw, {left} vertrokken", "en": "Actors: {joined} joined, {left} left"},
    "change_joined": {"nl": "nieuw", "en": "joined"},
    "change_left": {"nl": "vertrokken", "en": "left"},
    "change_linked": {"nl": "voor het eerst met relaties", "en": "first relations"},
    "change_unlinked": {"nl": "zonder relaties geraakt", "en": "lost all relations"},
    "change_list": {"nl": "  {what} ({n}): {items}", "en": "  {what} ({n}): {items}"},
    "change_more": {"nl": "… (+{more} meer in change.html)", "en": "… (+{more} more in change.html)"},
    "change_relations": {"nl": "Relaties: {added} erbij, {removed} weg, {reweighted} met een ander gewicht",
                         "en": "Relations: {added} added, {removed} removed, {reweighted} with another weight"},
    "change_added": {"nl": "erbij", "en": "added"},
    "change_removed": {"nl": "weg", "en": "removed"},
    "change_reweighted": {"nl": "ander gewicht", "en": "other weight"},
    "change_weight": {"nl": "gewicht {before} → {after}", "en": "weight {before} → {after}"},
    "change_core": {"nl": "Kern: {entered} erin, {left} eruit", "en": "Core: {entered} entered, {left} left"},
    "change_core_entered": {"nl": "erin", "en": "entered"},
    "change_core_left": {"nl": "eruit", "en": "left"},
    "change_core_line": {"nl": "  {sign} {name}: kans op kern {before} → {after} ({verdict})",
                         "en": "  {sign} {name}: core probability {before} → {after} ({verdict})"},
    "change_absent": {"nl": "niet in de gegevens", "en": "not in the data"},
    "change_top": {"nl": "Mogelijke orkestrators (top 5):", "en": "Orchestrator candidates (top 5):"},
    "change_top_side": {"nl": "  {label}: {names}", "en": "  {label}: {names}"},
    "change_rank_line": {"nl": "  {name}: plaats {before} → {after} ({verdict})",
                         "en": "  {name}: rank {before} → {after} ({verdict})"},
    "change_rank_new": {"nl": "  {name}: plaats {before} → {after}", "en": "  {name}: rank {before} → {after}"},
    "change_rank_same": {"nl": "  geen verschuivingen in de top 5", "en": "  no moves in the top 5"},
    "change_groups": {"nl": "Sleutelgroepen (aandeel in de kern; zeggenschap aan de bestuurlijke tafels van de kern):",
                      "en": "Key groups (share in the core; agency at the core's governance tables):"},
    "change_group_line": {"nl": "  {mark} {label}: {s0} → {s1} in de kern ({p0} → {p1}{verdict}); zeggenschap {seat0} → {seat1} (aan {t0} → {t1} van de tafels)",
                          "en": "  {mark} {label}: {s0} → {s1} in the core ({p0} → {p1}{verdict}); agency {seat0} → {seat1} (at {t0} → {t1} of the tables)"},
    "change_core_word": {"nl": "kern", "en": "core"},
    "change_periphery_word": {"nl": "periferie", "en": "periphery"},
    "change_seat_yes": {"nl": "ja", "en": "yes"},
    "change_seat_no": {"nl": "nee", "en": "no"},
    "change_diagnosis": {"nl": "Diagnose:", "en": "Diagnosis:"},
    "change_indicator_line": {"nl": "  {mark} {title}: {v0} → {v1} ({s0} → {s1})",
                              "en": "  {mark} {title}: {v0} → {v1} ({s0} → {s1})"},
    "change_status_ok": {"nl": "in orde", "en": "fine"},
    "change_status_attention": {"nl": "aandacht", "en": "attention"},
    "change_verdict_clear": {"nl": "duidelijk", "en": "clear"},
    "change_verdict_uncertain": {"nl": "onzeker", "en": "uncertain"},
    "change_verdict_untested": {"nl": "niet getoetst", "en": "not tested"},
    "change_legend": {"nl": "Duidelijk: op beide momenten zeker volgens {samples} herhalingen met 1 op 10 relaties weggelaten (het hele 95%-interval van de kans boven {hi} of onder {lo}); onzeker: binnen wat ontbrekende gegevens kunnen verklaren.",
                      "en": "Clear: sure at both moments according to {samples} resamples with 1 in 10 relations left out (the whole 95% interval of the probability above {hi} or below {lo}); uncertain: within what missing data can explain."},
    "change_legend_untested": {"nl": "Zonder herhalingen (--bootstrap 0) is niet getoetst of een verandering buiten de onzekerheid valt.",
                               "en": "Without resamples (--bootstrap 0) it was not tested whether a change is beyond the uncertainty."},
})
