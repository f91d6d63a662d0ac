"""The synthetic set: passages written for this project, in the style of 8-K bodies, EX-99
releases and 10-K/10-Q notes, of invented companies and people, annotated to SCHEMA v1.2.

    python -m training.synthetic compile      # corpus/synthetic/sheets/*.json -> corpus/synthetic/annotations.jsonl
    python -m training.synthetic check        # the sheets compile to the records on disk

They are training data only (`sec-events train --synthetic`, `training.crossval train
--synthetic`): their text is ours, so each sheet holds it (`text`), and the records keep it too;
no figure is ever measured on them. Written to teach the span classifier event forms and names
the real gold holds few of (corpus/synthetic/README.md says how they were made).
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from extractors.schema import LABELS, ROLES, VALUED
from sec_events.documents import read_jsonl, write_jsonl
from sec_events.paths import CORPUS_DIR
from training.compile_sheets import load_annotate, settle
from training.corpus import sha256

SYNTHETIC_DIR = CORPUS_DIR / "synthetic"
SHEETS = SYNTHETIC_DIR / "sheets"
SYNTHETIC_ANNOTATIONS = SYNTHETIC_DIR / "annotations.jsonl"

app = typer.Typer(help=__doc__.splitlines()[0], no_args_is_help=True)


class BadSheet(ValueError):
    """A sheet that does not compile into a valid record."""


def problems(record: dict) -> list[str]:
    """What is wrong with a compiled record: labels, values, types, roles, fillers."""
    out = []
    for s in record["spans"]:
        if s["label"] not in LABELS:
            out.append(f"unknown label {s['label']}")
        elif (s["label"] in VALUED) != (s.get("value") is not None):
            out.append(f"{s['label']} {record['text'][s['start']:s['end']]!r}: value {s.get('value')!r}")
    for e in record["events"]:
        roles = ROLES.get(e["type"])
        if roles is None:
            out.append(f"unknown event type {e['type']}")
            continue
        out += [f"{e['type']}: unknown role {a['role']}" for a in e["args"] if a["role"] not in roles]
    return out


def compile_sheet(path: Path, annotate) -> dict:
    """One sheet -> one annotation record (text, meta, spans, events, sha256)."""
    sheet = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(sheet.get("text"), str):
        raise BadSheet(f"{path}: a synthetic sheet holds its text (`text`)")
    try:
        record = settle(annotate.compile_sheet(sheet, path.parent))
    except SystemExit as exc:  # annotate.py reports a pattern it cannot find this way
        raise BadSheet(f"{path}: {exc}") from None
    if bad := problems(record):
        raise BadSheet(f"{path}: {'; '.join(bad[:5])}")
    out = {"id": sheet["id"], "text": record["text"], "meta": {**sheet.get("meta", {}), "synthetic": True},
           "spans": record["spans"], "events": record["events"], "sha256": sha256(record["text"])}
    if record.get("ignore"):
        out["ignore"] = record["ignore"]
    return out


def compile_all(sheets: Path = SHEETS, shared: Path | None = None) -> list[dict]:
    annotate = load_annotate(shared)
    paths = sorted(sheets.glob("*.json"))
    if not paths:
        raise BadSheet(f"no sheets in {sheets}")
    records = [compile_sheet(p, annotate) for p in paths]
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        raise BadSheet(f"duplicate sheet ids in {sheets}")
    return records


def load_synthetic(path: Path = SYNTHETIC_ANNOTATIONS) -> list[dict]:
    """The synthetic records, each checked against its SHA-256."""
    records = list(read_jsonl(path))
    for r in records:
        if sha256(r["text"]) != r["sha256"]:
            raise BadSheet(f"{r['id']}: text does not match its SHA-256")
    return records


@app.command("compile")
def compile_cmd(sheets: Path = typer.Option(SHEETS, help="Folder of sheets."),
                out: Path = typer.Option(SYNTHETIC_ANNOTATIONS, "-o", help="Records to write.")) -> None:
    """Compile the sheets into the records training reads."""
    records = compile_all(sheets)
    write_jsonl(records, out)
    typer.echo(f"{len(records)} records, {sum(len(r['text'].split()) for r in records)} words, "
               f"{sum(len(r['spans']) for r in records)} spans, {sum(len(r['events']) for r in records)} events "
               f"-> {out}")


@app.command()
def check(sheets: Path = typer.Option(SHEETS, help="Folder of sheets.")) -> None:
    """Fail unless the sheets compile to exactly the records on disk."""
    if compile_all(sheets) != load_synthetic():
        raise SystemExit(f"{SYNTHETIC_ANNOTATIONS} is not what {sheets} compiles to: run `compile`")
    typer.echo("the records are the sheets' compilation")


if __name__ == "__main__":
    app()
