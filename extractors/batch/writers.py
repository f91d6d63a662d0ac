"""Resumable writers for extraction output: JSON Lines, Parquet and SQLite.

Every record is a FORMATS.md "Extraction output" line plus ``sha256``, the hex
SHA-256 of the document's UTF-8 text (``null`` when no text was read, e.g. an
unreadable raw file), and ``meta``, the input document's metadata
(`extractors.batch.records.record_meta`: company, cik, form, filed, items, source...
whatever the document carries; ``{}`` when it has none)::

    {"id": "...", "sha256": "9f2c...", "meta": {"company": "...", "form": "8-K", ...},
     "spans": [...], "events": [...], "error": null, "unmatched_items": [...]}

A writer is opened on the final output path. With ``resume=True`` (the default of
`sec-events extract`) it first reads what a previous run left there, exposes the
``(id, sha256)`` keys of the records already written in ``writer.done`` (a Counter,
so repeated keys are counted) and appends after them; with ``resume=False`` any
previous output is removed first. `write_batch(records)` makes a batch durable
before it returns (or, for Parquet, within `rows_per_part` records / `commit_seconds`),
so a run killed at any moment (SIGKILL, power loss of the process) leaves output
that a resumed run completes without duplicating or losing a record.

Typed values (Parquet and SQLite)
    A span's or argument's normalised ``value`` (SCHEMA section 3) is split into
    typed fields: ``amount`` (double) and ``currency`` (string) for MONEY, ``number``
    (double) for SHARES and PERCENT, ``date`` (string: ``2004-03-05``, ``2004-03``,
    ``FY2002``, ``2002-Q3``) for DATE, and ``value_json`` (JSON text) for a value of
    any other shape (none in SCHEMA v1.2; named so as not to clash with the span's
    ``text``). A span of a valued label whose value could not be read has all of them
    null. Read back, a span has a ``value`` key when its label is valued or one of
    the fields is set (a SHARES count is an int again); an argument when one is set
    or the span it points at has one. An argument whose offsets are those of an entity
    span points at it: ``span`` (its index in the record's ``spans``) in Parquet,
    ``span_id`` (a foreign key) in SQLite; a text filler (proposal, reason...) has
    none. Keys of a span, event or argument that these columns do not hold go to an
    ``extra`` JSON field, so nothing is lost.

JSON Lines (``.jsonl``)
    Appended to the final path; each batch is written with one ``write`` and then
    ``flush`` + ``fsync``. On resume the file is scanned; a torn last line (no
    newline, or not valid JSON) is cut off by truncating the file to the end of the
    last complete line.

Parquet (``.parquet``)
    Written with pyarrow under an explicit schema (`parquet_schema`), nested columns
    typed so that pandas (``pd.read_parquet``) and duckdb
    (``select unnest(spans, recursive := true) from 'x.parquet'``) read them as they
    are::

        id string, sha256 string,
        meta struct<accession, company, cik, ticker, form, type, document_type,
                    sequence, filename, description, filed, accepted, period: string,
                    items: list<string>, source, url, encoding, format: string,
                    truncated: bool,
                    other: string>        -- JSON of the meta keys not listed (or not
                                          -- of the listed type); null when none
        spans list<struct<start int64, end int64, label string, text string,
                          score double, amount double, currency string, number double,
                          date string, value_json string, extra string>>
        events list<struct<type string,
                           trigger struct<start int64, end int64, text string>,
                           modality string, score double,
                           args list<struct<role string, start int64, end int64,
                                            text string, span int32, score double,
                                            amount double, currency string,
                                            number double, date string,
                                            value_json string, extra string>>,
                           extra string>>
        error string,
        unmatched_items list<string>      -- null when the document declared no items
        sections list<struct<item string, title string, start int64, end int64,
                             items list<string>, extra string>>   -- extractors.sections
        extra string                      -- JSON of other top-level record keys

    While running, records go to committed parts beside the output:
    ``OUT.parquet.parts/part-00000.parquet``, ``part-00001.parquet``... Each part is
    committed every `rows_per_part` rows (default 1000, or ``$SEC_EVENTS_PARQUET_PART_ROWS``)
    or `commit_seconds` (30 s), whichever comes first, so a kill loses at most that
    much work, which the resumed run redoes; no more than one part's rows are held in
    memory. A part is written to a hidden temporary name, fsynced and renamed into
    place, so a part either exists complete or not at all (leftover temporaries are
    deleted on resume). `close()` merges the parts, in order, into ``OUT.parquet``
    (streamed batch by batch through a ``pyarrow.parquet.ParquetWriter`` in row groups
    of `rows_per_part` rows, written to a temporary file and renamed), then deletes the
    parts folder. If the parts folder exists it is authoritative (an ``OUT.parquet``
    beside it is a stale merge); resuming on a finished ``OUT.parquet`` moves it into
    the parts folder as the first part and appends new parts after it. A file of
    another schema (e.g. the JSON-text columns of earlier versions) is not resumed.
    File metadata key ``sec_events`` names the layout (`PARQUET_LAYOUT`).

SQLite (``.sqlite`` / ``.db``)
    One transaction per batch (WAL journal while running, ``synchronous=FULL``; on
    close the WAL is checkpointed and the file returned to a single-file rollback
    journal). Schema (``PRAGMA user_version = 3``; `SQLITE_SCHEMA`)::

        documents(seq INTEGER PRIMARY KEY,     -- 0-based output order = input order
                  id TEXT NOT NULL, sha256 TEXT, error TEXT,
                  n_spans INTEGER NOT NULL, n_events INTEGER NOT NULL,
                  accession, company, cik, ticker, form, type, document_type,
                  sequence, filename, description, filed, accepted, period TEXT,
                  items TEXT,                  -- JSON list of the declared items
                  source, url, encoding, format TEXT, truncated INTEGER,
                  meta_other TEXT,             -- JSON of the other meta keys
                  unmatched_items TEXT,        -- JSON list; NULL when no items declared
                  n_sections INTEGER,          -- NULL: the record has no sections list
                  extra TEXT)                  -- JSON of other record keys
        sections(doc_seq INTEGER NOT NULL REFERENCES documents(seq), idx INTEGER NOT NULL,
                 item TEXT, title TEXT, start_char INTEGER, end_char INTEGER,
                 items TEXT,                   -- JSON list, for a heading of several items
                 extra TEXT, PRIMARY KEY (doc_seq, idx))
        spans(span_id INTEGER PRIMARY KEY,
              doc_seq INTEGER NOT NULL REFERENCES documents(seq),
              idx INTEGER NOT NULL,              -- position in the record's spans list
              start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
              label TEXT NOT NULL, text TEXT NOT NULL,
              amount REAL, currency TEXT, number REAL, date TEXT, value_json TEXT,
              score REAL, extra TEXT, UNIQUE (doc_seq, idx))
        events(event_id INTEGER PRIMARY KEY,
               doc_seq INTEGER NOT NULL REFERENCES documents(seq), idx INTEGER NOT NULL,
               type TEXT NOT NULL, trigger_start INTEGER, trigger_end INTEGER,
               trigger_text TEXT, modality TEXT, score REAL, extra TEXT,
               UNIQUE (doc_seq, idx))
        arguments(argument_id INTEGER PRIMARY KEY,
                  event_id INTEGER NOT NULL REFERENCES events(event_id),
                  doc_seq INTEGER NOT NULL REFERENCES documents(seq),
                  idx INTEGER NOT NULL,          -- position in the event's args
                  role TEXT NOT NULL,
                  span_id INTEGER REFERENCES spans(span_id),  -- NULL: a text filler
                  start_char INTEGER, end_char INTEGER, text TEXT,
                  amount REAL, currency TEXT, number REAL, date TEXT, value_json TEXT,
                  score REAL, extra TEXT, UNIQUE (event_id, idx))

    Indexes: ``documents(id, sha256)``, ``documents(company)``, ``documents(form)``,
    ``spans(label)``, ``events(type)``, ``arguments(role)``, ``arguments(span_id)``.
    Offsets are code-point offsets into the document text, ``end`` exclusive, as in
    FORMATS.md. A database of an earlier schema (user_version 2) is not resumed.

`read_records(path)` streams any of the three back as FORMATS.md dicts (with
``sha256`` and ``meta``), in output order.
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Iterator

from sec_events.documents import output_format

FORMATS = ("jsonl", "parquet", "sqlite")
SQLITE_VERSION = 3
PART_ROWS_ENV = "SEC_EVENTS_PARQUET_PART_ROWS"  # rows per Parquet part (default 1000)
Key = tuple[str, "str | None"]


def record_key(record: dict) -> Key:
    return (record["id"], record.get("sha256"))


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


class ResumeError(RuntimeError):
    """The existing output cannot be resumed (not written by a resumable run)."""


class RecordWriter:
    """Base class: `done` keys of records already in the output, `write_batch`, `close`."""

    fmt = ""

    def __init__(self, path: str | os.PathLike, resume: bool = True):
        self.path = Path(path)
        self.resume = resume
        self.done: Counter = Counter()
        self.written = 0  # records written by this writer (not counting resumed ones)
        self.existing = 0  # records already in the output when it was opened
        self.truncated_bytes = 0  # torn tail cut off on resume (JSONL)
        self.path.parent.mkdir(parents=True, exist_ok=True)

    def write_batch(self, records: list[dict]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        pass

    def abort(self) -> None:
        """Release resources without finishing (what is committed stays for a resume)."""
        self.close()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.close()
        else:
            self.abort()


# --------------------------------------------------------------------------- JSONL
class JsonlWriter(RecordWriter):
    fmt = "jsonl"

    def __init__(self, path, resume: bool = True):
        super().__init__(path, resume)
        if resume and self.path.exists():
            self._scan()
        else:
            with open(self.path, "wb") as fh:
                os.fsync(fh.fileno())
        self._fh = open(self.path, "ab")

    def _scan(self) -> None:
        good = 0
        n = 0
        with open(self.path, "rb+") as fh:
            size = os.fstat(fh.fileno()).st_size
            for lineno, raw in enumerate(fh, 1):
                if not raw.endswith(b"\n"):
                    break  # torn last line
                if raw.strip():
                    try:
                        rec = json.loads(raw)
                    except ValueError:
                        if good + len(raw) >= size:
                            break  # torn (garbled) last line
                        raise ResumeError(f"{self.path}:{lineno}: not valid JSON; cannot resume "
                                          f"(use --no-resume to overwrite)")
                    if not (isinstance(rec, dict) and "id" in rec and "sha256" in rec and "spans" in rec):
                        raise ResumeError(f"{self.path}:{lineno}: not an extraction record with "
                                          f"id and sha256; cannot resume (use --no-resume to overwrite)")
                    self.done[record_key(rec)] += 1
                    n += 1
                good += len(raw)
            if good < size:
                fh.truncate(good)
                fh.flush()
                os.fsync(fh.fileno())
        self.existing = n
        self.truncated_bytes = size - good

    def write_batch(self, records: list[dict]) -> None:
        if not records:
            return
        data = "".join(_dumps(r) + "\n" for r in records).encode("utf-8")
        self._fh.write(data)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self.written += len(records)

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.flush()
            os.fsync(self._fh.fileno())
            self._fh.close()


# --------------------------------------------------------------------------- typed fields
# meta keys with a column of their own, and the type it holds; every other key (or a
# listed key whose value is of another type) goes to the JSON `other` field
META_FIELDS: tuple[tuple[str, str], ...] = (
    ("accession", "str"), ("company", "str"), ("cik", "str"), ("ticker", "str"), ("form", "str"),
    ("type", "str"), ("document_type", "str"), ("sequence", "str"), ("filename", "str"),
    ("description", "str"), ("filed", "str"), ("accepted", "str"), ("period", "str"),
    ("items", "list"), ("source", "str"), ("url", "str"), ("encoding", "str"), ("format", "str"),
    ("truncated", "bool"))
# the typed fields a value is split into (`split_value`), with their column types
VALUE_TYPES = (("amount", float), ("currency", str), ("number", float), ("date", str), ("value_json", str))
VALUE_FIELDS = tuple(name for name, _ in VALUE_TYPES)
RECORD_KEYS = ("id", "sha256", "meta", "spans", "events", "error", "unmatched_items", "sections")
_SPAN_KEYS = ("start", "end", "label", "text", "value", "score")
_EVENT_KEYS = ("type", "trigger", "args", "modality", "score")
_TRIGGER_KEYS = ("start", "end", "text")
_ARG_KEYS = ("role", "start", "end", "text", "value", "score")
_SECTION_KEYS = ("item", "title", "start", "end", "items")


def _of_type(value, kind: str) -> bool:
    if kind == "str":
        return isinstance(value, str)
    if kind == "bool":
        return isinstance(value, bool)
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def split_meta(meta: dict | None) -> tuple[dict, dict]:
    """(typed, other): the meta keys of `META_FIELDS` whose value has the listed type,
    and the rest."""
    typed, other = {}, {}
    kinds = dict(META_FIELDS)
    for key, value in (meta or {}).items():
        if key in kinds and _of_type(value, kinds[key]):
            typed[key] = value
        elif value is not None:
            other[key] = value
    return typed, other


def join_meta(typed: dict, other: str | None) -> dict:
    """The inverse of `split_meta` (`other` as stored: JSON text or None)."""
    meta = {k: v for k, v in typed.items() if v is not None}
    if other:
        meta.update(json.loads(other))
    return meta


def split_value(value) -> dict:
    """A normalised value as typed fields (`VALUE_FIELDS`; absent fields are null)."""
    if value is None:
        return {}
    if isinstance(value, bool):
        return {"value_json": _dumps(value)}
    if isinstance(value, (int, float)):
        return {"number": float(value)}
    if isinstance(value, str):
        return {"date": value}
    if (isinstance(value, dict) and set(value) == {"amount", "currency"}
            and isinstance(value["amount"], (int, float)) and not isinstance(value["amount"], bool)
            and isinstance(value["currency"], (str, type(None)))):
        return {"amount": float(value["amount"]), "currency": value["currency"]}
    return {"value_json": _dumps(value)}


def join_value(fields: dict, label: str | None = None, valued: bool = False):
    """(present, value) from typed fields: a value is present when a field is set or
    `valued` (the span's label carries one); a SHARES number that is whole is an int."""
    if fields.get("value_json") is not None:
        return True, json.loads(fields["value_json"])
    if fields.get("amount") is not None:
        return True, {"amount": fields.get("amount"), "currency": fields.get("currency")}
    number = fields.get("number")
    if number is not None:
        if label == "SHARES" and float(number).is_integer():
            number = int(number)
        return True, number
    if fields.get("date") is not None:
        return True, fields["date"]
    return valued, None


def _valued(label: str | None) -> bool:
    from extractors.schema import VALUED

    return label in VALUED


def _extra_text(d: dict, known: tuple) -> str | None:
    rest = {k: v for k, v in d.items() if k not in known}
    return _dumps(rest) if rest else None


def span_index(spans: list[dict]) -> dict[tuple[int, int], int]:
    """(start, end) -> index of the first span with those offsets (what an argument
    whose filler is an entity points at)."""
    index: dict[tuple[int, int], int] = {}
    for i, s in enumerate(spans):
        index.setdefault((s.get("start"), s.get("end")), i)
    return index


def _event_extra(e: dict) -> str | None:
    extra = {k: v for k, v in e.items() if k not in _EVENT_KEYS}
    trig = e.get("trigger")
    if "trigger" not in e or not isinstance(trig, dict) or set(trig) - set(_TRIGGER_KEYS):
        extra["trigger"] = trig
    return _dumps(extra) if extra else None


def _items_text(record: dict) -> str | None:
    """`unmatched_items` as stored in SQLite (JSON text); None when the document declared no items."""
    return _dumps(record["unmatched_items"]) if "unmatched_items" in record else None


def _record_extra(record: dict) -> str | None:
    return _extra_text(record, RECORD_KEYS)


def _section_fields(section: dict) -> dict:
    """A section (`extractors.sections`) as typed fields (`items` only for a heading of several)."""
    return {"item": section.get("item"), "title": section.get("title"), "start": _num(section.get("start")),
            "end": _num(section.get("end")), "items": section.get("items"),
            "extra": _extra_text(section, _SECTION_KEYS)}


def _section(fields: dict) -> dict:
    out = {k: fields[k] for k in _SECTION_KEYS if fields.get(k) is not None}
    if fields.get("extra"):
        out.update(json.loads(fields["extra"]))
    return out


def _finish(record: dict, meta: dict, items, extra: str | None, sections: list | None = None) -> dict:
    """Put the stored meta, `unmatched_items` and `sections` (None: absent) and extra keys back."""
    out = {"id": record["id"], "sha256": record["sha256"], "meta": meta, "spans": record["spans"],
           "events": record["events"], "error": record["error"]}
    if items is not None:
        out["unmatched_items"] = items
    if sections is not None:
        out["sections"] = sections
    if extra:
        out.update(json.loads(extra))
    return out


# --------------------------------------------------------------------------- Parquet
PARQUET_LAYOUT = ("extraction output v2 (FORMATS.md, typed): meta struct; spans, events and args "
                  "as lists of structs with typed values (amount, currency, number, date, "
                  "value_json); args point at spans by index (span); sections; sha256 of the UTF-8 text")


def _value_types(pa) -> list:
    return [(name, pa.float64() if kind is float else pa.string()) for name, kind in VALUE_TYPES]


def parquet_schema():
    """The explicit Arrow schema of extraction output (see the module docstring)."""
    import pyarrow as pa

    meta = pa.struct([(name, pa.list_(pa.string()) if kind == "list" else
                       pa.bool_() if kind == "bool" else pa.string()) for name, kind in META_FIELDS]
                     + [("other", pa.string())])
    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()),
                      ("text", pa.string()), ("score", pa.float64()), *_value_types(pa),
                      ("extra", pa.string())])
    arg = pa.struct([("role", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                     ("text", pa.string()), ("span", pa.int32()), ("score", pa.float64()),
                     *_value_types(pa), ("extra", pa.string())])
    trigger = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    event = pa.struct([("type", pa.string()), ("trigger", trigger), ("modality", pa.string()),
                       ("score", pa.float64()), ("args", pa.list_(arg)), ("extra", pa.string())])
    section = pa.struct([("item", pa.string()), ("title", pa.string()), ("start", pa.int64()),
                         ("end", pa.int64()), ("items", pa.list_(pa.string())), ("extra", pa.string())])
    return pa.schema([("id", pa.string()), ("sha256", pa.string()), ("meta", meta),
                      ("spans", pa.list_(span)), ("events", pa.list_(event)), ("error", pa.string()),
                      ("unmatched_items", pa.list_(pa.string())), ("sections", pa.list_(section)),
                      ("extra", pa.string())],
                     metadata={"sec_events": PARQUET_LAYOUT})


def _num(x):
    """A score or offset as Arrow takes it (a number; anything else is null)."""
    return x if isinstance(x, (int, float)) and not isinstance(x, bool) else None


def _parquet_row(record: dict) -> dict:
    """One record as a row of `parquet_schema`."""
    spans = record.get("spans") or []
    where = span_index(spans)
    typed, other = split_meta(record.get("meta"))
    row_spans = [{"start": s["start"], "end": s["end"], "label": s["label"], "text": s["text"],
                  "score": _num(s.get("score")), **split_value(s.get("value")),
                  "extra": _extra_text(s, _SPAN_KEYS)} for s in spans]
    events = []
    for e in record.get("events") or []:
        trig = e.get("trigger") if isinstance(e.get("trigger"), dict) else {}
        args = [{"role": a["role"], "start": a.get("start"), "end": a.get("end"), "text": a.get("text"),
                 "span": where.get((a.get("start"), a.get("end"))) if "start" in a else None,
                 "score": _num(a.get("score")), **split_value(a.get("value")),
                 "extra": _extra_text(a, _ARG_KEYS)} for a in e.get("args") or []]
        events.append({"type": e["type"], "trigger": {k: trig.get(k) for k in _TRIGGER_KEYS},
                       "modality": e.get("modality"), "score": _num(e.get("score")), "args": args,
                       "extra": _event_extra(e)})
    return {"id": record["id"], "sha256": record.get("sha256"),
            "meta": {**typed, "other": _dumps(other) if other else None},
            "spans": row_spans, "events": events, "error": record.get("error"),
            "unmatched_items": record.get("unmatched_items"),
            "sections": None if record.get("sections") is None else
            [_section_fields(x) for x in record["sections"]],
            "extra": _record_extra(record)}


def _typed_item(d: dict, keys: tuple) -> dict:
    return {k: d[k] for k in keys if d.get(k) is not None}


def _with_value(item: dict, fields: dict, label: str | None, valued: bool) -> dict:
    """`item` (a span or an argument being rebuilt) with its value, score and extra keys
    read back from its stored `fields` (a Parquet struct, or a SQLite row: `_stored`)."""
    present, value = join_value(fields, label, valued)
    if present:
        item["value"] = value
    if fields["score"] is not None:
        item["score"] = fields["score"]
    if fields["extra"]:
        item.update(json.loads(fields["extra"]))
    return item


def _stored(columns) -> dict:
    """The value fields, score and extra keys of a SQLite span or argument row (its
    columns after the offsets and text, in that order), as `_with_value` reads them."""
    *values, score, extra = columns
    return {**dict(zip(VALUE_FIELDS, values)), "score": score, "extra": extra}


def _parquet_record(row: dict) -> dict:
    """The inverse of `_parquet_row`: a FORMATS.md record (with sha256 and meta)."""
    spans = [_with_value({"start": s["start"], "end": s["end"], "label": s["label"], "text": s["text"]},
                         s, s["label"], _valued(s["label"])) for s in row["spans"] or []]
    events = []
    for e in row["events"] or []:
        args = []
        for a in e["args"] or []:
            span = spans[a["span"]] if a["span"] is not None else None
            args.append(_with_value({"role": a["role"], **_typed_item(a, ("start", "end", "text"))}, a,
                                    span["label"] if span else None, span is not None and "value" in span))
        event = {"type": e["type"], "trigger": _typed_item(e["trigger"] or {}, _TRIGGER_KEYS), "args": args}
        if e["modality"] is not None:
            event["modality"] = e["modality"]
        if e["score"] is not None:
            event["score"] = e["score"]
        if e["extra"]:
            event.update(json.loads(e["extra"]))
        events.append(event)
    meta = dict(row["meta"] or {})
    other = meta.pop("other", None)
    sections = None if row["sections"] is None else [_section(x) for x in row["sections"]]
    return _finish({"id": row["id"], "sha256": row["sha256"], "spans": spans, "events": events,
                    "error": row["error"]}, join_meta(meta, other), row["unmatched_items"], row["extra"], sections)


def parts_dir(path: Path) -> Path:
    return path.with_name(path.name + ".parts")


class ParquetWriter(RecordWriter):
    fmt = "parquet"

    def __init__(self, path, resume: bool = True, rows_per_part: int | None = None,
                 commit_seconds: float = 30.0):
        super().__init__(path, resume)
        self.rows_per_part = rows_per_part or int(os.environ.get(PART_ROWS_ENV, 1000))
        self.commit_seconds = commit_seconds
        self.parts = parts_dir(self.path)
        self._buffer: list[dict] = []
        self._last_commit = time.monotonic()
        shutil.rmtree(self._trash(), ignore_errors=True)
        if not resume:
            shutil.rmtree(self.parts, ignore_errors=True)
            self.path.unlink(missing_ok=True)
        if self.parts.exists():
            for tmp in self.parts.glob(".*"):
                tmp.unlink()
        elif resume and self.path.exists():
            self._check_schema(self.path)
            self.parts.mkdir()
            os.replace(self.path, self.parts / "part-00000.parquet")
            _fsync_dir(self.parts)
            _fsync_dir(self.path.parent)
        self.parts.mkdir(exist_ok=True)
        self._next = 0
        for part in self._part_files():
            self._check_schema(part)
            self._next = int(part.stem.split("-")[1]) + 1
            import pyarrow.parquet as pq

            table = pq.read_table(part, columns=["id", "sha256"])
            for doc_id, sha in zip(table.column("id").to_pylist(), table.column("sha256").to_pylist()):
                self.done[(doc_id, sha)] += 1
                self.existing += 1

    def _part_files(self) -> list[Path]:
        return sorted(self.parts.glob("part-*.parquet")) if self.parts.exists() else []

    @staticmethod
    def _check_schema(path: Path) -> None:
        import pyarrow.parquet as pq

        schema = pq.read_schema(path)
        if not {"id", "sha256", "spans", "events", "error"} <= set(schema.names):
            raise ResumeError(f"{path}: not an extraction output with id and sha256 columns; "
                              f"cannot resume (use --no-resume to overwrite)")
        if not schema.equals(parquet_schema(), check_metadata=False):
            raise ResumeError(f"{path}: extraction output of another layout (an earlier version's "
                              f"JSON-text columns?); cannot resume (use --no-resume to overwrite)")

    def write_batch(self, records: list[dict]) -> None:
        self._buffer.extend(_parquet_row(r) for r in records)
        self.written += len(records)
        if (len(self._buffer) >= self.rows_per_part
                or time.monotonic() - self._last_commit >= self.commit_seconds):
            self.commit()

    def commit(self) -> None:
        """Write the buffered rows as the next part (atomic: temporary file + rename)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._last_commit = time.monotonic()
        if not self._buffer:
            return
        name = f"part-{self._next:05d}.parquet"
        tmp = self.parts / f".{name}.tmp"
        table = pa.Table.from_pylist(self._buffer, schema=parquet_schema())
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.parts / name)
        _fsync_dir(self.parts)
        self._next += 1
        self._buffer = []

    def close(self) -> None:
        """Commit what is buffered, merge the parts into the output, remove the parts."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not self.parts.exists():
            return  # already closed
        self.commit()
        schema = parquet_schema()
        tmp = self.path.with_name(f".{self.path.name}.merge.tmp")
        with open(tmp, "wb") as fh:
            writer = pq.ParquetWriter(fh, schema, compression="zstd")
            size = self.rows_per_part
            pending = pa.Table.from_batches([], schema=schema)  # fewer than `size` rows
            for part in self._part_files():
                for batch in pq.ParquetFile(part).iter_batches(batch_size=size):
                    pending = pa.concat_tables([pending, pa.Table.from_batches([batch], schema=schema)])
                    while pending.num_rows >= size:  # row groups of exactly `size` rows
                        writer.write_table(pending.slice(0, size), row_group_size=size)
                        pending = pending.slice(size)
            if pending.num_rows:
                writer.write_table(pending, row_group_size=size)
            writer.close()
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path)
        _fsync_dir(self.path.parent)
        # retire the parts atomically before deleting them: a parts folder that exists
        # is always complete
        trash = self._trash()
        os.replace(self.parts, trash)
        _fsync_dir(self.path.parent)
        shutil.rmtree(trash)

    def _trash(self) -> Path:
        return self.path.with_name(f".{self.path.name}.parts.done")

    def abort(self) -> None:
        try:
            self.commit()
        except Exception:  # keep what is committed; the buffer is redone on resume
            pass


