"""User-facing text in Dutch (default) and English.

All words a coordinator reads come from the catalogue, so the CLI, the terminal summary,
the error lines and the HTML speak with one voice. Keys are English identifiers.
The catalogue is :data:`MESSAGES` (key -> language -> text, looked up with :func:`t`; the
intake road's keys from :mod:`ecosystem.intake.messages` are merged in), the label tables
here (language -> key -> word), and the page tables next to their templates
(``render/i18n_report``, ``i18n_map``, ``i18n_change``), looked up with :func:`table_strings`.
One fallback rule (:func:`resolve_lang`); key and placeholder parity is checked in
tests/test_catalogue.py.
"""
from __future__ import annotations

import math
from typing import TYPE_CHECKING

from .vocab import ROLE_DUTCH

if TYPE_CHECKING:
    from .analysis.core_periphery import CorePeripheryTest, NullTest, Structure

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
    "unknown_role": {"nl": "onbekende rol '{value}'.{suggestion} Toegestaan: {allowed} (of leeg laten)",
                     "en": "unknown role '{value}'.{suggestion} Allowed: {allowed} (or leave empty)"},
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
    # --- issue 12: per region, side by side, what if ---
    "region_none": {"nl": "--region: geen enkele actor in {path} heeft een waarde in de kolom 'region'. Vul per actor de arbeidsmarktregio('s) in, gescheiden door |",
                    "en": "--region: no actor in {path} has a value in the column 'region'. Give each actor its labour-market region(s), separated by |"},
    "region_unknown": {"nl": "--region: onbekende arbeidsmarktregio '{value}'.{suggestion} In de gegevens: {regions}",
                       "en": "--region: unknown labour-market region '{value}'.{suggestion} In the data: {regions}"},
    "whatif_unknown": {"nl": "--without: onbekende actor '{value}'.{suggestion} Gebruik een id uit {actors}",
                       "en": "--without: unknown actor '{value}'.{suggestion} Use an id from {actors}"},
    "whatif_nothing": {"nl": "wat als: geef minstens één --without ID of --with BESTAND",
                       "en": "what if: give at least one --without ID or --with FILE"},
    "whatif_with_removed": {"nl": "de relatie {source}-{target} raakt een organisatie die met --without wegvalt. Laat die rij weg of die --without",
                            "en": "the relation {source}-{target} touches an organisation removed with --without. Drop that row or that --without"},
    "whatif_no_file": {"nl": "--with: bestand {path} bestaat niet. Geef een CSV met dezelfde kolommen als relations.csv",
                       "en": "--with: file {path} does not exist. Give a CSV with the same columns as relations.csv"},
    "whatif_text": {"nl": "Wat als {what}: afstandsgewogen fragmentatie {df_before} → {df_after}; {cut} organisatie(s) verliezen elk pad naar de rest; {pairs} paar/paren sleutelgroepen verliezen hun laatste verbinding.",
                    "en": "What if {what}: distance-weighted fragmentation {df_before} → {df_after}; {cut} organisation(s) lose every path to the rest; {pairs} pair(s) of key groups lose their last connection."},
    "compare_many_same": {"nl": "map {path} is meer dan eens gegeven. Geef elke regiomap één keer",
                          "en": "folder {path} is given more than once. Give each region folder once"},
    "compare_many_years": {"nl": "--from en --to gaan met één regiomap, niet met {n} mappen",
                           "en": "--from and --to go with one region folder, not with {n} folders"},
    "side_by_side_line": {"nl": "{label}: {actors} organisaties, {relations} relaties, kern {core}, beste orkestratorkandidaat {top}",
                          "en": "{label}: {actors} organisations, {relations} relations, core {core}, top orchestrator candidate {top}"},
    "warning": {"nl": "let op", "en": "warning"},
    "error": {"nl": "fout", "en": "error"},
}


def t(key: str, lang: str = "nl", **kwargs: object) -> str:
    """Return message ``key`` in ``lang`` with ``kwargs`` filled in."""
    return MESSAGES[key][lang].format(**kwargs)


def resolve_lang(lang: str | None) -> str:
    """The catalogue language for ``lang``: 'en', 'EN' and 'en-GB' give 'en'; unknown or none gives Dutch."""
    code = (lang or LANGS[0]).lower().split("-")[0]
    return code if code in LANGS else LANGS[0]


def table_strings(table: dict[str, dict[str, str]], lang: str | None) -> dict[str, str]:
    """One page's strings (``table`` is language -> key -> text) in ``lang``, by the one fallback rule.

    The page tables (render/i18n_report, i18n_map, i18n_change) hold whole-page wording next to the
    templates that use it; this is their one lookup, as :func:`t` is for :data:`MESSAGES`.
    Key parity between the languages is checked in tests/test_catalogue.py.
    """
    return dict(table[resolve_lang(lang)])


def group_label(group: str, lang: str) -> str:
    return GROUP_LABELS[lang].get(group, group)


SCALE_LABELS = {
    "nl": {"local": "lokaal", "regional": "regionaal", "provincial": "provinciaal", "national": "landelijk"},
    "en": {"local": "local", "regional": "regional", "provincial": "provincial", "national": "national"},
}


def scale_label(scale: str, lang: str) -> str:
    return SCALE_LABELS[lang].get(scale, scale)


