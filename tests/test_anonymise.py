"""--anonymise (issue 12.4): no organisation's name or id in any output; results identical up to renaming."""
from __future__ import annotations

import csv
import hashlib
import html
import json
import re
import shutil
import zipfile

import pytest

from conftest import FIXTURES, ROOT, run_cli
from ecosystem.anonymise import mentions
from ecosystem.io.region import load_region

FAST = ("--bootstrap", "20", "--null-samples", "10")
REGIONS = {"brabant": ROOT / "regions" / "brabant", "small": FIXTURES / "small"}


def _texts(path):
    """Every text an output file holds: each part of a workbook or presentation (zip files), else the file."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            raw = [z.read(n) for n in z.namelist() if not n.startswith(("ppt/media/", "xl/media/"))]
    elif path.suffix == ".html":
        # Code (<script> without a type: the bundled map library, where a word like 'has' is a method name)
        # holds no data; the data is the page's text and its JSON payload (<script type="application/json">).
        raw = [re.sub(r"<script>.*?</script>", "", path.read_text(encoding="utf-8"), flags=re.S).encode()]
    else:
        raw = [path.read_bytes()]
    texts = []
    for blob in raw:
        text = blob.decode("utf-8", errors="replace")
        # \uXXXX escapes (JSON) and HTML/XML character references, so 'é' and "'" are found however written.
        decoded = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        texts += [text, html.unescape(decoded)]
    return texts


def _key(path):
    """The key's actor rows by original id (the rows after them, the folder's name and region.toml's withheld
    texts, have no original id)."""
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["original_id"]: row for row in csv.DictReader(fh) if row["original_id"]}


def _numbers(actors, seed=0):
    """The stated numbering (anonymise.numbered), recomputed: per group, by SHA-256 of the id salted with the
    SHA-256 of the seed and every (id, name, group) in id order."""
    content = json.dumps([seed, sorted((a.id, a.name, a.group) for a in actors)], ensure_ascii=False)
    salt = hashlib.sha256(content.encode("utf-8")).hexdigest()
    numbers, groups = {}, {}
    for actor in sorted(actors, key=lambda a: hashlib.sha256(f"{salt}:{a.id}".encode()).hexdigest()):
        groups[actor.group] = groups.get(actor.group, 0) + 1
        numbers[actor.id] = groups[actor.group]
    return numbers


@pytest.fixture(scope="module", params=sorted(REGIONS))
def runs(request, tmp_path_factory):
    """The same region analysed with names and with --anonymise."""
    out = tmp_path_factory.mktemp("anon")
    source = REGIONS[request.param]
    for extra in ((), ("--anonymise",)):
        result = run_cli("analyse", source, "--out", out, *FAST, *extra)
        assert result.exit_code == 0, result.output
    return source, out, out / source.name, out / "anoniem", result.output


def test_key_beside_the_outputs_folder_and_said_where(runs):
    source, out, _, anon, output = runs
    key_file = out / f"{anon.name}-sleutel.csv"
    assert key_file.is_file()
    assert not any(p.name.endswith("sleutel.csv") for p in anon.rglob("*"))
    assert str(key_file) in output
    # the line on the withheld folder name names the key file as it is written, not 'anoniem'
    said = [line for line in output.splitlines() if "de naam van de regiomap wordt zonder namen niet getoond" in line]
    assert said and all(f"de sleutel '{key_file.name}'" in line for line in said), said
    region = load_region(source)
    key = _key(key_file)
    assert set(key) == {a.id for a in region.actors}
    assert {row["original_name"] for row in key.values()} == {a.name for a in region.actors}
    # "Onderwijs 3" / "onderwijs-3": group word and a number, numbered per group by the seeded permutation.
    numbers = _numbers(region.actors)
    for actor in region.actors:
        row = key[actor.id]
        assert re.fullmatch(r"[A-Z][a-z]+ \d+", row["name"]) and row["id"] == row["name"].lower().replace(" ", "-")
        assert int(row["name"].split()[-1]) == numbers[actor.id], actor.id


def test_no_name_or_id_in_any_output(runs):
    source, _, named, anon, output = runs
    region = load_region(source)
    files = sorted(p for p in anon.iterdir() if p.suffix != ".png")
    assert {p.name for p in files} >= {"map.html", "report.html", "slides.pptx", "actors.csv", "actors.xlsx",
                                       "layers.csv", "summary.json", "network.graphml", "network.gexf", "kumu.xlsx"}
    names = sorted({a.name.strip() for a in region.actors}, key=len, reverse=True)
    for path in files:
        texts = _texts(path)
        for name in names:
            assert not any(name.lower() in text.lower() for text in texts), (path.name, name)
        for actor in region.actors:
            # Whole ids in a quoted, JSON, XML-attribute or element context: 'gem' inside 'Gemeente' is no hit.
            pattern = re.compile(r"""["'>=]""" + re.escape(actor.id) + r"""["'<&]""")
            assert not any(pattern.search(text) for text in texts), (path.name, actor.id)
    # The same searches find them in the named outputs: the search itself can fail.
    named_texts = [t for p in named.iterdir() if p.suffix != ".png" for t in _texts(p)]
    assert all(any(n.lower() in t.lower() for t in named_texts) for n in names)
    # The terminal summary (shown to the coordinator only) names no organisation either.
    assert not any(n in output.split("sleutel")[0] for n in names if len(n) > 3)


