"""Sentences of the analysis: orchestrator reasons, the terminal summary, the diagnosis,
stability, the steering mix, change over time and the progress bars.
"""
from __future__ import annotations

SECTION: dict[str, dict[str, str]] = {
    # --- orchestrator reasons ---
    "reason_core": {"nl": "zit in de kern van het ecosysteem (kernscore {coreness})",
                    "en": "sits in the core of the ecosystem (coreness {coreness})"},
    "reason_not_core": {"nl": "zit niet in de kern (kernscore {coreness})",
                        "en": "is not in the core (coreness {coreness})"},
    # The core's split runs between actors of the same coreness (analysis.reasons._same_coreness_across).
    "reason_core_tied": {"nl": "zit in de kern (kernscore {coreness}), met dezelfde kernscore als organisaties buiten de kern: de grens is hier niet scherp",
                         "en": "sits in the core (coreness {coreness}), with the same coreness as organisations outside it: the boundary is not sharp here"},
    "reason_not_core_tied": {"nl": "zit niet in de kern, maar heeft dezelfde kernscore als organisaties in de kern ({coreness}): de grens is hier niet scherp",
                             "en": "is not in the core, but has the same coreness as organisations in it ({coreness}): the boundary is not sharp here"},
    "reason_no_core": {"nl": "kernscore {coreness} (er is geen kern)",
                       "en": "coreness {coreness} (there is no core)"},
    "reason_centre_ecosystem": {"nl": "kernscore {coreness} in de sturingsrelaties tussen verschillende groepen "
                                      "(1 = het centrum; levering en verbindingen binnen de eigen groep tellen hier niet)",
                                "en": "coreness {coreness} in the steering ties between different groups "
                                      "(1 = the centre; delivery and ties inside its own group do not count here)"},
    "reason_bridging_ecosystem": {"nl": "ligt op {share} van de kortste verbindingen tussen andere actoren "
                                        "in de sturingsrelaties tussen groepen",
                                  "en": "lies on {share} of the shortest links between other actors "
                                        "in the steering ties between groups"},
    # Reach: the key groups an actor belongs to or is tied to (docs/methods.md §9); its own is marked as such.
    # Reach counts direct ties only: a key group met at a governance table through a third organisation is the
    # tables reason's, not reach's (so "bereikt 1 van de 4" beside "zit aan tafels met 4 van de 4" is no contradiction).
    "reason_reach": {"nl": "bereikt via directe relaties {n} van de {of} sleutelgroepen ({groups})",
                     "en": "reaches {n} of the {of} key groups through direct ties ({groups})"},
    "reason_reach_ecosystem": {"nl": "bereikt via directe sturingsrelaties met andere groepen {n} van de {of} "
                                     "sleutelgroepen ({groups})",
                               "en": "reaches {n} of the {of} key groups through direct steering ties with other groups "
                                     "({groups})"},
    "reason_reach_own": {"nl": "{group}: eigen groep", "en": "{group}: its own group"},
    "reason_bridging": {"nl": "ligt op {share} van de kortste verbindingen tussen andere actoren",
                        "en": "lies on {share} of the shortest links between other actors"},
    "map_title": {"nl": "LLO-ecosysteem {region}", "en": "LLO ecosystem {region}"},
    # --- terminal summary ---
    "summary_title": {"nl": "Ecosysteem {region}: {actors}, {relations}",
                      "en": "Ecosystem {region}: {actors}, {relations}"},
    # counts said with their noun in agreement (Locale.counted): '1 relatie', '3 relaties'
    "n_actors": {"nl": "{n} actoren", "en": "{n} actors"},
    "n_actors_one": {"nl": "1 actor", "en": "1 actor"},
    "n_relations": {"nl": "{n} relaties", "en": "{n} relations"},
    "n_relations_one": {"nl": "1 relatie", "en": "1 relation"},
    "n_organisations": {"nl": "{n} organisaties", "en": "{n} organisations"},
    "n_organisations_one": {"nl": "1 organisatie", "en": "1 organisation"},
    "n_ties": {"nl": "{n} verbindingen", "en": "{n} ties"},
    "n_ties_one": {"nl": "1 verbinding", "en": "1 tie"},
    "n_pairs": {"nl": "{n} paren organisaties", "en": "{n} pairs of organisations"},
    "n_pairs_one": {"nl": "1 paar organisaties", "en": "1 pair of organisations"},
    "summary_core": {"nl": "Kern ({n}): {names}", "en": "Core ({n}): {names}"},
    # beside a core that leaves out an actor interchangeable in the ties with one inside (Analysis.core_swappable)
    "core_swappable_one": {"nl": "Deze kern is één van meerdere even goede: {names} ligt in het netwerk van verbindingen (de relaties per paar samengeteld; hun soort en richting tellen daarin niet) precies zo als een organisatie in de kern, dus een kern met haar erin past even goed. Wie in de kern staat, volgt hier niet uit de gegevens.",
                           "en": "This core is one of several equally good ones: {names} sits in the network of ties (the relations summed per pair; their kind and direction do not count there) exactly as an organisation in the core does, so a core with it in fits equally well. Who is in the core does not follow from the data here."},
    "core_swappable": {"nl": "Deze kern is één van meerdere even goede: {names} liggen in het netwerk van verbindingen (de relaties per paar samengeteld; hun soort en richting tellen daarin niet) precies zo als organisaties in de kern, dus een kern met hen erin past even goed. Wie in de kern staan, volgt hier niet uit de gegevens.",
                       "en": "This core is one of several equally good ones: {names} sit in the network of ties (the relations summed per pair; their kind and direction do not count there) exactly as organisations in the core do, so a core with them in fits equally well. Who is in the core does not follow from the data here."},
    # ... when an equally good core has other numbers of some group in it (Analysis.core_groups_vary)
    "core_swappable_groups": {"nl": "Dus ook welke groepen in de kern zitten (en welke te weinig), volgt hier niet uit de gegevens.",
                              "en": "So which groups are in the core (and which have too small a share) does not follow from the data here either."},
    # beside a core that no test supports (CorePeripheryTest.supports_core): what the list may be read as
    "core_unsupported": {"nl": "De kern-periferietoets ondersteunt geen kern: lees deze kern als een rangorde, niet als een groep die onderling dicht verbonden is.",
                         "en": "The core/periphery test does not support a core: read this core as a ranking, not as a group whose members are densely tied to each other."},
    # a name as readers see it (RegionMeta.in_language): one arbeidsmarktregio of a data set, a year's network
    "region_of_whole": {"nl": "{region} (uit {whole})", "en": "{region} (from {whole})"},
    "region_in_year": {"nl": "{region}, {year}", "en": "{region}, {year}"},
    "summary_part_of": {"nl": "  Alleen arbeidsmarktregio {region}: {actors} van de {total} organisaties in {whole} en {relations} van de {total_relations} relaties, die tussen hen; de andere {left} organisaties en hun relaties met deze regio tellen hier niet mee.",
                        "en": "  Labour-market region {region} alone: {actors} of the {total} organisations in {whole} and {relations} of the {total_relations} relations, those among them; the other {left} organisations and their relations with this region do not count here."},
    "summary_core_fit": {"nl": "  (aansluiting op het kern-periferiemodel: {fit})", "en": "  (core/periphery fit: {fit})"},
    "summary_core_more": {"nl": "… (+{more} andere)", "en": "… (+{more} more)"},
    "summary_orchestrators": {"nl": "Mogelijke orkestrators:", "en": "Orchestrator candidates:"},
    # Analysis.tied_beyond: the list's cut falls inside a group of equal scores (the ranking orders them by id).
    "candidates_tied": {"nl": "even hoog als nr. {rank}, maar op id-volgorde hier niet genoemd: {names}",
                        "en": "scoring the same as no. {rank}, not named here by id order alone: {names}"},
    # The two rules a key group can fall short of, each worded once and filled into every sentence that applies it:
    # under half its proportional share of the core (analysis.groups, UNDER_REPRESENTED; 'peripheral'), and at fewer
    # than half of the core's governance tables (analysis.diagnosis.agency, TABLE_PRESENCE_MIN; 'without a seat').
    "rule_core_share": {"nl": "minder dan de helft van hun evenredig deel van de kern",
                        "en": "under half their proportional share of the core"},
    "rule_tables": {"nl": "aan minder dan de helft van {tables} van de kern",
                    "en": "at fewer than half of {tables} of the core"},
    "summary_peripheral": {"nl": "Sleutelgroepen met {rule}: {groups}",
                           "en": "Key groups with {rule}: {groups}"},
    "summary_absent": {"nl": "Geen organisaties in de gegevens: {groups}.",
                       "en": "No organisations in the data: {groups}."},
    "summary_no_peripheral": {"nl": "Alle vier sleutelgroepen hebben een plek in de kern.",
                              "en": "All four key groups have a seat in the core."},
    # No core at all: whether key groups have a seat in it cannot be said (analysis.groups).
    "summary_no_core_seats": {"nl": "Er is geen kern, dus ook geen plek in de kern voor de sleutelgroepen om te beoordelen.",
                              "en": "There is no core, so there is no seat in the core to judge for the key groups."},
    "summary_group_absent": {"nl": "  {label}: geen organisaties in de gegevens",
                             "en": "  {label}: no organisations in the data"},
    "summary_group_line": {"nl": "  {label}: {in_core} van {actors} in de kern ({share})",
                           "en": "  {label}: {in_core} of {actors} in the core ({share})"},
    "summary_outputs": {"nl": "Uitvoer in {path}:", "en": "Outputs in {path}:"},
    "summary_note": {"nl": "Let op: {note}", "en": "Note: {note}"},
    "none": {"nl": "geen", "en": "none"},
    "anonymise_key": {"nl": "Sleutel (nummer -> id en naam, en de naam van de regiomap), naast de uitvoermap en niet erin; niet delen: {path}",
                      "en": "Key (number -> id and name, and the region folder's name), beside the outputs folder, not in it; do not share: {path}"},
    # --anonymise: the organisations that the arbeidsmarktregio still gives away (anonymise.recognisable)
    "anonymise_recognisable_one": {"nl": "{names} is de enige organisatie van haar groep met haar arbeidsmarktregio (of haar combinatie van arbeidsmarktregio's); haar nummer verbergt niet wie het is.",
                                   "en": "{names} is the only organisation of its group with its arbeidsmarktregio (or its combination of arbeidsmarktregio's); its number does not hide who it is."},
    "anonymise_recognisable": {"nl": "{n} organisaties zijn elk de enige van hun groep met hun arbeidsmarktregio (of hun combinatie van arbeidsmarktregio's); hun nummer verbergt niet wie ze zijn: {names}.",
                               "en": "{n} organisations are each the only one of their group with their arbeidsmarktregio (or their combination of arbeidsmarktregio's); their number does not hide who they are: {names}."},
    # --anonymise: region.toml's texts that named an organisation (anonymise.withheld_lines); the region's name
    # then reads 'Regio (geanonimiseerd)', a period or note is left out
    "anonymise_region_name": {"nl": "Regio (geanonimiseerd)", "en": "Region (anonymised)"},
    "anonymise_replaced": {"nl": "region.toml, {where}: noemt een organisatie of de regiomap en is vervangen door '{text}'; het origineel staat in de sleutel.",
                           "en": "region.toml, {where}: names an organisation or the region folder and is replaced by '{text}'; the original is in the key."},
    "anonymise_whole": {"nl": "de naam van de hele gegevensset wordt zonder namen niet getoond (hij kan een organisatie buiten {region} noemen) en is vervangen door '{text}'; het origineel staat in de sleutel.",
                        "en": "the whole data set's name is not shown without names (it may name an organisation outside {region}) and is replaced by '{text}'; the original is in the key."},
    "anonymise_dropped": {"nl": "region.toml, {where}: noemt een organisatie of de regiomap en is weggelaten; het origineel staat in de sleutel.",
                          "en": "region.toml, {where}: names an organisation or the region folder and is left out; the original is in the key."},
    # --anonymise: the region folder's name (it may say which town or organisation the data is of) is shown nowhere
    "anonymise_folder": {"nl": "de naam van de regiomap wordt zonder namen niet getoond: de uitvoermap en 'folder' in summary.json heten '{text}', de sleutel '{key_file}'; de naam van de regiomap staat in de sleutel.",
                         "en": "the region folder's name is not shown without names: the outputs folder and 'folder' in summary.json are called '{text}', the key '{key_file}'; the region folder's name is in the key."},
    "anonymise_folder_name": {"nl": "de naam van de regio is die van de regiomap (region.toml geeft geen andere) en is vervangen door '{text}'.",
                              "en": "the region's name is the region folder's (region.toml gives no other) and is replaced by '{text}'."},
    "and": {"nl": "en", "en": "and"},
    # the anonymise key file: OUT/anoniem-sleutel.csv (-key.csv in English)
    "anonymise_key_suffix": {"nl": "sleutel", "en": "key"},
    # Diagnosis sentences: one per indicator and status ("ok" / "attention").
    "diag_heterogeneity_ok": {"nl": "{groups} van de 6 groepen zijn aanwezig en redelijk gespreid (spreiding {value}, drempel {threshold}).",
                              "en": "{groups} of the 6 groups are present and reasonably spread (spread {value}, threshold {threshold})."},
    "diag_heterogeneity_attention": {"nl": "De actoren zijn eenzijdig samengesteld (spreiding {value}, drempel {threshold}){missing}.",
                                     "en": "The actors are one-sided (spread {value}, threshold {threshold}){missing}."},
    "diag_missing": {"nl": "; ontbrekende sleutelgroepen: {groups}", "en": "; missing key groups: {groups}"},
    # Spread enough, but a key group is absent (verdict key_group_missing): not "one-sided".
    "diag_heterogeneity_key_missing": {"nl": "{groups} van de 6 groepen zijn aanwezig en redelijk gespreid (spreiding {value}, drempel {threshold}), maar {missing}.",
                                       "en": "{groups} of the 6 groups are present and reasonably spread (spread {value}, threshold {threshold}), but {missing}."},
    "diag_key_missing_one": {"nl": "de sleutelgroep {groups} ontbreekt", "en": "the key group {groups} is missing"},
    "diag_key_missing": {"nl": "de sleutelgroepen {groups} ontbreken", "en": "the key groups {groups} are missing"},
    "diag_interdependence_ok": {"nl": "Er zijn meer verbindingen tussen groepen ({external}) dan binnen groepen ({internal}): E-I-index {value}.",
                                "en": "There are more ties across groups ({external}) than within ({internal}): E-I index {value}."},
    # E-I exactly 0 (verdict balanced): as many ties across groups as within, not "more across".
    "diag_interdependence_balanced": {"nl": "Er zijn evenveel verbindingen tussen groepen als binnen groepen (elk {external}): E-I-index {value}.",
                                      "en": "There are as many ties across groups as within (each {external}): E-I index {value}."},
    "diag_interdependence_attention": {"nl": "Groepen werken vooral met zichzelf: {internal_ties} binnen en {external} tussen groepen (E-I-index {value}).",
                                       "en": "Groups mostly work with themselves: {internal_ties} within and {external} across groups (E-I index {value})."},
    "diag_reciprocity_ok": {"nl": "{value_pct} van de gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug: actoren zijn over en weer van elkaar afhankelijk.",
                            "en": "{value_pct} of directed relations (funding, delivery, referral, advice, representation) are answered by a directed relation the other way: actors depend on each other both ways."},
    "diag_reciprocity_attention": {"nl": "Slechts {value_pct} van de gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug (van welke soort ook): de afhankelijkheid is vooral eenzijdig (wie geeft, krijgt weinig terug).",
                                   "en": "Only {value_pct} of directed relations (funding, delivery, referral, advice, representation) are answered by a directed relation of any type the other way: dependence is mostly one-sided (who gives gets little back)."},
    # Exactly zero: 'Slechts 0%' would read as an error; say plainly that there is none.
    "diag_reciprocity_attention_zero": {"nl": "Geen enkele gerichte relatie (geld, levering, toeleiding, advies, vertegenwoordiging) krijgt een gerichte relatie terug: de afhankelijkheid is volledig eenzijdig (wie geeft, krijgt niets terug).",
                                        "en": "No directed relation (funding, delivery, referral, advice, representation) is answered by a directed relation the other way: dependence is entirely one-sided (who gives gets nothing back)."},
    "diag_reciprocity_no_arcs_year": {"nl": "In {year} zijn er geen gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) in de gegevens, dus wederkerigheid is niet te meten.",
                                      "en": "In {year} there are no directed relations (funding, delivery, referral, advice, representation) in the data, so reciprocity cannot be measured."},
    "diag_reciprocity_no_arcs": {"nl": "Er zijn geen gerichte relaties (geld, levering, toeleiding, advies, vertegenwoordiging) in de gegevens, dus wederkerigheid is niet te meten.",
                                 "en": "There are no directed relations (funding, delivery, referral, advice, representation) in the data, so reciprocity cannot be measured."},
    "diag_agency_ok": {"nl": "Alle vier sleutelgroepen zitten aan minstens de helft van {tables} van de kern.",
                       "en": "All four key groups sit at at least half of {tables} of the core."},
    # {rule}: rule_tables, its first letter a capital
    "diag_agency_attention": {"nl": "{rule}: {groups}.",
                              "en": "{rule}: {groups}."},
    "diag_agency_at": {"nl": "{group} (aan {present})", "en": "{group} (at {present})"},
    "change_agency_value": {"nl": "{n} van 4 sleutelgroepen met een plek aan de bestuurlijke tafels van de kern",
                            "en": "{n} of 4 key groups with a seat at the core's governance tables"},
    "change_agency_value_no_tables": {"nl": "geen bestuurlijke tafel met de kern; {n} van 4 sleutelgroepen met een bestuurlijke band met de kern",
                                      "en": "no governance table with the core; {n} of 4 key groups with a governance tie to the core"},
    "change_agency_no_governance": {"nl": "geen bestuursrelaties in de gegevens", "en": "no governance relations in the data"},
    # the other indicator values of a comparison: the orchestrator's two scores as diag_orchestrator_* state them
    # (not their relative margin), fragmentation's count of parts
    "change_scores": {"nl": "score {top} tegen {runner}", "en": "score {top} against {runner}"},
    "change_no_candidate": {"nl": "geen kandidaat", "en": "no candidate"},
    "change_parts_one": {"nl": "{n} deel", "en": "{n} part"},
    "change_parts": {"nl": "{n} delen", "en": "{n} parts"},
    # the parts are counted among the organisations with relations (diagnosis.fragmentation): one without any
    # is in no part, and is said beside them
    "change_parts_isolated": {"nl": "{parts} onder de organisaties met relaties, {isolated}",
                              "en": "{parts} among the organisations with relations, {isolated}"},
    "change_isolated_none": {"nl": "geen zonder relaties", "en": "none without relations"},
    "change_isolated_one": {"nl": "1 organisatie zonder relaties", "en": "1 organisation without relations"},
    "change_isolated": {"nl": "{n} organisaties zonder relaties", "en": "{n} organisations without relations"},
    "diag_agency_no_governance_year": {"nl": "In {year} staan er geen bestuursrelaties in de gegevens: geen sleutelgroep zit met de kern aan een bestuurlijke tafel of heeft er een bestuurlijke band mee.",
                                       "en": "In {year} the data hold no governance relations: no key group sits with the core at a governance table or has a governance tie to it."},
    "diag_agency_no_governance": {"nl": "Er staan geen bestuursrelaties in de gegevens: geen sleutelgroep zit met de kern aan een bestuurlijke tafel of heeft er een bestuurlijke band mee.",
                                  "en": "The data hold no governance relations: no key group sits with the core at a governance table or has a governance tie to it."},
    "diag_agency_present_ok": {"nl": "Elke sleutelgroep met organisaties in de gegevens heeft een plek aan de bestuurlijke tafels van de kern.",
                               "en": "Every key group with organisations in the data has a seat at the core's governance tables."},
    "diag_agency_one_ok": {"nl": "Alle vier sleutelgroepen zitten aan de (enige) bestuurlijke tafel van de kern.",
                           "en": "All four key groups sit at the core's (only) governance table."},
    "diag_agency_one_present_ok": {"nl": "Elke sleutelgroep met organisaties in de gegevens zit aan de (enige) bestuurlijke tafel van de kern.",
                                   "en": "Every key group with organisations in the data sits at the core's (only) governance table."},
    "diag_agency_one": {"nl": "Niet aan de (enige) bestuurlijke tafel van de kern: {groups}.",
                        "en": "Not at the core's (only) governance table: {groups}."},
    "diag_tables_many": {"nl": "de {n} bestuurlijke tafels", "en": "the {n} governance tables"},
    # the tables of rule_tables where their number differs from column to column (the regions side by side)
    "tables_uncounted": {"nl": "de bestuurlijke tafels", "en": "the governance tables"},
    "diag_agency_no_core": {"nl": "Er is geen kern, dus ook geen bestuurlijke tafel van de kern om aan te zitten.",
                            "en": "There is no core, so there is no governance table of the core to sit at."},
    "diag_agency_no_tables": {"nl": "Geen bestuurlijke tafel met de kern in de gegevens (een tafel: een organisatie met bestuursrelaties met minstens drie andere); zonder bestuurlijke band met de kern: {groups}.",
                              "en": "No governance table with the core in the data (a table: an organisation with governance ties to at least three others); without a governance tie to the core: {groups}."},
    "diag_agency_no_tables_ok": {"nl": "Geen bestuurlijke tafel met de kern in de gegevens (een tafel: een organisatie met bestuursrelaties met minstens drie andere); alle sleutelgroepen hebben wel een bestuurlijke band met de kern.",
                                 "en": "No governance table with the core in the data (a table: an organisation with governance ties to at least three others); every key group does have a governance tie to the core."},
    "diag_agency_no_tables_present_ok": {"nl": "Geen bestuurlijke tafel met de kern in de gegevens (een tafel: een organisatie met bestuursrelaties met minstens drie andere); elke sleutelgroep met organisaties in de gegevens heeft wel een bestuurlijke band met de kern.",
                                         "en": "No governance table with the core in the data (a table: an organisation with governance ties to at least three others); every key group with organisations in the data does have a governance tie to the core."},
    "diag_centralisation_ok": {"nl": "Het centrum is breed: geen actor overheerst (centralisatie {value}, drempel {threshold}).",
                               "en": "The centre is broad: no actor dominates (centralisation {value}, threshold {threshold})."},
    "diag_centralisation_attention": {"nl": "Eén actor overheerst het netwerk ({top}; centralisatie {value}, drempel {threshold}).",
                                      "en": "One actor dominates the network ({top}; centralisation {value}, threshold {threshold})."},
    # several actors share the highest degree (diagnosis.degree_centralisation's most_connected_all): all are named
    "diag_centralisation_attention_shared": {
        "nl": "{n} actoren met evenveel partners overheersen samen het netwerk ({top}; centralisatie {value}, drempel {threshold}).",
        "en": "{n} actors with the same number of partners dominate the network together ({top}; centralisation {value}, threshold {threshold})."},
    # The two scores, not a percentage lead: "46% ahead of" reads as relative to the runner-up.
    "diag_orchestrator_ok": {"nl": "{top} is de duidelijkste orkestratorkandidaat (score {top_score} tegen {runner_score} voor {runner}).",
                             "en": "{top} is the clearest orchestrator candidate (score {top_score} against {runner_score} for {runner})."},
    "diag_orchestrator_attention": {"nl": "Geen duidelijke orkestrator: {top} en {runner} liggen dicht bij elkaar (score {top_score} tegen {runner_score}).",
                                    "en": "No clear orchestrator: {top} and {runner} are close (score {top_score} against {runner_score})."},
    # No actor scores above 0: nobody has a steering relation (orchestrator.steering_network: market relations,
    # by default delivery, do not count), so nobody orchestrates anything.
    "diag_orchestrator_none": {"nl": "Geen orkestratorkandidaat: geen enkele actor heeft een sturingsrelatie (levering telt niet mee), dus niemand scoort hoger dan 0.",
                               "en": "No orchestrator candidate: no actor has a steering relation (delivery does not count), so nobody scores above 0."},
    "diag_orchestrator_not_core": {"nl": "{top} scoort het hoogst (score {top_score} tegen {runner_score} voor {runner}), maar zit niet in de kern: een orkestrator hoort in het centrum.",
                                   "en": "{top} scores highest (score {top_score} against {runner_score} for {runner}), but is not in the core: an orchestrator belongs in the centre."},
    "diag_orchestrator_without_core": {"nl": "{top} scoort het hoogst (score {top_score} tegen {runner_score} voor {runner}), maar het netwerk heeft geen kern: wie het geheel kan orkestreren, volgt hier niet uit.",
                                       "en": "{top} scores highest (score {top_score} against {runner_score} for {runner}), but the network has no core: who could orchestrate the whole does not follow from it."},
    "diag_orchestrator_attention_zero": {"nl": "Geen duidelijke orkestrator: {top} en {runner} scoren precies gelijk.",
                                         "en": "No clear orchestrator: {top} and {runner} score exactly the same."},
    "diag_fragmentation_ok": {"nl": "Alle verbonden actoren vormen één netwerk.",
                              "en": "All linked actors form one network."},
    "diag_fragmentation_attention": {"nl": "Het netwerk valt uiteen in {components} losse delen; het grootste bevat {largest} van de actoren.",
                                     "en": "The network falls apart into {components} pieces; the largest holds {largest} of the actors."},
    # Overlap at or above the threshold, but the ties inside the clusters mostly cross groups (verdict mixed_ties).
    "diag_silos_mixed": {"nl": "De {communities} clusters lijken op de groepen (overlap {value}), maar {across} van de verbindingen binnen de clusters loopt tussen groepen: geen verkokering.",
                         "en": "The {communities} clusters resemble the groups (overlap {value}), but {across} of the ties inside the clusters run between groups: no silos."},
    # Every organisation in one group (verdict one_group): the overlap says nothing, the check does not apply.
    "diag_silos_one_group": {"nl": "Alle organisaties horen bij dezelfde groep: of de clusters de groepen volgen of er dwars doorheen lopen, is dan niet te beoordelen.",
                             "en": "All organisations belong to the same group: whether the clusters follow the groups or cut across them cannot be judged then."},
    "diag_silos_ok_one": {"nl": "Het netwerk vormt één cluster: geen verkokering (overlap {value}).",
                          "en": "The network forms one cluster: no silos (overlap {value})."},
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
    "diagnosis": {"nl": "Diagnose", "en": "Diagnosis"},
    "line_heading": {"nl": "{heading}:", "en": "{heading}:"},       # a heading line in the terminal
    "summary_significance": {"nl": "  kern-periferietoets: {p_density} tegen {n_density} willekeurige netwerken met evenveel relaties op willekeurige plaatsen; {p_degrees} tegen {n_degrees} willekeurige netwerken waarin elke organisatie evenveel relaties houdt",
                             "en": "  core/periphery tests: {p_density} against {n_density} random networks with as many relations in random places; {p_degrees} against {n_degrees} random networks in which every organisation keeps its number of relations"},
    # One sentence per verdict of the two tests (analysis/core_periphery/significance.py).
    "cp_verdict_denser_than_degrees": {"nl": "Er is een kern: de kernorganisaties zijn onderling dichter verbonden dan hun aantal relaties verklaart.",
                                       "en": "There is a core: the core organisations are more densely tied to each other than their numbers of relations explain."},
    "cp_verdict_degree_driven": {"nl": "Er is een kern van organisaties met veel relaties; dat ze onderling zo dicht verbonden zijn, volgt uit hun aantal relaties.",
                                 "en": "There is a core of organisations with many relations; that they are so densely tied to each other follows from their numbers of relations."},
    "cp_verdict_denser_than_degrees_one": {"nl": "Er is een kern van één organisatie: haar plaats in het midden is sterker dan haar aantal relaties verklaart.",
                                           "en": "There is a core of one organisation: its place at the centre is stronger than its number of relations explains."},
    "cp_verdict_degree_driven_one": {"nl": "Er is een kern van één organisatie met veel relaties; haar plaats in het midden volgt uit haar aantal relaties.",
                                     "en": "There is a core of one organisation with many relations; its place at the centre follows from its number of relations."},
    "cp_verdict_no_structure": {"nl": "Let op: geen duidelijke kern-periferiestructuur; het netwerk lijkt daarin op een willekeurig netwerk met evenveel relaties. Lees 'kern' en 'periferie' als een rangorde, niet als twee gescheiden groepen.",
                                "en": "Note: no clear core/periphery structure; in this respect the network looks like a random network with as many relations. Read 'core' and 'periphery' as a ranking, not as two separate groups."},
    # One sentence per shape in which no core/periphery applies (analysis/core_periphery/structure.py).
    "cp_structure_complete": {"nl": "Alle {n} organisaties hebben een relatie met elkaar: één gesloten kring, zonder kern en periferie.",
                              "en": "All {n} organisations have a relation with each other: one closed circle, without core and periphery."},
    "cp_structure_pairs": {"nl": "De organisaties werken alleen in losse tweetallen ({n} in totaal), zonder verdere relaties: er is geen kern en geen periferie.",
                           "en": "The organisations only work in separate pairs ({n} in all), with no further relations: there is no core and no periphery."},
    "cp_structure_pairs_one": {"nl": "Er zijn maar 2 organisaties met relaties, en die hebben alleen met elkaar een relatie: er is geen kern en geen periferie.",
                               "en": "Only 2 organisations have relations, and only with each other: there is no core and no periphery."},
    "cp_structure_parts": {"nl": "Het netwerk valt uiteen in {k} losse delen zonder relaties ertussen ({sizes} organisaties): er is geen kern voor het netwerk als geheel.",
                           "en": "The network falls apart into {k} separate parts with no relations between them ({sizes} organisations): there is no core for the network as a whole."},
    "cp_structure_empty": {"nl": "Er zijn geen relaties tussen de organisaties: er is geen kern en geen periferie.",
                           "en": "There are no relations between the organisations: there is no core and no periphery."},
    "summary_stability": {"nl": "Hoe zeker ({samples} herhalingen, {drop} van de relaties weggelaten; stabiel = het 95%-interval van de kans ligt helemaal boven {hi} of onder {lo}):",
                          "en": "How sure ({samples} resamples, {drop} of relations left out; stable = the 95% interval of the probability lies wholly above {hi} or below {lo}):"},
    "stability_covers": {"nl": "  dit vangt ontbrekende relaties en organisaties op, geen foute of verzonnen relaties",
                         "en": "  this covers missing relations and organisations, not wrong or invented relations"},
    "stability_core_one": {"nl": "  kern: {stable} van {n} kernactor stabiel in de kern; twijfel bij de kernactor: {uncertain}",
                           "en": "  core: {stable} of {n} core actor stable in the core; core actor in doubt: {uncertain}"},
    "stability_core": {"nl": "  kern: {stable} van {n} kernactoren stabiel in de kern; twijfel bij kernactoren: {uncertain}",
                       "en": "  core: {stable} of {n} core actors stable in the core; core actors in doubt: {uncertain}"},
    "stability_borderline": {"nl": "  buiten de kern, maar niet stabiel in de periferie: {names}",
                             "en": "  outside the core, but not stable in the periphery: {names}"},
    "stability_core_actors_one": {"nl": "  kern als {drop} van de actoren ontbreekt: {stable} van {n} kernactor stabiel in de kern; twijfel bij de kernactor: {uncertain}",
                                  "en": "  core when {drop} of actors are missing: {stable} of {n} core actor stable in the core; core actor in doubt: {uncertain}"},
    "stability_core_actors": {"nl": "  kern als {drop} van de actoren ontbreekt: {stable} van {n} kernactoren stabiel in de kern; twijfel bij kernactoren: {uncertain}",
                              "en": "  core when {drop} of actors are missing: {stable} of {n} core actors stable in the core; core actors in doubt: {uncertain}"},
    # First alone (Stability.top_share): a first place shared with an equal score counts for nobody.
    "stability_top": {"nl": "  beste orkestratorkandidaat {name}: als enige eerste in {share} van de herhalingen ({verdict})",
                      "en": "  top orchestrator candidate {name}: first, not tied, in {share} of resamples ({verdict})"},
    # The first place shared with an equal score (Analysis.first_shared): no one of them is the best candidate;
    # each one's share of resamples in which it is first alone ({shares}: stability_top_each, joined).
    "stability_top_shared": {"nl": "  eerste plaats als orkestratorkandidaat gedeeld door {names} (gelijke score); als enige eerste: {shares} van de herhalingen",
                             "en": "  first place as orchestrator candidate shared by {names} (equal score); first, not tied: {shares} of resamples"},
    "stability_top_each": {"nl": "{name} in {share}", "en": "{name} in {share}"},
    # Stability.seats_in_doubt: the share of resamples in which the group is peripheral ({rule}: rule_core_share),
    # for groups not stably seated.
    "stability_groups": {"nl": "  aandeel herhalingen waarin sleutelgroepen {rule} hebben: {groups}",
                         "en": "  share of resamples in which key groups have {rule}: {groups}"},
    "stable": {"nl": "stabiel", "en": "stable"},
    # The first-ranked candidate's verdict (Stability.top_stable): first in more than half the repeats or not.
    # Not "stabiel": that word is defined by the 95% interval beyond 80%/20% (stability header).
    "top_most": {"nl": "meer dan de helft", "en": "more than half"},
    "top_not_most": {"nl": "niet meer dan de helft", "en": "not more than half"},
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
    "summary_steering": {"nl": "Sturingsmix (SCP): {mix}", "en": "Steering mix (SCP): {mix}"},
    "steering_rule": {"nl": "  {label}: {types}", "en": "  {label}: {types}"},
    "steering_rule_type": {"nl": "{type} ({why})", "en": "{type} ({why})"},
    "steering_rule_none": {"nl": "geen soort relatie telt standaard mee; alleen relaties met deze vorm in de kolom 'sturing'",
                           "en": "no relation type counts by default; only relations given this form in the 'steering' column"},
    "steering_overridden": {"nl": "  {n} relaties hebben een eigen sturingsvorm in de kolom 'sturing' en tellen bij die vorm",
                            "en": "  {n} relations have their own steering form in the 'steering' column and count toward that form"},
    "steering_overridden_one": {"nl": "  1 relatie heeft een eigen sturingsvorm in de kolom 'sturing' en telt bij die vorm",
                                "en": "  1 relation has its own steering form in the 'steering' column and counts toward that form"},
    # --- change over time: `analyse --year` and `compare` (docs/methods.md §15) ---
    "isolated_year": {"nl": "actor '{value}' heeft in {year} geen relaties en staat los in de periferie",
                      "en": "actor '{value}' has no relations in {year} and sits alone in the periphery"},
    "isolated_years": {"nl": "actor '{value}' heeft in {year} en in {to_year} geen relaties en staat los in de periferie",
                       "en": "actor '{value}' has no relations in {year} nor in {to_year} and sits alone in the periphery"},
    "year_undated": {"nl": "geen enkele relatie heeft een datum in 'sinds' of 'tot', dus {year} geeft hetzelfde netwerk als zonder --year",
                     "en": "no relation has a date in 'since' or 'until', so {year} gives the same network as without --year"},
    "year_before_dates": {"nl": "{year} ligt vóór het eerste jaar in 'sinds' en 'tot' ({first}); relaties zonder datum tellen mee alsof ze er toen al waren",
                          "en": "{year} lies before the first year in 'since' and 'until' ({first}); relations without a date count as if they existed then"},
    "year_after_dates": {"nl": "{year} ligt na het laatste jaar in 'sinds' en 'tot' ({last}); relaties zonder einddatum tellen mee alsof ze er toen nog waren",
                         "en": "{year} lies after the last year in 'since' and 'until' ({last}); relations without an end date count as if they still existed then"},
    # analyse and whatif without --year: every relation counts, also those that ended before the latest year
    "ended_counted": {"nl": "{n} relaties eindigden vóór {last} (het laatste jaar in 'sinds' en 'tot') en tellen hier toch mee; gebruik --year om het netwerk van één jaar te zien",
                      "en": "{n} relations ended before {last} (the latest year in 'since' and 'until') and are counted here all the same; use --year to see the network of one year"},
    "ended_counted_one": {"nl": "1 relatie eindigde vóór {last} (het laatste jaar in 'sinds' en 'tot') en telt hier toch mee; gebruik --year om het netwerk van één jaar te zien",
                          "en": "1 relation ended before {last} (the latest year in 'since' and 'until') and is counted here all the same; use --year to see the network of one year"},
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
    # region.toml's notes in the change outputs (render.change_text.region_notes): a note every side has under
    # report.note_label ('Let op'), a note only some sides have under those sides' labels
    "change_note_label": {"nl": "Let op ({labels})", "en": "Note ({labels})"},
    "change_note_line": {"nl": "{heading}: {note}", "en": "{heading}: {note}"},
    "change_counts": {"nl": "  actoren {a0} → {a1}, relaties {r0} → {r1}, actoren in de kern {c0} → {c1}",
                      "en": "  actors {a0} → {a1}, relations {r0} → {r1}, actors in the core {c0} → {c1}"},
    # Side.repeated_rows: analyse counts relation rows (summary.json relations), compare counts a relation once.
    "change_repeated_rows": {"nl": "  rijen die een relatie herhalen (zelfde organisaties en soort; ze tellen hier als één relatie, de gewichten opgeteld): {d0} → {d1}; rijen in de gegevens {n0} → {n1}",
                             "en": "  rows repeating a relation (same organisations and type; counted here as one relation, their weights added): {d0} → {d1}; rows in the data {n0} → {n1}"},
    "change_actors": {"nl": "Actoren: {joined} nieuw, {left} vertrokken", "en": "Actors: {joined} joined, {left} left"},
    "change_joined": {"nl": "nieuw", "en": "joined"},
    "change_left": {"nl": "vertrokken", "en": "left"},
    "change_linked": {"nl": "voor het eerst met relaties", "en": "first relations"},
    "change_unlinked": {"nl": "zonder relaties geraakt", "en": "lost all relations"},
    "change_regrouped": {"nl": "andere groep", "en": "other group"},
    "change_regrouped_item": {"nl": "{name} ({before} → {after})", "en": "{name} ({before} → {after})"},
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
    "change_no_ties": {"nl": "zonder relaties", "en": "without relations"},
    "change_top_side": {"nl": "  {label}: {names}", "en": "  {label}: {names}"},
    "change_rank_line": {"nl": "  {name}: plaats {before} → {after} ({verdict})",
                         "en": "  {name}: rank {before} → {after} ({verdict})"},
    "change_rank_new": {"nl": "  {name}: plaats {before} → {after}", "en": "  {name}: rank {before} → {after}"},
    "change_rank_same": {"nl": "  geen verschuivingen in de top {n}", "en": "  no moves in the top {n}"},
    "change_groups": {"nl": "Sleutelgroepen (aandeel in de kern; zeggenschap aan de bestuurlijke tafels van de kern):",
                      "en": "Key groups (share in the core; agency at the core's governance tables):"},
    "change_group_line": {"nl": "  {mark} {label}: {s0} → {s1} in de kern ({p0} → {p1}{verdict}); zeggenschap {seat0} → {seat1} (aan {t0} → {t1} van de tafels)",
                          "en": "  {mark} {label}: {s0} → {s1} in the core ({p0} → {p1}{verdict}); agency {seat0} → {seat1} (at {t0} → {t1} of the tables)"},
    "change_no_core_word": {"nl": "geen kern", "en": "no core"},
    # a key group without organisations on one side of a comparison, as analyse says it (summary_group_absent)
    "change_group_absent": {"nl": "geen organisaties", "en": "no organisations"},
    "change_group_side": {"nl": "{share} in de kern ({place})", "en": "{share} in the core ({place})"},
    "change_group_line_absent": {"nl": "  {mark} {label}: {side0} → {side1}; zeggenschap {seat0} → {seat1} (aan {t0} → {t1} van de tafels)",
                                 "en": "  {mark} {label}: {side0} → {side1}; agency {seat0} → {seat1} (at {t0} → {t1} of the tables)"},
    "change_indicator_line": {"nl": "  {mark} {title}: {v0} → {v1} ({s0} → {s1})",
                              "en": "  {mark} {title}: {v0} → {v1} ({s0} → {s1})"},
    "change_verdict_clear": {"nl": "duidelijk", "en": "clear"},
    # a what-if's --without: out of the core because it was taken out, not an estimate
    "change_verdict_removed": {"nl": "weggehaald, dus zeker", "en": "removed, so certain"},
    "change_verdict_untested": {"nl": "niet getoetst", "en": "not tested"},
    "change_legend": {"nl": "Duidelijk: op beide momenten zeker volgens {samples} herhalingen met 1 op 10 relaties weggelaten: in of uit de kern als het hele 95%-interval van de kans op kern boven {hi} of onder {lo} ligt, een sleutelgroep als dat geldt voor het aandeel herhalingen waarin ze in de periferie zit, een plaats als de bandbreedtes van de plaats (5–95%) van de twee momenten niet overlappen; onzeker: binnen wat ontbrekende gegevens kunnen verklaren (docs/methods.md §15).",
                      "en": "Clear: sure at both moments according to {samples} resamples with 1 in 10 relations left out: into or out of the core when the whole 95% interval of the core probability lies above {hi} or below {lo}, a key group when that holds for the share of resamples in which it is peripheral, a rank when the rank ranges (5–95%) of the two moments do not overlap; uncertain: within what missing data can explain (docs/methods.md §15)."},
    "change_legend_untested": {"nl": "Zonder herhalingen (--bootstrap 0) is niet getoetst of een verandering buiten de onzekerheid valt.",
                               "en": "Without resamples (--bootstrap 0) it was not tested whether a change is beyond the uncertainty."},
    # --- progress bars on stderr for the long steps (ecosystem.parallel) ---
    "progress_paths": {"nl": "kortste paden", "en": "shortest paths"},
    "progress_null": {"nl": "kern-periferietoets (willekeurige netwerken)", "en": "core/periphery tests (random networks)"},
    "progress_layers": {"nl": "soorten relaties", "en": "relation types"},
    "progress_resamples": {"nl": "hoe zeker (herhalingen)", "en": "how sure (resamples)"},
    # --- one word for a tie between two organisations ("verbinding"/"tie", however many relation rows it
    # carries) and one for a relation row ("relatie"/"relation"); the sentence says when the counts differ ---
    # i18n.ties_sentence; {relations}, {pairs} and {ties} are counts with their noun (n_relations, n_pairs, n_ties)
    "ties_differ": {"nl": "{relations} tussen {pairs} ({ties}): {n} paren hebben meer dan één relatie.",
                    "en": "{relations} between {pairs} ({ties}): {n} pairs have more than one relation."},
    "ties_differ_one": {"nl": "{relations} tussen {pairs} ({ties}): 1 paar heeft meer dan één relatie.",
                        "en": "{relations} between {pairs} ({ties}): 1 pair has more than one relation."},
    # one tie only: it is the pair that carries several relations
    "ties_differ_single": {"nl": "{relations} tussen 1 paar organisaties (1 verbinding): dat paar heeft meer dan één relatie.",
                           "en": "{relations} between 1 pair of organisations (1 tie): that pair has more than one relation."},
    "ties_label": {"nl": "Verbindingen", "en": "Ties"},
    "change_ties": {"nl": "  verbindingen (paren organisaties) {t0} → {t1}", "en": "  ties (pairs of organisations) {t0} → {t1}"},
    # --- report: one small target view per arbeidsmarktregio (render/report_html.region_targets) ---
    "region_targets_intro": {
        "nl": "Het doelbeeld van elke arbeidsmarktregio, getekend zoals het doelbeeld van het geheel: kern in het midden, "
              "één taartpunt per groep; de orkestratorkandidaten op de eerste plaats van de regio staan met naam "
              "aangegeven (meestal één; meer als ze met een gelijke score de eerste plaats delen).",
        "en": "Each labour-market region's target view, drawn as the one of the whole: core in the middle, one slice "
              "per group; the region's orchestrator candidates in first place are named (usually one; more when they "
              "share first place with an equal score)."},
    # {actors} and {ties}: counts with their noun (n_organisations, n_ties; report_html.picture_alt)
    "region_target_caption": {"nl": "{region}: {actors}, {core} in de kern",
                              "en": "{region}: {actors}, {core} in the core"},
    "region_target_alt": {
        "nl": "Doelbeeld van arbeidsmarktregio {region}: {actors}, waarvan {core} in de kern. {top}",
        "en": "Target view of labour-market region {region}: {actors}, {core} of them in the core. {top}"},
    # compare.html of three or more folders: each column is a folder the user gave, not an arbeidsmarktregio
    "folder_targets_intro": {
        "nl": "Het doelbeeld van elke regiomap, getekend zoals het doelbeeld van het geheel: kern in het midden, "
              "één taartpunt per groep; de orkestratorkandidaten op de eerste plaats van de map staan met naam "
              "aangegeven (meestal één; meer als ze met een gelijke score de eerste plaats delen).",
        "en": "Each region folder's target view, drawn as the one of the whole: core in the middle, one slice "
              "per group; the folder's orchestrator candidates in first place are named (usually one; more when they "
              "share first place with an equal score)."},
    "folder_target_alt": {
        "nl": "Doelbeeld van regiomap {region}: {actors}, waarvan {core} in de kern. {top}",
        "en": "Target view of region folder {region}: {actors}, {core} of them in the core. {top}"},
    "target_alt": {
        "nl": "Doelbeeld van {region}: {actors}, waarvan {core} in de kern; één taartpunt per groep. {top}",
        "en": "Target view of {region}: {actors}, {core} of them in the core; one slice per group. {top}"},
    "map_alt": {
        "nl": "Netwerkkaart van {region}: {actors} en {ties}, gekleurd per groep; hoe groter "
              "de stip, hoe meer partners. {top}",
        "en": "Network map of {region}: {actors} and {ties}, coloured by group; the larger the dot, "
              "the more partners. {top}"},
    "region_target_top": {"nl": "Sterkste orkestratorkandidaat: {name}.", "en": "Strongest orchestrator candidate: {name}."},
    "region_target_top_shared": {"nl": "Gedeelde eerste plaats als orkestratorkandidaat (gelijke score): {names}.",
                                 "en": "First place as orchestrator candidate shared (equal score): {names}."},
    "region_target_none": {"nl": "{region}: geen relaties tussen de organisaties van deze regio, dus geen doelbeeld.",
                           "en": "{region}: no relations among this region's organisations, so no target view."},
    # --- verdicts decided in analysis, said here ---
    "reason_outside_centre_ecosystem": {
        "nl": "staat niet in het centrum van de sturingsrelaties tussen verschillende groepen "
              "(dat centrum is alleen {hub})",
        "en": "is not in the centre of the steering ties between different groups "
              "(that centre is {hub} alone)"},
    # --- path measures estimated from sampled sources on very large networks (render/sampling_text.py) ---
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
    # --- issue 12 review: map attribute labels, slides' legend and seats, badge letters ---
    # Free-text columns of actors.csv as the map's details panel labels them (render/map_payload.py).
    "attribute_description": {"nl": "Omschrijving", "en": "Description"},
    "attribute_evidence": {"nl": "Onderbouwing", "en": "Evidence"},
    "attribute_note": {"nl": "Toelichting", "en": "Note"},
    "attribute_tags": {"nl": "Labels", "en": "Tags"},
    # The strongest orchestrator candidates' badges in map.png, target.png and the report's target view:
    # a letter before the rank, so badge K1 is never read as legend number 1 (another organisation).
    "candidate_badge": {"nl": "K{rank}", "en": "C{rank}"},
    # One drawing for the files and the deck: the key names both places where the numbers' names are.
    "candidate_badge_png_one": {"nl": "K1: kandidaat 1. Een los getal is een andere organisatie: de namen staan in numbers.png en op de dia's '{legend}'.",
                                "en": "C1: candidate 1. A plain number is another organisation: the names are in numbers.png and on the slides '{legend}'."},
    "candidate_badge_png": {"nl": "K1-K{n}: kandidaat 1-{n}. Een los getal is een andere organisatie: de namen staan in numbers.png en op de dia's '{legend}'.",
                            "en": "C1-C{n}: candidate 1-{n}. A plain number is another organisation: the names are in numbers.png and on the slides '{legend}'."},
    # equal scores share a rank and so a badge (layout.badge_key): the badges as drawn, {badges} 'K1, K1, K3'
    "candidate_badge_png_shared": {"nl": "K en een getal: de plaats van een kandidaat; een gelijke score deelt een plaats ({badges}). Een los getal is een andere organisatie: de namen staan in numbers.png en op de dia's '{legend}'.",
                                   "en": "C and a number: a candidate's place; an equal score shares a place ({badges}). A plain number is another organisation: the names are in numbers.png and on the slides '{legend}'."},
    "slide_legend": {"nl": "Nummers in het doelbeeld en de netwerkkaart", "en": "Numbers in the target view and the network map"},
    "slide_part": {"nl": "{title} ({k}/{n})", "en": "{title} ({k}/{n})"},
    "slide_continued": {"nl": "{title} (vervolg)", "en": "{title} (continued)"},
    "slide_group_tables": {"nl": "{line}; aan {tables} van de {total} bestuurlijke tafels van de kern ({share})",
                           "en": "{line}; at {tables} of the core's {total} governance tables ({share})"},
    "slide_group_tables_one": {"nl": "{line}; aan {tables} van 1 bestuurlijke tafel van de kern ({share})",
                               "en": "{line}; at {tables} of the core's one governance table ({share})"},
    "candidate_badge_report_one": {"nl": "K1 is kandidaat 1; een los getal is een andere organisatie.",
                                   "en": "C1 is candidate 1; a plain number is another organisation."},
    "candidate_badge_report": {"nl": "K1-K{n} zijn de kandidaten 1-{n}; een los getal is een andere organisatie.",
                               "en": "C1-C{n} are candidates 1-{n}; a plain number is another organisation."},
    "candidate_badge_report_shared": {"nl": "K en een getal geven de plaats van een kandidaat; kandidaten met een gelijke score delen een plaats ({badges}); een los getal is een andere organisatie.",
                                      "en": "C and a number give a candidate's place; candidates with an equal score share a place ({badges}); a plain number is another organisation."},
    # --- key players over the work budget (issue 10, analysis/key_players.py WORK_BUDGET) ---
    "key_players_over_budget": {
        "nl": "Bij {n} organisaties is het vertrek van organisaties niet doorgerekend: elke doorrekening telt alle "
              "kortste paden opnieuw, en dat past niet in het rekenbudget (zie docs/methods.md).",
        "en": "With {n} organisations the departures were not computed: each one counts every shortest path "
              "again, which does not fit in the computing budget (see docs/methods.md)."},
    # compare.html of three or more folders: the small multiples of the target views (render/side_by_side.py)
    "compare_targets_title": {"nl": "Doelbeelden naast elkaar", "en": "Target views side by side"},
}