def role_label(role: str, lang: str) -> str:
    """A formal role (vocab.ROLES) as a coordinator writes it: 'regie', 'trekker', ...; English with the Dutch word."""
    dutch = ROLE_DUTCH.get(role, role)
    return dutch if lang == "nl" else f"{role} ({dutch})"


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
    "reason_centre_ecosystem": {"nl": "kernscore {coreness} in de sturingsrelaties tussen verschillende groepen "
                                      "(1 = het centrum; levering en verbindingen binnen de eigen groep tellen hier niet)",
                                "en": "coreness {coreness} in the steering ties between different groups "
                                      "(1 = the centre; delivery and ties inside its own group do not count here)"},
    "reason_bridging_ecosystem": {"nl": "ligt op {share} van de kortste verbindingen tussen andere actoren "
                                        "in de sturingsrelaties tussen groepen",
                                  "en": "lies on {share} of the shortest links between other actors "
                                        "in the steering ties between groups"},
    "reason_reach": {"nl": "heeft verbindingen met {n} van de {of} sleutelgroepen ({groups})",
                     "en": "is tied to {n} of the {of} key groups ({groups})"},
    "reason_bridging": {"nl": "ligt op {share} van de kortste verbindingen tussen andere actoren",
                        "en": "lies on {share} of the shortest links between other actors"},
    "map_title": {"nl": "LLO-ecosysteem {region}", "en": "LLO ecosystem {region}"},
    # --- terminal summary ---
    "summary_title": {"nl": "Ecosysteem {region}: {actors} actoren, {relations} relaties",
                      "en": "Ecosystem {region}: {actors} actors, {relations} relations"},
    "summary_core": {"nl": "Kern ({n}): {names}", "en": "Core ({n}): {names}"},
    "summary_core_fit": {"nl": "  (aansluiting op het kern-periferiemodel: {fit})", "en": "  (core/periphery fit: {fit})"},
    "summary_core_more": {"nl": "… (+{more} andere)", "en": "… (+{more} more)"},
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
    "anonymise_key": {"nl": "Sleutel (nummer -> id en naam), niet delen: {path}",
                      "en": "Key (number -> id and name), do not share: {path}"},
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


def fmt_p(test: "NullTest", lang: str) -> str:
    """'p = 0,034', or 'p ≤ 0,010' when no random network fitted as well (``test.at_floor``, decided in analysis)."""
    if test.at_floor:
        return f"p ≤ {fmt_number(test.floor, lang, 3)}"
    return f"p = {fmt_number(test.p_value, lang, 3)}"


def core_periphery_tests(structure: "Structure", test: "CorePeripheryTest", lang: str) -> dict | None:
    """The two tests' formatted p-values and sample counts (``p_density``, ``n_density``, ``p_degrees``,
    ``n_degrees``) for the terminal and report lines; None when no core/periphery applies or no test ran."""
    if structure.kind != "core_periphery" or math.isnan(test.p_value):
        return None
    values = {}
    for name, null in (("density", test.density), ("degrees", test.degrees)):
        values[f"p_{name}"] = fmt_p(null, lang)
        values[f"n_{name}"] = null.n_null
    return values


