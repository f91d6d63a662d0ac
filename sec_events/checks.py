"""Checks of a user's input files before a long command runs on them.

`check_gold(path)` reads an annotations file (FORMATS.md "Annotations") and raises
`InputError` naming the file, the line and the record for the first record that is
not JSON, lacks an id or text, or marks a span, trigger, argument or ignore region
whose offsets are not integers with ``0 <= start < end <= len(text)``: such gold
would otherwise be scored as if it pointed at something.
"""
from __future__ import annotations

import json
from pathlib import Path


class InputError(ValueError):
    """A user's input file that a command cannot use; the message says where and why."""


def _offsets(item, text_len: int, what: str) -> str | None:
    """Why `item`'s offsets are not usable (or None when they are)."""
    if not isinstance(item, dict):
        return f"{what} is not an object"
    start, end = item.get("start"), item.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        return f"{what} needs integer start and end (has {start!r}, {end!r})"
    if start < 0 or end > text_len:
        return f"{what} [{start}, {end}) lies outside the text (length {text_len})"
    if end <= start:
        return f"{what} [{start}, {end}) ends before it starts" if end < start else \
            f"{what} [{start}, {end}) is empty"
    return None


def record_problem(record) -> str | None:
    """What is wrong with one gold record, or None."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("id"), str) or not record["id"]:
        return "no id (a string)"
    text = record.get("text")
    if not isinstance(text, str):
        return "no text (a string)"
    n = len(text)
    for key in ("spans", "events", "ignore"):
        if key in record and not isinstance(record[key], list):
            return f"{key} is not a list"
    for i, span in enumerate(record.get("spans") or []):
        problem = _offsets(span, n, f"span {i}")
        if problem:
            return problem
        if not isinstance(span.get("label"), str):
            return f"span {i} has no label"
    for i, region in enumerate(record.get("ignore") or []):
        problem = _offsets(region, n, f"ignore region {i}")
        if problem:
            return problem
    for i, event in enumerate(record.get("events") or []):
        if not isinstance(event, dict) or not isinstance(event.get("type"), str):
            return f"event {i} has no type"
        problem = _offsets(event.get("trigger"), n, f"event {i} trigger")
        if problem:
            return problem
        args = event.get("args", [])
        if not isinstance(args, list):
            return f"event {i} args is not a list"
        for j, arg in enumerate(args):
            if not isinstance(arg, dict) or not isinstance(arg.get("role"), str):
                return f"event {i} argument {j} has no role"
            if "start" in arg or "end" in arg:
                problem = _offsets(arg, n, f"event {i} argument {j} ({arg['role']})")
                if problem:
                    return problem
    return None


def check_gold(path: str | Path) -> int:
    """Raise InputError for the first unusable record of an annotations file; return
    the number of records."""
    path = Path(path)
    n = 0
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
            except RecursionError:
                raise InputError(f"{path}:{lineno}: not usable JSON (nested too deeply)") from None
            except ValueError as exc:
                raise InputError(f"{path}:{lineno}: not valid JSON ({getattr(exc, 'msg', exc)})") from None
            problem = record_problem(record)
            if problem:
                rid = record.get("id") if isinstance(record, dict) else None
                name = f"record {rid!r}" if isinstance(rid, str) else "record"
                raise InputError(f"{path}:{lineno}: {name}: {problem}")
            n += 1
    if not n:
        raise InputError(f"{path}: no records")
    return n


def check_json(path: str | Path) -> None:
    """Raise InputError unless `path` holds one JSON document (e.g. a metrics.json)."""
    try:
        json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError) as exc:
        raise InputError(f"{path}: not a JSON file ({type(exc).__name__}: {exc})"[:300]) from None


def check_documents(path: str | Path) -> None:
    """Raise InputError unless `path` is a documents file (JSONL lines with id and text,
    or Parquet) that reads to the end."""
    from sec_events.documents import read_documents

    try:
        for n, doc in enumerate(read_documents(path), 1):
            if not (isinstance(doc, dict) and isinstance(doc.get("id"), str) and isinstance(doc.get("text"), str)):
                raise InputError(f"{path}: document {n} needs id and text (strings)")
    except InputError:
        raise
    except (OSError, ValueError, RecursionError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a documents file ({exc})"[:300]) from None
    except Exception as exc:  # pyarrow's errors on a file that is not Parquet
        raise InputError(f"{path}: not a documents file ({type(exc).__name__}: {exc})"[:300]) from None
