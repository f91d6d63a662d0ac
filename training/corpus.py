"""The gold corpus: stand-off storage, loader, splits, stats and DocBin conversion.

Storage (in the project's `corpus/`, never the filing text):

- `corpus/annotations.jsonl`: one stand-off record per annotated document:
  ``{"id", "source": "lee8k", "source_id", "start", "end", "sha256", "meta",
  "spans", "events", "ignore"}``. Offsets in `spans`/`events`/`ignore` are relative
  to the annotated text, which is ``source_text[start:end]``; `sha256` is the
  SHA-256 of that text (UTF-8). A whole document has start 0 and its own id; an
  excerpt has the id ``<source_id>:<start>-<end>``.
- `corpus/manifest.json`: the splits (`train`, `dev`, `test`: lists of ids) and how
  they were made.

`load_gold` joins the stand-off records with the texts of
`<shared>/corpus/lee8k.jsonl` into full FORMATS.md annotation records and raises
`HashMismatch` when a text differs from the one annotated.

DocBin conversion puts entity spans under the spans key ``sc`` (the span
classifier's training target) and also as `doc.ents`, and event triggers under the
spans key ``triggers``, labelled by event type.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Iterable

from extractors.contract import MODEL_KEY, TRIGGERS_KEY
from extractors.names import suffixed_names
from sec_events.documents import read_jsonl
from sec_events.paths import CORPUS_DIR, shared_dir

ANNOTATIONS = CORPUS_DIR / "annotations.jsonl"
MANIFEST = CORPUS_DIR / "manifest.json"
SPLITS = ("train", "dev", "test")


class HashMismatch(ValueError):
    """The text a stand-off record points at is not the text that was annotated."""


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def to_standoff(record: dict, source_id: str, start: int, source: str = "lee8k") -> dict:
    """Strip the text from an annotation record, keeping offsets, hash and source."""
    text = record["text"]
    out = {"id": record["id"], "source": source, "source_id": source_id, "start": start,
           "end": start + len(text), "sha256": sha256(text), "meta": record.get("meta", {}),
           "spans": record.get("spans", []), "events": record.get("events", [])}
    if record.get("ignore"):
        out["ignore"] = record["ignore"]
    return out


def source_texts(shared: Path | None = None, ids: set[str] | None = None) -> dict[str, dict]:
    """lee8k documents by id (only `ids` when given)."""
    path = shared_dir(shared) / "corpus" / "lee8k.jsonl"
    return {d["id"]: d for d in read_jsonl(path) if ids is None or d["id"] in ids}


def join(standoff: dict, source_doc: dict) -> dict:
    """A full annotation record from a stand-off record and its source document."""
    text = source_doc["text"][standoff["start"]:standoff["end"]]
    if sha256(text) != standoff["sha256"]:
        raise HashMismatch(
            f"{standoff['id']}: text at {standoff['source_id']}[{standoff['start']}:{standoff['end']}] "
            f"has SHA-256 {sha256(text)[:12]}..., annotated text had {standoff['sha256'][:12]}...")
    meta = {**source_doc.get("meta", {}), **standoff.get("meta", {}),
            "source_id": standoff["source_id"], "source_start": standoff["start"]}
    if len(text) < len(source_doc["text"]):
        # an excerpt: the company names of the whole filing, as a run over the filing knows them
        meta["context_names"] = suffixed_names(source_doc["text"])
    record = {"id": standoff["id"], "text": text, "meta": meta,
              "spans": standoff["spans"], "events": standoff["events"]}
    if standoff.get("ignore"):
        record["ignore"] = standoff["ignore"]
    return record


def read_manifest(path: Path = MANIFEST) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def load_gold(split: str | None = None, shared: Path | None = None,
              annotations: Path = ANNOTATIONS, manifest: Path = MANIFEST) -> list[dict]:
    """Full annotation records of the gold corpus (one split, or all), in file order."""
    standoffs = list(read_jsonl(annotations))
    if split is not None:
        if split not in SPLITS:
            raise ValueError(f"unknown split {split!r} (one of {', '.join(SPLITS)})")
        keep = set(read_manifest(manifest)["splits"][split])
        standoffs = [s for s in standoffs if s["id"] in keep]
    sources = source_texts(shared, {s["source_id"] for s in standoffs})
    missing = {s["source_id"] for s in standoffs} - sources.keys()
    if missing:
        raise KeyError(f"source documents not found in lee8k.jsonl: {sorted(missing)[:5]}")
    return [join(s, sources[s["source_id"]]) for s in standoffs]


def make_splits(standoffs: Iterable[dict], test_company: str = "GOOG", dev_share: float = 0.2) -> dict:
    """test = every document of `test_company`; dev = the latest-filed `dev_share` of
    the others, train = the rest (split by filing date, so dev is later than train)."""
    test, rest = [], []
    for s in standoffs:
        (test if s["meta"].get("ticker") == test_company else rest).append(s)
    rest.sort(key=lambda s: (s["meta"].get("accepted", ""), s["id"]))
    n_dev = round(len(rest) * dev_share)
    cutoff = rest[-n_dev]["meta"].get("accepted", "") if n_dev else None
    return {
        "how": f"test: every {test_company} document; dev: the other companies' documents filed at or "
               f"after {cutoff} (latest {dev_share:.0%}); train: the rest",
        "splits": {"train": [s["id"] for s in rest[:len(rest) - n_dev]],
                   "dev": [s["id"] for s in rest[len(rest) - n_dev:]],
                   "test": [s["id"] for s in test]},
    }


def stats(records: Iterable[dict]) -> dict:
    docs = words = 0
    labels: Counter = Counter()
    events: Counter = Counter()
    for r in records:
        docs += 1
        words += len(r["text"].split())
        labels.update(s["label"] for s in r.get("spans", []))
        events.update(e["type"] for e in r.get("events", []))
    return {"documents": docs, "words": words, "spans": dict(labels.most_common()),
            "events": dict(events.most_common())}


def print_stats(shared: Path | None = None, split: str | None = None) -> dict:
    """Print documents, words, spans per label and events per type for each split."""
    from rich.console import Console
    from rich.table import Table

    splits = [split] if split else list(SPLITS)
    by_split = {name: stats(load_gold(name, shared)) for name in splits}
    table = Table(title="sec-events gold corpus")
    table.add_column("")
    for name in splits:
        table.add_column(name, justify="right")
    if len(splits) > 1:
        table.add_column("all", justify="right")
    rows = [("documents", lambda s: s["documents"]), ("words", lambda s: s["words"])]
    labels = sorted({k for s in by_split.values() for k in s["spans"]})
    types = sorted({k for s in by_split.values() for k in s["events"]})
    rows += [(f"span {k}", lambda s, k=k: s["spans"].get(k, 0)) for k in labels]
    rows += [("spans (all)", lambda s: sum(s["spans"].values()))]
    rows += [(f"event {k}", lambda s, k=k: s["events"].get(k, 0)) for k in types]
    rows += [("events (all)", lambda s: sum(s["events"].values()))]
    for name, get in rows:
        values = [get(by_split[n]) for n in splits]
        cells = [f"{v:,}" for v in values] + ([f"{sum(values):,}"] if len(splits) > 1 else [])
        table.add_row(name, *cells)
    Console().print(table)
    return by_split


def to_docs(records: Iterable[dict], nlp, report: dict | None = None):
    """spaCy Docs with entity spans under `sc` (and doc.ents) and triggers under
    `triggers`. Spans that do not align to tokens are expanded to token boundaries
    (`alignment_mode="expand"`) and counted in `report`."""
    from spacy.tokens import Span
    from spacy.util import filter_spans

    report = report if report is not None else {}
    report.setdefault("spans", 0)
    report.setdefault("misaligned", [])
    for r in records:
        doc = nlp.make_doc(r["text"])
        spans = []
        for s in r.get("spans", []):
            report["spans"] += 1
            span = doc.char_span(s["start"], s["end"], label=s["label"])
            if span is None:
                span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="expand")
                report["misaligned"].append((r["id"], r["text"][s["start"]:s["end"]], span.text if span else None))
            if span is not None:
                spans.append(span)
        doc.spans[MODEL_KEY] = spans
        doc.ents = filter_spans(spans)
        triggers = []
        for e in r.get("events", []):
            t = e["trigger"]
            span = doc.char_span(t["start"], t["end"], label=e["type"], alignment_mode="expand")
            if span is not None:
                triggers.append(Span(doc, span.start, span.end, label=e["type"]))
        doc.spans[TRIGGERS_KEY] = triggers
        yield doc


def to_docbin(records: Iterable[dict], nlp, path: Path | None = None, report: dict | None = None):
    """A DocBin of `to_docs`; written to `path` when given."""
    from spacy.tokens import DocBin

    db = DocBin(store_user_data=False)
    for doc in to_docs(records, nlp, report):
        db.add(doc)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        db.to_disk(path)
    return db
