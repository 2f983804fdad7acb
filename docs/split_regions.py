"""Write one region folder per arbeidsmarktregio of a provincial data set, for ``ecosystem compare``.

Usage (from the repository's root)::

    .venv/bin/python docs/split_regions.py regions/brabant

writes ``regions/west-brabant/``, ``regions/midden-brabant/``, ... beside the source folder:
each holds ``actors.csv`` (the actors whose ``region`` names that arbeidsmarktregio, one named in
several going into each, with ``region`` set to this one), ``relations.csv`` (the relations among them) and a ``region.toml`` with
the region's name and the source's period, source and note (also in its ``[en]`` table). The selection is the package's own
(:func:`ecosystem.analysis.by_region.sub_region`), so each folder is the network that
``ecosystem analyse <source> --region NAME`` analyses. The source folder is only read; a target
folder that exists is never overwritten (the script stops before writing anything).
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from ecosystem.analysis.by_region import region_names, slug, sub_region
from ecosystem.io.region import load_region

ACTOR_COLUMNS = ("id", "name", "group", "type", "scale", "region", "role")
RELATION_COLUMNS = ("source", "target", "type", "weight", "since", "until", "note", "steering")


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)


def _weight(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def split(source: Path) -> list[Path]:
    """Write the folders and return their paths."""
    region = load_region(source)
    names = region_names(region)
    if not names:
        sys.exit(f"{source}: no actor names an arbeidsmarktregio in the 'region' column; nothing to split")
    targets = {name: source.parent / slug(name) for name in names}
    existing = [str(p) for p in targets.values() if p.exists()]
    if existing:
        sys.exit(f"these folders exist and are not overwritten: {', '.join(existing)}")
    for name, target in targets.items():
        sub = sub_region(region, name)
        extra_a = sorted({k for a in sub.actors for k in a.extra})
        extra_r = sorted({k for r in sub.relations for k in r.extra})
        target.mkdir(parents=True)
        _write(target / "actors.csv", [*ACTOR_COLUMNS, *extra_a], [
            {"id": a.id, "name": a.name, "group": a.group, "type": a.type, "scale": a.scale,
             "region": name, "role": a.role, **a.extra} for a in sub.actors])
        _write(target / "relations.csv", [*RELATION_COLUMNS, *extra_r], [
            {"source": r.source, "target": r.target, "type": r.type, "weight": _weight(r.weight), "since": r.since,
             "until": r.until, "note": r.note, "steering": r.steering, **r.extra} for r in sub.relations])
        toml = [f"name = {json.dumps(name, ensure_ascii=False)}",
                f"arbeidsmarktregios = [{json.dumps(name, ensure_ascii=False)}]"]
        for key in ("period", "source", "note"):      # an illustrative data set stays marked as such
            if getattr(region.meta, key):
                toml.append(f"{key} = {json.dumps(getattr(region.meta, key), ensure_ascii=False)}")
        for lang, texts in sorted(region.meta.translations.items()):
            kept = {k: v for k, v in sorted(texts.items()) if k in ("period", "source", "note") and v}
            if kept:
                toml += ["", f"[{lang}]", *(f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in kept.items())]
        (target / "region.toml").write_text("\n".join(toml) + "\n", encoding="utf-8")
    return list(targets.values())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1].strip())
    for folder in split(Path(sys.argv[1])):
        print(folder)
