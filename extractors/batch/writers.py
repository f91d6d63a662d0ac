"""Resumable writers for extraction output: JSON Lines, Parquet and SQLite.

Every record is a FORMATS.md "Extraction output" line plus ``sha256``, the hex
SHA-256 of the document's UTF-8 text (``null`` when no text was read, e.g. an
unreadable raw file)::

    {"id": "...", "sha256": "9f2c...", "spans": [...], "events": [...], "error": null}

A writer is opened on the final output path. With ``resume=True`` (the default of
`sec-events extract`) it first reads what a previous run left there, exposes the
``(id, sha256)`` keys of the records already written in ``writer.done`` (a Counter,
so repeated keys are counted) and appends after them; with ``resume=False`` any
previous output is removed first. `write_batch(records)` makes a batch durable
before it returns (or, for Parquet, within `rows_per_part` records / `commit_seconds`),
so a run killed at any moment (SIGKILL, power loss of the process) leaves output
that a resumed run completes without duplicating or losing a record.

JSON Lines (``.jsonl``)
    Appended to the final path; each batch is written with one ``write`` and then
    ``flush`` + ``fsync``. On resume the file is scanned; a torn last line (no
    newline, or not valid JSON) is cut off by truncating the file to the end of the
    last complete line.

Parquet (``.parquet``)
    While running, records go to committed parts beside the output:
    ``OUT.parquet.parts/part-00000.parquet``, ``part-00001.parquet``... Each part is
    committed every `rows_per_part` rows (default 1000, or ``$SEC_EVENTS_PARQUET_PART_ROWS``)
    or `commit_seconds` (30 s), whichever comes first, so a kill loses at most that
    much work, which the resumed run redoes. A part is
    written to a hidden temporary name, fsynced and renamed into place, so a part
    either exists complete or not at all (leftover temporaries are deleted on
    resume). `close()` merges the parts, in order, into ``OUT.parquet`` (streamed
    through a ``pyarrow.parquet.ParquetWriter`` in row groups of `rows_per_part`
    rows, written to a temporary file and renamed), then deletes the parts folder.
    If the parts folder exists it is authoritative (an ``OUT.parquet`` beside it is
    a stale merge); resuming on a finished ``OUT.parquet`` moves it into the parts
    folder as the first part and appends new parts after it. Columns: ``id``,
    ``sha256``, ``error`` (strings) and ``spans``, ``events``, ``unmatched_items``
    (JSON text, since span values and event arguments are polymorphic: a date
    string, a money object, a number; ``unmatched_items`` is null when the document
    declared no 8-K items). File metadata key ``sec_events`` says so.

SQLite (``.sqlite`` / ``.db``)
    One transaction per batch (WAL journal while running, ``synchronous=FULL``; on
    close the WAL is checkpointed and the file returned to a single-file rollback
    journal). Schema (``PRAGMA user_version = 2``)::

        documents(seq INTEGER PRIMARY KEY,     -- 0-based output order = input order
                  id TEXT NOT NULL, sha256 TEXT, error TEXT,
                  n_spans INTEGER NOT NULL, n_events INTEGER NOT NULL,
                  unmatched_items TEXT)        -- JSON list; NULL when no items declared
        spans(doc_seq INTEGER NOT NULL REFERENCES documents(seq),
              idx INTEGER NOT NULL,              -- position in the record's spans list
              start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
              label TEXT NOT NULL, text TEXT NOT NULL,
              value TEXT,                        -- JSON; NULL when the span has no value key
              score REAL, extra TEXT,            -- extra: JSON of any other keys
              PRIMARY KEY (doc_seq, idx))
        events(doc_seq INTEGER NOT NULL REFERENCES documents(seq), idx INTEGER NOT NULL,
               type TEXT NOT NULL, trigger_start INTEGER, trigger_end INTEGER,
               trigger_text TEXT, modality TEXT, score REAL, extra TEXT,
               PRIMARY KEY (doc_seq, idx))
        arguments(doc_seq INTEGER NOT NULL, event_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
                  role TEXT NOT NULL, start_char INTEGER, end_char INTEGER, text TEXT,
                  value TEXT, extra TEXT,
                  PRIMARY KEY (doc_seq, event_idx, idx),
                  FOREIGN KEY (doc_seq, event_idx) REFERENCES events(doc_seq, idx))

    Indexes: ``documents(id, sha256)``, ``spans(label)``, ``events(type)``,
    ``arguments(role)`` (the primary keys cover lookups by document). Offsets are
    code-point offsets into the document text, ``end`` exclusive, as in FORMATS.md.

`read_records(path)` streams any of the three back as FORMATS.md dicts (with
``sha256``), in output order.
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
SQLITE_VERSION = 2
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


# --------------------------------------------------------------------------- Parquet
def parquet_schema():
    import pyarrow as pa

    return pa.schema([("id", pa.string()), ("sha256", pa.string()), ("spans", pa.string()),
                      ("events", pa.string()), ("error", pa.string()), ("unmatched_items", pa.string())],
                     metadata={"sec_events": "extraction output v1 (FORMATS.md); spans and events "
                                             "are JSON text; sha256 of the UTF-8 document text"})


def _parquet_row(record: dict) -> dict:
    return {"id": record["id"], "sha256": record.get("sha256"), "spans": _dumps(record.get("spans", [])),
            "events": _dumps(record.get("events", [])), "error": record.get("error"),
            "unmatched_items": _items_text(record)}


def _items_text(record: dict) -> str | None:
    """`unmatched_items` as stored (JSON text); None when the document declared no items."""
    return _dumps(record["unmatched_items"]) if "unmatched_items" in record else None


def _with_items(record: dict, items: str | None) -> dict:
    """The inverse of `_items_text`: put stored `unmatched_items` back on a record."""
    if items is not None:
        record["unmatched_items"] = json.loads(items)
    return record


def _parquet_record(row: dict) -> dict:
    return _with_items({"id": row["id"], "sha256": row["sha256"], "spans": json.loads(row["spans"] or "[]"),
                        "events": json.loads(row["events"] or "[]"), "error": row["error"]},
                       row.get("unmatched_items"))


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

        names = set(pq.read_schema(path).names)
        if not {"id", "sha256", "spans", "events", "error"} <= names:
            raise ResumeError(f"{path}: not an extraction output with id and sha256 columns; "
                              f"cannot resume (use --no-resume to overwrite)")

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
            pending: list = []
            rows = 0
            for part in self._part_files():
                for batch in pq.ParquetFile(part).iter_batches(batch_size=self.rows_per_part):
                    pending.append(batch)
                    rows += batch.num_rows
                    if rows >= self.rows_per_part:
                        writer.write_table(pa.Table.from_batches(pending, schema=schema))
                        pending, rows = [], 0
            if pending:
                writer.write_table(pa.Table.from_batches(pending, schema=schema))
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
SQLITE_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    sha256 TEXT,
    error TEXT,
    n_spans INTEGER NOT NULL,
    n_events INTEGER NOT NULL,
    unmatched_items TEXT
);
CREATE TABLE IF NOT EXISTS spans (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    value TEXT,
    score REAL,
    extra TEXT,
    PRIMARY KEY (doc_seq, idx)
);
CREATE TABLE IF NOT EXISTS events (
    doc_seq INTEGER NOT NULL REFERENCES documents(seq),
    idx INTEGER NOT NULL,
    type TEXT NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text TEXT,
    modality TEXT,
    score REAL,
    extra TEXT,
    PRIMARY KEY (doc_seq, idx)
);
CREATE TABLE IF NOT EXISTS arguments (
    doc_seq INTEGER NOT NULL,
    event_idx INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    role TEXT NOT NULL,
    start_char INTEGER,
    end_char INTEGER,
    text TEXT,
    value TEXT,
    extra TEXT,
    PRIMARY KEY (doc_seq, event_idx, idx),
    FOREIGN KEY (doc_seq, event_idx) REFERENCES events(doc_seq, idx)
);
CREATE INDEX IF NOT EXISTS documents_id ON documents(id, sha256);
CREATE INDEX IF NOT EXISTS spans_label ON spans(label);
CREATE INDEX IF NOT EXISTS events_type ON events(type);
CREATE INDEX IF NOT EXISTS arguments_role ON arguments(role);
"""