def test_pictures_draw_only_anonymous_labels(runs):
    """PNG text is not searchable: check what the PNGs are drawn from (the analysis' actor names)."""
    from ecosystem.api import analyse

    source, out, *_ = runs
    result = analyse(source, out=out / "again", bootstrap=0, null_samples=10, anonymise=True)
    original = {a.name for a in load_region(source).actors} | {a.id for a in load_region(source).actors}
    drawn = {a.name for a in result.analysis.region.actors} | {a.id for a in result.analysis.region.actors}
    assert not drawn & original
    assert all(not a.type and not a.extra for a in result.analysis.region.actors)
    assert all(not r.note and not r.extra for r in result.analysis.region.relations)


# actors.csv columns the analysis computes without a random stream or a tie broken by vertex order: the same
# per organisation, named or anonymous (the anonymous region is the same network in another vertex order).
SAME = ("degree", "strength", "in_degree", "out_degree", "betweenness", "closeness", "eigenvector", "coreness", "core",
        "kcore", "orchestrator_reach", "orchestrator_bridging", "orchestrator_mandate", "at_governance_table",
        "effective_size", "constraint", "brokerage_coordinator", "brokerage_itinerant", "brokerage_gatekeeper",
        "brokerage_representative", "brokerage_liaison", "orchestrator_centre", "orchestrator_score")
# The orchestrator score's centre part is the coreness of the steering ties between groups, which in Brabant has
# one dominant hub (docs/methods.md §5): reported as the model's limit (the hub 1, every other actor 0), not as
# what the iteration left when it stopped, which depended on the vertex order (it agreed to 1e-2 only).
# The coreness and what is made of it agree to 1e-8 of the largest coreness (1), not to the last digits: the
# iteration stops within its tolerance of the optimum, where the other order of its sums leads it (methods §18).
FROM_CORENESS = {"coreness": 1e-8, "orchestrator_centre": 1e-8, "orchestrator_score": 1e-8}


def _number(value):
    try:
        return float(value)
    except ValueError:
        return value


def test_results_identical_up_to_renaming(runs):
    """Every number that does not depend on the vertex order is the same per organisation (the key mapped
    back). What does (docs/methods.md §18) is not compared: the resamples' and null models' random streams
    (core_probability*, orchestrator_rank_p05/p95, stability), the communities' labels and seeded partition,
    and the order of equal orchestrator scores (orchestrator_rank on ties)."""
    source, out, named, anon, _ = runs
    key = _key(out / f"{anon.name}-sleutel.csv")
    new = {old: row["id"] for old, row in key.items()}
    a = json.loads((named / "summary.json").read_text(encoding="utf-8"))
    b = json.loads((anon / "summary.json").read_text(encoding="utf-8"))
    assert {new[i] for i in a["core"]} == set(b["core"])
    assert {new[c["id"]]: c["score"] for c in a["orchestrators"]} == \
        pytest.approx({c["id"]: c["score"] for c in b["orchestrators"]}, rel=1e-9, abs=1e-8)
    for c, d in zip(sorted(a["orchestrators"], key=lambda c: new[c["id"]]), sorted(b["orchestrators"], key=lambda c: c["id"])):
        assert c["parts"] == pytest.approx(d["parts"], rel=1e-9, abs=1e-8)
    assert [d["status"] for d in a["diagnosis"]] == [d["status"] for d in b["diagnosis"]]
    assert a["groups"] == b["groups"]
    with open(named / "actors.csv", encoding="utf-8") as fa, open(anon / "actors.csv", encoding="utf-8") as fb:
        rows_a = {r["id"]: r for r in csv.DictReader(fa)}
        rows_b = {r["id"]: r for r in csv.DictReader(fb)}
    assert set(rows_b) == set(new.values())
    for old, row in rows_a.items():
        other = rows_b[new[old]]
        assert other["type"] == ""
        for column in SAME:
            x, y = _number(row[column]), _number(other[column])
            assert x == (y if isinstance(y, str) else pytest.approx(y, rel=1e-9, abs=FROM_CORENESS.get(column, 1e-12))), \
                (old, column)


def test_outputs_in_the_order_of_the_anonymous_numbers(runs):
    """The anonymous tables list the organisations by group and number, not in the original ids' order, and the
    network view is not the named map's drawing renamed (its layout follows the vertex order)."""
    from ecosystem.vocab import GROUPS

    source, out, named, anon, _ = runs
    key = _key(out / f"{anon.name}-sleutel.csv")
    group_of = {a.id: a.group for a in load_region(source).actors}
    with open(anon / "actors.csv", encoding="utf-8") as fh:
        rows = [(row["id"], row["group"]) for row in csv.DictReader(fh)]
    by_new = {row["id"]: old for old, row in key.items()}
    expected = sorted(rows, key=lambda r: (GROUPS.index(group_of[by_new[r[0]]]), int(r[0].rsplit("-", 1)[1])))
    assert rows == expected
    # the original ids in the anonymous order are not in alphabetical order within every group
    within = {}
    for new_id, _ in rows:
        within.setdefault(group_of[by_new[new_id]], []).append(by_new[new_id])
    assert any(ids != sorted(ids) for ids in within.values())

    def positions(folder):
        text = (folder / "map.html").read_text(encoding="utf-8")
        data = json.loads(html.unescape(re.search(r'<script type="application/json" id="data">(.*?)</script>',
                                                  text, re.S).group(1)))
        return {n["id"]: (n["x"], n["y"]) for n in data["payload"]["nodes"] if "x" in n}
    drawn, renamed = positions(named), positions(anon)
    moved = [old for old, row in key.items() if old in drawn and drawn[old] != renamed.get(row["id"])]
    assert moved


