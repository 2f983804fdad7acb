"""UI strings for the printable report (report.html) and the static PNG views.

Dutch is the default; English with ``lang="en"``.  Templates are trusted text
(they may hold simple markup such as ``<strong>``); every value filled into
them is escaped by the renderer (``markupsafe.Markup.format``).
"""
from __future__ import annotations

from ..i18n import table_strings


STRINGS: dict[str, dict[str, str]] = {
    "nl": {
        "doc_title": "Rapport LLO-ecosysteem {region}",
        "kicker": "Leven Lang Ontwikkelen · analyse van het regionale netwerk",
        "meta_region": "Regio",
        "meta_labour_regions": "Arbeidsmarktregio's",
        "meta_period": "Periode",
        "meta_source": "Bron",
        "meta_size": "Omvang",
        "meta_size_value": "{actors} organisaties, {relations} relaties",
        "note_label": "Let op",
        "toc": "Inhoud",
        # --- findings
        "findings": "Belangrijkste bevindingen",
        # --- the one-page summary (first printed page) and the appendix
        "onepage": "In één oogopslag",
        "op_orch": "Mogelijke orkestrators: <strong>{names}</strong>.",
        "op_attention": "De diagnose vraagt aandacht op <strong>{n} van de {total}</strong> punten: {titles}.",
        "op_attention_none": "Alle {total} punten van de diagnose zijn in orde.",
        "appendix": "Bijlage: de analyse in detail",
        "f_core": "Wie vormen de kern?",
        "f_core_text": "<strong>{n} van de {total}</strong> organisaties vormen samen de kern: ze hebben veel "
                       "verbindingen met elkaar. De overige {rest} staan in de periferie.",
        "f_core_more_large": "Per groep de organisaties die het dichtst bij het centrum staan; "
                             "de volledige lijst staat in actors.csv (kolom core).",
        "f_core_none": "Er is geen duidelijke kern gevonden.",
        "f_orch": "Wie kan het ecosysteem orkestreren?",
        "f_orch_text": "Kandidaten zitten in het centrum, verbinden de sleutelgroepen met elkaar en hebben een "
                       "mandaat: een plek aan de bestuurlijke tafels, geld of een formele rol. Waarom deze organisaties:",
        "sens_title": "Hangt de volgorde af van de weging?",
        "sens_text": "De score weegt centrum, bereik, verbinden en mandaat. De tabel toont de plaats van de {n} "
                     "sterkste kandidaten als één gewicht de helft lager (−50%) of hoger (+50%) is.",
        "sens_col_actor": "Organisatie",
        "sens_col_now": "Nu",
        "sens_first_holds": "<strong>{name}</strong> blijft bij elke verandering van de weging eerste.",
        "sens_first_changes": "De eerste plaats hangt af van de weging: {name} is niet meer eerste bij {changes}.",
        "part_centre": "centrum", "part_reach": "bereik", "part_bridging": "verbinden", "part_mandate": "mandaat",
        "f_orch_none": "Er is geen orkestratorkandidaat: het netwerk heeft geen relaties.",
        "orch_score": "score {score}",
        "orch_interval": "plaats in de herhalingen: {lo}–{hi}",
        "f_seat": "Welke sleutelgroepen missen een plek?",
        "f_seat_core": "Zonder plek in de kern: <strong>{groups}</strong>.",
        "f_seat_none": "Alle vier sleutelgroepen hebben een plek in de kern.",
        "seat_col_group": "Sleutelgroep",
        "seat_col_actors": "Organisaties",
        "seat_col_core": "In de kern",
        "seat_col_table": "Aan de tafels van de kern",
        "f_sure": "Hoe zeker is dit?",
        "sure_intro": "We hebben de analyse {samples} keer herhaald en daarbij telkens willekeurig {drop} van de "
                      "relaties weggelaten. Elke kans staat met een 95%-betrouwbaarheidsinterval: bij {samples} "
                      "herhalingen is de kans zelf nog onzeker.",
        "sure_covers": "Zo toetsen we wat er gebeurt als relaties of organisaties in de gegevens <em>ontbreken</em>. "
                       "Relaties die fout of verzonnen zijn, vangt deze toets niet op: controleer die in de gegevens zelf.",
        "sure_core": "<strong>{stable} van de {n}</strong> kernorganisaties zijn stabiel in de kern: het hele "
                     "95%-interval van hun kans ligt boven {thr}.",
        "sure_core_uncertain": "Twijfelgevallen (kans en 95%-interval): {names}.",
        "sure_core_actors": "Laten we in plaats van relaties telkens {drop} van de <em>organisaties</em> weg, dan blijven "
                            "<strong>{stable} van de {n}</strong> kernorganisaties stabiel in de kern.",
        "sure_top": "<strong>{name}</strong> staat in {share} van de herhalingen bovenaan als "
                    "orkestratorkandidaat ({verdict}).",
        "sure_test": "Toetsen op een kern: {p_density} vergeleken met {n_density} willekeurige netwerken met evenveel "
                     "relaties op willekeurige plaatsen (is er een kern?), en {p_degrees} vergeleken met {n_degrees} "
                     "willekeurige netwerken waarin elke organisatie evenveel relaties houdt (is de kern dichter dan "
                     "het aantal relaties van de leden verklaart?).",
        "sure_none": "Er is geen herhalingsanalyse uitgevoerd; de uitkomsten zijn niet op stabiliteit getoetst.",
        "sure_verdict": "<strong>{sentence}</strong>",
        "verdict_stable": "stabiel",
        "verdict_uncertain": "onzeker",
        # --- charts
        "chart_groups": "Aandeel in de kern per groep",
        "chart_groups_caption": "Welk deel van elke groep in de kern zit. Sleutelgroepen zijn vet gedrukt.",
        "chart_groups_value": "{in_core} van {actors} ({share})",
        "chart_hist": "Verdeling van de kernscore",
        "chart_hist_caption": "Hoeveel organisaties per kernscore (0 = helemaal aan de rand, 1 = midden in de kern). "
                              "Donker: kernorganisaties.",
        "chart_hist_x": "kernscore",
        "chart_hist_y": "aantal",
        "legend_core": "kern",
        "legend_periphery": "periferie",
        # --- target
        "target": "Het ecosysteem als schietschijf",
        "target_caption": "Kern in het midden, periferie aan de buitenkant; één taartpunt per groep. "
                          "Hoe groter de stip, hoe meer partners. Een donkere rand betekent: hoort bij de kern.",
        "target_caption_top": "De drie sterkste orkestratorkandidaten zijn met naam aangegeven.",
        "target_caption_numbers": "Elke andere organisatie draagt een nummer; de lijst onder de figuur geeft de naam.",
        "target_numbers": "Nummers in de figuur",
        "ring_core": "kern",
        "ring_periphery": "periferie",
        # --- diagnosis
        "diagnosis": "Diagnose in negen punten",
        "diagnosis_intro": "Elk punt toetst één kenmerk van een gezond ecosysteem.",
        "status_ok": "in orde",
        "status_attention": "aandacht",
        # --- top tables
        "tops": "Wie vallen op?",
        "tops_intro": "De tien hoogst scorende organisaties per maat. ● = hoort bij de kern.",
        "col_rank": "#",
        "col_actor": "Organisatie",
        "col_group": "Groep",
        "col_value": "Waarde",
        "col_core": "Kern",
        "measure_degree": "Aantal partners",
        "measure_degree_help": "Met hoeveel organisaties een organisatie direct verbonden is.",
        "measure_betweenness": "Makelaarspositie",
        "measure_betweenness_help": "Hoe vaak een organisatie op de kortste weg tussen twee andere ligt (tussenpositie).",
        "measure_coreness": "Kernscore",
        "measure_coreness_help": "Hoe dicht een organisatie bij het centrum van het netwerk zit (0 tot 1).",
        "measure_orchestrator": "Orkestratorscore",
        "measure_orchestrator_help": "Combineert een centrale positie, bereik over de sleutelgroepen, het "
                                     "verbinden van groepen en mandaat (bestuurlijke tafels, financiering, rol).",
        # --- layers
        "layers": "Per soort relatie",
        "layers_intro": "Wie centraal staat, hangt af van het soort relatie: aan de bestuurstafel zitten vaak "
                        "andere organisaties dan in de uitvoering. Per soort is een eigen kern berekend uit alleen "
                        "die relaties; daarin kunnen organisaties staan die niet in de kern van het hele netwerk zitten.",
        "col_relation": "Soort relatie",
        "col_relations": "Relaties",
        "col_active": "Betrokken",
        "col_core_size": "Omvang eigen kern",
        "col_core_members": "Eigen kern: alleen deze soort relatie",
        "layer_no_core": "te weinig relaties voor een kern",
        "layer_more": "+{n} andere",
        "supplier": "Centraal als leverancier, niet aan tafel",
        "supplier_text": "Deze organisaties staan centraal in de levering, maar zitten niet aan een bestuurlijke "
                         "tafel met de kern:",
        "supplier_none": "Geen: wie centraal levert, zit ook aan tafel.",
        # --- steering
        "steering": "Sturingsmix",
        "steering_intro": "Welke sturingsfilosofie (SCP 2024) de relaties uitdrukken, naar gewicht van de relaties.",
        "col_steering": "Sturingsvorm",
        "col_share": "Aandeel",
        "col_counted": "Welke relaties tellen mee, en waarom",
        "col_pair": "Tussen groepen",
        "col_weight": "Gewicht",
        "steering_pairs": "Per paar groepen",
        "steering_dominant": "Overheersend: <strong>{label}</strong>.",
        # --- about
        "about": "Over dit rapport",
        "about_text": "Kern en periferie volgens Borgatti &amp; Everett (1999); orkestratorscore uit centrale "
                      "positie, bereik, makelaarsrol en mandaat; stabiliteit door herhaald weglaten van relaties. Alle "
                      "uitkomsten volgen uit de ingevoerde relaties en zijn zo goed als die gegevens. Seed {seed}.",
        "none": "geen",
        # --- png
        "png_map_title": "Netwerk {region}",
        "png_target_title": "Ecosysteem {region}: kern en periferie",
        "png_core_marker": "kernorganisatie (donkere rand)",
        "png_size_note": "stipgrootte = aantal partners (verbonden organisaties)",
        "png_orch_key": "Sterkste orkestratorkandidaten",
        "png_numbers_title": "{region}: de nummers in map.png en target.png",
        "png_numbers_none": "Boven {limit} organisaties dragen de afbeeldingen geen nummers; actors.csv geeft alle namen.",
    },
    "en": {
        "doc_title": "LLO ecosystem report {region}",
        "kicker": "Lifelong learning (Leven Lang Ontwikkelen, LLO) · analysis of the regional network",
        "meta_region": "Region",
        "meta_labour_regions": "Labour market regions",
        "meta_period": "Period",
        "meta_source": "Source",
        "meta_size": "Size",
        "meta_size_value": "{actors} organisations, {relations} relations",
        "note_label": "Note",
        "toc": "Contents",
        "findings": "Key findings",
        # --- the one-page summary (first printed page) and the appendix
        "onepage": "At a glance",
        "op_orch": "Orchestrator candidates: <strong>{names}</strong>.",
        "op_attention": "The diagnosis calls for attention on <strong>{n} of the {total}</strong> points: {titles}.",
        "op_attention_none": "All {total} points of the diagnosis are in order.",
        "appendix": "Appendix: the analysis in detail",
        "f_core": "Who forms the core?",
        "f_core_text": "<strong>{n} of the {total}</strong> organisations together form the core: they are densely "
                       "tied to each other. The other {rest} sit in the periphery.",
        "f_core_more_large": "Per group the organisations closest to the centre; the full list is in "
                             "actors.csv (column core).",
        "f_core_none": "No clear core was found.",
        "f_orch": "Who could orchestrate the ecosystem?",
        "f_orch_text": "Candidates sit in the centre, link the key groups to each other and hold a mandate: a seat at "
                       "the governance tables, money or a formal role. Why these organisations:",
        "sens_title": "Does the order depend on the weighting?",
        "sens_text": "The score weighs centre, reach, bridging and mandate. The table shows the rank of the {n} "
                     "strongest candidates when one weight is half lower (−50%) or higher (+50%).",
        "sens_col_actor": "Organisation",
        "sens_col_now": "Now",
        "sens_first_holds": "<strong>{name}</strong> stays first under every change of the weighting.",
        "sens_first_changes": "The first place depends on the weighting: {name} is no longer first with {changes}.",
        "part_centre": "centre", "part_reach": "reach", "part_bridging": "bridging", "part_mandate": "mandate",
        "f_orch_none": "There is no orchestrator candidate: the network has no relations.",
        "orch_score": "score {score}",
        "orch_interval": "rank in the repeats: {lo}–{hi}",
        "f_seat": "Which key groups lack a seat?",
        "f_seat_core": "Without a seat in the core: <strong>{groups}</strong>.",
        "f_seat_none": "All four key groups have a seat in the core.",
        "seat_col_group": "Key group",
        "seat_col_actors": "Organisations",
        "seat_col_core": "In the core",
        "seat_col_table": "At the core's tables",
        "f_sure": "How sure are we?",
        "sure_intro": "We repeated the analysis {samples} times, each time leaving out a random {drop} of the "
                      "relations. Each probability comes with a 95% confidence interval: with {samples} repeats "
                      "the probability itself is still uncertain.",
        "sure_covers": "This tests what happens when relations or organisations are <em>missing</em> from the data. "
                       "It does not catch relations that are wrong or invented: check those in the data itself.",
        "sure_core": "<strong>{stable} of the {n}</strong> core organisations are stable in the core: the whole "
                     "95% interval of their probability lies above {thr}.",
        "sure_core_uncertain": "Borderline cases (probability and 95% interval): {names}.",
        "sure_core_actors": "Leaving out {drop} of the <em>organisations</em> instead of relations, "
                            "<strong>{stable} of the {n}</strong> core organisations stay stably in the core.",
        "sure_top": "<strong>{name}</strong> ranks first as orchestrator candidate in {share} of the repeats "
                    "({verdict}).",
        "sure_test": "Tests for a core: {p_density} compared with {n_density} random networks with as many "
                     "relations in random places (is there a core?), and {p_degrees} compared with {n_degrees} random "
                     "networks in which every organisation keeps its number of relations (is the core denser than its "
                     "members' numbers of relations explain?).",
        "sure_none": "No resampling analysis was run; the results have not been tested for stability.",
        "sure_verdict": "<strong>{sentence}</strong>",
        "verdict_stable": "stable",
        "verdict_uncertain": "uncertain",
        "chart_groups": "Share in the core per group",
        "chart_groups_caption": "Which part of each group sits in the core. Key groups are in bold.",
        "chart_groups_value": "{in_core} of {actors} ({share})",
        "chart_hist": "Distribution of coreness",
        "chart_hist_caption": "How many organisations per coreness (0 = at the very edge, 1 = in the middle of "
                              "the core). Dark: core organisations.",
        "chart_hist_x": "coreness",
        "chart_hist_y": "count",
        "legend_core": "core",
        "legend_periphery": "periphery",
        "target": "The ecosystem as a target",
        "target_caption": "Core in the middle, periphery outside; one slice per group. The larger the dot, the "
                          "more partners. A dark outline means: part of the core.",
        "target_caption_top": "The three strongest orchestrator candidates are named.",
        "target_caption_numbers": "Every other organisation carries a number; the list below the figure gives its name.",
        "target_numbers": "Numbers in the figure",
        "ring_core": "core",
        "ring_periphery": "periphery",
        "diagnosis": "Diagnosis in nine points",
        "diagnosis_intro": "Each point tests one feature of a healthy ecosystem.",
        "status_ok": "fine",
        "status_attention": "attention",
        "tops": "Who stands out?",
        "tops_intro": "The ten highest-scoring organisations per measure. ● = part of the core.",
        "col_rank": "#",
        "col_actor": "Organisation",
        "col_group": "Group",
        "col_value": "Value",
        "col_core": "Core",
        "measure_degree": "Number of partners",
        "measure_degree_help": "How many organisations an organisation is directly tied to (degree).",
        "measure_betweenness": "Broker position",
        "measure_betweenness_help": "How often an organisation lies on the shortest path between two others (betweenness).",
        "measure_coreness": "Coreness",
        "measure_coreness_help": "How close an organisation sits to the centre of the network (0 to 1).",
        "measure_orchestrator": "Orchestrator score",
        "measure_orchestrator_help": "Combines a central position, reach across the key groups, bridging "
                                     "between groups and mandate (governance tables, funding, role).",
        "layers": "Per relation type",
        "layers_intro": "Who is central depends on the kind of relation: the governance table often holds other "
                        "organisations than delivery does. Each type gets its own core, computed from those "
                        "relations alone; it may hold organisations that are not in the core of the whole network.",
        "col_relation": "Relation type",
        "col_relations": "Relations",
        "col_active": "Involved",
        "col_core_size": "Size of own core",
        "col_core_members": "Own core: this relation type only",
        "layer_no_core": "too few relations for a core",
        "layer_more": "+{n} others",
        "supplier": "Central as supplier, not at the table",
        "supplier_text": "These organisations are central in delivery but do not sit at a governance table with "
                         "the core:",
        "supplier_none": "None: whoever is central in delivery also sits at the table.",
        "steering": "Steering mix",
        "steering_intro": "Which steering philosophy (SCP 2024) the relations express, by relation weight.",
        "col_steering": "Steering philosophy",
        "col_counted": "Which relations count, and why",
        "col_share": "Share",
        "col_pair": "Between groups",
        "col_weight": "Weight",
        "steering_pairs": "Per pair of groups",
        "steering_dominant": "Dominant: <strong>{label}</strong>.",
        "about": "About this report",
        "about_text": "Core and periphery after Borgatti &amp; Everett (1999); orchestrator score from central "
                      "position, reach, brokerage and mandate; stability by repeatedly leaving out relations. All results "
                      "follow from the relations entered and are only as good as that data. Seed {seed}.",
        "none": "none",
        "png_map_title": "Network {region}",
        "png_target_title": "Ecosystem {region}: core and periphery",
        "png_core_marker": "core organisation (dark outline)",
        "png_size_note": "dot size = number of partners (organisations tied to)",
        "png_orch_key": "Strongest orchestrator candidates",
        "png_numbers_title": "{region}: the numbers in map.png and target.png",
        "png_numbers_none": "Above {limit} organisations the pictures carry no numbers; actors.csv lists every name.",
    },
}


def strings(lang: str | None) -> dict[str, str]:
    """The report strings for ``lang`` (:func:`ecosystem.i18n.table_strings`: unknown languages give Dutch)."""
    return table_strings(STRINGS, lang)
