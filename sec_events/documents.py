"""Reading and writing document collections (FORMATS.md): JSONL or Parquet.

Writers are atomic: they write to a temporary file beside the target and rename it
into place when done, so an interrupted run never leaves half-written output.
"""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator


def output_format(path: str | os.PathLike, explicit: str | None = None) -> str:
    """Pick an output format from an explicit choice or the file extension."""
    if explicit:
        return explicit.lower()
    suffix = Path(path).suffix.lower()
    return {".parquet": "parquet", ".pq": "parquet", ".sqlite": "sqlite", ".db": "sqlite"}.get(suffix, "jsonl")


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; rename it to `path` on success."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp)
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_jsonl(path: str | os.PathLike) -> Iterator[dict]:
    """Yield one dict per non-blank line; a bad line raises ValueError naming file and line."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({err.msg})") from err


def write_jsonl(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write records atomically as JSON Lines; return how many were written."""
    n = 0
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
    return n


DOCUMENT_KEYS = ("id", "text", "meta")


def read_parquet(path: str | os.PathLike) -> Iterator[dict]:
    """Yield documents from a Parquet file written by `write_parquet` (meta, and any other
    keys a document had, as JSON text)."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            if isinstance(row.get("meta"), str):
                row["meta"] = json.loads(row["meta"])
            extra = row.pop("extra", None)
            if isinstance(extra, str):
                row.update(json.loads(extra))
            yield row


def _parquet_row(record: dict) -> dict:
    """A document as a row of fixed string columns: its keys beyond id, text and meta
    (passed through from the input, of any type) go to one JSON column, `extra`, so that
    two documents whose extra keys differ in type can share the file."""
    extra = {k: v for k, v in record.items() if k not in DOCUMENT_KEYS}
    return {"id": record.get("id"), "text": record.get("text"),
            "meta": json.dumps(record.get("meta", {}), ensure_ascii=False),
            "extra": json.dumps(extra, ensure_ascii=False) if extra else None}


def write_parquet(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write documents atomically to Parquet with pyarrow, streaming in batches (id, text,
    meta as JSON text since its keys vary from document to document, extra keys as JSON)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(k, pa.string()) for k in DOCUMENT_KEYS + ("extra",)])
    n = 0
    with atomic_path(path) as tmp:
        with pq.ParquetWriter(str(tmp), schema) as writer:
            batch: list[dict] = []
            for record in records:
                batch.append(_parquet_row(record))
                if len(batch) >= 256:
                    writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                    n += len(batch)
                    batch = []
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
    return n


def read_documents(path: str | os.PathLike) -> Iterator[dict]:
    """Read a documents file (JSONL or Parquet, by extension)."""
    if output_format(path) == "parquet":
        yield from read_parquet(path)
    else:
        yield from read_jsonl(path)


def write_documents(records: Iterable[dict], path: str | os.PathLike, fmt: str | None = None) -> int:
    fmt = output_format(path, fmt)
    if fmt == "parquet":
        return write_parquet(records, path)
    if fmt == "jsonl":
        return write_jsonl(records, path)
    raise ValueError(f"unsupported documents format {fmt!r} (jsonl or parquet)")