def test_illustrative_note_kept_source_dropped(runs):
    source, _, named, anon, _ = runs
    a = json.loads((named / "summary.json").read_text(encoding="utf-8"))
    b = json.loads((anon / "summary.json").read_text(encoding="utf-8"))
    assert b["note"] == a["note"] and b["source"] == ""
    if source.name == "brabant":
        assert "illustratie" in b["note"]


def test_a_note_naming_an_organisation_is_dropped(tmp_path):
    from ecosystem.anonymise import anonymise_region
    from dataclasses import replace

    region = load_region(FIXTURES / "small")
    named = replace(region, meta=replace(region.meta, note="Gegevens van UWV Stad, 2024."))
    assert anonymise_region(named).region.meta.note == ""
    plain = replace(region, meta=replace(region.meta, note="Illustratief voorbeeld."))
    assert anonymise_region(plain).region.meta.note == "Illustratief voorbeeld."
    assert mentions("bij gem aan tafel", ["gem"]) and not mentions("Gemeente", ["gem"])


def test_english_names_and_key_file(tmp_path):
    result = run_cli("analyse", FIXTURES / "small", "--out", tmp_path, "--lang", "en", "--bootstrap", "0",
                     "--null-samples", "5", "--anonymise")
    assert result.exit_code == 0, result.output
    key_file = tmp_path / "anoniem-key.csv"
    assert f"do not share: {key_file}" in result.output
    assert "are called 'anoniem', the key 'anoniem-key.csv'" in result.output, result.output
    key = _key(key_file)
    region = load_region(FIXTURES / "small")
    labels = {"government": "Government", "employers": "Employers", "workers": "Workers",
              "education": "Education", "intermediaries": "Intermediaries", "other": "Other"}
    for actor in region.actors:
        assert key[actor.id]["name"].rsplit(" ", 1)[0] == labels[actor.group]
    summary = json.loads((tmp_path / "anoniem" / "summary.json").read_text(encoding="utf-8"))
    assert {c["name"] for c in summary["orchestrators"]} <= {row["name"] for row in key.values()}


def _source_actors(source):
    """The region's actors as the coordinator typed them (pandas, not the package's reader)."""
    import pandas as pd

    sep = ";" if (source / "actors.csv").read_text(encoding="utf-8-sig").splitlines()[0].count(";") else ","
    table = pd.read_csv(source / "actors.csv", sep=sep, dtype=str, encoding="utf-8-sig").fillna("")
    return table.rename(columns={"naam": "name", "groep": "group", "schaal": "scale", "regio": "region"})


SCALE_WORDS = ("lokaal", "regionaal", "provinciaal", "landelijk", "nationaal",
               "local", "regional", "provincial", "national")


def test_no_scale_in_any_output(runs):
    """The scale singles out an organisation with its group and region (the one regional government of an
    arbeidsmarktregio): no output holds it, as none holds the type."""
    source, _, named, anon, _ = runs
    typed = _source_actors(source)
    assert typed["scale"].str.strip().ne("").any()
    with open(anon / "actors.csv", encoding="utf-8") as fh:
        assert {row["scale"] for row in csv.DictReader(fh)} == {""}
    # A scale word as a whole value (quoted, a JSON/XML/cell value): found in the named outputs, in none of these.
    value = re.compile(r"""["'>](""" + "|".join(SCALE_WORDS) + r""")["'<]""", re.I)
    for path in sorted(p for p in anon.iterdir() if p.suffix != ".png"):
        assert not any(value.search(text) for text in _texts(path)), path.name
    assert any(value.search(t) for p in named.iterdir() if p.suffix != ".png" for t in _texts(p))


def test_recognisable_organisations_said_by_anonymous_name(runs):
    """Who is the only one of their group with their arbeidsmarktregio('s), recomputed from actors.csv: named
    (anonymously) in the terminal and in the report's note on the anonymisation, and no one else."""
    source, out, _, anon, output = runs
    typed = _source_actors(source)
    key = _key(out / f"{anon.name}-sleutel.csv")
    # the group as the key's name gives it (the typed word may be a synonym: 'intermediair', 'Intermediairs')
    group = typed["id"].str.strip().map(lambda i: key[i]["name"].rsplit(" ", 1)[0])
    shown = group + "/" + typed["region"].map(lambda r: "|".join(sorted(set(r.split("|")))))
    counts = shown.value_counts()
    alone = typed[(typed["region"] != "") & shown.map(counts).eq(1)]["id"].str.strip()
    expected = {key[i]["name"] for i in alone}
    assert expected                      # both regions have such an organisation
    line = next(x for x in output.splitlines() if "verbergt niet wie" in x)
    assert set(re.findall(r"[A-Z][a-z]+ \d+", line)) == expected
    report = html.unescape((anon / "report.html").read_text(encoding="utf-8"))
    note = re.search(r"<strong>Zonder namen:</strong>(.*?)</p>", report, re.S).group(1)
    from ecosystem.catalogue import text
    note = note.replace(text("report.anonymised", "nl"), "")      # its example 'Onderwijs 3' is no one
    assert "schaal" in text("report.anonymised", "nl") and set(re.findall(r"[A-Z][a-z]+ \d+", note)) == expected


