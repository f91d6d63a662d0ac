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
- `corpus/wide/annotations.jsonl`, `corpus/wide/manifest.json`: the wide gold set
  (filers other than lee8k's, sources `filings10x`, `edgar-8k` and `edgar`) and its
  splits by company (`wide-train`, `wide-dev`, `wide-test`).

`load_gold` joins the stand-off records with the texts of their source in
`<shared>/corpus/` (`SOURCES`: `lee8k.jsonl`, `filings10x.jsonl`, `edgar-8k.jsonl`,
and the raw files of `edgar/` as `sec-events corpus build` reads them) into full
FORMATS.md annotation records and raises `HashMismatch` when a text differs from
the one annotated.

DocBin conversion puts entity spans under the spans key ``sc`` (the span
classifier's training target) and also as `doc.ents`, and event triggers under the
spans key ``triggers``, labelled by event type.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Iterable

from extractors.contract import MODEL_KEY, TRIGGERS_KEY
from extractors.names import defined_non_names, suffixed_names
from extractors.normalise import money_unit_of, table_unit_of
from sec_events.documents import read_jsonl
from sec_events.paths import CORPUS_DIR, shared_dir

ANNOTATIONS = CORPUS_DIR / "annotations.jsonl"
MANIFEST = CORPUS_DIR / "manifest.json"
WIDE_ANNOTATIONS = CORPUS_DIR / "wide" / "annotations.jsonl"
WIDE_MANIFEST = CORPUS_DIR / "wide" / "manifest.json"
VOTES_ANNOTATIONS = CORPUS_DIR / "votes" / "annotations.jsonl"
VOTES_MANIFEST = CORPUS_DIR / "votes" / "manifest.json"
LEE8K_SPLITS = ("train", "dev", "test")
WIDE_SPLITS = ("wide-train", "wide-dev", "wide-test")
SPLITS = LEE8K_SPLITS + WIDE_SPLITS
# the vote gold (corpus/votes/, issue 19): loaded by load_gold, not part of the training or eval splits above
VOTES_SPLITS = ("votes-dev", "votes-test")
# where each source's documents are, under <shared>/corpus/ (a folder: raw EDGAR files, read as `corpus build` does)
SOURCES = {"lee8k": "lee8k.jsonl", "filings10x": "filings10x.jsonl", "edgar-8k": "edgar-8k.jsonl", "edgar": "edgar"}


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


def source_texts(shared: Path | None = None, ids: set[str] | None = None, source: str = "lee8k") -> dict[str, dict]:
    """The documents of one source by id (only `ids` when given)."""
    if source not in SOURCES:
        raise ValueError(f"unknown source {source!r} (one of {', '.join(SOURCES)})")
    path = shared_dir(shared) / "corpus" / SOURCES[source]
    if path.is_dir():
        from sec_events.read.build import ErrorRecord, iter_documents

        docs = (d for d in iter_documents([path]) if not isinstance(d, ErrorRecord))
    else:
        docs = read_jsonl(path)
    return {d["id"]: d for d in docs if ids is None or d["id"] in ids}


def sources_of(standoffs: list[dict], shared: Path | None = None) -> dict[tuple[str, str], dict]:
    """The source documents of stand-off records, by (source, source id); a record
    whose document is missing is an error, never skipped."""
    wanted: dict[str, set[str]] = {}
    for s in standoffs:
        wanted.setdefault(s.get("source", "lee8k"), set()).add(s["source_id"])
    found = {(source, i): d for source, ids in wanted.items()
             for i, d in source_texts(shared, ids, source).items()}
    missing = sorted(f"{src}:{i}" for src, ids in wanted.items() for i in ids if (src, i) not in found)
    if missing:
        raise KeyError(f"source documents not found under {shared_dir(shared) / 'corpus'}: {missing[:5]}")
    return found


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
        meta["context_not_names"] = sorted(defined_non_names(source_doc["text"]))
        if (unit := money_unit_of(source_doc["text"])) is not None:
            meta["context_money_unit"] = unit
        if (unit := table_unit_of(source_doc["text"])) is not None:
            meta["context_table_unit"] = unit
    record = {"id": standoff["id"], "text": text, "meta": meta,
              "spans": standoff["spans"], "events": standoff["events"]}
    if standoff.get("ignore"):
        record["ignore"] = standoff["ignore"]
    return record


def read_manifest(path: Path = MANIFEST) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def load_gold(split: str | None = None, shared: Path | None = None,
              annotations: Path | None = None, manifest: Path | None = None) -> list[dict]:
    """Full annotation records of the gold corpus (one split, or all of a corpus), in
    file order. The `wide-*` splits read the wide set (corpus/wide/), the `votes-*` splits
    the vote gold (corpus/votes/), the others the lee8k corpus, unless `annotations` and
    `manifest` name other files."""
    wide, votes = split in WIDE_SPLITS, split in VOTES_SPLITS
    annotations = annotations or (WIDE_ANNOTATIONS if wide else VOTES_ANNOTATIONS if votes else ANNOTATIONS)
    manifest = manifest or (WIDE_MANIFEST if wide else VOTES_MANIFEST if votes else MANIFEST)
    standoffs = list(read_jsonl(annotations))
    if split is not None:
        if split not in SPLITS + VOTES_SPLITS:
            raise ValueError(f"unknown split {split!r} (one of {', '.join(SPLITS + VOTES_SPLITS)})")
        keep = set(read_manifest(manifest)["splits"][split])
        standoffs = [s for s in standoffs if s["id"] in keep]
    sources = sources_of(standoffs, shared)
    return [join(s, sources[(s.get("source", "lee8k"), s["source_id"])]) for s in standoffs]


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


def company(record: dict) -> str:
    """The filer a gold record belongs to, for splits by company: its ticker where
    known, else its company name in lower case without punctuation."""
    meta = record.get("meta", {})
    if meta.get("ticker"):
        return str(meta["ticker"]).upper()
    name = str(meta.get("company") or record.get("source_id") or meta.get("source_id"))
    return " ".join("".join(c for c in name.lower() if c.isalnum() or c.isspace()).split())


def make_wide_splits(standoffs: Iterable[dict], test_share: float = 0.5, dev_companies: int = 8,
                     exclude: Iterable[str] = ("A", "AA", "AAN", "GOOG")) -> dict:
    """Splits of the wide set by company, stratified by event type: every document of
    a company is in one split; a company of `exclude` (lee8k's filers) is never in
    wide-test.

    Companies are taken rarest event type first (ties: SHA-256 of the company key, a
    fixed pseudo-random order), and each goes to wide-test or to the training side,
    whichever holds fewer events of that company's types so far (wide-test while both
    hold as many, until it has `test_share` of the companies). So a type that two
    companies hold is on both sides. The training side's companies then give the
    first `dev_companies` of them, in hash order, to wide-dev."""
    by_company: dict[str, list[str]] = {}
    types: dict[str, Counter] = {}
    for s in standoffs:
        key = company(s)
        by_company.setdefault(key, []).append(s["id"])
        types.setdefault(key, Counter()).update(e["type"] for e in s.get("events", []))
    holders = Counter(t for c in types.values() for t in c)
    digest = lambda c: hashlib.sha256(c.encode("utf-8")).hexdigest()
    rarest = lambda c: min((holders[t] for t in types[c]), default=len(by_company))
    n_test = round(len(by_company) * test_share)
    exclude = set(exclude)
    test, rest, counts = [], [], {"test": Counter(), "rest": Counter()}
    for c in sorted(by_company, key=lambda c: (rarest(c), digest(c))):
        held = lambda side: sum(counts[side][t] for t in types[c])
        to_test = c not in exclude and len(test) < n_test and (
            held("test") <= held("rest") or len(rest) >= len(by_company) - n_test)
        (test if to_test else rest).append(c)
        counts["test" if to_test else "rest"].update(set(types[c]))
    rest.sort(key=digest)
    dev, train = rest[:dev_companies], rest[dev_companies:]
    ids = lambda companies: [i for c in sorted(companies) for i in by_company[c]]
    return {
        "how": f"by company ({len(by_company)}), stratified by event type: companies taken rarest type first "
               f"(ties: SHA-256 of the key: ticker, else name), each to wide-test or training, whichever held fewer "
               f"events of its types, until wide-test had {n_test}; of the rest, the first {len(dev)} in hash "
               f"order wide-dev, the others wide-train; lee8k's filers never in wide-test",
        "companies": {"wide-train": sorted(train), "wide-dev": sorted(dev), "wide-test": sorted(test)},
        "splits": {"wide-train": ids(train), "wide-dev": ids(dev), "wide-test": ids(test)},
    }


LATER_DOCUMENTS = ("; documents annotated after the splits were made join their company's split, "
                   "a company of none wide-train (wide-test and wide-dev only ever keep their documents)")


def add_to_wide_splits(manifest: dict, standoffs: Iterable[dict]) -> dict:
    """The recorded wide splits with the documents they do not hold yet placed: each
    joins its company's split, and a company no split holds joins wide-train, so
    wide-test and wide-dev never change once made and new annotations only train.
    A document of a company wide-test or wide-dev holds is refused: adding it would
    change a held-out split after it was measured."""
    placed = {i for ids in manifest["splits"].values() for i in ids}
    side = {c: split for split, cs in manifest["companies"].items() for c in cs}
    splits = {split: list(ids) for split, ids in manifest["splits"].items()}
    companies = {split: set(cs) for split, cs in manifest["companies"].items()}
    for s in standoffs:
        if s["id"] in placed:
            continue
        key = company(s)
        split = side.get(key, "wide-train")
        if split != "wide-train":
            raise ValueError(f"{s['id']}: its company {key!r} is in {split}; only wide-train takes new documents")
        splits[split].append(s["id"])
        companies[split].add(key)
        placed.add(s["id"])
    how = manifest["how"] if manifest["how"].endswith(LATER_DOCUMENTS) else manifest["how"] + LATER_DOCUMENTS
    return {**manifest, "how": how, "companies": {split: sorted(cs) for split, cs in companies.items()},
            "splits": splits}


def stats(records: Iterable[dict]) -> dict:
    docs = words = 0
    labels: Counter = Counter()
    events: Counter = Counter()
    companies = set()
    for r in records:
        docs += 1
        companies.add(company(r))
        words += len(r["text"].split())
        labels.update(s["label"] for s in r.get("spans", []))
        events.update(e["type"] for e in r.get("events", []))
    return {"documents": docs, "words": words, "companies": sorted(companies), "spans": dict(labels.most_common()),
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
        if name == "words":  # companies: a company may be in several lee8k splits, never in two wide ones
            every = set().union(*(by_split[n]["companies"] for n in splits))
            table.add_row("companies", *[str(len(by_split[n]["companies"])) for n in splits],
                          *([str(len(every))] if len(splits) > 1 else []))
    Console(width=None if sys.stdout.isatty() else 160).print(table)
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
