"""FORMATS.md scoring: entities, values, triggers, arguments, records, document types.

Every figure is micro-averaged P/R/F1 over a set of documents, with a per-label (or
per-type, per-role) breakdown. Gold and predictions are FORMATS.md records: gold are
annotation records, predictions extraction-output records (or annotation records);
both are matched by document id. Predictions inside a gold document's `ignore`
regions are not scored.

Matching is one-to-one throughout: a gold item is credited to at most one prediction.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from extractors.items import declared_types, filed_date
from extractors.schema import MAPPED_TYPES, VALUED

MONEY_TOLERANCE = 0.005


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f": round(self.f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Table:
    """A micro total plus a breakdown by key."""
    total: PRF = field(default_factory=PRF)
    by: dict = field(default_factory=lambda: defaultdict(PRF))

    def add(self, key: str, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        for prf in (self.total, self.by[key]):
            prf.tp += tp
            prf.fp += fp
            prf.fn += fn

    def as_dict(self) -> dict:
        return {**self.total.as_dict(), "by": {k: v.as_dict() for k, v in sorted(self.by.items())}}


def values_equal(label: str | None, gold, pred) -> bool:
    """Value equality of FORMATS.md: money within 0.5% and same currency, else equal."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if label == "MONEY" or (isinstance(gold, dict) and "amount" in gold):
        if not isinstance(pred, dict):
            return False
        if gold.get("currency") != pred.get("currency"):
            return False
        g, p = float(gold["amount"]), float(pred["amount"])
        return abs(g - p) <= MONEY_TOLERANCE * abs(g) if g else p == 0
    if isinstance(gold, (int, float)) and isinstance(pred, (int, float)):
        return abs(float(gold) - float(pred)) < 1e-9
    return gold == pred


def norm_text(text: str) -> str:
    """Case, runs of whitespace and trailing punctuation ignored."""
    return re.sub(r"[\s\.,;:!?\)\]\"']+$", "", re.sub(r"\s+", " ", text.lower().strip()))


def _in_ignore(start: int, end: int, ignore: list[dict]) -> bool:
    return any(start < r["end"] and r["start"] < end for r in ignore)


def _span_index(record: dict) -> dict:
    return {(s["start"], s["end"]): s for s in record.get("spans", []) or []}


def _filler(record: dict, arg: dict, spans: dict) -> dict:
    """Describe an argument's filler: label and value if it is an entity, offsets, text."""
    span = spans.get((arg["start"], arg["end"]))
    label = span["label"] if span else arg.get("label")
    value = arg.get("value", span.get("value") if span else None)
    text = arg.get("text")
    if text is None:
        text = record["text"][arg["start"]:arg["end"]] if record.get("text") else (span or {}).get("text", "")
    return {"label": label, "value": value, "start": arg["start"], "end": arg["end"], "text": text}


def fillers_equal(gold: dict, pred: dict) -> bool:
    """FORMATS.md rule 4: equal value for valued fillers, else overlap or equal text."""
    if gold["label"] in VALUED:
        return values_equal(gold["label"], gold["value"], pred["value"])
    if gold["start"] < pred["end"] and pred["start"] < gold["end"]:
        return True
    return norm_text(gold["text"]) == norm_text(pred["text"])


def _with_text(pred: dict, gold: dict) -> dict:
    """Predictions may come without text; give them the gold document's text."""
    if "text" not in pred and "text" in gold:
        return {**pred, "text": gold["text"]}
    return pred