def test_data_warnings_name_the_anonymous_label(runs):
    """The terminal's warnings about the data (an actor without relations) name the actor by its number."""
    source, out, _, anon, output = runs
    key = _key(out / f"{anon.name}-sleutel.csv")
    isolated = [w.params["value"] for w in load_region(source).warnings if w.key == "isolated"]
    assert isolated
    for actor in isolated:
        assert f"actor '{key[actor]['name']}'" in output
        assert f"'{actor}'" not in output


def test_english_region_texts_kept(tmp_path):
    """region.toml's [en] table gives the anonymous run its name and note in English, as the named run; its
    source goes in every language."""
    from pptx import Presentation

    region = tmp_path / "stad"
    shutil.copytree(FIXTURES / "small", region)
    (region / "region.toml").write_text(
        'name = "Voorbeeldregio (illustratief)"\nsource = "Gegevens van de gemeente"\nnote = "Dit is een voorbeeld."\n'
        '[en]\nname = "Town (illustrative)"\nsource = "Data from the municipality"\nnote = "This is an example."\n',
        encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--lang", "en", "--bootstrap", "0",
                     "--null-samples", "5", "--anonymise")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "anoniem"
    assert "Town (illustrative)" in result.output and "This is an example." in result.output
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["text"] == {"region": "Town (illustrative)", "period": "", "source": "",
                               "note": "This is an example."}
    report = html.unescape((folder / "report.html").read_text(encoding="utf-8"))
    assert "Town (illustrative)" in report and "This is an example." in report
    first = "\n".join(shape.text_frame.text for shape in Presentation(folder / "slides.pptx").slides[0].shapes
                      if shape.has_text_frame)
    assert "Town (illustrative)" in first
    # summary.json keeps region.toml's main texts beside its "text" object (as the named run does); the source
    # goes from both, and every page a reader opens is in English.
    assert summary["region"] == "Voorbeeldregio (illustratief)" and summary["source"] == ""
    for path in folder.iterdir():
        for text in ([] if path.suffix == ".png" else _texts(path)):
            assert "municipality" not in text and "gemeente" not in text, path.name
            assert path.name == "summary.json" or ("illustratief" not in text and "voorbeeld" not in text), path.name


# --- twente: region.toml texts, roles and warnings that give organisations away -----------------------------

TWENTE = FIXTURES / "twente"
NAMING_TOML = '''name = "LLO-netwerk Twente en Achterhoek (Gemeente Enschede)"
arbeidsmarktregios = ["Twente", "Achterhoek"]
period = "2024, opgesteld in Hengelo"
source = "Gegevens van het Leerwerkloket Twente"
note = "Opgesteld door de regieafdeling van Enschede; voorlopig."

[en]
name = "Graafschap and partners network"
period = "2024 (uwv)"
note = "Drafted by Enschede's coordination team; provisional."
'''


