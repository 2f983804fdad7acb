"""--anonymise (issue 12.4): no organisation's name or id in any output; results identical up to renaming."""
from __future__ import annotations

import csv
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
    with open(path, newline="", encoding="utf-8") as fh:
        return {row["original_id"]: row for row in csv.DictReader(fh)}


@pytest.fixture(scope="module", params=sorted(REGIONS))
def runs(request, tmp_path_factory):
    """The same region analysed with names and with --anonymise."""
    out = tmp_path_factory.mktemp("anon")
    source = REGIONS[request.param]
    for extra in ((), ("--anonymise",)):
        result = run_cli("analyse", source, "--out", out, *FAST, *extra)
        assert result.exit_code == 0, result.output
    return source, out, out / source.name, out / f"{source.name}-anoniem", result.output


def test_key_beside_the_outputs_folder_and_said_where(runs):
    source, out, _, anon, output = runs
    key_file = out / f"{anon.name}-sleutel.csv"
    assert key_file.is_file()
    assert not any(p.name.endswith("sleutel.csv") for p in anon.rglob("*"))
    assert str(key_file) in output
    region = load_region(source)
    key = _key(key_file)
    assert set(key) == {a.id for a in region.actors}
    assert {row["original_name"] for row in key.values()} == {a.name for a in region.actors}
    # "Onderwijs 3" / "onderwijs-3": group word and a number, numbered per group by original id order.
    for actor in region.actors:
        row = key[actor.id]
        assert re.fullmatch(r"[A-Z][a-z]+ \d+", row["name"]) and row["id"] == row["name"].lower().replace(" ", "-")
    by_group = {}
    for actor in sorted(region.actors, key=lambda a: a.id):
        by_group.setdefault(actor.group, []).append(int(key[actor.id]["name"].split()[-1]))
    assert all(numbers == list(range(1, len(numbers) + 1)) for numbers in by_group.values())


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


def test_results_identical_up_to_renaming(runs):
    source, out, named, anon, _ = runs
    key = _key(out / f"{anon.name}-sleutel.csv")
    new = {old: row["id"] for old, row in key.items()}
    a = json.loads((named / "summary.json").read_text(encoding="utf-8"))
    b = json.loads((anon / "summary.json").read_text(encoding="utf-8"))
    assert {new[i] for i in a["core"]} == set(b["core"])
    assert [(new[c["id"]], c["score"], c["parts"]) for c in a["orchestrators"]] == \
        [(c["id"], c["score"], c["parts"]) for c in b["orchestrators"]]
    assert {new[i]: p for i, p in a["stability"]["core_probability"].items()} == b["stability"]["core_probability"]
    assert [d["status"] for d in a["diagnosis"]] == [d["status"] for d in b["diagnosis"]]
    assert a["groups"] == b["groups"]
    with open(named / "actors.csv", encoding="utf-8") as fa, open(anon / "actors.csv", encoding="utf-8") as fb:
        rows_a = {r["id"]: r for r in csv.DictReader(fa)}
        rows_b = {r["id"]: r for r in csv.DictReader(fb)}
    assert set(rows_b) == set(new.values())
    for old, row in rows_a.items():
        other = rows_b[new[old]]
        assert other["type"] == ""
        for column in ("coreness", "orchestrator_score", "betweenness", "core", "community"):
            assert row[column] == other[column], (old, column)


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
    key_file = tmp_path / "small-anoniem-key.csv"
    assert f"do not share: {key_file}" in result.output
    key = _key(key_file)
    region = load_region(FIXTURES / "small")
    labels = {"government": "Government", "employers": "Employers", "workers": "Workers",
              "education": "Education", "intermediaries": "Intermediaries", "other": "Other"}
    for actor in region.actors:
        assert key[actor.id]["name"].rsplit(" ", 1)[0] == labels[actor.group]
    summary = json.loads((tmp_path / "small-anoniem" / "summary.json").read_text(encoding="utf-8"))
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
    assert "schaal" in note and set(re.findall(r"[A-Z][a-z]+ \d+", note)) - {"Onderwijs 3"} == expected


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
        'name = "Stad (illustratief)"\nsource = "Gegevens van de gemeente"\nnote = "Dit is een voorbeeld."\n'
        '[en]\nname = "Town (illustrative)"\nsource = "Data from the municipality"\nnote = "This is an example."\n',
        encoding="utf-8")
    result = run_cli("analyse", region, "--out", tmp_path / "out", "--lang", "en", "--bootstrap", "0",
                     "--null-samples", "5", "--anonymise")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "out" / "stad-anoniem"
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
    assert summary["region"] == "Stad (illustratief)" and summary["source"] == ""
    for path in folder.iterdir():
        for text in ([] if path.suffix == ".png" else _texts(path)):
            assert "municipality" not in text and "gemeente" not in text, path.name
            assert path.name == "summary.json" or ("illustratief" not in text and "voorbeeld" not in text), path.name
