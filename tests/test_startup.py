"""Issue 10: `ecosystem --help` and `ecosystem validate` import only what they need.

Checked in a fresh interpreter (a subprocess), since this test process has long imported
everything: after each command, none of the heavy libraries that only analysis and output
writing use may have been imported. Timings belong in bench/, not here; what is pinned is the
import structure that makes the start fast.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BRABANT = Path(__file__).resolve().parents[1] / "regions" / "brabant"
HEAVY = ("pandas", "igraph", "matplotlib", "pptx", "scipy", "networkx", "openpyxl", "xlsxwriter", "numba")

SCRIPT = """
import json, sys
from click.testing import CliRunner
from ecosystem.cli import main
result = CliRunner().invoke(main, sys.argv[1:])
loaded = sorted({{m.split('.')[0] for m in sys.modules}} & set(json.loads({heavy!r})))
print(json.dumps({{"exit": result.exit_code, "loaded": loaded}}))
"""


@pytest.mark.parametrize("args", [["--help"], ["validate", str(BRABANT)]])
def test_light_commands_import_no_heavy_library(args):
    script = SCRIPT.format(heavy=json.dumps(HEAVY))
    done = subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, check=True)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["exit"] == 0
    assert report["loaded"] == []


def test_analyse_draws_the_pngs_without_igraph_importing_pyplot(tmp_path):
    """igraph imports matplotlib.pyplot for plotting the command never does (0.2-0.3 s of every start):
    ``ecosystem analyse`` imports igraph without it, and still draws its PNGs with matplotlib's Agg canvas."""
    script = SCRIPT.format(heavy=json.dumps(["matplotlib"])).replace(
        "print(json.dumps({", "print(json.dumps({'pyplot': 'matplotlib.pyplot' in sys.modules, ")
    done = subprocess.run([sys.executable, "-c", script, "analyse", str(BRABANT), "--out", str(tmp_path),
                           "--bootstrap", "0", "--null-samples", "1", "--quiet"],
                          capture_output=True, text=True, check=True, env={**os.environ, "ECOSYSTEM_WORKERS": "1"})
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["exit"] == 0
    assert report["loaded"] == ["matplotlib"] and report["pyplot"] is False
    png = (tmp_path / "brabant" / "map.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000


def test_the_command_ends_without_tearing_down_but_with_its_status_and_every_line(tmp_path):
    """`ecosystem` (cli.run) ends the process once main is done, skipping the interpreter's teardown:
    the exit status is main's (0, 2 for data problems), every line printed reaches a pipe, the exit
    handlers ran (one registered by the process is called) and the outputs are complete."""
    script = ("import atexit, sys\n"
              "atexit.register(lambda: sys.stderr.write('handler ran\\n'))\n"
              "from ecosystem.cli import run\n"
              "run()\n")
    env = {**os.environ, "ECOSYSTEM_WORKERS": "1"}
    done = subprocess.run([sys.executable, "-c", script, "analyse", str(BRABANT), "--out", str(tmp_path),
                           "--bootstrap", "0", "--null-samples", "1", "--quiet"], capture_output=True, text=True,
                          env=env)
    assert done.returncode == 0, done.stderr
    assert str(tmp_path / "brabant") in done.stdout
    assert Path(done.stdout.rstrip().splitlines()[-1].strip()).is_file()     # the last line (a file), in full
    assert done.stderr.rstrip().endswith("handler ran")
    summary = json.loads((tmp_path / "brabant" / "summary.json").read_text(encoding="utf-8"))
    assert summary["actors"] == 86
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "actors.csv").write_text("id,name,group\na,A,government\na,B,employers\n", encoding="utf-8")
    (bad / "relations.csv").write_text("source,target,type\na,zz,collaboration\n", encoding="utf-8")
    failed = subprocess.run([sys.executable, "-m", "ecosystem", "validate", str(bad)], capture_output=True,
                            text=True, env=env)
    assert failed.returncode == 2
    assert len([line for line in failed.stderr.splitlines() if "actors.csv" in line or "relations.csv" in line]) >= 2


def test_render_and_write_stages_import_neither_scipy_numba_nor_pandas(tmp_path):
    """The command's process renders and writes an analysis computed on another process (api._analysed):
    from the pickled analysis, with its resampling's intervals (Stability.bounds, computed where the
    analysis was), every document is written without importing scipy or numba (the analysis's own
    libraries, 0.1-0.5 s each to import), as with `ecosystem analyse` on Brabant; nor pandas (0.3-0.6 s:
    the tables are written from typed columns, io.columns)."""
    import pickle

    from ecosystem import api

    analysis = api.analyse_loaded(api.load(BRABANT), bootstrap=5, null_samples=2)
    assert analysis.stability is not None and analysis.extras.by_region is not None
    (tmp_path / "analysis.pickle").write_bytes(pickle.dumps(analysis))
    script = (
        "import json, pickle, sys\n"
        "from ecosystem.cli import _igraph_without_pyplot\n"
        "_igraph_without_pyplot()\n"
        "from ecosystem import api\n"
        f"analysis = pickle.loads(open({str(tmp_path / 'analysis.pickle')!r}, 'rb').read())\n"
        f"folder, files = api.write(api.render(analysis), {str(tmp_path / 'out')!r}, analysis.region.path)\n"
        "print(json.dumps({'files': len(files), 'loaded': sorted({m.split('.')[0] for m in sys.modules} & {'scipy', 'numba', 'pandas'})}))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          env={**os.environ, "ECOSYSTEM_WORKERS": "1"})
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report == {"files": 13, "loaded": []}
    summary = json.loads((tmp_path / "out" / "brabant" / "summary.json").read_text(encoding="utf-8"))
    assert summary["stability"]["samples"] == 5 and summary["by_region"]["West-Brabant"]["stability"] is not None
