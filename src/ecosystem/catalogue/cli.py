"""The command line's own words: ``--help`` texts and the lines for a command typed wrong.

Keys are ``cli.<key>``. A command's help is ``cli.command.<command>``, an option's ``cli.option.<name>``
(one key for an option several commands share, such as ``--seed``), the help page's frame
(``Usage:``, ``Options``, ...) and the usage errors the rest. Read by :mod:`ecosystem.cli_language`,
which resolves them when the help is shown or the error printed, in the language ``--lang`` asks for.

A command's help is paragraphs separated by a blank line; a paragraph starting with ``\\b`` is
printed as written (the examples), the others are wrapped to the terminal.
"""
from __future__ import annotations

SECTION: dict[str, dict[str, str]] = {
    # --- the help page's frame ---
    "cli.usage": {"nl": "Gebruik:", "en": "Usage:"},
    "cli.options": {"nl": "Opties", "en": "Options"},
    "cli.commands": {"nl": "Opdrachten", "en": "Commands"},
    "cli.options_metavar": {"nl": "[OPTIES]", "en": "[OPTIONS]"},
    "cli.command_metavar": {"nl": "OPDRACHT [ARGUMENTEN]...", "en": "COMMAND [ARGS]..."},
    "cli.default": {"nl": "standaard: {value}", "en": "default: {value}"},
    "cli.required": {"nl": "verplicht", "en": "required"},
    "cli.version": {"nl": "{prog}, versie {version}", "en": "{prog}, version {version}"},

    # --- a command typed wrong: "fout: {what}. Zie '{command} --help'." ---
    "cli.see_help": {"nl": "Zie '{command} --help'", "en": "See '{command} --help'"},
    "cli.no_such_option": {"nl": "onbekende optie '{option}'", "en": "unknown option '{option}'"},
    "cli.no_such_command": {"nl": "onbekende opdracht '{name}'", "en": "unknown command '{name}'"},
    "cli.missing_command": {"nl": "opdracht ontbreekt", "en": "command is missing"},
    "cli.missing_argument": {"nl": "{name} ontbreekt", "en": "{name} is missing"},
    "cli.missing_option": {"nl": "optie {option} ontbreekt; die is verplicht", "en": "option {option} is missing; it is required"},
    "cli.option_needs_value": {"nl": "optie {option} heeft een waarde nodig: {option} WAARDE",
                               "en": "option {option} needs a value: {option} VALUE"},
    "cli.option_takes_no_value": {"nl": "optie {option} neemt geen waarde; geef alleen {option}",
                                  "en": "option {option} takes no value; give {option} alone"},
    "cli.bad_choice": {"nl": "ongeldige waarde '{value}' voor {option}; kies {choices}",
                       "en": "invalid value '{value}' for {option}; choose {choices}"},
    "cli.bad_whole_number": {"nl": "{option} neemt een geheel getal, niet '{value}'",
                             "en": "{option} takes a whole number, not '{value}'"},
    "cli.bad_whole_number_from": {"nl": "{option} neemt een geheel getal van {low} of meer, niet '{value}'",
                                  "en": "{option} takes a whole number of {low} or more, not '{value}'"},
    "cli.bad_value": {"nl": "ongeldige waarde '{value}' voor {option}", "en": "invalid value '{value}' for {option}"},
    "cli.extra_arguments_one": {
        "nl": "één argument te veel: {args}. Staat er een spatie in een map- of bestandsnaam, zet de naam dan tussen aanhalingstekens",
        "en": "one argument too many: {args}. If a folder or file name has a space in it, put the name in quotes"},
    "cli.extra_arguments": {
        "nl": "{n} argumenten te veel: {args}. Staat er een spatie in een map- of bestandsnaam, zet de naam dan tussen aanhalingstekens",
        "en": "{n} arguments too many: {args}. If a folder or file name has a space in it, put the name in quotes"},
    # A usage error this module has no words for (a newer click's): click's own English message.
    "cli.usage_other": {"nl": "de opdracht klopt niet ({message})", "en": "the command is not right ({message})"},

    # --- the commands ---
    "cli.command.main": {
        "nl": "Breng het ecosysteem voor Leven Lang Ontwikkelen (LLO) van een regio in kaart en analyseer het.\n\n"
              "Houd de actoren en relaties bij in een spreadsheet (actors.csv en relations.csv, of "
              "ecosystem.xlsx) en krijg met één opdracht een offline kaart, tabellen en een samenvatting: wie "
              "in de kern zit, wie in de periferie, wie zou kunnen orkestreren.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem analyse brabant/\n"
              "    ecosystem analyse mijn-regio/ --out resultaten --lang en\n"
              "    ecosystem analyse brabant/ --year 2020\n"
              "    ecosystem compare brabant --from 2020 --to 2021",
        "en": "Map and analyse the Leven Lang Ontwikkelen (LLO) ecosystem of a region.\n\n"
              "Keep your actors and relations in a spreadsheet (actors.csv and relations.csv, or ecosystem.xlsx), "
              "then run one command to get an offline map, tables and a summary: who is in the core, who in the "
              "periphery, who could orchestrate.\n\n"
              "\b\nExample:\n"
              "    ecosystem analyse brabant/\n"
              "    ecosystem analyse mijn-regio/ --out resultaten --lang en\n"
              "    ecosystem analyse brabant/ --year 2020\n"
              "    ecosystem compare brabant --from 2020 --to 2021"},
    "cli.command.analyse": {
        "nl": "Analyseer de regiogegevens in PATH en schrijf de kaart, tabellen en samenvatting.\n\n"
              "PATH is een regiomap met actors.csv en relations.csv (of ecosystem.xlsx, of een Kumu-export als "
              "enige werkmap). Bestaat die niet zoals gegeven, dan wordt hij onder ./regions/ gezocht. Naast de "
              "kaart, het rapport en de tabellen brengt kumu.xlsx de regio en elke maat terug naar Kumu. Noemen "
              "actoren hun arbeidsmarktregio (kolom 'region'), dan wordt elke regio ook apart geanalyseerd en zet "
              "het rapport ze naast elkaar.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem analyse brabant/            # gebruikt ./regions/brabant/\n"
              "    ecosystem analyse data/west-brabant --out resultaten --seed 7\n"
              "    ecosystem analyse brabant/ --year 2020   # schrijft outputs/brabant-2020/\n"
              "    ecosystem analyse brabant/ --region West-Brabant   # schrijft outputs/brabant-west-brabant/",
        "en": "Analyse the region data in PATH and write the map, tables and summary.\n\n"
              "PATH is a region folder with actors.csv and relations.csv (or ecosystem.xlsx, or a Kumu export as "
              "its only workbook). If it does not exist as given it is looked up under ./regions/. Besides the map, "
              "report and tables, kumu.xlsx takes the region and every metric back to Kumu. When actors name their "
              "arbeidsmarktregio ('region' column), each region is also analysed alone and the report puts them "
              "side by side.\n\n"
              "\b\nExample:\n"
              "    ecosystem analyse brabant/            # uses ./regions/brabant/\n"
              "    ecosystem analyse data/west-brabant --out resultaten --seed 7\n"
              "    ecosystem analyse brabant/ --year 2020   # writes outputs/brabant-2020/\n"
              "    ecosystem analyse brabant/ --region West-Brabant   # writes outputs/brabant-west-brabant/"},
    "cli.command.compare": {
        "nl": "Laat zien wat er veranderde tussen twee versies van een regio.\n\n"
              "OLD en NEW zijn twee regiomappen (bijvoorbeeld de spreadsheets van vorig jaar en van dit jaar), "
              "opgezocht onder ./regions/ zoals bij analyse. Of geef één regiomap met --from en --to om het netwerk "
              "in twee jaren te vergelijken, met de kolommen 'since' en 'until' van relations.csv.\n\n"
              "Beide worden met dezelfde seed geanalyseerd. De samenvatting noemt actoren die erbij kwamen of "
              "vertrokken, relaties die erbij kwamen of verdwenen, wie de kern in- of uitging, de top 5 van "
              "orkestratorkandidaten, de plaats van de sleutelgroepen in de kern en hun plek aan tafel, en de "
              "diagnose, en zegt welke veranderingen groter zijn dan de onzekerheid van de gegevens. Schrijft "
              "change.json en change.html.\n\n"
              "Met drie of meer mappen worden ze in plaats daarvan naast elkaar gezet (omvang, dichtheid, kern, "
              "sterkste orkestratorkandidaat, de sleutelgroepen aan de bestuurlijke tafels van de kern, de diagnose): compare.json en "
              "compare.html in OUT/<A>-<B>-<C>/.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem compare brabant-2023 brabant-2024\n"
              "    ecosystem compare brabant --from 2020 --to 2021 --lang en\n"
              "    ecosystem compare west-brabant midden-brabant zuidoost-brabant",
        "en": "Show what changed between two versions of a region.\n\n"
              "OLD and NEW are two region folders (for example last year's and this year's spreadsheets), looked "
              "up under ./regions/ like analyse. Or give one region folder with --from and --to to compare the "
              "network in two years, using the 'since' and 'until' columns of relations.csv.\n\n"
              "Both are analysed with the same seed. The summary lists actors that joined or left, relations added "
              "or removed, who entered or left the core, the orchestrator top 5, the key groups' place in the core "
              "and seat at the table, and the diagnosis, and says which changes are beyond the uncertainty of the "
              "data. Writes change.json and change.html.\n\n"
              "With three or more folders they are put side by side instead (size, density, core, top orchestrator "
              "candidate, the key groups at the core's governance tables, the diagnosis): compare.json and compare.html in "
              "OUT/<A>-<B>-<C>/.\n\n"
              "\b\nExample:\n"
              "    ecosystem compare brabant-2023 brabant-2024\n"
              "    ecosystem compare brabant --from 2020 --to 2021 --lang en\n"
              "    ecosystem compare west-brabant midden-brabant zuidoost-brabant"},
    "cli.command.whatif": {
        "nl": "Wat als organisaties wegvallen (--without) of relaties erbij komen (--with)?\n\n"
              "Analyseert het veranderde netwerk met dezelfde instellingen en schrijft de verandering ten opzichte "
              "van het huidige (change.json, change.html, zoals compare), met voorop wie elk pad naar het grootste deel "
              "van het netwerk verliest, welke paren sleutelgroepen hun laatste verbinding verliezen, en de verandering in "
              "afstandsgewogen fragmentatie.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem whatif brabant --without rwb_wb\n"
              "    ecosystem whatif brabant --with onderwijs-aan-tafel.csv",
        "en": "What if organisations leave (--without) or relations are added (--with)?\n\n"
              "Analyses the changed network with the same settings and writes the change view against the current "
              "one (change.json, change.html, as compare does), led by who loses every path to the largest part of the network, which "
              "pairs of key groups lose their last connection, and the change in distance-weighted "
              "fragmentation.\n\n"
              "\b\nExample:\n"
              "    ecosystem whatif brabant --without rwb_wb\n"
              "    ecosystem whatif brabant --with onderwijs-aan-tafel.csv"},
    "cli.command.import": {
        "nl": "Maak van gegevens uit een ander programma een regiomap (actors.csv en relations.csv).",
        "en": "Turn data from another tool into a region folder (actors.csv and relations.csv)."},
    "cli.command.import_kumu": {
        "nl": "Schrijf de Kumu-werkmap FILE als actors.csv en relations.csv in de map INTO.\n\n"
              "De groep van een actor komt uit een veld 'group'/'groep', anders uit Type via de gewone woorden "
              "(gemeente, bedrijf, vakbond, mbo, ...); Kumu-types die bij geen groep horen worden genoemd, met hoe "
              "u ze koppelt in een tabel [groups] van region.toml (gelezen uit INTO, anders uit de map van FILE). "
              "Verbindingstypes worden net zo gekoppeld ([relation_types]); Strength is het gewicht.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem import kumu twente-kumu.xlsx --into regions/twente",
        "en": "Write the Kumu workbook FILE as actors.csv and relations.csv in the folder INTO.\n\n"
              "The actor group comes from a field 'group'/'groep', else from Type through the everyday vocabulary "
              "(gemeente, bedrijf, vakbond, mbo, ...); Kumu types that map to no group are listed, with how to map "
              "them in a [groups] table of region.toml (read from INTO, else from FILE's folder). Connection types "
              "map the same way ([relation_types]); Strength is the weight.\n\n"
              "\b\nExample:\n"
              "    ecosystem import kumu twente-kumu.xlsx --into regions/twente"},
    "cli.command.init": {
        "nl": "Maak FOLDER met een sjabloon ecosystem.xlsx en region.toml. Overschrijft nooit een bestand.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem init twente --arbeidsmarktregio Twente",
        "en": "Create FOLDER with a template ecosystem.xlsx and region.toml. Never overwrites a file.\n\n"
              "\b\nExample:\n"
              "    ecosystem init twente --arbeidsmarktregio Twente"},
    "cli.command.validate": {
        "nl": "Controleer de regiogegevens in PATH zoals analyse dat doet, en schrijf niets. Eindigt met 0 of 2.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem validate twente",
        "en": "Check the region data in PATH as analyse does, and write nothing. Exit 0 or 2.\n\n"
              "\b\nExample:\n"
              "    ecosystem validate twente"},
    "cli.command.survey": {
        "nl": "Een enquêteronde: stuur elke organisatie een vragenlijst en voeg daarna de antwoorden samen.",
        "en": "A survey round: send each organisation a questionnaire, then merge the answers."},
    "cli.command.survey_make": {
        "nl": "Schrijf één vragenlijst (werkmap) per organisatie in PATH, plus een overzichtswerkmap.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem survey make twente --out vragenlijsten",
        "en": "Write one questionnaire workbook per organisation in PATH, plus an overview workbook.\n\n"
              "\b\nExample:\n"
              "    ecosystem survey make twente --out vragenlijsten"},
    "cli.command.survey_collect": {
        "nl": "Voeg de vragenlijsten in RESPONSES samen tot een regiomap; toont de respons en de onenigheden.\n\n"
              "\b\nVoorbeeld:\n"
              "    ecosystem survey collect twente antwoorden/ --into twente-2025",
        "en": "Merge the questionnaires in RESPONSES into a region folder; print response and disagreements.\n\n"
              "\b\nExample:\n"
              "    ecosystem survey collect twente antwoorden/ --into twente-2025"},

    # --- options several commands share ---
    "cli.option.help": {"nl": "Toon deze hulp en stop.", "en": "Show this message and exit."},
    "cli.option.version": {"nl": "Toon de versie en stop.", "en": "Show the version and exit."},
    "cli.option.debug": {"nl": "Toon de volledige traceback als er iets misgaat.",
                         "en": "Show the full traceback when something goes wrong."},
    "cli.option.seed": {"nl": "Startgetal voor het toeval: dezelfde gegevens en seed geven dezelfde getallen en dezelfde kaart.",
                        "en": "Random seed: same data and seed give the same numbers and the same map."},
    "cli.option.bootstrap": {
        "nl": "Herhalingen voor 'hoe zeker zijn we' (0 = uit), op beide manieren (relaties en organisaties "
              "weggelaten). Standaard: 100 tot en met 300 actoren, 40 tot en met 2.000, 25 tot en met 20.000, "
              "daarboven 0.",
        "en": "Resamples for 'how sure are we' (0 = off), each way (relations and organisations left out). "
              "Default: 100 up to 300 actors, 40 up to 2,000, 25 up to 20,000, 0 beyond."},
    "cli.option.null_samples": {
        "nl": "Willekeurige netwerken per kern/periferie-toets (één toets met verbindingen willekeurig geplaatst, "
              "één die het aantal verbindingen van elke organisatie houdt). Standaard: 100 tot en met 300 actoren, "
              "50 tot en met 2.000, daarboven 20.",
        "en": "Random networks per core/periphery test (one test with ties placed at random, one keeping every "
              "organisation's number of ties). Default: 100 up to 300 actors, 50 up to 2,000, 20 beyond."},
    "cli.option.lang": {
        "nl": "Taal van deze hulp en van de meldingen (nl = Nederlands, en = English); geldt ook voor de opdracht "
              "die volgt.",
        "en": "Language of this help and of the messages (nl = Nederlands, en = English); also for the command "
              "that follows."},
    "cli.option.lang_outputs": {"nl": "Taal van de kaart, het rapport en de samenvatting (nl = Nederlands, en = English).",
                                "en": "Language of the map, report and summary (nl = Nederlands, en = English)."},
    "cli.option.lang_change": {"nl": "Taal van de samenvatting en change.html (nl = Nederlands, en = English).",
                               "en": "Language of the summary and change.html (nl = Nederlands, en = English)."},
    "cli.option.lang_messages": {"nl": "Taal van de meldingen (nl = Nederlands, en = English).",
                                 "en": "Language of the messages (nl = Nederlands, en = English)."},
    "cli.option.lang_intake": {"nl": "Taal van de meldingen en werkmappen (nl = Nederlands, en = English).",
                               "en": "Language of the messages and workbooks (nl = Nederlands, en = English)."},

    # --- options of one command ---
    "cli.option.analyse_out": {"nl": "Map voor de uitvoer; die komt in OUT/<naam regiomap>/.",
                               "en": "Folder for the outputs; they go to OUT/<region folder name>/."},
    "cli.option.analyse_year": {
        "nl": "Analyseer het netwerk zoals het in dit jaar was: alleen relaties waarvan 'since' leeg is of hoogstens "
              "YYYY en 'until' leeg is of minstens YYYY. De uitvoer komt in OUT/<naam regiomap>-YYYY/.",
        "en": "Analyse the network as it stood in this year: only relations whose 'since' is empty or at most YYYY "
              "and whose 'until' is empty or at least YYYY. Outputs go to OUT/<region folder name>-YYYY/."},
    "cli.option.analyse_quiet": {"nl": "Geen voortgangsbalken bij de lange stappen (die staan alleen op een terminal).",
                                 "en": "No progress bars on the long steps (they only show on a terminal)."},
    "cli.option.analyse_ties": {
        "nl": "Met enquêtegegevens (uit 'survey collect'): analyseer alle genoemde relaties, of alleen die welke "
              "beide kanten noemden.",
        "en": "With survey data (from 'survey collect'): analyse all reported relations, or only those both sides "
              "named."},
    "cli.option.analyse_region": {
        "nl": "Analyseer het netwerk van één arbeidsmarktregio apart: de actoren waarvan 'region' die regio noemt en "
              "de relaties tussen hen. De uitvoer komt in OUT/<naam regiomap>-<regio>/.",
        "en": "Analyse one arbeidsmarktregio's network alone: the actors whose 'region' names it and the relations "
              "among them. Outputs go to OUT/<region folder name>-<region>/."},
    "cli.option.analyse_anonymise": {
        "nl": "Delen zonder namen: elke organisatie staat in elke uitvoer als haar groep en een nummer "
              "('Onderwijs 3'); type, schaal, rol, vrije-tekstkolommen, notities en de bron blijven weg, en teksten "
              "uit region.toml die een organisatie of de regiomap noemen ook. De uitvoer komt in OUT/anoniem/ (niet "
              "genoemd naar de regiomap); de sleutel (nummer -> id en naam) in OUT/anoniem-sleutel.csv "
              "(OUT/anoniem-key.csv met --lang en), naast de map die u deelt en niet erin.",
        "en": "Share without names: every organisation is shown as its group and a number ('Education 3') in every "
              "output; type, scale, role, free-text columns, notes and the source are left out, and so are "
              "region.toml's texts that name an organisation or the region folder. Outputs go to OUT/anoniem/ (not "
              "named after the region folder); the key (number -> id and name) to OUT/anoniem-key.csv "
              "(OUT/anoniem-sleutel.csv with --lang nl), beside the folder you share, not in it."},
    "cli.option.compare_from": {"nl": "Met één regiomap: het eerdere jaar (samen met --to).",
                                "en": "With one region folder: the earlier year (use with --to)."},
    "cli.option.compare_to": {"nl": "Met één regiomap: het latere jaar (samen met --from).",
                              "en": "With one region folder: the later year (use with --from)."},
    "cli.option.compare_out": {
        "nl": "Map voor de uitvoer; die komt in OUT/<naam map OLD>-<naam map NEW>/, of OUT/<map>-<from>-<to>/.",
        "en": "Folder for the outputs; they go to OUT/<OLD folder name>-<NEW folder name>/, or "
              "OUT/<folder>-<from>-<to>/."},
    "cli.option.whatif_without": {
        "nl": "Een organisatie (haar id in actors.csv) die wegvalt, met al haar relaties; herhaal voor meer.",
        "en": "An organisation (its id in actors.csv) that leaves, with all its relations; repeat for more."},
    "cli.option.whatif_with": {
        "nl": "Extra relatierijen, in dezelfde vorm als relations.csv (bijvoorbeeld onderwijs dat aanschuift).",
        "en": "Extra relation rows, in the same format as relations.csv (e.g. onderwijs joining a table)."},
    "cli.option.whatif_year": {
        "nl": "Neem het netwerk zoals het in dit jaar was (zoals analyse --year): alleen relaties waarvan 'since' leeg "
              "is of hoogstens YYYY en 'until' leeg is of minstens YYYY. De uitvoer komt in "
              "OUT/<naam regiomap>-YYYY-whatif-.../.",
        "en": "Take the network as it stood in this year (as analyse --year): only relations whose 'since' is empty "
              "or at most YYYY and whose 'until' is empty or at least YYYY. Outputs go to "
              "OUT/<region folder name>-YYYY-whatif-.../."},
    "cli.option.whatif_out": {
        "nl": "Map voor de uitvoer; die komt in OUT/<naam regiomap>[-YYYY]-whatif-<ids>[-with-<bestand>]/.",
        "en": "Folder for the outputs; they go to OUT/<region folder name>[-YYYY]-whatif-<ids>[-with-<file>]/."},
    "cli.option.import_into": {
        "nl": "Regiomap om actors.csv en relations.csv in te schrijven (bestaande bestanden worden nooit overschreven).",
        "en": "Region folder to write actors.csv and relations.csv into (existing files are never overwritten)."},
    "cli.option.init_arbeidsmarktregio": {
        "nl": "Begin het tabblad actoren met de gebruikelijke spelers van deze regio (centrumgemeente, UWV, "
              "Leerwerkloket, Regionaal Werkbedrijf, mobiliteitsteam); bijvoorbeeld Twente of AM05.",
        "en": "Start the actors sheet with this region's usual cast (centrumgemeente, UWV, Leerwerkloket, "
              "Regionaal Werkbedrijf, mobiliteitsteam); e.g. Twente or AM05."},
    "cli.option.survey_out": {"nl": "Map voor de vragenlijsten (standaard: <regiomap>-vragenlijsten).",
                              "en": "Folder for the questionnaires (default: <region folder>-vragenlijsten)."},
    "cli.option.survey_into": {"nl": "Regiomap om te schrijven (standaard: <regiomap>-enquete).",
                               "en": "Region folder to write (default: <region folder>-enquete)."},
}