def core_periphery_sentence(structure: "Structure", test: "CorePeripheryTest", lang: str) -> str | None:
    """What the core/periphery analysis found, in one plain sentence.

    A degenerate shape (complete network, separate pairs, separate parts, no
    ties: ``structure.kind``) is named instead of a core; otherwise the verdict
    of the two tests (``test.verdict``). None when no test was run.
    """
    kind, parts = structure.kind, list(structure.sizes)
    if kind == "complete":
        return t("cp_structure_complete", lang, n=sum(parts))
    if kind == "pairs":
        return t("cp_structure_pairs", lang, k=len(parts))
    if kind == "parts":
        return t("cp_structure_parts", lang, k=len(parts), sizes=join_words([str(size) for size in parts], lang))
    if kind == "empty":
        return t("cp_structure_empty", lang)
    if math.isnan(test.p_value):
        return None
    return t(f"cp_verdict_{test.verdict}", lang)


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
    "diag_interdependence_ok": {"nl": "Er zijn meer verbindingen tussen groepen ({external}) dan binnen groepen ({internal}): E-I-index {value}.",
                                "en": "There are more ties across groups ({external}) than within ({internal}): E-I index {value}."},
    "diag_interdependence_attention": {"nl": "Groepen werken vooral met zichzelf: {internal} verbindingen binnen en {external} tussen groepen (E-I-index {value}).",
                                       "en": "Groups mostly work with themselves: {internal} ties within and {external} across groups (E-I index {value})."},
    "diag_reciprocity_ok": {"nl": "{value_pct} van de gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug: actoren zijn over en weer van elkaar afhankelijk.",
                            "en": "{value_pct} of directed relations (funding, delivery, referral, advice, representation) are answered by a directed relation the other way: actors depend on each other both ways."},
    "diag_reciprocity_attention": {"nl": "Slechts {value_pct} van de gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug (van welke soort ook): de afhankelijkheid is vooral eenzijdig (wie geeft, krijgt weinig terug).",
                                   "en": "Only {value_pct} of directed relations (funding, delivery, referral, advice, representation) are answered by a directed relation of any type the other way: dependence is mostly one-sided (who gives gets little back)."},
    # Exactly zero: 'Slechts 0%' would read as an error; say plainly that there is none.
    "diag_reciprocity_attention_zero": {"nl": "Geen enkele gerichte relatie (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug: de afhankelijkheid is volledig eenzijdig (wie geeft, krijgt niets terug).",
                                        "en": "No directed relation (funding, delivery, referral, advice, representation) is answered by a directed relation the other way: dependence is entirely one-sided (who gives gets nothing back)."},
    "diag_reciprocity_no_arcs": {"nl": "Er zijn geen gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) in de gegevens, dus wederkerigheid is niet te meten.",
                                 "en": "There are no directed relations (funding, delivery, referral, advice, representation) in the data, so reciprocity cannot be measured."},
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
    "diag_orchestrator_none": {"nl": "Geen orkestratorkandidaat: geen enkele actor heeft een relatie.",
                               "en": "No orchestrator candidate: no actor has a relation."},
    "diag_orchestrator_not_core": {"nl": "{top} staat {value_pct} voor op {runner}, maar zit niet in de kern: een orkestrator hoort in het centrum.",
                                   "en": "{top} is {value_pct} ahead of {runner}, but is not in the core: an orchestrator belongs in the centre."},
    "diag_orchestrator_attention_zero": {"nl": "Geen duidelijke orkestrator: {top} en {runner} scoren precies gelijk.",
                                         "en": "No clear orchestrator: {top} and {runner} score exactly the same."},
    "diag_fragmentation_ok": {"nl": "Alle verbonden actoren vormen één netwerk.",
                              "en": "All linked actors form one network."},
    "diag_fragmentation_attention": {"nl": "Het netwerk valt uiteen in {components} losse delen; het grootste bevat {largest} van de actoren.",
                                     "en": "The network falls apart into {components} pieces; the largest holds {largest} of the actors."},
    "diag_silos_ok": {"nl": "De {communities} clusters in het netwerk lopen dwars door de groepen heen (overlap {value}).",
                      "en": "The {communities} clusters in the network cut across groups (overlap {value})."},
    "diag_silos_attention": {"nl": "De {communities} clusters vallen grotendeels samen met de groepen: verkokering (overlap {value}).",
                             "en": "The {communities} clusters largely coincide with the groups: silos (overlap {value})."},
    "diag_openness_ok": {"nl": "{value_pct} van de actoren hangt aan één enkele verbinding.",
                         "en": "{value_pct} of actors hang on a single tie."},
    "diag_openness_attention": {"nl": "{value_pct} van de actoren hangt aan één enkele verbinding: de rand van het ecosysteem is los.",
                                "en": "{value_pct} of actors hang on a single tie: the edge of the ecosystem is loose."},
    "diag_openness_ok_zero": {"nl": "Geen enkele actor hangt aan één enkele verbinding.",
                              "en": "No actor hangs on a single tie."},
    "summary_diagnosis": {"nl": "Diagnose:", "en": "Diagnosis:"},
    "summary_significance": {"nl": "  kern-periferietoets: {p_density} tegen {n_density} willekeurige netwerken met evenveel relaties op willekeurige plaatsen; {p_degrees} tegen {n_degrees} willekeurige netwerken waarin elke organisatie evenveel relaties houdt",
                             "en": "  core/periphery tests: {p_density} against {n_density} random networks with as many relations in random places; {p_degrees} against {n_degrees} random networks in which every organisation keeps its number of relations"},
    # One sentence per verdict of the two tests (analysis/core_periphery/significance.py).
    "cp_verdict_denser_than_degrees": {"nl": "Er is een kern: de kernorganisaties zijn onderling dichter verbonden dan hun aantal relaties verklaart.",
                                       "en": "There is a core: the core organisations are more densely tied to each other than their numbers of relations explain."},
    "cp_verdict_degree_driven": {"nl": "Er is een kern van organisaties met veel relaties; dat ze onderling zo dicht verbonden zijn, volgt uit hun aantal relaties.",
                                 "en": "There is a core of organisations with many relations; that they are so densely tied to each other follows from their numbers of relations."},
    "cp_verdict_no_structure": {"nl": "Let op: geen duidelijke kern-periferiestructuur; het netwerk lijkt daarin op een willekeurig netwerk met evenveel relaties. Lees 'kern' en 'periferie' als een rangorde, niet als twee gescheiden groepen.",
                                "en": "Note: no clear core/periphery structure; in this respect the network looks like a random network with as many relations. Read 'core' and 'periphery' as a ranking, not as two separate groups."},
    # One sentence per shape in which no core/periphery applies (analysis/core_periphery/structure.py).
    "cp_structure_complete": {"nl": "Alle {n} organisaties hebben een relatie met elkaar: één gesloten kring, zonder kern en periferie.",
                              "en": "All {n} organisations have a relation with each other: one closed circle, without core and periphery."},
    "cp_structure_pairs": {"nl": "De organisaties werken alleen in losse tweetallen ({k} in totaal), zonder verdere relaties: er is geen kern en geen periferie.",
                           "en": "The organisations only work in separate pairs ({k} in all), with no further relations: there is no core and no periphery."},
    "cp_structure_parts": {"nl": "Het netwerk valt uiteen in {k} losse delen zonder relaties ertussen ({sizes} organisaties): er is geen kern voor het netwerk als geheel.",
                           "en": "The network falls apart into {k} separate parts with no relations between them ({sizes} organisations): there is no core for the network as a whole."},
    "cp_structure_empty": {"nl": "Er zijn geen relaties tussen de organisaties: er is geen kern en geen periferie.",
                           "en": "There are no relations between the organisations: there is no core and no periphery."},
    "summary_stability": {"nl": "Hoe zeker ({samples} herhalingen, {drop} van de relaties weggelaten; stabiel = het 95%-interval van de kans ligt helemaal boven {hi} of onder {lo}):",
                          "en": "How sure ({samples} resamples, {drop} of relations left out; stable = the 95% interval of the probability lies wholly above {hi} or below {lo}):"},
    "stability_covers": {"nl": "  dit vangt ontbrekende relaties en organisaties op, geen foute of verzonnen relaties",
                         "en": "  this covers missing relations and organisations, not wrong or invented relations"},
    "stability_core": {"nl": "  kern: {stable} van {n} kernactoren stabiel in de kern; twijfel bij kernactoren: {uncertain}",
                       "en": "  core: {stable} of {n} core actors stable in the core; core actors in doubt: {uncertain}"},
    "stability_borderline": {"nl": "  buiten de kern, maar niet stabiel in de periferie: {names}",
                             "en": "  outside the core, but not stable in the periphery: {names}"},
    "stability_core_actors": {"nl": "  kern als {drop} van de actoren ontbreekt: {stable} van {n} kernactoren stabiel in de kern; twijfel bij kernactoren: {uncertain}",
                              "en": "  core when {drop} of actors are missing: {stable} of {n} core actors stable in the core; core actors in doubt: {uncertain}"},
    "stability_top": {"nl": "  beste orkestratorkandidaat {name}: eerste in {share} van de herhalingen ({verdict})",
                      "en": "  top orchestrator candidate {name}: first in {share} of resamples ({verdict})"},
    "stability_groups": {"nl": "  sleutelgroepen zonder plek in de kern: {groups}",
                         "en": "  key groups without a seat in the core: {groups}"},
    "stable": {"nl": "stabiel", "en": "stable"},
    "uncertain": {"nl": "onzeker", "en": "uncertain"},
    # mandate (analysis/mandate.py): tables, funding, formal role
    "reason_tables": {"nl": "zit aan {tables} met {k} van de {of} sleutelgroepen ({groups})",
                      "en": "sits at {tables} with {k} of the {of} key groups ({groups})"},
    "reason_tables_no_key": {"nl": "zit aan {tables}, zonder andere sleutelgroepen",
                             "en": "sits at {tables}, without other key groups"},
    "tables_one": {"nl": "1 bestuurlijke tafel", "en": "1 governance table"},
    "tables_many": {"nl": "{n} bestuurlijke tafels", "en": "{n} governance tables"},
    "reason_funds": {"nl": "financiert {n} organisaties", "en": "funds {n} organisations"},
    "reason_funds_one": {"nl": "financiert 1 organisatie", "en": "funds 1 organisation"},
    "reason_role_orchestrator": {"nl": "heeft de regierol", "en": "holds the regierol (steers the regional collaboration)"},
    "reason_role_lead": {"nl": "is trekker", "en": "is the lead (trekker)"},
    "reason_role_secretariat": {"nl": "voert het secretariaat", "en": "runs the secretariat"},
    "reason_brokers_groups": {"nl": "verbindt actoren uit {a} en {b} die onderling geen directe verbinding hebben",
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
# Why each relation type counts toward its default philosophy (analysis.steering.DEFAULT_STEERING;
# the SCP passages are in docs/steering.md). Printed with the steering mix so a reader sees the rule.
STEERING_REASONS = {
    "nl": {"governance": "een gedeelde bestuurstafel: samen onderhandelen en besluiten",
           "funding": "de overheid betaalt publieke doelen en stelt voorwaarden aan dat geld",
           "delivery": "opdrachtgever en opdrachtnemer: uitvoering ingekocht bij aanbieders",
           "representation": "sociale partners spreken mee over beleid namens hun achterban",
           "referral": "mensen doorverwijzen binnen het regionale netwerk",
           "collaboration": "samenwerking tussen partners, de kern van netwerksturing",
           "advice": "praktijkkennis van partners voedt het beleid"},
    "en": {"governance": "a shared governance table: negotiating and deciding together",
           "funding": "government pays for public goals and sets conditions on that money",
           "delivery": "client and supplier: execution bought from providers",
           "representation": "social partners speak on policy for their members",
           "referral": "passing people on within the regional network",
           "collaboration": "cooperation between partners, the heart of network governance",
           "advice": "partners' practice knowledge feeds policy"},
}
MESSAGES.update({
    "summary_steering": {"nl": "Sturingsmix (SCP): {mix}", "en": "Steering mix (SCP): {mix}"},
    "steering_rule": {"nl": "  {label}: {types}", "en": "  {label}: {types}"},
    "steering_rule_type": {"nl": "{type} ({why})", "en": "{type} ({why})"},
    "steering_rule_none": {"nl": "geen soort relatie telt standaard mee; alleen relaties met deze vorm in de kolom 'sturing'",
                           "en": "no relation type counts by default; only relations given this form in the 'steering' column"},
    "steering_overridden": {"nl": "  {n} relatie(s) hebben een eigen sturingsvorm in de kolom 'sturing' en tellen bij die vorm",
                            "en": "  {n} relation(s) have their own steering form in the 'steering' column and count toward that form"},
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

# --- spreadsheets as people write them, and Kumu (issue 11 points 4-5) ---
MESSAGES.update({
    "header_row": {"nl": "kopregel gevonden in rij {row}; de rij(en) {first} tot {row} erboven zijn overgeslagen als titel",
                   "en": "header found in row {row}; the row(s) {first} to {row} above it were skipped as a title"},
    "unknown_column": {"nl": "kolom '{column}' niet herkend.{suggestion} Bewaard als extra gegeven (te zien in de kaart), niet gebruikt in de analyse",
                       "en": "column '{column}' not recognised.{suggestion} Kept as extra information (shown in the map), not used in the analysis"},
    "old_xls": {"nl": "dit is het oude Excel-formaat (.xls), dat niet gelezen wordt. Open het in Excel en kies Opslaan als > Excel-werkmap (.xlsx)",
                "en": "this is the old Excel format (.xls), which is not read. Open it in Excel and choose Save As > Excel Workbook (.xlsx)"},
    "encrypted_workbook": {"nl": "de werkmap is met een wachtwoord beveiligd en kan niet gelezen worden. Open hem in Excel, haal het wachtwoord weg (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord: leeg) en sla hem op",
                           "en": "the workbook is password-protected and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password: empty) and save it"},
    "ambiguous_group": {"nl": "'{value}' kan meer dan één groep zijn ({options}). Kies er één en vul die in",
                        "en": "'{value}' can be more than one group ({options}). Choose one and fill it in"},
    "ambiguous_type": {"nl": "'{value}' kan twee relatietypen zijn. Vul '{governance}' in als er besluiten vallen (een bestuurlijke tafel), anders '{collaboration}'",
                       "en": "'{value}' can be two relation types. Fill in '{governance}' when decisions are taken there (a governance table), else '{collaboration}'"},
    "actor_gone": {"nl": "actor '{value}' staat niet (meer) in {actors}; de relaties hebben een geschiedenis (sinds/tot). Zet de actor terug in {actors}, of haal de relatie weg",
                   "en": "actor '{value}' is not (or no longer) in {actors}; the relations have a history (since/until). Put the actor back in {actors}, or remove the relation"},
    "actor_gone_until": {"nl": "actor '{value}' staat niet (meer) in {actors}; deze relatie liep tot {until}. Zet de actor terug in {actors}, of haal de relatie weg",
                         "en": "actor '{value}' is not (or no longer) in {actors}; this relation ran until {until}. Put the actor back in {actors}, or remove the relation"},
    # Kumu
    "kumu_no_sheets": {"nl": "geen tabblad met de kolommen van Kumu gevonden (elementen: 'Label', verbindingen: 'From' en 'To'; gevonden: {found})",
                       "en": "no sheet with Kumu's columns found (elements: 'Label', connections: 'From' and 'To'; found: {found})"},
    "kumu_unmapped_groups": {"nl": "{n} Kumu-type(s) horen bij geen actorgroep: {values}. Geef de groep in een veld 'groep', of zet in region.toml een tabel [groups], bijvoorbeeld: [groups] {example}. Groepen: {allowed}",
                             "en": "{n} Kumu type(s) map to no actor group: {values}. Give the group in a field 'group', or add a table [groups] to region.toml, for example: [groups] {example}. Groups: {allowed}"},
    "kumu_unmapped_types": {"nl": "{n} Kumu-verbindingstype(s) horen bij geen relatietype: {values}. Zet in region.toml een tabel [relation_types], bijvoorbeeld: [relation_types] {example}. Relatietypen: {allowed}",
                            "en": "{n} Kumu connection type(s) map to no relation type: {values}. Add a table [relation_types] to region.toml, for example: [relation_types] {example}. Relation types: {allowed}"},
    "kumu_empty": {"nl": "(leeg)", "en": "(empty)"},
    "kumu_bad_mapping": {"nl": "[{table}] '{key}' = '{value}' is geen bekende waarde. Toegestaan: {allowed}",
                         "en": "[{table}] '{key}' = '{value}' is not a known value. Allowed: {allowed}"},
    "import_exists": {"nl": "{path} bestaat al en wordt niet overschreven. Kies met --into een lege of nieuwe map",
                      "en": "{path} already exists and is not overwritten. Choose an empty or new folder with --into"},
    "import_written": {"nl": "{actors} actoren en {relations} relaties geschreven naar:", "en": "{actors} actors and {relations} relations written to:"},
    "import_no_file": {"nl": "{path} bestaat niet. Geef het pad naar de Kumu-export (.xlsx)",
                       "en": "{path} does not exist. Give the path of the Kumu export (.xlsx)"},
})

# Column headers of actors.xlsx, the table people read (actors.csv keeps the English keys).
# Metrics not listed here take METRIC_LABELS; per-layer columns are '<label> (<relation type>)'.
COLUMN_LABELS = {
    "nl": {"id": "id", "name": "Naam", "group": "Groep", "type": "Soort", "scale": "Schaal", "region": "Regio",
           "core": "In de kern", "orchestrator_rank": "Orkestrator-rang", "orchestrator_centre": "Orkestrator: centrum",
           "orchestrator_reach": "Orkestrator: bereik", "orchestrator_bridging": "Orkestrator: brugfunctie",
           "at_governance_table": "Aan de bestuurstafel", "community": "Cluster",
           "core_probability_actor_drop": "Kans op kern (actoren weggelaten)",
           "orchestrator_rank_p05": "Orkestrator-rang (5%)", "orchestrator_rank_p95": "Orkestrator-rang (95%)",
           "brokerage": "Makelaarsrol", "ratio": "verhouding", "all": "alle relaties",
           "coordinator": "coördinator", "itinerant": "reizende makelaar", "gatekeeper": "poortwachter",
           "representative": "vertegenwoordiger", "liaison": "verbinder", "yes": "ja", "no": "nee", "role": "Rol"},
    "en": {"id": "id", "name": "Name", "group": "Group", "type": "Type", "scale": "Scale", "region": "Region",
           "core": "In the core", "orchestrator_rank": "Orchestrator rank", "orchestrator_centre": "Orchestrator: centre",
           "orchestrator_reach": "Orchestrator: reach", "orchestrator_bridging": "Orchestrator: bridging",
           "at_governance_table": "At the governance table", "community": "Cluster",
           "core_probability_actor_drop": "Core probability (actors left out)",
           "orchestrator_rank_p05": "Orchestrator rank (5%)", "orchestrator_rank_p95": "Orchestrator rank (95%)",
           "brokerage": "Brokerage role", "ratio": "ratio", "all": "all relations",
           "coordinator": "coordinator", "itinerant": "itinerant", "gatekeeper": "gatekeeper",
           "representative": "representative", "liaison": "liaison", "yes": "yes", "no": "no", "role": "Role"},
}


def column_label(column: str, lang: str) -> str:
    """The header of an actors.xlsx column in ``lang`` ('degree' -> 'Aantal partners')."""
    labels = COLUMN_LABELS[lang]
    if column in labels:
        return labels[column]
    if column in METRIC_LABELS[lang]:
        return METRIC_LABELS[lang][column]
    if column.startswith("brokerage_"):
        role = column[len("brokerage_"):].removesuffix("_ratio")
        suffix = f", {labels['ratio']}" if column.endswith("_ratio") else ""
        return f"{labels['brokerage']}: {labels.get(role, role)}{suffix}"
    base, _, layer = column.rpartition("_")
    if base and (layer == "all" or layer in RELATION_LABELS[lang]):
        where = labels["all"] if layer == "all" else RELATION_LABELS[lang][layer].lower()
        return f"{column_label(base, lang)} ({where})"
    return column

# The intake road (init, validate, survey) keeps its words in its own module; merged here.
from .intake.messages import MESSAGES as _INTAKE_MESSAGES  # noqa: E402

MESSAGES.update(_INTAKE_MESSAGES)
# --- nothing lost, nothing silently wrong: outputs, cells, limits (README "Promises and limits") ---
MESSAGES.update({
    "out_in_region": {"nl": "uitvoermap {path} ligt in of rond de invoermap {region}, en de invoer wordt nooit aangeraakt. Kies met --out een map daarbuiten, bijvoorbeeld --out outputs",
                      "en": "output folder {path} is inside or around the input folder {region}, and the input is never touched. Choose a folder outside it with --out, for example --out outputs"},
    "out_foreign": {"nl": "uitvoermap {path} bevat bestanden die ecosystem niet schreef ({files}). Elke run vervangt de map in zijn geheel: verplaats die bestanden, of kies met --out een andere map",
                    "en": "output folder {path} holds files ecosystem did not write ({files}). Every run replaces the folder as a whole: move those files, or choose another folder with --out"},
    "formula_no_value": {"nl": "de cel bevat de formule {formula} zonder opgeslagen uitkomst (de werkmap is door een programma gemaakt en nooit in Excel bewaard). Open de werkmap in Excel en sla hem op, of vervang de formule door haar waarde",
                         "en": "the cell holds the formula {formula} without a saved result (the workbook was made by a program and never saved in Excel). Open the workbook in Excel and save it, or replace the formula by its value"},
    "from_formula": {"nl": " (de cel bevat de formule {formula}, met uitkomst {value})",
                     "en": " (the cell holds the formula {formula}, with result {value})"},
    "sheet_hidden_ignored": {"nl": "verborgen tabblad '{hidden}' genegeerd; gelezen is het zichtbare tabblad '{used}'. Verwijder het verborgen tabblad als het oud is",
                             "en": "hidden sheet '{hidden}' ignored; the visible sheet '{used}' was read. Delete the hidden sheet if it is stale"},
    "several_sheets": {"nl": "meerdere tabbladen voor '{kind}' ({sheets}), zodat niet vast staat welke bedoeld is. Verwijder of hernoem er één",
                       "en": "several sheets for '{kind}' ({sheets}), so it is not clear which one is meant. Delete or rename one of them"},
    "csv_and_xlsx": {"nl": "de map bevat zowel {csvs} als de werkmap {xlsx} met regiogegevens, en het is niet te zeggen welke bedoeld is. Verwijder of hernoem de CSV-bestanden of de werkmap",
                     "en": "the folder holds both {csvs} and the workbook {xlsx} with region data, and it cannot tell which is meant. Remove or rename the CSV files or the workbook"},
    "control_chars": {"nl": "onzichtbare stuurtekens (zoals NUL) weggelaten uit {n} cel(len) in deze kolom (rijen {rows}). Controleer of de tekst daar klopt",
                      "en": "invisible control characters (such as NUL) removed from {n} cell(s) in this column (rows {rows}). Check that the text there is right"},
    "duplicate_relation": {"nl": "deze rij is gelijk aan rij {first} (in elke kolom) en telt daarom één keer mee. Verwijder een van de twee, of geef ze elk een eigen notitie als het twee relaties zijn",
                           "en": "this row equals row {first} (in every column), so it counts once. Delete one of the two, or give each its own note if they are two relations"},
    "id_case_clash": {"nl": "id '{value}' verschilt alleen in hoofd- en kleine letters van id '{other}' in rij {first}; ids worden zonder onderscheid van hoofdletters vergeleken. Geef elke actor een eigen id",
                      "en": "id '{value}' differs only in upper and lower case from id '{other}' in row {first}; ids are compared regardless of case. Give every actor its own id"},
    "id_case_match": {"nl": "'{value}' gelezen als id '{id}' uit {actors} ({n} keer; hoofdletters tellen niet mee). Schrijf het zoals in {actors}",
                      "en": "'{value}' read as id '{id}' from {actors} ({n} times; case does not count). Write it as in {actors}"},
    "cell_too_long": {"nl": "de cel heeft {n} tekens; een spreadsheetcel bevat er hoogstens {limit} (de grens van Excel). Maak de tekst korter",
                      "en": "the cell has {n} characters; a spreadsheet cell holds at most {limit} (Excel's limit). Shorten the text"},
    "csv_unreadable_row": {"nl": "rij {row} is niet te lezen: een cel is langer dan {limit} tekens of de rij is beschadigd. Maak de tekst korter (een spreadsheetcel bevat hoogstens 32767 tekens)",
                           "en": "row {row} cannot be read: a cell is longer than {limit} characters or the row is damaged. Shorten the text (a spreadsheet cell holds at most 32767 characters)"},
    "weight_out_of_range": {"nl": "gewicht {value} ligt buiten het bereik van {low} tot en met {high}. Gebruik bijvoorbeeld 1 (zwak) tot 3 (sterk), of laat leeg voor 1",
                            "en": "weight {value} is outside the range {low} to {high}. Use for example 1 (weak) to 3 (strong), or leave empty for 1"},
    "not_a_file": {"nl": "is een map, geen bestand. Zet op die plaats het bestand {file}",
                   "en": "is a folder, not a file. Put the file {file} in its place"},
    "unreadable_file": {"nl": "kan het bestand niet lezen ({reason}). Controleer of het bestaat en of u het mag lezen",
                        "en": "cannot read the file ({reason}). Check that it exists and that you may read it"},
    "toml_type": {"nl": "'{setting}' moet {expected} zijn, maar is {found}. Bijvoorbeeld: {example}",
                  "en": "'{setting}' must be {expected}, but is {found}. For example: {example}"},
    "toml_control": {"nl": "'{setting}' bevat onzichtbare stuurtekens (zoals NUL). Verwijder ze",
                     "en": "'{setting}' contains invisible control characters (such as NUL). Remove them"},
    "toml_text": {"nl": "een tekst tussen aanhalingstekens", "en": "a text in quotes"},
    "toml_list": {"nl": "een tekst of een lijst met teksten", "en": "a text or a list of texts"},
    "toml_table": {"nl": "een tabel met teksten", "en": "a table of texts"},
    "glyph_missing": {"nl": "sommige tekens in namen ({chars}) staan niet in het lettertype van de afbeeldingen en verschijnen daar als leeg vakje; map.html, report.html en de tabellen tonen ze wel",
                      "en": "some characters in names ({chars}) are not in the pictures' font and show there as an empty box; map.html, report.html and the tables do show them"},
    "numeric_warning": {"nl": "een berekening kwam bij de grens van wat een computer met getallen kan ({n} keer: {message}); cijfers met zeer grote of kleine gewichten kunnen onnauwkeurig zijn",
                        "en": "a calculation reached the limits of computer arithmetic ({n} times: {message}); figures with very large or small weights may be inexact"},
    "other_warning": {"nl": "melding van {module} ({n} keer): {message}",
                      "en": "message from {module} ({n} times): {message}"},
})

# --- progress bars on stderr for the long steps (ecosystem.parallel) ---
MESSAGES.update({
    "progress_null": {"nl": "kern-periferietoets (willekeurige netwerken)", "en": "core/periphery tests (random networks)"},
    "progress_layers": {"nl": "soorten relaties", "en": "relation types"},
    "progress_resamples": {"nl": "hoe zeker (herhalingen)", "en": "how sure (resamples)"},
})

# --- issue 12 point 5: everyone can find themselves (search, one word per count, glossary) ---
# One word for a tie between two organisations ("verbinding"/"tie", however many relation rows it
# carries) and one for a relation row ("relatie"/"relation"); the sentence says when the counts differ.
MESSAGES.update({
    "ties_differ_one": {"nl": "{relations} relaties tussen {ties} paren organisaties ({ties} verbindingen): 1 paar heeft meer dan één relatie.",
                        "en": "{relations} relations between {ties} pairs of organisations ({ties} ties): 1 pair has more than one relation."},
    "ties_differ_many": {"nl": "{relations} relaties tussen {ties} paren organisaties ({ties} verbindingen): {several} paren hebben meer dan één relatie.",
                         "en": "{relations} relations between {ties} pairs of organisations ({ties} ties): {several} pairs have more than one relation."},
    "ties_label": {"nl": "Verbindingen", "en": "Ties"},
    "change_ties": {"nl": "  verbindingen (paren organisaties) {t0} → {t1}", "en": "  ties (pairs of organisations) {t0} → {t1}"},
    # map search with several matches
    "search_matches": {"nl": "{n} actoren gevonden; kies er een:", "en": "{n} actors found; choose one:"},
    # glossary: one plain line per term the map's details panel shows (also the report's "Begrippen")
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
    "gloss_orchestrator": {"nl": "Een organisatie die het netwerk zou kunnen regisseren: centraal, met groot bereik en als brug tussen groepen.",
                           "en": "An organisation that could steer the network: central, with wide reach and a bridge between groups."},
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
    "gloss_orchestrator_score": {"nl": "Centrum, bereik en brugfunctie samen in één getal; de hoogste scores zijn de kandidaat-orkestrators.",
                                 "en": "Centre, reach and bridging combined in one number; the highest scores are the orchestrator candidates."},
    "gloss_effective_size": {"nl": "Het aantal partners dat niet ook met elkaar verbonden is: hoeveel verschillende kanten de organisatie op kan.",
                             "en": "The number of partners that are not also tied to each other: in how many different directions the organisation can reach."},
    "gloss_constraint": {"nl": "Hoe afhankelijk de organisatie is van een paar partners die onderling verbonden zijn (hoog = weinig eigen ruimte).",
                         "en": "How dependent the organisation is on a few partners that are tied to each other (high = little room of its own)."},
    "gloss_ei_index": {"nl": "Verbindingen tussen groepen min verbindingen binnen groepen, gedeeld door alle verbindingen (van -1 tot 1).",
                       "en": "Ties across groups minus ties within groups, divided by all ties (from -1 to 1)."},
})

# The terms of the glossary, in the order the map's details panel shows them.
GLOSSARY_KEYS = ("core", "core_probability", "orchestrator", "degree", "strength", "in_degree", "out_degree",
                 "betweenness", "closeness", "eigenvector", "coreness", "kcore", "orchestrator_score",
                 "effective_size", "constraint", "ei_index")


def glossary(lang: str) -> dict[str, dict[str, str]]:
    """``{key: {"term", "text"}}``: each term the map's panel and the report use, with its one-line explanation.

    The one source for the map's hover/focus explanations and the report's glossary section.
    """
    out = {}
    for key in GLOSSARY_KEYS:
        term = t(f"gloss_term_{key}", lang) if f"gloss_term_{key}" in MESSAGES else metric_label(key, lang)
        out[key] = {"term": term, "text": t(f"gloss_{key}", lang)}
    return out


def ties_sentence(relations: int, ties: int, several: int, lang: str) -> str | None:
    """'52 relaties tussen 51 paren organisaties (51 verbindingen): 1 paar heeft meer dan één relatie.'

    None when every tie carries one relation (the two counts are equal).
    """
    if not several:
        return None
    key = "ties_differ_one" if several == 1 else "ties_differ_many"
    return t(key, lang, relations=relations, ties=ties, several=several)


def ties_text(summary: dict, lang: str) -> str:
    """The number of ties in summary.json, or the sentence saying why it differs from the number of relations."""
    return ties_sentence(summary["relations"], summary["ties"], summary.get("pairs_with_several_relations", 0),
                         lang) or str(summary["ties"])

# --- report: one small target view per arbeidsmarktregio (issue 12.1, render/report_html.region_targets) ---
MESSAGES.update({
    "region_targets_intro": {
        "nl": "Het doelbeeld van elke arbeidsmarktregio, getekend zoals het doelbeeld van het geheel: kern in het midden, "
              "één taartpunt per groep; de sterkste orkestratorkandidaat van de regio staat met naam aangegeven.",
        "en": "Each labour-market region's target view, drawn as the one of the whole: core in the middle, one slice "
              "per group; the region's strongest orchestrator candidate is named."},
    "region_target_caption": {"nl": "{region}: {actors} organisaties, {core} in de kern",
                              "en": "{region}: {actors} organisations, {core} in the core"},
    "region_target_alt": {
        "nl": "Doelbeeld van arbeidsmarktregio {region}: {actors} organisaties, waarvan {core} in de kern. {top}",
        "en": "Target view of labour-market region {region}: {actors} organisations, {core} of them in the core. {top}"},
    "region_target_top": {"nl": "Sterkste orkestratorkandidaat: {name}.", "en": "Strongest orchestrator candidate: {name}."},
    "region_target_none": {"nl": "{region}: geen relaties tussen de organisaties van deze regio, dus geen doelbeeld.",
                           "en": "{region}: no relations among this region's organisations, so no target view."},
})

# --- issue 9.1: verdicts decided in analysis, said here ---
MESSAGES.update({
    "reason_outside_centre_ecosystem": {
        "nl": "staat niet in het centrum van de sturingsrelaties tussen verschillende groepen "
              "(dat centrum is alleen {hub})",
        "en": "is not in the centre of the steering ties between different groups "
              "(that centre is {hub} alone)"},
})


# --- path measures estimated from sampled sources on very large networks (issue 10, render/sampling_text.py) ---
def fmt_count(value: int, lang: str) -> str:
    """A whole number with thousands separated the way the reader writes it: 1.234 (Dutch), 1,234 (English)."""
    text = f"{int(value):,}"
    return text.replace(",", ".") if lang == "nl" else text


MESSAGES.update({
    "sampling_sentence": {
        "nl": "Dit netwerk is te groot om alle kortste paden te tellen: tussenpositie en nabijheid zijn geschat uit "
              "de paden vanaf {sources} willekeurig gekozen van de {actors} organisaties. Met {confidence} zekerheid "
              "wijkt de schatting voor elke organisatie hoogstens {betweenness_error} procentpunt af van de exacte "
              "tussenpositie en hoogstens {closeness_error} van de exacte nabijheid.",
        "en": "This network is too large to count every shortest path: betweenness and closeness are estimated from "
              "the paths from {sources} randomly chosen of the {actors} organisations. With {confidence} confidence "
              "each organisation's estimate is within {betweenness_error} percentage points of its exact "
              "betweenness and within {closeness_error} of its exact closeness."},
    # The report's target view of a very large network (render/report_html.py DOTS_MAX).
    "report_target_best_placed": {
        "nl": "De figuur toont de {shown} organisaties met de hoogste orkestratorscore van de {total}; "
              "alle organisaties staan in actors.csv en actors.xlsx.",
        "en": "The figure shows the {shown} organisations with the highest orchestrator score of the {total}; "
              "every organisation is in actors.csv and actors.xlsx."},
})


# --- key players over the work budget (issue 10, analysis/key_players.py WORK_BUDGET) ---
MESSAGES.update({
    "key_players_over_budget": {
        "nl": "Bij {n} organisaties is het vertrek van organisaties niet doorgerekend: elke doorrekening telt alle "
              "kortste paden opnieuw, en dat past niet in het rekenbudget (zie docs/methods.md).",
        "en": "With {n} organisations the departures were not computed: each one counts every shortest path "
              "again, which does not fit in the computing budget (see docs/methods.md)."},
})
