"""Extraction output, readably: `sec-events show FILE` (and `extract --pretty`).

One block per document: its id, and what its metadata says of the filer (company,
form, filing date, CIK, ticker, accession); then one block per event: the type, the
trigger's text, modality and score, and each argument's role, text and normalised
value (``$12,500,000``, ``3,125,000 shares``, ``65%``, ``2004-03-05``). A document's
declared 8-K items that no event matched, its error, and (with ``spans=True``) its
entity spans close the block. Printed with rich (colours on a terminal, plain text
otherwise); every text from a filing is printed as text, never read as markup.

Works on any output format (`extractors.batch.writers.read_records`: JSONL, Parquet,
SQLite), streaming: only the records shown are held.
"""
from __future__ import annotations

import fnmatch
import json
import os
from collections import Counter
from typing import Iterable, Iterator

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

TEXT_CHARS = 120  # an argument's text (a proposal, a reason) is cut after this many characters


def _number(x) -> str:
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        x = int(x)
    return f"{x:,}" if isinstance(x, (int, float)) and not isinstance(x, bool) else str(x)


def format_value(value, label: str | None = None) -> str:
    """A normalised value (SCHEMA section 3) as a reader would write it."""
    if value is None:
        return "(no value)"
    if isinstance(value, dict) and "amount" in value:
        amount, currency = value.get("amount"), value.get("currency")
        if amount is None:
            return f"? {currency or ''}".strip()
        if currency == "USD":
            return f"${_number(amount)}"
        return f"{_number(amount)} {currency or ''}".strip()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if label == "PERCENT":
            return f"{_number(value)}%"
        return _number(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _short(text: str | None, limit: int = TEXT_CHARS) -> str:
    text = " ".join(str(text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def describe_meta(meta: dict | None) -> str:
    """``COMPANY · 8-K · filed 2004-03-09 · CIK 844143``: what the metadata says of the filer."""
    from extractors.items import filed_date

    meta = meta if isinstance(meta, dict) else {}
    parts = []
    for key in ("company",):
        if isinstance(meta.get(key), str):
            parts.append(meta[key])
    form = meta.get("form") or meta.get("type") or meta.get("document_type")
    if isinstance(form, str):
        doc_type = meta.get("type") or meta.get("document_type")
        parts.append(form if not isinstance(doc_type, str) or doc_type == form else f"{form} ({doc_type})")
    try:
        filed = filed_date(meta)
    except Exception:
        filed = None
    if filed:
        parts.append(f"filed {filed}")
    for key, name in (("cik", "CIK"), ("ticker", "ticker"), ("accession", "accession")):
        if isinstance(meta.get(key), (str, int)) and not isinstance(meta.get(key), bool):
            parts.append(f"{name} {meta[key]}")
    return " · ".join(parts)


def event_block(event: dict, labels: dict[tuple, str]) -> Group:
    """One event: a heading line, then a row per argument (role, text, value)."""
    trigger = event.get("trigger") or {}
    head = Text()
    head.append(str(event.get("type", "?")), style="bold magenta")
    head.append("  ")
    head.append(f"“{_short(trigger.get('text'), 80)}”", style="italic")
    info = [str(event["modality"])] if event.get("modality") else []
    if isinstance(event.get("score"), (int, float)):
        info.append(f"score {event['score']:.2f}")
    if info:
        head.append("  " + " · ".join(info), style="dim")
    rows = Table(box=None, show_header=False, padding=(0, 2, 0, 0), pad_edge=False)
    rows.add_column("role", style="cyan", no_wrap=True)
    rows.add_column("text", overflow="fold")
    rows.add_column("value", style="green", no_wrap=True)
    for arg in event.get("args") or []:
        label = labels.get((arg.get("start"), arg.get("end")))
        value = Text(format_value(arg["value"], label)) if "value" in arg else Text("")
        rows.add_row(Text("  " + str(arg.get("role", "?"))), Text(_short(arg.get("text"))), value)
    if not event.get("args"):
        rows.add_row(Text("  (no arguments)", style="dim"), Text(""), Text(""))
    return Group(head, rows)


def record_panel(record: dict, spans: bool = False) -> Panel:
    """The block of one extraction record."""
    labels = {(s.get("start"), s.get("end")): s.get("label") for s in record.get("spans") or []}
    parts: list = []
    about = describe_meta(record.get("meta"))
    if about:
        parts.append(Text(about, style="bold"))
    counts = Counter(s.get("label") for s in record.get("spans") or [])
    events = record.get("events") or []
    summary = Text(f"{len(events)} event{'s' if len(events) != 1 else ''}, "
                   f"{sum(counts.values())} spans", style="dim")
    if counts:
        summary.append(" (" + ", ".join(f"{label} {n}" for label, n in sorted(counts.items())) + ")",
                       style="dim")
    parts.append(summary)
    if record.get("error"):
        parts.append(Text(f"error: {record['error']}", style="bold red"))
    for event in events:
        parts.append(Text(""))
        parts.append(event_block(event, labels))
    if record.get("unmatched_items"):
        parts.append(Text(""))
        parts.append(Text("declared items with no event: " + "; ".join(map(str, record["unmatched_items"])),
                          style="yellow"))
    if spans and record.get("spans"):
        table = Table(box=None, show_header=True, header_style="dim", padding=(0, 2, 0, 0), pad_edge=False)
        for name in ("label", "text", "value", "offsets"):
            table.add_column(name, overflow="fold")
        for s in record["spans"]:
            value = format_value(s["value"], s.get("label")) if "value" in s else ""
            table.add_row(Text(str(s.get("label")), style="cyan"), Text(_short(s.get("text"))),
                          Text(value, style="green"), Text(f"{s.get('start')}-{s.get('end')}", style="dim"))
        parts.extend([Text(""), table])
    return Panel(Group(*parts), title=Text(str(record.get("id")), style="bold"), title_align="left",
                 border_style="red" if record.get("error") else "blue")


def select(records: Iterable[dict], doc_id: str | None = None, n: int | None = 10) -> Iterator[dict]:
    """The records to show: those whose id is `doc_id` (or matches it as a shell pattern:
    ``lee8k/A/*``), at most `n` (all when n is 0 or None); reading stops there."""
    shown = 0
    pattern = doc_id is not None and any(ch in doc_id for ch in "*?[")
    for record in records:
        if n and shown >= n:
            return
        if doc_id is not None:
            rid = str(record.get("id"))
            if not (rid == doc_id or (pattern and fnmatch.fnmatchcase(rid, doc_id))):
                continue
        shown += 1
        yield record


def make_console(file=None, width: int | None = None) -> Console:
    """A rich console on stdout (or `file`); plain text when it is not a terminal."""
    if width is None and file is not None and not os.environ.get("COLUMNS"):
        width = 110
    return Console(file=file, width=width, highlight=False, soft_wrap=False)


def show_records(records: Iterable[dict], console: Console | None = None, *, doc_id: str | None = None,
                 n: int | None = 10, spans: bool = False) -> int:
    """Print records (selected by `select`); return how many were shown."""
    console = console or make_console()
    shown = 0
    for record in select(records, doc_id, n):
        if not isinstance(record, dict) or not ({"spans", "events"} & set(record)):
            raise ValueError(f"record {shown + 1} has neither spans nor events")
        console.print(record_panel(record, spans=spans))
        shown += 1
    return shown


def show_file(path: str | os.PathLike, fmt: str | None = None, console: Console | None = None, *,
              doc_id: str | None = None, n: int | None = 10, spans: bool = False) -> int:
    """`show_records` over an extraction output file of any format."""
    from extractors.batch.writers import read_records

    return show_records(read_records(path, fmt), console, doc_id=doc_id, n=n, spans=spans)
