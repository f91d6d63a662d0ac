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


def read_parquet(path: str | os.PathLike) -> Iterator[dict]:
    """Yield documents from a Parquet file written by `write_parquet` (meta as JSON text)."""
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    for batch in pf.iter_batches(batch_size=256):
        for row in batch.to_pylist():
            if isinstance(row.get("meta"), str):
                row["meta"] = json.loads(row["meta"])
            yield row


def write_parquet(records: Iterable[dict], path: str | os.PathLike) -> int:
    """Write documents atomically to Parquet through `datasets` (meta kept as JSON text,
    since its keys vary from document to document)."""
    from datasets import Dataset

    rows = ({**r, "meta": json.dumps(r.get("meta", {}), ensure_ascii=False)} for r in records)
    rows = list(rows)
    with atomic_path(path) as tmp:
        Dataset.from_list(rows).to_parquet(str(tmp)) if rows else _empty_parquet(tmp)
    return len(rows)


def _empty_parquet(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string()),
                             "meta": pa.array([], pa.string())}), path)


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
