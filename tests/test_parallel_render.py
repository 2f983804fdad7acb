"""Issue 10: the documents are written side by side in worker processes, with the same bytes.

``io.outputs.write_documents`` renders and writes independent documents in the process
pool (``ecosystem.parallel``); the slides, which embed the PNGs, start as soon as those are
written (``parallel.pool_graph``), their regions' pictures drawn from the start beside the PNGs
(``Document.prepare``).
Every file of ``analyse`` must be byte-identical with 1 or 2 workers (workbooks included:
they carry no clock time).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES


def _run(region: Path, out: Path, workers: int) -> Path:
    env = {**os.environ, "ECOSYSTEM_WORKERS": str(workers)}
    subprocess.run([sys.executable, "-m", "ecosystem", "analyse", str(region), "--out", str(out),
                    "--bootstrap", "6", "--null-samples", "5", "--quiet"], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return out / region.name


def test_every_file_is_identical_written_in_one_or_two_processes(tmp_path):
    one = _run(FIXTURES / "small", tmp_path / "one", 1)
    two = _run(FIXTURES / "small", tmp_path / "two", 2)
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir())
    assert {"actors.xlsx", "kumu.xlsx", "slides.pptx", "map.png", "report.html", "map.html"} <= set(names)
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_documents_are_written_in_worker_processes_and_dependents_after_their_source(tmp_path, monkeypatch):
    from ecosystem.io.outputs import Document, write_documents

    monkeypatch.setenv("ECOSYSTEM_WORKERS", "2")

    def writer(name, needs=None):
        def write(folder: Path) -> dict[str, Path]:
            # A dependent document finds its source complete (the slides read the PNGs).
            text = f"{os.getpid()} " + ((folder / needs).read_text() if needs else "")
            path = folder / name
            path.write_text(text)
            return {name: path}
        return write

    documents = {f"doc{k}": Document("", "files", writer(f"doc{k}")) for k in range(6)}
    documents["late"] = Document("", "files", writer("late", needs="doc0"), after="doc0")

    def with_prepared(folder: Path, prepared: str) -> dict[str, Path]:
        path = folder / "prepared"
        path.write_text(f"{prepared} {(folder / 'doc1').read_text()}")
        return {"prepared": path}

    documents["prepared"] = Document("", "files", with_prepared, after="doc1", prepare=lambda: str(os.getpid()))
    documents["text"] = Document("text.txt", "text", lambda: "rendered when written")
    region = tmp_path / "region"
    region.mkdir()
    target, files = write_documents(tmp_path / "out", "set", region, documents)
    assert list(files) == list(documents)                  # in the order given, whoever wrote them
    pids = {int((target / f"doc{k}").read_text().split()[0]) for k in range(6)}
    assert os.getpid() not in pids                         # the work left this process
    late = (target / "late").read_text().split()
    assert late[1:] == (target / "doc0").read_text().split()    # after its source, complete
    prepared = (target / "prepared").read_text().split()
    assert int(prepared[0]) != os.getpid()                  # prepared in a worker, beside the others
    assert prepared[1:] == (target / "doc1").read_text().split()
    assert (target / "text.txt").read_text() == "rendered when written"


def test_parts_of_a_document_are_separate_tasks_joined_in_order(tmp_path, monkeypatch):
    """A ``files`` document with a tuple of writers (the three PNGs) and a dependent one with a tuple
    of preparations (the regions' pictures): every part is a task of its own, in the worker processes,
    and the document's files and prepared results come back in the parts' order."""
    from ecosystem.io.outputs import Document, write_documents, write_plan

    monkeypatch.setenv("ECOSYSTEM_WORKERS", "2")

    def part(name):
        def write(folder: Path) -> dict[str, Path]:
            path = folder / name
            path.write_text(str(os.getpid()))
            return {name: path}
        return write

    def slides(name):
        def write(folder: Path, prepared: tuple) -> dict[str, Path]:
            path = folder / name
            path.write_text(" ".join(value for value, _ in prepared) + " | " + " ".join(pid for _, pid in prepared))
            return {name: path}
        return write

    def prepare(value):
        return lambda: (value, str(os.getpid()))

    names = [f"png{k}" for k in range(5)]
    documents = {"pngs": Document("", "files", tuple(part(n) for n in reversed(names))),
                 "slides": Document("", "files", slides("slides"), after="pngs",
                                    prepare=tuple(prepare(f"r{k}") for k in range(4))),
                 "none": Document("", "files", slides("none"), after="pngs", prepare=())}
    tasks, needs = write_plan(documents)
    pngs, prepared = [("write", "pngs", k) for k in range(5)], [("prepare", "slides", k) for k in range(4)]
    assert sorted(tasks) == sorted(pngs + prepared + [("write", "slides", 0), ("write", "none", 0)])
    assert tasks[:4] == prepared                                          # dearest first: the preparations
    assert needs == {("write", "slides", 0): pngs + prepared, ("write", "none", 0): pngs}
    region = tmp_path / "region"
    region.mkdir()
    target, files = write_documents(tmp_path / "out", "set", region, documents)
    assert list(files) == list(reversed(names)) + ["slides", "none"]  # parts in order, whoever wrote them
    assert (target / "none").read_text() == " | "                      # no preparation: an empty tuple
    pids = {int((target / n).read_text()) for n in names}
    assert os.getpid() not in pids
    values, _, workers = (target / "slides").read_text().partition(" | ")
    assert values.split() == ["r0", "r1", "r2", "r3"]                  # prepared results in the parts' order
    assert os.getpid() not in {int(pid) for pid in workers.split()}


def test_write_plan_hands_out_the_dear_tasks_first():
    """Tasks ready at once go out dearest first: preparations, pictures (``files``), documents rendered when
    written (a function as content: the map, the report, the workbooks), then data written as it is;
    else in the order given (a 1,000-actor map.html handed out last was the write stage's tail)."""
    from ecosystem.io.outputs import Document, write_plan

    documents = {"summary": Document("summary.json", "json", {}),
                 "map": Document("map.html", "text", lambda: ""),
                 "actors": Document("actors.csv", "csv", None),
                 "kumu": Document("kumu.xlsx", "xlsx", lambda: {}),
                 "pngs": Document("", "files", (lambda folder: {}, lambda folder: {})),
                 "slides": Document("", "files", lambda folder, done: {}, after="pngs", prepare=(lambda: 1,))}
    tasks, _ = write_plan(documents)
    assert tasks == [("prepare", "slides", 0), ("write", "pngs", 0), ("write", "pngs", 1), ("write", "slides", 0),
                     ("write", "map", 0), ("write", "kumu", 0), ("write", "summary", 0), ("write", "actors", 0)]


def test_the_two_views_computed_side_by_side_are_the_views_computed_here(monkeypatch):
    """From layout.SIDE_BY_SIDE_FROM actors the target and network views are computed on two forked
    processes at once: the same coordinates, to the bit, as one after the other in this process."""
    import numpy as np

    from ecosystem import api
    from ecosystem.render import layout

    analysis = api.analyse_loaded(api.load(FIXTURES.parents[1] / "regions" / "brabant"), bootstrap=0,
                                  null_samples=1, per_region=False)
    args = (analysis.network, analysis.coreness.coreness, analysis.core.core, analysis.seed)
    here = layout.compute_layout(*args)
    monkeypatch.setattr(layout, "SIDE_BY_SIDE_FROM", 2)
    monkeypatch.setenv("ECOSYSTEM_WORKERS", "2")
    calls = []
    real = layout._view
    monkeypatch.setattr(layout, "_view", lambda *a: calls.append(os.getpid()) or real(*a))
    side_by_side = layout.compute_layout(*args)
    assert calls == []                                   # not computed in this process: forked ones did
    assert np.array_equal(here.network, side_by_side.network) and np.array_equal(here.target, side_by_side.target)
    assert (here.ring_radii, here.sector_angles, here.sector_edges) == (
        side_by_side.ring_radii, side_by_side.sector_angles, side_by_side.sector_edges)


def _count_and_compute(log: Path) -> dict:
    """A shared value that notes where (and how often) it was computed."""
    with open(log, "a") as fh:
        fh.write(f"{os.getpid()}\n")
    return {"value": 42}


def test_a_shared_value_is_computed_once_as_a_task_and_given_to_every_document_that_reads_it(tmp_path, monkeypatch):
    """io.outputs.Shared (the layout the map, report and pictures read): one task, handed out first, computed once
    in one worker process; each document reading it gets that value in whichever process writes it; documents
    that do not read it do not wait for it; written on their own, the documents compute it themselves."""
    from functools import partial

    from ecosystem.io.outputs import Document, Shared, shared_values, write_documents, write_plan

    monkeypatch.setenv("ECOSYSTEM_WORKERS", "2")
    log = tmp_path / "computed"
    value = Shared("layout", partial(_count_and_compute, log))

    def reader(name):
        def write(folder: Path) -> dict[str, Path]:
            path = folder / name
            path.write_text(f"{value()['value']} {os.getpid()}")
            return {name: path}
        return write

    documents = {"a": Document("", "files", (reader("a1"), reader("a2")), reads=(value,)),
                 "b": Document("b.txt", "text", lambda: f"{value()['value']}", reads=(value,)),
                 "c": Document("c.txt", "text", "plain")}
    tasks, needs = write_plan(documents)
    assert tasks[0] == ("share", "layout", 0)
    assert needs == {("write", "a", 0): [("share", "layout", 0)], ("write", "a", 1): [("share", "layout", 0)],
                     ("write", "b", 0): [("share", "layout", 0)]}
    region = tmp_path / "region"
    region.mkdir()
    target, files = write_documents(tmp_path / "out", "set", region, documents)
    computed = log.read_text().split()
    assert len(computed) == 1 and int(computed[0]) != os.getpid()      # once, in a worker
    assert (target / "b.txt").read_text() == "42"
    assert {(target / n).read_text().split()[0] for n in ("a1", "a2")} == {"42"}
    assert (target / "c.txt").read_text() == "plain"
    # Written without the write stage (a caller rendering one document), the value is computed on first use.
    fresh = Shared("layout", partial(_count_and_compute, log))
    assert fresh() == {"value": 42} and len(log.read_text().split()) == 2
    with pytest.raises(ValueError, match="two shared values"):
        shared_values({"x": Document("", "text", "", reads=(value,)), "y": Document("", "text", "", reads=(fresh,))})