def score(gold_records: Iterable[dict], pred_records: Iterable[dict]) -> dict:
    """All FORMATS.md figures for predictions against gold, as a JSON-ready dict."""
    gold_by_id = {g["id"]: g for g in gold_records}
    pred_by_id = {p["id"]: p for p in pred_records}
    ents, values = Table(), Table()
    triggers, args, doc_types = Table(), Table(), Table()
    records = PRF()
    record_by_type: dict = defaultdict(PRF)
    for doc_id, gold in gold_by_id.items():
        pred = _with_text(pred_by_id.get(doc_id, {"id": doc_id, "spans": [], "events": []}), gold)
        ignore = gold.get("ignore", []) or []
        _score_entities(gold, pred, ignore, ents, values)
        if "events" in gold:
            _score_events(doc_id, gold, pred, ignore, triggers, args, records, record_by_type, doc_types)
    return {
        "documents": len(gold_by_id),
        "entities": ents.as_dict(),
        "values": {"accuracy": round(values.total.tp / values.total.fn, 4) if values.total.fn else None,
                   "correct": values.total.tp, "scored": values.total.fn,
                   "by": {k: {"accuracy": round(v.tp / v.fn, 4) if v.fn else None,
                              "correct": v.tp, "scored": v.fn} for k, v in sorted(values.by.items())}},
        "triggers": triggers.as_dict(),
        "arguments": args.as_dict(),
        "records": {"recall": round(records.tp / records.fn, 4) if records.fn else None,
                    "complete": records.tp, "gold": records.fn,
                    "by": {k: {"recall": round(v.tp / v.fn, 4) if v.fn else None,
                               "complete": v.tp, "gold": v.fn} for k, v in sorted(record_by_type.items())}},
        "doc_types": doc_types.as_dict(),
    }


def _score_entities(gold: dict, pred: dict, ignore: list, ents: Table, values: Table) -> None:
    if "spans" not in gold:
        return
    gold_spans = {(s["start"], s["end"], s["label"]): s for s in gold["spans"]}
    pred_spans = {(s["start"], s["end"], s["label"]): s for s in pred.get("spans", []) or []
                  if not _in_ignore(s["start"], s["end"], ignore)}
    for key, span in pred_spans.items():
        if key in gold_spans:
            ents.add(key[2], tp=1)
            if key[2] in VALUED:
                ok = values_equal(key[2], gold_spans[key].get("value"), span.get("value"))
                # values table: tp = correct values, fn = scored (correct spans)
                values.add(key[2], tp=int(ok), fn=1)
        else:
            ents.add(key[2], fp=1)
    for key in gold_spans.keys() - pred_spans.keys():
        ents.add(key[2], fn=1)


def carried_args(gold: dict, pred: dict, gold_event: dict, pred_event: dict) -> int:
    """How many of the gold event's arguments the predicted event carries."""
    gspans, pspans = _span_index(gold), _span_index(pred)
    pfills = [(a["role"], _filler(pred, a, pspans)) for a in pred_event.get("args", [])]
    return sum(any(r == a["role"] and fillers_equal(_filler(gold, a, gspans), f) for r, f in pfills)
               for a in gold_event.get("args", []))


def match_triggers(gold: dict, pred: dict, gold_events: list[dict], pred_events: list[dict]) -> dict[int, int]:
    """FORMATS.md rule 3: {gold event index: predicted event index}. A predicted event
    matches a gold event of its type whose trigger overlaps its own, one to one; as many
    pairs as possible, and where several predicted events overlap one gold trigger (a
    shared trigger) the gold event takes the one carrying most of its arguments (a
    maximum-weight assignment: each pair weighs 1 plus a fraction for its arguments)."""
    pairs = [(gi, pi) for gi, ge in enumerate(gold_events) for pi, pe in enumerate(pred_events)
             if ge["type"] == pe["type"] and pe["trigger"]["start"] < ge["trigger"]["end"]
             and ge["trigger"]["start"] < pe["trigger"]["end"]]
    if not pairs:
        return {}
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    gis, pis = sorted({g for g, _ in pairs}), sorted({p for _, p in pairs})
    row, col = {g: i for i, g in enumerate(gis)}, {p: j for j, p in enumerate(pis)}
    weight = np.zeros((len(gis), len(pis)))
    for gi, pi in pairs:
        n = max(1, len(gold_events[gi].get("args", [])))
        # ties (equal arguments) go to the earlier prediction
        weight[row[gi], col[pi]] = 1 + carried_args(gold, pred, gold_events[gi], pred_events[pi]) / (n + 1) \
            - 1e-6 * col[pi]
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return {gis[r]: pis[c] for r, c in zip(rows, cols) if weight[r, c] > 0}


