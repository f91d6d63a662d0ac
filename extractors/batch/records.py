"""Records: turn a processed spaCy Doc into FORMATS.md extraction output.

This is the last stage of the pipeline: entity spans get their normalised `value`
(SCHEMA section 3) and a `score`; event records come from the linker, which stores
them on ``doc._.events`` as FORMATS.md dicts (empty until a linker runs).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span

from extractors.contract import doc_text
from extractors.items import filed_date, unmatched_items
from extractors.normalise import VALUED, document_year, normalise
from extractors.batch.windows import YEAR_KEY

if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


def span_score(span: Span) -> float:
    """The span's confidence: a component-set `score` extension, else 1.0 (rules)."""
    if Span.has_extension("score"):
        score = span._.score
        if score is not None:
            return round(float(score), 4)
    return 1.0


def span_value(label: str, text: str, before: str, after: str, doc_year: int | None):
    """The span's value; an amount of money written in accounting brackets (`($0.06)`,
    the brackets outside the span as SCHEMA asks) is negative. (A percentage in
    brackets is usually an aside in prose, `(6 percent)`, so it keeps its sign.)"""
    value = normalise(label, text, doc_year)
    if label == "MONEY" and value and before.endswith("(") and after.startswith(")") and value["amount"] > 0:
        value = {**value, "amount": -value["amount"]}
    return value


def span_record(span: Span, doc_year: int | None, text: str) -> dict:
    """`text` is the document's text (read once per document: Doc.text rebuilds it)."""
    record = {"start": span.start_char, "end": span.end_char, "label": span.label_,
              "text": text[span.start_char:span.end_char]}
    if span.label_ in VALUED:
        record["value"] = span_value(span.label_, span.text, text[max(0, span.start_char - 1):span.start_char],
                                     text[span.end_char:span.end_char + 2], doc_year)
    record["score"] = span_score(span)
    return record


def doc_year(doc: Doc, text: str) -> int | None:
    """The year a document's dates imply: set on a window of a long document by the
    batch runner (the whole document's year), else read from the text."""
    year = doc.user_data.get(YEAR_KEY)
    return year if year is not None else document_year(text)


def add_unmatched_items(record: dict, meta: dict | None) -> dict:
    """When the document's `meta` declares 8-K items, `unmatched_items` lists those
    with no event of a type the item maps to (extractors.items)."""
    if meta and meta.get("items"):
        types = {e["type"] for e in record["events"]}
        record["unmatched_items"] = unmatched_items(meta["items"], types, filed_date(meta))
    return record


def doc_to_record(doc: Doc, doc_id: str, meta: dict | None = None) -> dict:
    """FORMATS.md extraction output for one document (see `add_unmatched_items` for
    what `meta` adds)."""
    text = doc_text(doc)
    year = doc_year(doc, text)
    record = {
        "id": doc_id,
        "spans": [span_record(ent, year, text) for ent in doc.ents],
        "events": list(doc._.events or []),
        "error": None,
    }
    return add_unmatched_items(record, meta)


def error_record(doc_id: str, reason: str) -> dict:
    """The line a document that could not be processed still gets (FORMATS.md)."""
    return {"id": doc_id, "spans": [], "events": [], "error": reason}
