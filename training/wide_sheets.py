"""The wide gold set as annotation sheets and back: how it is edited.

    python -m training.wide_sheets export SHEETS_DIR     # corpus/wide -> one sheet per excerpt
    python -m training.wide_sheets compile SHEETS_DIR    # sheets -> corpus/wide/annotations.jsonl

A sheet is `shared/spec/annotate.py` syntax (mentions named by their text and
occurrence) plus the excerpt's place in its source (`source`, `source_id`, `start`,
`end`) and its `meta`. Sheets quote filing text, so they stay outside the repository;
the stand-off records in `corpus/wide/` are what is kept, and `export` makes sheets
from them again at any time (`compile` of an exported folder gives back the same
records, a test checks it). Compiling checks every excerpt against its source text.
"""
from __future__ import annotations

import json
from pathlib import Path

import typer

from sec_events.documents import read_jsonl, write_jsonl
from training.compile_sheets import load_annotate
from training.corpus import WIDE_ANNOTATIONS, sha256, sources_of

app = typer.Typer(help=__doc__.splitlines()[0], no_args_is_help=True)


def _mention(annotate, text: str, start: int, end: int) -> list:
    """[pattern, occurrence] naming text[start:end] (annotate.py's matching)."""
    pattern = " ".join(text[start:end].split())
    if "[" in pattern or "]" in pattern:
        raise ValueError(f"a mention with brackets cannot be named by its text: {pattern!r}")
    hits = [(m.start(1), m.end(1)) for m in annotate.pattern_regex(pattern).finditer(text)]
    if (start, end) not in hits:
        raise ValueError(f"{pattern!r} at {start}-{end} is not one of its own matches")
    return [pattern, hits.index((start, end)) + 1]


def _region(annotate, text: str, start: int, end: int) -> list:
    """An `ignore` entry [from, which, to, which_after_from] for text[start:end]."""
    words = text[start:end].split()
    first, last = words[0], words[-1]
    a = _mention(annotate, text, start, start + len(first))
    ends = [e for s, e in ((m.start(1), m.end(1)) for m in annotate.pattern_regex(last).finditer(text)) if s >= start]
    return [a[0], a[1], last, ends.index(end) + 1]


def to_sheet(record: dict, annotate, meta: dict) -> dict:
    """The sheet of one joined wide record (text included); `meta`: its stand-off meta."""
    text = record["text"]
    ents = []
    for s in record["spans"]:
        ent = [s["label"], *_mention(annotate, text, s["start"], s["end"])]
        if "value" in s:
            ent.append(s["value"])
        ents.append(ent)
    events = []
    for e in record["events"]:
        event = {"type": e["type"], "trigger": _mention(annotate, text, e["trigger"]["start"], e["trigger"]["end"]),
                 "args": [[a["role"], *_mention(annotate, text, a["start"], a["end"])] for a in e["args"]]}
        if e.get("modality", "asserted") != "asserted":
            event["modality"] = e["modality"]
        events.append(event)
    sheet = {"id": record["id"], "source": record["id"].split("/", 1)[0], "source_id": record["meta"]["source_id"],
             "start": record["meta"]["source_start"], "end": record["meta"]["source_start"] + len(text),
             "meta": meta, "ents": ents, "events": events}
    if record.get("ignore"):
        sheet["ignore"] = [_region(annotate, text, r["start"], r["end"]) for r in record["ignore"]]
    return sheet


def export(folder: Path, shared: Path | None = None) -> int:
    from training.corpus import WIDE_SPLITS, load_gold

    annotate = load_annotate(shared)
    folder.mkdir(parents=True, exist_ok=True)
    standoffs = {s["id"]: (k, s) for k, s in enumerate(read_jsonl(WIDE_ANNOTATIONS))}
    records = sorted((r for split in WIDE_SPLITS for r in load_gold(split, shared)), key=lambda r: standoffs[r["id"]][0])
    for k, record in enumerate(records):
        sheet = to_sheet(record, annotate, standoffs[record["id"]][1]["meta"])
        (folder / f"{k:03d}.json").write_text(json.dumps(sheet, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(records)


def compile_folder(folder: Path, shared: Path | None = None) -> list[dict]:
    """Stand-off records from the sheets of `folder` (in file name order)."""
    annotate = load_annotate(shared)
    sheets = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]
    sources = sources_of([{"source": s["source"], "source_id": s["source_id"]} for s in sheets], shared)
    out = []
    for sheet in sheets:
        text = sources[(sheet["source"], sheet["source_id"])]["text"][sheet["start"]:sheet["end"]]
        record = annotate.compile_sheet({**sheet, "text": text}, folder)
        standoff = {"id": f"{sheet['source']}/{sheet['source_id']}:{sheet['start']}-{sheet['end']}",
                    "source": sheet["source"], "source_id": sheet["source_id"], "start": sheet["start"],
                    "end": sheet["end"], "sha256": sha256(text), "meta": sheet.get("meta", {}),
                    "spans": record["spans"], "events": record["events"]}
        if record.get("ignore"):
            standoff["ignore"] = record["ignore"]
        out.append(standoff)
    return out


@app.command("export")
def export_cmd(folder: Path, shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED")) -> None:
    """Write one sheet per wide excerpt into FOLDER."""
    typer.echo(f"{export(folder, shared)} sheets -> {folder}")


@app.command("compile")
def compile_cmd(folder: Path, output: Path = typer.Option(WIDE_ANNOTATIONS, help="Stand-off records to write."),
                shared: Path = typer.Option(None, envvar="SEC_EVENTS_SHARED")) -> None:
    """Compile the sheets of FOLDER into the wide set's stand-off records."""
    records = compile_folder(folder, shared)
    write_jsonl(records, output)
    typer.echo(f"{len(records)} records -> {output}")


if __name__ == "__main__":
    app()
