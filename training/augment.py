"""Training-data augmentation: variants of gold records with their annotations moved along.

Each augmenter takes a full annotation record (FORMATS.md: `text`, `spans`, `events`,
`ignore`) and a random generator and returns a new record (or None when it does not
apply). Offsets of every span, trigger, argument and ignore region follow the text.

- `names`: every PERSON and ORG name replaced, consistently within the record, by another
  name of the same label drawn from the training records (the classifier must read the
  context, not remember four companies' names).
- `upper`: the cover page (the text before the first `Item` heading, at most 3,000
  characters) in capitals, as old and HTML-era cover pages print the registrant.
- `lines`: line breaks inside the cover page and headings (some spaces become newlines),
  as fixed-width and table-flattened filings break names over lines.
"""
from __future__ import annotations

import random
import re
from typing import Callable

NAME_LABELS = ("PERSON", "ORG")
COVER_END = re.compile(r"^\s*ITEM\s+\d", re.I | re.M)
COVER_MAX = 3000


def _marks(record: dict) -> list[dict]:
    """Every offset-bearing dict of the record (spans, triggers, arguments, ignore regions)."""
    out = list(record["spans"]) + list(record.get("ignore") or [])
    for e in record["events"]:
        out.append(e["trigger"])
        out.extend(e["args"])
    return out


def _copy(record: dict, suffix: str) -> dict:
    return {**record, "id": f"{record['id']}~{suffix}",
            "spans": [dict(s) for s in record["spans"]],
            "events": [{**e, "trigger": dict(e["trigger"]), "args": [dict(a) for a in e["args"]]}
                       for e in record["events"]],
            "ignore": [dict(r) for r in record.get("ignore") or []]}


def name_pool(records: list[dict]) -> dict[str, list[str]]:
    """The distinct PERSON and ORG names of `records`, by label (one line, sorted)."""
    pool: dict[str, set[str]] = {label: set() for label in NAME_LABELS}
    for r in records:
        for s in r["spans"]:
            if s["label"] in pool:
                name = " ".join(r["text"][s["start"]:s["end"]].split())
                if 2 <= len(name) <= 60:
                    pool[s["label"]].add(name)
    return {label: sorted(names) for label, names in pool.items()}


def swap_names(record: dict, rng: random.Random, pool: dict[str, list[str]]) -> dict | None:
    """`record` with each PERSON/ORG name replaced by another of the same label."""
    spans = sorted((s for s in record["spans"] if s["label"] in NAME_LABELS), key=lambda s: s["start"])
    if not spans:
        return None
    text = record["text"]
    chosen: dict[tuple[str, str], str] = {}
    edits = []  # (start, end, new text), non-overlapping, increasing
    last = -1
    for s in spans:
        if s["start"] < last:
            continue
        old = text[s["start"]:s["end"]]
        key = (s["label"], " ".join(old.split()))
        if key not in chosen:
            chosen[key] = rng.choice(pool[s["label"]]) if pool[s["label"]] else old
        edits.append((s["start"], s["end"], chosen[key]))
        last = s["end"]
    out = _copy(record, "names")
    pieces, pos = [], 0
    moved = []  # (old start, old end, new start, new end) of each replaced name
    delta = 0
    for a, b, new in edits:
        pieces += [text[pos:a], new]
        moved.append((a, b, a + delta, a + delta + len(new)))
        delta += len(new) - (b - a)
        pos = b
    pieces.append(text[pos:])
    out["text"] = "".join(pieces)
    for m in _marks(out):
        m["start"], m["end"] = _move(m["start"], moved, False), _move(m["end"], moved, True)
    return out


def _move(x: int, moved: list[tuple[int, int, int, int]], is_end: bool) -> int:
    """Where offset `x` of the old text is in the new one; an offset inside a replaced
    name goes to the new name's start (a start) or end (an end)."""
    shift = 0
    for a, b, na, nb in moved:
        if x < a or (x == a and is_end):
            break
        if x < b:
            return nb if is_end else na
        shift = nb - b
    return x + shift


def _cover_end(text: str) -> int:
    m = COVER_END.search(text, 0, COVER_MAX)
    return m.start() if m else min(len(text), COVER_MAX)


def upper_cover(record: dict, rng: random.Random) -> dict | None:
    """`record` with its cover page in capitals (offsets unchanged)."""
    end = _cover_end(record["text"])
    head = record["text"][:end]
    if end < 200 or head.upper() == head or len(head.upper()) != len(head):
        return None
    out = _copy(record, "upper")
    out["text"] = head.upper() + record["text"][end:]
    return out


def break_lines(record: dict, rng: random.Random, share: float = 0.15) -> dict | None:
    """`record` with some spaces of its cover page and of short heading lines turned into
    line breaks (offsets unchanged)."""
    text = list(record["text"])
    end = _cover_end(record["text"])
    pos, changed = 0, 0
    for line in record["text"].split("\n"):
        if pos < end or len(line.split()) <= 8:
            for k, ch in enumerate(line):
                if ch == " " and rng.random() < share:
                    text[pos + k] = "\n"
                    changed += 1
        pos += len(line) + 1
    if not changed:
        return None
    out = _copy(record, "lines")
    out["text"] = "".join(text)
    return out


AUGMENTERS: dict[str, Callable] = {"names": swap_names, "upper": upper_cover, "lines": break_lines}


def augment(records: list[dict], which: list[str], seed: int = 0) -> list[dict]:
    """One variant of every record per augmenter in `which` (where it applies)."""
    unknown = [w for w in which if w not in AUGMENTERS]
    if unknown:
        raise ValueError(f"unknown augmenters {unknown} (known: {', '.join(AUGMENTERS)})")
    rng = random.Random(seed)
    pool = name_pool(records)
    out = []
    for name in which:
        for r in records:
            v = swap_names(r, rng, pool) if name == "names" else AUGMENTERS[name](r, rng)
            if v is not None:
                out.append(v)
    return out
