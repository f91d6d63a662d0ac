"""The gold corpus as a Hugging Face `datasets.DatasetDict`, for users who train their own models.

    from training.hf import load_gold_dataset
    gold = load_gold_dataset()            # ../shared, or SEC_EVENTS_SHARED, or shared=PATH
    gold["wide-test"][0]["spans"][0]      # {'start': ..., 'end': ..., 'label': 'DATE', 'text': ..., 'value': '"2004-03-05"', ...}

Splits: `train`, `dev`, `test` (lee8k), `wide-train`, `wide-dev`, `wide-test` (the wide
set, by company) and `seeds` (the two seed filings of `spec/seeds-gold.jsonl`). The
texts are read from the shared folder by `training.corpus.load_gold` (checked against
the annotated texts' SHA-256), so the rows are what `sec-events eval --split` scores.

A row: `id`, `text`, `meta` (JSON string: its keys differ across sources), `spans`,
`events`, `ignore` (regions left unannotated; `[]` when none). A span holds `start`,
`end` (character offsets into `text`), `label`, `text` (the covered text), `value` (the
FORMATS.md value as a JSON string, null when the label has none) and the value as typed
columns as the Parquet output splits it: `amount` and `currency` (MONEY), `number` (SHARES,
PERCENT) and `date` (DATE: `2004-03-05`, `2004-03`, `2004`, `2004-Q1`). An event holds `type`, `modality`
(null where the gold leaves it out: asserted), `trigger` (`start`, `end`, `text`) and
`args` (`role`, `start`, `end`, `text`). `to_records` turns rows back into FORMATS.md
annotation records.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from training.corpus import SPLITS

SEEDS = "seeds"
ALL_SPLITS = SPLITS + (SEEDS,)


def features():
    """The `datasets.Features` of a row."""
    from datasets import Features, Value

    offsets = {"start": Value("int32"), "end": Value("int32")}
    return Features({
        "id": Value("string"),
        "text": Value("string"),
        "meta": Value("string"),
        "spans": [{**offsets, "label": Value("string"), "text": Value("string"), "value": Value("string"),
                   "amount": Value("float64"), "currency": Value("string"), "number": Value("float64"),
                   "date": Value("string")}],
        "events": [{"type": Value("string"), "modality": Value("string"),
                    "trigger": {**offsets, "text": Value("string")},
                    "args": [{"role": Value("string"), **offsets, "text": Value("string")}]}],
        "ignore": [offsets],
    })


def _typed(value) -> dict:
    """A FORMATS.md value as the typed columns `amount`, `currency`, `number`, `date`: the
    split the Parquet and SQLite outputs make (`extractors.batch.writers.split_value`)."""
    from extractors.batch.writers import split_value

    fields = split_value(value)
    return {k: fields.get(k) for k in TYPED_VALUE}


TYPED_VALUE = ("amount", "currency", "number", "date")


def to_row(record: dict) -> dict:
    """A FORMATS.md annotation record as a dataset row."""
    text = record["text"]
    return {
        "id": record["id"],
        "text": text,
        "meta": json.dumps(record.get("meta", {}), ensure_ascii=False, sort_keys=True),
        "spans": [{"start": s["start"], "end": s["end"], "label": s["label"], "text": text[s["start"]:s["end"]],
                   "value": json.dumps(s["value"], ensure_ascii=False) if "value" in s else None,
                   **_typed(s.get("value"))} for s in record.get("spans", [])],
        "events": [{"type": e["type"], "modality": e.get("modality"),
                    "trigger": {"start": e["trigger"]["start"], "end": e["trigger"]["end"],
                                "text": text[e["trigger"]["start"]:e["trigger"]["end"]]},
                    "args": [{"role": a["role"], "start": a["start"], "end": a["end"], "text": text[a["start"]:a["end"]]}
                             for a in e.get("args", [])]} for e in record.get("events", [])],
        "ignore": [{"start": r["start"], "end": r["end"]} for r in record.get("ignore", []) or []],
    }


def to_records(rows: Iterable[dict]) -> list[dict]:
    """Dataset rows back as FORMATS.md annotation records (no `text` in spans or
    arguments, `value` only where the gold has one, `modality` and `ignore` only where
    given): the records `training.corpus.load_gold` returns."""
    out = []
    for row in rows:
        record = {"id": row["id"], "text": row["text"], "meta": json.loads(row["meta"]),
                  "spans": [{"start": s["start"], "end": s["end"], "label": s["label"],
                             **({"value": json.loads(s["value"])} if s["value"] is not None else {})}
                            for s in row["spans"]],
                  "events": [{"type": e["type"], "trigger": {"start": e["trigger"]["start"], "end": e["trigger"]["end"]},
                              "args": [{"role": a["role"], "start": a["start"], "end": a["end"]} for a in e["args"]],
                              **({"modality": e["modality"]} if e["modality"] is not None else {})}
                             for e in row["events"]]}
        if row["ignore"]:
            record["ignore"] = [dict(r) for r in row["ignore"]]
        out.append(record)
    return out


def split_records(split: str, shared: Path | None = None) -> list[dict]:
    """The gold records of one split (`seeds`: the seed gold of the shared spec)."""
    if split == SEEDS:
        from sec_events.documents import read_jsonl
        from sec_events.paths import shared_dir

        return list(read_jsonl(shared_dir(shared) / "spec" / "seeds-gold.jsonl"))
    from training.corpus import load_gold

    return load_gold(split, shared)


def load_gold_dataset(shared: Path | None = None, splits: Iterable[str] | None = None):
    """The gold corpus as a `datasets.DatasetDict`, one `Dataset` per split (all of
    `ALL_SPLITS` unless `splits` names some), rows in the order of the gold files.
    Built in memory from the shared texts: nothing is downloaded or cached."""
    from datasets import Dataset, DatasetDict

    names = list(ALL_SPLITS if splits is None else splits)
    unknown = [s for s in names if s not in ALL_SPLITS]
    if unknown:
        raise ValueError(f"unknown split {unknown[0]!r} (one of {', '.join(ALL_SPLITS)})")
    schema = features()
    return DatasetDict({name: Dataset.from_list([to_row(r) for r in split_records(name, shared)], features=schema)
                        for name in names})