def match_arguments(gold: dict, pred: dict, gold_events: list[dict],
                    pred_events: list[dict]) -> tuple[set[tuple[int, int]], list[tuple[int, int]]]:
    """FORMATS.md rule 4: (the predicted arguments no gold tuple matches, the gold
    arguments no prediction matches), each as (event index, argument index). Tuples
    (type, role, filler) are matched one to one, predictions in order."""
    gspans, pspans = _span_index(gold), _span_index(pred)
    gold_tuples = [((gi, ai), ge["type"], a["role"], _filler(gold, a, gspans))
                   for gi, ge in enumerate(gold_events) for ai, a in enumerate(ge.get("args", []))]
    used: set[int] = set()
    wrong: set[tuple[int, int]] = set()
    for pi, pe in enumerate(pred_events):
        for ai, a in enumerate(pe.get("args", [])):
            pfill = _filler(pred, a, pspans)
            for k, (_, gtype, grole, gfill) in enumerate(gold_tuples):
                if k not in used and gtype == pe["type"] and grole == a["role"] and fillers_equal(gfill, pfill):
                    used.add(k)
                    break
            else:
                wrong.add((pi, ai))
    return wrong, [key for k, (key, *_) in enumerate(gold_tuples) if k not in used]


def _score_events(doc_id, gold, pred, ignore, triggers, args, records, record_by_type, doc_types) -> None:
    gold_events = gold.get("events", [])
    pred_events = [e for e in pred.get("events", []) or []
                   if not _in_ignore(e["trigger"]["start"], e["trigger"]["end"], ignore)]
    matched = match_triggers(gold, pred, gold_events, pred_events)
    hit = set(matched.values())
    for pi, pe in enumerate(pred_events):
        triggers.add(pe["type"], **({"tp": 1} if pi in hit else {"fp": 1}))
    for gi, ge in enumerate(gold_events):
        if gi not in matched:
            triggers.add(ge["type"], fn=1)
    # arguments: tuples (doc, type, role, filler), matched one-to-one
    wrong, missed = match_arguments(gold, pred, gold_events, pred_events)
    for pi, pe in enumerate(pred_events):
        for ai, a in enumerate(pe.get("args", [])):
            args.add(f"{pe['type']}.{a['role']}", **({"fp": 1} if (pi, ai) in wrong else {"tp": 1}))
    for gi, ai in missed:
        args.add(f"{gold_events[gi]['type']}.{gold_events[gi]['args'][ai]['role']}", fn=1)
    # complete records: the matched prediction carries every gold argument
    for gi, ge in enumerate(gold_events):
        complete = gi in matched and carried_args(gold, pred, ge, pred_events[matched[gi]]) == len(ge.get("args", []))
        records.tp += int(complete)
        records.fn += 1
        record_by_type[ge["type"]].tp += int(complete)
        record_by_type[ge["type"]].fn += 1
    # document event types
    gtypes = {e["type"] for e in gold_events}
    ptypes = {e["type"] for e in pred_events}
    for t in ptypes & gtypes:
        doc_types.add(t, tp=1)
    for t in ptypes - gtypes:
        doc_types.add(t, fp=1)
    for t in gtypes - ptypes:
        doc_types.add(t, fn=1)


# ------------------------------------------------------------- declared 8-K items
def items_scores(docs: list[dict], predictions: dict[str, set[str]]) -> dict:
    """Document-level P/R/F1 of extracted event types against declared items.

    SCHEMA section 4: per document, each declared item that maps to a type is a gold
    "slot" satisfied by any of its types; items that map to no type are left out, and
    so is a filing none of whose declared items maps to a type (or that declares none).
    Predicted types count only among MAPPED_TYPES (types some item declares).
    Micro-averaged over (document, slot) pairs; breakdown by type.
    """
    table = Table()
    for doc in docs:
        filed = filed_date(doc.get("meta", {}))
        slots = declared_types(doc.get("meta", {}).get("items", []), filed)
        if not slots:
            continue
        predicted = predictions.get(doc["id"], set()) & MAPPED_TYPES
        used: set[str] = set()
        for slot in {frozenset(s) for s in slots}:
            hit = slot & predicted
            key = "|".join(sorted(slot))
            if hit:
                table.add(key, tp=1)
                used |= hit
            else:
                table.add(key, fn=1)
        for t in predicted - used - {t for s in slots for t in s}:
            table.add(t, fp=1)
    return table.as_dict()
