"""Batch extraction: documents in, FORMATS.md extraction records out.

    read (documents JSONL/Parquet or raw EDGAR) -> nlp.pipe -> records -> writer

Documents stream through `nlp.pipe` in batches; a document that fails (too long,
no text) gets its line with `error` set and never stops the batch. Output is one
line per input document, in input order.
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

import spacy

from extractors.records import doc_to_record, error_record
from sec_events.documents import output_format, read_documents, write_documents
from sec_events.paths import default_model

MAX_CHARS = 2_000_000


@dataclass
class ExtractSummary:
    output: Path
    documents: int = 0
    errors: int = 0
    words: int = 0
    seconds: float = 0.0
    reasons: dict = field(default_factory=dict)

    def describe(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        lines = [f"extracted {self.documents} documents ({self.words:,} words) in {self.seconds:.1f}s "
                 f"[{rate:,.0f} words/s] -> {self.output}",
                 f"errors: {self.errors}"]
        lines += [f"  {reason}: {n}" for reason, n in sorted(self.reasons.items())]
        return "\n".join(lines)


def load_model(model: str | Path | None = None):
    """Load a pipeline directory with spacy.load; the shipped model when none is given."""
    path = Path(model) if model else default_model()
    if not path.exists():
        raise FileNotFoundError(f"model not found: {path}")
    nlp = spacy.load(path)
    nlp.max_length = MAX_CHARS
    return nlp


def iter_input_documents(inputs: Iterable[Path]) -> Iterator[dict]:
    """Documents from JSONL/Parquet files, or raw EDGAR files and folders (read as in
    `corpus build`); raw files that cannot be read become documents with an error."""
    for path in inputs:
        path = Path(path)
        if path.is_file() and path.suffix.lower() in {".jsonl", ".parquet", ".pq"}:
            yield from read_documents(path)
        else:
            from sec_events.read.build import iter_documents

            yield from iter_documents([path])


def _checked(docs: Iterable[dict], summary: ExtractSummary) -> Iterator[tuple[str, dict]]:
    """Split documents into processable (text, context) pairs and error records."""
    for doc in docs:
        doc_id = str(doc.get("id", ""))
        text = doc.get("text")
        reason = doc.get("error")
        if reason is None and not isinstance(text, str):
            reason = "no text"
        elif reason is None and len(text) > MAX_CHARS:
            reason = f"text too long ({len(text):,} > {MAX_CHARS:,} characters)"
        yield (text if reason is None else ""), {"id": doc_id, "error": reason}


def extract_records(nlp, docs: Iterable[dict], summary: ExtractSummary,
                    batch_size: int = 32) -> Iterator[dict]:
    """Run `nlp` over documents; yield one extraction record per document, in order."""
    for doc, ctx in nlp.pipe(_checked(docs, summary), as_tuples=True, batch_size=batch_size):
        summary.documents += 1
        if ctx["error"]:
            summary.errors += 1
            key = ctx["error"].split(" (")[0]
            summary.reasons[key] = summary.reasons.get(key, 0) + 1
            yield error_record(ctx["id"], ctx["error"])
            continue
        summary.words += sum(1 for t in doc if not t.is_space and not t.is_punct)
        yield doc_to_record(doc, ctx["id"])


def _progress(records: Iterator[dict], summary: ExtractSummary, start: float) -> Iterator[dict]:
    """Progress on stderr: a live line on a terminal, a plain line every 100 docs otherwise."""
    tty = sys.stderr.isatty()
    for record in records:
        yield record
        n = summary.documents
        if tty or n % 100 == 0:
            elapsed = max(time.perf_counter() - start, 1e-9)
            line = (f"{n} docs  {n / elapsed:,.1f} docs/s  {summary.words / elapsed:,.0f} words/s  "
                    f"errors {summary.errors}")
            print(("\r" + line) if tty else line, end="" if tty else "\n", file=sys.stderr, flush=True)
    if tty:
        print(file=sys.stderr)


def run_extract(inputs: list[Path], output: Path, model: Path | None = None, fmt: str | None = None,
                processes: int = 1, batch_size: int = 32) -> ExtractSummary:
    fmt = output_format(output, fmt)
    nlp = load_model(model)
    summary = ExtractSummary(output=output)
    start = time.perf_counter()
    records = _progress(extract_records(nlp, iter_input_documents(inputs), summary, batch_size),
                        summary, start)
    if fmt == "jsonl":
        write_documents(records, output, "jsonl")
    else:
        raise ValueError(f"unsupported output format {fmt!r}")
    summary.seconds = time.perf_counter() - start
    return summary
