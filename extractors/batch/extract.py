"""Batch extraction: documents in, FORMATS.md extraction records out.

    read (documents JSONL/Parquet or raw EDGAR) -> tasks -> batches -> windows -> nlp.pipe
         -> records (+ sha256) -> resumable writer (JSONL / Parquet / SQLite)

Input
    Every input goes through `sec_events.read.build.iter_documents`, so documents
    files (JSONL, Parquet) and raw EDGAR files or folders are read exactly as by
    `sec-events corpus build`, and documents get the same ids (a file's id is
    ``file:<name>``, its path relative to the folder given, or its name when the file
    itself was given, lengthened by parent folders when two files of the run would
    share it; see `sec_events.read.build`). Its `ErrorRecord`s of kind "error" become
    output lines with `error` set and empty lists (id: the document id if known, else
    the file's id); those of kind "skipped" are not in the output. Every output
    record carries the input document's `meta` (`records.record_meta`).

Errors file
    OUTPUT.errors.jsonl (``--errors``) lists every input of the run that is not
    extracted, one line each, as `corpus build`'s errors file: the reader's skips and
    every error record of the output (see `drive`). The summary counts them.

Streaming
    Documents are turned into small tasks (`Task`: id, sha256, text, error, declared
    items, filing names) and grouped
    into batches of `batch_size` documents or about `BATCH_CHARS` (250k) characters,
    whichever comes first (even work units keep the workers balanced). At most a bounded window of batches (4 per worker)
    is in flight, so memory does not grow with the input. Output is one record per
    input document, in input order, whatever the number of processes.

Long documents
    A text over `WINDOW_CHARS` (60k) characters runs as consecutive windows cut at
    paragraph breaks, and one `nlp.pipe` call gets about one window of text, so a
    process's working memory is bounded by the window, not by the longest filing
    (`extractors.batch.windows`, which also says what a cut can cost).

Processes
    ``processes=1`` runs the pipeline in this process. ``processes=N`` starts N
    worker processes (``spawn``; each loads the model once) and sends them batches;
    results are written in submission order. Each worker runs ``nlp.pipe`` over its
    batch. The same batch function (`run_partition`) is what
    `extractors.batch.distributed` maps over partitions on a Dask cluster.

Failures
    A document with no text, undecodable text (lone surrogates), or more than
    ``nlp.max_length`` characters gets an error record. If a component raises
    inside a batch, the batch is redone document by document and only the
    document(s) that fail get ``error = "component-error: <Exception>: <message>"``;
    nothing stops the run.

Resume (default)
    The output's existing records are matched by ``(id, sha256 of the text)``; input
    documents already done are skipped, the rest is appended. See
    `extractors.batch.writers` for how each format stays consistent after a kill.

Progress goes to stderr (a rich bar on a terminal, a plain line every 10 s
otherwise); `ExtractSummary.describe()` is the end-of-run summary.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Callable, Iterable, Iterator, NamedTuple

import spacy

from extractors.batch.records import COMPONENT_ERRORS, doc_to_record, error_record, finish_record, record_meta
from extractors.batch.windows import WINDOW_CHARS, join_records, window_bounds
from extractors.batch.writers import FORMATS, open_writer
from extractors.contract import FilingContext, attach_context, doc_text, remember_text
from extractors.items import filed_date
from extractors.names import defined_non_names, suffixed_names
from extractors.normalise import document_year, money_unit_of, table_unit_of
from sec_events.documents import output_format
from sec_events.paths import default_model

MAX_CHARS = 2_000_000
PROGRESS_EVERY = 10.0  # seconds between plain progress lines
BATCH_CHARS = 250_000  # characters per batch at most (about 40k words, a few seconds of work)


# the metadata keys in which an excerpt of a filing carries what its whole filing tells
# (training.corpus writes them for gold excerpts; `document_task` reads them)
CONTEXT_KEYS = ("context_names", "context_not_names", "context_money_unit", "context_table_unit")


class Task(NamedTuple):
    """One input document's work: its id, the SHA-256 of its text, the text (None with
    an error), the error that stops it (or None), and what its metadata adds: the
    declared 8-K items with the filing date, the names of its filing
    (`meta.company`, `meta.context_names`) and the metadata the record carries
    (`records.record_meta`); `path` is the input file it was read from, for the
    errors file. Tuples pickle fast to worker processes."""

    id: str
    sha256: str | None
    text: str | None
    error: str | None
    items: tuple[str, ...] = ()
    filed: str | None = None
    names: tuple[str, ...] = ()
    meta: dict | None = None
    path: str | None = None
    not_names: tuple[str, ...] = ()  # `meta.context_not_names`: acronyms that are no company
    money_unit: float | None = None  # `meta.context_money_unit`: the filing's unit of money
    table_unit: float | None = None  # `meta.context_table_unit`: the unit of its tables


# --------------------------------------------------------------------------- summary
@dataclass
class ExtractSummary:
    output: Path
    format: str = "jsonl"
    documents: int = 0              # records written by this run (including error records)
    errors: int = 0                 # of which error records
    partial: int = 0                # extracted records on which a component caught an error
    words: int = 0                  # whitespace-separated words of the documents processed
    seconds: float = 0.0
    reasons: dict = field(default_factory=Counter)   # error reason -> count
    skipped: dict = field(default_factory=Counter)   # skip reason -> count (not in the output)
    resumed: int = 0                # input documents already in the output (skipped)
    existing: int = 0               # records found in the output when the run started
    stale: int = 0                  # existing records that match no input document
    processes: int = 1
    errors_path: Path | None = None  # the reader's error records (skipped inputs too)

    def add(self, record: dict, words: int) -> None:
        self.documents += 1
        self.words += words
        if record.get(COMPONENT_ERRORS):
            self.partial += 1
        if record.get("error"):
            self.errors += 1
            key = str(record["error"]).split(":")[0].split(" (")[0]
            self.reasons[key] = self.reasons.get(key, 0) + 1

    def describe(self) -> str:
        rate = self.words / self.seconds if self.seconds else 0.0
        drate = self.documents / self.seconds if self.seconds else 0.0

        def counts(c) -> str:
            return ", ".join(f"{k} {n}" for k, n in sorted(c.items()))

        n_skipped = sum(self.skipped.values())
        lines = [
            f"documents:  {self.documents} written ({self.documents - self.errors} extracted, "
            f"{self.errors} errors)",
            f"errors:     {self.errors}" + (f" ({counts(self.reasons)})" if self.errors else ""),
            *([f"partial:    {self.partial} (a component caught an error on them and added none of its tags: "
               f"their records' `{COMPONENT_ERRORS}`)"] if self.partial else []),
            f"skipped:    {n_skipped}" + (f" ({counts(self.skipped)})" if n_skipped else ""),
            f"resumed:    {self.resumed} already in the output" + (
                f"; {self.stale} records there match no input document (kept)" if self.stale else ""),
            f"words:      {self.words:,}",
            f"seconds:    {self.seconds:.1f} ({rate:,.0f} words/s, {drate:,.2f} docs/s, "
            f"{self.processes} process{'es' if self.processes > 1 else ''})",
            f"output:     {self.output} ({self.format})",
        ]
        if self.errors_path is not None:
            lines.append(f"errors file: {self.errors_path}")
        return "\n".join(lines)


# --------------------------------------------------------------------------- model
_MODELS: dict[str, object] = {}


class ModelError(FileNotFoundError):
    """The model directory is missing, is not a spaCy pipeline, or does not load."""


def resolve_model(model: str | os.PathLike | None = None) -> Path:
    """The model directory (the shipped model when none is given); ModelError when it
    is missing or holds no spaCy pipeline (config.cfg)."""
    path = Path(model) if model else default_model()
    if not path.exists():
        raise ModelError(f"model not found: {path}")
    if not path.is_dir() or not (path / "config.cfg").is_file():
        raise ModelError(f"not a model folder (no config.cfg): {path}")
    return path.resolve()


def load_model(model: str | os.PathLike | None = None):
    """Load a pipeline directory with spacy.load; the shipped model when none is given."""
    path = resolve_model(model)
    try:
        nlp = spacy.load(path)
    except Exception as exc:  # a broken or foreign model folder: say so in one line
        msg = " ".join(str(exc).split())[:300]
        raise ModelError(f"cannot load the model {path}: {type(exc).__name__}: {msg}") from exc
    nlp.max_length = MAX_CHARS
    return nlp


def get_model(model: str | os.PathLike):
    """`load_model`, cached per process (workers load the model once)."""
    key = str(model)
    nlp = _MODELS.get(key)
    if nlp is None:
        nlp = _MODELS[key] = load_model(model)
    return nlp


# --------------------------------------------------------------------------- tasks
def text_sha256(text: str) -> str:
    """Hex SHA-256 of the UTF-8 text (lone surrogates hashed as-is, never raising)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def document_task(doc: dict, path: str | None = None) -> Task:
    """A documents-format dict (read from the input file `path`) -> task; text problems
    become the task's error."""
    doc_id = str(doc.get("id", ""))
    text = doc.get("text")
    meta = doc.get("meta") or {}
    carried = record_meta(meta)
    if not isinstance(text, str):
        return Task(doc_id, None, None, "no-text", meta=carried, path=path)
    sha = text_sha256(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return Task(doc_id, sha, None, f"undecodable-text: {exc.reason} at character {exc.start}",
                    meta=carried, path=path)
    if doc.get("error"):
        return Task(doc_id, sha, None, str(doc["error"]), meta=carried, path=path)
    if not isinstance(meta, dict):
        return Task(doc_id, sha, text, None, meta=carried, path=path)
    # declared 8-K items travel with the task: the record flags those with no event;
    # so do the filer's name and the names of the rest of the filing (an excerpt's source).
    # Metadata of the wrong type is left out, never fatal.
    items = _strings(meta.get("items"))
    names = tuple(n for n in (*_strings([meta.get("company")]), *_strings(meta.get("context_names"))) if n)
    filed = None
    if items:
        try:
            filed = filed_date(meta)
        except Exception:  # a filing date of the wrong type or form
            filed = None
    not_names = tuple(n for n in _strings(meta.get("context_not_names")) if n)
    unit, table_unit = (_unit(meta.get(key)) for key in ("context_money_unit", "context_table_unit"))
    return Task(doc_id, sha, text, None, items, filed, names, carried, path, not_names, unit, table_unit)


def _unit(value) -> float | None:
    """A unit of money from metadata (a positive number), else None."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0 else None


def _strings(value) -> tuple[str, ...]:
    """The non-empty strings of a metadata list (nothing when it is not a list)."""
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(v for v in value if isinstance(v, str) and v)


def iter_tasks(inputs: Iterable[str | os.PathLike], summary: ExtractSummary | None = None,
               types: list[str] | None = None, on_error: Callable[[object], None] | None = None
               ) -> Iterator[Task]:
    """Tasks for all input documents, in order (documents ids as `corpus build` gives
    them: the same reader); reader errors become error tasks and reader skips are
    counted in `summary.skipped`; `on_error` sees every reader `ErrorRecord` (both
    kinds)."""
    from sec_events.read.build import CorpusReader, ErrorRecord, display_path

    reader = CorpusReader(types)
    for item in reader.iter_documents([Path(p) for p in inputs]):
        if isinstance(item, ErrorRecord):
            if on_error is not None:
                on_error(item)
            if item.kind == "skipped":
                if summary is not None:
                    summary.skipped[item.reason] = summary.skipped.get(item.reason, 0) + 1
                continue
            reason = f"{item.reason}: {item.detail}" if item.detail else item.reason
            yield Task(item.id, None, None, reason, path=item.path)
        else:
            yield document_task(item, display_path(reader.current) if reader.current else None)


def error_entry(record: dict, path: str | None = None) -> dict:
    """The errors-file line of an output record that has an error (as `corpus build`
    writes them: id, path, reason, kind, detail)."""
    reason, _, detail = str(record["error"]).partition(": ")
    entry = {"id": record["id"], "path": path, "reason": reason, "kind": "error"}
    if detail:
        entry["detail"] = detail
    return entry


def skip_done(tasks: Iterable[Task], done: Counter, summary: ExtractSummary) -> Iterator[Task]:
    """Drop tasks whose (id, sha256) is already in the output (each key as often as it is there)."""
    for task in tasks:
        key = (task.id, task.sha256)
        if done and done.get(key, 0) > 0:
            done[key] -= 1
            summary.resumed += 1
            continue
        yield task


def batched(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def batched_tasks(tasks: Iterable[Task], size: int, max_chars: int | None = BATCH_CHARS) -> Iterator[list[Task]]:
    """Batches of at most `size` tasks and (unless one document alone is longer) about
    `max_chars` characters of text, so that work units are of similar cost and
    worker processes stay evenly loaded despite filings of very different lengths."""
    batch: list[Task] = []
    chars = 0
    for task in tasks:
        batch.append(task)
        chars += len(task.text) if task.text else 0
        if len(batch) >= size or (max_chars and chars >= max_chars):
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


# --------------------------------------------------------------------------- batch
def _error(task: Task, reason: str) -> dict:
    return finish_record(error_record(task.id, reason), sha256=task.sha256, meta=task.meta)


def task_windows(nlp, task: Task, max_chars: int) -> list[tuple[int, object]]:
    """(offset, unprocessed Doc) per window of the task's text (extractors.batch.windows);
    every window carries its filing's context: the whole document's year, the company
    names of the filing (metadata, and the suffixed names of the whole text) and the
    acronyms it defines for things that are no company (metadata, and the whole text's),
    and the unit it states for its amounts of money (metadata, else the whole text's)."""
    text = task.text
    bounds = window_bounds(text, max_chars)
    context = FilingContext(names=tuple(dict.fromkeys([*task.names, *suffixed_names(text)])),
                            year=document_year(text) if len(bounds) > 1 else None,
                            not_names=tuple(sorted({*task.not_names, *defined_non_names(text)})),
                            money_unit=task.money_unit or money_unit_of(text),
                            table_unit=task.table_unit or table_unit_of(text))
    return [(start, attach_context(remember_text(nlp.make_doc(text[start:end]), text[start:end]), context))
            for start, end in bounds]


def _pipe_groups(units: list[tuple[int, int, object]], max_chars: int) -> Iterator[list]:
    """Units (task index, offset, Doc) in groups of about `max_chars` characters: one
    `nlp.pipe` batch holds no more text than one window, whatever the batch size."""
    group, chars = [], 0
    for unit in units:
        n = len(doc_text(unit[2]))
        if group and chars + n > max_chars:
            yield group
            group, chars = [], 0
        group.append(unit)
        chars += n
    if group:
        yield group


def _task_record(task: Task, parts: list[tuple[int, object]]) -> dict:
    """The document record of a task from its processed windows, with hash and the
    declared items no event matches."""
    rec = join_records(task.id, [(offset, doc_to_record(doc, task.id)) for offset, doc in parts])
    return finish_record(rec, sha256=task.sha256, meta=task.meta, items=task.items, filed=task.filed,
                         text=task.text)


def process_batch(nlp, tasks: list[Task], batch_size: int | None = None,
                  window_chars: int = WINDOW_CHARS) -> list[tuple[dict, int]]:
    """Run `nlp.pipe` over a batch of tasks; (record, words) per task, in order.

    Texts longer than `window_chars` run in windows (extractors.batch.windows), and one
    `nlp.pipe` call gets about `window_chars` characters, so working memory is bounded
    by the window size, not by the longest filing. Documents that cannot be processed
    get an error record; if anything raises while the batch runs, the batch is redone
    one document at a time so that only the failing document gets ``component-error``."""
    out: list = [None] * len(tasks)
    todo: list[int] = []
    for i, task in enumerate(tasks):
        text, err = task.text, task.error
        if err is None and len(text) > nlp.max_length:
            err = f"text-too-long: {len(text):,} > {nlp.max_length:,} characters"
        if err is not None:
            out[i] = (_error(task, err), 0)
        else:
            todo.append(i)
    try:
        units = [(i, offset, doc) for i in todo for offset, doc in task_windows(nlp, tasks[i], window_chars)]
        done: dict[int, list] = {i: [] for i in todo}
        for group in _pipe_groups(units, window_chars):
            docs = nlp.pipe([doc for _, _, doc in group], batch_size=batch_size or len(group))
            for (i, offset, _), doc in zip(group, docs):
                done[i].append((offset, doc))
        for i in todo:
            out[i] = (_task_record(tasks[i], done[i]), len(tasks[i].text.split()))
    except Exception:
        for i in todo:
            task = tasks[i]
            try:
                parts = [(offset, nlp(doc)) for offset, doc in task_windows(nlp, task, window_chars)]
                out[i] = (_task_record(task, parts), len(task.text.split()))
            except Exception as exc:  # one bad document never stops the batch
                msg = " ".join(str(exc).split())[:300]
                out[i] = (_error(task, f"component-error: {type(exc).__name__}: {msg}"), 0)
    return out


def run_partition(model: str, tasks: list[Task], batch_size: int | None = None) -> list[tuple[dict, int]]:
    """The unit of work mapped over batches/partitions by worker processes and Dask:
    load (once per process) the model at path `model` and `process_batch`."""
    return process_batch(get_model(model), tasks, batch_size)


def extract_records(nlp, docs: Iterable[dict], summary: ExtractSummary,
                    batch_size: int = 32, with_hash: bool = False) -> Iterator[dict]:
    """Run `nlp` over documents in this process; yield one record per document, in
    order (without ``sha256`` unless `with_hash`). For evaluation and small jobs."""
    for batch in batched((document_task(d) for d in docs), batch_size):
        for record, words in process_batch(nlp, batch, batch_size):
            summary.add(record, words)
            if not with_hash:
                record.pop("sha256", None)
            yield record


# --------------------------------------------------------------------------- progress
def count_documents(inputs: Iterable[str | os.PathLike]) -> int | None:
    """Documents in the input when cheap to know (JSONL lines, Parquet rows), else None."""
    total = 0
    for p in inputs:
        p = Path(p)
        suffix = p.suffix.lower()
        if not p.is_file():
            return None
        if suffix == ".jsonl":
            with open(p, "rb") as fh:
                last = b"\n"
                while chunk := fh.read(1 << 22):
                    total += chunk.count(b"\n")
                    last = chunk[-1:]
                total += last != b"\n"
        elif suffix in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            try:
                total += pq.ParquetFile(p).metadata.num_rows
            except Exception:
                return None
        else:
            return None
    return total


def _hms(seconds: float) -> str:
    seconds = int(seconds)
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    """Documents/s, words/s and ETA on stderr: a rich bar on a terminal, plain lines
    (every `every` seconds) otherwise; `enabled=False` for silence."""

    def __init__(self, summary: ExtractSummary, total: int | None, enabled: bool = True,
                 stream=None, every: float | None = None):
        self.summary = summary
        self.total = total
        self.stream = stream or sys.stderr
        self.every = PROGRESS_EVERY if every is None else every
        self.start = time.perf_counter()
        self._last = self.start
        self._rich = None
        self.enabled = enabled
        if enabled and getattr(self.stream, "isatty", lambda: False)():
            from rich.console import Console
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress as RichProgress,
                                       TextColumn, TimeElapsedColumn, TimeRemainingColumn)

            self._rich = RichProgress(TextColumn("extract"), BarColumn(), MofNCompleteColumn(),
                                      TextColumn("{task.fields[rate]}"), TimeElapsedColumn(),
                                      TextColumn("ETA"), TimeRemainingColumn(),
                                      console=Console(file=self.stream), transient=False)
            self._rich.start()
            self._task = self._rich.add_task("extract", total=total, rate="")

    def _rates(self) -> tuple[float, float, float]:
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        s = self.summary
        return elapsed, s.documents / elapsed, s.words / elapsed

    def update(self, n: int) -> None:
        if not self.enabled:
            return
        elapsed, dps, wps = self._rates()
        s = self.summary
        if self._rich is not None:
            self._rich.update(self._task, advance=n,
                              rate=f"{dps:,.1f} docs/s {wps:,.0f} words/s errors {s.errors}")
            return
        now = time.perf_counter()
        if now - self._last < self.every:
            return
        self._last = now
        done = f"{s.documents:,}"
        eta = ""
        if self.total:
            done += f"/{self.total:,} ({100 * s.documents / self.total:.1f}%)"
            if dps > 0:
                eta = f"  ETA {_hms(max(self.total - s.documents, 0) / dps)}"
        print(f"extract: {done} docs  {dps:,.2f} docs/s  {wps:,.0f} words/s  errors {s.errors}  "
              f"elapsed {_hms(elapsed)}{eta}", file=self.stream, flush=True)

    def close(self) -> None:
        if self._rich is not None:
            self._rich.stop()
            self._rich = None


# --------------------------------------------------------------------------- driver
class _Done:
    """A finished future (in-process execution)."""

    def __init__(self, value):
        self._value = value

    def result(self):
        return self._value


def ordered_results(submit: Callable[[list[Task]], object], batches: Iterable[list[Task]],
                    window: int) -> Iterator[list[tuple[dict, int]]]:
    """Submit batches with at most `window` in flight; yield their results in order."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def drive(inputs: list[Path], output: Path, submit: Callable[[list[Task]], object], *,
          window: int, fmt: str | None = None, resume: bool = True, batch_size: int = 32,
          types: list[str] | None = None, progress: bool = True, processes: int = 1,
          max_chars: int | None = BATCH_CHARS, writer_options: dict | None = None,
          errors_path: Path | None = None) -> ExtractSummary:
    """Read inputs, skip what the output already holds, submit batches, write results
    in order. `submit(batch)` returns an object with `.result()` (a future).

    The errors file `errors_path` (default OUTPUT.errors.jsonl, rewritten by every run)
    holds one line per input of this run that is not extracted, as `corpus build`'s:
    ``{"id", "path", "reason", "kind", "detail"}``; ``kind`` "skipped" for what the
    reader left out (unsupported or duplicate inputs: not in the output), "error" for
    every error record written to the output (unreadable input, bad lines, text too
    long, a component failure...). Every input is in the output or there."""
    from sec_events.documents import atomic_path
    from sec_events.read.build import default_errors_path

    fmt = output_format(output, fmt)
    if fmt not in FORMATS:
        raise ValueError(f"unsupported output format {fmt!r} (jsonl, parquet or sqlite)")
    output = Path(output)
    summary = ExtractSummary(output=output, format=fmt, processes=processes)
    summary.errors_path = Path(errors_path) if errors_path else default_errors_path(output)
    start = time.perf_counter()
    with open_writer(output, fmt, resume=resume, **(writer_options or {})) as writer, \
            atomic_path(summary.errors_path) as etmp, open(etmp, "w", encoding="utf-8") as efh:
        summary.existing = writer.existing
        total = count_documents(inputs)
        if total is not None:
            total = max(total - writer.existing, 0)
        bar = Progress(summary, total, enabled=progress)
        try:
            # the errors file in input order: a skip (not in the output) is held with the
            # number of tasks read before it, and written before the error lines of the
            # tasks that follow it
            skips: deque = deque()
            read = [0]

            def on_error(err) -> None:
                if err.kind == "skipped":  # an error-kind record gets its output record
                    skips.append((read[0], err.to_dict()))

            def counted(tasks: Iterable[Task]) -> Iterator[Task]:
                for task in tasks:
                    yield task
                    read[0] += 1

            def write_skips(upto: float) -> None:
                while skips and skips[0][0] <= upto:
                    efh.write(json.dumps(skips.popleft()[1], ensure_ascii=False) + "\n")

            sent: deque = deque()  # the input paths of the batches in flight, in order

            def remember(batches: Iterable[list[Task]]) -> Iterator[list[Task]]:
                for batch in batches:
                    sent.append([task.path for task in batch])
                    yield batch

            tasks = counted(skip_done(iter_tasks(inputs, summary, types, on_error), writer.done, summary))
            batches = remember(batched_tasks(tasks, batch_size, max_chars))
            done = 0
            for results in ordered_results(submit, batches, window):
                writer.write_batch([record for record, _ in results])
                for (record, words), path in zip(results, sent.popleft()):
                    summary.add(record, words)
                    write_skips(done)
                    done += 1
                    if record.get("error"):
                        efh.write(json.dumps(error_entry(record, path), ensure_ascii=False) + "\n")
                efh.flush()
                bar.update(len(results))
            write_skips(float("inf"))
        finally:
            bar.close()
        summary.stale = sum(n for n in writer.done.values() if n > 0)
    summary.seconds = time.perf_counter() - start
    return summary


class Terminated(SystemExit):
    """SIGTERM reached the parent of worker processes: it stops them and exits 143."""


def _on_sigterm(signum, frame) -> None:
    raise Terminated(128 + signum)


def _init_worker(model: str) -> None:
    """Pool worker start: die with the parent; leave Ctrl-C to the parent (which stops
    the workers); load the model once (errors re-raised per batch)."""
    import signal

    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        get_model(model)
    except Exception:  # reported by the first batch, with its traceback
        pass


def run_extract(inputs: list[Path], output: Path, model: Path | None = None, fmt: str | None = None,
                processes: int = 1, batch_size: int = 32, resume: bool = True,
                types: list[str] | None = None, progress: bool = True,
                errors_path: Path | None = None) -> ExtractSummary:
    """`sec-events extract`: inputs -> records in `output` (JSONL, Parquet or SQLite)."""
    model_path = str(resolve_model(model))
    if processes <= 1:
        nlp = get_model(model_path)
        return drive(inputs, output, lambda batch: _Done(process_batch(nlp, batch, batch_size)),
                     window=1, fmt=fmt, resume=resume, batch_size=batch_size, types=types,
                     progress=progress, processes=1, errors_path=errors_path)

    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")  # one thread per worker process
    executor = ProcessPoolExecutor(max_workers=processes, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_init_worker, initargs=(model_path,))
    # SIGTERM (and Ctrl-C) unwind through here: the output is closed as after a kill,
    # the workers are stopped and the pool's semaphores released (no leak warning)
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if main else None
    try:
        return drive(inputs, output,
                     lambda batch: executor.submit(run_partition, model_path, batch, batch_size),
                     window=4 * processes, fmt=fmt, resume=resume, batch_size=batch_size, types=types,
                     progress=progress, processes=processes, errors_path=errors_path)
    except BaseException:
        for proc in list((getattr(executor, "_processes", None) or {}).values()):
            proc.terminate()  # stop at once rather than finish the batches in flight
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
