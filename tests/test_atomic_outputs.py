"""Outputs are replaced all at once: a run killed while it writes leaves the complete old set or the complete new set.

The kill is made deterministic by a small wrapper that runs the real CLI in a child process
with one function wrapped to stop (sleep) at a chosen moment and say so in a file; the test
then sends SIGKILL, exactly like a coordinator's Ctrl-C that did not get through or a
laptop whose battery ran out.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import run_cli
from ecosystem.io import outputs

ANALYSE_SET = {"map.html", "report.html", "map.png", "target.png", "numbers.png", "actors.csv", "actors.xlsx", "layers.csv",
               "summary.json", "network.graphml", "network.gexf", "kumu.xlsx", "slides.pptx"}
FAST = ("--bootstrap", "0", "--null-samples", "5")

# Runs `ecosystem <args>` with a pause at the chosen moment: 'writing' stops after the first
# CSV is written into the temporary folder; 'swap' forces the two-rename swap (no renameat2)
# and stops between its renames, after the old set was moved aside.
WRAPPER = r'''
import os, sys, time
from pathlib import Path
import ecosystem.io.outputs as outputs
mode, signal_file, args = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]

def pause(what):
    signal_file.write_text(what)
    time.sleep(600)

if mode == "writing":
    original = outputs.write_csv
    def write_csv(path, table):
        result = original(path, table)
        pause(str(path))
        return result
    outputs.write_csv = write_csv
elif mode == "swap":
    outputs._renameat2 = lambda: None
    original_rename = os.rename
    def rename(a, b):
        original_rename(a, b)
        if str(b).endswith(".old"):
            pause(str(b))
    outputs.os.rename = rename
from ecosystem.cli import main
main(args)
'''


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def _run_killed(tmp_path: Path, mode: str, *args) -> None:
    """Start the CLI in a child process, wait until it pauses at ``mode``, and SIGKILL it."""
    flag = tmp_path / f"paused-{mode}"
    script = tmp_path / "wrapper.py"
    script.write_text(WRAPPER)
    proc = subprocess.Popen([sys.executable, str(script), mode, str(flag), *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 180
    while not flag.exists():
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it paused: {proc.stderr.read().decode()}")
        assert time.monotonic() < deadline, "the run never reached the pause"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL


def _add_relation(region: Path) -> None:
    """A new relation: the next run gives different outputs."""
    with open(region / "relations.csv", "a", encoding="utf-8") as fh:
        fh.write("uwv;los;samenwerking;2;;\n")


def _relations(folder: Path) -> int:
    return json.loads((folder / "summary.json").read_text(encoding="utf-8"))["relations"]


def test_killed_while_writing_leaves_the_old_set(region_copy, tmp_path):
    region, out = region_copy("small"), tmp_path / "out"
    assert run_cli("analyse", region, "--out", out, *FAST).exit_code == 0
    target = out / "small"
    old = _snapshot(target)
    assert set(old) == ANALYSE_SET
    _add_relation(region)

    _run_killed(tmp_path, "writing", "analyse", region, "--out", out, *FAST)
    # The old set, byte for byte; the unfinished new set is only in the temporary folder beside it.
    assert _snapshot(target) == old
    leftovers = [p for p in out.iterdir() if p.name.startswith(".small.tmp-")]
    assert len(leftovers) == 1 and 0 < len(list(leftovers[0].iterdir())) < len(ANALYSE_SET)

    # The next run replaces the whole set and removes the leftover.
    result = run_cli("analyse", region, "--out", out, *FAST)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["small"]
    new = _snapshot(target)
    assert set(new) == ANALYSE_SET and all(new[name] != old[name] for name in ("actors.csv", "summary.json"))
    assert _relations(target) == _relations_in(region)


def _relations_in(region: Path) -> int:
    lines = (region / "relations.csv").read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines[1:] if line.strip())


def test_killed_between_the_two_renames_is_completed_by_the_next_run(region_copy, tmp_path):
    """Without renameat2: killed after the old set was moved aside, the complete new set is moved in."""
    region, out = region_copy("small"), tmp_path / "out"
    assert run_cli("analyse", region, "--out", out, *FAST).exit_code == 0
    target = out / "small"
    old = _snapshot(target)
    _add_relation(region)

    _run_killed(tmp_path, "swap", "analyse", region, "--out", out, *FAST)
    assert not target.exists()
    aside, ready = out / ".small.old", out / ".small.new"
    assert _snapshot(aside) == old and set(_snapshot(ready)) == ANALYSE_SET

    outputs.recover(target)             # what any later run does first
    assert sorted(p.name for p in out.iterdir()) == ["small"]
    assert set(_snapshot(target)) == ANALYSE_SET and _relations(target) == _relations_in(region)


def test_interrupted_swap_without_a_complete_new_set_is_undone(tmp_path):
    """Only the old set moved aside (the new one never became complete): it is moved back."""
    target = tmp_path / "small"
    aside = tmp_path / ".small.old"
    aside.mkdir()
    (aside / "summary.json").write_text("{}")
    unfinished = tmp_path / ".small.tmp-999999999"       # a process id that does not run
    unfinished.mkdir()
    (unfinished / "map.html").write_text("<half")
    outputs.recover(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["small"]
    assert (target / "summary.json").read_text() == "{}"


def test_the_exchange_is_atomic_on_linux(tmp_path):
    """On Linux the swap is one renameat2(RENAME_EXCHANGE): both folders exist at every moment."""
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux only; elsewhere the two-rename swap is used (tested above)")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    (a / "x").write_text("new")
    (b / "x").write_text("old")
    assert outputs._exchange(a, b)
    assert (b / "x").read_text() == "new" and (a / "x").read_text() == "old"


def test_a_folder_with_the_users_own_files_is_not_replaced(region_copy, tmp_path):
    region, out = region_copy("small"), tmp_path / "out"
    (out / "small").mkdir(parents=True)
    (out / "small" / "notities.docx").write_text("mine")
    result = run_cli("analyse", region, "--out", out, *FAST)
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"fout: uitvoermap {out / 'small'} bevat bestanden die ecosystem niet schreef (notities.docx). Elke run "
        "vervangt de map in zijn geheel: verplaats die bestanden, of kies met --out een andere map."]
    assert sorted(p.name for p in (out / "small").iterdir()) == ["notities.docx"]


@pytest.mark.parametrize("inside", ["regio", "regio/sub"])
def test_out_inside_the_region_folder_is_refused(region_copy, tmp_path, monkeypatch, inside):
    region = region_copy("small")
    before = _snapshot(region)
    monkeypatch.chdir(tmp_path)
    result = run_cli("analyse", "small", "--out", f"small/{inside}", *FAST)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "ligt in of rond de invoermap small" in lines[0]
    assert _snapshot(region) == before


def test_out_around_the_region_folder_is_refused(tmp_path, region_copy):
    """outputs/small/small analysed with --out outputs: replacing outputs/small would take the data with it."""
    import shutil
    from conftest import FIXTURES
    region = tmp_path / "outputs" / "small" / "small"
    shutil.copytree(FIXTURES / "small", region)
    result = run_cli("analyse", region, "--out", tmp_path / "outputs", *FAST)
    assert result.exit_code == 2 and "ligt in of rond de invoermap" in result.output
    assert (region / "actors.csv").exists()