def _all_texts(folder):
    return [t for p in sorted(folder.iterdir()) if p.suffix != ".png" for t in _texts(p)]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_region_texts_naming_an_organisation_are_replaced(tmp_path, lang):
    """region.toml's name, period and note, in every language, are replaced when they hold an actor's name, id or
    a distinctive word of a name ('Enschede', 'Hengelo', 'Graafschap', 'uwv'); the key lists them and the
    terminal says so. A text that names no one (the [en] name in the second run) is kept."""
    region = tmp_path / "twente"
    shutil.copytree(TWENTE, region)
    (region / "region.toml").write_text(NAMING_TOML, encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--lang", lang, *FAST, "--anonymise")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "anoniem"
    neutral = {"nl": "Regio (geanonimiseerd)", "en": "Region (anonymised)"}[lang]
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["region"] == neutral and summary["period"] == "" and summary["note"] == ""
    assert summary["text"]["region"] == neutral and summary["text"]["period"] == ""
    for word in ("Enschede", "Hengelo", "Graafschap", "regieafdeling"):
        assert not any(word.lower() in text.lower() for text in _all_texts(folder)), word
        assert word not in result.output.split("Sleutel")[0].split("Key (")[0], word
    # what the pictures draw: the analysis' region texts
    from ecosystem.api import analyse
    again = analyse(region, out=tmp_path / "again", lang=lang, bootstrap=0, null_samples=5, anonymise=True)
    meta = again.analysis.region.meta
    texts = [meta.name, meta.period, meta.note] + [v for t in meta.translations.values() for v in t.values()]
    assert not any(word in t for t in texts for word in ("Enschede", "Hengelo", "Graafschap", "uwv"))
    # the key: one row per replaced text, with the original
    with open(tmp_path / "out" / f"anoniem-{'sleutel' if lang == 'nl' else 'key'}.csv", encoding="utf-8") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh) if row["id"].startswith("region.toml")}
    places = {"region.toml: name", "region.toml: period", "region.toml: note", "region.toml: [en] period",
              "region.toml: [en] note", "region.toml: [en] name"}
    assert set(rows) == places
    assert rows["region.toml: name"]["name"] == neutral and rows["region.toml: note"]["name"] == ""
    assert rows["region.toml: note"]["original_name"] == "Opgesteld door de regieafdeling van Enschede; voorlopig."
    # the terminal: one line per replaced text
    said = [line for line in result.output.splitlines() if line.startswith(("Let op: region.toml", "Note: region.toml"))]
    assert len(said) == len(places)
    # A text naming no one stays: the arbeidsmarktregio ('Twente') and generic words ('netwerk') name no one.
    (region / "region.toml").write_text(NAMING_TOML.replace("Graafschap and partners network", "LLO network Twente"),
                                        encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out2", "--lang", "en", *FAST, "--anonymise")
    summary = json.loads((tmp_path / "out2" / "anoniem" / "summary.json").read_text(encoding="utf-8"))
    assert summary["text"]["region"] == "LLO network Twente"


def test_roles_not_shown(tmp_path):
    """The role ('regie' tells who the centrumgemeente is) is in no anonymous output, nor the reasons that say it,
    and the report's note says that it does not count (test_roles_not_counted_so_not_recoverable: the numbers)."""
    from ecosystem.catalogue import text

    out = tmp_path / "out"
    for extra in ((), ("--anonymise",)):
        result = run_cli("analyse", TWENTE, "--out", out, *FAST, *extra)
        assert result.exit_code == 0, result.output
    named, anon = out / "twente", out / "anoniem"
    role_words = [text(f"reason_role_{r}", "nl") for r in ("orchestrator", "lead", "secretariat")]
    role_values = [text(f"role.{r}", "nl") for r in ("orchestrator", "lead", "secretariat", "member")]
    found = [t for t in _all_texts(named)]
    assert any(w in t for t in found for w in role_words)               # the search can fail
    assert any(f'"{v}"' in t for t in found for v in role_values)
    for path in sorted(anon.iterdir()):
        for t in ([] if path.suffix == ".png" else _texts(path)):
            assert not any(w in t for w in role_words), path.name
            assert not any(f'"{v}"' in t or f">{v}<" in t for v in role_values), path.name
            assert "attr_role" not in t and '"Rol"' not in t, path.name
    summary = json.loads((anon / "summary.json").read_text(encoding="utf-8"))
    for c in summary["orchestrators"]:
        assert c["mandate"]["role"] is None and "role" not in c["mandate"]["signals"]
        assert not any(r["code"].startswith("role_") for r in c["reasons"])
    report = html.unescape((anon / "report.html").read_text(encoding="utf-8"))
    note = re.search(r"<strong>Zonder namen:</strong>(.*?)</p>", report, re.S).group(1)
    assert "rol," in note and "de rol telt ook niet mee in het mandaat" in note


def test_numbering_independent_of_row_order_and_seeded(tmp_path):
    """The same data and seed number the organisations alike whatever the row order; another seed numbers them
    otherwise (brabant: 18 organisations in some groups)."""
    def key_of(region, out, *extra):
        result = run_cli("analyse", region, "--out", out, "--bootstrap", "0", "--null-samples", "5", "--anonymise",
                         *extra)
        assert result.exit_code == 0, result.output
        return {old: row["name"] for old, row in _key(out / "anoniem-sleutel.csv").items()}
    region = tmp_path / "brabant"
    shutil.copytree(REGIONS["brabant"], region)
    first = key_of(region, tmp_path / "a")
    lines = (region / "actors.csv").read_text(encoding="utf-8-sig").splitlines()
    (region / "actors.csv").write_text("\n".join([lines[0]] + lines[:0:-1]) + "\n", encoding="utf-8")
    assert key_of(region, tmp_path / "b") == first
    assert key_of(region, tmp_path / "c", "--seed", "7") != first


def test_outputs_say_they_are_anonymous(tmp_path, monkeypatch):
    """summary.json ('anonymised', 'recognisable'), the map, the title slide and the pictures' subtitles say the
    outputs are without names; the named run's do not."""
    from pptx import Presentation

    from ecosystem.catalogue import text
    from ecosystem.render import static_png

    drawn = tmp_path / "titles.txt"
    original = static_png._title

    def recorded(fig, title, note):         # the write stage may draw in forked workers: a file, not a list
        with open(drawn, "a", encoding="utf-8") as fh:
            fh.write(f"{title}\t{note}\n")
        original(fig, title, note)
    monkeypatch.setattr(static_png, "_title", recorded)
    for lang in ("nl", "en"):
        line = f"{text('report.anonymised_label', lang)}: {text('report.anonymised', lang)}"
        for extra in ((), ("--anonymise",)):
            drawn.write_text("", encoding="utf-8")
            out = tmp_path / lang / ("anon" if extra else "named")
            result = run_cli("analyse", TWENTE, "--out", out, "--lang", lang, "--bootstrap", "0",
                             "--null-samples", "5", *extra)
            assert result.exit_code == 0, result.output
            folder = out / ("anoniem" if extra else "twente")
            summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
            page = html.unescape((folder / "map.html").read_text(encoding="utf-8"))
            first = "\n".join(shape.text_frame.text for shape in Presentation(folder / "slides.pptx").slides[0].shapes
                              if shape.has_text_frame)
            titles = drawn.read_text(encoding="utf-8").splitlines()
            assert len(titles) >= 3                  # map.png, target.png, numbers.png
            if extra:
                said = [n for n in re.findall(r"[A-Z][a-z]+ \d+", result.output.split("verbergt niet wie")[-1]
                                              .split("\n")[0])] if lang == "nl" else None
                assert summary["anonymised"] is True and summary["recognisable"]
                if said is not None:
                    assert summary["recognisable"] == said
                assert line in page and line in first and all(line in t for t in titles)
            else:
                assert summary["anonymised"] is False and summary["recognisable"] == []
                assert line not in page and line not in first and not any(line in t for t in titles)


def test_spelling_warnings_keep_row_and_column_without_names(tmp_path):
    """'GEM_ENS' for 'gem_ens': the anonymous run's warning says where (row, column) and that the value is an id
    written otherwise, and prints neither spelling nor the anonymous name twice as if they differed."""
    region = tmp_path / "warn"
    shutil.copytree(TWENTE, region)
    with open(region / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("GEM_ENS,VNO,governance,2,2015,,\n")
    named = run_cli("analyse", region, "--out", tmp_path / "a", "--bootstrap", "0", "--null-samples", "5")
    anon = run_cli("analyse", region, "--out", tmp_path / "b", "--bootstrap", "0", "--null-samples", "5",
                   "--anonymise")
    assert named.exit_code == anon.exit_code == 0
    assert "'GEM_ENS' gelezen als id 'gem_ens'" in named.output            # the warning exists
    lines = [line for line in anon.output.splitlines() if "rij 17" in line and "id uit actors.csv" in line]
    assert {re.search(r"kolom '(\w+)'", line).group(1) for line in lines} == {"source", "target"}
    for line in lines:
        assert "relations.csv, rij 17" in line and "hoofd- en kleine letters" in line
        assert not re.search(r"'[A-Z][a-z]+ \d+'", line) and "GEM_ENS" not in line and "VNO" not in line


# --- short names, the folder's name and the roles (review of --anonymise) ---------------------------------------

def _png_texts(blob):
    """The text chunks (tEXt, zTXt, iTXt) of a PNG: keyword and value, as matplotlib or anyone may write them."""
    import struct
    import zlib

    texts, at = [], 8
    while at + 8 <= len(blob):
        length, kind = struct.unpack(">I4s", blob[at:at + 8])
        data = blob[at + 8:at + 8 + length]
        if kind == b"tEXt":
            texts.append(data.decode("latin-1"))
        elif kind == b"zTXt":
            keyword, _, rest = data.partition(b"\0")
            texts.append(keyword.decode("latin-1") + " " + zlib.decompress(rest[1:]).decode("latin-1"))
        elif kind == b"iTXt":
            keyword, _, rest = data.partition(b"\0")
            compressed, rest = rest[0], rest[2:]
            _, _, rest = rest.partition(b"\0")              # language tag
            _, _, text = rest.partition(b"\0")              # translated keyword
            texts.append(keyword.decode("latin-1") + " " + (zlib.decompress(text) if compressed else text).decode())
        at += 12 + length
    return texts


def _every_text_of_blob(blob):
    """The texts of one file's bytes: a PNG's text chunks, else the whole text (an HTML page with its code: a
    comment in the map's code named 'Gemeente Enschede'), also with JSON escapes and HTML references decoded."""
    if blob[:8] == b"\x89PNG\r\n\x1a\n":
        return _png_texts(blob)
    text = blob.decode("utf-8", errors="replace")
    decoded = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    return [text, html.unescape(decoded)]


def _every_text(path):
    """Every text an output file holds, PNGs included: each member of a zip (workbook, presentation: the PNGs in it
    too), else the file."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            return [t for n in z.namelist() for t in _every_text_of_blob(z.read(n))]
    return _every_text_of_blob(path.read_bytes())


def _found(word, texts):
    """Whether ``word`` is in one of ``texts`` as a whole word, whatever its case."""
    pattern = re.compile(r"(?<![^\W_])" + re.escape(word) + r"(?![^\W_])", re.I)
    return any(pattern.search(t) for t in texts)


# Actors added to the Twente fixture: names whose only distinctive words are short (CNV, Oss) and whose ids are
# not those words, so that a note naming them by those words is caught by the words of the name alone.
SHORT_ACTORS = "cnv_vak,CNV Vakmensen,werkenden,vakbond,regionaal,Twente,lid,,\n" \
               "gem_oss,Gemeente Oss,overheid,gemeente,lokaal,Twente,lid,,\n"
SHORT_RELATIONS = "cnv_vak,vno,collaboration,1,2020,,\ngem_oss,gem_ens,collaboration,1,2020,,\n"
# region.toml without a name (so the folder's), naming organisations by abbreviations and short names only
SHORT_TOML = '''arbeidsmarktregios = ["Twente", "Achterhoek"]
period = "2024 (met NCW)"
note = "Gegevens van ROC, UWV en FNV; afgestemd met CNV en de gemeente Oss."

[en]
note = "Data from ROC, UWV and FNV; agreed with CNV and the municipality of Oss."
'''


def _enschede(tmp_path):
    """The Twente fixture in a folder called 'enschede' (a town: the folder's name says whose data it is), with
    the short-named actors and SHORT_TOML."""
    region = tmp_path / "enschede"
    shutil.copytree(TWENTE, region)
    with open(region / "actors.csv", "a", encoding="utf-8") as fh:
        fh.write(SHORT_ACTORS)
    with open(region / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write(SHORT_RELATIONS)
    (region / "region.toml").write_text(SHORT_TOML, encoding="utf-8")
    return region


def _name_tokens(region):
    """The words of the actors' names that say who they are, found independently of anonymise.naming_words: every
    abbreviation (2 or more letters, all capitals: ROC, UWV, FNV, VNO, NCW, CNV), every capitalised word of 3
    letters (Oss), and every word of 4 or more letters that is neither an arbeidsmarktregio's nor a kind or place
    in general (Gemeente, College, Oost, Midden)."""
    general = {"gemeente", "college", "oost", "midden"}
    shown = {w.lower() for r in region.meta.arbeidsmarktregios for w in re.findall(r"[^\W\d_]+", r)}
    tokens = set()
    for actor in region.actors:
        for word in re.findall(r"[^\W\d_]+", actor.name):
            if (len(word) >= 2 and word.isupper()) or (len(word) == 3 and word[0].isupper()) or \
                    (len(word) >= 4 and word.lower() not in general | shown):
                tokens.add(word.lower())
    return tokens


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_name_word_nor_folder_name_in_any_output(tmp_path, lang):
    """No word of an organisation's name (abbreviations of 2-3 letters included: 'met ROC, UWV en FNV'), and not
    the region folder's name ('enschede'), in any output: not in any file's text (every member of the workbooks
    and the presentation, the PNGs' text chunks), not in a file's or the outputs folder's name, not in the key's
    name. The folder's name and the texts that named someone are in the key, and the terminal says where the
    outputs and the key are, and that the name shown is the folder's replaced (region.toml gives none)."""
    region = _enschede(tmp_path)
    loaded = load_region(region)
    tokens = _name_tokens(loaded)
    assert {"roc", "uwv", "fnv", "vno", "ncw", "cnv", "oss", "enschede", "thales"} <= tokens
    out = tmp_path / "out"
    named = run_cli("analyse", region, "--out", tmp_path / "named", "--lang", lang, *FAST)
    result = run_cli("analyse", region, "--out", out, "--lang", lang, *FAST, "--anonymise")
    assert named.exit_code == 0 and result.exit_code == 0, result.output
    # the search can fail: the named outputs hold the note's words and the folder's name
    named_texts = [t for p in (tmp_path / "named" / "enschede").iterdir() for t in _every_text(p)]
    assert all(_found(w, named_texts) for w in ("roc", "uwv", "fnv", "ncw", "cnv", "oss", "enschede"))
    # nothing in out/ carries the folder's name; one outputs folder, and the key beside it
    entries = sorted(out.rglob("*"))
    assert not [p for p in entries if "enschede" in str(p.relative_to(out)).lower()]
    folders = [p for p in out.iterdir() if p.is_dir()]
    assert len(folders) == 1
    folder = folders[0]
    key_file = out / f"{folder.name}-{'sleutel' if lang == 'nl' else 'key'}.csv"
    assert key_file.is_file() and not any("sleutel" in p.name or "key" in p.name for p in folder.iterdir())
    for path in sorted(folder.iterdir()):
        texts = _every_text(path)
        assert texts or path.suffix == ".png", path.name          # a PNG may hold no text chunk
        for word in sorted(tokens | {"enschede"}):
            assert not _found(word, texts), (path.name, word)
        for actor in loaded.actors:
            assert not _found(actor.id, texts) and not _found(actor.name, texts), (path.name, actor.id)
    # the PNG text search can fail: a PNG with a text chunk (these have none: static_png writes no metadata)
    import io

    import matplotlib.pyplot as plt
    figure, buffer = plt.figure(), io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Title": "Enschede"})
    plt.close(figure)
    assert _found("enschede", _every_text_of_blob(buffer.getvalue()))
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["folder"] == folder.name
    # the key holds the folder's name and the withheld texts, with where they were
    with open(key_file, newline="", encoding="utf-8") as fh:
        rows = {row["id"]: row for row in csv.DictReader(fh)}
    assert rows["folder"]["original_name"] == "enschede" and rows["folder"]["name"] == folder.name
    assert rows["folder: name"]["original_name"] == "enschede"
    assert "region.toml: name" not in rows
    assert {"region.toml: period", "region.toml: note", "region.toml: [en] note"} <= set(rows)
    # the terminal: where the outputs and the key are; the name's line says it was the folder's, not region.toml's
    assert f"{'Uitvoer in' if lang == 'nl' else 'Outputs in'} {folder}:" in result.output
    assert str(key_file) in result.output
    assert "region.toml, name" not in result.output
    assert ("de naam van de regio is die van de regiomap" if lang == "nl" else
            "the region's name is the region folder's") in result.output


def test_a_name_from_region_toml_naming_no_one_is_kept_and_said_so(tmp_path):
    """A region.toml name that names no organisation stays, and the withheld lines say 'region.toml, <where>' for
    region.toml's texts only (the folder's line says the folder)."""
    region = _enschede(tmp_path)
    (region / "region.toml").write_text('name = "LLO-netwerk Twente"\n' + SHORT_TOML, encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out", *FAST, "--anonymise")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "anoniem" / "summary.json").read_text(encoding="utf-8"))
    assert summary["region"] == "LLO-netwerk Twente" and summary["folder"] == "anoniem"
    notes = [line for line in result.output.splitlines() if line.startswith("Let op: region.toml")]
    assert sorted(re.search(r"region.toml, ([^:]+):", line).group(1) for line in notes) == ["[en] note", "note", "period"]
    assert "de naam van de regio is die van de regiomap" not in result.output


def test_naming_words_rule():
    """The rule of anonymise.naming_words: abbreviations and short capitalised names (ROC, HvA, AA, Oss), words of
    4+ letters that are not general, whole names and ids; not Dutch or English small words ('de', 'van', 'VAN' in a
    name in capitals, 'De'), nor an arbeidsmarktregio's words."""
    from ecosystem.anonymise import naming_words
    from ecosystem.model import Actor

    actors = [Actor(id="a1", name="ROC VAN TWENTE", group="onderwijs"), Actor(id="a2", name="De Hogeschool HvA",
              group="onderwijs"), Actor(id="a3", name="Gemeente Oss", group="overheid"),
              Actor(id="a4", name="ROC Ter AA", group="onderwijs"), Actor(id="sbb", name="SBB", group="intermediairs")]
    words = naming_words(actors, ["Twente"])
    for text in ("Gegevens van ROC", "met de HvA", "uit Oss", "bij de aa", "via sbb", "namens a3"):
        assert mentions(text, words), text
    for text in ("Gegevens van de gemeente en het onderwijs", "De regio Twente", "Een hogeschool ter plaatse",
                 "Data of the region and its partners"):
        assert not mentions(text, words), text


def test_roles_not_counted_so_not_recoverable(tmp_path):
    """The mandate part is the mean of its signals, and the tables and funding signals can be recomputed from the
    outputs: had it counted the roles, they could be worked back. The anonymous run does not count them: its
    mandate parts and scores are those of the named data without the role column (per organisation, through the
    key), which differ from those with it; no output names the role signal."""
    out = tmp_path / "out"
    bare = tmp_path / "twente"
    shutil.copytree(TWENTE, bare)
    lines = (bare / "actors.csv").read_text(encoding="utf-8").splitlines()
    column = lines[0].split(",").index("rol")
    (bare / "actors.csv").write_text("\n".join(",".join(c for i, c in enumerate(line.split(",")) if i != column)
                                               for line in lines) + "\n", encoding="utf-8")
    for source, where in ((TWENTE, out / "roles"), (bare, out / "bare"), (TWENTE, out / "anon")):
        extra = ("--anonymise",) if where.name == "anon" else ()
        result = run_cli("analyse", source, "--out", where, *FAST, *extra)
        assert result.exit_code == 0, result.output

    def rows(folder):
        with open(folder / "actors.csv", encoding="utf-8") as fh:
            return {r["id"]: r for r in csv.DictReader(fh)}
    roles, bare_rows, anon = rows(out / "roles" / "twente"), rows(out / "bare" / "twente"), rows(out / "anon" / "anoniem")
    key = _key(out / "anon" / "anoniem-sleutel.csv")
    assert any(roles[i]["orchestrator_mandate"] != bare_rows[i]["orchestrator_mandate"] for i in roles)
    # the score less its centre part (the steering network's coreness, which the roles do not change); the
    # mandate part is a third of the rest
    def rest(row):
        return float(row["orchestrator_score"]) - float(row["orchestrator_centre"]) / 3
    for old, row in bare_rows.items():
        other = anon[key[old]["id"]]
        assert float(other["orchestrator_mandate"]) == pytest.approx(float(row["orchestrator_mandate"]), abs=1e-9), old
        assert rest(other) == pytest.approx(rest(row), abs=1e-9), old
    summary = json.loads((out / "anon" / "anoniem" / "summary.json").read_text(encoding="utf-8"))
    assert "role" not in summary["orchestrator_weights"]["mandate_signals"]
    assert "role" in json.loads((out / "roles" / "twente" / "summary.json").read_text(encoding="utf-8"))[
        "orchestrator_weights"]["mandate_signals"]


def test_another_regions_anonymous_outputs_not_replaced(tmp_path):
    """Every anonymous run writes to OUT/anoniem/: a second region folder analysed anonymously into the same --out
    is refused before the work, naming whose outputs are there (the key's folder row), and they stay as they were;
    the same folder again (in either language) replaces its own."""
    region = _enschede(tmp_path)
    out = tmp_path / "out"
    first = run_cli("analyse", region, "--out", out, "--lang", "en", *FAST, "--anonymise")
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in (out / "anoniem").iterdir()}
    other = run_cli("analyse", TWENTE, "--out", out, *FAST, "--anonymise")
    assert other.exit_code != 0
    assert "regiomap 'enschede'" in other.output and str(out / "anoniem-key.csv") in other.output
    assert {p.name: p.read_bytes() for p in (out / "anoniem").iterdir()} == before
    assert not (out / "anoniem-sleutel.csv").exists()
    again = run_cli("analyse", region, "--out", out, *FAST, "--anonymise")
    assert again.exit_code == 0, again.output
    assert (out / "anoniem-sleutel.csv").is_file()
    # another --out takes the other region
    assert run_cli("analyse", TWENTE, "--out", tmp_path / "out2", *FAST, "--anonymise").exit_code == 0
