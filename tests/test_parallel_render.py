"""Issue 10: the documents are written side by side in worker processes, with the same bytes.

``io.outputs.write_documents`` renders and writes independent documents in the process
pool (``ecosystem.parallel``); the slides, which embed the PNGs, follow them in a second round,
their regions' pictures drawn in the first beside the PNGs (``Document.prepare``).
Every file of ``analyse`` must be byte-identical with 1 or 2 workers (workbooks included:
they carry no clock time).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

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
