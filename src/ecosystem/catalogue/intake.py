"""User-facing text of init, validate and the survey round, in Dutch and English.

One section of the catalogue (:mod:`ecosystem.catalogue`), so ``t()`` and
:class:`~ecosystem.errors.Problem` find these keys like any other.
"""
from __future__ import annotations

SECTION: dict[str, dict[str, str]] = {
    # --- checks made on every load ---
    "unknown_arbeidsmarktregio": {
        "nl": "'{value}' staat niet in de lijst van {n} arbeidsmarktregio's.{suggestion} Laat het zo als u bewust een andere regio bedoelt",
        "en": "'{value}' is not in the list of {n} labour-market regions (arbeidsmarktregio's).{suggestion} Keep it if you mean another region on purpose"},
    "gemeente_not_arbeidsmarktregio": {
        "nl": "'{value}' is een gemeente in arbeidsmarktregio {regio} (indeling 2015), geen arbeidsmarktregio.{suggestion} Laat het zo als u bewust de gemeente bedoelt",
        "en": "'{value}' is a municipality in the labour-market region (arbeidsmarktregio) {regio} (2015 division), not a labour-market region.{suggestion} Keep it if you mean the municipality on purpose"},
    "region_spelling_folded": {
        "nl": "'{value}' is '{name}' anders geschreven (alleen hoofdletters, spaties of leestekens verschillen): overal gelezen als arbeidsmarktregio '{name}', één regio. Schrijf overal '{name}' om deze melding weg te nemen",
        "en": "'{value}' is '{name}' written otherwise (only upper and lower case, spaces or punctuation differ): read everywhere as labour-market region '{name}', one region. Write '{name}' everywhere to remove this notice"},
    "region_code_folded": {
        "nl": "'{value}' is de CBS-code van arbeidsmarktregio '{name}', die elders bij naam staat: overal gelezen als arbeidsmarktregio '{name}', één regio. Schrijf overal '{name}' om deze melding weg te nemen",
        "en": "'{value}' is the CBS code of labour-market region '{name}', which is named elsewhere: read everywhere as labour-market region '{name}', one region. Write '{name}' everywhere to remove this notice"},
    "region_other_name_folded": {
        "nl": "'{value}' is een andere naam van arbeidsmarktregio '{name}', die elders zo staat: overal gelezen als arbeidsmarktregio '{name}', één regio. Schrijf overal '{name}' om deze melding weg te nemen",
        "en": "'{value}' is another name of labour-market region '{name}', which is written so elsewhere: read everywhere as labour-market region '{name}', one region. Write '{name}' everywhere to remove this notice"},
    "province_not_arbeidsmarktregio": {
        "nl": "'{value}' is een provincie, geen arbeidsmarktregio; er liggen meerdere arbeidsmarktregio's in. Vul de arbeidsmarktregio in, of laat het zo als u bewust de provincie bedoelt",
        "en": "'{value}' is a province, not a labour-market region (arbeidsmarktregio); it holds several of them. Fill in the labour-market region, or keep it if you mean the province on purpose"},
    "fill_in_name": {
        "nl": "actor '{value}' heeft nog geen echte naam ('{name}'). Vul de naam van de organisatie in",
        "en": "actor '{value}' has no real name yet ('{name}'). Fill in the organisation's name"},
    "no_relations_yet": {
        "nl": "nog geen relaties ingevuld, dus 'ecosystem analyse' stopt hier nog met een fout: zonder relaties is er geen netwerk. Vul de relaties in, of houd een enquête met 'ecosystem survey make'",
        "en": "no relations filled in yet, so 'ecosystem analyse' still stops here with an error: without relations there is no network. Fill in the relations, or run a survey with 'ecosystem survey make'"},
    # --- init ---
    "fill_in_marker": {"nl": "(naam invullen)", "en": "(fill in name)"},
    "role_centrumgemeente": {"nl": "Centrumgemeente", "en": "Centrumgemeente"},
    "role_uwv": {"nl": "UWV", "en": "UWV"},
    "role_leerwerkloket": {"nl": "Leerwerkloket", "en": "Leerwerkloket"},
    "role_rwb": {"nl": "Regionaal Werkbedrijf", "en": "Regionaal Werkbedrijf"},
    "role_rmt": {"nl": "Regionaal mobiliteitsteam", "en": "Regional mobility team"},
    "gemeente_name": {"nl": "Gemeente {name}", "en": "Gemeente {name}"},
    "centrumgemeente_note": {"nl": "centrumgemeente volgens {source}", "en": "centrumgemeente according to {source}"},
    "init_exists": {
        "nl": "{path} bestaat al en wordt nooit overschreven. Kies een nieuwe map, of verplaats of hernoem het bestaande bestand",
        "en": "{path} already exists and is never overwritten. Choose a new folder, or move or rename the existing file"},
    "init_has_data": {
        "nl": "{path} bevat al regiogegevens ({files}); een nieuwe ecosystem.xlsx zou voortaan in plaats daarvan gelezen worden. Werk met de bestaande gegevens verder (ecosystem validate {path}), of kies een nieuwe map",
        "en": "{path} already holds region data ({files}); a new ecosystem.xlsx would from then on be read instead. Carry on with the existing data (ecosystem validate {path}), or choose a new folder"},
    "init_empty_path": {"nl": "geef de naam van de nieuwe regiomap, bijvoorbeeld: ecosystem init twente",
                        "en": "give the name of the new region folder, for example: ecosystem init twente"},
    "init_not_folder": {"nl": "{path} is een bestand, geen map. Kies een (nieuwe) map",
                        "en": "{path} is a file, not a folder. Choose a (new) folder"},
    "init_done": {"nl": "Nieuwe regiomap {path}:", "en": "New region folder {path}:"},
    "init_next": {
        "nl": "Volgende stap: vul de tabbladen 'actoren' en 'relaties' in, of stuur vragenlijsten rond met 'ecosystem survey make {path}'. Controleer daarna met 'ecosystem validate {path}'.",
        "en": "Next: fill in the sheets 'actors' and 'relations', or send out questionnaires with 'ecosystem survey make {path}'. Then check with 'ecosystem validate {path}'."},
    "init_cast_named": {"nl": "Naam '{name}' komt uit de lijst van arbeidsmarktregio's (bron: {source}).",
                        "en": "Name '{name}' comes from the arbeidsmarktregio list (source: {source})."},
    # --- validate ---
    "validate_ok": {"nl": "{path}: geen problemen gevonden ({actors}, {relations}, {warnings}).",
                    "en": "{path}: no problems found ({actors}, {relations}, {warnings})."},
    "n_warnings": {"nl": "{n} waarschuwingen", "en": "{n} warnings"},
    "n_warnings_one": {"nl": "1 waarschuwing", "en": "1 warning"},
    # --- the template workbook ---
    "sheet_actors": {"nl": "actoren", "en": "actors"},
    "sheet_relations": {"nl": "relaties", "en": "relations"},
    "sheet_explanation": {"nl": "uitleg", "en": "explanation"},
    "x_topic": {"nl": "onderwerp", "en": "topic"},
    "x_text": {"nl": "uitleg", "en": "explanation"},
    "x_intro": {
        "nl": "Dit werkboek beschrijft het LLO-netwerk van de regio: tabblad 'actoren' (de organisaties) en 'relaties' (wie met wie, en hoe). Eén rij per organisatie en één rij per relatie. Controleer met: ecosystem validate MAP",
        "en": "This workbook describes the region's LLO network: sheet 'actors' (the organisations) and 'relations' (who with whom, and how). One row per organisation and one row per relation. Check with: ecosystem validate FOLDER"},
    "x_col_id": {"nl": "Korte, unieke code per organisatie, zonder spaties (bijvoorbeeld gem_enschede). Relaties verwijzen ernaar.",
                 "en": "Short unique code per organisation, without spaces (for example gem_enschede). Relations refer to it."},
    "x_col_name": {"nl": "Naam van de organisatie zoals die op de kaart moet staan.", "en": "The organisation's name as it should appear on the map."},
    "x_col_group": {"nl": "Actorgroep (keuzelijst): {groups}.", "en": "Actor group (drop-down): {groups}."},
    "x_col_atype": {"nl": "Vrije omschrijving van het soort organisatie (bijvoorbeeld centrumgemeente, roc, vakbond).",
                    "en": "Free description of the kind of organisation (for example centrumgemeente, college, union)."},
    "x_col_scale": {"nl": "Schaal waarop de organisatie werkt (keuzelijst, mag leeg): {scales}.",
                    "en": "Scale the organisation works at (drop-down, may be empty): {scales}."},
    "x_col_region": {"nl": "Arbeidsmarktregio('s), met | gescheiden (bijvoorbeeld Twente). Namen worden vergeleken met de lijst van CBS.",
                     "en": "Arbeidsmarktregio(s), separated by | (for example Twente). Names are checked against the CBS list."},
    "x_col_note": {"nl": "Vrije toelichting of bron; wordt niet geanalyseerd.", "en": "Free note or source; not analysed."},
    "x_col_source": {"nl": "id van de organisatie waar de relatie begint (bij gerichte soorten: wie financiert, levert, vertegenwoordigt, verwijst of adviseert).",
                     "en": "id of the organisation where the relation starts (for directed types: who funds, delivers, represents, refers or advises)."},
    "x_col_target": {"nl": "id van de andere organisatie.", "en": "id of the other organisation."},
    "x_col_rtype": {"nl": "Soort relatie (keuzelijst): zie de soorten hieronder.", "en": "Relation type (drop-down): see the types below."},
    "x_col_weight": {"nl": "Gewicht 1 tot 3 (leeg = 1): zie hieronder.", "en": "Weight 1 to 3 (empty = 1): see below."},
    "x_col_since": {"nl": "Jaar waarin de relatie begon (mag leeg); voor 'analyse --year' en 'compare'.",
                    "en": "Year the relation started (may be empty); for 'analyse --year' and 'compare'."},
    "x_col_until": {"nl": "Laatste jaar van de relatie (leeg = loopt nog).", "en": "Last year of the relation (empty = ongoing)."},
    # Each type's explanation: the reading of relation_reading.<type> in the columns' names ('Bron financiert
    # doel'; one wording with the intake warnings), ' (ongericht)' where the type has no direction, then this example.
    "x_type_example_governance": {"nl": "Voorbeeld: gemeente en UWV zitten allebei in het bestuur van het Regionaal Werkbedrijf.",
                                  "en": "Example: the municipality and UWV both sit on the board of the Regionaal Werkbedrijf."},
    "x_type_example_funding": {"nl": "Voorbeeld: de provincie subsidieert het leerwerkloket (bron provincie, doel leerwerkloket).",
                               "en": "Example: the province subsidises the leerwerkloket (source province, target leerwerkloket)."},
    "x_type_example_delivery": {"nl": "Voorbeeld: het roc verzorgt scholing (een dienst of opleiding) voor een werkgever.",
                                "en": "Example: the college trains a company's staff (a service or training)."},
    "x_type_example_representation": {"nl": "Voorbeeld: de vakbond vertegenwoordigt werkenden aan tafel.",
                                      "en": "Example: the union represents workers at the table."},
    "x_type_example_referral": {"nl": "Voorbeeld: UWV verwijst werkzoekenden naar het leerwerkloket.",
                                "en": "Example: UWV refers jobseekers to the leerwerkloket."},
    "x_type_example_collaboration": {"nl": "Voorbeeld: twee roc's ontwikkelen samen een opleiding.",
                                     "en": "Example: two colleges develop a course together."},
    "x_type_example_advice": {"nl": "Voorbeeld: een kennisinstelling adviseert de gemeente over arbeidsmarktbeleid.",
                              "en": "Example: a research institute advises the municipality on labour-market policy."},
    "x_undirected": {"nl": " (ongericht)", "en": " (undirected)"},
    "x_weight_1": {"nl": "1 = incidenteel: af en toe contact, een losse afspraak.", "en": "1 = occasional: now and then, a one-off arrangement."},
    "x_weight_2": {"nl": "2 = regelmatig: terugkerend contact of een lopend project.", "en": "2 = regular: recurring contact or a running project."},
    "x_weight_3": {"nl": "3 = structureel: vaste afspraak, convenant of doorlopende financiering.",
                   "en": "3 = structural: a standing agreement, covenant or ongoing funding."},
    "x_types": {"nl": "soort relatie", "en": "relation type"},
    # --- the questionnaire ---
    "q_sheet": {"nl": "vragenlijst", "en": "questionnaire"},
    "q_title": {"nl": "Vragenlijst LLO-netwerk {region}", "en": "Questionnaire LLO network {region}"},
    "q_org": {"nl": "Organisatie: {name}", "en": "Organisation: {name}"},
    "q_instruction": {
        "nl": "Met wie werkt uw organisatie samen rond Leven Lang Ontwikkelen, en hoe? Kies per organisatie en per soort relatie 1 (incidenteel), 2 (regelmatig) of 3 (structureel); laat leeg als die relatie er niet is. Bij gerichte soorten staat erbij wie wat voor wie doet. Uitleg: tabblad 'uitleg'.",
        "en": "Who does your organisation work with on lifelong learning, and how? For each organisation and each kind of relation choose 1 (occasional), 2 (regular) or 3 (structural); leave empty when there is no such relation. For directed kinds the header says who does what for whom. See the sheet 'explanation'."},
    "q_new": {"nl": "Organisaties die niet in de lijst staan: vul naam en groep in, en de relaties zoals hierboven.",
              "en": "Organisations not on the list: fill in name and group, and the relations as above."},
    "q_governance_both": {"nl": "samen aan een bestuurlijke tafel", "en": "share a governance table"},
    "q_collaboration_both": {"nl": "wij werken samen", "en": "we work together"},
    "q_funding_out": {"nl": "wij financieren hen", "en": "we fund them"},
    "q_funding_in": {"nl": "zij financieren ons", "en": "they fund us"},
    "q_delivery_out": {"nl": "wij leveren aan hen", "en": "we deliver to them"},
    "q_delivery_in": {"nl": "zij leveren aan ons", "en": "they deliver to us"},
    "q_representation_out": {"nl": "wij vertegenwoordigen hen", "en": "we represent them"},
    "q_representation_in": {"nl": "zij vertegenwoordigen ons", "en": "they represent us"},
    "q_referral_out": {"nl": "wij verwijzen mensen naar hen", "en": "we refer people to them"},
    "q_referral_in": {"nl": "zij verwijzen mensen naar ons", "en": "they refer people to us"},
    "q_advice_out": {"nl": "wij adviseren hen", "en": "we advise them"},
    "q_advice_in": {"nl": "zij adviseren ons", "en": "they advise us"},
    "ov_sheet": {"nl": "respons", "en": "response"},
    "ov_file": {"nl": "bestand", "en": "file"},
    "ov_sent": {"nl": "verstuurd op", "en": "sent on"},
    "ov_received": {"nl": "ontvangen op", "en": "received on"},
    "ov_note": {"nl": "opmerking", "en": "note"},
    "survey_out_exists": {
        "nl": "{path} bestaat al en wordt niet overschreven (er kunnen antwoorden in staan). Kies met --out een andere map",
        "en": "{path} already exists and is not overwritten (it may hold answers). Choose another folder with --out"},
    "survey_made": {"nl": "Vragenlijsten voor {n} organisaties in {path}; overzicht voor de coördinator: {overview}",
                    "en": "Questionnaires for {n} organisations in {path}; overview for the coordinator: {overview}"},
    "survey_make_next": {
        "nl": "Stuur elke organisatie haar eigen bestand. De bestandsnaam mag veranderen: de vragenlijst weet zelf van wie hij is. Zet de ingevulde bestanden in één map en voer uit: ecosystem survey collect {region} MAP",
        "en": "Send each organisation its own file. The file name may change: the questionnaire knows whose it is. Put the returned files in one folder and run: ecosystem survey collect {region} FOLDER"},
    # --- collect: problems and warnings ---
    "survey_no_responses_dir": {"nl": "{path} is geen map met ingevulde vragenlijsten",
                                "en": "{path} is not a folder of returned questionnaires"},
    "survey_not_questionnaire": {"nl": "geen vragenlijst van 'ecosystem survey make' (overgeslagen)",
                                 "en": "not a questionnaire made by 'ecosystem survey make' (skipped)"},
    "survey_skipped": {
        "nl": "overgeslagen: geen .xlsx-bestand. Is het een ingevulde vragenlijst, pak hem dan uit of sla hem op als Excel-werkmap (.xlsx)",
        "en": "skipped: not an .xlsx file. If it is a returned questionnaire, unpack it or save it as an Excel Workbook (.xlsx)"},
    "survey_skipped_lock": {
        "nl": "overgeslagen: tijdelijk bestand van Excel, dus deze vragenlijst is nog geopend (of Excel is vastgelopen). Sla de vragenlijst op, sluit hem en voer collect opnieuw uit",
        "en": "skipped: Excel's temporary file, so this questionnaire is still open (or Excel crashed). Save the questionnaire, close it and run collect again"},
    "survey_not_xlsx": {
        "nl": "opgeslagen als {suffix}, dus de antwoorden hierin zijn niet gelezen (alleen .xlsx wordt gelezen). Open het bestand, sla het op als Excel-werkmap (.xlsx) en haal het {suffix}-bestand uit de map",
        "en": "saved as {suffix}, so the answers in it were not read (only .xlsx is read). Open the file, save it as an Excel Workbook (.xlsx) and take the {suffix} file out of the folder"},
    "survey_none_found": {
        "nl": "geen enkele ingevulde vragenlijst (.xlsx) in deze map. Zet de teruggestuurde vragenlijsten erin, of geef de map waar ze staan",
        "en": "no returned questionnaire (.xlsx) at all in this folder. Put the returned questionnaires in it, or give the folder they are in"},
    "survey_none_found_other": {
        "nl": "geen enkele ingevulde vragenlijst in deze map (wel gevonden, maar niet van 'ecosystem survey make': {files}). Zet de teruggestuurde vragenlijsten erin, of geef de map waar ze staan",
        "en": "no returned questionnaire at all in this folder (found, but not made by 'ecosystem survey make': {files}). Put the returned questionnaires in it, or give the folder they are in"},
    "survey_other_region": {"nl": "vragenlijst is gemaakt voor regiomap '{other}', niet '{region}'; toch gelezen, want de ids tellen",
                            "en": "questionnaire was made for region folder '{other}', not '{region}'; read anyway, as the ids decide"},
    "survey_unknown_respondent": {
        "nl": "vragenlijst van '{value}', maar die id staat niet (meer) in de actoren van de regio. Zet de organisatie terug in actoren of haal het bestand weg",
        "en": "questionnaire of '{value}', but that id is not (or no longer) in the region's actors. Put the organisation back in actors or remove the file"},
    "survey_unknown_other": {
        "nl": "antwoorden over '{value}', maar die id staat niet (meer) in de actoren; deze rij is overgeslagen",
        "en": "answers about '{value}', but that id is not (or no longer) in the actors; this row was skipped"},
    "survey_empty": {
        "nl": "vragenlijst van '{value}' bevat geen enkel antwoord; telt als geantwoord zonder relaties. Haal het bestand weg als het niet ingevuld is",
        "en": "questionnaire of '{value}' holds no answer at all; counted as answered with no relations. Remove the file if it was not filled in"},
    "analyse_no_relations": {
        "nl": "{path} heeft nog geen relaties, dus er is geen netwerk om te analyseren. Vul de relaties in, of houd een enquête met 'ecosystem survey make'",
        "en": "{path} has no relations yet, so there is no network to analyse. Fill in the relations, or run a survey with 'ecosystem survey make'"},
    "survey_duplicate": {
        "nl": "tweede ingevulde vragenlijst van '{value}' (ook: {first}). Houd er één over",
        "en": "second returned questionnaire of '{value}' (also: {first}). Keep one of them"},
    "survey_bad_answer": {"nl": "'{value}' is geen 1, 2 of 3. Kies 1, 2 of 3, of laat de cel leeg",
                          "en": "'{value}' is not 1, 2 or 3. Choose 1, 2 or 3, or leave the cell empty"},
    "survey_into_exists": {
        "nl": "{path} bestaat al en is geen eerdere uitvoer van 'survey collect'; er wordt niets overschreven. Kies met --into een andere map",
        "en": "{path} already exists and is not earlier output of 'survey collect'; nothing is overwritten. Choose another folder with --into"},
    "survey_into_changed": {
        "nl": "{path} is veranderd sinds 'survey collect' de map schreef ({files}); er wordt niets overschreven, zodat uw wijzigingen blijven staan. Kies met --into een nieuwe map",
        "en": "{path} changed since 'survey collect' wrote it ({files}); nothing is overwritten, so your changes stay. Choose a new folder with --into"},
    "survey_into_unrecorded": {
        "nl": "{path} is geschreven door een eerdere versie van 'survey collect', die niet bijhield wat hij schreef, dus wijzigingen daarin zijn niet te zien; er wordt niets overschreven. Kies met --into een nieuwe map",
        "en": "{path} was written by an earlier version of 'survey collect', which kept no record of what it wrote, so changes to it cannot be seen; nothing is overwritten. Choose a new folder with --into"},
    "survey_into_is_region": {"nl": "--into {path} is de regiomap zelf, en de invoer wordt nooit overschreven. Kies een andere map",
                              "en": "--into {path} is the region folder itself, and the input is never overwritten. Choose another folder"},
    "survey_into_in_region": {"nl": "--into {path} ligt in de regiomap {region}, en de invoer wordt nooit aangeraakt. Kies een map daarbuiten",
                              "en": "--into {path} is inside the region folder {region}, and the input is never touched. Choose a folder outside it"},
    # --- collect: the report ---
    "survey_response": {"nl": "Respons: {answered} van {invited} organisaties ({share})",
                        "en": "Response: {answered} of {invited} organisations ({share})"},
    "survey_response_group": {"nl": "  {label}: {answered} van {invited} ({share})",
                              "en": "  {label}: {answered} of {invited} ({share})"},
    "survey_not_answered": {"nl": "Niet geantwoord ({n}): {names}", "en": "Not answered ({n}): {names}"},
    "survey_not_asked": {
        "nl": "Niet gevraagd ({n}), niet op de lijst van de teruggestuurde vragenlijsten en niet in de respons geteld: {names}",
        "en": "Not asked ({n}), not on the list of the returned questionnaires and not counted in the response: {names}"},
    "survey_all_answered": {"nl": "Alle organisaties hebben geantwoord.", "en": "Every organisation answered."},
    "survey_relations": {"nl": "Relaties: {n}, waarvan {confirmed} bevestigd (beide kanten noemden dezelfde soort en richting)",
                         "en": "Relations: {n}, of which {confirmed} confirmed (both sides named the same type and direction)"},
    "survey_disagreements": {"nl": "Verschillen om met de partners uit te zoeken ({n}):",
                             "en": "Differences to settle with the partners ({n}):"},
    "survey_no_disagreements": {"nl": "Geen verschillen tussen de antwoorden.", "en": "No differences between the answers."},
    "survey_weight_differs": {
        "nl": "  {a} en {b} noemen allebei {tie}, maar met gewicht {wa} en {wb}; het gemiddelde {mean} is gebruikt",
        "en": "  {a} and {b} both name {tie}, but with weight {wa} and {wb}; the mean {mean} is used"},
    "survey_one_sided": {"nl": "  {a} noemt {tie} (gewicht {w}); {b} noemt die niet{other}",
                         "en": "  {a} names {tie} (weight {w}); {b} does not{other}"},
    "survey_other_said": {"nl": ", wel: {ties}", "en": ", but names: {ties}"},
    "survey_new_orgs": {"nl": "Nieuw genoemde organisaties ({n}), niet toegevoegd; beoordeel ze in {file}:",
                        "en": "Newly named organisations ({n}), not added; review them in {file}:"},
    "survey_new_org": {"nl": "  {name} ({group}), genoemd door {by}", "en": "  {name} ({group}), named by {by}"},
    "survey_written": {"nl": "Regiomap geschreven: {path}. Analyseer met: ecosystem analyse {path} (of --ties confirmed)",
                       "en": "Region folder written: {path}. Analyse with: ecosystem analyse {path} (or --ties confirmed)"},
    "survey_source": {"nl": "enquête (ecosystem survey collect): {answered} van {invited} organisaties antwoordden",
                      "en": "survey (ecosystem survey collect): {answered} of {invited} organisations answered"},
    # --- analyse on survey data ---
    "ties_no_survey": {
        "nl": "--ties confirmed vraagt een kolom 'confirmed' in de relaties, zoals 'ecosystem survey collect' die schrijft. Gebruik --ties all",
        "en": "--ties confirmed needs a column 'confirmed' in the relations, as written by 'ecosystem survey collect'. Use --ties all"},
    "ties_none_confirmed": {"nl": "geen enkele relatie is bevestigd door beide kanten. Gebruik --ties all",
                            "en": "no relation is confirmed by both sides. Use --ties all"},
    "survey_summary": {
        "nl": "Enquête: {answered} van {invited} organisaties antwoordden ({share}); {confirmed} van {relations} relaties zijn door beide kanten genoemd. Een organisatie die niet antwoordde heeft alleen de relaties die anderen over haar meldden, dus haar plek is eerder te klein dan te groot getekend.",
        "en": "Survey: {answered} of {invited} organisations answered ({share}); {confirmed} of {relations} relations were named by both sides. An organisation that did not answer only has the ties others reported, so its place is more likely drawn too small than too large."},
    "survey_summary_min": {
        "nl": "Enquête: ten minste {answered} van {invited} organisaties antwoordden (wie geen relatie meldde, is niet te zien); {confirmed} van {relations} relaties zijn door beide kanten genoemd. Een organisatie die niet antwoordde heeft alleen de relaties die anderen over haar meldden, dus haar plek is eerder te klein dan te groot getekend.",
        "en": "Survey: at least {answered} of {invited} organisations answered (one that reported no tie cannot be seen); {confirmed} of {relations} relations were named by both sides. An organisation that did not answer only has the ties others reported, so its place is more likely drawn too small than too large."},
    "survey_confirmed_only": {"nl": "Alleen de bevestigde relaties zijn geanalyseerd (--ties confirmed).",
                              "en": "Only the confirmed relations were analysed (--ties confirmed)."},
    "survey_not_asked_one": {
        "nl": "1 organisatie in de gegevens kreeg geen vragenlijst (later toegevoegd) en telt niet mee in de respons.",
        "en": "1 organisation in the data got no questionnaire (added later) and is not counted in the response."},
    "survey_not_asked_many": {
        "nl": "{n} organisaties in de gegevens kregen geen vragenlijst (later toegevoegd) en tellen niet mee in de respons.",
        "en": "{n} organisations in the data got no questionnaire (added later) and are not counted in the response."},
    # --- headers of ecosystem.xlsx made by init: Dutch words, English the contract's names (vocab.HEADER_ALIASES reads both)
    "template_header.name": {"nl": "naam", "en": "name"},
    "template_header.group": {"nl": "groep", "en": "group"},
    "template_header.type": {"nl": "soort", "en": "type"},
    "template_header.scale": {"nl": "schaal", "en": "scale"},
    "template_header.region": {"nl": "regio", "en": "region"},
    "template_header.note": {"nl": "notitie", "en": "note"},
    "template_header.source": {"nl": "bron", "en": "source"},
    "template_header.target": {"nl": "doel", "en": "target"},
    "template_header.weight": {"nl": "gewicht", "en": "weight"},
    "template_header.since": {"nl": "sinds", "en": "since"},
    "template_header.until": {"nl": "tot", "en": "until"},
}