_SPAN_KEYS = ("start", "end", "label", "text", "value", "score")
_EVENT_KEYS = ("type", "trigger", "args", "modality", "score")
_ARG_KEYS = ("role", "start", "end", "text", "value")


def _extra(d: dict, known: tuple) -> str | None:
    rest = {k: v for k, v in d.items() if k not in known}
    return _dumps(rest) if rest else None


def _value(d: dict) -> str | None:
    return _dumps(d["value"]) if "value" in d else None


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
            raise ResumeError(f"{self.path}: not an extraction database (user_version {version}); "
                              f"use --no-resume to overwrite")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.executescript(SQLITE_SCHEMA)
        self.conn.execute(f"PRAGMA user_version = {SQLITE_VERSION}")
        self._seq = 0
        for doc_id, sha, seq in self.conn.execute("SELECT id, sha256, seq FROM documents ORDER BY seq"):
            self.done[(doc_id, sha)] += 1
            self.existing += 1
            self._seq = seq + 1

    def write_batch(self, records: list[dict]) -> None:
        if not records:
            return
        docs, spans, events, args = [], [], [], []
        for rec in records:
            seq = self._seq
            self._seq += 1
            rec_spans = rec.get("spans") or []
            rec_events = rec.get("events") or []
            docs.append((seq, rec["id"], rec.get("sha256"), rec.get("error"), len(rec_spans), len(rec_events),
                         _items_text(rec)))
            for i, s in enumerate(rec_spans):
                spans.append((seq, i, s["start"], s["end"], s["label"], s["text"], _value(s),
                              s.get("score"), _extra(s, _SPAN_KEYS)))
            for i, e in enumerate(rec_events):
                trig = e.get("trigger") or {}
                extra = {k: v for k, v in e.items() if k not in _EVENT_KEYS}
                if set(trig) - {"start", "end", "text"} or "trigger" not in e:
                    extra["trigger"] = e.get("trigger")
                events.append((seq, i, e["type"], trig.get("start"), trig.get("end"), trig.get("text"),
                               e.get("modality"), e.get("score"), _dumps(extra) if extra else None))
                for j, a in enumerate(e.get("args") or []):
                    args.append((seq, i, j, a["role"], a.get("start"), a.get("end"), a.get("text"),
                                 _value(a), _extra(a, _ARG_KEYS)))
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?)", docs)
            conn.executemany("INSERT INTO spans VALUES (?,?,?,?,?,?,?,?,?)", spans)
            conn.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?)", events)
            conn.executemany("INSERT INTO arguments VALUES (?,?,?,?,?,?,?,?,?)", args)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            self._seq -= len(records)
            raise
        self.written += len(records)

    def close(self) -> None:
        if self.conn is None:
            return
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.execute("PRAGMA journal_mode=DELETE")
        self.conn.close()
        self.conn = None

    def abort(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def _sqlite_records(path: Path) -> Iterator[dict]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        cur = conn.execute("SELECT seq, id, sha256, error, unmatched_items FROM documents ORDER BY seq")
        while True:
            rows = cur.fetchmany(256)
            if not rows:
                break
            lo, hi = rows[0][0], rows[-1][0]
            spans: dict[int, list] = {}
            for seq, start, end, label, text, value, score, extra in conn.execute(
                    "SELECT doc_seq, start_char, end_char, label, text, value, score, extra FROM spans "
                    "WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, idx", (lo, hi)):
                s = {"start": start, "end": end, "label": label, "text": text}
                if value is not None:
                    s["value"] = json.loads(value)
                if score is not None:
                    s["score"] = score
                if extra:
                    s.update(json.loads(extra))
                spans.setdefault(seq, []).append(s)
            args: dict[tuple, list] = {}
            for seq, ev, role, start, end, text, value, extra in conn.execute(
                    "SELECT doc_seq, event_idx, role, start_char, end_char, text, value, extra FROM arguments "
                    "WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, event_idx, idx", (lo, hi)):
                a = {"role": role}
                for k, v in (("start", start), ("end", end), ("text", text)):
                    if v is not None:
                        a[k] = v
                if value is not None:
                    a["value"] = json.loads(value)
                if extra:
                    a.update(json.loads(extra))
                args.setdefault((seq, ev), []).append(a)
            events: dict[int, list] = {}
            for seq, idx, etype, ts, te, tt, modality, score, extra in conn.execute(
                    "SELECT doc_seq, idx, type, trigger_start, trigger_end, trigger_text, modality, score, extra "
                    "FROM events WHERE doc_seq BETWEEN ? AND ? ORDER BY doc_seq, idx", (lo, hi)):
                trig = {k: v for k, v in (("start", ts), ("end", te), ("text", tt)) if v is not None}
                e = {"type": etype, "trigger": trig, "args": args.get((seq, idx), [])}
                if modality is not None:
                    e["modality"] = modality
                if score is not None:
                    e["score"] = score
                if extra:
                    e.update(json.loads(extra))
                events.setdefault(seq, []).append(e)
            for seq, doc_id, sha, error, items in rows:
                yield _with_items({"id": doc_id, "sha256": sha, "spans": spans.get(seq, []),
                                   "events": events.get(seq, []), "error": error}, items)
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
