"""Compile annotation sheets into the project's stand-off gold corpus.

Annotators write sheets (shared/spec/annotate.py syntax: mentions named by their
text) against excerpt text files; the sheets hold filing text, so they stay outside
the repository. This script compiles them with the shared `annotate.py`, checks every
excerpt against its lee8k source (offsets and SHA-256), and writes
`corpus/annotations.jsonl` (stand-off, no text) and `corpus/manifest.json` (splits).

    python -m training.compile_sheets SHEETS_DIR --excerpts EXCERPTS.jsonl

`EXCERPTS.jsonl` lists the excerpts (`file`, `id`, `source_id`, `start`, `end`,
`sha256`, `company`, `accepted`, `items`), as written by `training.excerpts`.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import typer

from sec_events.documents import read_jsonl, write_jsonl
from sec_events.paths import shared_dir
from training.corpus import ANNOTATIONS, MANIFEST, make_splits, sha256, source_texts, to_standoff


def load_annotate(shared: Path | None = None):
    """The shared spec's annotate.py as a module (it is the reference compiler)."""
    path = shared_dir(shared) / "spec" / "annotate.py"
    spec = importlib.util.spec_from_file_location("shared_annotate", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ABBREVIATION_END = re.compile(r"(?:\b(?:Inc|Corp|Co|Ltd|Jr|Sr|Bros|Cos|Intl|Mfg)|\b(?:[A-Za-z]{1,3}\.)+[A-Za-z]{1,3})$",
                              re.I)


def settle(record: dict) -> dict:
    """Settled readings applied after compiling (corpus/GUIDELINES.md): an ORG or
    PERSON span that ends in an abbreviation (`Inc`, `N.V`, `Jr`) takes the
    abbreviation's period (`Alcoa Inc.`), as in the seed gold, also where that period
    ends the sentence. Event arguments pointing at the span move with it."""
    text = record["text"]
    moved = {}
    for span in record["spans"]:
        if (span["label"] in ("ORG", "PERSON") and text[span["end"]:span["end"] + 1] == "."
                and ABBREVIATION_END.search(text[span["start"]:span["end"]])):
            moved[(span["start"], span["end"])] = span["end"] + 1
            span["end"] += 1
    for event in record["events"]:
        for arg in event["args"]:
            arg["end"] = moved.get((arg["start"], arg["end"]), arg["end"])
    return record


def compile_dir(sheets: Path, excerpts: Path, shared: Path | None = None) -> list[dict]:
    annotate = load_annotate(shared)
    by_file = {e["file"]: e for e in read_jsonl(excerpts)}
    sources = source_texts(shared, {e["source_id"] for e in by_file.values()})
    out = []
    for sheet_path in sorted(sheets.glob("*.json")):
        info = by_file.get(sheet_path.stem + ".txt")
        if info is None:
            raise SystemExit(f"{sheet_path}: no excerpt listed for it in {excerpts}")
        source = sources[info["source_id"]]["text"][info["start"]:info["end"]]
        if sha256(source) != info["sha256"]:
            raise SystemExit(f"{sheet_path}: text differs from {info['source_id']}[{info['start']}:{info['end']}]")
        # the sheet is compiled against the lee8k text itself, not a copy on disk
        sheet = {**json.loads(sheet_path.read_text(encoding="utf-8")), "text": source}
        record = settle(annotate.compile_sheet(sheet, sheet_path.parent))
        record["id"] = info["id"]
        record["meta"] = {"ticker": info["company"], "accepted": info["accepted"],
                          "items": info["items"], "category": info["category"]}
        out.append(to_standoff(record, info["source_id"], info["start"]))
    return out


def main(sheets: Path, excerpts: Path = typer.Option(..., help="Excerpt list (JSONL)."),
         output: Path = typer.Option(ANNOTATIONS, help="Stand-off annotations to write."),
         manifest: Path = typer.Option(MANIFEST, help="Split manifest to write."),
         shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED")) -> None:
    records = compile_dir(sheets, excerpts, shared)
    write_jsonl(records, output)
    if manifest:
        manifest.write_text(json.dumps(make_splits(records), indent=1) + "\n", encoding="utf-8")
    typer.echo(f"{len(records)} documents -> {output}")


if __name__ == "__main__":
    typer.run(main)