# --------------------------------------------------------------------------- SQLite
_META_COLUMNS = tuple(name for name, _ in META_FIELDS)
SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    sha256 TEXT,
    error TEXT,
    n_spans INTEGER NOT NULL,
    n_events INTEGER NOT NULL,
    %(meta)s,
    meta_other TEXT,
    unmatched_items TEXT,
    n_sections INTEGER,
    extra TEXT
);
CREATE TABLE IF NOT EXISTS sections (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    item TEXT,
    title TEXT,
    start_char INTEGER,
    end_char INTEGER,
    items TEXT,
    extra TEXT,
    PRIMARY KEY (doc_seq, idx)
);
CREATE TABLE IF NOT EXISTS spans (
    span_id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    %(values)s,
    score REAL,
    extra TEXT,
    UNIQUE (doc_seq, idx)
);
CREATE TABLE IF NOT EXISTS events (
    event_id INTEGER PRIMARY KEY,
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text TEXT,
    modality TEXT,
    score REAL,
    extra TEXT,
    UNIQUE (doc_seq, idx)
);
CREATE TABLE IF NOT EXISTS arguments (
    argument_id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(event_id),
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    role TEXT NOT NULL,
    span_id INTEGER REFERENCES spans(span_id),
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    %(values)s,
    score REAL,
    extra TEXT,
    UNIQUE (event_id, idx)
);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id, sha256);
CREATE INDEX IF NOT EXISTS documents_company ON documents(company);
CREATE INDEX IF NOT EXISTS documents_form ON documents(form);
CREATE INDEX IF NOT EXISTS spans_label ON spans(label);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS arguments_role ON arguments(role);
CREATE INDEX IF NOT EXISTS arguments_span ON arguments(span_id);
""" % {"meta": ",\n    ".join(f"{name} {'INTEGER' if kind == 'bool' else 'TEXT'}" for name, kind in META_FIELDS),
       "values": ",\n    ".join(f"{name} {'REAL' if kind is float else 'TEXT'}" for name, kind in VALUE_TYPES)}


def _values(d: dict) -> tuple:
    fields = split_value(d.get("value"))
    return tuple(fields.get(k) for k in VALUE_FIELDS)


def _meta_columns(meta: dict | None) -> tuple:
    typed, other = split_meta(meta)
    row = []
    for name, kind in META_FIELDS:
        value = typed.get(name)
        row.append(_dumps(value) if kind == "list" and value is not None else
                   int(value) if kind == "bool" and value is not None else value)
    return (*row, _dumps(other) if other else None)


def _meta_from_columns(values: tuple) -> dict:
    typed = {}
    for (name, kind), value in zip(META_FIELDS, values):
        if value is not None:
            typed[name] = json.loads(value) if kind == "list" else bool(value) if kind == "bool" else value
    return join_meta(typed, values[len(META_FIELDS)])


class SqliteWriter(RecordWriter):
    fmt = "sqlite"

    def __init__(self, path, resume: bool = True):
        super().__init__(path, resume)
        if not resume:
            for p in (self.path, Path(f"{self.path}-wal"), Path(f"{self.path}-shm"),
                      Path(f"{self.path}-journal")):
                p.unlink(missing_ok=True)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise ResumeError(f"{self.path}: not a SQLite database ({exc}); use --no-resume to overwrite")
        if tables and (version != SQLITE_VERSION or "documents" not in tables):
            self.conn.close()
            older = " of an earlier schema" if "documents" in tables and version < SQLITE_VERSION else ""
            raise ResumeError(f"{self.path}: not an extraction database{older} (user_version {version}, "
                              f"this version writes {SQLITE_VERSION}); use --no-resume to overwrite")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.executescript(SQLITE_SCHEMA)
        self.conn.execute(f"PRAGMA user_version = {SQLITE_VERSION}")
        self._seq = 0
        for doc_id, sha, seq in self.conn.execute("SELECT id, sha256, seq FROM documents ORDER BY seq"):
            self.done[(doc_id, sha)] += 1
            self.existing += 1
            self._seq = seq + 1
        self._next_ids()

    def _next_ids(self) -> None:
        """The next span, event and argument ids (after what is committed)."""
        one = lambda sql: (self.conn.execute(sql).fetchone()[0] or 0) + 1  # noqa: E731
        self._span_id = one("SELECT max(span_id) FROM spans")
        self._event_id = one("SELECT max(event_id) FROM events")
        self._arg_id = one("SELECT max(argument_id) FROM arguments")

    def write_batch(self, records: list[dict]) -> None:
        if not records:
            return
        docs, spans, events, args, sections = [], [], [], [], []
        for rec in records:
            seq = self._seq
            self._seq += 1
            rec_spans = rec.get("spans") or []
            rec_events = rec.get("events") or []
            rec_sections = rec.get("sections")
            docs.append((seq, rec["id"], rec.get("sha256"), rec.get("error"), len(rec_spans), len(rec_events),
                         *_meta_columns(rec.get("meta")), _items_text(rec),
                         None if rec_sections is None else len(rec_sections), _record_extra(rec)))
            for i, x in enumerate(rec_sections or []):
                f = _section_fields(x)
                sections.append((seq, i, f["item"], f["title"], f["start"], f["end"],
                                 None if f["items"] is None else _dumps(f["items"]), f["extra"]))
            first_id = self._span_id
            for i, s in enumerate(rec_spans):
                spans.append((self._span_id, seq, i, s["start"], s["end"], s["label"], s["text"], *_values(s),
                              _num(s.get("score")), _extra_text(s, _SPAN_KEYS)))
                self._span_id += 1
            where = span_index(rec_spans)
            for i, e in enumerate(rec_events):
                trig = e.get("trigger") if isinstance(e.get("trigger"), dict) else {}
                event_id = self._event_id
                self._event_id += 1
                events.append((event_id, seq, i, e["type"], trig.get("start"), trig.get("end"), trig.get("text"),
                               e.get("modality"), _num(e.get("score")), _event_extra(e)))
                for j, a in enumerate(e.get("args") or []):
                    idx = where.get((a.get("start"), a.get("end"))) if "start" in a else None
                    args.append((self._arg_id, event_id, seq, j, a["role"],
                                 None if idx is None else first_id + idx, a.get("start"), a.get("end"),
                                 a.get("text"), *_values(a), _num(a.get("score")), _extra_text(a, _ARG_KEYS)))
                    self._arg_id += 1
        conn = self.conn
        marks = lambda row: ",".join("?" * len(row))  # noqa: E731
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(f"INSERT INTO documents VALUES ({marks(docs[0])})", docs)
            if spans:
                conn.executemany(f"INSERT INTO spans VALUES ({marks(spans[0])})", spans)
            if events:
                conn.executemany(f"INSERT INTO events VALUES ({marks(events[0])})", events)
            if args:
                conn.executemany(f"INSERT INTO arguments VALUES ({marks(args[0])})", args)
            if sections:
                conn.executemany(f"INSERT INTO sections VALUES ({marks(sections[0])})", sections)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            self._seq -= len(records)
            self._next_ids()
            raise
        self.written += len(records)

    def close(self) -> None:
        if self.conn is None:
            return
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:  # one file again, without -wal and -shm beside it
            self.conn.execute("PRAGMA journal_mode=DELETE")
        except sqlite3.OperationalError:
            # a reader holds the database open (`sqlite3 out.sqlite` in another window): every
            # batch is committed, so the file stays in WAL mode rather than failing the run
            pass
        self.conn.close()
        self.conn = None

    def abort(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _sqlite_records(path: Path) -> Iterator[dict]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    meta_cols = ", ".join((*_META_COLUMNS, "meta_other"))
    values = ", ".join(VALUE_FIELDS)
    try:
        cur = conn.execute(f"SELECT seq, id, sha256, error, unmatched_items, n_sections, extra, {meta_cols} "
                           f"FROM documents ORDER BY seq")
        while True:
            rows = cur.fetchmany(256)
            if not rows:
                break
            lo, hi = rows[0][0], rows[-1][0]
            spans: dict[int, list] = {}
            by_id: dict[int, dict] = {}
            for span_id, seq, start, end, label, text, *rest in conn.execute(
                    f"SELECT span_id, doc_seq, start_char, end_char, label, text, {values}, score, extra "
                    f"FROM spans WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, idx", (lo, hi)):
                s = _with_value({"start": start, "end": end, "label": label, "text": text},
                                _stored(rest), label, _valued(label))
                spans.setdefault(seq, []).append(s)
                by_id[span_id] = s
            args: dict[int, list] = {}
            for event_id, span_id, role, start, end, text, *rest in conn.execute(
                    f"SELECT event_id, span_id, role, start_char, end_char, text, {values}, score, extra "
                    f"FROM arguments WHERE doc_seq BETWEEN ? AND ? ORDER BY event_id, idx", (lo, hi)):
                span = by_id.get(span_id) if span_id is not None else None
                a = _with_value({"role": role, **_typed_item({"start": start, "end": end, "text": text},
                                                             ("start", "end", "text"))},
                                _stored(rest), span and span["label"], span is not None and "value" in span)
                args.setdefault(event_id, []).append(a)
            events: dict[int, list] = {}
            for event_id, seq, etype, ts, te, tt, modality, score, extra in conn.execute(
                    "SELECT event_id, doc_seq, type, trigger_start, trigger_end, trigger_text, modality, score, "
                    "extra FROM events WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, idx", (lo, hi)):
                trig = {k: v for k, v in (("start", ts), ("end", te), ("text", tt)) if v is not None}
                e = {"type": etype, "trigger": trig, "args": args.get(event_id, [])}
                if modality is not None:
                    e["modality"] = modality
                if score is not None:
                    e["score"] = score
                if extra:
                    e.update(json.loads(extra))
                events.setdefault(seq, []).append(e)
            sections: dict[int, list] = {}
            for seq, item, title, start, end, several, extra in conn.execute(
                    "SELECT doc_seq, item, title, start_char, end_char, items, extra FROM sections "
                    "WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, idx", (lo, hi)):
                sections.setdefault(seq, []).append(_section(
                    {"item": item, "title": title, "start": start, "end": end,
                     "items": None if several is None else json.loads(several), "extra": extra}))
            for seq, doc_id, sha, error, items, n_sections, extra, *meta in rows:
                yield _finish({"id": doc_id, "sha256": sha, "spans": spans.get(seq, []),
                               "events": events.get(seq, []), "error": error}, _meta_from_columns(tuple(meta)),
                              None if items is None else json.loads(items), extra,
                              None if n_sections is None else sections.get(seq, []))
    finally:
        conn.close()


# --------------------------------------------------------------------------- API
def open_writer(path: str | os.PathLike, fmt: str | None = None, resume: bool = True,
                **options) -> RecordWriter:
    """A writer for `path` in `fmt` (default: by extension, see `output_format`)."""
    fmt = output_format(path, fmt)
    if fmt == "jsonl":
        return JsonlWriter(path, resume)
    if fmt == "parquet":
        return ParquetWriter(path, resume, **options)
    if fmt == "sqlite":
        return SqliteWriter(path, resume)
    raise ValueError(f"unsupported output format {fmt!r} (jsonl, parquet or sqlite)")


def read_records(path: str | os.PathLike, fmt: str | None = None) -> Iterator[dict]:
    """Stream extraction records (with sha256) back from any output format, in order."""
    path = Path(path)
    fmt = output_format(path, fmt)
    if fmt == "jsonl":
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        for batch in pq.ParquetFile(path).iter_batches(batch_size=512):
            for row in batch.to_pylist():
                yield _parquet_record(row)
    elif fmt == "sqlite":
        yield from _sqlite_records(path)
    else:
        raise ValueError(f"unsupported output format {fmt!r}")


def write_records(records: Iterable[dict], path: str | os.PathLike, fmt: str | None = None,
                  batch: int = 256) -> int:
    """Write records (non-resuming, fresh output) in batches; return how many."""
    n = 0
    with open_writer(path, fmt, resume=False) as writer:
        buf: list[dict] = []
        for rec in records:
            buf.append(rec)
            if len(buf) >= batch:
                writer.write_batch(buf)
                n += len(buf)
                buf = []
        writer.write_batch(buf)
        n += len(buf)
    return n
